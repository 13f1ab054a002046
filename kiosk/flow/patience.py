"""Patience: how long the kiosk waits for a touch before it asks "still there?", and how long
it then counts down. Elderly families read slowly and copy a reference number from paper, so
the wait grows where that happens. Pure functions of the state (no clock, no Qt).

| situation                                      | idle wait            | countdown       |
| ---------------------------------------------- | -------------------- | --------------- |
| any screen                                     | ``idle_timeout_s``   | ``countdown_s`` |
| identify, something typed                      | x 2                  |                 |
| large text chosen (the family asked for help)  | x 1.5                | x 1.5           |

Each touch restarts the wait (the UI's idle watcher), and any touch on the countdown counts
as "still here".
"""

from __future__ import annotations

import math

from kiosk.flow.state import Authenticating, Identify, KioskState

TYPING_FACTOR = 2.0
LARGE_TEXT_FACTOR = 1.5


def idle_timeout_s(state: KioskState, base_s: float) -> float:
    """Seconds without a touch before the countdown appears, for this state."""
    factor = LARGE_TEXT_FACTOR if state.large_text else 1.0
    visit = state.visit
    form = visit.form if isinstance(visit, Authenticating) else visit
    if isinstance(form, Identify) and (form.id_text or form.reference_text):
        factor *= TYPING_FACTOR
    return base_s * factor


def countdown_s(state: KioskState) -> int:
    """Length of the "still there?" countdown, whole seconds."""
    base = state.config.countdown_s
    return math.ceil(base * LARGE_TEXT_FACTOR) if state.large_text else base
