"""ID card readers: the serial module protocol and driver, a simulator, diagnostics.

Other parts need only :func:`make_reader` (from the ``[reader]`` settings), the :class:`Reader`
interface and the card results; keyboard-emulating readers are caught in ``ui.reader.wedge``.
"""

from kiosk.reader.card import CardData, CardResult, CardType, InvalidCardNumber, UnsupportedCard
from kiosk.reader.reader import NullReader, Reader, make_reader

__all__ = [
    "CardData",
    "CardResult",
    "CardType",
    "InvalidCardNumber",
    "NullReader",
    "Reader",
    "UnsupportedCard",
    "make_reader",
]
