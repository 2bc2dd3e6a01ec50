"""Reporting rounds (issue 18.3): one return per lead out, every return checked and applied in.

Each test works on a copy of the bundled site (data/ and mkdocs.yml) and runs the command
line in-process; returns are filled in with openpyxl, as a lead's spreadsheet program would.
"""

from __future__ import annotations

import json
import subprocess
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.api import load_site
from actionplan.model.vocabulary import STATUSES

from ..conftest import ROOT
from .test_round_guide import quoted_in_guide
from .test_update import added_lines

CHARNWOOD = "charnwood-2016-2018"
ROUND = Path("returns") / "2019-q1"


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def data_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "data").rglob("*")) if p.is_file()}


def leads_by_action(root: Path, plan_ids: set[str] | None = None) -> dict[str, set]:
    """Each lead (spacing and capitals aside) -> the (plan, action) it leads, from the model."""
    site, _ = load_site(root / "data")
    leads: dict[str, set] = {}
    for plan in site.plans:
        if plan_ids and plan.id not in plan_ids:
            continue
        for action, _ in plan.all_actions():
            named = list(action.leads) + [lead for a in action.activities for lead in a.leads]
            for lead in named:
                key = " ".join(lead.text.split()).casefold()
                leads.setdefault(key, set()).add((plan.id, action.id))
            if not named:
                leads.setdefault("no lead named in the plan", set()).add((plan.id, action.id))
    return leads


def rows(path: Path) -> list[dict[str, str | None]]:
    sheet = load_workbook(path)["Actions"]
    headings = [c.value for c in sheet[1]]
    return [dict(zip(headings, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def fill(path: Path, answers: dict[str, dict[str, str]]) -> None:
    """Type `answers` ({action id: {heading: value}}) into a return, as a lead would."""
    book = load_workbook(path)
    sheet = book["Actions"]
    headings = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for heading, value in answers.get(row[1].value, {}).items():
            row[headings.index(heading)].value = value
    book.save(path)


def test_open_writes_one_return_per_lead_and_untouched_returns_change_nothing(site, run):
    code, out, err = run("round", "open", "2019-q1", "--deadline", "2019-04-15",
                         "--return-to", "equality@example.org")
    assert (code, err) == (0, ""), err
    manifest = json.loads((site / ROUND / "round.json").read_text(encoding="utf-8"))
    workbooks = sorted(p.name for p in (site / ROUND).glob("*.xlsx"))
    expected = leads_by_action(site)
    assert len(workbooks) == len(expected) == len(manifest["returns"])
    assert workbooks == sorted(r["file"] for r in manifest["returns"])
    assert out.startswith(f"Opened round 2019-q1: {len(expected)} returns in returns/2019-q1/")
    # Each return holds exactly its lead's actions; action 1.4 has two leads: in both.
    for sent in manifest["returns"]:
        key = " ".join(sent["lead"].split()).casefold()
        got = {(r["Plan"], r["Action id"]) for r in rows(site / ROUND / sent["file"])}
        assert got == expected[key], sent["lead"]
        assert sent["file"].endswith(".xlsx") and sent["file"] == sent["file"].lower()
        assert all(c.isalnum() or c in "-." for c in sent["file"])
    holding = [s["file"] for s in manifest["returns"]
               if any(a["plan"] == CHARNWOOD and a["action"] == "1.4" for a in s["actions"])]
    assert holding == ["communications-officer.xlsx",
                       "corporate-improvement-policy-officer.xlsx"]
    assert manifest["deadline"] == "2019-04-15" and set(manifest["plans"]) == {
        p.stem for p in (site / "data" / "plans").glob("*.yaml")}

    book = load_workbook(site / ROUND / "communications-officer.xlsx")
    assert book.sheetnames == ["Instructions", "Actions"]
    instructions = [row[0] for row in book["Instructions"].iter_rows(values_only=True) if row[0]]
    assert "Please send it back by 15 April 2019." in instructions
    assert "Send it back to: equality@example.org" in instructions
    assert "For: Communications Officer" in instructions
    for code in ("not_started", "completed", "rescheduled"):
        assert f"- {code}: {STATUSES[code].label}. {STATUSES[code].meaning}" in instructions
    sheet = book["Actions"]
    assert [c.value for c in sheet[1]][8:] == ["New status", "Update", "Revised target date",
                                               "Reason"]
    assert sheet.protection.sheet and book["Instructions"].protection.sheet
    last = sheet.max_row
    assert all(sheet.cell(row=r, column=c).protection.locked
               for r in range(2, last + 1) for c in range(1, 9))
    assert not any(sheet.cell(row=r, column=c).protection.locked
                   for r in range(2, last + 1) for c in range(9, 13))
    (choices,) = sheet.data_validations.dataValidation
    assert str(choices.sqref) == f"I2:I{last}"
    assert choices.formula1 == '"not_started,in_progress,ongoing,completed,rescheduled,' \
                               'transferred,withdrawn,unknown"'

    # Importing the returns as sent changes no data file, to the byte.
    before = data_bytes(site)
    code, out, err = run("round", "import", ROUND)
    assert (code, err) == (0, ""), err
    assert out.splitlines() == [f"Read {len(expected)} returns from returns/2019-q1: 0 returned, "
                                f"0 partly filled, {len(expected)} untouched.",
                                "No new answers: nothing was changed."]
    assert data_bytes(site) == before

    # A round is opened once: opening it again is refused, and the returns are kept.
    sent = (site / ROUND / "communications-officer.xlsx").read_bytes()
    code, out, err = run("round", "open", "2019-q1")
    assert code == 1 and out == ""
    assert err.startswith("error: returns/2019-q1: round: This round was already opened; "
                          "opening it again would write over the returns. See how it is going "
                          "with: actionplan round status 2019-q1; import it with: actionplan "
                          "round import returns/2019-q1; ")
    assert (site / ROUND / "communications-officer.xlsx").read_bytes() == sent
    assert quoted_in_guide(err.splitlines()[0])


def test_two_filled_returns_add_exactly_their_updates(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    fill(site / ROUND / "communications-officer.xlsx", {
        "1.4": {"New status": "completed", "Update": "Articles ran in January and May."},
        "2.3": {"New status": "in_progress", "Update": "A slot each month since April."}})
    fill(site / ROUND / "human-resources-advisor.xlsx", {  # the site's words for the code
        "1.6": {"New status": "Target date revised", "Update": "The survey moved to the autumn.",
                "Revised target date": "October 2019", "Reason": "The supplier changed."}})
    plan_file = site / "data" / "plans" / f"{CHARNWOOD}.yaml"
    before, others = plan_file.read_text(encoding="utf-8"), data_bytes(site)
    del others[f"data/plans/{CHARNWOOD}.yaml"]

    code, out, err = run("round", "status", "2019-q1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Returned: 1" in lines and "Partly filled: 1" in lines
    assert "  Human Resources Advisor: 1 of 1 action answered (human-resources-advisor.xlsx)" \
        in lines
    assert any(ln.startswith("  Communications Officer: 2 of ") for ln in lines)
    assert lines[lines.index("Partly filled: 1") + 1].startswith("  Communications Officer: 2")

    code, out, err = run("round", "import", ROUND, "--date", "2019-03-31")
    assert (code, err) == (0, ""), err
    assert ("warning: returns/2019-q1/human-resources-advisor.xlsx:Actions:row 2: column I "
            '(New status): The status code is written "Target date revised"; it is read as '
            "rescheduled. Choose rescheduled from the cell's list.") in out.splitlines()
    after = plan_file.read_text(encoding="utf-8")
    assert sorted(added_lines(before, after)) == sorted([
        "    - date: '2019-03-31'", "      status: completed",
        "      text: Articles ran in January and May.",
        "    - date: '2019-03-31'", "      status: in_progress",
        "      text: A slot each month since April.",
        "    - date: '2019-03-31'", "      status: rescheduled",
        "      revised_due: October 2019", "      text: The survey moved to the autumn.",
        "      reason: The supplier changed."])
    assert {k: v for k, v in data_bytes(site).items() if k in others} == others
    site_model, problems = load_site(site / "data")
    plan = next(p for p in site_model.plans if p.id == CHARNWOOD)
    actions = {a.id: a for a, _ in plan.all_actions()}
    latest = {i: actions[i].latest_update for i in ("1.4", "2.3", "1.6")}
    assert {i: (u.status.code, u.text, u.date.text) for i, u in latest.items()} == {
        "1.4": ("completed", "Articles ran in January and May.", "2019-03-31"),
        "2.3": ("in_progress", "A slot each month since April.", "2019-03-31"),
        "1.6": ("rescheduled", "The survey moved to the autumn.", "2019-03-31")}
    assert latest["1.6"].revised_due.text == "October 2019"
    assert latest["1.6"].reason == "The supplier changed."
    assert actions["1.6"].current_due[0].text == "October 2019"
    message = (site / ROUND / "commit-message.txt").read_text(encoding="utf-8")
    assert message.splitlines()[-2:] == [
        "", "Change-reason: Progress reported by the action leads in reporting round 2019-q1."]
    assert message in out and "Added 3 progress updates dated 2019-03-31 to " \
        f"data/plans/{CHARNWOOD}.yaml." in out

    # Importing the round again adds nothing twice.
    code, out, err = run("round", "import", ROUND, "--date", "2019-04-02")
    assert (code, err) == (0, "")
    assert "3 answers already in the plans (imported before): not added again." in out
    assert plan_file.read_text(encoding="utf-8") == after


def test_conflicting_answers_are_refused_naming_both_workbooks(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    fill(site / ROUND / "communications-officer.xlsx", {
        "1.4": {"New status": "completed", "Update": "Done in January."},
        "2.3": {"New status": "ongoing", "Update": "Monthly."}})
    fill(site / ROUND / "corporate-improvement-policy-officer.xlsx", {
        "1.4": {"New status": "in_progress", "Update": "One article still to come."}})
    before = data_bytes(site)
    code, out, err = run("round", "import", ROUND, "--date", "2019-03-31")
    assert code == 1 and out == ""
    place = {name: f"returns/2019-q1/{name}.xlsx:Actions:row " + str(
        next(n for n, r in enumerate(rows(site / ROUND / f"{name}.xlsx"), 2)
             if r["Action id"] == "1.4"))
        for name in ("communications-officer", "corporate-improvement-policy-officer")}
    assert err.splitlines() == [
        f"error: {place['corporate-improvement-policy-officer']}: action 1.4 (plan {CHARNWOOD}):"
        f" Two returns answer this action differently: {place['communications-officer']} says "
        f'completed, "Done in January."; {place["corporate-improvement-policy-officer"]} says '
        'in_progress, "One article still to come.". Agree one answer with both leads, then '
        "clear the other return's row (New status, Update, Revised target date, Reason) and "
        "import again.",
        "1 error: nothing was changed. Fix what is listed above (in the returns, or ask the "
        "leads), then import again."]
    assert data_bytes(site) == before
    assert quoted_in_guide(err.splitlines()[0])


def test_each_bad_cell_is_named_by_workbook_sheet_row_and_column(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    path = site / ROUND / "communications-officer.xlsx"
    sent = rows(path)
    fill(path, {
        sent[0]["Action id"]: {"New status": "complete", "Update": "Done."},
        sent[1]["Action id"]: {"New status": "rescheduled", "Update": "Later."},
        sent[2]["Action id"]: {"New status": "rescheduled", "Update": "Later.",
                               "Revised target date": "31/02/2020"},
        sent[3]["Action id"]: {"Target date": "Never", "New status": "ongoing",
                               "Update": "Fine."},
        sent[4]["Action id"]: {"New status": "ongoing"},
    })
    book = load_workbook(path)
    book["Actions"].cell(row=7, column=2).value = "9.9"  # an action not sent to this lead
    book["Actions"].cell(row=7, column=9).value = "ongoing"
    book.save(path)
    before = data_bytes(site)
    code, out, err = run("round", "import", ROUND)
    assert code == 1 and out == ""
    where = "error: returns/2019-q1/communications-officer.xlsx:Actions:row"
    assert err.splitlines() == [
        f'{where} 2: column I (New status): "complete" is not a status code. Did you mean '
        '"completed"? Choose one from the cell\'s list: not_started, in_progress, ongoing, '
        "completed, rescheduled, transferred, withdrawn, unknown.",
        f'{where} 3: column K (Revised target date): "rescheduled" means the target date was '
        'revised, but no new date was given. Write the new target date, for example "March '
        '2027", and why it moved in the Reason column.',
        f'{where} 4: column K (Revised target date): "31/02/2020" is not a date actionplan can '
        'read. Numeric dates are read day first (dd/mm/yyyy), so "31/02/2020" is no date; write '
        'the month in words, for example "5 November 2015".',
        f'{where} 5: column E (Target date): This column is read-only, and this cell was '
        f'changed from "{sent[3]["Target date"]}" to "Never". Put back '
        f'"{sent[3]["Target date"]}" (copy it from the sent return); news goes in the Update '
        "column.",
        f"{where} 6: column J (Update): The row has an answer but no update text. Write what "
        "has happened since the last update, in plain words residents will read.",
        f'{where} 7: column B (Action id): Action "9.9" of plan "{CHARNWOOD}" is not one of the '
        "actions this return was sent for (Communications Officer). Put back the plan and "
        "action id as sent; answers for other actions go in their lead's return (or use "
        "`actionplan update`).",
        "6 errors: nothing was changed. Fix what is listed above (in the returns, or ask the "
        "leads), then import again."]
    assert data_bytes(site) == before
    assert all(quoted_in_guide(line) for line in err.splitlines()[:-1])  # as the guide says


def test_an_action_updated_since_the_round_opened_is_not_answered_blind(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    assert run("update", "1.6", "--status", "completed", "--text", "Survey done.",
               "--date", "2019-02-01")[0] == 0
    fill(site / ROUND / "human-resources-advisor.xlsx", {
        "1.6": {"New status": "in_progress", "Update": "Survey under way."}})
    before = data_bytes(site)
    code, out, err = run("round", "import", ROUND)
    assert code == 1
    assert (f"error: returns/2019-q1/human-resources-advisor.xlsx:Actions:row 2: action 1.6 "
            f"(plan {CHARNWOOD}): The action has had a progress update since the round opened "
            f"(update 2 in data/plans/{CHARNWOOD}.yaml), which this answer was written without."
            ) in err
    assert data_bytes(site) == before
    assert quoted_in_guide(err.splitlines()[0])


def test_a_round_folder_without_a_manifest_is_refused(site, run):
    (site / "returns" / "odd").mkdir(parents=True)
    code, out, err = run("round", "import", "returns/odd")
    assert code == 1
    assert err.splitlines()[0] == (
        "error: returns/odd: round: This folder has no round.json, so it is not a round "
        "folder. Give the folder `actionplan round open` made, such as returns/2019-q1.")


def test_returns_are_kept_out_of_git_here_and_in_new_sites(tmp_path):
    from actionplan.scaffold.new_site import create_site

    created = create_site(tmp_path / "council", site_url=None, site_name="Plans",
                          today="2026-12-03")
    for root in (ROOT, created.root):
        if not (root / ".git").exists():
            continue  # a copy of the repository without git: the file is checked below
        ignored = subprocess.run(["git", "check-ignore", "-q", "returns/2019-q1/lead.xlsx"],
                                 cwd=root, capture_output=True)
        assert ignored.returncode == 0, root
    for root in (ROOT, created.root):
        assert "/returns/" in (root / ".gitignore").read_text(encoding="utf-8").split()


def test_the_same_answer_from_two_leads_is_added_once_and_strays_are_named(site, run):
    assert run("update", "1.4", "--status", "in_progress", "--text", "One article ran.",
               "--date", "2018-06-30")[0] == 0
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    same = {"1.4": {"New status": "completed", "Update": "Both articles ran."}}
    fill(site / ROUND / "communications-officer.xlsx", same)
    fill(site / ROUND / "corporate-improvement-policy-officer.xlsx", same)
    shutil.copy(site / ROUND / "communications-officer.xlsx",
                site / ROUND / "communications-officer (1).xlsx")  # saved twice by a lead
    code, out, err = run("round", "status", "2019-q1")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "Not read (not sent in this round): 1",
        "  communications-officer (1).xlsx: give it the name it was sent with if it is a "
        "lead's return"]
    # Dated before the action's latest update: added, with the warning `update` gives.
    code, out, err = run("round", "import", ROUND, "--date", "2017-12-31")
    assert (code, err) == (0, ""), err
    warnings = [line for line in out.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: data/plans/{CHARNWOOD}.yaml: action 1.4 > progress update 3: This update "
        "is dated 2017-12-31, before an earlier update (2018-06-30); updates are listed oldest "
        "first. Check the date; if it is right, move the update up in the file.",
        "warning: returns/2019-q1/communications-officer (1).xlsx: file: This workbook is not "
        "one of the round's returns, so it was not read. If it is a lead's return saved under "
        "another name, give it the name it was sent with (see round.json), replacing the copy "
        "sent."]
    assert "Added 1 progress update dated 2017-12-31" in out
    plan = next(p for p in load_site(site / "data")[0].plans if p.id == CHARNWOOD)
    action = next(a for a, _ in plan.all_actions() if a.id == "1.4")
    assert [u.text for u in action.progress][1:] == ["One article ran.", "Both articles ran."]


def test_the_judgement_is_the_sites_with_the_date_it_is_judged_at(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    judged = {r["Action id"]: r["Site's judgement"]
              for r in rows(site / ROUND / "communications-officer.xlsx")}
    # The plan's progress is as at March 2018; every action of this lead is completed.
    assert judged["1.4"] == "Done (as at 31 March 2018)"
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      data_dir: data\n" in text
    config.write_text(text.replace("      data_dir: data\n",
                                   "      data_dir: data\n      as_of: 2017-01-01\n"),
                      encoding="utf-8")
    assert run("round", "open", "2019-q2", "--plan", CHARNWOOD)[0] == 0
    judged = {r["Action id"]: r["Site's judgement"]
              for r in rows(site / "returns" / "2019-q2" / "communications-officer.xlsx")}
    # The same leads give the same file names, with the same actions in the same order.
    def sent(name: str) -> list:
        manifest = json.loads((site / "returns" / name / "round.json").read_text(
            encoding="utf-8"))
        return [(r["file"], [a["action"] for a in r["actions"]]) for r in manifest["returns"]]
    assert sent("2019-q1") == sent("2019-q2") and len(sent("2019-q1")) == 16
    # As the site set to judge at 1 January 2017 would publish it.
    assert judged["1.4"] == "Done (as at 1 January 2017)"
    assert judged["4.4"] == "Done (as at 1 January 2017)"


def test_answers_for_two_plans_land_in_both_files_or_in_neither(site, run, monkeypatch):
    from actionplan.edit import yaml_edit

    kingston = "kingston-2015-2016"
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD, "--plan", kingston)[0] == 0
    fill(site / ROUND / "human-resources-advisor.xlsx", {
        "1.6": {"New status": "ongoing", "Update": "Reported each year."}})
    capability = rows(site / ROUND / "capability-lead.xlsx")
    assert {r["Plan"] for r in capability} == {kingston}
    fill(site / ROUND / "capability-lead.xlsx", {
        capability[0]["Action id"]: {"New status": "completed", "Update": "Finished."}})
    files = [site / "data" / "plans" / f"{plan}.yaml" for plan in (CHARNWOOD, kingston)]
    before = [f.read_bytes() for f in files]

    # Another program saves the Kingston plan while the import is writing: neither file
    # changes (Charnwood's update is not written either), and the other change is kept.
    real = yaml_edit.write_temporary
    edited = before[1] + b"# saved by another program\n"

    def another_program_saves(path, text):
        if path.name == f"{kingston}.yaml":
            files[1].write_bytes(edited)
        return real(path, text)

    monkeypatch.setattr(yaml_edit, "write_temporary", another_program_saves)
    code, out, err = run("round", "import", ROUND, "--date", "2019-03-31")
    assert code == 1 and "Added" not in out
    assert err.splitlines()[0] == (
        f"error: data/plans/{kingston}.yaml: file: The file was changed by another program or "
        "command while this command was working on it. Nothing was written and the file keeps "
        "the other change: check it, then run this command again.")
    assert [f.read_bytes() for f in files] == [before[0], edited]

    monkeypatch.setattr(yaml_edit, "write_temporary", real)
    code, out, err = run("round", "import", ROUND, "--date", "2019-03-31")
    assert (code, err) == (0, ""), err
    assert (f"Added 2 progress updates dated 2019-03-31 to data/plans/{CHARNWOOD}.yaml, "
            f"data/plans/{kingston}.yaml.") in out
    assert all(f.read_bytes() != b for f, b in zip(files, (before[0], edited)))


def test_missing_and_damaged_returns_are_listed_apart(site, run):
    assert run("round", "open", "2019-q1", "--plan", CHARNWOOD)[0] == 0
    (site / ROUND / "procurement-manager.xlsx").unlink()
    (site / ROUND / "comms-officer.xlsx").write_bytes(b"not a workbook")
    code, out, err = run("round", "status", "2019-q1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[lines.index("Missing: 1") + 1] == (
        "  Procurement Manager: 0 of 1 action answered (procurement-manager.xlsx)")
    assert lines[lines.index("Cannot be read: 1") + 1] == (
        "  Comms. Officer: 0 of 1 action answered (comms-officer.xlsx)")
    assert lines[-1] == ("1 error in the returns: actionplan round import returns/2019-q1 "
                         "lists them (nothing is imported until they are fixed).")
    code, out, err = run("round", "import", ROUND)
    assert code == 1
    assert err.splitlines()[0].startswith(
        "error: returns/2019-q1/comms-officer.xlsx: file: The file cannot be read as an Excel "
        "workbook")
    assert out.splitlines() == [
        "warning: returns/2019-q1/procurement-manager.xlsx: file: This return is not in the "
        "round folder. Put the workbook back under this name (as sent, or as the lead filled "
        "it in)."]
    (site / ROUND / "comms-officer.xlsx").unlink()
    code, out, err = run("round", "import", ROUND)
    assert (code, err) == (0, "")
    assert "Read 16 returns from returns/2019-q1: 0 returned, 0 partly filled, 14 untouched, " \
           "2 missing." in out
