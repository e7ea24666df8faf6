"""Bad documents: each one is skipped with a one-line reason, and the batch goes on."""

from __future__ import annotations

import json
import os
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

import timeline.ingest as ingest_mod
import timeline.workers
from timeline.config import Settings
from timeline.errors import InvalidInput, SourceError
from timeline.ingest import ingest
from timeline.sources import Article, read_input
from timeline.sources.dispatch import read_data
from timeline.store import Store

GOOD = "Hamas negotiators arrived in Cairo on Monday for talks with Egyptian mediators."


def _read(path: Path) -> list[Article | SourceError]:
    return list(read_input(str(path), Settings()))


def _md(published: str, body: str = GOOD, url: str = "") -> str:
    return f"---\npublished: {published}\n{'url: ' + url if url else ''}\n---\n{body}\n"


# --- publication dates the date engine cannot work with ----------------------------------


def test_an_absurd_front_matter_date_is_skipped_and_the_batch_goes_on(
        store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(_md("9999-12-31", "Qatar will host talks in Doha tomorrow."))
    (tmp_path / "b.md").write_text(_md("2024-05-07"))
    report = ingest(store, [str(tmp_path)])
    assert report.documents == 1
    [(name, reason)] = report.skipped
    assert name.endswith("a.md") and "year 9999" in reason and "\n" not in reason


@pytest.mark.parametrize(("published", "ok"), [
    ("0999-12-31", False), ("1000-01-01", True), ("2024-05-01", True), ("9000-12-31", True),
    ("9001-01-01", False), ("9999-12-31T23:59:59", False), ("0001-01-01", False),
    ("Fri, 31 Dec 9999 23:00:00 GMT", False),
])
def test_publication_years_are_bounded(tmp_path: Path, published: str, ok: bool) -> None:
    (tmp_path / "a.md").write_text(_md(published))
    [got] = _read(tmp_path / "a.md")
    if ok:
        assert isinstance(got, Article)
    else:
        assert isinstance(got, SourceError)
        assert "outside 1000-9000" in str(got) and "a.md" in str(got)


def test_an_absurd_published_option_is_refused(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    with pytest.raises(InvalidInput, match="year 9999"):
        ingest(store, [str(tmp_path / "a.txt")], published=date(9999, 12, 31))


@pytest.mark.parametrize("error", [OverflowError("date value out of range"),
                                   RuntimeError("extractor bug"), KeyError("actor")],
                         ids=["overflow", "runtime", "key"])
def test_an_unexpected_failure_extracting_one_document_skips_it_alone(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        error: Exception) -> None:
    real = timeline.workers.extract

    def extract(article: Article, when: datetime) -> list:
        if "Doha" in article.text:
            raise error
        return real(article, when)

    monkeypatch.setattr(timeline.workers, "extract", extract)
    (tmp_path / "a.md").write_text(_md("2024-05-06", "Qatar hosted talks in Doha on Sunday."))
    (tmp_path / "b.md").write_text(_md("2024-05-07"))
    report = ingest(store, [str(tmp_path)])
    assert report.documents == 1 and store.count() >= 1
    [(name, reason)] = report.skipped
    assert name.endswith("a.md") and f"{type(error).__name__}: " in reason


def test_an_unexpected_failure_storing_one_document_skips_it_alone(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ingest_mod._candidates

    def candidates(w: object, events: list) -> list:
        if any(e.location == "Doha" for e in events):
            raise OverflowError("date value out of range")
        return real(w, events)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_mod, "_candidates", candidates)
    (tmp_path / "a.md").write_text(_md("2024-05-06", "Qatar hosted talks in Doha on Sunday."))
    (tmp_path / "b.md").write_text(_md("2024-05-07"))
    report = ingest(store, [str(tmp_path)])
    assert report.documents == 1
    [(name, reason)] = report.skipped
    assert "cannot be processed (OverflowError: date value out of range)" in reason


# --- JSON Lines with wrong field types ------------------------------------------------


@pytest.mark.parametrize(("record", "message"), [
    pytest.param({"text": GOOD, "url": 12}, '"url" must be a string, not a number', id="url"),
    pytest.param({"text": GOOD, "title": 3.5}, '"title" must be a string, not a number',
                 id="title"),
    pytest.param({"text": GOOD, "outlet": ["A", "B"]}, '"outlet" must be a string, not a list',
                 id="outlet"),
    pytest.param({"text": GOOD, "published": 20240501},
                 '"published" must be a string, not a number', id="published-number"),
    pytest.param({"text": GOOD, "published": {"y": 2024}},
                 '"published" must be a string, not an object', id="published-object"),
    pytest.param({"text": GOOD, "title": True}, '"title" must be a string, not true/false',
                 id="title-bool"),
    pytest.param({"text": 7}, '"text" must be a string, not a number', id="text-number"),
    pytest.param({"title": "x"}, 'no "text"', id="no-text"),
    pytest.param({"text": GOOD, "published": "9999-12-31"}, "outside 1000-9000",
                 id="absurd-date"),
    pytest.param({"text": GOOD, "published": "2024-02-30"}, "is not a date", id="bad-date"),
    pytest.param({"text": GOOD, "url": "javascript:alert(1)"}, "not an http(s) URL",
                 id="javascript-url"),
    pytest.param({"text": GOOD, "url": "x" * 5000}, "not an http(s) URL", id="huge-url"),
    pytest.param([GOOD], "expected a JSON object, not a list", id="list"),
    pytest.param("text", "expected a JSON object, not a string", id="string"),
])
def test_jsonl_wrong_field_types_skip_that_line_only(tmp_path: Path, record: object,
                                                     message: str) -> None:
    good = {"text": GOOD, "url": "https://news.example/1", "published": "2024-05-06"}
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(good) + "\n")
    bad, ok = _read(path)
    assert isinstance(bad, SourceError) and message in str(bad) and "batch.jsonl:1" in str(bad)
    assert isinstance(ok, Article) and ok.url == "https://news.example/1"


def test_jsonl_batch_with_bad_records_goes_on(store: Store, tmp_path: Path) -> None:
    lines = [{"text": GOOD, "url": 12, "published": "2024-05-06"},
             {"text": GOOD, "title": 5, "published": "2024-05-06"},
             {"text": GOOD, "outlet": ["x"], "published": "2024-05-06"},
             {"text": GOOD, "url": "https://news.example/ok", "published": "2024-05-06"}]
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    report = ingest(store, [str(path)])
    assert report.documents == 1 and len(report.skipped) == 3


@pytest.mark.parametrize(("line", "message"), [
    pytest.param("[" * 100_000, "nested too deeply", id="deep"),
    pytest.param('{"text": "' + GOOD + '", "n": ' + "9" * 5000 + "}", "not valid JSON",
                 id="huge-number"),
    pytest.param('{"text": "a", "text": 5}', '"text" must be a string', id="duplicate-key"),
])
def test_jsonl_lines_that_break_the_json_parser(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n")
    [got] = _read(path)
    assert isinstance(got, SourceError) and message in str(got)


def test_jsonl_lines_are_split_on_newlines_only(tmp_path: Path) -> None:
    # U+2028 and U+0085 are legal inside a JSON string; they do not end a record.
    record = {"text": GOOD + "\u2028Second line.\x85Third.", "published": "2024-05-06"}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\r\n")
    [got] = _read(path)
    assert isinstance(got, Article) and got.text.endswith("Third.")


# --- URLs inside documents ----------------------------------------------------------------


def test_credentials_in_a_document_url_are_not_kept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(_md("2024-05-06", url="https://me:pw@news.example/1"))
    [got] = _read(tmp_path / "a.md")
    assert isinstance(got, Article) and got.url == "https://news.example/1"
    assert Article(text="x", name="n", url="http://u:p@h.example/").url == "http://h.example/"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x/y",
                                 "news.example/1", "https://", "https://exa mple.org/"])
def test_a_front_matter_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    (tmp_path / "a.md").write_text(_md("2024-05-06", url=url))
    [got] = _read(tmp_path / "a.md")
    assert isinstance(got, SourceError) and "not an http(s) URL" in str(got)


# --- feeds --------------------------------------------------------------------------------

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>{link}</link><pubDate>{date}</pubDate>
<description>{GOOD}</description></item>
<item><title>Two</title><link>https://wire.example/2</link>
<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>{GOOD}</description></item>
</channel></rss>"""


@pytest.mark.parametrize(("link", "when", "message"), [
    ("https://wire.example/1", "Fri, 31 Dec 9999 10:00:00 GMT", "outside 1000-9000"),
    ("javascript:alert(1)", "Mon, 06 May 2024 10:00:00 GMT", "not an http(s) URL"),
])
def test_a_bad_feed_entry_is_skipped_alone(tmp_path: Path, link: str, when: str,
                                           message: str) -> None:
    path = tmp_path / "f.xml"
    path.write_text(FEED.format(link=link, date=when, GOOD=GOOD))
    bad, ok = _read(path)
    assert isinstance(bad, SourceError) and message in str(bad) and "f.xml#1" in str(bad)
    assert isinstance(ok, Article) and ok.url == "https://wire.example/2"


# --- files, folders, HTML -----------------------------------------------------------------


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(_read(fifo)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    [got] = result
    assert isinstance(got, SourceError) and "not a regular file" in str(got)


def test_a_device_is_not_read() -> None:
    [got] = _read(Path("/dev/zero"))
    assert isinstance(got, SourceError) and "not a regular file" in str(got)


def test_a_name_too_long_is_a_clear_error() -> None:
    [got] = _read(Path("x" * 5000 + ".txt"))
    assert isinstance(got, SourceError) and "cannot read" in str(got)


def test_a_symlink_loop_in_a_folder_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "x.md").write_text(_md("2024-05-06"))
    items = list(read_input(str(tmp_path / "a" / "x.md"), Settings()))
    assert isinstance(items[0], Article)
    from timeline.sources import expand_inputs

    assert [Path(p).name for p in expand_inputs([str(tmp_path)])] == ["x.md"]


@pytest.mark.parametrize(("data", "message"), [
    pytest.param(b"<html>\x00\x01\x02" + bytes(range(256)) * 20, "binary", id="binary"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(300), "binary", id="png-named-html"),
    pytest.param(b"<html><body>" + b"<div>" * 50_000 + b"</body></html>", "no article text",
                 id="deeply-nested"),
    pytest.param(b"<<<>>><html<body</html", "no article text", id="garbage"),
    pytest.param(b"<html><head><title>x</title></head></html>", "no article text", id="no-body"),
])
def test_bad_html_gets_a_clear_message(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    [got] = _read(path)
    assert isinstance(got, SourceError) and message in str(got) and "\n" not in str(got)


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path, suffix: str) -> None:
    text = _md("2024-05-06") if suffix == ".md" else \
        f"<html><body><article><p>{GOOD} Both sides confirmed it.</p></article></body></html>"
    path = tmp_path / f"a{suffix}"
    path.write_bytes(text.encode("utf-16"))
    [got] = _read(path)
    assert isinstance(got, Article) and "Cairo" in got.text


def test_html_with_a_bogus_canonical_link_keeps_its_text(tmp_path: Path) -> None:
    html = (f'<html><head><link rel="canonical" href="javascript:alert(1)"></head>'
            f"<body><article><p>{GOOD} Officials from both sides confirmed the visit.</p>"
            f"</article></body></html>")
    article = read_data(html.encode(), "p.html", suffix=".html")
    [got] = list(article)
    assert isinstance(got, Article) and got.url is None


def test_read_input_never_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import timeline.sources.dispatch as dispatch

    def broken(data: bytes, name: str, url: str | None = None) -> Article:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(dispatch, "html_to_article", broken)
    (tmp_path / "a.html").write_text("<html><body>x</body></html>")
    [got] = _read(tmp_path / "a.html")
    assert isinstance(got, SourceError) and "RuntimeError: parser bug" in str(got)
