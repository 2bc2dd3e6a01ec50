"""`actionplan new-site DIR`: a folder that builds with `mkdocs build --strict` and nothing
else, publishes from CI with its full history and cache, and never overwrites a folder; and
the warnings about a missing or placeholder site_url."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from mkdocs.exceptions import Abort

from actionplan import __version__
from actionplan.cli import main
from actionplan.mkdocs_plugin.theme import ASSETS, SCRIPTS, STYLESHEETS

from .built_pages import broken_skip_links, missing_assets
from .serving import Server
from .tiny_site import ENV, build, build_in_process, make_project

URL = "https://org.github.io/plans/"


@pytest.fixture
def new_site(tmp_path):
    root = tmp_path / "mysite"
    assert main(["new-site", str(root), "--site-url", URL.rstrip("/")]) == 0
    return root


def test_a_new_site_builds_strictly_with_no_other_step(new_site):
    site = build_in_process(new_site)
    assert site == new_site / "site"
    action = site / "plans" / "example-plan" / "actions" / "1.1" / "index.html"
    assert "Example action: replace with what will be done" in action.read_text(encoding="utf-8")
    for name in STYLESHEETS + SCRIPTS:
        assert (site / ASSETS / name).is_file(), name
    assert missing_assets(site, base_path="/plans/") == []
    assert broken_skip_links(site) == []
    assert "<loc>https://org.github.io/plans/</loc>" in (site / "sitemap.xml").read_text(
        encoding="utf-8")
    statement = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "This website has not yet been tested automatically." in statement


def test_a_new_site_has_its_files_and_is_a_git_repository(new_site):
    config = yaml.safe_load((new_site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == URL and config["theme"]["name"] == "material"
    assert "<!-- actionplan:plans -->" in (new_site / "content" / "index.md").read_text(
        encoding="utf-8")
    ignored = (new_site / ".gitignore").read_text(encoding="utf-8").split()
    assert "/site/" in ignored and ".cache/" in ignored
    assert (new_site / "requirements.txt").read_text(encoding="utf-8").strip().endswith(
        f"actionplan=={__version__}")
    assert (new_site / "README.md").read_text(encoding="utf-8").count("mkdocs serve") >= 1
    assert (new_site / ".git").is_dir()


def test_the_ci_workflows_fetch_full_history_keep_the_cache_build_strictly_and_deploy(new_site):
    github = yaml.safe_load((new_site / ".github" / "workflows" / "publish.yml").read_text(
        encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/actionplan"
    assert {"run": "mkdocs build --strict"} in steps
    assert any(s.get("uses", "").startswith("actions/deploy-pages")
               for s in github["jobs"]["deploy"]["steps"])
    gitlab = yaml.safe_load((new_site / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    assert ".cache/actionplan" in gitlab["cache"]["paths"]
    assert "mkdocs build --strict --site-dir public" in gitlab["script"]
    assert gitlab["artifacts"]["paths"] == ["public"]


def test_without_a_site_url_the_placeholder_stops_a_strict_build_only(tmp_path, caplog):
    root = tmp_path / "mysite"
    assert main(["new-site", str(root)]) == 0
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "# PLACEHOLDER: replace it with the real address" in text
    with pytest.raises(Abort):
        build_in_process(root)
    assert "site_url is still the placeholder https://replace-with-the-site-address.invalid/" \
        in caplog.text
    assert (build_in_process(root, strict=False) / "index.html").is_file()


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    root = tmp_path / "council"
    root.mkdir()
    (root / "notes.txt").write_text("ours\n", encoding="utf-8")
    assert main(["new-site", str(root)]) == 1
    assert "this folder already exists and is not empty" in capsys.readouterr().err.lower()
    assert [p.name for p in root.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["new-site", str(empty), "--site-url", URL]) == 0


def test_a_site_url_that_is_not_an_address_is_refused(tmp_path, capsys):
    assert main(["new-site", str(tmp_path / "s"), "--site-url", "plans.example.org"]) == 1
    assert '"plans.example.org" is not a web address' in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_a_build_without_site_url_warns_that_the_sitemap_and_feeds_need_it(tmp_path):
    config = "site_name: Test\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n" \
             "plugins:\n  - actionplan:\n      history:\n        allow_missing: true\n"
    result = build(make_project(tmp_path, config))
    assert result.returncode == 1
    assert "mkdocs.yml has no site_url: the sitemap is left empty, the Atom feeds" in result.stderr


def test_version_and_python_m():
    result = subprocess.run([sys.executable, "-m", "actionplan", "--version"], env=ENV,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"actionplan {__version__}"


def test_a_new_site_serves_with_no_other_step(tmp_path):
    # With the placeholder site_url still in place: `mkdocs serve` uses its own address.
    root = tmp_path / "mysite"
    assert main(["new-site", str(root)]) == 0
    server = Server(root)
    try:
        server.wait_for("the example plan's page", lambda: server.page_has(
            "Example equality action plan", "/plans/example-plan/"))
        assert server.page_has("actionplan.css", "/")
        status, css = server.get("/assets/actionplan/actionplan.css")
        assert status == 200 and css
    finally:
        server.stop()
