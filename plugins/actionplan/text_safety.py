"""Characters in officers' text that could break an output or mislead its reader.

- XML 1.0 forbids most C0 control characters (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F)
  and U+FFFE/U+FFFF: one of them (Word's manual line break, U+000B, is the usual one) makes an
  Atom feed unreadable, and browsers show them as boxes. Plan files refuse them (load/); text
  from elsewhere (commit messages) has them removed, with a message naming where.
- Unicode bidi controls (embeddings, overrides, isolates: U+202A-U+202E, U+2066-U+2069) can
  reverse the text after them, including the site's own words around a title ("Completed"
  shown as "detelpmoC"). Text holding one is isolated: between U+2068 FIRST STRONG ISOLATE
  and U+2069 POP DIRECTIONAL ISOLATE, the plain-text form of HTML's <bdi>, which ends any
  override the text opened. It works inside attributes, titles and feeds as well as in text.
"""

from __future__ import annotations

import re

NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def xml_unsafe(text: str) -> list[str]:
    """The characters of `text` that XML 1.0 does not allow, each once, as U+XXXX."""
    return sorted({f"U+{ord(c):04X}" for c in NOT_IN_XML.findall(text)})


def without_xml_unsafe(text: str) -> str:
    return NOT_IN_XML.sub("", text)


def has_bidi_controls(text: str) -> bool:
    return bool(BIDI_CONTROLS.search(text))


def isolated(text: str) -> str:
    """`text` between FSI and PDI when it holds a bidi control; otherwise unchanged."""
    if not isinstance(text, str) or hasattr(text, "__html__") or not has_bidi_controls(text):
        return text  # not text, or markup already made safe (isolated where it was made)
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
