"""How hard the hostile tests push: ``HYPOTHESIS_PROFILE=ci`` (default) or ``deep``.

The profiles are registered with Hypothesis under those names but not loaded globally, so the
rest of the suite keeps its own settings. Each test asks for ``fuzz(weight)``: the profile's
``max_examples`` times a weight that reflects how costly one example is (a slip render costs
far more than a frame parse), so ``ci`` stays within its time budget and ``deep`` scales every
test alike.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # loopback servers and PDF renders vary with machine load
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much],
    "print_blob": True,  # a failure prints the blob to reproduce it with @reproduce_failure
}
settings.register_profile("ci", max_examples=100, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("deep", max_examples=5000, **_COMMON)  # type: ignore[arg-type]

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "deep"):
    raise RuntimeError(f"HYPOTHESIS_PROFILE must be ci or deep, not {PROFILE!r}")
DEEP = PROFILE == "deep"


def fuzz(weight: float = 1.0) -> settings:
    """Settings for one test: the chosen profile with ``max_examples`` scaled by ``weight``."""
    base = settings.get_profile(PROFILE)
    return settings(base, max_examples=max(1, round(base.max_examples * weight)))


def examples(weight: float = 1.0) -> int:
    """The example count ``fuzz(weight)`` runs, for loops that are not Hypothesis tests."""
    return fuzz(weight).max_examples
