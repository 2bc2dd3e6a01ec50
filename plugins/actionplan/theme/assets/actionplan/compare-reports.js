/* The chooser on a plan's "Since the last report" pages: what changed between any two of its
   progress reports, in the page. The site has a page for each report to the next and for each
   report to the latest (their number grows with the reports); any other pair is shown here,
   from the plan's report facts (report-facts.json): each action's status, target dates and
   number of updates at each report, worked out by the site from the plan's data. This script
   only compares those facts, as facets/reports.py compares them for the pages, and judges
   nothing. The choice is kept in the page's address (?from=&to=), so it can be shared and
   reloaded. Without this script the chooser stays hidden and the pages are linked. */
(function () {
  "use strict";
  var section = document.querySelector("[data-ap-compare]");
  if (!section || !window.fetch || !window.URLSearchParams) { return; }
  var form = section.querySelector("form");
  var count = section.querySelector("#ap-compare-count");
  var results = section.querySelector("#ap-compare-results");
  var facts = null;

  // The kinds of change in the order of the pages' sections, with the pages' own words.
  var KINDS = [
    ["status-changes", "Status changes", "No action's status changed."],
    ["moved-targets", "Moved target dates", "No target date was moved."],
    ["withdrawals", "Withdrawn", "No action was withdrawn."],
    ["first-updates", "First progress updates", "No action had its first update."],
    ["new-updates", "Other new updates", "No other action had a new update."]
  ];

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // One action from report b to report a (indices, b < a): ActionChange in facets/reports.py.
  function changeOf(action, b, a, latest) {
    var c = {
      action: action, b: b, a: a,
      newUpdates: action.n[a] - action.n[b],
      before: action.s[b], after: action.s[a],
      moved: action.d[b] !== action.d[a],
      // withdrawn_at counts the reports before the withdrawal (facets/reports.py).
      withdrawn: action.w !== undefined && b < action.w && (latest || action.w <= a)
    };
    c.statusChanged = c.before !== c.after;
    c.firstUpdate = c.before === "no_update" && c.newUpdates > 0;
    c.updateOnly = c.newUpdates > 0 &&
      !(c.statusChanged || c.moved || c.withdrawn || c.firstUpdate);
    c.any = c.newUpdates > 0 || c.statusChanged || c.moved || c.withdrawn;
    return c;
  }

  // The lists of ReportChanges in facets/reports.py.
  function sortOut(changes) {
    return {
      "status-changes": changes.filter(function (c) {
        return c.statusChanged && !c.withdrawn && !c.firstUpdate;
      }),
      "moved-targets": changes.filter(function (c) { return c.moved; }),
      "withdrawals": changes.filter(function (c) { return c.withdrawn; }),
      "first-updates": changes.filter(function (c) { return c.firstUpdate; }),
      // Grouped by the status kept, in the order report-facts.json lists the statuses
      // (the site's STATUS_ORDER); plan order within a status, as the pages have them.
      "new-updates": Object.keys(facts.statuses).reduce(function (found, code) {
        return found.concat(changes.filter(function (c) {
          return c.updateOnly && c.after === code;
        }));
      }, [])
    };
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function statusTag(code) {
    return el("strong", facts.statuses[code] || code,
              "ap-status ap-status--" + code.replace(/_/g, "-"));
  }

  function link(action) {
    var a = el("a", action.t);
    var href = section.getAttribute("data-root") + action.u;
    if (section.getAttribute("data-directory-urls") === "no") { href += "index.html"; }
    a.href = href;
    return a;
  }

  function updatesText(c) {
    return plural(c.newUpdates, "new progress update");
  }

  // Each entry as since_report.html words it, built from text nodes only.
  function entry(kind, c) {
    var li = el("li");
    var add = function (part) {
      li.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    };
    var action = c.action;
    add(link(action));
    if (kind === "status-changes") {
      add(": status was "); add(statusTag(c.before)); add(", now "); add(statusTag(c.after));
      add("." + (c.newUpdates ? " " + updatesText(c) + "." : ""));
    } else if (kind === "moved-targets") {
      add(": target date moved from " + action.dt[action.d[c.b]] + " to " +
          action.dt[action.d[c.a]] + ".");
    } else if (kind === "withdrawals") {
      add(": withdrawn on " + action.wd +
          (action.w > c.a ? ", after the report of " + facts.reports[c.a].t : "") +
          ". Reason given: " + action.wr);
    } else if (kind === "first-updates") {
      add(": first progress update, status "); add(statusTag(c.after)); add(".");
    } else {
      add(": " + updatesText(c) + ".");
    }
    return li;
  }

  // The entries of one kind as elements: one list, or for the other new updates one list a
  // status kept, each under a heading that names it ("Status still In progress").
  function listed(kind, found) {
    var groups = [];
    found.forEach(function (c) {
      var key = kind === "new-updates" ? c.after : null;
      var last = groups[groups.length - 1];
      if (last && last.key === key) { last.changes.push(c); }
      else { groups.push({key: key, changes: [c]}); }
    });
    var parts = [];
    groups.forEach(function (group) {
      if (group.key !== null) {
        var heading = el("h5", "Status still ");
        heading.appendChild(statusTag(group.key));
        parts.push(heading);
      }
      var list = el("ul", undefined, "ap-report-changes");
      list.setAttribute("data-kind", kind);
      group.changes.forEach(function (c) { list.appendChild(entry(kind, c)); });
      parts.push(list);
    });
    return parts;
  }

  function indexOf(key) {
    for (var i = 0; i < facts.reports.length; i += 1) {
      if (facts.reports[i].k === key) { return i; }
    }
    return -1;
  }

  function show(b, a) {
    var latest = a === facts.reports.length - 1;
    var changes = facts.actions.map(function (action) { return changeOf(action, b, a, latest); })
      .filter(function (c) { return c.any; });
    var lists = sortOut(changes);
    var from = facts.reports[b].t;
    var to = facts.reports[a].t;
    results.textContent = "";
    results.appendChild(el("h3", "Changes from the report of " + from + " to the report of " +
                           to));
    KINDS.forEach(function (kind) {
      var found = lists[kind[0]];
      var heading = el("h4", kind[1]);
      heading.id = "compare-" + kind[0];
      results.appendChild(heading);
      if (!found.length) { results.appendChild(el("p", kind[2])); return; }
      listed(kind[0], found).forEach(function (part) { results.appendChild(part); });
    });
    var silent = facts.actions.filter(function (action) { return action.s[a] === "no_update"; });
    var apart = plural(silent.length, "action") + " had no progress update by " + to + ".";
    if (facts.undated) {
      apart += " " + plural(facts.undated, "action") + " with a progress update the site " +
        "cannot date " + (facts.undated === 1 ? "is" : "are") + " left out (listed under " +
        "\u201cWhat this page cannot tell\u201d).";
    }
    results.appendChild(el("p", apart));
    count.textContent = "From the report of " + from + " to the report of " + to + ": " +
      (changes.length === 1 ? "1 action changed" : changes.length + " actions changed") +
      " (" + plural(lists["status-changes"].length, "status change") + ", " +
      plural(lists["moved-targets"].length, "moved target date") + ", " +
      plural(lists.withdrawals.length, "withdrawal") + ", " +
      plural(lists["first-updates"].length, "first update") + ", " +
      plural(lists["new-updates"].length, "other updated action") + ").";
  }

  function choose(fromKey, toKey, keep) {
    var b = indexOf(fromKey);
    var a = indexOf(toKey);
    if (b < 0 || a < 0) { return; }
    if (b >= a) {
      results.textContent = "";
      count.textContent = "The report chosen under \u201cFrom the report of\u201d must be " +
        "earlier than the one under \u201cTo the report of\u201d. Choose two reports again.";
      return;
    }
    show(b, a);
    if (keep) {
      var params = new URLSearchParams(window.location.search);
      params.set("from", fromKey);
      params.set("to", toKey);
      window.history.replaceState(null, "", window.location.pathname + "?" +
                                  params.toString() + window.location.hash);
    }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    var fromKey = params.get("from");
    var toKey = params.get("to");
    // A report the plan no longer has (an old shared link) leaves the page's own pair chosen.
    if (fromKey === null || toKey === null || indexOf(fromKey) < 0 || indexOf(toKey) < 0) {
      return;
    }
    form.elements.from.value = fromKey;
    form.elements.to.value = toKey;
    choose(fromKey, toKey, false);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    choose(form.elements.from.value, form.elements.to.value, true);
  });

  fetch(section.getAttribute("data-facts"))
    .then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    })
    .then(function (data) {
      facts = data;
      section.hidden = false;
      restore();
    })
    .catch(function () { /* the pages linked under "Reports to compare" still answer */ });
})();
