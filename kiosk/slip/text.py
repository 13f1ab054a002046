"""Line breaking for mixed Chinese and Latin text in a fixed width.

Chinese breaks between any two characters; Latin words and numbers are kept whole unless a word
alone is wider than the line. Closing punctuation never starts a line and opening punctuation
never ends one: the character before is carried down with it (the usual 推入 rule), so nothing
hangs past the printable width of a receipt roll.
"""

from __future__ import annotations

import re

from kiosk.slip.fonts import FontSet

_NO_LINE_START = set("，。、；：？！）》」』】〕”’…%‰,.;:?!)]}")
_NO_LINE_END = set("（《「『【〔“‘([{¥$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
# A token is a Latin word/number (kept whole), one space, or one other character.
_TOKEN = re.compile(r"[A-Za-z0-9@._/:+\-#*]+| |.", re.DOTALL)


def clean(text: str) -> str:
    """Drop control and invisible characters; tabs become spaces."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def wrap(fonts: FontSet, text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points at font ``size``."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(_wrap_paragraph(fonts, paragraph, size, width))
    return lines or [""]


def _wrap_paragraph(fonts: FontSet, text: str, size: float, width: float) -> list[str]:
    tokens = _split_long(fonts, _TOKEN.findall(text), size, width)
    lines: list[str] = []
    line: list[str] = []
    line_w = 0.0
    for tok in tokens:
        tok_w = fonts.width(tok, size)
        if line and line_w + tok_w > width + 0.01:
            carried = _carry(line, tok)
            lines.append("".join(line).rstrip())
            line = carried
            line_w = sum(fonts.width(t, size) for t in line)
            if tok == " " and not line:
                continue  # a space at a break disappears
        line.append(tok)
        line_w += tok_w
    lines.append("".join(line).rstrip())
    return lines


def _carry(line: list[str], next_tok: str) -> list[str]:
    """Tokens moved from the end of a full line to the next one, so punctuation sits right."""
    carried: list[str] = []
    if next_tok[0] in _NO_LINE_START and len(line) > 1:
        carried.insert(0, line.pop())
    while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
        carried.insert(0, line.pop())
    return carried


def _split_long(fonts: FontSet, tokens: list[str], size: float, width: float) -> list[str]:
    """Cut any single token wider than the line into pieces that fit (long codes, URLs)."""
    out: list[str] = []
    for tok in tokens:
        if len(tok) == 1 or fonts.width(tok, size) <= width:
            out.append(tok)
            continue
        piece = ""
        for char in tok:
            if piece and fonts.width(piece + char, size) > width:
                out.append(piece)
                piece = ""
            piece += char
        if piece:
            out.append(piece)
    return out


def ellipsize(fonts: FontSet, text: str, size: float, width: float) -> str:
    """``text`` cut to fit ``width`` on one line, ending in ``…`` when cut."""
    text = clean(text).replace("\n", " ")
    if fonts.width(text, size) <= width:
        return text
    while text and fonts.width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"
