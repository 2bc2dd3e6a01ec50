"""How a change reads to residents: moved text, word-level rewording, no reason, corrections,
undone changes, Markdown in reasons, and no commit hashes in the page text."""

from __future__ import annotations

import copy
import re

from actionplan.api import load_site
from actionplan.history import read_history
from actionplan.history.words import share_moved, word_diff
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.history_specs import Changelog
from actionplan.render import Renderer
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, action, dump

PATH = "data/plans/council.yaml"
FIGURES = "Training booked for 240 staff across 12 teams; 85 per cent finished by March."


def history_of(repo):
    return read_history(repo.root, repo.root / "data")


def changelog_html(repo, src: str | None = None) -> str:
    """The plan's changelog page (each change in full), or the page at `src`."""
    site, _ = load_site(repo.root / "data")
    src = src or f"changes/{site.plans[0].id}/index.md"
    changelog = Changelog(history_of(repo), site_name="Test site",
                          commit_url="https://git.example.org/c/{commit}")
    specs = {s.src_uri: s for s in site_pages(site, options=SiteOptions(), changelog=changelog)}
    return Renderer().render(specs[src])


def started(tmp_path, edit=None) -> tuple[GitRepo, dict]:
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    if edit:
        edit(plan)
    repo.write(PATH, dump(plan))
    repo.commit("Publish")
    return repo, plan


def test_word_diff_keeps_every_word_in_order():
    pieces = word_diff("Review every library for access", "Review some libraries for access")
    assert pieces == [("same", "Review "), ("removed", "every library "),
                      ("added", "some libraries "), ("same", "for access")]
    assert "".join(t for k, t in pieces if k != "removed") == "Review some libraries for access"
    assert share_moved("85 per cent finished", None, "- 85 per cent finished") == 1.0
    assert share_moved("85 per cent finished", "85 per cent", "85 per cent") == 0.0


def test_update_text_moved_into_items_per_activity_reads_as_reworded_not_deleted(tmp_path):
    repo, plan = started(tmp_path, lambda p: action(p, "1.1")["progress"][0].update(
        text=FIGURES))
    update = action(plan, "1.1")["progress"][0]
    del update["text"]
    update["items"] = [{"text": "Training booked for 240 staff across 12 teams."},
                       {"text": "85 per cent finished by March."}]
    repo.write(PATH, dump(plan))
    repo.commit("Split the update into items")
    edited = [e for e in history_of(repo).entries if e.change == "progress_edited"]
    assert [(e.before, e.after) for e in edited] == [
        (FIGURES, "- Training booked for 240 staff across 12 teams.\n"
                  "- 85 per cent finished by March.")]
    html = changelog_html(repo)
    words = re.search(r'<p class="ap-change-words">(.*?)</p>', html, re.S).group(1)
    kept = re.sub(r"<del>.*?</del>|<[^>]+>", "", words)
    assert "240 staff across 12 teams" in kept and "85 per cent finished by March" in kept


def test_a_description_moved_into_the_activities_says_moved(tmp_path):
    repo, plan = started(tmp_path, lambda p: action(p, "1.3").update(description=FIGURES))
    del action(plan, "1.3")["description"]
    action(plan, "1.3")["activities"] = [{"id": "a", "text": FIGURES}]
    repo.write(PATH, dump(plan))
    repo.commit("Description into activities")
    sentences = [e.sentence for e in history_of(repo).entries if e.subject_id == "1.3"
                 and e.change != "added"]
    assert sentences == ["Action 1.3: description moved into the activities.",
                         "Action 1.3: activities added (with text moved here from the "
                         "description)."]


def test_a_removed_description_that_went_nowhere_still_reads_as_removed(tmp_path):
    repo, plan = started(tmp_path, lambda p: action(p, "1.3").update(description=FIGURES))
    del action(plan, "1.3")["description"]
    action(plan, "1.3")["activities"] = [{"id": "a", "text": "Something else entirely."}]
    repo.write(PATH, dump(plan))
    repo.commit("Drop the description")
    sentences = [e.sentence for e in history_of(repo).entries if e.change == "description"]
    assert sentences == ["Action 1.3: description removed."]


def test_no_reason_correction_undo_and_markdown_reasons_on_the_page(tmp_path):
    repo, plan = started(tmp_path)
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    slip = repo.commit("Later\n\nChange-reason: The **payroll** system was [replaced]"
                       "(https://example.org/payroll) <script>alert(1)</script>")
    repo.git("revert", "--no-edit", slip, env={"GIT_COMMITTER_DATE": "2026-01-20T09:00:00+00:00",
                                               "GIT_AUTHOR_DATE": "2026-01-20T09:00:00+00:00"})
    action(plan, "1.2")["due"] = ["April 2018"]  # as the revert left it
    action(plan, "1.3")["title"] = "Review every library for step free access"
    repo.write(PATH, dump(plan))
    repo.commit("Fix a transcription slip\n\nChange-type: correction\n"
                "Change-reason: The printed plan says \"step free\".",
                date="2026-01-21T09:00:00+00:00")
    html = changelog_html(repo)
    # The plan's page writes the date, kind and reason once per revision, then its changes.
    items = re.findall(r'<section class="ap-revision[^"]*" id="[^"]+"[^>]*>.*?</section>',
                       html, re.S)
    correction, undo, due = items[0], items[1], items[2]
    assert 'class="ap-revision ap-change-correction"' in correction
    assert "<strong class=\"ap-change-kind\">Correction</strong>" in correction
    assert "not a change made by the council" in correction
    assert "Review every library for step free access" in correction
    assert "This undid an earlier change published on 6 January 2026." in undo
    assert "No reason was given for this revision." in undo
    assert "target date" in undo and "target date" in due
    assert "<strong>payroll</strong>" in due
    assert '<a href="https://example.org/payroll"' in due and "<script" not in html
    # Hashes stay out of the resident text; the commit link and the JSON keep them.
    text = re.sub(r"<[^>]+>", " ", html)
    assert slip[:7] not in text and f"https://git.example.org/c/{slip}" in html
    # The site-wide changelog says the same of each revision, and links to it in full.
    site_html = changelog_html(repo, "changes/index.md")
    revisions = re.findall(r'<li class="ap-change ap-revision[^"]*">.*?</ul>\n</li>',
                           site_html, re.S)
    correction, undo, due = revisions[0], revisions[1], revisions[2]
    assert "<strong class=\"ap-change-kind\">Correction</strong>" in correction
    assert "not a change made by the council" in correction
    assert ": 1 change (1 title reworded)</li>" in correction
    assert "This undid an earlier change published on 6 January 2026." in undo
    assert "No reason was given for this revision." in undo
    assert "<strong>payroll</strong>" in due and "<script" not in site_html
    assert ": 1 change (1 target date changed)</li>" in due
    for revision, commit in zip(revisions, [None, None, slip]):
        anchor = re.search(r'href="[^"]+#(revision-[0-9a-f]{7})"', revision).group(1)
        assert f'id="{anchor}"' in html
        assert commit is None or anchor == f"revision-{commit[:7]}"


def test_feeds_mark_corrections_and_say_when_no_reason_was_given(tmp_path):
    from actionplan.pages.history_specs import changelog_files
    from actionplan.pages.links import PagePaths
    repo, plan = started(tmp_path)
    action(plan, "1.3")["title"] = "Review every library for step free access"
    repo.write(PATH, dump(plan))
    repo.commit("Slip\n\nChange-type: Correction")
    site, _ = load_site(repo.root / "data")
    files = {f.path: f for f in changelog_files(site, Changelog(history_of(repo)), PagePaths())}
    feed = files["changes/atom.xml"].content.decode()
    assert 'term="correction"' in feed and "Correction to how the plan was published" in feed
    assert "No reason was given." in feed


def test_update_text_moved_into_the_activities_says_moved(tmp_path):
    repo, plan = started(tmp_path, lambda p: action(p, "1.1")["progress"][0].update(
        text=FIGURES))
    update = action(plan, "1.1")["progress"][0]
    del update["text"]
    action(plan, "1.1")["activities"] = [{"id": "a", "text": FIGURES}]
    repo.write(PATH, dump(plan))
    repo.commit("The figures belong to the activity")
    edited = [e.sentence for e in history_of(repo).entries if e.change == "progress_edited"]
    assert edited == ["Action 1.1: progress update of 10 January 2018 edited (text); its text "
                      "moved into the activities."]


def test_a_description_moved_into_an_update_says_moved(tmp_path):
    repo, plan = started(tmp_path, lambda p: action(p, "1.3").update(description=FIGURES))
    del action(plan, "1.3")["description"]
    action(plan, "1.3")["progress"] = [{"date": "2018-03-01", "status": "in_progress",
                                        "items": [{"text": FIGURES}]}]
    repo.write(PATH, dump(plan))
    repo.commit("The figures are progress")
    described = [e.sentence for e in history_of(repo).entries if e.change == "description"]
    assert described == ["Action 1.3: description moved into the progress update of "
                         "1 March 2018."]


def test_texts_too_long_to_compare_are_shown_whole():
    long = "word " * 5000
    assert word_diff(long, long + "more") is None
