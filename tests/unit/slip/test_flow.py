"""Pagination: what belongs together stays on one page; nothing is lost at a page break."""

from __future__ import annotations

from kiosk.slip import load_fonts
from kiosk.slip.flow import Style, lay_out, paginate, text_row

BODY = Style(10)


def _laid(rows):
    return lay_out(rows, load_fonts(), 400)


def test_an_entry_moves_to_the_next_page_with_its_notes():
    filler = [text_row(f"行 {i}", BODY) for i in range(8)]
    entry = [text_row("2026-09-03 警告", BODY, keep_with_next=True),
             text_row("违反监规", BODY, keep_with_next=True),
             text_row("文号", BODY)]
    laid = _laid(filler + entry)
    line = laid[0].height
    pages = paginate(laid, avail=line * 10)  # room for 8 filler + 2 more lines only
    assert [len(p.blocks) for p in pages] == [8, 3]


def test_a_chain_taller_than_a_page_still_flows():
    chain = [text_row(f"行 {i}", BODY, keep_with_next=True) for i in range(30)]
    laid = _laid(chain)
    pages = paginate(laid, avail=laid[0].height * 10)
    assert sum(len(p.blocks) for p in pages) == 30
    assert all(p.used <= laid[0].height * 10 + 1e-6 for p in pages)


def test_a_row_taller_than_a_page_is_split_between_lines():
    long_text = "很长的备注" * 400
    laid = _laid([text_row(long_text, BODY)])
    avail = laid[0].height / 3
    pages = paginate(laid, avail=avail)
    assert len(pages) >= 3
    printed = "".join(line for page in pages for block in page.blocks
                      for cell in block.cells for line in cell.lines)
    assert printed == long_text
