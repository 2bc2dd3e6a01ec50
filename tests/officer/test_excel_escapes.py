"""Excel's _xHHHH_ escapes in cells are read as the characters they stand for (issue 18).

Excel stores a line break pasted from Word (U+000B) as _x000B_, and a typed "_x000B_" as
_x005F_x000B_. Both imports (a plan spreadsheet, a reporting round's returns) read them as the
officer meant: the first as a line break, the second as the text typed. Another control
character, which no plan file can hold, is left out with a warning at its cell.

Workbooks are written by openpyxl, which keeps text in the cells themselves; Excel keeps it
in a shared strings table, which openpyxl reads differently, so each test runs on both forms.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ..conftest import ROOT
from .test_import_problems import ACTIONS, good_sheets, workbook
from .test_rounds import CHARNWOOD, ROUND, fill, site  # noqa: F401 (site is a fixture)
from .test_update import added_lines

_INLINE = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>')
_SHARED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def as_excel_saves_it(path: Path) -> None:
    """Move the text of every cell into a shared strings table, where Excel keeps it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name).decode("utf-8") for name in source.namelist()}
    strings: list[str] = []

    def shared(match: re.Match) -> str:
        strings.append(match.group(3))
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{len(strings) - 1}</v></c>'
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = _INLINE.sub(shared, parts[name])
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in strings) + "</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>", f'<Relationship Id="rIdStrings" Type="{_SHARED}" '
        'Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, text in parts.items():
            target.writestr(name, text)


@pytest.fixture(params=["cell text", "shared strings"])
def saved(request):
    """Save a workbook as openpyxl writes it, or as Excel does."""
    def save(path: Path) -> Path:
        if request.param == "shared strings":
            as_excel_saves_it(path)
            assert "xl/sharedStrings.xml" in zipfile.ZipFile(path).namelist()
        return path
    return save


def test_the_excel_form_is_the_one_openpyxl_reads_lossily(tmp_path):
    # Why the import reads shared strings itself: openpyxl drops "x005F_", so the escaped
    # form of a typed "_x000B_" comes back as the escape of a line break.
    path = Path(workbook(str(tmp_path / "lossy.xlsx"), {"Sheet": [["_x005F_x000B_"]]}))
    as_excel_saves_it(path)
    assert load_workbook(path, read_only=True)["Sheet"]["A1"].value == "_x000B_"


def test_the_spreadsheet_import_reads_escapes_as_the_officer_meant(project, run, saved):
    actions = [ACTIONS[0],
               ["objective-1", "1.1", "1.1", "Publish the report_x000B_in plain words",
                "April 2027"],
               ["", "1.2", "1.2", "Explain what _x005F_x000B_ means", "Ongoing"],
               ["", "1.3", "1.3", "Page one_x000C_page two", "Ongoing"]]
    path = saved(project / workbook("new.xlsx", good_sheets(Actions=actions)))
    code, out, err = run("import", path.name)
    assert (code, err) == (0, ""), err
    warning = ("new.xlsx:Actions:row 4: column D: This cell held an invisible control "
               "character (U+000C) that a plan file cannot hold, so it was left out. Check "
               "that the text reads as meant in the plan file.")
    assert "warning: " + warning in out.splitlines()
    guide = (ROOT / "content" / "updating-a-plan.md").read_text(encoding="utf-8")
    assert f"\n{warning}\n" in guide  # the guide quotes it word for word
    text = (project / "data" / "plans" / "new-plan.yaml").read_text(encoding="utf-8")
    assert "title: |-\n          Publish the report\n          in plain words\n" in text
    assert "title: Explain what _x000B_ means\n" in text
    assert "title: Page onepage two\n" in text
    assert run("validate", "data/plans/new-plan.yaml")[0] == 0


def test_a_round_import_reads_escapes_as_the_lead_meant(site, run, saved):  # noqa: F811
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    path = site / ROUND / "communications-officer.xlsx"
    fill(path, {"1.4": {"New status": "completed",
                        "Update": "Articles ran in January._x000B_Another ran in May.",
                        "Reason": "Written as _x005F_x000B__x0007_ by mistake"}})
    saved(path)
    plan_file = site / "data" / "plans" / f"{CHARNWOOD}.yaml"
    before = plan_file.read_text(encoding="utf-8")
    code, out, err = run("round", "import", ROUND, "--date", "2019-03-31")
    assert (code, err) == (0, ""), err
    row = next(n for n, r in enumerate(load_workbook(path)["Actions"].iter_rows(values_only=True),
                                       1) if r[1] == "1.4")
    assert (f"warning: returns/2019-q1/communications-officer.xlsx:Actions:row {row}: column L: "
            "This cell held an invisible control character (U+0007) that a plan file cannot "
            "hold, so it was left out. Check that the text reads as meant in the plan file."
            ) in out.splitlines()
    assert sorted(added_lines(before, plan_file.read_text(encoding="utf-8"))) == sorted([
        "    - date: '2019-03-31'", "      status: completed", "      text: |-",
        "        Articles ran in January.", "        Another ran in May.",
        "      reason: Written as _x000B_ by mistake"])


def test_a_csv_file_with_the_characters_themselves_is_read_the_same_way(project, run):
    # A .csv file has no escapes: Excel writes the characters themselves, read as above.
    Path("new.csv").write_text(
        "[Plan]\nField,Value\nTitle,New plan\nOrganisation,Example Council\n"
        "Organisation kind,local_authority\nOrganisation basis,stated\n"
        "[Levels]\nKind,Label\nobjective,Objective\n"
        "[Actions]\nGroup title,Action id,Action\n"
        "First objective,1.1,Publish the report\x0bin plain words\n"
        "First objective,1.2,Page one\x0cpage two\n", encoding="utf-8")
    code, out, err = run("import", "new.csv", "--plan", "new-plan")
    assert (code, err) == (0, ""), err
    assert ("warning: new.csv:row 13: column C: This cell held an invisible control character "
            "(U+000C) that a plan file cannot hold, so it was left out. Check that the text "
            "reads as meant in the plan file.") in out.splitlines()
    text = (project / "data" / "plans" / "new-plan.yaml").read_text(encoding="utf-8")
    assert "title: |-\n          Publish the report\n          in plain words\n" in text
    assert "title: Page onepage two\n" in text


def test_text_that_looks_like_an_escape_goes_through_an_export_as_written(project, run):
    # Written as it is, "_x000B_" would be shown by Excel, and read by the import, as a line
    # break: the export stores it escaped, as Excel itself does.
    path = project / "data" / "plans" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Access to services", "title: Access to services _x000B_ _x005F_"),
        encoding="utf-8")
    before = path.read_bytes()
    assert run("export", "mini-plan", "--output", "plan.xlsx")[0] == 0
    with zipfile.ZipFile(project / "plan.xlsx") as book:
        stored = "".join(book.read(name).decode("utf-8") for name in book.namelist()
                         if name.startswith("xl/worksheets/"))
    assert "Access to services _x005F_x000B_ _x005F_x005F_" in stored
    assert load_workbook(project / "plan.xlsx")["Groups"]  # a workbook openpyxl opens
    code, out, err = run("import", "plan.xlsx")
    assert (code, err) == (0, ""), err
    assert path.read_bytes() == before
