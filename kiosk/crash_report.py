"""Crash reports without personal data: what failed and where, never with what values.

The report names the exception's type and the frames it passed through (file, line, function),
followed by the recent log lines (already redacted by ``kiosk.log``). It leaves out the
exception's message and every local variable: either could hold an ID number, a name or a
record. Written by the running kiosk's exception hook (``ui.crash``) and by the command line
when start-up itself fails (``kiosk.cli``).
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

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
