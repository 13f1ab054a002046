"""The kiosk command line: exit codes, settings errors, verify and the demo self-test."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from kiosk import __version__, cli, log
from kiosk.api.client import CentralClient
from kiosk.api.models import AuthMethod, Section, SessionRequest, SlipRequest
from kiosk.exitcodes import ExitCode
from kiosk.reference_server import DemoCredential, RunningServer
from kiosk.secrets import SECRET_FILE
from kiosk.store import DB_FILE, Store


def _site_file(tmp_path: Path, base_url: str, extra_central: str = "") -> Path:
    site = tmp_path / "site.ini"
    site.write_text(
        f"[central]\nbase_url = {base_url}\ntoken = demo-token\n{extra_central}"
        f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n",
        encoding="utf-8",
    )
    return site


def test_version_prints_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


def test_bad_settings_file_names_file_section_key_and_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.ini"
    site.write_text("[kiosk]\nidle_timeout_s = soon\n", encoding="utf-8")
    assert cli.main(["--settings", str(site), "--selftest"]) == ExitCode.SETTINGS
    err = capsys.readouterr().err
    assert str(site) in err and "[kiosk] idle_timeout_s" in err and "'soon'" in err
    assert "whole number from 15 to 900" in err
    assert "Traceback" not in err


def test_tour_without_demo_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.main(["--tour", str(tmp_path)]) == ExitCode.USAGE


def _registered_slip(central: RunningServer, credential: DemoCredential) -> str:
    client = CentralClient(central.base_url, "DEMO-LOBBY-01", "demo-token")
    try:
        session = client.create_session(SessionRequest(
            id_number=credential.id_number, reference_number=credential.reference_number,
            method=AuthMethod.MANUAL,
        ))
        slip = client.register_slip(session.session_token, SlipRequest(
            inmate_id=credential.inmate_ids[0], sections=[Section.LIVING],
            content_sha256=hashlib.sha256(b"cli test").hexdigest(),
        ))
        client.end_session(session.session_token)
        return slip.verify_url
    finally:
        client.close()


def test_verify_says_genuine_for_a_registered_slip_and_not_for_a_forged_code(
    central: RunningServer, demo_credentials: list[DemoCredential], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    credential = next(c for c in demo_credentials if c.note == "one inmate")
    url = _registered_slip(central, credential)
    site = _site_file(tmp_path, central.base_url)

    assert cli.main(["--settings", str(site), "verify", url]) == ExitCode.OK
    out = capsys.readouterr().out
    assert out.startswith("GENUINE") and "living" in out and "(Beijing time)" in out

    code = url.rsplit("c=", 1)[1]
    forged = url.replace(f"c={code}", "c=" + ("A" if code[0] != "A" else "B") + code[1:])
    assert cli.main(["--settings", str(site), "verify", forged]) == ExitCode.VERIFY_FAILED
    assert capsys.readouterr().out.startswith("NOT GENUINE")


def test_demo_selftest_passes_every_check_on_a_fresh_data_folder(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--demo", "--selftest"],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line[:4] in ("PASS", "FAIL")]
    names = [line.split(":")[0][6:] for line in lines]
    assert names == ["settings", "database", "fonts", "translations", "api",
                     "terminal token", "printer", "card reader"]
    assert all(line.startswith("PASS") for line in lines), result.stdout
    assert result.returncode == ExitCode.OK
    assert (tmp_path / "data" / "prison-kiosk" / "demo" / "kiosk.sqlite3").is_file()


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """``kiosk --selftest`` sets up logging on the root logger; undo it after the test."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    yield
    log.shutdown_logging()
    assert root.handlers == saved[0]
    root.setLevel(saved[1])
    logging.captureWarnings(False)


def test_selftest_fails_when_the_central_service_is_unreachable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restored_logging: None
) -> None:
    # A loopback port nobody listens on: the API checks fail, the rest still report. In this
    # process (the demo test above runs the real program): a second interpreter start costs
    # more than everything this test checks.
    site = _site_file(tmp_path, "http://127.0.0.1:9/api/v1",
                      "connect_timeout_s = 0.5\nget_retries = 0\n")  # no backoff sleeps
    assert cli.main(["--settings", str(site), "--selftest"]) == ExitCode.SELFTEST_FAILED
    out = capsys.readouterr().out
    assert "FAIL  api:" in out
    assert "FAIL  terminal token: not checked" in out
    assert "PASS  database:" in out


class _NoWindow:
    """A Gui that must never be asked for a window: start-up stops before it."""

    printer_builders: ClassVar[dict[str, object]] = {}

    def run_kiosk(self, start: Callable[[], object], *args: object, **kwargs: object) -> int:
        start()  # as the real one does once the window is painted; must raise here
        raise AssertionError("the kiosk started although its data cannot be used")

    def run_tour(self, *args: object, **kwargs: object) -> int:
        raise AssertionError("the tour started although its data cannot be used")


def _stamp_newer(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")


@pytest.mark.parametrize("damage", ["newer database", "damaged terminal key"])
def test_unusable_local_data_stops_with_one_line_and_the_store_code(
    damage: str, central: RunningServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    restored_logging: None,
) -> None:
    site = _site_file(tmp_path, central.base_url)
    data = tmp_path / "data"
    if damage == "newer database":
        _stamp_newer(data / DB_FILE)
    else:
        data.mkdir()
        (data / SECRET_FILE).write_bytes(b"short")
    assert cli.main(["--settings", str(site)], gui=_NoWindow()) == ExitCode.STORE
    err = capsys.readouterr().err  # the console log handler writes here too
    (line,) = [line for line in err.splitlines() if line.startswith("kiosk: local data error: ")]
    assert str(data) in line
    assert "Traceback" not in err


class _FaultyWindow:
    """A Gui whose window (or tour) fails to build with an error nobody planned for, after the
    parts opened; the window's message holds a visitor's details, as a real bug's might."""

    printer_builders: ClassVar[dict[str, object]] = {}

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def run_kiosk(self, start: Callable[[], object], *args: object, **kwargs: object) -> int:
        start()
        raise LookupError(f"no screen for {self.secret}")

    def run_tour(self, *args: object, **kwargs: object) -> int:
        raise LookupError("no screen for the tour")


def test_an_unexpected_fault_while_starting_exits_for_a_restart_with_a_report(
    central: RunningServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    restored_logging: None,
) -> None:
    visitor = central.credentials()[0]
    site = _site_file(tmp_path, central.base_url)
    code = cli.main(["--settings", str(site)], gui=_FaultyWindow(visitor.id_number))
    assert code == ExitCode.CRASH
    err = capsys.readouterr().err
    assert "Traceback" not in err and visitor.id_number not in err
    (report,) = (tmp_path / "logs").glob("crash-*.txt")
    (line,) = [line for line in err.splitlines() if line.startswith("kiosk: unexpected ")]
    assert line == f"kiosk: unexpected LookupError; crash report {report}"
    text = report.read_text(encoding="utf-8")
    assert "builtins.LookupError" in text and "in run_kiosk" in text
    assert visitor.id_number not in text
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = (tmp_path / "logs" / log.LOG_FILE).read_text(encoding="utf-8")
    assert "unexpected LookupError while starting" in logged
    assert visitor.id_number not in logged


def test_the_screen_tour_keeps_its_traceback(tmp_path: Path, restored_logging: None) -> None:
    """A developer's tool with synthetic data: the exception itself says more than a report."""
    site = _site_file(tmp_path, "https://central.invalid/api/v1")
    with pytest.raises(LookupError, match="for the tour"):
        cli.main(["--settings", str(site), "--demo", "--tour", str(tmp_path / "tour")],
                 gui=_FaultyWindow("unused"))
    assert not list((tmp_path / "logs").glob("crash-*.txt"))

