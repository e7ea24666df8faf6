"""Alembic migrations of the event store; run by ``timeline.schema``, never by hand."""
