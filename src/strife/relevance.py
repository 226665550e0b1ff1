"""A fast relevance filter: spend the parse only on text that can hold an event.

strife's events all start from a trigger (``strife_triggers``): a verb or noun whose lemma, or whose
lower-cased form, is in the trigger lexicon (``data/ontology/triggers.tsv``, read through
`strife.ontology.triggers`). A text without any word form of any trigger head can yield no record,
so the parse would be wasted on it.

`RelevanceFilter` holds the word forms that can carry a trigger:

* every trigger head (the lemma of a one-word entry; the head word of a multi-word entry: last
  word for nouns, first for verbs), as the trigger stage keys them;
* every form the English model's rule lemmatizer can map back to a head: its suffix rules applied
  in reverse (``attack`` -> attacks, attacked, attacking; ``seize`` -> seized, seizing; ``bury`` ->
  buried), doubled final consonants (``hit`` -> hitting), and its exception table (``fled`` ->
  flee, ``struck`` -> strike, ``dying`` -> die), read from the installed model's lookups. A rule
  lemmatizer gives a word its own form, an exception's lemma or a rule's result, so a text with
  none of these forms has no token the trigger stage can match: the filter drops only texts the
  pipeline could find no event in. It follows the lexicon and the model without a list of its own.

`Relevance` chains this lexical filter with the learned `strife.relevance_model.RelevanceModel`
(is the text about the events strife codes at all?), each with its own skip reason; the CLI uses it
(``--filter model``, the default; ``--filter lexical`` for the lexical stage alone).

`RelevanceFilter.keep` lower-cases the text, splits it into letter runs and stops at the first
word that is a form: typically a few microseconds for a conflict report, some tens of microseconds
for a long article without one. Its cost in recall on the development sets is
measured by ``benchmarks/throughput.py --recall`` (and a test): see the README.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Optional

log = logging.getLogger(__name__)

SKIP_REASON = "no event words (relevance filter)"
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiou")


def trigger_heads() -> frozenset[str]:
    """The words the trigger stage looks up, lower case (see module doc)."""
    from strife import ontology

    heads: set[str] = set()
    for t in ontology.triggers():
        if "participant_noun" in t.flags:
            continue
        if t.is_weapon_noun and not t.is_event_noun:
            continue
        words = t.words
        heads.add((words[-1] if t.pos == "NOUN" else words[0]) if t.is_multiword else t.lemma)
    return frozenset(h.lower() for h in heads if h)


@dataclass(frozen=True)
class Lemmatizer:
    """What the English model's rule lemmatizer knows: suffix rules and exceptions (form -> lemmas)."""

    rules: tuple[tuple[str, str], ...]
    exceptions: Mapping[str, frozenset[str]]  # lemma -> irregular forms


@lru_cache(maxsize=2)
def model_lemmatizer(model: Optional[str] = None) -> Lemmatizer:
    """The lemmatizer tables of the installed English model (no download; spaCy's lookups format)."""
    import spacy
    from spacy.lookups import Lookups

    from strife.settings import get_settings

    name = model or get_settings().model
    root = Path(spacy.util.get_package_path(name))
    found = sorted(root.glob("**/lemmatizer/lookups/lookups.bin"))
    if not found:
        raise FileNotFoundError(f"the model {name} at {root} has no lemmatizer lookups (lemmatizer/lookups)")
    lookups = Lookups().from_disk(found[0].parent)
    rules: set[tuple[str, str]] = set()
    table = lookups.get_table("lemma_rules")
    for pos in ("verb", "noun", "adj"):
        for old, new in table.get(pos, []):
            rules.add((old, new))
    exceptions: dict[str, set[str]] = defaultdict(set)
    exc = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in (exc.get(pos) or {}).items():
            for lemma in lemmas:
                exceptions[lemma.lower()].add(form.lower())
    return Lemmatizer(tuple(sorted(rules)), {k: frozenset(v) for k, v in exceptions.items()})


def exact_forms(word: str, lem: Lemmatizer) -> set[str]:
    """Forms of ``word`` that the lemmatizer maps back to it (module doc), ``word`` included."""
    forms = {word}
    for old, new in lem.rules:
        if word.endswith(new):
            forms.add(word[: len(word) - len(new)] + old)
    if len(word) >= 2 and word[-1] not in _VOWELS and word[-1] not in "wxy" and word[-2] in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing", word + word[-1] + "er", word + word[-1] + "ers"}
    forms |= set(lem.exceptions.get(word, ()))
    return {f for f in forms if f}


class RelevanceFilter:
    """Does a text hold any word that can be an event trigger? (see module doc)"""

    def __init__(self, heads: Iterable[str], lemmatizer: Lemmatizer):
        self.forms: set[str] = set()
        self.phrases: set[str] = set()  # heads with characters other than letters: matched as substrings
        for head in heads:
            if not _WORD.fullmatch(head):
                self.phrases.add(head)
                continue
            self.forms |= exact_forms(head, lemmatizer)

    def match(self, text: str) -> Optional[str]:
        """The first word of ``text`` that can carry a trigger, or None."""
        low = text.lower()
        forms = self.forms
        for m in _WORD.finditer(low):
            w = m.group()
            if w in forms:
                return w
        for phrase in self.phrases:
            if phrase in low:
                return phrase
        return None

    def keep(self, text: str) -> bool:
        return self.match(text) is not None

    def __call__(self, text: str) -> bool:
        return self.keep(text)


class Relevance:
    """The lexical filter, then (when given) the learned relevance model; `skip_reason` says which
    stage dropped a text."""

    def __init__(self, lexical: RelevanceFilter, model=None):
        self.lexical = lexical
        self.model = model

    def skip_reason(self, text: str) -> Optional[str]:
        """None when both stages keep the text, else the reason of the first that drops it."""
        if not self.lexical.keep(text):
            return SKIP_REASON
        if self.model is not None and not self.model.keep(text):
            from strife.relevance_model import SKIP_REASON as MODEL_REASON

            return MODEL_REASON
        return None

    def keep(self, text: str) -> bool:
        return self.skip_reason(text) is None

    def __call__(self, text: str) -> bool:
        return self.keep(text)


def default_relevance(model: Optional[str] = None, learned: bool = True) -> Relevance:
    """Both stages for the configured spaCy model (``learned=False``: the lexical stage alone)."""
    from strife.relevance_model import default_model

    return Relevance(default_filter(model), default_model() if learned else None)


@lru_cache(maxsize=2)
def default_filter(model: Optional[str] = None) -> RelevanceFilter:
    """The filter for the packaged trigger lexicon and the configured model (built once per process)."""
    return RelevanceFilter(trigger_heads(), model_lemmatizer(model))
