"""The hidden gesture that opens the officer PIN pad: N taps on the emblem within a few seconds.

Pure (times come in as numbers, e.g. ``time.monotonic()``), so the rule is tested without Qt.
A family tapping the emblem once or twice never sees anything; only a quick run of taps counts.
"""

from __future__ import annotations

from collections import deque


class TapGesture:
    """Counts taps; :meth:`tap` is True on the tap that completes ``taps`` within ``window_s``."""

    def __init__(self, taps: int, window_s: float) -> None:
        if taps < 1 or window_s <= 0:
            raise ValueError("need taps >= 1 and window_s > 0")
        self.taps = taps
        self.window_s = window_s
        self._times: deque[float] = deque(maxlen=taps)

    def tap(self, now: float) -> bool:
        """Count one tap at ``now`` (seconds); True when the gesture is complete.

        A completed gesture starts the count afresh, so a sixth tap does not open it again."""
        self._times.append(now)
        if len(self._times) < self.taps or now - self._times[0] > self.window_s:
            return False
        self._times.clear()
        return True

    def reset(self) -> None:
        self._times.clear()
