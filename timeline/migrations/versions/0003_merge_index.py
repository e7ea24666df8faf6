"""The merge's index: events by type, interval length and start.

The merge looks for stored events of a type that overlap some days. With an index on
(type, date_start) alone it had to read every event of the type that started up to 62
days earlier, in case its interval was that long; nearly all are one day long, so on a
store dense with events it read ten times more than it kept. With the length in the
index it reads one-day to one-week events from a week back only, and the rarer longer
ones apart. Replaces ``ix_events_type_start``, which nothing else used.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_type_span_start", "events", ["type", "span_days", "date_start"])
    op.drop_index("ix_events_type_start", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_type_start", "events", ["type", "date_start"])
    op.drop_index("ix_events_type_span_start", table_name="events")
