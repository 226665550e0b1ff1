"""Record confidence: a small logistic model over what the record rests on, calibrated on
development data (``scripts/train_confidence.py`` writes ``data/models/confidence.json``).

"Right" in training means the record's event type is the gold one (PLOVER gold records) or its ACLED
sub-event type is (CASE-2021 snippets). Without the shipped weights, a plain additive score is used.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

FEATURES = (
    "has_actor", "has_recipient", "own_date", "geocoded", "several_mentions", "has_toll", "weak_trigger",
    "modal_reading", "classifier_only", "background", "classifier_agrees", "classifier_prob", "acled_typed",
    "violent",
)


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float]
    bias: float

    def predict(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * float(v) for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def shipped_model() -> Optional[ConfidenceModel]:
    path = resources.files("strife") / "data" / "models" / "confidence.json"
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return ConfidenceModel(weights=dict(raw["weights"]), bias=float(raw["bias"]))


def fallback_score(feats: dict[str, float]) -> float:
    score = 0.35 + 0.15 * feats["has_actor"] + 0.1 * feats["has_recipient"] + 0.1 * feats["own_date"] \
        + 0.1 * feats["geocoded"] + 0.1 * feats["several_mentions"] + 0.05 * feats["has_toll"]
    return min(score, 0.95)


def confidence(feats: dict[str, float]) -> float:
    model = shipped_model()
    p = model.predict(feats) if model is not None else fallback_score(feats)
    return round(min(max(p, 0.01), 0.99), 2)
