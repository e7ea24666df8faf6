"""Generated inputs for every reader: the only outcomes are an Article or a SourceError with
a one-line message, never a traceback.

Seeded (``derandomize=True``) so every run checks the same cases; no network: names resolve
through a stand-in resolver and connections go to a closed port on 127.0.0.1.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import socket
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline.sources.address as address
from timeline.config import Settings
from timeline.errors import SourceError
from timeline.ingest import ingest_article
from timeline.sources import Article, display_url, read_input
from timeline.sources.address import address_kind
from timeline.sources.article import MAX_YEAR, MIN_YEAR
from timeline.sources.dispatch import is_url, read_data
from timeline.sources.feed import feed_articles
from timeline.sources.html import html_to_article
from timeline.sources.url import fetch
from timeline.store import Store


def seeded(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def check(results: Iterable[Article | SourceError]) -> list[Article | SourceError]:
    """Every result is an Article with well-typed fields or a one-line SourceError."""
    out = list(results)
    for got in out:
        if isinstance(got, SourceError):
            message = str(got)
            assert message and "\n" not in message and "\r" not in message, message
            continue
        assert isinstance(got, Article), got
        assert isinstance(got.text, str) and isinstance(got.name, str)
        for value in (got.title, got.outlet):
            assert value is None or isinstance(value, str)
        if got.url is not None:
            assert got.url.lower().startswith(("http://", "https://")), got.url
            assert "S3CR3T" not in got.url
        if got.published is not None:
            assert MIN_YEAR <= got.published.year <= MAX_YEAR
    return out


def read(data: bytes, suffix: str) -> list[Article | SourceError]:
    try:
        return check(read_data(data, f"doc{suffix}", suffix=suffix))
    except SourceError as err:  # the whole document is unusable: one error, one line
        return check([err])


# --- shared pieces ------------------------------------------------------------------

SENTENCES = [
    "Hamas negotiators arrived in Cairo on Monday for talks with Egyptian mediators.",
    "Qatar will host a new round of talks in Doha tomorrow, officials said.",
    "The foreign ministers of Turkey and Ukraine spoke by phone last week.",
    "Israel rejected the proposal a decade ago, and may accept it next century.",
    "Envoys are expected in Istanbul in the coming days.",
]
any_dates = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23))
date_text = st.one_of(
    any_dates.map(lambda d: d.isoformat()),
    any_dates.map(lambda d: d.date().isoformat()),
    any_dates.map(lambda d: email.utils.format_datetime(d.replace(tzinfo=UTC))),
    st.sampled_from(["2024-02-30", "9999-12-31", "0000-01-01", "2024-13-01", "yesterday",
                     "Fri, 31 Dec 9999 23:59:59 +2359", "2024-05-01T25:00", "1e9", "", " "]),
    st.text(max_size=25),
)
SECRET = "S3CR3T"
url_text = st.one_of(
    st.sampled_from(["https://news.example/a", f"http://user:{SECRET}@news.example/b",
                     "javascript:alert(1)", "data:text/html,x", "//news.example/c",
                     "https://", "http://[::1", "news.example/d", "https://exa mple.org/"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(
        lambda t: "https://news.example/" + t),
    st.text(max_size=30),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
)
body_text = st.one_of(st.sampled_from(SENTENCES), st.text(max_size=200),
                      st.lists(st.sampled_from(SENTENCES), max_size=4).map(" ".join))


def encode(text: str, how: str) -> bytes:
    return text.encode(how, errors="replace") if how != "raw" else text.encode(
        "utf-8", errors="surrogatepass")


encodings = st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16", "raw"])


# --- JSON Lines -----------------------------------------------------------------------

records = st.fixed_dictionaries({}, optional={
    "text": st.one_of(body_text, json_values),
    "url": st.one_of(url_text, json_values),
    "title": st.one_of(st.text(max_size=30), json_values),
    "outlet": st.one_of(st.text(max_size=20), json_values),
    "published": st.one_of(date_text, json_values),
    "extra": json_values,
})
jsonl_lines = st.one_of(
    records.map(json.dumps),
    records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    json_values.map(json.dumps),
    st.text(max_size=40),
    st.sampled_from(["{", "[" * 3000, '{"text": "a", "n": ' + "9" * 5000 + "}", "\x00", "{}"]),
)


@seeded(2500)
@given(st.lists(jsonl_lines, max_size=6), st.sampled_from(["\n", "\r\n"]), encodings)
def test_jsonl_documents(lines: list[str], sep: str, how: str) -> None:
    read(encode(sep.join(lines), how), ".jsonl")


@seeded(500)
@given(records)
def test_a_jsonl_record_is_read_exactly_when_its_fields_are_good(record: dict) -> None:
    [got] = read(json.dumps(record).encode(), ".jsonl")
    text_ok = isinstance(record.get("text"), str)
    fields_ok = all(record.get(k) is None or isinstance(record[k], str)
                    for k in ("url", "title", "outlet", "published"))
    if not (text_ok and fields_ok):
        assert isinstance(got, SourceError)
    if isinstance(got, Article):
        assert got.text == record["text"]
        assert got.title == record.get("title") and got.outlet == record.get("outlet")


# --- text with front matter ---------------------------------------------------------------

front_keys = st.sampled_from(["title", "url", "outlet", "published", "date", "source",
                              "Published", "tags", " url ", "", "---"])


@st.composite
def front_matter_documents(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(front_keys, max_size=6)):
        if key.strip().lower() in ("published", "date"):
            value = draw(date_text)
        elif key.strip().lower() in ("url", "source"):
            value = draw(url_text)
        else:
            value = draw(st.text(max_size=30))
        quote = draw(st.sampled_from(["", '"', "'"]))
        lines.append(f"{key}: {quote}{value}{quote}")
    opening = draw(st.sampled_from(["---", "---", "--- ", "\ufeff---", "", "----"]))
    closing = draw(st.sampled_from(["---", "---", "", "..."]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join([opening, *lines, closing, draw(body_text)])


@seeded(2500)
@given(front_matter_documents(), encodings, st.sampled_from([".md", ".txt", ".markdown"]))
def test_front_matter_documents(text: str, how: str, suffix: str) -> None:
    read(encode(text, how), suffix)


@seeded(300)
@given(st.binary(max_size=300), st.sampled_from([".md", ".txt", ".jsonl", ".html", ".xml"]))
def test_arbitrary_bytes_in_any_file(data: bytes, suffix: str) -> None:
    read(data, suffix)


# --- HTML --------------------------------------------------------------------------------

TAGS = ["html", "head", "body", "title", "meta", "link", "article", "main", "div", "p", "span",
        "a", "script", "style", "noscript", "h1", "ul", "li", "table", "td", "time", "br",
        "img", "iframe", "svg", "template", "header", "footer", "nav", "form", "select"]
ATTRS = ["class", "id", "href", "src", "rel", "content", "property", "name", "datetime",
         "charset", "lang", "itemprop", "http-equiv", "type"]
html_bits = st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "<![CDATA[x]]>",
                             "<!-- note -->", "<?xml version='1.0'?>", "<!DOCTYPE html>", "\x00",
                             "\ufeff", "</", "<", ">", '"', "&", "<p", "<meta property="
                             "'article:published_time' content='9999-12-31'>"])
attr_values = st.one_of(st.text(max_size=15), date_text, url_text,
                        st.sampled_from(["canonical", "og:url", "article:published_time",
                                         "og:site_name", "date", "utf-8", "x-unknown"]))


@st.composite
def html_element(draw: st.DrawFn, children: st.SearchStrategy[list[str]]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = "".join(f' {name}="{value}"' if draw(st.booleans()) else f" {name}={value}"
                    for name, value in draw(st.lists(st.tuples(st.sampled_from(ATTRS),
                                                               attr_values), max_size=3)))
    inner = "".join(draw(children))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>"]))
    return f"<{tag}{attrs}>{inner}{close}"


html_nodes = st.recursive(
    st.one_of(body_text, html_bits, st.text(max_size=20)),
    lambda inner: html_element(st.lists(inner, max_size=4)),
    max_leaves=15,
)


@seeded(700)
@given(st.lists(html_nodes, max_size=5), encodings)
def test_html_documents(nodes: list[str], how: str) -> None:
    read(encode("".join(nodes), how), ".html")


@seeded(300)
@given(st.lists(html_nodes, max_size=4), date_text, url_text)
def test_html_pages_with_metadata(nodes: list[str], when: str, url: str) -> None:
    page = (f"<html><head><title>Talks</title><link rel='canonical' href='{url}'>"
            f"<meta property='article:published_time' content='{when}'></head><body><article>"
            f"<p>{SENTENCES[0]} {SENTENCES[2]}</p>{''.join(nodes)}</article></body></html>")
    try:
        check([html_to_article(page.encode("utf-8", "replace"), "page.html")])
    except SourceError as err:
        check([err])


# --- feeds ---------------------------------------------------------------------------

def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


feed_text = st.one_of(st.text(max_size=30).map(escaped), st.text(max_size=30), body_text,
                      html_bits, st.lists(html_nodes, max_size=2).map(
                          lambda n: "<![CDATA[" + "".join(n) + "]]>"))


@st.composite
def rss_item(draw: st.DrawFn) -> str:
    parts = []
    for tag, values in (("title", feed_text), ("link", url_text.map(escaped)),
                        ("pubDate", date_text.map(escaped)), ("description", feed_text),
                        ("guid", st.text(max_size=10).map(escaped))):
        if draw(st.booleans()):
            parts.append(f"<{tag}>{draw(values)}</{tag}>")
    return "<item>" + "".join(parts) + draw(st.sampled_from(["</item>", ""]))


@st.composite
def atom_entry(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f"<title>{draw(feed_text)}</title>")
    if draw(st.booleans()):
        parts.append(f"<link href=\"{escaped(draw(url_text))}\"/>")
    if draw(st.booleans()):
        parts.append(f"<updated>{escaped(draw(date_text))}</updated>")
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["html", "text", "xhtml", "bogus"]))
        parts.append(f"<content type=\"{kind}\">{draw(feed_text)}</content>")
    return "<entry>" + "".join(parts) + "</entry>"


@st.composite
def feeds(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        items = "".join(draw(st.lists(rss_item(), max_size=4)))
        return (f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                f"{draw(feed_text)}</title>{items}</channel></rss>")
    entries = "".join(draw(st.lists(atom_entry(), max_size=4)))
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/"
            f"Atom\"><title>{draw(feed_text)}</title>{entries}</feed>")


@seeded(800)
@given(feeds(), encodings)
def test_feeds(text: str, how: str) -> None:
    data = encode(text, how)
    try:
        check(feed_articles(data, "feed.xml"))
    except SourceError as err:
        check([err])
    read(data, ".xml")


# --- URLs ----------------------------------------------------------------------------

ipv4 = st.ip_addresses(v=4)
hosts = st.one_of(
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}(\.[a-z]{2,5}){0,2}", fullmatch=True),
    ipv4.map(str),
    ipv4.map(lambda a: str(int(a))),  # 2130706433
    ipv4.map(lambda a: hex(int(a))),  # 0x7f000001
    ipv4.map(lambda a: ".".join(f"0{int(o):o}" for o in str(a).split("."))),  # 0177.0.0.01
    ipv4.map(lambda a: f"{str(a).split('.')[0]}.{int(a) & 0xFFFFFF}"),  # 127.1
    st.ip_addresses(v=6).map(lambda a: f"[{a}]"),
    ipv4.map(lambda a: f"[::ffff:{a}]"),
    ipv4.map(lambda a: f"[64:ff9b::{a}]"),
    st.sampled_from(["localhost", "LOCALHOST.", "0", "0.0.0.0", "[::]", "[::1]", "127.1",
                     "169.254.169.254", "metadata.google.internal", "[fe80::1%25eth0]",
                     "xn--e1afmkfd.xn--p1ai", "пример.рф", "a..b", "-x-", ""]),
    st.text(max_size=12),
)
userinfo = st.one_of(
    st.tuples(st.from_regex(r"[A-Za-z0-9._~-]{0,8}", fullmatch=True),
              st.text(alphabet="abcXYZ019@:!$&'()*+,;=%-._~", max_size=10)).map(
        lambda t: f"{t[0]}:{SECRET}{t[1]}@"),
    st.just(f"{SECRET}@"),
)
schemes = st.sampled_from(["http://", "https://", "HTTP://", "HtTpS://", "ftp://", "file://",
                           "data://", "javascript://", "gopher://", "//", "h ttp://",
                           "http:///", "http:/", "http:", "https:\\\\", " http://"])
ports = st.one_of(st.just(""), st.integers(0, 100_000).map(lambda p: f":{p}"),
                  st.text(max_size=4).map(lambda t: ":" + t))
rests = st.one_of(st.just("/"), st.text(max_size=20).map(lambda t: "/" + t),
                  st.sampled_from(["", "?q=1#f", "/a@b", "/%00", "/../../etc"]))
with_credentials = st.builds(lambda *parts: "".join(parts), schemes, userinfo, hosts, ports,
                             rests)
urls = st.one_of(
    with_credentials,
    st.builds(lambda *parts: "".join(parts), schemes, hosts, ports, rests),
    st.text(max_size=40),
)


@seeded(1500)
@given(with_credentials)
def test_display_url_never_shows_credentials(url: str) -> None:
    shown = display_url(url)
    assert SECRET not in shown and "\n" not in shown and "\r" not in shown


@seeded(500)
@given(urls)
def test_display_url_is_one_line(url: str) -> None:
    shown = display_url(url)
    assert "\n" not in shown and "\r" not in shown


class _Offline:
    """Names resolve to a public or a private address chosen by the name; numeric hosts are
    parsed without a lookup; every connection goes to a closed port on 127.0.0.1."""

    def __init__(self, closed_port: int) -> None:
        self.closed_port = closed_port
        self.real = socket.getaddrinfo

    def getaddrinfo(self, host: str, port: Any, *args: Any, **kw: Any) -> list:
        try:
            infos = self.real(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        except (OSError, UnicodeError):
            ip = "93.184.215.14" if sum(map(ord, host)) % 3 else "10.20.30.40"
            infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return infos

    def resolve(self, host: str, port: int, **kw: Any) -> list[address.Address]:
        checked = _real_resolve(host, port, **kw)  # raises for refused addresses
        assert checked
        for _, ip, _ in checked:
            if not kw.get("allow_private"):
                assert address_kind(ipaddress.ip_address(ip.split("%")[0])) is None
        return [(socket.AF_INET, "127.0.0.1", self.closed_port)]


_real_resolve = address.resolve


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@seeded(1500)
@given(urls, st.booleans())
def test_fetching_any_url_string_is_an_error_or_a_page(url: str, allow_private: bool) -> None:
    offline = _Offline(_PORT)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(address.socket, "getaddrinfo", offline.getaddrinfo)
        mp.setattr(address, "resolve", offline.resolve)
        with pytest.raises(SourceError) as err:
            fetch(url, timeout=2, allow_private=allow_private)
        results = list(read_input(url, Settings(allow_private_hosts=allow_private,
                                                fetch_timeout=2))) if is_url(url) else []
    message = str(err.value)
    assert "\n" not in message and SECRET not in message, message
    for got in check(results):
        assert isinstance(got, SourceError) and SECRET not in str(got)


_PORT = _closed_port()


# --- the address classifier -------------------------------------------------------------


@seeded(1500)
@given(ipv4)
def test_an_ipv4_address_in_ipv6_forms_is_classified_as_itself(ip: ipaddress.IPv4Address
                                                                ) -> None:
    kind = address_kind(ip)
    assert (kind is None) == (ip.is_global and not ip.is_multicast)
    if ip.is_private or ip.is_loopback or ip.is_link_local:
        assert kind is not None
    six_to_four = f"2002:{int(ip) >> 16:x}:{int(ip) & 0xFFFF:x}::1"
    for form in (f"::ffff:{ip}", f"64:ff9b::{ip}", six_to_four):
        assert address_kind(ipaddress.IPv6Address(form)) == kind, form


@seeded(1000)
@given(st.ip_addresses(v=6))
def test_an_ipv6_address_called_public_is_global(ip: ipaddress.IPv6Address) -> None:
    if address_kind(ip) is None:
        assert ip.is_global or ip.ipv4_mapped is not None or ip.sixtofour is not None \
            or ip in ipaddress.IPv6Network("64:ff9b::/96")
        assert not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified)


# --- publication dates the engine is given ------------------------------------------------

_STORE_DIR = tempfile.TemporaryDirectory()
_STORES: list[Store] = []


def _store() -> Store:
    if not _STORES:
        _STORES.append(Store(f"sqlite:///{Path(_STORE_DIR.name) / 'p.db'}"))
    return _STORES[0]


@seeded(250)
@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)) |
       st.sampled_from([date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)]),
       st.lists(st.sampled_from([*SENTENCES,
                                 "Egypt and Hamas will meet in Cairo in 5000 years.",
                                 "Egypt and Hamas met in Cairo 3000 years ago.",
                                 "Qatar hosted talks in Doha next millennium and last century.",
                                 "Talks in Geneva on 31 December and again on 1 January."]),
                min_size=1, max_size=3))
def test_any_accepted_publication_date_can_be_worked_with(day: date, sentences: list[str]
                                                          ) -> None:
    article = Article(text=" ".join(sentences), name="a.md", url=f"https://p.example/{uuid4()}",
                      published=datetime(day.year, day.month, day.day))
    ingest_article(_store(), article)  # raises on a date the engine cannot work with
