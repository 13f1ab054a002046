"""The GB 11643 check character and name masking used by the central service."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.reference_server import idnumbers
from kiosk.reference_server.names import mask


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # the example printed in GB 11643
        "440524188001010014",  # a sample number widely used in documentation
    ],
)
def test_known_valid_numbers(number: str) -> None:
    assert idnumbers.is_valid(number)
    assert idnumbers.check_char(number[:17]) == number[17]


@pytest.mark.parametrize(
    "number",
    ["110105194912310021", "11010519491231002x", "1101051949123100X2", "11010519491231002", ""],
)
def test_wrong_check_characters_and_shapes(number: str) -> None:
    assert not idnumbers.is_valid(number)


def test_built_numbers_are_valid() -> None:
    assert idnumbers.is_valid(idnumbers.resident("150102", date(1980, 1, 1), 123))
    card = idnumbers.foreigner("15", "496", date(1983, 8, 19), 7)
    assert card.startswith("915496") and idnumbers.is_valid(card)
    with pytest.raises(ValueError):
        idnumbers.check_char("12345")


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("李某某", "李*某"),
        ("王芳", "王*"),
        ("欧阳小明", "欧**明"),
        ("巴特尔·额尔敦", "巴**·**敦"),
        ("𠮷堃", "𠮷*"),
        ("刘䶮赟", "刘*赟"),
        ("李", "李"),
    ],
)
def test_mask_keeps_first_and_last_character(name: str, masked: str) -> None:
    assert mask(name) == masked
