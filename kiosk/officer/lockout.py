"""The PIN pad lockout rule, as one pure function of (failures, last failure, now).

Pure so the officer flow, the PIN pad's countdown and the tests all agree on one table; the
caller keeps the consecutive failure count and the time of the last one (reset on a correct PIN).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

FREE_ATTEMPTS = 2
"""Wrong PINs allowed before the pad locks: a typo or two costs nothing."""

DELAYS_S = (30, 60, 120, 300, 600, 900)
"""Lock after the 3rd, 4th, ... consecutive wrong PIN; the last value holds from then on."""


@dataclass(frozen=True)
class PinLockState:
    locked_until: datetime | None
    """When the pad accepts a PIN again; None when it accepts one now."""
    delay_s: int
    """The lock this many consecutive failures earns (0 while attempts are still free)."""

    @property
    def locked(self) -> bool:
        return self.locked_until is not None

    def remaining_s(self, now: datetime) -> int:
        """Whole seconds left to show on the pad (rounded up, so it never shows 0 while locked)."""
        if self.locked_until is None:
            return 0
        return max(0, math.ceil((self.locked_until - now).total_seconds()))


def delay_for(failures: int) -> int:
    if failures <= FREE_ATTEMPTS:
        return 0
    return DELAYS_S[min(failures - FREE_ATTEMPTS, len(DELAYS_S)) - 1]


def pin_lockout(failures: int, last_failure: datetime | None, now: datetime) -> PinLockState:
    """Whether the PIN pad is locked, and until when.

    The lock runs from the last wrong PIN. If the clock went back (``now`` before the last
    failure) the lock runs from ``now`` instead, so a clock change cannot lock the pad for hours.
    Worked table (times on one day; ``-`` is None):

    ========  ============  ========  ============  =======
    failures  last failure  now       locked until  delay_s
    ========  ============  ========  ============  =======
    0         -             10:00:00  -             0
    1         10:00:00      10:00:01  -             0
    2         10:00:00      10:00:01  -             0
    3         10:00:00      10:00:00  10:00:30      30
    3         10:00:00      10:00:29  10:00:30      30
    3         10:00:00      10:00:30  -             30
    3         -             10:00:00  -             30
    4         10:00:00      10:00:59  10:01:00      60
    5         10:00:00      10:01:00  10:02:00      120
    6         10:00:00      10:04:00  10:05:00      300
    7         10:00:00      10:09:59  10:10:00      600
    8         10:00:00      10:14:00  10:15:00      900
    20        10:00:00      10:14:59  10:15:00      900
    20        10:00:00      10:15:00  -             900
    3         10:00:00      09:00:00  09:00:30      30
    ========  ============  ========  ============  =======
    """
    delay = delay_for(failures)
    if delay == 0 or last_failure is None:
        return PinLockState(None, delay)
    start = min(last_failure, now)
    until = start + timedelta(seconds=delay)
    return PinLockState(until if now < until else None, delay)
