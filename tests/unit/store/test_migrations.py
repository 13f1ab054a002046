"""Alembic at start-up: from empty, idempotent, in step with tables.py, refusing the future."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from kiosk.store import DatabaseTooNew, Store, StoreError
from kiosk.store.migrate import code_head, script_location
from kiosk.store.tables import metadata


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as raw:
        return {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_migrates_an_empty_folder(db_path: Path) -> None:
    assert not db_path.parent.exists()
    store = Store.open(db_path)
    store.close()
    assert store.revision == code_head()
    assert _tables(db_path) >= {"alembic_version", "lockout_failures", "audit_queue", "daily_stats"}
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(code_head(),)]


def test_reopening_keeps_data_and_changes_nothing(db_path: Path) -> None:
    store = Store.open(db_path)
    store.bump("visits", date(2026, 11, 27), 3)
    store.close()
    before = db_path.read_bytes()
    again = Store.open(db_path)
    try:
        assert again.counts(date(2026, 11, 27), date(2026, 11, 27)) == {"visits": 3}
        assert again.revision == code_head()
    finally:
        again.close()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    assert len(db_path.read_bytes()) == len(before)


def test_migrations_build_exactly_the_declared_tables(db_path: Path) -> None:
    """tables.py (what the code queries) and the migration scripts (what builds the file) agree."""
    Store.open(db_path).close()
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            diffs = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_a_database_from_a_newer_kiosk_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    _stamp(db_path, "9001_from_the_future")
    with pytest.raises(DatabaseTooNew) as caught:
        Store.open(db_path)
    error = caught.value
    assert error.database_revision == "9001_from_the_future"
    assert error.code_revision == code_head()
    assert "9001_from_the_future" in str(error) and code_head() in str(error)
    assert str(db_path) in str(error)
    # Refusing must not have touched it.
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9001_from_the_future",)
        ]


def test_a_file_that_is_not_a_database_is_a_store_error(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not SQLite\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store.open(db_path)
    assert not isinstance(caught.value, DatabaseTooNew)
    assert str(db_path) in str(caught.value)


def test_an_unusable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store.open(blocker / "kiosk.sqlite3")


def test_scripts_ship_inside_the_package_without_an_ini() -> None:
    location = script_location()
    package = Path(__file__).resolve().parents[3] / "kiosk" / "store"
    assert location.resolve() == (package / "migrations").resolve()
    assert (location / "env.py").is_file()
    assert list((location / "versions").glob("0001_*.py"))
    assert not list(package.rglob("alembic.ini"))

