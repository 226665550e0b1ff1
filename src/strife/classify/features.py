"""Sparse text features for the event classifier: word uni/bigrams, in-word character n-grams and
(optionally) class cues from the trigger lexicon and the actor dictionaries (:mod:`strife.classify.cues`).

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
CHAR_CACHE_WORDS = 20000  # words whose character n-gram columns a Featurizer keeps


@dataclass(frozen=True)
class FeatureConfig:
    char_min: int = 3
    char_max: int = 5
    word_bigrams: bool = True
    min_df: int = 2
    max_word_features: int = 30000
    max_char_features: int = 30000
    # weight (L2 norm) of the cue block ("k:" features) beside the n-gram block (norm 1); 0 = no cues
    cue_weight: float = 0.0
    cue_window: int = 8
    # weight (L2 norm) of the ACLED codebook cue block ("q:" features, strife.classify.cues.acled_cue_features); 0 = none
    acled_cue_weight: float = 0.0
    # acronym actor names ("AN", "IS") match only where the text writes them in capitals
    actor_acronym_case: bool = False
    acled_cue_pairs: bool = True  # "q:" features for pairs of cue classes present together
    # weight (L2 norm) of the actor-side block of the ACLED cues ("r:" features); 0 = counted in the "q:" block
    acled_side_weight: float = 0.0
    acled_cue_lead: int = 0  # > 0: ACLED cue classes again ("q:lead_...") for the phrases in the first this many tokens

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
    counts = Counter(tokens) if len(tokens) < 400 else None
    for t in set(tokens):
        n_tok = counts[t] if counts is not None else 1
        for g in _char_ngrams(t, lo, hi):
            feats[g] += n_tok
    return feats


def _char_ngrams(token: str, lo: int, hi: int) -> tuple[str, ...]:
    """The ``c:`` features of one word (with repeats), padded by a space on each side."""
    padded = " " + token + " "
    L = len(padded)
    out = []
    for n in range(lo, hi + 1):
        if L < n:
            break
        out.extend("c:" + padded[i : i + n] for i in range(L - n + 1))
    return tuple(out)


@dataclass
class Featurizer:
    """Vocabulary + idf; turns a text into (column indices, tf-idf values).

    The n-gram block (``w: b: c: x:``) has L2 norm 1; the cue block (``k:``, only when
    ``config.cue_weight`` > 0 and cue tables are given) has norm ``cue_weight`` and idf 1."""

    config: FeatureConfig
    vocab: list[str]
    idf: np.ndarray  # float32, one per vocab entry
    lexicon: dict[str, str] = field(default_factory=dict)  # word -> class, for "x:" features
    cue_triggers: dict[str, list[str]] = field(default_factory=dict)  # phrase -> trigger classes ("k:" features)
    cue_actors: dict[str, str] = field(default_factory=dict)  # phrase -> actor sector
    acled_cues: dict[str, list[str]] = field(default_factory=dict)  # phrase -> ACLED cue classes ("q:" features)
    actor_sides: dict[str, str] = field(default_factory=dict)  # actor sector -> side (state, nonstate, civilian)
    cue_actor_acronyms: list[str] = field(default_factory=list)  # actor keys matched only in capitals
    index: dict[str, int] = field(init=False, repr=False)
    _idf: list[float] = field(init=False, repr=False)
    _char_cols: dict[str, tuple[int, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.vocab) != len(self.idf):
            raise ValueError(f"vocabulary has {len(self.vocab)} entries but idf has {len(self.idf)}")
        self.index = {f: i for i, f in enumerate(self.vocab)}
        self._idf = self.idf.tolist()  # Python floats: the same values, read faster one by one
        self._char_cols: dict[str, tuple[int, ...]] = {}  # word -> columns of its character n-grams
        self._acronyms = frozenset(self.cue_actor_acronyms)

    @property
    def n_features(self) -> int:
        return len(self.vocab)

    @property
    def uses_cues(self) -> bool:
        return self.config.cue_weight > 0 and bool(self.cue_triggers or self.cue_actors)

    @property
    def uses_acled_cues(self) -> bool:
        return self.config.acled_cue_weight > 0 and bool(self.acled_cues)

    def cue_columns(self) -> np.ndarray:
        """Boolean mask of the cue-block columns (heads that should not see cues zero them)."""
        return np.array([f.startswith(("k:", "q:", "r:")) for f in self.vocab], dtype=bool)

    def _acled_cues(self, text: str) -> Counter:
        from strife.classify.cues import acled_cue_features

        if not self.uses_acled_cues:
            return Counter()
        plain = text.replace("-", " ")
        return acled_cue_features(
            tokenize(plain), self.acled_cues, self.cue_actors, self.actor_sides, self.config.cue_window, self._acronyms,
            _TOKEN.findall(plain) if self._acronyms else None, self.config.acled_cue_pairs, self.config.acled_cue_lead,
        )

    def _cues(self, text: str) -> Counter:
        from strife.classify.cues import cue_features

        if not self.uses_cues:
            return Counter()
        plain = text.replace("-", " ")
        return cue_features(
            tokenize(plain), self.cue_triggers, self.cue_actors, self.config.cue_window, self._acronyms,
            _TOKEN.findall(plain) if self._acronyms else None,
        )

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        config: FeatureConfig = FeatureConfig(),
        lexicon: Optional[Mapping[str, str]] = None,
        cue_triggers: Optional[Mapping[str, Sequence[str]]] = None,
        cue_actors: Optional[Mapping[str, str]] = None,
        acled_cues: Optional[Mapping[str, Sequence[str]]] = None,
        actor_sides: Optional[Mapping[str, str]] = None,
        actor_acronyms: Optional[Sequence[str]] = None,
    ) -> "Featurizer":
        lexicon = dict(sorted((lexicon or {}).items()))
        use_cues = config.cue_weight > 0
        triggers = {k: list(v) for k, v in sorted((cue_triggers or {}).items())} if use_cues else {}
        use_acled = config.acled_cue_weight > 0 and bool(acled_cues)
        actors = dict(sorted((cue_actors or {}).items())) if use_cues or use_acled else {}
        acled = {k: list(v) for k, v in sorted((acled_cues or {}).items())} if use_acled else {}
        sides = dict(sorted((actor_sides or {}).items())) if use_acled else {}
        acronyms = sorted(actor_acronyms or []) if actors and config.actor_acronym_case else []
        probe = cls(
            config=config, vocab=[], idf=np.zeros(0, np.float32), lexicon=lexicon, cue_triggers=triggers, cue_actors=actors,
            acled_cues=acled, actor_sides=sides, cue_actor_acronyms=acronyms,
        )
        df: Counter = Counter()
        for text in texts:
            df.update(extract(text, config, lexicon).keys())
            df.update(probe._cues(text).keys())
            df.update(probe._acled_cues(text).keys())
        n_docs = len(texts)
        kept: list[str] = []
        kinds = [("w:", config.max_word_features), ("b:", config.max_word_features), ("c:", config.max_char_features), ("x:", 10**6)]
        if probe.uses_cues:
            kinds.append(("k:", 10**6))
        if probe.uses_acled_cues:
            kinds.extend([("q:", 10**6), ("r:", 10**6)])
        for kind, cap in kinds:
            cands = [(f, c) for f, c in df.items() if f.startswith(kind) and c >= config.min_df]
            cands.sort(key=lambda fc: (-fc[1], fc[0]))  # most frequent first, ties by string: deterministic
            kept.extend(f for f, _ in cands[:cap])
        kept.sort()
        idf = np.array(
            [1.0 if f.startswith(("k:", "q:", "r:")) else math.log((1 + n_docs) / (1 + df[f])) + 1.0 for f in kept], dtype=np.float32
        )
        # keep only the cue phrases whose classes made it into the vocabulary: a smaller artifact, same features
        kept_set = set(kept)
        triggers = {k: v for k, v in triggers.items() if any("k:" + c in kept_set for c in v)}
        return cls(
            config=config, vocab=kept, idf=idf, lexicon=lexicon, cue_triggers=triggers, cue_actors=actors, acled_cues=acled,
            actor_sides=sides, cue_actor_acronyms=acronyms,
        )

    def _columns(self, text: str) -> Counter:
        """The n-gram block of ``extract`` counted by vocabulary column (features outside the vocabulary
        dropped): the same counts, without building every feature string of every text."""
        index = self.index
        lexicon = self.lexicon
        tokens = tokenize(text)
        cols: Counter = Counter()
        for t in tokens:
            j = index.get("w:" + t)
            if j is not None:
                cols[j] += 1
            if lexicon:
                cls_ = lexicon.get(t)
                if cls_ is not None and (j := index.get("x:" + cls_)) is not None:
                    cols[j] += 1
        if self.config.word_bigrams:
            for a, b in zip(tokens, tokens[1:]):
                j = index.get("b:" + a + " " + b)
                if j is not None:
                    cols[j] += 1
        counts = Counter(tokens) if len(tokens) < 400 else None
        char_cols = self._char_cols
        for t in set(tokens):
            js = char_cols.get(t)
            if js is None:
                if len(char_cols) >= CHAR_CACHE_WORDS:
                    char_cols.clear()  # bounded memory on a long stream of articles
                grams = _char_ngrams(t, self.config.char_min, self.config.char_max)
                js = char_cols[t] = tuple(j for g in grams if (j := index.get(g)) is not None)
            n_tok = counts[t] if counts is not None else 1
            for j in js:
                cols[j] += n_tok
        return cols

    def _block(self, counts: Counter, norm_to: float, by_column: bool = False) -> tuple[list[int], list[float]]:
        idx: list[int] = []
        vals: list[float] = []
        index = self.index
        idf = self._idf
        log = math.log
        for f, c in counts.items():
            j = f if by_column else index.get(f)
            if j is not None:
                idx.append(j)
                vals.append(idf[j] if c == 1 else (1.0 + log(c)) * idf[j])  # (1 + log 1) * x is x exactly
        ind = np.asarray(idx, dtype=np.int64)
        val = np.asarray(vals, dtype=np.float32)
        ordered = np.sort(val)
        norm = float(np.sqrt(np.dot(ordered, ordered)))  # sorted: the sum does not depend on set order
        if norm > 0:
            val *= np.float32(norm_to / norm)
        return ind, val

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        ind, val = self._block(self._columns(text), 1.0, by_column=True)
        if self.uses_cues:
            ci, cv = self._block(self._cues(text), self.config.cue_weight)
            ind, val = np.concatenate([ind, ci]), np.concatenate([val, cv])
        if self.uses_acled_cues:
            q = self._acled_cues(text)
            if self.config.acled_side_weight > 0:
                r = Counter({f: c for f, c in q.items() if f.startswith("r:")})
                q = Counter({f: c for f, c in q.items() if not f.startswith("r:")})
                ri, rv = self._block(r, self.config.acled_side_weight)
                ind, val = np.concatenate([ind, ri]), np.concatenate([val, rv])
            qi, qv = self._block(q, self.config.acled_cue_weight)
            ind, val = np.concatenate([ind, qi]), np.concatenate([val, qv])
        order = np.argsort(ind, kind="stable")  # a fixed order: the float sums below must not depend on set iteration order
        return ind[order], val[order]

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
