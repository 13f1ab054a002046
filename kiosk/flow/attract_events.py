"""The taps the first frame can send: the attract screen's, and those of the controls the
window keeps on every screen (language, large text, the "still there?" countdown).

Apart from the other events so that the window paints its first frame without generating the
flow's hundred dataclasses; :mod:`kiosk.flow.events` re-exports them as part of ``Event``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Start:
    """The big start button on the attract screen."""


@dataclass(frozen=True)
class ReadAnnouncement:
    """Open one announcement of the attract screen in full."""

    announcement_id: str


@dataclass(frozen=True)
class CloseAnnouncement:
    pass


@dataclass(frozen=True)
class SetLanguage:
    """The language button (on every screen): ``zh_CN`` or ``en``."""

    language: str


@dataclass(frozen=True)
class ToggleLargeText:
    """Large text and high contrast on or off (attract and identify screens)."""


@dataclass(frozen=True)
class StillHere:
    """The continue button of the countdown."""


@dataclass(frozen=True)
class Exit:
    """The family is done: end the session and wipe."""
