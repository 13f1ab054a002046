"""The sentence as a line from its start to the expected release, with each reduction or parole
case on it at the stage it has reached (呈报 → 公示 → 提请 → 裁定)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.api.models import Sentence, SentenceChange, SentenceChangeStage

STAGES: tuple[SentenceChangeStage, ...] = tuple(SentenceChangeStage)
"""In the order a case moves through them."""


@dataclass(frozen=True)
class Step:
    change: SentenceChange
    stage_index: int
    """0 (呈报) to 3 (裁定)."""

    @property
    def pending(self) -> bool:
        return self.stage_index < len(STAGES) - 1


@dataclass(frozen=True)
class Timeline:
    start: date
    original_end: date
    current_end: date
    today: date
    steps: tuple[Step, ...]
    """Oldest first."""

    @property
    def days_remaining(self) -> int:
        return max((self.current_end - self.today).days, 0)

    @property
    def days_reduced(self) -> int:
        return max((self.original_end - self.current_end).days, 0)

    @property
    def released(self) -> bool:
        return self.today >= self.current_end

    def position(self, day: date) -> float:
        """Where ``day`` lies between the start (0.0) and the expected release (1.0)."""
        length = (self.current_end - self.start).days
        if length <= 0:
            return 1.0
        return min(max((day - self.start).days / length, 0.0), 1.0)

    @property
    def pending(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.pending)


def timeline(sentence: Sentence, changes: list[SentenceChange], today: date) -> Timeline:
    steps = tuple(Step(c, STAGES.index(c.stage)) for c in sorted(changes, key=lambda c: c.date))
    return Timeline(sentence.start, sentence.end, sentence.current_end, today, steps)
