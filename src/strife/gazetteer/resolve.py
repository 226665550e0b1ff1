"""Choose the right gazetteer entry for each place name of a document, in context.

Evidence, in order of strength:

1. containment written out: "Palestine, Texas", "Lebanon, Pa.", "Paris, France" restrict the
   first name to places inside the second (and the document's other mentions of the same
   name follow: one sense per discourse);
2. country names mean the country (unless 1. says otherwise);
3. document coherence, solved jointly over all names of the document: each candidate is
   supported by the *probability* that the other names lie in its country, in its first-level
   region, or within 150 km of it (an iterative soft assignment, so an ambiguous neighbour
   votes with all its readings, weighted);
4. priors: population, feature type, national capital, how the name matched.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from strife.gazetteer.build import Q_NO_ARTICLE, Q_NO_SUFFIX
from strife.gazetteer.index import Candidate, Gazetteer
from strife.gazetteer.model import Place, PlaceMention
from strife.gazetteer.names import POSSESSIVE, admin_key, normalise, skeleton, strip_suffix

_MODIFIERS = ("north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
              "northeast", "northeastern", "northwest", "northwestern", "southeast", "southeastern",
              "southwest", "southwestern", "north east", "north west", "south east", "south west",
              "greater", "downtown", "upstate", "rural", "metro", "metropolitan", "the",
              "city of", "town of", "village of", "township of", "borough of")
_GENERIC_TAILS = ("city", "town", "village", "area", "region", "metro area", "metropolitan area", "district",
                  "suburbs", "countryside", "outskirts", "township", "twp")
_MOD_RE = re.compile(r"^(?:" + "|".join(sorted((re.escape(m) for m in _MODIFIERS), key=len, reverse=True))
                     + r")[\s-]+", re.IGNORECASE)
_TAIL_RE = re.compile(r"\s+(?:" + "|".join(re.escape(t) for t in _GENERIC_TAILS) + r")\.?$", re.IGNORECASE)
# a natural feature named after a place ("Kanawha River", "Lake Cumberland"): when the gazetteer lacks the
# feature, the place of that name stands for it, but only close to the document's other places
_FEATURE_RE = re.compile(r"^(?:(?:Lake|Mount|Mt\.?|River|Port\s+of)\s+(?P<a>.+)|(?P<b>.+?)\s+(?:River|Creek|Lake|Valley|"
                         r"Mountains?|Island|Islands|Bay|Reservoir|Park|National\s+Park|Forest|Canyon|Falls))$")
# abbreviations of generic words, expanded as extra query forms ("Platte Co." -> "Platte County")
_ABBREVIATIONS = ((re.compile(r"\bCo\.?$"), "County"), (re.compile(r"^Mt\.?\s"), "Mount "),
                  (re.compile(r"^Ft\.?\s"), "Fort "), (re.compile(r"^St\.?\s"), "Saint "),
                  (re.compile(r"^Pt\.?\s"), "Point "))
# ", <Region>" right after a name: up to four capitalised words (abbreviations keep their dot)
_CONTAINER_RE = re.compile(r"\s*,\s*((?:[A-Z][\w'’.\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*){0,3})")
WITHIN_GAP_CHARS = 60  # the most characters between a name the gazetteer lacks and the region said to contain it
# the words between a name the gazetteer lacks and the region the text puts it in: ", " ("Jangebe, Zamfara
# state"), " in " ("Masisi in Congo's North Kivu province"), ", a strategic town in " ("Dilling, a strategic town
# in South Kordofan state"); a country's possessive may come first ("in Congo's"), a direction before either
# ("in central Mali", "in Congo's eastern North Kivu province")
_DIRECTION = r"(?:(?:(?:north|south)(?:east|west)?|east|west)(?:ern)?\s+|central\s+)?"
_WITHIN_GAP_RE = re.compile(r"^\s*(?:,\s*(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,3}?(?:in|of)\s+)?|(?:in|of)\s+)"
                            r"(?:the\s+)?" + _DIRECTION + r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:'s|’s)\s+)?(?:the\s+)?"
                            + _DIRECTION + "$")
# ... or the region or town written right before it: "Baghdad's western Amriya district", "south Kabul's Darulaman
# Palace", "the south Baghdad neighbourhood of Al-Bayaa", "the eastern Algiers suburb of Oued Kniss"
_DEMONYM_KIND_RE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:village|town|city|hamlet|settlement|district|"
                              r"province|region|state|county)\s+of\s+(?:the\s+)?$")
_WITHIN_BEFORE_RE = re.compile(r"^(?:(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}|\s+(?:district|neighbou?rhood|suburb|quarter|"
                               r"township|area)\s+of\s+(?:the\s+)?)$")

# scoring weights
W_POP = 0.35
W_COUNTRY = 3.0
W_ADMIN1 = 1.8
W_ADMIN2 = 1.5               # same county/district as another name ("Huntsville" and "Walker County")
W_NEIGHBOUR = 1.5            # in a country bordering the document's countries ("Gaza" with "Israel")
W_NEAR = 1.6
W_MID = 0.5
W_CAPITAL = 1.6
SHADOWED_ALTERNATE = -1.2    # a town's alternate name when other places carry it as their own name
SHADOWED_BY_REGION = -1.5    # a small town named like a first-level region of its country ("Kansas", Ill.)
CUE_CAP = 2.0                # most country evidence a document's locale cues give ("$", "sheriff")
REGION_SHARE = 0.6           # country support of world regions and seas (they lie in no one country)
TOWN_OVER_COUNTRY = 0.0      # score margin (with local support) for a town to beat a country name
NEARBY_CHARS = 200           # how far an unknown name looks for a resolved neighbour's country
NEAR_KM = 150.0
MID_KM = 400.0
MAX_CANDIDATES = 25          # per name, best priors first (bounds the joint step)
ITERATIONS = 3
SHARPNESS = 2.0              # inverse temperature of the soft assignment
KIND_BONUS = {"country": 2.5, "admin1": 1.2, "region": 2.5, "point": 2.5, "admin2": -0.6, "city": 0.0}
QUALITY_PENALTY = {0: 0.0, 1: -0.25, 2: -0.9, 3: -0.1, 4: -1.6}
_AREAL = ("country", "admin1", "region")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


_ADMIN1_AFTER = re.compile(r"\s+(?:state|province|governorate|oblast|krai|prefecture|region)\b", re.IGNORECASE)
_ADMIN1_BEFORE = re.compile(r"\b(?:state|province|governorate|oblast|prefecture|region) of\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"\s+(?:city|town)\b", re.IGNORECASE)
_CITY_BEFORE = re.compile(
    r"\b(?:(?:city|town) of|(?:largest|biggest|second[- ]largest|third[- ]largest|port|border|coastal|"
    r"frontline|front-line|garrison|holy|capital|main|key|strategic|eastern|western|northern|southern|central)"
    r" (?:city|town),?|capital,?)\s+$", re.IGNORECASE)
KIND_HINT_BONUS = 2.0
WATER_WORDS = frozenset({"sea", "gulf", "ocean", "strait", "straits", "channel", "bay"})  # a name ending so is water
WEAK_ARTICLE_MIN_POPULATION = 100_000  # a town this big, named without its article, is no weak match
NAMESAKE_CITY = 1.5          # margin by which a bare name is the city its first-level region is named after


def _kind_hint(text: str, start: int, end: int) -> str | None:
    """What the words around a name say it is: a province ("Kaduna state", "Kharkiv region") or a city
    ("the city of Kharkiv", "Aleppo city")."""
    after = text[end:end + 16]
    if _ADMIN1_AFTER.match(after) or _ADMIN1_BEFORE.search(text[max(0, start - 24):start]):
        return "admin1"  # "Kaduna state", "the Gulf state of Veracruz"
    if _CITY_AFTER.match(after) or _CITY_BEFORE.search(text[max(0, start - 24):start]):
        return "city"
    return None


def _distance_matrix(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Pairwise great-circle distances (km) between points given in degrees."""
    la, lo = np.radians(lat), np.radians(lon)
    dla = la[:, None] - la[None, :]
    dlo = lo[:, None] - lo[None, :]
    a = np.sin(dla / 2) ** 2 + np.cos(la)[:, None] * np.cos(la)[None, :] * np.sin(dlo / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


@dataclass(slots=True)
class _Slot:
    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    demonym: str | None = None
    container: Place | None = None   # "X, <container>" written in the text
    feature: bool = False            # candidates are those of the place a natural feature is named after
    best: Candidate | None = None
    score: float = 0.0
    support: float = 0.0             # country + local support of the chosen candidate
    local: float = 0.0               # admin/nearby support of the chosen candidate
    kind_hint: str | None = None     # "admin1" ("Kaduna state"), "city" ("the city of Kharkiv"): the words around it


@dataclass(slots=True)
class _Group:
    """All mentions of one name in a document: resolved together (one sense per discourse)."""

    key: str
    slots: list[_Slot]
    candidates: list[Candidate]
    prior: np.ndarray = field(default_factory=lambda: np.zeros(0))
    forced: int | None = None        # index of a country that the name must mean
    container: Place | None = None
    prob: np.ndarray = field(default_factory=lambda: np.zeros(0))
    local: np.ndarray = field(default_factory=lambda: np.zeros(0))  # admin/nearby support per candidate
    country_support: np.ndarray = field(default_factory=lambda: np.zeros(0))  # other names in its country


def clean_name(text: str) -> list[str]:
    """Query forms of a mention, best first: as written, then without possessive/modifiers/tails."""
    forms = [text.strip()]
    cur = POSSESSIVE.sub("", forms[0]).strip()
    for _ in range(3):
        nxt = _TAIL_RE.sub("", _MOD_RE.sub("", cur)).strip()
        if nxt == cur:
            break
        cur = nxt
    for f in (POSSESSIVE.sub("", forms[0]).strip(), cur):
        if f and f not in forms:
            forms.append(f)
    for f in list(forms):
        for pattern, repl in _ABBREVIATIONS:
            g = pattern.sub(repl, f)
            if g != f and g not in forms:
                forms.append(g)
    return forms


@lru_cache(maxsize=1)
def locale_cues() -> tuple[tuple[re.Pattern, str, float], ...]:
    """(pattern, ISO3, weight) rows of data/gazetteer/locale_cues.tsv."""
    from strife.gazetteer.build import DATA_DIR

    rows = []
    for line in (DATA_DIR / "locale_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, iso3, weight = line.split("\t")
        rows.append((re.compile(pattern), iso3, float(weight)))
    return tuple(rows)


def required_literal(pattern: re.Pattern) -> str:
    """The longest run of plain characters every match of the pattern contains ("heriff" for
    ``\\b[Ss]heriff``), or "" when there is none (a top-level alternation): a text without it
    cannot match, so the regex need not run."""
    from re import _parser as sre_parse  # the standard library's own regex parser

    best, run = "", ""
    for op, arg in sre_parse.parse(pattern.pattern, pattern.flags):
        if op is sre_parse.LITERAL and not pattern.flags & re.IGNORECASE:
            run += chr(arg)
            best = max(best, run, key=len)
        elif op is sre_parse.AT:  # \b, ^, $: zero-width, the run goes on
            continue
        else:
            run = ""
    return best


@lru_cache(maxsize=1)
def _cue_literals() -> tuple[str, ...]:
    return tuple(required_literal(p) for p, _, _ in locale_cues())


def _expansions(form: str) -> list[str]:
    """Spellings of a form with its abbreviated generic words written out."""
    out = []
    for pattern, repl in _ABBREVIATIONS:
        g = pattern.sub(repl, form)
        if g != form and g not in out:
            out.append(g)
    return out


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


_TOWN_LEVELS = frozenset({"city", "point"})
_IN_TOWN_RE = re.compile(r"^\s+in\s+(?:the\s+)?$")  # "Richmond Park in Glasgow"
_IN_COUNTRY_RE = re.compile(r"^\s+in\s+(?:the\s+)?" + _DIRECTION + "$")  # "the village of Welingara in central Mali"
TOWN_RADIUS_KM = 50.0  # a neighbourhood the text puts in a town lies within this of the town's point


def _outside(place: Place, region: Place) -> bool:
    """Is a town not where the text puts it: another country, or farther than TOWN_RADIUS_KM from the town
    it is said to be part of?"""
    if place.country != region.country:
        return True
    return region.precision in _TOWN_LEVELS and place.lat is not None and region.lat is not None \
        and haversine_km(place.lat, place.lon, region.lat, region.lon) > TOWN_RADIUS_KM


class Resolver:
    """Resolve spans of a text to places."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def candidates(self, text: str, allow_fuzzy: bool = True) -> tuple[Candidate, ...]:
        forms = clean_name(text)
        for form in forms:
            found = self.gaz.lookup(form)
            if found:
                # "Mt. Pleasant" is also "Mount Pleasant": the expanded spelling adds its places
                seen = {c.place.place_id for c in found}
                extra = [c for f in _expansions(form) for c in self.gaz.lookup(f)
                         if c.place.place_id not in seen and not seen.add(c.place.place_id)]
                if not any(c.place.precision in _AREAL for c in found):
                    # "south Lebanon" is also a part of Lebanon, not only a town in Ohio: the country or
                    # region the name without its modifier names competes ("South Africa" stays itself)
                    bare = _MOD_RE.sub("", form).strip()
                    extra += [c for c in (self.gaz.lookup(bare) if bare != form else ())
                              if c.place.precision in _AREAL and c.place.place_id not in seen
                              and not seen.add(c.place.place_id)]
                return found + tuple(extra)
        if allow_fuzzy:
            for form in forms:
                found = self.gaz.fuzzy_lookup(form)
                if found:
                    # the fuzzy layer never invents small places: keep notable ones only
                    return tuple(c for c in found if c.place.precision != "city" or c.place.population >= 1000)
        return ()

    def _regions_of_seats(self, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """"Deir al-Zor province" where only the city answers to that spelling: the first-level region the
        city names (its region of the same name), as a candidate of the quality of the city's match."""
        if any(c.place.precision == "admin1" for c in cands):
            return ()
        out: list[Candidate] = []
        seen: set[int] = set()
        for c in cands:
            p = c.place
            if p.precision != "city" or not p.admin1 or admin_key(p.name) != admin_key(p.admin1):
                continue
            for r in self.candidates(p.admin1, allow_fuzzy=False):
                if r.place.precision == "admin1" and r.place.country == p.country and r.place.place_id not in seen:
                    seen.add(r.place.place_id)
                    out.append(Candidate(r.place, c.quality, c.fuzzy))
        return tuple(out)

    def resolve(self, text: str, spans: list[tuple[int, int]], *, demonyms_as_countries: bool = False,
                allow_fuzzy: bool = True, context_countries: Counter | None = None) -> list[PlaceMention]:
        """Resolve each (start, end) span of `text`; one PlaceMention per span, in the given order."""
        slots: list[_Slot] = []
        for start, end in spans:
            if not (0 <= start < end <= len(text)):
                raise ValueError(f"span ({start}, {end}) out of range for text of length {len(text)}")
            surface = text[start:end]
            dem = self.gaz.demonym(surface)
            cands = self.candidates(surface, allow_fuzzy=allow_fuzzy)
            if demonyms_as_countries and not dem and not cands:
                # a world region's adjective ("European", "West African") stands for the region
                region = self.gaz.region_demonym(surface)
                cands = (Candidate(region, 0, False),) if region is not None else ()
            if dem and not any(c.place.precision == "country" for c in cands):
                cands = ()
            feature = False
            m = _FEATURE_RE.match(surface.strip()) if not cands and not dem else None
            if m is not None:
                cands = tuple(c for c in self.candidates(m.group("a") or m.group("b"), allow_fuzzy=False)
                              if c.place.precision in ("city", "admin2") and c.quality <= 1)
                feature = bool(cands)
            hint = _kind_hint(text, start, end)
            if hint == "admin1":
                cands = cands + self._regions_of_seats(cands)
            slots.append(_Slot(start, end, surface, cands, demonym=dem, feature=feature, kind_hint=hint))
        for s in slots:
            if s.candidates:
                s.container = self._container(text, s)

        # ---- document evidence (countries named by nationality words)
        evidence = Counter(context_countries or {})
        for dem in self._demonyms_in(text):
            evidence[dem] += 0.5
        cue_weight: Counter = Counter()
        for (pattern, iso3, weight), literal in zip(locale_cues(), _cue_literals()):
            if literal in text and pattern.search(text):
                cue_weight[iso3] += weight
        for iso3, w in cue_weight.items():
            evidence[iso3] += min(w, CUE_CAP)
        for s in slots:
            if s.demonym and not s.candidates:
                evidence[s.demonym] += 1.0

        groups = self._groups(slots)
        self._solve(groups, evidence)

        doc_country = self._dominant_country(slots, evidence)
        for s in slots:
            if s.best is not None and (self._unsupported_weak_match(s, doc_country) or (s.feature and s.local <= 0)):
                s.best, s.score = None, 0.0
        out: list[PlaceMention] = []
        within: dict[str, Place] = {}  # a name the gazetteer lacks -> the region the text puts it in (once is enough)
        for s in slots:
            if s.text in within or (s.best is not None and s.best.place.precision not in _TOWN_LEVELS):
                continue
            region = self._region_around(text, s, slots, lists=s.best is None) or self._demonym_region(text, s)
            if region is not None and (s.best is None or _outside(s.best.place, region)):
                # a town of the same name elsewhere ("Baghdad's northern al-Husseiniya district" read as a town
                # in Egypt) yields to where the text puts it, at this mention (a name the gazetteer lacks: at
                # every mention)
                within[s.text] = region
                s.best = None
        for s in slots:
            if s.best is not None:
                out.append(PlaceMention(s.start, s.end, s.text, s.best.place, s.best.place.country, s.score))
            elif s.demonym:
                place = (self.gaz.region_demonym(s.text) or self.gaz.country(s.demonym)) if demonyms_as_countries \
                    else None
                out.append(PlaceMention(s.start, s.end, s.text, place, s.demonym, 0.5 if place else 0.0))
            elif (region := within.get(s.text)) is not None:
                # a village the gazetteer lacks, in a region the text names: the region's point, at its precision
                place = replace(region, name=s.text, geonames_id=None,
                                admin1=region.name if region.precision == "admin1" else region.admin1,
                                admin2=None, population=0, place_id=0, capital=False)
                out.append(PlaceMention(s.start, s.end, s.text, place, region.country, 0.5))
            else:
                out.append(PlaceMention(s.start, s.end, s.text, None, doc_country or self._nearby_country(s, slots),
                                        0.0))
        return out

    @staticmethod
    def _region_around(text: str, s: _Slot, slots: list[_Slot], lists: bool = True) -> Place | None:
        """A name (the gazetteer lacks, or knows elsewhere) that the text puts in a region (first or second
        level) or a town written right after it ("Jangebe, Zamfara state", "the town of Masisi in Congo's
        North Kivu province", "the neighborhood of Almash-had in Aleppo") or right before it ("Baghdad's
        western Amriya district"): that region or town. (``lists=False``, for a name the gazetteer knows
        elsewhere: a town after it counts only as "X in Town"; "Moscow, Kiev, Minsk" lists towns.)"""
        if s.demonym:
            return None
        for o in slots:
            if o.best is None or o.best.place.precision not in ("admin1", "admin2", "city", "country"):
                continue
            gap = text[s.end:o.start]
            if o.best.place.precision == "country" and (lists or not (s.end <= o.start and _IN_COUNTRY_RE.match(gap))):
                continue  # a country only as "X in (central) Mali", for a town the gazetteer knows elsewhere
            if not lists and o.best.place.precision == "city" and s.end <= o.start and not _IN_TOWN_RE.match(gap):
                continue
            if s.end <= o.start <= s.end + WITHIN_GAP_CHARS and _WITHIN_GAP_RE.match(gap):
                return o.best.place
            if o.end <= s.start <= o.end + WITHIN_GAP_CHARS and _WITHIN_BEFORE_RE.match(text[o.end:s.start]):
                return o.best.place
        return None

    def _demonym_region(self, text: str, s: _Slot) -> Place | None:
        """The country a nationality word gives the kind of place a name is ("the central Malian village of
        Moura": Mali, not Moura in Portugal)."""
        if s.demonym:
            return None
        m = _DEMONYM_KIND_RE.search(text, max(0, s.start - 80), s.start)
        iso = self.gaz.demonym(m.group(1)) if m is not None else None
        return self.gaz.country(iso) if iso else None

    @staticmethod
    def _nearby_country(s: _Slot, slots: list[_Slot]) -> str | None:
        """A name the gazetteer lacks, in a document of several countries: the country of the closest
        resolved name around it (within NEARBY_CHARS), if any."""
        best, best_gap = None, NEARBY_CHARS + 1
        for o in slots:
            country = o.best.place.country if o.best is not None else o.demonym
            if o is s or not country:
                continue
            gap = s.start - o.end if o.end <= s.start else o.start - s.end
            if 0 <= gap < best_gap:
                best, best_gap = country, gap
        return best

    # ---- containment ("Palestine, Texas")
    def _container(self, text: str, s: _Slot) -> Place | None:
        """The admin1 region or country written right after the mention (", Texas"), if any."""
        m = _CONTAINER_RE.match(text, s.end)
        if m is None:
            return None
        words = m.group(1).split()
        own_countries = {c.place.country for c in s.candidates}
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if n < len(words) or not phrase.endswith("."):
                phrase = phrase.rstrip(".,")
            found = [c for c in self.gaz.lookup(phrase) if c.quality <= 1 and c.place.precision in ("admin1", "country")]
            if not found:
                continue
            found.sort(key=lambda c: (c.place.country not in own_countries, c.place.precision != "admin1",
                                      -c.place.population))
            return found[0].place
        return None

    @staticmethod
    def _inside(p: Place, container: Place) -> bool:
        if p.country != container.country or p.place_id == container.place_id:
            return False
        return container.precision == "country" or (p.admin1 == container.admin1 and p.precision != "admin1")

    # ---- grouping and priors
    def _groups(self, slots: list[_Slot]) -> list[_Group]:
        by_key: dict[str, _Group] = {}
        for s in slots:
            if not s.candidates:
                continue
            key = normalise(POSSESSIVE.sub("", s.text.strip())) or normalise(s.text)
            g = by_key.get(key)
            if g is None:
                by_key[key] = g = _Group(key, [], list(s.candidates))
            g.slots.append(s)
        groups = list(by_key.values())
        for g in groups:
            self._constrain(g)
            # the largest place carrying the name as its own name (an alternate name of a much larger
            # city, "Mecca" for Makkah, is not shadowed by a small town's own name)
            exact = max((c.place.population for c in g.candidates if c.quality == 0), default=-1)
            regions = {c.place.country: c.place.population for c in g.candidates
                       if c.quality == 0 and c.place.precision == "admin1"}
            hinted = next((x for x in g.slots if x.kind_hint), g.slots[0])
            priors = [self._prior(c, hinted, exact) for c in g.candidates]
            region_names = {(c.place.country, c.place.admin1) for c in g.candidates
                            if c.quality == 0 and c.place.precision == "admin1"}
            namesake: dict[tuple, float] = {}  # (country, region) -> prior of the city the region is named after
            for i, c in enumerate(g.candidates):
                if c.place.precision != "city":
                    continue
                if c.place.population < 0.05 * regions.get(c.place.country, 0):
                    priors[i] += SHADOWED_BY_REGION
                elif c.quality == 0 and (key := (c.place.country, c.place.admin1)) in region_names:
                    namesake[key] = max(namesake.get(key, priors[i]), priors[i])
            if hinted.kind_hint != "admin1":
                for i, c in enumerate(g.candidates):
                    key = (c.place.country, c.place.admin1)
                    if c.place.precision == "admin1" and c.quality == 0 and key in namesake:
                        # "Kharkiv": the city the region is named after, not the region (and no higher than the
                        # city would rank against other countries' places: "Berlin", N.H. stays in the US)
                        priors[i] = min(priors[i], namesake[key] - NAMESAKE_CITY)
            order = sorted(range(len(priors)), key=lambda i: priors[i], reverse=True)
            keep = order[:MAX_CANDIDATES]
            if g.forced is not None and g.forced not in keep:
                keep.append(g.forced)
            forced_cand = g.candidates[g.forced] if g.forced is not None else None
            g.candidates = [g.candidates[i] for i in keep]
            g.prior = np.array([priors[i] for i in keep])
            g.forced = g.candidates.index(forced_cand) if forced_cand is not None else None
            g.prob = _softmax(g.prior)
        return groups

    def _constrain(self, g: _Group) -> None:
        """Apply written containment, then the country-name rule."""
        names_region = any(c.quality == 0 and c.place.precision in ("admin1", "country") for c in g.candidates)
        for s in g.slots:
            cont = s.container
            if cont is None:
                continue
            if names_region and cont.precision in ("admin1", "country") and any(
                    c.place.precision == cont.precision for c in g.candidates if c.quality <= 1):
                continue  # a list of regions ("Texas, Oklahoma"), not containment
            inside = [c for c in g.candidates if self._inside(c.place, cont)]
            if inside:
                g.candidates = inside
                g.container = cont
                return
        forced = self._country_first(g.candidates)
        if forced is not None and any(x.kind_hint == "admin1" for x in g.slots) and any(
                c.place.precision == "admin1" and c.quality <= 1 for c in g.candidates):
            forced = None  # "Niger state", "Mexico state": the text says it is the province of that name
        if forced is not None:
            g.forced = g.candidates.index(forced)

    @staticmethod
    def _country_first(cands: list[Candidate]) -> Candidate | None:
        """A country name (or alias) written as such is the country."""
        best = None
        for c in cands:
            if c.place.precision == "country" and c.quality <= 1:
                if best is None or c.place.population > best.place.population:
                    best = c
        return best

    def _prior(self, c: Candidate, s: _Slot, exact_population: int = -1) -> float:
        p = c.place
        score = W_POP * math.log10(p.population + 1) + KIND_BONUS.get(p.precision, 0.0)
        score += QUALITY_PENALTY.get(c.quality, -1.0)
        if p.capital:
            score += W_CAPITAL
        respelt = p.population >= 10 * max(exact_population, 1000) and skeleton(s.text) == skeleton(p.name)
        if c.quality == 1 and p.precision == "city" and not respelt:
            # a town's alternate (often historical) name is weak evidence; not a spelling of its own name that
            # only far smaller places carry as theirs ("Jenin" for Janīn, 34,730 people, beside a Polish Jenin of
            # 1,100: the English press spells the GeoNames name another way; but Pittsburg, Kansas stays
            # behind Pittsburgh)
            score -= 0.6
            if exact_population >= 0 and p.population < 10 * max(exact_population, 1000):
                score += SHADOWED_ALTERNATE
        if p.precision == "admin2":
            # "Rapides Parish", "Orange County": the suffix says admin2; a bare "Paris" does not
            score += 1.2 if strip_suffix(normalise(s.text)) != normalise(s.text) else -1.5
        if p.precision == "admin1" and p.population and p.population < 1000:
            score -= 0.5
        if s.kind_hint == "admin1" and p.precision == "admin1":
            score += KIND_HINT_BONUS  # "Kaduna state", "Deir al-Zor province": the province, not its capital
        elif s.kind_hint == "city" and p.precision == "city":
            score += KIND_HINT_BONUS  # "the city of Kharkiv", "Aleppo city": the city, not its province
        return score

    def _demonyms_in(self, text: str) -> list[str]:
        found = []
        for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?s?\b", text):
            iso = self.gaz.demonym(m.group(0)) or self.gaz.demonym(m.group(0).split()[0])
            if iso:
                found.append(iso)
        return found

    # ---- joint coherence
    def _solve(self, groups: list[_Group], evidence: Counter) -> None:
        if not groups:
            return
        flat = [(gi, c) for gi, g in enumerate(groups) for c in g.candidates]
        owner = np.array([gi for gi, _ in flat])
        n_groups = len(groups)
        pts = np.array([(c.place.lat if c.place.lat is not None else np.nan,
                         c.place.lon if c.place.lon is not None else np.nan) for _, c in flat])
        areal = np.array([c.place.precision in _AREAL for _, c in flat])
        countries = [c.place.country for _, c in flat]
        stateless = np.array([c.place.country is None and c.place.precision == "region" for _, c in flat])
        admin1s = [(c.place.country, c.place.admin1) if c.place.admin1 else None for _, c in flat]
        admin2s = [(c.place.country, c.place.admin1, c.place.admin2)
                   if c.place.admin2 and c.place.precision in ("city", "admin2", "point") else None for _, c in flat]
        # relation matrices between candidates (rows: candidate scored, cols: supporting candidate)
        cidx = {k: i for i, k in enumerate(sorted({k for k in countries if k}))}
        aidx = {k: i for i, k in enumerate(sorted({k for k in admin1s if k}))}
        bidx = {k: i for i, k in enumerate({k: None for k in admin2s if k})}
        C = np.zeros((len(flat), max(1, len(cidx))))
        A = np.zeros((len(flat), max(1, len(aidx))))
        B = np.zeros((len(flat), max(1, len(bidx))))
        for i, (k, a, b) in enumerate(zip(countries, admin1s, admin2s)):
            if k:
                C[i, cidx[k]] = 1.0
            if a:
                A[i, aidx[a]] = 1.0
            if b:
                B[i, bidx[b]] = 1.0
        # country adjacency (GeoNames neighbours) among the countries in play
        NB = np.zeros((max(1, len(cidx)), max(1, len(cidx))))
        for k, i in cidx.items():
            for n in self.gaz.neighbours(k):
                if n in cidx:
                    NB[i, cidx[n]] = 1.0
        D = _distance_matrix(np.nan_to_num(pts[:, 0]), np.nan_to_num(pts[:, 1]))
        valid = ~np.isnan(pts[:, 0])
        point_like = valid & ~areal
        near = ((D < NEAR_KM) * 1.0 + ((D >= NEAR_KM) & (D < MID_KM)) * (W_MID / W_NEAR))
        near *= point_like[None, :] & valid[:, None]  # support comes from towns/features, not regions
        base = np.zeros(max(1, len(cidx)))
        for iso, w in evidence.items():
            if iso in cidx:
                base[cidx[iso]] += w
        base_total = float(sum(evidence.values()))
        group_mask = owner[:, None] == np.arange(n_groups)[None, :]  # candidate i belongs to group g
        scores = [g.prior.copy() for g in groups]
        for _ in range(ITERATIONS):
            prob = np.concatenate([g.prob for g in groups])
            # per group: probability mass on each country / admin1 / near each candidate
            g_country = group_mask.T.astype(float) @ (prob[:, None] * C)       # (G, countries)
            g_admin1 = group_mask.T.astype(float) @ (prob[:, None] * A)        # (G, admin1s)
            g_admin2 = group_mask.T.astype(float) @ (prob[:, None] * B)        # (G, admin2s)
            g_near = (near * prob[None, :]) @ group_mask.astype(float)         # (N, G)
            tot_country = g_country.sum(axis=0)
            tot_admin1 = g_admin1.sum(axis=0)
            tot_admin2 = g_admin2.sum(axis=0)
            tot_near = g_near.sum(axis=1)
            others = max(1, n_groups - 1)
            for gi, g in enumerate(groups):
                rows = np.nonzero(owner == gi)[0]
                c_share = np.sqrt((C[rows] @ (tot_country - g_country[gi] + base)) / (others + base_total))
                c_share = np.where(stateless[rows], REGION_SHARE, c_share)
                other_countries = tot_country - g_country[gi] + base
                nb_share = np.sqrt((C[rows] @ (NB @ other_countries)) / (others + base_total))
                a_sup = A[rows] @ (tot_admin1 - g_admin1[gi])
                b_sup = B[rows] @ (tot_admin2 - g_admin2[gi])
                n_sup = tot_near[rows] - g_near[rows, gi]
                local = (W_ADMIN1 * np.minimum(a_sup, 2.0) / 2.0 + W_ADMIN2 * np.minimum(b_sup, 1.0)
                         + W_NEAR * np.minimum(n_sup, 2.0) / 2.0)
                sc = g.prior + W_COUNTRY * c_share + W_NEIGHBOUR * np.minimum(nb_share, 1.0) + local
                scores[gi] = sc
                g.local = local
                g.country_support = c_share + nb_share
            for gi, g in enumerate(groups):
                g.prob = _softmax(scores[gi] * SHARPNESS)
                top = self._choose(g, scores[gi])
                if top is not None:  # rules override the scores: the choice gets the mass
                    g.prob = np.zeros(len(g.candidates))
                    g.prob[top] = 1.0
        for gi, g in enumerate(groups):
            sc = scores[gi]
            top = self._choose(g, sc)
            if top is None:
                top = int(np.argmax(sc))
            rest = np.delete(sc, top)
            margin = float(sc[top] - rest.max()) if rest.size else 3.0
            conf = round(1.0 / (1.0 + math.exp(-1.5 * margin)), 3)
            local = float(g.local[top]) if g.local.size == sc.size else 0.0
            support = local + float(g.country_support[top]) if g.local.size == sc.size else 0.0
            for s in g.slots:
                s.best, s.score, s.support, s.local = g.candidates[top], conf, support, local

    def _choose(self, g: _Group, sc: np.ndarray) -> int | None:
        """Rule-based choice that overrides the scores (country names, towns dominating their region)."""
        top = int(np.argmax(sc))
        if g.forced is not None and top != g.forced:
            cand = g.candidates[top].place
            # an admin1 of the same name wins only with strong evidence for its country and region
            # (Georgia the state in a US story), never a town
            margin = sc[top] - sc[g.forced]
            strong = cand.precision == "admin1" and margin > 1.0
            # a town named like a country, with its neighbours or its county named around it
            # ("Lebanon" with "Myerstown" and "Lebanon County") in a document not about that country
            strong = strong or (cand.precision in ("city", "admin2") and g.candidates[top].quality == 0
                                and margin > TOWN_OVER_COUNTRY
                                and g.local.size == sc.size and g.local[top] >= 0.5)
            return top if strong else g.forced
        place = g.candidates[top].place
        text = g.slots[0].text
        if place.precision == "admin1" and (normalise(text).split() or [""])[-1] in WATER_WORDS \
                and not any(x.kind_hint == "admin1" for x in g.slots):
            # "in the Red Sea": the sea, not Egypt's (or Sudan's) Red Sea province, unless the text says so
            sea = next((i for i, c in enumerate(g.candidates) if c.place.country is None
                        and c.place.precision == "region" and c.quality == 0), None)
            if sea is not None:
                return sea
        if place.precision == "admin1" and strip_suffix(normalise(text)) == normalise(text) \
                and not any(x.kind_hint == "admin1" for x in g.slots):
            # a bare name shared by a region and the town that dominates it means the town (unless the text
            # says it is the region: "Kaduna state")
            # (a region the name matches only with its suffix taken off, "Odesa" for "Odesa Oblast", yields to
            # its town of that very name whatever their sizes)
            suffix_only = g.candidates[top].quality >= Q_NO_SUFFIX
            for i, c in enumerate(g.candidates):
                p = c.place
                if (p.precision == "city" and p.country == place.country and p.admin1 == place.admin1
                        and c.quality <= (2 if suffix_only else 1) and p.population >= 50_000
                        and (p.population >= 0.5 * place.population or suffix_only)):
                    return i
        return None if g.forced is None else g.forced

    @staticmethod
    def _unsupported_weak_match(s: _Slot, doc_country: str | None) -> bool:
        """A spelling-tolerant match, or a town known by this name only as an alternate name, far from
        everything else the document names (a document about Ohio: "Harwinton" is not Eufaula, Alabama)."""
        c = s.best
        # (the Arabic article left off a sizeable town is how the English press writes it: "Qamishli" for Al
        # Qamishli, whatever country the rest of the document names)
        written_without_article = c.quality == Q_NO_ARTICLE and c.place.population >= WEAK_ARTICLE_MIN_POPULATION
        weak = c.fuzzy or c.quality >= 4 or (c.quality >= 1 and c.place.precision == "city" and not written_without_article)
        if not weak or doc_country is None or c.place.country == doc_country:
            return False
        return s.support <= 0.0

    @staticmethod
    def _dominant_country(slots: list[_Slot], evidence: Counter) -> str | None:
        counts = Counter(evidence)
        for s in slots:
            # (a spelling-tolerant match does not vote: four "Catatumbo"s read as Calumbo, Angola, would
            # outvote a Colombian story's towns)
            if s.best is not None and s.best.place.country and not (s.best.fuzzy or s.best.quality >= 4):
                counts[s.best.place.country] += 1
        if not counts:
            return None
        iso, n = counts.most_common(1)[0]
        return iso if n / sum(counts.values()) >= 0.6 else None


def resolve_places(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None,
                   **kwargs) -> list[PlaceMention]:
    """Convenience wrapper: resolve spans of `text` with the process-wide gazetteer."""
    from strife.gazetteer.index import get_gazetteer

    return Resolver(gazetteer or get_gazetteer()).resolve(text, spans, **kwargs)


__all__ = ["Resolver", "resolve_places", "haversine_km", "clean_name", "Place", "PlaceMention"]
