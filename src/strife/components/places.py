"""spaCy component "strife_places": every place mention of a Doc, resolved with the gazetteer.

Reads `doc.ents` (GPE, LOC, FAC) and writes `doc._.strife_places: list[PlaceMention]`.
Because small NER models miss or mislabel places, it also takes PERSON/ORG entities and
untagged capitalised word sequences *after a locative preposition* ("in", "near", ...)
when the gazetteer knows them as a notable place. Nationality words ("Iraqi") are not
places; they only count as evidence for their country.
"""


import re
from pathlib import Path
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import strife.doc_ext  # noqa: F401  (registers doc._.strife_places)
from strife.doc_ext import doc_text
from strife.gazetteer.index import Gazetteer, get_gazetteer
from strife.gazetteer.model import PlaceMention
from strife.gazetteer.resolve import Resolver

PLACE_LABELS = ("GPE", "LOC", "FAC")
RECOVER_LABELS = ("PERSON", "ORG", "NORP")
LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "to", "into", "across", "around", "towards",
                      "toward", "through", "inside", "north", "south", "east", "west", "of"})
_CAP = re.compile(r"^[A-Z][\w'’\-]*$")
MIN_RECOVER_POPULATION = 20_000


class PlacesComponent:
    """Find and resolve place mentions."""

    def __init__(self, nlp: Language, name: str, recover: bool = True, gazetteer: Gazetteer | None = None):
        self.name = name
        self.recover = recover
        self._gaz = gazetteer
        self._nlp = nlp
        self._curated: PhraseMatcher | None = None

    def curated_matcher(self) -> PhraseMatcher:
        """Names of the curated features ("Iraq-Syria border", "Bab al-Hawa crossing") as phrases:
        NER splits them into their countries or misses them."""
        if self._curated is None:
            matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
            path = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "curated_places.tsv"
            names: list[str] = []
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                names.extend(n for n in [cols[0], *(cols[1].split("|") if len(cols) > 1 else [])] if n.strip())
            docs = [self._nlp.make_doc(n) for n in names if len(n.split()) > 1 or "-" in n]
            if docs:
                matcher.add("CURATED_PLACE", docs)
            self._curated = matcher
        return self._curated

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = get_gazetteer()
        return self._gaz

    def _notable(self, text: str) -> bool:
        """Safe to call an untagged/mis-tagged name a place: a country, region or sizeable town."""
        for c in self.gazetteer.lookup(text):
            p = c.place
            if c.quality > 1:
                continue
            if p.precision in ("country", "admin1", "region", "point") or p.population >= MIN_RECOVER_POPULATION:
                return True
        return False

    @staticmethod
    def _after_locative(doc: Doc, start: int) -> bool:
        i = start - 1
        while i >= 0 and doc[i].lower_ in ("the",):
            i -= 1
        return i >= 0 and doc[i].lower_ in LOCATIVE

    def spans(self, doc: Doc) -> tuple[list[Span], Counter]:
        """Place spans of the doc (sorted, non-overlapping) and demonym country evidence."""
        gaz = self.gazetteer
        out: list[Span] = filter_spans([doc[a:b] for _, a, b in self.curated_matcher()(doc)])
        evidence: Counter = Counter()
        taken = {i for sp in out for i in range(sp.start, sp.end)}
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                # inside a curated feature: only the countries it names stay as places of their own
                # ("the Iraq-Syria border" is also in Iraq and in Syria)
                if ent.label_ == "GPE" and any(c.place.precision == "country" for c in gaz.lookup(ent.text)):
                    out.append(ent)
                continue
            dem = gaz.demonym(ent.text)
            if dem and not any(c.place.precision == "country" for c in gaz.lookup(ent.text)):
                evidence[dem] += 1
                continue
            if ent.label_ in PLACE_LABELS:
                out.append(ent)
            elif self.recover and ent.label_ in RECOVER_LABELS and self._after_locative(doc, ent.start) \
                    and self._notable(ent.text):
                out.append(ent)
            else:
                continue
            taken.update(range(ent.start, ent.end))
        if self.recover:
            ent_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
            i = 0
            while i < len(doc):
                tok = doc[i]
                if i in ent_tokens or not _CAP.match(tok.text) or tok.is_sent_start or not self._after_locative(doc, i):
                    i += 1
                    continue
                j = i
                while j + 1 < len(doc) and _CAP.match(doc[j + 1].text) and j + 1 not in ent_tokens:
                    j += 1
                span = doc[i:j + 1]
                if not (set(range(i, j + 1)) & taken) and self._notable(span.text):
                    out.append(span)
                i = j + 1
        out.sort(key=lambda s: s.start_char)
        return out, evidence

    def __call__(self, doc: Doc) -> Doc:
        spans, evidence = self.spans(doc)
        resolver = Resolver(self.gazetteer)
        mentions: list[PlaceMention] = resolver.resolve(
            doc_text(doc), [(s.start_char, s.end_char) for s in spans], context_countries=evidence)
        doc._.strife_places = mentions
        return doc


@Language.factory("strife_places", assigns=["doc._.strife_places"], requires=["doc.ents"],
                  default_config={"recover": True})
def make_places(nlp: Language, name: str, recover: bool) -> PlacesComponent:
    return PlacesComponent(nlp, name, recover=recover)
