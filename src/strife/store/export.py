"""Writing records in the formats other tools read.

Every format is derived from the RECORD.md record, and each row/feature carries
``cluster_id``. Formats:

* ``jsonl``        one RECORD.md record per line (lossless; :func:`read_jsonl` reads it back)
* ``csv``          a flat summary, one row per record
* ``acled-csv``    ACLED's column names; ``fatalities`` by ACLED's most-conservative rule
                   (the lowest figure any claim gives, 0 when none); ``notes`` names
                   disputed figures and who gave them; ``inter1``/``inter2`` use ACLED's
                   numeric actor-type codes (1 state forces, 2 rebels, 3 political militias,
                   5 rioters, 6 protesters, 7 civilians, 8 external/other forces, 0 unknown)
* ``ucdp-csv``     UCDP GED's column names (side_a/side_b, best/low/high, where_prec 1-7,
                   date_prec 1-5 by the length of the date range, type_of_violence 1-3)
* ``plover-json``  a JSON array of POLECAT/PLOVER-style flat events
* ``geojson``      a FeatureCollection, one Point per record (geometry null without coordinates)
* ``parquet``      via DuckDB ``COPY``: summary columns plus the full ``record`` JSON
                   (lossless; :func:`read_parquet` reads it back)
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Callable, Iterable, Optional, Union

import duckdb
import pycountry

from strife.records import Actor, Event, Location, Toll
from strife.store.cluster import primary_location
from strife.store.rows import insert_rows

FORMATS = ("jsonl", "csv", "acled-csv", "ucdp-csv", "plover-json", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp", "cluster_id",
)
UCDP_COLUMNS = (
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_office",
    "source_date", "source_headline", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude",
    "longitude", "country", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "cluster_id",
)
CSV_COLUMNS = (
    "event_id", "cluster_id", "article_id", "source", "published", "plover_type", "plover_mode", "cameo",
    "acled_event_type", "acled_sub_event_type", "date_start", "date_end", "date_precision", "date_basis",
    "actors", "recipients", "location", "country", "admin1", "latitude", "longitude", "place_precision",
    "fatalities_low", "fatalities_best", "fatalities_high", "injuries_best", "background", "confidence", "evidence",
)
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_UCDP_WHERE_PREC = {"point": 1, "city": 2, "admin2": 3, "admin1": 4, "region": 5, "country": 6}
_ACLED_GEO_PREC = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


# --- helpers -----------------------------------------------------------------------------

def _days(e: Event) -> Optional[int]:
    if not e.date.start:
        return None
    end = e.date.end or e.date.start
    return (date.fromisoformat(end) - date.fromisoformat(e.date.start)).days + 1


def _by_role(e: Event, role: str) -> list[Actor]:
    return [a for a in e.actors if a.role == role]


def acled_inter_code(actor: Optional[Actor], event_country: Optional[str]) -> int:
    """ACLED's numeric actor type for one actor (0 when unknown)."""
    if actor is None:
        return 0
    sector = (actor.sector or "").upper()
    if sector in ("CIV", "CIVILIAN", "CIVILIANS"):
        return 7
    if sector in ("PROTESTER", "PROTESTERS"):
        return 6
    if sector in ("RIOTER", "RIOTERS"):
        return 5
    if actor.kind == "international":
        return 8
    if actor.kind == "state":
        if event_country and actor.country and actor.country != event_country:
            return 8
        return 1
    if sector in ("REB", "INSURGENT", "REBEL"):
        return 2
    if actor.kind == "non_state" or sector in ("MILITIA",):
        return 3
    return 0


def conservative_fatalities(toll: Toll) -> int:
    """ACLED's most-conservative count: the lowest figure any claim gives, 0 when none."""
    values = [c.value for c in toll.claims]
    if values:
        return min(values)
    for v in (toll.low, toll.best):
        if v is not None:
            return v
    return 0


def disputed_note(toll: Toll) -> Optional[str]:
    """'Disputed fatalities: 3 (the army); at least 12 (a spokesman)' when claims disagree."""
    if len({c.value for c in toll.claims}) < 2:
        return None
    words = {"exact": "", "at_least": "at least ", "at_most": "at most ", "about": "about ",
             "more_than": "more than ", "less_than": "fewer than "}
    parts = [f"{words.get(c.qualifier, '')}{c.value} ({c.source or 'unattributed'})" for c in toll.claims]
    return "Disputed fatalities: " + "; ".join(parts)


def _iso_numeric(alpha3: Optional[str]) -> str:
    if not alpha3:
        return ""
    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return str(int(c.numeric)) if c else ""


def _country_name(alpha3: Optional[str]) -> str:
    if not alpha3:
        return ""
    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.name if c else alpha3


def _evidence(e: Event) -> str:
    return " … ".join(x.text for x in e.evidence)


def _names(actors: list[Actor]) -> str:
    return "; ".join(a.name for a in actors)


# --- row builders --------------------------------------------------------------------------

def csv_row(e: Event) -> dict:
    loc = primary_location(e)
    return {
        "event_id": e.event_id, "cluster_id": e.cluster_id, "article_id": e.article.id, "source": e.article.source,
        "published": e.article.published, "plover_type": e.plover.type, "plover_mode": ";".join(e.plover.mode),
        "cameo": e.cameo, "acled_event_type": e.acled.event_type if e.acled else None,
        "acled_sub_event_type": e.acled.sub_event_type if e.acled else None,
        "date_start": e.date.start, "date_end": e.date.end, "date_precision": e.date.precision,
        "date_basis": e.date.basis, "actors": _names(_by_role(e, "actor")),
        "recipients": _names(_by_role(e, "recipient")), "location": loc.name if loc else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "place_precision": loc.precision if loc else None, "fatalities_low": e.fatalities.low,
        "fatalities_best": e.fatalities.best, "fatalities_high": e.fatalities.high,
        "injuries_best": e.injuries.best, "background": e.background, "confidence": e.confidence,
        "evidence": _evidence(e),
    }


def acled_row(e: Event, timestamp: Optional[int] = None) -> dict:
    loc: Optional[Location] = primary_location(e)
    country = loc.country if loc else None
    a1, a2 = _by_role(e, "actor"), _by_role(e, "recipient")
    i1 = acled_inter_code(a1[0] if a1 else None, country)
    i2 = acled_inter_code(a2[0] if a2 else None, country)
    days = _days(e)
    etype = e.acled.event_type if e.acled else None
    notes = " ".join(x for x in (_evidence(e), disputed_note(e.fatalities)) if x)
    civ = etype == "Violence against civilians" or any(acled_inter_code(a, country) == 7 for a in a2)
    tags = []
    if disputed_note(e.fatalities):
        tags.append("disputed fatalities")
    if e.background:
        tags.append("background mention")
    return {
        "event_id_cnty": f"{(country or 'XXX').upper()}{e.event_id.removeprefix('ev_')}",
        "event_date": e.date.start or "",
        "year": e.date.start[:4] if e.date.start else "",
        "time_precision": "" if days is None else (1 if days == 1 else 2 if days <= 7 else 3),
        "disorder_type": _DISORDER.get(etype or "", ""),
        "event_type": etype or "",
        "sub_event_type": (e.acled.sub_event_type or "") if e.acled else "",
        "actor1": a1[0].name if a1 else "",
        "assoc_actor_1": _names(a1[1:]),
        "inter1": i1,
        "actor2": a2[0].name if a2 else "",
        "assoc_actor_2": _names(a2[1:]),
        "inter2": i2,
        "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else max(i1, i2) * 10,
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": _iso_numeric(country),
        "region": "",
        "country": _country_name(country),
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": _ACLED_GEO_PREC.get(loc.precision or "", "") if loc else "",
        "source": e.article.source or "",
        "source_scale": "",
        "notes": notes,
        "fatalities": conservative_fatalities(e.fatalities),
        "tags": "; ".join(tags),
        "timestamp": timestamp if timestamp is not None else int(datetime.now(timezone.utc).timestamp()),
        "cluster_id": e.cluster_id or "",
    }


def _ucdp_date_prec(days: Optional[int]) -> Union[int, str]:
    if days is None:
        return ""
    return 1 if days == 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5


def ucdp_row(e: Event) -> dict:
    loc = primary_location(e)
    a1, a2 = _by_role(e, "actor"), _by_role(e, "recipient")
    country = loc.country if loc else None
    civ = any(acled_inter_code(a, country) == 7 for a in a2)
    state = any(a.kind == "state" for a in a1 + a2)
    tov = 3 if civ else 1 if state else 2
    t = e.fatalities
    return {
        "id": e.event_id, "relid": e.cluster_id or "", "year": e.date.start[:4] if e.date.start else "",
        "type_of_violence": tov, "side_a": a1[0].name if a1 else "", "side_b": a2[0].name if a2 else "",
        "source_article": e.article.url or e.article.id or "", "source_office": e.article.source or "",
        "source_date": e.article.published or "", "source_headline": e.article.title or "",
        "where_prec": _UCDP_WHERE_PREC.get(loc.precision or "", 2) if loc else "",
        "where_coordinates": loc.name if loc else "", "adm_1": (loc.admin1 or "") if loc else "",
        "adm_2": (loc.admin2 or "") if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "", "country": _country_name(country),
        "date_prec": _ucdp_date_prec(_days(e)), "date_start": e.date.start or "", "date_end": e.date.end or "",
        "deaths_a": "", "deaths_b": "", "deaths_civilians": "", "deaths_unknown": "",
        "best": "" if t.best is None else t.best, "high": "" if t.high is None else t.high,
        "low": "" if t.low is None else t.low, "cluster_id": e.cluster_id or "",
    }


def plover_dict(e: Event) -> dict:
    loc = primary_location(e)
    a1, a2 = _by_role(e, "actor"), _by_role(e, "recipient")
    return {
        "event_id": e.event_id, "cluster_id": e.cluster_id, "story_date": e.article.published,
        "event_date": e.date.start, "event_date_end": e.date.end, "event_type": e.plover.type,
        "event_mode": e.plover.mode, "context": e.plover.context, "cameo": e.cameo,
        "actor": a1[0].name if a1 else None, "actor_country": a1[0].country if a1 else None,
        "actor_sector": a1[0].sector if a1 else None,
        "recipient": a2[0].name if a2 else None, "recipient_country": a2[0].country if a2 else None,
        "recipient_sector": a2[0].sector if a2 else None,
        "placename": loc.name if loc else None, "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "fatalities": e.fatalities.best, "injuries": e.injuries.best,
        "source": e.article.source, "source_url": e.article.url, "evidence": _evidence(e),
        "confidence": e.confidence,
    }


def geojson_feature(e: Event) -> dict:
    loc = primary_location(e)
    geom = (
        {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        if loc is not None and loc.lat is not None and loc.lon is not None else None
    )
    props = csv_row(e)
    return {"type": "Feature", "id": e.event_id, "geometry": geom, "properties": props}


# --- writers -------------------------------------------------------------------------------

def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for e in events:
        out.write(e.to_json() + "\n")
        n += 1
    return n


def _write_csv(rows: Iterable[dict], columns: tuple[str, ...], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
        n += 1
    return n


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    return _write_csv((csv_row(e) for e in events), CSV_COLUMNS, out)


def write_acled_csv(events: Iterable[Event], out: IO[str]) -> int:
    ts = int(datetime.now(timezone.utc).timestamp())
    return _write_csv((acled_row(e, ts) for e in events), ACLED_COLUMNS, out)


def write_ucdp_csv(events: Iterable[Event], out: IO[str]) -> int:
    return _write_csv((ucdp_row(e) for e in events), UCDP_COLUMNS, out)


def write_plover_json(events: Iterable[Event], out: IO[str]) -> int:
    items = [plover_dict(e) for e in events]
    json.dump(items, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(items)


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    feats = [geojson_feature(e) for e in events]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


_PARQUET_TABLE = """
CREATE TABLE export (
    event_id VARCHAR, cluster_id VARCHAR, article_sha256 VARCHAR, published DATE, source VARCHAR,
    plover_type VARCHAR, cameo VARCHAR, acled_event_type VARCHAR, acled_sub_event_type VARCHAR,
    date_start DATE, date_end DATE, country VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER, confidence DOUBLE, record VARCHAR
)
"""


def write_parquet(events: Iterable[Event], path: Union[str, os.PathLike]) -> int:
    """Parquet via DuckDB COPY (an in-memory database; the store is not touched)."""
    rows = []
    for e in events:
        loc = primary_location(e)
        rows.append([
            e.event_id, e.cluster_id, e.article.text_sha256, e.article.published, e.article.source, e.plover.type,
            e.cameo, e.acled.event_type if e.acled else None, e.acled.sub_event_type if e.acled else None,
            e.date.start, e.date.end, loc.country if loc else None, loc.admin1 if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, e.fatalities.low, e.fatalities.best,
            e.fatalities.high, e.confidence, e.to_json(),
        ])
    con = duckdb.connect(":memory:")
    try:
        con.execute(_PARQUET_TABLE)
        insert_rows(con, "export", rows)
        target = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM export) TO '{target}' (FORMAT parquet)")
    finally:
        con.close()
    return len(rows)


_TEXT_WRITERS: dict[str, Callable[[Iterable[Event], IO[str]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "ucdp-csv": write_ucdp_csv,
    "plover-json": write_plover_json,
    "geojson": write_geojson,
}


def export_events(events: Iterable[Event], fmt: str, out: Union[str, os.PathLike, IO[str], None]) -> int:
    """Write ``events`` in format ``fmt`` to a path, an open text stream, or (None) stdout; return the count.

    Files are written to a temporary name and renamed, so a failed export leaves no partial file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and (out is None or hasattr(out, "write")):
        raise ValueError(f"format {fmt} needs an output file (-o FILE)")
    if out is None or hasattr(out, "write"):
        import sys

        return _TEXT_WRITERS[fmt](events, out or sys.stdout)  # type: ignore[arg-type]
    path = Path(out)  # type: ignore[arg-type]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent.resolve()))
    os.close(fd)
    try:
        if fmt == "parquet":
            os.unlink(tmp)
            n = write_parquet(events, tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                n = _TEXT_WRITERS[fmt](events, fh)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return n


# --- readers (round trips) -----------------------------------------------------------------

def read_jsonl(path: Union[str, os.PathLike]) -> list[Event]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(Event.from_json_dict(json.loads(line)))
                except ValueError as exc:
                    raise ValueError(f"{path}:{i}: not a record: {exc}") from exc
    return out


def read_parquet(path: Union[str, os.PathLike]) -> list[Event]:
    con = duckdb.connect(":memory:")
    try:
        rows = con.execute("SELECT record FROM read_parquet(?)", [str(path)]).fetchall()
    finally:
        con.close()
    return [Event.from_json_dict(json.loads(r[0])) for r in rows]
