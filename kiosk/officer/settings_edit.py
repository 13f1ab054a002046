"""Officer settings edits: validate, save to the overrides file, and work out the settings that
are then in effect, so the UI can apply them without a restart.

Validation is the loader's own (``parse_value``, through ``save_overrides``) plus what only a
built part can tell: a new central URL or terminal setting must give a client that can be built
(``http://`` only for loopback hosts), else nothing is written. After a save or an undo the
settings in effect come from ``reload`` (the same layered load a restart does) when the caller
has one; without it (settings built in memory, demo mode) the change is applied to the current
settings, a removed override falling back to the schema default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.api.errors import ConfigurationError
from kiosk.officer.overrides import Key, OverrideChange, can_undo, save_overrides, undo_last_change
from kiosk.settings import Settings, SettingsError
from kiosk.settings.loader import parse_value, replace
from kiosk.settings.schema import OPTIONS, OptionSpec, find_option

Reload = Callable[[], Settings]


def editable_options() -> tuple[OptionSpec, ...]:
    """The keys an officer may change, in schema order."""
    return tuple(spec for spec in OPTIONS if spec.info.officer_editable)


def current_text(settings: Settings, spec: OptionSpec) -> str:
    value = getattr(getattr(settings, spec.section), spec.key)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class SettingsOutcome:
    ok: bool
    keys: str = ""
    """Changed keys as ``section.key,...`` (names only, for the screen and the audit trail)."""
    restart_needed: bool = False
    settings: Settings | None = None
    """The settings now in effect, for the UI to apply (None when nothing changed)."""
    undo_available: bool = False
    error: str | None = None
    """Why the edit was refused: names the key and what is allowed."""
    undone: bool = False


def _check_buildable(current: Settings, typed: Mapping[Key, object]) -> None:
    """Refuse central settings a client cannot be built from (nothing is sent anywhere)."""
    if not any(section in ("central", "terminal") for section, _ in typed):
        return
    trial = replace(current, typed)
    try:
        CentralClient.from_settings(trial).close()
    except ConfigurationError as exc:
        section, key = next(k for k in typed if k[0] in ("central", "terminal"))
        raise SettingsError("officer mode", section, key, None, str(exc)) from None


def _typed(changes: Mapping[Key, str]) -> dict[Key, object]:
    typed: dict[Key, object] = {}
    for (section, key), raw in changes.items():
        spec = find_option(section, key)
        if spec is None or not spec.info.officer_editable:
            raise SettingsError("officer mode", section, key, None, "not editable in officer mode")
        typed[(section, key)] = parse_value(spec, raw, "officer mode")
    return typed


def settings_after(current: Settings, change: OverrideChange, reload: Reload | None) -> Settings:
    if reload is not None:
        return reload()
    values: dict[Key, object] = {}
    for key, value in change.values.items():
        spec = find_option(*key)
        values[key] = value if value is not None or spec is None else spec.default
    return replace(current, values)


def save_settings(officer_file: Path, current: Settings, changes: Mapping[Key, str],
                  reload: Reload | None = None) -> SettingsOutcome:
    """Validate and save ``{(section, key): text}``; a refusal writes nothing."""
    try:
        _check_buildable(current, _typed(changes))
        change = save_overrides(officer_file, changes)
        settings = settings_after(current, change, reload)
    except SettingsError as exc:
        return SettingsOutcome(False, error=f"[{exc.section}] {exc.key}: {exc.problem}",
                               undo_available=can_undo(officer_file))
    except OSError as exc:
        log.officer.error("cannot write the officer overrides: %s", exc.strerror)
        return SettingsOutcome(False, error=f"{officer_file}: {exc.strerror}",
                               undo_available=can_undo(officer_file))
    return SettingsOutcome(True, change.names, change.restart_needed, settings,
                           can_undo(officer_file))


def undo_settings(officer_file: Path, current: Settings,
                  reload: Reload | None = None) -> SettingsOutcome:
    """Put back the overrides file from before the last save (one step)."""
    try:
        change = undo_last_change(officer_file)
        if change is None:
            return SettingsOutcome(False, error="nothing to undo", undone=True)
        settings = settings_after(current, change, reload)
    except SettingsError as exc:
        return SettingsOutcome(False, error=str(exc), undone=True,
                               undo_available=can_undo(officer_file))
    except OSError as exc:
        return SettingsOutcome(False, error=f"{officer_file}: {exc.strerror}", undone=True,
                               undo_available=can_undo(officer_file))
    return SettingsOutcome(True, change.names, change.restart_needed, settings,
                           can_undo(officer_file), undone=True)
