"""Alembic environment: migrations run on the connection ``timeline.schema`` hands over,
inside the transaction (and lock) it already holds."""

from __future__ import annotations

from alembic import context

from timeline.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
