"""The base-message reply: card type, ID number and name from hand-placed bytes."""

from __future__ import annotations

import itertools
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.reader.card import (
    LAYOUTS,
    TEXT_LENGTH,
    CardData,
    CardType,
    InvalidCardNumber,
    UnsupportedCard,
    base_message,
    encode_text_block,
    parse_base_message,
    parse_text_block,
)
from kiosk.reader.protocol import BadReply
from kiosk.visitor.idnumber import IdCheck

SPACE = " ".encode("utf-16-le")  # 20 00


def blank_block() -> bytearray:
    return bytearray(SPACE * (TEXT_LENGTH // 2))


def put(block: bytearray, offset: int, text: str) -> None:
    encoded = text.encode("utf-16-le")
    block[offset:offset + len(encoded)] = encoded


def test_resident_card_from_hand_placed_fields() -> None:
    block = blank_block()
    put(block, 0, "巴特尔·额尔敦")
    put(block, 30, "1")
    put(block, 122, "150102198001011236")
    put(block, 204, "长期")
    assert block[122:124] == b"1\x00"  # UTF-16LE: the digit then a zero byte
    result = parse_text_block(bytes(block))
    assert result == CardData("150102198001011236", "巴特尔·额尔敦", CardType.RESIDENT)


def test_name_outside_the_basic_plane_survives() -> None:
    block = blank_block()
    put(block, 0, "王𠮷")  # 𠮷 needs a surrogate pair
    put(block, 122, "110105199003070025")
    result = parse_text_block(bytes(block))
    assert isinstance(result, CardData)
    assert result.name == "王𠮷"


def test_nul_padding_is_stripped_like_spaces() -> None:
    block = bytearray(TEXT_LENGTH)
    put(block, 0, "王𠮷")
    put(block, 122, "110105199003070025")
    put(block, 248, " ")
    assert parse_text_block(bytes(block)) == CardData(
        "110105199003070025", "王𠮷", CardType.RESIDENT
    )


def test_hmt_residence_permit_j() -> None:
    block = blank_block()
    put(block, 0, "陈嘉欣")
    put(block, 122, "810000199408230021")
    put(block, 220, "H60123456")
    put(block, 248, "J")
    assert parse_text_block(bytes(block)) == CardData(
        "810000199408230021", "陈嘉欣", CardType.HMT_RESIDENCE_PERMIT
    )


def test_foreign_permanent_2023_y_uses_the_18_character_number() -> None:
    block = blank_block()
    put(block, 0, "史密斯")
    put(block, 52, "SMITH JOHN")
    put(block, 122, "91184019850312001X")
    put(block, 248, "Y")
    assert parse_text_block(bytes(block)) == CardData(
        "91184019850312001X", "史密斯", CardType.FOREIGN_PERMANENT
    )


def test_foreign_permanent_2017_i_is_unsupported() -> None:
    # English name first (120 bytes), so the number's neighbours differ from a resident card.
    block = blank_block()
    put(block, 0, "SMITH JOHN")
    put(block, 120, "1")
    put(block, 122, "USA110085031201")
    put(block, 152, "USA")
    put(block, 158, "史密斯")
    put(block, 248, "I")
    result = parse_text_block(bytes(block))
    assert result == UnsupportedCard(CardType.FOREIGN_PERMANENT_2017, "USA110085031201")


def test_unknown_flag_is_unsupported() -> None:
    block = blank_block()
    put(block, 122, "150102198001011236")
    put(block, 248, "Q")
    result = parse_text_block(bytes(block))
    assert isinstance(result, UnsupportedCard)
    assert result.card_type is CardType.UNKNOWN


@pytest.mark.parametrize(
    ("number", "check"),
    [
        pytest.param("150102198001011230", IdCheck.BAD_CHECK_CHARACTER, id="check-character"),
        pytest.param("150102198013011236", IdCheck.BAD_BIRTH_DATE, id="birth-date"),
        pytest.param("15010219800101", IdCheck.INCOMPLETE, id="short"),
        pytest.param("", IdCheck.EMPTY, id="blank"),
    ],
)
def test_a_number_failing_the_check_is_invalid_card_number(number: str, check: IdCheck) -> None:
    block = blank_block()
    put(block, 0, "巴特尔·额尔敦")
    put(block, 122, number)
    result = parse_text_block(bytes(block))
    assert isinstance(result, InvalidCardNumber)
    assert result.check is check
    assert result.card_type is CardType.RESIDENT


def test_repr_hides_name_and_number() -> None:
    result = CardData("150102198001011236", "巴特尔·额尔敦", CardType.RESIDENT)
    invalid = InvalidCardNumber(
        CardType.RESIDENT, IdCheck.BAD_CHECK_CHARACTER, "150102198001011230"
    )
    assert "1501" not in repr(result) + repr(invalid)
    assert "巴特尔" not in repr(result)


def test_base_message_lengths_are_big_endian_words() -> None:
    block = blank_block()
    put(block, 122, "150102198001011236")
    data = b"\x01\x00\x04\x00" + bytes(block) + bytes(1024)
    assert data[:4] == struct.pack(">HH", 256, 1024)
    result = parse_base_message(data)
    assert isinstance(result, CardData)
    assert result.id_number == "150102198001011236"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x01\x00", id="no-length-words"),
        pytest.param(b"\x00\x80\x04\x00" + bytes(128 + 1024), id="text-not-256"),
        pytest.param(b"\x01\x00\x04\x00" + bytes(256 + 1000), id="photo-cut-short"),
        pytest.param(b"\x01\x00\x04\x00" + bytes(256 + 1024 + 1), id="extra-byte"),
    ],
)
def test_inconsistent_base_message_is_a_bad_reply(data: bytes) -> None:
    with pytest.raises(BadReply):
        parse_base_message(data)


@given(st.binary(max_size=1400))
def test_any_base_message_parses_or_raises_bad_reply(data: bytes) -> None:
    try:
        result = parse_base_message(data)
    except BadReply:
        return
    assert isinstance(result, CardData | InvalidCardNumber | UnsupportedCard)


@given(st.binary(min_size=TEXT_LENGTH, max_size=TEXT_LENGTH))
def test_any_text_block_gives_a_card_result(block: bytes) -> None:
    result = parse_text_block(block)
    assert isinstance(result, CardData | InvalidCardNumber | UnsupportedCard)


@pytest.mark.parametrize("card_type", list(LAYOUTS), ids=str)
def test_layouts_fit_the_block_without_overlap_and_keep_the_flag_free(card_type: CardType) -> None:
    spans = sorted((f.offset, f.end) for f in LAYOUTS[card_type].values())
    spans = sorted([*spans, (248, 250)])
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert spans[-1][1] <= TEXT_LENGTH
    assert {"id_number", "name"} <= set(LAYOUTS[card_type])


def test_encoded_blocks_parse_back() -> None:
    block = encode_text_block(
        CardType.HMT_RESIDENCE_PERMIT, {"name": "陈嘉欣", "id_number": "810000199408230021"}
    )
    assert block[248:250] == b"J\x00"
    assert block[122:158].decode("utf-16-le").strip() == "810000199408230021"
    assert parse_base_message(base_message(block)) == CardData(
        "810000199408230021", "陈嘉欣", CardType.HMT_RESIDENCE_PERMIT
    )


def test_encoding_refuses_overlong_text_and_unknown_fields() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        encode_text_block(CardType.RESIDENT, {"name": "名" * 16})
    with pytest.raises(ValueError, match="no field"):
        encode_text_block(CardType.RESIDENT, {"passport": "X"})
