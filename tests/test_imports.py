"""Import rules of the package (issue 21): no module cycle, no cycle between its top-level
packages beyond the listed known one, and no private name taken from another package.

What counts as an import: every `import` and `from ... import` that runs, at module level and
inside functions and classes alike (an import inside a function only hides a cycle, it does
not remove it). Imports under `if TYPE_CHECKING:` are not counted: they never run and exist
for annotations only. An import points at the module it names: `from actionplan.pages import
links` at pages/links.py, `from actionplan.pages import PageSpec` at pages/__init__.py. The
parent packages Python also runs on the way are not counted as edges: every module would
then depend on every `__init__` above it.

A name is private when it starts with one underscore (dunders such as `__version__` are not).
Within one package (the modules of one folder) private names are shared freely; a module of
another package must use a public, documented seam instead.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "plugins"


@dataclass(frozen=True)
class PrivateUse:
    module: str
    source: str
    name: str
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} uses {self.source}.{self.name}"


def modules(root: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """Dotted name -> (file, whether it is a package's __init__)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"
            or isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.AST):
    """Every import statement that can run, anywhere in the module."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for branch in child.orelse:  # the `else:` of a TYPE_CHECKING test does run
                yield from _runtime_imports(ast.Module(body=[branch], type_ignores=[]))
            continue
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        yield from _runtime_imports(child)


def _package_of(name: str, is_package: bool) -> str:
    return name if is_package else name.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def analyse(root: Path, package: str) -> tuple[dict[str, set[str]], list[PrivateUse]]:
    """The import graph of `package` (module -> modules it imports) and every private name
    one of its modules takes from a module of another package."""
    known = modules(root, package)
    graph: dict[str, set[str]] = {}
    private: list[PrivateUse] = []
    for name, (path, is_package) in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        own_package = _package_of(name, is_package)
        targets: set[str] = set()
        aliases: dict[str, str] = {}  # a local name bound to another package's module
        for node in _runtime_imports(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in known:
                        targets.add(alias.name)
                        if alias.asname:
                            aliases[alias.asname] = alias.name
                continue
            source = _absolute(node, own_package)
            if source not in known:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in known:
                    targets.add(submodule)
                    aliases[alias.asname or alias.name] = submodule
                    continue
                targets.add(source)
                if _is_private(alias.name) and _package_of(
                        source, known[source][1]) != own_package:
                    private.append(PrivateUse(name, source, alias.name, node.lineno))
        # `module._name` through an imported module of another package is the same reach.
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and _is_private(node.attr)):
                source = aliases[node.value.id]
                if _package_of(source, known[source][1]) != own_package:
                    private.append(PrivateUse(name, source, node.attr, node.lineno))
        targets.discard(name)
        graph[name] = targets
    return graph, private


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> b -> ... -> a) for each group of modules that import each other."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(start: str) -> None:  # Tarjan's strongly connected components, iteratively
        work = [(start, iter(sorted(graph.get(start, ()))))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            step = next((e for e in edges if e in graph), None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], order[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return [_one_cycle(graph, group) for group in groups]


def _one_cycle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest way round from the group's first module back to itself."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    return paths[node] + [start]
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a component always has one


# --- the package ----------------------------------------------------------------------------

def test_no_module_of_actionplan_imports_itself_round_a_cycle():
    graph, _ = analyse(ROOT, "actionplan")
    assert len(graph) > 100  # the whole package was read, not an empty folder
    found = [" -> ".join(cycle) for cycle in cycles(graph)]
    assert found == [], "import cycles:\n" + "\n".join(found)


# Package cycles not yet broken: none (issue 21 broke edit <-> spreadsheet by moving what both
# use to the leaf module plan_values.py). A cycle not listed here fails the test; remove an
# entry when it is broken.
KNOWN_PACKAGE_CYCLES: list[set[str]] = []


def _stage(module: str) -> str:
    """The package a module belongs to at the top level: actionplan.pages, actionplan.cli..."""
    return ".".join(module.split(".")[:2])


def test_no_two_packages_import_each_other_beyond_the_known_ones():
    # Stage order (load -> validate -> model -> pages -> render, history and export beside
    # pages) holds only if packages, not just modules, form no cycle.
    graph, _ = analyse(ROOT, "actionplan")
    packages: dict[str, set[str]] = {}
    for module, targets in graph.items():
        packages.setdefault(_stage(module), set()).update(
            _stage(t) for t in targets if _stage(t) != _stage(module))
    found = [set(cycle) for cycle in cycles(packages)]
    assert [c for c in found if c not in KNOWN_PACKAGE_CYCLES] == [], found
    assert [c for c in KNOWN_PACKAGE_CYCLES if c not in found] == [], "broken: drop it"


def test_no_private_name_is_taken_from_another_package():
    _, private = analyse(ROOT, "actionplan")
    assert [str(p) for p in private] == []


# --- the checks themselves --------------------------------------------------------------------

def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_cycle_hidden_in_a_function_is_found_and_one_for_type_checking_is_not(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from pkg.b import thing\n",
        "pkg/b.py": "def thing():\n    from pkg import a\n    return a\n",
        "pkg/c.py": "from typing import TYPE_CHECKING\nimport pkg.a\n"
                    "if TYPE_CHECKING:\n    from pkg.c import x\n",
        "pkg/d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import e\n",
        "pkg/e.py": "from pkg import d\n",
    })
    graph, _ = analyse(tmp_path, "pkg")
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_a_private_name_from_another_package_is_found_and_within_one_is_allowed(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "__version__ = '1'\n",
        "pkg/cli.py": "from pkg import __version__\n",
        "pkg/load/__init__.py": "",
        "pkg/load/source.py": "class _Builder: ...\n_cache = {}\n",
        "pkg/load/other.py": "from pkg.load.source import _Builder\n",
        "pkg/history/__init__.py": "",
        "pkg/history/fast.py": "from pkg.load.source import _Builder\n"
                               "from pkg.load import source\n\n"
                               "def f():\n    return source._cache\n",
    })
    _, private = analyse(tmp_path, "pkg")
    assert sorted(str(p) for p in private) == [
        "pkg.history.fast:1 uses pkg.load.source._Builder",
        "pkg.history.fast:5 uses pkg.load.source._cache",
    ]
