"""GB 11643 identity numbers, as the central service checks and the synthetic data needs them.

An 18-character number is 17 digits and a check character: the sum of each digit times
2^(17-i) mod 11, taken mod 11, indexes ``"10X98765432"``. The same rule covers the Hong Kong,
Macau and Taiwan residence permits (area codes 81/82/83) and the 2023 foreigner permanent
residence card (first digit 9, then a 2-digit province code and a 3-digit nationality code).
The central service is a separate system from the kiosk, so it keeps its own copy of the rule.
"""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


def check_char(first17: str) -> str:
    """The check character for the 17 leading digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_valid(id_number: str) -> bool:
    """True when the shape and the check character are right (dates are not checked)."""
    return bool(_SHAPE.match(id_number)) and check_char(id_number[:17]) == id_number[17]


def resident(area: str, birth: date, sequence: int) -> str:
    """A resident (or HK/Macau/Taiwan permit, area 810000/820000/830000) number."""
    return _complete(f"{area}{birth:%Y%m%d}{sequence:03d}")


def foreigner(province: str, nationality: str, birth: date, sequence: int) -> str:
    """A 2023 foreigner permanent residence card number: 9, province, nationality, birth, seq."""
    return _complete(f"9{province}{nationality}{birth:%Y%m%d}{sequence:03d}")


def _complete(first17: str) -> str:
    return first17 + check_char(first17)
