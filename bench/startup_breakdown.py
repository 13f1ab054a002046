"""Where the time before the kiosk's first frame goes, step by step, in this Python (source tree).

    python bench/startup_breakdown.py [--runs 5]

Each run is a fresh interpreter that does what ``kiosk`` does before its first frame, in the
same order, and prints the milliseconds of each step; the medians over the runs are printed
last. ``bench/startup.py`` gives the end-to-end figure; this one says which part to work on.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = r"""
import json, sys, time
from pathlib import Path
marks = []
last = time.perf_counter()
def mark(label):
    global last
    now = time.perf_counter()
    marks.append((label, (now - last) * 1000))
    last = now
from PySide6.QtWidgets import QApplication; mark("import PySide6.QtWidgets")
import kiosk.cli; mark("import kiosk.cli (argparse, settings schema)")
from kiosk.settings import load
loaded = load(Path(sys.argv[1])); mark("load the settings files")
from kiosk import log
log.setup_logging(loaded.log_dir, "INFO", 1_000_000, 3, console=False, rotate=False)
mark("import kiosk.log, set up logging")
import kiosk.flow.attract_events, kiosk.flow.kiosk_state, kiosk.flow.screens
mark("import the flow parts of the first frame")
import ui.startup; mark("import ui.startup (main window, widgets, theme)")
import ui.screens.attract; mark("import the attract screen")
from ui.theme import apply_theme, style_arguments
app = QApplication([*sys.argv[:1], *style_arguments()]); mark("QApplication")
from ui.fonts import register_fonts
register_fonts(); mark("register the bundled fonts")
apply_theme(app, styled=True); app.setProperty("kioskThemed", True)
mark("apply the theme (style sheet)")
window, lock = ui.startup.show_first_frame(loaded.settings, windowed=False)
mark("build, show and paint the window")
print("MARKS " + json.dumps(marks))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached by the first run, as in a build
    runs: list[list[tuple[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-breakdown-") as tmp:
        settings = Path(tmp) / "settings.ini"
        settings.write_text(
            "[central]\nbase_url = http://127.0.0.1:9/api/v1\ntoken = bench\n\n"
            f"[paths]\ndata_dir = {tmp}/data\nlog_dir = {tmp}/logs\n", encoding="utf-8")
        for _ in range(args.runs + 1):  # the first run fills the disk cache, not counted
            out = subprocess.run([sys.executable, "-c", STEPS, str(settings)], cwd=ROOT,
                                 env=env, capture_output=True, text=True, check=True).stdout
            line = next(x for x in out.splitlines() if x.startswith("MARKS "))
            runs.append([(label, ms) for label, ms in json.loads(line[6:])])
    runs = runs[1:]
    total = 0.0
    print(f"before the first frame, median of {args.runs} runs (Python {sys.version.split()[0]}):")
    for index, (label, _) in enumerate(runs[0]):
        median = statistics.median(run[index][1] for run in runs)
        total += median
        print(f"  {label:<48} {median:7.1f} ms")
    print(f"  {'sum of the steps (interpreter start not included)':<48} {total:7.1f} ms")


if __name__ == "__main__":
    main()
