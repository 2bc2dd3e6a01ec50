"""Plain officer text skips Markdown only when the result is exactly what Markdown would give."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from actionplan.render import text as text_module
from actionplan.render.plain_text import plain_paragraph
from actionplan.render.text import markdown_to_html

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_path(monkeypatch):
    """markdown_to_html with the shortcut switched off: Markdown and the sanitiser every time."""
    def convert(text: str) -> str:
        with monkeypatch.context() as patch:
            patch.setattr(text_module, "plain_paragraph", lambda _: None)
            return str(markdown_to_html(text))
    return convert


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_text_in_the_seed_plans_renders_as_before(full_path):
    texts = [t for path in sorted((ROOT / "data" / "plans").glob("*.yaml"))
             for t in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    shortcut = [t for t in texts if plain_paragraph(t) is not None]
    assert len(shortcut) > len(texts) / 3  # the shortcut is actually taken
    for text in texts:
        assert str(markdown_to_html(text)) == full_path(text), text


def test_random_tricky_texts_render_as_before(full_path):
    rng = random.Random(11)
    pieces = list("ab Z9.,;:'\"()/%-+=?–’“\u2003\u200b\ufeff😀é\u0301\t\n\r&<>*_#`[]!\\\u00a0") + [
        "  ", "1. ", "- ", "* ", "> ", "    ", "---", "===", "http://x.y", "<b>", "&amp;", "\n\n"]
    taken = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        if plain_paragraph(text) is not None:
            taken += 1
            assert str(plain_paragraph(text)) == full_path(text), repr(text)
    assert taken > 1000


@pytest.mark.parametrize("text", [
    "1. A list", "- item", "+ item", "= rule", "    code", " leading space", "trailing ",
    "**bold**", "a_b", "a & b", "<b>x</b>", "# Heading", "Line one\nLine two", "x\u00a0y",
    "See [the plan](https://example.org)", "Tab\there",
])
def test_text_with_any_markdown_meaning_takes_the_full_path(text):
    assert plain_paragraph(text) is None


def test_a_plain_sentence_is_a_paragraph():
    assert plain_paragraph("Completed. EIAs continue to be monitored (quarterly).") == \
        "<p>Completed. EIAs continue to be monitored (quarterly).</p>"
