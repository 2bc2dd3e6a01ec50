"""JSON Schema validation, with each error reworded as a Problem an officer can act on."""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import Any
from collections.abc import Iterable

import jsonschema
from jsonschema.exceptions import ValidationError

from actionplan.load.yaml_source import SourceDocument
from actionplan.problems import Problem
from actionplan.validate.describe import describe_path
from actionplan.validate.fast_schema import compile_shortcut

SCHEMA_PATH = resources.files("actionplan") / "schema" / "plan-v1.schema.json"


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return _anchored(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _anchored(node: Any) -> Any:
    """Every `pattern` ending in `$` made to end in `\\Z`: Python's `$` also matches before a
    final newline, so an id "1.1\\n" would pass. The file keeps `$`, which editors' JavaScript
    reads correctly and would misread `\\Z`."""
    if isinstance(node, dict):
        return {key: (value[:-1] + "\\Z" if key == "pattern" and isinstance(value, str)
                      and value.endswith("$") and not value.endswith("\\$")
                      else _anchored(value)) for key, value in node.items()}
    if isinstance(node, list):
        return [_anchored(value) for value in node]
    return node


@lru_cache(maxsize=1)
def plan_validator() -> jsonschema.protocols.Validator:
    """The plan schema's validator, made once; its class's FORMAT_CHECKER checks formats."""
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@lru_cache(maxsize=1)
def _certainly_valid():
    return compile_shortcut(load_schema(), plan_validator().FORMAT_CHECKER)


def schema_problems(document: SourceDocument) -> list[Problem]:
    """Every schema violation in the document, worded for officers."""
    if _certainly_valid()(document.data):  # most files: 25 times faster (see fast_schema.py)
        return []
    problems: dict[tuple, Problem] = {}
    leaves = [leaf for error in plan_validator().iter_errors(document.data)
              for leaf in _leaf_errors(error)]
    # "30/04/2018" breaks both the date pattern and the date format: say it once, by the pattern.
    patterned = {tuple(leaf.absolute_path) for leaf in leaves if leaf.validator == "pattern"}
    for leaf in leaves:
        if leaf.validator == "format" and tuple(leaf.absolute_path) in patterned:
            continue
        for problem in _to_problems(leaf, document):
            problems.setdefault((problem.line, problem.column, problem.what), problem)
    return list(problems.values())


def _leaf_errors(error: ValidationError) -> Iterable[ValidationError]:
    """For "one of several shapes" errors, the errors of the shape the officer meant."""
    if error.validator not in ("anyOf", "oneOf") or not error.context or _missing_any(error):
        yield error
        return
    meant = [e for e in error.context if not _is_shape_mismatch(e, error)]
    if not meant:
        yield error
        return
    # Report only the branch that got furthest: its errors are about the officer's own words.
    deepest = max(len(e.relative_path) for e in meant)
    branch = {e.relative_schema_path[0] for e in meant if len(e.relative_path) == deepest}
    for sub in meant:
        if sub.relative_schema_path[0] in branch:
            yield from _leaf_errors(sub)


def _missing_any(error: ValidationError) -> list[str]:
    """The fields of an "one of these fields is needed" rule (a plan's `groups:` or top-level
    `actions:`) when every branch failed only for want of its field; else []."""
    if not all(e.validator == "required" and not e.relative_path for e in error.context):
        return []
    return [e.message.split("'")[1] for e in error.context if "'" in e.message]


def _is_shape_mismatch(sub: ValidationError, parent: ValidationError) -> bool:
    # A branch that failed only because the value is the wrong kind (text vs mapping)
    # is not the shape the officer meant.
    return sub.validator == "type" and len(sub.relative_path) == 0 or (
        sub.validator in ("anyOf", "oneOf") and len(sub.relative_path) == 0
        and all(_is_shape_mismatch(s, sub) for s in sub.context))


def _to_problems(error: ValidationError, document: SourceDocument) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = describe_path(document.data, path)
    if error.validator == "additionalProperties" and _unexpected_keys(error):
        # One message per unknown field, each at its own line: two are two mistakes.
        return [Problem(document.file, *document.position(path + (key,), prefer_key=True),
                        where, *_unknown_field(error, key))
                for key in _unexpected_keys(error)]
    what, fix, at_key = _explain(error)
    line, column = document.position(path, prefer_key=at_key)
    return [Problem(document.file, line, column, where, what, fix)]


def _unknown_field(error: ValidationError, key: str) -> tuple[str, str]:
    allowed = sorted((_schema_of(error).get("properties") or {}).keys())
    guess = difflib.get_close_matches(key, allowed, n=1)
    fix = f'did you mean "{guess[0]}"? ' if guess else ""
    return f'unknown field "{key}"', fix + "Fields allowed here: " + ", ".join(allowed)


def _explain(error: ValidationError) -> tuple[str, str, bool]:
    """(what is wrong, how to fix it, whether to point at the key rather than the value)."""
    kind = error.validator
    schema = _schema_of(error)
    field = _field_name(error)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        hint = _property_description(schema, missing)
        return (f'the field "{missing}" is missing',
                f"add `{missing}:` here{': ' + hint if hint else ''}", True)
    if kind == "additionalProperties":  # no key to name (see _to_problems)
        return ("this item has fields that are not allowed here",
                "Fields allowed here: " + ", ".join(sorted(schema.get("properties") or {})), True)
    if kind == "enum":
        choices = [str(c) for c in _keyword_value(error)]
        guess = difflib.get_close_matches(str(error.instance), choices, n=1) or _first_word(
            error.instance, choices)
        fix = f'did you mean "{guess[0]}"? ' if guess else ""
        return (f'{field} "{error.instance}" is not one of: {", ".join(choices)}',
                fix + "Use one of the values listed", False)
    if kind == "const":
        return (f"{field} must be {_keyword_value(error)!r}, not {error.instance!r}",
                f"write `{field}: {_keyword_value(error)}`", False)
    if kind == "type":
        return _explain_type(error, field)
    if kind == "pattern":
        return _explain_pattern(error, field)
    if kind == "format":
        return (f'{field} "{error.instance}" is not a real calendar date',
                "write a date that exists, as YYYY-MM-DD (for example 2018-04-30)", False)
    if kind == "minLength":
        return (f"{field} is empty", "write the text, or remove the field if there is none", False)
    if kind == "maxLength":
        return (f"{field} is longer than {_keyword_value(error)} characters",
                "shorten it", False)
    if kind == "minItems":
        n = _keyword_value(error)
        return (f"{field} must list at least {n} item{'s' if n != 1 else ''}",
                "add the missing item, or remove the field if it does not apply", False)
    if kind == "maxItems":
        return (f"{field} lists more than {_keyword_value(error)} items", "remove the extra items",
                False)
    if kind in ("minimum", "maximum"):
        return _explain_range(error, field, schema)
    if kind in ("anyOf", "oneOf") and (names := _missing_any(error)):
        titles = [branch.get("title", "") for branch in _keyword_value(error)]
        hints = [f"`{name}:` ({title[0].lower() + title[1:]})" if title else f"`{name}:`"
                 for name, title in zip(names, titles)]
        return (f'the field "{names[0]}" is missing', "add " + ", or ".join(hints), True)
    if kind in ("anyOf", "oneOf"):
        return (f"{field} is not in a form this field accepts",
                schema.get("description") or "check the documentation for this field", False)
    return (error.message, schema.get("description") or "", False)


def _first_word(value: Any, choices: list[str]) -> list[str]:
    """The choice a value's first word names in another case: "Amber (at risk)" is amber."""
    words = str(value).lower().split()
    return [words[0]] if words and words[0] in choices else []


_TYPE_WORDS = {"string": "text", "object": "a set of fields (name: value)", "array": "a list",
               "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "null": "null (nothing)"}


def _explain_type(error: ValidationError, field: str) -> tuple[str, str, bool]:
    value = _keyword_value(error)
    expected = value if isinstance(value, list) else [value]
    wanted = " or ".join(_TYPE_WORDS.get(t, str(t)) for t in expected)
    found = _kind_of(error.instance)
    fix = f"write {wanted} here"
    if not error.absolute_path:
        return (f"the file should hold the plan as {wanted}, but holds {found}",
                "start the file with the fields schema_version, plan and groups, each at the "
                "start of a line (see the data guide for a complete example)", False)
    if "array" in expected and not isinstance(error.instance, list):
        fix = "make it a list: put each item on its own line starting with `- `"
    elif "number" in expected and isinstance(error.instance, str):
        fix = _number_fix(error.instance)
    elif "string" in expected and isinstance(error.instance, (int, float, bool)):
        written = str(error.instance).lower() if isinstance(error.instance, bool) else error.instance
        fix = f'put the value in quotes, for example "{written}"'
    return (f"{field} should be {wanted}, but is {found}", fix, False)


def _explain_range(error: ValidationError, field: str, schema: dict) -> tuple[str, str, bool]:
    low, high = schema.get("minimum"), schema.get("maximum")
    side = "below the lowest" if error.validator == "minimum" else "above the highest"
    allowed = (f"from {low} to {high}" if low is not None and high is not None
               else f"of {low} or more" if low is not None else f"of {high} or less")
    return (f"{field} is {error.instance}, {side} allowed value ({_keyword_value(error)})",
            f"write a number {allowed}", False)


def _number_fix(text: str) -> str:
    """How to write a figure given as text: "45%" or "£25,000" is the number 45 or 25000."""
    bare = text.strip().strip("%£$€").replace(",", "").strip()
    try:
        float(bare)
    except ValueError:
        return "write a plain number here, for example 45 (digits only, no words)"
    return f"write {bare}: a plain number, without quotes, %, currency signs or commas"


def _explain_pattern(error: ValidationError, field: str) -> tuple[str, str, bool]:
    pattern = _keyword_value(error)
    value = error.instance
    if "a-z0-9" in pattern and "._-" in pattern:
        suggestion = "".join(c if c.isalnum() or c in "._-" else "-" for c in str(value).lower())
        suggestion = suggestion.strip("._-") or "item-1"
        return (f'{field} "{value}" is not a valid identifier',
                "use lower-case letters, digits, dots, hyphens and underscores, starting and "
                f'ending with a letter or digit, for example "{suggestion}"', False)
    if pattern.startswith("^[0-9]{4}"):
        return (f'{field} "{value}" is not written as YYYY-MM-DD',
                "write the date as year-month-day, for example 2018-04-30", False)
    if pattern.startswith("^P") or pattern.startswith("^(P"):
        return (f'{field} "{value}" is not a duration',
                "write P1M for monthly, P3M for quarterly, P6M for half-yearly, P1Y for yearly",
                False)
    if pattern.startswith("^[A-Z]{3}"):
        return (f'{field} "{value}" is not a three-letter currency code',
                "write the code in capitals, for example GBP, EUR or USD (leave the field out "
                "for GBP)", False)
    if pattern.startswith("^other:"):
        return (f'{field} "{value}" is not a known characteristic', _schema_of(error).get(
            "description", ""), False)
    description = _schema_of(error).get("description", "")
    return (f'{field} "{value}" is not in the expected form', description, False)


def _keyword_value(error: ValidationError) -> Any:
    """The failed keyword's value (the pattern, the choices, the limit): jsonschema sets it on
    every error a validator yields; only an error made by hand leaves it unset."""
    return error.validator_value


def _schema_of(error: ValidationError) -> dict[str, Any]:
    """The subschema that failed; {} for a boolean schema (`false`), which has no keywords."""
    return error.schema if isinstance(error.schema, dict) else {}


def _unexpected_keys(error: ValidationError) -> list[str]:
    allowed = set((_schema_of(error).get("properties") or {}).keys())
    # Only objects have properties: the instance is a mapping.
    return sorted(k for k in error.instance if k not in allowed) if isinstance(
        error.instance, dict) else []


def _field_name(error: ValidationError) -> str:
    for step in reversed(error.absolute_path):
        if isinstance(step, str):
            return step
    return "the value"


def _property_description(schema: dict, name: str) -> str:
    prop = (schema.get("properties") or {}).get(name) or {}
    if "description" not in prop and str(prop.get("$ref", "")).startswith("#/$defs/"):
        prop = load_schema()["$defs"].get(prop["$ref"].removeprefix("#/$defs/"), {})
    return (prop.get("description") or "").rstrip(".")


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "empty (null)"
