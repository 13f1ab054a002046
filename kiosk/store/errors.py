"""Typed failures of the local store; the command line maps them to ``ExitCode.STORE``."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The local database cannot be used (unreadable, not a database, locked, refused)."""


class DatabaseTooNew(StoreError):
    """The database was migrated by a newer version of the kiosk than this one."""

    def __init__(self, path: Path, database_revision: str, code_revision: str) -> None:
        self.path = path
        self.database_revision = database_revision
        self.code_revision = code_revision
        super().__init__(
            f"{path}: the database is at revision {database_revision}, which this version of "
            f"the kiosk does not know (it knows up to {code_revision}); it was written by a "
            "newer version: install that version again"
        )


class PersonalDataRefused(StoreError):
    """Something shaped like an ID number was about to be written (a bug in the caller)."""
