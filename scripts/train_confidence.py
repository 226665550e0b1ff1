"""Fit the record-confidence model on development data and write src/strife/data/models/confidence.json.

    pip install scikit-learn==1.9.1 && python scripts/train_confidence.py

Each development row's top record is labelled right or wrong (PLOVER gold records: the event type;
CASE-2021: the ACLED sub-event type, or none for its non-ACLED rows; CASE is extracted with classifiers
that did not see the row). A logistic regression over strife.confidence.FEATURES is fitted; its
calibration is reported on 5-fold cross-validation (expected calibration error and a reliability table).
Deterministic (lbfgs, sorted rows).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife import ontology  # noqa: E402
from strife.assemble import confidence_features  # noqa: E402
from strife.confidence import FEATURES  # noqa: E402
from strife.evaluation import harness  # noqa: E402

OUT = ROOT / "src" / "strife" / "data" / "models" / "confidence.json"





def collect() -> tuple[np.ndarray, np.ndarray]:
    X, y = [], []
    rows = harness.load_plover_gsr()
    preds = harness._extract_all((r["text"], None) for r in rows)
    for r, evs in zip(rows, preds):
        if evs:
            X.append(evs[0]._features)
            y.append(int(evs[0].plover.type == r["type"]))
    case = harness.load_case2021()
    for r, evs in zip(case, harness._case_predictions_cv(case)):
        if not evs:
            continue
        gold = ontology.acled_from_case_label(r["label"])
        got = evs[0].acled.sub_event_type if evs[0].acled else None
        X.append(evs[0]._features)
        y.append(int(got == (gold[1] if gold else None)))
    return np.array([[f[k] for k in FEATURES] for f in X], dtype=float), np.array(y)


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> tuple[float, list[tuple[float, float, int]]]:
    edges = np.linspace(0, 1, bins + 1)
    table, err = [], 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (p >= lo) & ((p < hi) | (hi == 1.0))
        if sel.sum() == 0:
            continue
        table.append((float(p[sel].mean()), float(y[sel].mean()), int(sel.sum())))
        err += sel.sum() / len(p) * abs(p[sel].mean() - y[sel].mean())
    return float(err), table


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    import strife.assemble as assemble

    assemble.KEEP_CONFIDENCE_FEATURES = True
    X, y = collect()
    print(f"{len(y)} labelled records, {y.mean():.3f} right")
    cv_p = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=13).split(X, y):
        m = LogisticRegression(C=1.0, max_iter=2000).fit(X[train], y[train])
        cv_p[test] = m.predict_proba(X[test])[:, 1]
    err, table = ece(cv_p, y)
    print(f"5-fold CV expected calibration error: {err:.3f}")
    print("mean confidence | share right | n")
    for conf, right, n in table:
        print(f"  {conf:.2f} | {right:.2f} | {n}")
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    OUT.write_text(json.dumps({
        "features": list(FEATURES),
        "weights": {k: round(float(w), 6) for k, w in zip(FEATURES, model.coef_[0])},
        "bias": round(float(model.intercept_[0]), 6),
        "trained_on": "PLOVER gold records (type) + CASE-2021 snippets (ACLED sub-type, CV-extracted)",
        "cv_expected_calibration_error": round(err, 4),
        "n": int(len(y)),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
