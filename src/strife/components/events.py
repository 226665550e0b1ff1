"""From triggers to event frames: support-verb folding, roles, dates, places and tolls; the merging
of the mentions of one event is :mod:`strife.components.merging`, the records :mod:`strife.components.frames`.

Component ``strife_events`` reads ``doc._.strife_triggers``, ``doc._.strife_actors``,
``doc._.strife_dates``, ``doc._.strife_places`` and ``doc._.strife_tolls`` and writes
``doc._.strife_events``: a list of :class:`EventFrame`, each holding one or more
:class:`EventMention` (the evidence) and the merged fields.
"""

from bisect import bisect_right
from functools import lru_cache
from dataclasses import replace
from datetime import timedelta
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import strife.doc_ext  # noqa: F401
from strife.dateline import in_dateline
from strife.doc_ext import doc_text, token_table
from strife.actor_dictionary import get_actor_dictionary
from strife.components.actors import ActorMention, _entry_fields, _modifier_country, actor_for_token, publication_day
from strife.factuality import (claim_disowned, is_responsibility_claim, opens_separately, order_given, result_told,
                               small_clause_conjunct_governor)
from strife.timeexpr import DateResolution, resolve_date_expression
from strife.components.triggers import Trigger, default_lexicon
from strife.components.frames import EventFrame, EventMention, RoleFill
from strife.components.places import listed_after_towns
from strife.components.claimants import attach_claimants
from strife.components.merging import is_period, merge_mentions, period_opener
from strife.lexicon import load_wordlists
from strife.numbers import parse_number

# speech acts whose infinitive complement is their content, not an event that happened
_CONTENT_HOSTS = frozenset({"AGREE", "REQUEST"})
# ... and the prepositions that introduce a noun as their content ("called for a ceasefire", "agreed to a truce")
_CONTENT_PREPS = {"REQUEST": ("for",), "AGREE": ("to", "on")}
# nouns whose noun modifier is their content ("a ceasefire agreement", "ceasefire talks")
_CONTENT_NOUN_HOSTS = frozenset({"AGREE", "CONSULT", "REQUEST"})
_CLAUSAL = frozenset({"ccomp", "parataxis", "advcl", "relcl", "conj", "csubj", "xcomp", "acl"})
_SUBJ = frozenset({"nsubj", "csubj"})
# acts on people or places (not statements about them): never the speech act a date belongs to
_PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# what a speaker says (not does): one speaker's coordinated sayings are one statement
_STATEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "AGREE", "REQUEST", "REJECT", "THREATEN"})
_OBJ = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
_RELPRON = frozenset({"that", "which", "who", "whom", "whose"})


def _characterises(tok: Token) -> bool:
    """An event noun said of "this", "that" or "it" ("This is a fascist crackdown", "It was a massacre"), or ranked
    among its kind ("one of its biggest operations in years"): a name for an event the text has told, not a new one."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one" and tok.tag_ == "NNS" \
            and any(c.tag_ == "JJS" for c in tok.children):
        return True  # "the military pressed on with one of its biggest operations in years": the event told, ranked
    if tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it", "these", "those") for c in tok.head.children)


def _party(a: Optional[ActorMention]) -> bool:
    """A mention that names a party (a sector, a kind, or the dictionary), not just a capitalised word."""
    return a is not None and (a.sector is not None or a.kind != "unknown" or a.how == "dictionary")


def _words() -> dict[str, frozenset[str]]:
    return load_wordlists("factuality")


# --------------------------------------------------------------------------------------------
# building mentions


def _subjects(tok: Token, depth: int = 0) -> list[Token]:
    """Who does what ``tok`` says, following coordination and control ("X plans to attack",
    "X was about to retaliate", "..., killing four")."""
    doc = tok.doc
    tt = token_table(doc)  # the children from the table: token.children scans the whole subtree
    kids = tt.children(tok.i)
    subs = [doc[c] for c in kids if tt.dep[c] in _SUBJ]
    if subs or depth > 4:
        return subs
    if any(tt.dep[c] == "nsubjpass" for c in kids):
        return []  # a passive clause's subject is the patient; its agent comes with "by"
    if (gov := small_clause_conjunct_governor(tok)) is not None:
        return _subjects(gov, depth + 1)  # "the governor ordered the market closed and imposed a curfew"
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        if tok.tag_ in ("VBD", "VBZ", "VBP") and any(tt.dep[c] == "dobj" for c in kids):
            # a passive's subject does the active verb coordinated with it ("security forces were deployed
            # to the area and arrested four suspects")
            return [doc[c] for c in tt.children(tok.head.i) if tt.dep[c] == "nsubjpass"] or _subjects(tok.head, depth + 1)
        return _subjects(tok.head, depth + 1)
    if tok.dep_ == "xcomp" and (tt.lemma_lower[tok.head.i] in _words()["object_control_verbs"] or result_told(tok)):
        # "prompting the authorities to impose a curfew", "forced the army to withdraw", an order carried out
        # ("ordered troops to open fire, killing five"): the object does it, or a passive's subject ("police
        # were ordered to fire on the crowd, killing two", "the army was forced to withdraw")
        for dep in ("dobj", "nsubjpass"):
            controllers = [doc[c] for c in tt.children(tok.head.i) if tt.dep[c] == dep]
            if controllers:
                return controllers
    if tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and (tok.tag_ == "VBG" or any(
            tt.dep[c] == "aux" and tt.tag[c] == "TO" for c in kids))):
        # "..., killing four"; "police fired tear gas to break up a protest (and arrested 23)": a purpose
        # clause's doer is the main clause's subject
        return _subjects(tok.head, depth + 1)
    if tok.dep_ == "acomp" and tok.pos_ == "ADJ":
        return _subjects(tok.head, depth + 1)
    return subs


def _perfect(verb: Token, past: bool = False) -> bool:
    """Is the verb in the present perfect ("has killed", "have been killed"), or with ``past`` also the past
    perfect ("had been under siege")?"""
    auxes = ("has", "have", "'ve", "had") if past else ("has", "have", "'ve")
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in auxes for c in verb.children)


def _over_a_period(prep: Token) -> bool:
    """Is the token a phrase over a stretch of time up to now ("over the past decade", "in recent months", "during
    the last year")?"""
    return prep.dep_ == "prep" and prep.lower_ in ("over", "in", "during", "for") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ("decade", "year", "month", "week")
        and any(d.lower_ in ("past", "last", "recent") for d in g.children) for g in prep.children)


def _under_event(verb: Token, by_i: dict) -> Optional[int]:
    """The event noun of "came under attack", "were under fire" (the verb's subject suffers it), or None."""
    if verb.lemma_.lower() not in ("come", "be", "remain"):
        return None
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "under":
            for g in p.children:
                if g.dep_ == "pobj" and g.i in by_i:
                    return g.i
    return None


def _expand_relpron(tok: Token) -> Token:
    """'the militia that was responsible' → 'militia'."""
    if tok.lower_ in _RELPRON and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


_TARGET_NOUNS = frozenset({"target", "objective"})  # "X was the target of the attack"


def _conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the words coordinated after it, "together with" or "along with" ones too ("The two Italians,
    together with Spaniard Francisco Puja, were taken hostage")."""
    out = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    for t in list(out):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "with" and c.i > t.i \
                    and any(k.lower_ in ("together", "along") for k in (*c.children, c.nbor(-1) if c.i else c)):
                out.extend(g for p in c.children if p.dep_ == "pobj" for g in (p, *p.conjuncts) if g.i > t.i)
    return out


def _entity_of(tok: Token) -> Optional[Span]:
    """The named entity ``tok`` is part of, if any."""
    if not tok.ent_type_:
        return None
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def _facility_word(tok: Token, nouns: frozenset[str]) -> bool:
    """Is the token a building's or a thing's noun (``facility_nouns``), also when capitalised in the plural, which the
    lemmatizer leaves as it is ("sabotaged Pylons and Transformers" in truecased copy)?"""
    low = tok.lemma_.lower()
    if low in nouns:
        return True
    return tok.tag_ == "NNPS" and any(low.endswith(e) and low[:-len(e)] in nouns for e in ("s", "es"))


def _owner_of(tok: Token, depth: int = 0) -> list[Token]:
    """For a facility/target noun, the actors it belongs to ("depots belonging to X", "headquarters of X")."""
    if depth > 3:
        return []
    w = _words()
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "by"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in w["owner_links"]:
            for p in c.children:
                if p.dep_ in ("prep", "agent"):
                    out.extend(g for g in p.children if g.dep_ == "pobj")
        elif c.dep_ in ("conj", "appos") and c.pos_ == "NOUN":
            out.extend(_owner_of(c, depth + 1))
    return out


HEADLINE_MAX_WORDS = 25
HISTORY_DAYS = 90  # a mention dated to end this long before publication is history, not the news of the day


def headline_end(doc: Doc) -> int:
    """Where the article's headline ends: its first line, when that line is short, ends with no
    sentence punctuation and more text follows ("Gunmen kill 12 villagers in northwest Nigeria,
    police say"); -1 when the text opens with no headline."""
    text = doc_text(doc)
    nl = text.find("\n")
    first = text[:nl].strip() if nl > 0 else ""
    if not first or first[-1] in ".!?\"”’'" or len(first.split()) > HEADLINE_MAX_WORDS or not text[nl:].strip():
        return -1
    return nl


class MentionBuilder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.w = _words()
        self.triggers: list[Trigger] = sorted(doc._.strife_triggers or [], key=lambda t: t.i)
        self.by_i = {t.i: t for t in self.triggers}
        self.place_tokens: set[int] = set()
        self.town_tokens: set[int] = set()  # places below a country: no party of an event noun they qualify
        for p in doc._.strife_places or []:
            span = doc.char_span(p.start_char, p.end_char, alignment_mode="expand")
            if span is not None:
                self.place_tokens.update(t.i for t in span)
                if p.place is not None and p.place.precision != "country":
                    self.town_tokens.update(t.i for t in span)

    # folding -----------------------------------------------------------------------------------
    def _attack_told_before(self, tok: Token) -> Optional[int]:
        """The last attack word of the two sentences before ``tok``'s, if any."""
        starts = token_table(self.doc).sent_starts
        if not starts:
            return None
        k = bisect_right(starts, tok.i) - 1
        lo, hi = starts[max(0, k - 2)], starts[k]
        told = [x for x in self.triggers if x.plover_type == "ASSAULT" and lo <= x.i < hi]
        return max(told, key=lambda x: x.i).i if told else None

    def _by_the_attackers(self, verb: Token) -> bool:
        """Is the verb's subject a force named by a definite description ("The attackers", "the militants")?"""
        return any((a := actor_for_token(self.doc, s)) is not None and a.sector in _FORCE_SECTORS
                   and any(c.dep_ == "det" and c.lower_ == "the" for c in s.children) for s in _subjects(verb))

    def _fold_target(self, t: Trigger) -> Optional[int]:
        tok = self.doc[t.i]
        if t.pos == "NOUN" and t.plover_type == "ASSAULT":
            obj = tok
            while obj.dep_ == "conj" and obj.head is not obj:
                obj = obj.head
            if obj.dep_ == "dobj" and obj.head.lemma_.lower() in ("use", "employ") and self._by_the_attackers(obj.head) \
                    and (told := self._attack_told_before(tok)) is not None:
                return told  # "The attackers used hand grenades and sniper fire": how the attack told before went
        if t.pos == "VERB":
            if tok.tag_ == "VBG" and (host := self._span_host(tok, t)) is not None:
                return host  # ("fighting" tagged a verb)
            head_t = self.by_i.get(tok.head.i) if tok.head.i != t.i else None
            victim_of = self._victim_described(tok, t)
            if victim_of is not None:
                return victim_of
            casualty_head = head_t is not None and ("casualty" in head_t.flags or (
                tok.head.dep_ == "conj" and tok.head.head.i in self.by_i and "casualty" in self.by_i[tok.head.head.i].flags))
            if tok.dep_ == "advcl" and casualty_head \
                    and head_t.plover_type == t.plover_type \
                    and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "after") for c in tok.children) \
                    and _apart_host(tok) is None:
                return head_t.i  # "two soldiers were killed when a roadside bomb struck their patrol" ("three were
                # killed and houses set on fire when mobs clashed")
            if tok.dep_ == "xcomp" and tok.head.i in self.by_i and tok.head.i != t.i \
                    and self.by_i[tok.head.i].plover_type in _CONTENT_HOSTS and self.by_i[tok.head.i].pos == "VERB" \
                    and not result_told(tok):
                # "agreed to re-establish relations", "urged Israel to withdraw": what is agreed or asked (an order
                # whose result is told was carried out: "ordered troops to open fire, killing five" is an attack too)
                return tok.head.i
            for s in _subjects(tok):
                s = _expand_relpron(s)
                host = self.by_i.get(s.i) or self._event_pronoun(s)
                if host is not None and host.plover_type == t.plover_type and host.i != t.i:
                    return host.i
            if tok.dep_ == "relcl" and tok.head.i in self.by_i and self.by_i[tok.head.i].plover_type == t.plover_type:
                return tok.head.i
            noun = tok.head
            if tok.dep_ == "relcl" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and "casualty" in t.flags \
                    and noun.head.head.i in self.by_i and self.by_i[noun.head.head.i].plover_type == t.plover_type:
                return noun.head.head.i  # "the 2006 bombings of Mumbai's commuter trains that killed 189 people"
            if tok.dep_ == "acl" and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.i in self.by_i \
                    and tok.head.lemma_.lower() in default_lexicon().weapons \
                    and self.by_i[tok.head.head.i].plover_type == t.plover_type:
                return tok.head.head.i  # "A missile fired by the Houthis struck a cargo ship": one attack
            if t.plover_type == "PROTEST" and (attack := next(
                    (c.i for c in tok.children if c.dep_ == "conj" and c.i in self.by_i
                     and self.by_i[c.i].plover_type == "ASSAULT"), None)) is not None and any(
                    (a := actor_for_token(self.doc, s)) is not None and a.sector in _FORCE_SECTORS
                    for s in _subjects(tok)):
                return attack  # "armed men blocked the highway and torched 10 vehicles": the attack's roadblock
            if t.plover_type == "PROTEST" and self._by_the_attackers(tok):
                # "Gunmen abducted at least 30 passengers ... The attackers blocked the road near the village": the
                # roadblock of the attack told just before, no protest
                if (told := self._attack_told_before(tok)) is not None:
                    return told
            where = tok if tok.dep_ == "relcl" else tok.head if tok.dep_ == "conj" and tok.head.dep_ == "relcl" else None
            if where is not None and (host := self._where_host(where)) is not None and host.plover_type == t.plover_type:
                return host.i  # "Protests took place in the cities of Mombasa, ..., where demonstrators blocked roads"
            if tok.dep_ == "advcl" and tok.head.i not in self.by_i and _apart_host(tok) is None and not any(
                    c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before", "since", "until") for c in tok.children):
                # (not what came before or after it: "the shooting was a revenge operation after Armenian troops
                # fired on Azerbaijani positions on Monday")
                for s in _subjects(tok.head):
                    host = self.by_i.get(_expand_relpron(s).i)
                    if host is not None and host.plover_type == t.plover_type and host.pos == "NOUN":
                        # "The attack ... began at about 2:30 a.m., when around a dozen fighters opened fire":
                        # how the attack went, not another one
                        return host.i
            if tok.dep_ == "conj" and t.plover_type == "COERCE" and head_t is not None and head_t.plover_type == "ASSAULT" \
                    and head_t.pos == "VERB" and not [c for c in tok.children if c.dep_ in _SUBJ] and "arrest" not in t.modes:
                # "had killed at least 30 soldiers and seized weapons and vehicles": one raid (but "fired tear gas
                # ... and arrested 23 people" reports the arrests as well)
                return head_t.i
            if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i in self.by_i:
                host = self.by_i[tok.head.i]
                own_subj = [c for c in tok.children if c.dep_ in _SUBJ]
                if host.plover_type == t.plover_type and not own_subj:
                    return host.i
                if tok.dep_ == "conj" and not own_subj and host.pos == "VERB" \
                        and t.plover_type in _STATEMENT_TYPES and host.plover_type in _STATEMENT_TYPES:
                    # "condemned the killing and promised no impunity", "condemned the bombing and ordered
                    # security agencies to track down those responsible": one speaker's one statement
                    return host.i
            # "ten soldiers died in the attack": the casualty belongs to the event named in its PP (or in a PP the
            # parser hangs on its object: "killed 17 insurgents in air strikes")
            if "casualty" in t.flags:
                objects = [c for c in tok.children if c.dep_ == "dobj"]
                # (and the phrase a coordinated casualty verb carries for both: "Two soldiers were killed and two
                # others wounded in a gunfight")
                shared = [p for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i in self.by_i
                          and "casualty" in self.by_i[c.i].flags and self._fold_target(self.by_i[c.i]) != tok.i
                          for p in c.children if p.lower_ in ("in", "during")]  # (not one that folds into this verb)
                in_objects = [p for o in objects for p in o.children if p.lower_ in ("in", "during")]
                for p in [*tok.children, *in_objects, *shared]:
                    if p.dep_ == "prep" and p.lower_ in ("in", "during", "from", "after", "since"):
                        for g in p.children:
                            if g.dep_ == "pobj" and g.i in self.by_i and self.by_i[g.i].plover_type == t.plover_type:
                                return g.i
            # a casualty verb with no subject of its own ("..., killing four"; "left X dead and Y wounded")
            if "casualty" in t.flags and not [c for c in tok.children if c.dep_ in _SUBJ]:
                cur, steps = tok.head, 0
                while cur is not cur.head and steps < 6:
                    if cur.i in self.by_i and self.by_i[cur.i].plover_type == t.plover_type and cur.i != t.i:
                        return cur.i
                    for sub in _subjects(cur):
                        sub = _expand_relpron(sub)
                        if sub.i in self.by_i and self.by_i[sub.i].plover_type == t.plover_type:
                            return sub.i
                    if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("advcl", "xcomp", "conj", "relcl"):
                        break
                    cur, steps = cur.head, steps + 1
                if cur.i in self.by_i and self.by_i[cur.i].plover_type == t.plover_type and cur.i != t.i:
                    return cur.i
                for sub in _subjects(cur):
                    sub = _expand_relpron(sub)
                    if sub.i in self.by_i and self.by_i[sub.i].plover_type == t.plover_type:
                        return sub.i
                under = _under_event(cur, self.by_i)  # "the convoy came under attack ..., killing two"
                if under is not None and self.by_i[under].plover_type == t.plover_type:
                    return under
        else:
            host = self._request_content_host(tok)
            if host is not None:
                return host
            if "casualty" in t.flags:
                # "The death toll from Sunday's bombing rose to 31": the toll is the bombing's
                for p in tok.children:
                    if p.dep_ == "prep" and p.lower_ in ("from", "in", "of"):
                        for g in p.children:
                            if g.dep_ == "pobj" and g.i in self.by_i and self.by_i[g.i].plover_type == t.plover_type:
                                return g.i
            if t.plover_type == "MOBILIZE" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in self.by_i \
                    and self.by_i[tok.head.i].plover_type == "ASSAULT":
                return tok.head.i  # "a roadside bomb struck their patrol": the patrol is what was hit
            if (host := self._span_host(tok, t)) is not None:
                return host
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and tok.head.head.i in self.by_i:
                host = self.by_i[tok.head.head.i]
                if host.pos == "VERB" and {host.plover_type, t.plover_type} == {"ASSAULT", "COERCE"}:
                    # "killed 12 people ... in a raid on a village", "arrested 12 suspected militants in
                    # raids": the raid is that attack or those arrests (an attack noun under an attack verb
                    # takes the verb instead: see the casualty rule above)
                    return host.i
                verb = tok.head.head
                if host.plover_type != t.plover_type and verb.dep_ == "xcomp" and verb.head.i in self.by_i:
                    host = self.by_i[verb.head.i]  # "agreed to re-establish relations in a deal": the agreement
                if host.pos == "VERB" and host.plover_type == t.plover_type and (
                        "casualty" not in host.flags or self._fold_target(host) not in (None, t.i)):
                    # "agreed to restore ties in a deal brokered by China"; "killed six soldiers and wounded
                    # four others in an ambush" (a casualty verb that folds elsewhere, not into this noun)
                    return host.i
            verb = self._prep_light_verb(tok)
            if verb is not None and verb.i in self.by_i and self.by_i[verb.i].plover_type == t.plover_type:
                return verb.i  # "shops were set on fire", where "set ... on fire" is itself the arson
            if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i in self.by_i \
                    and self.by_i[tok.head.head.i].plover_type == t.plover_type:
                return tok.head.head.i  # "four people were killed by tank fire": the fire is the killing
            if tok.dep_ in ("compound", "conj", "appos") and tok.head.i in self.by_i:
                host = self.by_i[tok.head.i]
                if host.plover_type == t.plover_type:
                    return host.i
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj" \
                    and f"{tok.head.head.lemma_.lower()} of {tok.lemma_.lower()}" in _of_phrase_triggers():
                tok = tok.head.head  # "extended a state of emergency": the phrase is headed by "state"
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in self.by_i \
                    and self.by_i[tok.head.i].plover_type == t.plover_type:
                return tok.head.i  # ("imposed a curfew", "A curfew was imposed in the capital")
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.w["result_verbs"]:
                # "attacked an oil refinery, sparking a fire", "the shelling caused a fire": what the attack caused
                verb = tok.head
                hosts = [*(x.i for x in _subjects(verb)), *([verb.head.i] if verb.dep_ in ("advcl", "conj") else [])]
                host = next((self.by_i[i] for i in hosts if i in self.by_i and self.by_i[i].plover_type == t.plover_type), None)
                if host is not None:
                    return host.i
            if tok.dep_ == "dobj" and tok.head.i in self.by_i and self.by_i[tok.head.i].pos == "VERB" \
                    and (tok.lemma_.lower() in self.w["measure_nouns"] or tok.lower_ in self.w["measure_nouns"]):
                # "lifted a night curfew", "shortened the curfew", "lift the ban": the measure is what the
                # verb's event acts on, not an event of its own
                return tok.head.i
        return None

    def _where_host(self, verb: Token) -> Optional[Trigger]:
        """For a "where" clause said of the place an event took place in, that event's word."""
        if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
            return None
        cur, steps = verb.head, 0
        while cur.dep_ in ("pobj", "prep", "conj", "appos", "compound") and cur.head is not cur and steps < 6:
            cur, steps = cur.head, steps + 1
        if cur.pos_ not in ("VERB", "AUX") or steps == 0:
            return None
        if cur.i in self.by_i:
            return self.by_i[cur.i]
        return next((self.by_i[s.i] for s in _subjects(cur) if s.i in self.by_i), None)

    def _span_host(self, tok: Token, t: Trigger) -> Optional[int]:
        """ "captured the town after two days of heavy fighting": one battle, the verb's."""
        span_of = _over_a_span(tok)
        if span_of is not None and span_of.dep_ == "pobj" and span_of.head.lower_ in ("after", "following", "amid") \
                and span_of.head.head.i in self.by_i and self.by_i[span_of.head.head.i].plover_type == t.plover_type \
                and self.by_i[span_of.head.head.i].pos == "VERB":
            return span_of.head.head.i
        return None

    def _event_pronoun(self, tok: Token) -> Optional[Trigger]:
        """The event an "it" subject stands for: the latest event noun before it in its sentence ("confirmed
        the strike, saying it targeted terrorists")."""
        if tok.lower_ != "it" or tok.dep_ != "nsubj":
            return None
        return next((self.by_i[i] for i in range(tok.i - 1, tok.sent.start - 1, -1)
                     if i in self.by_i and self.by_i[i].pos == "NOUN"), None)

    def _victim_described(self, tok: Token, t: Trigger) -> Optional[int]:
        """ "At least 17 people were killed in the clashes, including nine civilians hit by mortar fire": a
        participle describing a victim of a casualty verb of its type (through "including", "of", a
        conjunction or an apposition) tells how that event struck them, not an event of its own (a place
        "seized by" someone under "regained" is not)."""
        if tok.dep_ != "acl" or tok.tag_ != "VBN":
            return None
        cur, steps = tok.head, 0
        while steps < 5 and cur.head.i != cur.i:
            if cur.dep_ in ("nsubjpass", "dobj", "nsubj", "prep") and cur.head.i in self.by_i and cur.head.i != t.i \
                    and self.by_i[cur.head.i].plover_type == t.plover_type and "casualty" in self.by_i[cur.head.i].flags:
                return cur.head.i
            if cur.dep_ not in ("pobj", "prep", "conj", "appos"):
                return None
            cur, steps = cur.head, steps + 1
        return None

    def _figurative(self, t: Trigger) -> bool:
        """An abduction whose victim is an event ("the protests had been hijacked by dangerous people",
        "hijacked the peace process"): a figure of speech, not a kidnapping."""
        if t.pos != "VERB" or "abduct" not in t.modes:
            return False
        # (not "abducted more than 200 pupils ..., the latest mass kidnapping in the country": the parser hangs the
        # kidnapping, the act itself, on the verb as a second object)
        objects = [c for c in self.doc[t.i].children if c.dep_ in ("dobj", "nsubjpass")]
        return bool(objects) and all(c.i in self.by_i and "abduct" not in self.by_i[c.i].modes for c in objects)

    def _reported(self, tok: Token) -> bool:
        cur, steps = tok, 0
        while cur.dep_ in ("ccomp", "conj") and cur.head is not cur and steps < 3:
            cur, steps = cur.head, steps + 1
            if cur.lemma_.lower() in self.w["reporting_verbs"]:
                return True
        return False

    def _claimed(self, tok: Token) -> bool:
        """Is the verb the content of a claim of responsibility ("claimed responsibility in a statement, saying
        its fighters had targeted the police")? (``claim_verbs`` with "responsibility" or "credit" as object.)"""
        cur, steps = tok, 0
        while cur.dep_ in ("ccomp", "advcl", "conj", "xcomp") and cur.head is not cur and steps < 4:
            cur, steps = cur.head, steps + 1
            if is_responsibility_claim(cur):
                return not any(c.dep_ == "neg" or c.lower_ == "no" for c in cur.subtree if c.i < cur.i)
        return False

    def _aggregate(self, tok: Token, t: Trigger) -> bool:
        """A casualty verb in the present perfect that counts a war's or a period's dead ("The war ... has
        killed tens of thousands", "have been killed in the conflict since it began in 2011", "have killed
        300 people this year"): a running total, not an event. Any act told as a present-perfect campaign
        ("Police in the province have long complained", "has repeatedly accused") is a standing grievance.
        A state suffered for months or years ("Djibo has been under a blockade by jihadist groups for more
        than two years", "had been under a partial siege ... for more than a year") is the story's setting."""
        if t.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.tag_ in ("NNS", "NNPS") \
                and (series := tok.head.head).lemma_.lower() in self.w["collective_event_nouns"] \
                and series.dep_ == "dobj" and _perfect(series.head):
            return True  # "has carried out a series of attacks on mosques ... since the Taliban took power": a record
        if t.pos == "NOUN" and _under_event(tok.head.head, self.by_i) == tok.i:
            verb = tok.head.head
            return _perfect(verb, past=True) and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in ("month", "year", "decade") for g in c.children)
                    for c in (*verb.children, *tok.children))  # (the parser hangs "for" on either)
        if t.pos == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "dobj" and _perfect(tok.head) \
                and any(_over_a_period(c) for c in (*tok.head.children, *tok.children)):
            return True  # "has claimed several deadly bombings in Afghanistan in recent months": a record
        if t.pos != "VERB":
            return False
        if tok.tag_ == "VBG" and tok.dep_ == "ccomp" and tok.head.tag_ == "VBZ" \
                and tok.head.lemma_.lower() in self.w["reporting_verbs"] \
                and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in tok.children):
            return True  # "The junta ... says it is fighting "terrorists"": a standing claim, no event told
        if not _perfect(tok):
            return False
        if self._campaign(tok):
            return True
        nouns, since_words = self.w["aggregate_nouns"], self.w["aggregate_since_words"]

        def reaches_back(words) -> bool:  # a year, a month, the start of a war
            return any(w.lemma_.lower() in since_words or (w.like_num and len(w.text) == 4) for w in words)

        if "casualty" not in t.flags:
            # any attack counted since a year ("have kidnapped hundreds of students ... since 2020")
            return t.plover_type == "ASSAULT" and any(
                c.lower_ == "since" and reaches_back(w for w in c.subtree if w.lower_ != "since") for c in tok.children)
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj") and c.lemma_.lower() in nouns:
                return True  # "the war has killed"
            if c.dep_ == "nsubj" and c.lower_ in _RELPRON and tok.dep_ == "relcl":
                ante = tok.head  # "a rebellion that has killed", "a rebellion since 1969 that has killed"
                if ante.lemma_.lower() in nouns or (ante.head.lower_ == "since" and reaches_back([ante])):
                    return True
            if c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in c.children):
                return True  # "have been killed in the conflict"
            since = c.lower_ == "since" or (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
            if since and reaches_back(w for w in c.subtree if w.lower_ != "since"):
                return True  # "since 2019", "since January", "since it began in 2011"
            if c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() == "year" and any(
                    d.lower_ in ("this", "last") for d in c.children):
                return True  # "this year"
            if _over_a_period(c):
                return True  # "has killed thousands of civilians in eastern Congo over the past decade"
        return False

    def _died_of_wounds(self, tok: Token, t: Trigger) -> bool:
        """"died in hospital overnight", "died of his injuries", "succumbed to her wounds" (`wound_nouns`)."""
        if t.pos != "VERB" or t.lemma not in ("die", "succumb"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "to") and any(
            g.dep_ == "pobj" and g.lower_ in self.w["wound_nouns"] for g in c.children) for c in tok.children)

    def _campaign(self, tok: Token) -> bool:
        """A present-perfect act told as a campaign: "has repeatedly targeted", "has been fighting for more
        than 15 years", "have long complained" (adverbs `campaign_adverbs`, a "for" of years, months or decades)."""
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in self.w["campaign_adverbs"]:
                return True
            if c.dep_ == "prep" and c.lower_ == "for" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in ("year", "decade", "month") and g.tag_ == "NNS"
                    for g in c.children):
                return True
        return False

    def _opens_with_place(self, sent) -> bool:
        """The sentence opens with where ("In Baghdad, gunmen ...", "In the northern city of Mosul, ..."): a
        round-up's next item."""
        words = [t for t in sent[:10] if not t.is_space]
        if not words or words[0].lower_ not in ("in", "at", "near", "outside"):
            return False
        comma = next((t for t in words[1:] if t.text == ","), None)
        if comma is None:
            return False
        return any(words[0].idx < p.start_char < comma.idx for p in self.doc._.strife_places or [])

    def _ordered_done(self, tok: Token, verb: Token) -> bool:
        """Is the attack noun ``tok`` the object of an order told as given ("ordered the assassination of", "accused of
        ordering the murder of": `strife.factuality.order_given`)?"""
        trig = self.by_i.get(tok.i)
        return trig is not None and trig.plover_type == "ASSAULT" and order_given(verb)

    def _request_content_host(self, tok: Token) -> Optional[int]:
        """The speech act a noun event is the content of: what is asked for ("called for an immediate
        ceasefire and an independent investigation", "demanded a ceasefire"), agreed to ("agreed on
        Wednesday to a seven-day truce", "agreed a ceasefire") or signed ("signed a ceasefire deal"): it is
        asked, agreed or signed, not reported as having happened. A noun modifying another noun the same
        way ("a ceasefire agreement", "ceasefire talks") is that noun's content."""
        while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        noun_host = self.by_i.get(tok.head.i) if tok.dep_ == "compound" else None
        if noun_host is not None and noun_host.pos == "NOUN" and noun_host.plover_type in _CONTENT_NOUN_HOSTS \
                and tok.i in self.by_i and self.by_i[tok.i].plover_type != noun_host.plover_type:
            return noun_host.i
        gov = tok.head
        if tok.dep_ == "npadvmod" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == "," \
                and gov.i in self.by_i and self.by_i[gov.i].plover_type in _CONTENT_PREPS:
            return gov.i  # "Israel and Hamas agree to Gaza ceasefire, hostage release": a headline's list of terms
        if tok.dep_ == "pobj" and gov.dep_ == "prep":
            prep = gov.lower_
            gov = gov.head
        elif tok.dep_ == "dobj":
            prep = ""
            if gov.i not in self.by_i and gov.dep_ == "xcomp" and gov.head.i in self.by_i:
                gov = gov.head  # "agreed to begin technical talks": the talks are what is agreed
        else:
            return None
        host = self.by_i.get(gov.i)
        if host is None or host.pos != "VERB" or host.i == tok.i:
            return None
        if prep == "" and self._ordered_done(tok, gov):
            return None  # "Escobar ordered the assassination of Medellin policemen": an attack told as done, on orders
        if prep in _CONTENT_PREPS.get(host.plover_type, ()) or (
                prep == "" and (host.plover_type in _CONTENT_PREPS or "needs_object" in host.flags and host.plover_type == "SUPPORT")):
            return host.i
        return None

    def _folds(self) -> dict[int, int]:
        parent: dict[int, int] = {}
        for t in self.triggers:
            target = self._fold_target(t)
            if target is not None:
                parent[t.i] = target
        # a support verb whose own host folded elsewhere: follow the chain (no cycles)
        def root(i: int) -> int:
            seen = set()
            while i in parent and i not in seen:
                seen.add(i)
                i = parent[i]
            return i
        return {i: root(i) for i in parent}

    # roles ---------------------------------------------------------------------------------------
    def _device_subject(self, verb: Token) -> bool:
        """Is the verb's subject the device, not who used it ("it exploded", "the car bomb exploded")?"""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.w["device_subject_verbs"] \
            and not any(c.dep_ == "dobj" for c in verb.children)

    def _phrase_preps(self, verb: Token) -> list[Token]:
        """The prepositions of a verb's phrases, through nested phrases ("erupted [in the early hours [of
        Saturday]] [between ...]"), not inside another event's words or a clause."""
        out, stack = [], [verb]
        while stack:
            for c in stack.pop().children:
                if c.dep_ == "prep":
                    out.append(c)
                    stack.extend(g for g in c.children if g.dep_ == "pobj" and g.i not in self.by_i)
        return out

    def _weapon_owners(self, m: EventMention, weapon: Token, seen: set[tuple[str, str]]) -> None:
        """Whose weapon the subject is ("Russian missiles struck", "a Houthi drone hit"): the party its
        modifiers name acts (a state's military, as "Russian jets" is)."""
        for c in weapon.children:
            if c.dep_ not in ("amod", "compound", "nmod", "poss") or c.i > weapon.i:
                continue
            a = self._named_or_demonym(c)
            if a is None and c.tag_ == "NN" and c.is_lower and c.lemma_.lower() not in default_lexicon().weapons \
                    and (sector := get_actor_dictionary().lookup_agent(c.lower_)) and sector in _FORCE_SECTORS:
                # "army drone strikes": an armed force the compound names, though no mention covers it
                a = ActorMention(c.idx, c.idx + len(c.text), c.text, c.i, name=c.text, sector=sector,
                                 how="description", named=False)
            if a is None:
                continue
            if a.kind == "state" and not a.sector:
                a = _state_sector(a, "MIL")
            if ("actor", a.name) not in seen and ("recipient", a.name) not in seen:
                seen.add(("actor", a.name))
                m.roles.append(RoleFill("actor", a, "weapon_owner"))

    def _both_sides(self, tok: Token) -> list[ActorMention]:
        """The two sides "both sides", "the two sides" or "the warring parties" stand for (``side_nouns``): the
        parties of the latest fight told before, between two named sides ("Clashes erupted between the Radaa
        Deterrence Apparatus and the 444th Combat Brigade. ... both sides had agreed to a ceasefire")."""
        if tok.lower_ not in self.w["side_nouns"] or not any(
                c.dep_ in ("det", "predet", "nummod", "amod") and c.lower_ in self.w["side_quantifiers"]
                for c in tok.children):
            return []
        for prev in reversed(self._filled):
            if prev.trigger.i > tok.i or not {"reciprocal"} & prev.trigger.flags:
                continue
            parties = [r.mention for r in prev.roles if r.role in ("actor", "recipient")]
            if len({a.name for a in parties}) == 2:
                span = self.doc[tok.left_edge.i:tok.i + 1]  # the words here, the parties they stand for
                return [replace(a, start_char=span.start_char, end_char=span.end_char, text=span.text, head_i=tok.i,
                                how="coref", named=False) for a in parties]
        return []

    def _people_of(self, tok: Token, name: str = "protesters", persons: bool = False) -> Optional[ActorMention]:
        """People in general a phrase names, as one party. The people a protest's subject names ("Thousands of people marched", "A crowd gathered"): its
        protesters, civilians (``protesting_people``); with another ``name``, the people an arrest takes
        ("arrested more than 1,000 people"; ``persons``: also one person, "a man was arrested")."""
        words = self.w["protesting_people"] | (self.w["person_nouns"] if persons else frozenset())
        noun = tok
        if tok.lemma_.lower() not in words and tok.lower_ not in words:  # "Thousands of people"
            noun = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None)
            if noun is None or (noun.lemma_.lower() not in words and noun.lower_ not in words):
                return None
        span = self.doc[tok.left_edge.i:noun.i + 1]
        return ActorMention(span.start_char, span.end_char, span.text, noun.i, name=name,
                            country=_modifier_country(noun), sector="CVL", kind="non_state", how="description",
                            named=False)

    def _ran_into_a_device(self, verb: Token) -> bool:
        """Did the verb's subject run into the device its object names ("their vehicle hit a roadside bomb",
        "a boy stepped on a landmine")? Then the subject suffered it."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.w["device_contact_verbs"]:
            return False
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "into")
                 for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in self.w["device_contact_nouns"] for o in objs)

    def _actor_tokens(self, tok: Token) -> list[tuple[Token, str]]:
        """Candidate (token, how) pairs that name who does a noun- or verb-event."""
        out: list[tuple[Token, str]] = []
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.w["victim_subject_verbs"]:
            return out  # "ten soldiers died": the subject suffered it
        if self._ran_into_a_device(tok):
            return out  # "their vehicle hit a roadside bomb": the subject suffered it
        if self._device_subject(tok):
            return out  # "it exploded": the subject is the bomb
        trig = self.by_i.get(tok.i)
        if trig is not None and trig.plover_type == "ASSAULT" and (tok.pos_ == "NOUN" or tok.tag_ == "VBG"):
            # "fighting between government forces and rebels", "a battle between troops and terrorists"
            out.extend((g, "between") for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                       for g in c.children if g.dep_ == "pobj")
            if not out and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
                # "Clashes erupted in the early hours of Saturday between X and Y": the parser hangs the
                # sides on the time phrase of the verb the event is the subject of
                out.extend((g, "between") for c in self._phrase_preps(tok.head) if c.lower_ == "between"
                           for g in c.children if g.dep_ == "pobj")
            if out:
                return out
        if tok.pos_ in ("VERB", "AUX"):
            for s in _subjects(tok):
                if (host := self._event_pronoun(s)) is not None and trig is not None and host.plover_type == trig.plover_type:
                    continue  # "it targeted terrorists" said of the strike: the strike, no party
                if s.dep_ == "nsubj" or (s.dep_ in ("dobj", "nsubjpass") and tok.dep_ == "xcomp" and s.head.i == tok.head.i) \
                        or (s.dep_ == "nsubjpass" and tok.dep_ == "conj" and s.head.i == tok.head.i):
                    if not (s.dep_ == "nsubj" and self._device_subject(s.head)):  # "it exploded, killing two"
                        out.append((_expand_relpron(s), "nsubj"))  # (or the object of "prompted X to impose",
                        # the subject of "X was forced to withdraw")
            for c in tok.children:
                if c.dep_ == "agent":
                    out.extend((g, "agent") for g in c.children if g.dep_ == "pobj")
            if not out:
                out.extend((a, "alleged") for a in self._alleged(tok))
            noun = tok.head
            if not out and tok.dep_ == "acl" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.w["light_verbs"]:
                # "Israel and the Palestinians reached a consensus to exchange information"
                out.extend((s, "light_verb") for s in _subjects(noun.head))
            return out
        # noun event
        alleged = self._alleged(tok)
        if alleged:
            return [(a, "alleged") for a in alleged]
        # ("Hamas's kidnapping of two soldiers": with its patient after "of", the possessor is who did it)
        patient_poss = tok.lemma_.lower() in self.w["patient_possessor_nouns"] \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        for c in tok.children:
            if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"):
                if not patient_poss:
                    out.append((c, "poss"))  # "Israel's strike"; but "Gohar's arrest" is Gohar arrested
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and c.ent_type_ not in ("DATE", "TIME") \
                    and c.lemma_.lower() not in self.w["facility_nouns"] and c.i not in self.town_tokens:
                # ("the Manchester bombing": the town is where it happened)
                out.append((c, "modifier"))  # "the school strike": the school is what was hit, not who struck
            elif c.dep_ == "prep" and c.lower_ == "by":
                out.extend((g, "by") for g in c.children if g.dep_ == "pobj")
        out = self._country_before_group(out, protest=trig is not None and trig.plover_type == "PROTEST")
        head = tok.head
        if not out and tok.dep_ == "dobj" and head.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in head.children):
            # "to break up a protest by hundreds of people": an active verb takes no "by" agent, so a party
            # after its object is the object's (the parser hangs it on the verb)
            out.extend((g, "by") for c in head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i
                       for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
        if not out and tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" \
                and head.lemma_.lower() in self.w["principal_verbs"]:
            # "Escobar ordered the assassination of policemen", "the killing had been ordered by Fidel Castano",
            # "accused of ordering the murder": who ordered or masterminded it is behind it
            if tok.dep_ == "dobj":
                out.extend((s, "ordered") for s in _subjects(head) or self._alleged(head))
            else:
                out.extend((g, "ordered") for c in head.children if c.dep_ == "agent" for g in c.children
                           if g.dep_ == "pobj")
        if tok.dep_ == "dobj" and head.lemma_.lower() in self.w["light_verbs"]:
            out.extend((s, "light_verb") for s in _subjects(head))
        elif tok.dep_ == "compound" and head.dep_ == "dobj" and head.head.lemma_.lower() in self.w["light_verbs"]:
            out.extend((s, "light_verb") for s in _subjects(head.head))  # "undertook a mediation mission"
        elif (verb := self._prep_light_verb(tok)) is not None:
            out.extend((s, "light_verb") for s in _subjects(verb))  # "stormed the building and set it on fire"
        # "X was responsible for / behind the attack", "the militia that was responsible for an attack"
        if tok.dep_ == "pobj":
            prep = head
            gov = prep.head
            if prep.lower_ == "behind" or (prep.lower_ == "for" and gov.lemma_.lower() in self.w["responsibility_heads"]):
                verb = gov if gov.pos_ in ("AUX", "VERB") else gov.head
                # "holds the FMLN responsible for the assassination": who is held responsible, not who holds them
                held = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")] if gov.pos_ not in ("AUX", "VERB") \
                    else []
                if not held and gov.dep_ in ("oprd", "ccomp", "xcomp") and gov.pos_ == "ADJ":
                    held = [c for c in verb.children if c.dep_ == "dobj"]
                if not held and gov.dep_ == "amod" and gov.head.pos_ in ("NOUN", "PROPN") and gov.i == gov.head.i + 1 \
                        and gov.head.i not in self.by_i:
                    # "the group responsible for the attack"; "hold the government and the High Command
                    # responsible for this attack" (the parser hangs "responsible" on the last held noun)
                    first = gov.head
                    while first.dep_ == "conj" and first.head.i < first.i:
                        first = first.head
                    held = [t for t in (first, *first.conjuncts) if t.i <= gov.head.i and t.i not in self.by_i]
                    # (but "the invasion of Iraq, responsible for a million deaths": an act, no party)
                for s in held or _subjects(verb):
                    out.append((_expand_relpron(s), "responsible"))
            if prep.lower_ in ("including", "like", "such") and gov.pos_ == "NOUN":
                # "attacks on X, including an attack on Friday" (the parser may hang it on X)
                if gov.i not in self.by_i and gov.dep_ == "pobj" and gov.head.head.i in self.by_i:
                    gov = gov.head.head
                if gov.i in self.by_i:
                    out.extend(self._actor_tokens(gov))
        if tok.dep_ in ("appos", "conj") and head.pos_ == "NOUN" and head.i in self.by_i:
            out.extend(self._actor_tokens(head))
        return out

    def _country_before_group(self, out: list[tuple[Token, str]], protest: bool = False) -> list[tuple[Token, str]]:
        """A state named before a non-state group in a noun's modifiers is where, not a party ("Haiti gang
        violence", "Nigeria bandit attack"); before its own forces it stays ("Sudan army air strike"). Before a
        protest word a state is always where ("Pakistan political rally"): people protest, not states."""
        groups = [c.i for c, how in out if how == "modifier" and c.pos_ == "NOUN"
                  and any(a.kind == "non_state" for a in self._resolve(c))]
        if not groups and not protest:
            return out
        before = min(groups) if groups and not protest else len(self.doc)
        return [(c, how) for c, how in out if not (
            how == "modifier" and c.i < before and c.pos_ == "PROPN"
            and (found := self._resolve(c)) and all(a.kind == "state" and not a.sector for a in found))]

    def _conditioned_parties(self, tok: Token) -> list[Token]:
        """Whoever a threat is conditional on: the subject of its "unless"/"if" clause ("threatened to break
        relations with Russia unless the Kremlin closed its radar base", "... if the United States goes ahead
        with the deployment"), on the threat verb, the act threatened or the verb governing it."""
        verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
        if tok.dep_ == "xcomp":
            verbs.append(tok.head)
        out = []
        for v in verbs:
            for c in v.children:
                if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children):
                    out.extend(g for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN"))
        return out

    def _demanded_of(self, tok: Token) -> list[Token]:
        """Whom a protest's demand is aimed at: the one whose resignation or removal it demands, whom it
        demands independence from, who is to make the reforms ("a hunger strike to demand the resignation of
        President Ahmed Ben Bella", "calling for independence from Iraq", "to demand political reforms by
        President Suharto's government")."""
        out = []
        hosts = [tok, tok.head] if tok.dep_ == "dobj" else [tok]  # "staged demonstrations to demand ..."
        for v in (c for h in hosts for c in h.children
                  if c.dep_ in ("xcomp", "advcl", "acl") and c.lemma_.lower() in self.w["demand_verbs"]):
            objs = [c for c in v.children if c.dep_ == "dobj"]
            objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
            for o in objs:
                for c in o.children:
                    if c.dep_ != "prep":
                        continue
                    if (c.lower_ == "of" and o.lemma_.lower() in self.w["ouster_nouns"]) or c.lower_ in ("from", "by"):
                        out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def _answered(self, m: EventMention, tok: Token, seen: set[tuple[str, str]]) -> None:
        """Whoever made the request, proposal or act that ``m``'s speech act answers (its object ``tok``) is
        on the receiving end: the noun's own actors ("a U.S. request", "calls by Kofi Annan") or whom it
        comes from ("accepted demands from Shona rebels", "refused to respond to a demand from the US
        President"), whether or not the noun is an event of its own."""
        sources = [t for t, _ in self._actor_tokens(tok) if t.i not in self.by_i]
        sources += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children if g.dep_ == "pobj"]
        self._add_recipients(m, sources, seen, "answered")

    def _accused_of(self, tok: Token) -> list[Token]:
        """Who did what an accusation, inquiry or demand is about (a noun no actor names): its "by" agent, on
        the noun or on the verb that describes it ("alleged war crimes by Croatian extremists", "an
        investigation into crimes committed by Croat forces", "an admission by Moscow"). (Not a possessor:
        "its partners" are not "it"; the plain reading below takes possessors of acts, "the government's
        decision".)"""
        hosts = [tok, *(c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB")]
        return [g for h in hosts for c in h.children if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"))
                for g in c.children if g.dep_ == "pobj"]

    def _add_recipients(self, m: EventMention, sources: list[Token], seen: set[tuple[str, str]], how: str) -> None:
        for src in sources:
            found = self._resolve(src)
            if not found and src.dep_ in ("amod", "compound", "nmod") and (st := self._demonym_state(src, True)):
                found = [st]  # "rejected an Australian ultimatum": Australia made it
            for a in found:
                if ("actor", a.name) not in seen and ("recipient", a.name) not in seen:
                    seen.add(("recipient", a.name))
                    m.roles.append(RoleFill("recipient", a, how))

    def _alleged(self, tok: Token) -> list[Token]:
        """Who is held to have done it: arrested, blamed, charged, convicted or sentenced for it, accused or
        suspected of it ("arrested two soldiers for killing a priest", "blames certain officers for the
        murder", "the rebels were accused of killing 12 peasants", "a man suspected of taking part in the
        killing", "the arrest of 45 soldiers for killing 6 clergymen"); ``alleged_perpetrator_heads`` in
        ``factuality.json`` lists the words and the preposition each takes."""
        if (accused := self._accused(tok)) is not None:
            return accused  # "charges of murder against two soldiers": the soldiers
        if attributed := self._attributed(tok):
            return attributed  # "attributed the attacks to drug traffickers": the traffickers
        cur = tok
        # "taking part in the killing", "his role in the attack": the part is the act's
        if cur.dep_ == "pobj" and cur.head.lower_ == "in" and cur.head.head.lemma_.lower() in self.w["participation_words"]:
            cur = cur.head.head
            if cur.dep_ == "dobj" and cur.head.lemma_.lower() in self.w["participation_words"]:
                cur = cur.head  # "taking part"
        if cur.dep_ not in ("pobj", "pcomp") or cur.head.dep_ != "prep":
            return []
        prep, head = cur.head, cur.head.head
        first = head  # (the first of coordinated nouns)
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if f"{head.lemma_.lower()} {prep.lower_}" not in self.w["alleged_perpetrator_heads"] and first.dep_ == "pobj" \
                and first.head.lower_ == "of" and first.head.head.pos_ == "NOUN":
            head = first.head.head  # "the arrest of 45 soldiers and 2 officers for killing": the parser hangs "for"
            # on the last of the arrested
        if f"{head.lemma_.lower()} {prep.lower_}" not in self.w["alleged_perpetrator_heads"] \
                or any(c.dep_ == "neg" for c in head.children):
            return []  # (not "He is not charged with taking part in the attack")
        if head.pos_ == "NOUN":
            # "the arrest of 45 soldiers ... for killing": who was arrested; "two suspects in this attack": the suspects
            held = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"] + [c for c in head.children if c.dep_ == "poss"]
            if held or head.lemma_.lower() not in self.w["alleged_perpetrator_nouns"]:
                return held
            if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ in ("VERB", "AUX"):
                # "Juan Bautista and Rigoberto Matute, who are being held as suspects in the murder": those held
                subjects = [_expand_relpron(c) for c in head.head.head.children if c.dep_ in ("nsubjpass", "nsubj")]
                return subjects or [head]
            return [head]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        if passive or head.pos_ == "ADJ" or head.dep_ in ("acl", "amod"):
            if head.dep_ in ("acl", "amod") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return [head.head]  # "a man suspected of taking part in the killing"
            return [_expand_relpron(c) for c in head.children if c.dep_ in ("nsubjpass", "nsubj")]
        return [c for c in head.children if c.dep_ == "dobj"]  # "blames certain officers for the murder"

    def _attributed(self, tok: Token) -> list[Token]:
        """Whom the text holds the act ``tok`` done by, where it is the object of a verb of attribution ("authorities
        attribute the attacks to drug traffickers", "the bombing was attributed to the ELN"; ``attribution_heads``:
        "verb preposition" pairs; the parser hangs the preposition on either word)."""
        verb = tok.head
        if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" \
                or any(c.dep_ == "neg" for c in verb.children):
            return []
        # (a party itself: not "attributed the massacre to the administration's political correctness")
        return [g for h in (verb, tok) for p in h.children
                if p.dep_ == "prep" and f"{verb.lemma_.lower()} {p.lower_}" in self.w["attribution_heads"]
                for g in p.children if g.dep_ == "pobj" and actor_for_token(self.doc, g, modifiers=False) is not None]

    def _accused(self, tok: Token) -> Optional[list[Token]]:
        """Who an accusation names the act ``tok`` against ("charges of murder against two soldiers", "accusations of
        torture against the police": the parser hangs "against" on the act or on the accusation), where ``tok`` is
        what an accusation noun (``accusation_nouns``) is of; None elsewhere."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lemma_.lower() not in self.w["accusation_nouns"]:
            return None
        return [g for h in (tok, tok.head.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
                for g in c.children if g.dep_ == "pobj"]

    def _prep_light_verb(self, tok: Token) -> Optional[Token]:
        """The verb a noun event is the prepositional object of in a set phrase ("set the building on fire"):
        the clause is the event's (``light_verb_preps``: "verb-lemma preposition" pairs)."""
        if tok.dep_ != "pobj" or tok.pos_ != "NOUN" or tok.head.dep_ != "prep":
            return None
        verb = tok.head.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "conj") and verb.head.pos_ == "VERB":
            verb = verb.head  # "launched 36 missiles and 418 drones in the combined attack" (the PP on the object)
        return verb if f"{verb.lemma_.lower()} {tok.head.lower_}" in self.w["light_verb_preps"] else None

    def _recipient_tokens(self, tok: Token) -> list[tuple[Token, str]]:
        out: list[tuple[Token, str]] = []
        trig = self.by_i.get(tok.i)
        violent = trig is None or trig.plover_type in ("ASSAULT", "COERCE")
        preps = self.w["recipient_preps"] if violent else self.w["recipient_preps_nonviolent"]
        if trig is not None:
            # a type's own prepositions ("recipient_preps_retreat": "withdraw its troops from Lebanon")
            preps = preps | self.w.get(f"recipient_preps_{trig.plover_type.lower()}", frozenset())
            if trig.lexical_type:  # "is willing to withdraw its troops from Lebanon": the act's own prepositions
                preps = preps | self.w.get(f"recipient_preps_{trig.lexical_type.lower()}", frozenset())
            if "reciprocal" in trig.flags and tok.pos_ == "VERB":
                # "clashed with government forces": the other side of the subject (not of a noun: "killed in a
                # gun battle with police" is killed by them; measured on WikiEvents, all roles 0.528 -> 0.522)
                preps = preps | self.w["recipient_preps_reciprocal"]
            if "territory" in trig.hints and tok.pos_ == "VERB":
                # "recaptured the town from al Shabaab" (the parser may hang it on the town)
                preps = preps | self.w["recipient_preps_territory"]
                out.extend((g, "prep_" + p.lower_) for c in tok.children if c.dep_ == "dobj"
                           for p in c.children if p.dep_ == "prep" and p.lower_ in self.w["recipient_preps_territory"]
                           for g in p.children if g.dep_ == "pobj")
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.w["victim_subject_verbs"]:
            out.extend((s, "victim") for s in _subjects(tok))
        if tok.pos_ == "VERB" and tok.lemma_.lower() in self.w["blame_verbs"]:
            # "blamed the attacks on the Lashkar-e-Taiba militant group" (the parser may hang "on" on the attacks)
            out.extend((g, "prep_on") for c in [tok, *(c for c in tok.children if c.dep_ == "dobj")]
                       for p in c.children if p.dep_ == "prep" and p.lower_ == "on"
                       for g in p.children if g.dep_ == "pobj")
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.w["patient_of_nouns"]:
            # "the killing of three soldiers", "condemned the kidnapping and assassination of Eduardo Lopez"
            for n in (tok, *(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN")):
                out.extend((g, "prep_of") for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.w["patient_possessor_nouns"] \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            # ("Hamas's kidnapping of two soldiers": with its patient after "of", the possessor is who did it)
            out.extend((c, "poss") for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"))
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.lemma_.lower() in _TARGET_NOUNS:
            # "The institutes were the target of bomb attacks", "The targets of the attacks were the bank branches":
            # the other side of the copula
            target = tok.head.head
            be = target.head
            if be.lemma_ == "be" and target.dep_ in ("attr", "nsubj"):
                other = "nsubj" if target.dep_ == "attr" else "attr"
                out.extend((c, "target_of") for c in be.children if c.dep_ == other and c.pos_ in ("NOUN", "PROPN"))
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in ("aim", "direct"):
            # "One attack was aimed at the fuel storage tanks"
            out.extend((g, "aimed_at") for p in tok.head.children if p.dep_ == "prep" and p.lower_ in ("at", "against")
                       for g in p.children if g.dep_ == "pobj")
        if tok.pos_ == "VERB" and tok.lemma_.lower() in self.w["placement_verbs"]:
            # "placed 11 bombs in various bank branches": the building a bomb is put in is what it hit (not a town)
            out.extend((g, "placed_in") for c in [tok, *(c for c in tok.children if c.dep_ == "dobj")]
                       for p in c.children if p.dep_ == "prep" and p.lower_ in self.w["placement_preps"]
                       for g in p.children if g.dep_ == "pobj" and _facility_word(g, self.w["facility_nouns"]))
        instrument = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.w["instrument_object_verbs"]
        for c in tok.children:
            if tok.pos_ in ("VERB", "AUX") and c.dep_ in _OBJ and c.dep_ != "oprd":
                if instrument and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in self.w["person_nouns"] \
                        and not _party(actor_for_token(self.doc, c, modifiers=False)):
                    continue  # "stones were thrown", "fired rockets at Israel": what was thrown, not at whom
                out.append((_expand_relpron(c) if c.dep_ == "dobj" else c, c.dep_))  # ("the mayor, whom they had
                # kidnapped": the mayor; a passive relative's noun stays with the rules it had: measured worse)
            elif c.dep_ == "prep" and c.lower_ in preps:
                out.extend((g, "prep_" + c.lower_) for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("target", "hit", "strike"):
                out.extend((g, "targeting") for g in c.children if g.dep_ == "dobj")
            elif c.dep_ in ("acl", "relcl") and tok.pos_ == "NOUN":
                # "the bombings, which seemed to be aimed at civilians", "attacks directed against the police"
                for v in (c, *(x for x in c.children if x.dep_ == "xcomp")):
                    if v.lemma_.lower() in ("aim", "direct"):
                        out.extend((g, "aimed_at") for p in v.children if p.dep_ == "prep" and p.lower_ in ("at", "against")
                                   for g in p.children if g.dep_ == "pobj")
        if not out and tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and not violent:
            # "a mediation mission between Syria and Arafat": the noun the event word qualifies takes the parties
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    out.extend((g, "prep_" + c.lower_) for g in c.children if g.dep_ == "pobj")
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") \
                and violent and not any(c.dep_ in ("dobj", "nsubjpass", "nsubj") for c in tok.children):
            out.append((tok.head, "acl_patient"))  # "two policemen wounded in the blast": the noun it is said of
        if tok.pos_ == "NOUN" and _under_event(tok.head.head, self.by_i) == tok.i:
            out.extend((s, "came_under") for s in _subjects(tok.head.head))  # "the convoy came under attack"
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("including", "like", "such") and tok.head.head.i in self.by_i:
            out.extend(self._recipient_tokens(tok.head.head))
        if (verb := self._prep_light_verb(tok)) is not None:
            out.extend((c, c.dep_) for c in verb.children if c.dep_ == "dobj")  # "set part of it on fire"
        if not out and tok.pos_ in ("VERB", "AUX"):
            # "offered to hand over to Great Britain two suspects", "threatened to attack the base": the verb
            # it governs names whom it is aimed at
            for c in tok.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in self.w["avenging_verbs"]:
                    # ("vowed to avenge the victims": those who harmed them are threatened, not the victims)
                    for g in c.children:
                        if g.dep_ in _OBJ and g.dep_ != "oprd":
                            out.append((g, "xcomp_" + g.dep_))
                        elif g.dep_ == "prep" and g.lower_ in preps:
                            out.extend((h, "xcomp_prep_" + g.lower_) for h in g.children if h.dep_ == "pobj")
        if trig is not None and trig.plover_type == "THREATEN" and tok.pos_ in ("VERB", "AUX"):
            out.extend((s, "condition") for s in self._conditioned_parties(tok))
        if trig is not None and trig.plover_type == "PROTEST":
            out.extend((g, "demanded") for g in self._demanded_of(tok))
        if trig is not None and trig.plover_type == "REJECT":
            # "declined to resign despite growing pressure by the Anti-Corruption Commission": whoever pressed
            # for what was refused receives the refusal
            for h in [tok, *(c for c in tok.children if c.dep_ == "xcomp")]:
                out.extend((g, "despite") for c in h.children if c.dep_ == "prep" and c.lower_ == "despite"
                           for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in self.w["answered_nouns"])
        if trig is not None and trig.plover_type == "REQUEST" and not any(how in ("dobj", "dative") for _, how in out):
            # "demanded that the US cancel plans", "are demanding that President Mugabe abandon his policy":
            # the one asked to act is the subject of what is demanded; a demand noun's clause may hang from
            # the noun or from the verb that has it ("reiterated its demand today that Israel ease ...")
            verb = tok.pos_ in ("VERB", "AUX")
            hosts = [tok] if verb else [tok, tok.head] if tok.dep_ == "dobj" else [tok]
            for c in (c for h in hosts for c in h.children):
                if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and (c.dep_ == "ccomp" if verb else any(
                        k.dep_ == "mark" and k.lower_ == "that" for k in c.children)):
                    out.extend((g, "ccomp_subj") for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN"))
        if self._accused(tok):
            out = [(g, how) for g, how in out if how != "prep_against"]  # the accused, not who was hit
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.w["blame_verbs"]:
            # "Police blamed the attack on al Shabaab" (the parser hangs "on" on the attack): whom it is blamed on,
            # not what was attacked (nor, by a rival's word, its doer)
            out = [(g, how) for g, how in out if how != "prep_on"]
        return out

    def _relative(self, t: Token) -> ActorMention:
        """"killed Juan Perez's driver", "Carlos Andres Perez' brother-in-law was kidnapped": the relative or the
        employee (a person of the possessor's country), not the possessor, where no name follows in apposition."""
        owner = next((actor_for_token(self.doc, c) for c in t.children if c.dep_ == "poss"), None)
        end = t.i + 1
        while end < len(self.doc) and not self.doc[end - 1].whitespace_ and (self.doc[end].is_alpha or self.doc[end].text == "-"):
            end += 1  # "brother-in-law"
        np = self.doc[t.left_edge.i:end]
        return ActorMention(np.start_char, np.end_char, np.text, t.i, name=np.text,
                            country=owner.country if owner is not None else None, sector="CVL", kind="non_state",
                            how="description", named=False)

    def _of_thing_end(self, t: Token) -> int:
        """Where a target noun's phrase ends: with the thing it is part of when an "of" names one that is no party
        and no place ("a branch of the city's electric energy enterprise", "the offices of the local development
        corporation"), else at the noun."""
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i == t.i + 1:
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.i not in self.place_tokens \
                            and g.i not in self.town_tokens and actor_for_token(self.doc, g) is None:
                        end = max([g.i, *(r.right_edge.i for r in g.rights if r.dep_ in ("compound", "amod", "nummod"))])
                        while end > g.i and self.doc[end].is_punct:
                            end -= 1
                        return end
        return t.i

    def _resolve(self, tok: Token, modifiers: bool = True, demonym_objects: bool = False,
                 named_objects: bool = False) -> list[ActorMention]:
        found: list[ActorMention] = []
        for t in _conjuncts(tok):
            if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
                continue  # "no civilians were injured or killed": nobody
            # a named site a verb acts on whose name holds a building's noun ("attacked Camp Shorabak")
            site = t.ent_type_ == "FAC" and t.dep_ in ("dobj", "nsubjpass") and any(
                _facility_word(w, self.w["facility_nouns"]) for w in _entity_of(t) or ())
            if t.i in self.place_tokens and t.ent_type_ in ("LOC", "FAC") and not modifiers and not site:
                continue  # "at the border", "near Lake Chad": a place, not a party
            a = actor_for_token(self.doc, t, modifiers=modifiers or t.pos_ == "PROPN")
            if (t.lemma_.lower() in self.w["partitive_heads"] or t.lower_ in self.w["partitive_heads"]
                    or (t.pos_ == "NUM" and t.like_num)) and (
                    a is None or a.how in ("description", "ner")):
                # "members of the FMLN", "some of the rebels", "five of them": the group named after "of"
                # (through a second partitive: "Thousands of supporters of Imran Khan"; a unit NER names: "the
                # Jacobo Carcomo Command of the Morazanist Patriotic Front")
                b = self._partitive_of(t)
                if b is not None:
                    a = b
            if a is None and t.pos_ in ("NOUN", "PROPN") and (site or _facility_word(t, self.w["facility_nouns"])):
                own: list[ActorMention] = []  # this conjunct's ("sabotaged pylons and transformers": both)
                for owner in _owner_of(t):
                    for o in _conjuncts(owner):
                        b = actor_for_token(self.doc, o)
                        if b is not None:
                            own.append(b)
                if not own:
                    # "an Iraqi military base": the state that owns it
                    for c in t.children:
                        if c.dep_ in ("amod", "compound", "nmod"):
                            b = actor_for_token(self.doc, c)
                            if b is not None:
                                own.append(b)
                found.extend(own)
                if not own and not modifiers:
                    # an unowned physical target ("an electric power substation") is still what was hit; a
                    # possessor's name stays in it ("Merino's home"), a possessive pronoun does not ("their homes")
                    left = t.left_edge.i
                    while left < t.i and (self.doc[left].dep_ in ("det", "nummod", "punct")
                                          or (self.doc[left].dep_ == "poss" and self.doc[left].pos_ == "PRON")):
                        left += 1
                    np = self.doc[left:self._of_thing_end(t) + 1]
                    found.append(ActorMention(np.start_char, np.end_char, np.text, t.i, name=np.text,
                                              country=_modifier_country(t),  # "Iraqi towns": Iraq's
                                              kind="unknown", how="facility", named=False))
                continue
            if a is None and not modifiers and t.pos_ == "NOUN" and get_actor_dictionary().lookup_agent(t.lemma_.lower()):
                # "fought al Shabaab militants", "killed three Hamas fighters": the group the agent noun is of
                # ("New People's Army (NPA) guerrillas": the parser makes the group's name an ``nmod``; not a person's,
                # "the Manuel Jose Arce military neighborhood")
                for c in t.children:
                    if c.dep_ in ("compound", "nmod") and c.i < t.i \
                            and (b := actor_for_token(self.doc, c, modifiers=False)) is not None \
                            and b.named and (c.dep_ == "compound" or b.kind != "person"):
                        a = b
                        break
            if a is None and demonym_objects and t.pos_ == "NOUN" and t.i not in self.by_i \
                    and not default_lexicon().senses(t, "NOUN"):
                # "banned Ugandan opposition candidates", "restrictions against German goods", "sanctions on
                # the Taliban religious faction", "its European Community partners": a thing or people no
                # actor names, but a named party or a demonym right before it says whose: that party is on
                # the receiving end (before a possessor: "its partners" are not "it"; not an event's word the
                # trigger stage left out, "a bombing at Pakistan political rally": where it was)
                a = next((st for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i
                          and (st := self._named_or_demonym(c, named_objects)) is not None), None)
                if a is not None and a.how == "demonym" and t.lemma_.lower() in self.w["person_nouns"]:
                    # "killed a Palestinian man": a person of that people, a civilian, not the state
                    np = self.doc[t.left_edge.i:t.i + 1]
                    a = _state_sector(replace(a, start_char=np.start_char, end_char=np.end_char, text=np.text,
                                              head_i=t.i), "CVL", kind="non_state", how="description")
            relation = a is None and not modifiers and t.pos_ == "NOUN" and t.lemma_.lower() in self.w["relation_nouns"] \
                and any(c.dep_ == "poss" for c in t.children) \
                and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children)  # "My cousin Rebecca Ann Johnston"
            if a is None and not modifiers and t.pos_ == "NOUN" and not relation:
                # "support Turkey's efforts", "praised Haiti's record": the party is the possessor;
                # "provide aid for Romania", "lift embargoes on Iran": the party the object is for
                for c in t.children:
                    if c.dep_ == "poss":
                        a = actor_for_token(self.doc, c)
                    elif c.dep_ == "prep" and c.lower_ in self.w["object_recipient_preps"] and t.dep_ == "dobj":
                        for g in c.children:
                            if g.dep_ == "pobj":
                                found.extend(self._resolve(g, modifiers=False, demonym_objects=demonym_objects,
                                                           named_objects=named_objects))
                    if a is not None:
                        break
            if a is None and modifiers and t.dep_ in ("amod", "compound", "nmod") and t.head.i in self.by_i:
                a = self._demonym_state(t)  # "an Israeli airstrike", "U.S. strikes": the state that struck
            if (a is None and t.pos_ == "NOUN") or (a is not None and a.how == "description" and not a.named):
                # "the main opposition Bangladesh Nationalist Party", "the group's leader, Ahmed Ali": the name in
                # apposition (of the description's kind)
                # (not a person for a description that names a party: "A member of the Syrian parliament, Mohammed
                # Mamoun"; nor a short name in brackets: "the peacekeeping force in Lebanon (UNIFIL)"; a name for a
                # noun that names no party only between commas, not "Gryffindor's head Minerva McGonagall")
                named = next((b for c in t.children if c.dep_ == "appos" and c.i > t.i and self.doc[c.left_edge.i - 1].text != "("
                              and (b := actor_for_token(self.doc, c, modifiers=False) or (
                                  # "The attackers, members of the Viv Ansanm gang coalition, entered the area"
                                  self._partitive_of(c) if c.lemma_.lower() in self.w["partitive_heads"] else None))
                              is not None and b.named
                              and (b.kind != "person" if a is not None else self.doc[c.left_edge.i - 1].text == ",")), None)
                if named is not None:
                    a = named if named.sector or a is None else replace(named, sector=a.sector,
                                                                        country=named.country or a.country)
            if a is None and relation:
                a = self._relative(t)
            if a is not None and t.tag_ in ("NNS", "NNPS") and not a.covers(t) and t.left_edge.idx <= a.start_char < t.idx:
                # "Three other Russian military personnel were wounded", "Taliban gunmen attacked": the people
                # the modifier says whose they are (the words of the whole phrase; the name stays the party's)
                left = t.left_edge
                a = replace(a, start_char=left.idx, end_char=t.idx + len(t.text), text=self.doc[left.i:t.i + 1].text,
                            head_i=t.i, antecedent=None)
            if a is not None:
                found.append(a)
                for iso in a.also_countries:  # one party per coordinated demonym
                    found.append(replace(a, country=iso, name=self._other_state_name(a, iso), also_countries=[]))
        return found

    @staticmethod
    def _other_state_name(a: ActorMention, iso: str) -> str:
        """The name of the party a second demonym makes of a description ("Hungarian and Romanian officials":
        "Romania government" beside "Hungary government"), or the description's name with the country."""
        state = get_actor_dictionary().state(iso)
        if a.kind != "state" or state is None:
            return f"{a.name} ({iso})"
        return _state_sector(replace(a, name=state.name), a.sector).name if a.sector else state.name

    def _partitive_of(self, t: Token, depth: int = 0) -> Optional[ActorMention]:
        """The party a partitive word is part of ("members of the FMLN"), through a second partitive ("thousands
        of supporters of X"). Supporters of a person are not that person: "supporters of former President Ben
        Bella", "supporters of Imran Khan" are that person's country's opposition (OPP), as PLOVER codes them,
        unless the person holds an office now (no ``past_office_words`` before the name): then its sector."""
        for g in (g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"):
            b = actor_for_token(self.doc, g)
            if b is None and depth == 0 and (g.lemma_.lower() in self.w["partitive_heads"]
                                             or g.lower_ in self.w["partitive_heads"]):
                b = self._partitive_of(g, depth + 1)
                t = g if b is not None and b.kind == "person" else t
            if b is None:
                continue
            if b.kind == "person" and t.lower_ in self.w["follower_nouns"]:
                past = any(w.lower_ in self.w["past_office_words"] for w in self.doc[g.left_edge.i:g.i])
                sector = b.sector if b.sector in ("GOV", "MIL") and not past else "OPP"
                span = self.doc[t.i:g.right_edge.i + 1]
                return ActorMention(span.start_char, span.end_char, span.text, t.i, name=f"{t.lower_} of {b.name}",
                                    country=b.country, sector=sector, kind="non_state", how="description", named=False)
            return b
        return None

    def _named_or_demonym(self, t: Token, named: bool = True) -> Optional[ActorMention]:
        """The named actor a modifier is part of ("the Taliban faction"; ``named``), else the state its
        demonym names."""
        a = actor_for_token(self.doc, t, modifiers=False) if named else None
        if a is not None and a.named:
            return a
        return self._demonym_state(t, True)

    def _demonym_state(self, t: Token, any_label: bool = False) -> Optional[ActorMention]:
        """The state a demonym or country name modifying an event noun stands for, as an actor mention
        (``any_label``: also where NER gave the word another label or none, "Ugandan" tagged PERSON)."""
        ent = _entity_of(t)
        if t.ent_type_ not in ("NORP", "GPE") or ent is None:
            if not any_label or t.pos_ not in ("ADJ", "PROPN"):
                return None
            ent = self.doc[t.i:t.i + 1]
        d = get_actor_dictionary()
        iso = d.demonym_country(ent.text)
        if iso is None and ent.label_ == "GPE":
            entry = d.lookup(ent.text)
            iso = entry.country if entry is not None and entry.kind == "state" else None
        state = d.state(iso) if iso else None
        if state is None:
            return None
        return ActorMention(ent.start_char, ent.end_char, ent.text, t.i, how="demonym", named=False,
                            **_entry_fields(state, publication_day(self.doc)))

    def _speaker(self, tok: Token) -> Optional[Token]:
        """The subject of the reporting verb a clause hangs from ("Russia said that Sudan must ...")."""
        cur, steps = tok, 0
        while cur.head is not cur and steps < 8:
            cur, steps = cur.head, steps + 1
            if cur.lemma_.lower() in self.w["reporting_verbs"]:
                subs = [c for c in cur.children if c.dep_ == "nsubj"]
                return subs[0] if subs else None
            if cur.pos_ == "NOUN" and cur.lemma_.lower() in self.w["reporting_nouns"] and cur.dep_ == "dobj":
                # "issued a stern reminder to Iraq that it must cooperate": who issued it
                subs = [c for c in cur.head.children if c.dep_ == "nsubj"]
                return subs[0] if subs else None
        return None

    def _fill_obligation_roles(self, m: EventMention) -> bool:
        """A demand ("X must return Y", said by Z): Z requests, X is asked."""
        tok = self.doc[m.trigger.i]
        speaker = self._speaker(tok)
        if speaker is None:
            return False
        for a in self._resolve(speaker):
            m.roles.append(RoleFill("actor", a, "speaker"))
        for s in _subjects(tok):
            for a in self._resolve(_expand_relpron(s)):
                m.roles.append(RoleFill("recipient", a, "obligated"))
        return True

    def _town_people(self, a: ActorMention, m: EventMention) -> ActorMention:
        """A capital that a force or a restriction acts on is its people, not its government: "rebels shelled
        the regional capital Juba", "farmers would blockade Paris" (PLOVER and CAMEO code such a city's
        civilians); "called on Washington", "accused Moscow" keep the government."""
        if a.how != "metonym" or not ({m.trigger.plover_type, m.trigger.lexical_type} & _TOWN_PEOPLE_TYPES):
            return a
        return _state_sector(a, "CVL", kind="non_state", how="town_people")

    def _fill_roles(self, m: EventMention) -> None:
        if m.trigger.modality == "obligation" and self._fill_obligation_roles(m):
            return
        heads = [self.doc[m.trigger.i], *[self.doc[t.i] for t in m.folded]]
        if m.light_verb is not None:
            heads.append(self.doc[m.light_verb])
        seen: set[tuple[str, str]] = set()
        trig_tok = self.doc[m.trigger.i]
        for h in heads:
            # a proposal, offer or mediation the verb answers ("rejected a US offer", "agreed to US mediation"):
            # whoever made it is on the receiving end
            answered = h.i != trig_tok.i and "speech" in m.trigger.flags and (
                (h.dep_ == "dobj" and h.head.i == trig_tok.i) or
                (h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.i == trig_tok.i))
            # the other side's act a verb counters ("repelled an attack by the RSF", "foiled a plot by X"): its
            # doers are acted on
            answered = answered or (h.i != trig_tok.i and "counters" in m.trigger.flags
                                    and h.dep_ == "dobj" and h.head.i == trig_tok.i)
            # an act of another kind that an attack or a coercion acts on ("ambushed a police patrol", "broke up a
            # rally by farmers"): whoever does it is on the receiving end
            answered = answered or (h.i != trig_tok.i and h.dep_ == "dobj" and h.head.i == trig_tok.i
                                    and m.trigger.plover_type in ("ASSAULT", "COERCE") and h.i in self.by_i
                                    and self.by_i[h.i].plover_type != m.trigger.plover_type)
            suffered = h.i == m.light_verb and _under_event(h, self.by_i) == m.trigger.i
            for tok, how in ([] if suffered else self._actor_tokens(h)):  # "they came under fire": not who fired
                if tok.i in m.tokens and tok.i != h.i and self.by_i.get(tok.i):
                    continue
                if how == "agent" and h.i != trig_tok.i and _done_to_the_doer(h):
                    continue  # "stabbed two Israelis before being shot dead by troops": the troops shot the attacker
                if tok.i in self.by_i and tok.i not in m.tokens:
                    continue  # another event is the subject: handled by folding/refs
                if how == "modifier" and tok.lemma_.lower() in default_lexicon().weapons:
                    # "a drone attack": the weapon, not who attacked; "RSF artillery shelling": its owner did
                    self._weapon_owners(m, tok, seen)
                    continue
                # (the state of "a Ukrainian drone attack" stays the state: read as its military, "Israel military"
                # and "United States military" are names the gold articles do not list, field checks 0.910 -> 0.907)
                resolved = self._resolve(tok)
                if how in ("nsubj", "agent") and resolved and all(a.how == "description" for a in resolved) \
                        and tok.lemma_.lower() in default_lexicon().weapons \
                        and not get_actor_dictionary().lookup_agent(tok.lemma_.lower()):
                    # "was hit by at least three artillery shells": the weapon (read as a unit through "artillery"),
                    # no party; its owner, where the words name one, is
                    self._weapon_owners(m, tok, seen)
                    continue
                if not resolved and how == "nsubj" and (sides := self._both_sides(tok)):
                    for k, a in enumerate(sides):  # "both sides agreed to a ceasefire": the clash's two sides
                        role = "actor" if k == 0 else "recipient"
                        if (role, a.name) not in seen and ("actor", a.name) not in seen:
                            seen.add((role, a.name))
                            m.roles.append(RoleFill(role, a, "sides"))
                    continue
                attacking_people = how in ("nsubj", "agent") and m.trigger.plover_type == "ASSAULT" \
                    and tok.lemma_.lower() in self.w["person_nouns"]
                if not resolved and (how == "alleged" or attacking_people) \
                        and (held := self._people_of(tok, "", persons=True)) is not None:
                    # "three persons suspected of participating in the attack", "arrested two suspects in this
                    # attack": people the text holds to have done it, whoever they are; "two men threw a grenade",
                    # "was shot by a man": whoever did it
                    held = replace(held, name=held.text, sector=None, kind="unknown")
                    if ("actor", held.name) not in seen:
                        seen.add(("actor", held.name))
                        m.roles.append(RoleFill("actor", held, how))
                    continue
                if not resolved and how == "nsubj":
                    if m.trigger.plover_type == "PROTEST" and (crowd := self._people_of(tok)) is not None:
                        if ("actor", crowd.name) not in seen:  # "Thousands of people marched"
                            seen.add(("actor", crowd.name))
                            m.roles.append(RoleFill("actor", crowd, how))
                        continue
                    if tok.lemma_.lower() in default_lexicon().weapons:
                        self._weapon_owners(m, tok, seen)  # "Russian missiles struck": Russia's
                        continue
                for k, a in enumerate(resolved):
                    # "fighting between government forces and rebels": the first side acts, the other is fought
                    role = "recipient" if answered or (how == "between" and k > 0) else "actor"
                    if (role, a.name) not in seen and ("actor", a.name) not in seen:
                        seen.add((role, a.name))
                        m.roles.append(RoleFill(role, a, how))
            for tok, how in self._recipient_tokens(h):
                if tok.i in self.by_i:
                    m.event_refs.append(tok.i)
                    if "speech" in m.trigger.flags and tok.pos_ == "NOUN":
                        self._answered(m, tok, seen)  # "conceded to demands from UNITA"
                    elif m.trigger.plover_type == "SANCTION" and tok.dep_ == "dobj" \
                            and self.by_i[tok.i].plover_type in ("CONSULT", "COOPERATE", "AGREE"):
                        # "suspended talks with the group", "cut ties with Qatar": whom the ties were with
                        self._add_recipients(m, [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                                 for g in c.children if g.dep_ == "pobj"], seen, "prep_with")
                    continue
                if how == "despite" or ("speech" in m.trigger.flags and tok.lemma_.lower() in self.w["answered_nouns"]):
                    self._answered(m, tok, seen)
                    continue
                if m.trigger.plover_type in ("ACCUSE", "REQUEST") and tok.pos_ == "NOUN" \
                        and actor_for_token(self.doc, tok, modifiers=False) is None and (accused := self._accused_of(tok)):
                    # the accused is who did it, not whom it was done to ("crimes by X against Y"); the one
                    # asked is who is to do it ("demanded an immediate admission by Moscow")
                    self._add_recipients(m, accused, seen, "accused")
                    continue
                # (in an attack a name before the noun is as often a place or a misread word: "the Manuel
                # Jose Arce military neighborhood", "an Arce battalion officer")
                # ("near the Venezuelan border" tells where, not against whom)
                near_a_place = how == "prep_near" and tok.lemma_.lower() in self.w["place_heads"]
                taken = self._resolve(tok, modifiers=False, demonym_objects=not near_a_place,
                                      named_objects=m.trigger.plover_type != "ASSAULT")
                if near_a_place:
                    # "were killed near the town of Debre Markos": the town is where, not a target
                    taken = [a for a in taken if a.how != "facility"]
                if how == "prep_near":
                    # a state an attack was near ("jihadist attack near Mali border") is where, not what was hit
                    taken = [a for a in taken if not (a.kind == "state" and not a.sector)]
                if not taken and how in ("dobj", "nsubjpass") and "arrest" in m.trigger.modes:
                    # "Police arrested more than 1,000 people", "A man ... was arrested": the people taken,
                    # civilians (only arrests: "people" an attack acts on cost WikiEvents and RAMS, twenty-third
                    # session)
                    taken = [p for p in [self._people_of(tok, name="civilians", persons=True)] if p is not None]
                for a in taken:
                    a = self._town_people(a, m)
                    if how == "poss" and a.kind == "unknown" and not a.sector and tok.pos_ == "PROPN" and tok.is_title \
                            and h.lemma_.lower() in self.w["person_patient_nouns"] and a.how != "facility":
                        # "Castaneda's murder" (NER: ORG): whose murder it is, a person
                        a = replace(a, kind="person")
                    if ("actor", a.name) in seen or ("recipient", a.name) in seen:
                        continue
                    if how == "nsubjpass" and m.trigger.plover_type == "MOBILIZE" and a.sector in _FORCE_SECTORS:
                        # "Troops were deployed in the city": the forces deployed are the mobilizing side
                        seen.add(("actor", a.name))
                        m.roles.append(RoleFill("actor", a, how))
                        continue
                    seen.add(("recipient", a.name))
                    m.roles.append(RoleFill("recipient", a, how))
            for c in h.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.i in self.by_i and c.i not in m.tokens:
                    if c.i not in m.event_refs:
                        m.event_refs.append(c.i)
            if (ref := self._named_as_an_attack(h)) is not None and ref not in m.event_refs:
                m.event_refs.append(ref)

    def _named_as_an_attack(self, verb: Token) -> Optional[int]:
        """ "condemned what it called a massacre": the latest attack told before, which the object names."""
        if verb.pos_ not in ("VERB", "AUX") or verb.i not in self.by_i or self.by_i[verb.i].plover_type != "ACCUSE":
            return None
        named = [o for c in verb.children if c.dep_ == "ccomp" and any(k.dep_ == "dobj" and k.lower_ == "what" for k in c.children)
                 for o in c.children if o.dep_ == "oprd" and o.pos_ == "NOUN"]
        if not any(e.plover_type == "ASSAULT" for o in named for e in default_lexicon().senses(o, "NOUN")[:1]):
            return None
        return next((i for i in sorted(self.by_i, reverse=True) if i < verb.i and self.by_i[i].plover_type == "ASSAULT"), None)

    # clause ---------------------------------------------------------------------------------------
    def _clause_tokens(self, m: EventMention, other_heads: set[int]) -> set[int]:
        out: set[int] = set()
        roots = [self.doc[i] for i in m.tokens]
        if m.light_verb is not None:
            roots.append(self.doc[m.light_verb])
        # a noun event that is the subject/object of a plain verb: that verb's clause is its clause
        tok = self.doc[m.trigger.i]
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.i not in other_heads:
            roots.append(tok.head)

        def walk(t: Token) -> None:
            if t.i in out:
                return
            out.add(t.i)
            for c in t.children:
                if c.i in other_heads and c.i not in m.tokens:
                    continue
                if c.dep_ in _CLAUSAL and c.i not in m.tokens and c.pos_ in ("VERB", "AUX"):
                    if c.lemma_.lower() in self.w["reporting_verbs"] or c.dep_ in ("conj", "ccomp", "parataxis", "advcl"):
                        continue
                walk(c)

        for r in roots:
            walk(r)
        return out

    def build(self) -> list[EventMention]:
        folds = self._folds()
        headline = headline_end(self.doc)
        starts = token_table(self.doc).sent_starts
        mentions: dict[int, EventMention] = {}
        for t in self.triggers:
            if t.i in folds or self._figurative(t):
                continue
            tok = self.doc[t.i]
            sent = tok.sent
            m = EventMention(trigger=t, tokens={t.i}, sent_start=sent.start_char, sent_end=sent.end_char,
                             headline=t.start_char < headline, separate=opens_separately(sent),
                             place_first=self._opens_with_place(sent),
                             sent_i=bisect_right(starts, t.i) - 1 if starts else 0, reported=self._reported(tok),
                             claimed=t.pos == "VERB" and self._claimed(tok),
                             claimed_for=_claimed_act(tok) or _responsible_for(tok),
                             aggregate=self._aggregate(tok, t), sequel=self._died_of_wounds(tok, t))
            if t.pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.w["light_verbs"]:
                m.light_verb = tok.head.i
            elif t.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj" \
                    and tok.head.head.head.lemma_.lower() in self.w["light_verbs"] and tok.head.head.i not in self.by_i:
                m.light_verb = tok.head.head.head.i  # "declared a six-month state of emergency ... on Aug. 4" (but
                # "filed charges of murder": the filing is the charges' own, not the murder's)
            elif t.pos == "NOUN" and _under_event(tok.head.head, self.by_i) == t.i:
                m.light_verb = tok.head.head.i  # "came under attack": the clause is the attack's
            elif (verb := self._prep_light_verb(tok)) is not None:
                m.light_verb = verb.i  # "set the parliament on fire"
            if t.pos == "NOUN":
                dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
                m.distal = any(d.lower_ in ("that", "those") for d in dets)
                if any(d.lower_ == "another" for d in dets):
                    m.separate = True  # "Another Russian strike hit a residential area later in the day": a new one
                m.anaphoric = any(d.lower_ in self.w["anaphoric_determiners"] for d in dets) or any(
                    c.dep_ == "poss" and c.ent_type_ in ("DATE",) for c in tok.children) or _characterises(tok)
                quantified = any(c.dep_ in ("nummod", "det", "poss") for c in tok.children) or (
                    tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in
                    self.w["collective_event_nouns"] and tok.head.head.dep_ in ("nsubj", "nsubjpass")
                    and any(c.dep_ in ("det", "poss") for c in tok.head.head.children))
                # ("a spate of killings shook the region": events that happened; not "the latest in a series of
                # offensives")
                # "attacks on civilians"; "has carried out similar attacks in the area" (a plural that a perfect
                # light verb or a word like "similar" makes a kind of event, not one that happened)
                perfect = m.light_verb is not None and any(
                    c.dep_ == "aux" and c.lower_ in ("has", "have") for c in self.doc[m.light_verb].children)
                kind_of = any(c.dep_ == "amod" and c.lower_ in self.w["generic_modifiers"] for c in tok.children)
                m.generic = tok.tag_ in ("NNS", "NNPS") and not quantified and (m.light_verb is None or perfect or kind_of)
            clause = self.doc[m.light_verb] if m.light_verb is not None else tok
            if clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and clause.head.pos_ in ("VERB", "AUX"):
                m.coordinated_with = clause.head.i
            m.subordinate = _subordinate(tok) \
                and not (m.light_verb is not None and self.doc[m.light_verb].dep_ not in ("relcl", "acl", "advcl"))
            mentions[t.i] = m
        for i, host in folds.items():
            if host in mentions:
                mentions[host].tokens.add(i)
                mentions[host].folded.append(self.by_i[i])
                clause = _own_clause(self.doc[i])
                if clause is not None and not _subordinate(_clause_head(clause)):
                    # "Gunmen killed 12 villagers in an attack on Tuesday", "The death toll from Sunday's bombing
                    # rose to 31": the main clause's verb or subject, folded into the noun its PP names, makes
                    # the attack the sentence's news, not an aside
                    mentions[host].subordinate = False
                if self._aggregate(self.doc[i], self.by_i[i]):
                    mentions[host].aggregate = True  # "Attacks by the group have killed 300 people this year"
        heads = set(mentions)
        self._filled: list[EventMention] = []  # mentions whose roles are filled, in text order ("both sides")
        for m in mentions.values():
            self._fill_roles(m)
            self._filled.append(m)
            m._clause = self._clause_tokens(m, heads - {m.i})  # type: ignore[attr-defined]
        return sorted(mentions.values(), key=lambda m: m.i)


# --------------------------------------------------------------------------------------------
# attaching dates, places and tolls


_SPAN_NOUNS = frozenset({"day", "days", "hour", "hours", "night", "nights", "week", "weeks", "month", "months"})


@lru_cache(maxsize=1)
def _of_phrase_triggers() -> frozenset[str]:
    """Noun triggers of the form "X of Y" ("state of emergency", "exchange of fire"): anchored on their last
    word, headed by their first."""
    return frozenset(" ".join(e.words) for es in default_lexicon().multi.values() for e in es
                     if e.pos == "NOUN" and "of" in e.words[1:-1])


def _state_sector(a: ActorMention, sector: str, **fields) -> ActorMention:
    """A state's mention read as one of its sectors ("Russia" -> "Russia military", "Juba" -> "South Sudan
    civilians")."""
    return replace(a, name=f"{a.name} {get_actor_dictionary().sector_label(sector)}", sector=sector, **fields)


def _subordinate(tok: Token) -> bool:
    """Is an event word told inside a phrase or a dependent clause (a PP's object, a relative or adverbial
    clause), not as a clause's own news? A participle of result after its clause's verb ("A boy stepped on a
    landmine, killing him") is told as that clause is."""
    if _result_participle(tok):
        return _subordinate(tok.head)
    if _claimed_act(tok):
        return False  # "Al Shabaab claimed responsibility for the bombing": the act claimed is the news
    return tok.dep_ in ("pobj", "relcl", "acl", "advcl", "pcomp") or tok.head.dep_ in ("relcl", "acl")


def _responsible_for(tok: Token) -> bool:
    """Is the event word what someone is said to be responsible for ("two detachments of IS soldiers were responsible
    for the attack")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "responsible"


def _done_to_the_doer(verb: Token) -> bool:
    """Is a passive verb with no subject of its own, in a clause under an active verb ("before being shot dead",
    "after being arrested"), done to that verb's subject? Then its agent acted on the doer, not with them."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        host = verb.head.head
    elif verb.dep_ == "advcl":
        host = verb.head
    else:
        return False
    return host.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in host.children)


def _claimed_act(tok: Token) -> bool:
    """Is the event word what a claim of responsibility is for ("claimed responsibility for the bombing of the
    offices", "claimed responsibility today for detonating a bomb"; the parser hangs "for" on the verb or on
    "responsibility")?"""
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "for":
        return False
    host = tok.head.head
    verb = host.head if host.dep_ == "dobj" else host
    return is_responsibility_claim(verb) and not claim_disowned(verb)


def _result_participle(tok: Token) -> bool:
    """ "..., killing him": an -ing clause after the verb it hangs from, with no word that subordinates it
    ("while", "after", "by")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i and tok.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("mark", "advmod") and c.i < tok.i for c in tok.children)


def _own_clause(tok: Token) -> Optional[Token]:
    """The verb of the clause an event word is told in: the word itself, or the verb a noun is the subject
    or object of ("The death toll ... rose"); None for a noun inside a phrase."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None


def _clause_head(verb: Token) -> Token:
    """The verb whose clause holds ``verb``, up through complements and conjuncts ("raids in which it said 20
    people were killed": "said", a relative clause)."""
    for _ in range(6):
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head is verb:
            break
        verb = verb.head
    return verb


def _over_a_span(tok: Token) -> Optional[Token]:
    """The time-span noun an event noun is counted over ("two days of heavy fighting" -> "days"), else None."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in _SPAN_NOUNS:
        return prep.head
    return None


def _owner_mention(doc: Doc, start_i: int, mentions: list[EventMention]) -> Optional[EventMention]:
    """Climb from a token to the first event mention whose tokens it reaches, within its sentence."""
    by_tok = {}
    for m in mentions:
        for i in m.tokens:
            by_tok[i] = m
        if m.light_verb is not None:
            by_tok.setdefault(m.light_verb, m)
    tok = doc[start_i]
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _words()["occurrence_verbs"]:
        # "since a ceasefire took effect in November", "the attack took place on Monday": the event its subject
        # names, before any event of the clause the verb hangs from
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok), None)
        if subj is not None:
            return by_tok[subj.i]
    steps = 0
    first_verb = None
    while steps < 15:
        if tok.i in by_tok:
            return by_tok[tok.i]
        if tok.pos_ == "VERB" and first_verb is None:
            first_verb = tok
        if tok.head is tok:
            break
        tok = tok.head
        steps += 1
    # the start is a plain verb whose subject/object is an event noun ("the strikes left ..."), or
    # whose coordinated verb is an event ("Later on Wednesday, tanks pushed into X, and four people
    # were killed")
    for c in doc[start_i].children:
        if c.i in by_tok and c.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
            return by_tok[c.i]
    if doc[start_i].pos_ == "VERB":
        # "walked off the job on Tuesday in a national strike", "went on strike on Tuesday": the event
        # noun is the object of one of the verb's prepositions
        for c in doc[start_i].children:
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in by_tok:
                        return by_tok[g.i]
    if doc[start_i].lemma_.lower() == "be":
        # "Catatumbo was the scene of a major ELN offensive ... in January 2025": the event its complement names
        for g in (g for c in doc[start_i].children if c.dep_ == "attr" for p in c.children
                  if p.dep_ == "prep" and p.lower_ == "of" for g in p.children):
            if g.dep_ == "pobj" and g.i in by_tok:
                return by_tok[g.i]
    if first_verb is not None and first_verb.i != start_i and first_verb.lemma_.lower() not in _words()["reporting_verbs"]:
        # the first plain verb above the date: its event object ("launched rocket fire against the camps
        # today"), else its result clause ("drove a car into a checkpoint on Tuesday morning, killing nine")
        # (or its event subject: "The attack took place on the night of June 8-9")
        kids = list(first_verb.children)
        return next((by_tok[c.i] for c in kids if c.dep_ == "dobj" and c.i in by_tok), None) or next(
            (by_tok[c.i] for c in kids if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.i in by_tok), None) or next(
            (by_tok[c.i] for c in kids if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok), None)
    return None


def _before_another_time(doc: Doc, d) -> Optional[Token]:
    """For a date that tells the time of something the event came before ("arrested 45 opposition supporters
    ahead of Thursday's rally", "before Sunday's vote"), not the event's own time: the noun it dates."""
    span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
    if span is None or span.root.dep_ != "poss" or span.root.head.dep_ != "pobj":
        return None
    noun = span.root.head
    prep = noun.head
    return noun if prep.lower_ in ("before", "ahead") or (prep.lower_ == "of" and prep.head.lower_ == "ahead") else None


def _a_deadline(doc: Doc, d) -> bool:
    """A date a count or a state holds up to ("by Wednesday afternoon", "until Friday"), not when it happened."""
    span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ("by", "until", "till")


def _days_apart(tok: Token) -> Optional[tuple[Optional[Token], int, Span]]:
    """For an event told as "a day after X" / "two days before X" beside a dated event ("struck ... on Friday,
    a day after the rebels hit a vessel"; "Two days after the bombing, police arrested ..."): the dated
    event's word (None: the one told before it in the sentence), the shift in days from its day to X's
    (negative: X came first) and the span of the count."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        tok = tok.head  # "..., a day after a grenade attack at a busy market wounded 12 civilians": its clause
    if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "ccomp", "conj"):  # "..., a day after the rebels hit"
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        count = next((c for c in tok.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _DAY_UNITS), None)
        if count is None and mark is not None:  # ("a week after an ambush ... killed": the count on "after")
            count = next((c for c in mark.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _DAY_UNITS), None)
        host = tok.head if tok.dep_ == "advcl" else None  # (a misparsed clause: the event told before it)
        if host is not None:
            host = _event_that_came(host)
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before"):  # "two days after the bombing, police ..."
        mark = tok.head
        count = next((c for c in mark.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _DAY_UNITS), None)
        host = mark.head
    else:
        return None
    if mark is None or count is None:
        return None
    n = next((parse_number(c.text) for c in count.children if c.dep_ in ("det", "nummod")), None)
    if not n:
        return None
    n *= _DAY_UNITS[count.lemma_.lower()]
    span = tok.doc[min(c.i for c in count.subtree):mark.i + 1]
    return host, (-n if mark.lower_ == "after" else n), span


_TIME_UNITS = frozenset({"minute", "hour", "day", "night", "week", "month", "year"})
_DAY_UNITS = {"day": 1, "week": 7}  # the counts "a day after X" / "a week after X" shift a day by
_TOLD_AS_COMING = frozenset({"come", "follow", "occur", "happen"})  # "The attack came a week after ...": the attack


def _apart_host(tok: Token) -> Optional[Token]:
    """For an event word in a clause told as some time after or before another event ("killed 12 militants ...,
    days after an attack on a checkpost killed seven soldiers"; "two weeks before the bombing"): the word of
    the event it is counted from, else None. (A clause with no count, "killed when a bomb struck their patrol",
    is the same event told again.)"""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None and verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "before"):
        mark = verb.head  # "released him ..., nearly two weeks after kidnapping him"
        where, host = [mark, mark.head], mark.head
    elif verb is not None and verb.dep_ in ("advcl", "conj", "ccomp"):
        mark = next((c for c in verb.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")
                     and c.i < tok.i), None)
        where = [verb, mark] if mark is not None else []
        host = verb.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before"):
        mark = tok.head
        where, host = [mark, mark.head], mark.head
    else:
        return None
    counted = any(c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in _TIME_UNITS and c.i < mark.i
                  for w in where for c in w.children)
    if counted:
        host = _event_that_came(host)
    return host if counted and host.pos_ in ("VERB", "NOUN") else None


def _event_that_came(verb: Token) -> Token:
    """The event noun a verb of happening says came ("The attack came a week after an ambush ... killed seven
    soldiers": the attack, which the ambush is counted from), else the verb."""
    if verb.lemma_.lower() not in _TOLD_AS_COMING:
        return verb
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), verb)


def _one_day(d) -> bool:
    """The date mention resolves to a single day."""
    res = getattr(d, "resolution", None)
    return res is not None and res.precision == "day" and res.start is not None and res.start == res.end


def _shifted(d, shift: int, span: Span, spread: int = 0, until=None):
    """Date mention ``d`` (a single day) moved ``shift`` days, told by the words of ``span`` ("a day after"); with
    ``spread``, a range of that many more days, ending no later than ``until`` ("hours after": that day or the next)."""
    day = d.resolution.start + timedelta(days=shift)
    end = day + timedelta(days=spread)
    if until is not None and end > until >= day:
        end = until
    return replace(d, start_char=span.start_char, end_char=span.end_char, text=span.text,
                   resolution=DateResolution(day, end, "day", d.resolution.basis))


def _counted_from(doc: Doc, tok: Token, by_tok: dict, mentions: list) -> Optional[tuple]:
    """For a verb told as "hours after X" / "two days after X" where X is an event ("Hours after the blast,
    troops launched a search operation"): the date X has (its own, or for "the blast" told before, that of the
    last earlier event of its type with a date of its own), the shift in days from it (hours: the same day) and
    the span of the count; else None."""
    units = ("day", "hour")
    pairs = [(p, next((c for c in p.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units), None))
             for p in tok.children if p.dep_ == "prep"]  # "[two days] after the bombing"
    pairs += [(p, c) for c in tok.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units
              for p in [*c.children, *tok.children] if p.dep_ == "prep" and (p.head is c or p.i == c.i + 1)]
    # ("[Hours after the blast], troops launched", "Hours] [after the blast], ...")
    for prep, count in pairs:
        if prep.lower_ not in ("after", "before"):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        event = by_tok.get(obj.i) if obj is not None else None
        if count is None or event is None:
            continue
        told = event.date
        if told is None and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in obj.children):
            # "the blast": the event of its type told last with a date of its own
            earlier = [x for x in mentions if x.date is not None and x.trigger.i < obj.i
                       and x.trigger.plover_type == event.trigger.plover_type and _one_day(x.date)]
            told = max(earlier, key=lambda x: x.trigger.i).date if earlier else None
        if told is None or not _one_day(told):
            continue
        if count.lemma_.lower() == "hour":
            shift = 0
        else:
            n = next((parse_number(c.text) for c in count.children if c.dep_ in ("det", "nummod")), None)
            if not n:
                continue
            shift = n if prep.lower_ == "after" else -n
        return told, shift, doc[min(c.i for c in count.subtree):prep.i + 1]
    return None


def _when_clause(tok: Token) -> Optional[Token]:
    """The "when" clause said of a time that holds the event word ("since May last year, when the killing of
    a militia leader set off days of fighting that killed eight"): its verb, or None."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("relcl", "advcl") and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children):
            return cur
        if cur.dep_ not in ("nsubj", "nsubjpass", "dobj", "relcl", "acl", "conj", "pobj", "prep") or cur.head is cur:
            return None
        cur = cur.head
    return None


def _period_start(d, published):
    """The time a period is counted from ("since early September" -> early September), as a date mention of
    its own words, or None where those words resolve to no time or to a period again."""
    opener = period_opener(d.text)
    if opener is None:
        return None
    rest = d.text[len(opener):].lstrip()
    res = resolve_date_expression(rest, published)
    if res is None or res.start is None:
        return None
    start = d.end_char - len(rest)
    return replace(d, start_char=start, text=rest, resolution=res)


def attach_dates(doc: Doc, mentions: list[EventMention]) -> None:
    reporting = _words()["reporting_verbs"]
    said_on: dict[int, object] = {}  # reporting verb -> the date it was said
    for d in doc._.strife_dates or []:
        head = getattr(d, "head_token_i", None)
        if head is None:
            span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
            if span is None:
                continue
            head = span.root.i
        if doc[head].lemma_.lower() in reporting and head not in {i for m in mentions for i in m.tokens} \
                and head not in {m.light_verb for m in mentions}:  # ("declared a state of emergency on Aug. 4")
            said_on.setdefault(head, d)
            continue  # "officials said on Thursday": when it was said, not when it happened
        if in_dateline(doc_text(doc), d.start_char):
            continue  # "NAIROBI, June 25 (AP) —": when the report was filed
        if _a_deadline(doc, d):
            continue  # "21 bodies had been recovered by Wednesday afternoon": when the count stood, not the event's day
        if (noun := _before_another_time(doc, d)) is not None and not any(noun.i in m.tokens for m in mentions):
            continue  # "arrested ... ahead of Thursday's rally": the rally's day, not the arrests'
        m = _owner_mention(doc, head, mentions)
        if m is None:
            continue
        if _claimed_on(doc, head, m):
            continue  # "JNIM claimed responsibility for the attack on Monday": the day of the claim
        m = _speech_act_over(doc, head, m, mentions)
        if m.anaphoric and m.trigger.pos == "NOUN" and is_period(d):
            continue  # "the deadliest attack since early September": a comparison, not the attack's time
        if m.trigger.pos == "NOUN" and (is_period(d) or (
                d.resolution is not None and d.resolution.precision in ("week", "month", "year")
                and d.resolution.end is not None and d.resolution.end == publication_day(doc))) and any(
                c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in doc[m.trigger.i].children):
            # "the fifth killing of a journalist this year": the running period counted over, not its time
            # ("The first attack came in March" keeps March)
            continue
        if m.date is None or (d.end_char - d.start_char) > 0 and _more_precise(d, m.date):
            m.date = d
    # "since early September, when a bomb ... exploded": a clause said of a time is dated by it
    for m in mentions:
        clause = None if m.date is not None else _when_clause(doc[m.trigger.i])
        if clause is None:
            continue
        if clause.dep_ == "relcl":  # "since early September, when ...": the clause hangs on the date
            when = clause.head.idx
            d = next((d for d in doc._.strife_dates or [] if d.start_char <= when < d.end_char and d.resolution is not None), None)
        else:  # "has been on edge since May last year, when ...": the date right before "when"
            w = next(c for c in clause.children if c.dep_ == "advmod" and c.lower_ == "when")
            d = next((d for d in doc._.strife_dates or [] if d.resolution is not None and d.end_char <= w.idx
                      and doc_text(doc)[d.end_char:w.idx].strip() in ("", ",") and is_period(d)), None)
        if d is not None and is_period(d):
            m.separate = True  # "since early September, when ...": an earlier event of its own
            m.date = _period_start(d, publication_day(doc))  # ... on the day the period starts from
        elif d is not None:
            m.date = d
    # "have been killed since fighting between rival factions erupted in September": the event that began the
    # period counted, an earlier one of its own, dated by its clause
    for m in mentions:
        trig = doc[m.trigger.i]
        verb = trig.head
        if m.date is not None or trig.dep_ != "nsubj" or verb.dep_ != "advcl" \
                or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
            continue
        m.separate = True
        lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
        m.date = next((d for d in doc._.strife_dates or [] if d.resolution is not None and lo <= d.start_char
                       and d.end_char <= hi and not trig.left_edge.idx <= d.start_char <= trig.right_edge.idx), None)
    # "the Ankara Declaration in December 2024, in which Abiy and Hassan Sheikh agreed ...": the clause is of the
    # dated thing it is said in (the parser may hang it on the verb before: an "advcl")
    for m in mentions:
        verb = doc[m.trigger.i]
        if m.date is not None or m.trigger.pos != "VERB" or verb.dep_ not in ("relcl", "advcl") or not any(
                c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in verb.children):
            continue
        lo, hi = verb.head.idx, verb.left_edge.idx
        m.date = next((d for d in doc._.strife_dates or [] if d.resolution is not None and lo <= d.start_char
                       and d.end_char <= hi), None)
    # "struck ... on Friday, a day after the rebels hit a vessel": the day counted back from the dated event
    by_tok_dated = {i: x for x in mentions if x.date is not None for i in x.tokens}
    for m in mentions:
        if m.date is None and (got := _days_apart(doc[m.trigger.i])) is not None:
            host_tok, shift, span = got
            before = [x for x in mentions if x.date is not None and x.sent_start == m.sent_start and x.i < m.i]
            host = by_tok_dated.get(host_tok.i) if host_tok is not None else (max(before, key=lambda x: x.i) if before else None)
            if host is not None and _one_day(host.date):
                m.date = _shifted(host.date, shift, span)
    # "Hours after the blast, troops launched a search operation": counted on from the dated event named
    by_tok_all = {i: x for x in mentions for i in x.tokens}
    for m in mentions:
        trig = doc[m.trigger.i]
        verb = trig if m.trigger.pos == "VERB" else trig.head if trig.dep_ == "dobj" and trig.head.i not in by_tok_all else None
        if m.date is None and verb is not None and (
                got := _counted_from(doc, verb, by_tok_all, mentions) or (
                    _counted_from(doc, verb.head, by_tok_all, mentions) if verb.dep_ == "conj" else None)):
            told, shift, span = got
            m.separate = True  # what came hours or days after an event is not that event
            hours = span.root.lemma_.lower() == "hour" or any(t.lemma_.lower() == "hour" for t in span)
            m.date = _shifted(told, shift, span, spread=1 if hours else 0, until=publication_day(doc))
    # an undated verb takes the date of the dated event verb its clause hangs from (or of the reporting verb it
    # is coordinated with: the speaker's own act): one coordinated with it
    # ("marched on Tuesday ..., and police fired tear gas"), or governing it ("cut ties in 2016 after
    # protesters stormed the embassy")
    by_tok = {i: m for m in mentions for i in m.tokens}
    for m in mentions:
        if m.sequel:
            m.date = None  # "died in hospital overnight": when the wounded died, not when the attack was
            continue
        if m.date is not None:
            continue
        if (said := _reported_under(doc[m.trigger.i], said_on)) is not None and said not in by_tok \
                and (_fronted(doc, said_on[said]) or _an_earlier_report(said_on[said], publication_day(doc))):
            # "On Sunday, the Budalin PDF said they had overrun a military outpost", "By Saturday evening, the
            # ministry announced that both sides had agreed": a date that opens the sentence sets its scene
            # (a date after the verb, "said on Thursday", stays the day it was said)
            m.date = said_on[said]
            continue
        if m.trigger.pos != "VERB":
            # a noun event a coordinated verb folded into, or that a verb's phrase holds ("fired tear gas at
            # students on Thursday, and dozens of people were killed in clashes"): the verb's time
            noun = doc[m.trigger.i]
            verb = next((doc[i] for i in sorted(m.tokens) if doc[i].pos_ == "VERB" and doc[i].dep_ == "conj"), None)
            verb = verb.head if verb is not None else (
                _phrase_verb(noun) if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") else None)
            if verb is not None and (host := by_tok.get(verb.i)) is not None and host is not m and host.date is not None \
                    and (host.trigger.pos == "VERB" or host.date.head_token_i == verb.i):
                # (the verb may have folded into its subject: "Israeli air strikes killed at least 40 ... on Saturday,
                # including 17 in a strike on a school")
                m.date = host.date
            continue
        tok, steps = doc[m.trigger.i], 0
        if _apart_host(tok) is not None:
            continue  # "released him on Thursday, nearly two weeks after kidnapping him": not Thursday
        if tok.dep_ == "conj" and tok.head.i in said_on and tok.head.i not in by_tok:
            m.date = said_on[tok.head.i]  # "Ruto said on Tuesday evening ... and vowed to crush": the speaker's act
            continue
        if (during := _participle_on_argument(doc, tok, by_tok)) is not None and during is not m and during.date is not None:
            m.date = during.date  # "fired tear gas at students protesting ... on Thursday": at the same time
            continue
        while tok.dep_ in _GOVERNED and tok.head is not tok and steps < 3:
            came_from, tok, steps = tok, tok.head, steps + 1
            if came_from.dep_ == "conj" and tok.tag_ == "VBD" and (came_from.tag_ in ("VBZ", "VBP") or (
                    came_from.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                                    for c in came_from.children))):
                break  # "withdrew the bill last week, but protesters are now demanding his resignation": now
            host = by_tok.get(tok.i)
            if host is None and tok.pos_ == "VERB" and (came_from.dep_ == "conj" or (
                    came_from.dep_ == "advcl" and "casualty" in m.trigger.flags)) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in came_from.children) \
                    and any(c.dep_ == "nsubj" for c in tok.children) and (own := next(
                    (d for d in doc._.strife_dates or [] if d.head_token_i == tok.i and d.resolution is not None
                     and d.resolution.start is not None), None)) is not None:
                # "Gunmen stopped a bus ... on Monday, checked identity cards and shot dead seven men", "A suicide car
                # bomber rammed into a checkpoint ... on Saturday, killing eight soldiers": the subject's acts, one
                # time (not "21 bodies had been recovered by Wednesday and 30 people had been wounded")
                m.date = own
                break
            if host is None and tok.pos_ == "VERB":
                # "police used water cannons to disperse protesters ... overnight, detaining 43 people": the purpose
                # clause under the same verb is the time of the act
                host = next((by_tok[c.i] for c in tok.children if c.dep_ == "xcomp" and c.i != came_from.i
                             and c.i in by_tok and by_tok[c.i].date is not None), None)
            if host is not None and host is not m and host.trigger.pos == "VERB":
                if host.date is not None:
                    m.date = host.date
                break


def _phrase_verb(noun: Token) -> Token:
    """The verb whose phrase holds "in"/"during" + ``noun``, through a count it qualifies ("killed at least 40
    Palestinians ..., including 17 in a strike on a school"); else the preposition's head."""
    cur, steps = noun.head.head, 0
    while (cur.pos_ != "VERB" or cur.dep_ == "prep") and cur.dep_ in ("pobj", "prep", "dobj", "nummod", "appos") \
            and cur.head is not cur and steps < 4:  # ("including" is tagged a verb)
        cur, steps = cur.head, steps + 1
    return cur if cur.pos_ == "VERB" else noun.head.head


def _participle_on_argument(doc: Doc, verb: Token, by_tok: dict) -> Optional[EventMention]:
    """The event a present participle on the verb's object tells ("fired tear gas at thousands of students
    protesting against a quota system on Thursday": the protest), the participle's time being the verb's."""
    for arg in verb.children:
        if arg.dep_ not in ("dobj", "prep"):
            continue
        for t in arg.subtree:
            if t.dep_ == "acl" and t.tag_ == "VBG" and t.i in by_tok:
                return by_tok[t.i]
    return None


_GOVERNED = frozenset({"conj", "advcl", "xcomp", "pcomp", "pobj", "prep"})
# the sectors of armed forces and police: the side a deployment of them mobilizes
_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "MILITIA", "SPY"})


def _reported_under(tok, said_on: dict) -> Optional[int]:
    """The reporting verb (a key of ``said_on``) whose complement clause holds ``tok``: its clause's verb, or
    that verb's object ("said that Asmara rejects this agreement")."""
    for _ in range(3):
        if tok.dep_ == "ccomp" and tok.head.i in said_on:
            return tok.head.i
        if tok.dep_ not in ("ccomp", "dobj", "xcomp", "conj") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _an_earlier_report(d, published) -> bool:
    """Was it said in a month or year before the publication's ("A U.N. report said last year that Rwandan
    troops were fighting alongside the rebels")? What it told was going on then, not this week."""
    r = d.resolution
    return (published is not None and r is not None and r.end is not None and r.precision in ("month", "year")
            and (r.end.year, r.end.month) < (published.year, published.month))


def _fronted(doc: Doc, d) -> bool:
    """The date opens its sentence ("On Sunday, ...", "By Saturday evening, ..."), before any subject."""
    span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
    if span is None:
        return False
    first = span.start
    while first > span.sent.start and doc[first - 1].pos_ == "ADP":
        first -= 1
    return first == span.sent.start


def _claimed_on(doc: Doc, date_head: int, m: EventMention) -> bool:
    """ "claimed responsibility for the attack on Monday": the parser hangs the date on the attack, an event
    told before; the date is the claim's."""
    tok = doc[m.trigger.i]
    if not (m.anaphoric and m.trigger.pos == "NOUN" and date_head == tok.i and tok.dep_ == "pobj"
            and tok.head.lower_ == "for"):
        return False
    gov = tok.head.head
    if gov.pos_ == "NOUN" and gov.dep_ == "dobj":
        gov = gov.head  # ("claimed responsibility for": the parser may hang "for" on the noun)
    return gov.pos_ in ("VERB", "AUX") and is_responsibility_claim(gov)


def _speech_act_over(doc: Doc, date_head: int, m: EventMention, mentions: list[EventMention]) -> EventMention:
    """ "The governor condemned the attack on Wednesday": the parser hangs the date on the object, an
    event told before ("the attack"); the date is the condemnation's. Returns the mention that takes a date
    found under ``m``."""
    tok = doc[m.trigger.i]
    if not (m.anaphoric and m.trigger.pos == "NOUN" and tok.dep_ == "dobj" and date_head == tok.i):
        return m  # (``date_head``: the token the date's phrase hangs from)
    gov = next((x for x in mentions if x.trigger.i == tok.head.i), None)
    if gov is None or gov.plover_type in _PHYSICAL_TYPES or gov.plover_type == m.plover_type:
        return m
    return gov


def _more_precise(a, b) -> bool:
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    ra, rb = getattr(a, "resolution", None), getattr(b, "resolution", None)
    if ra is None:
        return False
    if rb is None:
        return True
    return order.get(ra.precision, 9) < order.get(rb.precision, 9)


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "outside", "inside", "around", "throughout", "along", "through",
                             "within", "into", "onto", "between", "over", "off", "on"})
_LOCATIVE_UP = frozenset({"compound", "conj", "appos", "nmod", "amod", "cc", "npadvmod", "poss", "det"})
# a mention's first token, when spaCy takes it for the span's root ("the" in "the Deir Ezzor [Governorate]")
_MODIFIER_DEPS = ("compound", "nmod", "amod", "poss", "det")


def is_locative(doc: Doc, start_char: int, end_char: int, is_country: bool = False) -> bool:
    """Is this place mention where something happened ("in Mosul", "at the Turkey-Syria border",
    "the village of Mainok"), rather than a party named after a place ("U.S. strikes", "Iraq condemned")?"""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if listed_after_towns(span):
        return True  # "shelled several Armenian towns ..., including Jermuk and Goris"
    via_place_noun = False
    for _ in range(6):
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of" and prep.head is not prep and (prep.head.lemma_.lower() in _words()["place_heads"]
                                                                  or prep.head.lemma_.lower() in _words()["site_nouns"]):
                tok = prep.head  # "the village of Mainok", "the streets of Srinagar": where the village is
                via_place_noun = True
                continue
            if prep.lower_ == "on" and prep.head.pos_ == "NOUN":
                # "attacks on Aleppo" and "the bombardment on the town of Kiklah" are where; "attacks on U.S.
                # forces" or "on Iraq" names a target
                return not is_country and (via_place_noun or (tok.ent_type_ in ("GPE", "LOC", "FAC")
                                                              and tok.i == span.root.i))
            return prep.lower_ in _LOCATIVE_PREPS or (via_place_noun and prep.lower_ == "to")
        if via_place_noun and tok.dep_ in ("dobj", "nsubjpass"):
            return True  # "patrolled the streets of Bishkek", "the village of X was shelled", "took to the streets of Y"
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "agent", "ROOT"):
            return False
        if tok.dep_ in _LOCATIVE_UP and tok.head is not tok:
            if tok.dep_ in _MODIFIER_DEPS and tok.head.ent_type_ not in ("GPE", "LOC", "FAC") \
                    and tok.head.lemma_.lower() not in _words()["place_heads"] \
                    and (is_country or tok.head.lemma_.lower() not in _words()["site_nouns"]):
                return False  # "U.S. forces", "Iraq's army" (but "a Mogadishu cafe", "her Jaffna home" are sites)
            if tok.dep_ in ("compound", "poss", "nmod"):
                via_place_noun = True  # "bombed Baghdad's largest slum": the slum is in Baghdad
            tok = tok.head
            continue
        return tok.dep_ in ("npadvmod",)
    return False


# events whose capital object is the town's people, not its government (MentionBuilder._town_people)
_TOWN_PEOPLE_TYPES = frozenset({"ASSAULT", "COERCE"})
_TARGET_IS_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SEIZE"})
# events whose direct object may be a whole country and still be where they happened ("invaded Iraq")
_TARGET_COUNTRY_IS_PLACE = frozenset({"ASSAULT", "SEIZE"})


def _is_target_place(doc: Doc, p, mentions: list[EventMention]) -> bool:
    """A town or region that an attack or a seizure acts on directly ("shelled Kharkiv", "stormed the village
    of Mainok", "raided four villages: A, B and C", "attacks on Aleppo") is also where it happened."""
    span = doc.char_span(p.start_char, p.end_char, alignment_mode="expand")
    if span is None:
        return False
    is_country = _is_country(p)
    tok = span.root
    for _ in range(4):  # up through "the village of X", "a Mogadishu cafe", "X and Y", "villages: X"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (tok.head.head.lemma_.lower() in _words()["place_heads"]
                                                               or tok.head.head.lemma_.lower() in _words()["holding_nouns"]):
            tok = tok.head.head  # (and "seized control of Kunduz": what is held is the town)
        elif tok.dep_ in ("compound", "nmod", "poss", "det") and not is_country \
                and (tok.head.lemma_.lower() in _words()["site_nouns"] or tok.head.lemma_.lower() in _words()["place_heads"]):
            tok = tok.head
        elif tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok = tok.head
        else:
            break
    types = _TARGET_COUNTRY_IS_PLACE if is_country else _TARGET_IS_PLACE
    if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "over") and tok.lemma_.lower() in _words()["holding_nouns"] \
            and not is_country:
        # "fought for control of the town of Lalibela", "clashes over control of Bakhmut": the town fought over
        return any(tok.head.head.i in m.tokens and m.plover_type in types for m in mentions)
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and not is_country:
        head = tok.head.head  # "attacks on Aleppo", "an assault on Mosul": the attack's object is a town (the
        # noun a trigger or folded into one: "repelled an attack by the RSF on El Fasher")
        return head.pos_ == "NOUN" and any(head.i in m.tokens and m.plover_type in types for m in mentions)
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    head = tok.head.i
    return any(head in m.tokens and m.plover_type in types for m in mentions)


def _is_country(p) -> bool:
    return p.place is not None and p.place.precision == "country"


def attach_places(doc: Doc, mentions: list[EventMention]) -> None:
    # a capital a statement is addressed to ("called on Washington to investigate") is a party, not where
    # (and a state so addressed: "called on the United States and France ... to pressure Israel")
    addressed = _words()["addressing_verbs"]
    governments = [(a.start_char, a.end_char) for a in (doc._.strife_actors or [])
                   if (a.how == "metonym" and doc[a.head_i].dep_ == "pobj" and doc[a.head_i].head.lower_ != "by")
                   or (a.kind == "state" and _addressed(doc[a.head_i], addressed))]
    places = [p for p in (doc._.strife_places or [])
              if not any(s <= p.start_char and p.end_char <= e for s, e in governments)
              and (is_locative(doc, p.start_char, p.end_char, _is_country(p)) or _is_target_place(doc, p, mentions))]
    if not places:
        return
    tok_of = {}
    for p in places:
        span = doc.char_span(p.start_char, p.end_char, alignment_mode="expand")
        if span is not None:
            tok_of[id(p)] = {t.i for t in span}
    claimed: set[int] = set()
    for m in mentions:
        clause = getattr(m, "_clause", set())
        mine = [p for p in places if tok_of.get(id(p), set()) & clause]
        if mine:
            m.places = mine
            m.place_level = "clause"
            claimed.update(id(p) for p in mine)
    for m in mentions:
        if m.places:
            continue
        in_sent = [p for p in places if m.sent_start <= p.start_char < m.sent_end]
        # the sentence's free places, else those of its other events ("threw a grenade [...] in Dambar, killing six")
        same = [p for p in in_sent if id(p) not in claimed] or in_sent
        if same:
            m.places, m.place_level = same, "sentence"
            continue
        antecedent = _anaphoric_place(doc, m)
        if antecedent is not None:
            m.places, m.place_level = [antecedent], "anaphor"
            continue
        linked = _linked_event_places(doc, m, mentions)
        if linked:
            m.places, m.place_level = linked, "anaphor"
            continue
        para_start = doc_text(doc).rfind("\n\n", 0, m.sent_start)
        para = [p for p in places if para_start <= p.start_char < m.sent_start]
        if para:
            m.places, m.place_level = para[-1:], "paragraph"


def _addressed(tok: Token, verbs: frozenset[str]) -> bool:
    """Is the word (or the first of the conjuncts it is one of) the one a verb of addressing speaks to ("called
    on the United States", "appealed to France")?"""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "upon", "to") and tok.head.head.lemma_.lower() in verbs


_TOWN_PRECISIONS = frozenset({"city", "point"})
_AREA_PRECISIONS = frozenset({"city", "point", "admin2", "admin1"})


_LINKING_WORDS = frozenset({"connection", "over", "after", "following", "behind", "during", "amid"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_LINKED_TYPES = frozenset({"ASSAULT", "PROTEST", "FIGHT"})


def _linked_event_places(doc: Doc, m: EventMention, mentions: list[EventMention]) -> list:
    """An act tied to an earlier violent event by a definite reference ("arrested 28 people in connection
    with the violence", "detained three suspects over the bombing", "imposed a curfew after the clashes"):
    the places of the latest earlier violent mention that has places of its own clause."""
    earlier = [y for y in mentions if y.sent_i < m.sent_i and y.place_level == "clause" and y.places
               and y.plover_type in _LINKED_TYPES]
    if not earlier:
        return []
    by_i = {x.i: x for x in mentions}
    for i in sorted(t.i for t in doc[m.i].subtree):
        x = by_i.get(i)
        if x is None or x is m or x.plover_type not in _LINKED_TYPES or doc[i].pos_ != "NOUN" or i < 2:
            continue
        if doc[i - 1].lower_ in _DEFINITE and any(doc[j].lower_ in _LINKING_WORDS for j in range(max(0, i - 3), i - 1)):
            return list(max(earlier, key=lambda y: y.i).places)
    return []


def _anaphoric_place(doc: Doc, m: EventMention):
    """The place a definite place noun of the mention's clause refers back to ("imposed a curfew on the
    town", "attacked an army base near the town", "an operation in the area"): the last place named before
    it of that kind (a town for "the town", anything below a country for "the area"), not a dateline."""
    words, text = _words(), doc_text(doc)
    for i in sorted(getattr(m, "_clause", set()) or m.tokens):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma in words["anaphoric_town_nouns"]:
            kinds = _TOWN_PRECISIONS
        elif lemma in words["anaphoric_area_nouns"]:
            kinds = _AREA_PRECISIONS
        else:
            continue
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        if any(c.dep_ in ("compound", "appos", "amod", "nmod", "poss") or (c.dep_ == "prep" and c.lower_ == "of")
               for c in tok.children):
            continue  # "the town of Djibo", "the border area", "the Sahel region": named or described, not anaphoric
        if not ((tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS) or (tok.dep_ == "dobj" and tok.head.i in m.tokens)):
            continue
        before = [p for p in (doc._.strife_places or []) if p.end_char <= tok.idx and not in_dateline(text, p.start_char)
                  and (p.place.precision in kinds if p.place is not None else p.score == 0.0 and p.text[:1].isupper())]
        if before:
            return before[-1]
    return None


def attach_tolls(doc: Doc, mentions: list[EventMention]) -> None:
    for tm in doc._.strife_tolls or []:
        target = None
        for key in ("cause_token_i", "anchor_token_i"):
            i = getattr(tm, key, None)
            if i is None:
                continue
            target = _owner_mention(doc, i, mentions)
            if target is not None:
                break
        if target is None and _running_total(doc, tm):
            continue  # "The ethnic conflict ... has claimed more than 260 lives": a war's count, no event's
        if target is None:
            # a toll sentence with exactly one event mention in it
            in_sent = [m for m in mentions if m.sent_start <= tm.start_char < m.sent_end]
            if len(in_sent) == 1:
                target = in_sent[0]
            elif not in_sent and not ((span := doc.char_span(tm.start_char, tm.end_char, alignment_mode="expand"))
                                      is not None and opens_separately(span.sent)):
                # (not "Separately, police found 11 bodies dumped on a highway": another event's dead)
                target = _recent_attack(doc, tm.start_char, mentions)
        if target is not None and tm.kind in ("killed", "injured") and target.plover_type not in _CASUALTY_TYPES:
            # "Three killed, homes torched in communal clashes ...; curfew imposed": the dead are the
            # clashes', not the curfew's
            violent = [m for m in mentions if m.plover_type == "ASSAULT" and m.sent_start <= tm.start_char < m.sent_end]
            if violent:
                target = min(violent, key=lambda m: abs(m.i - (tm.trigger_token_i or m.i)))
        if target is not None:
            target.tolls.append(tm)


def _running_total(doc: Doc, tm) -> bool:
    """Is the toll counted in the present perfect by a war, a conflict or the like ("The ethnic conflict ...
    has claimed more than 260 lives", "the violence has killed 300 people")? (``aggregate_nouns``)"""
    nouns = _words()["aggregate_nouns"]
    for i in (getattr(tm, "anchor_token_i", None), getattr(tm, "trigger_token_i", None)):
        if i is None:
            continue
        verb = doc[i]
        if _perfect(verb) and any(c.dep_ in ("nsubj", "csubj") and c.lemma_.lower() in nouns for c in verb.children):
            return True
    return False


_CASUALTY_TYPES = frozenset({"ASSAULT", "PROTEST"})
TOLL_LOOKBACK_SENTENCES = 2


def _recent_attack(doc: Doc, char: int, mentions: list[EventMention]) -> Optional[EventMention]:
    """The attack a toll sentence with no event of its own updates ("Hospital officials put the toll at
    54."): the last violent mention of the two sentences before it."""
    tt = token_table(doc)
    if not tt.sent_starts:
        return None
    k = bisect_right([tt.idx[s] for s in tt.sent_starts], char) - 1
    before = [m for m in mentions if m.plover_type == "ASSAULT" and 0 < k - m.sent_i <= TOLL_LOOKBACK_SENTENCES]
    return max(before, key=lambda m: (m.sent_i, m.i)) if before else None


def _mob_violence(doc: Doc, frames: list[EventFrame]) -> bool:
    """An attack whose actors are all mobs or rioters is a riot ("mobs of Hindus and Muslims clashed",
    "rioters torched shops"): its mentions become PLOVER PROTEST mode riot, CAMEO 145, ACLED Riots / Mob
    violence (``riot_agents``). True when one did (the mentions are then merged again, so that the riot's
    other mentions join: "Groups from both communities threw stones at each other"). An attack on property
    whose actors are all demonstrators (``violent_protest_agents``: "Protesters blocked roads and burned tyres")
    is a violent demonstration: PROTEST mode riot, no mob (their storming of a building stays an attack)."""
    agents, protesting = _words()["riot_agents"], _words()["violent_protest_agents"]
    changed = False
    for f in frames:
        acting = f.roles("actor")
        if f.plover_type != "ASSAULT" or not acting:
            continue
        if all(doc[a.head_i].lemma_.lower() in agents for a in acting):
            hint = "mob"
        elif all(doc[a.head_i].lemma_.lower() in protesting for a in acting) and not any(
                t.kind == "killed" for m in f.mentions for t in m.tolls) and all(
                m.modes and set(m.modes) <= {"destroy", "loot", "arson"} for m in f.mentions):
            hint = None
        else:
            continue
        for m in f.mentions:
            m.trigger = replace(m.trigger, plover_type="PROTEST", modes=["riot"], cameo="145", acled_hint=hint,
                                lexical_type="ASSAULT")
        changed = True
    return changed


def _claimed_long_ago(doc: Doc, tok: Token, published) -> bool:
    """Is the event noun what a claim of responsibility dated months before publication was for ("claimed
    responsibility in August 1988 for the attack against George Shultz")? A claim comes after its attack: the
    attack is history too."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for" or not is_responsibility_claim(tok.head.head):
        return False
    verb = tok.head.head
    return any(d.head_token_i == verb.i and d.resolution is not None and d.resolution.end is not None
               and (published - d.resolution.end).days > HISTORY_DAYS for d in doc._.strife_dates or [])


def build_frames(doc: Doc) -> list[EventFrame]:
    mentions = MentionBuilder(doc).build()
    attach_dates(doc, mentions)
    attach_places(doc, mentions)
    attach_tolls(doc, mentions)
    # a generic plural ("attacks on civilians") with nothing specific attached is not an event
    kept = [m for m in mentions if not (m.generic and m.date is None and not m.tolls and m.place_level != "clause")]
    kept_ids = {id(m) for m in kept}
    doc._.strife_left_out = [m.i for m in mentions if m.aggregate and id(m) not in kept_ids]
    for m in kept:
        if m.date is not None and is_period(m.date) and (m.tolls or any(
                "casualty" in t.flags for t in (m.trigger, *m.folded))):
            m.aggregate = True  # "1,380 people were killed in gang-related violence between January and March"
    published = publication_day(doc)
    for m in kept:
        host = _apart_host(doc[m.trigger.i])
        m.apart_from = host.i if host is not None else None
        r = getattr(m.date, "resolution", None)
        m.history = bool(published is not None and r is not None and r.end is not None
                         and (published - r.end).days > HISTORY_DAYS)
        if not m.history and m.date is None and published is not None:
            m.history = _claimed_long_ago(doc, doc[m.trigger.i], published)
    # a running total ("the war has killed tens of thousands") is context where the text reports events;
    # alone, it is what the text is about (and comes out as background)
    if any(not m.aggregate for m in kept):
        doc._.strife_left_out += [m.i for m in kept if m.aggregate]
        kept = [m for m in kept if not m.aggregate]
    frames = merge_mentions(kept)
    if _mob_violence(doc, frames):
        frames = merge_mentions(kept)
    attach_claimants(doc, frames)
    return frames


@Language.factory(
    "strife_events",
    assigns=["doc._.strife_events", "doc._.strife_left_out"],
    requires=["doc._.strife_triggers", "doc._.strife_actors", "doc._.strife_dates", "doc._.strife_places", "doc._.strife_tolls"],
)
def make_events(nlp: Language, name: str) -> "EventComponent":
    return EventComponent()


class EventComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.strife_events = build_frames(doc)
        return doc
