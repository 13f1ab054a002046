"""The English catalogue: complete, compiled, faithful to its placeholders, and on screen — a
visit in English shows no Chinese that is not the family's own record data.

``test_translatable.py`` finds Chinese outside ``translate()`` in the source; these tests find a
message the catalogue lacks (``scripts/build-translations.sh --check``) and Chinese that reaches
the screen anyway (painted texts included).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.flow.state import records_of, session_of
from tests.ui.helpers import walk_screens
from ui.i18n import install_language, translate

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build-translations.sh"
TS = ROOT / "resources" / "translations" / "kiosk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
PLACEHOLDER = re.compile(r"%(\d+|n)")


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": sys.executable}
    return subprocess.run(["bash", str(root / "scripts" / "build-translations.sh"), "--check"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_english_catalogue_is_complete_and_compiled():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def copy_of_the_project(tmp_path):
    """The script, ui/ and the catalogue in a scratch folder the tests may spoil."""
    for part in ("scripts", "ui", "resources/translations"):
        shutil.copytree(ROOT / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_check_fails_on_a_message_the_catalogue_lacks(copy_of_the_project):
    (copy_of_the_project / "ui" / "new_screen.py").write_text(
        'from ui.i18n import translate\nTEXT = translate("NewScreen", "新的一句话")\n',
        encoding="utf-8")
    result = run_check(copy_of_the_project)
    assert result.returncode == 1
    assert "out of date" in result.stdout and "新的一句话" in result.stdout


def test_the_check_fails_on_an_unfinished_translation_and_a_stale_qm(copy_of_the_project):
    ts = copy_of_the_project / "resources" / "translations" / "kiosk_en.ts"
    text = ts.read_text(encoding="utf-8")
    spoiled = text.replace("<translation>Points</translation>",
                           '<translation type="unfinished"></translation>', 1)
    assert spoiled != text
    ts.write_text(spoiled, encoding="utf-8")
    result = run_check(copy_of_the_project)
    assert result.returncode == 1
    assert "unfinished" in result.stdout and "not compiled" in result.stdout


def _messages() -> list[tuple[str, str, list[str]]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""]
            found.append((name, message.findtext("source") or "", forms))
    return found


def test_every_translation_keeps_its_placeholders():
    wrong = []
    for context, source, forms in _messages():
        wanted = set(PLACEHOLDER.findall(source)) - {"n"}
        for form in forms:
            if set(PLACEHOLDER.findall(form)) - {"n"} != wanted or not form.strip():
                wrong.append((context, source, form))
        if "%n" in source and "%n" not in forms[-1]:
            wrong.append((context, source, forms[-1]))  # the plural form shows the number
    assert wrong == []


def test_english_has_no_chinese_but_the_language_button():
    chinese = [(c, s, f) for c, s, forms in _messages() for f in forms if CJK.search(f)]
    assert chinese == [("DisplayButtons", "中文", "中文"),
                       ("DisplayButtons", "切换到中文", "Switch to Chinese 中文")]


def test_installing_english_switches_texts_and_back(qapp):
    try:
        assert install_language("en")
        assert translate("Sections", "计分考核") == "Points"
        assert translate("RecordsScreen", "还可打印 %n 份", "", 1) == "1 copy left"
        assert translate("RecordsScreen", "还可打印 %n 份", "", 2) == "2 copies left"
    finally:
        assert install_language("zh_CN")
    assert translate("Sections", "计分考核") == "计分考核"


# ---- on screen ------------------------------------------------------------------------------


def record_strings(value: object) -> set[str]:
    """Every text of the family's records and of the terminal's settings: data, shown as sent.
    Closed vocabularies (enums) are not data: the kiosk must translate them."""
    found: set[str] = set()
    if isinstance(value, Enum):
        return found
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found |= record_strings(getattr(value, name))
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            found |= record_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            found |= record_strings(item)
    return found


def state_data(window) -> set[str]:
    state = window.controller.state
    data = record_strings(state.announcements)
    session = session_of(state.visit)
    if session is not None:
        data |= {session.visitor_name, session.masked_id} | record_strings(session.inmates)
    records = records_of(state.visit)
    if records is not None:
        data |= record_strings(records.loaded_profile)
        data |= record_strings(list(records.loaded_sections().values()))
    return data


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName() == "languageButton":
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((name, widget.text()))
        drawn = getattr(widget, "drawn_texts", None)
        if callable(drawn):
            texts += [(name, text) for text in drawn()]
    return texts


def untranslated(window: QWidget, data: set[str], prison_name: str) -> list[str]:
    """Texts still holding Chinese once every record string is taken out of them."""
    known = sorted(data | {prison_name}, key=len, reverse=True)
    problems = []
    for name, text in shown_texts(window):
        rest = text
        for value in known:
            if value and value in rest:
                rest = rest.replace(value, "")
        if CJK.search(rest):
            problems.append(f"{name}: {text[:60]!r}")
    return problems


def test_a_visit_in_english_shows_no_untranslated_chinese(make_kiosk, demo_credentials,
                                                          central):
    kiosk = make_kiosk(size=(1920, 1080))
    one = [c for c in demo_credentials if c.note == "one inmate"][12]
    two = [c for c in demo_credentials if c.note == "two inmates"][1]
    prison = kiosk.services.settings.terminal.prison_name
    found: dict[str, list[str]] = {}
    data: set[str] = set()
    try:
        for stop in walk_screens(kiosk, one, two, language="en"):
            data |= state_data(kiosk.window)
            assert kiosk.is_visible("languageButton"), f"no language button on {stop}"
            problems = untranslated(kiosk.window, data, prison)
            if problems:
                found[stop] = problems
    finally:
        central.reset_lockouts()
    assert found == {}


def test_the_check_sees_chinese_that_is_not_record_data(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    record = QLabel("Name: 李某某", window)
    leak = QLabel("As of 数据", window)
    window.show()
    assert record.isVisible() and leak.isVisible()
    assert untranslated(window, {"李某某"}, "呼和浩特第一监狱") == ["QLabel: 'As of 数据'"]
