"""Coverage of a seed transcription: every cell fragment of the seed text is in the data.

The seed is split into cell fragments (lines, then tabs) after dropping known debris lines.
A fragment is covered when its letters and digits appear as one contiguous run in the data
file's text (every string value except transcription notes, ids, links to ids and
status codes, joined in file order).
Comparing only letters and digits makes the check blind to repaired punctuation, Markdown
and whitespace, yet it still fails when a word is dropped, changed or reordered.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

_TAG = re.compile(r"<[^>]*>")
_SKIPPED_KEYS = {"notes", "id", "activity", "measure", "status"}  # ids, links, status codes


def alnum_only(text: str) -> str:
    """Letters and digits of ``text``, after removing HTML tags and entities."""
    text = html.unescape(_TAG.sub(" ", text))
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum())


def seed_fragments(seed_text: str, debris: list[str]) -> list[tuple[int, str]]:
    """(line number, cell text) for every non-empty cell of every non-debris line."""
    patterns = [re.compile(p) for p in debris]
    fragments = []
    for number, line in enumerate(seed_text.splitlines(), start=1):
        if any(p.search(line.strip()) for p in patterns):
            continue
        for cell in line.split("\t"):
            if alnum_only(cell):
                fragments.append((number, cell.strip()))
    return fragments


def data_strings(node) -> list[str]:
    """Every string value in a loaded YAML document, in file order, minus notes and ids."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in _SKIPPED_KEYS for s in data_strings(v)]
    if isinstance(node, list):
        return [s for item in node for s in data_strings(item)]
    return []


def _pieces(fragment: str, split_at: list[str]) -> list[str]:
    pieces = [fragment]
    for marker in split_at:
        pieces = [part for piece in pieces for part in _split_keep(piece, marker)]
    return [p for p in pieces if alnum_only(p)]


def _split_keep(text: str, marker: str) -> list[str]:
    """Split before each occurrence of `marker`, keeping the marker with the piece it starts."""
    parts = text.split(marker)
    return [parts[0]] + [marker + part for part in parts[1:]]


@dataclass
class CoverageReport:
    missing: list[tuple[int, str]]
    unused_allowances: list[str]


def check_coverage(config_path: Path, root: Path) -> CoverageReport:
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    seed_text = (root / config["seed"]).read_text(encoding="utf-8")
    data = yaml.safe_load((root / config["data"]).read_text(encoding="utf-8"))
    corpus = alnum_only(" ".join(data_strings(data)))
    entries = {alnum_only(a["fragment"]): a for a in config.get("allow") or []}
    used = set()
    missing = []
    for line, fragment in seed_fragments(seed_text, config.get("debris") or []):
        key = alnum_only(fragment)
        if key in corpus:
            continue
        entry = entries.get(key)
        if entry is None:
            missing.append((line, fragment))
            continue
        used.add(key)
        # A fragment split across items (text that drifted into the next row) is still
        # checked: each of its pieces must be in the data.
        for piece in _pieces(fragment, entry["split_at"]) if entry.get("split_at") else []:
            if alnum_only(piece) not in corpus:
                missing.append((line, f"{piece} (piece of an allowed fragment)"))
    unused = [entry["fragment"] for key, entry in entries.items() if key not in used]
    return CoverageReport(missing=missing, unused_allowances=unused)
