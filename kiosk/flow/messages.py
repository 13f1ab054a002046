"""What the family is told, as codes. The UI (``ui/messages.py``) owns the words.

A :class:`Notice` is a message code plus the few values a message may carry (attempts left, a
time). Nothing here is translated or formatted: the UI does that in the family's language and in
Beijing time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.flow.failures import Failure, FailureKind
from kiosk.visitor.idnumber import IdCheck
from kiosk.visitor.reference import ReferenceCheck


class Message(StrEnum):
    # The identify form, judged on the terminal before anything is sent.
    ID_INCOMPLETE = "id_incomplete"
    ID_BAD_CHARACTER = "id_bad_character"
    ID_BAD_BIRTH_DATE = "id_bad_birth_date"
    ID_BAD_CHECK = "id_bad_check"
    ID_TOO_LONG = "id_too_long"
    REFERENCE_EMPTY = "reference_empty"
    REFERENCE_TOO_SHORT = "reference_too_short"
    REFERENCE_TOO_LONG = "reference_too_long"
    REFERENCE_BAD_CHARACTER = "reference_bad_character"
    CARD_UNSUPPORTED = "card_unsupported"
    # Answers of the central service (the contract's error table).
    WRONG_REFERENCE = "wrong_reference"
    """Carries ``attempts_left`` when the service said how many remain."""
    LOCKED = "locked"
    """Carries ``until`` (when the lock ends) when it is known."""
    SESSION_ENDED = "session_ended"
    NO_PERMISSION = "no_permission"
    NOT_FOUND = "not_found"
    BUSY = "busy"
    CHECK_INPUT = "check_input"
    SERVICE_UNAVAILABLE = "service_unavailable"
    TIMED_OUT = "timed_out"
    # The terminal as a whole (out-of-service screen).
    MAINTENANCE = "maintenance"
    """Carries ``until`` when the service announced its return."""
    TERMINAL_UNAUTHORIZED = "terminal_unauthorized"
    INTERNAL_ERROR = "internal_error"
    # Printing.
    PRINTER_FAILED = "printer_failed"
    PRINT_LIMIT = "print_limit"


@dataclass(frozen=True)
class Notice:
    message: Message
    attempts_left: int | None = None
    until: datetime | None = None


_FOR_KIND: dict[FailureKind, Message] = {
    FailureKind.INVALID_REQUEST: Message.CHECK_INPUT,
    FailureKind.INVALID_CREDENTIALS: Message.WRONG_REFERENCE,
    FailureKind.LOCKED: Message.LOCKED,
    FailureKind.SESSION_EXPIRED: Message.SESSION_ENDED,
    FailureKind.TERMINAL_UNAUTHORIZED: Message.TERMINAL_UNAUTHORIZED,
    FailureKind.NOT_LINKED: Message.NO_PERMISSION,
    FailureKind.NOT_FOUND: Message.NOT_FOUND,
    FailureKind.RATE_LIMITED: Message.BUSY,
    FailureKind.MAINTENANCE: Message.MAINTENANCE,
    FailureKind.UNAVAILABLE: Message.SERVICE_UNAVAILABLE,
    FailureKind.TIMEOUT: Message.TIMED_OUT,
    FailureKind.PRINTER: Message.PRINTER_FAILED,
}


def notice_for(failure: Failure, now: datetime) -> Notice:
    """The notice a family sees for a failure that happened at ``now``."""
    until = None
    if failure.retry_after_s is not None and failure.kind in (
        FailureKind.LOCKED, FailureKind.MAINTENANCE, FailureKind.RATE_LIMITED
    ):
        until = now + timedelta(seconds=failure.retry_after_s)
    attempts = failure.attempts_left if failure.kind is FailureKind.INVALID_CREDENTIALS else None
    return Notice(_FOR_KIND[failure.kind], attempts_left=attempts, until=until)


_ID_MESSAGES: dict[IdCheck, Message | None] = {
    IdCheck.OK: None,
    IdCheck.EMPTY: Message.ID_INCOMPLETE,
    IdCheck.INCOMPLETE: Message.ID_INCOMPLETE,
    IdCheck.BAD_CHARACTER: Message.ID_BAD_CHARACTER,
    IdCheck.BAD_BIRTH_DATE: Message.ID_BAD_BIRTH_DATE,
    IdCheck.BAD_CHECK_CHARACTER: Message.ID_BAD_CHECK,
    IdCheck.TOO_LONG: Message.ID_TOO_LONG,
}

_REFERENCE_MESSAGES: dict[ReferenceCheck, Message | None] = {
    ReferenceCheck.OK: None,
    ReferenceCheck.EMPTY: Message.REFERENCE_EMPTY,
    ReferenceCheck.TOO_SHORT: Message.REFERENCE_TOO_SHORT,
    ReferenceCheck.TOO_LONG: Message.REFERENCE_TOO_LONG,
    ReferenceCheck.BAD_CHARACTER: Message.REFERENCE_BAD_CHARACTER,
}


RETRYABLE = frozenset({Message.SERVICE_UNAVAILABLE, Message.TIMED_OUT, Message.BUSY})
"""Messages after which trying the same request again can help (the UI offers "retry")."""


def retryable(message: Message) -> bool:
    return message in RETRYABLE


def id_message(check: IdCheck) -> Message | None:
    return _ID_MESSAGES.get(check, Message.ID_BAD_CHARACTER)


def reference_message(check: ReferenceCheck) -> Message | None:
    return _REFERENCE_MESSAGES.get(check, Message.REFERENCE_BAD_CHARACTER)
