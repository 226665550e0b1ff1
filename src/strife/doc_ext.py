"""Custom attributes the strife pipeline components read and write on a spaCy `Doc`.

Each component declares (in its `@Language.factory(..., assigns=..., requires=...)`)
which of these it reads and writes. Registering is idempotent.
"""

from __future__ import annotations

from typing import Optional

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
    "strife_events": None,    # list[components.frames.EventFrame]
    "strife_left_out": None,  # list[int]: trigger token indices of running totals no frame keeps
    "text_cache": None,       # str: doc.text, built once (spaCy rebuilds it from the tokens on every read)
    "token_table": None,      # TokenTable: token attributes as lists, built once (see token_table)
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


class TokenTable:
    """The token attributes strife's stages read, as plain Python lists indexed by token position, read
    from the Doc's arrays in one pass (spaCy builds a new `Token` object on every ``doc[i]``,
    ``token.head`` and ``token.children``). Only for a parsed, tagged and entity-labelled Doc that no
    later stage changes (the strife stages after ``ner``): see `token_table`."""

    __slots__ = ("n", "text", "lower", "lemma", "lemma_lower", "pos", "tag", "dep", "head", "ent_type",
                 "is_punct", "is_space", "is_alpha", "is_stop", "idx", "sent_starts", "memo", "_children")

    def __init__(self, doc: Doc):
        import numpy
        from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH,
                                 POS, SENT_START, TAG)

        strings = doc.vocab.strings
        cols = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_PUNCT, IDX, IS_SPACE, IS_ALPHA, IS_STOP,
                             SENT_START])
        self.n = n = len(doc)
        if n:
            orth, lower, lemma, pos, tag, dep, head, ent, punct, idx, space, alpha, stop, sent_start = cols.T.tolist()
        else:
            orth = lower = lemma = pos = tag = dep = head = ent = punct = idx = space = alpha = stop = sent_start = []
        # where sentences start, as doc.sents: at 0 and at every later token whose sent_start is 1
        # (None: the doc has no sentence boundaries)
        self.sent_starts: Optional[list[int]] = (
            [0] + [k for k in range(1, n) if sent_start[k] == 1] if doc.has_annotation("SENT_START") else None)
        self.memo: dict = {}  # values a stage derives once per doc (kept with the doc, not in a global)
        memo: dict[int, str] = {}

        def names(ids: list[int]) -> list[str]:
            for k in set(ids).difference(memo):
                memo[k] = strings[k]
            return list(map(memo.__getitem__, ids))

        self.text = names(orth)
        self.lower = names(lower)
        self.lemma = names(lemma)
        lemma_lower = {k: memo[k].lower() for k in set(lemma)}
        self.lemma_lower = list(map(lemma_lower.__getitem__, lemma))
        self.pos = names(pos)
        self.tag = names(tag)
        self.dep = names(dep)
        # HEAD is an offset, as an unsigned integer: back to signed, plus the token's position
        self.head = (cols[:, 6].astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)).tolist() if n else []
        self.ent_type = names(ent)
        self.is_punct = list(map(bool, punct))
        self.is_space = list(map(bool, space))
        self.is_alpha = list(map(bool, alpha))
        self.is_stop = list(map(bool, stop))
        self.idx = idx
        self._children: Optional[dict[int, list[int]]] = None

    def children(self, i: int) -> list[int]:
        """Positions of token ``i``'s syntactic children, in order (as ``token.children``)."""
        if self._children is None:
            ch: dict[int, list[int]] = {}
            for k, h in enumerate(self.head):
                if h != k:
                    lst = ch.get(h)
                    if lst is None:
                        ch[h] = [k]
                    else:
                        lst.append(k)
            self._children = ch
        return self._children.get(i, _NO_CHILDREN)


_NO_CHILDREN: list[int] = []


def token_table(doc: Doc) -> TokenTable:
    """The doc's `TokenTable`, built once (kept on ``doc._.token_table``)."""
    t = doc._.token_table
    if t is None or t.n != len(doc):
        t = TokenTable(doc)
        doc._.token_table = t
    return t
