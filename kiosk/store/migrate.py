"""Bring the database up to the code's schema at start-up, with Alembic, without an alembic.ini.

The migration scripts ship inside the package (``kiosk/store/migrations``) and are found with
``importlib.resources``, which resolves to the same folder in a source tree, an installed wheel
and a PyInstaller one-folder build (``packaging/bundle.py`` ships the folder as data files).
A database stamped with a revision this code does not know was written by a newer version:
it is refused rather than guessed at, because a downgrade would lose or misread data.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from kiosk.store.errors import DatabaseTooNew

log = logging.getLogger("kiosk.store")


def script_location() -> Path:
    return Path(str(files("kiosk.store").joinpath("migrations")))


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def code_head() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migration scripts found"
    return head


def database_revisions(connection: Connection) -> tuple[str, ...]:
    return tuple(MigrationContext.configure(connection).get_current_heads())


def upgrade(connection: Connection, path: Path) -> str:
    """Migrate inside the caller's transaction; returns the revision now in effect."""
    config = _config(connection)
    script = ScriptDirectory.from_config(config)
    known = {rev.revision for rev in script.walk_revisions()}
    head = script.get_current_head()
    assert head is not None, "no migration scripts found"
    current = database_revisions(connection)
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        raise DatabaseTooNew(path, unknown[0], head)
    if current != (head,):
        log.info("migrating the local database from %s to %s", current[0] if current else
                 "empty", head)
        command.upgrade(config, "head")
    return head
