"""Training of the event classifier (needs scikit-learn; prediction does not).

Deterministic: inputs are sorted, the vocabulary is sorted, the logistic-regression solver (lbfgs) has no
randomness and the SVM solver (liblinear, for the ACLED head) runs with a fixed seed.
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
    load_weak_acled,
)

WEAK_PREFIX = "weak_"
from strife.classify.features import FeatureConfig, Featurizer
from strife.classify.model import HEADS, EventClassifier, LinearHead


@dataclass(frozen=True)
class TrainConfig:
    # cue features (trigger lexicon and actor sectors, see strife.classify.cues) for the heads in cue_heads only.
    # ACLED codebook cues (data/ontology/acled_cues.tsv; classes, class pairs, lead classes, territory x actor side),
    # measured on CASE-2021 5-fold CV over fold seeds 0-4, classifier alone: weighted F1 0.767 -> 0.794
    features: FeatureConfig = FeatureConfig(
        cue_weight=0.45, acled_cue_weight=0.55, actor_acronym_case=True, acled_side_weight=0.6, acled_cue_lead=35
    )
    cue_heads: tuple[str, ...] = ("acled",)
    C: float = 10.0  # inverse L2 strength, for heads not in head_C
    head_C: dict[str, float] = field(default_factory=lambda: {"acled": 1.0})
    # heads trained as class-balanced one-vs-rest linear SVMs (softmax over the margins times svm_scale)
    # instead of logistic regression: on CASE-2021's ~20 snippets per type, measured +0.07 weighted F1 (5-fold CV)
    svm_heads: tuple[str, ...] = ("acled",)
    # the temperature that minimised the CV log-loss of the ACLED margins before the ACLED codebook cues; with them the
    # log-loss optimum is 6, but the pipeline thresholds (strife.assemble) were set at 9: CASE pipeline F1 0.783 at 9, 0.763 at 6
    svm_scale: float = 9.0
    # factor on the class-balanced weight of "not an ACLED event" in the SVM heads (CASE 5-fold CV, fold seeds 0-2:
    # 1.0 -> 2.5 gives weighted F1 0.794 -> 0.798 and non-ACLED none rate 0.77 -> 0.85; 4 gives 0.794 / 0.91)
    svm_none_boost: float = 2.5
    max_iter: int = 2000
    # weight of each source's examples in every head's loss
    source_weights: dict[str, float] = field(
        default_factory=lambda: {"case2021": 1.0, "plover_gsr": 1.0, "petrarch2": 0.5, "conflibert_cameo": 1.0}
    )
    # per-head overrides of source_weights (CASE's long attack snippets otherwise swamp PLOVER's verbal types)
    head_source_weights: dict[str, dict[str, float]] = field(default_factory=lambda: {"plover": {"case2021": 0.2}})
    # weight of examples whose ACLED label is derived ("not an ACLED event") rather than gold; they never set
    # the class balance (when they did, at weight 1, they cost ~10 points of F1). Measured (CASE 5-fold CV, five
    # fold seeds, classifier alone): 0.02 with weak PLOVER labels at 0.5 gives weighted F1 0.768 -> 0.770 and
    # non-ACLED-types-get-none 0.772 -> 0.798; 0.1 gives none 0.87 but F1 0.750
    derived_none_weight: float = 0.02
    # weight of the distantly labelled ACLED examples of each weak source (strife.classify.datasets.load_weak_acled,
    # crosswalk data/ontology/weak_acled_labels.tsv) in the ACLED head; they never shape the vocabulary or the
    # class balance (both come from the other examples), and a missing source has weight 0
    # (measured: PLOVER GSR modes at 0.5 help a little; SATP, IndiaPoliceEvents and PETRARCH2 codes only cost F1
    # and the non-ACLED rate at any weight tried, SATP 0.02..0.1, IPE 0.1, PETRARCH2 0.3..1)
    weak_acled_weights: dict[str, float] = field(default_factory=lambda: {"plover_gsr": 0.5})
    weak_max_words: int = 0  # > 0: weak examples keep only their first words


def load_training_examples(
    data: Path,
    sources: Sequence[str] = ("case2021", "plover_gsr", "petrarch2", "conflibert_cameo"),
    weak_sources: Optional[Sequence[str]] = None,
) -> list[Example]:
    """The labelled examples of ``sources`` plus the weak ACLED examples of ``weak_sources`` (default: the weak
    sources that TrainConfig() weights above 0)."""
    if weak_sources is None:
        weak_sources = tuple(s for s, w in sorted(TrainConfig().weak_acled_weights.items()) if w > 0)
    loaders = {
        "case2021": load_case2021,
        "plover_gsr": load_plover_gsr,
        "petrarch2": load_petrarch,
        "conflibert_cameo": load_conflibert_cameo,
    }
    out: list[Example] = []
    for s in sources:
        out.extend(loaders[s](data))
    out = add_derived_labels(out)
    if weak_sources:
        out.extend(load_weak_acled(data, weak_sources))
    return out


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


def is_weak(e: Example) -> bool:
    """A distantly labelled example (:func:`strife.classify.datasets.load_weak_acled`)."""
    return e.source.startswith(WEAK_PREFIX)


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


def _fit_svm(
    X, y: list[str], w: np.ndarray, C: float, scale: float, max_iter: int, gold: Optional[np.ndarray] = None,
    none_boost: float = 1.0,
):
    """Class-balanced one-vs-rest linear SVM (liblinear, fixed seed); margins scaled for a softmax.

    ``gold``: the rows whose counts set the class balance (default all; weak examples only ride on it)."""
    from sklearn.svm import LinearSVC

    labels = sorted(set(y))
    yy = np.array(y)
    g = np.ones(len(y), dtype=bool) if gold is None else gold
    counts = {lab: max(1, int(np.sum((yy == lab) & g))) for lab in labels}
    n_gold = int(np.sum(g))
    balance = np.array([n_gold / (len(labels) * counts[lab]) for lab in y])  # scikit-learn's "balanced" weights
    if none_boost != 1.0:
        balance[yy == NONE_LABEL] *= none_boost
    clf = LinearSVC(C=C, max_iter=max(max_iter, 2000), random_state=0)
    clf.fit(X, yy, sample_weight=w * balance)
    return clf, clf.coef_ * scale, clf.intercept_ * scale


def _fit_head(
    X, y: list[str], w: np.ndarray, cfg: TrainConfig, C: Optional[float] = None, svm: bool = False,
    gold: Optional[np.ndarray] = None,
) -> LinearHead:
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    labels = sorted(set(y))
    if len(labels) < 2:
        raise ValueError(f"a head needs at least two labels, got {labels}")
    with threadpool_limits(limits=1):  # one BLAS thread: the same summation order, bit-identical weights
        if svm and len(labels) > 2:
            clf, coef, intercept = _fit_svm(
                X, y, w, cfg.C if C is None else C, cfg.svm_scale, cfg.max_iter, gold, cfg.svm_none_boost
            )
        else:
            clf = LogisticRegression(C=cfg.C if C is None else C, max_iter=cfg.max_iter, solver="lbfgs")
            clf.fit(X, np.array(y), sample_weight=w)
            coef, intercept = clf.coef_, clf.intercept_
    if list(clf.classes_) != labels:
        raise RuntimeError("scikit-learn reordered the classes")
    W = coef.T.astype(np.float32)
    b = intercept.astype(np.float32)
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
    triggers, actors, acled_cues, sides, acronyms = {}, {}, {}, {}, []
    wants_cues = any(h in cfg.cue_heads for h in heads)
    if wants_cues and (cfg.features.cue_weight > 0 or cfg.features.acled_cue_weight > 0):
        from strife.classify.cues import load_acled_cues, load_actor_acronyms, load_actor_cues, load_trigger_cues

        actors = load_actor_cues()
        if cfg.features.actor_acronym_case:
            acronyms = load_actor_acronyms()
        if cfg.features.cue_weight > 0:
            triggers = load_trigger_cues()
        if cfg.features.acled_cue_weight > 0:
            acled_cues, sides = load_acled_cues()
    featurizer = Featurizer.fit(
        [e.text for e in examples if not is_weak(e)], cfg.features, lexicon, triggers, actors, acled_cues, sides, acronyms
    )
    if cfg.weak_max_words > 0:
        examples = [dataclasses.replace(e, text=" ".join(e.text.split()[: cfg.weak_max_words])) if is_weak(e) else e for e in examples]
    X_all = featurizer.transform(e.text for e in examples)
    X_plain = X_all
    cue_cols = featurizer.cue_columns()
    if cue_cols.any():  # heads outside cue_heads see the n-gram block only (zeroed cue columns get zero weights)
        from scipy.sparse import diags

        X_plain = (X_all @ diags((~cue_cols).astype(np.float32))).tocsr()
    fitted = {}
    for head in heads:
        rows, y, w, gold = [], [], [], []
        for i, e in enumerate(examples):
            lab = _labels_of(e, head)
            if lab is None:
                continue
            rows.append(i)
            y.append(lab)
            weight = cfg.head_source_weights.get(head, {}).get(e.source, cfg.source_weights.get(e.source, 1.0))
            derived = False
            if is_weak(e):
                weight = cfg.weak_acled_weights.get(e.source[len(WEAK_PREFIX):], 0.0) if head == "acled" else 0.0
            elif head == "acled" and e.source != "case2021":
                weight *= cfg.derived_none_weight
                derived = True
            if weight <= 0:
                rows.pop()
                y.pop()
                continue
            w.append(weight)
            gold.append(not (is_weak(e) or derived))  # weak and derived labels never set the class balance
        X_head = X_all if head in cfg.cue_heads else X_plain
        fitted[head] = _fit_head(
            X_head[rows], y, np.asarray(w, dtype=np.float64), cfg, cfg.head_C.get(head), svm=head in cfg.svm_heads,
            gold=np.asarray(gold, dtype=bool),
        )
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
                "weak_acled_weights": cfg.weak_acled_weights,
                "weak_max_words": cfg.weak_max_words,
                "cue_heads": list(cfg.cue_heads),
                "svm_heads": list(cfg.svm_heads),
                "svm_scale": cfg.svm_scale,
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
