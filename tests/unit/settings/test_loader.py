"""Layered loading: precedence, messages for bad files, the officer layer, secrecy of the token."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.settings import OPTIONS, SettingsError, load
from kiosk.settings.loader import (
    OFFICER_FILE,
    dataclass_fields_changed,
    describe,
    replace,
)

Write = Callable[[str, "str | bytes"], Path]
TOKEN = "tok-Very-Secret-7Q2"


def _site(data_dir: Path, body: str = "") -> str:
    return f"[paths]\ndata_dir = {data_dir}\nlog_dir = {data_dir / 'logs'}\n{body}"


# -- precedence -------------------------------------------------------------------------------


def test_shipped_then_site_then_officer(write: Write, bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(
        "bundle/settings.ini",
        "[terminal]\nprison_name = 出厂名称\n[kiosk]\nidle_timeout_s = 100\nlanguage = en\n"
        "[logging]\nlevel = DEBUG\n",
    )
    site = write("site.ini", _site(data, "[terminal]\nprison_name = 现场名称\n[kiosk]\n"
                                    "idle_timeout_s = 200\n"))
    officer = write(f"data/{OFFICER_FILE}", "[kiosk]\nidle_timeout_s = 300\n")

    loaded = load(site, environ={})
    s = loaded.settings
    assert s.terminal.prison_name == "现场名称"  # site over shipped
    assert s.kiosk.idle_timeout_s == 300  # officer over site
    assert s.kiosk.language == "en"  # only the shipped file names it
    assert s.logging.level == "DEBUG"
    assert s.kiosk.countdown_s == 20  # nobody names it: the schema default
    assert loaded.sources == (str(bundle / "settings.ini"), str(site), str(officer))
    assert loaded.data_dir == data and loaded.officer_file == officer


def test_without_a_shipped_file_the_schema_defaults_apply(bundle: Path, write: Write,
                                                           tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data"))
    loaded = load(site, environ={})
    assert loaded.sources == (str(site),)
    assert loaded.settings.kiosk.idle_timeout_s == 90


def test_settings_argument_wins_over_the_environment(write: Write, tmp_path: Path) -> None:
    by_env = write("env.ini", _site(tmp_path / "d1", "[terminal]\nid = FROM-ENV\n"))
    by_arg = write("arg.ini", _site(tmp_path / "d2", "[terminal]\nid = FROM-ARG\n"))
    assert load(None, environ={"KIOSK_SETTINGS": str(by_env)}).settings.terminal.id == "FROM-ENV"
    assert load(by_arg, environ={"KIOSK_SETTINGS": str(by_env)}).settings.terminal.id == "FROM-ARG"


def test_a_missing_settings_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="file not found") as caught:
        load(tmp_path / "nope.ini", environ={})
    assert caught.value.source == str(tmp_path / "nope.ini")


def test_notepad_byte_order_mark_is_accepted(write: Write, tmp_path: Path) -> None:
    site = write("bom.ini", "\ufeff" + _site(tmp_path / "data", "[terminal]\nid = WITH-BOM\n"))
    assert load(site, environ={}).settings.terminal.id == "WITH-BOM"


# -- bad files --------------------------------------------------------------------------------

# name: (file content, section, key, value, words that must appear in the message)
BAD = {
    "unknown key (typo)": (
        "[kiosk]\nidle_timeout = 90\n", "kiosk", "idle_timeout", None, "allowed: countdown_s",
    ),
    "unknown section": ("[kisok]\n", "kisok", None, None, "allowed: central, kiosk"),
    "DEFAULT section": ("[DEFAULT]\nbackend = none\n[printer]\n", "DEFAULT", None, None,
                        "unknown section; allowed: central"),
    "wrong type": (
        "[kiosk]\nidle_timeout_s = ninety\n", "kiosk", "idle_timeout_s", "ninety",
        "a whole number from 15 to 900",
    ),
    "decimal for a whole number": (
        "[kiosk]\nidle_timeout_s = 90.5\n", "kiosk", "idle_timeout_s", "90.5", "whole number",
    ),
    "below the minimum": (
        "[kiosk]\nidle_timeout_s = 5\n", "kiosk", "idle_timeout_s", "5", "from 15 to 900",
    ),
    "above the maximum": (
        "[central]\nconnect_timeout_s = 31\n", "central", "connect_timeout_s", "31",
        "a number from 0.2 to 30",
    ),
    "not a number": (
        "[central]\nconnect_timeout_s = nan\n", "central", "connect_timeout_s", "nan", "a number",
    ),
    "not a boolean": ("[kiosk]\nfullscreen = maybe\n", "kiosk", "fullscreen", "maybe",
                      "true or false"),
    "bad choice": ("[printer]\nbackend = laser\n", "printer", "backend", "laser",
                   "one of file, cups, qt, none"),
    "bad pattern": ("[terminal]\nid = lobby 1\n", "terminal", "id", "lobby 1",
                    "text matching ^[A-Z0-9]"),
    "http URL pattern": ("[central]\nbase_url = ftp://x\n", "central", "base_url", "ftp://x",
                         "text matching"),
    "value continued on a second line": (
        "[terminal]\nprison_name = 第一\n  监狱\n", "terminal", "prison_name", "第一\n监狱",
        "one line of text",
    ),
    "next-line control character (NEL)": (
        "[terminal]\nprison_name = 第一\x85监狱\n", "terminal", "prison_name", "第一\x85监狱",
        "one line of text",
    ),
    "Unicode line separator": (
        "[terminal]\nprison_name = 第一\u2028监狱\n", "terminal", "prison_name",
        "第一\u2028监狱", "one line of text",
    ),
    "officer section in a site file": (
        "[officer]\npin_hash = x\n", "officer", "pin_hash", None,
        "belongs only in the officer overrides file",
    ),
    "key given twice": ("[kiosk]\ncountdown_s = 20\ncountdown_s = 30\n", "kiosk", "countdown_s",
                        None, "line 3: key given twice"),
    "section given twice": ("[kiosk]\n[kiosk]\n", "kiosk", None, None, "section given twice"),
    "not INI at all": ("just some words\n", None, None, None,
                       "not a valid INI file (line 1: a [section] header must come first)"),
    "line without equals sign": ("[kiosk]\n\nfullscreen true\n", None, None, None,
                                 "line 3: not 'key = value'"),
    "non-UTF-8 (GBK)": (
        "[terminal]\nprison_name = 呼和浩特\n".encode("gbk"), None, None, None, "not UTF-8 text",
    ),
}


@pytest.mark.parametrize(("content", "section", "key", "value", "words"), BAD.values(),
                         ids=BAD.keys())
def test_bad_file_message_names_everything(
    write: Write, tmp_path: Path, content: str | bytes, section: str | None, key: str | None,
    value: str | None, words: str,
) -> None:
    site = write("site.ini", content)
    with pytest.raises(SettingsError) as caught:
        load(site, environ={})
    error = caught.value
    message = str(error)
    assert (error.source, error.section, error.key, error.value) == (str(site), section, key, value)
    assert message.startswith(str(site))
    if section is not None:
        assert f"[{section}]" in message
    if key is not None:
        assert key in message
    if value is not None:
        assert repr(value) in message
    assert words in message
    assert "Traceback" not in message


def test_an_unreadable_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read"):
        load(tmp_path, environ={})  # a folder, not a file


# -- the officer layer ------------------------------------------------------------------------

NOT_EDITABLE = [s for s in OPTIONS if not s.info.officer_editable and s.section != "officer"]
EDITABLE = [s for s in OPTIONS if s.info.officer_editable]


def _default_text(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@pytest.mark.parametrize("spec", NOT_EDITABLE, ids=lambda s: s.name)
def test_officer_file_may_not_set(spec, write: Write, tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data"))
    write(f"data/{OFFICER_FILE}", f"[{spec.section}]\n{spec.key} = {_default_text(spec.default)}\n")
    with pytest.raises(SettingsError, match="not editable in the officer overrides file") as caught:
        load(site, environ={})
    assert (caught.value.section, caught.value.key) == (spec.section, spec.key)


def test_officer_file_may_set_every_editable_key(write: Write, tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data"))
    sections: dict[str, str] = {}
    for spec in EDITABLE:
        sections[spec.section] = (
            sections.get(spec.section, "") + f"{spec.key} = {_default_text(spec.default)}\n"
        )
    body = "".join(f"[{name}]\n{keys}" for name, keys in sections.items())
    body += "[officer]\npin_hash = scrypt$x\n"
    officer = write(f"data/{OFFICER_FILE}", body)
    loaded = load(site, environ={})
    assert loaded.sources[-1] == str(officer)
    assert loaded.settings.officer.pin_hash == "scrypt$x"


def test_officer_refusal_lists_what_is_editable(write: Write, tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data"))
    write(f"data/{OFFICER_FILE}", "[central]\nread_timeout_s = 5\n")
    with pytest.raises(SettingsError, match="editable here: base_url"):
        load(site, environ={})


def test_officer_file_is_looked_for_in_the_configured_data_dir(write: Write,
                                                                tmp_path: Path) -> None:
    write(f"elsewhere/{OFFICER_FILE}", "[kiosk]\nidle_timeout_s = 300\n")
    site = write("site.ini", _site(tmp_path / "data"))
    assert load(site, environ={}).settings.kiosk.idle_timeout_s == 90


# -- the token stays secret -------------------------------------------------------------------

LEAKY = {
    "token and another bad key": f"[central]\ntoken = {TOKEN}\n[kiosk]\nfullscreen = maybe\n",
    "token on a continued line": f"[central]\ntoken = {TOKEN}\n  {TOKEN}\n",
    "token with a control character": f"[central]\ntoken = {TOKEN}\x01\n",
    "token without equals sign": f"[central]\ntoken {TOKEN}\n",
    "token alone on a line": f"[central]\n{TOKEN}\n",
    "token given twice": f"[central]\ntoken = {TOKEN}\ntoken = {TOKEN}\n",
    "token before any section": f"token = {TOKEN}\n",
    "token in DEFAULT": f"[DEFAULT]\ntoken = {TOKEN}\n",
    "token in a misspelt section": f"[centrl]\ntoken = {TOKEN}\n",
    "token under a misspelt key": f"[central]\ntokn = {TOKEN}\n",
    "token in the wrong section": f"[kiosk]\ntoken = {TOKEN}\n",
}


@pytest.mark.parametrize("content", LEAKY.values(), ids=LEAKY.keys())
def test_token_never_appears_in_an_error(write: Write, content: str) -> None:
    site = write("site.ini", content)
    with pytest.raises(SettingsError) as caught:
        load(site, environ={})
    error = caught.value
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    assert TOKEN not in repr(vars(error))


def test_token_in_the_officer_file_is_refused_without_showing_it(write: Write,
                                                                  tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data"))
    write(f"data/{OFFICER_FILE}", f"[central]\ntoken = {TOKEN}\n")
    with pytest.raises(SettingsError) as caught:
        load(site, environ={})
    assert TOKEN not in str(caught.value)


def test_token_is_loaded_but_never_described(write: Write, tmp_path: Path) -> None:
    site = write("site.ini", _site(tmp_path / "data", f"[central]\ntoken = {TOKEN}\n"))
    loaded = load(site, environ={})
    assert loaded.settings.central.token == TOKEN
    described = describe(loaded.settings)
    assert described["[central] token"] == "<set>"
    assert TOKEN not in repr(described)
    assert TOKEN not in repr(loaded) and TOKEN not in str(loaded.settings)
    assert describe(replace(loaded.settings, {("central", "token"): ""}))["[central] token"] == (
        "<unset>"
    )


def test_changed_keys_are_named(write: Write, tmp_path: Path) -> None:
    base = load(write("a.ini", _site(tmp_path / "data")), environ={}).settings
    new = replace(base, {("kiosk", "idle_timeout_s"): 120, ("central", "token"): TOKEN})
    assert dataclass_fields_changed(base, new) == ["[central] token", "[kiosk] idle_timeout_s"]
