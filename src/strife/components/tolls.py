"""spaCy component "strife_tolls": toll (casualty) claims read from the parse.

Writes ``doc._.strife_tolls: list[TollMention]``. Each mention is one number the text gives
for people killed, injured, missing, arrested or abducted, with its qualifier, the victim
noun and category, the minimal phrase it was read from, the source the sentence attributes
it to (the subject of the governing reporting verb, or "according to X" in the same
sentence; never a reporting verb of another sentence), the clause head it attaches to
(``anchor_token_i``) and, where the toll verb's subject is an event noun ("the strikes left
...", "protests that left ..."), that noun (``cause_token_i``).

Numbers that are not tolls are never read: the component starts from toll words (verbs,
adjectives and nouns listed in ``data/tolls.json``) and only reads the numbers attached to
their victims, so "30 rockets", "five sites", ages, years and "Resolution 1701" do not count.
"""



import json
import re
from strife.doc_ext import doc_text, token_table
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from strife import doc_ext  # noqa: F401  (registers doc._.strife_tolls)
from strife.numbers import Quantity, is_number_word, parse_quantity
from strife.records import Qualifier

TollKind = Literal["killed", "injured", "missing", "arrested", "abducted"]

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "tolls.json"

_NOMINAL = {"NOUN", "PROPN", "NUM", "PRON"}
_OBJ_DEPS = {"dobj"}
_NP_LEFT_DEPS = {"det", "nummod", "amod", "compound", "poss", "quantmod", "advmod", "nmod",
                 "predet", "case", "punct"}
_RELATIVE = {"that", "which", "who", "whom"}
_SCALE_WORDS = {"dozen", "hundred", "thousand", "million", "billion"}


@dataclass
class TollMention:
    """One toll figure the text gives, as read from one clause."""

    kind: TollKind
    value: int
    qualifier: Qualifier
    victims: Optional[str]          # normalised victim noun: "fighters", "contractor", "service members"
    victim_category: Optional[str]  # civilians | military | fighters | police | contractors | ...
    side: Optional[str]             # actor side of the victims; not resolved here (None)
    text: str                       # the minimal phrase: "killing four fighters"
    start_char: int
    end_char: int
    source: Optional[str]           # "a militia spokesman"; None when the sentence attributes none
    source_start: Optional[int]
    source_end: Optional[int]
    anchor_token_i: int             # the clause head the toll attaches to ("hit", "left")
    cause_token_i: Optional[int]    # event-noun subject of the toll clause ("strikes"), if any
    trigger_token_i: int            # the toll word itself ("killing", "dead")
    victim_token_i: int             # the victim noun (or the number, when there is no noun)
    individual: bool = False        # one person singled out by age or name ("a 17-year-old volunteer"): a part
    additional: bool = False        # told as more dead besides those counted ("Four soldiers were also killed")

    @property
    def span(self) -> tuple[int, int]:
        return (self.start_char, self.end_char)

    @property
    def source_span(self) -> Optional[tuple[int, int]]:
        if self.source_start is None or self.source_end is None:
            return None
        return (self.source_start, self.source_end)

    @property
    def statement(self) -> tuple[int, Optional[str]]:
        """Mentions with the same statement are parts of one count (see strife.tolls.summarize)."""
        return (self.anchor_token_i, self.source)


@dataclass(frozen=True)
class TollLexicon:
    transitive_verbs: dict[str, str]
    intransitive_verbs: dict[str, str]
    adjectives: dict[str, str]
    adjective_verbs: frozenset[str]
    copular_verbs: frozenset[str]
    toll_nouns: dict[str, str]
    toll_heads: dict[str, str]
    toll_compounds: dict[str, str]
    life_verbs: dict[str, str]
    harm_verbs: frozenset[str]
    harm_nouns: dict[str, str]
    harm_for_verbs: frozenset[str]
    zero_subjects: frozenset[str]
    victim_categories: dict[str, str]
    person_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    toll_reporting_verbs: frozenset[str]
    according_to: tuple[str, ...]
    event_nouns: frozenset[str]
    exclude_victims: frozenset[str]
    singular_pronouns: frozenset[str]
    speaker_nouns: frozenset[str]
    irrealis_aux: frozenset[str]
    irrealis_governors: frozenset[str]
    handover_verbs: frozenset[str]
    to_death_verbs: frozenset[str]


def _no_doc(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_")}


@lru_cache(maxsize=4)
def load_lexicon(path: Optional[str] = None) -> TollLexicon:
    """Load the toll lexicon (default: the packaged data/tolls.json)."""
    p = Path(path) if path else LEXICON_PATH
    if not p.is_file():
        raise FileNotFoundError(f"toll lexicon not found at {p}")
    raw = json.loads(p.read_text(encoding="utf-8"))
    try:
        return TollLexicon(
            transitive_verbs=_no_doc(raw["transitive_verbs"]),
            intransitive_verbs=_no_doc(raw["intransitive_verbs"]),
            adjectives=_no_doc(raw["adjectives"]),
            adjective_verbs=frozenset(raw["adjective_verbs"]["object"] + raw["adjective_verbs"]["copular"]),
            copular_verbs=frozenset(raw["adjective_verbs"]["copular"]),
            toll_nouns=_no_doc(raw["toll_nouns"]),
            toll_heads=_no_doc(raw["toll_heads"]),
            toll_compounds=_no_doc(raw["toll_compounds"]),
            life_verbs=_no_doc(raw["life_verbs"]),
            harm_verbs=frozenset(raw["harm_verbs"]["verbs"]),
            harm_nouns=dict(raw["harm_verbs"]["nouns"]),
            harm_for_verbs=frozenset(raw["harm_verbs"]["for_verbs"]),
            zero_subjects=frozenset(raw["zero_subjects"]),
            victim_categories={k.lower(): v for k, v in _no_doc(raw["victim_categories"]).items()},
            person_nouns=frozenset(w.lower() for w in raw["person_nouns"]["nouns"]),
            reporting_verbs=frozenset(raw["reporting_verbs"]),
            toll_reporting_verbs=frozenset(raw["toll_reporting_verbs"]["lemmas"]),
            according_to=tuple(raw["according_to"]),
            event_nouns=frozenset(raw["event_nouns"]),
            exclude_victims=frozenset(raw["exclude_victims"]["nouns"]),
            handover_verbs=frozenset(raw["handover_verbs"]["lemmas"]),
            to_death_verbs=frozenset(raw["to_death_verbs"]["lemmas"]),
            singular_pronouns=frozenset(raw["singular_pronouns"]),
            speaker_nouns=frozenset(raw["speaker_nouns"]["nouns"])
            | frozenset(w.lower() for w in raw["person_nouns"]["nouns"]),
            irrealis_aux=frozenset(raw["irrealis"]["auxiliaries"]),
            irrealis_governors=frozenset(raw["irrealis"]["governors"]),
        )
    except KeyError as exc:
        raise ValueError(f"toll lexicon {p} lacks the section {exc}") from exc


# ---------------------------------------------------------------------------------------------
# small parse helpers


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")


def _is_numberish(t: Token) -> bool:
    return t.tag_ == "CD" or t.like_num or is_number_word(t.text)


def _children(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def _expand_conj(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t in out:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in _NOMINAL)
    return sorted(out, key=lambda x: x.i)


def _resolve_relative(t: Token) -> Token:
    """'that'/'which'/'who' as a relative clause's subject -> the noun the clause modifies."""
    if t.lower_ in _RELATIVE and t.head.dep_ == "relcl":
        return t.head.head
    return t


_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})


def _under_a_preposition(t: Token, top: Token) -> bool:
    """Is ``t`` inside a prepositional phrase below ``top``?"""
    for a in t.ancestors:
        if a.i == top.i:
            return False
        if a.dep_ == "prep":
            return True
    return False


def _verbal_ancestor(t: Token) -> Token:
    for a in t.ancestors:
        if _is_verb(a):
            return a
    return t.sent.root


class TollExtractor:
    """Reads toll mentions from a parsed Doc. Pure over the parse; holds only the lexicon."""

    def __init__(self, lexicon: TollLexicon):
        self.lex = lexicon
        # the lemmas pass 2 of _extract_sentence can act on (a word neither in it nor, as written, among
        # the adjectives is skipped)
        self._pass2_words = frozenset().union(lexicon.transitive_verbs, lexicon.intransitive_verbs, lexicon.life_verbs,
                                              lexicon.harm_verbs, lexicon.harm_for_verbs,
                                              lexicon.adjectives, lexicon.toll_heads, lexicon.toll_nouns)

    def _harms(self, verb: Token) -> list[Token]:
        """The injury nouns a harm verb takes: its object ("sustained bullet injuries") or, for a ``for_verbs``
        verb, its "for" object ("treated for gunshot wounds")."""
        lem = _lemma(verb)
        if lem in self.lex.harm_verbs:
            objects = _children(verb, "dobj")
        elif lem in self.lex.harm_for_verbs:
            objects = [g for p in _children(verb, "prep") if p.lower_ == "for" for g in _children(p, "pobj")]
        else:
            return []
        return [o for o in objects if _lemma(o) in self.lex.harm_nouns]

    # -- victims and numbers ----------------------------------------------------------------

    def _excluded(self, t: Token) -> bool:
        return _lemma(t) in self.lex.exclude_victims or t.lower_ in self.lex.exclude_victims

    def _personish(self, t: Token) -> bool:
        lem = _lemma(t)
        return (lem in self.lex.victim_categories or lem in self.lex.person_nouns
                or t.lower_ in self.lex.person_nouns or t.ent_type_ in ("PERSON", "NORP"))

    def _singled_out(self, victim: Token) -> bool:
        """One person told by age or name, with no count word: "a 17-year-old campaign volunteer", "a
        63-year-old man", "Villaseñor" (not "one soldier", not "a soldier")."""
        if _is_numberish(victim) or self._number_token(victim) is not None:
            return False
        if victim.ent_type_ == "PERSON":
            return True
        left = victim.left_edge.i
        return left < victim.i and re.search(r"\b\d+\s*-?\s*years?\s*-?\s*old\b", victim.doc[left:victim.i].text.lower()) is not None

    def _number_token(self, noun: Token) -> Optional[Token]:
        cands = [c for c in noun.children
                 if c.i < noun.i and c.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod",
                                                "det")
                 and _is_numberish(c) and c.lower_ not in ("a", "an")]
        return max(cands, key=lambda c: c.i) if cands else None

    def _quantity(self, num: Token, left_i: int) -> Optional[tuple[Quantity, int]]:
        """Quantity ending at `num`, qualifier context from up to 3 tokens before `left_i`."""
        sent = num.sent
        last = num
        while last.i + 1 < sent.end and last.nbor().lower_ in _SCALE_WORDS:
            last = last.nbor()  # "three dozen", "two hundred" split by the parser
        ctx_start = max(sent.start, min(left_i, num.left_edge.i) - 3)
        start_char = num.doc[ctx_start].idx
        text = doc_text(num.doc)[start_char: last.idx + len(last.text)]
        q = parse_quantity(text)
        if q is None or q.end != len(text):
            return None
        return q, start_char + q.start

    def value_of(self, victim: Token) -> Optional[tuple[int, Qualifier, int, Optional[Token]]]:
        """(value, qualifier, start_char of the number phrase, noun) for a victim token."""
        lower = victim.lower_
        dets = {c.lower_: c for c in victim.children if c.dep_ == "det"}
        if lower in self.lex.zero_subjects:
            return 0, "exact", victim.idx, None
        if "no" in dets and (lower == "one" or victim.pos_ in ("NOUN", "PROPN")):
            return 0, "exact", dets["no"].idx, (None if lower == "one" else victim)
        if lower in _ORDINALS and ("a" in dets or "another" in dets):
            return 1, "exact", victim.left_edge.idx, None  # "Two men died ... and a third was beaten to death"
        if _is_numberish(victim) or lower in ("dozens", "hundreds", "thousands", "scores", "tens"):
            got = self._quantity(victim, victim.left_edge.i)
            if got is None:
                return None
            q, start = got
            nouns = [p for prep in _children(victim, "prep") if prep.lower_ == "of"
                     for p in _children(prep, "pobj")]
            return q.value, q.qualifier, start, (nouns[0] if nouns else None)
        if victim.pos_ == "PRON":
            if lower in self.lex.singular_pronouns:
                return 1, "exact", victim.idx, None
            return None

        if self._excluded(victim):
            return None
        num = self._number_token(victim)
        if num is not None:
            if re.fullmatch(r"(?:19|20)\d\d", num.text) and not self._personish(victim):
                return None  # "the 2024 general election": a year, not a count
            got = self._quantity(num, num.left_edge.i)
            if got is None:
                return None
            q, start = got
            return q.value, q.qualifier, start, victim
        plural = victim.tag_ in ("NNS", "NNPS") and lower not in ("police",)
        if plural or not self._personish(victim):
            return None
        first = victim.left_edge
        return 1, "exact", first.idx, victim

    # -- victim normalisation ---------------------------------------------------------------

    def _victim_words(self, noun: Token) -> list[Token]:
        """The noun with the common-noun compounds right before it ("security force members")."""
        words = [noun]
        while words[0].i > noun.sent.start:
            prev = noun.doc[words[0].i - 1]
            if prev.dep_ == "compound" and prev.pos_ == "NOUN" and prev.head.i in {w.i for w in words}:
                words.insert(0, prev)
            else:
                break
        return words

    def victims_of(self, noun: Optional[Token]) -> tuple[Optional[str], Optional[str]]:
        if noun is None or noun.pos_ == "NUM":
            return None, None
        words = self._victim_words(noun)
        text = " ".join(w.text if w.pos_ == "PROPN" else w.lower_ for w in words)
        cats = self.lex.victim_categories
        lemmas = [_lemma(w) for w in words]
        category = cats.get(" ".join(lemmas)) or cats.get(" ".join(w.lower_ for w in words))
        if category is None:
            for c in noun.children:
                if c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in cats \
                        and cats[_lemma(c)] not in ("unspecified",):
                    category = cats[_lemma(c)]
                    break
        if category is None:
            category = cats.get(_lemma(noun)) or cats.get(noun.lower_)
        return text, category

    # -- spans -----------------------------------------------------------------------------

    @staticmethod
    def _np_end(victim: Token, noun: Optional[Token]) -> int:
        end = victim.i
        if noun is not None and noun.i > end:
            end = noun.i
        return end

    def _phrase(self, doc: Doc, trigger: Token, victim: Token, num_start: int,
                noun: Optional[Token], blockers: set[int]) -> tuple[int, int]:
        np_end_tok = doc[self._np_end(victim, noun)]
        start = min(num_start, victim.left_edge.idx if victim.left_edge.dep_ in _NP_LEFT_DEPS
                    else victim.idx)
        end = np_end_tok.idx + len(np_end_tok.text)
        lo, hi = sorted((trigger.i, np_end_tok.i if trigger.i > victim.i else victim.i))
        between = set(range(lo + 1, hi))
        if not (between & blockers):
            if trigger.i > victim.i:
                end = max(end, trigger.idx + len(trigger.text))
            else:
                start = min(start, trigger.idx)
        return start, end

    # -- source, anchor, cause ----------------------------------------------------------------

    @staticmethod
    def _np_text_span(head: Token) -> tuple[int, int]:
        # (without a relative clause: "a health worker at the town's hospital, who asked not to be named")
        # (or on a noun inside it: "The Britain-based Syrian Observatory for Human Rights, which monitors the war")
        rel = next((c for c in head.subtree if c.dep_ == "relcl" and c.i > head.i), None)
        toks = [t for t in head.subtree if not (t.is_punct and (t.i == head.left_edge.i
                                                                or t.i == head.right_edge.i))
                and (rel is None or t.i < rel.left_edge.i)]
        while len(toks) > 1 and toks[-1].is_punct:
            toks.pop()
        first, last = toks[0], toks[-1]
        if first.dep_ == "det" and first.lower_ in ("the", "this", "that", "these", "those") \
                and len(toks) > 1:
            first = toks[1]
        doc = head.doc
        opened = sum((t.text == "(") - (t.text == ")") for t in doc[first.i:last.i + 1])
        if opened > 0 and last.i + 1 < len(doc) and doc[last.i + 1].text == ")":
            last = doc[last.i + 1]  # "the Group for the Support of Islam and Muslims (JNIM)": its bracket closed
        return first.idx, last.idx + len(last.text)

    def _subject_source(self, verb: Token) -> Optional[tuple[int, int]]:
        subj = _children(verb, "nsubj")
        if subj:
            return self._np_text_span(subj[0])
        for agent in _children(verb, "agent"):
            pobj = _children(agent, "pobj")
            if pobj:
                return self._np_text_span(pobj[0])
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i and _is_verb(verb.head):
            # "Mali's military government rejected the report, saying the operation had killed 203": the speaker
            # of the verb the participle goes with
            return self._subject_source(verb.head)
        return None

    def source_of(self, anchor: Token) -> Optional[tuple[int, int]]:
        sent = anchor.sent
        # 1. a reporting verb governing the clause through a complement
        child = anchor
        for a in anchor.ancestors:
            clausal = child.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj") \
                or (child.dep_ == "dep" and _is_verb(child))
            if _lemma(a) in self.lex.reporting_verbs and _is_verb(a) and clausal:
                got = self._subject_source(a)
                if got:
                    return got
            child = a
        # 2. a reporting clause hanging off the toll clause ("..., police said")
        for a in [anchor, *anchor.ancestors]:
            for c in a.children:
                if c.dep_ in ("parataxis", "ccomp", "advcl", "conj") and c.i > anchor.i \
                        and _lemma(c) in self.lex.reporting_verbs and not _children(c, "ccomp"):
                    got = self._subject_source(c)
                    if got:
                        return got
        # 3. "according to X" anywhere in the sentence
        for t in sent:
            for phrase in self.lex.according_to:
                words = phrase.split()
                if t.lower_ == words[0]:
                    if len(words) == 2:
                        preps = [c for c in t.children if c.lower_ == words[1]]
                        if not preps and t.i + 1 < sent.end and t.nbor().lower_ == words[1]:
                            preps = [t.nbor()]
                        objs = [p for prep in preps for p in _children(prep, "pobj")]
                    else:
                        objs = _children(t, "dobj", "pobj")
                    if objs:
                        return self._np_text_span(objs[0])
        return None

    def _opening_source(self, sent: Span) -> Optional[tuple[int, int]]:
        """The source a sentence opens with ("According to Manipur Police, ..."), else None."""
        words = [t.lower_ for t in sent[:3]]
        for phrase in self.lex.according_to:
            ws = phrase.split()
            if words[:len(ws)] == ws and len(sent) > len(ws):
                objs = _children(sent[len(ws) - 1], "pobj", "dobj")
                if objs:  # (the name up to its head: the parser may hang the sentence's clause on it)
                    first = objs[0].left_edge
                    return first.idx, objs[0].idx + len(objs[0].text)
        return None

    @staticmethod
    def anchor_of(t: Token) -> Token:
        a = t
        while True:
            subj = _children(a, "nsubj", "nsubjpass", "expl")
            if a.dep_ in ("advcl", "xcomp", "conj") and a.tag_ == "VBG" and not subj and a.head.i != a.i:
                a = a.head
            elif a.dep_ == "conj" and _is_verb(a) and _is_verb(a.head) and (
                    not subj or all(x.lower_ in _ORDINALS for x in subj)):
                a = a.head  # (and "... and a third was beaten to death": one more of the same count)
            else:
                return a

    def cause_of(self, anchor: Token, trigger: Token) -> Optional[int]:
        cands: list[Token] = []
        for v in (trigger, anchor):
            if not _is_verb(v):
                continue
            cands += [_resolve_relative(s) for s in _children(v, "nsubj")]
            for ag in _children(v, "agent"):
                cands += _children(ag, "pobj")
            for prep in _children(v, "prep"):
                if prep.lower_ in ("in", "by", "during"):
                    cands += _children(prep, "pobj")
        for c in cands:
            words = self._victim_words(c)
            phrase = " ".join(_lemma(w) for w in words)
            if _lemma(c) in self.lex.event_nouns or phrase in self.lex.event_nouns:
                return c.i
        return None

    def _irrealis(self, trigger: Token) -> bool:
        if any(c.dep_ == "neg" for c in trigger.children):
            return True
        auxes = [_lemma(c) for c in trigger.children if c.dep_ == "aux"]
        if any(a in self.lex.irrealis_aux for a in auxes):
            # "may have died" reports a possible past toll; "would kill" does not report one
            if not ("have" in auxes and any(a in ("may", "might") for a in auxes)):
                return True
        if trigger.dep_ in ("acl", "xcomp") and _lemma(trigger.head) in self.lex.irrealis_governors:
            return True  # "an attempt to assassinate ...", "threatened to kill ..."
        t = trigger
        while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            if _lemma(t) in self.lex.irrealis_governors:
                return True
        return False

    def _either_or(self, verb: Token) -> bool:
        """'killed or wounded', 'killing or wounding 50', 'killed and wounded more than 20': the figure is not
        one kind."""
        kinds = {**self.lex.transitive_verbs, **self.lex.intransitive_verbs}
        mine = kinds.get(_lemma(verb))
        partners = [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            partners.append(verb.head)
        for p in partners:
            other = kinds.get(_lemma(p))
            if other is None or other == mine:
                continue
            owner = verb if p.head.i == verb.i else p
            if any(c.dep_ == "cc" and c.lower_ in ("or", "and/or") for c in owner.children):
                return True
            first, second = sorted((verb, p), key=lambda t: t.i)
            if second.i - first.i <= 3 and any(c.dep_ == "cc" and c.lower_ == "and" for c in owner.children) \
                    and not _children(first, *_OBJ_DEPS, "nsubjpass") and _children(second, *_OBJ_DEPS):
                return True  # "killed and wounded more than 20 soldiers": one figure of both kinds
        return False

    # -- the readers --------------------------------------------------------------------------

    def _listed(self, victims: list[Token]) -> list[Token]:
        """The victims with the rest of a list the parser hung on one of them as an apposition: "killed two
        soldiers, a policeman and three civilians" (2 + 1 + 3), "eight women, a girl and four men injured". An
        apposition whose counts add up to its head's is the same people told again ("two people, a man and his
        son"), and stays out; so do conjuncts after a comma that add up to an unspecified count before them
        ("three people, two soldiers and a civilian")."""
        out = list(victims)
        for t in victims:
            pairs = [(t, a) for a in _children(t, "appos")]
            if t.dep_ == "appos" and t.head.pos_ in _NOMINAL:
                pairs.append((t.head, t))
            for head, first in pairs:
                if first.pos_ not in _NOMINAL or not _children(first, "conj"):
                    continue
                items = _expand_conj([first])
                if self._adds_up(head, items) is False:
                    out.extend(x for x in [head, *items] if x not in out)
        for t in victims:
            # "killed three people, two soldiers and a civilian": after a comma, the conjuncts that add up to an
            # unspecified count ("people", "persons") break it down; they are not more dead
            nxt = t.i + 1
            if self.lex.victim_categories.get(_lemma(t)) != "unspecified" or t.dep_ == "conj" \
                    or nxt >= len(t.doc) or t.doc[nxt].text != ",":
                continue
            parts = [x for x in _expand_conj([t]) if x is not t]
            if parts and self._adds_up(t, parts):
                out = [x for x in out if x not in parts]
        return sorted(out, key=lambda x: x.i)

    def _adds_up(self, head: Token, items: list[Token]) -> Optional[bool]:
        """Do the items' counts add up to the head's (the same people told again)? None where a count is unknown."""
        counts = [self.value_of(x) for x in [head, *items]]
        if any(c is None for c in counts):
            return None
        return sum(c[0] for c in counts[1:]) == counts[0][0]

    def _victims_of_verb(self, v: Token) -> list[Token]:
        objs = _children(v, *_OBJ_DEPS)
        if objs:
            return self._listed(_expand_conj(objs))
        subjp = _children(v, "nsubjpass")
        if subjp:
            return self._listed(_expand_conj(_resolve_relative(s) for s in subjp))
        if v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and v.head.pos_ in _NOMINAL:
            return self._listed([v.head])
        subj = _children(v, "nsubj")
        if v.tag_ == "VBN" and subj and not _children(v, "aux"):
            return _expand_conj(_resolve_relative(s) for s in subj)
        if v.tag_ == "VBN" and v.dep_ in ("advcl", "xcomp", "acl") and _is_verb(v.head) and not subj:
            # "had treated more than 40 wounded": the count is the verb's object, the participle its noun
            nums = [n for n in _children(v.head, "dobj") if _is_numberish(n) and n.i == v.i - 1]
            if nums:
                return nums
        if subj and v.dep_ == "conj" and _children(v.head, "auxpass") and not _children(v, "aux"):
            # "three people were killed and four others wounded": the passive is gapped, not active
            return _expand_conj(_resolve_relative(s) for s in subj)
        return []

    def _result_clause(self, verb: Token) -> list[tuple[Token, Token]]:
        """'left A dead and B, C wounded' -> [(A, dead), (B, wounded), (C, wounded)]."""
        adjs = []
        for t in verb.subtree:
            if t.i <= verb.i or _lemma(t) not in self.lex.adjectives and t.lower_ not in self.lex.adjectives:
                continue
            if _children(t, "dobj") or _children(t, "nsubjpass"):
                continue
            path_ok = True
            for a in t.ancestors:
                if a.i == verb.i:
                    break
                if _is_verb(a) and a.dep_ not in ("oprd", "ccomp", "xcomp", "acl", "conj"):
                    path_ok = False
                    break
            if path_ok and t.dep_ not in ("pobj",):
                adjs.append(t)
        numbered = [a for a in adjs if any(_is_numberish(c) for c in _children(a, "nummod"))]
        if not adjs:
            return []
        adj_ids = {a.i for a in adjs}
        expletive = bool(_children(verb, "expl"))
        victims: list[Token] = []
        for t in verb.subtree:
            if t.i <= verb.i or t.i in adj_ids or t.pos_ not in _NOMINAL:
                continue
            if t.dep_ not in ("dobj", "conj", "nsubj", "appos") and not (t.dep_ == "attr" and expletive):
                continue  # ("There were eight women ... injured": the existential's people)
            ok = True
            for a in t.ancestors:
                if a.i == verb.i:
                    break
                if a.dep_ in ("pobj", "prep", "relcl", "poss") or (a.i not in adj_ids and _is_verb(a)
                                                                   and a.dep_ not in ("ccomp", "acl", "conj")):
                    ok = False
                    break
            if ok and t.i < max(adj_ids):
                victims.append(t)
        pairs = [(a, a) for a in numbered]  # "left three dead": the count hangs off the adjective
        for v in victims:
            following = [a for a in adjs if a.i > v.i]
            if following:
                pairs.append((v, min(following, key=lambda a: a.i)))
        if not pairs and adjs[0].i == verb.i + 1:  # "shot dead two gunmen"
            objs = [o for o in _children(verb, "dobj") if o.i > adjs[0].i]
            pairs = [(o, adjs[0]) for o in _expand_conj(objs)]
        if not pairs and not _under_a_preposition(adjs[0], verb):
            # copular / passive: "three were found dead", "two remain missing" (not "the election was the most
            # violent, with dozens of candidates killed": the adjective is said of another noun)
            subj = _children(verb, "nsubjpass")
            if _lemma(verb) in self.lex.copular_verbs:
                subj += _children(verb, "nsubj")
            if subj:
                pairs = [(s, adjs[0]) for s in _expand_conj(_resolve_relative(x) for x in subj)]
        return pairs

    def _kind_of_adjective(self, t: Token) -> Optional[str]:
        return self.lex.adjectives.get(t.lower_) or self.lex.adjectives.get(_lemma(t))

    def extract(self, doc: Doc) -> list[TollMention]:
        out: list[TollMention] = []
        opened_by: Optional[tuple[int, int]] = None  # the source an "According to X, ..." sentence opens with
        for sent in doc.sents:
            found = self._extract_sentence(doc, sent)
            if opened_by is not None and "\n\n" not in doc_text(doc)[opened_by[1]:sent.start_char]:
                # "According to Manipur Police, a group of armed men ... opened fire. Two men ... were killed on
                # the spot": the next sentence goes on with what the police told
                found = [m if m.source is not None else replace(
                    m, source=doc_text(doc)[opened_by[0]:opened_by[1]], source_start=opened_by[0],
                    source_end=opened_by[1]) for m in found]
            out.extend(found)
            opened_by = self._opening_source(sent)
        # more victims besides: only after a count of the same kind ("killing nine people and wounding 18
        # others" contrasts the wounded with the dead; "Four soldiers were also killed" adds to the dead)
        out = [m if not m.additional or any(o.kind == m.kind and o.start_char < m.start_char for o in out)
               else replace(m, additional=False) for m in out]
        he_said = any(m.source is not None and m.source.lower() in _PERSON_SOURCE_PRONOUNS for m in out)
        return _pronoun_sources_resolved(out, doc._.strife_actors if Doc.has_extension("strife_actors") else None,
                                         self._person_speakers(doc) if he_said else [])

    def _person_speakers(self, doc: Doc) -> list[tuple[int, int, str]]:
        """The text spans (start, end, text) of the people who speak in the doc: a person's name or a word for
        one (``speaker_nouns``: "a local official told Reuters") as the subject of a reporting verb."""
        tt = token_table(doc)
        spans = [self._np_text_span(s) for i in range(tt.n) if tt.pos[i] == "VERB"
                 and tt.lemma_lower[i] in self.lex.reporting_verbs for s in _children(doc[i], "nsubj")
                 if s.pos_ in ("NOUN", "PROPN") and not s.is_punct and (s.ent_type_ == "PERSON" or (
                     s.tag_ == "NN" and s.lemma_.lower() in self.lex.speaker_nouns))]
        return [(a, b, doc_text(doc)[a:b]) for a, b in spans]

    def _extract_sentence(self, doc: Doc, sent: Span) -> list[TollMention]:
        found: list[tuple[str, Token, Token, Optional[Token]]] = []  # kind, trigger, victim, governor
        consumed: set[int] = set()
        tt = token_table(doc)
        lemmas, lowers = tt.lemma_lower, tt.lower
        # pass 1: result constructions with toll adjectives ("left 19 dead", "found dead")
        for i in range(sent.start, sent.end):
            if lemmas[i] not in self.lex.adjective_verbs:
                continue  # (read from the token table: no Token made for the other words)
            tok = doc[i]
            if _is_verb(tok) and _lemma(tok) in self.lex.adjective_verbs:
                for victim, adj in self._result_clause(tok):
                    kind = self._kind_of_adjective(adj)
                    if kind:
                        found.append((kind, adj, victim, tok))
                        consumed.add(adj.i)
        # pass 1b: "beaten / stabbed / burned to death": the verb killed its object
        for i in range(sent.start, sent.end):
            if lowers[i] != "death" or i in consumed:
                continue
            tok = doc[i]
            verb = tok.head.head
            if tok.dep_ == "pobj" and tok.head.lower_ == "to" and _is_verb(verb) \
                    and _lemma(verb) in self.lex.to_death_verbs and not self._irrealis(verb):
                for v in self._victims_of_verb(verb):
                    found.append(("killed", verb, v, None))
        # pass 2: toll verbs, adjectives and nouns
        for i in range(sent.start, sent.end):
            if i in consumed or (lemmas[i] not in self._pass2_words and lowers[i] not in self.lex.adjectives):
                continue  # no branch below can take a word in no list (read from the token table)
            tok = doc[i]
            lem = _lemma(tok)
            if _is_verb(tok) and lem in self.lex.transitive_verbs and not (
                    tok.tag_ == "JJ"):
                if self._irrealis(tok) or self._either_or(tok):
                    continue
                for v in self._victims_of_verb(tok):
                    found.append((self.lex.transitive_verbs[lem], tok, v, None))
            elif _is_verb(tok) and lem in self.lex.intransitive_verbs:
                if self._irrealis(tok):
                    continue
                for v in _expand_conj(_resolve_relative(s) for s in _children(tok, "nsubj")):
                    found.append((self.lex.intransitive_verbs[lem], tok, v, None))
            elif _is_verb(tok) and lem in self.lex.life_verbs and lem == "lose":
                if any(_lemma(o) == "life" for o in _children(tok, "dobj")):
                    for v in _expand_conj(_resolve_relative(s) for s in _children(tok, "nsubj")):
                        found.append((self.lex.life_verbs[lem], tok, v, None))
            elif _is_verb(tok) and (harms := self._harms(tok)) and not self._irrealis(tok):
                # "five others sustained bullet injuries", "11 people were being treated for gunshot wounds"
                for v in _expand_conj(_resolve_relative(s) for s in _children(tok, "nsubj", "nsubjpass")):
                    found.append((self.lex.harm_nouns[_lemma(harms[0])], tok, v, None))
            elif self._kind_of_adjective(tok) and tok.pos_ in ("ADJ", "VERB", "NOUN"):
                kind = self._kind_of_adjective(tok)
                if any(_is_numberish(c) for c in _children(tok, "nummod")):
                    found.append((kind, tok, tok, None))  # "3 dead", "12 injured"
                elif tok.dep_ in ("amod", "acl") and tok.head.pos_ in _NOMINAL:
                    found.append((kind, tok, tok.head, None))
                elif _is_verb(tok) and tok.tag_ == "VBG" and _children(tok, "aux") and _children(tok, "nsubj") \
                        and not _children(tok, "dobj"):
                    # "at least 87 pupils were missing": the tagger's progressive of "miss"
                    for v in _expand_conj(_resolve_relative(s) for s in _children(tok, "nsubj")):
                        found.append((kind, tok, v, None))
                elif tok.dep_ in ("acomp", "oprd") and _is_verb(tok.head):
                    subj = _children(tok.head, "nsubj", "nsubjpass")
                    for v in _expand_conj(_resolve_relative(s) for s in subj):
                        found.append((kind, tok, v, None))

            elif tok.pos_ == "NOUN" and lem in self.lex.toll_heads:
                got = self._toll_head(tok)
                if got is not None:
                    found.append((*got, None))
            elif tok.pos_ == "NOUN" and lem in self.lex.toll_nouns:
                if tok.dep_ in ("dobj", "nsubjpass", "conj") and _lemma(_verbal_ancestor(tok)) in self.lex.handover_verbs:
                    continue  # "Kyiv receiving 1,000 bodies": bodies repatriated in an exchange, not this event's dead
                nums = [c for c in _children(tok, "nummod", "quantmod", "amod") if _is_numberish(c)]
                if nums:
                    found.append((self.lex.toll_nouns[lem], tok, tok, None))
                else:
                    for prep in _children(tok, "prep"):
                        if prep.lower_ == "of":
                            for p in _children(prep, "pobj"):
                                found.append((self.lex.toll_nouns[lem], tok, p, None))
        return self._build(doc, found)

    def _toll_head(self, toll: Token) -> Optional[tuple[str, Token, Token]]:
        kind = self.lex.toll_heads[_lemma(toll)]
        for c in toll.children:
            if c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in self.lex.toll_compounds:
                kind = self.lex.toll_compounds[_lemma(c)]
        nums: list[Token] = []
        for prep in _children(toll, "prep"):
            if prep.lower_ in ("of", "at"):
                nums += _children(prep, "pobj")
        nums += _children(toll, "appos", "nummod")
        if toll.dep_ in ("nsubj", "nsubjpass", "dobj") and _is_verb(toll.head):
            v = toll.head
            nums += _children(v, "dobj", "attr", "npadvmod") if toll.dep_ != "dobj" else []
            for prep in _children(v, "prep"):
                if prep.lower_ in ("to", "at", "past", "above"):
                    nums += _children(prep, "pobj")
        nums = [n for n in nums if n.i != toll.i and _is_numberish(n)]
        if not nums:
            return None
        return kind, toll, nums[0]

    def _build(self, doc: Doc, found: list[tuple[str, Token, Token, Optional[Token]]]
               ) -> list[TollMention]:
        seen: set[tuple[str, int]] = set()
        victim_ids = {v.i for _, _, v, _ in found}
        mentions: list[TollMention] = []
        for kind, trigger, victim, governor in found:
            if (kind, victim.i) in seen:
                continue
            val = self.value_of(victim)
            if val is None:
                continue
            value, qualifier, num_start, noun = val
            if noun is not None and self._excluded(noun):
                continue
            seen.add((kind, victim.i))
            if trigger.i == victim.i:  # "3 dead": the number hangs off the toll word
                victims, category = None, None
            else:
                victims, category = self.victims_of(noun)
            blockers = victim_ids - {victim.i}
            start, end = self._phrase(doc, trigger, victim, num_start, noun, blockers)
            if _lemma(trigger) in self.lex.toll_heads:
                start = min(start, trigger.left_edge.idx)
            if governor is not None and governor.i == trigger.i - 1 and trigger.i < victim.i:
                start = min(start, governor.idx)  # "shot dead two gunmen"
            if _lemma(trigger) in self.lex.life_verbs and trigger.i > victim.i:
                lives = [o for o in _children(trigger, "dobj") if _lemma(o) == "life"]
                if lives:  # "six people lost their lives"
                    end = max(end, lives[0].idx + len(lives[0].text))
            if trigger.i > victim.i and (harms := self._harms(trigger)):  # "five others sustained bullet injuries"
                end = max(end, harms[0].idx + len(harms[0].text))
            if governor is not None:
                head_for_anchor = governor
            elif _is_verb(trigger) and trigger.dep_ not in ("amod", "acl", "oprd", "acomp"):
                head_for_anchor = trigger
            else:
                head_for_anchor = _verbal_ancestor(trigger)
            anchor = self.anchor_of(head_for_anchor)
            cause = self.cause_of(anchor, head_for_anchor)
            src = None
            for t in [trigger, *list(trigger.ancestors)[:3]]:
                if t is not trigger and _lemma(t) in self.lex.reporting_verbs and _children(t, "nsubj"):
                    break  # "put the toll at 12, but residents said at least 20 had died": the residents' figure
                verb = t.head if _lemma(t) in self.lex.toll_heads and t.dep_ == "dobj" else t
                if _lemma(verb) in self.lex.toll_reporting_verbs and any(
                        _lemma(c) in self.lex.toll_heads for c in _children(verb, "dobj")):
                    # "..., local sources said, while the government put the toll at 12 dead": whoever puts
                    # the toll at a figure is its source, before any reporting verb around the clause
                    src = self._subject_source(verb)
                    break
            if src is None:
                src = self.source_of(anchor)
            mentions.append(TollMention(
                kind=kind,  # type: ignore[arg-type]
                value=value, qualifier=qualifier, victims=victims, victim_category=category,
                side=None, text=doc_text(doc)[start:end], start_char=start, end_char=end,
                source=doc_text(doc)[src[0]:src[1]] if src else None,
                source_start=src[0] if src else None, source_end=src[1] if src else None,
                anchor_token_i=anchor.i, cause_token_i=cause, trigger_token_i=trigger.i,
                victim_token_i=victim.i, individual=value == 1 and self._singled_out(victim),
                additional=_besides(trigger, victim)))
        mentions.sort(key=lambda m: (m.start_char, m.kind))
        return mentions


_SOURCE_PRONOUNS = frozenset({"it", "they", "he", "she"})
_PERSON_SOURCE_PRONOUNS = frozenset({"he", "she"})


def _pronoun_sources_resolved(mentions: list[TollMention], actors=None,
                              speakers: Optional[list[tuple[int, int, str]]] = None) -> list[TollMention]:
    """A figure a pronoun reports ("about 20 attackers were killed, it added") is the claim of the source of the
    figure before it ("killing 14 soldiers, the army said"): its source is that source, not "it"; with no
    figure before it, the party the actor stage reads the pronoun as ("the governor told Reuters ... He said
    at least 40 militants were killed": the governor)."""
    out: list[TollMention] = []
    last: Optional[TollMention] = None
    for m in mentions:
        # ("he"/"she" is whom the actor stage reads it as, before the last source: "..., residents said. ... police
        # spokesman Mohammed Shehu told Reuters. Two police officers were wounded, he said" is Shehu's figure)
        ante = _pronoun_antecedent(m, actors or []) if m.source is not None and (
            m.source.lower() in _PERSON_SOURCE_PRONOUNS or (m.source.lower() in _SOURCE_PRONOUNS and last is None)) else None
        who = (ante.start_char, ante.end_char, ante.text) if ante is not None else None
        if who is None and m.source is not None and m.source.lower() in _PERSON_SOURCE_PRONOUNS:
            # no party read for "he": the last person who spoke before it, if after the last figure's source ("...,
            # the army said. ... a local official told Reuters ... He put the death toll at 31": the official's)
            near = max((sp for sp in speakers or [] if sp[1] <= m.source_start), default=None)
            if near is not None and (last is None or last.source_start is None or near[0] > last.source_start):
                who = near
        if who is not None:
            m = last = replace(m, source=who[2], source_start=who[0], source_end=who[1])
        elif m.source is not None and m.source.lower() in _SOURCE_PRONOUNS and last is not None:
            m = replace(m, source=last.source, source_start=last.source_start, source_end=last.source_end)
        elif m.source is not None:
            last = m
        out.append(m)
    return out


def _pronoun_antecedent(m: TollMention, actors: list):
    """The mention a source pronoun stands for: the latest mention before it under the name the actor
    stage gave the pronoun."""
    pron = next((a for a in actors if a.how == "pronoun" and a.start_char == m.source_start), None)
    if pron is None:
        return None
    return max((a for a in actors if a.how != "pronoun" and a.name == pron.name and a.end_char <= pron.start_char),
               key=lambda a: a.end_char, default=None)


def _besides(trigger: Token, victim: Token) -> bool:
    """Do the words tell more victims besides others: "also" on the toll word or its verb ("Four soldiers were
    also killed"), "another" or "other(s)" on the victims ("another three died", "two others were wounded")?
    (Besides those of the same kind counted before it, the extractor checks.)"""
    verbs = [trigger] + ([trigger.head] if trigger.dep_ in ("acomp", "oprd", "amod") else [])
    if any(c.dep_ == "advmod" and c.lower_ == "also" for v in verbs for c in v.children):
        return True
    return victim.lower_ in ("others", "another") or any(
        c.lower_ in ("another", "other") and c.dep_ in ("det", "amod") for c in victim.children)


class TollsComponent:
    """The pipeline component: sets doc._.strife_tolls."""

    def __init__(self, nlp: Language, name: str, lexicon_path: Optional[str] = None):
        self.name = name
        self.extractor = TollExtractor(load_lexicon(lexicon_path))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ValueError("strife_tolls needs a dependency parse: add it after the parser")
        doc._.strife_tolls = self.extractor.extract(doc)
        return doc


@Language.factory(
    "strife_tolls",
    assigns=["doc._.strife_tolls"],
    requires=["token.dep", "token.head", "token.lemma", "token.tag"],
    default_config={"lexicon_path": None},
)
def make_tolls(nlp: Language, name: str, lexicon_path: Optional[str]) -> TollsComponent:
    return TollsComponent(nlp, name, lexicon_path)


def extract_tolls(doc: Doc, lexicon_path: Optional[str] = None) -> list[TollMention]:
    """Toll mentions of a parsed Doc without adding the component to a pipeline."""
    return TollExtractor(load_lexicon(lexicon_path)).extract(doc)
