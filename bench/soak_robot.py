"""A family at the terminal: carries out one :class:`~bench.soak_plan.VisitPlan` by tapping.

The robot only taps named controls (docs/testing.md), reads what the screen shows and, like a
person, reacts to whatever comes up: a notice, a retry button, the "still there?" countdown, a
failed print, the out-of-service screen. Faults are armed on the server (over the soak server's
pipe), the printer harness and the reader simulator just before the step they are meant for.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench.soak_plan import VisitPlan
from bench.soak_server import SoakServer
from kiosk.api.models import PrinterState
from kiosk.printing import FaultyPrinter
from kiosk.printing.base import JobFailed, JobState
from kiosk.printing.fault import Faults
from kiosk.reader.simulator import ReaderSimulator, resident_card
from tests.ui.helpers import KioskDriver
from ui.widgets.buttons import KEY_DEBOUNCE_MS

SECTIONS = ("reform", "assessment", "rewards", "living")
VISIT_LIMIT_S = 120.0
"""A visit still going after this long is ended by walking away (and counted)."""
RETURN_SLACK_S = 1.0
"""Allowed on top of idle timeout + countdown: the flow's 250 ms tick and event delivery."""
STEP_MS = 10
"""The robot looks at the screen again this soon after acting on it. A tap changes the screen
at once (the flow renders synchronously); replies and timers arrive while it waits, so a
longer pause only adds idle time to every step of every visit."""
KEY_GAP_S = (KEY_DEBOUNCE_MS + 10) / 1000
"""The same keypad key is tapped again only after its debounce (as a finger does): no longer,
as ``KioskDriver.type_keys``' fixed 120 ms did (a third of each visit went on typing)."""


@dataclass(frozen=True)
class Timing:
    idle_s: float
    countdown_s: float
    read_timeout_s: float

    @property
    def return_limit_s(self) -> float:
        """Idle wait + countdown of a plain screen, plus the slack."""
        return self.idle_s + self.countdown_s + RETURN_SLACK_S


@dataclass
class VisitResult:
    number: int
    kind: str
    fault: str | None
    walk_away_at: str | None = None
    outcome: str = "unknown"
    """slip, exit, walked_away, ended_by_kiosk, out_of_service, locked, over_time"""
    back_s: float = 0.0
    """From the family's last tap to the attract screen."""
    limit_s: float = 0.0
    """The longest ``back_s`` allowed: idle wait + countdown for the state left behind (or
    the slack alone after a tap that ends the visit), plus ``RETURN_SLACK_S``."""
    stuck: bool = False
    seconds: float = 0.0
    notices: set[str] = field(default_factory=set)
    """What the family was told: ``screen:message`` (``identify:wrong_reference``,
    ``records:timed_out``, ``print:printer_failed``, ``out_of_service:maintenance`` ...)."""
    out_of_service_s: float = 0.0
    """Time spent waiting for the kiosk to come back into service before the visit."""


class VisitRobot:
    def __init__(self, kiosk: KioskDriver, server: SoakServer, printer: FaultyPrinter,
                 sim: ReaderSimulator | None, timing: Timing, rng: random.Random) -> None:
        self.kiosk = kiosk
        self.server = server
        self.printer = printer
        self.sim = sim
        self.timing = timing
        self.rng = rng
        self.last_tap = time.monotonic()

    # ---- the visit --------------------------------------------------------------------------

    def run(self, plan: VisitPlan) -> VisitResult:
        result = VisitResult(plan.number, plan.kind, plan.fault, plan.walk_away_at)
        started = time.monotonic()
        result.out_of_service_s = self.wait_in_service()
        self.arm(plan)
        try:
            if not self.begin(plan):
                result.outcome = "out_of_service"
            else:
                self.walk(plan, result)
        finally:
            self.disarm(plan)
        result.seconds = time.monotonic() - started
        return result

    def wait_in_service(self, limit_s: float = 120.0) -> float:
        """Wait for the attract screen, tapping "check now" on the out-of-service screen."""
        started = time.monotonic()
        while self.screen() != "attract":
            if time.monotonic() - started > limit_s:
                raise RuntimeError(f"kiosk not back in service within {limit_s:.0f} s "
                                   f"(screen {self.screen()})")
            if self.screen() == "out_of_service" and self.kiosk.is_visible("outOfServiceRetry"):
                self.tap_if("outOfServiceRetry")
            self.kiosk.qtbot.wait(250)
        return time.monotonic() - started

    def begin(self, plan: VisitPlan) -> bool:
        """From attract to the identify screen: a card on the reader, or the start button."""
        if plan.by_card and self.sim is not None and self.sim.plugged:
            self.sim.place(resident_card(plan.visitor.id_number, "王某"))
            try:
                self.kiosk.qtbot.waitUntil(self.id_complete, timeout=5000)
            except AssertionError:
                pass  # the reader missed it (or a fault): the family types instead
            finally:
                self.sim.remove()
                self.last_tap = time.monotonic()  # the family's last act: taking the card
        if self.screen() == "attract" and not self.tap_if("startButton"):
            return False
        try:
            self.kiosk.wait_screen("identify", timeout=5000)
        except AssertionError:
            return False
        return True

    def walk(self, plan: VisitPlan, result: VisitResult) -> None:
        """Act on each screen until the kiosk is back on attract (or out of service)."""
        state: dict[str, Any] = {"submits": 0, "retries": Counter(), "tabs": set(),
                                 "inmates": set(), "prints": 0, "expired": False}
        deadline = time.monotonic() + VISIT_LIMIT_S
        while True:
            screen = self.screen()
            self.note_notices(result)
            if screen in ("attract", "out_of_service"):
                if result.outcome == "unknown":
                    result.outcome = "ended_by_kiosk" if screen == "attract" else "out_of_service"
                result.back_s = time.monotonic() - self.last_tap
                return
            if plan.walk_away_at is not None and self.at_stage(plan.walk_away_at, screen):
                self.walk_away(result)
                return
            if time.monotonic() > deadline:
                self.walk_away(result)
                result.outcome = "over_time"
                return
            if self.kiosk.is_visible("countdownOverlay"):
                self.tap_if("countdownContinue")
            elif screen == "farewell":
                self.farewell(result)
                return
            else:
                ending = self.step(plan, screen, state)
                if ending is not None:
                    result.outcome = ending
            self.kiosk.qtbot.wait(STEP_MS)

    def step(self, plan: VisitPlan, screen: str, state: dict[str, Any]) -> str | None:
        """One action on the current screen; returns how the visit ended if this ended it."""
        if screen == "identify":
            return self.identify(plan, state)
        if screen == "choose_inmate":
            return self.choose(plan, state)
        if screen == "records":
            return self.records(plan, state)
        if screen == "print":
            return self.print_screen(state)
        if screen == "done":
            return "slip" if self.tap_if("doneFinish") else None
        # A screen this robot does not know (a newer kiosk): leave the way every screen offers.
        return "exit" if self.tap_if("exitButton") or self.tap_if("backButton") else None

    def farewell(self, result: VisitResult) -> None:
        """The goodbye screen: rate the visit (or not), then back to the start."""
        if self.rng.random() < 0.6:
            self.tap_if(self.rng.choice(("rateGood", "rateFair", "ratePoor")))
            self.kiosk.qtbot.wait(self.rng.choice((50, 700)))
        if self.rng.random() < 0.8:
            self.tap_if("farewellSkip")
            self.wait_attract(result, self.timing.return_limit_s)
        else:
            self.walk_away(result, keep_outcome=True)

    # ---- screens ----------------------------------------------------------------------------

    def identify(self, plan: VisitPlan, state: dict[str, Any]) -> str | None:
        if self.busy_signing_in():
            return None
        locked = "锁定" in self.text_if("identifyNotice")
        if state["submits"] >= 4 or (state["submits"] and (locked or plan.kind == "locked")):
            return ("locked" if locked else "exit") if self.tap_if("backButton") else None
        if not self.id_complete():
            self.type_field("id", plan.visitor.id_number)
        elif self.entry_value("referenceEntry") == "":
            wrong = plan.kind == "wrong_reference" and state["submits"] == 0
            self.type_field("reference", "NM00-0000-00" if wrong else
                            plan.visitor.reference_number)
        else:
            if plan.walk_away_at == "identify_typed":
                return None
            self.tap_if("submitButton")
            state["submits"] += 1
        return None

    def choose(self, plan: VisitPlan, state: dict[str, Any]) -> str | None:
        for index in range(len(plan.visitor.inmate_ids)):
            if index not in state["inmates"] and self.tap_if(f"inmateButton{index}"):
                state["inmates"].add(index)
                return None
        return "exit" if self.tap_if("exitButton") else None

    def records(self, plan: VisitPlan, state: dict[str, Any]) -> str | None:
        panels = ("profile", *SECTIONS)
        if any(self.kiosk.is_visible(f"{p}Loading") for p in panels):
            return None
        for panel in panels:
            retry = f"{panel}Retry"
            if self.kiosk.is_visible(retry) and state["retries"][panel] < 2:
                state["retries"][panel] += 1
                self.tap_if(retry)
                return None
        wanted = SECTIONS if plan.kind in ("slip", "several_inmates") else SECTIONS[:2]
        for section in wanted:
            if section not in state["tabs"]:
                state["tabs"].add(section)
                self.tap_if(f"tab_{section}")
                return None
        if plan.kind == "several_inmates" and len(state["inmates"]) < len(plan.visitor.inmate_ids):
            state["tabs"] = set()
            self.tap_if("backButton")
            return None
        wants_slip = plan.kind in ("slip", "walk_away") and state["prints"] == 0
        if wants_slip and self.enabled("printButton"):
            if plan.fault == "session_expired" and not state["expired"]:
                state["expired"] = True
                self.server.expire_sessions()
            state["prints"] += 1
            self.tap_if("printButton")
            return None
        if plan.fault == "session_expired" and not state["expired"]:
            state["expired"] = True
            self.server.expire_sessions()  # ending the visit now meets a 401
        return "exit" if self.tap_if("exitButton") else None

    def print_screen(self, state: dict[str, Any]) -> str | None:
        if self.kiosk.is_visible("printRetry"):
            self.printer.faults = Faults()  # an officer changed the paper
            if self.enabled("printRetry") and state["prints"] < 3:
                state["prints"] += 1
                self.tap_if("printRetry")
                return None
            self.tap_if("printBack")
            return None
        if self.enabled("printConfirm"):
            self.tap_if("printConfirm")
        return None

    # ---- walking away and coming back -------------------------------------------------------

    def at_stage(self, stage: str, screen: str) -> bool:
        if stage == "identify_empty":
            return screen == "identify"
        if stage == "identify_typed":
            return screen == "identify" and self.id_complete()
        if stage == "signing_in":
            return screen == "identify" and self.busy_signing_in()
        if stage == "print_failed":
            return screen == "print" and self.kiosk.is_visible("printRetry")
        if stage == "records":
            return screen == "records" and not any(
                self.kiosk.is_visible(f"{p}Loading") for p in ("profile", *SECTIONS))
        return screen == stage

    def walk_away(self, result: VisitResult, *, keep_outcome: bool = False) -> None:
        """No more taps: the idle wait and the countdown must bring the attract screen back."""
        from kiosk.flow.patience import countdown_s, idle_timeout_s

        if not keep_outcome or result.outcome == "unknown":
            result.outcome = "walked_away"
        state = self.kiosk.window.controller.state
        limit = (idle_timeout_s(state, self.timing.idle_s) + countdown_s(state)
                 + RETURN_SLACK_S)
        self.wait_attract(result, limit)

    def wait_attract(self, result: VisitResult, limit_s: float) -> None:
        """How long from the last tap until the attract screen (or out of service) is back?"""
        while self.screen() not in ("attract", "out_of_service"):
            if time.monotonic() - self.last_tap > limit_s + 10:
                break
            self.kiosk.qtbot.wait(20)
        result.back_s = time.monotonic() - self.last_tap
        result.limit_s = limit_s
        result.stuck = result.back_s > limit_s
        if result.stuck and self.screen() not in ("attract", "out_of_service"):
            # Recover for the next visit (the stuck one is counted).
            for name in ("countdownExit", "exitButton", "farewellSkip", "backButton"):
                if self.tap_if(name):
                    break

    # ---- faults -------------------------------------------------------------------------------

    def arm(self, plan: VisitPlan) -> None:
        fault, path = plan.fault, plan.fault_path
        inject = self.server.inject
        if fault is None or fault == "session_expired":
            return
        if fault == "timeout":
            inject(path, kind="delay", delay_s=self.timing.read_timeout_s + 1.0)
        elif fault == "slow":
            inject(path, kind="delay", delay_s=self.rng.uniform(0.3, 1.2))
        elif fault == "slow_sign_in":
            inject("/sessions", kind="delay", delay_s=self.timing.idle_s + 1.0)
        elif fault.startswith("error_"):
            inject(path, status=int(fault[-3:]))
        elif fault == "rate_limited_429":
            inject(path, status=429, retry_after=1)
        elif fault == "unavailable_503":
            inject(path, status=503, retry_after=1)
        elif fault in ("malformed", "truncated", "drop"):
            inject(path, kind=fault)
        elif fault == "printer_paper_out":
            self.printer.faults = Faults(state=PrinterState.PAPER_OUT)
        elif fault == "printer_offline":
            self.printer.faults = Faults(state=PrinterState.OFFLINE)
        elif fault == "printer_job_failed":
            self.printer.faults = Faults(refuse_next=JobFailed("jammed"))
        elif fault == "printer_job_stuck":
            self.printer.faults = Faults(job_outcome=JobState.STUCK)
        elif fault == "reader_unplugged" and self.sim is not None:
            self.sim.unplug()

    def disarm(self, plan: VisitPlan) -> None:
        self.server.clear()
        self.printer.faults = Faults()
        if self.sim is not None and not self.sim.plugged:
            self.sim.replug()
        if plan.kind in ("wrong_reference", "locked"):
            self.server.reset_lockouts()

    # ---- reading and tapping ----------------------------------------------------------------

    def screen(self) -> str:
        return self.kiosk.screen_id()

    def id_complete(self) -> bool:
        return len(self.entry_value("idEntry")) == 18

    def entry_value(self, entry: str) -> str:
        """What was typed in an entry box: not its placeholder, caret or grouping spaces."""
        try:
            label = self.kiosk.visible(f"{entry}Text")
        except AssertionError:
            return ""
        if label.property("placeholder"):
            return ""
        return str(label.text()).rstrip("\u258f").replace(" ", "")

    def text_if(self, name: str) -> str:
        try:
            return self.kiosk.text(name)
        except AssertionError:
            return ""

    def enabled(self, name: str) -> bool:
        try:
            return bool(self.kiosk.button(name).isEnabled())
        except AssertionError:
            return False

    def tap_if(self, name: str) -> bool:
        """Tap the visible, enabled control ``name``; False if there is none."""
        if not self.enabled(name):
            return False
        self.kiosk.tap(name)
        self.last_tap = time.monotonic()
        return True

    def type_field(self, pad: str, text: str) -> None:
        entry = "idEntry" if pad == "id" else "referenceEntry"
        if not self.kiosk.is_visible(f"{pad}Keypad"):
            self.kiosk.tap_widget(self.kiosk.visible(entry))
        self.tap_if(f"{pad}Key_clear")
        tapped: dict[str, float] = {}
        for char in text:
            wait_s = tapped.get(char, -KEY_GAP_S) + KEY_GAP_S - time.monotonic()
            if wait_s > 0:
                self.kiosk.qtbot.wait(int(wait_s * 1000) + 1)
            self.kiosk.tap(f"{pad}Key_{'dash' if char == '-' else char}")
            tapped[char] = time.monotonic()
        self.last_tap = time.monotonic()

    def busy_signing_in(self) -> bool:
        return self.kiosk.is_visible("submitButton") and not self.enabled("submitButton")

    def note_notices(self, result: VisitResult) -> None:
        """What the family is being told, as ``screen:message`` (the flow's message codes)."""
        from kiosk.flow.state import LoadFailed, records_of

        state = self.kiosk.window.controller.state
        if state.outage is not None:
            result.notices.add(f"out_of_service:{state.outage.reason.value}")
            return
        visit = state.visit
        notice = getattr(visit, "notice", None) or getattr(getattr(visit, "form", None),
                                                           "notice", None)
        if notice is not None:
            result.notices.add(f"{self.screen()}:{notice.message.value}")
        records = records_of(visit)
        if records is not None:
            for load in (records.profile, *records.sections.values()):
                if isinstance(load, LoadFailed):
                    result.notices.add(f"records:{load.notice.message.value}")
