"""The catalogue of audit event types: each documented once, here, as data.

The contract's event types (``kiosk.api.models.EventType``) plus the officer actions carried by
``admin_action`` in ``data["action"]``. Every entry says what the event means, which ``data``
keys it may carry and what values each key allows; :func:`make_event` refuses anything else, so
an event cannot carry a raw ID number, a name or record content by accident. The subject, where
allowed, is the HMAC of the visitor's ID number under the terminal secret (``kiosk.secrets``).

``docs/audit-events.md`` is generated from this module
(``python -m kiosk.audit.catalogue --write-docs``); a test fails when it is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum
from pathlib import Path

from kiosk.api.models import AuditEvent, EnquiryReason, EnquirySection, EventType, Section
from kiosk.visitor.idnumber import contains_id_number

Scalar = str | int | float | bool | None

_CODE = r"^[a-z][a-z0-9_.]{0,63}$"  # machine codes: no free text, so no personal data
_SECTIONS = tuple(s.value for s in Section)
_SECTION_LIST = r"^(" + "|".join(_SECTIONS) + r")(,(" + "|".join(_SECTIONS) + r"))*$"
_SETTING_LIST = r"^[a-z_]+\.[a-z_]+(,[a-z_]+\.[a-z_]+)*$"


class AuditDataError(ValueError):
    """An event's data does not match its catalogue entry (a bug in the caller)."""


@dataclass(frozen=True)
class DataKey:
    """One allowed ``data`` key: its type and the values it may take."""

    name: str
    kind: type  # str, int or bool
    description: str
    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False

    def check(self, value: Scalar) -> None:
        if self.kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
            if ok and self.minimum is not None and value < self.minimum:  # type: ignore[operator]
                ok = False
            if ok and self.maximum is not None and value > self.maximum:  # type: ignore[operator]
                ok = False
        elif self.kind is bool:
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, str) and len(value) <= 200
            if ok and self.choices is not None:
                ok = value in self.choices
            if ok and self.pattern is not None:
                ok = re.fullmatch(self.pattern, value) is not None  # type: ignore[arg-type]
        if not ok:
            raise AuditDataError(f"data[{self.name!r}]: expected {self.allowed()}")

    def allowed(self) -> str:
        if self.choices is not None:
            return "one of " + ", ".join(f"`{c}`" for c in self.choices)
        if self.kind is bool:
            return "true or false"
        if self.kind is int:
            if self.minimum is not None and self.maximum is not None:
                return f"a whole number from {self.minimum} to {self.maximum}"
            if self.minimum is not None:
                return f"a whole number, at least {self.minimum}"
            return "a whole number"
        return f"text matching `{self.pattern}`" if self.pattern else "short text"


@dataclass(frozen=True)
class EventSpec:
    """One entry of the catalogue: an event type, or one officer action of ``admin_action``."""

    name: str
    description: str
    keys: tuple[DataKey, ...]
    subject: bool = False
    """Whether the event may carry the HMAC subject of the visitor it concerns."""
    counter: str | None = None
    """Daily statistics counter bumped by the recorder; ``{key}`` is filled from ``data``."""

    def key(self, name: str) -> DataKey | None:
        return next((k for k in self.keys if k.name == name), None)


class AdminAction(StrEnum):
    """The officer actions (``data["action"]`` of an ``admin_action`` event)."""

    SETTINGS_CHANGED = "settings_changed"
    SETTINGS_UNDONE = "settings_undone"
    TEST_PRINT = "test_print"
    PRINTER_DIAGNOSTICS = "printer_diagnostics"
    READER_DIAGNOSTICS = "reader_diagnostics"
    SLIP_VERIFIED = "slip_verified"
    RESET = "reset"
    EXIT_TO_DESKTOP = "exit_to_desktop"
    OFFICER_TIMEOUT = "officer_timeout"
    LOGOUT = "logout"
    PIN_LOCKED = "pin_locked"


class Counter(StrEnum):
    """Names of the daily statistics counters kept in the local store."""

    VISITS = "visits"
    SLIPS = "slips"
    ENQUIRIES = "enquiries"
    RATING = "rating_{score}"
    FAULTS = "faults"
    OFFICER_LOGINS = "officer_logins"

    @staticmethod
    def rating(score: int) -> str:
        return Counter.RATING.value.format(score=score)


_RESULT = DataKey("result", str, "How the action ended.", choices=("ok", "failed"))
_SETTINGS_KEYS = DataKey(
    "keys", str, "Names of the settings keys, comma-separated, as `section.key` (never values).",
    pattern=_SETTING_LIST,
)
_SLIP_NO = DataKey(
    "slip_no", str, "Number of the slip, as issued by the central service.",
    pattern=r"^[A-Z0-9-]{4,40}$",
)
_REASON_CODE = DataKey("code", str, "Machine-readable reason code.", pattern=_CODE)

ADMIN_ACTIONS: dict[str, EventSpec] = {
    spec.name: spec
    for spec in (
        EventSpec(AdminAction.SETTINGS_CHANGED,
                  "Officer-editable settings were saved to the overrides file.",
                  (_SETTINGS_KEYS, DataKey("restart_needed", bool,
                                           "Whether a restart is needed to apply them."))),
        EventSpec(AdminAction.SETTINGS_UNDONE,
                  "The last settings change was undone from the backup file.",
                  (_SETTINGS_KEYS,)),
        EventSpec(AdminAction.TEST_PRINT, "A sample slip with no personal data was printed.",
                  (_RESULT, _REASON_CODE)),
        EventSpec(AdminAction.PRINTER_DIAGNOSTICS, "Printer diagnostics were run.",
                  (_RESULT, DataKey("state", str, "Printer state found.",
                                    choices=("ready", "paper_low", "paper_out", "offline",
                                             "unknown")))),
        EventSpec(AdminAction.READER_DIAGNOSTICS, "Card reader diagnostics were run.",
                  (_RESULT, DataKey("state", str, "Reader state found.",
                                    choices=("ready", "absent", "error", "disabled")))),
        EventSpec(AdminAction.SLIP_VERIFIED, "A printed slip was checked with the central service.",
                  (_SLIP_NO, DataKey("valid", bool, "Whether the slip is genuine."),
                   DataKey("method", str, "How it was entered.", choices=("scan", "typed")))),
        EventSpec(AdminAction.RESET,
                  "Reset: any session ended, spooled jobs and the reader state cleared, UI "
                  "restarted.", (DataKey("cleared_jobs", int, "Spooled jobs removed.",
                                         minimum=0),)),
        EventSpec(AdminAction.EXIT_TO_DESKTOP, "The kiosk program was closed to the desktop.", ()),
        EventSpec(AdminAction.OFFICER_TIMEOUT,
                  "Officer mode ended after being idle; the attract screen is back.",
                  (DataKey("idle_s", int, "Seconds idle.", minimum=0),)),
        EventSpec(AdminAction.LOGOUT, "The officer left officer mode.", ()),
        EventSpec(AdminAction.PIN_LOCKED,
                  "Too many wrong PINs: the pad is locked for a while.",
                  (DataKey("failures", int, "Consecutive wrong PINs.", minimum=1),
                   DataKey("lock_s", int, "Seconds the pad stays locked.", minimum=0))),
    )
}

EVENTS: dict[EventType, EventSpec] = {
    EventType.SESSION_STARTED: EventSpec(
        "session_started",
        "A family member identified and the central service opened a session.",
        (
            DataKey("method", str, "How the ID number was entered.", choices=("card", "manual")),
            DataKey("inmates", int, "How many inmates the visitor is linked to.", minimum=0,
                    maximum=50),
            DataKey("language", str, "Language the visit runs in.", choices=("zh_CN", "en")),
        ),
        subject=True,
        counter=Counter.VISITS,
    ),
    EventType.SESSION_ENDED: EventSpec(
        "session_ended",
        "A visit ended and its data was wiped from the screen.",
        (
            DataKey("reason", str, "Why it ended.",
                    choices=("finished", "idle", "expired", "officer_reset", "fault")),
            DataKey("duration_s", int, "Length of the visit in seconds.", minimum=0),
        ),
        subject=True,
    ),
    EventType.RECORDS_VIEWED: EventSpec(
        "records_viewed",
        "A record section was fetched and shown. Which inmate is known to the central service "
        "from the session; the terminal does not repeat it.",
        (DataKey("section", str, "The section shown.",
                 choices=tuple(s.value for s in EnquirySection), required=True),),
        subject=True,
    ),
    EventType.SLIP_PRINTED: EventSpec(
        "slip_printed",
        "A slip was registered with the central service and handed to the printer.",
        (
            _SLIP_NO,
            DataKey("sections", str, "Printed sections, comma-separated.", pattern=_SECTION_LIST),
            DataKey("layout", str, "Paper layout.", choices=("receipt80", "a4")),
            DataKey("copy", int, "Which copy of this visit (1 = first).", minimum=1, maximum=5),
        ),
        subject=True,
        counter=Counter.SLIPS,
    ),
    EventType.ENQUIRY_FILED: EventSpec(
        "enquiry_filed",
        "A family member filed an objection to disclosed records (an enquiry ticket).",
        (
            DataKey("ticket_no", str, "Ticket number issued by the central service.",
                    pattern=r"^[A-Z0-9-]{4,40}$"),
            DataKey("section", str, "The disputed section.",
                    choices=tuple(s.value for s in EnquirySection)),
            DataKey("reason", str, "The reason chosen.",
                    choices=tuple(r.value for r in EnquiryReason)),
        ),
        subject=True,
        counter=Counter.ENQUIRIES,
    ),
    EventType.RATING: EventSpec(
        "rating",
        "A family member rated the service at the end of a visit (1 = poor, 3 = good).",
        (DataKey("score", int, "The rating.", minimum=1, maximum=3, required=True),),
        counter=Counter.RATING,
    ),
    EventType.ADMIN_LOGIN: EventSpec(
        "admin_login",
        "A duty officer tried the PIN pad. Only a successful entry counts as an officer login.",
        (
            DataKey("outcome", str, "What happened.",
                    choices=("ok", "wrong_pin", "locked", "no_pin"), required=True),
            DataKey("failures", int, "Consecutive wrong PINs so far.", minimum=0),
        ),
        counter=None,  # see _counter_for: only outcome "ok" counts
    ),
    EventType.ADMIN_ACTION: EventSpec(
        "admin_action",
        "A duty officer did something in officer mode; `action` says what (see below).",
        (DataKey("action", str, "The officer action (each is described below).",
                 choices=tuple(ADMIN_ACTIONS), required=True),),
    ),
    EventType.FAULT: EventSpec(
        "fault",
        "A part of the terminal failed (the central service, the printer, the reader, ...).",
        (
            DataKey("component", str, "Which part failed.",
                    choices=("api", "printer", "reader", "store", "ui", "app"), required=True),
            _REASON_CODE,
            DataKey("status", int, "HTTP status, for faults of the central service.",
                    minimum=100, maximum=599),
        ),
        counter=Counter.FAULTS,
    ),
}

def spec_for(type_: EventType, data: dict[str, Scalar]) -> tuple[EventSpec, ...]:
    """The entries that govern an event: the type, plus the officer action if there is one."""
    spec = EVENTS[type_]
    if type_ is not EventType.ADMIN_ACTION:
        return (spec,)
    action = data.get("action")
    if not isinstance(action, str) or action not in ADMIN_ACTIONS:
        raise AuditDataError(
            "data['action']: expected one of " + ", ".join(sorted(ADMIN_ACTIONS))
        )
    return spec, ADMIN_ACTIONS[action]


def validate(type_: EventType, subject: str | None, data: dict[str, Scalar]) -> None:
    """Raise AuditDataError unless ``data`` is exactly what the catalogue allows."""
    specs = spec_for(type_, data)
    if subject is not None and not specs[0].subject:
        raise AuditDataError(f"{type_.value} events carry no subject")
    for name, value in data.items():
        key = next((k for s in specs if (k := s.key(name)) is not None), None)
        if key is None:
            allowed = sorted(k.name for s in specs for k in s.keys)
            raise AuditDataError(
                f"{type_.value}: data key {name!r} is not in the catalogue; allowed: "
                + (", ".join(allowed) or "none")
            )
        # Last line of defence (after the key and value checks a caller could loosen one day).
        if isinstance(value, str) and contains_id_number(value):
            raise AuditDataError(f"data[{name!r}] looks like an ID number: refused")
        key.check(value)
    for spec in specs:
        for key in spec.keys:
            if key.required and key.name not in data:
                raise AuditDataError(f"{type_.value}: data[{key.name!r}] is required")


def counter_for(event: AuditEvent) -> str | None:
    """The daily statistics counter this event bumps, if any."""
    if event.type is EventType.ADMIN_LOGIN:
        return Counter.OFFICER_LOGINS if event.data.get("outcome") == "ok" else None
    template = EVENTS[event.type].counter
    return None if template is None else template.format(**event.data)


def make_event(
    type_: EventType | str, at: datetime, *, subject: str | None = None, **data: Scalar
) -> AuditEvent:
    """Build a validated event with a fresh ``event_id`` (the server's idempotency key)."""
    kind = EventType(type_)
    if at.tzinfo is None:
        raise AuditDataError("event time must carry its offset")
    plain = {k: v.value if isinstance(v, Enum) else v for k, v in data.items()}
    validate(kind, subject, plain)
    return AuditEvent(event_id=str(uuid.uuid4()), type=kind, at=at, subject=subject, data=plain)


# ---- documentation ------------------------------------------------------------------------

DOC_PATH = "docs/audit-events.md"


def _key_rows(keys: tuple[DataKey, ...]) -> list[str]:
    if not keys:
        return ["No data keys.", ""]
    rows = ["| key | required | allowed values | meaning |", "| --- | --- | --- | --- |"]
    for key in keys:
        rows.append(
            f"| `{key.name}` | {'yes' if key.required else 'no'} | "
            f"{key.allowed().replace('|', '&#124;')} | "
            f"{key.description} |"
        )
    return [*rows, ""]


def render_docs() -> str:
    """The Markdown reference of every event type and officer action."""
    out = [
        "# Audit events",
        "",
        "<!-- Generated by `python -m kiosk.audit.catalogue --write-docs` from",
        "     kiosk/audit/catalogue.py. Do not edit by hand; a test fails when this is stale. -->",
        "",
        "Every event is written to the terminal's local store first (it survives power loss and",
        "`kill -9`), then sent in batches to `POST /terminals/{id}/events` with its `event_id`,",
        "retried with backoff while the central service cannot be reached, and removed only once",
        "the server has accepted it. The server ignores an `event_id` it already has, so no",
        "event is lost and none counts twice.",
        "",
        "**No event carries personal data**: no ID number, no name, no record content, no free",
        "text. Only the keys listed below are accepted, each with the values shown; strings",
        "shaped like an ID number are refused outright. Where an event has a subject, it is the",
        "HMAC-SHA256 of the visitor's ID number under the terminal secret (hex), never the",
        "number itself.",
        "",
    ]
    for type_, spec in EVENTS.items():
        out += [f"## `{type_.value}`", "", spec.description, ""]
        out += [f"Subject: {'HMAC of the visitor' if spec.subject else 'none'}.", ""]
        if spec.counter:
            out += [f"Daily statistics counter: `{spec.counter}`.", ""]
        elif type_ is EventType.ADMIN_LOGIN:
            out += [f"Daily statistics counter: `{Counter.OFFICER_LOGINS}` (outcome `ok`).", ""]
        out += _key_rows(spec.keys)
        if type_ is EventType.ADMIN_ACTION:
            for action in ADMIN_ACTIONS.values():
                out += [f"### action `{action.name}`", "", action.description, ""]
                out += _key_rows(action.keys)
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    from kiosk.resources import project_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write-docs", action="store_true", help=f"write {DOC_PATH}")
    args = parser.parse_args(argv)
    text = render_docs()
    if not args.write_docs:
        sys.stdout.write(text)
        return 0
    path: Path = project_file(DOC_PATH)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
