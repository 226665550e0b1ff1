"""What the API reads from the store: pages of records, map points, one event in full, stats.

Every function takes an open (read-only) DuckDB connection; the app opens and closes
one per request (see :class:`strife.service.app.StoreAccess`).
"""

from __future__ import annotations

import io
import json
from typing import Optional

import duckdb

from strife.records import Event
from strife.service.schemas import (
    ArticleOut, ClusterMember, ClusterOut, EventDetail, KeyCount, StatsOut,
)
from strife.store.clusterview import cluster_view
from strife.store.export import export_events
from strife.store.query import EventFilter, query_events_con, where_clause

POINT_COLUMNS = ["event_id", "lat", "lon", "date", "plover_type", "fatalities"]


def count(con: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = where_clause(f)
    return con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def page_records_json(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int, offset: int) -> list[str]:
    """The page's records as RECORD.md JSON texts (with cluster_id), by date then ingest order.

    Read as stored (they were validated when ingested), no model round trip: this is
    the hot path of the page and of ``GET /events``.
    """
    where, params = where_clause(f)
    ids = [r[0] for r in con.execute(
        f"SELECT e.event_id FROM events e WHERE {where} ORDER BY e.date_start NULLS LAST, e.seq "
        f"LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    ).fetchall()]
    if not ids:
        return []
    rows = con.execute(
        "SELECT event_id, CAST(json_merge_patch(record, json_object('cluster_id', cluster_id)) AS VARCHAR) "
        "FROM events WHERE event_id IN (" + ",".join(map(_sql_str, ids)) + ")"
    ).fetchall()
    by_id = dict(rows)
    return [by_id[i] for i in ids]


def events_page_json(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int, offset: int) -> bytes:
    """An :class:`~strife.service.schemas.EventsPage` as JSON bytes."""
    total = count(con, f)
    events = page_records_json(con, f, limit, offset) if offset < total else []
    head = json.dumps({"total": total, "limit": limit, "offset": offset}, separators=(",", ":"))[:-1]
    return (head + ',"events":[' + ",".join(events) + "]}").encode("utf-8")


def events_export(con: duckdb.DuckDBPyConnection, f: EventFilter, fmt: str, limit: int, offset: int) -> str:
    """The matching records in one of the store's text export formats."""
    events = query_events_con(con, f, limit=limit, offset=offset)
    buf = io.StringIO()
    export_events(events, fmt, buf)
    return buf.getvalue()


def points_json(con: duckdb.DuckDBPyConnection, f: EventFilter, max_points: int) -> bytes:
    """A :class:`~strife.service.schemas.PointsOut` as JSON bytes (the rows serialised by DuckDB, for speed)."""
    where, params = where_clause(f)
    located = f"({where}) AND isfinite(e.lat) AND isfinite(e.lon)"
    (rows,) = con.execute(
        "SELECT CAST(to_json(coalesce(list(json_array(p.event_id, round(p.lat, 5), round(p.lon, 5), "
        "CAST(p.date_start AS VARCHAR), p.plover_type, coalesce(p.fatalities_best, p.fatalities_low)) "
        "ORDER BY p.date_start NULLS LAST, p.seq), [])) AS VARCHAR) FROM ("
        "SELECT e.event_id, e.lat, e.lon, e.date_start, e.seq, e.plover_type, e.fatalities_best, e.fatalities_low "
        f"FROM events e WHERE {located} ORDER BY e.date_start NULLS LAST, e.seq LIMIT {int(max_points)}) p",
        params,
    ).fetchone()
    n_located = con.execute(f"SELECT count(*) FROM events e WHERE {located}", params).fetchone()[0]
    days = con.execute(
        f"SELECT CAST(e.date_start AS VARCHAR), count(*) FROM events e WHERE ({where}) "
        "AND e.date_start IS NOT NULL GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    head = {"total": count(con, f), "truncated": n_located > max_points, "columns": POINT_COLUMNS,
            "days": [{"day": d, "n": n} for d, n in days]}
    return (json.dumps(head, separators=(",", ":"))[:-1] + ',"rows":' + rows + "}").encode("utf-8")


def _record(con: duckdb.DuckDBPyConnection, event_id: str) -> Optional[Event]:
    row = con.execute("SELECT record, cluster_id FROM events WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["cluster_id"] = row[1]
    return Event.from_json_dict(data)


def article(con: duckdb.DuckDBPyConnection, text_sha256: str) -> Optional[ArticleOut]:
    row = con.execute(
        "SELECT text_sha256, article_id, title, url, CAST(published AS VARCHAR), source, text "
        "FROM articles WHERE text_sha256 = ?",
        [text_sha256],
    ).fetchone()
    if row is None:
        return None
    sha, aid, title, url, published, source, text = row
    return ArticleOut(text_sha256=sha, id=aid, title=title, url=url, published=published, source=source, text=text)


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> Optional[ClusterOut]:
    try:
        view = cluster_view(con, cluster_id)
    except KeyError:
        return None
    members = [
        ClusterMember(
            event_id=e.event_id, article_sha256=e.article.text_sha256, title=e.article.title,
            source=e.article.source, published=e.article.published, url=e.article.url,
            plover_type=e.plover.type, date_start=e.date.start, fatalities_best=e.fatalities.best,
        )
        for e in view.events
    ]
    return ClusterOut(cluster_id=cluster_id, summary=view.to_json_dict(), members=members)


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> Optional[EventDetail]:
    record = _record(con, event_id)
    if record is None:
        return None
    cl = cluster(con, record.cluster_id) if record.cluster_id else None
    if cl is None:  # every stored record has a cluster; this only guards a damaged store
        raise LookupError(f"record {event_id} names cluster {record.cluster_id!r}, which the store lacks")
    return EventDetail(record=record, article=article(con, record.article.text_sha256), cluster=cl)


def _counts(con: duckdb.DuckDBPyConnection, column: str) -> list[KeyCount]:
    rows = con.execute(
        f"SELECT {column}, count(*) AS n FROM events WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    return [KeyCount(key=k, n=n) for k, n in rows]


def stats(con: duckdb.DuckDBPyConnection, *, ingest_enabled: bool) -> StatsOut:
    a, e, c, d0, d1 = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM clusters), "
        "(SELECT CAST(min(date_start) AS VARCHAR) FROM events), (SELECT CAST(max(date_end) AS VARCHAR) FROM events)"
    ).fetchone()
    migrations = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
    return StatsOut(
        articles=a, events=e, clusters=c, date_min=d0, date_max=d1,
        countries=_counts(con, "country"), plover_types=_counts(con, "plover_type"),
        acled_types=_counts(con, "acled_type"), migrations=migrations, ingest_enabled=ingest_enabled,
    )
