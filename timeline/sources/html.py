"""HTML pages: the article's main text and metadata, by trafilatura."""

from __future__ import annotations

from timeline.errors import SourceError
from timeline.sources.article import Article, parse_published

__all__ = ["html_to_article"]


def html_to_article(html: str | bytes, name: str, url: str | None = None) -> Article:
    """The main text, title, site name and publication date of a page.

    Raises SourceError when the page holds no article text (a menu, an error page).
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except Exception as err:  # trafilatura raises lxml errors of many kinds
        raise SourceError(f"{name}: cannot parse HTML ({err})") from err
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < 40:
        raise SourceError(f"{name}: no article text found in the page")
    return Article(
        text=text,
        name=name,
        published=parse_published(getattr(doc, "date", None)),
        url=url or getattr(doc, "url", None),
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
    )
