"""The local database's tables, as SQLAlchemy Core. Migrations (``migrations/versions``) create
them; this declaration is what the code queries. No column holds personal data: a visitor
appears only as the HMAC of the ID number under the terminal secret (``kiosk.secrets``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC (SQLite has no time zones) and read back in UTC, so
    string comparison in SQL orders them correctly. Naive datetimes are a bug and refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime: times must carry their offset")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


metadata = MetaData()

lockout_failures = Table(
    "lockout_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(64), nullable=False),  # HMAC-SHA256 hex
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_lockout_failures_subject_at", "subject", "at"),
)

audit_queue = Table(
    "audit_queue",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # sending order
    Column("event_id", String(64), nullable=False, unique=True),
    Column("type", String(32), nullable=False),
    Column("at", Text, nullable=False),  # ISO 8601 with the event's own offset, as sent
    Column("subject", String(64), nullable=True),  # HMAC-SHA256 hex or null
    Column("data", Text, nullable=False),  # JSON object of scalars
    Column("created", UtcDateTime(), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_try", UtcDateTime(), nullable=False),
    Index("ix_audit_queue_next_try", "next_try"),
)

daily_stats = Table(
    "daily_stats",
    metadata,
    Column("day", Date, primary_key=True),  # the terminal's local (Beijing) day
    Column("counter", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
)
