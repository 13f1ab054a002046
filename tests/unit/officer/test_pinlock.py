"""PIN checks at the pad: the lock escalates and survives a restart (real SQLite file)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.officer.pin import hash_pin
from kiosk.officer.pinlock import PIN_SUBJECT, PinOutcome, check_pin, read_failures
from kiosk.store import Store

T0 = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
PIN = "24681357"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "kiosk.sqlite3"


def test_wrong_pins_lock_with_the_lockout_table_and_a_restart_keeps_the_lock(db, pin_hash):
    store = Store.open(db)
    outcomes = [check_pin(store, pin_hash, "11111111", T0 + timedelta(seconds=n))
                for n in range(3)]
    assert [c.outcome for c in outcomes] == [PinOutcome.WRONG, PinOutcome.WRONG,
                                             PinOutcome.LOCKED]
    third = outcomes[2]
    assert third.new_lock and third.lock_s == 30
    assert third.locked_until == T0 + timedelta(seconds=2 + 30)
    store.close()

    store = Store.open(db)  # a restart (or a pulled plug) does not reset the count
    during = check_pin(store, pin_hash, PIN, T0 + timedelta(seconds=10))
    assert during.outcome is PinOutcome.LOCKED and not during.new_lock
    assert read_failures(store, T0 + timedelta(seconds=10)).count == 3  # not counted again
    fourth = check_pin(store, pin_hash, "22222222", T0 + timedelta(seconds=40))
    assert fourth.outcome is PinOutcome.LOCKED and fourth.lock_s == 60  # escalates
    ok = check_pin(store, pin_hash, PIN, T0 + timedelta(seconds=101))
    assert ok.outcome is PinOutcome.OK and ok.failures == 0
    assert read_failures(store, T0 + timedelta(seconds=101)).count == 0
    store.close()


def test_failures_older_than_a_day_are_forgotten(db, pin_hash):
    store = Store.open(db)
    for n in range(5):
        check_pin(store, pin_hash, "11111111", T0 + timedelta(minutes=20 * n))
    later = T0 + timedelta(days=1, hours=2)
    assert read_failures(store, later).count == 0
    assert check_pin(store, pin_hash, "11111111", later).outcome is PinOutcome.WRONG
    store.close()


def test_no_pin_set_never_verifies_and_counts_nothing(db):
    store = Store.open(db)
    assert check_pin(store, "", "12345678", T0).outcome is PinOutcome.NO_PIN
    assert store.failures(PIN_SUBJECT, T0 - timedelta(days=1)) == []
    store.close()
