"""Read one YAML file safely, keeping the line and column of every key and value.

Safe-load semantics (no Python tags), plus what plain `yaml.safe_load` lacks for
officer-edited data: duplicate keys are errors, anchors and aliases are refused
(they make "billion laughs" bombs possible and no plan needs them), dates stay
as the text that was written, and only `true`/`false` are booleans (so a title
such as `No` stays text). Every failure becomes a `Problem`, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from actionplan.problems import DataError, Problem
from actionplan.text_safety import xml_unsafe

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
# Only plain data: text, numbers, true/false, null, lists and mappings. No Python objects.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}"
                        for t in ("str", "int", "float", "bool", "null", "seq", "map"))

DocumentPath = tuple  # where a value is in the document: its keys and list indices


@dataclass
class SourceDocument:
    """A parsed file: its data and where each value (and each mapping key) was written."""

    file: str
    data: Any
    value_marks: dict[DocumentPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DocumentPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: DocumentPath, *, prefer_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path`, or of its nearest written ancestor."""
        path = tuple(path)
        while True:
            marks = (self.key_marks, self.value_marks) if prefer_key else (self.value_marks,)
            for table in marks:
                if path in table:
                    return table[path]
            if not path:
                return (None, None)
            path = path[:-1]


class _AliasUsed(yaml.MarkedYAMLError):
    """An alias (*name) was met while composing: refused before it can expand."""

    WHAT = "an alias (*name) is used here"


class _TooDeep(yaml.MarkedYAMLError):
    """Collections nested deeper than any plan needs: refused before the composer recurses."""


class PlanLoader(yaml.SafeLoader):
    """SafeLoader without timestamps and aliases, and with YAML 1.2-style booleans."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasUsed(None, None, _AliasUsed.WHAT, event.start_mark)
        # PyYAML composes recursively: stop at MAX_DEPTH, long before Python's own limit.
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 1:
                raise _TooDeep(None, None, "too deep", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


PlanLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PlanLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def reads_as_text(value: str) -> bool:
    """Whether `value`, written unquoted, is read back as text (writers quote it if not)."""
    resolver = PlanLoader("")
    return resolver.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"


try:  # libyaml's parser lives in PyYAML's C extension (yaml.cyaml re-exports it unlisted)
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python parser does it all
    _WITH_LIBYAML = False
else:
    _WITH_LIBYAML = True

if _WITH_LIBYAML:
    class _FastPlanLoader(CParser, PlanLoader):
        """`PlanLoader` with libyaml's C scanner and parser: a large plan reads 5 times faster.

        Only the events come from C; composing stays `PlanLoader`'s own, so aliases are
        refused the same way. Errors are worded by the pure-Python parser (see
        `parse_yaml_text`), because libyaml words them differently. Checked against each other
        on thousands of damaged plan files, the two agree on data and positions, except that
        libyaml also accepts a few forms PyYAML refuses ("?" inside a [flow] value, a comment
        right after a block scalar's `>`) and places an empty flow value (`{a: , b: 1}`) a
        column later.
        """

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        # CParser composes in C, which would bypass PlanLoader.compose_node.
        get_single_node = yaml.composer.Composer.get_single_node
        compose_document = yaml.composer.Composer.compose_document


def read_yaml_file(path: Path, display_name: str | None = None) -> SourceDocument:
    """Parse `path`; raise `DataError` with a positioned, plain-English problem on failure."""
    name = display_name or str(path)
    try:
        # Check the size before reading: a 50 MB file is refused without loading it.
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([_too_big(name, size)])
        raw = path.read_bytes()
    except OSError as error:
        raise DataError([Problem(name, None, None, "file",
                                 f"the file cannot be read ({error.strerror or error})",
                                 "check that the file exists and that you may read it")]) from None
    return parse_yaml_bytes(raw, name)


def parse_yaml_bytes(raw: bytes, name: str) -> SourceDocument:
    """Parse file content (from disk or from a past revision in git) as `read_yaml_file` does."""
    if len(raw) > MAX_FILE_BYTES:  # also guards content that does not come from a file
        raise DataError([_too_big(name, len(raw))])
    text = _decode(raw, name)
    return parse_yaml_text(text, name)


def _too_big(name: str, size: int) -> Problem:
    return Problem(name, None, None, "file",
                   f"the file is {size / (1024 * 1024):.0f} MB, over the "
                   f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit for one plan file",
                   "split the plan into smaller files, or check that the right file was saved "
                   "here")


def parse_yaml_text(text: str, name: str) -> SourceDocument:
    # libyaml accepts a tab inside a value, which PyYAML reports (as officers are told now).
    if _WITH_LIBYAML and "\t" not in text:
        try:
            return _parse_with(_FastPlanLoader, text, name)
        except Exception:  # noqa: BLE001 - any failure: the reference parser decides and words it
            pass
    return _parse_with(PlanLoader, text, name)


def _parse_with(loader_class: type[PlanLoader], text: str, name: str) -> SourceDocument:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:
        raise DataError([_unreadable_character(text, error, name)]) from None
    try:
        node = loader.get_single_node()
    except _AliasUsed as error:
        line, column = _mark(error.problem_mark)
        raise DataError([Problem(name, line, column, "file", _AliasUsed.WHAT,
                                 "write the value out in full: plan files do not support "
                                 "anchors (&name) and aliases (*name)")]) from None
    except _TooDeep as error:
        raise DataError([_too_deep(name, error.problem_mark)]) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, name)]) from None
    except yaml.reader.ReaderError as error:
        raise DataError([_unreadable_character(text, error, name)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, None, None, "file", f"this is not valid YAML ({error})",
                                 "check the file's indentation and punctuation")]) from None
    except RecursionError:
        raise DataError([_too_deep(name, None)]) from None
    finally:
        loader.dispose()
    if node is None or _is_bare_null(node):
        raise DataError([Problem(name, 1, 1, "file", "the file is empty",
                                 "write the plan into it (run `actionplan new-plan ID` for a "
                                 "commented starter), or delete the file")])
    document = SourceDocument(file=name, data=None)
    builder = NodeBuilder(loader, document)
    document.data = builder.build(node, (), depth=0)
    if builder.problems:
        raise DataError(builder.problems)
    return document


def _is_bare_null(node: yaml.Node) -> bool:
    # A file holding only "---" or "~" is as empty as a blank one.
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and \
        node.value in ("", "~")


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as Windows editors write it: harmless
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(name, None, None, "file",
                                 "the file is saved as UTF-16 (\"Unicode\") text, not UTF-8",
                                 "save the file as UTF-8 (in most editors: Save As, then choose "
                                 "the UTF-8 encoding)")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(raw[line_start: error.start].decode("utf-8", errors="replace")) + 1
        raise DataError([Problem(name, line, column, "file",
                                 f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} "
                                 "cannot be read)",
                                 "save the file as UTF-8 (in most editors: Save As, then choose "
                                 "the UTF-8 encoding), or retype the character at this position")
                         ]) from None


class NodeBuilder:
    """Turns composed YAML nodes into plain Python data, recording positions. Public, with
    `PlanLoader`: the history reader's libyaml path builds on both (history/fast_yaml.py)."""

    def __init__(self, loader: PlanLoader, document: SourceDocument):
        self.loader = loader
        self.document = document
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: DocumentPath, depth: int) -> Any:
        self.document.value_marks[path] = _mark(node.start_mark)
        if depth > MAX_DEPTH:
            self.problems.append(_too_deep(self.document.file, node.start_mark))
            return None
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(self._problem(
                node.start_mark, f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not "
                "allowed here", "remove the tag (the word starting with !) and write a plain value"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: DocumentPath, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(self._problem(key_node.start_mark,
                                                   "a merge key (<<) is used here",
                                                   "write the fields out in full: plan files do "
                                                   "not support merge keys"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._problem(
                    key_node.start_mark, "a field name here is a list or a set of fields",
                    "write each field as `name: value`, with a plain word as the name (a line "
                    "starting with ? starts a complex name)"))
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in first_seen:
                line, _ = _mark(first_seen[key].start_mark)
                self.problems.append(self._problem(
                    key_node.start_mark, f'the key "{key}" appears twice in the same item '
                    f"(first on line {line})",
                    "keep one of them: delete or merge the duplicate"))
                continue
            first_seen[key] = key_node
            self.document.key_marks[path + (key,)] = _mark(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as error:
            self.problems.append(self._problem(
                node.start_mark, f"this value cannot be read ({getattr(error, 'problem', error)})",
                "write it as plain text, in quotes"))
            return None
        if isinstance(value, str) and xml_unsafe(value):
            # Written as an escape such as "\v" (the file itself cannot hold the character):
            # web pages and feeds cannot carry it either.
            self.problems.append(self._problem(
                node.start_mark, f"this text contains an invisible control character "
                f"({', '.join(xml_unsafe(value))}), written as an escape such as \\v or \\x0b",
                "delete the escape from the quoted text (such characters often come from text "
                "pasted from Word or a PDF)"))
        return value

    def _problem(self, mark, what: str, fix: str) -> Problem:
        line, column = _mark(mark)
        return Problem(self.document.file, line, column, "file", what, fix)


def _mark(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


_SYNTAX_HINTS = [
    ("found character '\\t'", "a tab character is used for indentation",
     "YAML needs spaces: replace the tab with spaces (set your editor to insert spaces)"),
    ("found duplicate anchor", "an anchor name is used twice", "remove the anchors (&name)"),
    ("mapping values are not allowed here", "a colon (:) is in a place YAML does not expect",
     "if the text contains ': ', put the whole value in double quotes; otherwise check the "
     "indentation of this line"),
    ("could not find expected ':'", "a line is missing its colon, or a quoted text is not closed",
     "check this line and the one above: each field is written `name: value`"),
    ("found unexpected end of stream", "a quoted text is not closed",
     "add the closing quote mark"),
    ("expected <block end>, but found", "the indentation is inconsistent",
     "line this item up with the other items at the same level"),
    ("expected a single document in the stream", "the file holds more than one document",
     "keep one plan per file: delete the line holding only --- here, or move what follows "
     "it into a file of its own"),
    ("found undefined alias", "an alias (*name) is used", "write the value out in full"),
    ("found unknown escape character", "a backslash (\\) in double quotes starts an unknown escape",
     "write \\\\ for a backslash, or use single quotes"),
    ("while parsing a flow sequence", "a value that starts with [ is read as a list, and this "
     "one is not a complete list", 'if it is text, put the whole value in double quotes, for '
     'example title: "[Draft] Equality plan"; if it is a list, end it with ]'),
    ("while parsing a flow mapping", "a value that starts with { is read as a set of fields, and "
     "this one is not complete", "if it is text, put the whole value in double quotes; "
     "otherwise end it with }"),
    ("that cannot start any token", "a value starts with a character YAML keeps for itself "
     "(such as @, ` or %)", "put the whole value in double quotes"),
]


_OPENED_AT = ("while scanning a quoted scalar", "while parsing a flow sequence",
              "while parsing a flow mapping")


def _syntax_problem(error: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and any(opening in (error.context or "") for opening in _OPENED_AT):
        # Point at what was left open (the quote, the [ or {), not where YAML gave up: that
        # is often the next line, or the end of the file.
        mark = error.context_mark
    line, column = _mark(mark) if mark else (None, None)
    detail = " ".join(filter(None, [error.context, error.problem]))
    if "expected <block end>" in detail and _starts_a_flow_value(mark):
        detail = "while parsing a flow sequence"  # `title: [Draft] Plan`: text after a list
    for needle, what, fix in _SYNTAX_HINTS:
        if needle in detail:
            return Problem(name, line, column, "file", f"YAML syntax: {what}", fix)
    return Problem(name, line, column, "file", f"YAML syntax: {detail}",
                   "check the punctuation and indentation on this line and the line above")


def _unreadable_character(text: str, error: yaml.reader.ReaderError, name: str) -> Problem:
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    return Problem(name, line, column, "file",
                   f"the file contains an invisible control character (U+{error.character:04X}) "
                   "that YAML does not allow",
                   "delete it and retype the text around it (such characters often come from "
                   "text pasted from Word or a PDF)")


def _starts_a_flow_value(mark) -> bool:
    """Whether the line of `mark` has a value starting with [ or {, like `title: [Draft] x`."""
    buffer = getattr(mark, "buffer", None)
    if not isinstance(buffer, str):
        return False
    lines = buffer.splitlines()
    text = lines[mark.line] if mark.line < len(lines) else ""
    return re.match(r"^\s*(- )?[^\s#:][^:]*:\s+[\[{]", text) is not None


def _too_deep(name: str, mark) -> Problem:
    line, column = _mark(mark) if mark else (None, None)
    return Problem(name, line, column, "file",
                   f"the data is nested more than {MAX_DEPTH} levels deep",
                   "check the indentation: plan files never need this many levels")
