"""Geoparsing evaluation on LGL and GeoVirus (Gritta et al.'s "Pragmatic Guide" copies).

Two measurements:

* resolution of *gold* spans (recognition taken out): accuracy within 161 km, mean and
  median error, coverage, country accuracy and (LGL) exact GeoNames id;
* end to end (spaCy NER + the strife_places component): precision/recall/F1, where a
  prediction is correct when it overlaps a gold span and lies within 161 km of it.

The corpora are read at run time from ``shared/data/geoparsing-corpora`` next to the
repository (or ``$STRIFE_SHARED_DIR/data/...``); nothing is copied into the package.
"""

from __future__ import annotations

import os
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from strife.gazetteer.index import Gazetteer, get_gazetteer
from strife.gazetteer.resolve import Resolver, haversine_km

CORPUS_FILES = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
ACC_KM = 161.0
# Mordecai3's published LGL figures (Halterman 2023), printed for comparison.
MORDECAI3_LGL = {"acc161": 0.827, "country_acc": 0.979, "exact_geonames": 0.794}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    country_name: str | None = None


@dataclass(slots=True)
class GoldArticle:
    article_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def shared_dir() -> Path:
    """The read-only shared data folder: $STRIFE_SHARED_DIR or ../shared next to the repository."""
    env = os.environ.get("STRIFE_SHARED_DIR")
    if env:
        return Path(env).expanduser()
    repo_root = Path(__file__).resolve().parents[3]
    return repo_root.parent / "shared"


def corpus_path(corpus: str) -> Path:
    if corpus not in CORPUS_FILES:
        raise ValueError(f"unknown corpus {corpus!r}; choose from {sorted(CORPUS_FILES)}")
    return shared_dir() / "data" / "geoparsing-corpora" / CORPUS_FILES[corpus]


def _float(el: ET.Element | None) -> float | None:
    if el is None or el.text is None or not el.text.strip():
        return None
    return float(el.text)


def _align(text: str, name: str, start: int, end: int, slack: int = 5) -> tuple[int, int]:
    """Fix small offset shifts (GeoVirus offsets are often one character off)."""
    if text[start:end] == name or not name:
        return start, end
    for delta in sorted(range(-slack, slack + 1), key=abs):
        s = start + delta
        if s >= 0 and text[s:s + len(name)] == name:
            return s, s + len(name)
    return start, end


def load_corpus(corpus: str = "lgl", limit: int | None = None) -> list[GoldArticle]:
    """Parse LGL (`lgl`) or GeoVirus (`geovirus`) into GoldArticles."""
    path = corpus_path(corpus)
    if not path.exists():
        raise FileNotFoundError(f"geoparsing corpus not found at {path} (set STRIFE_SHARED_DIR)")
    root = ET.parse(path).getroot()
    articles: list[GoldArticle] = []
    for i, art in enumerate(root.iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        text = art.findtext("text") or ""
        if corpus == "lgl":
            doc = GoldArticle(art.get("docid") or str(i), text)
            for t in art.iter("toponym"):
                tag = t.find("gaztag")
                gid = int(tag.get("geonameid")) if tag is not None and tag.get("geonameid") else None
                doc.toponyms.append(GoldToponym(
                    int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "",
                    _float(tag.find("lat")) if tag is not None else None,
                    _float(tag.find("lon")) if tag is not None else None,
                    gid, tag.findtext("country") if tag is not None else None))
        else:
            doc = GoldArticle(f"geovirus-{i}", text)
            for loc in art.iter("location"):
                name = loc.findtext("name") or ""
                start, end = _align(text, name, int(loc.findtext("start")), int(loc.findtext("end")))
                doc.toponyms.append(GoldToponym(start, end, text[start:end] or name, _float(loc.find("lat")),
                                                _float(loc.find("lon"))))
        articles.append(doc)
    return articles


@dataclass(slots=True)
class ResolutionScore:
    corpus: str
    n_gold: int
    acc161: float
    mean_km: float
    median_km: float
    coverage: float
    country_acc: float | None
    exact_geonames: float | None
    seconds: float

    def format(self) -> str:
        m = MORDECAI3_LGL if self.corpus == "lgl" else {}

        def row(label: str, value: float | None, key: str | None = None, fmt: str = ".3f") -> str:
            ours = "-" if value is None else format(value, fmt)
            theirs = format(m[key], ".3f") if key and key in m else ""
            return f"  {label:12s}{ours:>8s}{theirs:>12s}"

        header = f"  {'':12s}{'strife':>8s}{'Mordecai3':>12s}" if m else f"  {'':12s}{'strife':>8s}"
        lines = [f"[{self.corpus}] resolution of {self.n_gold} gold toponyms ({self.seconds:.1f}s)", header,
                 row("acc@161km", self.acc161, "acc161"),
                 row("country acc", self.country_acc, "country_acc"),
                 row("exact id", self.exact_geonames, "exact_geonames"),
                 row("coverage", self.coverage),
                 row("mean km", self.mean_km, fmt=".0f"),
                 row("median km", self.median_km, fmt=".1f")]
        if m:
            lines.append("  (Mordecai3: published LGL figures, Halterman 2023)")
        return "\n".join(lines)


@dataclass(slots=True)
class EndToEndScore:
    corpus: str
    n_gold: int
    n_pred: int
    precision: float
    recall: float
    f1: float
    recognition_recall: float
    seconds: float

    def format(self) -> str:
        return "\n".join([f"[{self.corpus}] end to end (NER + resolution, {self.seconds:.1f}s)",
                          f"  gold {self.n_gold}  predicted {self.n_pred}",
                          f"  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
                          f"  recognition recall (span overlap only) {self.recognition_recall:.3f}"])


def _gold_country_iso3(name: str | None, gaz: Gazetteer) -> str | None:
    if not name:
        return None
    for c in gaz.lookup(name):
        if c.place.precision == "country":
            return c.place.country
    return None


def score_resolution(articles: list[GoldArticle], corpus: str, gaz: Gazetteer | None = None) -> ResolutionScore:
    gaz = gaz or get_gazetteer()
    resolver = Resolver(gaz)
    t0 = time.time()
    errors: list[float] = []
    n = hits = covered = 0
    c_n = c_hit = g_n = g_hit = 0
    for art in articles:
        spans = [(t.start, t.end) for t in art.toponyms]
        if not spans:
            continue
        mentions = resolver.resolve(art.text, spans, demonyms_as_countries=True)
        for gold, m in zip(art.toponyms, mentions):
            if gold.lat is None or gold.lon is None:
                continue
            n += 1
            place = m.place
            if place is not None and place.lat is not None:
                covered += 1
                err = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
                errors.append(err)
                hits += err <= ACC_KM
            if gold.country_name is not None:
                iso = _gold_country_iso3(gold.country_name, gaz)
                if iso:
                    c_n += 1
                    c_hit += (m.country == iso)
            if gold.geonames_id is not None:
                g_n += 1
                g_hit += place is not None and place.geonames_id == gold.geonames_id
    return ResolutionScore(corpus, n, hits / n if n else 0.0,
                           statistics.fmean(errors) if errors else float("nan"),
                           statistics.median(errors) if errors else float("nan"),
                           covered / n if n else 0.0,
                           c_hit / c_n if c_n else None, g_hit / g_n if g_n else None, time.time() - t0)


def score_end_to_end(articles: list[GoldArticle], corpus: str, nlp=None) -> EndToEndScore:
    from strife.geoparse import default_nlp

    nlp = nlp or default_nlp()
    t0 = time.time()
    tp = n_pred = n_gold = rec_hits = 0
    for art in articles:
        doc = nlp(art.text)
        preds = doc._.strife_places or []
        golds = [t for t in art.toponyms if t.lat is not None]
        n_gold += len(golds)
        matched_gold: set[int] = set()
        for p in preds:
            overlapping = [i for i, g in enumerate(art.toponyms) if p.start_char < g.end and g.start < p.end_char]
            if overlapping and all(art.toponyms[i].lat is None for i in overlapping):
                continue  # gold toponym without coordinates: not scored either way
            n_pred += 1
            for i in overlapping:
                g = art.toponyms[i]
                if (g.lat is not None and i not in matched_gold and p.place is not None and p.place.lat is not None
                        and haversine_km(g.lat, g.lon, p.place.lat, p.place.lon) <= ACC_KM):
                    matched_gold.add(i)
                    tp += 1
                    break
        for i, g in enumerate(art.toponyms):
            if g.lat is not None and any(p.start_char < g.end and g.start < p.end_char for p in preds):
                rec_hits += 1
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EndToEndScore(corpus, n_gold, n_pred, precision, recall, f1,
                         rec_hits / n_gold if n_gold else 0.0, time.time() - t0)


def evaluate_geoparsing(corpus: str = "lgl", limit: int | None = None, end_to_end: bool = True,
                        nlp=None) -> dict:
    """Score gold-span resolution (and, optionally, end-to-end geoparsing) on a corpus.

    Returns a dict with "resolution" and (if requested) "end_to_end" sub-dicts plus "text",
    a print-friendly report.
    """
    articles = load_corpus(corpus, limit)
    res = score_resolution(articles, corpus)
    out: dict = {"corpus": corpus, "articles": len(articles), "resolution": {
        k: getattr(res, k) for k in ("n_gold", "acc161", "mean_km", "median_km", "coverage", "country_acc",
                                     "exact_geonames", "seconds")}}
    report = [res.format()]
    if end_to_end:
        e2e = score_end_to_end(articles, corpus, nlp)
        out["end_to_end"] = {k: getattr(e2e, k) for k in ("n_gold", "n_pred", "precision", "recall", "f1",
                                                          "recognition_recall", "seconds")}
        report.append(e2e.format())
    out["text"] = "\n".join(report)
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Geoparsing evaluation on LGL / GeoVirus")
    ap.add_argument("corpus", nargs="*", default=["lgl", "geovirus"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-e2e", action="store_true")
    args = ap.parse_args(argv)
    for corpus in args.corpus:
        print(evaluate_geoparsing(corpus, args.limit, end_to_end=not args.no_e2e)["text"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
