"""Plan data -> the tables of the documented layout, ready to write as .xlsx or .csv.

Every field of the data lands in some cell, so that importing the tables gives back the
same data. Columns a plan has its own heading for (plan.labels) use that heading.
"""

from __future__ import annotations

from typing import Any

from actionplan.spreadsheet.cells import format_range, format_ref, join_codes, join_items
from actionplan.spreadsheet.columns import FIELD_COLUMNS, LABEL_FIELDS, PLAN, TABLES, heading_key
from actionplan.spreadsheet.files import OutTable

Row = dict[str, str]


def export_tables(data: dict) -> list[OutTable]:
    exporter = _Exporter(data["plan"].get("labels") or {})
    exporter.plan(data["plan"])
    for action in data.get("actions", []):  # a plan with no groups: rows with no group
        exporter.action(action, "")
    for group in data.get("groups", []):
        exporter.group(group, parent=None)
    return exporter.tables()


def template_tables() -> list[OutTable]:
    """Empty tables with every column (one-table columns included) and a few defaults."""
    exporter = _Exporter({}, template=True)
    exporter.plan({"organisation": {"kind": "local_authority", "basis": "stated"},
                   "levels": [{"kind": "objective", "label": "Objective", "plural": "Objectives"}]})
    return exporter.tables()


class _Exporter:
    def __init__(self, labels: dict[str, str], *, template: bool = False):
        self.labels = labels
        self.template = template
        self.rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
        self.plan_values: dict[str, str] = {}

    def tables(self) -> list[OutTable]:
        tables = [self._plan_table()]
        for table in TABLES[1:]:
            columns = [c for c in table.columns if c.exported or self.template]
            headings = self._headings(columns)
            rows = [[row.get(c.key, "") for c in columns] for row in self.rows[table.name]]
            tables.append(OutTable(table, headings, columns, rows))
        return tables

    def _plan_table(self) -> OutTable:
        rows, choices = [], {}
        for number, column in enumerate(PLAN.columns, start=2):
            rows.append([column.heading, self.plan_values.get(column.key, ""), column.help])
            if column.choices:
                choices[(number, 2)] = column.choices
        return OutTable(PLAN, [c.heading for c in FIELD_COLUMNS], list(FIELD_COLUMNS),
                        rows, choices)

    def _headings(self, columns) -> list[str]:
        """The plan's own heading where it has one, unless it would read as another column."""
        standard = [c.heading for c in columns]
        taken = {heading_key(h) for h in standard}
        headings = []
        for column, plain in zip(columns, standard):
            own = self.labels.get(column.label) if column.label else None
            clash = own is not None and heading_key(own) in taken - {heading_key(plain)}
            headings.append(own if own and not clash else plain)
        return headings

    # --- the plan -------------------------------------------------------------------------

    def plan(self, plan: dict) -> None:
        values = self.plan_values
        for key in ("id", "title", "short_title", "title_as_printed", "label", "parent_strategy",
                    "summary", "introduction", "update_cadence"):
            values[key] = _text(plan.get(key))
        values["previous_ids"] = join_items(plan.get("previous_ids", []))
        status = plan.get("document_status") or {}
        values["document_status"] = _text(status.get("code"))
        values["document_status_text"] = _text(status.get("text"))
        self._organisation(plan.get("organisation") or {})
        for key in ("period", "document_date", "progress_as_at"):
            values[key] = self._date(plan.get(key), "plan", key)
        scheme = plan.get("strand_scheme") or {}
        values["strand_heading"] = _text(scheme.get("label"))
        values["strand_title"] = _text(scheme.get("title"))
        values["strand_key_text"] = _text(scheme.get("key_text"))
        for code in scheme.get("codes", []):
            self._add("Strand key", code=code["code"], label=code["label"],
                      maps_to=join_codes(code["maps_to"]))
        for level in plan.get("levels", []):
            self._add("Levels", **{k: _text(level.get(k)) for k in ("kind", "label",
                                                                      "label_long", "plural")})
        labels = plan.get("labels") or {}
        for key, standard in LABEL_FIELDS.items():
            self._add("Headings", field=key, standard=standard, heading=_text(labels.get(key)))
        for note in plan.get("footnotes", []):
            self._add("Footnotes", mark=note["mark"], text=note["text"])
        for item in plan.get("abbreviations", []):
            self._add("Abbreviations", term=item["term"], meaning=item["meaning"],
                      basis=_text(item.get("basis")))
        self._source_and_notes(plan, "plan")

    def _organisation(self, org: dict) -> None:
        values = self.plan_values
        values["organisation"] = _text(org.get("name"))
        for key in ("as_written", "kind", "basis", "evidence"):
            values[f"organisation_{key}"] = _text(org.get(key))
        values["partners"] = join_items(org.get("partners", []))

    # --- groups and actions ---------------------------------------------------------------

    def group(self, group: dict, parent: str | None) -> None:
        self._add("Groups", id=group["id"], parent=parent or "", number=_text(group.get("number")),
                  theme=_text(group.get("theme")), title=group["title"],
                  description=_text(group.get("description")),
                  summary=_text(group.get("summary")),
                  equality_groups=join_codes(group.get("equality_groups", {}).get("codes", [])),
                  equality_groups_words=_text(group.get("equality_groups", {}).get("words")),
                  previous_ids=join_items(group.get("previous_ids", [])))
        self._source_and_notes(group, format_ref(("group", group["id"])))
        for action in group.get("actions", []):
            self.action(action, group["id"])
        for child in group.get("groups", []):
            self.group(child, group["id"])

    def action(self, action: dict, group_id: str) -> None:
        ref = format_ref(("action", action["id"]))
        row = {"group_id": group_id, "id": action["id"]}
        for key in ("number", "title", "description", "outcome"):
            row[key] = _text(action.get(key))
        for key in ("previous_ids", "monitored_by", "related_documents", "footnotes"):
            row[key] = join_items(action.get(key, []))
        row["activities"] = self._activities(action)
        row["measures"] = self._measures(action)
        row["leads"] = self._leads(action.get("leads", []), ref)
        row["due"] = self._dates(action.get("due", []), ref, "due")
        strands = action.get("strands") or {}
        row["strands"] = join_codes(strands.get("codes", []))
        row["strands_text"] = _text(strands.get("text"))
        withdrawn = action.get("withdrawn") or {}
        row["withdrawn_date"] = _text(withdrawn.get("date"))
        row["withdrawn_reason"] = _text(withdrawn.get("reason"))
        row["rag"] = _text(action.get("rag"))
        budget = action.get("budget") or {}
        for key in ("amount", "currency", "period", "note"):
            row[f"budget_{key}"] = _text(budget.get(key))
        self._add("Actions", **row)
        for aim in action.get("psed", []):
            self._add("Equality duty aims", action=action["id"], aim=aim["aim"],
                      phrase=_text(aim.get("phrase")), basis=_text(aim.get("basis")))
        for position, update in enumerate(action.get("progress", []), start=1):
            self._update(action["id"], update, position)
        self._source_and_notes(action, ref)

    def _activities(self, action: dict) -> str:
        for activity in action.get("activities", []):
            ref = format_ref(("action", action["id"]), ("activity", activity["id"]))
            self._add("Activities", action=action["id"], id=activity["id"], text=activity["text"],
                      due=self._dates(activity.get("due", []), ref, "due"),
                      leads=self._leads(activity.get("leads", []), ref))
        return join_items([a["text"] for a in action.get("activities", [])])

    def _measures(self, action: dict) -> str:
        texts = []
        for measure in action.get("measures", []):
            if isinstance(measure, str):
                texts.append(measure)
                continue
            texts.append(measure["text"])
            if set(measure) != {"text"}:
                self._add("Measures", action=action["id"], id=_text(measure.get("id")),
                          text=measure["text"], activity=_text(measure.get("activity")),
                          placeholder=_yes_no(measure.get("placeholder")),
                          unit=_text(measure.get("unit")), **_point(measure, "baseline"),
                          **_point(measure, "target"))
            for value in measure.get("values", []):
                self._add("Measure values", action=action["id"],
                          measure=measure.get("id") or measure["text"],
                          date=_date_words(value["date"]), value=_text(value["value"]),
                          note=_text(value.get("note")))
        return join_items(texts)

    def _leads(self, leads: list, ref: str) -> str:
        texts = []
        for lead in leads:
            if isinstance(lead, str):
                texts.append(lead)
                continue
            texts.append(lead["text"])
            if set(lead) != {"text"}:
                self._add("Leads", belongs_to=ref, text=lead["text"],
                          **{k: _text(lead.get(k)) for k in ("organisation", "directorate",
                                                              "unit")})
        return join_items(texts)

    def _update(self, action_id: str, update: dict, position: int) -> None:
        name = update.get("id") or str(position)
        ref = format_ref(("action", action_id), ("update", name))
        status = _status(update.get("status"))
        self._add("Progress", action=action_id, id=_text(update.get("id")),
                  date=self._date(update.get("date"), ref, "date"), **status,
                  revised_due=self._date(update.get("revised_due"), ref, "revised_due"),
                  **{k: _text(update.get(k)) for k in ("text", "next_steps", "impact", "reason",
                                                       "label", "rag", "percent_complete")},
                  footnotes=join_items(update.get("footnotes", [])))
        for item in update.get("items", []):
            self._add("Progress items", action=action_id, update=name,
                      activity=_text(item.get("activity")), measure=_text(item.get("measure")),
                      text=item["text"], **_status(item.get("status")))
        self._notes(update.get("notes", []), ref)

    # --- details shared by every item -----------------------------------------------------

    def _dates(self, dates: list, ref: str, field: str) -> str:
        return join_items([self._date(d, ref, field) for d in dates])

    def _date(self, value: Any, ref: str, field: str) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if set(value) != {"text"}:
            self._add("Dates", belongs_to=ref, field=field,
                      **{k: _text(value.get(k)) for k in ("text", "kind", "start", "end",
                                                          "recurrence", "basis", "evidence")})
        return value["text"]

    def _source_and_notes(self, item: dict, ref: str) -> None:
        source = item.get("source")
        if source is not None:
            self._add("Sources", belongs_to=ref, file=_text(source.get("file")),
                      format=_text(source.get("format")),
                      lines=format_range(source["lines"]) if source.get("lines") else "")
        self._notes(item.get("notes", []), ref)

    def _notes(self, notes: list, ref: str) -> None:
        for note in notes:
            self._add("Notes", belongs_to=ref, field=_text(note.get("field")), kind=note["kind"],
                      public=_yes_no(note.get("public")), text=note["text"])

    def _add(self, table: str, **cells: str) -> None:
        self.rows[table].append(cells)


def _status(status: Any) -> dict[str, str]:
    if status is None or isinstance(status, str):
        return {"status": _text(status), "status_text": "", "status_basis": ""}
    return {"status": status["code"], "status_text": _text(status.get("text")),
            "status_basis": _text(status.get("basis"))}


def _point(measure: dict, key: str) -> dict[str, str]:
    """A measure's baseline or target as its two cells: the figure and the date's words."""
    point = measure.get(key) or {}
    return {key: _text(point.get("value")), f"{key}_date": _date_words(point.get("date"))}


def _date_words(value: Any) -> str:
    # A measure's dates are written as words; a long form's detail is kept on import while
    # its words are unchanged (spreadsheet/reading.py).
    return value.get("text", "") if isinstance(value, dict) else _text(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _yes_no(value: Any) -> str:
    return "" if value is None else ("yes" if value else "no")
