"""Unexpected exceptions while the kiosk runs: a crash report, then the out-of-service screen.

The report (``kiosk.crash_report``) carries no personal data. The process keeps running; the
flow returns to the attract screen by itself.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kiosk import log
from kiosk.crash_report import write_crash_report


class CrashHandler:
    """Writes the report and tells the kiosk; installed as ``sys.excepthook`` (which is also
    where PySide6 sends exceptions raised in slots) and ``threading.excepthook``."""

    def __init__(self, folder: Path, on_crash: Callable[[BaseException], None]) -> None:
        self._folder = folder
        self._on_crash = on_crash
        self._previous: tuple[object, object] | None = None
        self._handling = False

    def handle(self, error: BaseException) -> None:
        log.ui.error("unexpected %s; showing out-of-service", type(error).__qualname__)
        try:
            path = write_crash_report(self._folder, error)
            log.ui.error("crash report written to %s", path)
        except OSError as exc:
            log.ui.error("could not write the crash report: %s", exc.strerror)
        if self._handling:
            return  # a crash while handling a crash: the report is enough
        self._handling = True
        try:
            self._on_crash(error)
        finally:
            self._handling = False

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.handle(error.with_traceback(tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_value)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None
