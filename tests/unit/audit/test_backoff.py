"""The uploader's backoff: doubling, capped, jittered in the upper half of each delay."""

from __future__ import annotations

import pytest

from kiosk.audit.uploader import backoff_delay


@pytest.mark.parametrize(
    ("failures", "rand", "expected"),
    [
        (0, 0.5, 0.0),
        (1, 0.0, 2.5),
        (1, 0.999999, 5.0),
        (2, 0.0, 5.0),
        (3, 0.5, 15.0),
        (8, 0.0, 320.0),
        (9, 0.0, 450.0),
        (9, 0.999999, 900.0),
        (500, 0.0, 450.0),
    ],
    ids=lambda v: str(v),
)
def test_backoff_table(failures: int, rand: float, expected: float) -> None:
    assert backoff_delay(failures, rand) == pytest.approx(expected, abs=0.01)


def test_delays_grow_and_stay_within_the_cap() -> None:
    lows = [backoff_delay(n, 0.0) for n in range(1, 40)]
    highs = [backoff_delay(n, 0.999) for n in range(1, 40)]
    assert lows == sorted(lows) and highs == sorted(highs)
    assert max(highs) <= 900


def test_custom_base_and_cap() -> None:
    assert backoff_delay(1, 0.0, base_s=0.2, max_s=1.0) == pytest.approx(0.1)
    assert backoff_delay(10, 0.999999, base_s=0.2, max_s=1.0) == pytest.approx(1.0)
