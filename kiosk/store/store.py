"""The local store: lockout failures, the outgoing audit-event queue, daily statistics.

One SQLite file in the data folder. Every connection runs in WAL mode with ``synchronous=FULL``
(a committed audit event survives a power cut, not just a crash) and starts its transactions
with ``BEGIN IMMEDIATE``, so two worker threads that both write queue on the busy timeout
instead of failing with "database is locked" halfway through. Each method is one short
transaction on its own pooled connection: the store may be used from any thread.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from kiosk.api.models import SHA256_PATTERN, AuditEvent
from kiosk.store import migrate
from kiosk.store.errors import PersonalDataRefused, StoreError
from kiosk.store.tables import audit_queue, daily_stats, lockout_failures
from kiosk.visitor.idnumber import contains_id_number

DB_FILE = "kiosk.sqlite3"
"""The database's name in the data folder."""
BUSY_TIMEOUT_MS = 10_000
_SUBJECT = re.compile(SHA256_PATTERN)
_COUNTER = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Transactions are begun by _on_begin, not by the driver's implicit BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_subject(subject: str) -> None:
    if not _SUBJECT.fullmatch(subject):
        raise ValueError("subject must be the HMAC-SHA256 hex of an ID number, never the number")


def _aware(*times: datetime) -> None:
    if any(t.tzinfo is None or t.utcoffset() is None for t in times):
        raise ValueError("naive datetime: times must carry their offset")


def _refuse_personal_data(data: dict[str, Any]) -> None:
    for key, value in data.items():
        if contains_id_number(key):  # the message must not repeat the number
            raise PersonalDataRefused("an event data key is shaped like an ID number")
        if isinstance(value, str) and contains_id_number(value):
            raise PersonalDataRefused(f"event data {key!r} holds an ID-shaped value")


class Store:
    """Open with :meth:`open`; every method is thread-safe and commits before it returns."""

    def __init__(self, engine: Engine, path: Path, revision: str, clock: Callable[[], datetime]):
        self._engine = engine
        self.path = path
        self.revision = revision
        self._clock = clock

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], datetime] = _utc_now) -> Store:
        """Open (creating it and its folder if needed) and migrate to the code's schema.

        Raises :class:`~kiosk.store.errors.DatabaseTooNew` for a database written by a newer
        kiosk, :class:`~kiosk.store.errors.StoreError` for anything else that makes it unusable.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path.parent}: cannot create the data folder: {exc}") from None
        engine = create_engine(URL.create("sqlite", database=str(path)))
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        try:
            with engine.begin() as connection:
                revision = migrate.upgrade(connection, path)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(f"{path}: cannot open the local database: {exc.orig}") from None
        return cls(engine, path, revision, clock)

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        try:
            with self._engine.begin() as connection:
                yield connection
        except DBAPIError as exc:
            raise StoreError(f"{self.path}: {exc.orig}") from exc

    def close(self) -> None:
        self._engine.dispose()

    def pragmas(self) -> dict[str, str]:
        """The connection settings in effect (for the self-test and the officer status)."""
        with self._engine.connect() as connection:
            return {
                name: str(connection.exec_driver_sql(f"PRAGMA {name}").scalar())
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }

    # -- lockout failures ---------------------------------------------------------------------

    def record_failure(self, subject: str, at: datetime) -> None:
        _check_subject(subject)
        _aware(at)
        with self._transaction() as c:
            c.execute(lockout_failures.insert().values(subject=subject, at=at))

    def failures(self, subject: str, since: datetime) -> list[datetime]:
        """Failure times of one subject from ``since`` on, oldest first, in UTC."""
        _check_subject(subject)
        _aware(since)
        query = (
            select(lockout_failures.c.at)
            .where(lockout_failures.c.subject == subject, lockout_failures.c.at >= since)
            .order_by(lockout_failures.c.at)
        )
        with self._transaction() as c:
            return list(c.scalars(query))

    def clear_failures(self, subject: str) -> None:
        _check_subject(subject)
        with self._transaction() as c:
            c.execute(delete(lockout_failures).where(lockout_failures.c.subject == subject))

    def prune_failures(self, before: datetime) -> int:
        """Forget failures too old to matter (see ``LockoutPolicy.lookback``)."""
        _aware(before)
        with self._transaction() as c:
            result = c.execute(delete(lockout_failures).where(lockout_failures.c.at < before))
            return result.rowcount

    # -- audit-event queue --------------------------------------------------------------------

    def enqueue_event(self, audit_event: AuditEvent) -> None:
        """Queue an event for sending; durable once this returns. A repeated event_id is ignored
        (the caller may retry after a crash without creating a duplicate)."""
        _refuse_personal_data(audit_event.data)
        now = self._clock()
        row = {
            "event_id": audit_event.event_id,
            "type": audit_event.type.value,
            "at": audit_event.at.isoformat(),
            "subject": audit_event.subject,
            "data": json.dumps(audit_event.data, ensure_ascii=False, sort_keys=True),
            "created": now,
            "attempts": 0,
            "next_try": now,
        }
        with self._transaction() as c:
            c.execute(insert(audit_queue).values(row).on_conflict_do_nothing())

    def pending_events(self, limit: int, now: datetime) -> list[AuditEvent]:
        """Up to ``limit`` events due at ``now``, in the order they were queued."""
        _aware(now)
        query = (
            select(audit_queue)
            .where(audit_queue.c.next_try <= now)
            .order_by(audit_queue.c.seq)
            .limit(limit)
        )
        with self._transaction() as c:
            rows = c.execute(query).mappings().all()
        return [
            AuditEvent.model_validate(
                {
                    "event_id": row["event_id"],
                    "type": row["type"],
                    "at": row["at"],
                    "subject": row["subject"],
                    "data": json.loads(row["data"]),
                }
            )
            for row in rows
        ]

    def mark_sent(self, event_ids: Iterable[str]) -> None:
        """Remove events the server accepted (only then: none is lost)."""
        ids = list(event_ids)
        if not ids:
            return
        with self._transaction() as c:
            c.execute(delete(audit_queue).where(audit_queue.c.event_id.in_(ids)))

    def defer(self, event_ids: Iterable[str], next_try: datetime) -> None:
        """Sending failed: try these again at ``next_try`` and count the attempt."""
        _aware(next_try)
        ids = list(event_ids)
        if not ids:
            return
        with self._transaction() as c:
            c.execute(
                update(audit_queue)
                .where(audit_queue.c.event_id.in_(ids))
                .values(attempts=audit_queue.c.attempts + 1, next_try=next_try)
            )

    def queued_count(self) -> int:
        with self._transaction() as c:
            return int(c.scalar(select(func.count()).select_from(audit_queue)) or 0)

    def next_try(self) -> datetime | None:
        """When the earliest queued event is due (for the sender's sleep), or None if empty."""
        with self._transaction() as c:
            return c.scalar(select(func.min(audit_queue.c.next_try)))

    # -- daily statistics ---------------------------------------------------------------------

    def bump(self, counter: str, day: date, n: int = 1) -> None:
        """Add ``n`` to a counter of ``day`` (the terminal's Beijing day)."""
        if not _COUNTER.fullmatch(counter):
            raise ValueError(f"counter names are machine codes matching {_COUNTER.pattern}")
        statement = insert(daily_stats).values(day=day, counter=counter, count=n)
        statement = statement.on_conflict_do_update(
            index_elements=[daily_stats.c.day, daily_stats.c.counter],
            set_={"count": daily_stats.c.count + statement.excluded.count},
        )
        with self._transaction() as c:
            c.execute(statement)

    def counts(self, first_day: date, last_day: date) -> dict[str, int]:
        """Each counter's total over ``first_day`` to ``last_day`` inclusive."""
        query = (
            select(daily_stats.c.counter, func.sum(daily_stats.c.count))
            .where(daily_stats.c.day >= first_day, daily_stats.c.day <= last_day)
            .group_by(daily_stats.c.counter)
        )
        with self._transaction() as c:
            return {str(name): int(total) for name, total in c.execute(query)}
