"""Officers' own one-table spreadsheets, with their own headings, update an existing plan."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from actionplan.api import read_plan_file
from actionplan.load import read_yaml_file
from actionplan.validate.schema_check import SCHEMA_PATH

CHARNWOOD = "data/plans/charnwood-2016-2018.yaml"


def charnwood_as_officers_keep_it(path: str, change: dict[str, str] | None = None) -> None:
    """The Charnwood plan as one table under a title row, with the plan's own headings, the
    objective ("PEO", the plan's level label) only on the first row of each objective, no ids,
    and the latest status and progress of each action."""
    data = read_yaml_file(Path(CHARNWOOD)).data
    book = Workbook()
    sheet = book.active
    sheet.append(["Equality Strategy Action Plan 2016-2018"])
    sheet.append([])
    sheet.append(["PEO", "No", "Action", "How will success be measured?",
                  "Responsibility/ Delivery Lead", "Date of Completion", "Status",
                  "Progress to date"])
    for group in data["groups"]:
        for index, action in enumerate(group["actions"]):
            latest = action["progress"][-1]
            text = (change or {}).get(action["id"], latest["text"])
            sheet.append([group["title"] if index == 0 else None, action["number"],
                          action["title"], "\n".join(action.get("measures", [])),
                          "\n".join(action.get("leads", [])),
                          "\n".join(_words(d) for d in action.get("due", [])),
                          latest["status"]["code"], text])
    book.save(path)


def test_a_one_table_sheet_with_the_plans_headings_updates_only_what_changed(project, run):
    before = read_yaml_file(project / CHARNWOOD).data
    charnwood_as_officers_keep_it("mine.xlsx", {"4.6": "Training finished in June."})
    code, out, err = run("import", "mine.xlsx", "--plan", "charnwood-2016-2018")
    assert (code, err) == (0, ""), err
    assert "Actions changed: 4.6." in out
    assert "Progress updates added from the Actions sheet: 1." in out
    after = read_yaml_file(project / CHARNWOOD).data
    old_46, new_46 = (_action(d, "4.6") for d in (before, after))
    assert new_46["progress"][:-1] == old_46["progress"]  # the history is kept
    assert new_46["progress"][-1] == {"status": "in_progress",
                                      "text": "Training finished in June."}
    assert new_46["notes"] == old_46["notes"] and new_46["source"] == old_46["source"]
    for group_before, group_after in zip(before["groups"], after["groups"]):
        assert group_before["notes"] == group_after.get("notes", group_before["notes"])
    plan, problems = read_plan_file(project / CHARNWOOD)
    assert problems == [] and plan.id == "charnwood-2016-2018"


def test_importing_the_same_one_table_sheet_again_changes_nothing(project, run):
    charnwood_as_officers_keep_it("mine.xlsx", {"4.6": "Training finished in June."})
    assert run("import", "mine.xlsx", "--plan", "charnwood-2016-2018")[0] == 0
    once = (project / CHARNWOOD).read_bytes()
    code, out, _ = run("import", "mine.xlsx", "--plan", "charnwood-2016-2018")
    assert code == 0 and "changed" not in out and "added" not in out
    assert (project / CHARNWOOD).read_bytes() == once


def test_an_unchanged_one_table_sheet_leaves_the_file_byte_for_byte(project, run):
    before = (project / CHARNWOOD).read_bytes()
    charnwood_as_officers_keep_it("mine.xlsx")
    code, out, err = run("import", "mine.xlsx", "--plan", "charnwood-2016-2018")
    assert (code, err) == (0, "") and "changed" not in out
    assert (project / CHARNWOOD).read_bytes() == before


def test_a_column_mapping_file_names_headings_the_layout_does_not_know(project, run):
    (project / "columns.yaml").write_text(
        '"Person in charge": leads\n"Finish by": due\nTheme: group_title\n', encoding="utf-8")
    book = Workbook()
    book.active.append(["Theme", "Action", "Person in charge", "Finish by"])
    book.active.append(["Fair employment", "Publish pay gap figures", "Head of HR",
                        "March 2027"])
    book.save("mine.xlsx")
    assert run("new-plan", "pay-plan", "--title", "Pay plan")[0] == 0
    starter = project / "data" / "plans" / "pay-plan.yaml"
    text = starter.read_text(encoding="utf-8")  # the plan's details the sheet does not give
    for wanted, words in (("the organisation's name", "Kingsbury Borough Council"),
                          ("the years the plan covers", "2026-2028")):
        text = text.replace(next(line.split('"')[1] for line in text.splitlines()
                                 if f'"REPLACE: {wanted}' in line), words)
    starter.write_text(text, encoding="utf-8")
    code, out, err = run("import", "mine.xlsx", "--plan", "pay-plan", "--columns",
                         "columns.yaml")
    assert (code, err) == (0, ""), err
    plan, problems = read_plan_file(project / "data" / "plans" / "pay-plan.yaml")
    assert problems == []
    (group,) = plan.groups
    (action,) = group.actions
    assert group.title == "Fair employment" and group.id == "fair-employment"
    assert action.title == "Publish pay gap figures" and action.id == "fair-employment-1"
    assert [lead.text for lead in action.leads] == ["Head of HR"]
    assert action.due[0].text == "March 2027" and action.due[0].end.isoformat() == "2027-03-31"
    assert "Actions removed: 1.1, 1.2." in out and "Actions added: fair-employment-1." in out


def test_a_mapping_to_an_unknown_field_is_reported(project, run):
    (project / "columns.yaml").write_text('"Person in charge": leeds\n', encoding="utf-8")
    code, _, err = run("import", "nothing.xlsx", "--plan", "x", "--columns", "columns.yaml")
    assert code == 1 and err.startswith("error: nothing.xlsx: file: There is no such file.")
    Workbook().save("empty.xlsx")
    code, _, err = run("import", "empty.xlsx", "--plan", "pay", "--columns", "columns.yaml")
    assert code == 1
    assert err.splitlines()[0] == ('error: columns.yaml: "Person in charge": "leeds" is not a column '
                                   'of the layout. Did you mean "leads"? Use a column name from '
                                   'the guide, such as leads or due.')


def _words(date) -> str:
    return date if isinstance(date, str) else date["text"]


def _action(data: dict, action_id: str) -> dict:
    return next(a for g in data["groups"] for a in g["actions"] if a["id"] == action_id)


def test_details_the_one_table_sheet_has_no_place_for_are_kept(project, run):
    """The mini fixture has lead and measure details, activity ids and a two-level tree; a
    one-table sheet with only words in its cells must keep all of them."""
    path = project / "data" / "plans" / "mini.yaml"
    before = read_yaml_file(path).data
    book = Workbook()
    book.active.append(["Group id", "No", "Action", "Key activity", "How will success be "
                        "measured?", "Who", "Date of Completion"])
    for group in before["groups"][0]["groups"]:
        for action in group["actions"]:
            book.active.append([
                group["id"], action["id"], action.get("title"),
                "\n".join(a["text"] for a in action.get("activities", [])),
                "\n".join(m["text"] if isinstance(m, dict) else m
                          for m in action.get("measures", [])),
                "\n".join(x["text"] if isinstance(x, dict) else x
                          for x in action.get("leads", [])),
                "\n".join(_words(d) for d in action.get("due", []))])
    book.save("mine.xlsx")
    code, out, err = run("import", "mine.xlsx", "--plan", "mini-plan")
    assert (code, err) == (0, ""), err
    assert "changed" not in out and "removed" not in out
    assert read_yaml_file(path).data == before


def test_a_dry_run_reports_and_writes_nothing(project, run):
    charnwood_as_officers_keep_it("mine.xlsx", {"4.6": "Training finished in June."})
    before = (project / CHARNWOOD).read_bytes()
    code, out, err = run("import", "mine.xlsx", "--plan", "charnwood-2016-2018", "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("Would update data/plans/charnwood-2016-2018.yaml: ")
    assert "Actions changed: 4.6." in out
    assert (project / CHARNWOOD).read_bytes() == before


def test_import_adds_the_editor_schema_line_to_a_file_without_one(project, run):
    path = project / CHARNWOOD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\n", 1)[1], encoding="utf-8")  # drop the schema line
    assert run("export", "charnwood-2016-2018")[0] == 0
    assert run("import", "spreadsheets/charnwood-2016-2018.xlsx")[0] == 0
    first, rest = path.read_text(encoding="utf-8").split("\n", 1)
    assert rest == text.split("\n", 1)[1]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=")[1]).resolve()
    assert target == Path(str(SCHEMA_PATH)).resolve()
