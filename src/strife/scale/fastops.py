"""The thinc backend strife loads the spaCy model with: matrix products through numpy's BLAS, one thread.

spaCy's CPU backend (`thinc.api.NumpyOps`) multiplies matrices with the ``blis`` package. Its wheels
pick a kernel for the processor at run time, and on processors they do not know (AMD Zen 3/4, i.e.
the EPYC machines of CI and of the development machine) they fall back to the *generic reference*
kernel: a third of the parse time was spent in ``bli_sgemm_generic_ref``. numpy's BLAS (OpenBLAS)
has optimised kernels for these processors. thinc's own switch, ``NumpyOps(use_blis=False)``, sends
the layers' products (the two token-to-vector encoders, the tagger, the parser's and the entity
recogniser's input layers) to ``numpy.dot``: the model parses about 1.5 times as fast on such a
machine, and not slower elsewhere. The annotations were identical (tags, heads, labels, entities,
lemmas) on the 2,184 articles of the throughput corpus; the products differ from blis's in the
last bits of a float only (the order of the additions), which the models' arg-max decisions absorb.

OpenBLAS would run every product on all cores; strife runs one pipeline per process (a process pool
or Dask workers give the parallelism), so each product is limited to one thread, and only while it
runs (``threadpoolctl``): the thread settings seen by the rest of the program do not change. With
several threads per product two processes on two cores each spent twice the CPU time.

Two of spaCy's rule components spend their time in Python per token; `speed_up` gives them exact
shortcuts: the lemmatizer memoises its result per (text, part of speech, morphology) and looks words
up in sets instead of lists (`memoise_lemmatizer`), and the attribute ruler finds its matches through
an index of its patterns (`AttributeRulerMatcher`).

``STRIFE_BLIS=1`` keeps spaCy's default backend and components (for comparisons).
"""

from __future__ import annotations

import contextlib
import os
import re
from functools import lru_cache
from typing import Any, Iterator, Optional

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from thinc.api import NumpyOps, get_current_ops, set_current_ops


@lru_cache(maxsize=1)
def _blas_controllers() -> tuple:
    """threadpoolctl's controllers of the BLAS libraries loaded now (numpy's among them)."""
    import numpy  # noqa: F401  (loads its BLAS before the scan)
    from threadpoolctl import ThreadpoolController

    return tuple(ThreadpoolController().select(user_api="blas").lib_controllers)


class SingleThreadNumpyOps(NumpyOps):
    """`NumpyOps` whose ``gemm`` is ``numpy.dot`` on one BLAS thread (see module doc)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["use_blis"] = False
        super().__init__(**kwargs)
        self._blas = _blas_controllers()

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        blas = self._blas
        before = [c.num_threads for c in blas]
        for c, n in zip(blas, before):
            if n != 1:
                c.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for c, n in zip(blas, before):
                if n != 1:
                    c.set_num_threads(n)


def use_blis(env: Optional[dict] = None) -> bool:
    """True when ``STRIFE_BLIS=1`` asks for spaCy's default (blis) backend."""
    return (env if env is not None else os.environ).get("STRIFE_BLIS", "").strip() in ("1", "true", "yes")


def pipeline_ops() -> Optional[NumpyOps]:
    """The backend to load the model with, or None for spaCy's default."""
    return None if use_blis() else SingleThreadNumpyOps()


@contextlib.contextmanager
def model_backend() -> Iterator[None]:
    """Models built inside this block (``spacy.load``) use `pipeline_ops` (thinc keeps a model's ops)."""
    ops = pipeline_ops()
    if ops is None:
        yield
        return
    before = get_current_ops()
    set_current_ops(ops)
    try:
        yield
    finally:
        set_current_ops(before)


def _memo_lemmatizer_class(base: type) -> type:
    """A subclass of spaCy's rule lemmatizer ``base`` that memoises each token's lemma (see
    `memoise_lemmatizer`)."""

    class MemoLemmatizer(base):  # type: ignore[misc, valid-type]
        def __call__(self, doc):
            if self.overwrite or self.mode != "rule":
                return super().__call__(doc)
            if not self._validated:
                self._validate_tables(Errors.E1004)
            memo = self.__dict__.setdefault("_strife_memo", {})
            arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
            changed = False
            for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
                if lemma != 0:
                    continue
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    value = memo[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                arr[i, 3] = value
                changed = True
            if changed:
                doc.from_array([LEMMA], numpy.ascontiguousarray(arr[:, 3:4]))
            return doc

    MemoLemmatizer.__name__ = MemoLemmatizer.__qualname__ = "Memo" + base.__name__
    return MemoLemmatizer


def memoise_lemmatizer(nlp, name: str = "lemmatizer") -> None:
    """Make the pipeline's rule lemmatizer look each token up in a table.

    spaCy's rule lemmatizer computes a token's lemma from its text, part of speech and morphology
    only (`spacy.lang.en.lemmatizer.EnglishLemmatizer.is_base_form` and its rule/exception tables),
    but builds a `Token` object and runs Python code for each token (8% of the pipeline's time). The
    memo keys that result by (text, part of speech, morphology) and writes a document's lemmas with
    one array operation: the same lemmas, computed once per distinct key. Tokens that already have a
    lemma (from the attribute ruler) keep it, as with spaCy's component. ``STRIFE_BLIS=1`` also
    leaves this out."""
    if use_blis() or name not in nlp.pipe_names:
        return
    lem = nlp.get_pipe(name)
    from spacy.pipeline import Lemmatizer

    if not isinstance(lem, Lemmatizer) or getattr(lem, "mode", None) != "rule":
        return
    if lem.lookups.has_table("lemma_index"):
        # the rules test ``form in index``: a scan of a list of up to 57,528 words per candidate
        # form; a set answers the same (the lemmatizer can then no longer be saved with
        # ``nlp.to_disk``, which strife never does)
        table = lem.lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
    lem.__class__ = _memo_lemmatizer_class(type(lem))


class _TokenTest:
    """One token of an attribute-ruler pattern (``{"TAG": "VBZ", "LOWER": {"IN": [...]}}``), tested
    on a token's row of string hashes ``(TAG, LOWER, DEP, IS_SPACE)`` as ``Doc.to_array`` gives them."""

    _ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, spec: dict, strings):
        def h(value):  # the hash the token's array holds ('' is 0, as for a missing DEP)
            if isinstance(value, bool):
                return int(value)
            return strings.add(value) if value else 0

        self.tests: list[tuple[int, str, Any]] = []
        self.index: Optional[tuple[int, frozenset]] = None  # (column, values) the first test needs
        for attr, value in spec.items():
            if attr not in self._ATTRS:
                raise ValueError(f"attribute {attr!r}")
            col = self._ATTRS.index(attr)
            if col == 3 and not isinstance(value, bool) or col < 3 and isinstance(value, bool):
                raise ValueError(f"value {value!r} of {attr}")
            if isinstance(value, dict):
                if len(value) != 1:
                    raise ValueError(f"predicate {value!r}")
                (op, arg), = value.items()
                if op == "IN":
                    self.tests.append((col, "in", frozenset(h(v) for v in arg)))
                elif op == "NOT_IN":
                    self.tests.append((col, "not_in", frozenset(h(v) for v in arg)))
                elif op == "REGEX" and col < 3:
                    self.tests.append((col, "regex", (re.compile(arg), strings)))
                else:
                    raise ValueError(f"operator {op!r}")
            elif isinstance(value, (str, bool)):
                self.tests.append((col, "eq", h(value)))
            else:
                raise ValueError(f"value {value!r} of {attr}")
        for col, how, arg in sorted(self.tests, key=lambda t: t[0]):
            if how in ("eq", "in"):
                self.index = (col, frozenset([arg]) if how == "eq" else arg)
                break

    def __call__(self, row: list) -> bool:
        for col, how, arg in self.tests:
            v = row[col]
            if how == "eq":
                if v != arg:
                    return False
            elif how == "in":
                if v not in arg:
                    return False
            elif how == "not_in":
                if v in arg:
                    return False
            else:
                regex, strings = arg
                if regex.search(strings[v] if v else "") is None:
                    return False
        return True


class AttributeRulerMatcher:
    """The matches of spaCy's `AttributeRuler` (its ``match``), found through an index.

    spaCy's `Matcher` tries each of the English ruler's 180 patterns at every token (7% of the
    pipeline's time). These patterns are sequences of one or two tokens, each a conjunction of
    tests of TAG, LOWER, DEP and IS_SPACE (equal, IN, NOT_IN, REGEX), without quantifiers; this
    indexes each pattern under the values its first token's first equal/IN test accepts and tests
    only the patterns a token can start. ``match`` returns the same sorted list as the ruler's, so
    the ruler's own ``set_annotations`` applies them as before (a test compares every match list
    on the throughput corpus). `for_ruler` returns None for pattern sets it does not cover."""

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self.by_col: tuple[dict, ...] = ({}, {}, {}, {})
        self.others: list = []
        for attr_id, entry in enumerate(ruler.patterns):
            m_id = strings.add(str(attr_id))
            for pattern in entry["patterns"]:
                if not pattern:
                    raise ValueError("empty pattern")
                tests = [_TokenTest(spec, strings) for spec in pattern]
                item = (attr_id, m_id, tests[0], tests[1:])
                if tests[0].index is None:
                    self.others.append(item)
                    continue
                col, values = tests[0].index
                for v in values:
                    self.by_col[col].setdefault(v, []).append(item)
        self._memo: dict[tuple, tuple] = {}  # a token's row -> _starting(row)

    @classmethod
    def for_ruler(cls, ruler) -> Optional["AttributeRulerMatcher"]:
        try:
            return cls(ruler)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def _starting(self, row: tuple) -> tuple[tuple, tuple]:
        """The one-token matches of a token with this row, and the longer patterns it starts."""
        singles, longer = [], []
        for cands in (self.by_col[0].get(row[0]), self.by_col[1].get(row[1]), self.by_col[2].get(row[2]),
                      self.by_col[3].get(row[3]), self.others):
            for attr_id, m_id, first, rest in cands or ():
                if first(row):
                    (longer.append((attr_id, m_id, rest)) if rest else singles.append((attr_id, m_id)))
        return tuple(singles), tuple(longer)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        n = len(rows)
        memo = self._memo
        found = set()
        for i, row in enumerate(rows):
            hit = memo.get(row)
            if hit is None:
                if len(memo) > 200_000:
                    memo.clear()
                hit = memo[row] = self._starting(row)
            singles, longer = hit
            for attr_id, m_id in singles:
                found.add((attr_id, m_id, i, i + 1))
            for attr_id, m_id, rest in longer:
                end = i + 1 + len(rest)
                if end <= n and all(t(rows[i + k]) for k, t in enumerate(rest, 1)):
                    found.add((attr_id, m_id, i, end))
        return sorted(found)


def _fast_attribute_ruler_class(base: type, matcher_attr: str = "_strife_matcher") -> type:
    from spacy.tokens._retokenize import set_token_attrs

    class FastAttributeRuler(base):  # type: ignore[misc, valid-type]
        def match(self, doc):
            return getattr(self, matcher_attr).match(doc)

        def set_annotations(self, doc, matches):
            """spaCy's ``set_annotations`` without a `Span` per match: the same token (the span's
            ``index``-th, negative from its end), the same ``set_token_attrs`` calls in the same order.
            An index outside its span goes to spaCy's method, which raises its error."""
            attrs, indices = self.attrs, self.indices
            for k, (attr_id, _match_id, start, end) in enumerate(matches):
                index = indices[attr_id]
                i = end + index if index < 0 else start + index
                if not start <= i < end:
                    return super().set_annotations(doc, matches[k:])
                set_token_attrs(doc[i], attrs[attr_id])

    FastAttributeRuler.__name__ = FastAttributeRuler.__qualname__ = "Indexed" + base.__name__
    return FastAttributeRuler


def index_attribute_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler `AttributeRulerMatcher` (True when it could)."""
    if use_blis() or name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    from spacy.pipeline import AttributeRuler

    if not isinstance(ruler, AttributeRuler):
        return False
    matcher = AttributeRulerMatcher.for_ruler(ruler)
    if matcher is None:
        return False
    ruler._strife_matcher = matcher
    ruler.__class__ = _fast_attribute_ruler_class(type(ruler))
    return True


def speed_up(nlp) -> None:
    """The exact speed-ups of spaCy's rule components: `memoise_lemmatizer`, `index_attribute_ruler`."""
    memoise_lemmatizer(nlp)
    index_attribute_ruler(nlp)
