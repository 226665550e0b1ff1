"""Custom attributes the strife pipeline components read and write on a spaCy `Doc`.

Each component declares (in its `@Language.factory(..., assigns=..., requires=...)`)
which of these it reads and writes. Registering is idempotent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRS = {
    "published": None,        # datetime.date | None: publication date (set before the pipeline runs)
    "article_meta": None,     # dict | None: title/url/source of the article
    "strife_triggers": None,  # list[components.triggers.Trigger]
    "strife_rejected_triggers": None,  # list[components.triggers.Rejected]: event words read as not factual
    "strife_actors": None,    # list[components.actors.ActorMention]
    "strife_places": None,    # list[gazetteer PlaceMention]
    "strife_dates": None,     # list[components.dates.DateMention]
    "strife_tolls": None,     # list[components.tolls.TollMention]
    "strife_events": None,    # list[components.merge.EventFrame]
    "text_cache": None,       # str: doc.text, built once (spaCy rebuilds it from the tokens on every read)
}


def register_extensions() -> None:
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("strife_actor"):
        Span.set_extension("strife_actor", default=None)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document."""
    t = doc._.text_cache
    if t is None:
        t = doc.text
        doc._.text_cache = t
    return t
