"""Officer PINs: 6-8 digits, stored only as a salted scrypt hash (memory-hard).

Stored form: ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``, so the cost can be raised later
without invalidating PINs already set. Verification compares in constant time and treats any
malformed stored value as "wrong PIN", never as an error a caller could mishandle.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

PIN_RE = re.compile(r"^[0-9]{6,8}$")
PIN_MIN, PIN_MAX = 6, 8

# 2**14 x 8 x 128 bytes = 16 MiB per hash and ~50 ms: slow to brute-force a 6-digit space
# offline, quick enough for a PIN pad on a small terminal.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
_MAX_N = 2**20  # refuse stored costs that would exhaust the terminal's memory
_MAXMEM = 256 * 1024 * 1024


def is_valid_pin(pin: str) -> bool:
    return PIN_RE.fullmatch(pin) is not None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_MAXMEM
    )


def hash_pin(pin: str) -> str:
    """Hash a PIN with a fresh random salt; ValueError if it is not 6-8 digits."""
    if not is_valid_pin(pin):
        raise ValueError(f"a PIN is {PIN_MIN} to {PIN_MAX} digits")
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, _HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True only if ``pin`` matches ``stored``; a malformed or empty ``stored`` is False."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not is_valid_pin(pin):
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return False
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    if len(salt) < 8 or not 16 <= len(expected) <= 64:
        return False
    try:
        actual = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)
