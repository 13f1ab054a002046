"""Translation glue: every word a family reads goes through :func:`translate`, and every date,
month, amount of money and count is formatted here, in the language of the visit.

Source language: Simplified Chinese. The strings in ``ui/`` are written in Chinese and wrapped in
``translate("Context", "中文")`` (an alias of ``QCoreApplication.translate``, which
``pyside6-lupdate`` recognises by name); the English catalogue is
``resources/translations/kiosk_en.ts``, compiled to ``kiosk_en.qm`` by
``scripts/build-translations.sh``. Because the source strings are Chinese, a test can find an
unwrapped family-facing string by looking for CJK characters in string literals that are not the
text argument of ``translate``.

Formats are translatable too (``"yyyy年M月d日"`` becomes ``"d MMMM yyyy"``) and month names come
from the language's ``QLocale``, so a new language needs only a catalogue.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTranslator

from kiosk import log
from kiosk.resources import resource
from kiosk.timefmt import beijing

if TYPE_CHECKING:
    from decimal import Decimal

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
CATALOGUE = "translations/kiosk_{language}.qm"

translate = QCoreApplication.translate

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "translator": None}


def current_language() -> str:
    return str(_state["language"])


def install_language(language: str) -> bool:
    """Switch every translated text to ``language`` (widgets get a ``LanguageChange`` event).

    The source language needs no catalogue. A missing catalogue is logged and leaves the
    source language in place (the self-test reports it); returns whether it was switched.
    """
    app = QCoreApplication.instance()
    if language == current_language() or app is None:
        return language == current_language()
    old = _state["translator"]
    translator: QTranslator | None = None
    if language != SOURCE_LANGUAGE:
        translator = QTranslator(app)
        path = resource(CATALOGUE.format(language=language))
        if not translator.load(str(path)):
            log.ui.error("no translation catalogue for %s at %s", language, path)
            return False
    if isinstance(old, QTranslator):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    _state["translator"] = translator
    _state["language"] = language
    return True


def locale() -> QLocale:
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)


# ---- formats --------------------------------------------------------------------------------


def fmt_date(day: date) -> str:
    """A date in a table or a short line: ``2026-11-27`` / ``27 Nov 2026``."""
    return locale().toString(QDate(day.year, day.month, day.day),
                             translate("Formats", "yyyy-MM-dd"))


def fmt_date_long(day: date) -> str:
    """A date in a sentence: ``2026年11月27日`` / ``27 November 2026``."""
    return locale().toString(QDate(day.year, day.month, day.day),
                             translate("Formats", "yyyy年M月d日"))


def _month_date(month: str) -> QDate:
    year, number = month.split("-")
    return QDate(int(year), int(number), 1)


def fmt_month(month: str) -> str:
    """A ``YYYY-MM`` month in a table: ``2026-10`` / ``Oct 2026``."""
    return locale().toString(_month_date(month), translate("Formats", "yyyy-MM"))


def fmt_month_long(month: str) -> str:
    """A month in a sentence: ``2026年10月`` / ``October 2026``."""
    return locale().toString(_month_date(month), translate("Formats", "yyyy年M月"))


def fmt_month_short(month: str) -> str:
    """A month under a chart bar: ``10月`` / ``Oct``."""
    return locale().toString(_month_date(month), translate("Formats", "M月"))


def fmt_time(moment: datetime) -> str:
    """A moment in Beijing time: ``2026-11-27 08:00`` / ``27 Nov 2026 08:00``."""
    local = beijing(moment)
    value = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute))
    return locale().toString(value, translate("Formats", "yyyy-MM-dd HH:mm"))


def fmt_number(value: Decimal | int) -> str:
    """Points and counts: ``245.5``, ``1,200``, ``-310`` (at most one decimal, as sent)."""
    from decimal import Decimal  # records only: decimal costs the first frame 4 ms

    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.quantize(Decimal('0.1')):,}"


def fmt_money(amount: Decimal, *, signed: bool = False) -> str:
    """Exact to the fen: ``356.20 元`` / ``¥356.20``; ``signed`` shows ``+500.00``."""
    sign = "-" if amount < 0 else ("+" if signed and amount > 0 else "")
    digits = f"{abs(amount):,.2f}"
    return sign + translate("Formats", "%1 元").replace("%1", digits)


def fmt_days(days: int) -> str:
    return translate("Formats", "%n 天", "", days)


__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "current_language",
    "fmt_date",
    "fmt_date_long",
    "fmt_days",
    "fmt_money",
    "fmt_month",
    "fmt_month_long",
    "fmt_month_short",
    "fmt_number",
    "fmt_time",
    "install_language",
    "locale",
    "translate",
]
