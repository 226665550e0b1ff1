"""What a cluster shows: merged fields, and every source's figures kept visible.

Merged fields are chosen from the members, never averaged:

* **date**: from the best-dated members (basis explicit > relative_to_published >
  published_fallback > unresolved, then precision day > week > month > year), the
  most common range among them (ties: the earliest);
* **type / place**: the most common PLOVER type, ACLED type and CAMEO code; the
  most common of the most precise places;
* **fatalities / injuries**: ``low`` = smallest member ``low``, ``high`` = largest
  member ``high``, ``best`` = the smallest member ``best`` (ACLED's "most
  conservative" rule); ``disputed`` is true when members or claims disagree;
* **n_articles / n_sources / first_report / last_report** over the members' articles.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Optional, Sequence

import duckdb

from strife.records import Event
from strife.store.rows import in_list, insert_rows, json_list

_BASIS_RANK = {"explicit": 0, "relative_to_published": 1, "published_fallback": 2, "unresolved": 3}
_DATE_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_PREC_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}

MEMBER_COLUMNS = (
    "event_id, article_sha256, source, published, plover_type, acled_type, acled_sub_type, cameo, "
    "date_start, date_end, date_precision, date_basis, country, admin1, place_precision, lat, lon, "
    "has_place, fatalities_low, fatalities_best, fatalities_high"
)


@dataclass(frozen=True)
class Member:
    event_id: str
    article_sha256: str
    source: Optional[str]
    published: Optional[date]
    plover_type: str
    acled_type: Optional[str]
    acled_sub_type: Optional[str]
    cameo: Optional[str]
    date_start: Optional[date]
    date_end: Optional[date]
    date_precision: Optional[str]
    date_basis: Optional[str]
    country: Optional[str]
    admin1: Optional[str]
    place_precision: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    has_place: bool
    fatalities_low: Optional[int]
    fatalities_best: Optional[int]
    fatalities_high: Optional[int]


@dataclass(frozen=True)
class ClusterSummary:
    n_events: int
    n_articles: int
    n_sources: int
    plover_type: Optional[str]
    acled_type: Optional[str]
    acled_sub_type: Optional[str]
    cameo: Optional[str]
    date_start: Optional[date]
    date_end: Optional[date]
    date_precision: Optional[str]
    country: Optional[str]
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    fatalities_low: Optional[int]
    fatalities_best: Optional[int]
    fatalities_high: Optional[int]
    first_report: Optional[date]
    last_report: Optional[date]


@dataclass(frozen=True)
class SourceClaim:
    """One toll figure as one article reported it."""

    event_id: str
    article_source: Optional[str]
    published: Optional[date]
    kind: str  # fatalities | injuries
    value: int
    qualifier: str
    claim_source: Optional[str]
    victims: Optional[str]
    text: str


@dataclass(frozen=True)
class SourceToll:
    """One member record's own low/best/high."""

    event_id: str
    article_source: Optional[str]
    published: Optional[date]
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]


@dataclass
class ClusterView:
    cluster_id: str
    summary: ClusterSummary
    actors: list[tuple[str, str, int]]  # (role, name, number of member records naming it)
    source_tolls: list[SourceToll]
    claims: list[SourceClaim]
    disputed_fatalities: bool
    events: list[Event] = field(default_factory=list)

    def to_json_dict(self) -> dict:
        s = self.summary
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "cluster_id": self.cluster_id,
            "n_events": s.n_events,
            "n_articles": s.n_articles,
            "n_sources": s.n_sources,
            "first_report": iso(s.first_report),
            "last_report": iso(s.last_report),
            "plover_type": s.plover_type,
            "cameo": s.cameo,
            "acled": {"event_type": s.acled_type, "sub_event_type": s.acled_sub_type} if s.acled_type else None,
            "date": {"start": iso(s.date_start), "end": iso(s.date_end), "precision": s.date_precision},
            "location": {"country": s.country, "admin1": s.admin1, "lat": s.lat, "lon": s.lon},
            "actors": [{"role": r, "name": n, "n_records": k} for r, n, k in self.actors],
            "fatalities": {
                "low": s.fatalities_low,
                "best": s.fatalities_best,
                "high": s.fatalities_high,
                "best_rule": "most_conservative",
                "disputed": self.disputed_fatalities,
                "by_source": [
                    {"event_id": t.event_id, "source": t.article_source, "published": iso(t.published),
                     "low": t.low, "best": t.best, "high": t.high}
                    for t in self.source_tolls
                ],
                "claims": [
                    {"event_id": c.event_id, "source": c.article_source, "published": iso(c.published),
                     "value": c.value, "qualifier": c.qualifier, "attributed_to": c.claim_source,
                     "victims": c.victims, "text": c.text}
                    for c in self.claims if c.kind == "fatalities"
                ],
            },
            "event_ids": [e.event_id for e in self.events],
        }


def _mode(values: Iterable, key=None):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    tied = [v for v in counts if counts[v] == top]
    return min(tied, key=key) if key else min(tied, key=lambda v: str(v))


def summarize(members: Sequence[Member]) -> ClusterSummary:
    if not members:
        raise ValueError("a cluster needs at least one member")
    dated = [m for m in members if m.date_start is not None]
    ds = de = dprec = None
    if dated:
        rank = lambda m: (_BASIS_RANK.get(m.date_basis or "", 4), _DATE_PREC_RANK.get(m.date_precision or "", 4))  # noqa: E731
        best_rank = min(rank(m) for m in dated)
        top = [m for m in dated if rank(m) == best_rank]
        ds, de = _mode(((m.date_start, m.date_end) for m in top), key=lambda r: r)
        dprec = top[0].date_precision
    placed = [m for m in members if m.has_place]
    country = admin1 = lat = lon = None
    if placed:
        prank = lambda m: _PLACE_PREC_RANK.get(m.place_precision or "", 1.5)  # noqa: E731
        best_p = min(prank(m) for m in placed)
        country, admin1, lat, lon = _mode(
            ((m.country, m.admin1, m.lat, m.lon) for m in placed if prank(m) == best_p), key=lambda r: str(r)
        )
    lows = [m.fatalities_low for m in members if m.fatalities_low is not None]
    bests = [m.fatalities_best for m in members if m.fatalities_best is not None]
    highs = [m.fatalities_high for m in members if m.fatalities_high is not None]
    pubs = [m.published for m in members if m.published is not None]
    return ClusterSummary(
        n_events=len(members),
        n_articles=len({m.article_sha256 for m in members}),
        n_sources=len({m.source or m.article_sha256 for m in members}),
        plover_type=_mode(m.plover_type for m in members),
        acled_type=_mode(m.acled_type for m in members),
        acled_sub_type=_mode(m.acled_sub_type for m in members),
        cameo=_mode(m.cameo for m in members),
        date_start=ds,
        date_end=de,
        date_precision=dprec,
        country=country,
        admin1=admin1,
        lat=lat,
        lon=lon,
        fatalities_low=min(lows) if lows else None,
        fatalities_best=min(bests) if bests else None,
        fatalities_high=max(highs) if highs else None,
        first_report=min(pubs) if pubs else None,
        last_report=max(pubs) if pubs else None,
    )


def load_members(con: duckdb.DuckDBPyConnection, cluster_ids: Sequence[str]) -> dict[str, list[Member]]:
    if not cluster_ids:
        return {}
    rows = con.execute(
        f"SELECT cluster_id, {MEMBER_COLUMNS} FROM events WHERE {in_list('cluster_id')} ORDER BY seq",
        [json_list(cluster_ids)],
    ).fetchall()
    out: dict[str, list[Member]] = {c: [] for c in cluster_ids}
    for r in rows:
        out[r[0]].append(Member(*r[1:]))
    return out


def refresh_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> None:
    """Recompute the ``clusters`` rows of these clusters from their members (inside the caller's transaction)."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    members = load_members(con, ids)
    created = dict(
        con.execute(
            f"SELECT cluster_id, created_at FROM clusters WHERE {in_list('cluster_id')}", [json_list(ids)]
        ).fetchall()
    )
    con.execute(f"DELETE FROM clusters WHERE {in_list('cluster_id')}", [json_list(ids)])
    rows = []
    for cid in ids:
        s = summarize(members[cid])
        rows.append([
            cid, created.get(cid, now), now, s.n_events, s.n_articles, s.n_sources, s.plover_type, s.acled_type,
            s.date_start, s.date_end, s.country, s.admin1, s.lat, s.lon,
            s.fatalities_low, s.fatalities_best, s.fatalities_high, s.first_report, s.last_report,
        ])
    insert_rows(con, "clusters", rows)


def _disputed(tolls: Sequence[SourceToll], claims: Sequence[SourceClaim]) -> bool:
    values = {c.value for c in claims if c.kind == "fatalities"}
    bests = {t.best for t in tolls if t.best is not None}
    return len(values) > 1 or len(bests) > 1


def cluster_view(con: duckdb.DuckDBPyConnection, cluster_id: str) -> ClusterView:
    """The merged view of one cluster; raises KeyError if the store has no such cluster."""
    members = load_members(con, [cluster_id])[cluster_id]
    if not members:
        raise KeyError(f"no cluster {cluster_id!r} in the store")
    records = con.execute(
        "SELECT record FROM events WHERE cluster_id = ? ORDER BY seq", [cluster_id]
    ).fetchall()
    events = [Event.from_json_dict(json.loads(r[0])) for r in records]
    actor_counts: Counter = Counter()
    for ev in events:
        for role, name in {(a.role, a.name) for a in ev.actors}:
            actor_counts[(role, name)] += 1
    actors = sorted(((r, n, k) for (r, n), k in actor_counts.items()), key=lambda t: (t[0], -t[2], t[1]))
    tolls = [
        SourceToll(m.event_id, m.source, m.published, m.fatalities_low, m.fatalities_best, m.fatalities_high)
        for m in members
    ]
    claim_rows = con.execute(
        "SELECT c.event_id, c.article_source, e.published, c.kind, c.value, c.qualifier, c.claim_source, "
        "c.victims, c.text FROM toll_claims c JOIN events e USING (event_id) "
        "WHERE e.cluster_id = ? ORDER BY e.seq, c.kind, c.idx",
        [cluster_id],
    ).fetchall()
    claims = [SourceClaim(*r) for r in claim_rows]
    return ClusterView(
        cluster_id=cluster_id,
        summary=summarize(members),
        actors=actors,
        source_tolls=tolls,
        claims=claims,
        disputed_fatalities=_disputed(tolls, claims),
        events=events,
    )
