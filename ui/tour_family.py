"""The tour's family services: records a family can understand (a reduction at its 公示 stage,
ten years of points, an empty living section), the points explained, an enquiry filed, rating
and the phone hand-off, then the same visit in English and in large text.

Called by :func:`ui.tour._tour` with its :class:`~ui.tour.Tour` (taps, waits, shots).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.api.models import Section, SentenceChangeStage

if TYPE_CHECKING:
    from kiosk.reference_server import DemoCredential
    from ui.tour import Tour

SECTIONS = (Section.REFORM, Section.ASSESSMENT, Section.REWARDS, Section.LIVING)
PUBLICITY_CASE = f"reduction at {SentenceChangeStage.PUBLICISED.value} stage"
"""The demo family whose latest reduction is at its publicity stage (公示)."""


def _open(tour: Tour, credential: DemoCredential, section: Section | None = None) -> None:
    tour.sign_in(credential)
    if len(credential.inmate_ids) > 1:
        tour.wait_screen("choose_inmate")
        tour.tap("inmateButton0")
    tour.wait_screen("records")
    tour.wait_until(lambda: tour.text("profileName") != "", "the profile")
    if section is not None:
        _tab(tour, section)


def _tab(tour: Tour, section: Section) -> None:
    tour.wait(650)  # a tab tapped a moment ago is still in its debounce
    tour.tap(f"tab_{section.value}")
    tour.wait_until(tour.shown(f"{section.value}View"), f"the {section.value} records")


def _goodbye(tour: Tour, shots: str | None = None) -> None:
    """Finish the visit; shoot the goodbye screen (``shots`` suffix) or skip it."""
    tour.tap("exitButton")
    tour.wait_screen("farewell")
    if shots is not None:
        tour.shot(f"farewell{shots}")
    tour.tap("farewellSkip")
    tour.wait_screen("attract")


def family_tour(tour: Tour, find: Callable[[str], DemoCredential]) -> None:
    """``find(note)`` is the demo family with that note."""
    # Announcements: one opened in full.
    tour.tap("announcement1")
    tour.wait_until(tour.shown("announcementReader"), "the announcement reader")
    tour.shot("attract-announcement")
    tour.tap("announcementReaderClose")

    # A reduction at its publicity stage; points explained; an enquiry filed and its receipt.
    _open(tour, find(PUBLICITY_CASE), Section.REWARDS)
    tour.shot("records-rewards-publicity-stage")
    _tab(tour, Section.ASSESSMENT)
    tour.shot("records-assessment-pace")
    tour.tap("pointsHelpButton")
    tour.wait_until(tour.shown("pointsHelp"), "the points explanation")
    tour.shot("records-points-explained")
    tour.tap("pointsHelpClose")
    tour.tap("assessmentEnquiry")
    tour.wait_screen("enquiry")
    tour.shot("enquiry-reasons")
    tour.tap("enquiryReason_incorrect")
    tour.wait_until(tour.shown("enquiryTicketNo"), "the ticket number")
    tour.wait_until(lambda: "…" not in tour.text("enquiryPrintStatus"), "the receipt")
    tour.shot("enquiry-filed")
    tour.tap("enquiryBack")
    tour.wait_screen("records")
    tour.tap("exitButton")
    tour.wait_screen("farewell")
    tour.shot("farewell-rating")
    tour.tap("rateGood")
    tour.wait_until(tour.shown("ratingThanks"), "the thanks")
    tour.shot("farewell-thanks")
    tour.tap("farewellSkip")
    tour.wait_screen("attract")

    # Ten years of points; a living section with nothing in it yet.
    _open(tour, find("ten years of assessments"), Section.ASSESSMENT)
    tour.shot("records-assessment-ten-years")
    _goodbye(tour)
    _open(tour, find("empty living section"), Section.LIVING)
    tour.shot("records-living-empty")
    _goodbye(tour)

    # The same kind of visit in English: every section, the slip, goodbye.
    tour.tap("languageButton")
    tour.wait_until(lambda: tour.window.controller.state.language == "en", "English")
    tour.shot("attract-en")
    _open(tour, find(PUBLICITY_CASE))
    for section in SECTIONS:
        _tab(tour, section)
        tour.shot(f"records-{section.value}-en")
    tour.tap("printButton")
    tour.wait_screen("print")
    tour.tap("printConfirm")
    tour.wait_screen("done")
    tour.shot("done-en")
    tour.tap("doneFinish")
    tour.wait_screen("farewell")
    tour.shot("farewell-en")
    tour.tap("farewellSkip")
    tour.wait_screen("attract")

    # Large text and high contrast, chosen on the attract screen.
    tour.tap("largeTextButton")
    tour.shot("attract-large-text")
    tour.tap("startButton")
    tour.wait_screen("identify")
    tour.shot("identify-large-text")
    tour.home()
    tour.tap("largeTextButton")
    _open(tour, find(PUBLICITY_CASE), Section.ASSESSMENT)
    tour.shot("records-assessment-large-text")
    _tab(tour, Section.REWARDS)
    tour.shot("records-rewards-large-text")
    _tab(tour, Section.LIVING)
    tour.shot("records-living-large-text")
    _goodbye(tour, "-large-text")
