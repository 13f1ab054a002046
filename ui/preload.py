"""Load the code of a family's screens in a worker once the kiosk runs.

Screens are imported when first shown, which keeps start-up short; but then the first family
after a start waits for Python to load each screen's modules on the GUI thread (30-60 ms a
screen, ``bench/gui_stall.py``). A worker loads them in the first seconds instead. Importing
only defines classes and functions (no module here makes a widget or a pixmap at import), so it
is safe off the GUI thread; a screen shown meanwhile waits on Python's import lock for its
module, as it would have loaded it itself.
"""

from __future__ import annotations

import importlib

from kiosk import log
from ui.workers import Outcome

FAMILY_MODULES = (
    "ui.screens.identify",
    "ui.screens.choose_inmate",
    "ui.screens.records",
    "ui.screens.records_reform",
    "ui.screens.records_assessment",
    "ui.screens.records_rewards",
    "ui.screens.records_living",
    "ui.screens.print_preview",
    "ui.screens.done",
    "ui.screens.enquiry",
    "ui.screens.farewell",
)
"""Officer mode is left out: it is rare, and loads when an officer opens it."""


def preload_screens() -> None:
    for name in FAMILY_MODULES:
        importlib.import_module(name)


def preloaded(outcome: Outcome) -> None:
    if outcome.error is not None:  # the screen will import (and report) it when shown
        log.ui.error("preloading the screens failed: %s", type(outcome.error).__name__)
