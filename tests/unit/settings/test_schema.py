"""The schema as data: descriptions, defaults that obey their own rules, the shipped file."""

from __future__ import annotations

import re

import pytest

from kiosk.resources import project_file
from kiosk.settings import OPTIONS
from kiosk.settings.defaults import render_defaults
from kiosk.settings.loader import parse_value
from kiosk.settings.schema import SECTION_DESCRIPTIONS, OptionSpec, section_classes

IDS = [spec.name for spec in OPTIONS]


def test_settings_ini_is_in_sync_with_the_schema() -> None:
    shipped = project_file("settings.ini").read_text(encoding="utf-8")
    assert shipped == render_defaults(), (
        "settings.ini is stale: run `python -m kiosk.settings --write-defaults`"
    )


@pytest.mark.parametrize("spec", OPTIONS, ids=IDS)
def test_every_key_has_a_description(spec: OptionSpec) -> None:
    text = spec.info.description
    assert len(text) >= 15 and text[0].isupper() and text.rstrip(")").endswith("."), text


def test_every_section_has_a_description() -> None:
    assert set(SECTION_DESCRIPTIONS) == set(section_classes())
    assert all(SECTION_DESCRIPTIONS.values())


def test_keys_are_unique_and_lower_case() -> None:
    # configparser lower-cases keys, so an upper-case key could never be set from a file.
    assert len({spec.name for spec in OPTIONS}) == len(OPTIONS)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", spec.key) for spec in OPTIONS)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.parametrize("spec", OPTIONS, ids=IDS)
def test_default_obeys_its_own_rules(spec: OptionSpec) -> None:
    """Every default, written as text, parses back to itself (bounds, pattern, choices)."""
    assert parse_value(spec, _as_text(spec.default), "schema") == spec.default


@pytest.mark.parametrize("spec", [s for s in OPTIONS if s.info.secret], ids=lambda s: s.name)
def test_secrets_are_not_officer_editable(spec: OptionSpec) -> None:
    assert not spec.info.officer_editable


def test_allowed_says_what_is_allowed() -> None:
    allowed = {spec.name: spec.allowed() for spec in OPTIONS}
    assert allowed["[kiosk] idle_timeout_s"] == "a whole number from 15 to 900"
    assert allowed["[kiosk] fullscreen"] == "true or false"
    assert allowed["[printer] backend"] == "one of file, cups, qt, none"
    assert allowed["[terminal] id"].startswith("text matching ")
