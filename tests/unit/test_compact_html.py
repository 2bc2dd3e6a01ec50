"""Finished pages lose their templates' layout whitespace, and nothing a reader sees."""

from __future__ import annotations

import re

from actionplan.render.compact_html import compact_html


def _seen(html: str) -> str:
    """Text as white-space: normal shows it: tags gone, every run of blanks one space."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


PAGE = """<nav class="md-nav">
    <ul>

      <li class="md-nav__item">
        <a href="../" title="Two
   lines">
          <span class="md-ellipsis">
            Home   page
          </span>
        </a>
      </li>
    </ul>
</nav>
<pre><code>kept
    as   written
</code></pre>
<p>Run <code>a  \n   b</code> and <kbd>Ctrl \n  C</kbd></p>
<textarea>
  typed
</textarea>
<script>
  var x = "a\n    b";
</script>
<dl class="ap-change-diff">
  <dt>Before</dt>
  <dd>first line

     second line</dd>
</dl>
"""


def test_layout_blanks_between_tags_become_one_line_break():
    compact = compact_html(PAGE)
    assert '<nav class="md-nav">\n<ul>\n<li class="md-nav__item">' in compact
    assert "<span class=\"md-ellipsis\">\nHome   page\n</span>" in compact
    assert len(compact) < len(PAGE) - 60


def test_what_a_reader_sees_is_unchanged():
    assert _seen(compact_html(PAGE)) == _seen(PAGE)


def test_whitespace_shown_as_written_and_attribute_values_are_kept():
    compact = compact_html(PAGE)
    for kept in ("<pre><code>kept\n    as   written\n</code></pre>", "<code>a  \n   b</code>",
                 "<kbd>Ctrl \n  C</kbd>", "<textarea>\n  typed\n</textarea>",
                 '<script>\n  var x = "a\n    b";\n</script>', 'title="Two\n   lines"',
                 "<dd>first line\n\n     second line</dd>"):
        assert kept in compact, kept


def test_compacting_twice_changes_nothing_more():
    once = compact_html(PAGE)
    assert compact_html(once) == once
