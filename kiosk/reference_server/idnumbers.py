"""GB 11643 identity numbers, as the central service checks them and the synthetic data needs them.

The check-character rule itself is the kiosk's (``kiosk.visitor.idnumber``): one rule, in one
place. It covers resident numbers, the Hong Kong, Macau and Taiwan residence permits (area codes
81/82/83) and the 2023 foreigner permanent residence card (first digit 9, then a 2-digit
province code and a 3-digit nationality code). The server checks only shape and check character:
it never needs the birth date to be plausible.
"""

from __future__ import annotations

import re
from datetime import date

from kiosk.api.models import ID_NUMBER_PATTERN
from kiosk.visitor.idnumber import check_character as check_char

__all__ = ["check_char", "foreigner", "is_valid", "resident"]


def is_valid(id_number: str) -> bool:
    """True when the shape and the check character are right."""
    return bool(re.fullmatch(ID_NUMBER_PATTERN, id_number)) and (
        check_char(id_number[:17]) == id_number[17]
    )


def resident(area: str, birth: date, sequence: int) -> str:
    """A resident (or HK/Macau/Taiwan permit, area 810000/820000/830000) number."""
    return _complete(f"{area}{birth:%Y%m%d}{sequence:03d}")


def foreigner(province: str, nationality: str, birth: date, sequence: int) -> str:
    """A 2023 foreigner permanent residence card number: 9, province, nationality, birth, seq."""
    return _complete(f"9{province}{nationality}{birth:%Y%m%d}{sequence:03d}")


def _complete(first17: str) -> str:
    return first17 + check_char(first17)
