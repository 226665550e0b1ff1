"""Training of the event classifier (needs scikit-learn; prediction does not).

Deterministic: inputs are sorted, the vocabulary is sorted, and the solver (lbfgs) has no randomness.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional, Sequence

import numpy as np

from strife.classify.datasets import (
    NONE_LABEL,
    Example,
    example_key,
    label_tables,
    load_case2021,
    load_conflibert_cameo,
    load_petrarch,
    load_plover_gsr,
)
from strife.classify.features import FeatureConfig, Featurizer
from strife.classify.model import HEADS, EventClassifier, LinearHead


@dataclass(frozen=True)
class TrainConfig:
    features: FeatureConfig = FeatureConfig()
    C: float = 10.0  # inverse L2 strength, for heads not in head_C
    head_C: dict[str, float] = field(default_factory=lambda: {"acled": 1000.0})
    max_iter: int = 2000
    # weight of each source's examples in every head's loss
    source_weights: dict[str, float] = field(
        default_factory=lambda: {"case2021": 1.0, "plover_gsr": 1.0, "petrarch2": 0.5, "conflibert_cameo": 1.0}
    )
    # per-head overrides of source_weights (CASE's long attack snippets otherwise swamp PLOVER's verbal types)
    head_source_weights: dict[str, dict[str, float]] = field(default_factory=lambda: {"plover": {"case2021": 0.2}})
    # weight of examples whose ACLED label is derived ("not an ACLED event") rather than gold;
    # 0 = the ACLED head learns from CASE-2021 only (measured: derived negatives cost ~10 points of F1)
    derived_none_weight: float = 0.0


def load_training_examples(data: Path, sources: Sequence[str] = ("case2021", "plover_gsr", "petrarch2", "conflibert_cameo")) -> list[Example]:
    loaders = {
        "case2021": load_case2021,
        "plover_gsr": load_plover_gsr,
        "petrarch2": load_petrarch,
        "conflibert_cameo": load_conflibert_cameo,
    }
    out: list[Example] = []
    for s in sources:
        out.extend(loaders[s](data))
    return add_derived_labels(out)


def add_derived_labels(examples: list[Example]) -> list[Example]:
    """Mark verbal / cooperative events of the non-ACLED sets as 'not an ACLED event'."""
    t = label_tables()
    none_plover, none_penta = t.acled_none_plover_types, t.acled_none_pentaclasses
    out = []
    for e in examples:
        if e.acled is None and e.source != "case2021":
            derived = (e.plover is not None and (e.plover in none_plover or (e.raw_label or "") in none_plover)) or (
                e.plover is None and e.pentaclass in none_penta
            )
            if derived:
                e = dataclasses.replace(e, acled=NONE_LABEL)
        out.append(e)
    return out


def _labels_of(e: Example, head: str) -> Optional[str]:
    if head == "plover":
        return e.plover
    if head == "acled":
        return e.acled
    if head == "cameo":
        return e.cameo_root
    if head == "penta":
        return None if e.pentaclass is None else str(e.pentaclass)
    raise ValueError(f"unknown head {head!r}")


def _fit_head(X, y: list[str], w: np.ndarray, cfg: TrainConfig, C: Optional[float] = None) -> LinearHead:
    from sklearn.linear_model import LogisticRegression

    labels = sorted(set(y))
    if len(labels) < 2:
        raise ValueError(f"a head needs at least two labels, got {labels}")
    clf = LogisticRegression(C=cfg.C if C is None else C, max_iter=cfg.max_iter, solver="lbfgs")
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):  # one BLAS thread: the same summation order, bit-identical weights
        clf.fit(X, np.array(y), sample_weight=w)
    if list(clf.classes_) != labels:
        raise RuntimeError("scikit-learn reordered the classes")
    W = clf.coef_.T.astype(np.float32)
    b = clf.intercept_.astype(np.float32)
    if len(labels) == 2:  # binary LR has one column: expand to a softmax over two
        W = np.hstack([-W / 2, W / 2])
        b = np.array([-b[0] / 2, b[0] / 2], dtype=np.float32)
    return LinearHead(labels=labels, W=np.ascontiguousarray(W), b=b)


def train_heads(
    examples: Sequence[Example],
    cfg: TrainConfig = TrainConfig(),
    heads: Sequence[str] = HEADS,
    lexicon: Optional[Mapping[str, str]] = None,
) -> tuple[Featurizer, dict[str, LinearHead]]:
    """Fit the vocabulary on all ``examples`` and one softmax head per name in ``heads``."""
    examples = sorted(examples, key=example_key)
    featurizer = Featurizer.fit([e.text for e in examples], cfg.features, lexicon)
    X_all = featurizer.transform(e.text for e in examples)
    fitted = {}
    for head in heads:
        rows, y, w = [], [], []
        for i, e in enumerate(examples):
            lab = _labels_of(e, head)
            if lab is None:
                continue
            rows.append(i)
            y.append(lab)
            weight = cfg.head_source_weights.get(head, {}).get(e.source, cfg.source_weights.get(e.source, 1.0))
            if head == "acled" and e.source != "case2021":
                weight *= cfg.derived_none_weight
            if weight <= 0:
                rows.pop()
                y.pop()
                continue
            w.append(weight)
        fitted[head] = _fit_head(X_all[rows], y, np.asarray(w, dtype=np.float64), cfg, cfg.head_C.get(head))
    return featurizer, fitted


def train(
    examples: Sequence[Example], cfg: TrainConfig = TrainConfig(), lexicon: Optional[Mapping[str, str]] = None
) -> EventClassifier:
    """The full classifier (all heads) trained on ``examples`` (``lexicon``: word -> CAMEO root cue)."""
    t = label_tables()
    featurizer, fitted = train_heads(examples, cfg, HEADS, lexicon)
    return EventClassifier(
        featurizer=featurizer,
        heads=fitted,
        acled_types=dict(t.acled_types),
        cameo_pentaclass=dict(t.cameo_pentaclass),
        metadata={
            "train_config": {
                "C": cfg.C,
                "head_C": cfg.head_C,
                "source_weights": cfg.source_weights,
                "head_source_weights": cfg.head_source_weights,
                "derived_none_weight": cfg.derived_none_weight,
                "features": cfg.features.to_json(),
            },
            "n_examples": {s: sum(1 for e in examples if e.source == s) for s in sorted({e.source for e in examples})},
        },
    )


def fit_binary(texts: Sequence[str], y: Sequence[int], cfg: TrainConfig = TrainConfig(), featurizer: Optional[Featurizer] = None):
    """A featurizer (fit on ``texts`` unless given) and a two-label head ("0", "1"); for side tasks."""
    if featurizer is None:
        featurizer = Featurizer.fit(list(texts), cfg.features)
    X = featurizer.transform(texts)
    head = _fit_head(X, [str(int(v)) for v in y], np.ones(len(y)), cfg)
    return featurizer, head
