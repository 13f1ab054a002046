"""The bundled fonts, registered with Qt so the screen and the slip use the same letters."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kiosk import log
from kiosk.slip.fonts import FONT_FILES

BODY_PX = 30
"""Body text size at 1080p (the brief asks for at least 28 px)."""

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Add the bundled font files to Qt's database once; returns the families, main first.

    Missing files are logged, not fatal: the system's fonts still show Chinese, and the
    self-test reports the missing files.
    """
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for font in sorted(FONT_FILES, key=lambda f: f.role != "main"):
        font_id = QFontDatabase.addApplicationFont(str(font.path))
        if font_id < 0:
            log.ui.warning("could not load the font file %s", font.path.name)
            families.append(font.family)  # the system may have it installed
            continue
        found = QFontDatabase.applicationFontFamilies(font_id)
        families.append(found[0] if found else font.family)
    _registered = families
    return families


def kiosk_font() -> QFont:
    """The application font: the main CJK font, then the fallback for rare characters."""
    font = QFont()
    font.setFamilies(register_fonts())
    font.setPixelSize(BODY_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
