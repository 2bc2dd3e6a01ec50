"""Changelog pages, feeds and changelog.json, plus the "Changes to this action" sections.

Everything here reads the one `History` model; `site_pages()`/`site_files()` call in here
when a changelog is configured.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from itertools import groupby
from collections.abc import Callable, Sequence

from actionplan.export.json_export import to_json_bytes
from actionplan.history import ChangeEntry, History
from actionplan.history.renames import Renames
from actionplan.history.serialize import entry_to_data, note_to_data
from actionplan.history.words import word_diff
from actionplan.model.entities import Plan, Site
from actionplan.options import DEFAULT_PAGE_SIZE
from actionplan.pages.links import PagePaths, page_url
from actionplan.pages.pagination import chunks, numbered_src, page_title, paginations
from actionplan.pages.redirects import redirect_files
from actionplan.pages.removals import gone_plans, tombstone_pages
from actionplan.pages.revision_summary import (PlanTouch, RevisionView, by_revision,
                                               change_summary, revision_anchor)
from actionplan.pages.page_spec import PageSpec, SiteFile
from actionplan.pages.unreadable import unreadable_sentences
from actionplan.same_inputs import SameInputs
from actionplan.export.feeds import FeedEntry, atom_feed

CHANGES_DIR = "changes"
# English month names, not the machine's locale: the same history gives the same bytes.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
FEED_LIMIT = 100
# Changes to a text, shown word by word; other values (a status, a date) are shown whole.
REWORDED = ("title", "description", "outcome", "activities", "measures", "progress_edited",
            "withdrawal_edited")


@dataclass(frozen=True)
class Changelog:
    """The history and what the outputs need to name and link it."""

    history: History
    site_name: str = "Changes"
    site_url: str | None = None  # absolute links in feeds when set
    commit_url: str | None = None  # "https://host/org/repo/commit/{commit}"
    directory_urls: bool = True


@dataclass(frozen=True)
class HistoryPaths:
    """Where changelog pages and files live."""

    prefix: str = CHANGES_DIR

    def site_page(self, number: int = 1) -> str:
        return self._numbered(self.prefix, number)

    def plan_page(self, plan_id: str, number: int = 1) -> str:
        return self._numbered(f"{self.prefix}/{plan_id}", number)

    @staticmethod
    def _numbered(folder: str, number: int) -> str:
        # changes/older/2/ cannot be any plan's page: a plan id has no slash, so even a plan
        # called "older" has its pages at changes/older/index.md and changes/older/older/2/.
        return numbered_src(f"{folder}/index.md", number, folder="older")

    def site_feed(self) -> str:
        return f"{self.prefix}/atom.xml"

    def plan_feed(self, plan_id: str) -> str:
        return f"{self.prefix}/{plan_id}/atom.xml"

    def json(self) -> str:
        return f"{self.prefix}/changelog.json"


@dataclass(frozen=True)
class ChangeView:
    """One entry as a page shows it: the sentence split around the linked subject."""

    entry: ChangeEntry
    target: str | None  # src_uri of the subject's page, when it still exists
    plan_target: str | None
    before_link: str
    link_text: str
    after_link: str
    commit_href: str | None
    undone_date: str | None = None  # when the change a revert undid was published
    # On an action's page: the id of the progress update whose text, shown under Progress,
    # is word for word the text this change added (the row links there, not repeating it).
    shown_update: str | None = None

    @property
    def date_iso(self) -> str:
        return self.entry.date.date().isoformat()

    @property
    def date_text(self) -> str:
        return day_text(self.entry.date)

    @property
    def is_correction(self) -> bool:
        """A fix to how the plan was transcribed or published, not news about the plan."""
        return self.entry.revision.change_type == "correction"

    @property
    def is_undo(self) -> bool:
        return self.entry.revision.undoes is not None

    @property
    def anchor(self) -> str:
        """The id of the change's revision on its plan's changelog page."""
        return revision_anchor(self.entry.commit)

    @property
    def wording(self) -> list[tuple[str, str]] | None:
        """The rewording word by word, when a text was changed (not added or emptied)."""
        entry = self.entry
        if entry.change in REWORDED and entry.before and entry.after:
            return word_diff(entry.before, entry.after)
        return None

    @property
    def sentence_has_values(self) -> bool:
        """The sentence already names the values before and after, word for word ("status
        changed from Ongoing to In progress"), so a page need not write them again below it."""
        entry = self.entry
        before, after = entry.before, entry.after
        if any("\n" in value for value in (before, after) if value is not None):
            return False  # shown with its line breaks below; the sentence runs them together
        if before is not None and after is not None:
            return f"from {before} to {after}" in entry.sentence
        if after is not None:
            return f"set to {after}" in entry.sentence
        if before is not None:
            return f"(was {before})" in entry.sentence
        return True

    @property
    def shows_title(self) -> bool:
        """Added and removed actions name their title, which the sentence leaves out."""
        return (self.entry.subject_kind == "action" and self.entry.change in ("added", "removed")
                and bool(self.entry.subject_title))


def day_text(moment) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def with_changelog(specs: list[PageSpec], site: Site, changelog: Changelog | None,
                   paths: PagePaths, history_paths: HistoryPaths = HistoryPaths(), *,
                   page_size: int = DEFAULT_PAGE_SIZE,
                   kept: SameInputs[_Views] | None = None) -> list[PageSpec]:
    """The plan pages with their changes attached, then the changelog pages (`page_size`
    changes a page). `kept`: see `changelog_views`."""
    if changelog is None:
        return specs
    views = changelog_views(site, changelog, paths, history_paths, page_size, kept)
    attached = [_attach(spec, views) for spec in specs]
    return attached + changelog_pages(site, views)


def changelog_files(site: Site, changelog: Changelog | None, paths: PagePaths,
                    history_paths: HistoryPaths = HistoryPaths(), *,
                    page_size: int = DEFAULT_PAGE_SIZE,
                    kept: SameInputs[_Views] | None = None) -> list[SiteFile]:
    """The Atom feeds (site and per plan) and changelog.json; `page_size` as the pages',
    for links to a change's place on its plan's changelog."""
    if changelog is None:
        return []
    views = changelog_views(site, changelog, paths, history_paths, page_size, kept)
    # Besides the changelog, these files read only which pages exist and the ids they had.
    linked = linked_pages(site)
    files = [SiteFile(history_paths.json(), lambda: changelog_json(views), changelog, linked),
             SiteFile(history_paths.site_feed(),
                      lambda: _feed(views, history_paths.site_feed(), history_paths.site_page(),
                                    f"{changelog.site_name}: changes",
                                    views.renames.folded(
                                        changelog.history.headline_entries())),
                      changelog, linked)]
    moved_pages = []
    for plan in site.plans:
        # A renamed plan's feed is written at its old address too: feed readers do not
        # follow a page's redirect, and subscribers must not be cut off.
        for feed_src in [history_paths.plan_feed(i) for i in [plan.id, *plan.previous_ids]]:
            files.append(SiteFile(feed_src, _plan_feed(views, feed_src, plan.id,
                                                   plan.full_name),
                                  changelog, (*linked, plan.full_name)))
        moved_pages += [(history_paths.plan_page(old), history_paths.plan_page(plan.id),
                         f"Changes to {plan.full_name}") for old in plan.previous_ids]
    for gone in gone_plans(views):
        # Subscribers learn that the plan was removed: its feed stays, the removal newest.
        feed_src = history_paths.plan_feed(gone.plan_id)
        files.append(SiteFile(feed_src, _plan_feed(views, feed_src, gone.plan_id, gone.title),
                              changelog, (*linked, gone.title)))
    return files + redirect_files(site, paths, directory_urls=changelog.directory_urls,
                                  also=moved_pages)


def changelog_views(site: Site, changelog: Changelog, paths: PagePaths,
                    history_paths: HistoryPaths = HistoryPaths(),
                    page_size: int = DEFAULT_PAGE_SIZE,
                    kept: SameInputs[_Views] | None = None) -> _Views:
    """What turns the changelog's entries into pages, with what it made so far. With `kept`
    (a process building the same site again: `mkdocs serve`), the last build's, while the
    changelog is the very same object and the site's ids and plan names are equal: the
    views read nothing else of the site (an edit to an action's text or status leaves them
    as they were; a new action, an id or a plan's name makes them afresh)."""
    def make() -> _Views:
        return _Views(site, changelog, paths, history_paths, page_size)

    if kept is None:
        return make()
    settings = (linked_pages(site), tuple(plan.name for plan in site.plans), paths,
                history_paths, page_size)
    return kept.get("views", changelog, settings, make)


def linked_pages(site: Site) -> tuple:
    """What the changelog's files read of the site, flat: each plan's, group's and action's
    id with the ids it had (`previous_ids`), which decide each change's link."""
    parts: list = []
    for plan in site.plans:
        parts += ("plan", plan.id, len(plan.previous_ids), *plan.previous_ids)
        for group, _ in plan.all_groups():
            parts += ("group", group.id, len(group.previous_ids), *group.previous_ids)
        for action, _ in plan.all_actions():
            parts += ("action", action.id, len(action.previous_ids), *action.previous_ids)
    return tuple(parts)


def _plan_feed(views: _Views, feed_src: str, plan_id: str, title: str) -> Callable[[], bytes]:
    """One plan's feed, made only when its file is written."""
    return lambda: _feed(views, feed_src, views.history_paths.plan_page(plan_id),
                         f"{title}: changes",
                         views.renames.for_plan(views.changelog.history, plan_id))


def changelog_pages(site: Site, views: _Views) -> list[PageSpec]:
    """The site's changelog pages, then each plan's (with the pages of what it removed),
    then those of plans that are gone. A plan's are kept in `views` while it is the very
    same object, the site's while the plans' files and titles are the same."""
    files = tuple((plan.data_file, plan.title) for plan in site.plans)
    kept = views.made_pages.get("site")
    if kept is None or kept[0] != files:
        kept = views.made_pages["site"] = (files, _site_changelog_pages(site, views),
                                           _gone_plan_pages(views))
    pages = list(kept[1])
    for plan in site.plans:
        made = views.made_pages.get(("plan", plan.id))
        if made is None or made[0] is not plan:
            made = views.made_pages[("plan", plan.id)] = (plan, _plan_changelog_pages(plan, views))
        pages += made[1]
    return pages + kept[2]


def _site_changelog_pages(site: Site, views: _Views) -> list[PageSpec]:
    hp = views.history_paths
    history = views.changelog.history
    revisions = by_revision(views.renames.folded(history.headline_entries()))
    return _paged(views, hp.site_page, "Changes to the plans", "changelog", revisions,
                   {"plan": None,
                    "notes": unreadable_sentences(history.notes, {
                        p.data_file: p.title for p in site.plans}),
                    "removed": [],
                    "feed_src": hp.site_feed(), "json_src": hp.json()},
                   "Every revision of the published plans, newest first: when, why, which "
                   "plans it changed, and a link to each change in full.",
                   views.revision_months)


def _gone_plan_pages(views: _Views) -> list[PageSpec]:
    """The changelogs of plans no longer on the site, with the pages of what they held."""
    hp = views.history_paths
    history = views.changelog.history
    pages: list[PageSpec] = []
    for gone in gone_plans(views):
        pages += _paged(views, lambda number, plan_id=gone.plan_id: hp.plan_page(plan_id, number),
                        f"Changes to {gone.title} (removed)", "plan_changelog",
                        views.renames.for_plan(history, gone.plan_id),
                        {"plan": None, "gone": views.view(gone.removal),
                         "gone_title": gone.title, "notes": [], "removed": [],
                         "feed_src": hp.plan_feed(gone.plan_id), "json_src": hp.json()},
                        f"Every change to {gone.title}, which was removed from this site, "
                        "newest first.", views.plan_months)
        pages += tombstone_pages(views, gone.plan_id, hp.plan_page(gone.plan_id), gone)
    return pages


def _plan_changelog_pages(plan: Plan, views: _Views) -> list[PageSpec]:
    hp = views.history_paths
    history = views.changelog.history
    pages = _paged(views, lambda number, plan_id=plan.id: hp.plan_page(plan_id, number),
                   f"Changes to {plan.full_name}", "plan_changelog",
                   views.renames.for_plan(history, plan.id),
                   {"plan": plan,
                    "notes": unreadable_sentences(
                        [n for n in history.notes if n.file == plan.data_file]),
                    "removed": views.removed_actions(plan),
                    "feed_src": hp.plan_feed(plan.id), "json_src": hp.json()},
                   f"Every change to {plan.full_name}, newest first.", views.plan_months)
    return pages + tombstone_pages(views, plan.id, hp.plan_page(plan.id))


def _paged(views: _Views, page_src, title: str, kind: str, entries: Sequence,
           context: dict, description: str, by_month: Callable | None = None
           ) -> list[PageSpec]:
    """A changelog's pages, newest first, `page_size` changes (or, on the site-wide
    changelog, revisions) a page; the first page keeps the extra sections.

    A county's history holds tens of thousands of changes: on one page, a download of a
    hundred megabytes for a resident on a phone (see pagination.py).
    """
    runs = chunks(entries, views.page_size)
    sources = tuple(page_src(number) for number in range(1, len(runs) + 1))
    pages = []
    for run, pagination in zip(runs, paginations([len(run) for run in runs], sources)):
        extra: dict[str, list] = {} if pagination.number == 1 else {"notes": [], "removed": []}
        pages.append(PageSpec(pagination.sources[pagination.number - 1],
                              page_title(title, pagination), "changelog.html", kind,
                              {**context, **extra,
                               "months": (by_month or views.months)(run),
                               "pagination": pagination},
                              description))
    return pages


def changelog_json(views: _Views) -> bytes:
    """All entries, newest first, with the site path of each subject's page; no timestamp."""
    history = views.changelog.history
    entries = []
    for entry in history.newest_first():
        data = entry_to_data(entry)
        target = views.target(entry)
        data["page"] = views.url(target) if target else None
        entries.append(data)
    document = {"format": "actionplan-changelog", "version": 1,
                "revisions_read": len(history.revisions), "entries": entries,
                "unreadable_revisions": [note_to_data(n) for n in history.notes]}
    return to_json_bytes(document)


def _attach(spec: PageSpec, views: _Views) -> PageSpec:
    """Give action pages their own changes, and plan pages a link to their changelog."""
    made = views.attached.get(spec.src_uri)
    if made is not None and made[0] is spec:
        return made[1]
    attached = _attached(spec, views)
    views.attached[spec.src_uri] = (spec, attached)
    return attached


def _attached(spec: PageSpec, views: _Views) -> PageSpec:
    if spec.kind == "action":
        plan, action = spec.context["plan"], spec.context["action"]
        changes = views.renames.for_subject(views.changelog.history, plan.id, "action",
                                            action.id)
        texts = {update.id: update.text for update in action.progress if update.text}
        extra = {"action_changes": [_on_action_page(views.view(e), texts) for e in changes],
                 "plan_changes_src": views.history_paths.plan_page(plan.id),
                 "data_changed": views.data_changed}
    elif spec.kind == "plan":
        extra = {"plan_changes_src": views.history_paths.plan_page(spec.context["plan"].id),
                 "data_changed": views.data_changed}
    else:
        return spec
    return replace(spec, context={**spec.context, **extra})


def _on_action_page(view: ChangeView, update_texts: dict[str, str]) -> ChangeView:
    """An added update whose text the page's Progress section still shows, exactly as
    added, points there instead of writing the text a second time on the same page."""
    entry = view.entry
    if (entry.change == "progress_added" and entry.after
            and update_texts.get(entry.detail or "") == entry.after):
        return replace(view, shown_update=entry.detail)
    return view


class _Views:
    """Turns entries into what templates and feeds show, knowing which pages exist now."""

    def __init__(self, site: Site, changelog: Changelog, paths: PagePaths,
                 history_paths: HistoryPaths, page_size: int = DEFAULT_PAGE_SIZE):
        self.site, self.changelog, self.page_size = site, changelog, page_size
        self.paths, self.history_paths = paths, history_paths
        self.plans = {plan.id: plan for plan in site.plans}
        self.groups = {(p.id, g.id) for p in site.plans for g, _ in p.all_groups()}
        self.actions = {(p.id, a.id) for p in site.plans for a, _ in p.all_actions()}
        # The day the data last changed: pages say a plan has ended when its period was over
        # by then (facets/period.py), never by the build's own date.
        dates = [r.date.date() for r in changelog.history.revisions]
        self.data_changed = max(dates) if dates else None
        self.renames = Renames(site)
        self._newest: list[ChangeEntry] | None = None
        self._dates: dict | None = None
        self._revision_pages: dict[tuple[str, str], str] | None = None
        self._action_entries: dict[str, list[tuple[ChangeEntry, str]]] | None = None
        # Made from these views, kept with them (a process building the site again reuses
        # the views while their inputs are the same: changelog_views): each entry's view,
        # by the entry object; pages with changes attached, by the spec they were made from;
        # changelog pages (changelog_pages).
        self._view_of: dict[int, tuple[ChangeEntry, ChangeView]] = {}
        self.attached: dict[str, tuple[PageSpec, PageSpec]] = {}
        self.made_pages: dict = {}

    @property
    def newest(self) -> list[ChangeEntry]:
        """Every entry, newest first, sorted once for all the pages that look through it."""
        if self._newest is None:
            self._newest = self.changelog.history.newest_first()
        return self._newest

    def target(self, entry: ChangeEntry) -> str | None:
        plan_id, item_id = self.renames.current(entry)
        if plan_id not in self.plans:
            return None
        if entry.subject_kind == "plan":
            return self.paths.plan(plan_id)
        if entry.subject_kind == "group" and (plan_id, item_id) in self.groups:
            return self.paths.group(plan_id, item_id)
        if entry.subject_kind == "action" and (plan_id, item_id) in self.actions:
            return self.paths.action(plan_id, item_id)
        return None

    def view(self, entry: ChangeEntry) -> ChangeView:
        # Keyed by id, holding the entry itself: the id is then never another object's.
        made = self._view_of.get(id(entry))
        if made is not None and made[0] is entry:
            return made[1]
        view = self._view(entry)
        self._view_of[id(entry)] = (entry, view)
        return view

    def _view(self, entry: ChangeEntry) -> ChangeView:
        subject = entry.subject_title if entry.subject_kind == "plan" else entry.subject_label
        at = entry.sentence.find(subject) if subject else -1
        target = self.target(entry)
        if subject is None or at < 0 or target is None:
            parts = (entry.sentence, "", "")
        else:
            parts = (entry.sentence[:at], subject, entry.sentence[at + len(subject):])
        plan_target = self.paths.plan(entry.plan_id) if entry.plan_id in self.plans else None
        commit_url = self.changelog.commit_url
        return ChangeView(entry, target, plan_target, *parts,
                          commit_url.replace("{commit}", entry.commit) if commit_url else None,
                          self._undone_date(entry.revision.undoes))

    def _undone_date(self, undoes: str | None) -> str | None:
        if undoes is None:
            return None
        if self._dates is None:
            self._dates = {r.commit: r.date for r in self.changelog.history.revisions}
            self._dates.update((e.commit, e.date) for e in self.changelog.history.entries)
        found = next((d for c, d in self._dates.items() if c.startswith(undoes)), None)
        return day_text(found) if found else None

    def months(self, entries: Sequence[ChangeEntry]) -> list[tuple[str, str, list[ChangeView]]]:
        """(machine month "2026-11", "November 2026", views) newest first."""
        grouped = groupby(entries, key=lambda e: (e.date.year, e.date.month))
        return [(f"{year:04d}-{month:02d}", f"{MONTHS[month - 1]} {year}",
                 [self.view(e) for e in items])
                for (year, month), group in grouped for items in [list(group)]]

    def plan_months(self, entries: Sequence[ChangeEntry]
                    ) -> list[tuple[str, str, list[tuple[ChangeView, list[ChangeView]]]]]:
        """(machine month, month name, revisions) newest first, for a plan's changelog:
        each revision as its first change (its date, reason, kind) and all its changes."""
        return [(month_id, month_name, [(run[0], run) for run in _runs_of_commit(views)])
                for month_id, month_name, views in self.months(entries)]

    def revision_months(self, runs: Sequence[list[ChangeEntry]]
                        ) -> list[tuple[str, str, list[RevisionView]]]:
        """(machine month, month name, revisions) newest first, for the site changelog."""
        grouped = groupby(runs, key=lambda run: (run[0].date.year, run[0].date.month))
        return [(f"{year:04d}-{month:02d}", f"{MONTHS[month - 1]} {year}",
                 [self.revision_view(run) for run in group])
                for (year, month), group in grouped]

    def revision_view(self, run: list[ChangeEntry]) -> RevisionView:
        """One revision's changes, counted plan by plan, each linked to its plan's page."""
        first = run[0]
        by_plan: dict[str, list[ChangeEntry]] = {}
        for entry in run:
            by_plan.setdefault(self.renames.plan_id(entry.plan_id), []).append(entry)
        touches = []
        for plan_id, entries in by_plan.items():
            plan = self.plans.get(plan_id)
            touches.append(PlanTouch(
                plan.name if plan else entries[0].plan_title, len(entries),
                change_summary(entries), self._revision_page(plan_id, first.commit),
                revision_anchor(first.commit)))
        commit_url = self.changelog.commit_url
        own_reasons = sum(1 for e in run if e.reason and e.reason != first.revision.reason)
        return RevisionView(first, tuple(touches),
                            commit_url.replace("{commit}", first.commit) if commit_url else None,
                            self._undone_date(first.revision.undoes), day_text(first.date),
                            own_reasons)

    def _revision_page(self, plan_id: str, commit: str) -> str | None:
        """The page of the plan's changelog where the revision's changes start."""
        if self._revision_pages is None:
            self._revision_pages = {}
            has_page = set(self.plans) | {gone.plan_id for gone in gone_plans(self)}
            history, hp = self.changelog.history, self.history_paths
            for pid in has_page:
                runs = chunks(self.renames.for_plan(history, pid), self.page_size)
                for number, run in enumerate(runs, start=1):
                    for entry in run:
                        self._revision_pages.setdefault((pid, entry.commit),
                                                        hp.plan_page(pid, number))
        return self._revision_pages.get((plan_id, commit))

    def removed_actions(self, plan: Plan) -> list[ChangeView]:
        """Actions removed from the plan (not withdrawn) and not put back since."""
        current = {a.id for a, _ in plan.all_actions()}
        seen: set[str] = set()
        removed = []
        for entry, item_id in self.action_entries(plan.id):
            if item_id not in seen:
                seen.add(item_id)
                if entry.change == "removed" and item_id not in current:
                    removed.append(self.view(entry))
        return removed

    def action_entries(self, plan_id: str) -> list[tuple[ChangeEntry, str]]:
        """The plan's action entries, newest first, each with the action's current id (one
        pass over the history for all plans, not one a plan)."""
        if self._action_entries is None:
            self._action_entries = {}
            for entry in self.newest:
                if entry.subject_kind == "action":
                    plan_id_now, item_id = self.renames.current(entry)
                    self._action_entries.setdefault(plan_id_now, []).append((entry, item_id))
        return self._action_entries.get(plan_id, [])

    def url(self, src_uri: str) -> str:
        return page_url(src_uri, directory_urls=self.changelog.directory_urls)

    def absolute(self, src_uri: str, from_src: str) -> str:
        """An absolute URL with site_url, else a link relative to the file `from_src`."""
        url = self.url(src_uri) if src_uri.endswith(".md") else src_uri
        if self.changelog.site_url:
            return self.changelog.site_url.rstrip("/") + "/" + url
        base = posixpath.dirname(from_src)
        relative = posixpath.relpath(url or ".", base or ".")
        return relative + "/" if url.endswith("/") and not relative.endswith("/") else relative


def _runs_of_commit(views: list[ChangeView]) -> list[list[ChangeView]]:
    runs: list[list[ChangeView]] = []
    for view in views:
        if runs and runs[-1][0].entry.commit == view.entry.commit:
            runs[-1].append(view)
        else:
            runs.append([view])
    return runs


def _feed(views: _Views, feed_src: str, page_src: str, title: str,
          entries: list[ChangeEntry]) -> bytes:
    items = []
    for entry in entries[:FEED_LIMIT]:
        link = _feed_link(views, entry, feed_src)
        summary = [entry.sentence]
        if entry.subject_title and entry.change in ("added", "removed") \
                and entry.subject_kind == "action":
            summary.append(f"Title: {entry.subject_title}")
        if entry.revision.change_type == "correction":
            summary.append("Correction to how the plan was published (not a change by the "
                           "council).")
        if entry.revision.undoes:
            summary.append("This undid an earlier change.")
        summary.append(f"Reason: {entry.reason}" if entry.reason else "No reason was given.")
        if entry.before:
            summary.append(f"Before: {entry.before}")
        if entry.after:
            summary.append(f"After: {entry.after}")
        summary.append(f"Revision {entry.revision.short}.")
        items.append(FeedEntry(
            key=_entry_key(entry), title=_feed_title(entry),
            updated=entry.date, link=link,
            summary="\n".join(summary),
            category="correction" if entry.revision.change_type == "correction" else entry.change))
    revisions = views.changelog.history.revisions
    latest = max((item.updated for item in items), default=None) or (
        revisions[-1].date if revisions else None)
    identity = f"{views.changelog.site_url or views.changelog.site_name}/{feed_src}"
    return atom_feed(identity=identity, title=title, updated=latest,
                     self_link=views.absolute(feed_src, feed_src),
                     page_link=views.absolute(page_src, feed_src),
                     author=views.changelog.site_name, entries=items)


def _feed_link(views: _Views, entry: ChangeEntry, feed_src: str) -> str:
    """The subject's page; else the change in full on its plan's changelog (a removed
    action's); else the site-wide changelog."""
    target = views.target(entry)
    if target:
        return views.absolute(target, feed_src)
    page = views._revision_page(views.renames.plan_id(entry.plan_id), entry.commit)
    if page:
        return f"{views.absolute(page, feed_src)}#{revision_anchor(entry.commit)}"
    return views.absolute(views.history_paths.site_page(), feed_src)


def _feed_title(entry: ChangeEntry) -> str:
    if entry.subject_kind == "plan":
        return entry.sentence
    return f"{entry.plan_title}: {entry.sentence}"


def _entry_key(entry: ChangeEntry) -> str:
    """What makes an entry unique for ever: its commit, subject, kind of change and detail."""
    return "/".join([entry.commit, entry.subject_key, entry.change, entry.detail or ""])
