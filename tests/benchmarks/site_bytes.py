"""Where a built site's bytes go: by kind of file, and inside the HTML pages by part.

    .venv/bin/python -m tests.benchmarks.site_bytes site/            # a built site
    .venv/bin/python -m tests.benchmarks.site_bytes site/ --actions 5000

Kinds of file by path: action pages, the other plan pages (plan, objective, group), browse
listings, changelogs, other pages, downloads (CSV, JSON, feeds), the search index, the
theme's assets, and the rest (sitemaps, redirects). For the HTML pages, each page's bytes
are split into the parts that repeat on every page (Material's header, the navigation
sidebar, the table of contents, the footer and scripts) and the page's own content (the
<article>), with the share that is only layout whitespace (a run of blanks after the first).
The search index is split into titles, texts and locations. Not part of the test suite:
figures to read, not assertions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

# Parts of a Material page, by the markup that opens and closes them. Searched in this
# order; what no part covers is "frame" (the <head>, wrappers and scripts).
_PARTS = [
    ("header", re.compile(r"<header\b.*?</header>", re.S)),
    ("navigation", re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.S)),
    ("contents", re.compile(r'<nav class="md-nav md-nav--secondary".*?</nav>', re.S)),
    ("article", re.compile(r"<article\b.*?</article>", re.S)),
    ("footer", re.compile(r"<footer\b.*?</footer>", re.S)),
]
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_EXTRA_BLANKS = re.compile(r"\s{2,}")


def kind_of(path: str) -> str:
    """The kind of a file, by its path relative to the site's root ("/"-separated)."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("search/"):
        return "search index"
    if path.startswith("assets/"):
        return "assets"
    if path.startswith("downloads/") and not name.endswith(".html"):
        return "downloads"
    if name == "action.json":
        return "action downloads"
    if name == "atom.xml" or path.startswith("changes/") and name.endswith(".json"):
        return "feeds"
    if path.startswith("schema/"):
        return "schemas"
    if not name.endswith(".html"):
        return "other files"
    if path.startswith("plans/") and "/actions/" in path:
        return "action pages"
    if path.startswith("plans/"):
        return "plan pages"
    if path.startswith("browse/"):
        return "browse pages"
    if path.startswith("changes/") or "/changes/" in path:
        return "changelog pages"
    return "other pages"


def html_parts(text: str) -> Counter:
    """Bytes of one page by part, plus its inline SVG and extra blanks (which overlap)."""
    parts: Counter = Counter()
    covered = 0
    for name, pattern in _PARTS:
        match = pattern.search(text)
        if match:
            size = len(match.group(0).encode())
            parts[name] += size
            covered += size
    parts["frame"] += len(text.encode()) - covered
    parts["(of which inline SVG)"] += sum(len(m.encode()) for m in _SVG.findall(text))
    parts["(of which extra blanks)"] += sum(len(m) - 1 for m in _EXTRA_BLANKS.findall(text))
    return parts


def search_parts(path: Path) -> Counter:
    parts: Counter = Counter()
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        for key in ("location", "title", "text"):
            parts[key] += len(json.dumps(doc.get(key, ""), ensure_ascii=False).encode())
    parts["entries"] = len(index.get("docs", []))
    return parts


def breakdown(site: Path) -> tuple[Counter, Counter, dict[str, Counter], Counter]:
    sizes: Counter = Counter()
    counts: Counter = Counter()
    parts: dict[str, Counter] = {}
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        kind = kind_of(path)
        sizes[kind] += file.stat().st_size
        counts[kind] += 1
        if path.endswith(".html"):
            parts.setdefault(kind, Counter()).update(
                html_parts(file.read_text(encoding="utf-8", errors="replace")))
    index = site / "search" / "search_index.json"
    return sizes, counts, parts, search_parts(index) if index.exists() else Counter()


def report(site: Path, actions: int | None = None) -> str:
    sizes, counts, parts, search = breakdown(site)
    total = sum(sizes.values())
    lines = [f"{site}: {total / 1e6:.1f} MB in {sum(counts.values())} files"
             + (f", {total / 1e3 / actions:.1f} KB per action" if actions else ""), "",
             f"{'kind':<18}{'files':>7}{'MB':>9}{'share':>8}{'KB/file':>9}"]
    for kind, size in sizes.most_common():
        lines.append(f"{kind:<18}{counts[kind]:>7}{size / 1e6:>9.2f}{size / total:>8.1%}"
                     f"{size / 1e3 / counts[kind]:>9.1f}")
    for kind, counter in sorted(parts.items(), key=lambda item: -sizes[item[0]]):
        lines += ["", f"{kind}: KB per page by part"]
        for part, size in counter.most_common():
            lines.append(f"  {part:<24}{size / 1e3 / counts[kind]:>9.1f}")
    if search:
        entries = search.pop("entries")
        lines += ["", f"search index: {entries} entries; MB by field"]
        lines += [f"  {field:<24}{size / 1e6:>9.2f}" for field, size in search.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--actions", type=int, help="actions in the site, for KB per action")
    options = parser.parse_args(argv)
    print(report(options.site, options.actions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
