"""The learned event classifier: one linear softmax head per label space, numpy-only at run time.

``EventClassifier.load()`` reads the shipped artifact from ``strife/data/models/`` (``event_classifier.json``:
vocabulary, labels, metadata; ``event_classifier.npz``: idf and int8-quantised weights). No pickle, no
scikit-learn needed to predict. Train a new artifact with ``python scripts/train_classifier.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Union

import numpy as np

from strife.classify.features import FeatureConfig, Featurizer

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
ARTIFACT_NAME = "event_classifier"
FORMAT_VERSION = 1
NONE_LABEL = "NONE"
HEADS = ("plover", "acled", "cameo", "penta")


class ModelNotFound(FileNotFoundError):
    """The classifier artifact is missing: run scripts/train_classifier.py."""


@dataclass(frozen=True)
class Prediction:
    """The three views of one text's event type, each with the model's probability for it."""

    plover: str  # one of the 16 PLOVER types
    plover_prob: float
    acled_event_type: Optional[str]  # None: ACLED would not code this text
    acled_sub_event_type: Optional[str]
    acled_prob: float  # probability of the sub-event type, or of "not an ACLED event" when None
    cameo_root: str  # two digits, "01".."20"
    cameo_prob: float
    pentaclass: int  # ConfliBERT CAMEO pentacode of cameo_root (0..4)


@dataclass
class LinearHead:
    """Softmax over ``labels``: scores = x @ W + b, with W (n_features x n_labels)."""

    labels: list[str]
    W: np.ndarray  # float32
    b: np.ndarray  # float32

    def __post_init__(self) -> None:
        if self.W.shape[1] != len(self.labels) or self.b.shape != (len(self.labels),):
            raise ValueError(f"head shape {self.W.shape}/{self.b.shape} does not match {len(self.labels)} labels")

    def proba(self, ind: np.ndarray, val: np.ndarray) -> np.ndarray:
        scores = val @ self.W[ind] + self.b if len(ind) else self.b.copy()
        scores = scores - scores.max()
        e = np.exp(scores)
        return e / e.sum()

    def proba_matrix(self, X) -> np.ndarray:
        """Row-wise probabilities for a scipy CSR matrix (evaluation)."""
        scores = np.asarray(X @ self.W) + self.b
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


def _quantise(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(W).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(W / scale), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like ``np.savez_compressed`` but byte-reproducible (fixed zip timestamps, sorted members)."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[key]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


@dataclass
class EventClassifier:
    featurizer: Featurizer
    heads: dict[str, LinearHead]
    acled_types: dict[str, str]  # sub-event type -> event type
    cameo_pentaclass: dict[str, int]
    metadata: dict[str, Any]

    def __post_init__(self) -> None:
        missing = [h for h in HEADS if h not in self.heads]
        if missing:
            raise ValueError(f"classifier lacks heads {missing}")
        root_labels = self.heads["cameo"].labels
        penta_labels = [int(x) for x in self.heads["penta"].labels]
        unknown = [r for r in root_labels if r not in self.cameo_pentaclass]
        if unknown:
            raise ValueError(f"CAMEO roots {unknown} have no pentaclass")
        # column of the penta head for each CAMEO root label
        self._root_penta_col = np.array([penta_labels.index(self.cameo_pentaclass[r]) for r in root_labels])

    # ---- prediction -------------------------------------------------------------------------
    def _cameo_proba(self, p_root: np.ndarray, p_penta: np.ndarray) -> np.ndarray:
        """P(root) = P_penta(class of root) * P_root(root | its class).

        The pentaclass head learns from far more (coarser) data; the root head only picks the root
        within a class. The argmax root's class is then the pentaclass head's argmax as long as the
        chosen class holds its best root's probability mass (checked in ``_best_root``)."""
        col = self._root_penta_col
        n_cls = p_penta.shape[-1]
        mass = np.zeros(p_root.shape[:-1] + (n_cls,), dtype=np.float64)
        for j in range(n_cls):
            mass[..., j] = p_root[..., col == j].sum(axis=-1)
        within = p_root / np.maximum(mass[..., col], 1e-12)
        return within * p_penta[..., col]

    def _best_root(self, p_cameo: np.ndarray, p_penta: np.ndarray) -> np.ndarray:
        """Index of the most probable root inside the pentaclass head's most probable class."""
        best_cls = np.argmax(p_penta, axis=-1)
        masked = np.where(self._root_penta_col == best_cls[..., None], p_cameo, -1.0)
        return np.argmax(masked, axis=-1)

    def predict(self, text_or_span: Union[str, Any]) -> Prediction:
        """Classify a sentence (a string or anything with ``.text``, e.g. a spaCy Span or Doc)."""
        text = text_or_span if isinstance(text_or_span, str) else getattr(text_or_span, "text", None)
        if not isinstance(text, str):
            raise TypeError(f"predict() wants a str or an object with .text, got {type(text_or_span).__name__}")
        ind, val = self.featurizer.transform_one(text)
        probs = {name: head.proba(ind, val) for name, head in self.heads.items()}
        return self._assemble(probs)

    def predict_proba_matrix(self, X) -> dict[str, np.ndarray]:
        probs = {name: head.proba_matrix(X) for name, head in self.heads.items()}
        probs["cameo"] = self._cameo_proba(probs["cameo"], probs["penta"])
        return probs

    def _assemble(self, probs: dict[str, np.ndarray]) -> Prediction:
        p_pl = probs["plover"]
        i_pl = int(np.argmax(p_pl))
        p_ac = probs["acled"]
        i_ac = int(np.argmax(p_ac))
        sub = self.heads["acled"].labels[i_ac]
        p_root = self._cameo_proba(probs["cameo"], probs["penta"])
        i_root = int(self._best_root(p_root, probs["penta"]))
        root = self.heads["cameo"].labels[i_root]
        return Prediction(
            plover=self.heads["plover"].labels[i_pl],
            plover_prob=float(p_pl[i_pl]),
            acled_event_type=None if sub == NONE_LABEL else self.acled_types[sub],
            acled_sub_event_type=None if sub == NONE_LABEL else sub,
            acled_prob=float(p_ac[i_ac]),
            cameo_root=root,
            cameo_prob=float(p_root[i_root]),
            pentaclass=self.cameo_pentaclass[root],
        )

    # ---- persistence ------------------------------------------------------------------------
    def save(self, directory: Path = MODELS_DIR, name: str = ARTIFACT_NAME) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {"idf": self.featurizer.idf.astype(np.float32)}
        for h, head in self.heads.items():
            q, scale = _quantise(head.W)
            arrays[f"{h}_Wq"] = q
            arrays[f"{h}_scale"] = scale
            arrays[f"{h}_b"] = head.b.astype(np.float32)
        npz_path = directory / f"{name}.npz"
        _write_npz(npz_path, arrays)
        meta = {
            "format_version": FORMAT_VERSION,
            "feature_config": self.featurizer.config.to_json(),
            "heads": {h: head.labels for h, head in self.heads.items()},
            "acled_types": self.acled_types,
            "cameo_pentaclass": self.cameo_pentaclass,
            "metadata": self.metadata,
            "vocab": self.featurizer.vocab,
            "lexicon": self.featurizer.lexicon,
            "cue_triggers": self.featurizer.cue_triggers,
            "cue_actors": self.featurizer.cue_actors,
            "acled_cues": self.featurizer.acled_cues,
            "actor_sides": self.featurizer.actor_sides,
            "cue_actor_acronyms": self.featurizer.cue_actor_acronyms,
        }
        json_path = directory / f"{name}.json"
        json_path.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
        return json_path, npz_path

    @classmethod
    def load_from(cls, directory: Path = MODELS_DIR, name: str = ARTIFACT_NAME) -> "EventClassifier":
        json_path, npz_path = directory / f"{name}.json", directory / f"{name}.npz"
        if not json_path.is_file() or not npz_path.is_file():
            raise ModelNotFound(f"no classifier artifact at {json_path} / {npz_path}: run scripts/train_classifier.py")
        meta = json.loads(json_path.read_text(encoding="utf-8"))
        if meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{json_path} has format {meta.get('format_version')}, this code reads {FORMAT_VERSION}")
        with np.load(npz_path, allow_pickle=False) as arrays:
            featurizer = Featurizer(
                FeatureConfig(**meta["feature_config"]),
                list(meta["vocab"]),
                arrays["idf"],
                dict(meta.get("lexicon", {})),
                {k: list(v) for k, v in meta.get("cue_triggers", {}).items()},
                dict(meta.get("cue_actors", {})),
                {k: list(v) for k, v in meta.get("acled_cues", {}).items()},
                dict(meta.get("actor_sides", {})),
                list(meta.get("cue_actor_acronyms", [])),
            )
            heads = {
                h: LinearHead(
                    labels=list(labels),
                    W=arrays[f"{h}_Wq"].astype(np.float32) * arrays[f"{h}_scale"],
                    b=arrays[f"{h}_b"].astype(np.float32),
                )
                for h, labels in meta["heads"].items()
            }
        return cls(
            featurizer=featurizer,
            heads=heads,
            acled_types=dict(meta["acled_types"]),
            cameo_pentaclass={k: int(v) for k, v in meta["cameo_pentaclass"].items()},
            metadata=dict(meta.get("metadata", {})),
        )

    @staticmethod
    def load() -> "EventClassifier":
        """The shipped classifier, loaded once per process."""
        return _load_default()


@lru_cache(maxsize=1)
def _load_default() -> EventClassifier:
    return EventClassifier.load_from(MODELS_DIR, ARTIFACT_NAME)
