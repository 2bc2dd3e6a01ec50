/* Keyboard access to Material's menu drawer and search.
   Material opens both with <label>s, which cannot take focus; the header's <button>s
   (actionplan/theme/partials/header.html) toggle the same checkboxes, so Material does the rest.
   The drawer closes on Escape, or when focus leaves it, so focus never hides behind it. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var sidebar = document.querySelector(".md-sidebar--primary");

  function buttonFor(toggle) {
    return document.querySelector('button[data-ap-toggle="' + toggle.id + '"]');
  }

  function shown(element) {
    return element && element.getClientRects().length > 0;
  }

  function close(toggle) {
    if (toggle && toggle.checked) toggle.click();
  }

  // However the menu is opened (button, tap), its item for this page is in sight.
  function showPlace() {
    var place = sidebar && sidebar.querySelector("[aria-current]");
    if (place) place.scrollIntoView({ block: "nearest" });
  }

  function focusInside(container, selector) {
    var target = container && container.querySelector(selector);
    if (target) target.focus();
  }

  document.querySelectorAll("button[data-ap-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var toggle = document.getElementById(button.getAttribute("data-ap-toggle"));
      if (!toggle) return;
      toggle.click();
      // The menu opens where the page is: at its own item, or the nearest (aria-current).
      if (toggle === drawer && drawer.checked) {
        var place = sidebar && sidebar.querySelector("[aria-current]");
        if (place) place.focus();
        else focusInside(sidebar, "a[href], [tabindex='0']");
      }
      if (toggle === search && search.checked) focusInside(document, ".md-search__input");
    });
  });

  [drawer, search].forEach(function (toggle) {
    if (!toggle) return;
    toggle.addEventListener("change", function () {
      var button = buttonFor(toggle);
      if (!button) return;
      button.setAttribute("aria-expanded", String(toggle.checked));
      if (toggle === drawer && toggle.checked) showPlace();
      if (toggle.checked) return;
      // When search or the drawer closes and focus is left nowhere (Material blurs the
      // search field), it goes back to the button that opened it. Checked once Material's
      // own handlers have run.
      setTimeout(function () {
        var lost = !document.activeElement || document.activeElement === document.body;
        if (lost && shown(button)) button.focus();
      }, 0);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer && drawer.checked) {
      close(drawer);
      var button = buttonFor(drawer);
      if (button) button.focus();
    }
  });

  if (sidebar) {
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer && drawer.checked && next && !sidebar.contains(next)) close(drawer);
    });
  }
})();

/* A table wider than the page scrolls inside its box: Material's wrapper for hand-written
   tables (.md-typeset__scrollwrap, added by Material's script) or actionplan's own
   (.ap-table-wrap, which carries tabindex, role and name in the page for browsers without
   script). A region that scrolls must be reachable by keyboard, so a box that overflows takes
   focus (arrow keys then scroll it), is named by its table's caption and has a visible
   "scroll sideways" hint above it; one that fits stays out of the tab order. Checked again
   on resize. */
(function () {
  "use strict";
  var count = 0;

  function hintFor(wrap) {
    var hint = wrap.previousElementSibling;
    if (hint && hint.classList.contains("ap-scroll-hint")) return hint;
    hint = document.createElement("p");
    hint.className = "ap-scroll-hint";
    hint.id = "ap-scroll-hint-" + (++count);
    hint.textContent = "This table is wider than the page: scroll sideways to see every " +
      "column (or select it and use the arrow keys).";
    wrap.parentNode.insertBefore(hint, wrap);
    return hint;
  }

  function fit(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls) {
      var caption = wrap.querySelector("caption");
      var hint = hintFor(wrap);
      hint.hidden = false;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      wrap.setAttribute("aria-describedby", hint.id);
    } else if (wrap.getAttribute("tabindex") === "0") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
      wrap.removeAttribute("aria-describedby");
      var shown = wrap.previousElementSibling;
      if (shown && shown.classList.contains("ap-scroll-hint")) shown.hidden = true;
    }
  }

  function fitAll() {
    document.querySelectorAll(".md-typeset__scrollwrap, .ap-table-wrap").forEach(fit);
  }

  // Material wraps tables when its document$ emits (again after each instant navigation).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(fitAll, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", fitAll);
  }
  window.addEventListener("resize", fitAll);
})();
