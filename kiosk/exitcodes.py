"""Exit codes of the ``kiosk`` program, one enum so the supervisor and scripts can rely on them.

Codes follow common Unix use where one exists (2 for usage as argparse does, 70
``EX_SOFTWARE``). A fault while the kiosk runs does not end the process: the kiosk shows
out-of-service and recovers by itself (``ui.crash``). The supervisors
(packaging/linux/kiosk.service, the Shell Launcher configuration) leave the kiosk down after
``OK``, ``USAGE``, ``SETTINGS`` and ``STORE`` — a person must act, restarting cannot help — and
restart it after every other code (docs/exit-codes.md). An installer script reads ``SETTINGS``
and ``SELFTEST_FAILED``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """Normal end: the officer chose "exit to desktop", the kiosk was asked to stop (SIGTERM,
    Ctrl+C), or a command finished successfully."""

    USAGE = 2
    """Wrong command line (unknown option, bad argument); argparse uses 2 as well."""

    SETTINGS = 3
    """A settings file is unreadable or holds a value the schema does not allow."""

    SELFTEST_FAILED = 4
    """``kiosk --selftest`` ran and at least one check failed (each is printed)."""

    STORE = 5
    """The local database cannot be opened or is newer than this program (a downgrade)."""

    VERIFY_FAILED = 6
    """``kiosk verify``: the central service says the slip is not genuine or unknown."""

    UNAVAILABLE = 7
    """A command needed the central service and could not reach it (network, TLS, 5xx)."""

    CRASH = 70
    """An unexpected exception while starting (``EX_SOFTWARE``): the crash report was written,
    restart me."""
