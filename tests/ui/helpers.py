"""Building the kiosk for tests: real parts pointed at the reference server and a temp folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.exceptions import TimeoutError as QtWaitTimeout

from kiosk.api.client import CentralClient
from kiosk.printing import FilePrinter, PrinterBackend
from kiosk.secrets import load_or_create_secret
from kiosk.services import Services, utc_now
from kiosk.settings import Settings
from kiosk.settings.loader import build
from kiosk.store import Store


def kiosk_settings(base_url: str, folder: Path, **changes: Any) -> Settings:
    """Settings for a test kiosk; ``changes`` as ``section__key=value`` (bounds not enforced,
    so a test may use a 1-second idle timeout)."""
    values: dict[tuple[str, str], Any] = {
        ("central", "base_url"): base_url,
        ("central", "token"): "demo-token",
        ("central", "connect_timeout_s"): 2.0,
        ("central", "read_timeout_s"): 6.0,
        ("central", "get_retries"): 0,
        ("paths", "data_dir"): str(folder / "data"),
        ("paths", "log_dir"): str(folder / "logs"),
        ("printer", "backend"): "file",
        ("printer", "output_dir"): str(folder / "slips"),
        ("printer", "job_timeout_s"): 10,
    }
    for name, value in changes.items():
        section, key = name.split("__")
        values[(section, key)] = value
    return build(values)


def make_services(settings: Settings, *, printer: PrinterBackend | None = None,
                  reader: Any = None, clock: Any = utc_now) -> Services:
    data_dir = Path(settings.paths.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return Services(
        settings=settings,
        data_dir=data_dir,
        log_dir=Path(settings.paths.log_dir),
        client=CentralClient.from_settings(settings),
        store=Store.open(data_dir / "kiosk.sqlite3"),
        printer=printer or FilePrinter(Path(settings.printer.output_dir),
                                       job_timeout_s=settings.printer.job_timeout_s),
        reader=reader,
        terminal_secret=load_or_create_secret(data_dir),
        clock=clock,
    )


class KioskDriver:
    """Drives a kiosk window the way a family does: by tapping named controls."""

    def __init__(self, qtbot: Any, window: Any, services: Services) -> None:
        self.qtbot = qtbot
        self.window = window
        self.services = services
        self._key_tapped: dict[str, float] = {}
        """When each keypad key was last tapped (``type_keys``)."""

    # ---- finding and tapping ----------------------------------------------------------------

    def visible(self, name: str, kind: type | None = None) -> Any:
        from PySide6.QtWidgets import QWidget

        found = [w for w in self.window.findChildren(kind or QWidget, name) if w.isVisible()]
        assert len(found) == 1, f"expected one visible {name!r}, found {len(found)}"
        return found[0]

    def exists(self, name: str) -> bool:
        from PySide6.QtWidgets import QWidget

        return bool(self.window.findChildren(QWidget, name))

    def is_visible(self, name: str) -> bool:
        from PySide6.QtWidgets import QWidget

        return any(w.isVisible() for w in self.window.findChildren(QWidget, name))

    def button(self, name: str) -> Any:
        from PySide6.QtWidgets import QAbstractButton

        return self.visible(name, QAbstractButton)

    def tap(self, name: str) -> None:
        from PySide6.QtCore import Qt

        button = self.button(name)
        assert button.isEnabled(), f"{name} is disabled"
        self.scroll_to(button)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def scroll_to(self, widget: Any) -> None:
        """Scroll every area around ``widget`` so it is on screen (a finger would, before
        tapping it; a tap where it is hidden lands on something else)."""
        from PySide6.QtWidgets import QScrollArea

        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.widget() is not None and (
                    parent.widget().isAncestorOf(widget)):
                parent.ensureWidgetVisible(widget, 0, 0)
            parent = parent.parentWidget()

    def tap_widget(self, widget: Any) -> None:
        from PySide6.QtCore import Qt

        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type_keys(self, pad: str, text: str) -> None:
        """Tap keypad keys; a key tapped again waits out its (short) debounce, as a finger
        always does, also when the last tap was in an earlier call (the end of one number
        and the start of the next on the same keypad)."""
        import time

        for char in text:
            token = {"-": "dash"}.get(char, char)
            key = f"{pad}Key_{token}"
            since = time.monotonic() - self._key_tapped.get(key, -1.0)
            if since < 0.12:
                self.qtbot.wait(int((0.12 - since) * 1000) + 10)
            self.tap(key)
            self._key_tapped[key] = time.monotonic()

    def sign_in(self, id_number: str, reference: str) -> None:
        """From the attract screen: start, type both numbers, tap query."""
        self.tap("startButton")
        self.wait_screen("identify")
        self.type_keys("id", id_number)
        self.type_keys("reference", reference)
        self.tap("submitButton")

    # ---- waiting and reading ----------------------------------------------------------------

    def screen_id(self) -> str:
        return str(self.window.current_screen_id().value)

    def wait_screen(self, screen: str, timeout: int = 15_000) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.screen_id() == screen, timeout=timeout)
        except QtWaitTimeout:
            raise AssertionError(f"still on {self.screen_id()!r}, not {screen!r}") from None

    def text(self, name: str) -> str:
        return str(self.visible(name).text())

    def wait_text(self, name: str, fragment: str, timeout: int = 15_000) -> None:
        def shown() -> bool:
            try:
                return fragment in self.text(name)
            except AssertionError:
                return False

        try:
            self.qtbot.waitUntil(shown, timeout=timeout)
        except QtWaitTimeout:
            try:
                now = repr(self.text(name))
            except AssertionError:
                now = "not visible"
            raise AssertionError(f"{name} never showed {fragment!r}; it shows {now} on "
                                 f"{self.screen_id()!r}") from None

    def all_texts(self) -> list[str]:
        """Every text held anywhere in the window tree: labels, buttons, painted tables and
        charts, models."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QWidget

        texts: list[str] = []
        for widget in self.window.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            texts.append(widget.accessibleName())
            texts.append(widget.toolTip())
            drawn = getattr(widget, "drawn_texts", None)
            if callable(drawn):  # painted widgets: tables, charts, the timeline
                texts += drawn()
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(model.rowCount()):
                    for col in range(model.columnCount()):
                        value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
                        texts.append(str(value))
        return [t for t in texts if t]


def walk_screens(kiosk: KioskDriver, one_inmate: Any, two_inmates: Any, *,
                 language: str | None = None, large_text: bool = False) -> Any:
    """Tap through every screen of a visit, yielding the name of each stop (for checks that
    must hold on every screen) once its layout has settled. ``language`` (``"en"``) and
    ``large_text`` are chosen on the attract screen with their buttons, as a family does."""
    for stop in _walk(kiosk, one_inmate, two_inmates, language, large_text):
        kiosk.qtbot.wait(120)
        yield stop


def _notice_shown(kiosk: KioskDriver) -> bool:
    try:
        return kiosk.text("identifyNotice") != ""
    except AssertionError:
        return False


def _walk(kiosk: KioskDriver, one_inmate: Any, two_inmates: Any, language: str | None,
          large_text: bool) -> Any:
    kiosk.wait_screen("attract")
    kiosk.qtbot.waitUntil(lambda: kiosk.exists("announcement0Title"), timeout=15_000)
    if language == "en":
        kiosk.tap("languageButton")
    if large_text:
        kiosk.tap("largeTextButton")
    kiosk.qtbot.wait(50)
    yield "attract"
    kiosk.tap("announcement1")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("announcementReader"), timeout=5000)
    yield "attract-announcement"
    kiosk.tap("announcementReaderClose")
    kiosk.tap("startButton")
    yield "identify-id"
    kiosk.type_keys("id", one_inmate.id_number)
    yield "identify-reference"
    kiosk.type_keys("reference", "NM00-0000")
    kiosk.tap("submitButton")
    kiosk.qtbot.waitUntil(lambda: _notice_shown(kiosk), timeout=15_000)
    yield "identify-wrong-reference"
    kiosk.tap("backButton")
    kiosk.sign_in(two_inmates.id_number, two_inmates.reference_number)
    kiosk.wait_screen("choose_inmate")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("inmateButton1"), timeout=5000)
    yield "choose_inmate"
    kiosk.tap("inmateButton0")
    kiosk.wait_screen("records")
    for section in ("reform", "assessment", "rewards", "living"):
        kiosk.tap(f"tab_{section}")
        kiosk.qtbot.waitUntil(lambda s=section: kiosk.is_visible(f"{s}View"), timeout=15_000)
        kiosk.qtbot.wait(50)
        yield f"records-{section}"
    kiosk.qtbot.wait(650)  # the tab's own debounce: it was tapped a moment ago
    kiosk.tap("tab_assessment")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("pointsHelpButton"), timeout=5000)
    kiosk.tap("pointsHelpButton")
    yield "records-points-help"
    kiosk.tap("pointsHelpClose")
    kiosk.tap("assessmentEnquiry")
    kiosk.wait_screen("enquiry")
    yield "enquiry"
    kiosk.tap("enquiryReason_unclear")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("enquiryTicketNo"), timeout=15_000)
    kiosk.qtbot.waitUntil(lambda: not kiosk.is_visible("enquiryPrintAgain")
                          and "…" not in kiosk.text("enquiryPrintStatus"), timeout=15_000)
    yield "enquiry-filed"
    kiosk.tap("enquiryBack")
    kiosk.wait_screen("records")
    kiosk.tap("printButton")
    yield "print"
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    yield "done"
    from kiosk.flow import events as ev

    kiosk.window.send(ev.IdleTimeout())
    yield "countdown"
    kiosk.tap("countdownContinue")
    kiosk.tap("doneFinish")
    kiosk.wait_screen("farewell")
    yield "farewell"
    kiosk.tap("rateGood")
    yield "farewell-thanks"
    kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract")
