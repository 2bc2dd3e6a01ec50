"""Inputs are checked to the end: ids anchored, reserved output names refused, symlinks out
of the project refused, control characters kept out of HTML, feeds and JSON."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actionplan.api import load_site, read_plan_file
from actionplan.options import SiteOptions
from actionplan.pages import site_files, site_pages
from actionplan.pages.history_specs import HistoryPaths
from actionplan.pages.links import PagePaths
from actionplan.validate.cross_check import RESERVED_GROUP_IDS, RESERVED_PLAN_IDS

from ..conftest import FIXTURES
from ..tiny_site import make_project
from ..unit.plan_text import VALID


def problems_for(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_plan_file(path, "plan.yaml")
    return [p.format() for p in problems if p.severity == "error"]


# --- ids end where they seem to ---------------------------------------------------------

@pytest.mark.parametrize("where,text", [
    ("plan", VALID.replace("id: test-plan", 'id: "test-plan\\n"')),
    ("group", VALID.replace("id: objective-1", 'id: "objective-1\\n"')),
    ("action", VALID.replace('id: "1.2"', 'id: "1.2\\n"')),
])
def test_an_id_ending_in_a_newline_is_refused(tmp_path, where, text):
    errors = problems_for(tmp_path, text)
    assert errors and all(e.startswith("plan.yaml:") for e in errors), errors
    assert any(" id" in e or "id:" in e for e in errors), errors


# --- ids that are the site's own file names ---------------------------------------------

def output_paths(page_size: int) -> list[tuple[str, ...]]:
    """Every page (as the file MkDocs writes) and download of the mini site, with the
    changelog's pages and files, split into path parts."""
    site, _ = load_site(FIXTURES / "data", relative_to=FIXTURES)
    paths, options = PagePaths(prefix="plans"), SiteOptions(page_size=page_size)
    sources = [s.src_uri for s in site_pages(site, paths, options, None)]
    sources += [f.path for f in site_files(site, paths, options, None)]
    history = HistoryPaths()
    sources += [history.site_feed(), history.json(), history.site_page(1), history.site_page(2)]
    for plan in site.plans:
        sources += [history.plan_feed(plan.id), history.plan_page(plan.id),
                    history.plan_page(plan.id, 2)]
    written = [s.removesuffix(".md") + ".html" if s.endswith("index.md") else s for s in sources]
    return [tuple(s.split("/")) for s in sources + written], site


def names_beside(paths, ids: set[str]) -> set[str]:
    """The other names in every folder where one of `ids` is a folder name."""
    beside = set()
    for path in paths:
        for i, part in enumerate(path[:-1]):
            if part in ids:
                beside |= {p[i] for p in paths if p[:i] == path[:i] and len(p) > i + 0}
    return beside - ids


def test_reserved_ids_are_every_name_the_site_puts_beside_an_id():
    paths, site = output_paths(page_size=1)  # every list split, so page/ folders appear
    plan_ids = {plan.id for plan in site.plans}
    group_ids = {g.id for plan in site.plans for g, *_ in _walk(plan.groups)}
    assert names_beside(paths, plan_ids) - {"older"} <= RESERVED_PLAN_IDS
    assert names_beside(paths, group_ids) - plan_ids <= RESERVED_GROUP_IDS


def _walk(groups):
    for group in groups:
        yield (group,)
        yield from _walk(group.groups)


@pytest.mark.parametrize("where,old,new", [
    ("plan", "id: test-plan", "id: atom.xml"),
    ("plan", "id: test-plan", "id: changelog.json"),
    ("plan", "id: test-plan", "id: index.html"),
    ("group", "id: objective-1", "id: index.html"),
    ("group", "id: objective-1", "id: actions"),
])
def test_an_id_that_is_one_of_the_sites_own_names_is_refused_with_its_line(tmp_path, where,
                                                                          old, new):
    text = VALID.replace(old, new)
    line = text.splitlines().index(next(ln for ln in text.splitlines() if new in ln)) + 1
    errors = problems_for(tmp_path, text)
    assert len(errors) == 1 and errors[0].startswith(f"plan.yaml:{line}:"), errors
    assert "Choose another id" in errors[0]


def test_a_reserved_plan_id_stops_the_build_with_a_message_not_a_traceback(tmp_path):
    from ..tiny_site import build, make_project
    project = make_project(tmp_path / "p", plans={"plan.yaml": VALID.replace(
        "id: test-plan", "id: changelog.json")})
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/plans/plan.yaml:3:" in result.stderr and not (project / "site").exists()


# --- data files that lead outside the project --------------------------------------------

def test_a_plan_file_linking_outside_the_project_is_refused(tmp_path, monkeypatch, capsys):
    from actionplan.cli import main
    from actionplan.problems import DataError
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(VALID.replace("Test plan", "Not for publishing"), encoding="utf-8")
    project = tmp_path / "project"
    (project / "data" / "plans").mkdir(parents=True)
    (project / "data" / "plans" / "good.yaml").write_text(
        VALID.replace("test-plan", "good-plan"), encoding="utf-8")
    (project / "data" / "plans" / "linked.yaml").symlink_to(secret)
    with pytest.raises(DataError) as raised:
        load_site(project / "data", relative_to=project)
    [problem] = raised.value.problems
    assert problem.file == "data/plans/linked.yaml" and "outside the project" in problem.what
    monkeypatch.chdir(project)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "data/plans/linked.yaml: file: This file is a link to" in err
    assert "1 error in 2 files." in err


def test_a_link_inside_the_project_is_still_read(tmp_path):
    project = tmp_path / "project"
    (project / "shared").mkdir(parents=True)
    (project / "shared" / "plan.yaml").write_text(VALID, encoding="utf-8")
    (project / "data" / "plans").mkdir(parents=True)
    (project / "data" / "plans" / "plan.yaml").symlink_to(project / "shared" / "plan.yaml")
    site, _ = load_site(project / "data", relative_to=project)
    assert [plan.id for plan in site.plans] == ["test-plan"]


# --- characters XML forbids, and bidi controls --------------------------------------------

def test_a_control_character_written_as_an_escape_is_refused_with_its_line(tmp_path):
    text = VALID.replace("title: First action", 'title: "First\\vaction"')
    errors = problems_for(tmp_path, text)
    assert len(errors) == 1 and errors[0].startswith("plan.yaml:14:")
    assert "U+000B" in errors[0] and "escape" in errors[0]


def test_a_control_character_in_a_change_reason_is_removed_and_named(tmp_path):
    import json
    import xml.etree.ElementTree as ET
    from ..tiny_site import build, commit_project, mkdocs_yml
    project = make_project(tmp_path / "p", mkdocs_yml("      history: {}\n"),
                           plans={"plan.yaml": VALID})
    repo = commit_project(project)
    plan = project / "data" / "plans" / "plan.yaml"
    plan.write_text(VALID.replace("First action", "First action, reworded"), encoding="utf-8")
    commit = repo.commit("Reword 1.1\n\nChange-reason: Asked by the\x0bforum")
    result = build(project)
    assert result.returncode == 0, result.stderr  # --strict: history cannot be corrected
    assert f"commit {commit[:7]}: an invisible control character (U+000B)" in result.stderr
    site = project / "site"
    for feed in ("changes/atom.xml", "changes/test-plan/atom.xml"):
        text = ET.parse(site / feed).getroot()  # a feed XML can read at all
        assert "Asked by theforum" in ET.tostring(text, encoding="unicode")
    assert "Asked by theforum" in json.dumps(json.loads(
        (site / "changes" / "changelog.json").read_text(encoding="utf-8")))
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert not any("\x0b" in page for page in pages)


BIDI = "\u202e"
ISOLATED = re.compile("\u2068[^\u2069]*\u2069|<bdi>.*?</bdi>|<div dir=\"auto\">.*?</div>", re.S)


def test_bidi_controls_in_officer_text_are_isolated_on_every_page(tmp_path):
    from ..tiny_site import built_site
    text = (VALID.replace("title: First action", f"title: First {BIDI}action")
            .replace("text: Started.", f"text: Started {BIDI}**today**.")
            .replace("title: Test plan", f"title: Test {BIDI}plan"))
    project = make_project(tmp_path / "p", plans={"plan.yaml": text})
    site = built_site(project)
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    shown = [p for p, html in pages.items() if BIDI in html]
    assert len(shown) > 3  # the plan, its action and group pages, the home page...
    for path, html in pages.items():
        assert BIDI not in ISOLATED.sub("", html), path


def test_text_without_bidi_controls_is_unchanged():
    from actionplan.render.text import markdown_inline, markdown_to_html
    from actionplan.text_safety import isolated
    assert isolated("Plain words") == "Plain words"
    assert markdown_to_html("**Bold**") == "<p><strong>Bold</strong></p>"
    assert markdown_inline(f"a {BIDI}b") == f"<bdi>a {BIDI}b</bdi>"
