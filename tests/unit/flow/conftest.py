"""Shared helpers for the flow tests: a clock, synthetic people and answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.api.models import LinkedInmate, SessionCreated, Visitor
from kiosk.flow.state import FlowConfig, KioskState
from kiosk.visitor.idnumber import check_character

T0 = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # 10:00 Beijing time


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def valid_id(first17: str = "15010219800101123") -> str:
    return first17 + check_character(first17)


def inmate(n: int) -> LinkedInmate:
    return LinkedInmate(inmate_id=f"NM15000{n}", name=f"李某{n}", relationship="母子",
                        prison_name="呼和浩特第一监狱", ward="三监区")


def created(inmates: int = 1, token: str = "token-0001") -> SessionCreated:
    return SessionCreated(session_token=token, expires_at=at(900),
                          visitor=Visitor(display_name="王*芳"),
                          inmates=[inmate(i) for i in range(1, inmates + 1)])


def fresh(**config: object) -> KioskState:
    return KioskState(config=FlowConfig(**config))  # type: ignore[arg-type]
