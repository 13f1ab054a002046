"""The longest GUI-thread stall during a visit against a server that answers in 3 s.

    python bench/gui_stall.py [--visits 3] [--delay-s 3]

A ``QTimer`` on the GUI thread ticks every 5 ms and records the gap between ticks; a gap is
time the GUI thread spent on something else (a tap's handler, building a screen, laying out a
table) while a family's finger would get no answer. The visit is tapped through by the robot
(start, ID, reference, query, every tab, print, finish) with a pause of 20 ms between taps, so
the driver's own work stays out of the gaps; every request to the reference server (its own
process) is delayed by ``--delay-s``. Target: longest gap <= 50 ms. Prints the longest gaps with
what the kiosk was doing; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.kiosk_rig import machine, one_inmate_visitors, start_kiosk
from bench.soak_server import SoakServer

TICK_MS = 5
PAUSE_MS = 20
SECTIONS = ("reform", "assessment", "rewards", "living")


@dataclass(frozen=True)
class Gap:
    ms: float
    during: str


class StallMeter:
    """Ticks every 5 ms on the GUI thread; remembers every gap and the step it fell in."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[Gap] = []
        self.step = "idle"
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(Gap((now - self._last) * 1000, self.step))
        self._last = now


def visit(kiosk: Any, visitor: Any, meter: StallMeter) -> None:
    def tap(name: str) -> None:
        meter.step = f"tap {name} ({kiosk.screen_id()})"
        kiosk.tap(name)
        kiosk.qtbot.wait(PAUSE_MS)

    def wait(what: str, condition: Any, timeout: int = 30_000) -> None:
        meter.step = f"waiting: {what}"
        kiosk.qtbot.waitUntil(condition, timeout=timeout)

    tap("startButton")
    wait("identify screen", lambda: kiosk.screen_id() == "identify")
    for pad, text in (("id", visitor.id_number), ("reference", visitor.reference_number)):
        for char in text:
            kiosk.qtbot.wait(90)  # a finger: no key twice within its debounce
            tap(f"{pad}Key_{ {'-': 'dash'}.get(char, char)}")
    tap("submitButton")
    wait("sign-in and records", lambda: kiosk.is_visible(f"{SECTIONS[0]}View")
         and kiosk.exists("profileName"))
    for section in SECTIONS:
        tap(f"tab_{section}")
        kiosk.qtbot.wait(200)
    tap("printButton")
    wait("print screen", lambda: kiosk.screen_id() == "print")
    tap("printConfirm")
    wait("slip registered and printed", lambda: kiosk.screen_id() == "done")
    kiosk.qtbot.wait(700)  # the debounce of the screen's buttons
    tap("doneFinish")
    wait("goodbye screen", lambda: kiosk.screen_id() in ("farewell", "attract"))
    if kiosk.screen_id() == "farewell":
        kiosk.qtbot.wait(700)
        tap("rateGood")
        kiosk.qtbot.wait(700)
        tap("farewellSkip")
    wait("attract", lambda: kiosk.screen_id() == "attract")
    meter.step = "idle"
    kiosk.qtbot.wait(700)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--delay-s", type=float, default=3.0)
    args = parser.parse_args()
    visitors = one_inmate_visitors()
    per_visit: list[list[Gap]] = []
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-stall-")))
        server = stack.enter_context(SoakServer())
        kiosk = start_kiosk(stack, server.base_url, folder, central__read_timeout_s=10.0,
                            kiosk__idle_timeout_s=120)
        server.inject("/", kind="delay", delay_s=args.delay_s, times=None)
        kiosk.qtbot.wait(int(args.delay_s * 1000) + 500)  # let the start-up health check end
        meter = StallMeter()
        meter.start()
        for number in range(args.visits):
            first = len(meter.gaps)
            visit(kiosk, visitors[number % len(visitors)], meter)
            per_visit.append(meter.gaps[first:])
        meter.stop()
        server.clear()
    print(f"machine: {machine()}")
    print(f"every request answered after {args.delay_s:.1f} s; timer every {TICK_MS} ms")
    for number, gaps in enumerate(per_visit, 1):
        worst = sorted(gaps, key=lambda g: g.ms, reverse=True)
        ms = [g.ms for g in gaps]
        print(f"visit {number}: longest gap {worst[0].ms:6.1f} ms   "
              f"p99 {statistics.quantiles(ms, n=100)[98]:5.1f} ms   "
              f"gaps > 50 ms: {sum(m > 50 for m in ms)}   (target <= 50 ms)")
        for gap in worst[:5]:
            print(f"    {gap.ms:6.1f} ms during {gap.during}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
