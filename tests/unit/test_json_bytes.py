"""JSON downloads are written by orjson, compact, byte for byte as the standard library would."""

from __future__ import annotations

import json

from actionplan.export.json_export import to_json_bytes


def test_same_bytes_as_the_standard_library_for_awkward_text():
    data = {"text": "\x01\x1f\x7f\u2028é “quoted” \"\\ \t\n", "empty": [], "none": {},
            "mixed": [1, True, None, {"nested": [{}]}], "ünïcode key": "Ω"}
    assert to_json_bytes(data) == (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                                   + "\n").encode("utf-8")


def test_what_orjson_refuses_still_gets_written():
    big = {"count": 2 ** 70}
    assert to_json_bytes(big) == b'{"count":1180591620717411303424}\n'
