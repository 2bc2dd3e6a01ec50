"""The plan's own sheets of an import: Plan (its fields), Levels, Headings, Footnotes,
Abbreviations and Strand key, read into the `plan:` section of the data."""

from __future__ import annotations

from actionplan.spreadsheet import columns
from actionplan.spreadsheet.assembly import Previous, order
from actionplan.spreadsheet.cells import split_codes, split_items
from actionplan.spreadsheet.detail_sheets import DetailSheets
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.tables import Origin, ParsedTable


class PlanSheets:
    def __init__(self, state: ImportState, details: DetailSheets,
                 tables: dict[str, ParsedTable], display: str):
        self.state, self.details, self.tables, self.display = state, details, tables, display

    def read(self, existing: dict, plan_id: str) -> dict:
        """The plan section: `existing` (the plan's own, or {}) updated from the sheets."""
        plan = existing
        fields = self.tables.get(columns.PLAN.name)
        origin = Origin(self.display, fields.sheet) if fields else Origin(self.display)
        self.state.origins.item(plan, origin)
        for row in fields.rows if fields else []:
            key = next(iter(row.cells))
            self._field(plan, key, row.get(key), row.origin(key))
        self._plan_id(plan, fields, plan_id)
        self._lists(plan)
        self.details.add_notes_and_source(plan, (("plan", ""),))
        order(plan, "Plan")
        return plan

    def _plan_id(self, plan: dict, fields: ParsedTable | None, plan_id: str) -> None:
        given = plan.get("id") if fields and fields.has("id") else None
        if fields is not None and given and given != plan_id:
            row = next(r for r in fields.rows if "id" in r.cells)
            self.state.problems.append(row.origin("id").problem(
                "plan", f'the Plan id "{given}" is not the plan being imported ({plan_id})',
                "import with --plan " + given + ", or correct the Plan id"))
        plan["id"] = plan.get("id") or plan_id

    def _field(self, plan: dict, key: str, value: str, origin: Origin) -> None:
        put = self.state.put
        if key in ("document_status", "document_status_text"):
            status = plan.setdefault("document_status", {})
            put(status, "code" if key == "document_status" else "text", value, origin)
            if not status:
                del plan["document_status"]
        elif key == "organisation":
            organisation = plan.setdefault("organisation", {})
            organisation["name"] = value or None  # required, but may be null: "not named"
            self.state.origins.field(organisation, "name", origin)
        elif key.startswith("organisation_") or key == "partners":
            organisation = plan.setdefault("organisation", {})
            given = split_items(value) if key == "partners" else value
            put(organisation, key.removeprefix("organisation_"), given, origin)
        elif key == "previous_ids":
            put(plan, key, split_items(value), origin)
        elif key in ("period", "document_date", "progress_as_at"):
            date = self.details.read_date(value, (("plan", ""),), key, origin,
                                     Previous(plan.get(key)))
            put(plan, key, date, origin)
        elif key.startswith("strand_"):
            scheme = plan.setdefault("strand_scheme", {})
            name = {"strand_heading": "label", "strand_title": "title"}.get(key, "key_text")
            put(scheme, name, value, origin)
            if not scheme:
                del plan["strand_scheme"]
        else:
            put(plan, key, value, origin)
        if "organisation" in plan:
            order(plan["organisation"], "Organisation")

    def _lists(self, plan: dict) -> None:
        record = self.state.record
        self._table_list(plan, "levels", columns.LEVELS, lambda row: record(row, {
            k: row.get(k) for k in ("kind", "label", "label_long", "plural")}))
        self._labels(plan)
        self._table_list(plan, "footnotes", columns.FOOTNOTES, lambda row: record(row, {
            "mark": row.get("mark"), "text": row.get("text")}))
        self._table_list(plan, "abbreviations", columns.ABBREVIATIONS, lambda row: record(row, {
            "term": row.get("term"), "meaning": row.get("meaning"), "basis": row.get("basis")}))
        codes = self.tables.get(columns.STRAND_KEY.name)
        if codes is not None:
            scheme = plan.setdefault("strand_scheme", {})
            self.state.put(scheme, "codes", [record(row, {
                "code": row.get("code"), "label": row.get("label"),
                "maps_to": split_codes(row.get("maps_to"))}) for row in codes.rows], None)
            if not scheme:
                del plan["strand_scheme"]
            else:
                order(scheme, "StrandScheme")

    def _labels(self, plan: dict) -> None:
        table = self.tables.get(columns.HEADINGS.name)
        if table is None:
            return
        fields = {columns.heading_key(k): k for k in columns.LABEL_FIELDS}
        fields.update({columns.heading_key(v): k for k, v in columns.LABEL_FIELDS.items()})
        labels: dict[str, str] = {}
        for row in table.rows:
            name = fields.get(columns.heading_key(row.get("field")))
            if name is None:
                self.state.problems.append(row.origin("field").problem(
                    "", f'"{row.get("field")}" is not a field that can have a heading',
                    "use one of: " + ", ".join(columns.LABEL_FIELDS)))
            elif row.get("heading"):
                labels[name] = row.get("heading")
                self.state.origins.field(labels, name, row.origin("heading"))
        self.state.put(plan, "labels", labels, None)

    def _table_list(self, target: dict, key: str, table: columns.Table, make) -> None:
        parsed = self.tables.get(table.name)
        if parsed is not None:
            self.state.put(target, key, [make(row) for row in parsed.rows], None)
