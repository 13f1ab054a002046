"""The slip's fonts: one main CJK font and a fallback for the rare characters it lacks.

reportlab has no font fallback: a character missing from a TrueType font is drawn as glyph 0
(blank on most fonts) without any error. Names of inmates carry rare characters (𠮷 U+20BB7,
䶮 U+4DAE), so every string is split into runs by which font has the glyph (:meth:`FontSet.runs`)
and each run is drawn with its own font. A character no bundled font has is drawn as ``□`` so
the gap is visible instead of silently blank.

Both files have TrueType (glyf) outlines, which reportlab subsets and embeds with a ToUnicode map,
so the text is extractable and prints on printers that have no Chinese fonts. The UI registers
the same files with Qt (``QFontDatabase.addApplicationFont``) through :data:`FONT_FILES`, so the
screen and the slip agree. Loading parses about 20 MB of font data (~0.3 s): call
:func:`load_fonts` once at start-up, off the GUI thread; later calls return the same object.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.resources import resource

MISSING_GLYPH = "□"
"""Drawn (with the main font) for a character that no bundled font has."""


@dataclass(frozen=True)
class FontFile:
    """A bundled font file, for reportlab here and for Qt in ``ui/``."""

    family: str
    path: Path
    subfont_index: int
    role: str  # "main" or "fallback"


FONT_FILES: tuple[FontFile, ...] = (
    FontFile("WenQuanYi Micro Hei", resource("fonts/wqy-microhei.ttc"), 0, "main"),
    FontFile("LXGW WenKai", resource("fonts/LXGWWenKai-Regular.ttf"), 0, "fallback"),
)

# reportlab keeps registered fonts in a process-wide table; these names are ours.
MAIN_FONT = "KioskMain"
FALLBACK_FONT = "KioskFallback"


@dataclass(frozen=True)
class Run:
    """A piece of text that one font draws."""

    font: str
    text: str


@dataclass(frozen=True, eq=False)
class FontSet:
    """The loaded fonts and the code points each one covers."""

    main: str
    fallback: str
    main_cmap: frozenset[int]
    fallback_cmap: frozenset[int]
    # Per character: (character drawn, font, advance at 1 pt). Single characters only, never
    # whole strings, so no record text is kept after a render.
    _glyphs: dict[str, tuple[str, str, float]] = field(default_factory=dict, repr=False)

    def font_for(self, char: str) -> str | None:
        """The font that has a glyph for ``char``, preferring the main font; None if none has."""
        code = ord(char)
        if code in self.main_cmap:
            return self.main
        if code in self.fallback_cmap:
            return self.fallback
        return None

    def covers(self, char: str) -> bool:
        return self.font_for(char) is not None

    def runs(self, text: str) -> list[Run]:
        """Split ``text`` into maximal runs of one font each (missing glyphs become ``□``)."""
        out: list[Run] = []
        font = ""
        buf: list[str] = []
        for char in text:
            drawn, char_font, _ = self._glyph(char)
            if char_font != font and buf:
                out.append(Run(font, "".join(buf)))
                buf = []
            font = char_font
            buf.append(drawn)
        if buf:
            out.append(Run(font, "".join(buf)))
        return out

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` in points at ``size``, across font runs."""
        glyph = self._glyph
        return size * sum(glyph(char)[2] for char in text)

    def _glyph(self, char: str) -> tuple[str, str, float]:
        hit = self._glyphs.get(char)
        if hit is None:
            font = self.font_for(char)
            drawn = char if font is not None else MISSING_GLYPH
            # Spaces are drawn with the main font so runs and widths agree exactly.
            font = self.main if font is None or char in " \u3000" else font
            hit = (drawn, font, pdfmetrics.stringWidth(drawn, font, 1.0))
            self._glyphs[char] = hit
        return hit


_lock = threading.Lock()
_loaded: FontSet | None = None


def load_fonts() -> FontSet:
    """Load and register the bundled fonts once; thread-safe, safe off the GUI thread."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load()
        return _loaded


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with code points beyond U+FFFF written as UTF-16 pairs.

    reportlab writes them as 5 hex digits (``<20BB7>``), which is invalid: pypdf and poppler then
    lose 𠮷 when extracting text. Same output as reportlab's for the BMP.
    """
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>"
          for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def _load() -> FontSet:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    by_role = {f.role: f for f in FONT_FILES}
    main = _register(MAIN_FONT, by_role["main"])
    fallback = _register(FALLBACK_FONT, by_role["fallback"])
    return FontSet(
        main=MAIN_FONT,
        fallback=FALLBACK_FONT,
        main_cmap=frozenset(main.face.charToGlyph),
        fallback_cmap=frozenset(fallback.face.charToGlyph),
    )


def _register(name: str, font_file: FontFile) -> TTFont:
    if not font_file.path.is_file():
        raise FileNotFoundError(f"bundled font missing: {font_file.path}")
    font = TTFont(name, str(font_file.path), subfontIndex=font_file.subfont_index)
    pdfmetrics.registerFont(font)
    return font
