"""The quality harness: run the extractor on the development sets in ``../shared/data`` and print
per-field precision, recall and F1 against their gold.

    python -m strife.evaluation.harness [--limit N] [--only seed,plover,case,lgl]
    strife evaluate [--limit N] [--only ...]

Sets (read at run time, never copied): the seed article, PLOVER gold records (event type, source
and target country), CASE-2021 snippets (ACLED sub-event type of the main record) and LGL (place
resolution). Each set's rows are scored the same way: a prediction is counted in precision when the
extractor gave one, in recall against every gold row.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from strife.article import Article
from strife.evaluation.scores import Score


PRF = Score  # rows of (prediction, gold) are counted with Score.observe


@dataclass
class Row:
    dataset: str
    field: str
    precision: float
    recall: float
    f1: float
    n: int
    note: str = ""


@dataclass
class HarnessResult:
    rows: list[Row] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def get(self, dataset: str, fld: str) -> Row:
        for r in self.rows:
            if r.dataset == dataset and r.field == fld:
                return r
        raise KeyError((dataset, fld))

    def table(self) -> str:
        lines = ["| set | field | precision | recall | F1 | n | note |", "|---|---|---|---|---|---|---|"]
        for r in self.rows:
            lines.append(f"| {r.dataset} | {r.field} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {r.n} | {r.note} |")
        return "\n".join(lines)


def _row(dataset: str, fld: str, prf: PRF, note: str = "") -> Row:
    return Row(dataset, fld, prf.precision, prf.recall, prf.f1, int(prf.n_gold), note)


def _data_dir() -> Path:
    from strife.settings import get_settings

    shared = get_settings().require_shared_dir()
    return shared / "data"


def _extract_all(texts: Iterable[tuple[str, Optional[str]]]) -> list[list]:
    from strife.pipeline import extract_many

    arts = [Article(text=t, id=str(i), published=p) for i, (t, p) in enumerate(texts)]
    return [evs for _, evs in extract_many(arts)]


# --------------------------------------------------------------------------------------------


def eval_seed(result: HarnessResult) -> None:
    from strife.evaluation.gold import score_gold
    from strife.readers import read_inputs
    from strife.pipeline import extract_article
    from strife.settings import get_settings

    seed = get_settings().require_shared_dir() / "seed"
    gold = json.loads((seed / "gold.json").read_text())
    (art,) = list(read_inputs([str(seed / "article.txt")], published=gold["metadata"]["published"]))
    recs = [e.to_json_dict() for e in extract_article(art)]
    rep = score_gold(gold, recs)
    required = [g for g in gold["events"] if g.get("required")]
    matched_req = sum(1 for g in required if g["id"] in rep.matched)
    prf = PRF(tp=matched_req, n_pred=matched_req + len(rep.false_positives) + sum(len(v) - 1 for v in rep.duplicates.values()),
              n_gold=len(required))
    result.rows.append(_row("seed", "events", prf, "passed" if rep.passed else "; ".join(rep.failures())[:200]))
    ok = sum(c.ok for c in rep.checks)
    result.rows.append(Row("seed", "field checks", ok / max(len(rep.checks), 1), ok / max(len(rep.checks), 1),
                           ok / max(len(rep.checks), 1), len(rep.checks)))


def eval_articles(result: HarnessResult, limit: Optional[int] = None) -> None:
    """Whole articles with document-level gold (``tests/data/gold_articles``, the seed's format)."""
    from strife.evaluation.articles import DEFAULT_DIR, evaluate_articles

    if not DEFAULT_DIR.is_dir():
        return  # an installed package without the repository's test data
    res = evaluate_articles([DEFAULT_DIR], limit=limit)
    c = res.counts()
    result.rows.append(_row("gold-articles", "events (required once; splits and extras count against)", res.events,
                            f"{c['articles']} articles, {c['records']} records: {c['missing']} missing, "
                            f"{c['splits']} splits, {c['false_positives']} false positives"))
    ok, n = res.fields
    result.rows.append(Row("gold-articles", "field checks of matched required events", ok / n if n else 0.0,
                           ok / n if n else 0.0, ok / n if n else 0.0, n))


def load_plover_gsr() -> list[dict]:
    from strife import ontology

    rows = json.loads((_data_dir() / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text())
    out = []
    for r in rows:
        if r.get("event") in (None, "DOCUMENT"):
            continue
        out.append({"text": r["text"], "type": ontology.legacy_plover(r["event"]),
                    "source": [a.get("code") for a in r.get("source") or [] if isinstance(a, dict)],
                    "target": [a.get("code") for a in r.get("target") or [] if isinstance(a, dict)]})
    return out


def plover_code(actors, role: str) -> Optional[str]:
    """The PLOVER gold code of the first actor of ``role`` that has one: its country, or "IGO" for an
    international organisation and for an official of one (sector IGO), as PLOVER codes them."""
    return next((a.country or "IGO" for a in actors if a.role == role and (
        a.country or a.kind == "international" or a.sector == "IGO")), None)


def eval_plover(result: HarnessResult, limit: Optional[int] = None) -> None:
    rows = load_plover_gsr()[:limit]
    preds = _extract_all((r["text"], None) for r in rows)
    typ, src, tgt = PRF(), PRF(), PRF()
    for r, evs in zip(rows, preds):
        top = evs[0] if evs else None
        typ.observe(top.plover.type if top else None, r["type"])
        for role, gold_codes, prf in (("actor", r["source"], src), ("recipient", r["target"], tgt)):
            gold = gold_codes[0] if gold_codes else None
            got = plover_code(top.actors, role) if top else None
            if got is not None and gold is not None and got in gold_codes:
                got = gold
            prf.observe(got, gold)
    result.rows.append(_row("plover-gsr", "event type (top record)", typ))
    result.rows.append(_row("plover-gsr", "source actor country", src))
    result.rows.append(_row("plover-gsr", "target actor country", tgt))


def load_case2021() -> list[dict]:
    path = _data_dir() / "case2021-task2" / "snippets.tsv"
    with path.open(encoding="utf-8") as fh:
        return [{"id": r["id"], "text": r["EventSnippet"], "label": r["SubType"]} for r in csv.DictReader(fh, delimiter="\t")]


@dataclass
class _FoldAcled:
    """The ACLED head of a classifier trained without one fold (what ``assemble`` asks of a classifier)."""

    featurizer: object
    head: object

    def predict(self, text: str):
        from types import SimpleNamespace

        import numpy as np

        from strife import ontology

        p = self.head.proba_matrix(self.featurizer.transform([text]))[0]
        k = int(np.argmax(p))
        label = self.head.labels[k]
        sub = None if label == "NONE" else label
        from strife.classify import EventClassifier

        full = EventClassifier.load().predict(text)  # PLOVER/CAMEO views from the shipped model
        return SimpleNamespace(acled_sub_event_type=sub, acled_event_type=ontology.acled_event_type(sub) if sub else None,
                               acled_prob=float(p[k]), plover=full.plover, plover_prob=full.plover_prob,
                               cameo_root=full.cameo_root, cameo_prob=full.cameo_prob, pentaclass=full.pentaclass)


def _case_predictions_cv(rows: list[dict], folds: int = 5) -> list[list]:
    """Extract every CASE snippet with a classifier that never saw it (k-fold, stratified by label)."""
    from strife import assemble
    from strife.classify.training import TrainConfig, load_training_examples, train_heads
    from strife.evaluation.classification import _stratified_folds

    examples = load_training_examples(_data_dir())
    by_text = {r["text"]: i for i, r in enumerate(rows)}
    case_ex = [e for e in examples if e.source == "case2021"]
    fold_of_ex = _stratified_folds(case_ex, [e.raw_label for e in case_ex], folds, 13)
    fold_of_row = {}
    for e, f in zip(case_ex, fold_of_ex):
        if e.text in by_text:
            fold_of_row[by_text[e.text]] = int(f)
    out: list[list] = [[] for _ in rows]
    try:
        for f in sorted(set(fold_of_row.values())):
            held = {e.text for e, g in zip(case_ex, fold_of_ex) if g == f}
            train_set = [e for e in examples if not (e.source == "case2021" and e.text in held)]
            featurizer, heads = train_heads(train_set, TrainConfig(), ("acled",))
            assemble.use_classifier(_FoldAcled(featurizer, heads["acled"]))
            idx = [i for i, g in fold_of_row.items() if g == f]
            for i, evs in zip(idx, _extract_all((rows[i]["text"], None) for i in idx)):
                out[i] = evs
    finally:
        assemble.use_classifier(None)
    return out


def eval_case(result: HarnessResult, limit: Optional[int] = None) -> None:
    """CASE-2021 snippets, scored with classifiers trained on the other folds (never on the snippet itself)."""
    from strife import ontology

    rows = load_case2021()[:limit]
    preds = _case_predictions_cv(rows)
    per_label: dict[str, PRF] = defaultdict(PRF)
    none_ok = none_n = 0
    for r, evs in zip(rows, preds):
        gold = ontology.acled_from_case_label(r["label"])
        gold_sub = gold[1] if gold else None
        top = next((e for e in evs if e.acled is not None), None)
        got = top.acled.sub_event_type if top else None
        if gold_sub is None:
            none_n += 1
            none_ok += got is None
            if got is not None:
                per_label[got].n_pred += 1
            continue
        per_label[gold_sub].n_gold += 1
        if got is not None:
            per_label[got].n_pred += 1
            if got == gold_sub:
                per_label[gold_sub].tp += 1
    total = sum(p.n_gold for p in per_label.values())
    wp = sum(p.precision * p.n_gold for p in per_label.values()) / total if total else 0
    wr = sum(p.recall * p.n_gold for p in per_label.values()) / total if total else 0
    wf = sum(p.f1 * p.n_gold for p in per_label.values()) / total if total else 0
    result.rows.append(Row("case-2021", "ACLED sub-event type (weighted)", wp, wr, wf, int(total),
                           "5-fold CV for the learned part; anchor: best CASE-2021 system 0.839 F1"))
    rate = none_ok / none_n if none_n else 0.0
    result.rows.append(Row("case-2021", "non-ACLED types get no ACLED type", rate, rate, rate, none_n))


MORDECAI3_LGL = {"acc161": 0.827, "country_acc": 0.979, "exact_geonames": 0.794}


def eval_lgl(result: HarnessResult, limit: Optional[int] = None) -> None:
    """Place resolution on gold spans (acc@161 km, country, exact GeoNames id) and end to end."""
    from strife.evaluation.lgl import evaluate_geoparsing

    for corpus in ("lgl", "geovirus"):
        try:
            m = evaluate_geoparsing(corpus=corpus, limit=limit)
        except FileNotFoundError:
            continue
        res = m["resolution"]
        n = int(res.get("n_gold", 0))
        anchor = MORDECAI3_LGL if corpus == "lgl" else {}
        for key, label in (("acc161", "place resolution, gold spans: acc@161km"),
                           ("country_acc", "place resolution, gold spans: country"),
                           ("exact_geonames", "place resolution, gold spans: exact GeoNames id")):
            if key not in res or res[key] is None:
                continue
            v = float(res[key])
            note = f"Mordecai3 {anchor[key]:.3f}" if key in anchor else ""
            if key == "acc161":
                note = (note + "; " if note else "") + f"median error {res.get('median_km', float('nan')):.1f} km"
            result.rows.append(Row(corpus, label, v, v, v, n, note))
        e2e = m.get("end_to_end")
        if e2e:
            result.rows.append(Row(corpus, "place mentions found+resolved (end to end)", e2e.get("precision", 0),
                                   e2e.get("recall", 0), e2e.get("f1", 0), int(e2e.get("n_gold", 0) or 0),
                                   f"recognition recall {e2e.get('recognition_recall', float('nan')):.3f}"))


def eval_roles(result: HarnessResult, limit: Optional[int] = None) -> None:
    """Who did what to whom: MUC-4 dev (GRIT scoring), WikiEvents and RAMS dev roles, PLOVER actor codes."""
    from strife.evaluation import roles

    for res in roles.run_all(limit=limit):
        for name, sc in res.scores.items():
            result.rows.append(Row(res.dataset, name, sc.precision, sc.recall, sc.f1, int(sc.n_gold)))
        for name, (ok, n) in res.accuracy.items():
            v = ok / n if n else 0.0
            result.rows.append(Row(res.dataset, name + " (accuracy)", v, v, v, n))


def eval_petrarch(result: HarnessResult, limit: Optional[int] = None) -> None:
    """PETRARCH2 unit-test codings reproduced (source, target, CAMEO code), with its validation dictionaries."""
    from strife.evaluation.petrarch import evaluate_petrarch

    res = evaluate_petrarch(limit=limit)
    for name in sorted(res.counts):
        v = res.rate(name)
        result.rows.append(Row("petrarch2-unittest", f"codings reproduced: {name}", v, v, v, res.n_gold,
                               f"{res.counts[name]}/{res.n_gold}"))


def eval_merging(result: HarnessResult, limit: Optional[int] = None) -> None:
    """Cross-article merging on the UCDP GED sample: pairwise P/R/F1 of the store's clusters."""
    from strife.evaluation.merging import evaluate_merging

    res = evaluate_merging()
    for mode, r in res["modes"].items():
        for decision in ("rule", "store"):
            sc = r.get(decision)
            if not sc:
                continue
            result.rows.append(Row("ucdp-ged-sample", f"merge pairs ({mode} records, {decision})", sc["precision"],
                                   sc["recall"], sc["f1"], int(sc.get("tp", 0) + sc.get("fn", 0))))


def eval_event_location(result: HarnessResult, limit: Optional[int] = None) -> None:
    """The event's own location chosen among the places of its text (event-location records)."""
    try:
        from strife.evaluation.event_location import evaluate_event_location
    except ImportError:
        return
    res = evaluate_event_location(limit=limit or 1500)
    n = int(res.get("with_location", 0))
    for key, label in (("acc_strict", "chosen event location right"),
                       ("acc_given_event", "chosen event location right, where an event was found"),
                       ("abstain_rate", "no location where the text states none")):
        v = float(res.get(key, 0.0))
        result.rows.append(Row("event-location", label, v, v, v,
                               int(res.get("without_location", 0)) if key == "abstain_rate" else n))


EVALS: dict[str, Callable] = {"seed": eval_seed, "articles": eval_articles, "plover": eval_plover, "case": eval_case, "lgl": eval_lgl,
                              "roles": eval_roles, "petrarch": eval_petrarch, "merging": eval_merging,
                              "eventloc": eval_event_location}


def run(only: Optional[list[str]] = None, limit: Optional[int] = None) -> HarnessResult:
    result = HarnessResult()
    for name, fn in EVALS.items():
        if only and name not in only:
            continue
        t0 = time.perf_counter()
        if name == "seed":
            fn(result)
        else:
            fn(result, limit=limit)
        result.seconds[name] = time.perf_counter() - t0
    return result


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="strife evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="rows per set (default: all)")
    ap.add_argument("--only", default=None, help="comma-separated: " + ",".join(EVALS))
    args = ap.parse_args(argv)
    res = run(only=args.only.split(",") if args.only else None, limit=args.limit)
    print(res.table())
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in res.seconds.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
