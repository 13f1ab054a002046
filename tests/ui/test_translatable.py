"""Every word a family reads is wrapped for translation.

The source language of ``ui/`` is Chinese (see ``ui/i18n.py``), so any string literal holding a
CJK character that is not the text argument of ``translate(...)`` / ``tr(...)`` is a string a
family would read untranslated. Docstrings are not shown and are skipped.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
WRAPPERS = {"translate", "tr", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def _wrapped_text_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in WRAPPERS:
                ids.update(id(arg) for arg in node.args[:2])
    return ids


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    ids.add(id(stmt.value))
    return ids


def unwrapped_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _wrapped_text_nodes(tree) | _docstrings(tree)
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and CJK.search(node.value) and id(node) not in allowed
    ]


def test_no_family_facing_string_escapes_translation():
    found = [line for path in sorted(UI.rglob("*.py")) for line in unwrapped_strings(path)]
    assert found == []


def test_the_check_finds_an_unwrapped_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""文档。"""\nlabel.setText("你好")\nlabel.setText(translate("C", "好"))\n',
                      encoding="utf-8")
    assert unwrapped_strings(sample) == ["sample.py:2: '你好'"]
