"""What the detail sheets add to an action once its row is read: its equality duty aims, its
progress updates (the Progress and Progress items sheets, or the Actions sheet's own progress
columns), its notes and source."""

from __future__ import annotations

from typing import Any

from actionplan.spreadsheet.assembly import already_said, order
from actionplan.spreadsheet.cells import figure, split_items
from actionplan.spreadsheet.detail_sheets import DetailSheets
from actionplan.spreadsheet.details import ref_key
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.tables import Row


class ActionDetails:
    def __init__(self, state: ImportState, details: DetailSheets):
        self.state, self.details = state, details
        self.added_updates = 0  # updates made from the Actions sheet's progress columns

    def finish(self, action: dict, row: Row | None) -> None:
        """Add what the detail sheets hold for `action` (read from `row`, if from a row)."""
        state, details = self.state, self.details
        action_id = action.get("id", "")
        ref = (("action", action_id),)
        state.refs.add(ref_key(ref))
        if details.psed.present:
            state.put(action, "psed", [state.record(r, {
                "aim": r.get("aim"), "phrase": r.get("phrase"), "basis": r.get("basis")})
                for r in details.psed.take_all(action_id)], None)
        if details.progress.present:
            state.put(action, "progress", [self._update(r, action_id, position) for position, r
                                           in enumerate(details.progress.take_all(action_id), 1)],
                      None)
        else:
            for position, update in enumerate(action.get("progress") or [], 1):
                update_ref = ref + (("update", str(update.get("id", position))),)
                state.refs.add(ref_key(update_ref))
                details.add_notes_and_source(update, update_ref, source=False)
        if row is not None:
            self._inline_update(action, row)
        details.add_notes_and_source(action, ref)
        order(action, "Action")

    def _update(self, row: Row, action_id: str, position: int) -> dict:
        state, details = self.state, self.details
        name = row.get("id") or str(position)
        ref = (("action", action_id), ("update", name))
        state.refs.add(ref_key(ref))
        update = state.record(row, {"id": row.get("id")})
        update["date"] = details.read_date(row.get("date"), ref, "date", row.origin("date"))
        state.put(update, "label", row.get("label"), row.origin("label"))
        state.put(update, "status", self._status(row), row.origin("status"))
        update["revised_due"] = details.read_date(row.get("revised_due"), ref, "revised_due",
                                             row.origin("revised_due"))
        state.put(update, "rag", row.get("rag"), row.origin("rag"))
        percent = row.get("percent_complete")
        state.put(update, "percent_complete", figure(percent) if percent else None,
                  row.origin("percent_complete"))
        for key in ("text", "next_steps", "impact", "reason"):
            state.put(update, key, row.get(key), row.origin(key))
        state.put(update, "footnotes", split_items(row.get("footnotes")),
                  row.origin("footnotes"))
        items = details.items.take_all(action_id, update=name) or (
            details.items.take_all(action_id, update=str(position)) if row.get("id") else [])
        state.put(update, "items", [self._item(r) for r in items], None)
        details.add_notes_and_source(update, ref, source=False)
        for key in ("date", "revised_due"):
            if update[key] in ("", None):
                del update[key]
            else:
                state.origins.field(update, key, row.origin(key))
        order(update, "Update")
        return update

    def _item(self, row: Row) -> dict:
        item = self.state.record(row, {k: row.get(k) for k in ("activity", "measure", "text")})
        self.state.put(item, "status", self._status(row), row.origin("status"))
        return item

    def _status(self, row: Row) -> str | dict | None:
        code, text, basis = row.get("status"), row.get("status_text"), row.get("status_basis")
        if not (text or basis):
            return code or None
        status: dict[str, Any] = {}
        for key, value, column in (("code", code, "status"), ("text", text, "status_text"),
                                   ("basis", basis, "status_basis")):
            self.state.put(status, key, value, row.origin(column))
        self.state.origins.item(status, row.origin("status"))
        return status

    def _inline_update(self, action: dict, row: Row) -> None:
        candidate = {"date": row.get("progress_date"), "status": row.get("status"),
                     "text": row.get("progress"), "next_steps": row.get("next_steps"),
                     "impact": row.get("impact")}
        candidate = {k: v for k, v in candidate.items() if v}
        if not candidate:
            return
        progress = action.setdefault("progress", [])
        if progress and already_said(progress[-1], candidate):
            return
        self.state.origins.item(candidate, row.origin())
        for key, column in (("date", "progress_date"), ("status", "status"), ("text", "progress"),
                            ("next_steps", "next_steps"), ("impact", "impact")):
            if key in candidate:
                self.state.origins.field(candidate, key, row.origin(column))
        progress.append(candidate)
        self.added_updates += 1
