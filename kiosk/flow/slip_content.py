"""What goes on a records slip, from the flow's state: one place for the printed slip and the
on-screen preview, so the preview shows exactly what will print.

``kiosk.slip`` (reportlab) is imported lazily: it is loaded in a worker at start-up, never on
the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from kiosk.api.models import Profile, Section
from kiosk.flow.state import SECTION_ORDER, KioskState, PrintPreview, Records
from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.slip import SlipContent


def printable_sections(records: Records,
                       chosen: frozenset[Section]) -> tuple[tuple[Section, Any], ...]:
    """The chosen sections that have loaded, in the slip's order."""
    available = records.loaded_sections()
    return tuple((s, available[s]) for s in SECTION_ORDER if s in chosen and s in available)


def slip_content(settings: Settings, issued_at: datetime, masked_id: str, profile: Profile,
                 sections: tuple[tuple[Section, Any], ...], language: str) -> SlipContent:
    from kiosk.slip import SlipContent

    return SlipContent(
        prison_name=settings.terminal.prison_name,
        terminal_id=settings.terminal.id,
        issued_at=issued_at,
        visitor_masked_id=masked_id,
        profile=profile,
        sections=dict(sections),
        language=slip_language(language),
    )


def preview_content(state: KioskState, settings: Settings,
                    now: datetime) -> SlipContent | None:
    """The slip the family would print now, or None when there is nothing to preview."""
    visit = state.visit
    if not isinstance(visit, PrintPreview):
        return None
    profile = visit.records.loaded_profile
    sections = printable_sections(visit.records, visit.chosen)
    if profile is None or not sections:
        return None
    return slip_content(settings, now, visit.records.session.masked_id, profile, sections,
                        state.language)


def slip_language(language: str) -> Literal["zh_CN", "en"]:
    return "en" if language == "en" else "zh_CN"
