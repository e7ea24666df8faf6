"""The schema of timeline 0.1.0, the first release (before migrations were recorded).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.DateTime(timezone=True)),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("location", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_start_end", "events", ["date_start", "date_end"])
    op.create_index("ix_events_type_start", "events", ["type", "date_start"])
    op.create_index("ix_events_origin", "events", ["origin"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_location", "events", ["location"])
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
    )
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.String(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("document_id", sa.String(), sa.ForeignKey("documents.id")),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer()),
        sa.Column("evidence_end", sa.Integer()),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_sources_event_id", "sources", ["event_id"])
    op.create_index("ix_sources_document_id", "sources", ["document_id"])


def downgrade() -> None:
    for table in ("sources", "event_actors", "actors", "events", "documents"):
        op.drop_table(table)
