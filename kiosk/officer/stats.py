"""Today's and this month's figures from the local store's daily counters (Beijing days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.audit.catalogue import Counter
from kiosk.store import Store
from kiosk.timefmt import beijing

RATING_SCORES = (1, 2, 3)


@dataclass(frozen=True)
class Figures:
    visits: int = 0
    slips: int = 0
    enquiries: int = 0
    ratings: tuple[int, int, int] = (0, 0, 0)
    """How many ratings of 1 (poor), 2 and 3 (good)."""
    faults: int = 0

    @property
    def rating_count(self) -> int:
        return sum(self.ratings)

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> Figures:
        ratings = tuple(counts.get(Counter.rating(score), 0) for score in RATING_SCORES)
        return cls(
            visits=counts.get(Counter.VISITS, 0),
            slips=counts.get(Counter.SLIPS, 0),
            enquiries=counts.get(Counter.ENQUIRIES, 0),
            ratings=(ratings[0], ratings[1], ratings[2]),
            faults=counts.get(Counter.FAULTS, 0),
        )


@dataclass(frozen=True)
class Statistics:
    day: date
    today: Figures
    month: Figures


def statistics(store: Store, now: datetime) -> Statistics:
    day = beijing(now).date()
    today = Figures.from_counts(store.counts(day, day))
    month = Figures.from_counts(store.counts(day.replace(day=1), day))
    return Statistics(day, today, month)
