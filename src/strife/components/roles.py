"""The learned role filler as a pipeline stage: perpetrators, targets and victims of violent events.

Component ``strife_roles`` runs after ``strife_events``. It reads the parse, ``doc.ents``,
``doc._.strife_actors``, ``doc._.strife_triggers`` and ``doc._.strife_events``, scores every candidate
noun phrase with the shipped role model (:mod:`strife.rolefill`), and writes
``doc._.strife_role_fills`` (a list of :class:`RoleFiller`, the document's confident fillers) and
``doc._.strife_role_gate`` (the document gate's probability that the article reports an attack with named
parties; below the model's threshold no filler is added). Each
filler is added to the violent event frame it belongs to (the frame with a mention in its sentence,
else the nearest one) as a role of that mention: perpetrators as ``actor``, targets and victims as
``recipient``, keeping the actor dictionary's reading of the phrase where it has one. Rule-based
roles stay; a filler the rules already put in the same role of the frame is not added twice.
"""


from dataclasses import dataclass, replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

import strife.doc_ext  # noqa: F401
from strife.lexicon import load_wordlists
from strife.components.actors import ActorMention, _modifier_country, fullest_name
from strife.components.events import _conjuncts
from strife.components.frames import EventFrame, EventMention, RoleFill
from strife.rolefill import score_doc
from strife.rolefill.model import RECORD_ROLE, RoleModel, decode, normalize

VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "FIGHT"})
# a rule-based role of a violent frame is dropped when the model, having picked a filler for that side
# (actor: perp_ind/perp_org, recipient: target/victim) in the document, scores the phrase below its own
# thresholds for every role of the side (named dictionary actors - states, organisations - always stay)
PRUNE_RULE_ROLES = True
# the frames pruned: attacks, what the model learned (MUC-4 incidents); an arrest or a curfew keeps the
# authority the parse names ("Kenyan police fired tear gas ... and arrested 23 people")
PRUNED_TYPES = frozenset({"ASSAULT", "FIGHT"})
# ... but the civilians and police the parse finds on the receiving end stay, whatever the model picked ("the
# government said 12 civilians had been killed", "killing four officers"): MUC-4 files no descriptions of
# civilians and few police, so the model never learned to pick them (traders, students, journalists ... too cost
# MUC-4 Target F1 0.323 -> 0.294; soldiers too cost 0.319 -> 0.315)
KEPT_RECIPIENT_SECTORS = frozenset({"CVL", "COP", "OPP"})
# ... and the police the parse finds acting on protesters ("Serbian police fired tear gas at thousands of
# protesters"): MUC-4's perpetrators are guerrillas and death squads, so the model never learned police as the
# side that acts (kept wherever police are the subject, MUC-4 PerpInd fell 0.259 -> 0.256)
KEPT_ACTOR_SECTORS = frozenset({"COP"})
# ... and a state's forces the parse finds acting on civilians ("Israeli troops shot dead two Palestinians"): a
# second incident in a story, which the model (one incident per MUC-4 document) gives to the first one's party
KEPT_STATE_ACTOR_SECTORS = frozenset({"MIL", "COP"})
# a word qualifying another noun: whose that thing is ("police" in "a police station"), not a party on its own
_ARMED_SECTORS = frozenset({"REB", "MILITIA", "CRM", "MIL", "COP"})
_OWNER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})

if not Doc.has_extension("strife_role_fills"):
    Doc.set_extension("strife_role_fills", default=None)
# the document gate's probability that the article reports an attack with named parties (None: not scored, the
# article has no violent event)
if not Doc.has_extension("strife_role_gate"):
    Doc.set_extension("strife_role_gate", default=None)


@dataclass
class RoleFiller:
    role: str           # perp_ind | perp_org | target | victim
    start_char: int
    end_char: int
    text: str
    prob: float
    head_i: int

    @property
    def record_role(self) -> str:
        return RECORD_ROLE[self.role]


def _mention_for(doc: Doc, f: RoleFiller, name_like: bool) -> ActorMention:
    """The actor mention a filler stands for: the resolver's reading of the phrase where it has one
    (canonical name, country, sector), with the filler's own text and span."""
    actors = [m for m in (doc._.strife_actors or []) if m.how != "pronoun"
              and m.start_char <= doc[f.head_i].idx < m.end_char]
    base = dict(start_char=f.start_char, end_char=f.end_char, text=f.text, head_i=f.head_i, how="model")
    a = min(actors, key=lambda m: m.end_char - m.start_char) if actors else None
    # ("A Palestinian man", "a Colombian plane": the country its modifiers name)
    country = a.country if a is not None else _modifier_country(doc[f.head_i])
    if f.role == "target":
        # a building or vehicle: not a party; the country of whoever it belongs to, where known
        return ActorMention(**base, name=f.text, country=country, kind="unknown", named=False)
    if a is not None:
        if f.role == "perp_org" and a.kind == "unknown":
            return replace(a, **base, kind="non_state")  # a group the dictionary does not know ("FMLN")
        return replace(a, **base)
    if f.role == "perp_org":
        return ActorMention(**base, name=f.text, country=country, kind="non_state", named=name_like)
    kind = "person" if name_like else "unknown"
    return ActorMention(**base, name=f.text, country=country, kind=kind, named=name_like)


_AREA_PRECISIONS = frozenset({"admin1", "region", "country"})


def _a_place(doc: Doc, tok_i: int) -> bool:
    """Is the phrase headed at ``tok_i`` a province, region or country the gazetteer resolved (a town may be
    what was hit: MUC-4 files "the town of X" as a physical target)?"""
    idx = doc[tok_i].idx
    return any(p.place is not None and p.place.precision in _AREA_PRECISIONS and p.start_char <= idx < p.end_char
               for p in doc._.strife_places or [])


def _person_names(doc: Doc) -> list[tuple[list[str], int, int, str]]:
    """The PERSON entities of ``doc``: (normalised words, start char, end char, text)."""
    return [(normalize(e.text).split(), e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]


def _fullest_name(persons: list[tuple[list[str], int, int, str]], key: str) -> Optional[tuple[int, int, str]]:
    """The PERSON entity that names the person ``key`` most fully in the document ("Velez" ->
    "Federico Estrada Velez"), as (start, end, text); a person filler is one entity, and its fullest name
    stands for it."""
    return fullest_name([(ws, (s, e, text)) for ws, s, e, text in persons], key.split())


def _opposed(doc: Doc, tok_i: int, violent_triggers: set[int]) -> bool:
    """Does the parse put the phrase headed at ``tok_i`` on the receiving side of a use of force: the object
    of "against", or the object of a violent event's verb ("the war against the FMLN", "attacked the FMLN")?"""
    tok = doc[tok_i]
    while tok.dep_ in ("appos", "conj", "compound") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "against":
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in violent_triggers


def _protested(doc: Doc, tok_i: int, frames: list[EventFrame]) -> bool:
    """Is the phrase headed at ``tok_i`` what a protest is against ("protesting against a quota system")?"""
    tok = doc[tok_i]
    return tok.dep_ == "pobj" and tok.head.lower_ == "against" and any(
        x.i == tok.head.head.i for fr in frames if fr.plover_type == "PROTEST" for x in fr.mentions)


def _speaker(doc: Doc, tok_i: int) -> bool:
    """Is the phrase headed at ``tok_i`` the subject of a reporting verb ("..., Governor X said")?"""
    tok = doc[tok_i]
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in load_wordlists("factuality")["reporting_verbs"]


def _inside_other_side(doc: Doc, tok_i: int, mention: EventMention, side: str, event_words: set[int]) -> bool:
    """Is the phrase headed at ``tok_i`` part of the phrase of a party the rules put on ``side`` of the mention
    (its subtree: "British mercenaries identified as John Owen, Dave Tomkins" holds the two names), not through an
    event word ("the ELN, which has staged attacks against oil installations": what the attacks hit)?"""
    tok = doc[tok_i]
    heads = {r.mention.head_i for r in mention.roles if r.role == side and r.mention.head_i != tok_i}
    for t in tok.ancestors:
        if t.i in event_words:
            return False
        if t.i in heads:
            return True
    return False


def _frame_for(frames: list[EventFrame], doc: Doc, tok_i: int) -> Optional[tuple[EventFrame, EventMention]]:
    """The violent frame mention in the filler's sentence nearest to it, else the nearest in the document (unless
    its sentence tells a running total the frames left out, or a protest the filler is a party of)."""
    sent = doc[tok_i].sent
    best = None
    for fr in frames:
        if fr.plover_type not in VIOLENT_TYPES:
            continue
        for m in fr.mentions:
            same = sent.start_char <= doc[m.i].idx < sent.end_char
            key = (0 if same else 1, abs(m.i - tok_i), m.i)
            if best is None or key < best[0]:
                best = (key, fr, m)
    if best is not None and best[0][0] == 1 and any(sent.start <= i < sent.end for i in doc._.strife_left_out or []):
        return None  # its sentence tells a running total ("has carried out a series of attacks on mosques ... since
        # the Taliban took power"): not the parties of an event told elsewhere
    if best is not None and best[0][0] == 1 and any(
            sent.start_char <= doc[m.i].idx < sent.end_char and any(r.mention.head_i == tok_i for r in m.roles)
            for fr in frames if fr.plover_type == "PROTEST" for m in fr.mentions):
        return None  # a party of the protest its own sentence tells ("Protesters blocked roads and burned tyres"),
        # not of a violent event told elsewhere
    return (best[1], best[2]) if best else None


def fill_roles(doc: Doc, model: Optional[RoleModel] = None) -> list[RoleFiller]:
    frames_: list[EventFrame] = doc._.strife_events or []
    if not any(fr.plover_type in VIOLENT_TYPES for fr in frames_):
        return []  # fillers only ever join violent frames: nothing to score
    model = model or RoleModel.load()
    cands, scored, gate = score_doc(doc, model)
    doc._.strife_role_gate = float(gate)
    if gate < model.gate_threshold:
        return []  # the document gate: no incident with perpetrators or targets reported here
    fills = decode(scored, model.roles, model.thresholds, model.max_per_role, model.caps)
    out: list[RoleFiller] = []
    frames: list[EventFrame] = doc._.strife_events or []
    if PRUNE_RULE_ROLES:
        # only for the sides where the model has picked a party itself: it then knows who attacked (or
        # was hit) here, and a rule-based role it would not pick is another party (MUC-4 train CV and
        # dev: perp+target up; RAMS/WikiEvents, whose short texts rarely reach the bar, keep their rules)
        _prune_rule_roles(doc, frames, cands, scored, model, {RECORD_ROLE[f.role] for f in fills})
    persons = _person_names(doc) if any(scored[f.index].name_like for f in fills) else []
    violent_triggers = {m.i for fr in frames if fr.plover_type in VIOLENT_TYPES for m in fr.mentions}
    event_words = {t.i for t in doc._.strife_triggers or []} | {
        i for fr in frames for m in fr.mentions for i in (m.i, m.light_verb) if i is not None}
    for fl in sorted(fills, key=lambda x: (scored[x.index].start, x.role)):
        c, s = cands[fl.index], scored[fl.index]
        start, end = c.char_span(doc)
        text = s.text
        if s.name_like:
            full = _fullest_name(persons, s.key)
            if full is not None:
                start, end, text = full
        rf = RoleFiller(fl.role, start, end, text, round(fl.prob, 4), c.head)
        out.append(rf)
        hit = _frame_for(frames, doc, c.head)
        if hit is None:
            continue
        frame, mention = hit
        a = _mention_for(doc, rf, s.name_like)
        role = rf.record_role
        if rf.role == "target" and _a_place(doc, c.head):
            continue  # "near a settlement in the occupied West Bank": where, not what was hit
        if role == "actor" and _opposed(doc, c.head, violent_triggers):
            continue  # "the war against the FMLN": the parse puts it on the receiving side
        if role == "recipient" and _protested(doc, c.head, frames):
            continue  # "students protesting against a quota system": what they protest, not what was hit
        if role == "recipient" and _speaker(doc, c.head):
            continue  # "Police arrested two suspects, Governor Diego Sinhue Rodriguez said": who told it
        if role == "actor" and _speaker(doc, c.head) and mention.i < doc[c.head].head.i \
                and doc[mention.i].sent.start == doc[c.head].sent.start:
            continue  # "An Israeli soldier was killed by gunfire during the operation, the military said": who told it
        if role == "recipient" and _inside_other_side(doc, c.head, mention, "actor", event_words):
            continue  # "mercenaries identified as John Owen, Dave Tomkins, ...": named in the attackers' phrase
        if any(r.role == role and (r.mention.name == a.name or (r.mention.start_char < end and start < r.mention.end_char))
               for m in frame.mentions for r in m.roles):
            continue  # the rules found it already
        if any(r.role != role and r.how != "model" and r.mention.name == a.name for m in frame.mentions for r in m.roles):
            continue  # the rules read that party on the other side ("opened fire on the FMLN"): not the model's guess
        mention.roles.append(RoleFill(role, a, "model"))
    return out


def _prune_rule_roles(doc: Doc, frames: list[EventFrame], cands, scored, model: RoleModel, sides: set[str]) -> None:
    by_head: dict[int, list[int]] = {}
    for k, c in enumerate(cands):
        by_head.setdefault(c.head, []).append(k)
    side = {rec: [j for j, r in enumerate(model.roles) if RECORD_ROLE[r] == rec] for rec in ("actor", "recipient")}
    bar = [model.thresholds.get(r, 1.0) for r in model.roles]
    protesting = {x.i for fr in frames if fr.plover_type == "PROTEST" for x in fr.mentions}
    facilities = load_wordlists("factuality")["facility_nouns"]
    for fr in frames:
        if fr.plover_type not in PRUNED_TYPES:
            continue
        for m in fr.mentions:
            kept = []
            for r in m.roles:
                span = doc.char_span(r.mention.start_char, r.mention.end_char, alignment_mode="expand")
                # (a party the dictionary names, or a description resolved to one in a claim of responsibility:
                # "claimed responsibility, saying its fighters had targeted the police" -> the TTP)
                named = (r.mention.named and r.mention.how in ("dictionary", "host")) or (
                    m.claimed and r.mention.how == "coref" and r.mention.kind in ("state", "non_state")) or (
                    r.role == "recipient" and r.mention.sector in KEPT_RECIPIENT_SECTORS  # "killed 12 civilians"
                    and not (r.mention.sector != "CVL" and span is not None and span.root.dep_ in _OWNER_DEPS)) or (
                    # a building the act's verb names as its object, where the act's dead are counted: "shelled the
                    # last functioning hospital in El Fasher ..., killing nine patients"
                    r.role == "recipient" and r.how == "dobj" and m.trigger.pos == "VERB" and m.tolls
                    and doc[r.mention.head_i].lemma_.lower() in facilities
                    and any(c.dep_ == "advcl" and c.tag_ == "VBG" for c in doc[r.mention.head_i].head.children)) or (
                    # an armed subject of the verb that counts the dead: "Separatist fighters killed four gendarmes"
                    r.role == "actor" and r.how == "nsubj" and m.tolls and r.mention.sector in _ARMED_SECTORS
                    and any(t.i == doc[r.mention.head_i].head.i and t.pos == "VERB" and "casualty" in t.flags
                            and any(c.dep_ == "dobj" for c in doc[t.i].children)
                            for t in (m.trigger, *m.folded))) or (
                    # who the text says is accused, arrested or charged for it, or behind it: "the soldiers accused
                    # of murdering the Jesuit priests", "Escobar and Rodriguez Gacha are behind this criminal attack"
                    r.role == "actor" and r.how in ("alleged", "responsible", "ordered")) or (
                    # a named person the act's passive verb was done to by a named doer: "Roberto Mena was captured
                    # by Atonal battalion troops" (both sides in one clause)
                    m.trigger.pos == "VERB" and _passive_with_agent(doc, m.trigger.i, r)) or (
                    # a counted object of the act: "overran a military outpost ..., killing five soldiers"
                    r.role == "recipient" and r.how in ("dobj", "nsubjpass") and span is not None
                    and any(c.dep_ == "nummod" for c in span.root.children)) or (
                    # "fired tear gas at thousands of students protesting against ...": protesters, whoever they are
                    r.role == "recipient" and any(c.dep_ == "acl" and c.i in protesting
                                                  for c in doc[r.mention.head_i].children)) or (
                    r.role == "actor" and r.mention.sector in KEPT_ACTOR_SECTORS and r.how in ("nsubj", "agent", "by")
                    and any(o.role == "recipient" and o.mention.sector == "OPP" for o in m.roles)) or (
                    r.role == "actor" and r.mention.kind == "state" and r.mention.sector in KEPT_STATE_ACTOR_SECTORS
                    and r.how in ("nsubj", "agent", "by")
                    and any(o.role == "recipient" and o.mention.sector == "CVL" for o in m.roles)) or (
                    # a group the text names, though the dictionary lacks it ("Members of the Gran Grif gang killed")
                    r.role == "actor" and r.how in ("nsubj", "agent", "by", "light_verb") and r.mention.sector in _ARMED_SECTORS
                    and span is not None and any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP")
                                                 for t in span if t.i != span.root.i))
                # (but "police" in "a police station" is whose the station is: the model's "a police station" stays)
                ks = by_head.get(span.root.i, []) if (span is not None and r.how != "model" and not named
                                                      and r.role in sides) else None
                if ks:
                    if any(float(scored[k].proba[j]) >= bar[j] for k in ks for j in side[r.role]):
                        kept.append(r)
                    continue
                kept.append(r)
            m.roles = _with_conjuncts(doc, m.roles, kept)


def _with_conjuncts(doc: Doc, roles: list, kept: list) -> list:
    """``kept`` with the pruned roles coordinated with a kept one of the same role: where the model keeps
    "transformers" in "sabotaged pylons and transformers", the pylons stay too ("The two Italians, together with
    Spaniard Francisco Puja, were taken hostage": the Spaniard too)."""
    if len(kept) == len(roles):
        return kept
    ids = {id(r) for r in kept}
    heads = {(r.role, r.mention.head_i) for r in kept if r.mention.head_i >= 0}
    linked = {(role, c.i) for role, h in heads for c in _conjuncts(doc[h])} | {
        (role, c.i) for role, h in heads for c in doc[h].conjuncts}
    return [r for r in roles if id(r) in ids or (r.role, r.mention.head_i) in linked]


@Language.factory(
    "strife_roles",
    assigns=["doc._.strife_role_fills", "doc._.strife_role_gate", "doc._.strife_events"],
    requires=["doc.ents", "token.dep", "token.lemma", "doc._.strife_actors", "doc._.strife_triggers", "doc._.strife_events"],
)
def make_roles(nlp: Language, name: str) -> "RoleComponent":
    return RoleComponent()


class RoleComponent:
    def __init__(self, model: Optional[RoleModel] = None):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.strife_role_fills = fill_roles(doc, self.model)
        return doc


def _passive_with_agent(doc: Doc, verb_i: int, r) -> bool:
    """Is ``r`` the person subject of the passive verb at ``verb_i`` (with its "by" phrase), or that "by"
    phrase where the subject is a person?"""
    verb = doc[verb_i]
    subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subj or not agents or subj[0].ent_type_ != "PERSON":
        return False
    return (r.role == "recipient" and r.how == "nsubjpass" and r.mention.kind == "person") or (
        r.role == "actor" and r.how == "agent")
