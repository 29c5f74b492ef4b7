"""Alembic environment: runs on the connection okguard passes in (no ini file)."""

from alembic import context

from okguard.storage.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when a developer runs alembic by hand
    raise SystemExit("okguard migrations run from okguard.storage.open_database")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
