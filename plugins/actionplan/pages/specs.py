"""Page specifications: one per plan, group and action, each naming its template and context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from actionplan.model.entities import Action, Group, Plan, Site
from actionplan.model.naming import menu_label
from actionplan.options import SiteOptions
from actionplan.pages.links import PagePaths


class SiteFile:
    """A generated file that is not a page (a download, a feed, the published schema).

    Its bytes are made each time `content` is asked for and not kept: at county size the
    downloads are hundreds of megabytes, and holding them all is most of a build's memory.
    Whoever publishes the file asks once and writes the bytes out; `size` is known from then.
    """

    __slots__ = ("path", "_make", "_size")

    def __init__(self, path: str, content: bytes | Callable[[], bytes]):
        self.path = path
        self._make = content if callable(content) else (lambda: content)
        self._size: int | None = None

    @property
    def content(self) -> bytes:
        data = self._make()
        self._size = len(data)
        return data

    @property
    def size(self) -> int:
        """The length in bytes (made once, if it was never asked for)."""
        if self._size is None:
            self.content
        return self._size

    def __repr__(self) -> str:
        return f"SiteFile({self.path!r})"


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    kind: str
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    description: str = ""
    in_nav: bool = False
    # The browser's and search's name for the page when the heading alone does not say whose
    # it is ("Action 47" of which plan); empty means the title.
    head_title: str = ""


CUT_OFF_MARK = "…"


def is_cut_off(thing: Group | Action, field_name: str = "title") -> bool:
    """Whether the transcription notes that this field is cut off in the source document."""
    return any(n.kind == "truncated" and n.field == field_name for n in thing.notes)


def shown_title(thing: Group | Action) -> str | None:
    """The title as residents see it: a title cut off in the source ends in "…", wherever it
    is shown (page title, heading, breadcrumbs, menu), so it never reads as complete."""
    if thing.title and is_cut_off(thing):
        return thing.title + CUT_OFF_MARK
    return thing.title


def group_heading(group: Group) -> str:
    """ "PEO 4: To have a diverse workforce that ain…" or the title alone when unnumbered."""
    if group.number:
        return f"{group.level.label} {group.number}: {shown_title(group)}"
    return shown_title(group)


def action_heading(plan: Plan, action: Action, groups: tuple[Group, ...]) -> str:
    """The action's number and title, for page titles and links.

    A title-less action (the plan prints only its number) is described by the start of its
    first activity, so every page title stays unique and says what the action is.
    """
    name = f"Action {action.number}" if action.number else "Action"
    summary = shown_title(action) or _first_activity_summary(action)
    if summary:
        return f"{name}: {summary}" if action.number else summary
    return name if action.number else f"Action in {group_heading(groups[-1])}"


def _first_activity_summary(action: Action, limit: int = 90) -> str | None:
    if not action.activities:
        return None
    text = " ".join(re.sub(r"[*_`#>]|^\s*[-•]\s*", "", action.activities[0].text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def site_pages(site: Site, paths: PagePaths = PagePaths(),
               options: SiteOptions = SiteOptions(), changelog=None) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    # Imported here: these modules build on this module's PageSpec.
    from actionplan.pages.resident import resident_pages
    from actionplan.pages.schema_reference import reference_page

    pages = plan_pages(site, paths) + resident_pages(site, paths, options) + [reference_page()]
    return history_specs.with_changelog(pages, site, changelog, paths,
                                        page_size=options.page_size)


def site_files(site: Site, paths: PagePaths = PagePaths(),
               options: SiteOptions = SiteOptions(), changelog=None) -> list[SiteFile]:
    """Every generated file that is not a page (downloads, feeds), in a stable order."""
    from actionplan.pages.resident import resident_files

    return (resident_files(site, paths, options)
            + history_specs.changelog_files(site, changelog, paths))


def plan_pages(site: Site, paths: PagePaths) -> list[PageSpec]:
    """Plans, then their groups, then their actions."""
    specs: list[PageSpec] = []
    for plan in site.plans:
        specs.append(PageSpec(paths.plan(plan.id), plan.full_name, "plan.html", "plan",
                              {"plan": plan}, _plan_description(plan), in_nav=True))
        for group, ancestors in plan.all_groups():
            specs.append(PageSpec(paths.group(plan.id, group.id), group_heading(group),
                                  "group.html", "group",
                                  {"plan": plan, "group": group, "ancestors": ancestors},
                                  f"{group_heading(group)} - {plan.title}",
                                  in_nav=not ancestors,
                                  head_title=in_plan(group_heading(group), plan)))
        for action, groups in plan.all_actions():
            heading = action_heading(plan, action, groups)
            specs.append(PageSpec(paths.action(plan.id, action.id),
                                  heading, "action.html", "action",
                                  {"plan": plan, "action": action, "ancestors": groups},
                                  f"{heading} - {plan.title}",
                                  head_title=in_plan(heading, plan)))
    return specs


def in_plan(heading: str, plan: Plan) -> str:
    """A page's name out of context: its heading (cut to menu length: titles run to hundreds
    of characters) and the plan's short name, which names the organisation."""
    return f"{menu_label(heading)} - {plan.name}"


def _plan_description(plan: Plan) -> str:
    who = plan.organisation.name or "Organisation not named in the plan"
    return f"{plan.title} ({who}): objectives, actions and progress."


from actionplan.pages import history_specs  # noqa: E402  (it builds on the classes above)
