"""The article-to-records function: one spaCy pipeline, built once, used by every entry point.

``extract_article`` is the single function the CLI, the store, the API and Dask all call.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import strife.doc_ext  # noqa: F401
from strife.article import Article
from strife.records import Event

# importing the component modules registers their factories
import strife.components.actor_ruler  # noqa: F401,E402
import strife.components.actors  # noqa: F401,E402
import strife.components.paragraphs  # noqa: F401,E402
import strife.components.parse_repair  # noqa: F401,E402
import strife.components.entity_repair  # noqa: F401,E402
import strife.components.dates  # noqa: F401,E402
import strife.components.events  # noqa: F401,E402
import strife.components.places  # noqa: F401,E402
import strife.components.roles  # noqa: F401,E402
import strife.components.tolls  # noqa: F401,E402
import strife.components.triggers  # noqa: F401,E402

STAGES = ("strife_places", "strife_actors", "strife_dates", "strife_tolls", "strife_triggers", "strife_events", "strife_roles")


def build_nlp(model: Optional[str] = None) -> Language:
    """Load the English model and add the strife stages (no downloads: the model is a pip package)."""
    from strife.settings import get_settings

    settings = get_settings()
    from strife.scale.fastops import model_backend, speed_up

    with model_backend():  # matrix products through numpy's BLAS (see strife.scale.fastops)
        nlp = spacy.load(model or settings.model)
    speed_up(nlp)  # same annotations, less time (see strife.scale.fastops)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    nlp.add_pipe("strife_paragraphs", before="parser")
    nlp.add_pipe("strife_parse_repair", after="lemmatizer")
    nlp.add_pipe("strife_actor_ruler", before="ner")
    nlp.add_pipe("strife_entity_repair", after="ner")
    for stage in STAGES:
        nlp.add_pipe(stage)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(model: Optional[str] = None) -> Language:
    return build_nlp(model)


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.text_cache = article.text  # spaCy's tokenizer keeps the text as it is: doc.text == article.text
    doc._.published = article.published
    doc._.article_meta = {"title": article.title, "url": article.url, "source": article.source, "id": article.id}
    return doc


def extract_article(article: Article, nlp: Optional[Language] = None) -> list[Event]:
    """All event records of one article, main event first."""
    from strife.assemble import frames_to_events

    nlp = nlp or get_nlp()
    if not article.text.strip():
        return []
    doc = nlp(_make_doc(nlp, article))
    return frames_to_events(doc, article)


def extract_many(articles: Iterable[Article], nlp: Optional[Language] = None, batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
    """Batched extraction through ``nlp.pipe`` (same results as ``extract_article`` one by one)."""
    from strife.assemble import frames_to_events

    nlp = nlp or get_nlp()
    arts = list(articles)
    docs = (_make_doc(nlp, a) for a in arts)
    for art, doc in zip(arts, nlp.pipe(docs, batch_size=batch_size)):
        yield art, frames_to_events(doc, art)
