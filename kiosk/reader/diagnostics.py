"""``kiosk reader-test``: the duty officer's check that the card reader works.

It finds the module (or opens the given port), waits for one card and prints the card type and
the masked ID number, never the whole number and never the name.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from kiosk.api.models import ReaderState
from kiosk.exitcodes import ExitCode
from kiosk.reader.card import CardData, CardResult, CardType, InvalidCardNumber
from kiosk.reader.serial_driver import AUTO, SerialReader
from kiosk.visitor.idnumber import mask_id_number

CARD_TYPE_WORDS: dict[CardType, str] = {
    CardType.RESIDENT: "resident identity card",
    CardType.HMT_RESIDENCE_PERMIT: "Hong Kong/Macau/Taiwan residence permit (J)",
    CardType.FOREIGN_PERMANENT: "foreigner permanent residence card, 2023 edition (Y)",
    CardType.FOREIGN_PERMANENT_2017: "foreigner permanent residence card, 2017 edition (I)",
    CardType.UNKNOWN: "unknown card type",
}

_POLL_INTERVAL_S = 0.3


def describe(result: CardResult) -> list[str]:
    lines = [f"card type: {CARD_TYPE_WORDS[result.card_type]}"]
    masked = mask_id_number(result.id_number)
    if isinstance(result, CardData):
        lines += [f"ID number: {masked}", "result:    OK, the kiosk accepts this card"]
    elif isinstance(result, InvalidCardNumber):
        lines += [f"ID number: {masked}",
                  f"result:    the number fails the check ({result.check.value}); the kiosk "
                  "treats it like a mistyped number"]
    else:
        lines += [f"ID number: {masked}",
                  "result:    this card carries no resident ID number; the family must enter "
                  "one by hand"]
    return lines


def reader_test(
    port: str | None, timeout_s: float, *, reader: SerialReader | None = None,
    out: TextIO | None = None,
) -> int:
    """Read one card within ``timeout_s``; 0 if the kiosk could use it, else a failure code."""
    out = out or sys.stdout
    reader = reader or SerialReader(port or AUTO)
    try:
        state = reader.check()
        if state is not ReaderState.READY:
            where = port or "any serial port (probed)"
            print(f"reader-test: no working card reader on {where}: {state.value}", file=out)
            return ExitCode.SELFTEST_FAILED
        print(f"card reader module ready on {reader.device}; lay a card on it "
              f"(waiting {timeout_s:g} s)", file=out, flush=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            result = reader.poll()
            if result is not None:
                for line in describe(result):
                    print(line, file=out)
                return ExitCode.OK if isinstance(result, CardData) else ExitCode.SELFTEST_FAILED
            time.sleep(_POLL_INTERVAL_S)
        print(f"reader-test: no card read within {timeout_s:g} s (reader {reader.state.value})",
              file=out)
        return ExitCode.SELFTEST_FAILED
    finally:
        reader.close()
