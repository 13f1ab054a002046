"""The simulator as a program: ``python -m kiosk.reader.simulator`` driven from its console."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from kiosk.api.models import ReaderState
from kiosk.reader.card import CardData, CardType
from kiosk.reader.serial_driver import SerialReader
from kiosk.reader.simulator import sample_cards

from .conftest import FAST


@pytest.fixture
def program() -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk.reader.simulator", "--card", "resident"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def say(proc: subprocess.Popen[str], line: str) -> str:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def test_console_program(program: subprocess.Popen[str]) -> None:
    assert program.stdout is not None
    banner = program.stdout.readline()
    assert banner.startswith("reader simulator at ")
    path = banner.split()[3]
    program.stdout.readline()  # "type help for commands"
    reader = SerialReader(path, timeouts=FAST, backoff_s=(0.0,))
    try:
        result = reader.poll()
        assert isinstance(result, CardData)
        assert result.card_type is CardType.RESIDENT
        assert say(program, "remove") == "ok"
        assert reader.poll() is None
        assert reader.poll() is None  # now the driver knows the card is gone
        assert say(program, "unplug") == "ok"
        assert reader.poll() is None
        assert reader.state is ReaderState.ABSENT
        assert say(program, "replug").startswith("plugged in at " + path)
        program.stdout.readline()  # "ok"
        assert say(program, "place hmt") == "ok"
        result = reader.poll()
        assert isinstance(result, CardData)
        assert result.card_type is CardType.HMT_RESIDENCE_PERMIT
        assert say(program, "fault sam_not_authorised find_card") == "ok"
        assert reader.poll() is None
        assert reader.state is ReaderState.ERROR
        assert say(program, "help") == "commands:"
        assert "place CARD" in program.stdout.readline()
    finally:
        reader.close()
    assert program.stdin is not None
    program.stdin.write("quit\n")
    program.stdin.flush()
    assert program.wait(timeout=10) == 0


def test_deck_holds_only_synthetic_numbers_with_the_expected_checks() -> None:
    deck = sample_cards()
    assert {"resident", "resident2", "hmt", "foreign", "foreign2017", "badcheck"} <= set(deck)
    assert deck["badcheck"].id_number[:-1] == deck["resident"].id_number[:-1]
    assert deck["badcheck"].id_number != deck["resident"].id_number
