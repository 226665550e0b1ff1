"""Is an event mention reported as having happened?

"threatened to strike" is a threat, not a strike; "plans to hold talks" is no meeting yet;
"denied carrying out the attack" is not an attack; "will not be deterred" is nothing at all.
The decision walks the dependency parse from the trigger up, using the word lists in
``data/nlp/factuality.json`` (no words are hard-coded here).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from strife.doc_ext import token_table
from strife.lexicon import load_wordlists

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "dobj", "oprd", "attr"})
_PASS_THROUGH_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "npadvmod", "dep", "relcl", "acomp"})


@dataclass(frozen=True)
class Factuality:
    factual: bool
    reason: Optional[str] = None
    modality: Optional[str] = None  # intent | refusal | obligation, when not factual


def _words() -> dict[str, frozenset[str]]:
    return load_wordlists("factuality")


def _has_child(tok: Token, deps: set[str] | frozenset[str], lemmas: frozenset[str]) -> bool:
    return any(c.dep_ in deps and c.lower_ in lemmas for c in tok.children)


def _negated(tok: Token) -> bool:
    w = _words()
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children if c.lower_ in w["negators"])


def _subject_negated(tok: Token) -> bool:
    """ "no civilians were injured", "nobody was killed", "none of the passengers died": it did not happen."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in ("nobody", "none", "noone") or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    return False


def _modal(tok: Token) -> bool:
    return _has_child(tok, {"aux", "auxpass"}, _words()["modal_aux"])


def _conditional(tok: Token) -> bool:
    return _has_child(tok, {"mark"}, _words()["conditional_marks"])


def is_headline(sent) -> bool:
    """A short line with no closing punctuation ("Army kills 22 militants: ministry") is a headline,
    which reports past events in the present tense."""
    text = sent.text.strip().rstrip("\"'”’")
    return bool(text) and text[-1] not in ".!?" and len(sent) <= 25


def opens_separately(sent) -> bool:
    """Does the sentence open as another matter ("Separately, ...", "In a separate incident", ``separate_openers``)?"""
    opening = " ".join(t.lower_ for t in sent[:4] if not t.is_space)
    return any(opening == w or opening.startswith(w + " ") or opening.startswith(w + " ,")
               for w in _words()["separate_openers"])


def _infinitival(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) or tok.tag_ == "VB"


def _sentence(tok: Token):
    """``tok.sent`` and that sentence's memo [question, headline (None: not yet known)]: the doc's
    sentences are read once (spaCy's ``token.sent`` scans the doc), kept in its token table."""
    doc = tok.doc
    table = token_table(doc)
    starts = table.sent_starts
    if starts is None:
        return tok.sent, [False, None]  # (spaCy raises: no sentence boundaries)
    memo = table.memo.get("factuality.sentences")
    if memo is None:
        memo = table.memo["factuality.sentences"] = ([None] * len(starts), [None] * len(starts))
    spans, flag_lists = memo
    k = bisect_right(starts, tok.i) - 1
    sent = spans[k]
    if sent is None:
        sent = spans[k] = doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)]
    flags = flag_lists[k]
    if flags is None:
        flags = flag_lists[k] = [sent.text.rstrip().rstrip("”\"'’").endswith("?"), None]
    return sent, flags


def _headline(sent, flags: list) -> bool:
    if flags[1] is None:
        flags[1] = is_headline(sent)
    return flags[1]


# event types worth reporting even when the text mentions them in an aside about a person
_NEWSWORTHY_IN_ASIDES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


# adverbs that turn a non-factive modifier into the event's history ("long-threatened", "much-feared")
_HISTORY_ADVERBS = frozenset({"long", "much", "oft", "often", "widely", "long-"})


def assess(trigger: Token, plover_type: Optional[str] = None, casualty: bool = False) -> Factuality:
    """Decide whether the event the trigger names is reported as real (past or ongoing).

    With ``plover_type``, a non-violent event told in a relative clause about a person
    ("..., who resigned in November, said") is an aside, not a reported event. With ``casualty`` (a verb of
    dying or wounding), a negated subject ("no civilians were injured", "nobody died") negates it. A
    non-factual noun with a generic determiner is any event of its kind ("would take each meeting as it
    comes"), reason ``generic``: no promise or threat of one ("before each explosion" stays factual).
    """
    fact = _assess(trigger, plover_type, casualty)
    if not fact.factual and trigger.pos_ not in ("VERB", "AUX") and any(
            c.dep_ == "det" and c.lower_ in _words()["generic_determiners"] for c in trigger.children):
        return Factuality(False, "generic")
    return fact


def _past_in_present_form(verb: Token, w) -> bool:
    """ "Unknown assailants set fire to a church ... overnight, police said": a verb whose past is its present
    form (``same_form_past_verbs``), tagged a present, told under a past reporting verb or with a time of its
    own, is past."""
    if verb.tag_ != "VBP" or verb.lower_ not in w["same_form_past_verbs"]:
        return False
    reported = verb.dep_ in ("ccomp", "parataxis") and verb.head.tag_ == "VBD"
    timed = any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("overnight", "yesterday") for t in verb.subtree)
    return reported or timed


def _assess(trigger: Token, plover_type: Optional[str], casualty: bool) -> Factuality:
    w = _words()
    sent, flags = _sentence(trigger)
    if flags[0]:
        return Factuality(False, "question")
    if _negated(trigger) or (casualty and trigger.pos_ in ("VERB", "AUX") and _subject_negated(trigger)):
        return Factuality(False, "negated")
    if trigger.dep_ == "pobj" and trigger.head.lower_ in w["negating_preps"]:
        return Factuality(False, "negated")  # "the strike came without warning"
    if trigger.pos_ in ("VERB", "AUX"):
        if trigger.tag_ != "VBD" and any(c.dep_ == "advmod" and c.lower_ in w["habitual_adverbs"] for c in trigger.children):
            # "usually releasing them after ransoms are paid"; a past "routinely beat up detainees" is still
            # reported as having happened (PLOVER and CAMEO code it)
            return Factuality(False, "habitual")
        if _modal(trigger):
            return Factuality(False, "modal")
        if _conditional(trigger):
            return Factuality(False, "conditional")
        has_aux = any(c.dep_ in ("aux", "auxpass") for c in trigger.children)
        if trigger.tag_ in ("VBP", "VBZ") and not has_aux and not _headline(sent, flags) \
                and not _past_in_present_form(trigger, w):
            return Factuality(False, "habitual_present")
        head = trigger.head
        if (trigger.dep_ == "conj" and trigger.tag_ == "VB" and not has_aux and head.tag_ in ("VBP", "VBZ")
                and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
            return Factuality(False, "habitual_present")  # "respect X and support Y"
        if trigger.tag_ == "VB" and not any(c.lower_ in ("did", "does", "do") for c in trigger.children):
            # bare infinitive: "to strike", "would strike" (modal caught above) -> climb decides
            pass
    else:
        if any(c.dep_ in ("amod", "advmod") and c.lower_ in w["nonfactive_modifiers"]
               and not any(g.lower_ in _HISTORY_ADVERBS for g in c.children) for c in trigger.children):
            # (not "its long-threatened invasion", "the much-feared offensive": told as finally happening)
            return Factuality(False, "nonfactive_modifier")

    cur = trigger
    steps = 0
    prev_dep, last_dep = None, None  # the relation the climb arrived by ("pcomp" into "committed to")
    while cur.head is not cur and steps < 12:
        steps += 1
        dep, head = cur.dep_, cur.head
        prev_dep, last_dep = last_dep, dep
        if (gov := small_clause_conjunct_governor(cur)) is not None:
            cur = gov  # "ordered the market closed ... and imposed a curfew": the governor's own act
            continue
        if dep == "pobj":
            gov = head.head
            if gov.pos_ == "NOUN" and gov.lemma_.lower() in w["nonfactive_nouns"]:
                return Factuality(False, f"governed_by:{gov.lemma_}")
            if gov.lemma_.lower() in ("deny", "refuse", "prevent", "deter", "stop"):
                return Factuality(False, f"governed_by:{gov.lemma_}")
            if gov.lower_ in w["upcoming_heads"] and head.lower_ == "of":
                return Factuality(False, "upcoming")  # "arrested dozens ahead of a rally"
            return Factuality(True)  # a presupposed event inside a PP ("retaliate for the attack")
        if dep == "prep":
            if prev_dep == "pcomp" and head.lemma_.lower() in w["intent_governors"]:
                return Factuality(False, f"governed_by:{head.lemma_.lower()}")  # "committed to allowing": a promise
            cur = head
            continue
        if dep in ("nsubj", "nsubjpass", "csubj"):
            if cur is trigger and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in w["occurrence_verbs"] \
                    and (_modal(head) or _negated(head) or _conditional(head)):
                return Factuality(False, "planned")  # "The rally will go ahead", "the talks may not take place"
            if head.pos_ in ("VERB", "AUX") and (_infinitival(head) and not _modal(head)) and head.dep_ in _COMPLEMENT_DEPS:
                cur = head  # "see [the attacks] cease": the subject of a bare complement
                continue
            return Factuality(True)
        if dep in _COMPLEMENT_DEPS:
            lemma = head.lemma_.lower()
            if dep in ("advcl", "xcomp") and lemma in w["purpose_governors"] and any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children):
                return Factuality(False, f"purpose_of:{lemma}")  # "fighting for 15 years to topple the government"
            if head.lower_ in w["reporting_verbs"] or lemma in w["reporting_verbs"]:
                return Factuality(True)
            if plover_type == "ASSAULT" and lemma in w["attempt_governors"] and dep == "xcomp" \
                    and not (_modal(head) or _negated(head) or _conditional(head)):
                return Factuality(True)  # "attempted to assassinate the prime minister": an attack was made
            if plover_type == "ASSAULT" and dep == "dobj" and cur.pos_ == "NOUN" and order_given(head):
                return Factuality(True)  # "ordered the assassination of Medellin policemen": told as done, on orders
            if (lemma in w["nonfactive_governors"] or head.lower_ in w["nonfactive_governors"]) and (
                    dep != "advcl" or _infinitival(cur)) and (
                    lemma not in w["infinitive_only_governors"] or _infinitival(cur)):
                if result_told(cur):
                    cur = head  # "ordered troops to open fire, killing five": the order was carried out
                    continue
                # ("set to attack" is planned, "setting fire to the shops" and "set off a bomb" are not)
                # an adverbial clause is not a complement ("setting off a bomb before gunmen stormed"),
                # unless it is a purpose clause ("to prevent attacks")
                return Factuality(False, f"governed_by:{lemma}")
            if dep == "acl" and cur is trigger and cur.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") \
                    and plover_type is not None and plover_type not in _NEWSWORTHY_IN_ASIDES \
                    and head.lemma_.lower() not in w["speaking_nouns"] and head.lower_ not in w["speaking_nouns"]:
                return Factuality(False, "describes_noun")  # "militias collaborating with the junta"
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and cur.tag_ in ("VBN", "VBD"):
                return Factuality(True)  # "a helicopter captured last week": told as a fact about the thing
            if head.pos_ in ("VERB", "AUX") and (_modal(head) or _negated(head) or _conditional(head)):
                if dep == "dobj" or _infinitival(cur) or dep in ("xcomp", "advcl", "acl"):
                    return Factuality(False, f"governor_modal_or_negated:{lemma}")
            cur = head
            continue
        if dep == "relcl" and head.pos_ in ("NOUN", "PROPN") and cur.tag_ in ("VBN", "VBD") and not _modal(cur):
            if not (head.ent_type_ in ("PERSON", "ACTOR") and plover_type is not None and plover_type not in _NEWSWORTHY_IN_ASIDES):
                return Factuality(True)  # "the helicopter that was captured": a past fact about the thing
        if dep in _PASS_THROUGH_DEPS:
            if (dep in ("relcl", "appos") and head.ent_type_ in ("PERSON", "ACTOR") and plover_type is not None
                    and plover_type not in _NEWSWORTHY_IN_ASIDES):
                return Factuality(False, "biographical_aside")
            cur = head
            continue
        break
    return Factuality(True)


def result_told(clause: Token) -> bool:
    """Does a harm participle on a directive's or an attempt's clause tell the act as done?

    "ordered troops to open fire on the protesters, killing five people": the killing is the
    firing's result, so the order was carried out; not under a modal, negated or conditional governor.
    """
    w = _words()
    governor = clause.head
    if governor.lemma_.lower() not in w["result_told_governors"] or clause.pos_ not in ("VERB", "AUX") \
            or clause.dep_ not in ("xcomp", "ccomp"):
        return False
    if _modal(governor) or _negated(governor) or _conditional(governor):
        return False
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in w["harm_participles"]
               and not _negated(c) for c in clause.children)


def small_clause_conjunct_governor(tok: Token) -> Optional[Token]:
    """The verb a finite conjunct really goes with, where the parser hung it on a small clause's participle:
    in "ordered the market closed until further notice and imposed a curfew", "imposed" (past tense, no
    subject) is the governor's second act, not part of what was ordered. None otherwise."""
    head = tok.head
    if tok.dep_ == "conj" and tok.tag_ == "VBD" and head.tag_ == "VBN" and head.dep_ in ("ccomp", "oprd") \
            and any(c.dep_ == "nsubj" for c in head.children) \
            and not (any(c.dep_ == "dobj" for c in head.children) and not any(c.dep_ == "aux" for c in head.children)) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and (not any(c.dep_ == "aux" for c in head.children) or tok.lemma_.lower() in _words()["statement_verbs"]):
        # (a "participle" with an object and no auxiliary is a past tense the tagger misread: "strikes ... killed at
        # least 10 civilians ... and wounded dozens, the White Helmets said" is the strikes', not the speaker's;
        # "denied that the military had carried out any air strike and accused ..." stays the speaker's, but
        # "said troops had pursued the attackers and killed five of them" is the troops')
        return head.head
    return None


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def modality(trigger: Token, fact: Factuality) -> Optional[str]:
    """What a non-factual mention still reports: an ``intent`` ("will send aid", "offered to
    withdraw"), a ``refusal`` ("will not accept"), an ``obligation`` ("Sudan must return ..."), or the
    ``terms`` of an agreement ("Under the deal, a neutral force would deploy").
    None for questions, conditionals, denials, possibilities and the like."""
    if fact.factual or fact.reason is None:
        return None
    w = _words()
    reason = fact.reason
    holder = trigger
    if reason.startswith("governor_modal_or_negated:"):
        holder = trigger.head
        while holder.head is not holder and not (_aux_lemmas(holder) & (w["intent_modals"] | w["obligation_modals"])) \
                and holder.dep_ in _COMPLEMENT_DEPS:
            holder = holder.head
        reason = "negated" if _negated(holder) else "modal"
    auxes = _aux_lemmas(holder)
    if reason == "modal" and auxes & w["intent_modals"] and (_under_terms(holder, w) or _under_terms(trigger, w)):
        return "terms"  # "Under the deal, a neutral force would deploy": what the parties agreed, no threat
    if reason == "negated":
        return "refusal" if auxes & w["intent_modals"] else None
    if reason == "modal":
        if auxes & w["obligation_modals"]:
            return "obligation"
        if auxes & w["intent_modals"]:
            return "intent"
        return None
    if reason.startswith("governed_by:"):
        lemma = reason.split(":", 1)[1].lower()
        if lemma in w["intent_governors"]:
            return "intent"
        if lemma in w["refusal_governors"]:
            return "refusal"
    return None


def _under_terms(tok: Token, w) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in w["agreement_terms_nouns"] for g in c.children) for c in tok.children)


def modal_type(plover_type: str, mod: Optional[str]) -> Optional[str]:
    """The PLOVER type a modal mention reports (None: it reports nothing)."""
    w = _words()
    if mod == "obligation":
        return "REQUEST"
    if mod == "terms":
        return "AGREE"  # a future under an agreement is agreed, whatever it does (PLOVER: "Under the
        # disengagement plan, Israel will evacuate all 21 settlements" is AGREE)
    if mod == "intent":
        if plover_type in w["cooperative_types"]:
            return "AGREE"
        if plover_type in w["hostile_types"]:
            return "THREATEN"
    if mod == "refusal" and plover_type in w["cooperative_types"]:
        return "REJECT"
    return None


def order_given(verb: Token) -> bool:
    """Is the verb an order told as given ("ordered", "accused of ordering"; ``principal_verbs``: order, command,
    mastermind, orchestrate), not one still to come, asked about or denied ("will order", "did not order")? An attack
    it orders is told as done, on orders."""
    return verb.lemma_.lower() in _words()["principal_verbs"] and verb.tag_ in ("VBD", "VBN", "VBG") \
        and not (_modal(verb) or _negated(verb) or _conditional(verb))


_CLAIM_OBJECTS = frozenset({"responsibility", "credit"})


def is_responsibility_claim(verb: Token) -> bool:
    """Is the verb a claim of responsibility: a ``claim_verbs`` verb with "responsibility" or "credit" as its
    object ("claimed responsibility", "took credit")? (Negation: `claim_disowned`.)"""
    return verb.lemma_.lower() in load_wordlists("factuality")["claim_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_OBJECTS for c in verb.children)


def claim_disowned(verb: Token) -> bool:
    """ "No group has claimed responsibility", "did not claim responsibility", "denied claiming"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and any(c.lower_ in ("no", "none") for c in subj.subtree):
        return True
    return verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_.lower() in ("deny", "refuse", "decline")
