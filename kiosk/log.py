"""Logging: category loggers, rotating files, redaction of ID numbers, a ring for crash reports.

Code logs to the category logger of its area (``from kiosk import log``; ``log.api.info(...)``)
and never logs personal data. As a last line of defence every handler runs
:class:`RedactionFilter`, which replaces anything shaped like an ID number in the message, its
arguments, the exception text and the stack with ``[ID REDACTED]`` before a line is written
anywhere — including lines from libraries (urllib3, Alembic), since the handlers sit on the root
logger. The last :data:`RING_SIZE` records are also kept in memory for the crash report
(:func:`recent_lines`).

Works in a windowed PyInstaller build, where ``sys.stdout`` and ``sys.stderr`` are ``None``.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import unicodedata
from collections import deque
from pathlib import Path
from typing import TextIO

from kiosk.visitor.idnumber import ID_SHAPE, contains_id_number

api = logging.getLogger("kiosk.api")
printing = logging.getLogger("kiosk.print")
reader = logging.getLogger("kiosk.reader")
flow = logging.getLogger("kiosk.flow")
store = logging.getLogger("kiosk.store")
audit = logging.getLogger("kiosk.audit")
ui = logging.getLogger("kiosk.ui")
officer = logging.getLogger("kiosk.officer")
app = logging.getLogger("kiosk.app")
"""The program itself: starting, and stopping with an exit code."""

CATEGORIES: tuple[logging.Logger, ...] = (
    api, printing, reader, flow, store, audit, ui, officer, app)
LOG_FILE = "kiosk.log"
RING_SIZE = 500
REDACTED = "[ID REDACTED]"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def redact(text: str) -> str:
    """``text`` unchanged, or NFKC-folded with every ID-shaped run replaced (folding first
    catches full-width digits; only a line that holds a number is rewritten)."""
    if not contains_id_number(text):
        return text
    return ID_SHAPE.sub(REDACTED, unicodedata.normalize("NFKC", text))


class RedactionFilter(logging.Filter):
    """Masks ID-shaped text in a record, in place, so every later handler sees it masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the line or raise at the caller
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RingHandler(logging.Handler):
    """Keeps the last ``size`` formatted records (a traceback stays one entry)."""

    def __init__(self, size: int = RING_SIZE) -> None:
        super().__init__()
        self.lines: deque[str] = deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:
            self.handleError(record)


_ring = RingHandler()
_installed: list[logging.Handler] = []
_setup_lock = threading.Lock()
_rotation: list[tuple[int, int]] = []
"""max_bytes and backup_count for :func:`start_rotating`, while the log file does not rotate."""


def recent_lines() -> list[str]:
    """The most recent log records, oldest first, already redacted (for crash reports)."""
    return list(_ring.lines)


def total_cap(max_bytes: int, backup_count: int) -> int:
    """Most bytes the log files take: the current file plus its backups."""
    return max_bytes * (backup_count + 1)


def _remove_installed(root: logging.Logger) -> None:
    for old in _installed:
        root.removeHandler(old)
        if old is not _ring:
            old.close()
    _installed.clear()


def shutdown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed (the ring keeps its lines)."""
    with _setup_lock:
        _remove_installed(logging.getLogger())


FAULT_FILE = "faults.log"
_fault_streams: list[TextIO] = []

# Libraries whose chatter would drown the kiosk's own lines, or leak: urllib3 at DEBUG logs
# full request paths (inmate ids, a slip's ?c= verify code); Alembic announces every plugin.
QUIET_LIBRARIES: dict[str, int] = {
    "urllib3": logging.WARNING,
    "alembic": logging.WARNING,
    "uvicorn.access": logging.WARNING,
    "multipart": logging.WARNING,
}


def enable_faulthandler(log_dir: Path) -> Path | None:
    """Dump the Python stacks of every thread to ``faults.log`` on a fatal signal (a crash in Qt
    or a C extension), before Qt starts. A file, because a windowed build has no stderr; stacks
    name files and lines only, never values, so no personal data reaches it."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        stream = (log_dir / FAULT_FILE).open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(file=stream, all_threads=True)
    _fault_streams.append(stream)  # must stay open for as long as the handler is installed
    return log_dir / FAULT_FILE


def setup_logging(
    log_dir: Path, level: str, max_bytes: int, backup_count: int, *, console: bool,
    rotate: bool = True,
) -> Path | None:
    """Install the handlers on the root logger; calling again replaces them.

    Returns the log file, or ``None`` when the folder cannot be written: the kiosk keeps
    running with the ring (and the console) rather than fail a family's visit over a log file.

    ``rotate=False`` appends to the same file without rotating it until
    :func:`start_rotating`: the rotating handler's module imports socket and pickle, about
    10 ms that the kiosk's first frame should not wait for.
    """
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    redaction = RedactionFilter()
    handlers: list[logging.Handler] = [_ring]
    log_file: Path | None = None
    problem: str | None = None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            _rotating_handler(log_dir / LOG_FILE, max_bytes, backup_count) if rotate
            else logging.FileHandler(log_dir / LOG_FILE, encoding="utf-8")
        )
        log_file = log_dir / LOG_FILE
    except OSError as exc:
        problem = f"cannot write log files in {log_dir}: {exc.strerror}"
    if console and sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))

    root = logging.getLogger()
    with _setup_lock:
        _remove_installed(root)
        _rotation[:] = [] if rotate else [(max_bytes, backup_count)]
        for handler in handlers:
            handler.setFormatter(formatter)
            handler.filters = [redaction]
            root.addHandler(handler)
            _installed.append(handler)
        root.setLevel(level.upper())
        for name, quiet_level in QUIET_LIBRARIES.items():
            logging.getLogger(name).setLevel(quiet_level)
    logging.captureWarnings(True)
    if problem:
        logging.getLogger("kiosk").warning(problem)
    return log_file


def start_rotating() -> None:
    """Swap the plain file handler of ``setup_logging(rotate=False)`` for the rotating one, on
    the same file (the first line written after it rotates the file if it is full)."""
    root = logging.getLogger()
    with _setup_lock:
        if not _rotation:
            return
        max_bytes, backup_count = _rotation.pop()
        for index, plain in enumerate(_installed):
            if type(plain) is logging.FileHandler:
                rotating = _rotating_handler(Path(plain.baseFilename), max_bytes, backup_count)
                rotating.setFormatter(plain.formatter)
                rotating.filters = plain.filters
                root.addHandler(rotating)
                root.removeHandler(plain)
                plain.close()
                _installed[index] = rotating


def _rotating_handler(path: Path, max_bytes: int, backup_count: int) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")


__all__ = [
    "CATEGORIES",
    "LOG_FILE",
    "REDACTED",
    "RING_SIZE",
    "RedactionFilter",
    "api",
    "app",
    "audit",
    "flow",
    "officer",
    "printing",
    "reader",
    "recent_lines",
    "redact",
    "setup_logging",
    "shutdown_logging",
    "start_rotating",
    "store",
    "total_cap",
    "ui",
]
