"""Hypothesis: whatever is in a settings file, the loader answers Settings or SettingsError."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.settings import OPTIONS, Settings, SettingsError, load
from kiosk.settings.loader import OFFICER_FILE

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
_SECTIONS = sorted({spec.section for spec in OPTIONS})
_KEYS = sorted({spec.key for spec in OPTIONS})
_VALUES = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["true", "no", "", "1e999", "-0", "0x10", "1_000", "nan", "inf", "%(x)s"]),
    st.text(alphabet=string.ascii_uppercase + string.digits + "-", min_size=1, max_size=46),
)


@st.composite
def ini_files(draw: st.DrawFn) -> str:
    """Mostly well-formed INI with schema names, some wrong ones, some broken lines."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        section = draw(st.one_of(st.sampled_from([*_SECTIONS, "DEFAULT"]), st.text(max_size=8)))
        lines.append(f"[{section}]")
        for _ in range(draw(st.integers(0, 6))):
            key = draw(st.one_of(st.sampled_from(_KEYS), st.text(string.printable, max_size=8)))
            separator = draw(st.sampled_from([" = ", "=", ": ", " "]))
            lines.append(f"{key}{separator}{draw(_VALUES)}")
            if draw(st.booleans()) and draw(st.booleans()):
                lines.append(draw(st.sampled_from(["  continued", "; comment", "# c", ""])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example: a fresh temporary folder each time cost more than load()."""
    return tmp_path_factory.mktemp("fuzz")


def _load(root: Path, site_text: str | bytes, officer_text: str | bytes | None = None) -> object:
    site = root / "site.ini"
    data = root / "data"
    data.mkdir(exist_ok=True)
    officer = data / OFFICER_FILE
    officer.unlink(missing_ok=True)  # nothing carries over from the previous example
    content = site_text if isinstance(site_text, bytes) else site_text.encode("utf-8")
    site.write_bytes(content)
    if officer_text is not None:
        officer.write_bytes(
            officer_text if isinstance(officer_text, bytes) else officer_text.encode("utf-8")
        )
        # Point the data folder at ours unless the random file names another.
        site.write_bytes(f"[paths]\ndata_dir = {data}\n".encode() + content)
    try:
        return load(site, environ={}).settings
    except SettingsError as exc:
        assert str(exc).startswith(str(site)) or str(data) in str(exc)
        return exc


_FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(_TEXT)
def test_random_text(root: Path, text: str) -> None:
    assert isinstance(_load(root, text), Settings | SettingsError)


@_FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(root: Path, data: bytes) -> None:
    assert isinstance(_load(root, data), Settings | SettingsError)


@_FUZZ
@given(ini_files())
def test_structured_ini(root: Path, text: str) -> None:
    assert isinstance(_load(root, text), Settings | SettingsError)


@_FUZZ
@given(ini_files())
def test_structured_officer_file(root: Path, text: str) -> None:
    assert isinstance(_load(root, "", officer_text=text), Settings | SettingsError)


@_FUZZ
@given(st.sampled_from(OPTIONS), _VALUES)
def test_any_value_for_any_key(root: Path, spec, value: str) -> None:
    result = _load(root, f"[{spec.section}]\n{spec.key} = {value}\n")
    if spec.section == "officer":
        assert isinstance(result, SettingsError)
    elif isinstance(result, Settings):
        # Accepted values really are in range and of the declared type.
        got = getattr(getattr(result, spec.section), spec.key)
        assert isinstance(got, spec.kind)
        if spec.info.minimum is not None and not isinstance(got, str):
            assert spec.info.minimum <= got <= spec.info.maximum
        if spec.choices:
            assert got in spec.choices
