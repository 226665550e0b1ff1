"""Evaluation of the learned event classifier on data it was not trained on.

``python -m strife.evaluation.classification [--quick]`` prints, each beside its published anchor:

* PLOVER gold records: type accuracy, 5-fold CV over the GSR sentences (older names mapped to current);
* CASE-2021 task 2: weighted F1 over the 25 ACLED sub-types and the rate at which the 5 non-ACLED types
  get no ACLED type, 5-fold stratified CV over the snippets;
* ConfliBERT CAMEO pentaclass: macro F1, 5-fold CV over the train file (its test file is held back);
* SATP attack types: F1 per type, trained on train.tsv, tested on dev.tsv;
* IndiaPoliceEvents: document-level KILL/ARREST/FORCE F1, 5-fold CV grouped by document.

In every fold the model is retrained from scratch on everything else (the other sets plus the other
folds), so no number is measured on text the model saw. Needs scikit-learn and the shared data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from strife.classify.datasets import (
    NONE_LABEL,
    Example,
    label_tables,
    load_cameo_verb_lexicon,
    load_india_police_events,
    load_satp,
    shared_data_dir,
)
from strife.classify.model import EventClassifier
from strife.classify.training import TrainConfig, fit_binary, load_training_examples, train_heads

ANCHORS = {
    "case2021_acled_weighted_f1": ("CASE-2021 task 2 best system (subtask 1)", 0.839),
}
TARGETS = {"case2021_acled_weighted_f1": 0.85, "cameo_pentaclass_macro_f1": 0.80}


@dataclass(frozen=True)
class EvalConfig:
    folds: int = 5
    seed: int = 0
    train: TrainConfig = TrainConfig()


def quick_config() -> EvalConfig:
    """Fewer folds and features: for tests (under a minute on two cores)."""
    return EvalConfig(
        folds=3,
        train=TrainConfig(
            features=dataclasses.replace(TrainConfig().features, max_word_features=8000, max_char_features=8000),
            C=10.0,
            max_iter=500,
        ),
    )


# ---- metrics (small, numpy only) -----------------------------------------------------------------
def f1_per_label(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> dict[str, tuple[float, int]]:
    out = {}
    yt, yp = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    for lab in labels:
        tp = int(np.sum((yt == lab) & (yp == lab)))
        fp = int(np.sum((yt != lab) & (yp == lab)))
        fn = int(np.sum((yt == lab) & (yp != lab)))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[lab] = (f1, int(np.sum(yt == lab)))
    return out


def weighted_f1(y_true, y_pred, labels) -> float:
    per = f1_per_label(y_true, y_pred, labels)
    total = sum(n for _, n in per.values())
    return sum(f * n for f, n in per.values()) / total if total else 0.0


def macro_f1(y_true, y_pred, labels) -> float:
    per = f1_per_label(y_true, y_pred, labels)
    return float(np.mean([f for f, _ in per.values()]))


def binary_f1(y_true: Sequence[int], y_pred: Sequence[int]) -> float:
    t, p = np.asarray(y_true, bool), np.asarray(y_pred, bool)
    tp, fp, fn = int(np.sum(t & p)), int(np.sum(~t & p)), int(np.sum(t & ~p))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _stratified_folds(items: Sequence[Example], labels: Sequence[str], k: int, seed: int) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    n_min = min(np.unique(labels, return_counts=True)[1])
    splitter = StratifiedKFold(n_splits=min(k, max(2, n_min)), shuffle=True, random_state=seed)
    fold = np.zeros(len(items), dtype=int)
    for f, (_, test) in enumerate(splitter.split(np.zeros(len(items)), labels)):
        fold[test] = f
    return fold


def _cv_source(
    examples: list[Example], source: str, label_of, heads: Sequence[str], cfg: EvalConfig, lexicon=None
) -> list[tuple[Example, dict[str, np.ndarray], list[str], dict[str, list[str]]]]:
    """Train on everything but one fold of ``source``; return per test example the head probabilities."""
    target = [e for e in examples if e.source == source and label_of(e) is not None]
    others = [e for e in examples if e.source != source]
    folds = _stratified_folds(target, [label_of(e) for e in target], cfg.folds, cfg.seed)
    results = []
    for f in sorted(set(folds.tolist())):
        train_set = others + [e for e, g in zip(target, folds) if g != f]
        test_set = [e for e, g in zip(target, folds) if g == f]
        featurizer, fitted = train_heads(train_set, cfg.train, heads, lexicon)
        X = featurizer.transform(e.text for e in test_set)
        probs = {h: fitted[h].proba_matrix(X) for h in heads}
        for i, e in enumerate(test_set):
            results.append((e, {h: probs[h][i] for h in heads}, {h: fitted[h].labels for h in heads}))
    return results


def eval_case2021(examples: list[Example], cfg: EvalConfig, lexicon=None) -> dict:
    tables = label_tables()
    res = _cv_source(examples, "case2021", lambda e: e.raw_label, ("acled",), cfg, lexicon)
    acled_names = sorted(v["acled"] for v in tables.case_labels.values() if v["acled"])
    y_true, y_pred, none_hits, none_total = [], [], 0, 0
    for e, probs, labels in res:
        pred = labels["acled"][int(np.argmax(probs["acled"]))]
        if e.acled == NONE_LABEL:
            none_total += 1
            none_hits += pred == NONE_LABEL
        else:
            y_true.append(e.acled)
            y_pred.append(pred)
    per = f1_per_label(y_true, y_pred, acled_names)
    return {
        "case2021_acled_weighted_f1": weighted_f1(y_true, y_pred, acled_names),
        "case2021_acled_accuracy": float(np.mean(np.asarray(y_true) == np.asarray(y_pred))),
        "case2021_non_acled_none_rate": none_hits / none_total if none_total else float("nan"),
        "case2021_n": {"acled": len(y_true), "non_acled": none_total},
        "case2021_per_type_f1": {k: round(v[0], 3) for k, v in per.items()},
    }


def eval_plover_gsr(examples: list[Example], cfg: EvalConfig, lexicon=None) -> dict:
    res = _cv_source(examples, "plover_gsr", lambda e: e.plover, ("plover",), cfg, lexicon)
    hits = [labels["plover"][int(np.argmax(p["plover"]))] == e.plover for e, p, labels in res]
    return {"plover_gsr_type_accuracy": float(np.mean(hits)), "plover_gsr_n": len(hits)}


def eval_cameo_pentaclass(examples: list[Example], cfg: EvalConfig, lexicon=None) -> dict:
    tables = label_tables()
    res = _cv_source(
        examples, "conflibert_cameo", lambda e: None if e.pentaclass is None else str(e.pentaclass), ("cameo", "penta"), cfg, lexicon
    )
    y_true, y_head, y_joint = [], [], []
    for e, p, labels in res:
        y_true.append(str(e.pentaclass))
        y_head.append(labels["penta"][int(np.argmax(p["penta"]))])
        # the shipped prediction path: pentaclass head picks the class, the root head the root within it
        penta_of_root = np.array([labels["penta"].index(str(tables.cameo_pentaclass[r])) for r in labels["cameo"]])
        best_cls = int(np.argmax(p["penta"]))
        masked = np.where(penta_of_root == best_cls, p["cameo"], -1.0)
        y_joint.append(str(tables.cameo_pentaclass[labels["cameo"][int(np.argmax(masked))]]))
    labs = ["0", "1", "2", "3", "4"]
    return {
        "cameo_pentaclass_macro_f1": macro_f1(y_true, y_joint, labs),
        "cameo_pentaclass_head_macro_f1": macro_f1(y_true, y_head, labs),
        "cameo_pentaclass_n": len(y_true),
    }


def eval_satp(cfg: EvalConfig) -> dict:
    data = shared_data_dir()
    tables = label_tables()
    tr, dev = load_satp(data, "train"), load_satp(data, "dev")
    out: dict = {}
    featurizer = None
    f1s = []
    for j, name in enumerate(tables.satp_columns):
        featurizer, head = fit_binary([x.text for x in tr], [x.labels[j] for x in tr], cfg.train, featurizer)
        p = head.proba_matrix(featurizer.transform(x.text for x in dev))[:, head.labels.index("1")]
        f1 = binary_f1([x.labels[j] for x in dev], (p >= 0.5).astype(int))
        out[f"satp_{name}_f1"] = f1
        f1s.append(f1)
    out["satp_macro_f1"] = float(np.mean(f1s))
    return out


def eval_india_police(cfg: EvalConfig, types: Sequence[str] = ("KILL", "ARREST", "FORCE")) -> dict:
    from sklearn.model_selection import GroupKFold

    sents, docs = load_india_police_events(shared_data_dir())
    groups = [s.doc_id for s in sents]
    texts = [s.text for s in sents]
    out: dict = {}
    splitter = GroupKFold(n_splits=cfg.folds)
    doc_ids = sorted(docs)
    for typ in types:
        y = [int(typ in s.labels) for s in sents]
        doc_score = {d: 0.0 for d in doc_ids}
        for tr_idx, te_idx in splitter.split(texts, y, groups):
            featurizer, head = fit_binary([texts[i] for i in tr_idx], [y[i] for i in tr_idx], cfg.train)
            p = head.proba_matrix(featurizer.transform(texts[i] for i in te_idx))[:, head.labels.index("1")]
            for i, pi in zip(te_idx, p):
                d = sents[i].doc_id
                doc_score[d] = max(doc_score[d], float(pi))
        out[f"ipe_{typ.lower()}_doc_f1"] = binary_f1(
            [int(typ in docs[d]) for d in doc_ids], [int(doc_score[d] >= 0.5) for d in doc_ids]
        )
    return out


def time_per_sentence(n: int = 200) -> dict:
    """Mean seconds per sentence: the shipped classifier vs the spaCy parse of the same sentences."""
    import spacy

    from strife.settings import DEFAULT_MODEL

    data = shared_data_dir()
    texts = [e.text for e in load_training_examples(data, ("case2021",))][:n]
    nlp = spacy.load(DEFAULT_MODEL)
    clf = EventClassifier.load()
    clf.predict(texts[0])
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    docs = [nlp(t) for t in texts]
    t_parse = (time.perf_counter() - t0) / len(texts)
    t0 = time.perf_counter()
    for d in docs:
        clf.predict(d)
    t_clf = (time.perf_counter() - t0) / len(texts)
    return {"seconds_per_sentence_spacy": t_parse, "seconds_per_sentence_classifier": t_clf, "classifier_vs_parse": t_clf / t_parse}


def evaluate_all(quick: bool = False, timing: bool = True) -> dict:
    """All classification metrics (see module doc). ``quick`` uses 3 folds and fewer features."""
    cfg = quick_config() if quick else EvalConfig()
    data = shared_data_dir()
    examples = load_training_examples(data)
    lexicon = load_cameo_verb_lexicon(data)
    out: dict = {"quick": quick}
    out.update(eval_case2021(examples, cfg, lexicon))
    out.update(eval_plover_gsr(examples, cfg, lexicon))
    out.update(eval_cameo_pentaclass(examples, cfg, lexicon))
    out.update(eval_satp(cfg))
    out.update(eval_india_police(cfg))
    if timing:
        out.update(time_per_sentence(60 if quick else 300))
    return out


def _print(results: dict) -> None:
    rows = [
        ("PLOVER GSR type accuracy (CV)", "plover_gsr_type_accuracy", None),
        ("CASE-2021 ACLED sub-type weighted F1 (CV)", "case2021_acled_weighted_f1", "case2021_acled_weighted_f1"),
        ("CASE-2021 non-ACLED types given no ACLED type", "case2021_non_acled_none_rate", None),
        ("ConfliBERT CAMEO pentaclass macro F1 (CV)", "cameo_pentaclass_macro_f1", None),
        ("  (pentaclass head alone)", "cameo_pentaclass_head_macro_f1", None),
        ("SATP armed assault F1 (train->dev)", "satp_armed_assault_f1", None),
        ("SATP bombing F1", "satp_bombing_f1", None),
        ("SATP kidnapping F1", "satp_kidnapping_f1", None),
        ("SATP other F1", "satp_other_f1", None),
        ("IndiaPoliceEvents doc KILL F1 (CV)", "ipe_kill_doc_f1", None),
        ("IndiaPoliceEvents doc ARREST F1 (CV)", "ipe_arrest_doc_f1", None),
        ("IndiaPoliceEvents doc FORCE F1 (CV)", "ipe_force_doc_f1", None),
    ]
    for title, key, anchor in rows:
        if key not in results:
            continue
        line = f"{title:<50} {results[key]:.3f}"
        if key in TARGETS:
            line += f"   target >= {TARGETS[key]:.2f}"
        if anchor and anchor in ANCHORS:
            name, val = ANCHORS[anchor]
            line += f"   anchor: {name} {val:.3f}"
        print(line)
    if "seconds_per_sentence_classifier" in results:
        print(
            f"{'time per sentence: classifier / spaCy parse':<50} "
            f"{results['seconds_per_sentence_classifier'] * 1e3:.3f} ms / {results['seconds_per_sentence_spacy'] * 1e3:.3f} ms"
            f" = {results['classifier_vs_parse']:.1%} (limit 20%)"
        )


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="3 folds, fewer features")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args(argv)
    results = evaluate_all(quick=args.quick, timing=not args.no_timing)
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
    else:
        _print(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
