"""CUPS for the printing tests: the virtual PDF queue set up by scripts/cups-setup.sh.

Tests marked ``cups`` skip only on a machine where the queue is missing, and never in CI
(``CI=true``): there a missing queue is a failure, so a broken setup cannot pass as skipped.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

QUEUE = os.environ.get("KIOSK_CUPS_QUEUE", "kiosk-pdf")
OUT_DIR = Path(os.environ.get("KIOSK_CUPS_PDF_OUT", "/var/spool/cups-pdf-kiosk"))


def _lpstat_ok() -> bool:
    try:
        return subprocess.run(["lpstat", "-p", QUEUE], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _require(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI must run the CUPS tests: see scripts/cups-setup.sh)")
    pytest.skip(why)


@pytest.fixture
def cups_queue() -> str:
    _require(_lpstat_ok(), f"CUPS queue {QUEUE} not available")
    return QUEUE


@pytest.fixture
def cups_output() -> Path:
    return OUT_DIR


@pytest.fixture
def scratch_queue(cups_queue) -> Iterator[Callable[[str], str]]:
    """Make throwaway queues (root only: lpadmin), removed after the test."""
    _require(os.geteuid() == 0, "creating CUPS queues needs root")
    made: list[str] = []

    def make(device_uri: str) -> str:
        name = f"kiosk-test-{uuid.uuid4().hex[:8]}"
        subprocess.run(["lpadmin", "-p", name, "-E", "-v", device_uri, "-m", "raw",
                        "-o", "printer-error-policy=abort-job"],
                       check=True, capture_output=True, timeout=20)
        made.append(name)
        return name

    yield make
    for name in made:
        subprocess.run(["cancel", "-a", name], capture_output=True, timeout=20)
        subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=20)
