"""The screen tour: drive the real kiosk through every screen and save a PNG of each.

``kiosk --demo --tour OUTDIR`` calls :func:`run_tour` with the demo services, the reference
server and its synthetic families. The tour taps named controls the way a family does (with
``QTest`` mouse clicks), makes the server fail where a screen needs a fault (wrong reference,
locked ID, expired session, unreachable service, no permission, health check failing), saves
``NN-<screen>.png`` at 1920x1080 and keeps a copy of every slip PDF it prints. The PNGs are
generated from synthetic data only and go to ``docs/screenshots/``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.api.models import PrinterState, Section
from kiosk.flow import events as ev
from kiosk.flow.state import FlowConfig
from kiosk.printing import FaultyPrinter, JobState, PaperOut, PrinterBackend, PrintJob
from kiosk.services import Services
from ui.app import build_main_window, ensure_application
from ui.main_window import MainWindow
from ui.officer.tour import officer_tour
from ui.tour_family import family_tour

if TYPE_CHECKING:
    from kiosk.reference_server import DemoCredential, RunningServer

SIZE = (1920, 1080)
WAIT_MS = 20_000


class TourFailed(Exception):
    """A screen the tour expected did not come."""


class CopyingPrinter:
    """Prints through the real backend and keeps a copy of each PDF for the tour's output."""

    def __init__(self, inner: PrinterBackend, out_dir: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.out_dir = out_dir
        self.saved: list[Path] = []

    def status(self) -> PrinterState:
        return self.inner.status()

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        path = self.out_dir / f"{job_name}.pdf"
        path.write_bytes(pdf)
        self.saved.append(path)
        return self.inner.print_pdf(pdf, job_name=job_name, copies=copies)

    def job_status(self, job: PrintJob) -> JobState:
        return self.inner.job_status(job)


class Tour:
    def __init__(self, window: MainWindow, out_dir: Path) -> None:
        self.window = window
        self.out_dir = out_dir
        self.count = 0

    # ---- waiting without blocking the GUI thread --------------------------------------------

    def wait(self, ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, condition: Callable[[], bool], what: str, ms: int = WAIT_MS) -> None:
        deadline = time.monotonic() + ms / 1000
        while not self._holds(condition):
            if time.monotonic() > deadline:
                raise TourFailed(f"gave up waiting for {what}")
            self.wait(30)

    @staticmethod
    def _holds(condition: Callable[[], bool]) -> bool:
        try:
            return bool(condition())
        except LookupError:
            return False

    # ---- finding and tapping ----------------------------------------------------------------

    def find(self, name: str) -> QWidget:
        found = [w for w in self.window.findChildren(QWidget, name) if w.isVisible()]
        if len(found) != 1:
            raise LookupError(f"{len(found)} visible controls named {name}")
        return found[0]

    def shown(self, name: str) -> Callable[[], bool]:
        """A condition: the control ``name`` is on screen."""
        return lambda: self.find(name).isVisible()

    def text(self, name: str) -> str:
        widget = self.find(name)
        return str(widget.text()) if hasattr(widget, "text") else ""

    def tap(self, name: str) -> None:
        self.wait_until(lambda: self.find(name).isEnabled(), f"the {name} control")
        widget = self.find(name)
        self._scroll_to(widget)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.wait(60)

    @staticmethod
    def _scroll_to(widget: QWidget) -> None:
        """Scroll the areas around ``widget`` so a tap lands on it (a finger scrolls first)."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                inner = parent.widget()
                if inner is not None and inner.isAncestorOf(widget):
                    parent.ensureWidgetVisible(widget, 0, 0)
            parent = parent.parentWidget()

    def type_keys(self, pad: str, text: str) -> None:
        for char in text:
            self.tap(f"{pad}Key_{'dash' if char == '-' else char}")
            self.wait(90)  # a finger never taps the same key twice within its debounce

    def screen(self) -> str:
        return self.window.current_screen_id().value

    def wait_screen(self, screen: str) -> None:
        self.wait_until(lambda: self.screen() == screen, f"the {screen} screen")

    def shot(self, name: str) -> Path:
        self.wait(250)  # let the layout settle and the spinner stop
        self.count += 1
        path = self.out_dir / f"{self.count:02d}-{name}.png"
        if not self.window.grab().save(str(path)):
            raise TourFailed(f"could not write {path}")
        print(f"tour: {path.name}", flush=True)
        return path

    # ---- pieces of a visit ------------------------------------------------------------------

    def sign_in(self, credential: DemoCredential, reference: str | None = None) -> None:
        self.tap("startButton")
        self.wait_screen("identify")
        self.type_keys("id", credential.id_number)
        self.type_keys("reference", reference or credential.reference_number)
        self.tap("submitButton")

    def home(self) -> None:
        """Back to the attract screen from wherever the tour is."""
        if self.screen() == "attract":
            return
        self.window.send(ev.Exit())  # what the exit button sends
        if self.screen() == "farewell":
            self.window.send(ev.SkipRating())  # the goodbye screen's skip button
        self.wait_screen("attract")


def _pick(credentials: list[DemoCredential], note: str, index: int = 0) -> DemoCredential:
    matching = [c for c in credentials if c.note == note]
    if len(matching) <= index:
        raise TourFailed(f"the demo data has no visitor noted {note!r}")
    return matching[index]


def _tour(tour: Tour, credentials: list[DemoCredential], server: RunningServer,
          printer: CopyingPrinter, faulty: FaultyPrinter, services: Services) -> None:
    faults = server.faults
    one = _pick(credentials, "one inmate")
    two = _pick(credentials, "two inmates")

    tour.wait_until(lambda: bool(tour.window.controller.state.announcements), "announcements")
    tour.shot("attract")

    # Identify: empty, an invalid number caught while typing, a complete form.
    tour.tap("startButton")
    tour.wait_screen("identify")
    tour.shot("identify")
    wrong_check = one.id_number[:-1] + ("1" if one.id_number[-1] != "1" else "2")
    tour.type_keys("id", wrong_check[:-1])
    if wrong_check[-1] == "X":
        tour.wait_until(lambda: tour.find("idKey_X").isEnabled(), "the X key")
    tour.type_keys("id", wrong_check[-1])
    tour.shot("identify-invalid-id")
    tour.tap("idKey_clear")
    tour.type_keys("id", two.id_number)
    tour.type_keys("reference", two.reference_number)
    tour.shot("identify-valid")
    tour.tap("submitButton")

    # Choose inmate, then each records tab.
    tour.wait_screen("choose_inmate")
    tour.wait_until(tour.shown("inmateButton1"), "the inmate list")
    tour.shot("choose-inmate")
    tour.tap("inmateButton0")
    tour.wait_screen("records")
    for section in (Section.REFORM, Section.ASSESSMENT, Section.REWARDS, Section.LIVING):
        tour.tap(f"tab_{section.value}")
        tour.wait_until(tour.shown(f"{section.value}View"), f"the {section.value} records")
        tour.shot(f"records-{section.value}")

    # Print, done, and the idle countdown on top of the done screen.
    tour.tap("printButton")
    tour.wait_screen("print")
    tour.shot("print")
    tour.tap("printConfirm")
    tour.wait_screen("done")
    tour.shot("done")
    faulty.faults.refuse_next = PaperOut("the tour takes the paper out")
    tour.tap("doneAgain")
    tour.wait_until(lambda: tour.text("printNotice") != "", "the printer-failed notice")
    tour.shot("error-printer-failed")
    tour.tap("printRetry")
    tour.wait_screen("done")
    tour.window.send(ev.IdleTimeout())  # what the idle watcher sends after idle_timeout_s
    tour.wait_until(lambda: tour.window.countdown.isVisible(), "the countdown")
    tour.shot("idle-countdown")
    tour.tap("countdownExit")
    tour.wait_screen("farewell")
    tour.tap("farewellSkip")
    tour.wait_screen("attract")

    # Errors a family can meet.
    tour.sign_in(one, reference="NM00-0000-00")
    tour.wait_until(lambda: tour.text("identifyNotice") != "", "the wrong-reference notice")
    tour.shot("error-wrong-reference")
    server.reset_lockouts()
    tour.home()

    tour.sign_in(_pick(credentials, "locked"))
    tour.wait_until(lambda: tour.text("identifyNotice") != "", "the locked notice")
    tour.shot("error-locked")
    tour.home()

    tour.sign_in(one)
    tour.wait_screen("records")
    tour.wait_until(lambda: tour.text("profileName") != "", "the profile")
    server.expire_sessions()
    tour.tap("printButton")
    tour.tap("printConfirm")
    tour.wait_until(lambda: tour.screen() == "identify" and tour.text("identifyNotice") != "",
                    "the session-ended notice")
    tour.shot("error-session-ended")
    tour.home()

    faults.inject("/inmates/", method="GET", kind="drop", times=None)
    try:
        tour.sign_in(one)
        tour.wait_screen("records")
        tour.wait_until(lambda: tour.text("reformError") != "", "the unavailable notice")
        tour.shot("error-service-unavailable")
    finally:
        faults.clear()
    tour.home()

    faults.inject("/inmates/", method="GET", status=403, code="not_linked", times=None)
    try:
        tour.sign_in(one)
        tour.wait_screen("records")
        tour.wait_until(lambda: tour.text("profileError") != "", "the no-permission notice")
        tour.shot("error-no-permission")
    finally:
        faults.clear()
    tour.home()

    # Out of service while the health check fails, and back by itself.
    faults.inject("/health", status=500, times=None)
    try:
        tour.window.send(ev.HealthDue())
        tour.wait_screen("out_of_service")
        tour.shot("out-of-service")
    finally:
        faults.clear()
    tour.wait_screen("attract")

    family_tour(tour, lambda note: _pick(credentials, note))
    officer_tour(tour, services, one)  # the officer pages, after every family screen
    if not printer.saved:
        raise TourFailed("no slip was printed")


def run_tour(services: Services, out_dir: Path, credentials: list[DemoCredential],
             server: RunningServer) -> int:
    """Drive the kiosk through every screen; returns 0 when every screen was reached."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ensure_application()
    printer = CopyingPrinter(services.printer, out_dir)
    faulty = FaultyPrinter(printer)  # to show what a family sees when the paper runs out
    services.printer = faulty
    window = build_main_window(services, config=FlowConfig.from_settings(services.settings),
                               health_interval_s=2.0, outage_health_interval_s=1.0)
    window.allow_close = True
    window.resize(*SIZE)
    window.show()
    tour = Tour(window, out_dir)
    try:
        _tour(tour, credentials, server, printer, faulty, services)
    except (TourFailed, LookupError) as exc:
        print(f"tour: failed after {tour.count} screens: {exc}", file=sys.stderr)
        tour.shot("failed-here")
        return 1
    finally:
        window.kiosk.shutdown()
        window.close()
    print(f"tour: {tour.count} screens and {len(printer.saved)} slip(s) in {out_dir}")
    return 0
