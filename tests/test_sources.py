"""Readers: text with front matter, HTML, feeds, JSON Lines, URLs, and bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.config import Settings
from timeline.errors import SourceError
from timeline.sources import Article, expand_inputs, read_input
from timeline.sources.url import fetch

DATA = Path(__file__).parent / "data" / "sources"


def _read(path: Path) -> list[Article | SourceError]:
    return list(read_input(str(path), Settings()))


def test_markdown_front_matter() -> None:
    [art] = _read(DATA / "note.md")
    assert isinstance(art, Article)
    assert art.title == "Ministers speak by phone"
    assert art.url == "https://example.org/notes/7"
    assert art.outlet == "Example Notes"
    assert art.published is not None and art.published.date() == date(2025, 3, 18)
    assert art.text.startswith("The foreign ministers")


def test_html_main_text_and_metadata() -> None:
    [art] = _read(DATA / "page.html")
    assert isinstance(art, Article)
    assert "arrived in Cairo on Saturday" in art.text
    assert "Sport" not in art.text and "tracking" not in art.text
    assert art.outlet == "Example Times"
    assert art.published is not None and art.published.date() == date(2024, 5, 4)


def test_feed_entries_are_articles_dated_by_entry() -> None:
    arts = _read(DATA / "feed.xml")
    assert [a.url for a in arts if isinstance(a, Article)] == [
        "https://wire.example.org/1", "https://wire.example.org/2"]
    first = arts[0]
    assert isinstance(first, Article)
    assert first.published is not None and first.published.date() == date(2024, 10, 25)
    assert "met Qatari mediators in Doha" in first.text
    assert first.outlet == "Mediation Wire"


def test_jsonl_bad_lines_are_reported_alone() -> None:
    got = _read(DATA / "batch.jsonl")
    assert isinstance(got[0], Article) and got[0].published is not None
    assert isinstance(got[1], SourceError) and "batch.jsonl:2: not valid JSON" in str(got[1])
    assert isinstance(got[2], Article) and got[2].published is None


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("text")
    (tmp_path / "a" / "y.html").write_text("<html></html>")
    (tmp_path / "a" / "z.png").write_bytes(b"\x89PNG")
    assert [Path(p).name for p in expand_inputs([str(tmp_path)])] == ["x.txt", "y.html"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("blob.txt", b"\x00\x01\x02\x03" * 10, "binary", id="binary"),
        pytest.param("latin.txt", "caf\u00e9".encode("latin-1"), "not UTF-8", id="not-utf8"),
        pytest.param("bad.html", b"<html><body><div><p>short</div>", "no article text",
                     id="html-without-article"),
        pytest.param("bad.xml", b"<rss><channel><item>", "has no text", id="broken-feed"),
        pytest.param("date.md", b"---\npublished: 2024-02-30\n---\ntext", "not a date",
                     id="impossible-front-matter-date"),
    ],
)
def test_bad_documents_get_a_clear_message(tmp_path: Path, name: str, content: bytes,
                                           message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [got] = _read(path)
    assert isinstance(got, SourceError)
    assert message in str(got) and name in str(got)


def test_missing_file() -> None:
    [got] = _read(Path("/nonexistent/file.txt"))
    assert isinstance(got, SourceError) and "cannot read" in str(got)


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.sources.text as text

    monkeypatch.setattr(text, "MAX_BYTES", 100)
    monkeypatch.setattr(text.read_bytes, "__defaults__", (100,))
    path = tmp_path / "big.txt"
    path.write_text("x" * 1000)
    [got] = _read(path)
    assert isinstance(got, SourceError) and "limit" in str(got)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:x"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(SourceError, match="only http and https"):
        fetch(url)


def test_fetch_from_a_local_server(local_server: str) -> None:
    # 127.0.0.1 is a private host: fetched only when allowed (tests/test_fetch.py).
    body, ctype, final = fetch(local_server + "/page.html", allow_private=True)
    assert b"Talks resume" in body and ctype == "text/html"
    with pytest.raises(SourceError, match="content type image/png"):
        fetch(local_server + "/image.png", allow_private=True)
    with pytest.raises(SourceError, match="byte limit"):
        fetch(local_server + "/page.html", max_bytes=100, allow_private=True)
    with pytest.raises(SourceError, match="HTTP 404"):
        fetch(local_server + "/missing.html", allow_private=True)
    with pytest.raises(SourceError, match="refused: 127.0.0.1 is a loopback address"):
        fetch(local_server + "/page.html")
