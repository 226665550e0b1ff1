"""Event-location evaluation on Halterman's event-location records (the data Mordecai3 trained on).

Each record is one sentence with one event verb (``VERB`` span) and the place mentions
(``LOCATION`` spans, 0..n) where *that* event happened. The records carry no coordinates,
so this measures which place strife chooses as the event's own location:

* strife's pipeline (:func:`strife.pipeline.extract_many`) runs on each sentence;
* the event is the record whose evidence covers the gold verb (else the article's main
  event), and its chosen location is ``locations[0]``;
* it is right when that location's span overlaps a gold LOCATION span or its text names
  the same place (normalised name match) -- ``acc_strict`` -- and, more leniently, also when
  both resolve to points within 161 km (``acc_161``; the gold names are resolved in the
  sentence with the same gazetteer);
* records whose verb has no LOCATION ask for no location: ``abstain_rate`` is how often
  strife gives none there.

The data is read at run time from ``shared/data/event-location-halterman/records.jsonl``
next to the repository (or ``$STRIFE_SHARED_DIR/data/...``); nothing is copied into the package.
Run ``python -m strife.evaluation.event_location [--limit N]``.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from strife.evaluation.lgl import ACC_KM, shared_dir
from strife.gazetteer.names import base_key
from strife.gazetteer.resolve import haversine_km

DATASET = Path("data") / "event-location-halterman" / "records.jsonl"
SAMPLE_SEED = 13
CATEGORIES = ("no_event", "no_location:gold_on_other_event", "no_location:gold_place_not_locative",
              "no_location:gold_not_recognised", "wrong:gold_ranked_lower", "wrong:gold_on_other_event",
              "wrong:gold_place_not_locative", "wrong:gold_not_recognised")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class LocationRecord:
    record_id: str
    text: str
    verb: GoldSpan
    locations: list[GoldSpan] = field(default_factory=list)
    source: str | None = None


def dataset_path() -> Path:
    return shared_dir() / DATASET


def _span(rec: dict, sp: dict) -> GoldSpan | None:
    """Character span of a labelled span; offsets are recomputed from tokens where broken."""
    text, tokens = rec["text"], rec.get("tokens") or []
    start, end = sp.get("start"), sp.get("end")
    ts, te = sp.get("token_start"), sp.get("token_end")
    if ts is not None and te is not None and 0 <= ts <= te < len(tokens):
        start, end = tokens[ts]["start"], tokens[te]["end"]
    if not isinstance(start, int) or not isinstance(end, int) or not (0 <= start < end <= len(text)):
        return None
    return GoldSpan(start, end, text[start:end])


def _cleaned(text: str, spans: list[GoldSpan]) -> tuple[str, list[GoldSpan | None]]:
    """The text as :class:`strife.article.Article` cleans it (stripped, spaces collapsed, NFC) and the
    spans moved onto it, so that gold offsets and strife's offsets refer to the same string (None where a
    span's characters did not survive the cleaning)."""
    from difflib import SequenceMatcher

    from strife.article import clean_text

    clean = clean_text(text)
    if clean == text:
        return text, list(spans)
    pos: dict[int, int] = {}
    for a, b, n in SequenceMatcher(None, text, clean, autojunk=False).get_matching_blocks():
        for k in range(n):
            pos[a + k] = b + k
    out: list[GoldSpan | None] = []
    for sp in spans:
        kept = [pos[k] for k in range(sp.start, sp.end) if k in pos and not text[k].isspace()]
        out.append(GoldSpan(kept[0], kept[-1] + 1, clean[kept[0]:kept[-1] + 1]) if kept else None)
    return clean, out


def load_records(limit: int | None = None, sample_seed: int | None = SAMPLE_SEED) -> list[LocationRecord]:
    """Records with exactly one usable VERB span (rejected annotations dropped).

    Texts are cleaned as strife cleans an article (the spans moved with them): strife's output is keyed
    and offset by the cleaned text.

    With `limit`, a fixed random sample (seeded) rather than the first records, which come
    from one source only.
    """
    path = dataset_path()
    if not path.exists():
        raise FileNotFoundError(f"event-location records not found at {path} (set STRIFE_SHARED_DIR)")
    out: list[LocationRecord] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("answer") not in (None, "accept"):
                continue
            verbs = [s for s in rec.get("spans", []) if s.get("label") == "VERB"]
            if len(verbs) != 1:
                continue
            verb = _span(rec, verbs[0])
            if verb is None:
                continue
            locs = [_span(rec, s) for s in rec.get("spans", []) if s.get("label") == "LOCATION"]
            if any(loc is None for loc in locs):
                continue  # a location we cannot place in the text: the record cannot be scored
            text, moved = _cleaned(rec["text"], [verb] + [loc for loc in locs if loc is not None])
            if any(sp is None for sp in moved):
                continue
            out.append(LocationRecord(str(rec.get("_id", i)), text, moved[0],  # type: ignore[arg-type]
                                      moved[1:], rec.get("source")))  # type: ignore[arg-type]
    if limit is not None and limit < len(out):
        rng = random.Random(sample_seed)
        out = sorted(rng.sample(out, limit), key=lambda r: r.record_id)
    return out


@dataclass(slots=True)
class _Choice:
    """What strife chose for one record."""

    n_events: int
    matched_verb: bool
    chosen: object | None                      # strife.records.Location
    event_locations: list = field(default_factory=list)
    other_locations: list = field(default_factory=list)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _pick_event(events: list, verb: GoldSpan):
    for ev in events:
        if any(_overlaps(e.span[0], e.span[1], verb.start, verb.end) for e in ev.evidence):
            return ev, True
    return (events[0], False) if events else (None, False)


def _same_place(loc, gold: GoldSpan, gold_points: dict[GoldSpan, tuple[float, float] | None]) -> tuple[bool, bool]:
    """(strict, within 161 km) agreement of a strife Location with one gold span."""
    strict = _overlaps(loc.span[0], loc.span[1], gold.start, gold.end) or \
        (base_key(gold.text) != "" and base_key(gold.text) in (base_key(loc.text), base_key(loc.name)))
    near = strict
    pt = gold_points.get(gold)
    if not near and pt is not None and loc.lat is not None and loc.lon is not None:
        near = haversine_km(pt[0], pt[1], loc.lat, loc.lon) <= ACC_KM
    return strict, near


def _gold_points(recs: list[LocationRecord]) -> dict[str, dict[GoldSpan, tuple[float, float] | None]]:
    from strife.gazetteer.index import get_gazetteer
    from strife.gazetteer.resolve import Resolver

    resolver = Resolver(get_gazetteer())
    out: dict[str, dict[GoldSpan, tuple[float, float] | None]] = {}
    for r in recs:
        ms = resolver.resolve(r.text, [(g.start, g.end) for g in r.locations]) if r.locations else []
        out[r.record_id] = {g: ((m.place.lat, m.place.lon) if m.resolved else None) for g, m in zip(r.locations, ms)}
    return out


def _recognised(r: LocationRecord) -> bool:
    """Does strife's place recogniser (NER + strife_places) find a gold location of the sentence?"""
    from strife.geoparse import geoparse_text

    rows = geoparse_text(r.text)
    return any(_overlaps(row["span"][0], row["span"][1], g.start, g.end) for row in rows for g in r.locations)


def _categorise(c: _Choice, r: LocationRecord, pts: dict) -> str:
    def hits(locs) -> bool:
        return any(_same_place(loc, g, pts)[0] for loc in locs for g in r.locations)

    def unattached(prefix: str) -> str:
        return prefix + ("gold_place_not_locative" if _recognised(r) else "gold_not_recognised")

    if c.n_events == 0:
        return "no_event"
    if c.chosen is None:
        return "no_location:gold_on_other_event" if hits(c.other_locations) else unattached("no_location:")
    if hits(c.event_locations[1:]):
        return "wrong:gold_ranked_lower"
    if hits(c.other_locations):
        return "wrong:gold_on_other_event"
    return unattached("wrong:")


def evaluate_event_location(limit: int | None = None, nlp=None, examples: int = 5) -> dict:
    """Score strife's choice of each event's own location; returns numbers, error categories and text."""
    from strife.article import Article
    from strife.pipeline import extract_many

    recs = load_records(limit)
    t0 = time.time()
    by_text: dict[str, list] = {}
    unique = list(dict.fromkeys(r.text for r in recs))
    articles = [Article(text=t, id=f"evloc-{i}") for i, t in enumerate(unique)]
    for art, events in extract_many(articles, nlp=nlp):
        by_text[art.text] = events
    seconds = time.time() - t0
    pts_all = _gold_points(recs)

    n_loc = strict_hits = near_hits = n_none = abstained = matched = n_with_event = hits_with_event = 0
    cats: Counter = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        events = by_text.get(r.text, [])
        ev, is_match = _pick_event(events, r.verb)
        chosen = ev.locations[0] if ev is not None and ev.locations else None
        others = [loc for e in events if e is not ev for loc in e.locations]
        choice = _Choice(len(events), is_match, chosen, list(ev.locations) if ev else [], others)
        matched += is_match
        if not r.locations:
            n_none += 1
            abstained += chosen is None
            continue
        n_loc += 1
        pts = pts_all[r.record_id]
        ok_strict = ok_near = False
        if chosen is not None:
            for g in r.locations:
                s, n = _same_place(chosen, g, pts)
                ok_strict, ok_near = ok_strict or s, ok_near or n
        strict_hits += ok_strict
        near_hits += ok_near
        if events:
            n_with_event += 1
            hits_with_event += ok_strict
        if not ok_strict:
            cat = _categorise(choice, r, pts)
            cats[cat] += 1
            if len(samples[cat]) < examples:
                got = f"{chosen.text!r}" if chosen is not None else "None"
                samples[cat].append(f"gold={[g.text for g in r.locations]} chosen={got} verb={r.verb.text!r} | "
                                    f"{r.text[:160]}")
    out = {
        "records": len(recs), "with_location": n_loc, "without_location": n_none,
        "acc_strict": strict_hits / n_loc if n_loc else 0.0,
        "acc_161": near_hits / n_loc if n_loc else 0.0,
        "acc_given_event": hits_with_event / n_with_event if n_with_event else 0.0,
        "with_location_and_event": n_with_event,
        "abstain_rate": abstained / n_none if n_none else 0.0,
        "verb_matched": matched / len(recs) if recs else 0.0,
        "errors": dict(cats), "examples": dict(samples),
        "seconds": seconds, "seconds_per_record": seconds / len(unique) if unique else 0.0,
    }
    out["text"] = format_report(out)
    return out


def format_report(res: dict) -> str:
    lines = [f"[event-location] {res['records']} records ({res['with_location']} with a gold location, "
             f"{res['without_location']} without; pipeline {res['seconds']:.0f}s, "
             f"{res['seconds_per_record'] * 1000:.0f} ms/sentence)",
             f"  chosen location right (span/name)        {res['acc_strict']:.3f}",
             f"  chosen location right (or within 161 km) {res['acc_161']:.3f}",
             f"  ... among the {res['with_location_and_event']} where strife found an event "
             f"  {res['acc_given_event']:.3f}",
             f"  no location given where none is stated   {res['abstain_rate']:.3f}",
             f"  gold verb found in an event's evidence   {res['verb_matched']:.3f}",
             "  errors on records with a gold location:"]
    n = res["with_location"] or 1
    for cat in CATEGORIES:
        k = res["errors"].get(cat, 0)
        lines.append(f"    {cat:34s} {k:5d}  ({k / n:.1%})")
        for ex in res["examples"].get(cat, [])[:3]:
            lines.append(f"        e.g. {ex}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Event-location evaluation (Halterman's event-location records)")
    ap.add_argument("--limit", type=int, default=1500, help="records to sample (0 = all, ~0.07 s each)")
    args = ap.parse_args(argv)
    print(evaluate_event_location(limit=args.limit or None)["text"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
