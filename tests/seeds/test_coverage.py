"""Every word of every seed plan reaches its data file (issue: publish all five seeds whole)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .coverage_check import check_coverage

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = sorted((Path(__file__).parent / "coverage").glob("*.yaml"))


@pytest.mark.parametrize("config", CONFIGS, ids=[c.stem for c in CONFIGS])
def test_every_seed_fragment_is_in_the_data(config: Path):
    report = check_coverage(config, ROOT)
    lines = [f"  seed line {n}: {text[:120]!r}" for n, text in report.missing]
    assert not report.missing, "fragments missing from the data:\n" + "\n".join(lines)


@pytest.mark.parametrize("config", CONFIGS, ids=[c.stem for c in CONFIGS])
def test_allow_list_has_no_stale_entries(config: Path):
    # An allowance that matches nothing hides nothing: it must go, so the list stays reviewable.
    report = check_coverage(config, ROOT)
    assert not report.unused_allowances, f"unused allow entries: {report.unused_allowances}"
