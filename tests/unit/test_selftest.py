"""The self-test's checks: compiled catalogues are what a build ships; a failing printer or
reader line names the queue or port to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.selftest import QM_MAGIC, check_printer, check_reader, check_translations
from kiosk.settings import LoadedSettings, load


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


def _site(tmp_path: Path, section: str) -> LoadedSettings:
    site = tmp_path / "site.ini"
    site.write_text(f"{section}\n[paths]\ndata_dir = {tmp_path / 'data'}\n", encoding="utf-8")
    return load(site, environ={})


def test_a_printer_queue_that_does_not_exist_is_named(tmp_path: Path) -> None:
    """The sample site settings' queue on a machine where nobody created it (real CUPS client:
    a missing queue and a stopped printer both read as offline)."""
    loaded = _site(tmp_path, "[printer]\nbackend = cups\nqueue = no-such-slip-queue")
    with pytest.raises(RuntimeError, match=r"^cups printer \(queue no-such-slip-queue\) is "):
        check_printer(loaded)


def test_a_reader_port_with_nothing_on_it_is_named(tmp_path: Path) -> None:
    port = tmp_path / "idcard-reader"
    loaded = _site(tmp_path, f"[reader]\nbackend = serial\nport = {port}")
    with pytest.raises(RuntimeError, match=f"^serial reader on {port} is absent$"):
        check_reader(loaded)

