"""Repairs of parser errors that hide who did what, before any strife stage reads the parse.

Component ``strife_parse_repair`` runs after the parser and the lemmatizer and rewrites heads and
labels of twenty misreadings of the small English model. First, a clause it reads as a reduced
relative clause:

    "Armed men on motorcycles killed at least 12 people ..., police said."

The parser makes ``killed`` a participle modifying ``motorcycles`` (``acl``) and ``men`` a second
subject of ``said``. A passive participle takes no direct object, so a participle with a ``dobj``
of its own is an active verb: it becomes the clause's verb (``ccomp`` of the reporting verb it hung
from), the noun the prepositional chain climbs to becomes its subject, and verbs coordinated with
that noun ("... and abducted dozens more") are coordinated with the verb instead.

The rule fires only when the noun is a subject of a verb that has another subject of its own or
is a reporting verb after the participle, so "troops sent reinforcements" and reduced relatives
with an object of their own elsewhere in the tree are left as they are.

Second, an infinitive it reads as an auxiliary of the participle after it ("marched to oppose
proposed tax increases", with "oppose" an ``aux`` of "proposed"): see `_repair_infinitive_as_aux`.
Third, a headline's passive without its auxiliary ("RSF accused of killing over 100"): see
`_repair_headline_passive`. Fourth, a toll's count taken for the speaker ("killed at least 40 people,
including children, residents said"): see `_repair_count_as_speaker`. Fifth, a speaker's second statement
coordinated with what the speaker reported ("said the protests had been hijacked and vowed to crush
further unrest"): see `_repair_statement_conj`. Sixth, a passive with its auxiliary left out taken for a second
subject of the reporting verb ("Three people were killed and dozens of houses set on fire ..., police said"):
see `_repair_gapped_passive`. Seventh, an adjective taken for a second subject, or for the subject with the
name as its apposition ("Sudan's paramilitary Rapid Support Forces shelled"): see `_repair_adjective_subject`.
Eighth, a locative word read as an adjective of a verb's object ("protested outside parliament"): see
`_repair_locative_adjective`. Ninth, a sentence read as a noun phrase ("A crowd protested outside the court."):
see `_repair_noun_sentence`. Tenth, a second passive with its auxiliary left out taken for a noun coordinated with
the first ("were killed and dozens injured in clashes"): see `_repair_gapped_conjunct`. Eleventh, a participle
after "X said" hung on the speaker's verb ("..., residents said, extending their advance"): see
`_repair_participle_after_speaker`. Twelfth, a speaker hung on the first verb as a modifier, with "said" coordinated
with that verb ("..., the military's media wing, ISPR, said"): see `_repair_speaker_as_modifier`. Thirteenth, speakers
coordinated with a count ("killing at least 26 civilians, two witnesses and a health worker told Reuters"): see
`_repair_speakers_in_count`. Fourteenth, "X suspected / believed to be Y" taken for the clause ("Gunmen suspected to be
herders attacked three villages"): see `_repair_suspected_to_be`. Fifteenth, speakers read as an apposition to a count
("... that killed at least 30 people, a military officer and residents said"): see `_repair_speaker_as_appos`.
Sixteenth, a clause after "after"/"before" read as a phrase, its verb coordinated with the main one ("..., days after
an attack on a checkpost killed seven soldiers"): see `_repair_clause_after_prep`. And a subject read as an apposition
of a place phrase that opens the sentence ("In the southern city of Khan Younis, a strike on a house killed six"):
see `_repair_fronted_place_appos`. And a count hung on the name that modifies the counted noun ("Five New People's
Army (NPA) guerrillas"): see `_repair_count_on_name`. And a speaker's verb hung on a clause opened by "after" that
the parser coordinates with the verb it modifies ("..., security sources said, a day after Israel vowed"): see
`_repair_speaker_before_clause`. And a partitive count coordinated with the verb, not its object ("killing the police
chief ... and three of his officers"): see `_repair_count_conj_of_verb`. And the lemmas of a few past forms the
lemmatizer leaves as they are ("retook"): see `_repair_lemmas`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokens import Doc, Token

from strife.factuality import is_headline
from strife.lexicon import load_wordlists
from strife.timeexpr import weekday_names


def _climb_to_subject(tok: Token) -> Optional[Token]:
    """From the noun a participle modifies, up through "on motorcycles"/"of the group"/"sheltering families" chains, to a
    noun that is a verb's subject, or hangs from a verb unlabelled (None when the chain ends elsewhere)."""
    cur, steps = tok, 0
    while steps < 4:
        if cur.dep_ in ("nsubj", "dep", "ccomp") and cur.head.pos_ in ("VERB", "AUX"):
            # "dep": the parser gave up on the noun's attachment; "ccomp": it made the noun the clause ("Boko
            # Haram fighters abducted 50 women ..., residents said": "fighters" the complement of "said")
            return cur
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("NOUN", "PROPN"):
            cur, steps = cur.head.head, steps + 1
            continue
        if cur.dep_ == "dobj" and cur.head.dep_ == "acl" and cur.head.tag_ == "VBG" \
                and cur.head.head.pos_ in ("NOUN", "PROPN"):
            # "An Israeli air strike on a school sheltering displaced families in central Gaza killed ..."
            cur, steps = cur.head.head, steps + 1
            continue
        return None
    return None


def _repair_fronted_place_appos(doc: Doc, verb: Token, reporting: frozenset[str]) -> bool:
    """ "In the southern city of Khan Younis, a strike on a house killed six members of one family, medics said": the
    parser makes the subject an apposition of the fronted place and its verb a participle on it. A noun in apposition
    after a comma to a place in a phrase that opens the sentence and hangs on a later reporting verb: the noun is the
    participle's subject, the clause is what is reported, and the place phrase is the clause's."""
    noun = verb.head
    if noun.dep_ != "appos" or noun.left_edge.i == 0 or doc[noun.left_edge.i - 1].text != ",":
        return False
    cur, prep, steps = noun.head, None, 0
    while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and steps < 3:
        prep, cur, steps = cur.head, cur.head.head, steps + 1
        if cur.pos_ in ("VERB", "AUX"):
            break
    if prep is None or cur.pos_ != "VERB" or cur.lemma_.lower() not in reporting or cur.i < verb.i or prep.i > noun.i:
        return False
    verb.head, verb.dep_ = cur, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"
    prep.head = verb
    return True


def _repair_reduced_relative(doc: Doc, verb: Token, reporting: frozenset[str]) -> bool:
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(verb.children)
    # (a past form with a result after it is active too: "The attack left at least 12 dead ..., sources said")
    acts = any(c.dep_ == "dobj" for c in kids) or (verb.tag_ == "VBD" and any(c.dep_ == "oprd" for c in kids))
    if not acts or any(c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass", "aux") for c in kids):
        return False
    subj = _climb_to_subject(verb.head)
    if subj is None and _repair_fronted_place_appos(doc, verb, reporting):
        return True
    if subj is None or not (subj.i <= verb.head.i < verb.i):
        return False
    gov = subj.head
    others = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != subj.i]
    if not (others or (gov.i > verb.i and gov.lemma_.lower() in reporting)):
        return False
    coordinated = [c for c in subj.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i]
    verb.head = gov
    verb.dep_ = "ccomp"
    subj.head = verb
    subj.dep_ = "nsubj"
    for c in coordinated:
        c.head = verb
    return True


def _repair_infinitive_as_aux(doc: Doc, verb: Token) -> bool:
    """ "marched ... to oppose proposed tax increases": the parser takes "to oppose" for auxiliaries of
    "proposed". An infinitive after "to" whose head is the participle right after it, which has an
    object, is the verb; the participle modifies that object."""
    i = verb.i
    if verb.tag_ != "VB" or i == 0 or doc[i - 1].tag_ != "TO" or doc[i - 1].head.i not in (verb.i, verb.head.i):
        return False
    part = verb.head
    if part.i != i + 1 or part.tag_ != "VBN" or part.head is part:
        return False
    obj = next((c for c in part.children if c.dep_ == "dobj" and c.i > part.i), None)
    if obj is None or any(part.i < k < obj.i and doc[k].dep_ not in ("compound", "amod") for k in range(part.i + 1, obj.i)):
        return False
    verb.head = part.head
    verb.dep_ = "advcl"
    doc[i - 1].head = verb
    obj.head = verb
    part.head = obj
    part.dep_ = "amod"
    return True


def _repair_headline_passive(doc: Doc, verb: Token) -> bool:
    """ "Sudan's RSF accused of killing over 100", "Three soldiers killed in blast": a headline drops the
    auxiliary of a passive, and the parser takes the patient for the subject. A participle heading its
    sentence with a subject and no auxiliary is a passive: the subject becomes ``nsubjpass``."""
    if verb.tag_ != "VBN" or verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False  # (an object: an active verb the tagger took for a participle, "investigated welfare")
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or not is_headline(verb.sent):
        return False  # (in running text the tagger's participle is as often an active past tense)
    subj.dep_ = "nsubjpass"
    return True


def _repair_noun_sentence(doc: Doc, root: Token) -> bool:
    """ "A crowd protested outside the court in Dhaka.": the parser reads the sentence as a noun phrase, the
    verb a participle on the noun (``acl``). A sentence of running text (not a headline) ending in a full stop
    whose root is a noun with a participle right after it, with no passive auxiliary, "by" agent or object,
    is a clause: the participle becomes its past-tense verb and the noun its subject."""
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or is_headline(root.sent):
        return False
    sent = root.sent
    if sent[-1].text != "." or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod") for t in sent):
        return False
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == root.i + 1), None)
    if verb is None or any(c.dep_ in ("agent", "auxpass", "dobj", "aux") for c in verb.children):
        return False
    for c in list(root.children):
        if c.i > verb.i:
            c.head = verb  # (the full stop)
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    root.head, root.dep_ = verb, "nsubj"
    return True


def _reroot(said: Token, root: Token, after: int) -> None:
    """The reporting verb heads the sentence and the clause it was hung on is what it reports; the root's
    punctuation after token ``after`` (the full stop) goes with the new head."""
    said.head, said.dep_ = said, "ROOT"
    root.head, root.dep_ = said, "ccomp"
    for c in list(root.children):
        if c.dep_ == "punct" and c.i > after:
            c.head = said


def _repair_speaker_as_modifier(doc: Doc, said: Token, reporting: frozenset[str]) -> bool:
    """ "Six attackers were also killed in the ensuing gunfight, the military's media wing, Inter-Services Public
    Relations (ISPR), said in a statement": the parser hangs the speaker on the first verb as a modifier
    ("npadvmod") and coordinates "said" with that verb, so the toll had no source. A reporting verb coordinated
    with an earlier verb, with no subject of its own and no "and" before it, whose noun phrase between commas
    hangs from that verb, is the sentence's verb and the noun its subject."""
    verb = said.head
    if said.dep_ != "conj" or said.lemma_.lower() not in reporting or verb.i > said.i or verb.dep_ != "ROOT" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in said.children) \
            or any(c.dep_ == "cc" and verb.i < c.i < said.i for c in verb.children):
        return False
    speaker = next((c for c in reversed(list(verb.children)) if verb.i < c.i < said.i and c.dep_ == "npadvmod"
                    and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","), None)
    if speaker is None:
        return False
    _reroot(said, verb, after=speaker.i)
    speaker.head, speaker.dep_ = said, "nsubj"
    return True


def _repair_speakers_in_count(doc: Doc, said: Token, reporting: frozenset[str]) -> bool:
    """ "..., killing at least 26 civilians, two witnesses and a health worker told Reuters": the parser
    coordinates the speakers with the count and hangs "told" on an earlier noun. A reporting verb with no
    subject right after a coordination whose first member is a verb's counted object: the members after the
    first comma are who told it, and the reporting verb heads the sentence."""
    if said.lemma_.lower() not in reporting or said.dep_ in ("ccomp", "conj") or said.i == 0 \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in said.children):
        return False
    last = doc[said.i - 1]
    chain = [last]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("NOUN", "PROPN") and len(chain) < 6:
        chain.append(chain[-1].head)
    first = chain[-1]
    if len(chain) < 3 or first.dep_ != "dobj" or first.head.pos_ != "VERB" \
            or not any(c.dep_ == "nummod" for c in first.children):
        return False
    speaker = chain[-2]  # the member after the count
    if speaker.left_edge.i == 0 or doc[speaker.left_edge.i - 1].text != ",":
        return False
    root = said.sent.root
    if root.i > said.i:
        return False
    if root.i != said.i:  # ("told" hung on a noun of the reported clause)
        _reroot(said, root, after=said.i)
    speaker.head, speaker.dep_ = said, "nsubj"
    return True


_TEMPORAL_PREPS = frozenset({"after", "before", "since", "until"})


def _repair_clause_after_prep(doc: Doc, verb: Token) -> bool:
    """ "... killed 12 militants on Friday, the military said, days after an attack on a checkpost killed seven
    soldiers": the parser reads "after an attack" as a phrase and coordinates the second "killed" with the first
    (or hangs it on the first as a clause: "..., a day after a grenade attack at a market wounded 12 civilians"),
    subjectless, so the earlier attack's dead went to the raid. A tensed verb coordinated with no "and", no
    subject of its own, after "after"/"before"/"since"/"until" with a noun whose phrase runs up to the verb: the
    noun is that verb's subject and the clause a modifier of the first verb's."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.head.i > verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "cc") for c in verb.children) \
            or any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children if c.i > verb.head.i):
        return False
    prep = next((c for c in verb.children if c.i < verb.i and c.lower_ in _TEMPORAL_PREPS and c.dep_ == "prep"), None)
    if prep is None:
        prep = next((g for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "npadvmod")
                     for g in c.children if g.lower_ in _TEMPORAL_PREPS and g.dep_ == "prep"), None)
    if prep is None:
        return False
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or noun.right_edge.i != verb.i - 1:
        return False
    noun.head, noun.dep_ = verb, "nsubj"
    prep.head, prep.dep_ = verb, "mark"
    verb.dep_ = "advcl"
    return True


def _repair_speaker_before_clause(doc: Doc, verb: Token, reporting: frozenset[str]) -> bool:
    """ "A strike ... killed a commander and two children, security sources said, a day after Israel vowed to
    retaliate": the parser coordinates "vowed" with "killed" and hangs "said" on "vowed", so the toll has no
    speaker. A verb coordinated with no "and", opened by "after"/"before"/"since"/"until", with a reporting verb
    between the two hung on it: the clause modifies the first verb, and the speaker's verb hangs on the first."""
    first = verb.head
    if verb.dep_ != "conj" or first.i > verb.i or any(c.dep_ == "cc" for c in verb.children) \
            or any(c.dep_ == "cc" and first.i < c.i < verb.i for c in first.children) \
            or not any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_PREPS for c in verb.children):
        return False
    said = next((c for c in verb.children if c.dep_ == "parataxis" and first.i < c.i < verb.i
                 and c.lemma_.lower() in reporting), None)
    if said is None:
        return False
    said.head = first
    verb.dep_ = "advcl"
    return True


_DAY_WORDS = frozenset({"today", "yesterday", "night", "morning", "evening", "afternoon"})  # (and the weekdays)


def _repair_speaker_as_appos(doc: Doc, said: Token, reporting: frozenset[str]) -> bool:
    """ "..., triggering hours of fighting that killed at least 30 people, a military officer and residents said":
    the parser reads the speakers as an apposition to the count, and "said" has no subject. A reporting verb with
    no subject right after an apposition between commas to a counted noun (a verb's object, or "including four
    children"): the apposition is who said it."""
    if said.lemma_.lower() not in reporting or said.i < 2:
        return False
    last = doc[said.i - 1]
    speaker = last if last.dep_ == "appos" else next((t for t in last.ancestors if t.dep_ == "appos"), None)
    if speaker is None or speaker.right_edge.i != said.i - 1 or speaker.pos_ not in ("NOUN", "PROPN") \
            or speaker.left_edge.i == 0 or doc[speaker.left_edge.i - 1].text != ",":
        return False
    count = speaker.head
    root = said.sent.root
    if root.i > said.i:
        return False
    report = next((c for c in said.children if c.dep_ == "ccomp" and c.i < count.i and c.pos_ == "VERB"), None)
    if count.dep_ == "nsubj" and count.head.i == said.i and report is not None \
            and not any(c.dep_ == "dobj" for c in report.children) and any(c.dep_ == "nummod" for c in count.children):
        # "Suspected Boko Haram militants killed at least 37 farmers ..., a local official and residents said": the
        # parser also made the count the speakers' subject
        count.head, count.dep_ = report, "dobj"
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in said.children):
        return False
    # (or to the day it happened: "... in an ambush ... on Monday, a military source and a local official said")
    if count.dep_ not in ("dobj", "nsubjpass", "pobj") or not (any(c.dep_ == "nummod" for c in count.children)
                                                                or count.lower_ in _DAY_WORDS | weekday_names()):
        return False
    if root.i != said.i:
        _reroot(said, root, after=said.i)
    speaker.head, speaker.dep_ = said, "nsubj"
    return True


_HEDGING_PARTICIPLES = frozenset({"suspect", "believe", "think", "say", "report", "allege", "know", "reckon"})


def _repair_suspected_to_be(doc: Doc, hedge: Token) -> bool:
    """ "Gunmen suspected to be herders attacked three villages", "soldiers and foreign fighters believed to be
    Russian mercenaries killed around 500 people": the parser makes the hedging participle the clause's verb and
    hangs the real verb on it (or on the noun after "to be"). A past form with an object after "X suspected /
    believed to be Y", with no subject of its own, is the clause's verb; the participle modifies X."""
    if hedge.tag_ not in ("VBN", "VBD") or hedge.lemma_.lower() not in _HEDGING_PARTICIPLES \
            or any(c.dep_ in ("dobj", "aux", "auxpass") for c in hedge.children):
        return False  # (the tagger may call it a past tense; "were believed to be" is a clause of its own)
    subj = next((c for c in hedge.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < hedge.i), None)
    be = next((c for c in hedge.children if c.dep_ == "xcomp" and c.lemma_ == "be"
               and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
    if subj is None or be is None:
        return False
    attr = max((c.i for c in be.children if c.dep_ == "attr"), default=be.i)
    after = [t for t in doc[attr + 1:hedge.sent.end] if t.tag_ in ("VBD", "VBN") and (
        (t.head.i == hedge.i and t.dep_ in ("ccomp", "conj", "dep")) or (t.dep_ == "acl" and t.head.dep_ == "attr"
                                                                       and t.head.head.i == be.i))]
    verb = after[0] if after else None
    if verb is None or not any(c.dep_ == "dobj" for c in verb.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    verb.head = verb if hedge.dep_ == "ROOT" else hedge.head
    verb.dep_ = hedge.dep_
    for c in list(hedge.children):
        if c.i > verb.i:
            c.head = verb  # (what follows the real verb: "..., police said", the full stop)
    subj.head, subj.dep_ = verb, "nsubj"
    hedge.head, hedge.dep_ = subj, "acl"
    return True


def _repair_count_as_speaker(doc: Doc, said: Token, reporting: frozenset[str]) -> bool:
    """ "An airstrike killed at least 40 people, including children, residents and a resistance group said
    Wednesday": the parser makes "40 people" the subject of "said" and the speakers part of the "including"
    list. A counted noun right after a reported verb that has no object is that verb's object; the first
    noun after a comma in its "including" list ("..., including four children, a local resistance group and a
    witness said") is who said it."""
    if said.lemma_.lower() not in reporting:
        return False
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    verb = next((c for c in said.children if c.dep_ == "ccomp" and c.i < (subj.i if subj is not None else -1)), None)
    if subj is None or verb is None or subj.i < verb.i or subj.left_edge.i == 0:
        return False
    # the verb right before the count: the reported verb, or a participle of its clause ("carried out air
    # strikes on a village ..., killing at least 30 civilians including children, residents ... said")
    before = doc[subj.left_edge.i - 1]
    if before.i != verb.i and not (before.pos_ == "VERB" and before.tag_ == "VBG" and verb.is_ancestor(before)):
        return False
    verb = before
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) or not any(c.dep_ == "nummod" for c in subj.children):
        return False
    subj.head = verb
    subj.dep_ = "dobj"
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "including"):
        for item in prep.subtree:
            if item.dep_ in ("conj", "appos") and item.left_edge.i > 0 and doc[item.left_edge.i - 1].text == "," \
                    and item.pos_ in ("NOUN", "PROPN"):
                item.head = said
                item.dep_ = "nsubj"
                break
    return True


def _repair_gapped_passive(doc: Doc, said: Token, reporting: frozenset[str]) -> bool:
    """ "Three people were killed and dozens of houses set on fire when mobs clashed ..., police said": the
    parser makes "dozens of houses" a second subject of "said" and "set" a participle modifying it. A
    reporting verb with two subjects, the first carrying a participle, coordinated with an earlier
    passive: the participle is a passive with its auxiliary left out, coordinated with that verb."""
    if said.lemma_.lower() not in reporting:
        return False
    subjects = sorted((c for c in said.children if c.dep_ == "nsubj"), key=lambda c: c.i)
    if len(subjects) < 2 or said.dep_ != "conj" or said.head.i > subjects[0].i:
        return False
    first, passive = subjects[0], said.head
    if not any(c.dep_ == "auxpass" for c in passive.children):
        return False
    part = next((c for c in first.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if part is None:
        return False
    _second_passive(part, passive, first)
    return True


def _second_passive(part: Token, verb: Token, subject: Token) -> None:
    """Make a participle a passive coordinated with ``verb`` whose subject is the noun it modified."""
    part.head = verb
    part.dep_ = "conj"
    subject.head = part
    subject.dep_ = "nsubjpass"


def _repair_participle_after_speaker(doc: Doc, said: Token, reporting: frozenset[str],
                                     statement: frozenset[str]) -> bool:
    """ "M23 rebels captured the town ..., residents said, extending their advance after seizing Goma": the parser
    hangs the participle on "said", so the speakers would extend the advance. A participle after a reporting verb
    whose report comes before it (the reported clause a ``ccomp`` to its left) goes on with the reported clause
    ("..., police said, adding that ..." keeps its speaker: a participle that reports or states stays)."""
    if said.lemma_.lower() not in reporting:
        return False
    report = next((c for c in said.children if c.dep_ == "ccomp" and c.i < said.i and c.pos_ in ("VERB", "AUX")), None)
    if report is None:
        return False
    moved = False
    for part in [c for c in said.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > said.i]:
        if part.lemma_.lower() in reporting or part.lemma_.lower() in statement:
            continue
        part.head = report
        moved = True
    return moved


def _repair_gapped_conjunct(doc: Doc, noun: Token) -> bool:
    """ "At least 30 people were killed and dozens injured in clashes ...": the parser coordinates the noun
    "dozens" with the passive "killed" and makes "injured" a participle modifying it, so "in clashes" hangs
    from a modifier. A noun coordinated with a passive verb and carrying a participle after it is the subject
    of a second passive with its auxiliary left out: the participle is coordinated with the verb instead."""
    verb = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "NUM", "PRON") or verb.pos_ != "VERB" or verb.i > noun.i:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    part = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i), None)
    if part is None:
        return False
    _second_passive(part, verb, noun)
    return True


_TENSED_AUX = frozenset({"had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "might", "may"})


def _repair_statement_conj(doc: Doc, verb: Token, reporting: frozenset[str], statement: frozenset[str]) -> bool:
    """ "Ruto said that the protests had been hijacked and vowed to crush further unrest": the parser
    coordinates "vowed" with the reported verb, so the protests would vow. A past-tense statement verb
    with no subject, coordinated with a reported clause of another tense that has a subject of its own,
    and with content of its own ("to crush", "that ..."), is the speaker's second act: it is coordinated
    with the reporting verb. So is any past verb with an object after a quotation in the present ("said the attack
    "closes a door to peace" and suspended talks with the group")."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD":
        return False
    kids = list(verb.children)
    reported = verb.head
    # (any act in the past after a quotation in the present: "said the attack "closes a door to peace" and
    # suspended talks with the group")
    quoted = reported.tag_ in ("VBZ", "VBP") and any(c.dep_ == "dobj" for c in kids) and any(
        t.text in ('"', "”") for t in doc[reported.i:verb.i])
    if verb.lemma_.lower() not in statement and not quoted:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) \
            or not (quoted or any(c.dep_ in ("xcomp", "ccomp") for c in kids)):
        return False
    said = reported.head
    if reported.dep_ != "ccomp" or said.lemma_.lower() not in reporting or said.tag_ != "VBD" \
            or not any(c.dep_ == "nsubj" for c in said.children):
        return False
    rkids = list(reported.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in rkids):
        return False
    if reported.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _TENSED_AUX for c in rkids):
        return False  # "said the rebels attacked and threatened to return": one tense, one clause
    for c in rkids:
        if c.dep_ == "cc" and c.i < verb.i and not any(c.i < k.i < verb.i for k in rkids if k.dep_ == "conj"):
            c.head = said
    verb.head = said
    return True


def _repair_adjective_subject(doc: Doc, adj: Token) -> bool:
    """ "Sudan's paramilitary Rapid Support Forces shelled a camp": the parser makes "paramilitary" (with
    "Sudan's") one subject of "shelled" and "Forces" another. An adjective subject right before the words of
    another subject of its verb modifies that subject, and its possessor and determiner are that subject's."""
    if adj.tag_ != "JJ" or adj.dep_ != "nsubj":
        return False
    verb = adj.head
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > adj.i), None)
    if noun is None:
        # "... when Sudan's paramilitary Rapid Support Forces shelled": the name hangs on the adjective as its
        # apposition
        noun = next((c for c in adj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > adj.i), None)
        if noun is not None and noun.left_edge.i == adj.i + 1:
            noun.head, noun.dep_ = verb, "nsubj"
    if noun is None or noun.left_edge.i != adj.i + 1 or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in list(adj.children):
        if c.dep_ in ("poss", "det") and c.i < adj.i:
            c.head = noun
    adj.head = noun
    adj.dep_ = "amod"
    return True


_LOCATIVE_ADJECTIVES = frozenset({"outside", "inside"})


def _repair_locative_adjective(doc: Doc, adj: Token, sites: frozenset[str]) -> bool:
    """ "Hundreds of people protested outside parliament": the parser makes "outside" an adjective of
    "parliament" and "parliament" the verb's object (who was protested); a locative word opening the object
    of a verb, where that object is a site or a place ("outside parliament", "inside the court compound" is
    left: a determiner comes first), is a preposition on the verb, the site its object. "faced outside
    pressure" stays (no site)."""
    if adj.lower_ not in _LOCATIVE_ADJECTIVES or adj.dep_ != "amod" or adj.tag_ != "JJ":
        return False
    noun = adj.head
    if noun.dep_ != "dobj" or noun.left_edge.i != adj.i or noun.i <= adj.i or noun.head.pos_ != "VERB":
        return False
    if noun.lemma_.lower() not in sites and noun.ent_type_ not in ("GPE", "FAC", "LOC"):
        return False
    verb = noun.head
    adj.head, adj.dep_, adj.tag_, adj.pos_ = verb, "prep", "IN", "ADP"
    noun.head, noun.dep_ = adj, "pobj"
    return True


def _repair_count_on_name(doc: Doc, num: Token) -> bool:
    """ "Five New People's Army (NPA) guerrillas were killed": the parser hangs the count on the name that
    modifies the plural noun ("Army", an ``nmod`` of "guerrillas"), so the victims go uncounted. A number before
    a singular proper noun that modifies a plural common noun after it counts the plural noun."""
    name = num.head
    noun = name.head
    if num.dep_ != "nummod" or num.i > name.i or name.tag_ != "NNP" or name.dep_ not in ("nmod", "compound") \
            or noun.tag_ != "NNS" or noun.i < name.i or not noun.is_lower:
        return False
    num.head = noun
    return True


def _repair_count_conj_of_verb(doc: Doc, num: Token) -> bool:
    """ "killing the municipal police chief of Coyuca de Benitez and three of his officers": the parser coordinates
    the partitive count with the verb, so the three go uncounted. A number coordinated with a verb that has an
    object before it, with an "of" phrase of its own, is coordinated with the object."""
    verb = num.head
    if num.dep_ != "conj" or num.pos_ != "NUM" or verb.pos_ != "VERB" \
            or not any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < num.i), None)
    if obj is None:
        return False
    num.head = obj
    return True


def _repair_of_after_date(doc: Doc, of: Token, day_words: frozenset[str]) -> bool:
    """ "condemned the kidnapping and assassination on 15 September of Eduardo Antonio Lopez Palencia": the parser
    hangs the "of" phrase on the date, so the victim is nobody's. An "of" phrase after the date of an "on"/"in"
    phrase that directly follows a noun belongs to that noun (to the first of coordinated nouns); not "in April of
    last year", not "on 15 September of 1989"."""
    date = of.head
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if of.lower_ != "of" or of.dep_ != "prep" or date.lower_ not in day_words or date.dep_ != "pobj" or obj is None \
            or obj.like_num or obj.lower_ in _date_units() or date.head.lower_ not in ("on", "in"):
        return False
    prep = date.head
    if prep.i == 0 or prep.i > date.i or of.i < date.i:
        return False
    noun = doc[prep.i - 1]
    if noun.pos_ != "NOUN":
        return False
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        noun = noun.head
    of.head = noun
    return True


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Month and weekday names (full, lower case) from the date vocabulary."""
    from strife.timeexpr import load_date_words, weekday_names

    return frozenset(k for k in load_date_words().months if len(k) >= 3) | weekday_names()


@lru_cache(maxsize=1)
def _date_units() -> frozenset[str]:
    """The date vocabulary's units ("year", "months", ...): "in April of last year" is no victim's "of"."""
    from strife.timeexpr import load_date_words

    return frozenset(load_date_words().units)


@lru_cache(maxsize=1)
def _lemma_repairs() -> dict[str, str]:
    """``lemma_repairs`` in factuality.json ("form lemma" pairs) as form -> lemma, read once."""
    return dict(p.split() for p in load_wordlists("factuality")["lemma_repairs"])


def _repair_lemmas(doc: Doc) -> None:
    """"retook" keeps "retook" as its lemma in the small model, "machinegunned" gets "machinegunne": give them
    "retake", "machinegun" (``_lemma_repairs``), so that the trigger lexicon finds them as it finds "retaken"."""
    repairs = _lemma_repairs()
    for t in doc:
        if t.lower_ in repairs and t.tag_.startswith("VB"):
            t.lemma_ = repairs[t.lower_]
            if t.tag_ not in ("VBD", "VBN") and not t.lower_.endswith(("ing", "s")):
                t.tag_ = "VBD"  # a past form (no gerund, no third person) the tagger took for a present ("retook" as VBP)


@Language.component("strife_parse_repair", assigns=["token.dep", "token.head", "token.lemma", "token.tag"], requires=["token.dep", "token.tag", "token.pos", "token.lemma"])
def parse_repair(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc
    words = load_wordlists("factuality")
    _repair_lemmas(doc)
    reporting = words["reporting_verbs"]
    deps = doc.to_array([DEP])  # the labels read once: most docs have few candidates, no Token per token
    strings = doc.vocab.strings
    for i in (deps == strings["acl"]).nonzero()[0].tolist():
        if not _repair_speakers_in_count(doc, doc[i], reporting):
            _repair_reduced_relative(doc, doc[i], reporting)
    for i in (deps == strings["xcomp"]).nonzero()[0].tolist():
        if doc[i].lemma_ == "be":
            _repair_suspected_to_be(doc, doc[i].head)
    for i in (deps == strings["nsubj"]).nonzero()[0].tolist():
        _repair_adjective_subject(doc, doc[i])
    for i in (deps == strings["nummod"]).nonzero()[0].tolist():
        _repair_count_on_name(doc, doc[i])
    sites = frozenset(words["site_nouns"]) | frozenset(words["facility_nouns"])
    for i in (deps == strings["amod"]).nonzero()[0].tolist():
        _repair_locative_adjective(doc, doc[i], sites)
    for i in (deps == strings["aux"]).nonzero()[0].tolist():
        if i and doc[i].tag_ == "VB":
            _repair_infinitive_as_aux(doc, doc[i])
    roots = (deps == strings["ROOT"]).nonzero()[0].tolist()
    for i in roots:
        _repair_headline_passive(doc, doc[i])
        _repair_noun_sentence(doc, doc[i])
    for i in roots:
        _repair_speaker_as_appos(doc, doc[i], reporting)
        _repair_speakers_in_count(doc, doc[i], reporting)
        _repair_count_as_speaker(doc, doc[i], reporting)
        _repair_participle_after_speaker(doc, doc[i], reporting, words["statement_verbs"])
    for i in (deps == strings["conj"]).nonzero()[0].tolist():
        if _repair_speaker_as_modifier(doc, doc[i], reporting):
            continue
        _repair_statement_conj(doc, doc[i], reporting, words["statement_verbs"])
        _repair_gapped_passive(doc, doc[i], reporting)
        _repair_gapped_conjunct(doc, doc[i])
        _repair_clause_after_prep(doc, doc[i])
        _repair_speaker_before_clause(doc, doc[i], reporting)
        _repair_count_conj_of_verb(doc, doc[i])
    for i in (deps == strings["advcl"]).nonzero()[0].tolist():
        _repair_clause_after_prep(doc, doc[i])
    prep_of = [i for i in (deps == strings["prep"]).nonzero()[0].tolist() if doc[i].lower_ == "of"]
    if prep_of:
        day_words = _day_words()
        for i in prep_of:
            _repair_of_after_date(doc, doc[i], day_words)
    doc._.token_table = None  # (read before the repairs that rewrote heads: the stages rebuild it)
    return doc
