"""Choose the right gazetteer entry for each place name of a document, in context.

Evidence, in order of strength: country names always mean the country; names of
countries, admin regions and demonyms elsewhere in the document; closeness to the
document's other places; population and feature type.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from strife.gazetteer.index import Candidate, Gazetteer
from strife.gazetteer.model import Place, PlaceMention
from strife.gazetteer.names import normalise, strip_suffix

_MODIFIERS = ("north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
              "northeast", "northeastern", "northwest", "northwestern", "southeast", "southeastern",
              "southwest", "southwestern", "north east", "north west", "south east", "south west",
              "greater", "downtown", "upstate", "rural", "metro", "metropolitan", "the")
_GENERIC_TAILS = ("city", "town", "village", "area", "region", "metro area", "metropolitan area", "district",
                  "suburbs", "countryside", "outskirts")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_MOD_RE = re.compile(r"^(?:" + "|".join(sorted((re.escape(m) for m in _MODIFIERS), key=len, reverse=True))
                     + r")[\s-]+", re.IGNORECASE)
_TAIL_RE = re.compile(r"\s+(?:" + "|".join(re.escape(t) for t in _GENERIC_TAILS) + r")$", re.IGNORECASE)

# scoring weights
W_POP = 0.35
W_COUNTRY = 2.2
W_ADMIN1 = 1.6
W_NEAR = 1.4
W_MID = 0.6
KIND_BONUS = {"country": 2.5, "admin1": 1.2, "region": 2.5, "point": 2.5, "admin2": -0.6, "city": 0.0}
QUALITY_PENALTY = {0: 0.0, 1: -0.25, 2: -0.9, 3: -0.1, 4: -1.6}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class _Slot:
    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    demonym: str | None = None
    best: Candidate | None = None
    score: float = 0.0


def clean_name(text: str) -> list[str]:
    """Query forms of a mention, best first: as written, then without possessive/modifiers/tails."""
    forms = [text.strip()]
    cur = _POSSESSIVE.sub("", forms[0]).strip()
    for _ in range(3):
        nxt = _TAIL_RE.sub("", _MOD_RE.sub("", cur)).strip()
        if nxt == cur:
            break
        cur = nxt
    for f in (_POSSESSIVE.sub("", forms[0]).strip(), cur):
        if f and f not in forms:
            forms.append(f)
    return forms


class Resolver:
    """Resolve spans of a text to places."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    def candidates(self, text: str, allow_fuzzy: bool = True) -> tuple[Candidate, ...]:
        forms = clean_name(text)
        for form in forms:
            found = self.gaz.lookup(form)
            if found:
                return found
        if allow_fuzzy:
            for form in forms:
                found = self.gaz.fuzzy_lookup(form)
                if found:
                    # the fuzzy layer never invents small places: keep notable ones only
                    return tuple(c for c in found if c.place.precision != "city" or c.place.population >= 1000)
        return ()

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
            if dem and not any(c.place.precision == "country" for c in cands):
                cands = ()
            slots.append(_Slot(start, end, surface, cands, demonym=dem))

        # ---- document evidence
        evidence = Counter(context_countries or {})
        for dem in self._demonyms_in(text):
            evidence[dem] += 0.5
        for s in slots:
            if s.demonym and not s.candidates:
                evidence[s.demonym] += 1.0
        self._first_pass(slots)
        for _ in range(2):
            self._pass(slots, evidence)

        doc_country = self._dominant_country(slots, evidence)
        out: list[PlaceMention] = []
        for s in slots:
            if s.best is not None:
                out.append(PlaceMention(s.start, s.end, s.text, s.best.place, s.best.place.country, s.score))
            elif s.demonym:
                place = self.gaz.country(s.demonym) if demonyms_as_countries else None
                out.append(PlaceMention(s.start, s.end, s.text, place, s.demonym, 0.5 if place else 0.0))
            else:
                out.append(PlaceMention(s.start, s.end, s.text, None, doc_country, 0.0))
        return out

    # ---- internals
    def _demonyms_in(self, text: str) -> list[str]:
        found = []
        for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?s?\b", text):
            iso = self.gaz.demonym(m.group(0)) or self.gaz.demonym(m.group(0).split()[0])
            if iso:
                found.append(iso)
        return found

    @staticmethod
    def _country_first(s: _Slot) -> Candidate | None:
        """A country name (or alias) written as such is the country."""
        best = None
        for c in s.candidates:
            if c.place.precision == "country" and c.quality <= 1:
                if best is None or c.place.population > best.place.population:
                    best = c
        return best

    def _first_pass(self, slots: list[_Slot]) -> None:
        for s in slots:
            if not s.candidates:
                continue
            s.best = max(s.candidates, key=lambda c: self._prior(c, s))

    def _prior(self, c: Candidate, s: _Slot) -> float:
        p = c.place
        score = W_POP * math.log10(p.population + 1) + KIND_BONUS.get(p.precision, 0.0)
        score += QUALITY_PENALTY.get(c.quality, -1.0)
        if c.quality == 1 and p.precision == "city":
            score -= 0.6  # a town's alternate (often historical) name is weak evidence
        if p.precision == "admin2":
            # "Rapides Parish", "Orange County": the suffix says admin2; a bare "Paris" does not
            score += 1.2 if strip_suffix(normalise(s.text)) != normalise(s.text) else -1.5
        if p.precision == "admin1" and p.population and p.population < 1000:
            score -= 0.5
        return score

    def _pass(self, slots: list[_Slot], base: Counter) -> None:
        # evidence from the other mentions' current choices; mentions of the same name
        # do not vote for each other
        by_name: dict[str, tuple[Counter, Counter]] = {}
        countries: Counter = Counter(base)
        admin1s: Counter = Counter()
        for s in slots:
            if s.best is None:
                continue
            weight = 1.0 if len({c.place.country for c in s.candidates}) == 1 else 0.6
            own_c, own_a = by_name.setdefault(normalise(s.text), (Counter(), Counter()))
            if s.best.place.country:
                countries[s.best.place.country] += weight
                own_c[s.best.place.country] += weight
            if s.best.place.admin1 and s.best.place.precision != "country":
                admin1s[(s.best.place.country, s.best.place.admin1)] += weight
                own_a[(s.best.place.country, s.best.place.admin1)] += weight
        new_best: list[tuple[Candidate | None, float]] = []
        for s in slots:
            if not s.candidates:
                new_best.append((None, 0.0))
                continue
            key = normalise(s.text)
            own_c, own_a = by_name.get(key, (Counter(), Counter()))
            ctx_c = countries - own_c
            ctx_a = admin1s - own_a
            total = sum(ctx_c.values()) or 1.0
            points = [(o.best.place.lat, o.best.place.lon) for o in slots
                      if o.best is not None and o.best.place.lat is not None and normalise(o.text) != key]
            scored = []
            for c in s.candidates:
                p = c.place
                sc = self._prior(c, s)
                sc += W_COUNTRY * ctx_c.get(p.country, 0.0) / total
                if p.admin1 and ctx_a.get((p.country, p.admin1), 0.0) > 0:
                    sc += W_ADMIN1 * min(ctx_a[(p.country, p.admin1)], 2.0) / 2.0
                if p.lat is not None and points:
                    dmin = min(haversine_km(p.lat, p.lon, la, lo) for la, lo in points)
                    if dmin < 150:
                        sc += W_NEAR
                    elif dmin < 500:
                        sc += W_MID
                scored.append((sc, c))
            scored.sort(key=lambda t: t[0], reverse=True)
            top_sc, top = scored[0]
            forced = self._country_first(s)
            if forced is not None and top is not forced:
                # an admin1 of the same name wins only with strong evidence for its country
                # (Georgia the state in a US story), never a town
                strong = (top.place.precision == "admin1" and ctx_c.get(top.place.country, 0) >= 1.5
                          and ctx_c.get(forced.place.country, 0) < 0.5)
                if not strong:
                    top_sc, top = next((sc, c) for sc, c in scored if c is forced)
            if top.place.precision == "admin1" and strip_suffix(normalise(s.text)) == normalise(s.text):
                # a bare name shared by a region and the town that dominates it means the town
                town = next((c for sc, c in scored if c.place.precision == "city"
                             and c.place.country == top.place.country and c.place.admin1 == top.place.admin1
                             and c.quality <= 1 and c.place.population >= 50_000
                             and c.place.population >= 0.5 * top.place.population), None)
                if town is not None:
                    top_sc, top = next((sc, c) for sc, c in scored if c is town)
            second = next((sc for sc, c in scored if c is not top), None)
            margin = top_sc - second if second is not None else 3.0
            new_best.append((top, 1.0 / (1.0 + math.exp(-1.5 * margin))))
        for s, (b, conf) in zip(slots, new_best):
            s.best, s.score = b, round(conf, 3)

    @staticmethod
    def _dominant_country(slots: list[_Slot], evidence: Counter) -> str | None:
        counts = Counter(evidence)
        for s in slots:
            if s.best is not None and s.best.place.country:
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
