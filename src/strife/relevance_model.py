"""The learned half of the relevance filter: is a text about the events strife codes at all?

The lexical filter (`strife.relevance`) drops only texts with no word that can be an event trigger,
which almost no news article lacks. `RelevanceModel` is a logistic regression over the words a text
contains (lower case, letter runs, each counted once), trained by ``scripts/train_relevance.py`` on
the development sets' texts whose gold holds an event against texts whose gold holds none and
ordinary local and health news (`strife.scale.devsets`, ``train`` half only). A text scoring below
the model's threshold is skipped before the parse, with its own counted reason.

The threshold is chosen on out-of-fold scores so that the model loses few gold-event texts (see
the training script); the loss on the held-out half is printed by ``benchmarks/throughput.py
--recall`` and gated by a test. The model file (``data/models/relevance.json``) holds a weight for
every word of the training vocabulary, the bias and the threshold; scoring is a dictionary lookup
per distinct word (0.1-0.2 ms for a long article).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

MODEL_PATH = Path(__file__).parent / "data" / "models" / "relevance.json"
SKIP_REASON = "not about political events (relevance model)"
_WORD = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> set[str]:
    """The features of a text: its distinct lower-case letter runs."""
    return set(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class RelevanceModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float
    meta: Mapping[str, object] = field(default_factory=dict)

    def score(self, text: str) -> float:
        """The regression's log-odds that the text reports an event strife codes: the vector of the
        text's known words (those with a weight, each once) has unit length, so a long article does
        not score by its length."""
        w = self.weights
        found = [w[word] for word in words_of(text) if word in w]
        return self.bias + (sum(found) / math.sqrt(len(found)) if found else 0.0)

    def probability(self, text: str) -> float:
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.score(text)))))

    def keep(self, text: str) -> bool:
        return self.score(text) >= self.threshold

    def __call__(self, text: str) -> bool:
        return self.keep(text)

    def to_dict(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "meta": dict(self.meta),
                "weights": {k: self.weights[k] for k in sorted(self.weights)}}

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=0, sort_keys=False) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping) -> "RelevanceModel":
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights=weights, bias=float(data["bias"]), threshold=float(data["threshold"]),
                       meta=dict(data.get("meta") or {}))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a relevance model: {exc!r}") from None

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "RelevanceModel":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"the relevance model {path} is missing; run scripts/train_relevance.py") from None
        return cls.from_dict(data)


@lru_cache(maxsize=1)
def default_model() -> RelevanceModel:
    """The packaged model (read once per process)."""
    return RelevanceModel.load()


def threshold_for(scores_by_set: Mapping[str, Iterable[float]], set_budget: float, total_budget: float) -> float:
    """The highest threshold at which the texts scoring below it are at most ``set_budget`` of every
    set's texts and at most ``total_budget`` of all texts (``scores_by_set``: per set, the scores of
    texts that must be kept)."""
    sets = {name: sorted(scores) for name, scores in scores_by_set.items()}
    total_n = sum(len(scores) for scores in sets.values())
    candidates = sorted({s for scores in sets.values() for s in scores})
    if not candidates:
        raise ValueError("no scores to choose a threshold from")

    def fits(t: float) -> bool:
        lost_total = 0
        for scores in sets.values():
            lost = sum(1 for s in scores if s < t)
            if lost > set_budget * len(scores):
                return False
            lost_total += lost
        return lost_total <= total_budget * total_n

    best = candidates[0]  # loses nothing
    lo, hi = 0, len(candidates) - 1  # fits() is monotone: a higher threshold loses at least as much
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(candidates[mid]):
            best = candidates[mid]
            lo = mid + 1
        else:
            hi = mid - 1
    return best
