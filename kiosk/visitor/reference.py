"""The reference number (查询码) a prison gives a family: normalising and checking.

Allowed after normalising: 8 to 16 characters of ``A-Z``, ``0-9`` and ``-`` (the contract's
``REFERENCE_PATTERN``). Normalising folds full-width characters typed with a Chinese input
method (NFKC: ``ＮＭ２４－７Ｋ`` becomes ``NM24-7K``), trims surrounding whitespace and
upper-cases. Characters are judged *before* upper-casing, so letters that only upper-case into
ASCII (the dotless ``ı`` becomes ``I``) are refused rather than silently changed.
"""

from __future__ import annotations

import string
import unicodedata
from enum import StrEnum

MIN_LENGTH = 8
MAX_LENGTH = 16
_ALLOWED = frozenset(string.ascii_letters + string.digits + "-")


class ReferenceCheck(StrEnum):
    OK = "ok"
    EMPTY = "empty"
    BAD_CHARACTER = "bad_character"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"


class InvalidReference(ValueError):
    """Raised by :func:`normalize_reference`; ``check`` says why (for the UI's message)."""

    def __init__(self, check: ReferenceCheck) -> None:
        self.check = check
        super().__init__(f"invalid reference number: {check.value}")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def check_reference(text: str) -> ReferenceCheck:
    value = _fold(text)
    if not value:
        return ReferenceCheck.EMPTY
    if not set(value) <= _ALLOWED:
        return ReferenceCheck.BAD_CHARACTER
    if len(value) < MIN_LENGTH:
        return ReferenceCheck.TOO_SHORT
    if len(value) > MAX_LENGTH:
        return ReferenceCheck.TOO_LONG
    return ReferenceCheck.OK


def normalize_reference(text: str) -> str:
    """The reference number as the central API expects it, or :class:`InvalidReference`."""
    check = check_reference(text)
    if check is not ReferenceCheck.OK:
        raise InvalidReference(check)
    return _fold(text).upper()


__all__ = [
    "MAX_LENGTH",
    "MIN_LENGTH",
    "InvalidReference",
    "ReferenceCheck",
    "check_reference",
    "normalize_reference",
]
