"""The enumerations of the central API (values are the wire strings), apart from the models.

Plain ``StrEnum``s with no pydantic: the flow's states and the first screen use them, and must
not pay for importing pydantic before the kiosk's first frame. ``kiosk.api.models`` re-exports
every one of them, so either import works.
"""

from __future__ import annotations

from enum import StrEnum


class AuthMethod(StrEnum):
    CARD = "card"
    MANUAL = "manual"


class AnnouncementCategory(StrEnum):
    NOTICE = "notice"
    DISCLOSURE = "disclosure"
    NEWS = "news"


class Section(StrEnum):
    """The four record sections a family can look at and print."""

    REFORM = "reform"
    ASSESSMENT = "assessment"
    REWARDS = "rewards"
    LIVING = "living"


class EnquirySection(StrEnum):
    REFORM = "reform"
    ASSESSMENT = "assessment"
    REWARDS = "rewards"
    LIVING = "living"
    PROFILE = "profile"


class EnquiryReason(StrEnum):
    INCORRECT = "incorrect"
    MISSING = "missing"
    UNCLEAR = "unclear"
    OTHER = "other"


class EnquiryStatus(StrEnum):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    ANSWERED = "answered"


class RewardKind(StrEnum):
    PRAISE = "表扬"
    MATERIAL_REWARD = "物质奖励"
    MERIT = "记功"
    WARNING = "警告"
    DEMERIT = "记过"
    CONFINEMENT = "禁闭"

    @property
    def is_punishment(self) -> bool:
        return self in (RewardKind.WARNING, RewardKind.DEMERIT, RewardKind.CONFINEMENT)


class SentenceChangeKind(StrEnum):
    REDUCTION = "减刑"
    PAROLE = "假释"
    MEDICAL_PAROLE = "暂予监外执行"


class SentenceChangeStage(StrEnum):
    """In the order a case moves through them."""

    REPORTED = "呈报"
    PUBLICISED = "公示"
    SUBMITTED = "提请"
    RULED = "裁定"


class CycleOutcome(StrEnum):
    PRAISE = "表扬"
    MATERIAL_REWARD = "物质奖励"
    NO_REWARD = "不予奖励"


class TransactionType(StrEnum):
    DEPOSIT = "存款"
    SPENDING = "消费"
    REMITTANCE = "汇款"
    DEDUCTION = "扣款"


class ContactType(StrEnum):
    IN_PERSON = "现场会见"
    VIDEO = "远程视频会见"
    PHONE = "亲情电话"


class TerminalState(StrEnum):
    READY = "ready"
    IN_SESSION = "in_session"
    OUT_OF_SERVICE = "out_of_service"


class PrinterState(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


class ReaderState(StrEnum):
    READY = "ready"
    ABSENT = "absent"
    ERROR = "error"
    DISABLED = "disabled"


class EventType(StrEnum):
    SESSION_STARTED = "session_started"
    SESSION_ENDED = "session_ended"
    RECORDS_VIEWED = "records_viewed"
    SLIP_PRINTED = "slip_printed"
    ENQUIRY_FILED = "enquiry_filed"
    RATING = "rating"
    ADMIN_LOGIN = "admin_login"
    ADMIN_ACTION = "admin_action"
    FAULT = "fault"


class ErrorCode(StrEnum):
    INVALID_REQUEST = "invalid_request"
    INVALID_CREDENTIALS = "invalid_credentials"
    SESSION_EXPIRED = "session_expired"
    TERMINAL_UNAUTHORIZED = "terminal_unauthorized"
    NOT_LINKED = "not_linked"
    NOT_FOUND = "not_found"
    LOCKED = "locked"
    RATE_LIMITED = "rate_limited"
    MAINTENANCE = "maintenance"
    SERVER_ERROR = "server_error"
