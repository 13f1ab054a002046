"""Resident identity numbers (GB 11643-1999): normalising, validating, masking.

An identity number has 18 characters: a 6-digit area code, the birth date ``YYYYMMDD``, a
3-digit sequence and a check character computed from the first 17 digits (ISO 7064 MOD 11-2).
The same layout and check rule cover

- PRC resident identity cards (area codes 11..65);
- residence permits for Hong Kong, Macau and Taiwan residents (area 810000, 820000, 830000);
- the 2023 foreigner permanent residence card, which starts with ``9`` followed by the issuing
  province (2 digits) and the nationality code (3 digits) — its positions 7..14 are still the
  birth date.

So one rule validates all of them. The area code is not checked against a table: tables drift,
the check character already catches any single mistyped character, and the central service is
the authority on who exists. The kiosk validates only so a family gets told about a typo before
a failed attempt counts towards the lockout.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum

ID_LENGTH = 18
_DIGITS = frozenset("0123456789")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)
_BIRTH = slice(6, 14)
_EARLIEST_BIRTH_YEAR = 1900

ID_SHAPE = re.compile(r"(?<![0-9])[0-9]{6}[ -]?[0-9]{8}[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])")
"""Text shaped like an ID number (also with a space or hyphen after the area code and the
birth date, as people type them). Deliberately looser than :func:`validate_id_number` — it
ignores the check character, because a mistyped number is personal data as well. Search
NFKC-folded text (:func:`contains_id_number`), or full-width digits slip through."""


class IdCheck(StrEnum):
    """The outcome of a check; the UI maps each to a message in the family's language."""

    OK = "ok"
    EMPTY = "empty"
    INCOMPLETE = "incomplete"
    """Fewer than 18 characters (only a problem for a complete number)."""
    BAD_CHARACTER = "bad_character"
    """Anything but a digit, or X anywhere but the 18th place."""
    BAD_BIRTH_DATE = "bad_birth_date"
    """Positions 7..14 are not a real date from 1900 on (or lie after ``today``)."""
    BAD_CHECK_CHARACTER = "bad_check_character"
    TOO_LONG = "too_long"


def normalize_id_number(text: str) -> str:
    """What the family meant: full-width characters folded (NFKC), whitespace removed, ``x``
    upper-cased. Does not validate; feed the result to :func:`validate_id_number`."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).replace("x", "X")


def contains_id_number(text: str) -> bool:
    """Whether ``text`` holds something shaped like an ID number, in ASCII or in the full-width
    digits a Chinese input method types: the one test of the log filter, the local store and
    the reference server's refusal of audit data."""
    return ID_SHAPE.search(unicodedata.normalize("NFKC", text)) is not None


def check_character(first17: str) -> str:
    """The GB 11643 check character for 17 ASCII digits."""
    if len(first17) != ID_LENGTH - 1 or not set(first17) <= _DIGITS:
        raise ValueError("expected 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _character_problem(text: str) -> bool:
    """True if some character may not stand where it stands (X only as the 18th)."""
    for index, ch in enumerate(text[:ID_LENGTH]):
        if ch in _DIGITS or (ch == "X" and index == ID_LENGTH - 1):
            continue
        return True
    return False


def _birth_date_ok(digits: str, today: date | None) -> bool:
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return born.year >= _EARLIEST_BIRTH_YEAR and (today is None or born <= today)


def check_partial_id(text: str, *, today: date | None = None) -> IdCheck:
    """As-you-type check for the keypad: is this a possible beginning of a valid number?

    Returns INCOMPLETE for a good prefix, the first problem found otherwise, and the full
    verdict (OK or BAD_CHECK_CHARACTER) once all 18 characters are there. The birth date is
    judged as soon as its 8 digits are complete, so a slip of the finger shows at once.
    """
    value = normalize_id_number(text)
    if not value:
        return IdCheck.EMPTY
    if len(value) > ID_LENGTH:
        return IdCheck.TOO_LONG
    if _character_problem(value):
        return IdCheck.BAD_CHARACTER
    if len(value) >= _BIRTH.stop and not _birth_date_ok(value[_BIRTH], today):
        return IdCheck.BAD_BIRTH_DATE
    if len(value) < ID_LENGTH:
        return IdCheck.INCOMPLETE
    if check_character(value[:-1]) != value[-1]:
        return IdCheck.BAD_CHECK_CHARACTER
    return IdCheck.OK


def validate_id_number(text: str, *, today: date | None = None) -> IdCheck:
    """Verdict on a complete number (after :func:`normalize_id_number`).

    ``today``, when given, also rejects a birth date in the future; it is a parameter so this
    stays a pure function (the flow passes the terminal's Beijing date).
    """
    return check_partial_id(text, today=today)


def mask_id_number(id_number: str) -> str:
    """For display and slips: the area code and the last four, ``150102********123X``.

    Anything that is not 18 characters long is masked completely: a half-typed number must not
    show more than a whole one.
    """
    value = normalize_id_number(id_number)
    if len(value) != ID_LENGTH:
        return "*" * len(value)
    return value[:6] + "*" * 8 + value[-4:]


__all__ = [
    "ID_LENGTH",
    "ID_SHAPE",
    "IdCheck",
    "check_character",
    "check_partial_id",
    "contains_id_number",
    "mask_id_number",
    "normalize_id_number",
    "validate_id_number",
]
