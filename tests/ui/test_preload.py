"""The family's screens are loaded in a worker once the kiosk runs: all of them, safely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.flow.screens import ScreenId
from ui.main_window import SCREENS
from ui.preload import FAMILY_MODULES

ROOT = Path(__file__).resolve().parents[2]
AT_START = {ScreenId.ATTRACT, ScreenId.OUT_OF_SERVICE}
"""Loaded with the first frame already."""


def test_every_family_screen_is_preloaded():
    family = {target.split(":")[0] for screen, target in SCREENS.items()
              if screen not in AT_START and not target.startswith("ui.officer.")}
    assert family <= set(FAMILY_MODULES)


def test_preloading_in_a_worker_thread_loads_them_without_a_qt_complaint():
    script = """
import sys, threading
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.preload import FAMILY_MODULES, preload_screens
worker = threading.Thread(target=preload_screens)
worker.start()
worker.join()
missing = [m for m in FAMILY_MODULES if m not in sys.modules]
print("missing:", missing)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "missing: []" in done.stdout
    complaints = [line for line in done.stderr.splitlines()
                  if "propagateSizeHints" not in line]
    assert complaints == []  # e.g. "QPixmap: It is not safe to use pixmaps outside the GUI thread"
