"""The self-test's translation check: compiled catalogues are what a build ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.selftest import QM_MAGIC, check_translations


def test_a_build_with_only_compiled_catalogues_passes(tmp_path: Path) -> None:
    (tmp_path / "kiosk_en.qm").write_bytes(QM_MAGIC + b"\x00" * 8)
    assert check_translations(tmp_path) == "kiosk_en"


def test_a_source_catalogue_without_its_compiled_file_fails(tmp_path: Path) -> None:
    (tmp_path / "kiosk_en.ts").write_text("<TS/>", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"kiosk_en\.ts has no compiled kiosk_en\.qm"):
        check_translations(tmp_path)


def test_a_damaged_compiled_catalogue_fails(tmp_path: Path) -> None:
    (tmp_path / "kiosk_en.qm").write_bytes(b"not a catalogue")
    with pytest.raises(RuntimeError, match="not a compiled Qt catalogue"):
        check_translations(tmp_path)


def test_no_catalogue_folder_means_the_source_language_only(tmp_path: Path) -> None:
    assert check_translations(tmp_path / "missing").startswith("source language only")
