"""Writing the officer overrides file (``officer.ini``): validated, atomic, with one-step undo.

Officer mode edits only the keys the schema marks officer-editable. A change is validated with
the loader's own rules before anything is written; the whole new file is parsed back as the
loader would read it; then it replaces the old one atomically (temporary file, fsync, rename), so
a power cut leaves either the old file or the new one. The previous file is kept beside it as
``officer.ini.bak`` for one-step undo. The ``[officer]`` section (the PIN hash) is written only
by :func:`set_pin_hash` and is never rolled back by an undo.
"""

from __future__ import annotations

import configparser
import io
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import log
from kiosk.settings.loader import SettingsError, parse_value, read_ini, values_from_ini
from kiosk.settings.schema import OptionSpec, find_option

BACKUP_SUFFIX = ".bak"
OFFICER_SECTION = "officer"
_HEADER = (
    "# Officer overrides, written by officer mode and `kiosk set-pin`.\n"
    "# Only officer-editable keys and [officer] may appear here; edit in officer mode.\n\n"
)

Key = tuple[str, str]


@dataclass(frozen=True)
class OverrideChange:
    """What a save or an undo changed in the overrides file."""

    values: dict[Key, Any]
    """Each changed key with its new typed value; None where the override was removed."""
    restart_needed: bool
    """Whether any changed key takes effect only after a restart."""

    @property
    def names(self) -> str:
        """The changed keys as ``section.key,...`` for the audit trail (never the values)."""
        return ",".join(f"{s}.{k}" for s, k in sorted(self.values))


def backup_path(officer_file: Path) -> Path:
    return officer_file.with_name(officer_file.name + BACKUP_SUFFIX)


def _editable_spec(source: str, section: str, key: str) -> OptionSpec:
    spec = find_option(section, key)
    if spec is None:
        raise SettingsError(source, section, key, None, "unknown key")
    if not spec.info.officer_editable:
        raise SettingsError(source, section, key, None, "not editable in officer mode")
    return spec


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _read(path: Path) -> configparser.ConfigParser:
    if path.is_file():
        return read_ini(path)
    return configparser.ConfigParser(interpolation=None, strict=True)


def _render(parser: configparser.ConfigParser) -> str:
    buffer = io.StringIO()
    buffer.write(_HEADER)
    parser.write(buffer)
    return buffer.getvalue()


def _overrides(parser: configparser.ConfigParser) -> dict[Key, str]:
    """The settings keys a parser holds, without the [officer] section."""
    return {
        (section, key): raw
        for section in parser.sections() if section != OFFICER_SECTION
        for key, raw in parser.items(section)
    }


def _set(parser: configparser.ConfigParser, key: Key, text: str | None) -> None:
    section, name = key
    if text is None:
        if parser.has_section(section):
            parser.remove_option(section, name)
            if not parser.items(section):
                parser.remove_section(section)
        return
    if not parser.has_section(section):
        parser.add_section(section)
    parser.set(section, name, text)


def _checked(parser: configparser.ConfigParser, source: str) -> str:
    """The file text, after reading it back exactly as the loader will at the next start."""
    text = _render(parser)
    again = configparser.ConfigParser(interpolation=None, strict=True)
    again.read_string(text, source=source)
    values_from_ini(again, source, officer_layer=True)
    return text


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows has no directory handles; its rename is durable enough
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a crash leaves the old file or the new one, never half.

    The temporary file is created with mode 0600 (the officer file holds the PIN hash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def save_overrides(officer_file: Path, changes: Mapping[Key, str | None]) -> OverrideChange:
    """Validate and save officer edits: ``{(section, key): text}``; None removes an override
    (the key falls back to the site file or the default).

    Raises SettingsError naming the key and what is allowed; nothing is written then."""
    source = str(officer_file)
    if not changes:
        return OverrideChange({}, False)
    typed: dict[Key, Any] = {}
    texts: dict[Key, str | None] = {}
    for (section, key), raw in changes.items():
        spec = _editable_spec(source, section, key)
        if raw is None:
            typed[(section, key)] = texts[(section, key)] = None
            continue
        if "\n" in raw or "\r" in raw:
            raise SettingsError(source, section, key, None, "must be a single line")
        value = parse_value(spec, raw, source)
        typed[(section, key)] = value
        texts[(section, key)] = _as_text(value)

    old_text = officer_file.read_text(encoding="utf-8") if officer_file.is_file() else ""
    parser = _read(officer_file)
    for option, text in texts.items():
        _set(parser, option, text)
    new_text = _checked(parser, source)
    atomic_write_text(backup_path(officer_file), old_text)
    atomic_write_text(officer_file, new_text)
    change = OverrideChange(typed, _restart_needed(typed))
    log.officer.info("officer overrides saved: %s", change.names)  # names only, not values
    return change


def _restart_needed(keys: Mapping[Key, Any]) -> bool:
    return any(
        (spec := find_option(section, key)) is not None and spec.info.restart_needed
        for section, key in keys
    )


def can_undo(officer_file: Path) -> bool:
    return backup_path(officer_file).is_file()


def undo_last_change(officer_file: Path) -> OverrideChange | None:
    """Put back the settings of the file before the last save; None if there is nothing to undo.

    The current [officer] section (the PIN hash) is kept. The backup is used up: one step only.
    """
    backup = backup_path(officer_file)
    if not backup.is_file():
        return None
    source = str(officer_file)
    previous = read_ini(backup)
    current = _read(officer_file)
    restored = configparser.ConfigParser(interpolation=None, strict=True)
    for key, raw in _overrides(previous).items():
        _set(restored, key, raw)
    if current.has_section(OFFICER_SECTION):
        for name, raw in current.items(OFFICER_SECTION):
            _set(restored, (OFFICER_SECTION, name), raw)
    text = _checked(restored, source)

    before, after = _overrides(current), _overrides(restored)
    typed: dict[Key, Any] = {}
    for option in sorted(before.keys() | after.keys()):
        if before.get(option) != after.get(option):
            restored_raw = after.get(option)
            spec = find_option(*option)
            typed[option] = (
                None if restored_raw is None or spec is None
                else parse_value(spec, restored_raw, source)
            )
    atomic_write_text(officer_file, text)
    backup.unlink()
    _fsync_dir(officer_file.parent)
    change = OverrideChange(typed, _restart_needed(typed))
    log.officer.info("officer overrides undone: %s", change.names or "no key changed")
    return change


def set_pin_hash(officer_file: Path, pin_hash: str) -> None:
    """Store a new PIN hash in [officer], keeping every other key (no backup: not undoable)."""
    parser = _read(officer_file)
    _set(parser, (OFFICER_SECTION, "pin_hash"), pin_hash)
    atomic_write_text(officer_file, _checked(parser, str(officer_file)))
    log.officer.info("officer PIN hash replaced in %s", officer_file)
