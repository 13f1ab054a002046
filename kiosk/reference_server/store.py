"""The reference server's state behind SQLAlchemy: the dataset, and what happens while it runs.

Every operation takes one lock and one short transaction, so the store can be shared by the
server's worker threads and a test thread reading what was stored (events, heartbeats). Failures
of the contract's error table are raised as ``ApiFailure`` after the transaction has committed,
so a wrong reference number is counted even though the request fails.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from kiosk.api import models
from kiosk.api.models import ErrorCode
from kiosk.reference_server import idnumbers, names, tables
from kiosk.reference_server.data import Dataset
from kiosk.reference_server.errors import ApiFailure
from kiosk.timefmt import BEIJING

VERIFY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Verification codes avoid 0/O, 1/I/L so that a code read off paper is typed right."""
SECTIONS = ("profile", "reform", "assessment", "rewards", "living")
_FIRST_SLIP = 1200
_FIRST_TICKET = 4500


@dataclass(frozen=True)
class FamilySession:
    token_hash: str
    visitor_id: int


@dataclass(frozen=True)
class StoredEvent:
    """An audit event as stored by the server (the AuditEvent fields plus where it came from)."""

    terminal_id: str
    received_at: datetime
    event_id: str
    type: models.EventType
    at: datetime
    subject: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class StoredHeartbeat:
    terminal_id: str
    received_at: datetime
    version: str
    uptime_s: int
    state: models.TerminalState
    printer: models.PrinterState
    reader: models.ReaderState
    queued_events: int


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return create_engine(url)
    # The server's worker threads share the store (it serialises access with its own lock).
    args: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if parsed.database in (None, "", ":memory:"):
        args["poolclass"] = StaticPool  # one connection, or every thread sees its own empty DB
    return create_engine(url, **args)


class Store:
    def __init__(
        self,
        url: str,
        dataset: Dataset,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        max_attempts: int = 5,
        lockout_s: int = 900,
        prelock_s: int = 24 * 3600,
    ) -> None:
        self.dataset = dataset
        self._clock = clock
        self._max_attempts = max_attempts
        self._lockout = timedelta(seconds=lockout_s)
        self._prelock = timedelta(seconds=prelock_s)
        self._lock = threading.RLock()
        self._engine = _engine(url)
        tables.Base.metadata.create_all(self._engine)
        self._load_once()

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self._lock, Session(self._engine, expire_on_commit=False) as db, db.begin():
            yield db

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """Core, not ORM, for the reads of every request: ten times cheaper (0.15 ms)."""
        with self._lock, self._engine.connect() as connection:
            yield connection

    # ---- loading ---------------------------------------------------------------------------

    def _load_once(self) -> None:
        """Load the dataset into an empty database; a file database keeps its state."""
        with self._tx() as db:
            seed = db.get(tables.Meta, "seed")
            if seed is not None:
                if seed.value != str(self.dataset.seed):
                    raise ValueError(
                        f"the database holds the data of seed {seed.value}, not {self.dataset.seed}"
                    )
                return
            for table, rows in self._dataset_rows():
                db.execute(insert(table), rows)  # bulk: loading is part of every server start
            self._prelock_visitors(db)

    def _dataset_rows(self) -> list[tuple[type[tables.Base], list[dict[str, Any]]]]:
        world = self.dataset
        visitors = list(enumerate(world.visitors, start=1))
        return [
            (tables.Meta, [{"key": "seed", "value": str(world.seed)}]),
            (
                tables.Inmate,
                [
                    {
                        "inmate_id": r.inmate_id,
                        "name": r.profile.name,
                        "prison_name": r.profile.prison_name,
                        "ward": r.profile.ward,
                    }
                    for r in world.inmates
                ],
            ),
            (
                tables.Record,
                [
                    {
                        "inmate_id": r.inmate_id,
                        "section": section,
                        "body": getattr(r, section).model_dump_json(),
                    }
                    for r in world.inmates
                    for section in SECTIONS
                ],
            ),
            (
                tables.Visitor,
                [
                    {
                        "id": number,
                        "id_number": v.id_number,
                        "reference_number": v.reference_number,
                        "display_name": v.display_name,
                        "locked_at_start": v.locked,
                    }
                    for number, v in visitors
                ],
            ),
            (
                tables.Link,
                [
                    {
                        "visitor_id": number,
                        "inmate_id": link.inmate_id,
                        "relationship": link.relationship,
                        "position": position,
                    }
                    for number, v in visitors
                    for position, link in enumerate(v.links)
                ],
            ),
            (
                tables.Announcement,
                [
                    {
                        "id": item.id,
                        "prison_code": prison_code,
                        "published_at": item.published_at,
                        "body": item.model_dump_json(),
                    }
                    for prison_code, item in world.announcements
                ],
            ),
            (
                tables.Enquiry,
                [
                    {
                        "ticket_no": e.ticket_no,
                        "inmate_id": e.inmate_id,
                        "section": e.section.value,
                        "reason": e.reason.value,
                        "status": e.status.value,
                        "reply": e.reply,
                        "filed_at": datetime.combine(e.filed_on, datetime.min.time(), BEIJING),
                        "reply_due": e.filed_on + timedelta(days=14),
                        "terminal_id": None,
                    }
                    for e in world.enquiries
                ],
            ),
            (
                tables.Counter,
                [
                    {"name": "slip", "value": _FIRST_SLIP},
                    {"name": "enquiry", "value": _FIRST_TICKET},
                ],
            ),
        ]

    def _prelock_visitors(self, db: Session) -> None:
        now = self._clock()
        for visitor in db.scalars(select(tables.Visitor).where(tables.Visitor.locked_at_start)):
            db.merge(
                tables.Attempts(
                    id_key=_sha256(visitor.id_number),
                    failures=self._max_attempts,
                    window_started=now,
                    locked_until=now + self._prelock,
                )
            )

    # ---- sessions --------------------------------------------------------------------------

    def authenticate(
        self, request: models.SessionRequest, terminal_id: str, ttl_s: int
    ) -> models.SessionCreated:
        if not idnumbers.is_valid(request.id_number):
            raise ApiFailure(400, ErrorCode.INVALID_REQUEST, "id_number: wrong check character")
        now = self._clock()
        failure: ApiFailure | None = None
        with self._tx() as db:
            key = _sha256(request.id_number)
            attempts = db.get(tables.Attempts, key)
            if attempts is not None and attempts.locked_until and attempts.locked_until > now:
                left = math.ceil((attempts.locked_until - now).total_seconds())
                raise ApiFailure(
                    423, ErrorCode.LOCKED, "too many failed attempts", retry_after=left
                )
            if attempts is not None and now - attempts.window_started >= self._lockout:
                db.delete(attempts)  # old failures (or an expired lock) are forgotten
                db.flush()
                attempts = None
            visitor = db.scalar(
                select(tables.Visitor).where(tables.Visitor.id_number == request.id_number)
            )
            if visitor is None or not hmac.compare_digest(
                visitor.reference_number, request.reference_number
            ):
                if attempts is None:
                    attempts = tables.Attempts(id_key=key, failures=0, window_started=now)
                    db.add(attempts)
                attempts.failures += 1
                if attempts.failures >= self._max_attempts:
                    attempts.locked_until = now + self._lockout
                    failure = ApiFailure(
                        423,
                        ErrorCode.LOCKED,
                        "too many failed attempts",
                        retry_after=int(self._lockout.total_seconds()),
                    )
                else:
                    failure = ApiFailure(
                        401,
                        ErrorCode.INVALID_CREDENTIALS,
                        "ID number and reference number do not match",
                        attempts_left=self._max_attempts - attempts.failures,
                    )
            else:
                if attempts is not None:
                    db.delete(attempts)
                token = secrets.token_urlsafe(32)
                expires_at = now + timedelta(seconds=ttl_s)
                db.add(
                    tables.Session(
                        token_hash=_sha256(token),
                        visitor_id=visitor.id,
                        terminal_id=terminal_id,
                        created_at=now,
                        expires_at=expires_at,
                    )
                )
                rows = db.execute(
                    select(tables.Link, tables.Inmate)
                    .join(tables.Inmate, tables.Inmate.inmate_id == tables.Link.inmate_id)
                    .where(tables.Link.visitor_id == visitor.id)
                    .order_by(tables.Link.position)
                ).all()
                created = models.SessionCreated(
                    session_token=token,
                    expires_at=expires_at.astimezone(BEIJING),
                    visitor=models.Visitor(display_name=visitor.display_name),
                    inmates=[
                        models.LinkedInmate(
                            inmate_id=inmate.inmate_id,
                            name=inmate.name,
                            relationship=link.relationship,
                            prison_name=inmate.prison_name,
                            ward=inmate.ward,
                        )
                        for link, inmate in rows
                    ],
                )
        if failure is not None:
            raise failure
        return created

    def session(self, token: str | None) -> FamilySession:
        expired = ApiFailure(401, ErrorCode.SESSION_EXPIRED, "session expired or unknown")
        if not token:
            raise expired
        token_hash = _sha256(token)
        query = select(tables.Session.visitor_id, tables.Session.expires_at).where(
            tables.Session.token_hash == token_hash
        )
        with self._read() as connection:
            row = connection.execute(query).first()
        if row is None or row.expires_at <= self._clock():
            raise expired
        return FamilySession(token_hash=token_hash, visitor_id=row.visitor_id)

    def end_session(self, session: FamilySession) -> None:
        with self._tx() as db:
            row = db.get(tables.Session, session.token_hash)
            if row is not None:
                db.delete(row)

    def expire_sessions(self) -> None:
        now = self._clock()
        with self._tx() as db:
            db.execute(
                update(tables.Session).where(tables.Session.expires_at > now).values(expires_at=now)
            )

    def reset_lockouts(self) -> None:
        """Forget every failed attempt; the demo's pre-locked ID number is locked again."""
        with self._tx() as db:
            for row in db.scalars(select(tables.Attempts)):
                db.delete(row)
            db.flush()
            self._prelock_visitors(db)

    # ---- records ---------------------------------------------------------------------------

    def _check_linked(
        self, connection: Connection | Session, session: FamilySession, inmate_id: str
    ) -> None:
        """404 for an unknown inmate, 403 when the session's visitor is not linked to it."""
        link = select(tables.Link.inmate_id).where(
            tables.Link.visitor_id == session.visitor_id, tables.Link.inmate_id == inmate_id
        )
        if connection.execute(link).first() is not None:
            return
        known = select(tables.Inmate.inmate_id).where(tables.Inmate.inmate_id == inmate_id)
        if connection.execute(known).first() is None:
            raise ApiFailure(404, ErrorCode.NOT_FOUND, "unknown inmate")
        raise ApiFailure(403, ErrorCode.NOT_LINKED, "this visitor may not see this inmate")

    def record(self, session: FamilySession, inmate_id: str, section: str) -> str:
        """The section's JSON document, if the session's visitor is linked to the inmate."""
        query = select(tables.Record.body).where(
            tables.Record.inmate_id == inmate_id, tables.Record.section == section
        )
        with self._read() as connection:
            self._check_linked(connection, session, inmate_id)
            return connection.execute(query).scalar_one()

    def announcements(self, prison_code: str | None) -> list[models.Announcement]:
        query = select(tables.Announcement).order_by(tables.Announcement.published_at.desc())
        if prison_code is not None:
            query = query.where(
                (tables.Announcement.prison_code.is_(None))
                | (tables.Announcement.prison_code == prison_code)
            )
        with self._tx() as db:
            return [models.Announcement.model_validate_json(r.body) for r in db.scalars(query)]

    # ---- slips and enquiries ---------------------------------------------------------------

    def _next(self, db: Session, counter: str) -> int:
        row = db.get(tables.Counter, counter)
        assert row is not None
        row.value += 1
        return row.value

    def register_slip(
        self,
        session: FamilySession,
        request: models.SlipRequest,
        terminal_id: str,
        public_base: str,
    ) -> models.SlipRegistered:
        now = self._clock().astimezone(BEIJING)
        code = "".join(secrets.choice(VERIFY_ALPHABET) for _ in range(8))
        with self._tx() as db:
            self._check_linked(db, session, request.inmate_id)
            slip_no = f"NM-{now.year}-{self._next(db, 'slip'):07d}"
            db.add(
                tables.Slip(
                    slip_no=slip_no,
                    verify_code=code,
                    inmate_id=request.inmate_id,
                    sections=",".join(s.value for s in request.sections),
                    content_sha256=request.content_sha256,
                    issued_at=now,
                    terminal_id=terminal_id,
                )
            )
        return models.SlipRegistered(
            slip_no=slip_no,
            verify_code=code,
            verify_url=f"{public_base}/slips/{slip_no}?c={code}",
            issued_at=now,
        )

    def verify_slip(self, slip_no: str, code: str) -> models.SlipVerification:
        with self._tx() as db:
            slip = db.get(tables.Slip, slip_no)
            if slip is None or not hmac.compare_digest(slip.verify_code, code.upper()):
                raise ApiFailure(404, ErrorCode.NOT_FOUND, "unknown slip or wrong code")
            inmate = db.get(tables.Inmate, slip.inmate_id)
            assert inmate is not None
            return models.SlipVerification(
                valid=True,
                issued_at=slip.issued_at.astimezone(BEIJING),
                inmate_name=names.mask(inmate.name),
                sections=[models.Section(s) for s in slip.sections.split(",")],
                content_sha256=slip.content_sha256,
            )

    def file_enquiry(
        self,
        session: FamilySession,
        request: models.EnquiryRequest,
        terminal_id: str,
        public_base: str,
    ) -> models.EnquiryFiled:
        now = self._clock().astimezone(BEIJING)
        reply_due = now.date() + timedelta(days=14)
        with self._tx() as db:
            self._check_linked(db, session, request.inmate_id)
            ticket_no = f"E-{now.year}-{self._next(db, 'enquiry'):06d}"
            db.add(
                tables.Enquiry(
                    ticket_no=ticket_no,
                    inmate_id=request.inmate_id,
                    section=request.section.value,
                    reason=request.reason.value,
                    status=models.EnquiryStatus.RECEIVED.value,
                    reply=None,
                    filed_at=now,
                    reply_due=reply_due,
                    terminal_id=terminal_id,
                )
            )
        return models.EnquiryFiled(
            ticket_no=ticket_no,
            reply_due=reply_due,
            track_url=f"{public_base}/enquiries/{ticket_no}",
        )

    def enquiry(self, ticket_no: str) -> models.EnquiryState:
        with self._tx() as db:
            row = db.get(tables.Enquiry, ticket_no)
            if row is None:
                raise ApiFailure(404, ErrorCode.NOT_FOUND, "unknown ticket")
            return models.EnquiryState(
                ticket_no=row.ticket_no, status=models.EnquiryStatus(row.status), reply=row.reply
            )

    # ---- terminals -------------------------------------------------------------------------

    def add_heartbeat(self, terminal_id: str, heartbeat: models.Heartbeat) -> None:
        with self._tx() as db:
            db.add(
                tables.Heartbeat(
                    terminal_id=terminal_id,
                    received_at=self._clock(),
                    body=heartbeat.model_dump_json(),
                )
            )

    def add_events(self, terminal_id: str, batch: models.EventBatch) -> models.EventsAccepted:
        """Store each event once by event_id; a repeated id is accepted and not stored again."""
        now = self._clock()
        ids = [event.event_id for event in batch.events]
        with self._tx() as db:
            known = set(
                db.scalars(select(tables.Event.event_id).where(tables.Event.event_id.in_(ids)))
            )
            for event in batch.events:
                if event.event_id in known:
                    continue
                known.add(event.event_id)
                db.add(
                    tables.Event(
                        event_id=event.event_id,
                        terminal_id=terminal_id,
                        received_at=now,
                        body=event.model_dump_json(),
                    )
                )
        return models.EventsAccepted(accepted=ids)

    def events(self) -> list[StoredEvent]:
        with self._tx() as db:
            rows = db.scalars(select(tables.Event).order_by(tables.Event.id)).all()
        result = []
        for row in rows:
            event = models.AuditEvent.model_validate_json(row.body)
            result.append(
                StoredEvent(
                    terminal_id=row.terminal_id,
                    received_at=row.received_at,
                    event_id=event.event_id,
                    type=event.type,
                    at=event.at,
                    subject=event.subject,
                    data=dict(event.data),
                )
            )
        return result

    def heartbeats(self) -> list[StoredHeartbeat]:
        with self._tx() as db:
            rows = db.scalars(select(tables.Heartbeat).order_by(tables.Heartbeat.id)).all()
        return [
            StoredHeartbeat(
                terminal_id=row.terminal_id,
                received_at=row.received_at,
                **dict(models.Heartbeat.model_validate_json(row.body)),
            )
            for row in rows
        ]
