"""``kiosk reader-test`` against the simulator: masked number out, never the whole one."""

from __future__ import annotations

import io
import os
import threading

import pytest

from kiosk.exitcodes import ExitCode
from kiosk.reader.diagnostics import reader_test
from kiosk.reader.serial_driver import SerialReader
from kiosk.reader.simulator import ReaderSimulator, sample_cards

from .conftest import FAST

CARDS = sample_cards()


def run(port: str, timeout_s: float = 3.0) -> tuple[int, str]:
    out = io.StringIO()
    reader = SerialReader(port, timeouts=FAST, backoff_s=(0.0,))
    code = reader_test(port, timeout_s, reader=reader, out=out)
    return code, out.getvalue()


def test_prints_masked_number_and_card_type(sim: ReaderSimulator) -> None:
    sim.place(CARDS["resident"])
    code, text = run(sim.path)
    assert code == ExitCode.OK
    assert "ID number: 150102********1236" in text
    assert "card type: resident identity card" in text
    assert "150102198001011236" not in text
    assert "巴特尔" not in text


def test_waits_for_the_card_to_be_laid_down(sim: ReaderSimulator) -> None:
    timer = threading.Timer(0.5, sim.place, args=(CARDS["hmt"],))
    timer.start()
    try:
        code, text = run(sim.path)
    finally:
        timer.cancel()
    assert code == ExitCode.OK
    assert "Hong Kong/Macau/Taiwan residence permit (J)" in text
    assert "810000********0021" in text
    assert "810000199408230021" not in text


@pytest.mark.parametrize(
    ("card", "says"),
    [pytest.param("badcheck", "fails the check (bad_check_character)", id="invalid-number"),
     pytest.param("foreign2017", "carries no resident ID number", id="2017-foreigner")],
)
def test_unusable_cards_fail_with_the_reason(sim: ReaderSimulator, card: str, says: str) -> None:
    sim.place(CARDS[card])
    code, text = run(sim.path)
    assert code == ExitCode.SELFTEST_FAILED
    assert says in text
    assert CARDS[card].id_number not in text


def test_no_card_in_time(sim: ReaderSimulator) -> None:
    code, text = run(sim.path, timeout_s=0.4)
    assert code == ExitCode.SELFTEST_FAILED
    assert "no card read within 0.4 s" in text


def test_no_reader(tmp_path: os.PathLike[str]) -> None:
    code, text = run(os.path.join(tmp_path, "ttyNOPE"), timeout_s=0.4)
    assert code == ExitCode.SELFTEST_FAILED
    assert "no working card reader" in text
    assert "absent" in text
