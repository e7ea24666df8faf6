"""Folded keys for names and places, interval spans, text search, negotiation tracks.

- ``actors.name_key``, ``events.location_key`` / ``country_key``: names folded in Python
  (``models.fold_key``), so filters match any script in any case on both databases.
- ``events.span_days``: the length of an event's interval, so the merge can look for
  short and long intervals through two index ranges instead of scanning every older event.
- text search: an FTS5 index on SQLite (``search_index`` with ``search_docs`` giving each
  event a stable integer key), a ``tsvector`` column with a GIN index on PostgreSQL.
- ``tracks`` and ``event_tracks``.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

from timeline.models import fold, fold_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("actors") as t:
        t.add_column(sa.Column("name_key", sa.Text(), nullable=False, server_default=""))
        t.create_index("ix_actors_name_key", ["name_key"])
    with op.batch_alter_table("events") as t:
        t.add_column(sa.Column("span_days", sa.Integer(), nullable=False, server_default="0"))
        t.add_column(sa.Column("location_key", sa.Text()))
        t.add_column(sa.Column("country_key", sa.Text()))
        t.create_index("ix_events_type_span", ["type", "span_days"])
        t.create_index("ix_events_location_key", ["location_key"])
        t.create_index("ix_events_country_key", ["country_key"])
    op.create_table(
        "tracks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("keywords", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "event_tracks",
        sa.Column("event_id", sa.String(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("track_id", sa.Integer(), sa.ForeignKey("tracks.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_event_tracks_track_id", "event_tracks", ["track_id"])

    actors = [(fold_key(name), aid) for aid, name in
              bind.exec_driver_sql("SELECT id, name FROM actors")]
    _update(bind, "UPDATE actors SET name_key = :k WHERE id = :i",
            [{"k": k, "i": i} for k, i in actors])
    events = bind.exec_driver_sql(
        "SELECT id, date_start, date_end, location, country FROM events").fetchall()
    _update(bind, "UPDATE events SET span_days = :s, location_key = :l, country_key = :c "
                  "WHERE id = :i",
            [{"s": (_day(end) - _day(start)).days, "l": _key(loc), "c": _key(country),
              "i": eid} for eid, start, end, loc, country in events])

    if bind.dialect.name == "sqlite":
        op.execute("CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, "
                   "event_id VARCHAR(32) NOT NULL UNIQUE)")
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO search_docs (event_id) SELECT id FROM events")
        docs = bind.exec_driver_sql("SELECT rowid, event_id FROM search_docs").fetchall()
        bodies = _bodies(bind)
        _update(bind, "INSERT INTO search_index (rowid, body) VALUES (:r, :b)",
                [{"r": r, "b": bodies.get(eid, "")} for r, eid in docs])
    else:
        op.execute("ALTER TABLE events ADD COLUMN search tsvector")
        op.execute("CREATE INDEX ix_events_search ON events USING gin (search)")
        bodies = _bodies(bind)
        _update(bind, "UPDATE events SET search = to_tsvector('simple', :b) WHERE id = :i",
                [{"b": b, "i": eid} for eid, b in bodies.items()])


def _bodies(bind: sa.Connection) -> dict[str, str]:
    """Each event's searchable text: its title and every source's evidence, folded."""
    out = {eid: title for eid, title in bind.exec_driver_sql("SELECT id, title FROM events")}
    for eid, evidence in bind.exec_driver_sql(
            "SELECT event_id, evidence FROM sources ORDER BY event_id, position, id"):
        if eid in out and evidence:
            out[eid] += "\n" + evidence
    return {eid: fold(text) for eid, text in out.items()}


def _update(bind: sa.Connection, sql: str, rows: list[dict[str, object]]) -> None:
    for i in range(0, len(rows), _BATCH):
        bind.execute(sa.text(sql), rows[i:i + _BATCH])


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _key(value: str | None) -> str | None:
    return fold_key(value) if value else None


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
        op.execute("DROP TABLE search_docs")
    else:
        op.execute("DROP INDEX ix_events_search")
        op.execute("ALTER TABLE events DROP COLUMN search")
    op.drop_table("event_tracks")
    op.drop_table("tracks")
    with op.batch_alter_table("events") as t:
        t.drop_index("ix_events_country_key")
        t.drop_index("ix_events_location_key")
        t.drop_index("ix_events_type_span")
        t.drop_column("country_key")
        t.drop_column("location_key")
        t.drop_column("span_days")
    with op.batch_alter_table("actors") as t:
        t.drop_index("ix_actors_name_key")
        t.drop_column("name_key")
