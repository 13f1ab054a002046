"""The Qt binding the kiosk runs on must survive months of signals without losing references.

PySide6 6.12 on Python 3.11 drops a reference to True/False on every ``Signal.emit(bool)`` and to
None on every ``processEvents()``; the interpreter aborts (``bool_dealloc``) after about a
thousand. A lobby terminal emits far more than that in a day, so the runtime is checked here,
in a child process, since the failure is a hard abort.
"""

from __future__ import annotations

import subprocess
import sys

CHILD = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    flag = Signal(bool)

app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.flag.connect(seen.append)
for i in range(20_000):
    emitter.flag.emit(i % 2 == 0)
    app.processEvents()
print(len(seen), seen.count(True))
"""


def test_bool_signals_and_event_processing_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["20000", "10000"]
