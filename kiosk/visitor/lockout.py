"""The terminal's own lockout of an ID number after repeated wrong reference numbers.

The central service locks an ID number by itself (``423 locked``); this local lockout stands
beside it so a terminal stops sending guesses even when the service is slow to react or counts
per province. It is a pure function of the failure times and ``now``: the store keeps the
failure times (under an HMAC of the ID number), the flow asks :func:`lockout_state` before it
sends anything, and a successful identification clears the failures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    """Wrong attempts that lock the ID number ..."""
    window: timedelta = timedelta(minutes=15)
    """... when they all fall within this span (a failure exactly ``window`` old has expired) ..."""
    lock_for: timedelta = timedelta(minutes=15)
    """... for this long, counted from the failure that completed the set."""

    @property
    def lookback(self) -> timedelta:
        """How far back the store must be read for :func:`lockout_state` to see a live lock."""
        return self.window + self.lock_for

    def __post_init__(self) -> None:
        # A lock shorter than the window would end while its failures still count.
        if self.max_failures < 1 or self.lock_for < self.window:
            raise ValueError("need max_failures >= 1 and lock_for >= window")


@dataclass(frozen=True)
class LockoutState:
    locked: bool
    until: datetime | None
    """When the lock ends (only when ``locked``)."""
    attempts_left: int
    """Wrong attempts still allowed before the lock; 0 while locked."""


def lockout_state(
    failures: Sequence[datetime], now: datetime, policy: LockoutPolicy | None = None
) -> LockoutState:
    """Whether an ID number is locked on this terminal at ``now``.

    Rules, with the defaults (5 failures, 15-minute window, 15-minute lock):

    - a failure counts while it is less than 15 minutes old;
    - whenever a failure is the 5th within 15 minutes (counting itself), the number is locked
      until 15 minutes after that failure; a further failure during a lock therefore extends it;
    - as the lock lasts at least as long as the window, every failure that caused it has expired
      when it ends: the count starts again from zero;
    - a failure stamped after ``now`` (the clock was stepped back) is taken as happening ``now``,
      so changing the clock never shortens a lock.

    Only failures since ``now - policy.lookback`` can matter, so the store reads no further.

    Worked table, times in minutes after 10:00 (the unit test runs exactly these rows):

    =============================  ===  ======  =====  ====  =====================================
    failures                       now  locked  until  left  why
    =============================  ===  ======  =====  ====  =====================================
    -                                0  no          -     5  nothing recorded
    0                                1  no          -     4  one failure
    0 1 2 3                          4  no          -     1  one attempt left
    0 1 2 3 4                        4  yes        19     0  the 5th failure locks for 15 minutes
    0 1 2 3 4                       18  yes        19     0  still locked a minute before the end
    0 1 2 3 4                       19  no          -     5  lock over: a fresh start
    0 1 2 3 4 20                    21  no          -     4  failures before the lock are spent
    0 1 2 3 14                      14  yes        29     0  five within 15 minutes (0 to 14)
    0 1 2 3 15                      15  no          -     1  the one at 0 aged out at 15
    0 1 2 3                         15  no          -     2  exactly 15 minutes old: expired
    0 10 20 30 40                   41  no          -     3  only 30 and 40 are recent
    0 1 2 3 4 5 6 7 8               10  yes        23     0  failures during a lock extend it
    0 1 2 3 4 19 20 21 22           22  no          -     1  four new ones after the lock
    0 1 2 3 4 19 20 21 22 23        23  yes        38     0  a second lock
    30                              20  no          -     4  stamped in the future: counts now
    26 27 28 29 30                  25  yes        40     0  future stamps lock from ``now``
    =============================  ===  ======  =====  ====  =====================================
    """
    policy = policy or LockoutPolicy()
    times = sorted(min(f, now) for f in failures)
    lock_until: datetime | None = None
    first = 0  # index of the oldest failure inside the window that ends at times[last]
    for last, at in enumerate(times):
        while at - times[first] >= policy.window:
            first += 1
        if last - first + 1 >= policy.max_failures:
            lock_until = at + policy.lock_for  # times are sorted: the latest lock ends last
    if lock_until is not None and now < lock_until:
        return LockoutState(locked=True, until=lock_until, attempts_left=0)
    counting = sum(1 for f in times if now - f < policy.window)
    return LockoutState(
        locked=False, until=None, attempts_left=max(policy.max_failures - counting, 0)
    )


__all__ = ["LockoutPolicy", "LockoutState", "lockout_state"]
