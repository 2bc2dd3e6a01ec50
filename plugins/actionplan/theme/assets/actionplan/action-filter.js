/* The filter on "Find actions": organisation, equality group, timing, target year and words,
   combined, over every action (read from the small JSON index beside the page, since the
   lists themselves go on over numbered pages). The state is kept in the page's address, so
   a filtered list can be bookmarked, shared and reloaded. Without this script the form stays
   hidden and the lists on the page answer each question on its own. */
(function () {
  "use strict";
  var section = document.querySelector("[data-ap-filter]");
  if (!section || !window.fetch || !window.URLSearchParams) { return; }
  var form = section.querySelector("form");
  var count = section.querySelector("#ap-filter-count");
  var results = section.querySelector("#ap-filter-results");
  var FIELDS = ["org", "group", "status", "year", "q"];
  var LIMIT = 200;  // more than this are counted, not all listed: narrow the filter to see them
  var index = null;
  var timer = null;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function currentState() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    return state;
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      var field = form.elements[name];
      if (value === null) { field.value = ""; return; }
      // A choice the site no longer has (an old shared link) is left at "Any".
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options,
          function (option) { return option.value === value; })) { return; }
      field.value = value;
    });
  }

  function writeAddress(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) { params.set(name, state[name]); } });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") +
                                window.location.hash);
  }

  function matches(action, state, words) {
    if (state.org && index.plans[action.p].o !== state.org) { return false; }
    if (state.group && action.g.indexOf(state.group) < 0) { return false; }
    if (state.status && action.s !== state.status) { return false; }
    if (state.year && action.y.indexOf(state.year) < 0) { return false; }
    if (words.length) {
      var text = fold(action.t + " " + action.x + " " + index.plans[action.p].n);
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    }
    return true;
  }

  function label(select, value) {
    var option = Array.prototype.find.call(form.elements[select].options,
                                           function (o) { return o.value === value; });
    return option ? option.textContent : value;
  }

  function link(action) {
    var href = section.getAttribute("data-root") + action.u;
    if (section.getAttribute("data-directory-urls") === "no") { href += "index.html"; }
    return href;
  }

  function item(action) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = link(action);
    a.textContent = action.t;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" (" + index.plans[action.p].n + "). Timing: " +
                                           label("status", action.s) + "."));
    return li;
  }

  function show(announce) {
    var state = currentState();
    var active = FIELDS.some(function (name) { return state[name]; });
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    var found = index.actions.filter(function (a) { return matches(a, state, words); });
    results.textContent = "";
    var message;
    if (!active) {
      message = "Choose one or more of the above to list the matching actions, out of all " +
                index.actions.length + ".";
    } else {
      message = (found.length === 1 ? "1 action matches" : found.length + " actions match") +
                " out of " + index.actions.length + ".";
      if (found.length > LIMIT) {
        message += " The first " + LIMIT + " are listed; narrow the filter to see the rest.";
      }
      found.slice(0, LIMIT).forEach(function (action) { results.appendChild(item(action)); });
    }
    // A live region is read out when its text changes: while typing, only once typing stops.
    window.clearTimeout(timer);
    if (announce === "later") {
      timer = window.setTimeout(function () { count.textContent = message; }, 400);
    } else {
      count.textContent = message;
    }
    writeAddress(state);
  }

  form.addEventListener("change", function () { show("now"); });
  form.addEventListener("input", function (event) {
    if (event.target.name === "q") { show("later"); }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); show("now"); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { show("now"); }, 0);  // after the fields are cleared
  });

  fetch(section.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    })
    .then(function (data) {
      index = data;
      restore();
      section.hidden = false;
      var fallback = document.querySelector("[data-ap-filter-fallback]");
      if (fallback) { fallback.hidden = true; }
      show("now");
    })
    .catch(function () { /* the lists on the page still answer every question */ });
})();
