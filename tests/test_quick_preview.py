"""Under `mkdocs serve`, a save that changes only plan files is brought into the served site
in place (quick_preview.py); any other save runs MkDocs' whole build. Either way the served
site is, file for file, what a fresh serve session on the same files builds.

The serve session runs in this process: one plugin instance, a new configuration for each
whole build, the server's own address as site_url, and a stand-in for MkDocs' dev server
that calls its `builder` after each save, as the real one does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import FIXTURES
from .tiny_site import NO_HISTORY, commit_project, make_project, mkdocs_yml

SERVE_URL = "http://127.0.0.1:8000/"
TAGGED = "plans/tagged-plan/"
UNTAGGED = "plans/untagged-plan/"
SURVEY = '{date: "2021-01-15", status: in_progress, text: Survey drafted.}'
# Each status keeps some action, so no listing page comes or goes (that is a whole build).
SURVEY_DONE = SURVEY.replace("in_progress", "completed")


class DevServer:
    """What the plugin sees of MkDocs' LiveReloadServer: the `builder` it calls on a save."""

    def __init__(self, builder):
        self.builder = builder


class Session:
    def __init__(self, project: Path, site_dir: Path, *, dirty: bool = False):
        self.project, self.site_dir = project, site_dir
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=dirty)
        self.plugin = config.plugins["actionplan"]
        self.whole_builds = 0
        self._build(config)  # the first build, before the server starts
        self.server = config.plugins.on_serve(DevServer(self._build), config=config,
                                              builder=self._build)

    def _config(self):
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        return config

    def _build(self, config=None) -> None:
        self.whole_builds += 1
        build(config or self._config(), serve_url=SERVE_URL)

    def save(self, path: Path, text: str) -> str:
        """Save a file, then rebuild as the server does: 'quick' or 'whole'."""
        path.write_text(text, encoding="utf-8")
        builds, updates = self.whole_builds, self.plugin.quick_updates
        self.server.builder()
        assert self.whole_builds - builds + self.plugin.quick_updates - updates == 1
        return "whole" if self.whole_builds > builds else "quick"

    def files(self) -> dict[str, bytes]:
        return _files(self.site_dir)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _fresh(project: Path, site_dir: Path) -> dict[str, bytes]:
    session = Session(project, site_dir)
    assert session.plugin.quick_updates == 0
    return session.files()


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's gzip time
    return make_project(tmp_path / "project", data=FIXTURES / "residents" / "data")


@pytest.fixture(autouse=True)
def reset_plugin():
    yield
    # MkDocs keeps one plugin instance per process: leave it as a `build` would.
    config = load_config(str(FIXTURES.parent.parent / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)


def test_a_status_change_is_brought_in_place_and_equals_a_fresh_build(project, tmp_path):
    session = Session(project, tmp_path / "served")
    first = session.files()
    plan = project / "data" / "plans" / "tagged.yaml"
    text = plan.read_text(encoding="utf-8")

    assert session.save(plan, text.replace(SURVEY, SURVEY_DONE)) == "quick"
    rebuilt = session.plugin.quick_rebuilt
    # The action's page, its plan's pages that show it, the listings and counts; never a
    # page of the other plan.
    assert f"{TAGGED}actions/silent/index.md" in rebuilt
    assert f"{TAGGED}index.md" in rebuilt and "browse/index.md" in rebuilt
    assert not any(src.startswith(UNTAGGED) for src in rebuilt)
    assert len(rebuilt) < len(session.plugin.specs) / 2
    # Only the saved plan is parsed, and no unchanged plan's page rendered to compare.
    assert session.plugin.plan_files.parsed == [plan]
    assert not any(src.startswith(UNTAGGED) for src in session.plugin.page_cache.bodies)
    served = session.files()
    page = served[f"{TAGGED}actions/silent/index.html"].decode()
    assert "ap-status--completed" in page and "ap-status--in_progress" not in page
    assert served != first

    # Saved back: the site is the first build's again, byte for byte.
    assert session.save(plan, text) == "quick"
    assert session.files() == first
    # Saved again: the same as a fresh serve session on the edited data, search index and
    # downloads too. (Last: MkDocs keeps one plugin instance per process, which the fresh
    # session takes over.)
    assert session.save(plan, text.replace(SURVEY, SURVEY_DONE)) == "quick"
    assert session.files() == served == _fresh(project, tmp_path / "fresh")


def test_an_unchanged_save_rebuilds_only_hand_written_pages(project, tmp_path):
    session = Session(project, tmp_path / "served")
    first = session.files()
    plan = project / "data" / "plans" / "untagged.yaml"
    assert session.save(plan, plan.read_text(encoding="utf-8")) == "quick"
    assert all(not src.startswith("plans/") for src in session.plugin.quick_rebuilt)
    assert session.plugin.plan_files.parsed == []
    assert session.files() == first


@pytest.mark.parametrize("edit", ["new action", "listing emptied"])
def test_pages_that_come_or_go_are_brought_in_place(project, tmp_path, edit):
    session = Session(project, tmp_path / "served")
    plan = project / "data" / "plans" / "tagged.yaml"
    text = plan.read_text(encoding="utf-8")
    if edit == "new action":  # a page and a download that were not there; listings grow
        changed = text.replace("      - id: silent\n", "      - id: brand-new\n        number: "
                               "\"1.9\"\n        title: A new action\n      - id: silent\n")
        assert session.save(plan, changed) == "quick"
        assert f"{TAGGED}actions/brand-new/index.html" in session.files()
        assert "plans/tagged-plan/actions/brand-new/index.md" in session.plugin.quick_rebuilt
        # ... and gone again: its page, its download and their folders
        assert session.save(plan, text) == "quick"
        assert not any("brand-new" in path for path in session.files())
        assert not (session.site_dir / TAGGED / "actions" / "brand-new").exists()
        assert session.save(plan, changed) == "quick"
    else:  # the only completed action is not: the "completed" listing goes
        done = '{date: "2021-04-01", status: completed, text: Done.}'
        assert session.save(plan, text.replace(done, done.replace("completed", "ongoing"))) \
            == "quick"
        assert "browse/status/completed/index.html" not in session.files()
        assert "browse/status/completed/" not in session.files()["sitemap.xml"].decode()
    assert session.files() == _fresh(project, tmp_path / "fresh")


@pytest.mark.parametrize("edit", ["plan renamed", "home page", "bad data", "serve --dirty"])
def test_other_saves_build_the_whole_site(project, tmp_path, edit):
    session = Session(project, tmp_path / "served", dirty=edit == "serve --dirty")
    plan = project / "data" / "plans" / "tagged.yaml"
    text = plan.read_text(encoding="utf-8")
    if edit == "plan renamed":  # the menu shows the plan's name on every page
        assert session.save(plan, text.replace("short_title: Tagged plan",
                                               "short_title: Renamed plan")) == "whole"
    elif edit == "serve --dirty":  # Material's search merges dirty builds' indexes itself
        assert session.save(plan, text.replace(SURVEY, SURVEY_DONE)) == "whole"
        return  # a dirty session's folder is not a fresh build's, by MkDocs' design
    elif edit == "home page":
        home = project / "content" / "index.md"
        assert session.save(home, home.read_text(encoding="utf-8") + "\nMore.\n") == "whole"
    else:  # the whole build keeps the last good data and shows the problem on every page
        assert session.save(plan, text.replace("status: completed", "status: [")) == "whole"
        assert "data/plans/tagged.yaml" in session.files()["index.html"].decode()
        # Fixed: a whole build again (the last one had problems), then quick ones.
        assert session.save(plan, text) == "whole"
        assert session.save(plan, text.replace(SURVEY, SURVEY_DONE)) == "quick"
    assert session.files() == _fresh(project, tmp_path / "fresh")


def _plan(plan_id: str, statuses: list[str], lead: str) -> str:
    actions = "".join(
        f"      - id: \"{n}\"\n        title: Action {n} of {plan_id}\n        due: [March 2021]\n"
        f"        leads: [{lead}]\n        progress:\n"
        f"          - {{date: \"2021-01-0{1 + n % 9}\", status: {status}, text: Update {n}.}}\n"
        for n, status in enumerate(statuses, start=1))
    return (f"schema_version: 1\nplan:\n  id: {plan_id}\n  title: Plan {plan_id} 2020-2022\n"
            "  organisation: {name: Example Council, kind: local_authority, basis: stated}\n"
            "  progress_as_at: June 2021\n  levels:\n    - {kind: objective, label: Objective}\n"
            f"groups:\n  - id: g\n    title: Everything\n    actions:\n{actions}")


def test_listings_over_several_pages_stay_true_where_the_saved_plan_is_not_listed(tmp_path):
    # Two actions a page: the first plan's in-progress actions fill pages the saved plan
    # (listed after it) has no entry on, yet their counts ("of 6 actions") move when it
    # changes.
    project = make_project(tmp_path / "project", mkdocs_yml(NO_HISTORY + "      page_size: 2\n"),
                           plans={"a.yaml": _plan("a", ["in_progress"] * 5, "Warden"),
                                  "z.yaml": _plan("z", ["completed", "in_progress"], "Clerk")})
    session = Session(project, tmp_path / "served")
    before = session.files()["browse/status/in-progress/index.html"]
    assert b"Actions 1 to 2 of 6" in before
    plan = project / "data" / "plans" / "z.yaml"
    text = plan.read_text(encoding="utf-8")
    assert session.save(plan, text.replace("status: completed", "status: in_progress")) == "quick"
    # The first page lists the same two actions of the first plan, with the new count.
    assert "browse/status/in-progress/index.md" in session.plugin.quick_rebuilt
    served = session.files()
    assert b"Actions 1 to 2 of 7" in served["browse/status/in-progress/index.html"]
    # The first plan's own lead listing did not change: not even its body was rendered.
    assert not any(src.startswith("browse/lead/a/") for src in session.plugin.page_cache.bodies)
    assert any(src.startswith("browse/lead/z/") for src in session.plugin.page_cache.bodies)
    assert served == _fresh(project, tmp_path / "fresh")


def test_with_a_history_the_changelog_stays_true_through_saves_and_commits(tmp_path, monkeypatch):
    # The changelog's views, pages, feeds and changelog.json are kept while the history and
    # the site's ids are the same (a save makes no commit), and made again when they are not.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "project", mkdocs_yml(None),
                           data=FIXTURES / "residents" / "data")
    repo = commit_project(project)
    plan = project / "data" / "plans" / "tagged.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace(SURVEY, SURVEY_DONE), encoding="utf-8")
    repo.commit("Survey done\n\nChange-reason: The forum agreed the survey.")
    session = Session(project, tmp_path / "served")
    assert "changes/changelog.json" in session.files()

    assert session.save(plan, text) == "quick"  # not committed: the history is the same
    assert session.plugin.kept_views.made == 0  # the changelog's views were kept
    assert session.files() == _fresh(project, tmp_path / "fresh-1")

    session = Session(project, tmp_path / "served-2")
    repo.commit("Survey reopened\n\nChange-reason: Not finished after all.")
    session.save(plan, text)  # whatever the build, the new revision is in the changelog
    assert session.plugin.kept_views.made == 1
    served = session.files()
    assert b"Not finished after all." in served["changes/changelog.json"]
    pages = {entry["page"] for entry in json.loads(served["changes/changelog.json"])["entries"]}
    assert f"{TAGGED}actions/silent/" in pages
    assert served == _fresh(project, tmp_path / "fresh-2")

    # An action taken out (not committed): its changes no longer link to a page.
    session = Session(project, tmp_path / "served-3")
    start = text.index("      - id: silent\n")
    end = text.index("      - id: ", start + 1)
    session.save(plan, text[:start] + text[end:])
    assert session.plugin.kept_views.made == 1
    served = session.files()
    assert f"{TAGGED}actions/silent/index.html" not in served
    pages = {entry["page"] for entry in json.loads(served["changes/changelog.json"])["entries"]}
    assert f"{TAGGED}actions/silent/" not in pages and f"{TAGGED}actions/late/" in pages
    assert served == _fresh(project, tmp_path / "fresh-3")
