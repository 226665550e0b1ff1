"""Read side of the gazetteer: the on-disk SQLite index, built on first use.

`Gazetteer.load()` opens (building when missing or outdated) the index at
``$STRIFE_CACHE_DIR/gazetteer.sqlite`` (default ``~/.cache/strife``). Lookups run
against SQLite, so resident memory stays small (tens of MB).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from strife.gazetteer.build import DATA_DIR, Q_NO_SUFFIX, source_version
from strife.gazetteer.model import Place
from strife.gazetteer.names import admin_key, direction_variant, normalise, skeleton, strip_articles, strip_suffix

_ADMIN_PRECISIONS = ("admin1", "admin2", "region")
FUZZY_MIN_RATIO = 0.78


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry matching a name, with how it matched."""

    place: Place
    quality: int        # 0 canonical, 1 alternate, 2 article-stripped, 3 suffix-stripped, 4 fuzzy
    fuzzy: bool = False


def default_cache_dir() -> Path:
    env = os.environ.get("STRIFE_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "strife"


def default_index_path() -> Path:
    return default_cache_dir() / "gazetteer.sqlite"


def _index_version(path: Path) -> str | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def ensure_index(path: Path | None = None) -> Path:
    """Return the path of an up-to-date index, building it (in a child process) if needed."""
    path = path or default_index_path()
    if path.exists() and _index_version(path) == source_version():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # One builder at a time: concurrent processes wait on a lock file, then find the index built.
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if path.exists() and _index_version(path) == source_version():
                return path
            # The build peaks at ~700 MB (GeoNames JSON); a child process keeps that out of this one.
            proc = subprocess.run([sys.executable, "-m", "strife.gazetteer.build", str(path)],
                                  capture_output=True, text=True, check=False)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if proc.returncode != 0:
        raise RuntimeError(f"building the gazetteer index at {path} failed:\n{proc.stderr[-2000:]}")
    return path


def _load_demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with (DATA_DIR / "demonyms.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            dem, iso3 = line.rstrip("\n").split("\t")
            out[normalise(dem)] = iso3
    return out


def _load_region_demonyms() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with (DATA_DIR / "region_demonyms.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            dem, iso3, name = line.rstrip("\n").split("\t")
            out[normalise(dem)] = (iso3 or None, name)  # no ISO3: a world region ("European")
    return out


class Gazetteer:
    """Name -> candidate places, countries by ISO3, demonyms."""

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._demonyms = _load_demonyms()
        self._region_demonyms = _load_region_demonyms()
        self._countries: dict[str, Place] = {}
        for row in self._query("SELECT * FROM places WHERE precision='country'", ()):
            p = self._row_to_place(row)
            if p.country:
                self._countries[p.country] = p
        rows = self._query("SELECT value FROM meta WHERE key='neighbours'", ())
        self._neighbours: dict[str, frozenset[str]] = {
            k: frozenset(v) for k, v in (json.loads(rows[0][0]) if rows else {}).items()}
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)  # type: ignore[method-assign]
        self.fuzzy_lookup = lru_cache(maxsize=20_000)(self._fuzzy_lookup)  # type: ignore[method-assign]
        self.demonym = lru_cache(maxsize=50_000)(self._demonym)  # type: ignore[method-assign]

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        return cls(ensure_index(path))

    # -- internals
    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    @staticmethod
    def _row_to_place(row: tuple) -> Place:
        pid, name, gid, lat, lon, country, admin1, admin2, precision, pop, capital = row
        return Place(name=name, geonames_id=gid, lat=lat, lon=lon, country=country, admin1=admin1,
                     admin2=admin2, precision=precision, population=pop or 0, place_id=pid,
                     capital=bool(capital))

    def _by_key(self, key: str) -> list[tuple[Place, int]]:
        rows = self._query(
            "SELECT p.*, n.quality FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?", (key,))
        return [(self._row_to_place(r[:-1]), r[-1]) for r in rows]

    # -- public API
    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Exact (normalised) matches of a name, strongest match per place."""
        norm = normalise(name)
        if not norm:
            return ()
        best: dict[int, Candidate] = {}

        def add(place: Place, q: int) -> None:
            old = best.get(place.place_id)
            if old is None or q < old.quality:
                best[place.place_id] = Candidate(place, q)

        for place, q in self._by_key(norm):
            add(place, q)
        other = direction_variant(norm)  # "Northwest" is also "North-West"
        if other is not None:
            for place, q in self._by_key(other):
                add(place, q)
        bare = strip_articles(norm)
        if bare != norm:
            for place, q in self._by_key(bare):
                add(place, max(q, 2))
        stripped = strip_suffix(norm)
        if stripped != norm:  # "Anbar province": only admin units answer a suffixed name
            ak = admin_key(name)
            for place, q in self._by_key(ak):
                if place.precision in _ADMIN_PRECISIONS:
                    add(place, min(max(q, 1), Q_NO_SUFFIX))
            best = {k: c for k, c in best.items()
                    if c.place.precision in _ADMIN_PRECISIONS or c.quality == 0}
        return tuple(best.values())

    def _fuzzy_lookup(self, name: str) -> tuple[Candidate, ...]:
        """Transliteration-tolerant matches (consonant skeleton), used when exact lookup fails.

        Conservative: needs a skeleton of >= 4 consonants and a close spelling (difflib ratio).
        """
        sk = skeleton(name)
        if len(sk) < 4 or len(skeleton(strip_suffix(normalise(name)))) < 4:
            return ()  # "Al-Sina'a District" is no "Sion District": the generic word carries no evidence
        if re.search(r"(?:ian|ese|ish|ans)$", name.strip()):  # nationality words are not places
            return ()
        rows = self._query(
            "SELECT p.*, s.form FROM skeletons s JOIN places p ON p.id = s.place_id WHERE s.key = ?", (sk,))
        q_glued = strip_articles(normalise(name)).replace(" ", "")
        out: list[Candidate] = []
        seen: set[int] = set()
        for r in rows:
            place, form = self._row_to_place(r[:-1]), r[-1].replace(" ", "")
            if form and q_glued and place.place_id not in seen \
                    and SequenceMatcher(None, q_glued, form).ratio() >= FUZZY_MIN_RATIO:
                seen.add(place.place_id)
                out.append(Candidate(place, 4, fuzzy=True))
        return tuple(out)

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def neighbours(self, iso3: str) -> frozenset[str]:
        """ISO3 codes of the countries bordering `iso3` (empty when unknown)."""
        return self._neighbours.get(iso3, frozenset())

    def countries(self) -> dict[str, Place]:
        return dict(self._countries)

    @staticmethod
    def _demonym_entry(table: dict, norm: str):
        if norm in table:
            return table[norm]
        for suffix in ("s", "es"):
            if norm.endswith(suffix) and norm[: -len(suffix)] in table:
                return table[norm[: -len(suffix)]]
        return None

    def _demonym(self, text: str) -> str | None:
        """ISO3 of a nationality word ("Iraqi", "Americans") or a regional one ("Ohioans"), else None."""
        norm = normalise(text)
        iso = self._demonym_entry(self._demonyms, norm)
        if iso is None:
            entry = self._demonym_entry(self._region_demonyms, norm)
            iso = entry[0] if entry else None
        return iso

    def region_demonym(self, text: str) -> Place | None:
        """The region a regional demonym points at ("Ohioans" -> Ohio, "European" -> Europe), else None."""
        entry = self._demonym_entry(self._region_demonyms, normalise(text))
        if entry is None:
            return None
        iso3, name = entry
        found = [c.place for c in self.lookup(name) if c.place.country == iso3 and c.quality == 0
                 and c.place.precision in ("admin1", "region")]
        found.sort(key=lambda p: p.precision != "admin1")
        return found[0] if found else None

    def by_geonames_id(self, gid: int) -> Place | None:
        rows = self._query("SELECT * FROM places WHERE geonames_id = ?", (gid,))
        return self._row_to_place(rows[0]) if rows else None


_SINGLETON: Gazetteer | None = None
_SINGLETON_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded, and built if needed, on first call)."""
    global _SINGLETON
    with _SINGLETON_LOCK:
        if _SINGLETON is None:
            _SINGLETON = Gazetteer.load()
        return _SINGLETON
