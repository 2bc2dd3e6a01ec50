// Page structure a screen-reader user relies on. Returns {problems, title, h1, lang}.
() => {
  const problems = [];
  const text = (el) => (el.textContent || "").replace(/\s+/g, " ").trim();
  const name = (el) => {
    const tag = el.tagName.toLowerCase();
    const id = el.id ? `#${el.id}` : "";
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return `<${tag}${id}${cls}> "${text(el).slice(0, 60)}"`;
  };
  const accessibleName = (el) => {
    const labelledby = el.getAttribute("aria-labelledby");
    if (labelledby) {
      return labelledby.split(/\s+/).map((id) => document.getElementById(id))
        .filter(Boolean).map(text).join(" ").trim();
    }
    return (el.getAttribute("aria-label") || "").trim();
  };

  const h1s = [...document.querySelectorAll("h1")];
  if (h1s.length !== 1) problems.push(`${h1s.length} <h1> elements, one expected`);

  let previous = 0;
  for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const level = Number(h.tagName[1]);
    if (previous === 0 && level !== 1) problems.push(`the first heading is ${name(h)}, not the <h1>`);
    if (previous && level > previous + 1) {
      problems.push(`heading ${name(h)} follows an <h${previous}>: a level is skipped`);
    }
    previous = level;
  }

  const count = (selector) => document.querySelectorAll(selector).length;
  if (count("main") !== 1) problems.push(`${count("main")} <main> landmarks, one expected`);
  const outside = (selector) => [...document.querySelectorAll(selector)]
    .filter((el) => !el.closest("main, article, aside, nav, section")).length;
  if (outside("header") !== 1) problems.push(`${outside("header")} page <header> (banner) landmarks, one expected`);
  if (outside("footer") !== 1) problems.push(`${outside("footer")} page <footer> (contentinfo) landmarks, one expected`);
  const navNames = new Map();
  for (const nav of document.querySelectorAll("nav")) {
    if (nav.closest("[hidden]")) continue;
    const label = accessibleName(nav);
    if (!label) problems.push(`navigation without a name (aria-label): ${name(nav)}`);
    else if (navNames.has(label) && nav.getClientRects().length && navNames.get(label).getClientRects().length) {
      problems.push(`two visible navigation landmarks are both named "${label}"`);
    }
    navNames.set(label, nav);
  }

  for (const table of document.querySelectorAll("table")) {
    const caption = table.querySelector(":scope > caption");
    if (!caption || !text(caption)) problems.push(`data table without a <caption>: ${name(table)}`);
    for (const th of table.querySelectorAll("th")) {
      if (!["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))) {
        problems.push(`<th> without scope="col" or "row": ${name(th)}`);
      }
    }
  }

  for (const tag of document.querySelectorAll(".ap-status")) {
    if (!/[A-Za-z]{2}/.test(tag.innerText)) problems.push(`status shown without words: ${name(tag)}`);
  }
  for (const timeline of document.querySelectorAll(".ap-timeline")) {
    if (timeline.tagName !== "OL") problems.push(`progress timeline is not an ordered list: ${name(timeline)}`);
  }
  for (const time of document.querySelectorAll("time")) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(time.getAttribute("datetime") || "")) {
      problems.push(`<time> without a machine-readable datetime: ${name(time)}`);
    }
  }

  // Links in the page's own text must be told apart without colour (WCAG 1.4.1).
  for (const link of document.querySelectorAll(".md-content a[href]")) {
    if (!link.getClientRects().length) continue;
    if (!getComputedStyle(link).textDecorationLine.includes("underline")) {
      problems.push(`link told apart by colour only (no underline): ${name(link)}`);
    }
  }

  return { problems, title: document.title, h1: h1s.map(text), lang: document.documentElement.lang };
}
