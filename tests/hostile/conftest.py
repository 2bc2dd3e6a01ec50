"""Hypothesis profiles: modest and repeatable in the normal test command, deeper on request.

HYPOTHESIS_PROFILE=deep .venv/bin/python -m pytest tests/hostile/test_properties.py
runs many more examples (random each time) when hunting for bugs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                     HealthCheck.data_too_large])
# The normal run: the same examples every time (CI must not pass or fail by chance).
settings.register_profile("default", max_examples=30, derandomize=True, database=None, **_COMMON)
settings.register_profile("deep", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
