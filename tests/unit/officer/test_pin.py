"""Officer PIN hashing: salted scrypt, round trip, and no way in with a damaged hash."""

from __future__ import annotations

import base64
import hashlib

import pytest

from kiosk.officer.pin import hash_pin, is_valid_pin, verify_pin


@pytest.mark.parametrize("pin", ["123456", "0000000", "98765432"], ids=["6", "7", "8"])
def test_round_trip(pin: str) -> None:
    stored = hash_pin(pin)
    assert verify_pin(pin, stored)
    assert not verify_pin(pin[:-1] + str((int(pin[-1]) + 1) % 10), stored)
    assert pin not in stored


def test_hash_is_salted_scrypt_in_the_documented_form() -> None:
    one, two = hash_pin("246810"), hash_pin("246810")
    assert one != two  # a fresh salt each time
    scheme, n, r, p, salt_b64, hash_b64 = one.split("$")
    assert scheme == "scrypt" and int(n) >= 2**14
    salt = base64.b64decode(salt_b64)
    expected = hashlib.scrypt(b"246810", salt=salt, n=int(n), r=int(r), p=int(p),
                              dklen=len(base64.b64decode(hash_b64)))
    assert base64.b64decode(hash_b64) == expected


@pytest.mark.parametrize(
    "pin", ["12345", "123456789", "12345a", " 123456", "１２３４５６", ""],
    ids=["5-digits", "9-digits", "letter", "space", "fullwidth", "empty"],
)
def test_only_six_to_eight_ascii_digits_are_pins(pin: str) -> None:
    assert not is_valid_pin(pin)
    with pytest.raises(ValueError, match="6 to 8 digits"):
        hash_pin(pin)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain123456",
        "scrypt$16384$8$1$notbase64!$AAAA",
        "scrypt$16385$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # n not a power of two
        "scrypt$1073741824$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # would need 1 TiB
        "bcrypt$16384$8$1$c2FsdHNhbHQ=$" + "A" * 44,
    ],
    ids=["empty", "not-a-hash", "bad-b64", "bad-n", "huge-n", "other-scheme"],
)
def test_damaged_or_foreign_hashes_never_verify(stored: str) -> None:
    assert verify_pin("123456", stored) is False
