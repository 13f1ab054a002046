"""The terminal secret (created once, 0600, atomically) and the subject HMAC."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.secrets import SECRET_FILE, SecretError, load_or_create_secret, subject_hmac


def test_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    secret = load_or_create_secret(data)
    path = data / SECRET_FILE
    assert len(secret) == 32 and path.read_bytes() == secret
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_secret(data) == secret
    assert sorted(p.name for p in data.iterdir()) == [SECRET_FILE]  # no temp file left


def test_two_terminals_get_different_secrets(tmp_path: Path) -> None:
    assert load_or_create_secret(tmp_path / "a") != load_or_create_secret(tmp_path / "b")


def test_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom kiosk.secrets import load_or_create_secret\n"
        "print(load_or_create_secret(Path(sys.argv[1])).hex())\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE)
        for _ in range(6)
    ]
    keys = {proc.communicate(timeout=60)[0].strip() for proc in procs}
    assert len(keys) == 1
    assert bytes.fromhex(keys.pop().decode()) == (tmp_path / SECRET_FILE).read_bytes()


@pytest.mark.parametrize("content", [b"", b"short", os.urandom(33)], ids=["empty", "5", "33"])
def test_a_damaged_key_is_reported_not_replaced(tmp_path: Path, content: bytes) -> None:
    (tmp_path / SECRET_FILE).write_bytes(content)
    with pytest.raises(SecretError, match=SECRET_FILE):
        load_or_create_secret(tmp_path)
    assert (tmp_path / SECRET_FILE).read_bytes() == content


def test_subject_is_hmac_sha256_of_the_normalised_number() -> None:
    secret = bytes(range(32))
    expected = hmac.new(secret, b"11010519491231002X", hashlib.sha256).hexdigest()
    assert subject_hmac(secret, "11010519491231002X") == expected
    assert subject_hmac(secret, "11010519491231002x") == expected
    assert subject_hmac(secret, " 110105 19491231 002X") == expected
    assert subject_hmac(secret, "１１０１０５１９４９１２３１００２Ｘ") == expected
    assert subject_hmac(bytes(32), "11010519491231002X") != expected
    assert "11010519491231002" not in expected


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        subject_hmac(b"", "11010519491231002X")
