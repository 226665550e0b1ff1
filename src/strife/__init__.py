"""strife: news reports of armed conflict and political violence → evidence-backed event records."""

from __future__ import annotations

from typing import Optional

__version__ = "0.1.0"


def extract(text: str, *, published=None, title: Optional[str] = None, url: Optional[str] = None,
            source: Optional[str] = None, id: Optional[str] = None) -> list:
    """Extract the event records (:class:`strife.records.Event`) of one article's text, main event first.

    ``published`` (a ``datetime.date`` or ``YYYY-MM-DD``) anchors relative dates; without it they stay
    unresolved.
    """
    from strife.article import Article, parse_published
    from strife.pipeline import extract_article

    art = Article(text=text, id=id, title=title, published=parse_published(published), url=url, source=source)
    return extract_article(art)


__all__ = ["extract", "__version__"]
