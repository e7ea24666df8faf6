"""Folded keys for names and places, interval spans, text search, negotiation tracks.

- ``actors.name_key``, ``events.location_key`` / ``country_key``: names folded in Python
  (``models.fold_key``), so filters match any script in any case on both databases.
- ``ix_events_start_id``: pages of events newest first straight from an index.
- ``events.span_days``: the length of an event's interval, so the merge and date filters
  can look for short and long intervals apart instead of scanning every older event.
- text search: an FTS5 index on SQLite (``search_index`` with ``search_docs`` giving each
  event a stable integer key), a ``tsvector`` column with a GIN index on PostgreSQL.
- ``tracks`` and ``event_tracks``.
- ``revision``: one row counting write transactions (the dashboard's cache key).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import sqlalchemy as sa
from alembic import op

# The folding of names and words as this revision wrote it, frozen here: a later change
# to timeline.models' folding comes with a migration of its own that re-keys the rows.
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]{1,100}")
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ƀ": "b",
                               "ɨ": "i", "ʉ": "u", "ð": "d", "þ": "th", "æ": "ae",
                               "œ": "oe", "ı": "i"})


def fold_key(text: str) -> str:
    return unicodedata.normalize("NFKC", _SPACES.sub(" ", text).strip()).casefold()


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFKC", "".join(
        c for c in decomposed if c < "\u0300" or not unicodedata.combining(c)))


def search_words(text: str) -> list[str]:
    return list(dict.fromkeys(_WORD.findall(_fold(text))))

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
        t.create_index("ix_events_span", ["span_days"])
        t.create_index("ix_events_start_id", ["date_start", "id"])
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
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO revision (id, n) VALUES (1, 0)")

    actors = [{"k": fold_key(name), "i": aid} for aid, name in
              bind.exec_driver_sql("SELECT id, name FROM actors")]
    _update(bind, "UPDATE actors SET name_key = :k WHERE id = :i", actors)

    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, "
                   "event_id VARCHAR(32) NOT NULL UNIQUE)")
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO search_docs (event_id) SELECT id FROM events ORDER BY id")
    else:
        op.execute("ALTER TABLE events ADD COLUMN search tsvector")
        op.execute("CREATE INDEX ix_events_search ON events USING gin (search)")
    # In batches of events, so that a database of millions upgrades in bounded memory.
    last = ""
    while True:
        rows = bind.execute(sa.text(
            "SELECT id, date_start, date_end, location, country, title FROM events "
            "WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": _BATCH}).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        _update(bind, "UPDATE events SET span_days = :s, location_key = :l, country_key = :c "
                      "WHERE id = :i",
                [{"s": (_day(end) - _day(start)).days, "l": _key(loc), "c": _key(country),
                  "i": eid} for eid, start, end, loc, country, _ in rows])
        texts = {r[0]: [r[5]] for r in rows}
        for eid, evidence in bind.execute(sa.text(
                "SELECT event_id, evidence FROM sources WHERE event_id >= :first "
                "AND event_id <= :last ORDER BY event_id, position, id"),
                {"first": rows[0][0], "last": last}):
            if eid in texts and evidence:
                texts[eid].append(evidence)
        words = {eid: search_words("\n".join(t)) for eid, t in texts.items()}
        if sqlite:
            _update(bind, "INSERT INTO search_index (rowid, body) SELECT rowid, :b "
                          "FROM search_docs WHERE event_id = :i",
                    [{"b": " ".join(w), "i": eid} for eid, w in words.items()])
        else:
            _update(bind, "UPDATE events SET search = array_to_tsvector(CAST(:w AS text[])) "
                          "WHERE id = :i", [{"w": w, "i": eid} for eid, w in words.items()])


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
    op.drop_table("revision")
    op.drop_table("event_tracks")
    op.drop_table("tracks")
    with op.batch_alter_table("events") as t:
        t.drop_index("ix_events_country_key")
        t.drop_index("ix_events_location_key")
        t.drop_index("ix_events_span")
        t.drop_index("ix_events_start_id")
        t.drop_column("country_key")
        t.drop_column("location_key")
        t.drop_column("span_days")
    with op.batch_alter_table("actors") as t:
        t.drop_index("ix_actors_name_key")
        t.drop_column("name_key")
