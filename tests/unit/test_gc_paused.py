"""Loading pauses the cyclic collector, which is safe because loading makes no cycles."""

from __future__ import annotations

import gc
from pathlib import Path

from actionplan import api
from actionplan.api import load_site

DATA = Path(__file__).resolve().parents[2] / "data"


def test_the_collector_is_off_while_loading_and_restored_after(monkeypatch):
    states = []
    real = api.read_plan_file
    monkeypatch.setattr(api, "read_plan_file",
                        lambda *args: states.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    load_site(DATA)
    assert states and not any(states)
    assert gc.isenabled()
    gc.disable()
    try:
        load_site(DATA)
        assert not gc.isenabled()  # a caller's own choice is left alone
    finally:
        gc.enable()


def test_loading_leaves_no_cyclic_garbage():
    load_site(DATA)  # first call: lazy imports and caches
    gc.collect()
    gc.disable()
    try:
        site, _ = load_site(DATA)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert site.plans
