"""Training the role filler from MUC-4 *train* (GRIT format; dev is never read here).

Each candidate noun phrase of a training document is labelled, per role, by whether its normalised
text is one of the gold role filler strings of the document (MUC-4: perp_individual_id -> perp_ind,
perp_organization_id -> perp_org, phys_tgt_id -> target, hum_tgt_name -> victim). One L2 logistic
regression per role (scikit-learn, liblinear: deterministic); thresholds chosen on out-of-fold
predictions of a document-grouped k-fold, maximising the document-level CEAF-REE F1 over the four roles.
"""

from __future__ import annotations

import hashlib
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from strife.rolefill.model import ROLES, RoleModel, Scored, decode, normalize

GOLD_ROLE = {"perp_individual_id": "perp_ind", "perp_organization_id": "perp_org",
             "phys_tgt_id": "target", "hum_tgt_name": "victim"}
THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.10, 0.91, 0.05))
GATE_GRID = (0.0, 0.2, 0.3, 0.4, 0.5)
CAP_GRID = (1, 2, 3, 4, 6)
GATE_C = 0.03


@dataclass
class DocExample:
    doc_id: str
    feats: list[list[str]]
    labels: np.ndarray                      # (n_candidates, n_roles) 0/1
    info: list[tuple[int, int, str, str, bool]]  # start, end, text, key, name_like
    gold: dict[str, list[list[str]]]        # role -> entities (normalised mention strings)
    gate_feats: list[str] = field(default_factory=list)  # document-level features of the gate


def _code_digest() -> str:
    """Changes when the candidate or feature code changes (invalidates a feature cache)."""
    import importlib

    h = hashlib.sha256()
    for name in ("strife.rolefill.candidates", "strife.rolefill.features"):
        h.update(Path(importlib.import_module(name).__file__).read_bytes())
    return h.hexdigest()[:12]


def muc_examples(split: str = "train", limit: Optional[int] = None, cache_dir: Optional[Path] = None) -> list[DocExample]:
    """Parse the MUC-4 documents of ``split`` with the strife pipeline (without the role filler
    itself) and build one :class:`DocExample` per document."""
    from strife.article import Article
    from strife.evaluation.roles import load_muc4, muc_text
    from strife.pipeline import _make_doc, get_nlp
    from strife.rolefill import doc_candidates
    from strife.rolefill.features import gate_features

    if split not in ("train",):
        raise ValueError("the role filler trains on MUC-4 train only")
    cache = None
    if cache_dir is not None:
        cache = Path(cache_dir) / f"muc4-{split}-{limit}-{_code_digest()}.pkl"
        if cache.is_file():
            with cache.open("rb") as fh:
                return pickle.load(fh)
    docs = list(load_muc4(split).items())[:limit]
    nlp = get_nlp()
    disabled = [p for p in ("strife_roles",) if p in nlp.pipe_names]
    arts = [Article(text=muc_text(v["doc"]), id=k) for k, v in docs]
    out: list[DocExample] = []
    with nlp.select_pipes(disable=disabled):
        for (doc_id, g), doc in zip(docs, nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=16)):
            cands, feats, info = doc_candidates(doc)
            gold = {GOLD_ROLE[r]: [[normalize(m) for m in ent] for ent in ents]
                    for r, ents in g["roles"].items() if r in GOLD_ROLE}
            gold_sets = {r: {m for ent in gold.get(r, []) for m in ent} for r in ROLES}
            labels = np.zeros((len(cands), len(ROLES)), dtype=np.int8)
            for i, (t, _, _) in enumerate(info):
                n = normalize(t)
                for j, r in enumerate(ROLES):
                    labels[i, j] = n in gold_sets[r]
            out.append(DocExample(doc_id, feats, labels,
                                  [(c.start, c.end, t, k, nl) for c, (t, k, nl) in zip(cands, info)], gold,
                                  gate_features(doc)))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as fh:
            pickle.dump(out, fh)
    return out


def _vocab(examples: Sequence[DocExample], min_count: int) -> list[str]:
    from collections import Counter

    counts: Counter = Counter()
    for ex in examples:
        for fs in ex.feats:
            counts.update(set(fs))
    return sorted(f for f, n in counts.items() if n >= min_count)


def _matrix(examples: Sequence[DocExample], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    n = 0
    for ex in examples:
        for fs in ex.feats:
            for j in sorted({index[f] for f in fs if f in index}):
                rows.append(n)
                cols.append(j)
            n += 1
    return csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, len(index)))


def has_fillers(ex: DocExample) -> int:
    return int(any(len(v) for v in ex.gold.values()))


def fit_gate(examples: Sequence[DocExample], C: float = GATE_C, min_count: int = 3) -> tuple[dict[str, float], float]:
    """The document gate: L2 logistic regression (liblinear) over the documents' gate features,
    predicting whether a document has any role filler."""
    from collections import Counter

    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for ex in examples for f in set(ex.gate_feats))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, ex in enumerate(examples):
        for j in sorted({index[f] for f in ex.gate_feats if f in index}):
            rows.append(i)
            cols.append(j)
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))
    y = np.array([has_fillers(ex) for ex in examples])
    if y.min() == y.max():
        return {}, 10.0 if y[0] else -10.0
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000)
    clf.fit(X, y)
    return {f: float(w) for f, w in zip(vocab, clf.coef_[0])}, float(clf.intercept_[0])


def gate_proba(weights: dict[str, float], bias: float, feats: Sequence[str]) -> float:
    if not weights:
        return 1.0
    z = bias + sum(weights.get(f, 0.0) for f in set(feats))
    return float(1.0 / (1.0 + np.exp(-z)))


def with_gate(examples: Sequence[DocExample], probs: Sequence[float]) -> list[DocExample]:
    """The examples with the gate-probability features added to every candidate."""
    from strife.rolefill.features import gate_bucket_features

    return [DocExample(ex.doc_id, [fs + gate_bucket_features(p, fs) for fs in ex.feats], ex.labels, ex.info, ex.gold,
                       ex.gate_feats) for ex, p in zip(examples, probs)]


def gate_oof(examples: Sequence[DocExample], folds: int = 5) -> list[float]:
    """Out-of-fold gate probabilities (the candidate model trains on these, as it will see unseen documents)."""
    p = [1.0] * len(examples)
    for k in range(folds):
        w, b = fit_gate([ex for i, ex in enumerate(examples) if i % folds != k])
        for i in range(k, len(examples), folds):
            p[i] = gate_proba(w, b, examples[i].gate_feats)
    return p


def fit(examples: Sequence[DocExample], C: float = 0.3, min_count: int = 2,
        thresholds: Optional[dict[str, float]] = None) -> RoleModel:
    from sklearn.linear_model import LogisticRegression

    vocab = _vocab(examples, min_count)
    index = {f: i for i, f in enumerate(vocab)}
    X = _matrix(examples, index)
    Y = np.vstack([ex.labels for ex in examples]) if examples else np.zeros((0, len(ROLES)))
    W = np.zeros((len(vocab), len(ROLES)), dtype=np.float32)
    b = np.zeros(len(ROLES), dtype=np.float32)
    for j in range(len(ROLES)):
        y = Y[:, j]
        if y.min() == y.max():
            b[j] = 10.0 if y[0] else -10.0
            continue
        # "bias" is a feature of every candidate: no separate intercept (liblinear would penalise it anyway)
        clf = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, max_iter=1000)
        clf.fit(X, y)
        W[:, j] = clf.coef_[0]
    return RoleModel(vocab, list(ROLES), W, b, dict(thresholds or {r: 0.5 for r in ROLES}),
                     {"C": C, "min_count": min_count, "n_docs": len(examples),
                      "n_candidates": int(X.shape[0])})


def scored_docs(model: RoleModel, examples: Sequence[DocExample]) -> list[list[Scored]]:
    out = []
    for ex in examples:
        P = model.proba(ex.feats)
        out.append([Scored(s, e, t, k, nl, p) for (s, e, t, k, nl), p in zip(ex.info, P)])
    return out


def doc_score(scored: Sequence[Scored], gold: dict[str, list[list[str]]], thresholds: dict[str, float],
              roles: Sequence[str] = ROLES, max_per_role: int = 6,
              caps: Optional[dict[str, int]] = None) -> dict[str, tuple[float, int, int]]:
    """Per role: (matched, predicted, gold) under CEAF-REE phi_strict for one document."""
    from strife.evaluation.roles import ceaf_ree

    fills = decode(scored, roles, thresholds, max_per_role, caps)
    out = {}
    for r in roles:
        pred = [[normalize(scored[f.index].text)] for f in fills if f.role == r]
        g = gold.get(r, [])
        out[r] = (ceaf_ree(pred, g), len(pred), len(g))
    return out


def f1_of(per_doc: Iterable[dict[str, tuple[float, int, int]]], roles: Sequence[str] = ROLES) -> tuple[float, dict]:
    tot = {r: [0.0, 0, 0] for r in roles}
    for d in per_doc:
        for r in roles:
            for k in range(3):
                tot[r][k] += d[r][k]

    def f1(tp, p, g):
        pr = tp / p if p else 0.0
        rc = tp / g if g else 0.0
        return 2 * pr * rc / (pr + rc) if pr + rc else 0.0

    all3 = [sum(tot[r][k] for r in roles) for k in range(3)]
    return f1(*all3), {r: f1(*tot[r]) for r in roles}


def tune_thresholds(scored: Sequence[Sequence[Scored]], golds: Sequence[dict], rounds: int = 2) -> tuple[dict[str, float], float]:
    """Coordinate ascent over per-role thresholds on the grid (deterministic: ties keep the lower one)."""
    th = {r: 0.5 for r in ROLES}
    best = f1_of(doc_score(s, g, th) for s, g in zip(scored, golds))[0]
    for _ in range(rounds):
        for r in ROLES:
            for v in THRESHOLD_GRID:
                trial = dict(th, **{r: v})
                f = f1_of(doc_score(s, g, trial) for s, g in zip(scored, golds))[0]
                if f > best + 1e-12:
                    best, th = f, trial
    return th, best


def cross_validate(examples: Sequence[DocExample], folds: int = 5, C: float = 0.3, min_count: int = 2):
    """Out-of-fold scored documents (documents dealt to folds by position: deterministic)."""
    oof: list[Optional[list[Scored]]] = [None] * len(examples)
    for k in range(folds):
        train = [ex for i, ex in enumerate(examples) if i % folds != k]
        model = fit(train, C=C, min_count=min_count)
        test_idx = [i for i in range(len(examples)) if i % folds == k]
        for i, s in zip(test_idx, scored_docs(model, [examples[i] for i in test_idx])):
            oof[i] = s
    return oof


def train(examples: Sequence[DocExample], C: float = 0.3, min_count: int = 2, folds: int = 5,
          log=print) -> tuple[RoleModel, dict]:
    t0 = time.perf_counter()
    # the document gate: out-of-fold probabilities become candidate features (stacking)
    pg = gate_oof(examples, folds)
    examples = with_gate(examples, pg)
    oof = cross_validate(examples, folds, C, min_count)
    golds = [ex.gold for ex in examples]
    th, cv_f1 = tune_thresholds(oof, golds)
    # then the gate threshold (documents below it get no fillers) and the per-role cap
    gate_th, cap = 0.0, 6
    for gt in GATE_GRID:
        for mx in CAP_GRID:
            f = f1_of(doc_score(s if p >= gt else [], g, th, max_per_role=mx) for s, g, p in zip(oof, golds, pg))[0]
            if f > cv_f1 + 1e-12:
                cv_f1, gate_th, cap = f, gt, mx
    # then a cap per role (coordinate ascent from the common cap; ties keep the larger cap)
    caps = {r: cap for r in ROLES}
    for _ in range(2):
        for r in ROLES:
            for c in sorted(CAP_GRID, reverse=True):
                trial = dict(caps, **{r: c})
                f = f1_of(doc_score(s if p >= gate_th else [], g, th, caps=trial) for s, g, p in zip(oof, golds, pg))[0]
                if f > cv_f1 + 1e-12:
                    cv_f1, caps = f, trial
    _, per_role = f1_of(doc_score(s if p >= gate_th else [], g, th, caps=caps) for s, g, p in zip(oof, golds, pg))
    log(f"{folds}-fold CV on MUC-4 train ({len(examples)} docs): perp+target F1 {cv_f1:.3f} "
        + " ".join(f"{r} {v:.3f}" for r, v in per_role.items())
        + f"; thresholds {th}, gate {gate_th}, caps {caps} ({time.perf_counter() - t0:.0f} s)")
    model = fit(examples, C=C, min_count=min_count, thresholds=th)
    model.gate_weights, model.gate_bias = fit_gate(examples)
    model.gate_threshold, model.max_per_role, model.caps = gate_th, cap, caps
    report = {"cv_f1": round(cv_f1, 4), "cv_per_role": {r: round(v, 4) for r, v in per_role.items()}, "folds": folds,
              "gate_threshold": gate_th, "max_per_role": cap, "caps": caps, "gate_C": GATE_C}
    model.metadata.update(report)
    return model, report
