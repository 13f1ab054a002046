"""The per-terminal secret and the HMAC that stands in for an ID number wherever one is kept.

The lockout counters and the audit trail must recognise "the same person again" without
holding the number. They hold ``HMAC-SHA256(terminal secret, normalised ID number)``: without
the secret the 18-digit space (really far smaller: area, birth date, sequence) cannot be
searched, and two terminals give unrelated values for the same person.

The secret is 32 random bytes in ``<data_dir>/terminal.key``, created on first use with mode
0600, written to a temporary file, flushed to disk and then linked into place, so a power cut
never leaves a half-written key and two processes starting at once agree on one key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from kiosk.visitor.idnumber import normalize_id_number

SECRET_FILE = "terminal.key"
SECRET_BYTES = 32


class SecretError(Exception):
    """The key file exists but cannot be read or is not a key (never regenerated silently:
    a new key would orphan every lockout counter and split the audit trail)."""


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SecretError(f"{path}: cannot read the terminal key: {exc.strerror}") from None
    if len(data) != SECRET_BYTES:
        raise SecretError(
            f"{path}: the terminal key must be {SECRET_BYTES} bytes, found {len(data)}; "
            "an officer must restore it from backup or delete it to start a new one"
        )
    return data


def _create(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place unless another process won."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(SECRET_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process was first: keep its key
        except OSError:
            # A file system without hard links (FAT on a USB stick): replace, which is
            # atomic but would overwrite a key created in the same instant.
            if not path.exists():
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the new directory entry durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def load_or_create_secret(data_dir: Path) -> bytes:
    """The terminal's secret, created on first use."""
    path = data_dir / SECRET_FILE
    if not path.exists():
        _create(path)
    return _read(path)


def subject_hmac(secret: bytes, id_number: str) -> str:
    """Hex HMAC-SHA256 of the normalised ID number: the ``subject`` of audit events and the
    key of lockout counters. ``11010519491231002x`` and ``110105 19491231 002X`` agree."""
    if len(secret) < 16:
        raise ValueError("the terminal secret is too short")
    message = normalize_id_number(id_number).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


__all__ = ["SECRET_BYTES", "SECRET_FILE", "SecretError", "load_or_create_secret", "subject_hmac"]
