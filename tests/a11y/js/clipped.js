// Text cut off by its box (overflow hidden) in the menu and content: lost when text is enlarged.
() => {
  const found = [];
  for (const el of document.querySelectorAll(".md-main *")) {
    if (!el.getClientRects().length || el.closest(".visually-hidden, .md-search")) continue;
    const style = getComputedStyle(el);
    const clipsX = ["hidden", "clip"].includes(style.overflowX);
    const clipsY = ["hidden", "clip"].includes(style.overflowY);
    const cut = (clipsX && el.scrollWidth > el.clientWidth + 1) ||
                (clipsY && el.scrollHeight > el.clientHeight + 1);
    if (cut && (el.innerText || "").trim()) {
      const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).join(".") : "";
      found.push(`<${el.tagName.toLowerCase()}${cls ? "." + cls : ""}> "${el.innerText.trim().slice(0, 40)}"`);
    }
  }
  return found;
}
