"""Event triggers and their typing (PLOVER type + mode, CAMEO code, ACLED hint).

Component ``strife_triggers`` reads the parse and lemmas, looks every verb and noun up in the
trigger lexicon (``data/ontology/triggers.tsv``), keeps only mentions reported as real
(:mod:`strife.factuality`), and writes ``doc._.strife_triggers``: a list of :class:`Trigger`.
"""



import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

import strife.doc_ext  # noqa: F401  (registers the Doc attributes)
from strife.components.actors import actor_for_token
from strife.doc_ext import doc_text, token_table
from strife import ontology
from strife.factuality import assess, modal_type, modality
from strife.lexicon import load_wordlists

_POS_MAP = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


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
    contexts: list[str] = field(default_factory=list)
    cameo: Optional[str] = None
    acled_hint: Optional[str] = None
    hints: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    weak: bool = False          # an ambiguous word with none of its sense cues nearby
    modality: Optional[str] = None  # intent | refusal | obligation | terms: the type was re-read from the modality
    lexical_type: Optional[str] = None  # the lexicon's type of the word, where the modality re-read it
    weapon_modes: list[str] = field(default_factory=list)  # modes named by a weapon word ("rocket attack")
    factual: bool = True
    reason: Optional[str] = None


@dataclass(frozen=True)
class Rejected:
    """An event word the factuality check set aside ("denied carrying out the attack", "plans to attack")."""

    i: int
    plover_type: str
    reason: Optional[str]


class TriggerLexicon:
    """Lemma+POS → senses, from the ontology's trigger lexicon (``data/ontology/triggers.tsv``)."""

    def __init__(self, entries: Iterable[ontology.Trigger]):
        self.single: dict[tuple[str, str], list[ontology.Trigger]] = {}
        self.multi: dict[tuple[str, str], list[ontology.Trigger]] = {}  # keyed by head word
        self.weapons: dict[str, ontology.Trigger] = {}
        weapon_senses: list[ontology.Trigger] = []
        for e in entries:
            if e.is_weapon_noun:
                self.weapons.setdefault(e.lemma, e)
                if not e.is_event_noun:
                    if e.is_ambiguous and e.cues:
                        weapon_senses.append(e)
                    continue
            if "participant_noun" in e.flags:
                continue
            if e.is_multiword:
                head = e.words[-1] if e.pos == "NOUN" else e.words[0]
                self.multi.setdefault((head, e.pos), []).append(e)
            else:
                self.single.setdefault((e.lemma, e.pos), []).append(e)
        for e in weapon_senses:
            if (e.lemma, e.pos) in self.single:
                # a weapon sense of an event word ("a charge of dynamite" beside "the charges against him"): a
                # sense to choose, after the word's event senses, that names no event
                self.single[(e.lemma, e.pos)].append(e)
        # every word a sense is keyed by: a token none of whose keys is here has no sense
        self.words = frozenset(w for w, _ in self.single) | frozenset(w for w, _ in self.multi)

    def may_have_senses(self, lemma_lower: str, lower: str) -> bool:
        """False when no key `senses` can try for a token with this lemma and text is in the lexicon
        (its keys: the lemma, the text, and the singular of a plural noun, see `_singular`)."""
        words = self.words
        if lemma_lower in words or lower in words:
            return True
        return (lower.endswith("ies") and lower[:-3] + "y" in words) or (lower.endswith("s") and lower[:-1] in words)

    def senses(self, tok: Token, pos: str) -> list[ontology.Trigger]:
        out: list[ontology.Trigger] = []
        keys = [(tok.lemma_.lower(), pos), (tok.lower_, pos)]
        singular = _singular(tok) if pos == "NOUN" else None
        if singular is not None:
            keys.append((singular, pos))
        for key in keys:
            for e in self.multi.get(key, []):
                if _multi_matches(e, tok) and e not in out:
                    out.append(e)
        if out:
            return out  # a multi-word reading ("assassination attempt") outranks the single word
        for key in keys:
            for e in self.single.get(key, []):
                if e not in out:
                    out.append(e)
        return out


def _singular(tok: Token) -> Optional[str]:
    """The singular of a plural noun the lemmatizer left alone (a capitalised "Shootings" tagged as a proper
    noun keeps its plural lemma); None when the lemma already differs from the word."""
    low = tok.lower_
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() != low or len(low) < 5 or low.endswith("ss"):
        return None
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") else None


_PREPOSITIONAL_PARTS = frozenset({"on", "for", "to"})


def _multi_matches(e: ontology.Trigger, tok: Token) -> bool:
    words = e.words
    if e.pos == "NOUN":
        rest = words[:-1]
        left = [t for t in tok.doc[max(tok.i - len(rest) - 1, 0):tok.i] if not t.is_punct]
        got = [t.lemma_.lower() for t in left][-len(rest):] if rest else []
        got_text = [t.lower_ for t in left][-len(rest):] if rest else []
        return list(rest) in (got, got_text)
    if len(words) == 2 and words[1] in _PREPOSITIONAL_PARTS:
        # a prepositional verb takes its preposition right after it ("called on the government", "called
        # for talks"), not any "on" of the clause ("called a general strike on Monday")
        j = tok.i + 1
        while j < len(tok.doc) and tok.doc[j].pos_ == "ADV" and j <= tok.i + 2:
            j += 1
        return j < len(tok.doc) and tok.doc[j].lower_ == words[1]
    rest = set(words[1:])
    near = {t.lower_ for t in tok.subtree if t.i > tok.i and t.i <= tok.i + 4} | {
        t.lemma_.lower() for t in tok.subtree if t.i > tok.i and t.i <= tok.i + 4}
    return rest <= near


@lru_cache(maxsize=1)
def default_lexicon() -> TriggerLexicon:
    return TriggerLexicon(ontology.triggers())


def _coarse_pos(tok: Token) -> Optional[str]:
    pos = _POS_MAP.get(tok.pos_)
    # the small model sometimes tags a plural event noun as a verb ("the U.S. strikes a violation")
    if pos == "VERB" and tok.tag_ == "VBZ" and any(c.dep_ in ("det", "compound", "poss") for c in tok.lefts):
        return "NOUN"
    return pos


@lru_cache(maxsize=4096)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a sense's cues: any of them as a whole word (compiled once per cue set)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(cue.lower()) for cue in cues) + r")(?![\w-])")


def _cue_present(cues: tuple[str, ...], sent_text: str) -> bool:
    return _cue_pattern(tuple(cues)).search(sent_text) is not None


_NAME_LABELS = frozenset({"ACTOR", "ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _inside_a_name(doc: Doc, tok: Token) -> bool:
    """A word of a name names no event: "Liberation" in "National Liberation Army", "Resistance" in a
    dictionary actor's name. Only inside a known actor's name or a multi-word name, before its last word
    (a lone capitalised "Attack" the tagger took for a name still counts)."""
    if tok.ent_type_ not in _NAME_LABELS:
        return False
    return tok.ent_type_ == "ACTOR" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")


def _warns_someone(tok: Token) -> bool:
    """A warning is a threat when it is aimed at someone ("warned Iran", "warned X not to") or says what
    the speaker will do ("warned it would retaliate"); a warning about how things are is a comment."""
    if tok.lemma_.lower() not in load_wordlists("factuality")["warning_verbs"]:
        return True
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("against", "to")):
            return True
        if c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ in ("will", "would", "'ll", "could") for g in c.children):
            return True
    return False


def _news_formula(tok: Token, formula: frozenset[str]) -> bool:
    """A reporter's formula, not an event: "did not respond to a request for comment", "an official who
    asked not to be named", "declined to comment" (``news_formula_words``: what the request or refusal is about)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in formula for g in c.children):
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in formula:
            return True
    return False


def _tells_a_result(tok: Token) -> bool:
    """An -ing verb in the verb's object, with no other verb between ("sending thousands of residents
    fleeing"): the verb tells what something caused."""
    for c in tok.subtree:
        if c.tag_ == "VBG" and tok.i < c.i <= tok.i + 8 and c.dep_ in ("acl", "xcomp", "oprd", "ccomp") \
                and next((a.i for a in c.ancestors if a.pos_ in ("VERB", "AUX")), None) == tok.i:
            return True
    return False


def _first_noun_after(tok: Token) -> Optional[str]:
    """The lemma of the first noun right after a verb, past numbers, determiners and modifiers ("had recovered
    at least nine bodies"), whatever the parse made of it; None if another word comes first."""
    doc = tok.doc
    for j in range(tok.i + 1, min(tok.i + 7, len(doc))):
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN"):
            return t.lemma_.lower()
        if t.pos_ not in ("DET", "NUM", "ADJ") and t.lower_ not in _QUANTITY_WORDS:
            return None
    return None


# words that may open a counted noun phrase ("at least nine bodies", "more than 20", "up to 30")
_QUANTITY_WORDS = frozenset({"at", "least", "about", "some", "more", "than", "nearly", "almost", "around", "up", "to",
                             "over", "its", "their", "his", "her"})


def _of_object(tok: Token) -> list[Token]:
    """What a measure or a part is of ("placed 5 kg of dynamite", "placed two sticks of dynamite")."""
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "dative", "attr", "oprd") or
               (c.dep_ in ("prep", "agent") and any(g.dep_ == "pobj" for g in c.children)) for c in tok.children) or (
        tok.dep_ == "relcl" or tok.tag_ == "VBN")


def choose_sense(tok: Token, senses: list[ontology.Trigger],
                 sent_text: Optional[Callable[[Token], str]] = None) -> tuple[Optional[ontology.Trigger], bool]:
    """The sense whose cues occur in the sentence, else the default (first) sense, flagged weak when ambiguous.
    ``sent_text``: the lower-cased text of a token's sentence, if the caller keeps it (default: read here)."""
    if len(senses) > 1 and sum(1 for s in senses if s.cues) > 1:
        # the word's own subject and object outrank the rest of the sentence: "imposed sanctions on the faction
        # that controls Afghanistan" is a sanction, whatever "controls" cues elsewhere; "Ukraine's General Staff
        # said its drones had struck the refinery" is a drone strike, not staff on strike
        # (the object before the subject: "U.S. President Joe Biden welcomed the agreement" praises a deal, it
        # receives no visiting president)
        # (first the word's own modifiers and what it is of: "a charge of dynamite", "a dynamite charge" is an
        # explosive, whatever "of" cues a legal charge)
        own = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i] + _of_object(tok)
        for deps in (None, ("dobj", "nsubjpass", "attr"), ("nsubj",)):
            kids = own if deps is None else [c for c in tok.children if c.dep_ in deps]
            local = " ".join(w for c in kids
                             for g in [*(g for g in c.lefts if g.dep_ in ("compound", "amod")), c]
                             for w in {g.lower_, g.lemma_.lower()})
            if local:
                for s in senses:
                    if s.cues and _cue_present(s.cues, local):
                        return s, False
    text = None
    for s in senses:
        if s.cues:
            if text is None:
                text = sent_text(tok) if sent_text is not None else tok.sent.text.lower()
            if _cue_present(s.cues, text):
                return s, False
    default = senses[0]
    # weak: the word may not report an event of this type at all ("marched", "captured seats"); a word
    # whose senses all share the type ("bombed" by jets or by a car bomb) is certain of its type
    other_types = len({s.plover_type for s in senses}) > 1
    # a word all of whose senses are flagged needs_cue, with no cue present ("there was fire everywhere"),
    # may name no event at all
    needs_cue = all("needs_cue" in s.flags for s in senses)
    return default, default.is_ambiguous and (other_types or len(senses) == 1 or needs_cue)


_PAYLOAD_VERBS = frozenset({"contain", "carry", "fill", "load", "pack", "lace", "arm"})


def _payloads(weapons: list[Token]) -> list[Token]:
    """The payload of a munition: the object of a "containing/filled with/loaded with" clause on it."""
    out = []
    for w in weapons:
        for v in w.children:
            if v.dep_ in ("acl", "relcl") and v.lemma_.lower() in _PAYLOAD_VERBS:
                out.extend(g for g in v.children if g.dep_ == "dobj")
                out.extend(p for c in v.children if c.dep_ == "prep" and c.lower_ == "with"
                           for p in c.children if p.dep_ == "pobj")
    return out


def _modes_from_modifiers(tok: Token, lex: TriggerLexicon, plover_type: str,
                          sentence: Optional[str] = None) -> list[str]:
    """Weapons in the trigger's modifiers or instruments give the mode ("rocket attack", "fired 30 rockets").
    A weapon word with other senses counts only when one of its cues is in the ``sentence`` (lower case):
    "the bomber blew herself up" names a person, "B-52 bombers struck" an aircraft."""
    modes: list[str] = []
    candidates = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubjpass", "dobj", "nsubj"):
            candidates.append(c)
        if c.dep_ == "prep" and c.lower_ in ("with", "by", "using"):
            candidates.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ == "pobj" and f"{tok.head.head.lemma_.lower()} {tok.head.lower_}" in load_wordlists("factuality")["light_verb_preps"]:
        # "used sulfur mustard in a March 2018 attack": the weapon used in the attack is its weapon (the
        # light-verb prepositions the roles read: use/fire/launch/drop in, during)
        candidates.extend(g for g in tok.head.head.children if g.dep_ == "dobj")
    # every weapon of a coordinated object ("launched 40 drones and three missiles")
    candidates.extend(g for c in list(candidates) if c.dep_ == "dobj" for g in c.conjuncts)
    # what a munition carries is its weapon too ("mortar rounds containing poisonous gases", "shells filled with chlorine")
    candidates.extend(_payloads(candidates))
    # a weapon-bearing word inside the trigger token itself ("airstrikes" is its own lemma)
    for c in candidates:
        compound = " ".join([g.lower_ for g in c.children if g.dep_ == "compound" and g.i < c.i] + [c.lemma_.lower()])
        mods = [g.left_edge.i for g in c.children if g.dep_ in ("amod", "compound") and g.i < c.i]
        # the noun with its modifiers as written ("rocket-propelled grenade", "poisonous gas")
        modified = (c.doc[min(mods):c.i].text.lower() + " " + c.lemma_.lower()) if mods else ""
        e = (lex.weapons.get(modified) or lex.weapons.get(compound) or lex.weapons.get(c.lemma_.lower())
             or lex.weapons.get(c.lower_))
        if e and e.plover_mode and e.plover_type == plover_type and e.plover_mode not in modes:
            if "ambiguous" in e.flags and e.cues and sentence is not None and not _cue_present(e.cues, sentence):
                continue
            modes.append(e.plover_mode)
    # a chemical agent names the attack whatever delivered it ("mortar rounds containing poisonous gases")
    return sorted(modes, key=lambda m: m != "cbrn")


def _phrase(tok: Token) -> str:
    """A noun with its compounds, lower case ("gas cylinder")."""
    return " ".join([w.lower_ for w in tok.lefts if w.dep_ == "compound"] + [tok.lower_])


def _accident(tok: Token, explosions: frozenset[str], sources: frozenset[str], causes: frozenset[str]) -> bool:
    """Is the word an accidental explosion, or does it tell what one did ("a gas cylinder explosion killed
    three", "were hurt when a furnace exploded")?"""
    return any(t.lemma_.lower() in explosions and _accidental_blast(t, sources, causes)
               for t in (tok, *(c for c in tok.children if c.dep_ in ("nsubj", "advcl"))))


def _accidental_blast(tok: Token, sources: frozenset[str], causes: frozenset[str]) -> bool:
    """Is an explosion word said of a thing that blows up by accident ("a furnace at a cast iron plant
    exploded", "a gas cylinder explosion") or caused by something that is no weapon ("Two explosions rocked
    the building, caused by a gas leak")?"""
    things = [c for c in tok.children if c.dep_ in ("nsubj", "compound")]
    things += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "in")
               for g in c.children if g.dep_ == "pobj"]
    if any({t.lemma_.lower(), t.lower_, _phrase(t)} & sources for t in things):
        return True
    # "explosions caused by ...", "two explosions rocked the building, caused by ..."
    said = list(tok.children) + (list(tok.head.children) if tok.dep_ == "nsubj" else [])
    for v in (c for c in said if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "cause"):
        agents = [g for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        for g in agents:
            words = {w.lower_ for w in g.subtree} | {_phrase(w) for w in g.subtree}
            if words & (sources | causes):
                return True
    return False


def _natural_cause(tok: Token, causes: frozenset[str]) -> bool:
    """Does a casualty word name a cause that is no act of violence ("died of alcohol poisoning", "killed
    in a road accident", "died due to heatstroke")? (``causes``: lemmas or compound phrases.)"""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "by", "after")]
    preps += [g for c in tok.children if c.lower_ == "due" for g in c.children if g.lower_ == "to"]  # "due to"
    for g in (g for p in preps for g in p.children if g.dep_ == "pobj"):
        if {g.lemma_.lower(), g.lower_, _phrase(g)} & causes:
            return True
    # the cause as the subject: "a landslide killed 20", "the collapse of a canopy that killed 15 people"
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")]
    if tok.dep_ == "relcl":
        subjects.append(tok.head)
    for c in subjects:
        owner = c.head.head if c.dep_ == "pobj" and c.head.lower_ == "of" else None
        if {c.lemma_.lower(), c.lower_, _phrase(c)} & causes or (owner is not None and owner.lemma_.lower() in causes):
            return True
    return False


def _by_security(tok: Token, sectors: frozenset[str]) -> bool:
    """Is the verb's subject a security force ("police in riot gear blocked the road")?"""
    return any(c.dep_ == "nsubj" and (a := actor_for_token(tok.doc, c)) is not None and a.sector in sectors
               for c in tok.children)


def _by_demonstrators(verb: Token, protesting: frozenset[str]) -> bool:
    """Is the verb in a relative clause on a word for demonstrators or a crowd (``violent_protest_agents``;
    through coordinated verbs)? (A subject of their own the event stage reads: see ``_mob_violence``.)"""
    while verb.dep_ == "conj" and verb.head is not verb \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in protesting and any(
        s.dep_ == "nsubj" and s.lower_ in ("that", "who", "which") for s in verb.children)


def _said_of(tok: Token, words: frozenset[str]) -> bool:
    """Is a noun modified by one of ``words``, or followed by "in"/"of" one ("a rally in bank shares")?"""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "of") and any(
                g.dep_ == "pobj" and (g.lemma_.lower() in words or g.lower_ in words) for g in c.children):
            return True
    return False


def _against_an_abstraction(tok: Token, abstract: frozenset[str]) -> bool:
    """A word of violence whose object, opponent ("against", "on") or kind ("price war") is an abstraction
    ("inflation", "a deal", "the right balance", "prices"): not a use of force."""
    for c in tok.children:
        if c.dep_ in ("dobj", "compound") and c.lemma_.lower() in abstract:
            return True
        if c.dep_ == "prep" and c.lower_ in ("against", "on"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in abstract for g in c.children):
                return True
    return False


def _one_party(noun: Token) -> bool:
    """A meeting noun whose one participant is a singular possessor ("the board's meeting", "Tuesday's
    meeting") and that is held with or between no one."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    return len(poss) == 1 and poss[0].tag_ not in ("NNS", "NNPS") and poss[0].pos_ != "PRON" and not any(
        c.dep_ == "conj" for c in poss[0].children) and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in noun.children)


def find_triggers(doc: Doc, lex: TriggerLexicon, keep_nonfactual: bool = False,
                  rejected: Optional[list[Rejected]] = None) -> list[Trigger]:
    """The event triggers of ``doc``; non-factual words with no modal reading are left out (and listed in
    ``rejected`` when given) unless ``keep_nonfactual``."""
    out: list[Trigger] = []
    words = load_wordlists("factuality")
    formula, causative = words["news_formula_words"], words["causative_verbs"]
    compound_heads = words["compound_heads"]
    abstract = words["abstract_opponents"]
    unsanctioned = words["unsanctioned_objects"]
    reported = words["reported_objects"]
    markets = words["market_or_campaign_words"]
    locative_of = words["locative_of_nouns"]
    security = words["security_obstructors"]
    protesting = words["violent_protest_agents"]
    protective = words["protective_objects"]
    one_party = words["one_party_meeting_nouns"]
    briefing = words["briefing_modifiers"]
    peaceful = words["peaceful_operation_modifiers"]
    penalty = words["penalty_verbs"]
    natural = words["natural_causes"]
    hostile = words["hostile_types"]
    accidents, explosions = words["accident_sources"], words["explosion_words"]
    accident_told = False  # an accidental blast told before: "The explosion occurred at ..." is that one
    said_of_markets: set[str] = set()  # protest nouns the text used of markets or campaigns
    sent_texts: dict[int, str] = {}  # sentence start -> its lower-cased text (each sentence read once)
    tt = token_table(doc)
    starts = tt.sent_starts

    def sent_text(tok: Token) -> str:
        if starts is None:  # no sentence boundaries: spaCy says why
            sent = tok.sent
            return doc_text(doc)[sent.start_char:sent.end_char].lower()
        k = bisect_right(starts, tok.i) - 1
        t = sent_texts.get(k)
        if t is None:
            last = (starts[k + 1] if k + 1 < len(starts) else tt.n) - 1
            t = sent_texts[k] = doc_text(doc)[tt.idx[starts[k]]:tt.idx[last] + len(tt.text[last])].lower()
        return t

    for i in range(tt.n):
        if tt.pos[i] not in _POS_MAP or not lex.may_have_senses(tt.lemma_lower[i], tt.lower[i]):
            continue  # (read from the token table: no Token made for most words)
        tok = doc[i]
        pos = _coarse_pos(tok)
        if pos is None or _inside_a_name(doc, tok):
            continue
        senses = lex.senses(tok, pos)
        if not senses:
            continue
        entry, weak = choose_sense(tok, senses, sent_text)
        if entry is None or (entry.is_weapon_noun and not entry.is_event_noun):
            continue
        if pos == "VERB" and entry.needs_object and not _has_object(tok):
            continue
        if "object_cue" in entry.flags and not any(
                o.lemma_.lower() in entry.cues or o.lower_ in entry.cues or any(
                    " " in cue and cue in " ".join(w.lower_ for w in o.subtree) for cue in entry.cues)
                for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *_of_object(c))):
            continue  # "prevented the demonstration" restricts; "to prevent additional actions" reports nothing
        if weak and pos == "VERB" and (any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in reported
                                           for c in tok.children) or _first_noun_after(tok) in reported):
            continue  # "gave a higher toll", "officers recovered eight bodies": a word with none of its
            # sense's cues, acting on a figure told or the dead found, reports no act of its own
        if weak and pos == "VERB" and any(c.dep_ == "oprd" for c in tok.children):
            continue  # "calling it a key supplier of fuel": a word with none of its sense's cues that names
            # its object something reports no act
        if pos == "VERB" and entry.plover_type == "THREATEN" and any(
                c.dep_ == "nsubj" and c.pos_ == "NOUN" and any("is_event_noun" in x.flags for x in lex.senses(c, "NOUN"))
                for c in tok.children):
            continue  # "warned that the attacks threatened the main entry point for aid": they endanger it, no threat
        if pos == "VERB" and entry.plover_type == "THREATEN" and not _warns_someone(tok):
            continue  # "warned that the battle against price rises was not yet won": a comment, no threat
        if weak and entry.plover_type == "THREATEN" and any(
                c.dep_ == "dobj" and (ss := lex.senses(c, "NOUN")) and all(x.plover_type not in hostile for x in ss)
                for c in tok.children):
            continue  # "vowed a thorough investigation": a promise of something that harms no one, no threat
        if _news_formula(tok, formula):
            continue
        if pos == "VERB" and tok.lemma_.lower() in causative and _tells_a_result(tok):
            continue  # "sending thousands of residents fleeing": what it caused, not a deployment
        if pos == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.dep_ == "appos":
            continue  # "The Arakan Army, an ethnic armed group fighting Myanmar's junta, said": who they are, no event
        if pos == "VERB" and tok.dep_ in ("amod", "compound", "npadvmod"):
            continue  # "Iranian-backed militia", "targeted killings" as a modifier: an attribute, not an event
        if pos == "VERB" and tok.tag_ == "VBN" and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "some of the wounded", "the injured were taken to hospital": people, not an event
        if pos == "NOUN" and tok.dep_ == "compound" and tok.head.lemma_.lower() in compound_heads:
            continue  # "assault rifles", "riot police", "protest leaders": a kind of thing, not an event
        if entry.plover_type == "ASSAULT" and _against_an_abstraction(tok, abstract):
            continue  # "the fight against inflation", "strike a deal", "a price war": a figure of speech
        if pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in penalty:
            continue  # "sentenced 12 men to death": the penalty, no killing
        if pos == "NOUN" and entry.plover_type == "ASSAULT" and any(
                w.lemma_.lower() in peaceful for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                for w in (c, *c.conjuncts)):
            continue  # "launched a search and rescue operation", "an evacuation operation": no attack (a search
            # operation is a deployment: triggers.tsv)
        if pos == "NOUN" and entry.plover_type == "CONSULT" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in briefing for c in tok.children):
            continue  # "told a news conference in Doha": where it was said, no consultation
        if pos == "NOUN" and entry.plover_type == "CONSULT" and tok.lemma_.lower() in one_party and _one_party(tok):
            continue  # "after the board's two-day meeting": a body's own session, not a consultation
        if weak and pos == "VERB" and entry.plover_type == "SANCTION" and any(
                c.dep_ == "dobj" and any(x.plover_type in ("ASSAULT", "COERCE") and "is_event_noun" in x.flags
                                         for x in lex.senses(c, "NOUN")) for c in tok.children):
            continue  # "Security forces ended the siege": the end of the attack, no sanction
        if weak and pos == "VERB" and entry.plover_type == "CONSULT" and not any(
                c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
                or (c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)) for c in tok.children):
            continue  # "the stage where party leaders were speaking": a speech, no one spoken with
        if pos == "NOUN" and entry.plover_type == "MOBILIZE" and tok.dep_ == "pobj" and tok.head.lower_ == "on" \
                and tok.head.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("det", "poss") for c in tok.children):
            continue  # "Soldiers on patrol encountered about 20 rebels": who they were, no deployment (not "troops
            # remained on alert": PLOVER's mobilization)
        if pos == "VERB" and entry.plover_type == "MOBILIZE" and tok.tag_ == "VBG" and tok.dep_ == "advcl" \
                and any(c.dep_ == "mark" and c.lower_ in ("while", "when") for c in tok.children):
            continue  # "Soldiers came under fire while patrolling a rural area": what they were doing when it happened
        if pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in locative_of:
            continue  # "places of temporary deployment": a kind of place, not a deployment
        if entry.plover_type == "PROTEST" and pos == "NOUN" and _said_of(tok, markets):
            said_of_markets.add(tok.lemma_.lower())
            continue  # "a rally in bank shares", "a campaign rally": markets and elections, not protest
        if entry.plover_type == "PROTEST" and pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "at" \
                and tok.head.head.pos_ == "NOUN" and any(x.plover_type == "ASSAULT" and "is_event_noun" in x.flags
                                                         for x in lex.senses(tok.head.head, "NOUN")):
            continue  # "a bombing at a political rally": where the attack struck, no protest told
        if entry.plover_type == "PROTEST" and pos == "NOUN" and tok.lemma_.lower() in said_of_markets and any(
                c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children):
            continue  # "the rally" after "a campaign rally": the same campaign event
        if entry.plover_type == "SANCTION" and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in unsanctioned for c in tok.children):
            continue  # "suspended mobile internet", "Flights were suspended", "cut rates": a service or a price, not a sanction
        retold_accident = accident_told and tok.lemma_.lower() in explosions and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)  # "The explosion occurred at ..."
        accident = entry.plover_type == "ASSAULT" and (retold_accident or _accident(tok, explosions, accidents, natural))
        accident_told = accident_told or accident
        if accident or ("casualty" in entry.flags and _natural_cause(tok, natural)) or (
                pos == "NOUN" and _phrase(tok) in natural) or (
                # "The death toll from the earthquake": the compound's head tells the cause for both words
                "casualty" in entry.flags and pos == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN"
                and _natural_cause(tok.head, natural)):
            # "a furnace ... exploded", "159 people have died of alcohol poisoning", "killed in a road accident",
            # "a heart attack": no attack (and no reading of the classifier's either)
            if rejected is not None:
                rejected.append(Rejected(tok.i, entry.plover_type, "natural_cause"))
            continue
        fact = assess(tok, entry.plover_type, casualty="casualty" in entry.flags)
        ptype, cameo, acled_hint, mode_of_entry = entry.plover_type, entry.cameo, entry.acled_sub_event_type, entry.plover_mode
        if entry.plover_type == "PROTEST" and entry.plover_mode == "obstruct" and _by_security(tok, security):
            # "police in riot gear blocked the road": a restriction of movement, not a protest
            ptype, cameo, acled_hint, mode_of_entry = "COERCE", "191", None, "restrict"
        elif entry.plover_type == "ASSAULT" and entry.plover_mode in ("destroy", "arson") and pos == "VERB" \
                and _by_demonstrators(tok, protesting):
            # "disperse crowds that had set up barricades and burned tyres": the demonstrators' riot, no attack
            ptype, cameo, acled_hint, mode_of_entry = "PROTEST", "145", None, "riot"
        mod = None
        if not fact.factual:
            mod = modality(tok, fact)
            new_type = modal_type(entry.plover_type, mod)
            if new_type == "THREATEN" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in protective
                                              for c in tok.children):
                new_type = None  # "would reinforce security for candidates": a guard promised, no threat
            if new_type is None and not keep_nonfactual:
                if rejected is not None:
                    rejected.append(Rejected(tok.i, entry.plover_type, fact.reason))
                continue
            if new_type is not None:
                # "will send aid" is a promise (AGREE), "would blockade" a threat, "must return" a demand
                ptype, cameo, acled_hint, mode_of_entry = new_type, ontology.plover_to_cameo(new_type), None, None
        weapon_modes = _modes_from_modifiers(tok, lex, ptype, sent_text(tok)) if ptype == entry.plover_type else []
        modes = list(weapon_modes)
        if mode_of_entry and mode_of_entry not in modes and not (weak and "needs_cue" in entry.flags):
            modes.append(mode_of_entry)
        out.append(Trigger(
            i=tok.i, start_char=tok.idx, end_char=tok.idx + len(tok.text), text=tok.text,
            lemma=tok.lemma_.lower(), pos=pos, plover_type=ptype, modes=modes,
            contexts=list(entry.plover_context), cameo=cameo, acled_hint=acled_hint,
            hints=tuple(entry.hints) if ptype == entry.plover_type else (), flags=entry.flags,
            weapon_modes=list(weapon_modes) + ([entry.plover_mode] if (entry.is_weapon_noun or "names_weapon" in entry.flags)
                                                and entry.plover_mode else []),
            weak=weak and not weapon_modes and mod is None, factual=fact.factual, reason=fact.reason, modality=mod,
            lexical_type=entry.plover_type if mod is not None and ptype != entry.plover_type else None,
        ))
    _add_reported_demands(doc, out)
    _share_certainty_along_conjuncts(doc, out)
    return out


# reporting verbs that only relay words; a demand needs a stronger one ("declared", "insisted", "warned")
_PLAIN_REPORTING = frozenset({"say", "tell", "add", "quote", "write", "note", "report", "explain", "claim", "allege",
                              "confirm", "state"})


def _add_reported_demands(doc: Doc, triggers: list[Trigger]) -> None:
    """A reported obligation whose verb names no event of the lexicon is still a demand: "the Bush
    administration declared that China must drop barriers", "the forum concluded that the US must
    allocate more" (REQUEST, the speaker's; the roles are filled as for "X must return Y")."""
    w = load_wordlists("factuality")
    taken = {t.i for t in triggers}
    tt = token_table(doc)
    for i in range(tt.n):
        if tt.pos[i] != "VERB" or tt.dep[i] != "ccomp" or i in taken:
            continue  # (read from the token table: no Token made for most words)
        tok = doc[i]
        if not any(c.dep_ == "aux" and c.lower_ in w["obligation_modals"] for c in tok.children):
            continue
        gov = tok.head
        lemma = gov.lemma_.lower()
        if (lemma not in w["reporting_verbs"] and lemma not in w["reporting_nouns"]) or lemma in _PLAIN_REPORTING:
            continue  # "..., Hoffman said": a quoted "must" under a plain "said" stays commentary
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].pos_ == "PRON" and subj[0].lower_ in ("we", "i", "you", "one"):
            continue  # "we must act": a resolve, not a demand on someone
        triggers.append(Trigger(
            i=tok.i, start_char=tok.idx, end_char=tok.idx + len(tok.text), text=tok.text, lemma=tok.lemma_.lower(),
            pos="VERB", plover_type="REQUEST", modes=[], contexts=[], cameo=ontology.plover_to_cameo("REQUEST"),
            acled_hint=None, hints=(), flags=frozenset(), weapon_modes=[], weak=False, factual=False,
            reason="modal", modality="obligation",
        ))
    triggers.sort(key=lambda t: t.i)


def _share_certainty_along_conjuncts(doc: Doc, triggers: list[Trigger]) -> None:
    """An ambiguous word of violence coordinated with a certain one is read in that sense ("they killed
    23 soldiers and injured 40"). Only for ASSAULT: a loose verb next to "forcing" or "asked" is no surer."""
    by_i = {t.i: t for t in triggers}
    for t in triggers:
        if not t.weak or t.plover_type != "ASSAULT":
            continue
        tok = doc[t.i]
        linked = [c.i for c in tok.children if c.dep_ == "conj"] + ([tok.head.i] if tok.dep_ == "conj" else [])
        if any(j in by_i and not by_i[j].weak and by_i[j].plover_type == t.plover_type for j in linked):
            t.weak = False


@Language.factory(
    "strife_triggers",
    assigns=["doc._.strife_triggers", "doc._.strife_rejected_triggers"],
    requires=["token.lemma", "token.dep", "token.pos", "token.tag"],
)
def make_triggers(nlp: Language, name: str) -> "TriggerComponent":
    return TriggerComponent()


class TriggerComponent:
    def __init__(self, lexicon: Optional[TriggerLexicon] = None):
        self.lexicon = lexicon or default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        rejected: list[Rejected] = []
        doc._.strife_triggers = find_triggers(doc, self.lexicon, rejected=rejected)
        doc._.strife_rejected_triggers = rejected
        return doc
