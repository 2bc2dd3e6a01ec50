"""A Markdown link whose address is unsafe keeps its words but stops being a link."""

from __future__ import annotations

from actionplan.render.text import markdown_to_html


def test_link_with_a_removed_address_becomes_plain_text():
    html = str(markdown_to_html("See [More](javascript:alert(1)) and [data](data:text/html,x)."))
    assert html == "<p>See More and data.</p>"


def test_safe_links_stay_links():
    html = str(markdown_to_html('[Plan](https://example.org/plan "The plan") <a title="t">x</a>'))
    assert '<a href="https://example.org/plan" title="The plan" rel="noopener noreferrer nofollow">Plan</a>' in html
    assert html.endswith(" x</p>")
