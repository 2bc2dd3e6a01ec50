"""The outline a theme's skip link and page menu are built from."""

from __future__ import annotations

from actionplan.render.outline import anchor_ids, outline

PAGE = """<nav><ol><li>Home</li></ol></nav>
<h1 class="x"><span class="ap-number">Action 1.1</span><span class="visually-hidden">:</span>
 Tackle &lt;bias&gt; &amp; hate</h1>
<h2 id="summary">Summary</h2><p>text</p>
<h2>No id, so no link</h2>
<h3 id="deeper">Not in the menu</h3>
<h2 id="progress">Progress to date</h2>"""


def test_outline_has_the_title_and_the_sections_that_can_be_linked():
    found = outline(PAGE)
    assert found.title == "Action 1.1: Tackle <bias> & hate"
    assert [(h.id, h.text) for h in found.sections] == [("summary", "Summary"),
                                                         ("progress", "Progress to date")]


def test_heading_text_is_escaped_for_the_theme():
    heading = outline('<h1>t</h1><h2 id="a">Less &lt;than&gt; more</h2>').sections[0]
    assert heading.html == "Less &lt;than&gt; more"


def test_page_without_headings_has_an_empty_outline():
    assert outline("<p>Nothing</p>").title == "" and outline("<p>x</p>").sections == []


def test_outline_reads_entities_nested_tags_and_only_real_ids():
    found = outline('<h1 class="t">Action <span class="n">1.2</span>: Fish &amp; chips</h1>'
                    '<h2 data-id="x">No id</h2><h2 id=\'why\'>Why &lt;this&gt;</h2>'
                    '<H2 ID="upper">Upper</H2><h3 id="deep">Deep</h3>')
    assert found.title == "Action 1.2: Fish & chips"
    assert [(h.id, h.text) for h in found.sections] == [("why", "Why <this>"), ("upper", "Upper")]
    assert found.sections[0].html == "Why &lt;this&gt;"


def test_anchor_ids_are_every_element_id():
    assert anchor_ids(PAGE) == {"summary", "deeper", "progress"}
    assert anchor_ids("<dt id='a&amp;b'>x</dt><p data-id=\"no\">") == {"a&b"}
