"""Hostile text, and a plan whose every text field carries all of it.

Every payload calls `pwned(...)` (or names "pwned"), so a payload that survives as live
markup is easy to find in the output. `payload_plan()` fills every free-text field of the
schema (plain and Markdown) with every payload, and keeps ids and codes valid so that the
plan validates and builds.
"""

from __future__ import annotations

import re

MARKER = "pwned"

PAYLOADS = [
    "<script>pwned(1)</script>",
    "<img src=x onerror=pwned(2)>",
    '"><svg onload=pwned(3)>',
    "'><iframe src=javascript:pwned(4)></iframe>",
    "[link](javascript:pwned(5))",
    "[link](JaVaScRiPt:pwned(6))",
    "[link](&#106;avascript&#58;pwned(7))",
    "[link]( java\tscript:pwned(8))",
    '<a href="data:text/html;base64,PHNjcmlwdD5wd25lZCg5KTwvc2NyaXB0Pg==">pwned 9</a>',
    '<a href="vbscript:pwned(10)">vb</a>',
    '<a href="#" onclick="pwned(11)">click</a>',
    '<style>body{background:url("javascript:pwned(12)")}</style>',
    '<p style="background-image:url(javascript:pwned(13))">styled</p>',
    '<form action="https://evil.example/pwned"><input name="q">'
    '<button formaction="javascript:pwned(14)">go</button></form>',
    '<math><mi xlink:href="javascript:pwned(15)">m</mi></math>',
    '<object data="javascript:pwned(16)"></object><embed src="javascript:pwned(17)">',
    '<base href="https://evil.example/pwned/">',
    '<meta http-equiv="refresh" content="0;url=javascript:pwned(18)">',
    "<details open ontoggle=pwned(19)>d</details>",
    "</title></textarea></script><script>pwned(20)</script>",
    "{{ pwned(21) }} {% raw %} ${pwned(21)}",
    "<![CDATA[<script>pwned(22)</script>]]>",
    "<!--<script>pwned(23)</script>-->",
    "[ref][r]\n\n[r]: javascript:pwned(24)",
    '<a href="java&#x09;script:pwned(25)">tab</a>',
    '<a href="&#x20;javascript:pwned(26)">space</a>',
    '<svg><a xlink:href="javascript:pwned(27)"><text>x</text></a></svg>',
    '<link rel="stylesheet" href="https://evil.example/pwned.css">',
    "<template><img src=x onerror=pwned(28)></template>",
    '<noscript><p title="</noscript><img src=x onerror=pwned(29)>"></noscript>',
    '<a href="https://ok.example/" title="x&quot; onmouseover=&quot;pwned(30)">ok</a>',
    "<abbr title='t' onmouseover=pwned(31)>T</abbr> <ol start=\"1 onclick=pwned(32)\"><li>i</li></ol>",
    '<table><tr><td background="javascript:pwned(33)">c</td></tr></table>',
    '<a href="&#x01;javascript:pwned(34)">ctl</a> <a href="jav&#x0A;ascript:pwned(35)">nl</a>',
]

ALL = "\n\n".join(PAYLOADS)
CODE = "<i>pwned</i>"  # strand codes are at most 12 characters
MARK = "<b>"  # footnote marks are at most 3


def text() -> str:
    return ALL


def payload_plan() -> dict:
    """A schema-valid plan using every field, every free-text field carrying every payload."""
    t = text
    lead = {"text": t(), "organisation": t(), "directorate": t(), "unit": t()}
    date_long = {"text": t(), "kind": "event", "start": "2018-04-01", "end": "2018-06-30",
                 "recurrence": "P3M", "basis": "inferred", "evidence": t()}
    note = {"kind": "other", "field": "title", "text": t(), "public": True}
    action = {
        "id": "a1", "previous_ids": ["a0"], "number": t(), "title": t(), "description": t(),
        "activities": [{"id": "act-1", "text": t(), "due": [t(), date_long], "leads": [t(), lead]}],
        "outcome": t(),
        "psed": [{"aim": "advance_equality", "phrase": t(), "basis": "stated"}],
        "measures": [t(), {"id": "m1", "text": t(), "activity": "act-1", "placeholder": True,
                           "unit": t(), "baseline": {"value": 10, "date": t()},
                           "target": {"value": 50, "date": t()},
                           "values": [{"date": t(), "value": 20.5, "note": t()},
                                      {"date": dict(date_long), "value": 30}]}],
        "rag": "amber",
        "budget": {"amount": 25000, "currency": "GBP", "period": t(), "note": t()},
        "leads": [t(), lead],
        "monitored_by": [t()],
        "due": [t(), date_long],
        "strands": {"text": t(), "codes": [CODE]},
        "related_documents": [t()],
        "footnotes": [MARK],
        "progress": [{
            "id": "u1", "date": t(), "label": t(),
            "status": {"code": "in_progress", "text": t(), "basis": "inferred"},
            "revised_due": t(), "text": t(), "rag": "red", "percent_complete": 45,
            "items": [{"activity": "act-1", "measure": "m1", "text": t(), "status": "completed"}],
            "next_steps": t(), "impact": t(), "reason": t(), "footnotes": [MARK],
            "notes": [note],
        }],
        "source": {"file": t(), "format": "manual", "lines": [1, 2]},
        "notes": [note],
    }
    withdrawn = {"id": "a2", "title": t(), "withdrawn": {"date": "2018-05-01", "reason": t()}}
    return {
        "schema_version": 1,
        "plan": {
            "id": "payload-plan", "previous_ids": ["old-payload-plan"], "title": t(), "short_title": t(), "title_as_printed": t(),
            "label": t(), "document_status": {"code": "draft", "text": t()},
            "organisation": {"name": t(), "as_written": t(), "kind": "other",
                             "basis": "inferred", "evidence": t(), "partners": [t()]},
            "period": t(), "document_date": date_long, "progress_as_at": t(),
            "parent_strategy": t(), "summary": t(), "introduction": t(), "update_cadence": "P3M",
            "footnotes": [{"mark": MARK, "text": t()}],
            "abbreviations": [{"term": t(), "meaning": t(), "basis": "inferred"}],
            "strand_scheme": {"label": t(), "title": t(), "key_text": t(),
                              "codes": [{"code": CODE, "label": t(), "maps_to": ["age"]}]},
            "levels": [{"kind": "objective", "label": t(), "label_long": t(), "plural": t()},
                       {"kind": "area", "label": t(), "label_long": t(), "plural": t()}],
            "labels": {key: t() for key in LABEL_KEYS},
            "source": {"file": t(), "format": "pdf_table_extract", "lines": [1, 9]},
            "notes": [note],
        },
        "groups": [{
            "id": "g1", "previous_ids": ["g0"], "number": t(), "title": t(), "theme": t(),
            "description": t(), "summary": t(),
            "equality_groups": {"codes": ["disability", "other:care_leavers"], "words": t()},
            "source": {"file": t(), "format": "manual", "lines": [3, 4]}, "notes": [note],
            "groups": [{"id": "g1-1", "number": t(), "title": t(), "actions": [action, withdrawn]}],
        }],
    }


def flat_payload_plan() -> dict:
    """The payload plan with no groups: its actions listed at the top level."""
    data = payload_plan()
    data["actions"] = data.pop("groups")[0]["groups"][0]["actions"]
    data["plan"].pop("levels")
    data["plan"]["id"] = "flat-payload-plan"
    data["plan"]["previous_ids"] = ["old-flat-payload-plan"]
    return data


LABEL_KEYS = ["number", "title", "description", "activities", "outcome", "psed", "measures",
              "leads", "monitored_by", "due", "strands", "related_documents", "progress",
              "progress_none", "next_steps", "impact"]


def benign(data):
    """The same plan with every payload replaced by harmless words: the baseline build."""
    if isinstance(data, dict):
        return {k: benign(v) for k, v in data.items()}
    if isinstance(data, list):
        return [benign(v) for v in data]
    if data == ALL:
        return "Plain words."
    if data == CODE:
        return "CODE"
    if data == MARK:
        return "*"
    return data


# Where a URL can hide, and the schemes that run script or smuggle a document.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "poster",
                  "xlink:href", "srcset", "cite", "longdesc", "ping", "manifest"}
UNSAFE_URL = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
RISKY_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style",
                  "link", "meta", "base", "form", "input", "button", "textarea", "select",
                  "svg", "math", "template", "img", "video", "audio", "source", "noscript"}


def unsafe_url(value: str) -> bool:
    """True if a browser would read `value` as a script (or data) URL.

    As the URL Standard parses: leading and trailing C0 controls and spaces are stripped,
    and tabs and newlines are removed anywhere, before the scheme is read. ("java script:"
    with a space is a relative URL: harmless.)
    """
    squeezed = value.strip("".join(chr(c) for c in range(0x21)))
    squeezed = squeezed.replace("\t", "").replace("\n", "").replace("\r", "")
    return bool(UNSAFE_URL.match(squeezed))
