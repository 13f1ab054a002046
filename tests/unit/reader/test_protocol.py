"""Frames of the ID card reader module, against byte sequences written out by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.reader.protocol import (
    MAX_LEN,
    PREAMBLE,
    BadChecksum,
    BadLength,
    BadReply,
    Command,
    Frame,
    FrameParser,
    Garbage,
    ProtocolError,
    Reply,
    Sw3,
    build_reply,
    build_request,
    decode_reply,
    decode_request,
    describe_sw3,
    xor_checksum,
)


def hexbytes(text: str) -> bytes:
    return bytes.fromhex(text)


REQUESTS = [
    pytest.param(Command.RESET, "AA AA AA 96 69 00 03 10 FF EC", id="reset"),
    pytest.param(Command.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED", id="sam-status"),
    pytest.param(Command.SAM_ID, "AA AA AA 96 69 00 03 12 FF EE", id="sam-id"),
    pytest.param(Command.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22", id="find-card"),
    pytest.param(Command.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21", id="select-card"),
    pytest.param(Command.READ_BASE, "AA AA AA 96 69 00 03 30 01 32", id="read-base"),
]


@pytest.mark.parametrize(("command", "wire"), REQUESTS)
def test_request_frames(command: Command, wire: str) -> None:
    assert build_request(command) == hexbytes(wire)


@pytest.mark.parametrize(("command", "wire"), REQUESTS)
def test_parsing_a_request_gives_back_the_command(command: Command, wire: str) -> None:
    [frame] = FrameParser().feed(hexbytes(wire))
    assert isinstance(frame, Frame)
    assert decode_request(frame).command is command


REPLIES = [
    pytest.param("AA AA AA 96 69 00 04 00 00 90 94", Sw3.OK, b"", id="sam-ok"),
    pytest.param("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", Sw3.CARD_FOUND, bytes(4),
                 id="card-found"),
    pytest.param("AA AA AA 96 69 00 04 00 00 80 84", Sw3.NO_CARD, b"", id="no-card"),
    pytest.param("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", Sw3.OK, bytes(8),
                 id="selected"),
    pytest.param("AA AA AA 96 69 00 04 00 00 81 85", Sw3.SELECT_FAILED, b"", id="select-failed"),
    pytest.param("AA AA AA 96 69 00 04 00 00 66 62", Sw3.SAM_NOT_AUTHORISED, b"",
                 id="sam-not-authorised"),
]


@pytest.mark.parametrize(("wire", "sw3", "data"), REPLIES)
def test_reply_frames_parse(wire: str, sw3: Sw3, data: bytes) -> None:
    [frame] = FrameParser().feed(hexbytes(wire))
    assert isinstance(frame, Frame)
    assert decode_reply(frame) == Reply(sw3, data)


@pytest.mark.parametrize(("wire", "sw3", "data"), REPLIES)
def test_reply_frames_build(wire: str, sw3: Sw3, data: bytes) -> None:
    assert build_reply(sw3, data) == hexbytes(wire)


def test_len_counts_everything_after_it_and_chk_covers_len_to_data() -> None:
    wire = build_reply(Sw3.OK, b"\x01\x02\x03")
    length = int.from_bytes(wire[5:7], "big")
    assert length == len(wire) - 7 == 3 + 3 + 1
    assert wire[-1] == xor_checksum(wire[5:-1]) == 0x00 ^ 0x07 ^ 0x90 ^ 0x01 ^ 0x02 ^ 0x03


def test_read_base_reply_length_field() -> None:
    # SW (3) + two length words (4) + text (256) + photo (1024) + CHK (1) = 1288 = 0x0508
    wire = build_reply(Sw3.OK, b"\x01\x00\x04\x00" + bytes(256 + 1024))
    assert wire[5:7] == hexbytes("05 08")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        pytest.param(0x9F, "9F card found", id="documented"),
        pytest.param(0x66, "66 SAM not authorised", id="sam"),
        pytest.param(0x77, "77 undocumented status", id="undocumented"),
    ],
)
def test_describe_sw3(code: int, words: str) -> None:
    assert describe_sw3(code) == words


def test_every_sw3_has_a_meaning() -> None:
    assert all(code.meaning for code in Sw3)


# --- the streaming parser ----------------------------------------------------------------------

SAM_OK = hexbytes("AA AA AA 96 69 00 04 00 00 90 94")
NO_CARD = hexbytes("AA AA AA 96 69 00 04 00 00 80 84")


def frames_of(items: list[Frame | ProtocolError]) -> list[Frame]:
    return [item for item in items if isinstance(item, Frame)]


def test_frame_split_into_single_bytes() -> None:
    parser = FrameParser()
    items: list[Frame | ProtocolError] = []
    for byte in SAM_OK:
        items += parser.feed(bytes([byte]))
    assert items == [Frame(hexbytes("00 00 90"))]
    assert parser.pending == 0


def test_two_frames_in_one_read() -> None:
    items = FrameParser().feed(SAM_OK + NO_CARD)
    assert [decode_reply(f).sw3 for f in frames_of(items)] == [Sw3.OK, Sw3.NO_CARD]
    assert len(items) == 2


def test_garbage_before_a_frame_is_reported_then_skipped() -> None:
    items = FrameParser().feed(hexbytes("00 13 37 AA AA") + SAM_OK)
    assert isinstance(items[0], Garbage)
    assert items[0].count == 5
    assert frames_of(items) == [Frame(hexbytes("00 00 90"))]


def test_preamble_split_across_reads_is_kept() -> None:
    parser = FrameParser()
    assert parser.feed(SAM_OK[:3]) == []
    assert parser.pending == 3
    assert frames_of(parser.feed(SAM_OK[3:])) == [Frame(hexbytes("00 00 90"))]


def test_bad_checksum_is_a_typed_error_and_the_next_frame_still_parses() -> None:
    corrupt = SAM_OK[:-1] + b"\x00"
    items = FrameParser().feed(corrupt + NO_CARD)
    errors = [item for item in items if isinstance(item, BadChecksum)]
    assert len(errors) == 1
    assert (errors[0].expected, errors[0].received) == (0x94, 0x00)
    assert [decode_reply(f).sw3 for f in frames_of(items)] == [Sw3.NO_CARD]


@pytest.mark.parametrize(
    "length",
    [pytest.param("00 00", id="zero"), pytest.param("00 02", id="too-short"),
     pytest.param("FF FF", id="absurd"), pytest.param(f"{MAX_LEN + 1:04X}", id="just-over-cap")],
)
def test_bad_length_is_rejected_at_once_instead_of_waited_for(length: str) -> None:
    parser = FrameParser()
    items = parser.feed(PREAMBLE + hexbytes(length) + NO_CARD)
    assert isinstance(items[0], BadLength)
    assert [decode_reply(f).sw3 for f in frames_of(items)] == [Sw3.NO_CARD]
    assert parser.pending == 0


def test_spurious_preamble_in_noise_does_not_swallow_the_real_frame() -> None:
    # A false header announcing 8 bytes, then the real frame starts inside those 8.
    noise = PREAMBLE + hexbytes("00 08 01 02")
    items = FrameParser().feed(noise + SAM_OK)
    assert any(isinstance(item, BadChecksum) for item in items)
    assert frames_of(items) == [Frame(hexbytes("00 00 90"))]


def test_incomplete_frame_waits() -> None:
    parser = FrameParser()
    assert parser.feed(SAM_OK[:-1]) == []
    assert parser.pending == len(SAM_OK) - 1
    parser.reset()
    assert parser.pending == 0


@pytest.mark.parametrize(
    ("payload", "decode"),
    [pytest.param(b"\x90", decode_reply, id="reply-without-sw"),
     pytest.param(b"\x20", decode_request, id="request-without-para")],
)
def test_short_payloads_are_bad_replies(payload: bytes, decode: Callable[[Frame], object]) -> None:
    with pytest.raises(BadReply):
        decode(Frame(payload))


# --- Hypothesis: anything in, a frame or a typed error out ------------------------------------

payloads = st.binary(min_size=2, max_size=300)
valid_frames = payloads.map(lambda p: Frame(p).encode())


@st.composite
def mutated_frame(draw: st.DrawFn) -> bytes:
    wire = bytearray(draw(valid_frames))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "length"]))
        if kind == "length":
            wire[5:7] = draw(st.binary(min_size=2, max_size=2))
            continue
        if not wire:
            break
        at = draw(st.integers(0, len(wire) - 1))
        if kind == "flip":
            wire[at] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            del wire[at]
        elif kind == "insert":
            wire.insert(at, draw(st.integers(0, 255)))
        else:
            del wire[at:]
    return bytes(wire)


streams = st.lists(
    st.one_of(st.binary(max_size=64), valid_frames, mutated_frame(), st.just(PREAMBLE)),
    max_size=12,
).map(b"".join)


def feed_in_chunks(data: bytes, cuts: list[int]) -> list[Frame | ProtocolError]:
    parser = FrameParser()
    items: list[Frame | ProtocolError] = []
    start = 0
    for cut in [*sorted(c % (len(data) + 1) for c in cuts), len(data)]:
        items += parser.feed(data[start:cut])
        start = max(start, cut)
    assert parser.pending <= len(PREAMBLE) + 2 + MAX_LEN
    return items


@settings(max_examples=400)
@given(data=streams, cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_any_stream_yields_only_frames_and_protocol_errors(data: bytes, cuts: list[int]) -> None:
    items = feed_in_chunks(data, cuts)
    assert all(isinstance(item, Frame | ProtocolError) for item in items)
    # Bounded output: every item accounts for at least one byte of input.
    assert len(items) <= len(data)


@given(data=st.binary(max_size=2000), cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_random_bytes_never_raise(data: bytes, cuts: list[int]) -> None:
    items = feed_in_chunks(data, cuts)
    assert all(isinstance(item, Frame | ProtocolError) for item in items)


@given(data=streams, cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_chunking_does_not_change_the_frames_found(data: bytes, cuts: list[int]) -> None:
    assert frames_of(feed_in_chunks(data, cuts)) == frames_of(FrameParser().feed(data))


@given(noise=st.binary(max_size=200), payload=payloads)
def test_a_frame_after_noise_without_a_preamble_is_always_recovered(
    noise: bytes, payload: bytes
) -> None:
    noise = noise.replace(b"\xaa", b"\x55")  # no preamble can start inside the noise
    items = FrameParser().feed(noise + Frame(payload).encode())
    assert frames_of(items) == [Frame(payload)]


@given(payload=payloads)
def test_encode_then_parse_round_trips(payload: bytes) -> None:
    assert FrameParser().feed(Frame(payload).encode()) == [Frame(payload)]
