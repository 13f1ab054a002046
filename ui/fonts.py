"""The bundled fonts, registered with Qt so the screen and the slip use the same letters.

Every ``.ttf``/``.ttc`` under ``resources/fonts`` is added (the same files the slip renderer
embeds, see ``resources/fonts/README.md``); registering takes a few milliseconds. This module
does not import the slip renderer, whose reportlab import would cost most of a second at
start-up.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kiosk import log
from kiosk.resources import resource

MAIN_FAMILY = "WenQuanYi Micro Hei"
"""The main font of screens and slips; the others fill in characters it lacks."""
BODY_PX = 30
"""Body text size at 1080p (the brief asks for at least 28 px)."""

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Add the bundled font files to Qt's font database once; the families, main first.

    A missing or unreadable file is logged, not fatal: the system's fonts still show Chinese,
    and the self-test reports the missing files.
    """
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    folder = resource("fonts")
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.ui.warning("could not load the font file %s", path.name)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id)
                        if f not in families)
    families.sort(key=lambda family: family != MAIN_FAMILY)
    if MAIN_FAMILY not in families:
        families.insert(0, MAIN_FAMILY)  # the system may have it installed
    _registered = families
    return families


def kiosk_font() -> QFont:
    """The application font: the main CJK font, then the fallbacks for rare characters."""
    font = QFont()
    font.setFamilies(register_fonts())
    font.setPixelSize(BODY_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
