"""Checking a PIN at the pad, with wrong tries counted in the local store so a restart (or a
pulled plug) does not reset the lock.

The failures are kept in the store's ``lockout_failures`` table under :data:`PIN_SUBJECT`, a
fixed SHA-256 of a label: it holds no personal data and cannot collide with the HMAC of an ID
number (those are keyed by the terminal secret). Failures older than :data:`LOOKBACK` are
forgotten, so an officer's typos of last week do not lock today's pad. The lock itself is
``kiosk.officer.lockout.pin_lockout``. Blocking (scrypt takes ~50-100 ms and the store writes):
call from a worker, never the GUI thread.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk import log
from kiosk.officer.lockout import PinLockState, pin_lockout
from kiosk.officer.pin import verify_pin
from kiosk.store import Store

PIN_SUBJECT = hashlib.sha256(b"kiosk officer PIN pad").hexdigest()
LOOKBACK = timedelta(hours=24)


class PinOutcome(StrEnum):
    OK = "ok"
    WRONG = "wrong_pin"
    LOCKED = "locked"
    NO_PIN = "no_pin"


@dataclass(frozen=True)
class PinFailures:
    count: int
    last: datetime | None

    def lock(self, now: datetime) -> PinLockState:
        return pin_lockout(self.count, self.last, now)


@dataclass(frozen=True)
class PinCheck:
    outcome: PinOutcome
    failures: int
    """Consecutive wrong PINs after this check (0 after a correct one)."""
    locked_until: datetime | None
    """When the pad accepts a PIN again (None: now)."""
    lock_s: int = 0
    """The lock this check started or found, in seconds (0: none)."""
    new_lock: bool = False
    """This wrong PIN started the lock (rather than finding the pad locked already)."""


def read_failures(store: Store, now: datetime) -> PinFailures:
    times = store.failures(PIN_SUBJECT, now - LOOKBACK)
    return PinFailures(len(times), max(times) if times else None)


def check_pin(store: Store, pin_hash: str, pin: str, now: datetime) -> PinCheck:
    """Verify ``pin`` unless the pad is locked; count a wrong one, clear the count on success."""
    if not pin_hash:
        return PinCheck(PinOutcome.NO_PIN, 0, None)
    before = read_failures(store, now)
    lock = before.lock(now)
    if lock.locked:
        return PinCheck(PinOutcome.LOCKED, before.count, lock.locked_until, lock.delay_s)
    if verify_pin(pin, pin_hash):
        if before.count:
            store.clear_failures(PIN_SUBJECT)
        return PinCheck(PinOutcome.OK, 0, None)
    store.record_failure(PIN_SUBJECT, now)
    after = PinFailures(before.count + 1, now)
    lock = after.lock(now)
    log.officer.warning("wrong officer PIN (%d in a row)%s", after.count,
                        f"; pad locked for {lock.delay_s} s" if lock.locked else "")
    outcome = PinOutcome.LOCKED if lock.locked else PinOutcome.WRONG
    return PinCheck(outcome, after.count, lock.locked_until, lock.delay_s if lock.locked else 0,
                    new_lock=lock.locked)
