"""Snapshots of both layouts with a fixed clock: page sizes and the text a reader extracts.

A change to a slip shows up here as a readable text diff. After an intended change, refresh the
files with ``UPDATE_SNAPSHOTS=1 pytest tests/unit/slip/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.unit.slip import pdfcheck, sample

SNAPSHOTS = Path(__file__).parent / "snapshots"

CASES = {
    # the receipt with a name full of rare characters and a 40-line transaction list
    "receipt80-rare-name-40-transactions": lambda: sample.render(
        sample.content(name="李" + sample.RARE_NAME, transactions=40), "receipt80"),
    "a4-all-sections": lambda: sample.render(sample.content(), "a4"),
    "receipt80-english": lambda: sample.render(sample.content(language="en"), "receipt80"),
}


def snapshot_text(pdf: bytes) -> str:
    out = []
    for number, page in enumerate(pdfcheck.pages(pdf), start=1):
        out.append(f"=== page {number}: {page.width_mm} x {page.height_mm} mm ===")
        out.append(page.text.rstrip())
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_snapshot(name):
    actual = snapshot_text(CASES[name]())
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1"
    assert actual == path.read_text(encoding="utf-8")
