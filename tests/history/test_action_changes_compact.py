"""An action page's "Changes to this action", written once: an added update's text that the
page shows under Progress is pointed to, not repeated; "no reason" is said once for the list."""

from __future__ import annotations

import re
import shutil

from actionplan.api import load_site
from actionplan.history import read_history
from actionplan.pages import site_pages
from actionplan.pages.history_specs import Changelog
from actionplan.render import Renderer


def _action_page(repo, data_dir) -> str:
    site, _ = load_site(data_dir)
    changelog = Changelog(read_history(repo.root, repo.root / "data"), site_name="Test site")
    specs = {spec.src_uri: spec for spec in site_pages(site, changelog=changelog)}
    return Renderer().render(specs["plans/council-plan/actions/1.1/index.md"])


def test_an_added_update_still_shown_is_pointed_to_not_repeated(scripted):
    repo, _ = scripted
    html = _action_page(repo, repo.root / "data")
    progress, changes = html.split('<h2 id="changes">Changes to this action</h2>', 1)
    assert '<li class="ap-update" id="update-2">' in progress
    assert "<p>All staff trained.</p>" in progress
    assert re.search(r'progress update added \(2 May 2018\)\.</p>\s*<p class="ap-change-same">'
                     r'The text added is the one shown under <a href="#update-2">Progress</a>',
                     changes)
    assert "All staff trained." not in changes
    # No change here gives a reason: said once, above the list, not on each change.
    assert changes.count("No reason was given") == 1
    assert "No reason was given for any of these changes." in changes
    # A value the sentence already names is not written again below it.
    assert "lead changed from Head of Customer Services to Head of People." in changes
    assert "<dd>Head of People</dd>" not in changes


def test_an_added_update_edited_since_keeps_its_text_as_added(scripted, tmp_path):
    repo, _ = scripted
    data = tmp_path / "data"
    shutil.copytree(repo.root / "data", data)
    plan_file = data / "plans" / "council-plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert text.count("All staff trained.") == 1
    plan_file.write_text(text.replace("All staff trained.", "All front-line staff trained."),
                         encoding="utf-8")
    html = _action_page(repo, data)
    progress, changes = html.split('<h2 id="changes">Changes to this action</h2>', 1)
    assert "<p>All front-line staff trained.</p>" in progress
    assert 'class="ap-change-same"' not in changes
    assert "<dt>After</dt><dd>All staff trained.</dd>" in changes
