"""Cross-article merging: which stored records describe the same real event.

Merge rule (the README quotes this text)
----------------------------------------
A new record joins an existing cluster when its **merge score** against some
member of that cluster reaches ``threshold`` (default **0.70**) and no member of
the cluster vetoes the pair (so clusters cannot chain across weeks or regions);
it joins the cluster with the highest such score, otherwise it starts a new one. Clusters
are never merged with each other afterwards, and a cluster never takes two
records from the same article (one article's records are distinct events by
construction). The score is a weighted sum of five components, each in [0, 1]:

============  ======  =====================================================================
component     weight  value
============  ======  =====================================================================
type          0.20    1.0 same PLOVER type or same ACLED sub-event type; 0.8 same ACLED event
                      type or same CAMEO root (first two digits); 0.5 PLOVER types in one
                      compatible group ({ASSAULT, COERCE, SANCTION}, {PROTEST, MOBILIZE,
                      THREATEN}, {AGREE, CONCEDE, COOPERATE, RETREAT}, {CONSULT, REQUEST},
                      {ACCUSE, REJECT}, {SUPPORT, AID}); otherwise **veto**.
date          0.25    1.0 if the date ranges overlap (0.6 when either range is longer than
                      7 days); 1 - 0.25*gap for a gap of 1..``date_tolerance_days`` (2) days;
                      a larger gap is a **veto**. Halved when either date is a
                      ``published_fallback`` guess. 0.3 (no veto) when either date is unknown.
place         0.20    both places point/city/admin2 with coordinates: 1.0 within 10 km,
                      falling linearly to 0.5 at ``max_km`` (50 km), farther is a **veto**.
                      Otherwise (coarse precision or no coordinates): 0.7 same country and
                      same admin1, 0.4 same country when one side lacks admin1, **veto** for
                      different countries or different admin1; 0.3 when either has no place.
actors        0.20    overlap coefficient |A & B| / min(|A|, |B|) of canonical actor names
                      (case-folded, both roles); 0.25 when either record names no actor.
evidence      0.15    min(1, 2 * J) where J is the token Jaccard similarity of the evidence
                      texts (lower-cased words of 3+ letters, minus stop words).
============  ======  =====================================================================

A re-report of an old event ("the attack on Friday") carries the old event's
date range, so it overlaps the old cluster's dates and joins it; the cluster's
date is taken from its best-dated members (explicit > relative_to_published >
published_fallback), so a re-report never re-dates the event to its own
publication day.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import duckdb

from strife.records import Event

_COMPATIBLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"ASSAULT", "COERCE", "SANCTION"}),
    frozenset({"PROTEST", "MOBILIZE", "THREATEN"}),
    frozenset({"AGREE", "CONCEDE", "COOPERATE", "RETREAT"}),
    frozenset({"CONSULT", "REQUEST"}),
    frozenset({"ACCUSE", "REJECT"}),
    frozenset({"SUPPORT", "AID"}),
)

_FINE_PRECISION = {"point", "city", "admin2", None}
_STOP = frozenset(
    "the and for that with from was were are has have had its his her their this these those "
    "said says say after before into over than then when where which while who whom also been "
    "being not but about more most some other they them there would could should will".split()
)
_TOKEN = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class MergeRule:
    """Weights and thresholds of the merge score (see the module docstring)."""

    w_type: float = 0.20
    w_date: float = 0.25
    w_place: float = 0.20
    w_actors: float = 0.20
    w_evidence: float = 0.15
    threshold: float = 0.70
    date_tolerance_days: int = 2
    max_km: float = 50.0
    near_km: float = 10.0


DEFAULT_RULE = MergeRule()


@dataclass(frozen=True)
class EventFeatures:
    """What the merge score reads from one record."""

    event_id: str
    article_sha256: str
    plover_type: str
    acled_type: Optional[str] = None
    acled_sub_type: Optional[str] = None
    cameo: Optional[str] = None
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    date_basis: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    place_precision: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    has_place: bool = False
    actors: frozenset[str] = field(default_factory=frozenset)
    tokens: frozenset[str] = field(default_factory=frozenset)
    cluster_id: Optional[str] = None


@dataclass(frozen=True)
class MergeScore:
    total: float
    components: dict[str, float]
    veto: Optional[str] = None  # the reason a hard rule forbids the merge

    @property
    def vetoed(self) -> bool:
        return self.veto is not None


def evidence_tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in _TOKEN.findall(text.lower()) if t not in _STOP)


def _iso(d: Optional[str]) -> Optional[date]:
    return date.fromisoformat(d) if d else None


def primary_location(event: Event):
    """The first location with coordinates, else the first location, else None."""
    for loc in event.locations:
        if loc.lat is not None and loc.lon is not None:
            return loc
    return event.locations[0] if event.locations else None


def features_of(event: Event) -> EventFeatures:
    loc = primary_location(event)
    start = _iso(event.date.start)
    end = _iso(event.date.end) or start
    start = start or end
    return EventFeatures(
        event_id=event.event_id,
        article_sha256=event.article.text_sha256,
        plover_type=event.plover.type,
        acled_type=event.acled.event_type if event.acled else None,
        acled_sub_type=event.acled.sub_event_type if event.acled else None,
        cameo=event.cameo,
        date_start=start,
        date_end=end,
        date_basis=event.date.basis,
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        place_precision=loc.precision if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        has_place=loc is not None,
        actors=frozenset(a.name.casefold() for a in event.actors),
        tokens=evidence_tokens(" ".join(e.text for e in event.evidence)),
        cluster_id=event.cluster_id,
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _type_score(a: EventFeatures, b: EventFeatures) -> float:
    if a.plover_type == b.plover_type:
        return 1.0
    if a.acled_sub_type and a.acled_sub_type == b.acled_sub_type:
        return 1.0
    if a.acled_type and a.acled_type == b.acled_type:
        return 0.8
    if a.cameo and b.cameo and a.cameo[:2] == b.cameo[:2]:
        return 0.8
    for group in _COMPATIBLE_GROUPS:
        if a.plover_type in group and b.plover_type in group:
            return 0.5
    return 0.0


def _date_score(a: EventFeatures, b: EventFeatures, rule: MergeRule) -> tuple[float, Optional[str]]:
    if a.date_start is None or b.date_start is None:
        return 0.3, None
    assert a.date_end is not None and b.date_end is not None
    gap = (max(a.date_start, b.date_start) - min(a.date_end, b.date_end)).days
    if gap <= 0:
        long_range = any((f.date_end - f.date_start).days >= 7 for f in (a, b))  # type: ignore[operator]
        score = 0.6 if long_range else 1.0
    elif gap <= rule.date_tolerance_days:
        score = 1.0 - 0.25 * gap
    else:
        return 0.0, f"dates {gap} days apart"
    if "published_fallback" in (a.date_basis, b.date_basis):
        score *= 0.5
    return score, None


def _same(x: Optional[str], y: Optional[str]) -> Optional[bool]:
    if x is None or y is None:
        return None
    return x.casefold() == y.casefold()


def _place_score(a: EventFeatures, b: EventFeatures, rule: MergeRule) -> tuple[float, Optional[str]]:
    if not a.has_place or not b.has_place:
        return 0.3, None
    if _same(a.country, b.country) is False:
        return 0.0, f"different countries {a.country}/{b.country}"
    fine = (
        a.place_precision in _FINE_PRECISION
        and b.place_precision in _FINE_PRECISION
        and None not in (a.lat, a.lon, b.lat, b.lon)
    )
    if fine:
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if d <= rule.near_km:
            return 1.0, None
        if d <= rule.max_km:
            return 1.0 - 0.5 * (d - rule.near_km) / (rule.max_km - rule.near_km), None
        return 0.0, f"places {d:.0f} km apart"
    same_admin1 = _same(a.admin1, b.admin1)
    if same_admin1 is False:
        return 0.0, f"different admin1 {a.admin1}/{b.admin1}"
    if same_admin1:
        return 0.7, None
    return (0.4 if _same(a.country, b.country) else 0.3), None


def _actor_score(a: EventFeatures, b: EventFeatures) -> float:
    if not a.actors or not b.actors:
        return 0.25
    return len(a.actors & b.actors) / min(len(a.actors), len(b.actors))


def _evidence_score(a: EventFeatures, b: EventFeatures) -> float:
    if not a.tokens or not b.tokens:
        return 0.0
    j = len(a.tokens & b.tokens) / len(a.tokens | b.tokens)
    return min(1.0, 2.0 * j)


def merge_score(a: EventFeatures | Event, b: EventFeatures | Event, rule: MergeRule = DEFAULT_RULE) -> MergeScore:
    """The merge score of two records (either Events or their features)."""
    fa = features_of(a) if isinstance(a, Event) else a
    fb = features_of(b) if isinstance(b, Event) else b
    t = _type_score(fa, fb)
    d, d_veto = _date_score(fa, fb, rule)
    p, p_veto = _place_score(fa, fb, rule)
    comps = {"type": t, "date": d, "place": p, "actors": _actor_score(fa, fb), "evidence": _evidence_score(fa, fb)}
    total = (
        rule.w_type * comps["type"]
        + rule.w_date * comps["date"]
        + rule.w_place * comps["place"]
        + rule.w_actors * comps["actors"]
        + rule.w_evidence * comps["evidence"]
    )
    veto = "incompatible types" if t == 0.0 else (d_veto or p_veto)
    return MergeScore(total=round(total, 6), components=comps, veto=veto)


def same_event(a: EventFeatures | Event, b: EventFeatures | Event, rule: MergeRule = DEFAULT_RULE) -> bool:
    s = merge_score(a, b, rule)
    return not s.vetoed and s.total >= rule.threshold


# --- assignment against the store -------------------------------------------------------

_INDEX_COLUMNS = (
    "seq, event_id, article_sha256, plover_type, acled_type, acled_sub_type, cameo, date_start, date_end, "
    "date_basis, country, admin1, place_precision, lat, lon, has_place, actor_names, evidence_text, cluster_id"
)
_LONG_RANGE_DAYS = 62  # records with longer date ranges are compared with every record of their country


def _row_features(row: tuple) -> EventFeatures:
    (eid, sha, pt, at, ast, cameo, ds, de, basis, country, admin1, prec, lat, lon, has_place, actors, ev, cid) = row
    return EventFeatures(
        event_id=eid, article_sha256=sha, plover_type=pt, acled_type=at, acled_sub_type=ast, cameo=cameo,
        date_start=ds, date_end=de, date_basis=basis, country=country, admin1=admin1, place_precision=prec,
        lat=lat, lon=lon, has_place=bool(has_place),
        actors=frozenset(x for x in actors.split("|") if x), tokens=evidence_tokens(ev), cluster_id=cid,
    )


class ClusterIndex:
    """In-memory candidate index over the stored records' merge features.

    Records are bucketed by (country, day); undated and long-range records are kept
    per country and compared with everything of that country. :meth:`refresh` loads
    the records committed since the last load (another ingest may have written
    between two of our batches), so the index never misses a stored record.
    """

    def __init__(self) -> None:
        self.max_seq = 0
        self.event_ids: set[str] = set()
        self._by_day: dict[tuple[Optional[str], int], list[EventFeatures]] = {}
        self._wide: dict[Optional[str], list[EventFeatures]] = {}
        self._article_clusters: dict[str, set[str]] = {}
        self._members: dict[str, list[EventFeatures]] = {}

    def refresh(self, con: duckdb.DuckDBPyConnection) -> int:
        """Add the records stored since the last refresh; return how many."""
        rows = con.execute(
            f"SELECT {_INDEX_COLUMNS} FROM events WHERE seq > {int(self.max_seq)} ORDER BY seq"
        ).fetchall()
        for row in rows:
            self.add(_row_features(row[1:]))
            self.max_seq = max(self.max_seq, row[0])
        return len(rows)

    def add(self, f: EventFeatures) -> None:
        if f.cluster_id is None:
            raise ValueError(f"record {f.event_id} has no cluster_id to index")
        self.event_ids.add(f.event_id)
        self._article_clusters.setdefault(f.article_sha256, set()).add(f.cluster_id)
        self._members.setdefault(f.cluster_id, []).append(f)
        if f.date_start is None or (f.date_end - f.date_start).days > _LONG_RANGE_DAYS:  # type: ignore[operator]
            self._wide.setdefault(f.country, []).append(f)
            return
        self._by_day.setdefault((f.country, f.date_start.toordinal()), []).append(f)

    def candidates(self, f: EventFeatures, rule: MergeRule = DEFAULT_RULE) -> list[EventFeatures]:
        countries = [f.country, None] if f.country is not None else list({k[0] for k in self._by_day} | set(self._wide))
        out: list[EventFeatures] = []
        for c in countries:
            out += self._wide.get(c, [])
        if f.date_start is None or (f.date_end - f.date_start).days > _LONG_RANGE_DAYS:  # type: ignore[operator]
            out += [g for (c, _), lst in self._by_day.items() if c in countries for g in lst]
            return out
        lo = f.date_start.toordinal() - rule.date_tolerance_days - _LONG_RANGE_DAYS
        hi = f.date_end.toordinal() + rule.date_tolerance_days  # type: ignore[union-attr]
        for c in countries:
            for day in range(lo, hi + 1):
                for g in self._by_day.get((c, day), ()):
                    if g.date_end.toordinal() >= f.date_start.toordinal() - rule.date_tolerance_days:  # type: ignore[union-attr]
                        out.append(g)
        return out

    def find_cluster(self, f: EventFeatures, rule: MergeRule = DEFAULT_RULE) -> tuple[Optional[str], Optional[MergeScore]]:
        """The cluster this record should join, or (None, None).

        A cluster qualifies when its best-matching member scores >= threshold and
        none of its members vetoes the pair; clusters that already hold a record of
        the same article are excluded. The best qualifying cluster wins.
        """
        own = self._article_clusters.get(f.article_sha256, set())
        best_by_cluster: dict[str, MergeScore] = {}
        for cand in self.candidates(f, rule):
            if cand.article_sha256 == f.article_sha256 or cand.cluster_id in own:
                continue
            s = merge_score(f, cand, rule)
            if s.vetoed or s.total < rule.threshold:
                continue
            prev = best_by_cluster.get(cand.cluster_id)  # type: ignore[arg-type]
            if prev is None or s.total > prev.total:
                best_by_cluster[cand.cluster_id] = s  # type: ignore[index]
        for cid, s in sorted(best_by_cluster.items(), key=lambda kv: (-kv[1].total, kv[0])):
            if not any(merge_score(f, m, rule).vetoed for m in self._members.get(cid, ())):
                return cid, s
        return None, None


def new_cluster_id(event_id: str) -> str:
    return "cl_" + event_id.removeprefix("ev_")
