"""HTML pages: the article's main text and metadata, by trafilatura."""

from __future__ import annotations

from timeline.errors import SourceError
from timeline.sources.article import Article, article_url, check_published
from timeline.sources.text import decode_text

__all__ = ["html_to_article"]


def html_to_article(html: str | bytes, name: str, url: str | None = None) -> Article:
    """The main text, title, site name and publication date of a page.

    ``url`` is where the page was fetched from; without it the page's own canonical URL is
    used when it is an http(s) URL. Raises SourceError when the page is binary, holds no
    article text (a menu, an error page) or gives an unusable publication date.
    """
    import trafilatura

    if isinstance(html, bytes) and html.startswith((b"\xff\xfe", b"\xfe\xff")):
        html = decode_text(html, name)
    binary = b"\x00" in html[:8192] if isinstance(html, bytes) else "\x00" in html[:8192]
    if binary:
        raise SourceError(f"{name}: looks like a binary file, not HTML")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except Exception as err:  # trafilatura raises lxml errors of many kinds
        detail = " ".join(str(err).split())[:200]
        raise SourceError(f"{name}: cannot parse HTML ({type(err).__name__}: {detail})"
                          ) from err
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or len(text.strip()) < 40:
        raise SourceError(f"{name}: no article text found in the page")
    return Article(
        text=text,
        name=name,
        published=check_published(getattr(doc, "date", None), name),
        url=url or _own_url(getattr(doc, "url", None)),
        title=_text_or_none(getattr(doc, "title", None)),
        outlet=_text_or_none(getattr(doc, "sitename", None)),
    )


def _own_url(value: object) -> str | None:
    """The URL a page gives for itself, when it is a usable one: a page is not refused for a
    relative or odd canonical link, it is identified by its text instead."""
    try:
        return article_url(value, "page")
    except SourceError:
        return None


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
