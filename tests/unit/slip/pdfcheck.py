"""Reading slips back as a reader would: text, page sizes, fonts, pixels and the QR code."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import zxingcpp
from PIL import Image

MM = 72 / 25.4


@dataclass(frozen=True)
class PageInfo:
    width_mm: float
    height_mm: float
    text: str


def pages(pdf: bytes) -> list[PageInfo]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out = []
    for page in reader.pages:
        box = page.mediabox
        out.append(PageInfo(round(float(box.width) / MM, 1), round(float(box.height) / MM, 1),
                            page.extract_text()))
    return out


def all_text(pdf: bytes) -> str:
    return "\n".join(p.text for p in pages(pdf))


def compact(text: str) -> str:
    """Text without any whitespace, for checks that must not depend on line breaks."""
    return re.sub(r"\s+", "", text)


def fonts(pdf: bytes) -> list[dict[str, object]]:
    """Every font of every page: base name, embedded file present, ToUnicode present."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen: dict[str, dict[str, object]] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = str(font["/BaseFont"])
            seen[name] = {
                "name": name,
                "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2",
                                                          "/FontFile3")),
                "to_unicode": "/ToUnicode" in font,
            }
    return list(seen.values())


def render_png(pdf: bytes, dpi: int, *, mono: bool = False) -> list[Image.Image]:
    """Rasterise with poppler, as a printer driver would (``-mono``: a 1-bit thermal head)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        args = ["pdftoppm", "-r", str(dpi), "-png"]
        if mono:
            args.append("-mono")
        subprocess.run([*args, str(src), str(Path(tmp) / "page")], check=True)
        return [Image.open(p).convert("L").copy() for p in sorted(Path(tmp).glob("page*.png"))]


def qr_codes(pdf: bytes, dpi: int = 203, *, mono: bool = True) -> list[zxingcpp.Result]:
    found = []
    for image in render_png(pdf, dpi, mono=mono):
        found.extend(r for r in zxingcpp.read_barcodes(image)
                     if r.format == zxingcpp.BarcodeFormat.QRCode)
    return found


@dataclass(frozen=True)
class WordBox:
    text: str
    page: int
    x0: float  # points, from the page's top-left
    y0: float
    x1: float
    y1: float


def word_boxes(pdf: bytes) -> list[WordBox]:
    """Words with their boxes, from poppler's ``pdftotext -bbox``."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        html = subprocess.run(["pdftotext", "-bbox", str(src), "-"], check=True,
                              capture_output=True, text=True).stdout
    boxes = []
    for page_no, page in enumerate(html.split("<page ")[1:]):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">([^<]*)</word>', page):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            boxes.append(WordBox(m.group(5), page_no, x0, y0, x1, y1))
    return boxes


def ink(image: Image.Image, box: tuple[float, float, float, float], dpi: int) -> float:
    """Share of dark pixels inside a box given in points from the top-left."""
    scale = dpi / 72
    crop = image.crop(tuple(round(v * scale) for v in box))
    histogram = crop.histogram()  # grey levels 0..255
    return sum(histogram[:128]) / max(1, sum(histogram))
