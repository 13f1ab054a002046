"""ID numbers and reference numbers as a family (or a card, or a fumbling finger) types them:
any text gives a verdict and never an exception; what the validators pass, the contract's
request model accepts; every single typo in a valid number is caught."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kiosk.api.models import ID_NUMBER_PATTERN, REFERENCE_PATTERN, AuthMethod, SessionRequest
from kiosk.visitor.idnumber import (
    ID_SHAPE,
    IdCheck,
    check_character,
    check_partial_id,
    mask_id_number,
    normalize_id_number,
    validate_id_number,
)
from kiosk.visitor.reference import (
    InvalidReference,
    ReferenceCheck,
    check_reference,
    normalize_reference,
)
from tests.hostile.profiles import fuzz

TODAY = date(2026, 11, 27)
# Text people paste or type: digits of every script, full-width forms, spaces of every kind,
# combining marks, bidi controls, look-alike letters, astral characters.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(st.sampled_from("0123456789Xx０１２３４５６７８９Ｘｘ٠١٢٣ -－　\u200b\u202e\u0301ı"),
            max_size=30),
)


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    area = draw(st.from_regex(r"[1-9][0-9]{5}", fullmatch=True))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(0, 999))
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@fuzz(3)
@given(hostile_text)
def test_any_text_gets_a_verdict(text: str) -> None:
    verdict = validate_id_number(text, today=TODAY)
    assert isinstance(verdict, IdCheck)
    assert isinstance(check_partial_id(text), IdCheck)
    masked = mask_id_number(text)
    assert len(masked) == len(normalize_id_number(text))
    assert sum(ch != "*" for ch in masked) <= 10
    if verdict is IdCheck.OK:
        number = normalize_id_number(text)
        assert re.fullmatch(ID_NUMBER_PATTERN, number)
        assert ID_SHAPE.search(number)  # the log redaction would recognise it


@fuzz(2)
@given(valid_ids(), st.sampled_from([str, str.lower, _fullwidth, lambda s: f"  {s[:6]} {s[6:]}\t"]))
def test_valid_numbers_pass_in_every_spelling(number: str, spell: object) -> None:
    text = spell(number)  # type: ignore[operator]
    assert validate_id_number(text, today=TODAY) is IdCheck.OK
    assert normalize_id_number(text) == number
    masked = mask_id_number(text)
    assert masked == number[:6] + "*" * 8 + number[-4:]
    for end in range(1, 18):
        assert check_partial_id(number[:end], today=TODAY) is IdCheck.INCOMPLETE, end


@fuzz(2)
@given(valid_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_every_single_substitution_is_caught(number: str, at: int, char: str) -> None:
    typo = number[:at] + char + number[at + 1:]
    if typo != number:
        assert validate_id_number(typo, today=TODAY) is not IdCheck.OK


@fuzz(2)
@given(valid_ids(), st.integers(0, 16))
def test_every_swap_of_neighbours_is_caught(number: str, at: int) -> None:
    swapped = number[:at] + number[at + 1] + number[at] + number[at + 2:]
    if swapped != number:
        assert validate_id_number(swapped, today=TODAY) is not IdCheck.OK


@fuzz(1)
@given(valid_ids(), st.text(st.characters(codec="ascii"), min_size=1, max_size=3))
def test_extra_characters_are_never_ok(number: str, extra: str) -> None:
    assert validate_id_number(number + extra, today=TODAY) is not IdCheck.OK or \
        normalize_id_number(number + extra) == number  # trailing whitespace is folded away


@fuzz(1)
@given(st.dates(min_value=date(2026, 11, 28), max_value=date(2099, 12, 31)),
       st.integers(0, 999))
def test_a_birth_date_after_today_is_refused(born: date, sequence: int) -> None:
    first17 = f"150102{born:%Y%m%d}{sequence:03d}"
    assert validate_id_number(first17 + check_character(first17), today=TODAY) is \
        IdCheck.BAD_BIRTH_DATE


# ---- reference numbers --------------------------------------------------------------------


@fuzz(3)
@given(st.one_of(st.text(max_size=30),
                 st.text(st.sampled_from("AZaz09-－Ａ０ıſK\u212a \u3000\u200bß"), max_size=20)))
def test_any_reference_text_gets_a_verdict(text: str) -> None:
    verdict = check_reference(text)
    assert isinstance(verdict, ReferenceCheck)
    try:
        value = normalize_reference(text)
    except InvalidReference as error:
        assert error.check is verdict and verdict is not ReferenceCheck.OK
        return
    assert verdict is ReferenceCheck.OK
    assert re.fullmatch(REFERENCE_PATTERN, value)
    assert value.isascii()
    assert normalize_reference(value) == value  # idempotent


@fuzz(1)
@given(valid_ids(), st.from_regex(r"[A-Za-z0-9-]{8,16}", fullmatch=True))
def test_what_the_validators_pass_the_contract_accepts(number: str, reference: str) -> None:
    request = SessionRequest(id_number=normalize_id_number(number),
                             reference_number=normalize_reference(_fullwidth(reference)),
                             method=AuthMethod.MANUAL)
    assert request.reference_number == reference.upper()
