"""Reference numbers (查询码): trimmed, upper-cased, 8-16 of A-Z 0-9 -."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.api.models import REFERENCE_PATTERN
from kiosk.visitor.reference import (
    InvalidReference,
    ReferenceCheck,
    check_reference,
    normalize_reference,
)

GOOD = {
    "as printed": ("NM24-7K3P-9Q", "NM24-7K3P-9Q"),
    "lower case": ("nm24-7k3p-9q", "NM24-7K3P-9Q"),
    "surrounding whitespace": ("  NM247K3P\t\n", "NM247K3P"),
    "full-width from a Chinese IME": ("ＮＭ２４－７Ｋ３Ｐ", "NM24-7K3P"),
    "exactly 8": ("ABCD1234", "ABCD1234"),
    "exactly 16": ("ABCD-1234-EFGH-5", "ABCD-1234-EFGH-5"),
}


@pytest.mark.parametrize(("text", "expected"), GOOD.values(), ids=GOOD.keys())
def test_normalize(text: str, expected: str) -> None:
    assert check_reference(text) is ReferenceCheck.OK
    assert normalize_reference(text) == expected


BAD = {
    "empty": ("", ReferenceCheck.EMPTY),
    "blank": ("   ", ReferenceCheck.EMPTY),
    "7 characters": ("ABC1234", ReferenceCheck.TOO_SHORT),
    "17 characters": ("ABCD-1234-EFGH-56", ReferenceCheck.TOO_LONG),
    "inner space": ("NM24 7K3P", ReferenceCheck.BAD_CHARACTER),
    "underscore": ("NM24_7K3P", ReferenceCheck.BAD_CHARACTER),
    "Chinese": ("查询码12345678", ReferenceCheck.BAD_CHARACTER),
    "dotless i would upper-case into ASCII": ("\u0131abcdefg", ReferenceCheck.BAD_CHARACTER),
    "em dash": ("NM24\u20147K3P", ReferenceCheck.BAD_CHARACTER),
}


@pytest.mark.parametrize(("text", "expected"), BAD.values(), ids=BAD.keys())
def test_bad(text: str, expected: ReferenceCheck) -> None:
    assert check_reference(text) is expected
    with pytest.raises(InvalidReference) as caught:
        normalize_reference(text)
    assert caught.value.check is expected


@given(st.text(max_size=30))
def test_random_text_is_normalised_to_the_contract_or_refused(text: str) -> None:
    try:
        value = normalize_reference(text)
    except InvalidReference as exc:
        assert exc.check is not ReferenceCheck.OK
        assert check_reference(text) is exc.check
    else:
        assert re.fullmatch(REFERENCE_PATTERN, value)
        assert normalize_reference(value) == value  # idempotent


@given(st.from_regex(r"[A-Za-z0-9-]{8,16}", fullmatch=True))
def test_every_well_formed_reference_passes(text: str) -> None:
    assert normalize_reference(text) == text.upper()
