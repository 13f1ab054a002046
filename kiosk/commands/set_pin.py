"""``kiosk set-pin``: set the duty officer PIN at install time.

The PIN is read from standard input, never from an argument (arguments show up in ``ps``, shell
history and the supervisor's logs): typed twice without echo at a terminal, or one line from a
pipe for installer scripts (``printf '%s\\n' "$PIN" | kiosk set-pin``). Only its salted scrypt
hash is written, into the officer overrides file.
"""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from kiosk.exitcodes import ExitCode
from kiosk.officer.overrides import set_pin_hash
from kiosk.officer.pin import PIN_MAX, PIN_MIN, hash_pin, is_valid_pin
from kiosk.settings import LoadedSettings, SettingsError


def _read_pin(stdin: TextIO, err: TextIO) -> str | None:
    if stdin.isatty():
        pin = getpass.getpass(f"New officer PIN ({PIN_MIN}-{PIN_MAX} digits): ")
        if getpass.getpass("Type it again: ") != pin:
            print("kiosk set-pin: the two PINs differ; nothing was changed", file=err)
            return None
        return pin
    lines = stdin.read().splitlines()
    if len(lines) != 1:
        print("kiosk set-pin: expected exactly one line (the PIN) on standard input", file=err)
        return None
    return lines[0].strip()


def set_pin_command(
    loaded: LoadedSettings,
    stdin: TextIO | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Read, check and store a new officer PIN; returns an exit code. Streams default to the
    process's own (looked up at call time, so tests and the CLI may swap them)."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    err = err or sys.stderr
    pin = _read_pin(stdin, err)
    if pin is None:
        return ExitCode.USAGE
    if not is_valid_pin(pin):
        print(f"kiosk set-pin: a PIN is {PIN_MIN} to {PIN_MAX} digits (0-9); nothing was changed",
              file=err)
        return ExitCode.USAGE
    try:
        set_pin_hash(loaded.officer_file, hash_pin(pin))
    except SettingsError as exc:
        print(f"kiosk set-pin: settings error: {exc}", file=err)
        return ExitCode.SETTINGS
    except OSError as exc:
        print(f"kiosk set-pin: cannot write {loaded.officer_file}: {exc.strerror}", file=err)
        return ExitCode.SETTINGS
    print(f"Officer PIN set (hash stored in {loaded.officer_file}).", file=out)
    return ExitCode.OK
