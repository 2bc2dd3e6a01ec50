// Facts about the element that has keyboard focus now, compared with the previous stop.
// With record false it only looks again (the previous stop is left as it was).
(record = true) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { element: null };
  const text = (el.innerText || el.getAttribute("aria-label") || el.value || "").replace(/\s+/g, " ").trim();
  const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).filter(Boolean).join(".") : "";
  const label = `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls ? "." + cls : ""}> "${text.slice(0, 50)}"`;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  let transparent = false;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    if (Number(getComputedStyle(node).opacity) === 0) transparent = true;
  }
  // Visible: has size, is not hidden or transparent, and is not wholly covered (WCAG 2.4.11).
  const points = [[0.5, 0.5], [0.15, 0.5], [0.85, 0.5], [0.5, 0.2], [0.5, 0.8]];
  const uncovered = rect.width >= 1 && rect.height >= 1 && points.some(([fx, fy]) => {
    const hit = document.elementFromPoint(rect.left + rect.width * fx, rect.top + rect.height * fy);
    return hit && (hit === el || el.contains(hit) || hit.contains(el) || (hit.control === el) || (el.control === hit));
  });
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const previous = window.__apPreviousStop;
  const inOrder = !previous || !previous.isConnected ||
    Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const repeat = record && el === window.__apFirstStop;
  if (record) {
    if (!window.__apFirstStop) window.__apFirstStop = el;
    window.__apPreviousStop = el;
  }
  return {
    element: label,
    repeat,
    visible: style.visibility === "visible" && !transparent && uncovered,
    size: [Math.round(rect.width), Math.round(rect.height)],
    position: [Math.round(rect.left), Math.round(rect.top)],
    indicator: outline || shadow,
    inOrder,
    tabindex: el.tabIndex,
    isSkipLink: el.matches("a.md-skip"),
    href: el.getAttribute("href"),
  };
}
