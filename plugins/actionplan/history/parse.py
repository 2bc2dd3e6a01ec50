"""Parse a plan file from a past revision: the build's own loader, checks and model, faster.

A history of 1,000 revisions means parsing up to 1,000 versions of plan files, so this adds
two shortcuts that never change the answer:

- YAML is first composed by libyaml (PyYAML's C parser, when installed) with the same tag
  resolvers, then turned into data by the loader's own builder (the same duplicate-key, tag
  and depth checks, the same positions). Aliases are refused as the loader refuses them.
- The JSON Schema check remembers which parts of earlier revisions it found valid, keyed by
  their exact content: consecutive revisions share almost every objective and action, and a
  part that was valid against a sub-schema once is valid again (the check is a pure function).

Anything that does not pass cleanly goes through `actionplan.api.parse_plan_bytes`, the path
the build itself takes, so problems are reported exactly as the build reports them.
"""

from __future__ import annotations

import hashlib
import json

import jsonschema
import yaml

from actionplan.api import parse_plan_bytes
from actionplan.load.yaml_source import (
    MAX_FILE_BYTES, SourceDocument, _Builder, _PlanLoader,
)
from actionplan.model import Plan, build_plan
from actionplan.problems import Problem
from actionplan.validate import cross_check, load_schema

_MAX_REMEMBERED = 500_000


def parse_revision_file(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    """(plan, []) for a valid file; (None, problems) as the build reports them otherwise."""
    plan = _fast_plan(raw, name)
    if plan is not None:
        return plan, []
    return parse_plan_bytes(raw, name)


def _fast_plan(raw: bytes, name: str) -> Plan | None:
    """The plan when every shortcut passes cleanly; None to send the file the slow way."""
    if not yaml.__with_libyaml__ or len(raw) > MAX_FILE_BYTES:
        return None
    document = _fast_document(raw, name)
    if document is None or not _schema_valid(document.data):
        return None
    if any(p.severity == "error" for p in cross_check(document)):
        return None
    return build_plan(document.data, name)


class _FastLoader(yaml.cyaml.CParser if yaml.__with_libyaml__ else object,
                  yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """libyaml's parser with the plan loader's resolvers (no timestamps, YAML 1.2 booleans)."""

    yaml_implicit_resolvers = _PlanLoader.yaml_implicit_resolvers

    def __init__(self, stream: str):
        yaml.cyaml.CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


def _fast_document(raw: bytes, name: str) -> SourceDocument | None:
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None or _reuses_a_node(node):
            return None
        document = SourceDocument(file=name, data=None)
        builder = _Builder(loader, document)
        document.data = builder.build(node, (), depth=0)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError, ValueError):
        return None
    return None if builder.problems else document


def _reuses_a_node(root: yaml.Node) -> bool:
    """True when a node appears twice: libyaml resolves an alias (*name) to the anchored node."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


_valid_parts: set[tuple[str, bytes]] = set()


def _remembering_ref(validator, ref, instance, schema):
    """`$ref`, skipping a part whose exact content was already found valid against `ref`."""
    if not isinstance(instance, (dict, list)):
        yield from validator._validate_reference(ref=ref, instance=instance)
        return
    key = (ref, _digest(instance))
    if key in _valid_parts:
        return
    errors = list(validator._validate_reference(ref=ref, instance=instance))
    if not errors:
        if len(_valid_parts) > _MAX_REMEMBERED:
            _valid_parts.clear()
        _valid_parts.add(key)
    yield from errors


def _digest(instance) -> bytes:
    text = json.dumps(instance, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


_validator = None


def _schema_valid(data) -> bool:
    global _validator
    if _validator is None:
        schema = load_schema()
        base = jsonschema.validators.validator_for(schema)
        cls = jsonschema.validators.extend(base, {"$ref": _remembering_ref})
        _validator = cls(schema, format_checker=base.FORMAT_CHECKER)
    return next(_validator.iter_errors(data), None) is None
