"""Rewrite plan files without losing what officers wrote: comments, key order, quoting, layout.

PyYAML (used to read and check plans) drops comments, so rewriting goes through ruamel.yaml's
round-trip mode. `assign` changes a loaded file into new data touching only what differs, and
`write_checked` checks the new text with the checks of `actionplan validate` before it replaces
the file: a plan file is never left half-written or invalid.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

from actionplan.api import read_plan_file
from actionplan.edit.safe_write import (
    PendingWrite, ReadSnapshot, commit, commit_all, write_temporary,
)
from actionplan.load.yaml_source import reads_as_text
from actionplan.problems import Problem
from actionplan.validate.schema_check import SCHEMA_PATH
from actionplan.plan_values import normal_form

SCHEMA_MARKER = "yaml-language-server: $schema="
# Lists written on one line in new files, as the bundled plans write them.
_FLOW_LISTS = frozenset({"lines"})


class _PlanRepresenter(RoundTripRepresenter):
    """Writes null as `null` and quotes text the plan loader would otherwise misread."""


def _represent_none(representer, _data):
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _represent_str(representer, data):
    # ruamel.yaml follows YAML 1.2; the plan loader (PyYAML) reads 1:20 or 1_000 as numbers.
    style = None if reads_as_text(data) else '"'
    return representer.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_PlanRepresenter.add_representer(type(None), _represent_none)
_PlanRepresenter.add_representer(str, _represent_str)


def round_trip_yaml(text: str = "") -> YAML:
    """A ruamel.yaml round-tripper that indents lists the way `text` already does."""
    yaml = YAML()
    yaml.Representer = _PlanRepresenter
    yaml.width = 4096  # never fold long lines: officers' text stays one line per value
    yaml.preserve_quotes = True
    offset = _sequence_offset(text)
    if offset == 0:
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _sequence_offset(text: str) -> int | None:
    """How far `- ` items sit inside their key: 0 (`key:` / `- x`) or 2 (`key:` / `  - x`)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:]):
        key = re.match(r"^( *)[^\s\-#][^:]*:\s*$", line)
        item = re.match(r"^( *)- ", following)
        if key and item:
            return len(item.group(1)) - len(key.group(1))
    return None


def load_text(text: str) -> tuple[YAML, Any]:
    yaml = round_trip_yaml(text)
    return yaml, yaml.load(text)


def dump_text(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def to_node(value: Any, key: str | None = None) -> Any:
    """Plain data as ruamel nodes: block style, multi-line text as `|-` blocks."""
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_node(v, k)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(to_node(v) for v in value)
        if key in _FLOW_LISTS:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def new_file_text(data: dict, path: Path, intro: list[str]) -> str:
    """The text of a new plan file: the editor schema line, `intro` comments, then the data."""
    header = [schema_comment(path), *(f"# {line}" if line else "#" for line in intro)]
    return "\n".join(header) + "\n" + dump_text(round_trip_yaml(), to_node(data))


def schema_comment(path: Path) -> str:
    """`# yaml-language-server: $schema=...` pointing from `path` to the packaged schema."""
    schema = Path(str(SCHEMA_PATH)).resolve()
    try:
        target = os.path.relpath(schema, path.resolve().parent)
    except ValueError:  # another drive on Windows: only an absolute path reaches it
        target = schema.as_uri()
    return f"# {SCHEMA_MARKER}{Path(target).as_posix()}"


def has_schema_comment(text: str) -> bool:
    return any(SCHEMA_MARKER in line for line in text.splitlines()[:5])


# --- changing a loaded file into new data -------------------------------------------------

def assign(old: CommentedMap, new: dict) -> None:
    """Change `old` (a loaded file) in place until it holds `new`, touching only what differs,
    so comments, key order and quoting survive wherever the data did not change."""
    for key in [k for k in old if k not in new]:
        del old[key]
    order = list(new)
    for key, value in new.items():
        if key in old:
            merged = _merge(old[key], value, key)
            if merged is not old[key]:
                old[key] = merged
        else:
            old.insert(_insert_position(old, key, order), key, to_node(value, key))


def _merge(old: Any, new: Any, key: str | None = None) -> Any:
    if same_data(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        assign(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _assign_list(old, new)
        return old
    return to_node(new, key)


def _assign_list(old: CommentedSeq, new: list) -> None:
    pool = list(enumerate(old))
    items = []
    for position, value in enumerate(new):
        found = _match(pool, value, position)
        items.append(_merge(found, value) if found is not None else to_node(value))
    if len(items) == len(old) and all(a is b for a, b in zip(items, old)):
        return
    del old[:]
    old.extend(items)
    if any(isinstance(i, dict) for i in items) and old.fa.flow_style():
        old.fa.set_block_style()  # `progress: []` that gains an update becomes a block list


def _match(pool: list, value: Any, position: int) -> Any:
    """The old item that `value` replaces: same id, else equal data, else same place."""
    tests = [lambda old_pos, old: same_data(old, value)]
    if isinstance(value, dict) and "id" in value:
        tests.insert(0, lambda old_pos, old: isinstance(old, dict) and old.get("id") == value["id"])
    elif isinstance(value, dict):
        tests.append(lambda old_pos, old: isinstance(old, dict) and "id" not in old
                     and old_pos == position)
    for test in tests:
        for i, (old_pos, old) in enumerate(pool):
            if test(old_pos, old):
                del pool[i]
                return old
    return None


def _insert_position(old: CommentedMap, key: str, order: list[str]) -> int:
    """Just after the last existing key that comes before `key` in the new data."""
    before = set(order[: order.index(key)])
    positions = [i for i, k in enumerate(old) if k in before]
    return max(positions) + 1 if positions else 0


# --- comparing data the way the model does ------------------------------------------------

def same_data(a: Any, b: Any) -> bool:
    return normal_form(a) == normal_form(b)


# --- writing safely -----------------------------------------------------------------------

def write_checked(path: Path, text: str, *, display_name: str, read: ReadSnapshot,
                  expected: dict | None = None) -> list[Problem]:
    """Write `text` to `path` only if it passes every check; return the problems found.

    The text goes to a temporary file beside `path` first (so the final move is atomic), is
    checked there, and replaces `path` only when it has no errors and `path` still holds what
    `read` saw (`safe_write.commit`; call this inside `safe_write.editing`). Problems name
    `display_name`. With `expected`, the written file must read back as that data.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = write_temporary(path, text)
    try:
        plan, problems = read_plan_file(temporary, display_name)
        if any(p.severity == "error" for p in problems) or plan is None:
            return problems
        if expected is not None:
            _check_reads_back(temporary, expected)
        commit(temporary, path, read=read, display_name=display_name)
        return problems
    finally:
        temporary.unlink(missing_ok=True)


def write_all_checked(files: list[tuple[Path, str, str, ReadSnapshot]]) -> list[Problem]:
    """`write_checked` for several files at once, all or none: each (path, text, display
    name, read) is written to a temporary file and checked; only when none has an error do
    they all replace their files (`safe_write.commit_all`, inside `editing` for each)."""
    pending: list[PendingWrite] = []
    problems: list[Problem] = []
    try:
        for path, text, display_name, read in files:
            temporary = write_temporary(path, text)
            pending.append(PendingWrite(temporary, path, read, display_name))
            plan, found = read_plan_file(temporary, display_name)
            problems += found
            if plan is None and not any(p.severity == "error" for p in found):
                problems.append(Problem(display_name, None, None, "file",
                                        "the file would not read as a plan",
                                        "nothing was written: please report this"))
        if not any(p.severity == "error" for p in problems):
            commit_all(pending)
        return problems
    finally:
        for write in pending:
            write.temporary.unlink(missing_ok=True)


def _check_reads_back(path: Path, expected: dict) -> None:
    from actionplan.load import read_yaml_file
    written = read_yaml_file(path).data
    if not same_data(written, expected):
        raise RuntimeError(f"internal error: {path.name} would not read back as the data meant "
                           "to be written; nothing was changed. Please report this.")
