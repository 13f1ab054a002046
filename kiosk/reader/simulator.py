"""A simulated ID card reader module on a pseudo-terminal, for development, demos and tests.

It answers the real protocol on the master side of a pty pair; the kiosk opens the slave side
with pyserial exactly as it opens a USB serial reader. The kiosk should open :attr:`path`, a
symbolic link to the current slave device, like the stable ``/dev/serial/by-id/...`` links an
installer configures for a real reader.

Unplugging is done the honest way: the master side is closed, so the kiosk's next read or
write fails with an I/O error (as with a USB adapter pulled out), and the link disappears (the
device node is gone). :meth:`ReaderSimulator.replug` opens a new pty pair and points the link
at it; the slave device name changes, as it can with a real USB reader.

Run ``python -m kiosk.reader.simulator`` for an interactive one (``help`` lists its commands).
All cards are synthetic.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import sys
import tempfile
import threading
import tty
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from kiosk.reader.card import CardType, base_message, encode_text_block
from kiosk.reader.protocol import (
    BadChecksum,
    BadLength,
    Command,
    Frame,
    FrameParser,
    Reply,
    Sw3,
    decode_request,
)
from kiosk.visitor.idnumber import check_character

# --- synthetic cards ---------------------------------------------------------------------------


def synthetic_id(first17: str) -> str:
    """An ID number with a correct check character."""
    return first17 + check_character(first17)


def corrupt_check(id_number: str) -> str:
    """The same number with a wrong check character (a card that fails validation)."""
    wrong = "0" if id_number[-1] != "0" else "1"
    return id_number[:-1] + wrong


@dataclass(frozen=True)
class SimCard:
    card_type: CardType
    fields: tuple[tuple[str, str], ...]
    label: str = ""

    def text_block(self) -> bytes:
        return encode_text_block(self.card_type, dict(self.fields))

    @property
    def id_number(self) -> str:
        return dict(self.fields)["id_number"]


def _card(card_type: CardType, label: str, **values: str) -> SimCard:
    return SimCard(card_type, tuple(values.items()), label)


def resident_card(
    id_number: str = synthetic_id("15010219800101123"), name: str = "巴特尔·额尔敦"
) -> SimCard:
    return _card(
        CardType.RESIDENT, "resident", name=name, sex="1", nation="02", birth=id_number[6:14],
        address="内蒙古自治区呼和浩特市新城区示例路1号", id_number=id_number,
        authority="呼和浩特市公安局新城分局", valid_from="20150601", valid_to="长期",
    )


def sample_cards() -> dict[str, SimCard]:
    """The simulator's deck, by the names the console and tests use."""
    return {
        "resident": resident_card(),
        "resident2": resident_card(synthetic_id("11010519900307002"), "王𠮷"),
        "hmt": _card(
            CardType.HMT_RESIDENCE_PERMIT, "hmt", name="陈嘉欣", sex="2", birth="19940823",
            address="广东省深圳市福田区示例街道2号", id_number=synthetic_id("81000019940823002"),
            authority="深圳市公安局", valid_from="20200101", valid_to="20250101",
            permit_number="H60123456", issue_count="01",
        ),
        "foreign": _card(
            CardType.FOREIGN_PERMANENT, "foreign", name="史密斯", sex="1", renewals="00",
            birth="19850312", name_en="SMITH JOHN", id_number=synthetic_id("91184019850312001"),
            valid_from="20240101", valid_to="20340101", nationality="USA",
        ),
        "foreign2017": _card(
            CardType.FOREIGN_PERMANENT_2017, "foreign2017", name_en="SMITH JOHN", sex="1",
            id_number="USA110085031201", nationality="USA", name="史密斯",
            valid_from="20170101", valid_to="20270101", birth="19850312", version="01",
            authority_code="1100",
        ),
        "badcheck": resident_card(corrupt_check(synthetic_id("15010219800101123"))),
    }


# --- faults ------------------------------------------------------------------------------------


class Fault(StrEnum):
    BAD_CHECKSUM = "bad_checksum"
    """The reply's checksum byte is wrong."""
    TRUNCATED = "truncated"
    """Only the first half of the reply is sent."""
    GARBAGE = "garbage"
    """Noise of the reply's length instead of the reply."""
    SILENT = "silent"
    """No reply at all."""
    SAM_NOT_AUTHORISED = "sam_not_authorised"
    """Every command answers SW3 66."""
    UNPLUG = "unplug"
    """Half the reply, then the reader is unplugged (a cable pulled mid-read)."""


@dataclass
class _FaultRule:
    fault: Fault
    command: Command | None
    times: int | None

    def matches(self, command: Command | None) -> bool:
        return self.command is None or self.command == command


def _noise(length: int) -> bytes:
    # Deterministic, and free of 0xAA so it can never contain a preamble.
    return bytes(0x55 if b == 0xAA else b for b in ((i * 37 + 11) % 251 for i in range(length)))


# --- the module --------------------------------------------------------------------------------


@dataclass
class _Port:
    master: int
    slave: int
    device: str
    thread: threading.Thread | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    closed: bool = False


class ReaderSimulator:
    """One simulated module. Thread-safe: tests place and remove cards while the kiosk polls.

    ``halt_after_read`` imitates modules whose card, once read, stops answering find-card
    until it is taken away and laid down again (the default keeps answering "card found").
    """

    def __init__(self, link: str | os.PathLike[str] | None = None, *,
                 halt_after_read: bool = False) -> None:
        if link is None:
            self._tmpdir: str | None = tempfile.mkdtemp(prefix="kiosk-reader-sim-")
            link = Path(self._tmpdir) / "ttyREADER"
        else:
            self._tmpdir = None
        self._link = Path(link)
        self._halt_after_read = halt_after_read
        self._lock = threading.Lock()
        # Orders plugging against unplugging. A port pulled mid-reply is closed by its own
        # thread, possibly after the test has plugged in a new one that reuses its /dev/pts
        # number: without this, the old port would remove the new link or unplug the new port.
        self._plug_lock = threading.Lock()
        self._card: SimCard | None = None
        self._selected = False
        self._halted = False
        self._faults: list[_FaultRule] = []
        self._port: _Port | None = None
        self.commands: list[Command | None] = []
        """Every request received, in order (None for unknown commands), for tests."""

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def path(self) -> str:
        """Where the kiosk should open the reader: a stable link to the current device."""
        return str(self._link)

    @property
    def device(self) -> str | None:
        """The current slave device (``/dev/pts/N``), or None while unplugged."""
        return self._port.device if self._port else None

    @property
    def plugged(self) -> bool:
        return self._port is not None and not self._port.stop.is_set()

    def start(self) -> ReaderSimulator:
        self.replug()
        return self

    def replug(self) -> None:
        self.unplug()
        with self._plug_lock:
            master, slave = os.openpty()
            tty.setraw(slave)  # pyserial does this too; before it opens, nothing may be echoed
            port = _Port(master, slave, os.ttyname(slave))
            port.thread = threading.Thread(
                target=self._serve, args=(port,), name="reader-simulator", daemon=True
            )
            staging = self._link.with_name(self._link.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                staging.unlink()
            staging.symlink_to(port.device)
            staging.replace(self._link)
            self._port = port
        port.thread.start()

    def unplug(self) -> None:
        with self._plug_lock:
            port, self._port = self._port, None
        if port is None:
            return
        port.stop.set()
        if port.thread is not None and port.thread is not threading.current_thread():
            port.thread.join(timeout=5)
        self._close(port)

    def _pull(self, port: _Port) -> None:
        """``port``'s cable pulled, from its own thread: that port only, even if a new one is
        plugged in by now."""
        with self._plug_lock:
            if self._port is port:
                self._port = None
        port.stop.set()
        self._close(port)

    def close(self) -> None:
        self.unplug()
        if self._tmpdir is not None:
            with contextlib.suppress(OSError):
                os.rmdir(self._tmpdir)

    def __enter__(self) -> ReaderSimulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- what a person (or a test) does --------------------------------------------------

    def place(self, card: SimCard) -> None:
        with self._lock:
            self._card, self._selected, self._halted = card, False, False

    def remove(self) -> None:
        with self._lock:
            self._card, self._selected, self._halted = None, False, False

    def set_fault(
        self, fault: Fault, *, on: Command | None = None, times: int | None = None
    ) -> None:
        """Misbehave on replies to ``on`` (every command if None), ``times`` times (always if
        None)."""
        with self._lock:
            self._faults.append(_FaultRule(fault, on, times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    # --- the protocol --------------------------------------------------------------------

    def _serve(self, port: _Port) -> None:
        parser = FrameParser()
        while not port.stop.is_set():
            ready, _, _ = select.select([port.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(port.master, 4096)
            except OSError:
                return
            for item in parser.feed(data):
                if isinstance(item, Frame):
                    self._answer(port, item)
                elif isinstance(item, BadChecksum | BadLength):
                    code = Sw3.CHECKSUM_ERROR if isinstance(item, BadChecksum) else Sw3.LENGTH_ERROR
                    self._send(port, Reply(code).frame().encode())
                if port.stop.is_set():
                    return

    def _answer(self, port: _Port, frame: Frame) -> None:
        request = decode_request(frame)
        command = request.command
        with self._lock:
            self.commands.append(command)
            fault = self._take_fault(command)
            reply = (Reply(Sw3.SAM_NOT_AUTHORISED) if fault is Fault.SAM_NOT_AUTHORISED
                     else self._reply(command))
        wire = reply.frame().encode()
        if fault is Fault.BAD_CHECKSUM:
            wire = wire[:-1] + bytes([wire[-1] ^ 0xFF])
        elif fault in (Fault.TRUNCATED, Fault.UNPLUG):
            wire = wire[: len(wire) // 2]
        elif fault is Fault.GARBAGE:
            wire = _noise(len(wire))
        elif fault is Fault.SILENT:
            wire = b""
        self._send(port, wire)
        if fault is Fault.UNPLUG:
            self._pull(port)

    def _take_fault(self, command: Command | None) -> Fault | None:
        for rule in self._faults:
            if rule.matches(command):
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._faults.remove(rule)
                return rule.fault
        return None

    def _reply(self, command: Command | None) -> Reply:
        card = self._card
        if command in (Command.RESET, Command.SAM_STATUS):
            return Reply(Sw3.OK)
        if command is Command.SAM_ID:
            return Reply(Sw3.OK, bytes(range(16)))  # a made-up SAM serial
        if command is Command.FIND_CARD:
            self._selected = False
            if card is None or self._halted:
                return Reply(Sw3.NO_CARD)
            return Reply(Sw3.CARD_FOUND, bytes(4))
        if command is Command.SELECT_CARD:
            if card is None or self._halted:
                return Reply(Sw3.SELECT_FAILED)
            self._selected = True
            return Reply(Sw3.OK, bytes(8))
        if command is Command.READ_BASE:
            if card is None or not self._selected:
                return Reply(Sw3.READ_FAILED)
            self._selected = False
            self._halted = self._halt_after_read
            return Reply(Sw3.OK, base_message(card.text_block()))
        return Reply(Sw3.BAD_COMMAND)

    def _send(self, port: _Port, wire: bytes) -> None:
        try:
            os.write(port.master, wire)
        except OSError:
            port.stop.set()

    def _close(self, port: _Port) -> None:
        with self._plug_lock:
            if port.closed:  # once: a closed descriptor's number may belong to a new port
                return
            port.closed = True
            # The link first: while the pty is open, no new port can have its device name.
            with contextlib.suppress(FileNotFoundError):
                if self._link.is_symlink() and os.readlink(self._link) == port.device:
                    self._link.unlink()
            for fd in (port.master, port.slave):
                with contextlib.suppress(OSError):
                    os.close(fd)


# --- console -----------------------------------------------------------------------------------

_HELP = """commands:
  place CARD        lay a card down ({cards})
  remove            take the card away
  unplug / replug   pull the cable out / put it back
  fault NAME [CMD]  misbehave ({faults}); CMD limits it to one command ({commands})
  clear             no more faults
  quit"""


def _console(sim: ReaderSimulator, lines: Iterable[str]) -> bool:
    """Carry out console commands; True if told to quit, False when the input ran out."""
    cards = sample_cards()
    faults = {f.value: f for f in Fault}
    commands = {c.name.lower(): c for c in Command}
    help_text = _HELP.format(
        cards=", ".join(cards), faults=", ".join(faults), commands=", ".join(commands)
    )
    for line in lines:
        words = line.lower().split()
        if not words:
            continue
        verb, args = words[0], words[1:]
        if verb == "quit":
            return True
        if verb == "place" and args and args[0] in cards:
            sim.place(cards[args[0]])
        elif verb == "remove":
            sim.remove()
        elif verb == "unplug":
            sim.unplug()
        elif verb == "replug":
            sim.replug()
            print(f"plugged in at {sim.path} -> {sim.device}", flush=True)
        elif verb == "fault" and args and args[0] in faults:
            sim.set_fault(faults[args[0]], on=commands.get(args[1]) if len(args) > 1 else None)
        elif verb == "clear":
            sim.clear_faults()
        else:
            print(help_text, flush=True)
            continue
        print("ok", flush=True)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.reader.simulator",
        description="Simulated ID card reader module on a pseudo-terminal (synthetic cards).",
    )
    parser.add_argument("--link", help="path of the link to the reader device (default: temp)")
    parser.add_argument("--card", choices=sorted(sample_cards()), help="card to lay down at start")
    parser.add_argument("--halt-after-read", action="store_true",
                        help="a card read once stops answering until laid down again")
    args = parser.parse_args(argv)
    with ReaderSimulator(args.link, halt_after_read=args.halt_after_read) as sim:
        if args.card:
            sim.place(sample_cards()[args.card])
        print(f"reader simulator at {sim.path} -> {sim.device}", flush=True)
        print("type help for commands", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            if not _console(sim, sys.stdin):
                threading.Event().wait()  # started without a console: serve until killed
    return 0


if __name__ == "__main__":
    sys.exit(main())
