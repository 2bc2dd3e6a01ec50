"""Real MkDocs builds of a tiny site in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .tiny_site import build, commit_project, make_project, mkdocs_yml


@pytest.fixture
def project(tmp_path: Path) -> Path:
    # The plugin with its defaults, so in git: the changelog reads the history of data/.
    commit_project(make_project(tmp_path, mkdocs_yml(None)), "Publish the mini plan")
    return tmp_path


def test_build_makes_a_page_per_plan_group_and_action(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site" / "plans" / "mini-plan"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert pages == ["actions/1.1.1/index.html", "actions/1.1.2/index.html", "index.html",
                     "objective-1/index.html", "pa-1.1/index.html",
                     "since-last-report/index.html"]
    action = (site / "actions" / "1.1.1" / "index.html").read_text(encoding="utf-8")
    assert "<title>Action 1.1.1: Make the library accessible" in action
    assert "Install a ramp" in action and "Head of Libraries" in action
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="plans/mini-plan/"' in home and "Mini Equality Plan 2020-2022" in home


def test_actions_stay_out_of_the_navigation(project):
    assert build(project).returncode == 0
    # The nav (written into every page) lists the plan and its top-level groups only: the
    # groups on the plan's own pages (elsewhere the plan is one link to its overview).
    overview = (project / "site" / "plans" / "mini-plan" / "index.html").read_text("utf-8")
    assert "Tackling inequality" in overview
    for page in (project / "site" / "index.html", project / "site" / "plans" / "mini-plan" /
                 "actions" / "1.1.1" / "index.html"):
        html = page.read_text(encoding="utf-8")
        menu = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
        assert "actions/" not in menu and "pa-1.1/" not in menu, page


def test_bad_data_stops_the_build_with_the_fix_and_leaves_the_old_site(project):
    assert build(project).returncode == 0
    marker = project / "site" / "index.html"
    before = marker.read_text(encoding="utf-8")
    plan = project / "data" / "plans" / "mini.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: in_progress",
                                                             "status: in progres"),
                    encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert ('data/plans/mini.yaml:50:25: action 1.1.1 > progress update 1 > status: '
            'Status "in progres" is not one of') in result.stderr
    assert 'Did you mean "in_progress"?' in result.stderr
    assert marker.read_text(encoding="utf-8") == before  # the last good site is untouched


@pytest.mark.parametrize("breakage,message", [
    ("title: Tackling inequality\n    groups:", 'the key "title" appears twice'),
    ("- id: \"1.1.2\"", 'action id "1.1.1" is used twice'),
])
def test_other_data_errors_stop_the_build(project, breakage, message):
    plan = project / "data" / "plans" / "mini.yaml"
    text = plan.read_text(encoding="utf-8")
    if breakage.startswith("title"):
        text = text.replace("    title: Tackling inequality\n    groups:",
                            "    title: Tackling inequality\n    title: again\n    groups:")
    else:
        text = text.replace('- id: "1.1.2"', '- id: "1.1.1"')
    plan.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr.lower() or message in result.stderr


@pytest.mark.parametrize("anchor, found", [("groups", True), ("no-such-part", False)])
def test_links_to_a_part_of_a_generated_page_are_checked_against_it(tmp_path, anchor, found):
    config = mkdocs_yml() + "validation:\n  anchors: warn\n"
    home = f"# Home\n\n[The objectives](plans/mini-plan/index.md#{anchor})\n"
    project = make_project(tmp_path, config, home=home)
    result = build(project)
    assert (result.returncode == 0) == found, result.stderr
    assert ("does not contain an anchor" in result.stderr) != found


def test_a_build_without_startup_after_a_staged_build_writes_its_own_folder(project):
    # MkDocs keeps the plugin instance between builds in one process; a later build() called
    # without on_startup (as a script or a test calls it) is not staged and writes in place.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from .tiny_site import build_in_process

    build_in_process(project)
    assert (project / "site" / "plans" / "mini-plan" / "index.html").is_file()
    elsewhere = project / "elsewhere"
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(elsewhere)))
    assert (elsewhere / "plans" / "mini-plan" / "index.html").is_file()
