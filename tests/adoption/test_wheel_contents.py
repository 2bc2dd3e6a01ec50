"""The wheel carries every file the package reads at run time: templates, schemas, the theme
layer (overrides, CSS, JavaScript), the new-site files; and the licence, the entry points
for MkDocs and ProperDocs, the version and the type marker."""

from __future__ import annotations

import zipfile

from actionplan import __version__

from ..conftest import ROOT

PACKAGE = ROOT / "plugins" / "actionplan"


def _data_files() -> set[str]:
    """Every file of the package in the source tree that is not Python code."""
    return {f"actionplan/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")
            and "__pycache__" not in p.parts}


def test_every_template_schema_and_asset_is_in_the_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _data_files()
    # What a site cannot do without, named so that the test cannot pass on an empty list.
    for needed in ("actionplan/theme/main.html", "actionplan/theme/404.html",
                   "actionplan/theme/partials/header.html",
                   "actionplan/theme/assets/actionplan/actionplan.css",
                   "actionplan/theme/assets/actionplan/keyboard.js",
                   "actionplan/render/templates/accessibility.html",
                   "actionplan/render/templates/partials/statement_contact.html",
                   "actionplan/schema/plan-v1.schema.json",
                   "actionplan/scaffold/files/mkdocs.yml", "actionplan/py.typed"):
        assert needed in expected, needed
    assert sorted(expected - names) == []
    assert {n for n in names if n.endswith(".py")} >= {
        "actionplan/__main__.py", "actionplan/cli.py", "actionplan/mkdocs_plugin/plugin.py"}


def test_the_wheel_has_the_licence_entry_points_and_version(wheel):
    archive = zipfile.ZipFile(wheel)
    info = f"actionplan-{__version__}.dist-info"
    assert (ROOT / "LICENSE").read_bytes() == archive.read(f"{info}/licenses/LICENSE")
    assert b"MIT License" in archive.read(f"{info}/licenses/LICENSE")
    metadata = archive.read(f"{info}/METADATA").decode("utf-8")
    assert f"Version: {__version__}\n" in metadata and "License-Expression: MIT" in metadata
    assert "Classifier: Framework :: MkDocs" in metadata
    entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    plugin = "actionplan = actionplan.mkdocs_plugin.plugin:ActionPlanPlugin"
    assert f"[mkdocs.plugins]\n{plugin}" in entry_points
    assert f"[properdocs.plugins]\n{plugin}" in entry_points
    assert "actionplan = actionplan.cli:main" in entry_points
