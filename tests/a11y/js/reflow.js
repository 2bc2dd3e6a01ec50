// WCAG 1.4.10: does the page scroll sideways? Names the elements that stick out.
() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return { scrolls: false, scrollWidth: root.scrollWidth, width, culprits: [] };
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 && rect.width > 0 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1)) {
      const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).join(".") : "";
      culprits.push(`<${el.tagName.toLowerCase()}${cls ? "." + cls : ""}> right edge ${Math.round(rect.right)}px`);
      if (culprits.length >= 5) break;
    }
  }
  return { scrolls: true, scrollWidth: root.scrollWidth, width, culprits };
}
