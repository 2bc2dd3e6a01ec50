"""libyaml (PyYAML's C parser) with the plan loader's own rules, for parts of past revisions.

Text is composed by libyaml with the loader's tag resolvers, then turned into data by the
loader's own builder (the same duplicate-key, tag and depth checks). Aliases are refused, as
the loader refuses them. Anything this cannot read is left to the build's own path, which
words the problem for officers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from actionplan.load.yaml_source import SourceDocument, NodeBuilder, PlanLoader

_STR = "tag:yaml.org,2002:str"
# Where libyaml and PyYAML's own scanner are known to disagree (tabs), or PyYAML refuses
# characters outright, and line breaks other than "\n" (which `blocks.py` does not cut at):
# text holding any of these is read by the build's own path.
_UNLIKE_PYYAML = re.compile(yaml.reader.Reader.NON_PRINTABLE.pattern
                            + "|[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
AVAILABLE = bool(yaml.__with_libyaml__)
_FAILED = (yaml.YAMLError, RecursionError, ValueError)


if TYPE_CHECKING or AVAILABLE:  # libyaml's parser, in PyYAML's C extension
    from yaml._yaml import CParser
else:  # never made without libyaml (callers check AVAILABLE): a stand-in base class, so
    # that the module still imports (`object` as the first base gives no consistent MRO)
    class CParser:
        pass


class _FastLoader(CParser,
                  yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """libyaml's parser with the plan loader's resolvers (no timestamps, YAML 1.2 booleans)."""

    yaml_implicit_resolvers = PlanLoader.yaml_implicit_resolvers
    _resolved: dict = {}

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def resolve(self, kind, value, implicit):
        # The tag of a short plain scalar depends on its text alone (no path resolvers here).
        if kind is not yaml.ScalarNode or len(value) > 40:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = super().resolve(kind, value, implicit)
        return found


class _FastBuilder(NodeBuilder):
    def _scalar(self, node):
        # What SafeConstructor does for a string, without its bookkeeping.
        return node.value if node.tag == _STR else super()._scalar(node)


def decoded(raw: bytes) -> str | None:
    """The text, or None when it is not UTF-8 or holds what only the build's path handles."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _UNLIKE_PYYAML.search(text) else text


def compose(text: str) -> tuple[yaml.Node | None, Any]:
    """(root node, loader), or (None, loader) for text that is not one alias-free document."""
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except _FAILED:
        return None, loader
    # An alias is written "*name": text with no "*" at all has none (most parts of a plan).
    if node is None or ("*" in text and _reuses_a_node(node)):
        return None, loader
    return node, loader


def build(loader, node: yaml.Node, depth: int) -> tuple[bool, Any]:
    """(True, data) for a node the plan loader accepts at `depth`; (False, None) otherwise."""
    builder = _FastBuilder(loader, SourceDocument("", None))
    try:
        data = builder.build(node, (), depth=depth)
    except _FAILED:
        return False, None
    return (False, None) if builder.problems else (True, data)


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
