"""Checks the schema cannot express: unique ids, links that resolve, codes from the plan's keys.

Runs on data that already passed the schema, so shapes can be trusted here.
"""

from __future__ import annotations

import math
import re
from datetime import date
from collections.abc import Iterator

from actionplan.load.yaml_source import SourceDocument
from actionplan.model.dates import (
    fuzzy_date_from_data, impossible_day_in, placing_hint, plan_span,
)
from actionplan.problems import Problem
from actionplan.validate.describe import describe_path

# Names the site's own files and folders take beside an id's folder (tests/safety checks
# this list against the real page and download paths): an id with one of these names would
# make a folder where a file must go, and the build would crash.
# A group's folder sits beside its plan's page (index.html), the actions/ folder and the
# page/ folder of a long list.
RESERVED_GROUP_IDS = frozenset({"actions", "changes", "downloads", "data", "status", "feed",
                                "index.html", "index.md", "page", "since-last-report"})
# A plan's folder sits beside the changelog's own files (changes/atom.xml, changelog.json)
# and each listing's index page.
RESERVED_PLAN_IDS = frozenset({"index.html", "index.md", "atom.xml", "changelog.json"})


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


def _is_real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _date_text(value) -> str:
    return value["text"] if isinstance(value, dict) else value


def _measure_dates(measure: dict, mpath: tuple) -> list:
    dates = [(mpath + (key, "date"), measure[key]["date"]) for key in ("baseline", "target")
             if "date" in measure.get(key, {})]
    return dates + [(mpath + ("values", i, "date"), v["date"])
                    for i, v in enumerate(measure.get("values", []))]


def cross_check(document: SourceDocument) -> list[Problem]:
    checker = DocumentChecker(document)
    checker.run()
    return checker.problems


class DocumentChecker:
    """The checks beyond the schema over one plan document. Public: the history reader runs
    them part by part, remembering parts found clean, in a subclass (history/plan_checks.py)."""

    def __init__(self, document: SourceDocument):
        self.doc = document
        self.data = document.data
        self.problems: list[Problem] = []
        plan = self.data["plan"]
        self.levels = plan.get("levels", [])
        self.footnote_marks = {f["mark"] for f in plan.get("footnotes", [])}
        scheme = plan.get("strand_scheme")
        self.strand_codes = [c["code"] for c in scheme["codes"]] if scheme else None
        period = plan.get("period")
        self.within = plan_span(fuzzy_date_from_data(period)) if period is not None else None

    def run(self) -> None:
        self._check_blank_text(self.data, ())
        self._check_strand_scheme()
        self._check_plan_dates()
        self._check_plan_id()
        self._check_plan_shape()
        group_ids: dict[str, tuple] = {}
        action_ids: dict[str, tuple] = {}
        for i, action in enumerate(self.data.get("actions", [])):
            self._check_action(("actions", i), action, action_ids)
        for path, group, depth in self._groups(self.data.get("groups", []), ("groups",), 0):
            self._check_group(path, group, depth, group_ids)
            for i, action in enumerate(group.get("actions", [])):
                self._check_action(path + ("actions", i), action, action_ids)

    def _check_plan_shape(self) -> None:
        """A plan has groups (and the levels they sit at) or, with no groups, top-level
        actions: never both, which would leave the top-level actions outside every group."""
        if "actions" in self.data and "groups" in self.data:
            self._add(("actions",), "this plan has both top-level `actions:` and `groups:`",
                      "a plan lists either its groups (each holding its actions) or, when it "
                      "has no groups, its actions at the top level: move these actions into "
                      "a group, or remove `groups:` and list every action here", at_key=True)
        elif "groups" in self.data and not self.levels:
            self._add(("plan",), 'the field "levels" is missing', "add `levels:` here: a plan "
                      "with groups names its levels, for example `- {kind: objective, label: "
                      "Objective}` (a plan with no groups lists `actions:` at the top level)")
        elif "actions" in self.data and self.levels:
            self._add(("plan", "levels", 0), "this plan has no groups, so its levels name nothing",
                      "remove `levels:` (or put the actions into groups at these levels)",
                      severity="warning")

    def _groups(self, groups, path, depth) -> Iterator[tuple[tuple, dict, int]]:
        for i, group in enumerate(groups):
            yield path + (i,), group, depth
            yield from self._groups(group.get("groups", []), path + (i, "groups"), depth + 1)

    def _check_group(self, path, group, depth, seen) -> None:
        self._unique(seen, group["id"], path, "group id",
                     "give each group its own id (ids must be unique within a plan)")
        self._previous_ids(seen, group, path, "group")
        if group["id"] in RESERVED_GROUP_IDS:
            self._add(path + ("id",), f'the group id "{group["id"]}" is reserved for the site\'s '
                      "own pages", f'choose another id, for example '
                      f'"{group["id"].split(".")[0]}-group"')
        if depth >= len(self.levels) and self.levels:  # no levels at all: said once, above
            self._add(path, f"this group is at level {depth + 1}, but the plan declares only "
                      f"{len(self.levels)} level{'s' if len(self.levels) != 1 else ''}",
                      "add a level to plan.levels, or move this group up a level")
        self._check_heading_words(path, group)
        if group.get("groups") and group.get("actions"):
            self._add(path, "this group has both sub-groups and actions of its own",
                      "move its actions into one of its sub-groups", severity="warning")

    def _check_heading_words(self, path, group) -> None:
        # A group's equality groups must be the ones its heading names: their words are quoted
        # to residents as the heading's, so they must be found there.
        words = (group.get("equality_groups") or {}).get("words")
        heading = " ".join(group.get(k) or "" for k in ("theme", "title", "description"))
        if words and " ".join(words.split()).casefold() not in " ".join(heading.split()).casefold():
            self._add(path + ("equality_groups", "words"),
                      f'"{words}" is not in the group\'s heading', "copy the words that name the "
                      "group from its title exactly, or leave words out", severity="warning")

    def _check_action(self, path, action, seen) -> None:
        self._unique(seen, action["id"], path, "action id",
                     "give each action its own id (ids must be unique within a plan)")
        self._previous_ids(seen, action, path, "action")
        activities, measures = self._action_links(path, action)
        for i, measure in enumerate(action.get("measures", [])):
            if isinstance(measure, dict) and "activity" in measure:
                self._ref(measure["activity"], activities, path + ("measures", i, "activity"),
                          "activity")
        self._check_measure_order(action, path)
        self._check_strands(action, path)
        self._check_footnotes(action.get("footnotes", []), path + ("footnotes",))
        self._ids(action.get("progress", []), path + ("progress",), "progress update",
                  optional=True)
        for u, update in enumerate(action.get("progress", [])):
            self._check_update(path + ("progress", u), update, activities, measures)
        self._check_date_ranges(action, path)

    def _action_links(self, path, action) -> tuple[set[str], set[str]]:
        """The ids of the action's activities and of its measures, each checked unique."""
        activities = self._ids(action.get("activities", []), path + ("activities",), "activity")
        measures = self._ids([m for m in action.get("measures", []) if isinstance(m, dict)],
                             None, "measure", all_items=action.get("measures", []),
                             base=path + ("measures",))
        return activities, measures

    def _check_update(self, upath, update, activities, measures) -> None:
        """Footnotes and links of one progress update (its dates are checked with the action's)."""
        self._check_footnotes(update.get("footnotes", []), upath + ("footnotes",))
        for k, item in enumerate(update.get("items", [])):
            if "activity" in item:
                self._ref(item["activity"], activities, upath + ("items", k, "activity"),
                          "activity")
            if "measure" in item:
                self._ref(item["measure"], measures, upath + ("items", k, "measure"),
                          "measure")

    def _check_blank_text(self, value, path) -> None:
        # The schema asks for at least one character; a space alone would publish a blank.
        if isinstance(value, dict):
            for key, item in value.items():
                self._check_blank_text(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self._check_blank_text(item, path + (i,))
        elif isinstance(value, str) and value and not value.strip():
            field = next((step for step in reversed(path) if isinstance(step, str)), "text")
            self._add(path, f"{field} is blank (only spaces)",
                      "write the text, or remove the field if there is none")
        elif isinstance(value, float) and not math.isfinite(value):
            # YAML reads .nan and .inf as numbers; no figure on a page can be either.
            field = next((step for step in reversed(path) if isinstance(step, str)), "value")
            self._add(path, f"{field} is {value}, which is not a figure",
                      "write a plain number, for example 45")

    def _check_measure_order(self, action, path) -> None:
        """A measure's values oldest first, as progress updates are: the chart and the
        trend read them in that order."""
        for m, measure in enumerate(action.get("measures", [])):
            values = measure.get("values", []) if isinstance(measure, dict) else []
            starts = [fuzzy_date_from_data(v["date"], self.within).start for v in values]
            for i in range(1, len(values)):
                later, earlier = starts[i], starts[i - 1]
                if later is not None and earlier is not None and later < earlier:
                    self._add(path + ("measures", m, "values", i, "date"),
                              f'the value dated "{_date_text(values[i]["date"])}" comes after '
                              f'one dated "{_date_text(values[i - 1]["date"])}"',
                              "list a measure's values oldest first")
                    break

    def _check_strand_scheme(self) -> None:
        scheme = self.data["plan"].get("strand_scheme")
        if scheme:
            seen: dict[str, tuple] = {}
            for i, code in enumerate(scheme["codes"]):
                self._unique(seen, code["code"], ("plan", "strand_scheme", "codes", i),
                             "strand code", "list each code once in the key")

    def _check_strands(self, action, path) -> None:
        strands = action.get("strands")
        if not strands:
            return
        if self.strand_codes is None:
            self._add(path + ("strands",), "this action lists equality strands, but the plan has "
                      "no strand key", "add plan.strand_scheme with the plan's codes")
            return
        for i, code in enumerate(strands["codes"]):
            if code not in self.strand_codes:
                self._add(path + ("strands", "codes", i),
                          f'strand code "{code}" is not in the plan\'s key',
                          f"use one of: {', '.join(self.strand_codes)}")

    def _check_footnotes(self, marks, path) -> None:
        for i, mark in enumerate(marks):
            if mark not in self.footnote_marks:
                known = ", ".join(sorted(self.footnote_marks)) or "none are defined"
                self._add(path + (i,), f'footnote "{mark}" is not defined in plan.footnotes',
                          f"add it to plan.footnotes, or use a defined mark ({known})")

    def _check_date_ranges(self, action, path) -> None:
        dates = self._action_dates(action, path)
        for u, update in enumerate(action.get("progress", [])):
            dates += self._update_dates(update, path + ("progress", u))
        self._check_dates(dates)

    @staticmethod
    def _action_dates(action, path) -> list:
        dates = [(path + ("due", i), d) for i, d in enumerate(action.get("due", []))]
        for a, activity in enumerate(action.get("activities", [])):
            dates += [(path + ("activities", a, "due", i), d)
                      for i, d in enumerate(activity.get("due", []))]
        for m, measure in enumerate(action.get("measures", [])):
            if isinstance(measure, dict):
                dates += _measure_dates(measure, path + ("measures", m))
        return dates

    @staticmethod
    def _update_dates(update, upath) -> list:
        return [(upath + (key,), update[key]) for key in ("date", "revised_due") if key in update]

    def _check_plan_id(self) -> None:
        plan_id = self.data["plan"].get("id")
        if plan_id in RESERVED_PLAN_IDS:
            self._add(("plan", "id"), f'the plan id "{plan_id}" is the name of a file the site '
                      "makes itself", f'choose another id, for example "{plan_id.split(".")[0]}'
                      '-plan"')

    def _check_plan_dates(self) -> None:
        plan = self.data["plan"]
        self._check_dates([(("plan", key), plan[key])
                           for key in ("period", "document_date", "progress_as_at") if key in plan])

    def _check_dates(self, dates) -> None:
        for dpath, value in dates:
            text = value["text"] if isinstance(value, dict) else value
            if ISO_DATE.match(text) and not _is_real_date(text):
                self._add(dpath, f'"{text}" is not a real calendar date',
                          "write a date that exists, as YYYY-MM-DD (for example 2018-04-30)")
            impossible = impossible_day_in(text)
            if impossible:
                self._add(dpath, f'"{impossible}" is not a real calendar date',
                          "correct the day, or write the month alone if the day is not known")
            self._check_placed(dpath, value, text)
            if isinstance(value, dict) and "start" in value and "end" in value:
                if value["start"] > value["end"]:
                    self._add(dpath + ("end",), f'the end date {value["end"]} is before the start '
                              f'date {value["start"]}', "swap them, or correct the one that is wrong")

    def _check_placed(self, dpath, value, text) -> None:
        # Words the grammar cannot place are shown as written and never judged: say so, so an
        # officer can write them another way (an editor's explicit kind or dates settles it).
        if isinstance(value, dict) and {"kind", "start", "end"} & value.keys():
            return
        if not fuzzy_date_from_data(value, self.within).placed:
            self._add(dpath, f'the date "{text}" cannot be placed on a calendar, so residents '
                      "see it as written and it is not used to judge progress",
                      placing_hint(text, self.within), severity="warning")

    def _ids(self, items, path, noun, *, optional=False, all_items=None, base=None) -> set[str]:
        seen: dict[str, tuple] = {}
        source = all_items if all_items is not None else items
        for i, item in enumerate(source):
            if not isinstance(item, dict) or "id" not in item:
                continue
            ipath = (base or path) + (i,)
            self._unique(seen, item["id"], ipath, f"{noun} id",
                         f"give each {noun} its own id within the action")
        return set(seen)

    def _ref(self, ref, known, path, noun) -> None:
        if ref not in known:
            fix = (f"use one of: {', '.join(sorted(known))}" if known else
                   f"give the {noun} this id in the action's list, or remove the link")
            self._add(path, f'refers to {noun} "{ref}", which this action does not have', fix)

    def _unique(self, seen: dict, value: str, path: tuple, noun: str, fix: str) -> None:
        if value in seen:
            line = self._first_line(seen[value])
            self._add(path + ("id",), f'{noun} "{value}" is used twice (first on line {line})', fix)
        else:
            seen[value] = path

    def _first_line(self, first: tuple) -> int | None:
        """The line of an id seen before: an item's path, or (path of an old id,)."""
        line, _ = self.doc.position(first[0] if len(first) == 1 else first + ("id",))
        return line

    def _previous_ids(self, seen: dict, item: dict, path: tuple, noun: str) -> None:
        """An old id names one item for ever: it may not be another item's id or old id."""
        for i, old in enumerate(item.get("previous_ids", [])):
            where = path + ("previous_ids", i)
            if old in seen:
                line = self._first_line(seen[old])
                self._add(where, f'{noun} id "{old}" in previous_ids is already used (line '
                          f"{line})", f"an old id belongs to the one {noun} that had it: remove "
                          "it here, or from the other one")
            else:
                seen[old] = (where,)

    def _add(self, path, what, fix, severity="error", at_key=False) -> None:
        line, column = self.doc.position(path, prefer_key=at_key)
        self.problems.append(Problem(self.doc.file, line, column,
                                     describe_path(self.data, path), what, fix, severity))
