"""A small block layout engine: rows of text cells, rules and QR codes flowed down a page.

Blocks are measured before anything is drawn, which gives the receipt its exact page height
and the A4 layout its page count (for "page n of m") in one pass. Each block is drawn with its
own font runs (see :mod:`kiosk.slip.fonts`), so a fallback font fills in any missing glyph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from kiosk.slip.fonts import FontSet
from kiosk.slip.geometry import snap
from kiosk.slip.qr import MODULE, QrMatrix, draw_qr, qr_matrix
from kiosk.slip.text import wrap

Align = Literal["left", "right", "center"]
LEADING = 1.32  # line height as a multiple of the type size
CELL_GAP = 1.2  # points kept clear between neighbouring cells


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    start: float = 0.0  # fractions of the content width
    end: float = 1.0
    align: Align = "left"
    style: Style | None = None  # None: the row's style


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    style: Style
    space_before: float = 0.0
    keep_with_next: bool = False


@dataclass(frozen=True)
class Rule:
    space_before: float = 2.0
    space_after: float = 2.0
    dashed: bool = False
    weight: float = 0.6
    keep_with_next: bool = False


@dataclass(frozen=True)
class QrBlock:
    data: str
    caption: tuple[str, ...]
    caption_style: Style
    space_before: float = 4.0


Block = Row | Rule | QrBlock


def text_row(text: str, style: Style, *, align: Align = "left", space_before: float = 0.0,
             keep_with_next: bool = False) -> Row:
    return Row((Cell(text, align=align),), style, space_before, keep_with_next)


# ---- measured blocks --------------------------------------------------------------------


@dataclass(frozen=True)
class _LaidCell:
    lines: tuple[str, ...]
    x: float  # offset from the content's left edge
    width: float
    align: Align
    style: Style


@dataclass(frozen=True)
class LaidRow:
    cells: tuple[_LaidCell, ...]
    space_before: float
    line_height: float
    keep_with_next: bool = False

    @property
    def lines(self) -> int:
        return max(len(c.lines) for c in self.cells)

    @property
    def height(self) -> float:
        return self.space_before + self.lines * self.line_height

    def split(self, avail: float) -> tuple[LaidRow, LaidRow] | None:
        """Cut between lines so the head fits ``avail``; None if not even one line fits."""
        fit = int((avail - self.space_before) // self.line_height)
        if fit < 1 or fit >= self.lines:
            return None
        head = replace(self, cells=tuple(replace(c, lines=c.lines[:fit]) for c in self.cells),
                       keep_with_next=False)
        tail = replace(self, space_before=0.0,
                       cells=tuple(replace(c, lines=c.lines[fit:]) for c in self.cells))
        return head, tail

    def draw(self, canvas: Canvas, fonts: FontSet, left: float, top: float) -> None:
        for cell in self.cells:
            for i, line in enumerate(cell.lines):
                # Baseline so the glyphs sit centred in the line box.
                base = top - self.space_before - i * self.line_height - (
                    self.line_height + cell.style.size * 0.62) / 2
                width = fonts.width(line, cell.style.size)
                if cell.align == "right":
                    x = left + cell.x + cell.width - width
                elif cell.align == "center":
                    x = left + cell.x + (cell.width - width) / 2
                else:
                    x = left + cell.x
                draw_text(canvas, fonts, x, base, line, cell.style)


@dataclass(frozen=True)
class LaidRule:
    rule: Rule
    width: float
    keep_with_next: bool = False

    @property
    def height(self) -> float:
        return self.rule.space_before + self.rule.space_after + self.rule.weight

    def draw(self, canvas: Canvas, fonts: FontSet, left: float, top: float) -> None:
        y = top - self.rule.space_before - self.rule.weight / 2
        canvas.saveState()
        canvas.setLineWidth(self.rule.weight)
        if self.rule.dashed:
            canvas.setDash(2, 1.5)
        canvas.line(left, y, left + self.width, y)
        canvas.restoreState()


@dataclass(frozen=True)
class LaidQr:
    matrix: QrMatrix
    caption: LaidRow
    width: float
    space_before: float
    keep_with_next: bool = False

    @property
    def code_size(self) -> float:
        return self.matrix.size(MODULE)

    @property
    def height(self) -> float:
        return self.space_before + self.code_size + self.caption.height

    def draw(self, canvas: Canvas, fonts: FontSet, left: float, top: float) -> None:
        page_height = canvas._pagesize[1]  # reportlab has no public getter
        # Snap the code's corner to the 203 dpi dot grid (counted from the page's top-left,
        # where the printer starts) so every module is exactly 5 dots wide.
        qr_left = snap(left + (self.width - self.code_size) / 2)
        qr_top = page_height - snap(page_height - (top - self.space_before))
        draw_qr(canvas, self.matrix, qr_left, qr_top)
        self.caption.draw(canvas, fonts, left, qr_top - self.code_size)


Laid = LaidRow | LaidRule | LaidQr


def lay_out(blocks: Sequence[Block], fonts: FontSet, width: float) -> list[Laid]:
    """Measure every block for a content area ``width`` points wide."""
    return [_lay_out_one(b, fonts, width) for b in blocks]


def _lay_out_one(block: Block, fonts: FontSet, width: float) -> Laid:
    if isinstance(block, Rule):
        return LaidRule(block, width, block.keep_with_next)
    if isinstance(block, QrBlock):
        caption = _lay_out_row(
            Row((Cell("\n".join(block.caption), align="center"),), block.caption_style,
                space_before=1.5),
            fonts, width,
        )
        return LaidQr(qr_matrix(block.data), caption, width, block.space_before)
    return _lay_out_row(block, fonts, width)


def _lay_out_row(row: Row, fonts: FontSet, width: float) -> LaidRow:
    cells = []
    line_height = 0.0
    for cell in row.cells:
        style = cell.style or row.style
        x = cell.start * width
        cell_width = (cell.end - cell.start) * width
        inner = cell_width - (CELL_GAP if cell.end < 1.0 else 0.0)
        lines = tuple(wrap(fonts, cell.text, style.size, inner))
        cells.append(_LaidCell(lines, x, inner, cell.align, style))
        line_height = max(line_height, style.size * LEADING)
    return LaidRow(tuple(cells), row.space_before, line_height, row.keep_with_next)


def draw_text(canvas: Canvas, fonts: FontSet, x: float, y: float, text: str,
              style: Style) -> None:
    """One line of text, each run in the font that has its glyphs."""
    # No bold face is bundled: bold fills and strokes the outlines (render mode 2). The mode
    # is graphics state that would outlive the text object, hence the save/restore.
    if style.bold:
        canvas.saveState()
        canvas.setLineWidth(style.size * 0.045)
    obj = canvas.beginText(x, y)
    if style.bold:
        obj.setTextRenderMode(2)
    for run in fonts.runs(text):
        obj.setFont(run.font, style.size)
        obj.textOut(run.text)
    canvas.drawText(obj)
    if style.bold:
        canvas.restoreState()


# ---- pages ------------------------------------------------------------------------------


@dataclass
class Page:
    blocks: list[Laid] = field(default_factory=list)
    used: float = 0.0


def paginate(laid: Sequence[Laid], avail: float) -> list[Page]:
    """Flow blocks into pages ``avail`` points tall, keeping headings with what follows."""
    pages = [Page()]
    queue = list(laid)
    i = 0
    while i < len(queue):
        block = queue[i]
        page = pages[-1]
        # A chain of keep-with-next blocks (heading, rule, first row; an entry and its notes)
        # moves to the next page whole, unless it could not fit on any page.
        need = block.height
        j = i
        while queue[j].keep_with_next and j + 1 < len(queue):
            j += 1
            need += queue[j].height
        need = min(need, avail)
        if page.blocks and page.used + need > avail:
            pages.append(Page())
            continue
        if page.used + block.height > avail and isinstance(block, LaidRow):
            parts = block.split(avail - page.used)
            if parts is not None:
                queue[i:i + 1] = list(parts)
                block = parts[0]
        page.blocks.append(block)
        page.used += block.height
        i += 1
    return pages


def draw_blocks(canvas: Canvas, fonts: FontSet, blocks: Sequence[Laid], left: float,
                top: float) -> float:
    """Draw ``blocks`` downwards from ``top``; returns the y where the next block would go."""
    for block in blocks:
        block.draw(canvas, fonts, left, top)
        top -= block.height
    return top
