"""An .xlsx workbook opened for reading, its cell text as the officer typed it.

Excel stores a character XML cannot hold as an escape, _xHHHH_: a line break pasted from
Word (U+000B) is stored _x000B_, and a typed "_x000B_" is stored _x005F_x000B_ (the "_"
escaped). openpyxl leaves these escapes in the text, except that in the shared strings (where
Excel keeps all text) it drops every "x005F_", after which a typed "_x000B_" reads the same as
the line break. So the workbook is opened with its shared strings kept as stored, and each
string is decoded here, once.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.escape import unescape
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

_STRING = f"{{{SHEET_MAIN_NS}}}si"


def open_workbook(path: Path):
    """The workbook, read-only, with each formula's saved value rather than the formula."""
    reader = _StoredStringsReader(path, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def decoded(value):
    """A cell's value with Excel's _xHHHH_ escapes decoded (other values as they are)."""
    return unescape(value) if isinstance(value, str) else value


class _StoredStringsReader(ExcelReader):
    """openpyxl's reader, with the shared strings as stored (see the module's docstring)."""

    def read_strings(self):
        found = self.package.find(SHARED_STRINGS)
        if found is None:
            return
        strings = []
        with self.archive.open(found.PartName[1:]) as source:
            for _, node in iterparse(source):
                if node.tag == _STRING:
                    text = Text.from_tree(node)
                    strings.append(text.content if text is not None else "")
                    node.clear()  # a large workbook's strings are not all kept as XML
        self.shared_strings = strings
