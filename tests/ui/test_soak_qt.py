"""The soak's stand-in for qtbot: its waits must not accumulate anything themselves (the soak
reports the memory growth of the process it runs in)."""

from __future__ import annotations

import gc
import sys

from bench.soak_qt import QtBotLite


def test_waiting_keeps_nothing(qtbot):
    bot = QtBotLite()
    for _ in range(100):
        bot.wait(1)
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(500):
        bot.wait(1)
    gc.collect()
    # A context-less QTimer.singleShot kept one block per fired timer: +500 here.
    assert sys.getallocatedblocks() - before < 50
