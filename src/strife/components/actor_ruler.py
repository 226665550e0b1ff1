"""Named actors from the actor dictionary, matched as phrases before NER.

Component ``strife_actor_ruler`` does what spaCy's EntityRuler would do with the dictionary's token
patterns, with two phrase tables instead: one on lower case, one on exact text. A table maps a
pattern's tuple of token ids (spaCy's ``LOWER`` / ``ORTH`` values, `spacy.strings.get_string_id`)
to its key, and knows the pattern lengths that start with each first token; a document is read once
with ``Doc.to_array`` and every position looks up only the lengths its token can start. Building the
tables takes no lexemes and no pattern ``Doc``s (spaCy's ``PhraseMatcher`` needed one per pattern,
seconds at start-up for 28,000 names), and matching finds the same spans. It reads the tokens and
writes ``doc.ents`` (label ``ACTOR``, ``ent_id_`` = the canonical name); NER then keeps these spans
and labels the rest. Case rules come with each pattern: multi-word names in any case, single words
in any case but all lower-case, short names (three letters or fewer) only exactly as written ("US",
"KH").
"""

from collections import defaultdict
from typing import Iterable, Iterator, Optional

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LABEL = "ACTOR"


class PhraseTable:
    """Token-id sequences -> key; `matches` yields every (key, start, end) of a sequence of token ids."""

    def __init__(self) -> None:
        self.keys: dict[tuple[int, ...], str] = {}
        self._lengths: dict[int, set[int]] = defaultdict(set)
        self.lengths: dict[int, tuple[int, ...]] = {}

    def add(self, key: str, words: list[str]) -> None:
        if not words:
            return
        seq = tuple(get_string_id(w) for w in words)
        self.keys.setdefault(seq, key)
        self._lengths[seq[0]].add(len(seq))
        self.lengths[seq[0]] = tuple(sorted(self._lengths[seq[0]]))

    def __len__(self) -> int:
        return len(self.keys)

    def matches(self, ids: list[int]) -> Iterator[tuple[str, int, int]]:
        keys, lengths, n = self.keys, self.lengths, len(ids)
        for i, h in enumerate(ids):
            for length in lengths.get(h, ()):
                end = i + length
                if end > n:
                    break
                key = keys.get(tuple(ids[i:end]))
                if key is not None:
                    yield key, i, end


# words after a place's name ("Dera Ismail Khan district"): a dictionary name that ends such a name is none
_PLACE_NOUNS_AFTER = frozenset({"district", "province", "city", "town", "village", "region", "county", "governorate",
                                "valley", "area"})


class ActorRuler:
    def __init__(self, nlp: Language, patterns: Iterable[dict]):
        self.vocab = nlp.vocab
        self.lower = PhraseTable()
        self.exact = PhraseTable()
        self.not_lower_keys: set[str] = set()  # keys whose single token must not be all lower case
        for p in patterns:
            toks = p["pattern"]
            if not toks:
                continue
            name = p.get("id") or " ".join(t.get("LOWER") or t.get("TEXT", "") for t in toks)
            if all("TEXT" in t for t in toks):
                self.exact.add(name, [t["TEXT"] for t in toks])
            else:
                cased = any(t.get("IS_LOWER") is False for t in toks)
                key = name + ("\x00nl" if cased else "")
                self.lower.add(key, [t["LOWER"].lower() for t in toks])
                if cased:
                    self.not_lower_keys.add(key)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([LOWER, ORTH]).tolist()
        spans = []
        for table, col in ((self.lower, 0), (self.exact, 1)):
            for key, start, end in table.matches([r[col] for r in rows]):
                if key in self.not_lower_keys and all(t.is_lower for t in doc[start:end]):
                    continue
                if start > 0 and end < len(doc) and doc[start - 1].is_title and doc[end].lower_ in _PLACE_NOUNS_AFTER \
                        and not doc[start - 1].is_sent_start:
                    continue  # "in Pakistan's Dera Ismail Khan district": the end of a place's name, no person
                name = key.split("\x00", 1)[0]
                spans.append(Span(doc, start, end, label=LABEL, span_id=name))
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


@Language.factory("strife_actor_ruler", assigns=["doc.ents"], requires=["token.lower"])
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    from strife.components.actors import actor_ruler_patterns

    return ActorRuler(nlp, actor_ruler_patterns())


def add_actor_ruler(nlp: Language, before: Optional[str] = "ner") -> ActorRuler:
    return nlp.add_pipe("strife_actor_ruler", before=before)
