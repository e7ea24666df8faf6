"""From documents to stored events with the real extractor, end to end."""

from __future__ import annotations

from pathlib import Path

from timeline.config import Settings
from timeline.ingest import ingest
from timeline.store import EventFilter, Store

DATA = Path(__file__).parent / "data" / "sources"


def test_ingest_html_feed_and_markdown(store: Store) -> None:
    files = [str(DATA / "page.html"), str(DATA / "feed.xml"), str(DATA / "note.md")]
    report = ingest(store, files)
    assert report.documents == 4, report.skipped
    assert report.events_new >= 3
    events = store.query()
    cairo = store.query(EventFilter(locations=["Cairo"], types=["visit"]))
    assert cairo, [(e.type, e.title, e.location) for e in events]
    assert all(e.origin == "extracted" and e.sources for e in events)
    assert any(s.url == "https://wire.example.org/1" for e in events for s in e.sources)
    again = ingest(store, files)
    assert again.events_new == 0 and again.documents == 0


def test_ingest_urls_of_a_page_and_a_feed(store: Store, local_server: str) -> None:
    # The server is on 127.0.0.1, a private host: allowed here, refused by default.
    report = ingest(store, [local_server + "/page.html", local_server + "/feed.xml",
                            local_server + "/image.png", "ftp://example.org/x"],
                    settings=Settings(allow_private_hosts=True))
    assert report.documents == 3
    reasons = " ".join(reason for _, reason in report.skipped)
    assert "content type image/png" in reasons and "only http and https" in reasons
    urls = {s.url for e in store.query() for s in e.sources}
    assert local_server + "/page.html" in urls
