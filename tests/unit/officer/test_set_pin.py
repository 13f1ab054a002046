"""``set_pin_command``: the PIN comes from standard input (a pipe or a terminal), never an
argument, and only its hash lands in the officer overrides file."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import termios
import textwrap
import time
from pathlib import Path

import pytest

from kiosk.commands.set_pin import set_pin_command
from kiosk.exitcodes import ExitCode
from kiosk.officer.pin import verify_pin
from kiosk.settings import LoadedSettings, load


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = tmp_path / "site.ini"
    path.write_text(f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def loaded(site: Path) -> LoadedSettings:
    return load(site, environ={})


def _run(loaded: LoadedSettings, text: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = set_pin_command(loaded, io.StringIO(text), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_pin_from_a_pipe_is_stored_only_as_a_hash(site, loaded) -> None:
    code, out, err = _run(loaded, "13572468\n")
    assert (code, err) == (ExitCode.OK, "")
    assert "13572468" not in out
    text = loaded.officer_file.read_text(encoding="utf-8")
    assert "13572468" not in text
    stored = load(site, environ={}).settings.officer.pin_hash
    assert verify_pin("13572468", stored)


@pytest.mark.parametrize(
    ("text", "message"),
    [("12345\n", "6 to 8 digits"), ("123456789\n", "6 to 8 digits"), ("12a456\n", "6 to 8"),
     ("", "exactly one line"), ("123456\n654321\n", "exactly one line")],
    ids=["short", "long", "letter", "nothing", "two-lines"],
)
def test_bad_input_is_refused_and_nothing_written(loaded, text, message) -> None:
    code, _, err = _run(loaded, text)
    assert code == ExitCode.USAGE
    assert message in err
    assert not loaded.officer_file.exists()


def test_keeps_the_officers_settings(site, loaded) -> None:
    loaded.officer_file.parent.mkdir(parents=True)
    loaded.officer_file.write_text("[kiosk]\nlanguage = en\n", encoding="utf-8")
    assert _run(loaded, "246810\n")[0] == ExitCode.OK
    settings = load(site, environ={}).settings
    assert settings.kiosk.language == "en" and verify_pin("246810", settings.officer.pin_hash)


_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from kiosk.commands.set_pin import set_pin_command
    from kiosk.settings import load
    sys.exit(set_pin_command(load(Path(sys.argv[1]), environ={})))
""")


def test_through_a_real_os_pipe(site) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(site)], input="99887766\n", capture_output=True,
        text=True, timeout=60, check=False,
    )
    assert result.returncode == ExitCode.OK, result.stderr
    assert verify_pin("99887766", load(site, environ={}).settings.officer.pin_hash)


def _wait_for_echo_off(master: int, timeout_s: float = 10.0) -> None:
    """getpass switches echo off before its prompt; on a loaded machine make sure it has, so an
    answer is never typed into a terminal that still echoes (tcgetattr on the master reads the
    slave's settings on Linux)."""
    deadline = time.monotonic() + timeout_s
    while termios.tcgetattr(master)[3] & termios.ECHO and time.monotonic() < deadline:
        time.sleep(0.01)


def _talk_to_tty(site: Path, answers: list[str]) -> tuple[int, str]:
    """Run the command on a pseudo-terminal, answering each prompt; returns (code, screen).

    The child starts a new session, so it has no controlling terminal and getpass falls back
    to its standard input, which is the pseudo-terminal (echo switched off by termios)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(site)], stdin=slave,
                            stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    screen = b""
    pending = list(answers)
    answered = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1024)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            screen += chunk
            # Answer each prompt once: only text that came after the last answer counts.
            if pending and screen[answered:].rstrip().endswith(b":"):
                _wait_for_echo_off(master)
                os.write(master, pending.pop(0).encode() + b"\n")
                answered = len(screen)
    finally:
        os.close(master)
        code = proc.wait(timeout=30)
    return code, screen.decode(errors="replace")


def test_at_a_terminal_the_pin_is_typed_twice_without_echo(site) -> None:
    code, screen = _talk_to_tty(site, ["10293847", "10293847"])
    assert code == ExitCode.OK, screen
    assert "New officer PIN" in screen and "again" in screen
    assert "10293847" not in screen  # no echo
    assert verify_pin("10293847", load(site, environ={}).settings.officer.pin_hash)


def test_at_a_terminal_two_different_pins_change_nothing(site) -> None:
    code, screen = _talk_to_tty(site, ["10293847", "10293848"])
    assert code == ExitCode.USAGE, screen
    assert "differ" in screen
    assert load(site, environ={}).settings.officer.pin_hash == ""
