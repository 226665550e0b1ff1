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

from strife.dateline import find_datelines
import strife.doc_ext  # noqa: F401  (registers doc._.strife_places)
from strife.doc_ext import doc_text, token_table
from strife.gazetteer.index import Gazetteer, get_gazetteer
from strife.gazetteer.model import PlaceMention
from strife.gazetteer.names import POSSESSIVE, normalise
from strife.gazetteer.resolve import Resolver
from strife.lexicon import load_wordlists
from strife.actor_dictionary import get_actor_dictionary

PLACE_LABELS = ("GPE", "LOC", "FAC")
RECOVER_LABELS = ("PERSON", "ORG", "NORP", "LANGUAGE", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")
_DISTANCE_UNITS = frozenset({"km", "kms", "kilometres", "kilometers", "miles", "mi"})
LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "to", "into", "across", "around", "towards",
                      "toward", "through", "inside", "north", "south", "east", "west", "of",
                      # "northern rural Homs"; "attacks on Aleppo" (a weak cue: big places only)
                      "on", "between", "northern", "southern", "eastern", "western", "central", "rural",
                      "northeastern", "northwestern", "southeastern", "southwestern"})
# "the village of X": the text itself says X is a place, known to the gazetteer or not
PLACE_NOUNS = frozenset({"village", "town", "city", "district", "province", "governorate", "neighbourhood",
                         "neighborhood", "suburb", "outskirts", "region", "area", "county", "state", "towns",
                         "villages", "cities", "municipality", "municipalities", "commune", "prefecture",
                         "township", "hamlet", "locality", "department", "subdistrict", "sub-district"})
# "Aleppo city", "Shawa village": a name the tagger took for something else, then the kind of place it is
PLACE_NOUNS_AFTER = frozenset({"village", "town", "city", "district", "province", "governorate", "county", "area",
                               "township", "subdistrict", "sub-district", "municipality", "prefecture"})
# US party tags before a legislator's home ("R-Florence", "DFL-Cook", "D-S.C.")
_PARTY_TAGS = frozenset({"R", "D", "I", "DFL", "GOP"})
# plural admin nouns after a list of names ("Becker, Clay and Wilkin counties") and their singular
_PLURAL_ADMIN = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
# words after a place name that make it a disease's name ("West Nile virus", "Rift Valley fever")
DISEASE_WORDS = frozenset({"virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "encephalitis",
                           "disease", "variant", "strain"})
# words after a town's name that make the organisation the town's own ("Gainesville Police", "Dublin City Council")
CIVIC_WORDS = frozenset({"police", "city", "county", "mayor", "council", "fire", "public", "municipal", "township",
                         "sheriff", "sheriff's", "schools", "school", "utilities", "water", "housing", "parks",
                         "planning", "zoning", "transit", "metropolitan", "district"})
# nouns that make the name before them a town whose people or officials they are ("an Alexandria man")
RESIDENT_NOUNS = frozenset({"man", "woman", "men", "women", "teen", "teenager", "boy", "girl", "resident",
                            "residents", "native", "mayor", "police", "officials", "council", "authorities"})
_CAP = re.compile(r"^[A-Z][\w'’\-]*$")
# words that open organisation names without naming a place ("Southern Comfort", "Northeast Club")
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "northeast", "northwest", "southeast", "southwest", "central", "metro", "upper",
                             "lower", "greater", "mid", "midwest", "middle"})
MIN_RECOVER_POPULATION = 20_000
WEAK_LOCATIVE = frozenset({"on", "between"})   # "on Hill", "between Martin and ...": people as often as places
MIN_WEAK_POPULATION = 100_000
MIN_LIST_POPULATION = 1_000  # a name listed with places ("Saigon, Cholon and Gia Dinh"): a town, not a hamlet
# entity labels that are never a place's name
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# verbs whose object is a place when the gazetteer knows a big one by that name ("Russia pounded Kyiv and Odesa")
ATTACKED_VERBS = frozenset({"pound", "shell", "strike", "hit", "bomb", "bombard", "attack", "storm", "raid", "besiege",
                            "capture", "seize", "overrun", "target", "invade", "blockade", "encircle", "recapture"})
# "Kanawha County", "Rapides Parish": capitalised words and an admin2 word are a place the NER may miss
_ADMIN2_WORD = re.compile(r"\b(?:County|Parish|Borough)\b")


def _list_first(tok):
    """The first item of the list ``tok`` ends ("Odesa" in "pounded Kyiv and Odesa" -> "Kyiv"), else ``tok``."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _harmed_person(tok) -> bool:
    """Is ``tok`` (or the first of the list it ends) what a verb that only people suffer acts on ("Zubaydah was
    shot", "arrested Gao")?"""
    tok = _list_first(tok)
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in load_wordlists("places")["person_object_verbs"]


def _object_of_attack(tok) -> bool:
    """Is ``tok`` (or the first of the list it ends) the object of an attack verb ("pounded Kyiv and Odesa")?"""
    tok = _list_first(tok)
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ATTACKED_VERBS


_LISTING_PREPS = frozenset({"including", "like"})


def listed_after_towns(ent: Span) -> bool:
    """Is the name one of a list opened by "including" or "like" a few words after a plural word for towns
    ("several Armenian towns with artillery and drones, including Jermuk and Goris"; the parser may hang
    "including" on any noun between)?"""
    tok = ent.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _LISTING_PREPS:
        return False
    towns = load_wordlists("factuality")["anaphoric_town_nouns"]
    window = ent.doc[max(prep.sent.start, prep.i - 8):prep.i]
    return any(t.tag_ == "NNS" and t.lemma_.lower() in towns for t in window)


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

    def _notable(self, text: str, min_population: int = MIN_RECOVER_POPULATION, max_quality: int = 1) -> bool:
        """Safe to call an untagged/mis-tagged name a place: a country, region or sizeable town."""
        acronym = text.isupper() and len(text.replace(".", "")) <= 4  # "UN", "FAO": not the town Un
        for c in self.gazetteer.lookup(text):
            p = c.place
            if c.quality > max_quality or (acronym and p.precision == "city"):
                continue
            if p.precision in ("country", "admin1", "region", "point") or p.population >= min_population:
                return True
        return False

    def _region_name(self, text: str) -> bool:
        """The text is a country's (or a first-level region's) own name ("Sri Lanka's", "Ohio")."""
        name = POSSESSIVE.sub("", text.strip())
        return any(c.quality <= 1 and c.place.precision in ("country", "admin1")
                   for c in self.gazetteer.lookup(name)) if name else False

    def _country_name(self, text: str) -> bool:
        """The text is a country's own name ("Niger")."""
        return any(c.quality == 0 and c.place.precision == "country" for c in self.gazetteer.lookup(text.strip()))

    def _place_headed(self, ent: Span) -> Span | None:
        """The place name an organisation's name opens with ("Ohio State University", "Huntsville Fire
        Department"): a country, first-level region or sizeable town followed by more capitalised words."""
        if ent[0].lower_ == "the":
            ent = ent[1:]
        for n in range(min(3, len(ent) - 1), 0, -1):
            head, rest = ent[:n], ent[n]
            if not (_CAP.match(rest.text) and head[-1].is_alpha and all(_CAP.match(t.text) or t.text == "."
                                                                          for t in head)):
                continue
            if head.text.lower() in DIRECTION_WORDS:
                return None
            if self.gazetteer.demonym(head.text):
                return None
            if self._notable(head.text, max_quality=0):
                return head
        return None

    def _owned_by_a_place(self, doc: Doc, ent: Span) -> bool:
        """A name the gazetteer knows, right after a place's possessive ("Kashmir's Shopian district")."""
        if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s"):
            return False
        owner = doc[ent.start - 2]
        return owner.ent_type_ in PLACE_LABELS and self._known(ent.text)

    def _route_ends(self, ent: Span) -> list[Span]:
        """The towns a hyphenated route name joins ("the Abuja-Kaduna highway", "the Kaduna-Abuja road": tagged
        as one facility that no gazetteer knows), when both are notable places and the whole is not a place."""
        words = [t for t in ent if t.lower_ != "the"]
        if len(words) != 3 or words[1].text not in ("-", "–") or self._known(ent.text):
            return []
        ends = [ent.doc[t.i:t.i + 1] for t in (words[0], words[2])]
        return ends if all(t.text[:1].isupper() and self._notable(t.text) for t in ends) else []

    def _known(self, text: str) -> bool:
        """The gazetteer has the name as a place's own name (any size)."""
        return any(c.quality <= 1 for c in self.gazetteer.lookup(text))

    def _datelines(self, doc: Doc, text: str) -> list[Span]:
        out = []
        for d in find_datelines(text):
            name = text[d.place_start:d.place_end]
            span = doc.char_span(d.place_start, d.place_end, alignment_mode="contract")
            if span is not None and len(span) and self._known(name.title()):
                out.append(span)
        return out

    def _without_qualifiers(self, spans: list[Span], lower: list[str]) -> list[Span]:
        """Without a name that only qualifies the region after it ("the Gulf state of Veracruz": Veracruz is a
        state, Gulf only says which coast; but "the Amhara region of Ethiopia" names Amhara in Ethiopia)."""
        spans = sorted(spans, key=lambda sp: sp.start)
        drop: set[int] = set()
        for k in range(len(spans) - 1):
            a, b = spans[k], spans[k + 1]
            if b.start == a.end + 2 and lower[a.end] in ("state", "province", "region") and lower[a.end + 1] == "of" \
                    and any(c.quality <= 1 and c.place.precision == "admin1" for c in self.gazetteer.lookup(b.text)):
                drop.add(k)
        return [sp for k, sp in enumerate(spans) if k not in drop]

    def _list_members(self, doc: Doc, spans: list[Span], taken: set[int], people: set[str]) -> list[Span]:
        """The other names of a list a place is in ("assailed Saigon, Cholon, and Gia Dinh", "the villages of
        Sees, Tees and Beer Al-Nimr", "Sholgara and Darai Souf districts"): a member the gazetteer knows by its
        own name, or any member where the text says what kind of place the list is; not a person the article
        names (``people``, see `_surnames`), nor an actor of the dictionary."""
        tt = token_table(doc)
        words, lower = tt.text, tt.lower
        n = len(words)
        ent_at = {e.start: e for e in doc.ents if e.label_ in RECOVER_LABELS or e.label_ in PLACE_LABELS}
        ent_end = {e.end: e for e in ent_at.values()}
        actors = get_actor_dictionary()

        def run_from(k: int, step: int) -> Span | None:
            """The name that starts (step 1) or ends (step -1) at token k."""
            e = ent_at.get(k) if step > 0 else ent_end.get(k + 1)
            if e is not None:
                return e
            if not (0 <= k < n and _CAP.match(words[k])):
                return None
            a = b = k
            if step > 0:
                while b + 1 < n and (_CAP.match(words[b + 1])
                                     or (words[b + 1] == "-" and b + 2 < n and _CAP.match(words[b + 2]))):
                    b += 1
            else:
                while a - 1 >= 0 and (_CAP.match(words[a - 1])
                                      or (words[a - 1] == "-" and a - 2 >= 0 and _CAP.match(words[a - 2]))):
                    a -= 1
            return doc[a:b + 1]

        def neighbour(sp: Span, step: int) -> Span | None:
            k = sp.end if step > 0 else sp.start - 1
            seps = 0
            while 0 <= k < n and lower[k] in (",", "and", "or") and seps < 2:
                k += step
                seps += 1
            if seps == 0:
                return None
            if step > 0 and k < n and lower[k] == "the":
                return None  # "in Aleppo and the army": a new phrase, not the list's next name
            return run_from(k, step)

        def list_says_place(first: Span, last: Span) -> bool:
            return (first.start >= 2 and lower[first.start - 1] == "of" and lower[first.start - 2] in PLACE_NOUNS) \
                or (last.end < n and lower[last.end] in PLACE_NOUNS)

        out: list[Span] = []
        frontier = sorted(spans, key=lambda s: s.start)
        while frontier:
            new: list[Span] = []
            for sp in frontier:
                for step in (1, -1):
                    cand = neighbour(sp, step)
                    if cand is None or not len(cand) or any(i in taken for i in range(cand.start, cand.end)):
                        continue
                    text = cand.text
                    if any(t.ent_type_ in _NOT_NAMES for t in cand) or text in people \
                            or (len(cand) == 1 and cand[0].is_stop) or (cand[0].is_sent_start and not cand.label_) \
                            or (actors.lookup(text) is not None and not self._region_name(text)):
                        continue
                    # the list's ends: walk out from the pair to what the text says of the list
                    first, last = (cand, sp) if step < 0 else (sp, cand)
                    k = first
                    while (prev := neighbour(k, -1)) is not None and prev.start < k.start:
                        k = prev
                    first = k
                    k = last
                    while (nxt := neighbour(k, 1)) is not None and nxt.end > k.end:
                        k = nxt
                    last = k
                    person = cand.label_ == "PERSON"
                    floor = MIN_RECOVER_POPULATION if person else MIN_LIST_POPULATION
                    if list_says_place(first, last) or self._notable(text, floor):
                        new.append(cand)
                        taken.update(range(cand.start, cand.end))
            out.extend(new)
            frontier = new
        return out

    def _containers(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """The region after a place and a comma ("Springfield, Ill.", "Lima, Peru") is a place too."""
        out = []
        for sp in spans:
            j = sp.end
            if j + 1 >= len(doc) or doc[j].text != ",":
                continue
            k = j + 1
            while k < len(doc) and k - j <= 3 and _CAP.match(doc[k].text.rstrip(".")) and k not in taken:
                k += 1
            for end in range(k, j + 1, -1):
                cand = doc[j + 1:end]
                if self._region_name(cand.text):
                    out.append(cand)
                    taken.update(range(cand.start, cand.end))
                    break
        return out

    def _coordinated_counties(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"Becker, Clay, Douglas and Wilkin counties": each capitalised name of the list before a plural
        admin noun is a place, when the gazetteer knows it with that noun ("Clay County")."""
        out = []
        tt = token_table(doc)
        for k in range(1, tt.n):
            if tt.lower[k] not in _PLURAL_ADMIN:
                continue
            noun = _PLURAL_ADMIN[tt.lower[k]]
            j = k
            while j > 0:
                e = j
                while j > 0 and _CAP.match(tt.text[j - 1]) and j - 1 not in taken and not doc[j - 1].is_sent_start:
                    j -= 1
                if j == e:
                    break
                span = doc[j:e]
                if any(c.place.precision == "admin2" and c.quality <= 3
                       for c in self.gazetteer.lookup(f"{span.text} {noun}")):
                    out.append(span)
                    taken.update(range(span.start, span.end))
                if j > 0 and tt.lower[j - 1] in (",", "and", "&"):
                    j -= 1
                    if j > 0 and tt.lower[j - 1] == "," and tt.lower[j] == "and":
                        j -= 1
                else:
                    break
        return out

    def _admin2_phrases(self, doc: Doc, text: str, taken: set[int]) -> list[Span]:
        out = []
        for m in _ADMIN2_WORD.finditer(text):
            word = doc.char_span(m.start(), m.end())
            if word is None or word.start == 0 or word.start in taken:
                continue
            i = word.start
            j = i
            while j - 1 >= 0 and i - (j - 1) <= 3 and _CAP.match(doc[j - 1].text) and j - 1 not in taken \
                    and not doc[j - 1].is_sent_start:
                j -= 1
            if j < i:
                span = doc[j:i + 1]
                if any(c.place.precision == "admin2" and c.quality <= 3 for c in self.gazetteer.lookup(span.text)):
                    out.append(span)
                    taken.update(range(span.start, span.end))
        return out

    @staticmethod
    def _after_place_noun(lower: list[str], start: int) -> bool:
        """Right after "village of", "the town of" ... (``lower``: the doc's lower-case words)"""
        return start >= 2 and lower[start - 1] == "of" and lower[start - 2] in PLACE_NOUNS

    def _based_lead(self, ent: Span, lower: list[str]) -> Span | None:
        """The place in "[X-based ...]": the capitalised words the entity opens with (see `_based_at`)."""
        doc = ent.doc
        k = ent.start
        while k < ent.end and _CAP.match(doc[k].text):
            k += 1
        lead = doc[ent.start:k]
        return lead if k > ent.start and self._based_at(lower, k, lead.text) else None

    def _based_at(self, lower: list[str], end: int, text: str) -> bool:
        """``text``, ending before token ``end``, is where something is based ("a Northbrook-based retailer")
        and a place the gazetteer knows."""
        return end + 1 < len(lower) and lower[end] == "-" and lower[end + 1] == "based" and self._known(text)

    def _before_an_attack(self, lower: list[str], end: int, text: str) -> bool:
        """``text``, ending before token ``end``, is a notable town that names the attack after it ("the
        Manchester suicide bombing", "the Nairobi mall attack"; up to two lower-case words between)."""
        nouns = load_wordlists("places")["attack_nouns"]
        for k in range(end, min(end + 3, len(lower))):
            if lower[k] in nouns:
                return self._notable(text)
            if not lower[k].isalpha():
                return False
        return False

    def _before_its_people(self, lower: list[str], end: int, text: str) -> bool:
        """``text``, ending before token ``end``, is a notable town whose people or officials follow
        ("an Alexandria woman", "Grovetown police"; `RESIDENT_NOUNS`)."""
        return end < len(lower) and lower[end] in RESIDENT_NOUNS and self._notable(text)

    def _longer_place(self, doc: Doc, ent: Span) -> Span | None:
        """The place a name is the end of, with the one or two capitalised words before it that the tagger left
        out, where the gazetteer knows the whole by that name ("Dera Ismail Khan", not "Ismail Khan")."""
        for k in (1, 2):
            start = ent.start - k
            if start < ent.sent.start or not doc[start].is_title or doc[start].is_sent_start:
                return None
            longer = doc[start:ent.end]
            if any(c.quality == 0 for c in self.gazetteer.lookup(longer.text)):
                return longer
        return None

    @staticmethod
    def _before_place_noun(lower: list[str], end: int) -> bool:
        """Right before "city", "village", "province" ... ("Aleppo city", "Shawa village")."""
        return end < len(lower) and lower[end] in PLACE_NOUNS_AFTER

    @staticmethod
    def _after_locative(lower: list[str], start: int) -> bool:
        i = start - 1
        while i >= 0 and lower[i] == "the":
            i -= 1
        return i >= 0 and lower[i] in LOCATIVE

    @staticmethod
    def _before_a_distance(lower: list[str], end: int) -> bool:
        """"Sake, 25 km west of Goma", "Minova, about 40 km (25 miles) west of Goma": a distance and a direction from
        somewhere after the name say it is a place."""
        k = end + 1 if end < len(lower) and lower[end] == "," else -1
        if k < 0:
            return False
        if k < len(lower) and lower[k] in ("about", "some", "around", "nearly", "roughly"):
            k += 1
        return k + 3 < len(lower) and any(ch.isdigit() for ch in lower[k]) \
            and lower[k + 1] in _DISTANCE_UNITS and lower[k + 2] in DIRECTION_WORDS and lower[k + 3] == "of"

    @staticmethod
    def _paired_with_a_place(lower: list[str], end: int) -> bool:
        """"between X and the nearby village of Y": X is paired with what the text calls a place."""
        return end < len(lower) and lower[end] == "and" and any(
            lower[k] in PLACE_NOUNS and k + 1 < len(lower) and lower[k + 1] == "of"
            for k in range(end + 1, min(end + 5, len(lower))))

    def _recoverable(self, lower: list[str], start: int, text: str, end: int = -1) -> bool:
        """An untagged or mis-tagged name after a locative word, known as a notable place."""
        i = start - 1
        while i >= 0 and lower[i] == "the":
            i -= 1
        weak = i >= 0 and lower[i] in WEAK_LOCATIVE and not (
            lower[i] == "between" and end >= 0 and self._paired_with_a_place(lower, end))
        if weak:  # a big place under its own name ("Hill" is not Al Hillah)
            return self._notable(text, MIN_WEAK_POPULATION, max_quality=0)
        return self._notable(text)

    def spans(self, doc: Doc, text: str | None = None) -> tuple[list[Span], Counter]:
        """Place spans of the doc (sorted, non-overlapping) and demonym country evidence."""
        gaz = self.gazetteer
        tt = token_table(doc)
        words, lower = tt.text, tt.lower
        out: list[Span] = filter_spans([doc[a:b] for _, a, b in self.curated_matcher()(doc)])
        evidence: Counter = Counter()
        people = _surnames(doc)  # the article's people: their surnames are not towns
        actors = get_actor_dictionary()
        taken = {i for sp in out for i in range(sp.start, sp.end)}
        org_heads: list[Span] = []
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                # inside a curated feature: only the countries it names stay as places of their own
                # ("the Iraq-Syria border" is also in Iraq and in Syria)
                if ent.label_ == "GPE" and any(c.place.precision == "country" for c in gaz.lookup(ent.text)):
                    out.append(ent)
                continue
            if self.recover and ent.label_ in ("PERSON", "ORG") and self._before_place_noun(lower, ent.end) \
                    and (longer := self._longer_place(doc, ent)) is not None:
                out.append(longer)  # "Pakistan's Dera Ismail Khan district" ("Ismail Khan" tagged a person)
                taken.update(range(longer.start, longer.end))
                continue
            if ent.label_ in ("ORG", "PERSON") and (known := actors.lookup(ent.text)) is not None \
                    and known.kind != "state" and not self._region_name(ent.text):
                continue  # "talking to Hamas", "the Obama administration": the dictionary's group or person
            dem = gaz.demonym(ent.text)
            if dem and not any(c.place.precision == "country" for c in gaz.lookup(ent.text)):
                evidence[dem] += 1
                continue
            if ent.label_ in PLACE_LABELS and _harmed_person(ent.root) and not self._region_name(ent.text):
                continue  # "Zubaydah was shot and wounded": a person the tagger took for a place
            if ent.label_ in PLACE_LABELS and (ends := self._route_ends(ent)):
                out.extend(ends)  # "on the Abuja-Kaduna highway": the towns the road joins
            elif ent.label_ in PLACE_LABELS:
                out.append(ent)
            elif self.recover and ent.label_ in RECOVER_LABELS and self._after_locative(lower, ent.start) \
                    and self._recoverable(lower, ent.start, ent.text, ent.end):
                out.append(ent)
            elif self.recover and ent.label_ in RECOVER_LABELS and self._after_place_noun(lower, ent.start):
                out.append(ent)
            elif self.recover and ent.label_ in ("PERSON", "ORG") and listed_after_towns(ent) \
                    and self._notable(ent.text, MIN_LIST_POPULATION, max_quality=0):
                out.append(ent)  # "shelled several Armenian towns ..., including Jermuk and Goris" (tagged persons)
            elif self.recover and ent.label_ in ("PERSON", "ORG") and self._before_a_distance(lower, ent.end):
                out.append(ent)  # "an M23 attack on Sake, 25 km west of Goma" (tagged an organisation)
            elif self.recover and ent.label_ in RECOVER_LABELS and (ent.label_ != "NORP" or self._owned_by_a_place(
                    doc, ent)) and self._before_place_noun(lower, ent.end):
                # "Aleppo city", "Shawa village", "Kashmir's Shopian district" (tagged a group, inside a place the
                # possessive names): the text says it is a place (not "a Kurdish city", "an Arab village")
                out.append(ent)
            elif self.recover and ent.label_ in ("PERSON", "ORG") and _object_of_attack(ent.root) \
                    and self._notable(ent.text, MIN_RECOVER_POPULATION, max_quality=0):
                out.append(ent)  # "captured Knin", "stormed Giza" (tagged a person): a town the attack acts on
            elif self.recover and ent.label_ in RECOVER_LABELS and ent.label_ != "NORP" \
                    and self._before_an_attack(lower, ent.end, ent.text):
                out.append(ent)  # "the Manchester suicide bombing": where it happened
            elif self.recover and ent.label_ in RECOVER_LABELS and self._before_its_people(lower, ent.end, ent.text):
                out.append(ent)  # "an Alexandria woman", "Fargo Mayor Dennis Walaker": a town's people
            elif self.recover and ent.label_ in RECOVER_LABELS and (based := self._based_lead(ent, lower)) is not None:
                out.append(based)  # "[Northbrook-based Crate & Barrel]": where the organisation is based
                taken.update(range(based.start, based.end))
                continue
            elif self.recover and ent.label_ in ("ORG", "PERSON") and (ent.label_ == "ORG" or len(ent) > 1) \
                    and self._region_name(ent.text):
                out.append(ent)  # a country or state tagged as an organisation or person ("Sri Lanka's")
            elif self.recover and ent.label_ in ("DATE", "TIME") and ent.text[:1].isupper() \
                    and not any(t.like_num for t in ent) and self._country_name(ent.text):
                out.append(ent)  # "killed in Niger" (tagged a date): a country's own name is no date
            elif self.recover and ent.label_ == "ORG" and (head := self._place_headed(ent)) is not None:
                org_heads.append(head)  # "the Georgia School Boards Association", "Athens Police Department"
                continue
            else:
                continue
            taken.update(range(ent.start, ent.end))
        if org_heads:
            # a town opening an organisation's name counts when the document also names it as a place
            named = {normalise(sp.text) for sp in out}
            for head in org_heads:
                civic = head.end < len(lower) and lower[head.end] in CIVIC_WORDS
                if self._region_name(head.text) or normalise(head.text) in named or civic:
                    out.append(head)
                    taken.update(range(head.start, head.end))
        if self.recover:
            ent_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
            n = len(doc)
            sent_starts = set(tt.sent_starts or (0,))
            i = 0
            while i < n:
                # a capitalised word, outside the entities, not opening a sentence (doc[0] always does)
                if i in ent_tokens or not _CAP.match(words[i]) or i in sent_starts:
                    i += 1
                    continue
                j = i
                while j + 1 < n and _CAP.match(words[j + 1]) and j + 1 not in ent_tokens:
                    j += 1
                # "the village of X", "X village", and names that end in their kind of place ("Bama Town")
                named = self._after_place_noun(lower, i) or self._before_place_noun(lower, j + 1) \
                    or (j > i and lower[j] in PLACE_NOUNS_AFTER)
                run = " ".join(words[i:j + 1])
                named = named or self._before_its_people(lower, j + 1, run) or self._based_at(lower, j + 1, run)
                # "in the capital Maputo" (untagged): a capital's name after the word
                named = named or (i >= 1 and lower[i - 1] == "capital" and self._notable(run, MIN_RECOVER_POPULATION, 0))
                if not named and i >= 2 and lower[i - 1] == "-" and words[i - 2] in _PARTY_TAGS \
                        and j + 1 < n and words[j + 1] in (",", ")") and self._known(run):
                    named = True  # "Rep. Torrey Westrom, R-Elbow Lake,": a legislator's home town or state
                attacked = not named and _object_of_attack(doc[j]) and self._notable(
                    " ".join(words[i:j + 1]), MIN_WEAK_POPULATION, max_quality=0)
                if not (named or attacked or self._after_locative(lower, i)):
                    i += 1
                    continue
                span = doc[i:j + 1]
                if not (set(range(i, j + 1)) & taken) and (named or attacked or self._recoverable(lower, i, span.text, j + 1)):
                    out.append(span)
                    taken.update(range(i, j + 1))
                i = j + 1
            text = doc_text(doc) if text is None else text
            for span in self._datelines(doc, text):
                if not any(t in taken for t in range(span.start, span.end)):
                    out.append(span)
                    taken.update(range(span.start, span.end))
            out.extend(self._admin2_phrases(doc, text, taken))
            out.extend(self._coordinated_counties(doc, taken))
            out.extend(self._containers(doc, sorted(out, key=lambda s: s.start), taken))
            out.extend(self._list_members(doc, out, taken, people))
        # a place that names a disease ("West Nile virus", "Reston ebolavirus", "Lassa fever") is no place
        out = [sp for sp in out if not (sp.end < len(lower) and lower[sp.end] in DISEASE_WORDS)]
        out = self._without_qualifiers(out, lower)
        # "the Liberian-flagged Tutor", "the Greek-owned Eternity C": a ship, not a place
        vessel = load_wordlists("places")["vessel_cues"]
        out = [sp for sp in out if not (sp.start >= 2 and lower[sp.start - 1] in vessel and lower[sp.start - 2] == "-")]
        # a place's name has a capital ("meth", "n't" tagged GPE are no places), and is no disease ("Ebola", "H5N1")
        diseases = load_wordlists("places")["disease_names"]
        out = [sp for sp in out if any(ch.isupper() for ch in sp.text) and sp.text.lower() not in diseases]
        if people:
            # "coach Ripley ... Ripley said": a person's surname, not the town of that name (a country or
            # first-level region keeps its reading: "Georgia", "Jordan")
            out = [sp for sp in out if not (len(sp) == 1 and sp.text in people and not any(
                c.place.precision in ("country", "admin1") for c in gaz.lookup(sp.text)))]
        out.sort(key=lambda s: s.start_char)
        return out, evidence

    def __call__(self, doc: Doc) -> Doc:
        if any(len(e) > 2 and any(t.text == "," for t in e) for e in doc.ents):  # (doc.ents is rebuilt only then)
            parts = [part for ent in doc.ents for part in _list_parts(ent)]
            if len(parts) != len(doc.ents):
                doc.ents = parts
        text = doc_text(doc)
        spans, evidence = self.spans(doc, text)
        resolver = Resolver(self.gazetteer)
        mentions: list[PlaceMention] = resolver.resolve(
            text, [(s.start_char, s.end_char) for s in spans], context_countries=evidence)
        doc._.strife_places = mentions
        return doc


# capitalised words that open a place's name or a title, not a person's forename ("Historic Dublin", "Village Malakal")
_NOT_FORENAMES = PLACE_NOUNS | DIRECTION_WORDS | frozenset({"the", "historic", "old", "new", "downtown", "uptown", "greater",
                                                             "fort", "port", "lake", "mount", "saint", "san", "santa"})


def _surnames(doc: Doc) -> set[str]:
    """The surnames the article gives people: the last word of a PERSON name of two or more words, and
    the last capitalised word after a person's title ("coach Ripley", "Police Chief Martin Underhill")."""
    tt = token_table(doc)
    words, lower = tt.text, tt.lower
    titles = load_wordlists("places")["person_title_words"]
    out = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and 2 <= len(ent) <= 3
           and all(t.is_alpha and _CAP.match(t.text) for t in ent) and not _NOT_FORENAMES & {t.lower_ for t in ent[:-1]}}
    n = len(words)
    for i in range(n - 1):
        if lower[i] in titles and _CAP.match(words[i + 1]):
            j = i + 1
            while j + 1 < n and _CAP.match(words[j + 1]):
                j += 1
            out.add(words[j])
    return out


def _list_parts(ent: Span) -> list[Span]:
    """An entity the tagger ran over a list's commas ("the cities of [Mombasa, Kisumu] and Nakuru"): its members,
    when each after the first is coordinated with one before it ("Paris, Texas" and "Kisumu, Kenya" stay whole)."""
    commas = [t.i for t in ent if t.text == ","]
    if not commas:
        return [ent]
    bounds = [ent.start, *commas, ent.end]
    parts = [ent.doc[a + (k > 0):b] for k, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    if any(not len(p) for p in parts) or not all(p.root.dep_ == "conj" and p.root.head.i < p.start for p in parts[1:]):
        return [ent]
    return [Span(ent.doc, p.start, p.end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_) for p in parts]


@Language.factory("strife_places", assigns=["doc._.strife_places", "doc.ents"], requires=["doc.ents"],
                  default_config={"recover": True})
def make_places(nlp: Language, name: str, recover: bool) -> PlacesComponent:
    return PlacesComponent(nlp, name, recover=recover)
