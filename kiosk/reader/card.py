"""What the read-base-message reply says about the card: its type, ID number and name.

The reply data is ``text length (2, BE) | photo length (2, BE) | text | photo``; the text block
is 256 bytes of UTF-16LE, space padded, in fixed fields. The card-type flag at byte 248 picks
the layout. Layouts, as published in reader vendors' SDK documentation:

- resident identity card (no flag) and the Hong Kong/Macau/Taiwan residence permit (``J``):
  name 0, sex 30, nation 32, birth 36, address 52, ID number 122 (18 characters), authority
  158, valid from 188, valid to 204 (may read 长期); ``J`` puts its travel-permit number at 220.
- foreigner permanent residence card, 2017 edition (``I``): English name 0 (120 bytes), sex
  120, card number 122 (30 bytes = 15 characters: nationality letters and digits, no GB 11643
  check), nationality 152, Chinese name 158, valid from 188, valid to 204, birth 220.
- foreigner permanent residence card, 2023 edition (``Y``): Chinese name 0, sex 30, renewals
  32, birth 36, English name 52, ID number 122 (18 characters starting with 9, GB 11643 rule),
  valid from 188, valid to 204, nationality 242.

The central service knows people by an 18-character GB 11643 number, which resident cards,
``J`` permits and ``Y`` cards carry. A 2017 ``I`` card has none, so it is reported as
:class:`UnsupportedCard` (the family types the number of another document, or asks an
officer); a card whose number fails the check is :class:`InvalidCardNumber`, which the UI
treats exactly like a mistyped number.

The name is read only to greet the family; ``repr`` hides it and the number, so neither can
end up in a log line by accident.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.reader.protocol import BadReply
from kiosk.visitor.idnumber import IdCheck, validate_id_number

TEXT_LENGTH = 256
PHOTO_LENGTH = 1024
_PADDING = " \x00"


class CardType(StrEnum):
    RESIDENT = "resident"
    """PRC resident identity card (居民身份证)."""
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"
    """Residence permit for Hong Kong, Macau and Taiwan residents (港澳台居民居住证), flag J."""
    FOREIGN_PERMANENT = "foreign_permanent"
    """Foreigner permanent residence ID card, 2023 edition, flag Y."""
    FOREIGN_PERMANENT_2017 = "foreign_permanent_2017"
    """Foreigner permanent residence ID card, 2017 edition, flag I."""
    UNKNOWN = "unknown"
    """A flag this program does not know."""


_FLAGS: dict[str, CardType] = {
    "": CardType.RESIDENT,
    "J": CardType.HMT_RESIDENCE_PERMIT,
    "Y": CardType.FOREIGN_PERMANENT,
    "I": CardType.FOREIGN_PERMANENT_2017,
}


@dataclass(frozen=True)
class Field:
    offset: int
    size: int

    @property
    def end(self) -> int:
        return self.offset + self.size


CARD_TYPE_FIELD = Field(248, 2)

Layout = dict[str, Field]

RESIDENT_LAYOUT: Layout = {
    "name": Field(0, 30),
    "sex": Field(30, 2),
    "nation": Field(32, 4),
    "birth": Field(36, 16),
    "address": Field(52, 70),
    "id_number": Field(122, 36),
    "authority": Field(158, 30),
    "valid_from": Field(188, 16),
    "valid_to": Field(204, 16),
}
HMT_LAYOUT: Layout = {
    **{key: f for key, f in RESIDENT_LAYOUT.items() if key != "nation"},
    "permit_number": Field(220, 18),
    "issue_count": Field(238, 4),
}
FOREIGN_2017_LAYOUT: Layout = {
    "name_en": Field(0, 120),
    "sex": Field(120, 2),
    "id_number": Field(122, 30),
    "nationality": Field(152, 6),
    "name": Field(158, 30),
    "valid_from": Field(188, 16),
    "valid_to": Field(204, 16),
    "birth": Field(220, 16),
    "version": Field(236, 4),
    "authority_code": Field(240, 8),
}
FOREIGN_2023_LAYOUT: Layout = {
    "name": Field(0, 30),
    "sex": Field(30, 2),
    "renewals": Field(32, 4),
    "birth": Field(36, 16),
    "name_en": Field(52, 70),
    "id_number": Field(122, 36),
    "valid_from": Field(188, 16),
    "valid_to": Field(204, 16),
    "nationality": Field(242, 6),
}
LAYOUTS: dict[CardType, Layout] = {
    CardType.RESIDENT: RESIDENT_LAYOUT,
    CardType.HMT_RESIDENCE_PERMIT: HMT_LAYOUT,
    CardType.FOREIGN_PERMANENT: FOREIGN_2023_LAYOUT,
    CardType.FOREIGN_PERMANENT_2017: FOREIGN_2017_LAYOUT,
}


@dataclass(frozen=True)
class CardData:
    """A card the kiosk can use: a valid 18-character number."""

    id_number: str = field(repr=False)
    name: str = field(repr=False)
    card_type: CardType


@dataclass(frozen=True)
class InvalidCardNumber:
    """The card was read, but its number fails the check: same message as a mistyped one."""

    card_type: CardType
    check: IdCheck
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class UnsupportedCard:
    """A card that carries no number the central service knows (2017 foreigner card, unknown
    flag). ``id_number`` is what the card holds, for the duty officer's diagnostic only."""

    card_type: CardType
    id_number: str = field(repr=False)


CardResult = CardData | InvalidCardNumber | UnsupportedCard


def _text(block: bytes, where: Field) -> str:
    # Real cards hold UCS-2; "replace" keeps a corrupt field from becoming an exception.
    raw = block[where.offset:where.end].decode("utf-16-le", errors="replace")
    return raw.strip(_PADDING)


def card_type_of(block: bytes) -> CardType:
    return _FLAGS.get(_text(block, CARD_TYPE_FIELD), CardType.UNKNOWN)


def parse_text_block(block: bytes) -> CardResult:
    if len(block) != TEXT_LENGTH:
        raise BadReply(f"text block of {len(block)} bytes, expected {TEXT_LENGTH}")
    card_type = card_type_of(block)
    layout = LAYOUTS.get(card_type, RESIDENT_LAYOUT)
    number = _text(block, layout["id_number"]).replace("x", "X")
    if card_type in (CardType.FOREIGN_PERMANENT_2017, CardType.UNKNOWN):
        return UnsupportedCard(card_type, number)
    check = validate_id_number(number)
    if check is not IdCheck.OK:
        return InvalidCardNumber(card_type, check, number)
    return CardData(number, _text(block, layout["name"]), card_type)


def parse_base_message(data: bytes) -> CardResult:
    """Decode the data of a successful read-base-message reply (after SW1 SW2 SW3)."""
    if len(data) < 4:
        raise BadReply("base message shorter than its length words")
    text_length, photo_length = struct.unpack(">HH", data[:4])
    if text_length != TEXT_LENGTH:
        raise BadReply(f"text length {text_length}, expected {TEXT_LENGTH}")
    if len(data) != 4 + text_length + photo_length:
        raise BadReply(f"base message of {len(data)} bytes does not match its length words")
    return parse_text_block(data[4:4 + text_length])


def encode_text_block(card_type: CardType, values: dict[str, str]) -> bytes:
    """The 256-byte text block of a card, for the simulator and tests (inverse of parsing)."""
    if card_type is CardType.UNKNOWN:
        raise ValueError("no layout for an unknown card type")
    layout = LAYOUTS[card_type]
    block = bytearray(" ".encode("utf-16-le") * (TEXT_LENGTH // 2))
    flag = next(key for key, value in _FLAGS.items() if value is card_type)
    unknown = set(values) - set(layout)
    if unknown:
        raise ValueError(f"{card_type} has no field(s) {sorted(unknown)}")
    placed = [(layout[key], text) for key, text in values.items()]
    placed.append((CARD_TYPE_FIELD, flag))
    for where, text in placed:
        encoded = text.encode("utf-16-le")
        if len(encoded) > where.size:
            raise ValueError(f"{text!r} does not fit {where.size} bytes")
        block[where.offset:where.offset + len(encoded)] = encoded
    return bytes(block)


def base_message(text_block: bytes, photo: bytes = bytes(PHOTO_LENGTH)) -> bytes:
    """Reply data of read-base-message: the two length words, the text block, the photo."""
    return struct.pack(">HH", len(text_block), len(photo)) + text_block + photo
