"""What each soak visit does: who signs in, how far they go, which fault meets them.

A plan is drawn from a seeded ``random.Random``, so ``--seed`` replays the same thousand visits
(the timing of threads and the server's random faults still vary from run to run).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kiosk.reference_server.data import DemoCredential

KINDS: dict[str, int] = {
    "slip": 40,             # sign in, look at every tab, print a slip, finish
    "browse": 20,           # sign in, look at a tab or two, end with the exit button
    "wrong_reference": 10,  # one wrong reference number first, then the right one
    "several_inmates": 8,   # a visitor with two or three inmates looks at each
    "locked": 2,            # an ID number the service has locked
    "walk_away": 20,        # leaves the terminal at some step: the idle countdown must end it
}
"""Kinds of visit and their weights."""

WALK_AWAY_AT = ("identify_empty", "identify_typed", "signing_in", "choose_inmate", "records",
                "print", "print_failed", "done", "farewell")
"""Where a family walks away. ``signing_in``: while a slow sign-in is still answering."""

NETWORK_FAULTS: dict[str, int] = {
    "timeout": 3,           # no answer within the read timeout
    "slow": 3,              # an answer after 0.3-1.2 s
    "error_500": 2,
    "error_502": 1,
    "rate_limited_429": 2,  # 429 with Retry-After: 1
    "unavailable_503": 2,   # 503 with Retry-After: 1
    "malformed": 2,         # 200 with a body that is not JSON
    "truncated": 2,         # the answer cut short, connection closed
    "drop": 2,              # connection closed without an answer
    "session_expired": 2,   # every session expires on the server before the next call
}
OTHER_FAULTS: dict[str, int] = {
    "printer_paper_out": 2,
    "printer_offline": 1,
    "printer_job_failed": 2,
    "printer_job_stuck": 1,
    "reader_unplugged": 2,
}
FAULT_SHARE = 0.5
"""Share of visits that meet a scripted fault (the server's random faults come on top)."""
CARD_SHARE = 0.3
"""Share of sign-ins by ID card on the reader (when one is simulated)."""


@dataclass(frozen=True)
class VisitPlan:
    number: int
    visitor: DemoCredential
    kind: str
    walk_away_at: str | None
    fault: str | None
    fault_path: str
    """Where a network fault strikes: ``/sessions`` (sign-in), ``/inmates`` (records),
    ``/slips`` (printing)."""
    by_card: bool


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def plan_visits(rng: random.Random, credentials: list[DemoCredential], count: int, *,
                reader: bool) -> list[VisitPlan]:
    """``count`` visits. The ordinary visitors take turns, so no one signs in twice in a row."""
    by_note: dict[str, list[DemoCredential]] = {}
    for credential in credentials:
        by_note.setdefault(credential.note, []).append(credential)
    several = by_note["two inmates"] + by_note["three inmates"]
    locked = by_note["locked"]
    ordinary = [c for c in credentials
                if c.note != "locked" and len(c.inmate_ids) == 1]
    plans = []
    for number in range(1, count + 1):
        kind = _weighted(rng, KINDS)
        visitor = {"several_inmates": several, "locked": locked}.get(kind, ordinary)
        fault = None
        if kind != "locked" and rng.random() < FAULT_SHARE:
            fault = _weighted(rng, NETWORK_FAULTS | OTHER_FAULTS)
        walk_away = rng.choice(WALK_AWAY_AT) if kind == "walk_away" else None
        if walk_away == "signing_in":
            fault = "slow_sign_in"
        elif walk_away == "print_failed":
            fault = "printer_job_failed"
        plans.append(VisitPlan(
            number=number,
            visitor=rng.choice(visitor),
            kind=kind,
            walk_away_at=walk_away,
            fault=fault,
            fault_path=rng.choice(("/sessions", "/inmates", "/inmates", "/slips")),
            by_card=reader and rng.random() < CARD_SHARE,
        ))
    return plans
