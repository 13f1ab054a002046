from __future__ import annotations

import threading

import pytest

from kiosk.slip import FONT_FILES, load_fonts
from kiosk.slip.fonts import MISSING_GLYPH
from tests.unit.slip import pdfcheck, sample
from tests.unit.slip.sample import RARE_NAME


def test_load_fonts_once_from_many_threads():
    results = []
    threads = [threading.Thread(target=lambda: results.append(load_fonts())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(r) for r in results}) == 1
    assert load_fonts() is results[0]


def test_bundled_fonts_and_licences_ship_together():
    roles = {f.role for f in FONT_FILES}
    assert roles == {"main", "fallback"}
    for font in FONT_FILES:
        assert font.path.is_file(), font.path
        licence = font.path.parent / f"LICENSE-{_licence_stem(font.path.name)}.txt"
        assert licence.is_file(), licence
        # TrueType outlines: a 'glyf' table (reportlab cannot embed CFF outlines).
        assert b"glyf" in font.path.read_bytes()[:4096]


def _licence_stem(name: str) -> str:
    return {"wqy-microhei.ttc": "wqy-microhei",
            "LXGWWenKai-Regular.ttf": "lxgw-wenkai"}[name]


@pytest.mark.parametrize("char", list(RARE_NAME), ids=[f"U+{ord(c):04X}" for c in RARE_NAME])
def test_every_rare_name_character_has_a_font(char):
    assert load_fonts().covers(char)


def test_runs_send_missing_glyphs_to_the_fallback():
    fonts = load_fonts()
    runs = fonts.runs("李𠮷䶮堃")
    assert [(r.font, r.text) for r in runs] == [
        (fonts.main, "李"), (fonts.fallback, "𠮷䶮"), (fonts.main, "堃"),
    ]


def test_a_character_no_font_has_is_drawn_visibly():
    fonts = load_fonts()
    private_use = "\U000f0001"
    assert not fonts.covers(private_use)
    assert [(r.font, r.text) for r in fonts.runs(f"王{private_use}")] == [
        (fonts.main, f"王{MISSING_GLYPH}"),
    ]


def test_rare_characters_print_with_glyphs_not_blanks():
    content = sample.content(name=RARE_NAME, sections=(sample.Section.LIVING,))
    pdf = sample.render(content, "receipt80")
    # The fallback font is embedded, every font has a ToUnicode map: the name is extractable.
    by_name = {str(f["name"]).split("+")[1]: f for f in pdfcheck.fonts(pdf)}
    assert set(by_name) == {"WenQuanYiMicroHei-0", "LXGWWenKai-Regular"}
    assert all(f["embedded"] and f["to_unicode"] for f in by_name.values())
    assert RARE_NAME in pdfcheck.all_text(pdf)


def test_fallback_glyphs_leave_ink_where_they_are_placed():
    # Only characters the main font lacks, so a blank fallback would leave the box empty.
    pdf = sample.render(sample.content(name="𠮷䶮", sections=(sample.Section.LIVING,)))
    dpi = 300
    image = pdfcheck.render_png(pdf, dpi)[0]
    [word] = [w for w in pdfcheck.word_boxes(pdf) if w.text == "𠮷䶮"]
    assert pdfcheck.ink(image, (word.x0, word.y0, word.x1, word.y1), dpi) > 0.1
