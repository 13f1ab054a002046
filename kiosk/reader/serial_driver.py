"""Driver for the standard ID card reader module on a serial port (usually USB, 115200 8N1).

Everything here blocks; it runs on a worker thread. :meth:`SerialReader.poll` never raises for
hardware trouble: a port that is missing or vanishes makes the reader ABSENT, a module that
answers garbage, nothing, or a fault status makes it ERROR. Either way the port is closed and
reopened in the background with a growing pause (``backoff_s``), so unplugging and replugging
the reader, or a module that recovers, needs nobody at the terminal.
"""

from __future__ import annotations

import contextlib
import glob
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import serial
from serial.tools import list_ports

from kiosk import log
from kiosk.api.models import ReaderState
from kiosk.reader.card import CardResult, parse_base_message
from kiosk.reader.protocol import (
    BadChecksum,
    BadLength,
    Command,
    Frame,
    FrameParser,
    Garbage,
    NoReply,
    ProtocolError,
    Reply,
    Sw3,
    Truncated,
    build_request,
    decode_reply,
    describe_sw3,
)

BAUD_RATE = 115200
_READ_SLICE_S = 0.05
"""Longest single blocking read; the exchange loop checks its own deadline in between."""
_WRITE_TIMEOUT_S = 1.0

AUTO = "auto"
PROBE_PATTERNS = ("/dev/ttyUSB*", "/dev/ttyACM*")

_CARD_TROUBLE = frozenset({
    Sw3.NO_CARD, Sw3.SELECT_FAILED, Sw3.AUTH_FAILED_1, Sw3.AUTH_FAILED_2, Sw3.AUTH_FAILED_3,
    Sw3.UNKNOWN_CARD_TYPE, Sw3.READ_FAILED,
})
"""Statuses caused by the card (taken away mid-read, not an ID card), not by the module."""


class StatusError(Exception):
    """The module answered a command with a status that is not success."""

    def __init__(self, command: Command, sw3: int) -> None:
        super().__init__(f"{command.name}: {describe_sw3(sw3)}")
        self.command = command
        self.sw3 = sw3

    @property
    def card_trouble(self) -> bool:
        return self.sw3 in _CARD_TROUBLE


@dataclass(frozen=True)
class Timeouts:
    reply_s: float = 0.5
    read_card_s: float = 2.0
    """Reading the chip takes real modules up to about a second before the reply starts."""
    probe_s: float = 0.3


Clock = Callable[[], float]


def exchange(port: serial.Serial, command: Command, timeout_s: float) -> Reply:
    """Send one request and wait for its reply frame.

    Raises :class:`ProtocolError` (BadChecksum/BadLength at once; Truncated, Garbage or NoReply
    when the deadline passes) and :class:`serial.SerialException`/``OSError`` for a port that
    failed. Stray bytes before a good reply are forgiven.
    """
    stale = port.in_waiting
    if stale:
        port.read(stale)  # a late reply to an earlier, timed-out request
    port.write(build_request(command))
    parser = FrameParser()
    received = 0
    garbage: Garbage | None = None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        chunk = port.read(max(1, port.in_waiting))
        received += len(chunk)
        for item in parser.feed(chunk):
            if isinstance(item, Frame):
                return decode_reply(item)
            if isinstance(item, BadChecksum | BadLength):
                raise item
            if isinstance(item, Garbage):
                garbage = garbage or item
    if parser.pending:
        raise Truncated(received)
    if garbage is not None:
        raise garbage
    raise NoReply()


def _open(device: str) -> serial.Serial:
    return serial.Serial(
        device, BAUD_RATE, bytesize=serial.EIGHTBITS, parity=serial.PARITY_NONE,
        stopbits=serial.STOPBITS_ONE, timeout=_READ_SLICE_S, write_timeout=_WRITE_TIMEOUT_S,
    )


def candidate_ports() -> list[str]:
    """Serial ports worth probing: what the OS lists plus USB serial device nodes."""
    found = [info.device for info in list_ports.comports()]
    for pattern in PROBE_PATTERNS:
        found.extend(sorted(glob.glob(pattern)))
    unique: dict[str, str] = {}
    for device in found:
        unique.setdefault(os.path.realpath(device), device)
    return list(unique.values())


def probe_ports(
    candidates: Iterable[str] | None = None,
    *,
    timeout_s: float = Timeouts.probe_s,
    exclude: Iterable[str] = (),
) -> str | None:
    """The first port whose device answers the SAM status command with a well-formed reply
    (whatever the status: a module with an unauthorised SAM is still the reader).

    ``exclude`` names ports that must never receive the probe (a serial receipt printer would
    print the request bytes).
    """
    excluded = {os.path.realpath(device) for device in exclude}
    for device in candidate_ports() if candidates is None else candidates:
        if os.path.realpath(device) in excluded:
            continue
        try:
            with _open(device) as port:
                exchange(port, Command.SAM_STATUS, timeout_s)
        except (ProtocolError, serial.SerialException, OSError) as exc:
            log.reader.debug("probe %s: %s", device, exc)
            continue
        log.reader.info("card reader module found on %s", device)
        return device
    return None


class SerialReader:
    """The reader module on ``port`` (a device path, or ``auto`` to probe on every connect, so
    a reader that comes back under another name after a replug is found again)."""

    def __init__(
        self,
        port: str = AUTO,
        *,
        timeouts: Timeouts = Timeouts(),
        backoff_s: Sequence[float] = (0.5, 1.0, 2.0, 5.0),
        forget_after_polls: int = 2,
        exclude_ports: Iterable[str] = (),
        clock: Clock = time.monotonic,
    ) -> None:
        """``clock`` only paces the reconnect backoff (tests pass a hand-driven one)."""
        self._port_setting = port
        self._timeouts = timeouts
        self._backoff_s = tuple(backoff_s) or (0.0,)
        self._forget_after = max(1, forget_after_polls)
        self._exclude = tuple(exclude_ports)
        self._clock = clock
        self._port: serial.Serial | None = None
        self._device: str | None = None
        self._state = ReaderState.ABSENT
        self._failures = 0
        self._retry_at = float("-inf")
        self._card_on_reader = False
        self._empty_polls = 0

    # --- what the rest of the kiosk sees ---------------------------------------------------

    @property
    def state(self) -> ReaderState:
        return self._state

    @property
    def device(self) -> str | None:
        """The port in use while connected."""
        return self._device

    def poll(self) -> CardResult | None:
        if self._port is None and not self._connect():
            return None
        return self._guarded(self._poll_card)

    def check(self) -> ReaderState:
        """Connect now if not connected (ignoring the backoff), else ask the module for its SAM
        status; the resulting state (for the self-test and diagnostics)."""
        if self._port is None:
            self._retry_at = float("-inf")
            self._connect()
        else:
            self._guarded(self._check_sam)
        return self._state

    def close(self) -> None:
        if self._port is not None:
            # Closing a port whose device is gone may fail; it is closed all the same.
            with contextlib.suppress(serial.SerialException, OSError):
                self._port.close()
        self._port = None
        self._device = None

    # --- single commands (the port must be open) -------------------------------------------

    def sam_status(self) -> int:
        return self._transact(Command.SAM_STATUS).sw3

    def find_card(self) -> bool:
        sw3 = self._transact(Command.FIND_CARD).sw3
        if sw3 == Sw3.CARD_FOUND:
            return True
        if sw3 in _CARD_TROUBLE:
            return False
        raise StatusError(Command.FIND_CARD, sw3)

    def select_card(self) -> bool:
        sw3 = self._transact(Command.SELECT_CARD).sw3
        if sw3 == Sw3.OK:
            return True
        if sw3 in _CARD_TROUBLE:
            return False
        raise StatusError(Command.SELECT_CARD, sw3)

    def read_base(self) -> CardResult:
        reply = self._transact(Command.READ_BASE, self._timeouts.read_card_s)
        if reply.sw3 != Sw3.OK:
            raise StatusError(Command.READ_BASE, reply.sw3)
        return parse_base_message(reply.data)

    # --- internals -------------------------------------------------------------------------

    def _transact(self, command: Command, timeout_s: float | None = None) -> Reply:
        if self._port is None:
            raise serial.SerialException("reader port is not open")
        timeout = self._timeouts.reply_s if timeout_s is None else timeout_s
        return exchange(self._port, command, timeout)

    def _guarded(self, action: Callable[[], CardResult | None]) -> CardResult | None:
        """Run one exchange; a fault closes the port and sets the state instead of raising."""
        try:
            return action()
        except serial.SerialTimeoutException as exc:
            self._fail(ReaderState.ERROR, exc)
        except (serial.SerialException, OSError) as exc:
            self._fail(ReaderState.ABSENT, exc)
        except (ProtocolError, StatusError) as exc:
            self._fail(ReaderState.ERROR, exc)
        return None

    def _check_sam(self) -> None:
        sw3 = self.sam_status()
        if sw3 != Sw3.OK:
            raise StatusError(Command.SAM_STATUS, sw3)

    def _poll_card(self) -> CardResult | None:
        if not self.find_card():
            # Some modules miss a card that lies still for one poll; forget it only after
            # several empty answers in a row so it is not read twice.
            self._empty_polls += 1
            if self._empty_polls >= self._forget_after:
                self._card_on_reader = False
            return None
        self._empty_polls = 0
        if self._card_on_reader:
            return None
        try:
            if not self.select_card():
                return None
            result = self.read_base()
        except StatusError as exc:
            if not exc.card_trouble:
                raise
            log.reader.debug("card not read: %s", exc)  # taken away mid-read, or not an ID card
            return None
        self._card_on_reader = True
        return result

    def _connect(self) -> bool:
        if self._clock() < self._retry_at:
            return False
        device = self._port_setting
        if device == AUTO:
            found = probe_ports(timeout_s=self._timeouts.probe_s, exclude=self._exclude)
            if found is None:
                self._fail(ReaderState.ABSENT, "no port answers like a card reader module")
                return False
            device = found
        try:
            self._port = _open(device)
        except (serial.SerialException, OSError) as exc:
            self._fail(ReaderState.ABSENT, exc)
            return False
        self._device = device
        self._guarded(self._check_sam)
        if self._port is None:  # the check failed and closed it
            return False
        self._failures = 0
        self._set_state(ReaderState.READY, f"module ready on {device}")
        return True

    def _fail(self, state: ReaderState, reason: object) -> None:
        self.close()
        pause = self._backoff_s[min(self._failures, len(self._backoff_s) - 1)]
        self._failures += 1
        self._retry_at = self._clock() + pause
        self._set_state(state, f"{reason}; retry in {pause:g} s")

    def _set_state(self, state: ReaderState, reason: str) -> None:
        # Only the reason's kind of fault and the port go to the log, never card content.
        if state is not self._state:
            log.reader.info("reader %s -> %s: %s", self._state.value, state.value, reason)
        else:
            log.reader.debug("reader %s: %s", state.value, reason)
        self._state = state
