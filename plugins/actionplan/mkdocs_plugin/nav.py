"""Put plans (and their top-level groups) into the MkDocs navigation; never every action."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section, StructureItem
from mkdocs.structure.pages import Page

from actionplan.model import Site
from actionplan.model.plan_names import menu_label
from actionplan.pages import PageSpec
from actionplan.pages.links import PagePaths
from actionplan.text_safety import isolated


def add_plans_to_nav(nav: Navigation, site: Site, specs: dict[str, PageSpec],
                     paths: PagePaths, files: Files) -> Navigation:
    """Insert one section per plan after the home page: its overview, then its top groups."""
    sections = []
    for plan in site.plans:
        # Five plans give five overviews: each says whose it is.
        children: list[StructureItem] = [_page(files, paths.plan(plan.id), menu_label(f"Overview of {plan.name}"))]
        children += [_page(files, paths.group(plan.id, g.id),
                           menu_label(specs[paths.group(plan.id, g.id)].title))
                     for g in plan.groups]
        section = Section(escape(isolated(plan.menu_title)), children)
        section.plan_id = plan.id  # type: ignore[attr-defined]  # read by the theme's nav-item.html
        for child in children:
            child.parent = section
        sections.append(section)
    position = 1 if nav.items and isinstance(nav.items[0], Page) else 0
    nav.items[position:position] = sections
    _relink_pages(nav)
    return nav


def add_site_pages_to_nav(nav: Navigation, site: Site, specs: dict[str, PageSpec],
                          files: Files) -> Navigation:
    """After the plans: the few site-wide pages marked for the nav (find, glossary, downloads)."""
    plan_kinds = {"plan", "group", "action"}
    extra = [_page(files, spec.src_uri, spec.title) for spec in specs.values()
             if spec.in_nav and spec.kind not in plan_kinds]
    first_page = 1 if nav.items and isinstance(nav.items[0], Page) else 0
    position = first_page + len(site.plans)
    nav.items[position:position] = extra
    _relink_pages(nav)
    return nav


def folded_plans(site: Site, paths: PagePaths, files: Files) -> dict[int, Link]:
    """For each plan's menu section (by id), one link to its overview under the plan's name:
    how the section shows on pages outside that plan (see `menu_for_page`)."""
    folded = {}
    for plan in site.plans:
        overview = generated_page(files, paths.plan(plan.id))
        if isinstance(overview.parent, Section):
            folded[id(overview.parent)] = Link(overview.parent.title, overview.url)
    return folded


def menu_for_page(page: Page, nav: Navigation, folded: dict[int, Link]) -> Navigation:
    """The menu one page shows: every plan, with only the open plan's overview and groups.

    Material writes the whole menu into every page, and with a section per plan it was most
    of each page's bytes (58 KB of an 88 KB action page at 20 plans). A page shows the
    section of the plan it belongs to (the section is active: MkDocs marks the page, and
    on_page_context the nearest item, active up to the top) and each other plan as one link
    to its overview; the home page shows them all.
    """
    if page.is_homepage or not folded:
        return nav
    items = [item if item.active else folded.get(id(item), item) for item in nav.items]
    return Navigation(items, nav.pages)


def nearest_menu_page(page: Page, nav: Navigation) -> Page | None:
    """For a page the menu does not list (an action, a facet listing): the menu's page whose
    address is the longest start of its address (an action's plan overview, "Find actions"
    for a listing), else the home page. None for a page the menu lists."""
    listed, folders, home = _menu_index(nav)
    if id(page) in listed:
        return None
    address = _folder(page.url)
    nearest, length = home, -1
    for folder, url_length, listed_page in folders:  # the first of the longest
        if url_length > length and address.startswith(folder):
            nearest, length = listed_page, url_length
    return nearest


_last_index: list = [None, None]  # [nav, its index]: one menu per build, thousands of pages


def _menu_index(nav: Navigation) -> tuple[set[int], list[tuple[str, int, Page]], Page | None]:
    if _last_index[0] is not nav or _last_index[1][3] != len(nav.pages):
        home = next((p for p in nav.pages if p.is_homepage), None)
        folders = [(_folder(p.url), len(p.url), p) for p in nav.pages if _folder(p.url)]
        _last_index[:] = [nav, ({id(p) for p in nav.pages}, folders, home, len(nav.pages))]
    listed, folders, home, _ = _last_index[1]
    return listed, folders, home


def _folder(url: str) -> str:
    # "plans/x/index.html" (use_directory_urls: false) is the page of folder "plans/x/".
    return url[:-len("index.html")] if url.endswith("index.html") else url


def _page(files: Files, src_uri: str, title: str) -> Page:
    page = generated_page(files, src_uri)
    page.title = escape(isolated(title))  # nav titles are printed as HTML: escaped
    return page


def generated_page(files: Files, src_uri: str) -> Page:
    """The page MkDocs made for one of the files the plugin added in on_files."""
    file = files.get_file_from_path(src_uri)
    # on_files added every spec's file and MkDocs gives each a page before on_nav.
    assert file is not None and file.page is not None, f"{src_uri} is not among the site's pages"
    return file.page


def _relink_pages(nav: Navigation) -> None:
    # Previous/next links follow the nav order, so rebuild the flat page list from the tree.
    pages: list[Page] = []

    def walk(items):
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    for i, page in enumerate(pages):
        page.previous_page = pages[i - 1] if i else None
        page.next_page = pages[i + 1] if i + 1 < len(pages) else None
    nav.pages = pages
