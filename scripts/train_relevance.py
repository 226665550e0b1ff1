"""Train the relevance model and write src/strife/data/models/relevance.json.

    pip install scikit-learn==1.9.1 && python scripts/train_relevance.py

Texts of the ``train`` half of the development sets (`strife.scale.devsets`): positives are the texts
whose gold holds an event (CASE-2021, PLOVER gold records, IndiaPoliceEvents, MUC-4 with templates,
SATP), negatives those whose gold holds none (IndiaPoliceEvents, MUC-4, SATP) and ordinary news (LGL,
GeoVirus). Features: the distinct lower-case words of a text; an L2 logistic regression with balanced
class weights (lbfgs, deterministic). The threshold comes from 5-fold out-of-fold scores: the highest at
which, among the gold-event texts the lexical filter keeps, the model loses at most SET_BUDGET of every
set's and TOTAL_BUDGET of all (the lexical filter itself loses 0.4%: together under the 1% allowed). The final model is fitted on the whole train half.
The held-out half is left for ``benchmarks/throughput.py --recall`` and the tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.relevance import default_filter  # noqa: E402
from strife.relevance_model import MODEL_PATH, RelevanceModel, threshold_for, words_of  # noqa: E402
from strife.scale import devsets  # noqa: E402

C = 10.0
SET_BUDGET = 0.01  # the model's own losses, beyond the lexical filter's (which loses 0.4% of these texts)
TOTAL_BUDGET = 0.003
MIN_DF = 2
FOLDS = 5


def fit(texts: list[str], y: np.ndarray, C: float = C):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    from sklearn.preprocessing import normalize

    vec = CountVectorizer(analyzer=lambda t: sorted(words_of(t)), binary=True, min_df=MIN_DF)
    X = normalize(vec.fit_transform(texts))  # unit length: a long text does not score by its length
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", solver="lbfgs").fit(X, y)
    return vec, clf


def as_model(vec, clf, threshold: float, meta: dict) -> RelevanceModel:
    coef = clf.coef_[0]
    weights = {w: round(float(coef[j]), 5) for w, j in vec.vocabulary_.items()}  # every word: each counts in the norm
    return RelevanceModel(weights=weights, bias=round(float(clf.intercept_[0]), 5), threshold=threshold, meta=meta)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--C", type=float, default=C, help="inverse L2 strength (default %(default)s)")
    ap.add_argument("--set-budget", type=float, default=SET_BUDGET)
    ap.add_argument("--total-budget", type=float, default=TOTAL_BUDGET)
    args = ap.parse_args(argv)
    from sklearn.model_selection import StratifiedKFold

    d = devsets.data_dir()
    pos = devsets.gold_event_texts(d, part="train")
    neg = devsets.no_event_texts(d, part="train")
    rows = sorted({(t, 1, name) for name, ts in pos.items() for t in ts} | {(t, 0, name) for name, ts in neg.items() for t in ts})
    texts = [t for t, _, _ in rows]
    y = np.array([label for _, label, _ in rows])
    sets = [name for _, _, name in rows]
    oof = np.zeros(len(texts))
    for tr, te in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(texts, y):
        vec, clf = fit([texts[i] for i in tr], y[tr], args.C)
        # the rounded weights, as the shipped model scores
        oof[te] = [as_model(vec, clf, 0.0, {}).score(texts[i]) for i in te]
    lexical = default_filter()
    kept_scores = {name: [] for name in pos}
    for i, (t, label, name) in enumerate(rows):
        if label == 1 and lexical.keep(t):
            kept_scores[name].append(float(oof[i]))
    threshold = round(threshold_for(kept_scores, args.set_budget, args.total_budget) - 1e-4, 4)
    vec, clf = fit(texts, y, args.C)
    meta = {"trained_on": "train half of strife.scale.devsets (positives: gold_event_texts, negatives: no_event_texts)",
            "positives": int(y.sum()), "negatives": int(len(y) - y.sum()), "C": args.C, "min_df": MIN_DF,
            "set_budget": args.set_budget, "total_budget": args.total_budget, "folds": FOLDS}
    model = as_model(vec, clf, threshold, meta)
    model.save(args.out)
    print(f"{len(texts)} texts ({meta['positives']} with events); threshold {threshold}; "
          f"{len(model.weights)} weighted words -> {args.out}")
    for name in sorted(set(sets)):
        idx = [i for i, s in enumerate(sets) if s == name]
        label = y[idx[0]]
        passed = sum(1 for i in idx if oof[i] >= threshold and lexical.keep(texts[i]))
        what = "kept" if label else "passed"
        print(f"  out-of-fold {name:36s} {what} {passed}/{len(idx)} = {passed / len(idx):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
