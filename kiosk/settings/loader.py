"""Layered loading of the terminal's settings.

Precedence, lowest first (a later layer overrides the keys it names):

1. the defaults declared in ``kiosk.settings.schema`` (``settings.ini`` shipped beside the program
   holds exactly these, commented, and is read too when it is present, so an installer may edit it);
2. the site file: ``--settings PATH`` on the command line, else ``$KIOSK_SETTINGS``, else
   ``settings.ini`` in the platform's site configuration folder if it exists;
3. the officer overrides: ``officer.ini`` in the data folder, written by officer mode and
   ``kiosk set-pin``. Only officer-editable keys and ``[officer]`` may appear there.

Every problem raises :class:`SettingsError` naming the file, section, key, value and what is
allowed. Secret values are never put into a message.
"""

from __future__ import annotations

import configparser
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.settings.schema import OPTIONS, OptionSpec, Settings, find_option, section_classes

APP_NAME = "prison-kiosk"
OFFICER_FILE = "officer.ini"
_TRUE = {"1", "true", "yes", "on"}
# Control characters (C0, DEL and C1 such as NEL) and the Unicode line/paragraph separators.
_NOT_ONE_LINE = frozenset({"Cc", "Zl", "Zp"})
_FALSE = {"0", "false", "no", "off"}


class SettingsError(Exception):
    """A settings file is unreadable or holds a value the schema does not allow."""

    def __init__(
        self,
        source: str,
        section: str | None,
        key: str | None,
        value: str | None,
        problem: str,
    ) -> None:
        self.source, self.section, self.key, self.value, self.problem = (
            source, section, key, value, problem,
        )
        where = source
        if section is not None:
            where += f": [{section}]"
        if key is not None:
            where += f" {key}"
        if value is not None:
            where += f" = {value!r}"
        super().__init__(f"{where}: {problem}")


def parse_value(spec: OptionSpec, raw: str, source: str) -> Any:
    """Turn the text of one key into its typed value, or raise SettingsError."""
    shown = "<secret>" if spec.info.secret else raw

    def fail(problem: str) -> SettingsError:
        return SettingsError(source, spec.section, spec.key, shown, problem)

    text = raw.strip()
    value: Any
    if any(unicodedata.category(ch) in _NOT_ONE_LINE for ch in text):
        # A continuation line or control character: no key takes more than one line, and a
        # NEL or U+2028 would break the line on the slip or screen that shows the value.
        raise fail(f"one line of text without control characters; expected {spec.allowed()}")
    if spec.kind is bool:
        low = text.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise fail(f"expected {spec.allowed()}")
    if spec.kind is int:
        try:
            value = int(text)
        except ValueError:
            raise fail(f"expected {spec.allowed()}") from None
    elif spec.kind is float:
        try:
            value = float(text)
        except ValueError:
            raise fail(f"expected {spec.allowed()}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise fail(f"expected {spec.allowed()}")
    else:
        value = text
        if spec.choices is not None and value not in spec.choices:
            raise fail(f"expected {spec.allowed()}")
        if spec.info.pattern and not re.fullmatch(spec.info.pattern, value):
            raise fail(f"expected {spec.allowed()}")
        return value
    lo, hi = spec.info.minimum, spec.info.maximum
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise fail(f"expected {spec.allowed()}")
    return value


_INI_SHAPE = "[section] headers followed by 'key = value' lines"


def _ini_problem(exc: configparser.Error, source: str) -> SettingsError:
    """Name the line of a syntax error, never its text (it may be the token)."""
    if isinstance(exc, configparser.DuplicateOptionError):
        return SettingsError(
            source, exc.section, exc.option, None, f"line {exc.lineno}: key given twice"
        )
    if isinstance(exc, configparser.DuplicateSectionError):
        return SettingsError(
            source, exc.section, None, None, f"line {exc.lineno}: section given twice"
        )
    if isinstance(exc, configparser.MissingSectionHeaderError):
        problem = f"line {exc.lineno}: a [section] header must come first"
    elif isinstance(exc, configparser.ParsingError):
        lines = ", ".join(str(lineno) for lineno, _ in exc.errors)
        problem = f"line {lines}: not 'key = value'"
    else:
        problem = type(exc).__name__
    return SettingsError(
        source, None, None, None, f"not a valid INI file ({problem}); expected {_INI_SHAPE}"
    )


def read_ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    try:
        # utf-8-sig: Windows Notepad may save UTF-8 with a byte-order mark.
        with path.open(encoding="utf-8-sig") as fh:
            parser.read_file(fh, source=str(path))
    except FileNotFoundError:
        raise SettingsError(str(path), None, None, None, "file not found") from None
    except UnicodeDecodeError:
        raise SettingsError(str(path), None, None, None, "not UTF-8 text") from None
    except configparser.Error as exc:
        raise _ini_problem(exc, str(path)) from None
    except OSError as exc:
        raise SettingsError(str(path), None, None, None, f"cannot read: {exc.strerror}") from None
    return parser


def values_from_ini(
    parser: configparser.ConfigParser, source: str, *, officer_layer: bool = False
) -> dict[tuple[str, str], Any]:
    """Validate every key of one file against the schema; unknown keys are errors (typos)."""
    sections = section_classes()
    out: dict[tuple[str, str], Any] = {}
    if parser.defaults():
        # configparser would copy [DEFAULT] keys into every section (printer and reader both
        # have a backend key): refuse it rather than apply a key where nobody meant it.
        raise SettingsError(
            source, parser.default_section, None, None,
            "unknown section; allowed: " + ", ".join(sorted(sections)),
        )
    for section in parser.sections():
        if section not in sections:
            raise SettingsError(
                source, section, None, None,
                "unknown section; allowed: " + ", ".join(sorted(sections)),
            )
        for key, raw in parser.items(section):
            spec = find_option(section, key)
            if spec is None:
                known = sorted(s.key for s in OPTIONS if s.section == section)
                raise SettingsError(
                    source, section, key, None, "unknown key; allowed: " + ", ".join(known)
                )
            if officer_layer and not (spec.info.officer_editable or section == "officer"):
                editable = sorted(
                    s.key for s in OPTIONS if s.section == section and s.info.officer_editable
                )
                raise SettingsError(
                    source, section, key, None,
                    "not editable in the officer overrides file; editable here: "
                    + (", ".join(editable) or "none"),
                )
            if section == "officer" and not officer_layer:
                raise SettingsError(
                    source, section, key, None,
                    f"belongs only in the officer overrides file ({OFFICER_FILE})",
                )
            out[(section, key)] = parse_value(spec, raw, source)
    return out


def build(values: Mapping[tuple[str, str], Any]) -> Settings:
    """Build a Settings from schema defaults plus the given values."""
    per_section: dict[str, dict[str, Any]] = {}
    for (section, key), value in values.items():
        per_section.setdefault(section, {})[key] = value
    kwargs = {
        name: cls(**per_section.get(name, {})) for name, cls in section_classes().items()
    }
    return Settings(**kwargs)


def replace(settings: Settings, changes: Mapping[tuple[str, str], Any]) -> Settings:
    """A copy of ``settings`` with the given keys changed (values already validated)."""
    current = dict(as_values(settings))
    current.update(changes)
    return build(current)


def as_values(settings: Settings) -> Iterable[tuple[tuple[str, str], Any]]:
    for spec in OPTIONS:
        yield (spec.section, spec.key), getattr(getattr(settings, spec.section), spec.key)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    sources: tuple[str, ...]
    """The files read, lowest precedence first (for the status screen and the log)."""
    data_dir: Path
    log_dir: Path

    @property
    def officer_file(self) -> Path:
        return self.data_dir / OFFICER_FILE


def shipped_settings_path() -> Path | None:
    """The settings.ini shipped beside the program (source tree or one-folder build)."""
    from kiosk.resources import project_file

    path = project_file("settings.ini")
    return path if path.is_file() else None


def default_site_path() -> Path:
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


def resolve_dirs(settings: Settings) -> tuple[Path, Path]:
    data = Path(settings.paths.data_dir) if settings.paths.data_dir else Path(
        platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )
    logs = Path(settings.paths.log_dir) if settings.paths.log_dir else Path(
        platformdirs.user_log_dir(APP_NAME, appauthor=False)
    )
    return data, logs


def load(
    site_file: Path | None = None, *, environ: Mapping[str, str] | None = None
) -> LoadedSettings:
    """Load all layers. ``site_file`` is the ``--settings`` argument, if any."""
    env = os.environ if environ is None else environ
    values: dict[tuple[str, str], Any] = {}
    sources: list[str] = []

    shipped = shipped_settings_path()
    if shipped is not None:
        values.update(values_from_ini(read_ini(shipped), str(shipped)))
        sources.append(str(shipped))

    site: Path | None = site_file
    if site is None and env.get("KIOSK_SETTINGS"):
        site = Path(env["KIOSK_SETTINGS"])
    if site is None:
        candidate = default_site_path()
        site = candidate if candidate.is_file() else None
    if site is not None:
        values.update(values_from_ini(read_ini(site), str(site)))
        sources.append(str(site))

    data_dir, log_dir = resolve_dirs(build(values))
    officer = data_dir / OFFICER_FILE
    if officer.is_file():
        values.update(values_from_ini(read_ini(officer), str(officer), officer_layer=True))
        sources.append(str(officer))

    return LoadedSettings(build(values), tuple(sources), data_dir, log_dir)


def describe(settings: Settings) -> dict[str, str]:
    """Settings as text for logs and the status screen, with secrets replaced."""
    out: dict[str, str] = {}
    for spec in OPTIONS:
        value = getattr(getattr(settings, spec.section), spec.key)
        out[spec.name] = "<set>" if spec.info.secret and value else (
            "<unset>" if spec.info.secret else str(value)
        )
    return out


def dataclass_fields_changed(old: Settings, new: Settings) -> list[str]:
    """Names of the keys whose value differs (for the audit trail and restart decisions)."""
    changed = []
    for spec in OPTIONS:
        a = getattr(getattr(old, spec.section), spec.key)
        b = getattr(getattr(new, spec.section), spec.key)
        if a != b:
            changed.append(spec.name)
    return changed


__all__ = [
    "LoadedSettings",
    "SettingsError",
    "as_values",
    "build",
    "dataclass_fields_changed",
    "describe",
    "load",
    "parse_value",
    "replace",
]
