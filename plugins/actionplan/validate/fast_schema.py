"""A quick "yes" to "does this plan file match the schema?", for the usual case where it does.

jsonschema walks the schema generically for every value: 0.6 s for a 1 MB plan, the largest
part of loading a county's plans. fastjsonschema compiles the schema into Python code and
answers 25 times faster, but its messages are not officers' messages and, being a draft-07
validator, it would silently skip keywords it does not know. So it is trusted only to say
yes: when it says no, jsonschema (schema_check.py) looks again and words every problem.

Its yes is kept safe by vetting the schema before compiling it: only keywords that mean the
same in both libraries are allowed, `$ref` may carry annotations only (draft 7 ignores
anything beside it), and formats are checked by jsonschema's own format checker. Anything
else in the schema turns the shortcut off until it is vetted here, with a test.
"""

from __future__ import annotations

import copy
from typing import Any
from collections.abc import Callable

import fastjsonschema

ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "examples"}
KEYWORDS = ANNOTATIONS | {"$ref", "$defs", "type", "properties", "additionalProperties",
                          "required", "items", "enum", "const", "anyOf", "pattern", "minLength",
                          "maxLength", "minItems", "maxItems", "minimum", "maximum",
                          "format"}
FORMATS = {"date"}


def compile_shortcut(schema: dict, format_checker) -> Callable[[Any], bool]:
    """A function that returns True only if its data matches `schema` (else "ask jsonschema").

    `format_checker` is the jsonschema validator's own, so formats mean the same to both.
    """
    if not vetted(schema):
        return _never_sure
    # A deep copy: fastjsonschema rewrites each "$ref" in place (as an absolute address), and
    # the schema passed in is shared (schema_check's cache: messages, the reference page).
    draft7 = copy.deepcopy(dict(schema, **{"$schema": "http://json-schema.org/draft-07/schema#"}))
    formats = {name: (lambda value, name=name: format_checker.conforms(value, name))
               for name in FORMATS}
    try:
        check = fastjsonschema.compile(draft7, handlers={}, use_default=False, formats=formats)
    except Exception:  # noqa: BLE001 - a schema it cannot compile: no shortcut
        return _never_sure

    def certainly_valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # noqa: BLE001 - invalid, or anything odd: jsonschema decides
            return False
        return True
    return certainly_valid


def vetted(node: Any) -> bool:
    """Whether every part of the schema means the same to fastjsonschema as to jsonschema."""
    if not isinstance(node, dict) or set(node) - KEYWORDS:
        return False
    if "$ref" in node and set(node) - ANNOTATIONS - {"$ref"}:
        return False
    if "format" in node and node["format"] not in FORMATS:
        return False
    additional = node.get("additionalProperties", False)
    subschemas = [*node.get("properties", {}).values(), *node.get("$defs", {}).values(),
                  *node.get("anyOf", [])]
    if "items" in node:
        subschemas.append(node["items"])  # a schema: the list form means other things
    if additional is not False:
        subschemas.append(additional)
    return all(vetted(sub) for sub in subschemas)


def _never_sure(data: Any) -> bool:
    return False
