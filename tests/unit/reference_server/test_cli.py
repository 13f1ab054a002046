"""``kiosk-central``: the demo credentials listing, and a real process on a free port."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest
import requests

from kiosk.reference_server import generate
from kiosk.reference_server.cli import main

from .conftest import plain_session


def test_list_demo_credentials_prints_one_json_object_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--list-demo-credentials"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert all(set(row) == {"id_number", "reference_number", "inmate_ids", "note"} for row in rows)
    assert rows == [c.to_json() for c in generate(1).credentials()]
    notes = {row["note"] for row in rows}
    for note in (
        "one inmate",
        "two inmates",
        "locked",
        "empty living section",
        "ten years of assessments",
        "Mongolian name",
        "reduction at 公示 stage",
        "rare characters in name",
    ):
        assert note in notes


def test_the_listing_follows_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--list-demo-credentials", "--seed", "2"])
    second = capsys.readouterr().out
    main(["--list-demo-credentials"])
    assert capsys.readouterr().out != second


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--error-rate", "2"], "rates"),
        (["--tls-cert", "x.pem"], "--tls-key"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--port", "0"]) == 2
    assert message in capsys.readouterr().err


def _launch() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.reference_server.cli", "--port", "0", "--token", "t-1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_real_processes_print_their_url_and_stop_cleanly_on_sigterm_and_sigint() -> None:
    # Both processes start at once: the wait is for Python's start-up, not for the server.
    processes = {signal.SIGTERM: _launch(), signal.SIGINT: _launch()}
    try:
        for signum, process in processes.items():
            assert process.stdout is not None
            line = process.stdout.readline()
            match = re.fullmatch(r"listening on (http://127\.0\.0\.1:(\d+)/api/v1)\n", line)
            assert match, line
            base_url = match.group(1)
            with plain_session() as http:
                assert http.get(base_url + "/health", timeout=5).status_code == 200
                headers = {"X-Terminal-Id": "CLI-01", "Authorization": "Bearer t-1"}
                assert http.get(base_url + "/announcements", headers=headers, timeout=5).ok
            process.send_signal(signum)
            out, err = process.communicate(timeout=15)
            assert process.returncode == 0, err
            assert out == "stopped\n"
            assert "Traceback" not in err
            with pytest.raises(requests.ConnectionError), plain_session() as http:
                http.get(base_url + "/health", timeout=5)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
