"""The page checks: axe-core, structure, reflow and the keyboard, each giving `Finding`s.

A finding names the page, the rule and the element, so a failing test says what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from actionplan.accessibility import known_issues

JS = Path(__file__).parent / "js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
NARROW = {"width": 320, "height": 640}
MAX_FOCUS_STOPS = 600
_TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def script(name: str) -> str:
    return (JS / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    where: str
    detail: str = ""

    def __str__(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        return f"/{self.page}: {self.rule}: {self.where}{detail}"


def report(findings: list[Finding], limit: int = 40) -> str:
    """A failure message: each distinct problem once, with the pages it is on."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for f in findings:
        grouped.setdefault((f.rule, f.where, f.detail), []).append("/" + f.page)
    lines = []
    for (rule, where, detail), pages in list(grouped.items())[:limit]:
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more pages" if len(pages) > 4 else "")
        lines.append(f"{rule}: {where}{': ' + detail if detail else ''}\n    on {shown}")
    if len(grouped) > limit:
        lines.append(f"... and {len(grouped) - limit} more distinct problems")
    return f"{len(findings)} finding(s), {len(grouped)} distinct:\n" + "\n".join(lines)


# axe-core ------------------------------------------------------------------------------

# Started without waiting for it (the page keeps the promise), so that the browser runs axe on
# one tab while the test loads the next page in another; `axe_findings` collects it. axe runs
# first without working out a selector for each element it checks (a sixth of its time on
# these pages); only a page with a violation the known issues do not excuse is run again, with
# selectors, to name the elements.
_AXE_START = """([tags, known]) => { window.__apAxe = (async () => {
  const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
  const excused = (rule, el) => known.some((k) => k.rule === rule && el.matches(k.selector));
  const quick = await axe.run(document, {...options, selectors: false, elementRef: true});
  if (quick.violations.every((v) => v.nodes.every((n) => excused(v.id, n.element)))) return [];
  const result = await axe.run(document, options);
  const named = (rule, node) => [...document.querySelectorAll(node.target[0])]
      .some((el) => excused(rule, el));
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.filter((n) => !named(v.id, n))
                  .map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  })).filter((v) => v.nodes.length);
})(); }"""
_AXE_RESULT = "() => window.__apAxe"


def axe_known_exclusions() -> list[dict[str, str]]:
    """The one list of exclusions (actionplan.accessibility.known_issues) in axe's terms."""
    return [{"rule": k.axe_rule, "selector": k.selector}
            for k in known_issues.KNOWN_ISSUES if k.axe_rule]


def start_axe(page: Page) -> None:
    """Start axe-core (already injected into the page) with the WCAG 2.0-2.2 A/AA and
    best-practice rules; `axe_findings` waits for what it finds."""
    page.evaluate(_AXE_START, [list(AXE_TAGS), axe_known_exclusions()])


def axe_findings(page: Page, path: str, *, started: bool = False) -> list[Finding]:
    """What axe-core finds on the page: the run `start_axe` began, or else one run now."""
    if not started:
        start_axe(page)
    violations = page.evaluate(_AXE_RESULT)
    return [Finding(path, f"axe {v['id']} ({v['impact']})", node["target"],
                    f"{v['help']}. {_first_line_of_fix(node['summary'])}")
            for v in violations for node in v["nodes"]]


def _first_line_of_fix(summary: str | None) -> str:
    lines = [line.strip() for line in (summary or "").splitlines() if line.strip()]
    return " ".join(lines[1:3]) if len(lines) > 1 else (lines[0] if lines else "")


# Structure and reflow ----------------------------------------------------------------------

@dataclass
class PageFacts:
    title: str
    h1: list[str]
    lang: str


def structure_findings(page: Page, path: str) -> tuple[list[Finding], PageFacts]:
    result = page.evaluate(script("structure.js"))
    findings = [Finding(path, "structure", problem) for problem in result["problems"]]
    return findings, PageFacts(result["title"], result["h1"], result["lang"])


def reflow_findings(page: Page, path: str) -> list[Finding]:
    """At the current viewport, the page must not scroll sideways."""
    result = page.evaluate(script("reflow.js"))
    if not result["scrolls"]:
        return []
    return [Finding(path, "reflow (WCAG 1.4.10)",
                    f"page is {result['scrollWidth']}px wide in a {result['width']}px viewport",
                    "; ".join(result["culprits"]))]


# The whole site ---------------------------------------------------------------------------

@dataclass
class SiteSweep:
    """What every page of a site gave: axe, structure and reflow findings, and page facts."""

    pages: list[str] = field(default_factory=list)
    axe: list[Finding] = field(default_factory=list)
    structure: list[Finding] = field(default_factory=list)
    reflow: list[Finding] = field(default_factory=list)
    facts: dict[str, PageFacts] = field(default_factory=dict)
    blocked: list[str] = field(default_factory=list)


def open_page(page: Page, url: str) -> None:
    """Load a page and let Material finish laying it out (it sizes the sidebars a frame later).

    Only for pages with script on: with it off, the frame callbacks never come.
    """
    page.goto(url)
    page.evaluate(_TWO_FRAMES)


def sweep_site(tabs: Page | list[Page], base_url: str, paths: list[str]) -> SiteSweep:
    """Load each page once at desktop width (axe, structure), then narrow it to 320 px.

    With several tabs, axe runs on the pages already loaded in the others while the next
    page loads: the browser's work on one page overlaps the test's waiting on another. The
    findings are the same, in page order, whatever the number of tabs.
    """
    tabs = tabs if isinstance(tabs, list) else [tabs]
    desktop = tabs[0].viewport_size
    sweep = SiteSweep(pages=list(paths))
    found: dict[str, tuple[list[Finding], list[Finding], PageFacts, list[Finding]]] = {}
    waiting: list[tuple[Page, str]] = []  # tabs whose page is loaded and being checked by axe
    for path in paths:
        if len(waiting) == len(tabs):  # every tab busy: finish the page loaded first
            tab, loaded = waiting.pop(0)
            found[loaded] = _finish_page(tab, loaded)
        else:
            tab = tabs[len(waiting)]
        tab.set_viewport_size(desktop)
        open_page(tab, base_url + path)
        start_axe(tab)
        waiting.append((tab, path))
    for tab, loaded in waiting:
        found[loaded] = _finish_page(tab, loaded)
    for path in paths:
        axe, structure, sweep.facts[path], reflow = found[path]
        sweep.axe += axe
        sweep.structure += structure
        sweep.reflow += reflow
    return sweep


def _finish_page(page: Page, path: str
                 ) -> tuple[list[Finding], list[Finding], PageFacts, list[Finding]]:
    """axe's findings (started on loading), the structure, then the page at 320 px."""
    axe = axe_findings(page, path, started=True)
    structure, facts = structure_findings(page, path)
    page.set_viewport_size(NARROW)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(done))")
    return axe, structure, facts, reflow_findings(page, path)


def enlarge_text(page: Page) -> None:
    """Text at 200%, as a browser's font-size setting does (Material sizes text in rem)."""
    page.evaluate("() => { const root = document.documentElement; "
                  "root.style.fontSize = (parseFloat(getComputedStyle(root).fontSize) * 2) + 'px'; }")


def clipped_text_findings(page: Page, path: str) -> list[Finding]:
    return [Finding(path, "text cut off (WCAG 1.4.4)", where)
            for where in page.evaluate(script("clipped.js"))]


def page_kind(path: str) -> str:
    """A page's kind, from its URL: plans/x/actions/1.1/ -> plans/*/*/*/."""
    parts = path.split("/")
    return "/".join(parts[:1] + ["*" if p else "" for p in parts[1:]])


def sample_paths(paths: list[str]) -> list[str]:
    """One page of each kind: the first page of each URL shape."""
    chosen: dict[str, str] = {}
    for path in paths:
        chosen.setdefault(page_kind(path), path)
    return list(chosen.values())


def sweep_paths(paths: list[str], limit: int) -> list[str]:
    """Every page, or, for a site of more than `limit` pages, `limit` of them: every kind of
    page in every section (each plan), then an even spread of the rest. Stable: the same site
    gives the same pages."""
    if len(paths) <= limit:
        return list(paths)
    chosen: dict[tuple[str, str], str] = {}
    for path in paths:
        section = path.split("/")[1] if path.count("/") > 1 else ""
        chosen.setdefault((page_kind(path), section), path)
    picked = set(chosen.values())
    rest = [p for p in paths if p not in picked]
    room = max(limit - len(picked), 0)
    picked |= {rest[int(i * len(rest) / room)] for i in range(room)} if room else set()
    return [p for p in paths if p in picked]


# Keyboard ------------------------------------------------------------------------------------

@dataclass
class FocusStop:
    element: str
    facts: dict


def tab_through(page: Page) -> list[FocusStop]:
    """Press Tab from the top of the page until focus comes round again; every stop's facts."""
    page.evaluate("() => { window.__apPreviousStop = null; window.__apFirstStop = null; "
                  "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    scripted = page.evaluate("() => !document.documentElement.classList.contains('no-js')")
    stops: list[FocusStop] = []
    for _ in range(MAX_FOCUS_STOPS):
        page.keyboard.press("Tab")
        facts = page.evaluate(script("focus_stop.js"), True)
        if facts["element"] is None or facts["repeat"]:
            break
        if not facts["visible"] and scripted:
            # Material resizes its sticky menus a frame or two after the page scrolls to
            # the focused element: judge what the visitor sees once it has.
            page.evaluate(_TWO_FRAMES)
            facts["visible"] = page.evaluate(script("focus_stop.js"), False)["visible"]
        stops.append(FocusStop(facts["element"], facts))
    return stops


def keyboard_findings(path: str, stops: list[FocusStop]) -> list[Finding]:
    """Skip link first; each stop visible, with a focus indicator, in reading order."""
    findings: list[Finding] = []
    if not stops or not stops[0].facts["isSkipLink"]:
        first = stops[0].element if stops else "nothing"
        findings.append(Finding(path, "keyboard: skip link first", f"first stop is {first}"))
    for number, stop in enumerate(stops, 1):
        where = f"stop {number} {stop.element}"
        facts = stop.facts
        if not facts["visible"]:
            findings.append(Finding(path, "keyboard: focusable but not visible", where,
                                    f"size {facts['size']} at {facts['position']}"))
        elif not facts["indicator"]:
            findings.append(Finding(path, "keyboard: no visible focus indicator", where))
        if not facts["inOrder"]:
            findings.append(Finding(path, "keyboard: tab order leaves reading order", where))
        if facts["tabindex"] > 0:
            findings.append(Finding(path, "keyboard: positive tabindex", where))
    return findings
