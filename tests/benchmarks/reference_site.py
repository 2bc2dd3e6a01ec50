"""The benchmark's reference: every page of the actionplan site, written by hand in Markdown.

The issue asks for plain MkDocs + Material "with the same number of hand-written Markdown
pages of the same content and a small nav". The surest way to have the same pages and the
same words is to take them from the actionplan build itself: each page's article becomes a
Markdown file (headings, lists, tables, definition lists and links, as an editor would write
them, by markdownify), at the same path, with links written to the `.md` files as MkDocs
expects of hand-written pages (so MkDocs checks and rewrites them, as it would). The site's
other files (CSV and JSON downloads, feeds, schemas) are copied as they are, and the nav is
the one actionplan built (plans and their objectives, then the site pages).
"""

from __future__ import annotations

import posixpath
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

from markdownify import markdownify

# Written by MkDocs or the theme, not pages or downloads.
_NOT_CONTENT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
_THEME_FOLDERS = {"assets", "search"}
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', re.S)
_HREF = re.compile(r'href="([^"]*)"')


def write_reference_site(site: Path, docs_dir: Path) -> tuple[list, int]:
    """Write the Markdown twin of built `site` into `docs_dir`: (its nav, number of pages)."""
    pages = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if not path.is_file() or relative.parts[0] in _THEME_FOLDERS or \
                str(relative) in _NOT_CONTENT:
            continue
        target = docs_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            pages.append((path, target.with_suffix(".md")))
        else:
            shutil.copyfile(path, target)
    # Pages convert independently: on every core, so that --quick stays under a minute.
    with ProcessPoolExecutor() as pool:
        list(pool.map(_convert, pages, chunksize=64))
    return _whole_nav(site), len(pages)


def _whole_nav(site: Path) -> list:
    """The home page's nav, each plan's section as the plan's own pages show it open (the home
    page shows each plan as one link to its overview)."""
    nav = site_nav((site / "index.html").read_text("utf-8"))
    for position, item in enumerate(nav):
        [(title, target)] = item.items()
        if isinstance(target, str) and re.fullmatch(r"plans/[^/]+/index\.md", target):
            overview = site_nav((site / target).with_suffix(".html").read_text("utf-8"))
            section = next((entry for entry in overview if title in entry), item)
            nav[position] = _rebased(section, posixpath.dirname(target))
    return nav


def _rebased(item: dict, folder: str) -> dict:
    """A nav entry read on a page in `folder`, its links made relative to the site's root
    (links to places on that page, its table of contents, are left out)."""
    [(title, target)] = item.items()
    if isinstance(target, str):
        return {title: posixpath.normpath(posixpath.join(folder, target))}
    children = [_rebased(child, folder) for child in target
                if not str(next(iter(child.values()))).startswith("#")]
    return {title: [child for child in children if next(iter(child.values()))]}


def _convert(paths: tuple[Path, Path]) -> None:
    html_file, markdown_file = paths
    markdown_file.write_text(page_markdown(html_file.read_text("utf-8")), encoding="utf-8")


def page_markdown(html: str) -> str:
    """The page's article as Markdown, links pointing at the Markdown files."""
    match = _ARTICLE.search(html)
    article = match.group(1) if match else ""
    article = _HREF.sub(lambda m: f'href="{_markdown_link(m.group(1))}"', article)
    text = markdownify(article, heading_style="ATX", bullets="-")
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _markdown_link(href: str) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", href):
        return href  # another site, an e-mail address, a place on this page
    path, hash_, fragment = href.partition("#")
    last = path.rsplit("/", 1)[-1]
    if path == "" or path.endswith("/"):
        path += "index.md"
    elif last in (".", "..") or "." not in last:
        path += "/index.md"
    return path + hash_ + fragment


class _NavReader(HTMLParser):
    """The primary nav of a built page: (title, href) links, sections as nested lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = [[]]
        self.lists: list[bool] = []  # for each open <ul>: did it open a nav section?
        self.depth = 0  # <nav> elements open inside the primary nav
        self.link: str | None = None
        self.label: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "nav" and ("md-nav--primary" in classes or self.depth):
            self.depth += 1
        if not self.depth:
            return
        if tag == "a" and "md-nav__link" in classes:
            self.link, self.text = attributes.get("href") or "", []
        elif tag == "label" and "md-nav__link" in classes and \
                "md-nav__container" not in classes:
            self.label, self.text = [], []
        elif tag == "ul":
            opens = self.label is not None and "md-nav__list" in classes
            if opens:
                section: list = []
                self.stack[-1].append({self.label[0] if self.label else "": section})
                self.stack.append(section)
                self.label = None
            self.lists.append(opens)

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "a" and self.link is not None:
            title = " ".join("".join(self.text).split())
            if title and not any(self.link == href for item in self.stack[-1]
                                 for href in (item.values() if isinstance(item, dict) else [])):
                link = _markdown_link(self.link)
                self.stack[-1].append({title: link[2:] if link.startswith("./") else link})
            self.link = None
        elif tag == "ul" and self.lists and self.lists.pop():
            self.stack.pop()
        elif tag == "label" and self.label == []:
            self.label = [" ".join("".join(self.text).split())]  # the section's title
        elif tag == "nav":
            self.depth -= 1

    def handle_data(self, data):
        if self.link is not None or self.label == []:
            self.text.append(data)


def site_nav(home_html: str) -> list:
    reader = _NavReader()
    reader.feed(home_html)
    return reader.stack[0]
