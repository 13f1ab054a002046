"""GB 11643 identity numbers: check character, partial input, normalising, masking."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.visitor.idnumber import (
    ID_SHAPE,
    IdCheck,
    check_character,
    check_partial_id,
    contains_id_number,
    mask_id_number,
    normalize_id_number,
    validate_id_number,
)

# The worked example printed in GB 11643-1999 itself; the others were computed with the
# standard's weights by hand (see the comment of each) and cover every kind of holder.
VALID = {
    "GB 11643 example (Beijing, Xicheng)": "11010519491231002X",
    "Hohhot resident": "150102198001011236",
    "born on 29 February": "440301200002291237",
    "Hong Kong residence permit (810000)": "810000199002150021",
    "Macau residence permit (820000)": "820000197511300457",
    "Taiwan residence permit (830000)": "830000200107040311",
    "2023 foreigner permanent residence card (9, Beijing, USA 840)": "91184019850312001X",
}


@pytest.mark.parametrize("number", VALID.values(), ids=VALID.keys())
def test_valid_numbers_pass(number: str) -> None:
    assert validate_id_number(number) is IdCheck.OK


def test_weighted_sum_by_hand() -> None:
    # 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167;
    # 167 mod 11 = 2, and the map 1,0,X,9,... gives X for 2.
    assert check_character("11010519491231002") == "X"
    with pytest.raises(ValueError):
        check_character("1101051949123100")


CASES = {
    "empty": ("", IdCheck.EMPTY),
    "only spaces": ("   ", IdCheck.EMPTY),
    "17 digits": ("11010519491231002", IdCheck.INCOMPLETE),
    "19 characters": ("11010519491231002X1", IdCheck.TOO_LONG),
    "letter inside": ("1101051949123A002X", IdCheck.BAD_CHARACTER),
    "X not last": ("1101051949123100X2", IdCheck.BAD_CHARACTER),
    "Arabic-Indic digit": ("11010519491231002\u0661", IdCheck.BAD_CHARACTER),
    "wrong check digit": ("110105194912310021", IdCheck.BAD_CHECK_CHARACTER),
    "wrong check X": ("15010219800101123X", IdCheck.BAD_CHECK_CHARACTER),
    "month 13": ("110105194913310025", IdCheck.BAD_BIRTH_DATE),
    "30 February": ("110105194902300021", IdCheck.BAD_BIRTH_DATE),
    "29 February 1900 (not a leap year)": ("110105190002290021", IdCheck.BAD_BIRTH_DATE),
    "born 1899": ("110105189912310021", IdCheck.BAD_BIRTH_DATE),
    "residence permit, day 00": ("810000199002000021", IdCheck.BAD_BIRTH_DATE),
    "foreigner card, month 00": ("911840198500120010", IdCheck.BAD_BIRTH_DATE),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_problems_are_named(text: str, expected: IdCheck) -> None:
    assert validate_id_number(text) is expected


def test_future_birth_date_is_refused_only_when_today_is_given() -> None:
    first17 = "11010520300101002"
    number = first17 + check_character(first17)
    assert validate_id_number(number) is IdCheck.OK
    assert validate_id_number(number, today=date(2026, 11, 27)) is IdCheck.BAD_BIRTH_DATE
    assert validate_id_number(number, today=date(2030, 1, 1)) is IdCheck.OK


NORMALIZED = {
    "lower-case x": ("11010519491231002x", "11010519491231002X"),
    "full-width digits and X": ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
    "spaces as people type them": (" 110105 19491231 002X ", "11010519491231002X"),
    "ideographic space": ("110105\u300019491231002X", "11010519491231002X"),
}


@pytest.mark.parametrize(("text", "expected"), NORMALIZED.values(), ids=NORMALIZED.keys())
def test_normalize(text: str, expected: str) -> None:
    assert normalize_id_number(text) == expected
    assert validate_id_number(text) is IdCheck.OK


PARTIAL = {
    "nothing yet": ("", IdCheck.EMPTY),
    "one digit": ("1", IdCheck.INCOMPLETE),
    "area code typed": ("110105", IdCheck.INCOMPLETE),
    "half the birth date": ("1101051949", IdCheck.INCOMPLETE),
    "impossible month shows once the date is complete": ("11010519491331", IdCheck.BAD_BIRTH_DATE),
    "X too early": ("110105X", IdCheck.BAD_CHARACTER),
    "x typed as 18th (lower case)": ("11010519491231002x", IdCheck.OK),
    "X as 17th": ("1101051949123100X", IdCheck.BAD_CHARACTER),
    "18 with a wrong check": ("110105194912310021", IdCheck.BAD_CHECK_CHARACTER),
    "one too many": ("11010519491231002X0", IdCheck.TOO_LONG),
}


@pytest.mark.parametrize(("text", "expected"), PARTIAL.values(), ids=PARTIAL.keys())
def test_partial(text: str, expected: IdCheck) -> None:
    assert check_partial_id(text) is expected


def test_every_prefix_of_a_valid_number_is_incomplete() -> None:
    for number in VALID.values():
        for n in range(1, 18):
            assert check_partial_id(number[:n]) is IdCheck.INCOMPLETE, number[:n]


MASKS = {
    "resident": ("150102198001011236", "150102********1236"),
    "with X": ("11010519491231002x", "110105********002X"),
    "residence permit": ("810000199002150021", "810000********0021"),
    "half typed": ("1101051949", "**********"),
    "too long": ("11010519491231002X0", "*******************"),
    "empty": ("", ""),
}


@pytest.mark.parametrize(("text", "expected"), MASKS.values(), ids=MASKS.keys())
def test_mask(text: str, expected: str) -> None:
    assert mask_id_number(text) == expected


def test_mask_hides_the_birth_date() -> None:
    masked = mask_id_number("150102198001011236")
    assert "19800101" not in masked and masked.count("*") == 8


SHAPES = {
    "plain": ("id=11010519491231002X.", True),
    "lower x": ("11010519491231002x", True),
    "typed with spaces": ("110105 19491231 002X", True),
    "typed with hyphens": ("110105-19491231-002X", True),
    "17 digits": ("11010519491231002", False),
    "inside a longer number": ("911010519491231002X", False),
    "followed by a letter": ("11010519491231002XA", False),
}


@pytest.mark.parametrize(("text", "found"), SHAPES.values(), ids=SHAPES.keys())
def test_id_shape(text: str, found: bool) -> None:
    assert bool(ID_SHAPE.search(text)) is found
    assert contains_id_number(text) is found


def test_full_width_digits_are_an_id_number_too() -> None:
    typed = "身份证 １１０１０５１９４９１２３１００２Ｘ"
    assert ID_SHAPE.search(typed) is None  # the bare pattern sees only ASCII digits
    assert contains_id_number(typed)


# --- property-based --------------------------------------------------------------------------

_birth = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    area = draw(
        st.one_of(
            st.text(alphabet=string.digits, min_size=6, max_size=6),
            st.sampled_from(["810000", "820000", "830000"]),
            st.builds(lambda p, n: f"9{p:02d}{n:03d}", st.integers(11, 65), st.integers(4, 894)),
        )
    )
    seq = draw(st.text(alphabet=string.digits, min_size=3, max_size=3))
    first17 = area + draw(_birth).strftime("%Y%m%d") + seq
    return first17 + check_character(first17)


@given(st.text(max_size=40))
def test_random_text_never_raises(text: str) -> None:
    assert isinstance(validate_id_number(text), IdCheck)
    assert isinstance(check_partial_id(text), IdCheck)
    masked = mask_id_number(text)
    assert len(masked) == len(normalize_id_number(text))


@given(valid_ids())
def test_generated_valid_ids_validate(number: str) -> None:
    assert validate_id_number(number) is IdCheck.OK
    assert validate_id_number(number.lower()) is IdCheck.OK


@given(valid_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_detected(number: str, index: int, new: str) -> None:
    if number[index] == new:
        new = "0" if new != "0" else "1"
    changed = number[:index] + new + number[index + 1 :]
    assert validate_id_number(changed) is not IdCheck.OK


@given(valid_ids(), st.integers(0, 16))
def test_swapping_two_neighbours_is_detected(number: str, index: int) -> None:
    a, b = number[index], number[index + 1]
    if a == b or "X" in (a, b):
        return
    swapped = number[:index] + b + a + number[index + 2 :]
    assert validate_id_number(swapped) is not IdCheck.OK
