"""Plan values as every package compares them: the form of an id, and data in the form the
model reads it. A leaf: `edit/` (officers' commands) and `spreadsheet/` (the workbook
import) both use it, and neither has to import the other for it."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ruamel.yaml.scalarstring import ScalarString

ID_PATTERN = re.compile(r"^[a-z0-9]([a-z0-9._-]*[a-z0-9])?\Z")  # as the schema's Id


def normal_form(value: Any) -> Any:
    """Data with the differences the model ignores removed: an absent field and null or an
    empty list; `{text: x}` and `x` (dates, leads, measures); `{code: x}` and `x` (statuses);
    quoting and YAML-specific scalar types."""
    if isinstance(value, dict):
        result = {str(k): normal_form(v) for k, v in value.items()
                  if v is not None and v != []}
        if len(result) == 1 and next(iter(result)) in ("text", "code"):
            return next(iter(result.values()))
        return result
    if isinstance(value, list):
        return [normal_form(v) for v in value]
    if isinstance(value, ScalarString):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value
