"""What a slip prints, and the canonical JSON whose SHA-256 is registered with ``POST /slips``.

A slip shows the most recent entries of each chosen section (:data:`LIMITS`; transactions of
the last :data:`TRANSACTION_DAYS` days only). :func:`printed`
trims the records to exactly those entries, newest first; the renderer prints from that, and
:func:`canonical_json` serialises that, so the registered hash covers what is on paper.

Canonical JSON, version 1 (decided here, documented for the central service and auditors):

- UTF-8, keys sorted, no whitespace (``separators=(",", ":")``), non-ASCII characters as is;
- top level: ``v`` (1), ``prison_name``, ``terminal_id``, ``visitor_masked_id``, ``profile``
  (without ``crime``, which the slip does not print), ``sections`` (an object keyed by section
  name holding the trimmed records; ``living`` without ``contacts``, which are not printed);
- decimals (money, points) as strings in their shortest exact form (``"356.2"``, ``"100"``,
  ``"-45.5"``), so ``"356.20"`` and ``"356.2"`` hash alike; dates ``YYYY-MM-DD``;
  times ISO 8601 in Beijing time (``2026-11-27T10:15:00+08:00``), whatever offset they came with;
- **not** included: the issue time and the language (presentation, not content) and the slip
  number and verify code (they come back from ``POST /slips``, which needs the hash first).
  The same records therefore give the same hash on every print.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, TypeAlias

from pydantic import BaseModel

from kiosk.api.models import (
    SECTION_MODELS,
    Assessment,
    Living,
    Profile,
    Reform,
    Rewards,
    Section,
)
from kiosk.slip.labels import Language
from kiosk.timefmt import beijing

SectionRecords: TypeAlias = Reform | Assessment | Rewards | Living

CANONICAL_VERSION = 1

LIMITS: dict[str, int] = {
    "reform.monthly": 6,
    "reform.courses": 4,
    "reform.certificates": 4,
    "assessment.months": 6,
    "assessment.cycles": 3,
    "rewards.items": 8,
    "rewards.sentence_changes": 6,
    "living.transactions": 40,
    "living.health": 3,
}
"""How many of the most recent entries of each list a slip prints."""

TRANSACTION_DAYS = 92
"""Transactions older than this many days before the living section's ``as_of`` are not
printed: a slip shows the last three months of money, not a year of it."""

_FULL_ID = re.compile(r"\d{17}[\dXx]")


@dataclass(frozen=True)
class SlipContent:
    """Everything a slip prints (no Qt). ``visitor_masked_id`` is masked by the caller."""

    prison_name: str
    terminal_id: str
    issued_at: datetime
    visitor_masked_id: str
    profile: Profile
    sections: dict[Section, SectionRecords] = field(default_factory=dict)
    language: Language = "zh_CN"

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None:
            raise ValueError("issued_at must carry its offset")
        # A slip must never carry a full ID number, whatever the caller passed.
        if _FULL_ID.search(self.visitor_masked_id) or "*" not in self.visitor_masked_id:
            raise ValueError("visitor_masked_id must be a masked ID number")
        if not self.sections:
            raise ValueError("a slip prints at least one section")
        for section, records in self.sections.items():
            if not isinstance(records, SECTION_MODELS[Section(section)]):
                raise TypeError(f"section {section} holds {type(records).__name__}")

    def ordered_sections(self) -> list[tuple[Section, SectionRecords]]:
        """Sections in the fixed order of :class:`Section`, whatever order they were chosen in."""
        return [(s, self.sections[s]) for s in Section if s in self.sections]


def _newest(items: list[Any], key: str, limit_key: str) -> list[Any]:
    ordered = sorted(items, key=lambda item: getattr(item, key), reverse=True)
    return ordered[: LIMITS[limit_key]]


def printed_records(records: SectionRecords) -> SectionRecords:
    """The records trimmed to the entries a slip prints, newest first."""
    if isinstance(records, Reform):
        return records.model_copy(update={
            "monthly": _newest(records.monthly, "month", "reform.monthly"),
            "courses": records.courses[: LIMITS["reform.courses"]],
            "certificates": _newest(records.certificates, "issued_on", "reform.certificates"),
        })
    if isinstance(records, Assessment):
        return records.model_copy(update={
            "months": _newest(records.months, "month", "assessment.months"),
            "cycles": _newest(records.cycles, "closed", "assessment.cycles"),
        })
    if isinstance(records, Rewards):
        return records.model_copy(update={
            "items": _newest(records.items, "date", "rewards.items"),
            "sentence_changes": _newest(
                records.sentence_changes, "date", "rewards.sentence_changes"
            ),
        })
    since = records.as_of.date() - timedelta(days=TRANSACTION_DAYS)
    recent = [t for t in records.transactions if t.date >= since]
    return records.model_copy(update={
        "transactions": _newest(recent, "date", "living.transactions"),
        "health": _newest(records.health, "date", "living.health"),
        "contacts": [],
    })


def printed(content: SlipContent) -> SlipContent:
    """``content`` with every section trimmed to what the slip prints."""
    return replace(
        content, sections={s: printed_records(r) for s, r in content.ordered_sections()}
    )


def omitted_counts(content: SlipContent) -> dict[str, int]:
    """How many older entries of each list are left off the slip (only lists that lose some)."""
    out: dict[str, int] = {}
    for section, records in content.ordered_sections():
        shown = printed_records(records)
        for limit_key in LIMITS:
            sec, attr = limit_key.split(".")
            if sec == section.value:
                hidden = len(getattr(records, attr)) - len(getattr(shown, attr))
                if hidden > 0:
                    out[limit_key] = hidden
    return out


def canonical_json(content: SlipContent) -> bytes:
    """The canonical JSON of what the slip prints (see the module docstring)."""
    shown = printed(content)
    doc = {
        "v": CANONICAL_VERSION,
        "prison_name": shown.prison_name,
        "terminal_id": shown.terminal_id,
        "visitor_masked_id": shown.visitor_masked_id,
        "profile": _plain(shown.profile, exclude={"crime"}),
        "sections": {
            section.value: _plain(records, exclude={"contacts"})
            for section, records in shown.ordered_sections()
        },
    }
    return json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def content_sha256(content: SlipContent) -> str:
    """Hex SHA-256 of :func:`canonical_json`, as sent in ``SlipRequest.content_sha256``."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _plain(value: Any, exclude: frozenset[str] | set[str] = frozenset()) -> Any:
    """A model's field values as JSON values, by the canonical rules.

    Walks the fields itself: ``model_dump`` would apply the wire serialisers (points as floats).
    """
    if isinstance(value, BaseModel):
        return {
            name: _plain(getattr(value, name))
            for name in type(value).model_fields
            if name not in exclude
        }
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, datetime):
        return beijing(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    raise TypeError(f"no canonical form for {type(value).__name__}")
