"""Unexpected exceptions: a crash report without personal data, then the out-of-service screen.

The report names the exception's type and the frames it passed through (file, line, function),
followed by the recent log lines (already redacted by ``kiosk.log``). It leaves out the
exception's message and every local variable: either could hold an ID number, a name or a
record. The process keeps running; the flow returns to the attract screen by itself.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kiosk import __version__, log

CRASH_PREFIX = "crash-"


def crash_report(error: BaseException, now: datetime) -> str:
    kind = type(error)
    lines = [
        f"kiosk {__version__} unexpected error at {now.isoformat()}",
        f"exception type: {kind.__module__}.{kind.__qualname__}",
        "(the exception's message and all values are left out: they may hold personal data)",
        "frames, outermost first:",
    ]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
    cause = error.__cause__ or error.__context__
    if cause is not None:
        lines.append(f"caused by: {type(cause).__module__}.{type(cause).__qualname__}")
    lines.append("recent log lines:")
    lines.extend(f"  {line}" for line in log.recent_lines()[-200:])
    return log.redact("\n".join(lines)) + "\n"


def write_crash_report(folder: Path, error: BaseException, now: datetime | None = None) -> Path:
    now = now or datetime.now(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{CRASH_PREFIX}{now.strftime('%Y%m%dT%H%M%S%f')}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(crash_report(error, now))
    return path


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
