"""The layered settings loader against hostile files, beyond tests/unit/settings: line
endings of every kind, byte-order marks and NULs in odd places, very long lines, many
sections, case games with keys, look-alike digits, and values holding control or line
separator characters. Every file gives Settings or SettingsError, an accepted value holds no
control character, and no secret ever appears in an error message."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.settings import OPTIONS, Settings, SettingsError, load
from kiosk.settings.loader import OFFICER_FILE
from kiosk.settings.schema import OptionSpec
from tests.hostile.profiles import fuzz

_SECTIONS = sorted({spec.section for spec in OPTIONS})
_KEYS = sorted({spec.key for spec in OPTIONS})
_STRING_SPECS = [s for s in OPTIONS if s.kind is str and s.choices is None and
                 s.section != "officer"]
_SECRET = "Zq7-S3CR3T-vAlUe"  # distinctive, so a leak into a message is unmistakable
_ODD = ["\x85", "\u2028", "\u2029", "\x1c", "\x0b", "\x0c", "\x00", "\ufeff", "\u202e",
        "\u200b", "\r", "١", "１", "٣", "1_0", "+1", "-0", "0x1", "1e1", "inf", "nan", "%(x)s",
        "${x}", ";", "#", "[", "]", "=", ":", "\\", '"', "'", "é", "𠮷", "😀"]
odd_values = st.lists(st.one_of(st.sampled_from(_ODD), st.text(max_size=6)), max_size=6).map(
    "".join)


def run(site: bytes, officer: bytes | None = None) -> Settings | SettingsError:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        data.mkdir()
        path = root / "site.ini"
        prefix = f"[paths]\ndata_dir = {data}\n".encode() if officer is not None else b""
        path.write_bytes(prefix + site)
        if officer is not None:
            (data / OFFICER_FILE).write_bytes(officer)
        try:
            return load(path, environ={}).settings
        except SettingsError as error:
            return error


@st.composite
def ini_bytes(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\r", "\x85", "\u2028"]))
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        section = draw(st.one_of(st.sampled_from(_SECTIONS),
                                 st.sampled_from(_SECTIONS).map(str.upper), st.text(max_size=6)))
        lines.append(draw(st.sampled_from(["[{}]", " [{}]", "[{}] ; c", "[ {} ]"])).format(section))
        for _ in range(draw(st.integers(0, 5))):
            key = draw(st.one_of(st.sampled_from(_KEYS), st.sampled_from(_KEYS).map(str.title),
                                 st.text(max_size=6)))
            separator = draw(st.sampled_from([" = ", "=", ": ", " : ", " =  "]))
            value = draw(st.one_of(odd_values, st.just("x" * draw(st.integers(0, 20000)))))
            lines.append(f"{key}{separator}{value}")
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(["  continued", "\tmore", "; c", "", "\x00"])))
    text = newline.join(lines)
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"]))
    return bom + text.encode("utf-8", "surrogatepass")


def check(result: Settings | SettingsError) -> None:
    assert isinstance(result, Settings | SettingsError)
    if isinstance(result, SettingsError):
        assert _SECRET not in str(result)
        return
    for spec in _STRING_SPECS:
        value = getattr(getattr(result, spec.section), spec.key)
        bad = [ch for ch in value if unicodedata.category(ch) in ("Cc", "Zl", "Zp")]
        assert not bad, f"{spec.name} accepted control/line-separator characters {bad!r}"


@fuzz(2)
@given(ini_bytes())
def test_hostile_site_files(site: bytes) -> None:
    check(run(site))


@fuzz(1)
@given(ini_bytes())
def test_hostile_officer_files(officer: bytes) -> None:
    check(run(b"", officer))


@fuzz(2)
@given(spec=st.sampled_from(_STRING_SPECS), value=odd_values)
@example(spec=next(s for s in _STRING_SPECS if s.key == "prison_name"), value="呼和\x85浩特")
@example(spec=next(s for s in _STRING_SPECS if s.key == "prison_name"), value="呼和\u2028浩特")
def test_one_line_values_hold_no_control_characters(spec: OptionSpec, value: str) -> None:
    check(run(f"[{spec.section}]\n{spec.key} = {value}\n".encode("utf-8", "surrogatepass")))


@fuzz(1)
@given(garbage=st.lists(st.sampled_from(["[central]", "token = " + _SECRET, "token: x",
                                         "  " + _SECRET, "token = " + _SECRET + "\x85",
                                         "[officer]", "pin_hash = " + _SECRET, _SECRET,
                                         "[central]\ntoken = " + _SECRET, "x = 1", "[x]"]),
                        max_size=8))
def test_secrets_never_reach_an_error_message(garbage: list[str]) -> None:
    site = "\n".join(garbage).encode()
    check(run(site))
    check(run(b"", officer=site))


@fuzz(0.3)
@given(st.integers(1, 2000), st.integers(0, 50000))
def test_many_sections_and_long_lines(sections: int, width: int) -> None:
    text = "".join(f"[s{i}]\nk = {'v' * width}\n" for i in range(sections))
    result = run(text.encode())
    assert isinstance(result, SettingsError)
    assert len(str(result)) < 2000  # the message names the problem, not the whole file
