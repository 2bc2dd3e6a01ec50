/* Printing a page (a committee paper): show each link's full address, and open the folded
   transcription notes so that nothing is left off paper. Both are undone after printing. */
(function () {
  "use strict";
  var opened = [];

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content a[href]:not([href^='#'])").forEach(function (link) {
      link.setAttribute("data-print-href", link.href);
    });
    document.querySelectorAll(".md-content details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });

  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-print-href]").forEach(function (link) {
      link.removeAttribute("data-print-href");
    });
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
