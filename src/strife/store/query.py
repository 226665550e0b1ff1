"""Reading records back from the store, with filters.

Every record returned carries its ``cluster_id``. Filters combine with AND; a
record matches a place filter (country, admin1, bbox) when *any* of its locations
matches, and the actor filter when any actor's canonical name or text contains the
string (case-insensitive).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date
from typing import Iterator, Optional, Union

import duckdb

from strife.records import Event
from strife.store.db import DbLike, open_store

DateLike = Union[date, str, None]


@dataclass(frozen=True)
class EventFilter:
    date_from: DateLike = None  # records whose date range ends on or after this day
    date_to: DateLike = None  # ... and starts on or before this day
    country: Optional[str] = None  # ISO 3166-1 alpha-3, any location
    admin1: Optional[str] = None  # case-insensitive, any location
    bbox: Optional[tuple[float, float, float, float]] = None  # (min_lon, min_lat, max_lon, max_lat)
    plover_type: Optional[str] = None
    cameo_prefix: Optional[str] = None
    acled_type: Optional[str] = None
    acled_sub_type: Optional[str] = None
    actor: Optional[str] = None  # substring of an actor's name or text
    min_fatalities: Optional[int] = None  # on the record's best (else low) figure
    text: Optional[str] = None  # substring of evidence, title, actor and place names
    cluster_id: Optional[str] = None
    include_background: bool = True

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, True) for f in fields(self))


def _as_date(value: DateLike, name: str) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name}: {value!r} is not a YYYY-MM-DD date") from exc


def where_clause(f: EventFilter) -> tuple[str, list]:
    """SQL WHERE (over ``events e``) and its parameters for a filter."""
    conds: list[str] = []
    params: list = []
    d0, d1 = _as_date(f.date_from, "date_from"), _as_date(f.date_to, "date_to")
    if d0 is not None:
        conds.append("e.date_end >= ?")
        params.append(d0)
    if d1 is not None:
        conds.append("e.date_start <= ?")
        params.append(d1)
    place: list[str] = []
    if f.country:
        place.append("upper(p.country) = upper(?)")
        params.append(f.country)
    if f.admin1:
        place.append("lower(p.admin1) = lower(?)")
        params.append(f.admin1)
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        if min_lon > max_lon or min_lat > max_lat:
            raise ValueError(f"bbox {f.bbox} is not (min_lon, min_lat, max_lon, max_lat)")
        place.append("p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    if place:
        conds.append(f"e.event_id IN (SELECT p.event_id FROM places p WHERE {' AND '.join(place)})")
    if f.plover_type:
        conds.append("upper(e.plover_type) = upper(?)")
        params.append(f.plover_type)
    if f.cameo_prefix:
        conds.append("starts_with(e.cameo, ?)")
        params.append(f.cameo_prefix)
    if f.acled_type:
        conds.append("lower(e.acled_type) = lower(?)")
        params.append(f.acled_type)
    if f.acled_sub_type:
        conds.append("lower(e.acled_sub_type) = lower(?)")
        params.append(f.acled_sub_type)
    if f.actor:
        conds.append(
            "e.event_id IN (SELECT a.event_id FROM actors a "
            "WHERE contains(lower(a.name), lower(?)) OR contains(lower(a.text), lower(?)))"
        )
        params += [f.actor, f.actor]
    if f.min_fatalities is not None:
        conds.append("coalesce(e.fatalities_best, e.fatalities_low, 0) >= ?")
        params.append(f.min_fatalities)
    if f.text:
        conds.append("contains(e.search_text, lower(?))")
        params.append(f.text)
    if f.cluster_id:
        conds.append("e.cluster_id = ?")
        params.append(f.cluster_id)
    if not f.include_background:
        conds.append("NOT e.background")
    return (" AND ".join(conds) or "TRUE"), params


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _page_ids(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: Optional[int], offset: int) -> list[str]:
    where, params = where_clause(f)
    sql = f"SELECT e.event_id FROM events e WHERE {where} ORDER BY e.date_start NULLS LAST, e.seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return [r[0] for r in con.execute(sql, params).fetchall()]


def _records(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[Event]:
    """Records by id, in the order given. (Two steps: sorting wide rows is slow in DuckDB.)"""
    if not ids:
        return []
    rows = con.execute(
        "SELECT event_id, record, cluster_id FROM events WHERE event_id IN ("
        + ",".join(_sql_str(i) for i in ids) + ")"
    ).fetchall()
    by_id = {eid: (rec, cid) for eid, rec, cid in rows}
    return [_event(*by_id[i]) for i in ids]


def _event(record: str, cluster_id: str) -> Event:
    data = json.loads(record)
    data["cluster_id"] = cluster_id
    return Event.from_json_dict(data)


def query_events_con(
    con: duckdb.DuckDBPyConnection, f: EventFilter = EventFilter(), *, limit: Optional[int] = None, offset: int = 0
) -> list[Event]:
    """:func:`query_events` on an open connection (e.g. the web service's)."""
    return _records(con, _page_ids(con, f, limit, offset))


def query_events(
    db: DbLike = None, f: EventFilter = EventFilter(), *, limit: Optional[int] = None, offset: int = 0
) -> list[Event]:
    """Records matching ``f`` (ordered by date, then ingest order), each with its cluster_id."""
    with open_store(db, read_only=True) as con:
        return query_events_con(con, f, limit=limit, offset=offset)


def iter_events(db: DbLike = None, f: EventFilter = EventFilter(), *, chunk: int = 1000) -> Iterator[Event]:
    """Like :func:`query_events` but in chunks; holds the read lock until exhausted."""
    with open_store(db, read_only=True) as con:
        ids = _page_ids(con, f, None, 0)
        for i in range(0, len(ids), chunk):
            yield from _records(con, ids[i : i + chunk])


def count_events(db: DbLike = None, f: EventFilter = EventFilter()) -> int:
    where, params = where_clause(f)
    with open_store(db, read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    events: int
    clusters: int
    migrations: tuple[str, ...]


def store_counts(db: DbLike = None) -> StoreCounts:
    with open_store(db, read_only=True) as con:
        a, e, c = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM clusters)"
        ).fetchone()
        migs = tuple(r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall())
    return StoreCounts(a, e, c, migs)
