"""Atom 1.0 feeds (RFC 4287), built with the standard library's XML writer.

Ids are `urn:uuid:` names derived from what never changes (the site and, for entries, the
commit and the change), so a feed reader never sees an entry twice; `updated` comes from
commit dates, never from the time of the build.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, UTC

from actionplan.text_safety import isolated, without_xml_unsafe

ATOM = "http://www.w3.org/2005/Atom"
_NAMESPACE = uuid.UUID("5f0c9a52-5d0e-4d4c-9d8e-6f1c0b7a2e31")  # actionplan's own
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class FeedEntry:
    key: str
    title: str
    updated: datetime
    link: str
    summary: str
    category: str | None = None


def stable_id(name: str) -> str:
    return uuid.uuid5(_NAMESPACE, name).urn


def atom_feed(*, identity: str, title: str, updated: datetime | None, self_link: str,
              page_link: str, author: str, entries: list[FeedEntry],
              language: str = "en") -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _text(feed, "id", stable_id(identity))
    _text(feed, "title", title)
    _text(feed, "updated", _timestamp(updated or _EPOCH))
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    _link(feed, "self", "application/atom+xml", self_link)
    _link(feed, "alternate", "text/html", page_link)
    _text(feed, "generator", "actionplan")
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", stable_id(item.key))
        _text(entry, "title", item.title)
        _text(entry, "updated", _timestamp(item.updated))
        _link(entry, "alternate", "text/html", item.link)
        _text(entry, "summary", item.summary).set("type", "text")
        if item.category:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": item.category})
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    # A last guard: a character XML forbids would make the whole feed unreadable.
    element.text = isolated(without_xml_unsafe(value))
    return element


def _link(parent: ET.Element, rel: str, media_type: str, href: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": href})


def _timestamp(moment: datetime) -> str:
    """RFC 3339, as Atom requires: the commit's own offset, to the second."""
    return moment.replace(microsecond=0).isoformat()
