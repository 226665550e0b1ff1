"""Precision / recall / F1 from matched, predicted and gold counts (shared by the evaluation modules)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Score:
    """Matched / predicted / gold counts; precision, recall and F1 from them."""

    tp: float = 0.0
    n_pred: float = 0.0
    n_gold: float = 0.0

    def add(self, tp: float, n_pred: float, n_gold: float) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def observe(self, predicted: Optional[object], gold: Optional[object]) -> None:
        """One row: a prediction (or None) against its gold value (or None)."""
        self.add(float(predicted is not None and gold is not None and predicted == gold),
                 float(predicted is not None), float(gold is not None))

    def __iadd__(self, other: "Score") -> "Score":
        self.add(other.tp, other.n_pred, other.n_gold)
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
