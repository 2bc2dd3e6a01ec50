"""How values are written in cells, and read back: lists, yes/no, line ranges, references.

A list cell has one item per line. When an item itself has several lines (or starts like a
bullet), every item starts with "- " and its further lines are indented by two spaces, as in
a Markdown list; officers' own "- " or "• " bullets are read the same way.
"""

from __future__ import annotations

import calendar
import datetime
import re

BULLETS = ("- ", "• ", "* ")
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong and how to fix it."""

    def __init__(self, what: str, fix: str):
        super().__init__(what)
        self.what, self.fix = what, fix


def join_items(items: list[str]) -> str:
    if not any("\n" in item or item.startswith(BULLETS) for item in items):
        return "\n".join(items)
    return "\n".join("- " + item.replace("\n", "\n  ").replace("\n  \n", "\n\n")
                     for item in items)


def split_items(text: str) -> list[str]:
    lines = text.split("\n")
    first = next((ln for ln in lines if ln.strip()), "")
    if not first.lstrip().startswith(BULLETS):
        return [ln.strip() for ln in lines if ln.strip()]
    items: list[list[str]] = []
    for line in lines:
        if line.lstrip().startswith(BULLETS):
            items.append([line.lstrip()[2:]])
        elif items:
            items[-1].append(line[2:] if line.startswith("  ") else line.strip())
    return [text for text in ("\n".join(item).strip() for item in items) if text]


def split_leads(text: str) -> list[str]:
    """A Leads cell: one lead a line, or several on a line separated by ";"."""
    return [part.strip() for item in split_items(text) for part in item.split(";")
            if part.strip()]


def maybe_several_leads(words: str) -> list[str]:
    """The leads one lead's words may run together ("AG/ZW", "ZW and Directors"), or [].

    Only short parts (two words at most, two letters at least) are taken for leads: a longer
    title such as "Head of Policy and Performance" or "Project Manager/s" is one lead."""
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+and\s+", words, flags=re.IGNORECASE)]
    if len(parts) < 2 or not all(len(p) >= 2 and len(p.split()) <= 2 for p in parts):
        return []
    return parts


def split_codes(text: str) -> list[str]:
    return [code.strip() for code in re.split(r"[,\n]", text) if code.strip()]


def join_codes(codes: list[str]) -> str:
    return ", ".join(codes)


def yes_no(text: str) -> bool:
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError(f'"{text}" is not yes or no', "write yes or no")


def line_range(text: str) -> list[int]:
    match = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", text)
    if not match:
        raise CellError(f'"{text}" is not a line range', "write the first and last line, for "
                        "example 15-18")
    first = int(match.group(1))
    return [first, int(match.group(2) or first)]


_FIGURE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def figure(text: str) -> int | float | str:
    """A figure cell as a number when it plainly is one ("12", "12.5"); other words are kept
    as they are, so that the plan's checks report them at their cell with the fix ("£25,000"
    is written 25000)."""
    bare = text.strip()
    if not _FIGURE.fullmatch(bare):
        return text
    return int(bare) if re.fullmatch(r"[+-]?\d+", bare) else float(bare)


def format_range(lines: list[int]) -> str:
    return f"{lines[0]}-{lines[1]}"


# --- references: "plan", "group G", "action A", "action A > activity X", "action A > update 2"

def format_ref(*parts: tuple[str, str]) -> str:
    return " > ".join(f"{kind} {ident}" if ident else kind for kind, ident in parts)


def parse_ref(text: str) -> list[tuple[str, str]]:
    parts = []
    for part in text.split(">"):
        words = part.strip().split(None, 1)
        if not words:
            raise CellError(f'"{text}" is not a reference', _REF_FIX)
        kind = words[0].casefold()
        ident = words[1].strip() if len(words) > 1 else ""
        if kind not in ("plan", "group", "action", "activity", "update") or (
                kind != "plan" and not ident):
            raise CellError(f'"{text}" is not a reference', _REF_FIX)
        parts.append((kind, ident))
    return parts


_REF_FIX = ("write plan, group ID, action ID, action ID > activity ID or action ID > update N, "
            "for example: action 1.1 > update 2")


# --- cells as spreadsheet programs give them --------------------------------------------

# Excel stores a character XML cannot hold as _xHHHH_, and reads any such text back as that
# character: a "_" that would start one is stored escaped itself (_x005F_), as Excel does.
_STARTS_AN_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def excel_escaped(text: str) -> str:
    """`text` as an .xlsx cell stores it, so that Excel (and the import) shows it as written."""
    return _STARTS_AN_ESCAPE.sub("_x005F_", text)


def cell_text(value, number_format: str = "General") -> str:
    """A cell's value as the text an officer sees, whatever type the program stored."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.date):
        return _date_text(value, number_format)
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    # U+000B is Word's manual line break, which Excel keeps when text is pasted into a cell.
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return text.strip()


def _date_text(value: datetime.date, number_format: str) -> str:
    # Excel turns "April 2018" typed into a cell into 1 April 2018 shown as Apr-18: keep the
    # month when the cell's format shows no day.
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]', "", number_format.casefold())
    if "m" in shown and "d" not in shown:
        return f"{calendar.month_name[value.month]} {value.year}"
    return value.isoformat()
