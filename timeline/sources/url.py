"""Fetching http(s) URLs: the only code that reaches the network, and only when asked.

The rules a fetch follows, each for a reason:

- Only ``http`` and ``https``, at every step: a redirect to ``file:``, ``data:`` or ``ftp:``
  is refused.
- A host is looked up once and the connection goes to the address that was checked
  (``address.resolve``); addresses that are not public are refused unless private hosts
  are allowed. https still checks the certificate of the host's name.
- Redirects are followed by hand, at most ``MAX_REDIRECTS``, each target checked as above.
  Credentials in the URL are sent to that host only, never to another one a redirect names.
- One deadline for the whole fetch (lookups, connections, every redirect, every byte): a
  server sending one byte at a time cannot hold it past ``timeout`` seconds.
- The media type of the answer must be one of ``ACCEPTED``, exactly; a body over
  ``max_bytes`` is refused.
- Credentials never appear in a URL that is returned or shown (``display_url``).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import ipaddress
import os
import re
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

from timeline.errors import SourceError
from timeline.sources import address
from timeline.sources.article import display_url, shown_value

__all__ = ["ACCEPTED", "MAX_REDIRECTS", "display_url", "fetch", "media_type"]

ACCEPTED = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/json", "application/x-ndjson", "application/jsonl",
})
MAX_REDIRECTS = 10
_USER_AGENT = "negotiation-timeline/0.1"


def media_type(content_type: str) -> str:
    """``text/html`` of ``text/html; charset=utf-8``: the type and subtype, lower case."""
    return content_type.split(";", 1)[0].strip().lower()


class _Deadline(Exception):
    """The fetch's time is up."""


class _Refused(Exception):
    """A step of the fetch broke a rule; the message says which."""


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 10 * 1024 * 1024,
          allow_private: bool = False) -> tuple[bytes, str, str]:
    """(body, media type, final URL without credentials) of an http(s) URL; see the module
    doc for the rules. Raises SourceError with a one-line reason."""
    shown = display_url(url)
    deadline = time.monotonic() + timeout
    try:
        return _fetch(url, shown, deadline, max_bytes, allow_private)
    except _Refused as err:
        raise SourceError(f"{shown}: {err}") from None
    except _Deadline:
        raise SourceError(f"{shown}: no complete answer within {timeout:g} s") from None
    except Exception as err:  # httpx, httpcore, h11, ssl and OSError errors of many kinds
        if _is_timeout(err):
            raise SourceError(f"{shown}: no complete answer within {timeout:g} s") from None
        raise SourceError(f"{shown}: cannot fetch ({_describe(err)})") from None


def _fetch(url: str, shown: str, deadline: float, max_bytes: int, allow_private: bool
           ) -> tuple[bytes, str, str]:
    target = _http_url(url)
    # The transport alone, not httpx.Client: the client reads a redirect's Location itself
    # (and fails on a bad one) and would take proxies from the environment, which look up
    # names out of reach of the address check.
    with _Transport(_Backend(allow_private, deadline)) as transport:
        for hop in range(MAX_REDIRECTS + 1):
            where = f"redirected to {display_url(str(target))}: " if hop else ""
            try:
                resp = transport.handle_request(_request(target))
                with contextlib.closing(resp):
                    if resp.has_redirect_location:
                        target = _next_target(target, resp.headers["location"])
                        continue
                    ctype = _checked_type(resp)
                    return _body(resp, max_bytes), ctype, display_url(str(target))
            except _Refused as err:
                raise _Refused(f"{where}{err}") from None
    raise _Refused(f"more than {MAX_REDIRECTS} redirects")


def _request(url: httpx.URL) -> httpx.Request:
    """A GET of ``url``; its credentials, if any, as Basic authentication for its host only
    (a redirect to another host names a URL without them)."""
    headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if url.userinfo:
        pair = f"{url.username}:{url.password}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return httpx.Request("GET", url.copy_with(userinfo=b""), headers=headers)


def _next_target(current: httpx.URL, location: str) -> httpx.URL:
    try:
        return _http_url(current.join(location))
    except (_Refused, httpx.InvalidURL, ValueError, TypeError) as err:
        raise _Refused(f"redirected to {shown_value(display_url(location), 120)}: "
                       f"{_describe(err)}") from None


_HOST_NAME = re.compile(r"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.?")


def _http_url(value: str | httpx.URL) -> httpx.URL:
    """``value`` as an httpx URL, if it is an absolute http(s) URL with a valid host and
    port."""
    try:
        url = value if isinstance(value, httpx.URL) else httpx.URL(value.strip())
        host, port = url.raw_host.decode("ascii"), url.port
    except (httpx.InvalidURL, ValueError, TypeError) as err:
        raise _Refused(f"not a valid URL ({_describe(err)})") from None
    scheme = url.scheme.lower()
    if scheme not in ("http", "https"):
        raise _Refused(f"only http and https URLs are fetched, not {scheme or 'this'}")
    if not host:
        raise _Refused("no host in the URL")
    if not (_HOST_NAME.fullmatch(host) or _is_ipv6(host)):
        raise _Refused(f"not a valid URL (bad host name {shown_value(host)})")
    if port is not None and not 0 < port < 65536:
        raise _Refused(f"not a valid URL (port {port} is not between 1 and 65535)")
    return url


def _is_ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host.replace("%25", "%"))
    except ValueError:
        return False
    return True


def _checked_type(resp: httpx.Response) -> str:
    if not 200 <= resp.status_code < 300 or resp.status_code == 204:
        raise _Refused(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
    ctype = media_type(resp.headers.get("content-type", ""))
    if ctype and ctype not in ACCEPTED:
        raise _Refused(f"content type {ctype[:80]} is not an article or a feed "
                       f"(accepted: {', '.join(sorted(ACCEPTED))})")
    return ctype


def _body(resp: httpx.Response, max_bytes: int) -> bytes:
    try:
        declared = int(resp.headers.get("content-length") or 0)
    except ValueError:
        declared = 0
    if declared > max_bytes:
        raise _Refused(f"{declared:,} bytes is more than the {max_bytes:,} byte limit")
    body = bytearray()
    for chunk in resp.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise _Refused(f"more than the {max_bytes:,} byte limit")
    return bytes(body)


def _is_timeout(err: BaseException) -> bool:
    return isinstance(err, httpx.TimeoutException | httpcore.TimeoutException | TimeoutError)


def _describe(err: BaseException) -> str:
    text = " ".join(str(err).split())
    if isinstance(err, _Refused | SourceError):
        return text
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


# --- the connection layer: checked addresses, one deadline ------------------------------


class _Backend(httpcore.NetworkBackend):
    """Connects to checked addresses only, and holds every step to the fetch's deadline."""

    def __init__(self, allow_private: bool, deadline: float) -> None:
        self._allow_private = allow_private
        self._deadline = deadline

    def left(self) -> float:
        """Seconds until the deadline; _Deadline once it has passed."""
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise _Deadline()
        return remaining

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            addresses = address.resolve(host, port, allow_private=self._allow_private,
                                        timeout=self.left())
        except address.LookupTimeout:
            raise _Deadline() from None
        except SourceError as err:  # an unknown name, or an address that is refused
            raise _Refused(str(err)) from None
        problem: OSError | None = None
        for family, ip, _ in addresses:
            # The address that was checked, as a socket address: no second lookup.
            ip_only, _, scope = ip.partition("%")
            where = (ip_only, port, 0, int(scope)) if family == socket.AF_INET6 and \
                scope.isdigit() else (ip_only, port)
            remaining = self.left()
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(remaining)
                sock.connect(where)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except TimeoutError:
                sock.close()
                raise _Deadline() from None
            except OSError as err:
                sock.close()
                problem = err
                continue
            return _SocketStream(sock, self)
        reason = (problem.strerror or str(problem)) if problem else "no address"
        raise _Refused(f"cannot connect to {host} port {port} ({reason})")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        raise _Refused("Unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, self.left()))


class _SocketStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the fetch's deadline,
    however the server paces its bytes."""

    def __init__(self, sock: socket.socket, backend: _Backend) -> None:
        self._sock = sock
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            self._sock.settimeout(self._backend.left())
            return self._sock.recv(max_bytes)
        except TimeoutError:
            raise _Deadline() from None
        except OSError as err:
            raise httpcore.ReadError(str(err)) from err

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            while buffer:
                self._sock.settimeout(self._backend.left())
                sent = self._sock.send(buffer)
                buffer = buffer[sent:]
        except TimeoutError:
            raise _Deadline() from None
        except OSError as err:
            # httpcore reads the answer after a failed write: a server may have answered.
            raise httpcore.WriteError(str(err)) from err

    def close(self) -> None:
        self._sock.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # server_hostname is the URL's host: the certificate is checked for the name, while
        # the socket is connected to the address that was checked.
        try:
            self._sock.settimeout(self._backend.left())
            tls = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname)
        except TimeoutError:
            self.close()
            raise _Deadline() from None
        except ssl.SSLCertVerificationError as err:
            self.close()
            raise _Refused(f"the certificate of {server_hostname} is not valid "
                           f"({err.verify_message})") from None
        except OSError as err:
            self.close()
            raise _Refused(f"no TLS connection to {server_hostname} ({_describe(err)})"
                           ) from None
        return _SocketStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":  # httpcore asks it for the protocol TLS agreed on
            return self._sock if isinstance(self._sock, ssl.SSLSocket) else None
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        if info == "is_readable":
            return _is_readable(self._sock)
        return None


def _is_readable(sock: socket.socket) -> bool:
    """Whether a read would not block: for an idle kept-alive connection, that the server
    has closed it."""
    import select

    try:
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError):  # a closed socket: its next read is the end
        return True


class _Transport(httpx.BaseTransport):
    """httpx's request and response over an httpcore pool that uses ``_Backend``."""

    def __init__(self, backend: _Backend) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(os.environ.get("SSL_CERT_FILE"),
                                     os.environ.get("SSL_CERT_DIR")),
            network_backend=backend, retries=0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        resp = self._pool.handle_request(httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions,
        ))
        assert isinstance(resp.stream, Iterable)
        return httpx.Response(status_code=resp.status, headers=resp.headers,
                              stream=_Body(resp.stream), extensions=resp.extensions)

    def close(self) -> None:
        self._pool.close()


@functools.lru_cache(maxsize=4)
def _ssl_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """The certificates to trust: certifi's, or SSL_CERT_FILE / SSL_CERT_DIR (a company's
    own CA). Loading them takes longer than a refused fetch, so once per process."""
    return httpx.create_ssl_context()


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()
