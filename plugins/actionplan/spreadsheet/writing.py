"""`actionplan export` and `actionplan template`: write a plan, or an empty layout, to a file."""

from __future__ import annotations

from pathlib import Path

from actionplan.api import check_document
from actionplan.load import read_yaml_file
from actionplan.problems import DataError
from actionplan.spreadsheet.export import export_tables, template_tables
from actionplan.spreadsheet.files import layout_readme, write_tables


def write_export(plan_file: Path, output: Path, *, display_name: str) -> None:
    """The plan in `plan_file` as a spreadsheet an officer can edit and import again."""
    document = read_yaml_file(plan_file, display_name)
    errors = [p for p in check_document(document) if p.severity == "error"]
    if errors:
        raise DataError(errors)  # export what the site would publish, never a broken plan
    plan = document.data["plan"]
    readme = layout_readme(f"{plan['title']} ({plan['id']}): exported by actionplan")
    write_tables(output, export_tables(document.data), readme)


def write_template(output: Path) -> None:
    """An empty spreadsheet in the documented layout, with the columns for one-table use."""
    readme = layout_readme("New action plan: template spreadsheet from actionplan")
    write_tables(output, template_tables(), readme)
