"""Fetching http(s) URLs: the only code that reaches the network, and only when asked."""

from __future__ import annotations

from urllib.parse import urlparse

from timeline.errors import SourceError

__all__ = ["fetch"]

_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml",
             "application/atom+xml", "application/xml", "text/xml", "text/markdown",
             "application/json", "application/x-ndjson")


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 10 * 1024 * 1024
          ) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of an http(s) URL, within a time and size limit."""
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs are fetched, not {scheme or 'this'}")
    import httpx

    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": "negotiation-timeline/0.1"}) as resp:
            if resp.status_code >= 400:
                raise SourceError(f"{url}: HTTP {resp.status_code}")
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(_ACCEPTED):
                raise SourceError(f"{url}: content type {ctype} is not an article or a feed")
            declared = int(resp.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise SourceError(f"{url}: {declared:,} bytes is more than the "
                                  f"{max_bytes:,} byte limit")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise SourceError(f"{url}: more than the {max_bytes:,} byte limit")
            return bytes(body), ctype, str(resp.url)
    except httpx.HTTPError as err:
        raise SourceError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from err
