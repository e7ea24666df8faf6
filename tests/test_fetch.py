"""Fetching URLs safely: internal addresses refused, one deadline, redirects checked by hand,
exact content types, credentials never stored or shown.

Every server here runs on this machine. A "public" host is simulated by resolving a name to
127.0.0.2 and telling the address classifier that 127.0.0.2 is public.
"""

from __future__ import annotations

import http.server
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline.sources.address as address
from timeline.cli import app
from timeline.config import Settings, load_settings
from timeline.errors import SourceError
from timeline.ingest import ingest
from timeline.sources import Article, read_input
from timeline.sources.url import display_url, fetch
from timeline.store import Store

PAGE = (b"<html><head><title>Talks resume in Cairo</title></head><body><article>"
        b"<p>Hamas negotiators arrived in Cairo on Saturday for talks with Egyptian mediators "
        b"about a ceasefire, two officials said.</p></article></body></html>")

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def reply(body: bytes = PAGE, ctype: str | None = "text/html", status: int = 200,
          headers: dict[str, str] | None = None) -> Route:
    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        if ctype is not None:
            h.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        if "Content-Length" not in (headers or {}):
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return route


def redirect(location: str, status: int = 302) -> Route:
    return reply(b"", None, status, {"Location": location})


def drip(headers_too: bool = False, every: float = 0.2) -> Route:
    """A server that never finishes: one byte at a time, forever."""
    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        try:
            if not headers_too:
                h.wfile.write(head)
                head = b""
            for i in range(600):
                h.wfile.write(head[i:i + 1] if i < len(head) else b"x")
                h.wfile.flush()
                time.sleep(every)
        except OSError:
            pass
    return route


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1",
          tls: ssl.SSLContext | None = None) -> Iterator[tuple[str, list]]:
    """A server on ``host`` (speaking TLS with ``tls``); yields its base URL and the requests
    it saw (path, headers). Routes may be added to ``routes`` once the port is known."""
    seen: list[tuple[str, dict[str, str]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            seen.append((self.path, dict(self.headers)))
            route = routes.get(self.path.split("?")[0])
            (route or reply(b"not here", "text/plain", 404))(self)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    # A short poll interval: shutdown() waits for it, once per test.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://{host}:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def public_127_0_0_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.2 counts as a public address, and news.example resolves to it."""
    kind = address.address_kind

    def fake_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(ip) == "127.0.0.2" else kind(ip)

    monkeypatch.setattr(address, "address_kind", fake_kind)
    resolve_to(monkeypatch, {"news.example": ["127.0.0.2"]})


def resolve_to(monkeypatch: pytest.MonkeyPatch, names: dict[str, list[str]]) -> list[str]:
    """Make the resolver answer ``names`` with the given addresses; returns the names asked."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def fake(host: str, port: object, *args: object, **kw: object) -> list:
        asked.append(host)
        if host in names:
            return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                     (ip, port) if ":" not in ip else (ip, port, 0, 0)) for ip in names[host]]
        return real(host, port, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(address.socket, "getaddrinfo", fake)
    return asked


# --- internal addresses -------------------------------------------------------------


@pytest.mark.parametrize("host", [
    "localhost", "127.0.0.1", "127.1", "2130706433", "0x7f.1", "0177.0.0.1", "0x7f000001",
    "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "0.0.0.0", "0",
])
def test_loopback_in_any_spelling_is_refused(host: str) -> None:
    with serve({"/": reply()}) as (base, seen):
        port = base.rsplit(":", 1)[1]
        # Spellings the URL parser already rejects (0177.0.0.1) never reach the address check.
        with pytest.raises(SourceError, match="refused|not a valid URL") as err:
            fetch(f"http://{host}:{port}/", timeout=5)
    assert seen == []
    assert "--allow-private-hosts" in str(err.value) or "not a valid URL" in str(err.value)


@pytest.mark.parametrize(("ip", "kind"), [
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("::127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fc00::1", "private"), ("fd12:3456::1", "private"), ("::ffff:10.0.0.1", "private"),
    ("64:ff9b::a00:1", "private"), ("2002:c0a8:101::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("::ffff:169.254.169.254", "link-local"),
    ("224.0.0.1", "multicast"), ("239.1.2.3", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("100.64.0.1", "non-public"), ("192.0.2.10", "non-public"), ("2001:db8::1", "non-public"),
    ("fec0::1", "non-public"), ("64:ff9b:1::1", "non-public"),
    ("93.184.215.14", None), ("8.8.8.8", None), ("2606:4700::1111", None),
    ("::ffff:8.8.8.8", None), ("64:ff9b::808:808", None),
])
def test_address_kinds(ip: str, kind: str | None) -> None:
    assert address.address_kind(ipaddress.ip_address(ip)) == kind


@pytest.mark.parametrize("ip", ["10.0.0.7", "169.254.169.254", "192.168.0.1", "fd00::1"])
def test_a_name_resolving_to_an_internal_address_is_refused(
        monkeypatch: pytest.MonkeyPatch, ip: str) -> None:
    resolve_to(monkeypatch, {"news.example": [ip]})
    with pytest.raises(SourceError, match=f"news.example resolves to {ip}"):
        fetch("http://news.example/story", timeout=5)


def test_a_name_with_one_internal_address_among_public_ones_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    resolve_to(monkeypatch, {"news.example": ["93.184.215.14", "127.0.0.1"]})
    with pytest.raises(SourceError, match="127.0.0.1, a loopback address"):
        fetch("http://news.example/story", timeout=5)


@pytest.mark.usefixtures("public_127_0_0_2")
def test_a_public_host_is_fetched_at_the_address_that_was_checked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked = resolve_to(monkeypatch, {"news.example": ["127.0.0.2"]})
    with serve({"/story": reply()}, host="127.0.0.2") as (base, seen):
        port = base.rsplit(":", 1)[1]
        body, ctype, final = fetch(f"http://news.example:{port}/story", timeout=5)
    assert b"Talks resume" in body and ctype == "text/html"
    assert final == f"http://news.example:{port}/story"
    # One lookup, and the request went to that address with the name in its Host header.
    assert asked == ["news.example"]
    assert seen[0][1]["Host"] == f"news.example:{port}"


@pytest.mark.usefixtures("public_127_0_0_2")
@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/page", "http://localhost:{port}/",
                                    "http://[::1]:{port}/", "http://2130706433:{port}/"])
def test_a_redirect_to_an_internal_address_is_refused(target: str) -> None:
    with serve({"/page": reply()}) as (inside, seen_inside):
        port = inside.rsplit(":", 1)[1]
        with serve({"/go": redirect(target.format(port=port))}, host="127.0.0.2") as (out, _), \
                pytest.raises(SourceError, match="refused") as err:
            fetch(out + "/go", timeout=5)
    assert seen_inside == []
    assert "redirected to" in str(err.value)


@pytest.mark.usefixtures("public_127_0_0_2")
def test_a_redirect_to_a_name_resolving_inside_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    resolve_to(monkeypatch, {"news.example": ["127.0.0.2"], "intranet.example": ["10.0.0.5"]})
    with serve({"/go": redirect("http://intranet.example/secret")}, host="127.0.0.2") as (out, _), \
            pytest.raises(SourceError, match="intranet.example resolves to 10.0.0.5"):
        fetch(out + "/go", timeout=5)


# --- private hosts when allowed -------------------------------------------------------


def test_private_hosts_are_fetched_when_allowed() -> None:
    with serve({"/a": redirect("/b", 301), "/b": redirect("/c", 307), "/c": reply()}) as (b, _):
        body, ctype, final = fetch(b + "/a", timeout=5, allow_private=True)
    assert b"Talks resume" in body and final == b + "/c"


def test_the_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().allow_private_hosts is False
    for value, expected in [("1", True), ("yes", True), ("true", True), ("0", False),
                            ("no", False), ("", False)]:
        monkeypatch.setenv("TIMELINE_ALLOW_PRIVATE_HOSTS", value)
        assert load_settings().allow_private_hosts is expected


def test_a_bad_value_of_the_setting_is_named(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("TIMELINE_ALLOW_PRIVATE_HOSTS", "perhaps")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), "list"])
    assert result.exit_code == 1
    assert "TIMELINE_ALLOW_PRIVATE_HOSTS" in result.output and "'perhaps'" in result.output


def test_cli_flag_allows_private_hosts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIMELINE_ALLOW_PRIVATE_HOSTS", raising=False)
    db = ["--db", str(tmp_path / "t.db")]
    with serve({"/page.html": reply()}) as (base, seen):
        url = base + "/page.html"
        refused = CliRunner().invoke(app, [*db, "ingest", url, "--published", "2024-05-04"])
        assert refused.exit_code == 0 and seen == []
        assert "refused" in refused.output and "documents read: 0" in refused.output
        allowed = CliRunner().invoke(app, [*db, "ingest", "--allow-private-hosts", url,
                                           "--published", "2024-05-04"])
    assert allowed.exit_code == 0, allowed.output
    assert "documents read: 1" in allowed.output


# --- one deadline -------------------------------------------------------------------


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_slow_drip_is_cut_off_at_the_deadline(headers_too: bool) -> None:
    with serve({"/slow": drip(headers_too)}) as (base, _):
        start = time.monotonic()
        with pytest.raises(SourceError, match="within 1 s"):
            fetch(base + "/slow", timeout=1, allow_private=True)
        # Generous: the point is that 0.2 s per byte no longer holds the fetch for minutes.
        assert time.monotonic() - start < 4


def test_the_deadline_covers_every_redirect() -> None:
    with serve({"/a": redirect("/slow"), "/slow": drip()}) as (base, _):
        start = time.monotonic()
        with pytest.raises(SourceError, match="within 1 s"):
            fetch(base + "/a", timeout=1, allow_private=True)
        assert time.monotonic() - start < 4


def test_a_slow_name_lookup_counts_against_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kw: object) -> list:
        time.sleep(3)
        return []

    monkeypatch.setattr(address.socket, "getaddrinfo", slow)
    start = time.monotonic()
    with pytest.raises(SourceError, match="within 1 s"):
        fetch("http://news.example/", timeout=1)
    assert time.monotonic() - start < 2.5


# --- redirects ----------------------------------------------------------------------


@pytest.mark.parametrize("location", [
    "data:text/html,<p>Hamas arrived in Cairo</p>", "file:///etc/passwd", "ftp://example.org/x",
    "javascript:alert(1)", "gopher://127.0.0.1:70/",
])
def test_a_redirect_to_another_scheme_is_refused(location: str) -> None:
    with serve({"/go": redirect(location)}) as (base, _), \
            pytest.raises(SourceError, match="only http and https") as err:
        fetch(base + "/go", timeout=5, allow_private=True)
    assert "redirected to" in str(err.value)


def test_redirects_are_limited() -> None:
    routes = {f"/{i}": redirect(f"/{i + 1}") for i in range(30)}
    with serve(routes) as (base, seen), pytest.raises(SourceError, match="more than 10 redirects"):
        fetch(base + "/0", timeout=5, allow_private=True)
    assert len(seen) == 11


def test_a_redirect_loop_is_stopped() -> None:
    with serve({"/a": redirect("/b"), "/b": redirect("/a")}) as (base, _), \
            pytest.raises(SourceError, match="redirects"):
        fetch(base + "/a", timeout=5, allow_private=True)


@pytest.mark.parametrize("location", ["http://[::1", "http://host:99999/", "http:///x", ""])
def test_a_redirect_to_a_broken_url_is_a_clear_error(location: str) -> None:
    with serve({"/go": redirect(location)}) as (base, _), \
            pytest.raises(SourceError, match="redirect"):
        fetch(base + "/go", timeout=5, allow_private=True)


# --- content types and answers --------------------------------------------------------


@pytest.mark.parametrize(("ctype", "ok"), [
    ("text/html", True), ("text/html; charset=utf-8", True), ("TEXT/HTML;charset=UTF-8", True),
    ("application/rss+xml", True), ("application/atom+xml", True), ("text/plain", True),
    ("application/xhtml+xml", True), ("application/json", True),
    ("text/htmlx", False), ("text/html-fake", False), ("text/plainly", False),
    ("application/jsonp", False), ("image/png", False), ("application/octet-stream", False),
    ("text/ html", False), ("html", False),
])
def test_content_types_are_matched_exactly(ctype: str, ok: bool) -> None:
    with serve({"/p": reply(ctype=ctype)}) as (base, _):
        if ok:
            assert fetch(base + "/p", timeout=5, allow_private=True)[1] == ctype.split(";")[
                0].strip().lower()
        else:
            with pytest.raises(SourceError, match="content type"):
                fetch(base + "/p", timeout=5, allow_private=True)


@pytest.mark.parametrize(("status", "message"), [
    (404, "HTTP 404"), (500, "HTTP 500"), (403, "HTTP 403"), (204, "HTTP 204"),
    (300, "HTTP 300"), (304, "HTTP 304"),
])
def test_answers_other_than_ok_are_named(status: int, message: str) -> None:
    with serve({"/p": reply(b"", "text/html", status)}) as (base, _), \
            pytest.raises(SourceError, match=message):
        fetch(base + "/p", timeout=5, allow_private=True)


def test_a_bad_content_length_is_a_clear_error() -> None:
    with serve({"/p": reply(headers={"Content-Length": "lots"})}) as (base, _), \
            pytest.raises(SourceError, match="cannot fetch"):
        fetch(base + "/p", timeout=5, allow_private=True)


def test_a_declared_size_over_the_limit_is_refused_before_reading() -> None:
    with serve({"/p": reply(headers={"Content-Length": str(10**12)})}) as (base, _), \
            pytest.raises(SourceError, match="byte limit"):
        fetch(base + "/p", timeout=5, allow_private=True)


def test_a_connection_refused_is_named() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/", timeout=5, allow_private=True)


@pytest.mark.parametrize(("url", "message"), [
    ("http://", "no host"), ("http:///path", "no host"), ("http://[::1/", "not a valid URL"),
    ("http://host:99999/", "not a valid URL"), ("http://exa mple.org/", "not a valid URL"),
    ("https://news.example:port/", "not a valid URL"), ("file:///etc/passwd", "only http"),
    ("HTTP://", "no host"), ("data:text/plain,hello", "only http"),
])
def test_bad_urls_are_named(url: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        fetch(url, timeout=5)


def test_an_unknown_name_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(*args: object, **kw: object) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(address.socket, "getaddrinfo", unknown)
    with pytest.raises(SourceError, match="cannot resolve news.example"):
        fetch("http://news.example/", timeout=5)


# --- credentials ----------------------------------------------------------------------


@pytest.mark.parametrize(("url", "shown"), [
    ("http://user:secret@news.example/a", "http://news.example/a"),
    ("https://user@news.example:8443/a?q=1#f", "https://news.example:8443/a?q=1#f"),
    ("http://us@er:se@cret@news.example/", "http://news.example/"),
    ("http://news.example/a@b", "http://news.example/a@b"),
    ("HTTP://u:p@[::1]:80/", "HTTP://[::1]:80/"),
    ("not a url", "not a url"),
])
def test_credentials_are_never_shown(url: str, shown: str) -> None:
    assert display_url(url) == shown


def test_credentials_are_sent_but_not_stored_or_shown(store: Store) -> None:
    with serve({"/page.html": reply(), "/gone": reply(b"", "text/html", 404)}) as (base, seen):
        host = base.removeprefix("http://")
        settings = Settings(allow_private_hosts=True)
        report = ingest(store, [f"http://reader:hunter2@{host}/page.html",
                                f"http://reader:hunter2@{host}/gone"],
                        published=datetime(2024, 5, 4), settings=settings)
        got = list(read_input(f"http://reader:hunter2@{host}/page.html", settings))
    assert seen[0][1]["Authorization"] == "Basic cmVhZGVyOmh1bnRlcjI="
    assert report.documents == 1
    [(name, reason)] = report.skipped
    assert "hunter2" not in name + reason and "HTTP 404" in reason
    urls = [s.url for e in store.query() for s in e.sources]
    assert urls and all(u == f"{base}/page.html" for u in urls)
    [art] = got
    assert isinstance(art, Article) and art.url == f"{base}/page.html"
    assert "hunter2" not in art.name


@pytest.mark.usefixtures("public_127_0_0_2")
def test_credentials_do_not_follow_a_redirect_to_another_host(
        monkeypatch: pytest.MonkeyPatch) -> None:
    resolve_to(monkeypatch, {"news.example": ["127.0.0.2"], "other.example": ["127.0.0.2"]})
    routes = {"/go": redirect("/there"), "/end": reply()}
    with serve(routes, host="127.0.0.2") as (base, seen):
        port = base.rsplit(":", 1)[1]
        routes["/there"] = redirect(f"http://other.example:{port}/end")
        fetch(f"http://user:pw@news.example:{port}/go", timeout=5)
    auth = [h.get("Authorization") for _, h in seen]
    assert auth[0] and auth[1]  # the same host: sent
    assert auth[2] is None  # another host: not sent


# --- https -------------------------------------------------------------------------


def test_https_checks_the_certificate_of_the_name_not_the_address(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.example").configure_cert(server_ctx)
    resolve_to(monkeypatch, {"news.example": ["127.0.0.1"]})
    with serve({"/story": reply()}, tls=server_ctx) as (base, seen):
        port = base.rsplit(":", 1)[1]
        body, _, final = fetch(f"https://news.example:{port}/story", timeout=5,
                               allow_private=True)
        assert b"Talks resume" in body and final == f"https://news.example:{port}/story"
        assert seen[0][1]["Host"] == f"news.example:{port}"
        # The address itself is not the name on the certificate.
        with pytest.raises(SourceError, match="certificate"):
            fetch(f"https://127.0.0.1:{port}/story", timeout=5, allow_private=True)


def test_the_readme_lists_the_accepted_types_and_limits() -> None:
    import re

    from timeline.sources.url import ACCEPTED, MAX_REDIRECTS

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Fetching URLs", 1)[1].split("\n## ", 1)[0]
    types = section.split("**Types**", 1)[1].split("refused", 1)[0]
    named = set(re.findall(r"`([a-z]+/[a-z0-9.+-]+)`", types))
    assert named - {"text/htmlx", "image/png"} == ACCEPTED  # two examples of refused types
    assert f"up to {MAX_REDIRECTS} times" in section
    defaults = Settings()
    assert f"{defaults.fetch_timeout:g} s" in section
    assert f"{defaults.fetch_max_bytes // 2**20} MB" in section
