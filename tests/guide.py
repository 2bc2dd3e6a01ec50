"""The officers' guide (content/updating-a-plan.md) as the tests that follow it read it: its
fenced blocks (commands and the answers quoted after them) and its tables."""

from __future__ import annotations

from .conftest import ROOT

GUIDE = (ROOT / "content" / "updating-a-plan.md").read_text(encoding="utf-8")


def fenced_blocks(section: str) -> list[tuple[str, list[str]]]:
    """The section's ``` blocks in order: (language, non-empty lines, stripped)."""
    blocks, current = [], None
    for line in section.splitlines():
        text = line.strip()
        if text.startswith("```"):
            if current is None:
                current = (text[3:], [])
            else:
                blocks.append(current)
                current = None
        elif current is not None and text:
            current[1].append(text)
    return blocks


def table(section: str, first_heading: str) -> list[dict[str, str]]:
    """The Markdown table whose first heading is `first_heading`, as rows of {heading: cell}."""
    lines = [ln.strip() for ln in section.splitlines() if ln.strip().startswith("|")]
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"| {first_heading} |"))
    headings = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(headings):
            break
        rows.append(dict(zip(headings, cells)))
    return rows
