"""The detail sheets of an import (Activities, Measures, Measure values, Equality duty aims, Progress, Progress
items, Leads, Dates, Notes, Sources): their rows, taken by the items they belong to, and the
cells whose words they add detail to (dates, leads)."""

from __future__ import annotations

from actionplan.spreadsheet import columns
from actionplan.spreadsheet.assembly import Previous, order
from actionplan.spreadsheet.cells import (
    CellError, format_ref, line_range, maybe_several_leads, parse_ref, split_items, split_leads,
)
from actionplan.spreadsheet.details import Detail, ref_key
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.tables import Origin, ParsedTable, Row


class DetailSheets:
    def __init__(self, state: ImportState, tables: dict[str, ParsedTable]):
        self.state = state

        def detail(table: columns.Table, key: str) -> Detail:
            return Detail(tables.get(table.name), key, state.problems)
        self.activities = detail(columns.ACTIVITIES, "action")
        self.measures = detail(columns.MEASURES, "action")
        self.measure_values = detail(columns.MEASURE_VALUES, "action")
        self.psed = detail(columns.PSED, "action")
        self.items = detail(columns.PROGRESS_ITEMS, "action")
        self.leads = detail(columns.LEADS, "belongs_to")
        self.dates = detail(columns.DATES, "belongs_to")
        self.notes = detail(columns.NOTES, "belongs_to")
        self.sources = detail(columns.SOURCES, "belongs_to")
        self.progress = Detail(None, "action", state.problems)  # read with the Actions sheet

    def read_progress(self, table: ParsedTable | None) -> None:
        """The Progress sheet, whose headings may be the plan's own (known once it is read)."""
        self.progress = Detail(table, "action", self.state.problems)

    # --- notes and sources ----------------------------------------------------------------

    def add_notes_and_source(self, item: dict, ref, *, source: bool = True) -> None:
        key = ref_key(ref)
        if self.notes.present:
            self.state.put(item, "notes", [self._note(r) for r in self.notes.take_all(key)],
                           None)
        if source and self.sources.present:
            rows = self.sources.take_all(key)
            self.state.put(item, "source", self._source(rows[0]) if rows else None, None)
            for extra in rows[1:]:
                name = format_ref(*ref)
                self.state.problems.append(extra.origin().problem(
                    name, f"{name} already has a source (row {rows[0].number})",
                    "keep one row for it"))

    def _note(self, row: Row) -> dict:
        note = self.state.record(row, {"kind": row.get("kind"), "field": row.get("field"),
                                       "text": row.get("text")})
        self.state.yes_no(note, "public", row)
        order(note, None, ("kind", "field", "public", "text"))
        return note

    def _source(self, row: Row) -> dict:
        source = self.state.record(row, {"file": row.get("file"), "format": row.get("format")})
        if row.get("lines"):
            try:
                source["lines"] = line_range(row.get("lines"))
            except CellError as error:
                self.state.problems.append(row.origin("lines").problem("", error.what,
                                                                       error.fix))
        return source

    # --- cells with detail: dates and leads -----------------------------------------------

    def read_dates(self, text: str, ref, field: str, origin: Origin,
              previous: Previous | None = None) -> list:
        return [self.read_date(words, ref, field, origin, previous) for words in split_items(text)]

    def read_date(self, words: str, ref, field: str, origin: Origin,
             previous: Previous | None = None) -> str | dict:
        detail = self.dates.take(ref_key(ref), field=field, text=words) if words else None
        if detail is None:
            kept = previous.take(words) if previous and not self.dates.present else None
            return kept or words
        return self.state.record(detail, {k: detail.get(k) for k in (
            "text", "kind", "start", "end", "recurrence", "basis", "evidence")})

    def read_leads(self, text: str, ref, previous: Previous | None = None,
                 origin: Origin | None = None) -> list:
        leads = []
        # Leads the plan already has are the officer's settled choice: no warning again.
        known = {item.get("text") if isinstance(item, dict) else item
                 for item in (previous.items if previous else [])}
        kept = previous if previous and not self.leads.present else Previous(None)
        for words in split_leads(text):
            if origin is not None and words not in known:
                self._several_leads(words, origin)
            detail = self.leads.take(ref_key(ref), text=words)
            leads.append(kept.take(words) or words if detail is None else self.state.record(
                detail, {k: detail.get(k) for k in ("text", "organisation", "directorate",
                                                    "unit")}))
        return leads

    def _several_leads(self, words: str, origin: Origin) -> None:
        parts = maybe_several_leads(words)
        if parts:
            self.state.problems.append(origin.problem(
                "", f'the lead "{words}" may name {len(parts)} leads; each lead is counted '
                "apart in the lead index only when written apart",
                f'if it names several, write "{"; ".join(parts)}" (or one lead a line, '
                "Alt+Enter); if it is one lead, leave it", "warning"))

    # --- what was not used ----------------------------------------------------------------

    def report_unused(self) -> None:
        for detail, noun in ((self.activities, "activity"), (self.measures, "measure"),
                             (self.leads, "lead"), (self.dates, "date")):
            for row in detail.unused():
                self.state.problems.append(row.origin("text").problem(
                    "", f'no {noun} of {_owner(row)} reads "{row.get("text")}" in the main '
                    "sheet, so this row was not used",
                    f"give the {noun} the same words in both places, or delete this row",
                    "warning" if self._known(row) else "error"))
        for detail in (self.psed, self.progress, self.items, self.notes, self.sources,
                       self.measure_values):
            for row in detail.unused():
                self.state.problems.append(row.origin().problem(
                    _owner(row), f"{_owner(row)} is not in the plan, so this row was not used",
                    "correct the id (see the Actions and Progress sheets), or delete this row"))

    def _known(self, row: Row) -> bool:
        owner = row.get("belongs_to") or f"action {row.get('action')}"
        try:
            return ref_key(parse_ref(owner)) in self.state.refs
        except CellError:
            return False


def _owner(row: Row) -> str:
    return row.get("belongs_to") or f"action {row.get('action')}"
