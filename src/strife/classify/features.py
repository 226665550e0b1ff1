"""Sparse text features for the event classifier: word uni/bigrams and in-word character n-grams.

Pure Python + numpy at prediction time. The vocabulary (feature string -> column) and the idf weights
are learned by :meth:`Featurizer.fit` and stored with the model (a JSON list and a numpy array), so
the same text always maps to the same vector, on any machine and any ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class FeatureConfig:
    char_min: int = 3
    char_max: int = 5
    word_bigrams: bool = True
    min_df: int = 2
    max_word_features: int = 30000
    max_char_features: int = 30000

    def to_json(self) -> dict:
        return dict(self.__dict__)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens with every digit replaced by 0."""
    return [_DIGITS.sub("0", t) for t in _TOKEN.findall(text.lower())]


def extract(text: str, config: FeatureConfig, lexicon: Optional[Mapping[str, str]] = None) -> Counter:
    """Raw feature counts of one text (feature strings are prefixed by kind: w word, b bigram,
    c character n-gram, x lexicon class of a word, e.g. its CAMEO root in the verb dictionary)."""
    tokens = tokenize(text)
    feats: Counter = Counter()
    for t in tokens:
        feats["w:" + t] += 1
        if lexicon:
            cls_ = lexicon.get(t)
            if cls_ is not None:
                feats["x:" + cls_] += 1
    if config.word_bigrams:
        for a, b in zip(tokens, tokens[1:]):
            feats["b:" + a + " " + b] += 1
    lo, hi = config.char_min, config.char_max
    for t in set(tokens):
        padded = " " + t + " "
        n_tok = tokens.count(t) if len(tokens) < 400 else 1
        L = len(padded)
        for n in range(lo, hi + 1):
            if L < n:
                break
            for i in range(L - n + 1):
                feats["c:" + padded[i : i + n]] += n_tok
    return feats


@dataclass
class Featurizer:
    """Vocabulary + idf; turns a text into (column indices, L2-normalised tf-idf values)."""

    config: FeatureConfig
    vocab: list[str]
    idf: np.ndarray  # float32, one per vocab entry
    lexicon: dict[str, str] = field(default_factory=dict)  # word -> class, for "x:" features
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.vocab) != len(self.idf):
            raise ValueError(f"vocabulary has {len(self.vocab)} entries but idf has {len(self.idf)}")
        self.index = {f: i for i, f in enumerate(self.vocab)}

    @property
    def n_features(self) -> int:
        return len(self.vocab)

    @classmethod
    def fit(
        cls, texts: Sequence[str], config: FeatureConfig = FeatureConfig(), lexicon: Optional[Mapping[str, str]] = None
    ) -> "Featurizer":
        lexicon = dict(sorted((lexicon or {}).items()))
        df: Counter = Counter()
        for text in texts:
            df.update(extract(text, config, lexicon).keys())
        n_docs = len(texts)
        kept: list[str] = []
        for kind, cap in (("w:", config.max_word_features), ("b:", config.max_word_features), ("c:", config.max_char_features), ("x:", 10**6)):
            cands = [(f, c) for f, c in df.items() if f.startswith(kind) and c >= config.min_df]
            cands.sort(key=lambda fc: (-fc[1], fc[0]))  # most frequent first, ties by string: deterministic
            kept.extend(f for f, _ in cands[:cap])
        kept.sort()
        idf = np.array([math.log((1 + n_docs) / (1 + df[f])) + 1.0 for f in kept], dtype=np.float32)
        return cls(config=config, vocab=kept, idf=idf, lexicon=lexicon)

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        idx: list[int] = []
        vals: list[float] = []
        index = self.index
        for f, c in extract(text, self.config, self.lexicon).items():
            j = index.get(f)
            if j is not None:
                idx.append(j)
                vals.append((1.0 + math.log(c)) * float(self.idf[j]))
        ind = np.asarray(idx, dtype=np.int64)
        val = np.asarray(vals, dtype=np.float32)
        order = np.argsort(ind)  # a fixed order: the float sums below must not depend on set iteration order
        ind, val = ind[order], val[order]
        norm = float(np.sqrt(np.dot(val, val)))
        if norm > 0:
            val /= norm
        return ind, val

    def transform(self, texts: Iterable[str]):
        """A scipy CSR matrix (training and evaluation only; scipy comes with scikit-learn)."""
        from scipy.sparse import csr_matrix

        indptr = [0]
        indices: list[np.ndarray] = []
        data: list[np.ndarray] = []
        for text in texts:
            i, v = self.transform_one(text)  # already sorted by column
            indices.append(i)
            data.append(v)
            indptr.append(indptr[-1] + len(i))
        n = len(indptr) - 1
        return csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0, np.float32),
                np.concatenate(indices) if indices else np.zeros(0, np.int64),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(n, self.n_features),
            dtype=np.float32,
        )
