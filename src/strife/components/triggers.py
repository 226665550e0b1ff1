"""Event triggers and their typing (PLOVER type + mode, CAMEO code, ACLED hint).

Component ``strife_triggers`` reads the parse and lemmas, looks every verb and noun up in the
trigger lexicon (``data/ontology/triggers.tsv``), keeps only mentions reported as real
(:mod:`strife.factuality`), and writes ``doc._.strife_triggers``: a list of :class:`Trigger`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

import strife.doc_ext  # noqa: F401  (registers the Doc attributes)
from strife.factuality import assess

_POS_MAP = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


@dataclass(frozen=True)
class LexEntry:
    lemma: str
    pos: str  # VERB | NOUN
    plover_type: str
    mode: Optional[str]
    cameo: Optional[str]
    acled_hint: Optional[str]
    flags: frozenset[str] = frozenset()
    requires: Optional[str] = None  # e.g. "dobj=PERSON" restriction, "prt=out"

    @property
    def weapon_only(self) -> bool:
        return "weapon" in self.flags or "is_weapon_noun" in self.flags or "mode_only" in self.flags


@dataclass
class Trigger:
    i: int                      # token index of the trigger head
    start_char: int
    end_char: int
    text: str
    lemma: str
    pos: str                    # VERB | NOUN
    plover_type: str
    modes: list[str] = field(default_factory=list)
    cameo: Optional[str] = None
    acled_hint: Optional[str] = None
    flags: frozenset[str] = frozenset()
    factual: bool = True
    reason: Optional[str] = None


def _cols(row: dict, *names: str) -> Optional[str]:
    for n in names:
        v = row.get(n)
        if v is not None and v.strip() not in ("", "-", "None", "null"):
            return v.strip()
    return None


class TriggerLexicon:
    """Lemma+POS → lexicon entries, read from the package's ``triggers.tsv`` (plus user files)."""

    def __init__(self, entries: Iterable[LexEntry]):
        self.by_key: dict[tuple[str, str], list[LexEntry]] = {}
        self.weapons: dict[str, LexEntry] = {}
        for e in entries:
            if e.weapon_only:
                self.weapons.setdefault(e.lemma, e)
                continue
            self.by_key.setdefault((e.lemma, e.pos), []).append(e)
            if e.mode and e.pos == "NOUN" and ("weapon" in e.flags or e.plover_type == "ASSAULT"):
                self.weapons.setdefault(e.lemma, e)

    @classmethod
    def from_tsv_text(cls, text: str) -> "TriggerLexicon":
        rows = csv.DictReader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), delimiter="\t")
        entries = []
        for row in rows:
            lemma = _cols(row, "lemma", "trigger", "word")
            ptype = _cols(row, "plover_type", "plover", "type")
            if not lemma or not ptype:
                continue
            pos = (_cols(row, "pos", "part_of_speech") or "VERB").upper()
            flags = frozenset(f.strip() for f in (_cols(row, "flags") or "").replace(";", ",").split(",") if f.strip())
            entries.append(LexEntry(
                lemma=lemma.lower(), pos=_POS_MAP.get(pos, pos), plover_type=ptype.upper(),
                mode=_cols(row, "plover_mode", "mode"), cameo=_cols(row, "cameo", "cameo_code"),
                acled_hint=_cols(row, "acled_sub_event_type", "acled_hint", "acled"),
                flags=flags, requires=_cols(row, "requires", "condition"),
            ))
        return cls(entries)

    def lookup(self, lemma: str, pos: str) -> list[LexEntry]:
        return self.by_key.get((lemma.lower(), pos), [])


@lru_cache(maxsize=1)
def default_lexicon() -> TriggerLexicon:
    path = resources.files("strife") / "data" / "ontology" / "triggers.tsv"
    return TriggerLexicon.from_tsv_text(path.read_text(encoding="utf-8"))


def _coarse_pos(tok: Token) -> Optional[str]:
    pos = _POS_MAP.get(tok.pos_)
    # the small model sometimes tags a plural event noun as a verb ("the U.S. strikes a violation")
    if pos == "VERB" and tok.tag_ == "VBZ" and any(c.dep_ in ("det", "compound", "poss") for c in tok.lefts):
        return "NOUN"
    return pos


def _satisfies(entry: LexEntry, tok: Token) -> bool:
    req = entry.requires
    if not req:
        return True
    for cond in req.split(";"):
        cond = cond.strip()
        if not cond or "=" not in cond:
            continue
        key, _, val = cond.partition("=")
        options = {v.strip() for v in val.split("|")}
        if key == "prt":
            if not any(c.dep_ == "prt" and c.lower_ in options for c in tok.children):
                return False
        elif key == "no_prt":
            if any(c.dep_ == "prt" and c.lower_ in options for c in tok.children):
                return False
        elif key == "dobj":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if not objs or not any(o.ent_type_ in options or o.tag_ in options for o in objs):
                return False
        elif key == "prep":
            if not any(c.dep_ in ("prep", "dative") and c.lower_ in options for c in tok.children):
                return False
        elif key == "no_child_dep":
            if any(c.dep_ in options for c in tok.children):
                return False
        elif key == "mod":
            if not any(c.lower_ in options or c.lemma_.lower() in options for c in tok.children):
                return False
    return True


def _modes_from_modifiers(tok: Token, lex: TriggerLexicon) -> list[str]:
    """Weapons in the trigger's modifiers or instruments give the mode ("rocket attack", "fired 30 rockets")."""
    modes: list[str] = []
    candidates = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubjpass", "dobj", "nsubj"):
            candidates.append(c)
        if c.dep_ == "prep" and c.lower_ in ("with", "by", "using"):
            candidates.extend(g for g in c.children if g.dep_ == "pobj")
    # a weapon-bearing word inside the trigger token itself ("airstrikes" is its own lemma)
    for c in candidates:
        e = lex.weapons.get(c.lemma_.lower()) or lex.weapons.get(c.lower_)
        if e and e.mode and e.mode not in modes:
            modes.append(e.mode)
    return modes


def find_triggers(doc: Doc, lex: TriggerLexicon, keep_nonfactual: bool = False) -> list[Trigger]:
    out: list[Trigger] = []
    for tok in doc:
        pos = _coarse_pos(tok)
        if pos is None:
            continue
        entries = [e for e in lex.lookup(tok.lemma_, pos) or lex.lookup(tok.lower_, pos) if _satisfies(e, tok)]
        if not entries:
            continue
        entry = entries[0]
        fact = assess(tok)
        if not fact.factual and not keep_nonfactual:
            continue
        modes = _modes_from_modifiers(tok, lex)
        if entry.mode and entry.mode not in modes:
            modes.append(entry.mode)
        out.append(Trigger(
            i=tok.i, start_char=tok.idx, end_char=tok.idx + len(tok.text), text=tok.text,
            lemma=tok.lemma_.lower(), pos=pos, plover_type=entry.plover_type, modes=modes,
            cameo=entry.cameo, acled_hint=entry.acled_hint, flags=entry.flags,
            factual=fact.factual, reason=fact.reason,
        ))
    return out


@Language.factory(
    "strife_triggers",
    assigns=["doc._.strife_triggers"],
    requires=["token.lemma", "token.dep", "token.pos", "token.tag"],
)
def make_triggers(nlp: Language, name: str) -> "TriggerComponent":
    return TriggerComponent()


class TriggerComponent:
    def __init__(self, lexicon: Optional[TriggerLexicon] = None):
        self.lexicon = lexicon or default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.strife_triggers = find_triggers(doc, self.lexicon)
        return doc
