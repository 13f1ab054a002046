"""The reference server's SQLAlchemy tables.

Record sections are stored as the JSON documents the API answers with (validated by the models
when the dataset is loaded): the central service treats them as read-only snapshots. What the
server learns while running — sign-in attempts, sessions, slips, enquiries, heartbeats, audit
events — is relational. Times are stored as UTC ISO strings, so they sort and compare as text
on any database and come back with their offset.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as a UTC ISO 8601 string; naive datetimes are a bug."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, date: Date}


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Inmate(Base):
    __tablename__ = "inmates"
    inmate_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    prison_name: Mapped[str] = mapped_column(String(200))
    ward: Mapped[str] = mapped_column(String(200))


class Record(Base):
    """One section of one inmate (profile, reform, assessment, rewards, living) as JSON."""

    __tablename__ = "records"
    inmate_id: Mapped[str] = mapped_column(ForeignKey("inmates.inmate_id"), primary_key=True)
    section: Mapped[str] = mapped_column(String(16), primary_key=True)
    body: Mapped[str] = mapped_column(Text)


class Visitor(Base):
    __tablename__ = "visitors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    reference_number: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))
    locked_at_start: Mapped[bool] = mapped_column(default=False)


class Link(Base):
    __tablename__ = "links"
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitors.id"), primary_key=True)
    inmate_id: Mapped[str] = mapped_column(ForeignKey("inmates.inmate_id"), primary_key=True)
    relationship: Mapped[str] = mapped_column(String(32))
    position: Mapped[int]


class Attempts(Base):
    """Failed sign-ins per ID number (keyed by its SHA-256, so even this table holds no number)."""

    __tablename__ = "attempts"
    id_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_started: Mapped[datetime]
    locked_until: Mapped[datetime | None]


class Session(Base):
    """A family member's session; only the SHA-256 of the token is kept."""

    __tablename__ = "sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitors.id"))
    terminal_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Announcement(Base):
    __tablename__ = "announcements"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    prison_code: Mapped[str | None] = mapped_column(String(32))
    published_at: Mapped[datetime]
    body: Mapped[str] = mapped_column(Text)


class Slip(Base):
    __tablename__ = "slips"
    slip_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    verify_code: Mapped[str] = mapped_column(String(16))
    inmate_id: Mapped[str] = mapped_column(ForeignKey("inmates.inmate_id"))
    sections: Mapped[str] = mapped_column(String(100))
    content_sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime]
    terminal_id: Mapped[str] = mapped_column(String(64))


class Enquiry(Base):
    __tablename__ = "enquiries"
    ticket_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    inmate_id: Mapped[str] = mapped_column(ForeignKey("inmates.inmate_id"))
    section: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    reply: Mapped[str | None] = mapped_column(Text)
    filed_at: Mapped[datetime]
    reply_due: Mapped[date]
    terminal_id: Mapped[str | None] = mapped_column(String(64))


class Event(Base):
    """An audit event as the terminal sent it (the AuditEvent JSON), stored once per event_id."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]
    body: Mapped[str] = mapped_column(Text)


class Heartbeat(Base):
    __tablename__ = "heartbeats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]
    body: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Sequences for slip and ticket numbers (portable: no database sequences needed)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int]
