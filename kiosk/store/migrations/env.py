"""Alembic environment of the local store. Run only programmatically by ``kiosk.store.migrate``,
which passes an open connection in ``config.attributes["connection"]``; there is no alembic.ini
and no offline (SQL script) mode."""

from __future__ import annotations

from alembic import context

from kiosk.store.tables import metadata

if context.is_offline_mode():
    raise RuntimeError("the kiosk store migrates only online, from kiosk.store.migrate")

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
