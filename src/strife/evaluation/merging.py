"""Cross-article merging measured on the UCDP GED sample (``../shared/data/ucdp-ged-sample``).

    python -m strife.evaluation.merging [--mode ged|pipeline|both] [--tune]

The gold
--------
Every GED event is one real event; its ``source_headline`` field lists the headlines of the
reports UCDP coded it from (``;``-separated, aligned with ``source_office`` and
``source_date``). Each headline is one *source*, i.e. one article of the store.

* **must merge**: two sources of the same GED event;
* **must not merge**: two sources of two different GED events of the same country whose date
  ranges are at most ``NEAR_DAYS`` (7) days apart and whose GED points are at most ``NEAR_KM``
  (100 km) apart ("different events nearby in time and place").

Pairs of sources with identical article text are left out: the store keeps one article per text
by design (idempotent ingest), so such a pair says nothing about the merge rule.

The records (two modes)
-----------------------
``pipeline``
    The real extractor (:func:`strife.pipeline.extract_many`) reads each headline as an article
    published on its ``source_date`` by its ``source_office``. This is the end-to-end number, but
    the text is only a headline: many have no place, no date and no actor ("Name\\tAyman Al Hindi",
    "Thursday 3 January 2013"), so a source without a record can merge with nothing.
``ged``
    One record per source built from the GED row's own coding (type of violence -> PLOVER/ACLED
    type, ``side_a``/``side_b`` -> actors, ``date_start``/``date_end``/``date_prec`` -> date,
    ``where_coordinates``/``adm_1``/lat/lon/``where_prec`` -> place, ``best/low/high`` -> toll),
    with the headline as evidence and the source's office and date as the article's. This is what
    the store would see if every report were read perfectly; it isolates the merge rule, whose
    recall is then an upper bound, and its precision shows how often it fuses distinct events
    that lie close in time and place.

Decisions scored
----------------
``rule``: :func:`strife.store.cluster.same_event` on the two sources' records (merged when any
record of one and any record of the other are the same event). ``store``: the clusters the
store forms when every source is ingested (in publication order) into a temporary DuckDB file;
a pair is merged when the two sources share a cluster. ``store`` also reports ``precision_all``,
which counts every co-clustered pair of sources of different GED events as a false merge, nearby
or not.

Tuning (``--tune``) splits the GED events in two halves by (country, year) - so nearby pairs stay
within one half - grid-searches :class:`MergeRule` on the first half with ``same_event`` and
reports the chosen rule and the default on the second half, both for ``rule`` and ``store``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from strife.article import Article
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, make_event_id,
)
from strife.store.cluster import DEFAULT_RULE, MergeRule, haversine_km, same_event

GED_DIR = Path("data") / "ucdp-ged-sample"
GED_FILE = "ucdpged_sample_1000.csv"
NEAR_DAYS = 7
NEAR_KM = 100.0
MODES = ("ged", "pipeline")

# UCDP where_prec (1 exact place .. 7 international waters) -> RECORD.md place precision
_WHERE_PREC = {1: "city", 2: "city", 3: "admin2", 4: "admin1", 5: "region", 6: "country", 7: "region"}
# UCDP date_prec (1 exact day, 2 two-six days, 3 a week, 4 a month, 5 longer) -> RECORD.md date precision
_DATE_PREC = {1: "day", 2: "week", 3: "week", 4: "month", 5: "year"}
# UCDP type_of_violence -> ACLED (event type, sub-event type); PLOVER type is ASSAULT for all three
_TOV_ACLED = {
    1: ("Battles", "Armed clash"),
    2: ("Battles", "Armed clash"),
    3: ("Violence against civilians", "Attack"),
}
_PAREN = re.compile(r"\s*\([^)]*\)")


# --- data ------------------------------------------------------------------------------------------


def ged_path() -> Path:
    """The GED sample CSV: ``$STRIFE_SHARED_DIR/data/...`` or ``<repo>/../shared/data/...``."""
    from strife.settings import discover_shared_dir

    shared = discover_shared_dir()
    if shared is None:
        raise FileNotFoundError(
            "the shared data directory was not found; set STRIFE_SHARED_DIR to the folder holding data/"
        )
    path = shared / GED_DIR / GED_FILE
    if not path.is_file():
        raise FileNotFoundError(f"UCDP GED sample not found at {path}")
    return path


@dataclass(frozen=True)
class GedSource:
    """One report of a GED event: its headline, outlet and date."""

    event_id: int
    index: int
    headline: str
    office: Optional[str]
    published: Optional[date]

    @property
    def key(self) -> str:
        return f"ged{self.event_id}-{self.index}"


@dataclass(frozen=True)
class GedEvent:
    id: int
    type_of_violence: int
    side_a: str
    side_b: str
    country: str
    iso3: Optional[str]
    adm_1: Optional[str]
    adm_2: Optional[str]
    where: str
    lat: float
    lon: float
    where_prec: int
    date_start: date
    date_end: date
    date_prec: int
    best: int
    low: int
    high: int
    sources: tuple[GedSource, ...] = ()

    @property
    def half(self) -> int:
        """0 or 1: the tuning half, by (country, year) so that nearby events share a half."""
        h = hashlib.sha256(f"{self.country}|{self.date_start.year}".encode()).digest()
        return h[0] & 1


def _opt(s: str) -> Optional[str]:
    s = s.strip()
    return s or None


def _country_iso3(name: str, cache: dict[str, Optional[str]]) -> Optional[str]:
    """ISO3 of a GED country name ("DR Congo (Zaire)", "Yemen (North Yemen)") via pycountry or the gazetteer."""
    if name in cache:
        return cache[name]
    import pycountry

    from strife.gazetteer.index import get_gazetteer
    from strife.gazetteer.resolve import Resolver

    base = _PAREN.sub("", name).strip()
    iso: Optional[str] = None
    for form in (base, base.replace("-", " and "), base.split(",")[0]):
        try:
            iso = pycountry.countries.lookup(form).alpha_3
            break
        except LookupError:
            pass
        found = [c.place.country for c in Resolver(get_gazetteer()).candidates(form, allow_fuzzy=False)
                 if c.place.precision == "country"]
        if found:
            iso = found[0]
            break
    cache[name] = iso
    return iso


def _split(field_: str) -> list[str]:
    return [x.strip() for x in field_.split(";")] if field_.strip() else []


def load_ged_events(path: Optional[Path] = None) -> list[GedEvent]:
    """GED events that have at least one source headline, with their sources."""
    path = path or ged_path()
    out: list[GedEvent] = []
    iso_cache: dict[str, Optional[str]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            heads = _split(row["source_headline"])
            if not any(heads):
                continue
            offices, dates = _split(row["source_office"]), _split(row["source_date"])
            eid = int(row["id"])
            sources = []
            for i, h in enumerate(heads):
                if not h:
                    continue
                office = offices[i] if i < len(offices) and len(offices) == len(heads) else None
                pub_s = dates[i] if i < len(dates) and len(dates) == len(heads) else None
                try:
                    pub = date.fromisoformat(pub_s) if pub_s else None
                except ValueError:
                    pub = None
                sources.append(GedSource(eid, i, h, office or None, pub or date.fromisoformat(row["date_end"])))
            out.append(GedEvent(
                id=eid, type_of_violence=int(row["type_of_violence"]), side_a=row["side_a"], side_b=row["side_b"],
                country=row["country"], iso3=_country_iso3(row["country"], iso_cache), adm_1=_opt(row["adm_1"]),
                adm_2=_opt(row["adm_2"]), where=row["where_coordinates"] or row["country"],
                lat=float(row["latitude"]), lon=float(row["longitude"]), where_prec=int(row["where_prec"]),
                date_start=date.fromisoformat(row["date_start"]), date_end=date.fromisoformat(row["date_end"]),
                date_prec=int(row["date_prec"]), best=int(row["best"]), low=int(row["low"]), high=int(row["high"]),
                sources=tuple(sources),
            ))
    return out


# --- gold pairs ------------------------------------------------------------------------------------


Pair = tuple[str, str]  # two source keys, sorted


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def nearby(a: GedEvent, b: GedEvent, max_days: int = NEAR_DAYS, max_km: float = NEAR_KM) -> bool:
    if a.country != b.country:
        return False
    gap = (max(a.date_start, b.date_start) - min(a.date_end, b.date_end)).days
    return gap <= max_days and haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km


@dataclass
class GoldPairs:
    positive: dict[Pair, int] = field(default_factory=dict)  # pair -> GED event id
    negative: set[Pair] = field(default_factory=set)


def gold_pairs(events: Sequence[GedEvent], texts: dict[str, str]) -> GoldPairs:
    """Must-merge and must-not-merge pairs of source keys (pairs of identical texts left out)."""
    gold = GoldPairs()
    for ev in events:
        for s, t in itertools.combinations(ev.sources, 2):
            if texts[s.key] != texts[t.key]:
                gold.positive[_pair(s.key, t.key)] = ev.id
    by_country: dict[str, list[GedEvent]] = defaultdict(list)
    for ev in events:
        by_country[ev.country].append(ev)
    for evs in by_country.values():
        for a, b in itertools.combinations(evs, 2):
            if not nearby(a, b):
                continue
            for s in a.sources:
                for t in b.sources:
                    if texts[s.key] != texts[t.key]:
                        gold.negative.add(_pair(s.key, t.key))
    return gold


# --- records ---------------------------------------------------------------------------------------


def source_text(src: GedSource, mode: str) -> str:
    """The article text of a source: the headline (``ged`` adds a byline so that outlets' identical
    generic titles, e.g. a daily list's date, stay distinct articles)."""
    if mode == "pipeline":
        return src.headline
    return f"{src.headline}\n\n{src.office or 'unknown outlet'}, {src.published}"


def source_article(src: GedSource, mode: str) -> Article:
    return Article(text=source_text(src, mode), id=src.key, published=src.published, source=src.office,
                   origin=f"ucdp-ged:{src.event_id}#{src.index}")


def ged_record(ev: GedEvent, src: GedSource, article: Article) -> Event:
    """The record a perfect reader of this source would give, from the GED row's coding."""
    sha = article.text_sha256
    head = (0, len(src.headline))
    event_type, sub_type = _TOV_ACLED[ev.type_of_violence]
    side_b = ev.side_b if ev.type_of_violence != 3 else "Civilians"
    precision = _WHERE_PREC.get(ev.where_prec, "region")
    return Event(
        event_id=make_event_id(sha, "ged-record"),
        article=ArticleRef(id=article.id, title=src.headline, published=article.published_iso,
                           source=article.source, text_sha256=sha),
        plover=Plover(type="ASSAULT", mode=[], context=["military"]),
        cameo="190" if ev.type_of_violence != 3 else "180",
        acled=Acled(event_type=event_type, sub_event_type=sub_type),
        actors=[Actor(role="actor", name=ev.side_a, text=ev.side_a, span=head),
                Actor(role="recipient", name=side_b, text=side_b, span=head)],
        date=DateInfo(start=ev.date_start.isoformat(), end=ev.date_end.isoformat(),
                      precision=_DATE_PREC.get(ev.date_prec, "month"), basis="explicit"),
        locations=[Location(name=ev.where, text=ev.where, span=head, country=ev.iso3, admin1=ev.adm_1,
                            admin2=ev.adm_2, lat=ev.lat, lon=ev.lon, precision=precision)],
        fatalities=Toll(low=ev.low, best=ev.best, high=ev.high),
        evidence=[Evidence(text=src.headline, span=head)],
        confidence=1.0,
        extractor=ExtractorInfo(name="ucdp-ged", version="23.1"),
    )


@dataclass
class SourceRecords:
    """What the store is given for each source of one mode."""

    mode: str
    articles: dict[str, Article]
    records: dict[str, list[Event]]
    seconds: float = 0.0

    def text(self, key: str) -> str:
        return self.articles[key].text


def build_records(events: Sequence[GedEvent], mode: str, nlp=None) -> SourceRecords:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
    t0 = time.perf_counter()
    articles = {s.key: source_article(s, mode) for ev in events for s in ev.sources}
    records: dict[str, list[Event]] = {}
    if mode == "ged":
        for ev in events:
            for s in ev.sources:
                records[s.key] = [ged_record(ev, s, articles[s.key])]
    else:
        from strife.pipeline import extract_many

        for art, evs in extract_many(articles.values(), nlp=nlp):
            assert art.id is not None
            records[art.id] = list(evs)
    return SourceRecords(mode, articles, records, time.perf_counter() - t0)


# --- scoring ---------------------------------------------------------------------------------------


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    recall_event_avg: float = 0.0  # recall averaged over GED events (each event weighs the same)
    precision_all: Optional[float] = None  # store only: over every co-clustered cross-event pair

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4),
                 recall_event_avg=round(self.recall_event_avg, 4))
        if self.precision_all is None:
            del d["precision_all"]
        else:
            d["precision_all"] = round(self.precision_all, 4)
        return d


def score_pairs(gold: GoldPairs, merged: Callable[[str, str], bool]) -> PairScore:
    sc = PairScore()
    per_event: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for (a, b), eid in gold.positive.items():
        ok = merged(a, b)
        sc.tp += ok
        sc.fn += not ok
        per_event[eid][0] += ok
        per_event[eid][1] += 1
    for a, b in gold.negative:
        ok = merged(a, b)
        sc.fp += ok
        sc.tn += not ok
    if per_event:
        sc.recall_event_avg = sum(k / n for k, n in per_event.values()) / len(per_event)
    return sc


def rule_decider(recs: SourceRecords, rule: MergeRule) -> Callable[[str, str], bool]:
    from strife.store.cluster import features_of

    feats = {k: [features_of(e) for e in evs] for k, evs in recs.records.items()}

    def merged(a: str, b: str) -> bool:
        return any(same_event(x, y, rule) for x in feats[a] for y in feats[b])

    return merged


def store_clusters(recs: SourceRecords, keys: Iterable[str], rule: MergeRule) -> dict[str, frozenset[str]]:
    """Ingest the sources (in publication order) into a temporary store; source key -> its clusters."""
    from strife.store import connect, ingest_articles

    keys = sorted(keys, key=lambda k: (recs.articles[k].published or date.min, k))
    with tempfile.TemporaryDirectory(prefix="strife-merge-eval-") as tmp:
        con = connect(Path(tmp) / "eval.duckdb")
        try:
            report = ingest_articles(con, [(recs.articles[k], recs.records[k]) for k in keys], rule=rule,
                                     batch_size=500)
            if report.failed:
                raise RuntimeError(f"ingest failed for {len(report.failed)} sources: {report.failed[:3]}")
            rows = con.execute("SELECT article_sha256, cluster_id FROM events").fetchall()
        finally:
            con.close()
    by_sha: dict[str, set[str]] = defaultdict(set)
    for sha, cid in rows:
        by_sha[sha].add(cid)
    return {k: frozenset(by_sha.get(recs.articles[k].text_sha256, ())) for k in keys}


def store_score(recs: SourceRecords, events: Sequence[GedEvent], gold: GoldPairs, rule: MergeRule) -> PairScore:
    keys = [s.key for ev in events for s in ev.sources]
    clusters = store_clusters(recs, keys, rule)
    sc = score_pairs(gold, lambda a, b: bool(clusters[a] & clusters[b]))
    # every co-clustered pair of sources, gold or not
    members: dict[str, set[str]] = defaultdict(set)
    for k, cids in clusters.items():
        for c in cids:
            members[c].add(k)
    together: set[Pair] = set()
    for ks in members.values():
        together.update(_pair(a, b) for a, b in itertools.combinations(sorted(ks), 2)
                        if recs.text(a) != recs.text(b))
    event_of = {s.key: ev.id for ev in events for s in ev.sources}
    wrong = sum(1 for a, b in together if event_of[a] != event_of[b])
    sc.precision_all = (len(together) - wrong) / len(together) if together else 0.0
    return sc


# --- evaluation ------------------------------------------------------------------------------------


@dataclass
class ModeResult:
    mode: str
    n_events: int
    n_sources: int
    sources_with_records: int
    n_positive: int
    n_negative: int
    rule: PairScore
    store: PairScore
    seconds: float

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("rule", "store")}
        d.update(rule=self.rule.as_dict(), store=self.store.as_dict(), seconds=round(self.seconds, 2))
        return d


def evaluate_mode(events: Sequence[GedEvent], mode: str, rule: MergeRule = DEFAULT_RULE, nlp=None,
                  recs: Optional[SourceRecords] = None) -> ModeResult:
    t0 = time.perf_counter()
    recs = recs or build_records(events, mode, nlp=nlp)
    keys = [s.key for ev in events for s in ev.sources]
    gold = gold_pairs(events, {k: recs.text(k) for k in keys})
    return ModeResult(
        mode=mode, n_events=len(events), n_sources=len(keys),
        sources_with_records=sum(1 for k in keys if recs.records.get(k)),
        n_positive=len(gold.positive), n_negative=len(gold.negative),
        rule=score_pairs(gold, rule_decider(recs, rule)),
        store=store_score(recs, events, gold, rule),
        seconds=time.perf_counter() - t0 + recs.seconds,
    )


# candidate rules for --tune: threshold x place distance x date tolerance x weight profiles
_WEIGHTS = {
    "default": dict(w_type=0.20, w_date=0.25, w_place=0.20, w_actors=0.20, w_evidence=0.15),
    "place+date": dict(w_type=0.15, w_date=0.30, w_place=0.30, w_actors=0.15, w_evidence=0.10),
    "actors+evidence": dict(w_type=0.15, w_date=0.25, w_place=0.15, w_actors=0.25, w_evidence=0.20),
    "evidence": dict(w_type=0.15, w_date=0.25, w_place=0.20, w_actors=0.15, w_evidence=0.25),
}


def candidate_rules() -> list[MergeRule]:
    out = []
    for w, thr, km, tol in itertools.product(
        _WEIGHTS.values(), (0.55, 0.6, 0.65, 0.7, 0.75, 0.8), (25.0, 50.0, 100.0), (1, 2, 3)
    ):
        out.append(MergeRule(**w, threshold=thr, max_km=km, date_tolerance_days=tol))
    return out


def tune(events: Sequence[GedEvent], recs_by_mode: dict[str, SourceRecords]) -> dict:
    """Grid-search the rule on half 0 (mean ``rule`` F1 over the modes); report both rules on half 1."""
    halves = {h: [ev for ev in events if ev.half == h] for h in (0, 1)}
    golds = {}
    for mode, recs in recs_by_mode.items():
        for h, evs in halves.items():
            keys = [s.key for ev in evs for s in ev.sources]
            golds[mode, h] = gold_pairs(evs, {k: recs.text(k) for k in keys})

    def f1(rule: MergeRule, h: int) -> float:
        return sum(score_pairs(golds[m, h], rule_decider(r, rule)).f1 for m, r in recs_by_mode.items()) / len(recs_by_mode)

    base = f1(DEFAULT_RULE, 0)
    best_rule, best = DEFAULT_RULE, base
    for rule in candidate_rules():
        v = f1(rule, 0)
        if v > best + 1e-9:
            best_rule, best = rule, v
    report: dict = {"tune_half_f1": {"default": round(base, 4), "chosen": round(best, 4)},
                    "chosen_rule": asdict(best_rule), "report_half": {}}
    for mode, recs in recs_by_mode.items():
        for name, rule in (("default", DEFAULT_RULE), ("chosen", best_rule)):
            r = evaluate_mode(halves[1], mode, rule, recs=recs)
            report["report_half"][f"{mode}/{name}"] = {"rule": r.rule.as_dict(), "store": r.store.as_dict()}
    return report


def evaluate_merging(modes: Sequence[str] = MODES, rule: MergeRule = DEFAULT_RULE, *, do_tune: bool = False,
                     path: Optional[Path] = None, nlp=None) -> dict:
    """Pairwise precision/recall/F1 of the store's merge decisions on the GED sample, per mode.

    Returns ``{"data": ..., "modes": {mode: {...}}, "tuning": {...}?}``; each mode holds ``rule``
    and ``store`` scores (tp, fp, fn, tn, precision, recall, f1, recall_event_avg and, for the
    store, precision_all).
    """
    events = load_ged_events(path)
    recs_by_mode = {m: build_records(events, m, nlp=nlp) for m in modes}
    out: dict = {
        "data": {"events_with_headlines": len(events), "sources": sum(len(e.sources) for e in events),
                 "events_with_2plus_sources": sum(1 for e in events if len(e.sources) >= 2),
                 "near_days": NEAR_DAYS, "near_km": NEAR_KM},
        "rule": asdict(rule),
        "modes": {m: evaluate_mode(events, m, rule, recs=recs_by_mode[m]).as_dict() for m in modes},
    }
    if do_tune:
        out["tuning"] = tune(events, recs_by_mode)
    return out


def _fmt(d: dict) -> str:
    return (f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
            f"(tp {d['tp']} fp {d['fp']} fn {d['fn']} tn {d['tn']}; event-avg R {d['recall_event_avg']:.3f}"
            + (f"; P over all co-clustered {d['precision_all']:.3f}" if "precision_all" in d else "") + ")")


def format_report(res: dict) -> str:
    lines = [
        "Merging on the UCDP GED sample: {events_with_headlines} events with headlines, {sources} sources, "
        "{events_with_2plus_sources} events with 2+ sources; must-not pairs: other events within "
        "{near_days} days and {near_km:.0f} km".format(**res["data"]),
    ]
    for mode, r in res["modes"].items():
        lines.append(f"[{mode}] {r['sources_with_records']}/{r['n_sources']} sources gave a record; "
                     f"{r['n_positive']} must-merge pairs, {r['n_negative']} must-not pairs ({r['seconds']:.1f}s)")
        lines.append(f"  rule  (same_event): {_fmt(r['rule'])}")
        lines.append(f"  store (clusters)  : {_fmt(r['store'])}")
    if "tuning" in res:
        t = res["tuning"]
        lines.append(f"tuning (half 0, mean rule-F1 over modes): default {t['tune_half_f1']['default']:.3f} -> "
                     f"chosen {t['tune_half_f1']['chosen']:.3f}; chosen rule {json.dumps(t['chosen_rule'])}")
        for name, r in t["report_half"].items():
            lines.append(f"  report half, {name}: rule {_fmt(r['rule'])}")
            lines.append(f"  {' ' * len(name)}              store {_fmt(r['store'])}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m strife.evaluation.merging", description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=(*MODES, "both"), default="both")
    ap.add_argument("--tune", action="store_true", help="grid-search MergeRule on half the events")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    modes = MODES if args.mode == "both" else (args.mode,)
    try:
        res = evaluate_merging(modes, do_tune=args.tune)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(res, indent=2) if args.json else format_report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
