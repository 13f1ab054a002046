"""The local store: SQLite in the data folder, migrated by Alembic at start-up."""

from kiosk.store.errors import DatabaseTooNew, PersonalDataRefused, StoreError
from kiosk.store.store import DB_FILE, Store

__all__ = ["DB_FILE", "DatabaseTooNew", "PersonalDataRefused", "Store", "StoreError"]
