"""The learned role filler: one logistic scorer per role over the candidate features, numpy-only
at run time, and the document-level decoding that turns scored candidates into role fillers.

Artifact (``strife/data/models/role_filler.json``): feature vocabulary, role names, weights
(features x roles, rounded to 4 decimals), biases, per-role thresholds and training metadata.
Train it with ``python scripts/train_roles.py``.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
ARTIFACT_NAME = "role_filler"
FORMAT_VERSION = 2
PRUNE = 0.01  # weights below this (for every role) are not shipped
# perpetrator individual/description, perpetrator organisation, physical target, human target
ROLES = ("perp_ind", "perp_org", "target", "victim")
RECORD_ROLE = {"perp_ind": "actor", "perp_org": "actor", "target": "recipient", "victim": "recipient"}


class RoleModelNotFound(FileNotFoundError):
    """The role-filler artifact is missing: run scripts/train_roles.py."""


_DROP_PUNCT = str.maketrans("", "", string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize(s: str) -> str:
    """Lower case, no punctuation, no articles, single spaces (the MUC/GRIT string comparison)."""
    s = s.lower().translate(_DROP_PUNCT)
    s = _ARTICLES.sub(" ", s)
    return " ".join(s.split())


@dataclass
class RoleModel:
    vocab: list[str]
    roles: list[str]
    W: np.ndarray            # (n_features, n_roles) float32
    b: np.ndarray            # (n_roles,)
    thresholds: dict[str, float]
    metadata: dict[str, Any]
    # document gate: logistic over document features (does the article report an incident with fillers?)
    gate_weights: dict[str, float] = field(default_factory=dict)
    gate_bias: float = 0.0
    gate_threshold: float = 0.0     # documents below it get no fillers
    max_per_role: int = 6
    caps: dict[str, int] = field(default_factory=dict)  # per-role cap on fillers per document (else max_per_role)

    def __post_init__(self) -> None:
        if self.W.shape != (len(self.vocab), len(self.roles)) or self.b.shape != (len(self.roles),):
            raise ValueError(f"weights {self.W.shape}/{self.b.shape} do not match {len(self.vocab)} features x {len(self.roles)} roles")
        self._index = {f: i for i, f in enumerate(self.vocab)}
        self._W64: Optional[np.ndarray] = None

    def indices(self, feats: Sequence[str]) -> np.ndarray:
        return np.array(sorted({self._index[f] for f in feats if f in self._index}), dtype=np.int64)

    def proba(self, feature_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """(n_candidates, n_roles) probabilities, one independent logistic per role."""
        if not len(feature_lists):
            return np.zeros((0, len(self.roles)), dtype=np.float64)
        idx: list[int] = []
        starts: list[int] = []
        get = self._index.get
        for feats in feature_lists:
            starts.append(len(idx))
            idx.extend({j for f in feats if (j := get(f)) is not None})
        # rows with no known feature sum to zero (reduceat would copy the next row's first weight)
        W = self._W64
        if W is None:  # made once: the weights in float64 with an all-zero row for empty rows
            W = self._W64 = np.vstack([self.W.astype(np.float64), np.zeros((1, len(self.roles)))])
        empty = [k for k in range(len(starts)) if (starts[k + 1] if k + 1 < len(starts) else len(idx)) == starts[k]]
        if empty:
            idx2: list[int] = []
            st2: list[int] = []
            for k, s0 in enumerate(starts):
                e0 = starts[k + 1] if k + 1 < len(starts) else len(idx)
                st2.append(len(idx2))
                idx2.extend(idx[s0:e0] or [len(self.vocab)])
            idx, starts = idx2, st2
        z = np.add.reduceat(W[np.array(idx, dtype=np.int64)], np.array(starts, dtype=np.int64), axis=0) + self.b
        return 1.0 / (1.0 + np.exp(-z))

    def gate(self, doc_feats: Sequence[str]) -> float:
        """Probability that the document has role fillers at all (1.0 without a gate)."""
        if not self.gate_weights:
            return 1.0
        z = self.gate_bias + sum(self.gate_weights.get(f, 0.0) for f in set(doc_feats))
        return float(1.0 / (1.0 + np.exp(-z)))

    # ---- persistence --------------------------------------------------------------------------
    def save(self, directory: Path = MODELS_DIR, name: str = ARTIFACT_NAME) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        keep = np.abs(self.W).max(axis=1) >= PRUNE  # near-zero weights change no decision
        meta = {
            "format_version": FORMAT_VERSION,
            "roles": self.roles,
            "thresholds": {k: round(float(v), 4) for k, v in self.thresholds.items()},
            "bias": [round(float(x), 4) for x in self.b],
            "weights": {f: [round(float(x), 4) for x in self.W[i]] for i, f in enumerate(self.vocab) if keep[i]},
            "metadata": self.metadata,
            "gate": {"bias": round(float(self.gate_bias), 4), "threshold": round(float(self.gate_threshold), 4),
                     "weights": {f: round(float(w), 4) for f, w in sorted(self.gate_weights.items()) if abs(w) >= PRUNE}},
            "max_per_role": int(self.max_per_role),
            "caps": {k: int(v) for k, v in sorted(self.caps.items())},
        }
        path = directory / f"{name}.json"
        path.write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
        return path

    @classmethod
    def load_from(cls, directory: Path = MODELS_DIR, name: str = ARTIFACT_NAME) -> "RoleModel":
        path = directory / f"{name}.json"
        if not path.is_file():
            raise RoleModelNotFound(f"no role-filler artifact at {path}: run scripts/train_roles.py")
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{path} has format {meta.get('format_version')}, this code reads {FORMAT_VERSION}")
        vocab = sorted(meta["weights"])
        W = np.array([meta["weights"][f] for f in vocab], dtype=np.float32).reshape(len(vocab), len(meta["roles"]))
        return cls(vocab, list(meta["roles"]), W, np.array(meta["bias"], dtype=np.float32),
                   {k: float(v) for k, v in meta["thresholds"].items()}, dict(meta.get("metadata", {})),
                   {f: float(w) for f, w in meta["gate"]["weights"].items()}, float(meta["gate"]["bias"]),
                   float(meta["gate"]["threshold"]), int(meta["max_per_role"]),
                   {k: int(v) for k, v in meta.get("caps", {}).items()})

    @staticmethod
    def load() -> "RoleModel":
        """The shipped model, loaded once per process."""
        return _load_default()


@lru_cache(maxsize=1)
def _load_default() -> RoleModel:
    return RoleModel.load_from(MODELS_DIR, ARTIFACT_NAME)


# ---- decoding -----------------------------------------------------------------------------------

@dataclass
class Scored:
    """One candidate with its probabilities: what decoding needs to know about it."""

    start: int               # token span
    end: int
    text: str
    key: str                 # entity key: the canonical actor name where the dictionary knows it, else the text
    name_like: bool          # a proper name (surname merging applies)
    proba: np.ndarray        # per role


@dataclass
class Fill:
    role: str
    index: int               # into the scored list
    prob: float


def _same_person(a: str, b: str) -> bool:
    """"Hector Oqueli" and "Hector Oqueli Colindres", "Galan" and "Luis Carlos Galan": one person."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(w in long_ for w in short)


def decode(scored: Sequence[Scored], roles: Sequence[str], thresholds: dict[str, float],
           max_per_role: int = 6, caps: Optional[dict[str, int]] = None) -> list[Fill]:
    """Document-level role fillers: per role, the candidates above the role's threshold, best first,
    skipping any that overlaps a better one of the same role or names an entity already chosen
    (same key, or a person's shorter/longer name), at most ``caps[role]`` (else ``max_per_role``) of
    them. A candidate fills at most its best role."""
    best_role = {}
    for i, s in enumerate(scored):
        over = [(s.proba[r], r) for r, name in enumerate(roles) if s.proba[r] >= thresholds.get(name, 1.0)]
        if over:
            best_role[i] = max(over)[1]
    fills: list[Fill] = []
    for r, name in enumerate(roles):
        order = sorted((i for i, br in best_role.items() if br == r), key=lambda i: (-scored[i].proba[r], scored[i].start))
        cap = (caps or {}).get(name, max_per_role)
        chosen: list[int] = []
        for i in order:
            s = scored[i]
            clash = False
            for j in chosen:
                o = scored[j]
                if s.start < o.end and o.start < s.end:
                    clash = True
                elif s.key == o.key or (s.name_like and o.name_like and _same_person(s.key, o.key)):
                    clash = True
                if clash:
                    break
            if clash:
                continue
            chosen.append(i)
            if len(chosen) >= cap:
                break
        fills.extend(Fill(name, i, float(scored[i].proba[r])) for i in chosen)
    return fills
