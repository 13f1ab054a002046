"""The hidden emblem gesture: N taps within the window, and nothing less."""

from __future__ import annotations

import pytest

from kiosk.officer.gesture import TapGesture


@pytest.mark.parametrize("times, opens", [
    ([0, 0.5, 1, 1.5, 2], [False, False, False, False, True]),
    ([0, 1, 2, 3, 3.1], [False, False, False, False, False]),  # 3.1 s from the first: too slow
    ([0, 1, 2, 3, 3.1, 3.2], [False] * 5 + [True]),  # ... but the last five are quick enough
    ([0, 0.1, 0.2, 0.3], [False] * 4),
    ([0, 0.1, 0.2, 0.3, 0.4, 0.5], [False] * 4 + [True, False]),  # a sixth tap starts afresh
], ids=["five quick", "too slow", "sliding window", "four", "sixth tap"])
def test_taps_open_only_when_enough_fall_in_the_window(times, opens):
    gesture = TapGesture(5, 3.0)
    assert [gesture.tap(t) for t in times] == opens


def test_nonsense_configuration_is_refused():
    with pytest.raises(ValueError):
        TapGesture(0, 3.0)
