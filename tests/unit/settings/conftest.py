from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a settings file under tmp_path (text as UTF-8, bytes as given)."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake one-folder build: sys._MEIPASS is how PyInstaller tells the program where its
    files are, so the loader reads the shipped settings.ini from here."""
    root = tmp_path / "bundle"
    root.mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root
