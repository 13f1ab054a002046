"""Frames of the standard resident ID card reader module (the ``AA AA AA 96 69`` protocol).

Request:  ``AA AA AA 96 69 | LEN(2, big-endian) | CMD PARA | data | CHK``
Reply:    ``AA AA AA 96 69 | LEN(2, big-endian) | SW1 SW2 SW3 | data | CHK``

``LEN`` counts every byte after the LEN field, CHK included; ``CHK`` is the XOR of every byte
from LEN through the last data byte. Worked example, the SAM status request::

    AA AA AA 96 69 | 00 03 | 11 FF | ED        (00 ^ 03 ^ 11 ^ FF = ED)

:class:`FrameParser` turns a byte stream (either direction) into frames. It never raises: each
fault comes back as a value, a :class:`ProtocolError` subclass, and the parser resynchronises on
the next preamble. Timeouts are the driver's business (it knows the clock), which reports them
as :class:`Truncated` or :class:`NoReply`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

PREAMBLE = bytes.fromhex("AAAAAA9669")
LEN_SIZE = 2
MIN_LEN = 3
"""Smallest LEN: two body bytes (CMD PARA) plus CHK. A reply needs one more (SW1 SW2 SW3)."""
MAX_LEN = 0x1000
"""Largest LEN accepted. The biggest real reply (base message with fingerprints) is 0x0908;
anything far beyond is line noise, and waiting for it would stall the reader."""


class Command(Enum):
    """Requests the kiosk sends, as (CMD, PARA)."""

    RESET = (0x10, 0xFF)
    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_BASE = (0x30, 0x01)

    @property
    def cmd(self) -> int:
        return self.value[0]

    @property
    def para(self) -> int:
        return self.value[1]

    @classmethod
    def lookup(cls, cmd: int, para: int) -> Command | None:
        for command in cls:
            if command.value == (cmd, para):
                return command
        return None


class Sw3(IntEnum):
    """Status byte SW3 of a reply, with the module's documented meaning."""

    OK = 0x90
    CARD_FOUND = 0x9F
    NO_CARD = 0x80
    SELECT_FAILED = 0x81
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    BAD_COMMAND = 0x21
    AUTH_FAILED_1 = 0x31
    AUTH_FAILED_2 = 0x32
    AUTH_FAILED_3 = 0x33
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66

    @property
    def meaning(self) -> str:
        return _SW3_MEANINGS[self]


_SW3_MEANINGS: dict[Sw3, str] = {
    Sw3.OK: "success",
    Sw3.CARD_FOUND: "card found",
    Sw3.NO_CARD: "no card",
    Sw3.SELECT_FAILED: "card select failed",
    Sw3.CHECKSUM_ERROR: "module received a frame with a bad checksum",
    Sw3.LENGTH_ERROR: "module received a frame with a bad length",
    Sw3.BAD_COMMAND: "module does not know the command",
    Sw3.AUTH_FAILED_1: "card authentication failed (card to SAM)",
    Sw3.AUTH_FAILED_2: "card authentication failed (SAM to card)",
    Sw3.AUTH_FAILED_3: "card authentication failed (information)",
    Sw3.UNKNOWN_CARD_TYPE: "unknown card type",
    Sw3.READ_FAILED: "card read failed",
    Sw3.SAM_SELF_TEST_FAILED: "SAM self-test failed",
    Sw3.SAM_NOT_AUTHORISED: "SAM not authorised",
}


def describe_sw3(code: int) -> str:
    """Human words for a status byte, also for codes the documentation does not list."""
    try:
        return f"{code:02X} {Sw3(code).meaning}"
    except ValueError:
        return f"{code:02X} undocumented status"


# --- errors ------------------------------------------------------------------------------------


class ProtocolError(Exception):
    """The bytes on the line do not make a valid exchange. Returned by the parser as a value,
    raised by the driver."""


class BadChecksum(ProtocolError):
    def __init__(self, expected: int, received: int) -> None:
        super().__init__(f"checksum {received:02X}, expected {expected:02X}")
        self.expected = expected
        self.received = received


class BadLength(ProtocolError):
    def __init__(self, length: int) -> None:
        super().__init__(f"frame length {length} outside {MIN_LEN}..{MAX_LEN}")
        self.length = length


class Garbage(ProtocolError):
    """Bytes that are not part of any frame were skipped."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} stray byte(s) skipped")
        self.count = count


class Truncated(ProtocolError):
    """A frame started but its end did not arrive in time (raised by the driver)."""

    def __init__(self, received: int) -> None:
        super().__init__(f"frame cut short after {received} byte(s)")
        self.received = received


class NoReply(ProtocolError):
    """Nothing at all came back in time (raised by the driver)."""

    def __init__(self) -> None:
        super().__init__("no reply")


class BadReply(ProtocolError):
    """A well-formed frame whose content makes no sense for the request."""


# --- frames ------------------------------------------------------------------------------------


def xor_checksum(data: bytes) -> int:
    """The XOR of every byte, folded as one integer at C speed.

    The parser checksums up to ``MAX_LEN`` bytes for every candidate preamble, and line noise
    can hold one every seven bytes: a byte-by-byte Python loop fell behind a 115200 baud line.
    """
    size = len(data)
    value = int.from_bytes(data, "little")
    while size > 1:
        half = (size + 1) // 2
        value = (value & ((1 << (8 * half)) - 1)) ^ (value >> (8 * half))
        size = half
    return value


@dataclass(frozen=True)
class Frame:
    """One frame without its envelope: ``payload`` is everything between LEN and CHK."""

    payload: bytes

    def encode(self) -> bytes:
        length = (len(self.payload) + 1).to_bytes(LEN_SIZE, "big")
        body = length + self.payload
        return PREAMBLE + body + bytes([xor_checksum(body)])


@dataclass(frozen=True)
class Request:
    cmd: int
    para: int
    data: bytes = b""

    @property
    def command(self) -> Command | None:
        return Command.lookup(self.cmd, self.para)

    def frame(self) -> Frame:
        return Frame(bytes([self.cmd, self.para]) + self.data)


@dataclass(frozen=True)
class Reply:
    sw3: int
    data: bytes = b""
    sw1: int = 0x00
    sw2: int = 0x00

    def frame(self) -> Frame:
        return Frame(bytes([self.sw1, self.sw2, self.sw3]) + self.data)


def build_request(command: Command, data: bytes = b"") -> bytes:
    return Request(command.cmd, command.para, data).frame().encode()


def build_reply(sw3: int, data: bytes = b"") -> bytes:
    return Reply(sw3, data).frame().encode()


def decode_request(frame: Frame) -> Request:
    if len(frame.payload) < 2:
        raise BadReply("request shorter than CMD PARA")
    return Request(frame.payload[0], frame.payload[1], frame.payload[2:])


def decode_reply(frame: Frame) -> Reply:
    if len(frame.payload) < 3:
        raise BadReply("reply shorter than SW1 SW2 SW3")
    sw1, sw2, sw3 = frame.payload[:3]
    return Reply(sw3, frame.payload[3:], sw1, sw2)


class FrameParser:
    """Incremental frame parser: feed it bytes as they arrive, collect frames and errors.

    Work per call grows with the bytes fed, not with history; a frame in waiting is bounded by
    ``MAX_LEN``. After any error it skips a single byte and searches for the next preamble, so
    a spurious preamble inside noise cannot swallow the real frame behind it.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()

    @property
    def pending(self) -> int:
        """Bytes held back waiting for the rest of a frame (or of a preamble)."""
        return len(self._buffer)

    def reset(self) -> None:
        self._buffer.clear()

    def feed(self, data: bytes) -> list[Frame | ProtocolError]:
        self._buffer += data
        out: list[Frame | ProtocolError] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a tail that could be the beginning of a preamble split across reads.
                self._skip(len(self._buffer) - self._partial_preamble_tail(), out)
                return out
            self._skip(start, out)
            header = len(PREAMBLE) + LEN_SIZE
            if len(self._buffer) < header:
                return out
            length = int.from_bytes(self._buffer[len(PREAMBLE):header], "big")
            if not MIN_LEN <= length <= MAX_LEN:
                out.append(BadLength(length))
                del self._buffer[:1]  # resync just past this preamble
                continue
            end = header + length
            if len(self._buffer) < end:
                return out
            body = bytes(self._buffer[len(PREAMBLE):end - 1])
            expected, received = xor_checksum(body), self._buffer[end - 1]
            if expected != received:
                out.append(BadChecksum(expected, received))
                del self._buffer[:1]
                continue
            out.append(Frame(body[LEN_SIZE:]))
            del self._buffer[:end]

    def _partial_preamble_tail(self) -> int:
        for size in range(min(len(PREAMBLE) - 1, len(self._buffer)), 0, -1):
            if self._buffer.endswith(PREAMBLE[:size]):
                return size
        return 0

    def _skip(self, count: int, out: list[Frame | ProtocolError]) -> None:
        # Consecutive stray bytes are reported once, not byte by byte. After an error only the
        # first byte of the bad frame is dropped (it was reported); the rest of it then shows
        # up as garbage unless it holds a real frame.
        if count > 0:
            del self._buffer[:count]
            out.append(Garbage(count))
