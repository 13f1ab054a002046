"""The core under kiosk/ never imports Qt: checked by a test, not by good intentions."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_under_kiosk_imports_qt() -> None:
    offenders = sorted(
        str(path.relative_to(KIOSK.parent))
        for path in KIOSK.rglob("*.py")
        if any(name.split(".")[0] in ("PySide6", "shiboken6", "ui") for name in
               _imported_modules(path))
    )
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(KIOSK.parent).with_suffix("").parts)
        for path in KIOSK.rglob("*.py")
        if path.name != "__main__.py" and "migrations" not in path.parts
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
