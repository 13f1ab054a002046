"""The officer overrides file: validated saves, atomic replacement, one-step undo, PIN hash."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.officer.overrides import (
    backup_path,
    can_undo,
    save_overrides,
    set_pin_hash,
    undo_last_change,
)
from kiosk.settings import OPTIONS, SettingsError, load


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site settings file that puts the data folder (and so officer.ini) under tmp_path."""
    path = tmp_path / "site.ini"
    path.write_text(f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def officer_file(site: Path) -> Path:
    return load(site, environ={}).officer_file


def test_saved_edits_are_what_the_loader_reads_at_the_next_start(site, officer_file) -> None:
    change = save_overrides(officer_file, {
        ("printer", "backend"): "cups", ("kiosk", "idle_timeout_s"): " 120 ",
        ("terminal", "prison_name"): "包头监狱",
    })
    assert change.values == {("printer", "backend"): "cups", ("kiosk", "idle_timeout_s"): 120,
                             ("terminal", "prison_name"): "包头监狱"}
    assert change.names == "kiosk.idle_timeout_s,printer.backend,terminal.prison_name"
    settings = load(site, environ={}).settings
    assert settings.printer.backend == "cups"
    assert settings.kiosk.idle_timeout_s == 120
    assert settings.terminal.prison_name == "包头监狱"


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        (("kiosk", "idle_timeout_s"), "5", "from 15 to 900"),
        (("kiosk", "idle_timeout_s"), "ninety", "whole number"),
        (("printer", "backend"), "fax", "one of file, cups, qt, none"),
        (("central", "base_url"), "disclosure.example", "text matching"),
        (("terminal", "prison_name"), "a\n[central]\ntoken = x", "single line"),
        (("terminal", "id"), "NM-X-01", "not editable in officer mode"),
        (("central", "token"), "stolen", "not editable in officer mode"),
        (("officer", "pin_hash"), "x", "not editable in officer mode"),
        (("kiosk", "no_such_key"), "1", "unknown key"),
    ],
    ids=["below-minimum", "not-a-number", "bad-choice", "bad-url", "newline-injection",
         "not-officer-editable", "secret", "pin-hash", "unknown"],
)
def test_invalid_values_are_refused_with_a_message_and_nothing_written(
    officer_file, key, raw, message
) -> None:
    save_overrides(officer_file, {("kiosk", "language"): "en"})
    before = officer_file.read_bytes()
    with pytest.raises(SettingsError, match=message) as info:
        save_overrides(officer_file, {("kiosk", "countdown_s"): "30", key: raw})
    assert f"[{key[0]}] {key[1]}" in str(info.value)
    assert officer_file.read_bytes() == before
    assert sorted(p.name for p in officer_file.parent.iterdir()) == ["officer.ini",
                                                                     "officer.ini.bak"]


def test_undo_puts_back_the_previous_file_once(site, officer_file) -> None:
    save_overrides(officer_file, {("kiosk", "language"): "en"})
    save_overrides(officer_file, {("kiosk", "language"): "zh_CN", ("printer", "layout"): "a4"})
    assert can_undo(officer_file)

    change = undo_last_change(officer_file)
    assert change is not None
    assert change.values == {("kiosk", "language"): "en", ("printer", "layout"): None}
    settings = load(site, environ={}).settings
    assert (settings.kiosk.language, settings.printer.layout) == ("en", "receipt80")

    assert not can_undo(officer_file)
    assert undo_last_change(officer_file) is None


def test_undoing_the_first_save_leaves_no_overrides(site, officer_file) -> None:
    save_overrides(officer_file, {("reader", "port"): "/dev/ttyUSB3"})
    change = undo_last_change(officer_file)
    assert change is not None and change.values == {("reader", "port"): None}
    assert load(site, environ={}).settings.reader.port == "auto"


def test_none_removes_an_override(site, officer_file) -> None:
    save_overrides(officer_file, {("kiosk", "countdown_s"): "40", ("kiosk", "language"): "en"})
    save_overrides(officer_file, {("kiosk", "countdown_s"): None})
    settings = load(site, environ={}).settings
    assert (settings.kiosk.countdown_s, settings.kiosk.language) == (20, "en")


def test_pin_hash_survives_edits_and_undo_and_is_not_itself_undoable(site, officer_file) -> None:
    save_overrides(officer_file, {("kiosk", "language"): "en"})
    backup_before = backup_path(officer_file).read_bytes()
    set_pin_hash(officer_file, "scrypt$16384$8$1$c2FsdA==$aGFzaA==")
    assert load(site, environ={}).settings.officer.pin_hash.startswith("scrypt$")
    assert load(site, environ={}).settings.kiosk.language == "en"
    assert backup_path(officer_file).read_bytes() == backup_before

    save_overrides(officer_file, {("kiosk", "language"): "zh_CN"})
    undo_last_change(officer_file)
    settings = load(site, environ={}).settings
    assert settings.kiosk.language == "en"
    assert settings.officer.pin_hash == "scrypt$16384$8$1$c2FsdA==$aGFzaA=="


def test_files_are_private_and_no_temporary_file_is_left(officer_file) -> None:
    set_pin_hash(officer_file, "scrypt$16384$8$1$c2FsdA==$aGFzaA==")
    save_overrides(officer_file, {("kiosk", "language"): "en"})
    for path in officer_file.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert sorted(p.name for p in officer_file.parent.iterdir()) == ["officer.ini",
                                                                     "officer.ini.bak"]


EDITABLE = [spec for spec in OPTIONS if spec.info.officer_editable]


@pytest.mark.parametrize("spec", EDITABLE, ids=[spec.name for spec in EDITABLE])
def test_every_officer_key_saves_its_default_and_reports_restart_from_the_schema(
    officer_file, spec
) -> None:
    default = spec.default if not isinstance(spec.default, bool) else str(spec.default).lower()
    change = save_overrides(officer_file, {(spec.section, spec.key): str(default)})
    assert change.values == {(spec.section, spec.key): spec.default}
    assert change.restart_needed is spec.info.restart_needed
