"""The serial driver against the simulator, over a real pseudo-terminal through pyserial."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import serial

from kiosk.api.models import ReaderState
from kiosk.reader import serial_driver
from kiosk.reader.card import CardData, CardType, InvalidCardNumber, UnsupportedCard
from kiosk.reader.protocol import (
    BadChecksum,
    Command,
    Garbage,
    NoReply,
    ProtocolError,
    Sw3,
    Truncated,
)
from kiosk.reader.reader import NullReader, make_reader
from kiosk.reader.serial_driver import SerialReader, probe_ports
from kiosk.reader.simulator import Fault, ReaderSimulator, sample_cards
from kiosk.settings.schema import ReaderSettings
from kiosk.visitor.idnumber import IdCheck

from .conftest import FAST

CARDS = sample_cards()


def take_away(sim: ReaderSimulator, reader: SerialReader) -> None:
    sim.remove()
    for _ in range(2):  # the driver forgets a card after two empty answers
        assert reader.poll() is None


def test_no_card_means_nothing_read_and_ready(reader: SerialReader) -> None:
    assert reader.poll() is None
    assert reader.state is ReaderState.READY


def test_placed_card_is_read(sim: ReaderSimulator, reader: SerialReader) -> None:
    assert reader.poll() is None
    sim.place(CARDS["resident"])
    result = reader.poll()
    assert result == CardData("150102198001011236", "巴特尔·额尔敦", CardType.RESIDENT)
    assert reader.state is ReaderState.READY


@pytest.mark.parametrize("halts", [False, True], ids=["keeps-answering", "halts-after-read"])
def test_card_left_on_the_reader_is_read_once(halts: bool) -> None:
    with ReaderSimulator(halt_after_read=halts) as sim:
        reader = SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,))
        sim.place(CARDS["resident2"])
        results = [reader.poll() for _ in range(6)]
        reader.close()
    assert isinstance(results[0], CardData)
    assert results[0].name == "王𠮷"
    assert results[1:] == [None] * 5
    assert sim.commands.count(Command.READ_BASE) == 1


def test_card_taken_away_and_laid_down_again_is_read_again(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    sim.place(CARDS["resident"])
    assert isinstance(reader.poll(), CardData)
    take_away(sim, reader)
    sim.place(CARDS["resident"])
    assert isinstance(reader.poll(), CardData)


def test_one_missed_find_does_not_cause_a_second_read(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    sim.place(CARDS["resident"])
    assert isinstance(reader.poll(), CardData)
    sim.remove()
    assert reader.poll() is None  # a single "no card" answer ...
    sim.place(CARDS["resident"])
    assert reader.poll() is None  # ... is not taken as the card being gone


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        pytest.param("hmt", CardData("810000199408230021", "陈嘉欣",
                                     CardType.HMT_RESIDENCE_PERMIT), id="J"),
        pytest.param("foreign", CardData("91184019850312001X", "史密斯",
                                         CardType.FOREIGN_PERMANENT), id="Y"),
        pytest.param("foreign2017", UnsupportedCard(CardType.FOREIGN_PERMANENT_2017,
                                                    "USA110085031201"), id="I"),
    ],
)
def test_other_card_types(
    sim: ReaderSimulator, reader: SerialReader, card: str, expected: object
) -> None:
    sim.place(CARDS[card])
    assert reader.poll() == expected
    assert reader.state is ReaderState.READY


def test_card_failing_the_check_character_is_invalid_card_number(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    sim.place(CARDS["badcheck"])
    result = reader.poll()
    assert isinstance(result, InvalidCardNumber)
    assert result.check is IdCheck.BAD_CHECK_CHARACTER
    assert reader.state is ReaderState.READY


# --- faults ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fault", "error"),
    [
        pytest.param(Fault.BAD_CHECKSUM, BadChecksum, id="bad-checksum"),
        pytest.param(Fault.TRUNCATED, Truncated, id="truncated"),
        pytest.param(Fault.GARBAGE, Garbage, id="garbage"),
        pytest.param(Fault.SILENT, NoReply, id="silent"),
    ],
)
def test_faulty_reply_raises_a_typed_protocol_error(
    sim: ReaderSimulator, reader: SerialReader, fault: Fault, error: type[ProtocolError]
) -> None:
    assert reader.check() is ReaderState.READY
    sim.set_fault(fault, on=Command.SAM_STATUS, times=1)
    with pytest.raises(error):
        reader.sam_status()


@pytest.mark.parametrize("fault", [Fault.BAD_CHECKSUM, Fault.TRUNCATED, Fault.GARBAGE,
                                   Fault.SILENT, Fault.SAM_NOT_AUTHORISED], ids=str)
def test_fault_mid_read_is_error_then_recovers(
    sim: ReaderSimulator, reader: SerialReader, fault: Fault
) -> None:
    sim.place(CARDS["resident"])
    sim.set_fault(fault, on=Command.READ_BASE, times=1)
    assert reader.poll() is None
    assert reader.state is ReaderState.ERROR
    result = reader.poll()  # reconnects (no backoff in tests), the card is still there
    assert isinstance(result, CardData)
    assert reader.state is ReaderState.READY


def test_sam_not_authorised_is_error_until_it_is(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    sim.set_fault(Fault.SAM_NOT_AUTHORISED)
    assert reader.check() is ReaderState.ERROR
    assert reader.poll() is None
    assert reader.state is ReaderState.ERROR
    sim.clear_faults()
    assert reader.poll() is None
    assert reader.state is ReaderState.READY


def test_sam_status_reports_the_status_byte(sim: ReaderSimulator, reader: SerialReader) -> None:
    assert reader.check() is ReaderState.READY
    assert reader.sam_status() == Sw3.OK
    sim.set_fault(Fault.SAM_NOT_AUTHORISED, times=1)
    assert reader.sam_status() == Sw3.SAM_NOT_AUTHORISED


# --- unplugging --------------------------------------------------------------------------------

def test_unplug_mid_read_then_recovery_after_replug(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    assert reader.poll() is None
    sim.set_fault(Fault.UNPLUG, on=Command.READ_BASE, times=1)
    sim.place(CARDS["resident"])
    assert reader.poll() is None
    assert reader.state in (ReaderState.ERROR, ReaderState.ABSENT)
    assert not sim.plugged
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT  # the device node is gone
    old_device = sim.device
    sim.replug()
    assert sim.device != old_device or old_device is None
    result = reader.poll()
    assert isinstance(result, CardData)
    assert reader.state is ReaderState.READY


def test_every_replug_after_an_unplug_mid_read_is_read(
    sim: ReaderSimulator, reader: SerialReader
) -> None:
    # The pulled port is closed by its own thread, and the new one may get its /dev/pts
    # number: a late close must touch neither the new link nor the new port. Before the
    # simulator ordered the two, one round in a few dozen found no reader.
    misses: list[int] = []
    for round_number in range(150):
        take_away(sim, reader)
        sim.set_fault(Fault.UNPLUG, on=Command.READ_BASE, times=1)
        sim.place(CARDS["resident"])
        assert reader.poll() is None
        assert reader.poll() is None
        sim.replug()
        if not isinstance(reader.poll(), CardData):
            misses.append(round_number)
    assert misses == []


def test_unplug_between_polls_is_absent(sim: ReaderSimulator, reader: SerialReader) -> None:
    assert reader.poll() is None
    sim.unplug()
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT
    sim.replug()
    assert reader.poll() is None
    assert reader.state is ReaderState.READY


def test_missing_port_is_absent_not_an_exception(tmp_path: os.PathLike[str]) -> None:
    reader = SerialReader(os.path.join(tmp_path, "ttyNOPE"), timeouts=FAST)
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT
    assert reader.check() is ReaderState.ABSENT


def test_reconnect_waits_for_the_backoff(sim: ReaderSimulator) -> None:
    now = [100.0]
    reader = SerialReader(sim.path, timeouts=FAST, backoff_s=(10.0, 30.0), clock=lambda: now[0])
    sim.unplug()
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT
    sim.replug()
    now[0] += 9.0
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT  # not retried yet
    assert sim.commands == []
    now[0] += 1.0
    assert reader.poll() is None
    assert reader.state is ReaderState.READY
    assert sim.commands[:2] == [Command.SAM_STATUS, Command.FIND_CARD]
    reader.close()


def test_backoff_grows_after_repeated_failures(
    tmp_path: os.PathLike[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [0.0]
    reader = SerialReader(os.path.join(tmp_path, "ttyNOPE"), backoff_s=(1.0, 5.0),
                          clock=lambda: now[0])
    attempts: list[float] = []
    real_open = serial_driver._open

    def counting_open(device: str) -> serial.Serial:
        attempts.append(now[0])
        return real_open(device)

    monkeypatch.setattr(serial_driver, "_open", counting_open)
    for second in range(12):
        now[0] = float(second)
        assert reader.poll() is None
    assert attempts == [0.0, 1.0, 6.0, 11.0]


# --- probing -----------------------------------------------------------------------------------

@pytest.fixture
def silent_pty() -> Iterator[str]:
    """A serial device that never answers (a different gadget on the bus)."""
    master, slave = os.openpty()
    yield os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_probe_finds_the_module_among_other_ports(
    sim: ReaderSimulator, silent_pty: str, tmp_path: os.PathLike[str]
) -> None:
    candidates = [os.path.join(tmp_path, "ttyGONE"), silent_pty, sim.path]
    assert probe_ports(candidates, timeout_s=0.2) == sim.path
    assert probe_ports(candidates, timeout_s=0.2, exclude=[sim.device or ""]) is None


def test_probe_accepts_a_module_with_an_unauthorised_sam(sim: ReaderSimulator) -> None:
    sim.set_fault(Fault.SAM_NOT_AUTHORISED)
    assert probe_ports([sim.path], timeout_s=0.2) == sim.path


def test_auto_port_finds_the_reader_again_under_a_new_name(
    sim: ReaderSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the OS's port enumeration is replaced: it lists the pty's real device name.
    monkeypatch.setattr(
        serial_driver, "candidate_ports", lambda: [sim.device] if sim.device else []
    )
    reader = SerialReader("auto", timeouts=FAST, backoff_s=(0.0,))
    sim.place(CARDS["resident"])
    assert isinstance(reader.poll(), CardData)
    first = reader.device
    sim.unplug()
    assert reader.poll() is None
    assert reader.state is ReaderState.ABSENT
    squatter = os.openpty()  # takes the freed device number, so the reader comes back renamed
    try:
        sim.replug()
        assert reader.poll() is None  # same card, still on the reader: not read twice
        assert reader.state is ReaderState.READY
        assert reader.device == sim.device != first
    finally:
        reader.close()
        for fd in squatter:
            os.close(fd)


# --- the factory -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("backend", "state"),
    [pytest.param("none", ReaderState.DISABLED, id="none"),
     pytest.param("keyboard", ReaderState.READY, id="keyboard")],
)
def test_factory_without_serial(backend: str, state: ReaderState) -> None:
    reader = make_reader(ReaderSettings(backend=backend))  # type: ignore[arg-type]
    assert isinstance(reader, NullReader)
    assert reader.state is state
    assert reader.check() is state
    assert reader.poll() is None


def test_factory_serial_uses_the_configured_port(sim: ReaderSimulator) -> None:
    reader = make_reader(ReaderSettings(backend="serial", port=sim.path))
    assert isinstance(reader, SerialReader)
    assert reader.check() is ReaderState.READY
    assert reader.device == sim.path
    reader.close()
