"""Claims of responsibility: the claimant of an attack is its actor.

"A car bomb exploded near a market in Mogadishu on Saturday, killing 12 people. Al-Shabaab claimed
responsibility." ACLED and UCDP code the group that claimed an attack as its perpetrator; the sentence that
says so names no act of its own, so the event stage makes no mention of it. After the article's mentions are
merged into frames, :func:`attach_claimants` finds each claim (a ``claim_verbs`` verb with "responsibility"
or "credit" as its object, not negated), takes the claimant its subject names (a group or state the actor
stage recognised, or a pronoun resolved to one) and adds it as an actor, ``how="claimed"``, of the frame
claimed: the event its "for" phrase names ("claimed responsibility for the bombing"), else the article's
attack told last before the claim. A frame that has the claimant already is left as it is.

It runs after merging on purpose: an anaphoric "the attack" given an actor of its own would no longer
merge into the lead it restates (measured: WikiEvents attacker 0.440 -> 0.383 when the claimant was put
on the noun's mention).
"""

from typing import Optional

from spacy.tokens import Doc, Token

from strife.components.actors import ActorMention, actor_for_token
from strife.components.frames import EventFrame, RoleFill
from strife.factuality import claim_disowned, is_responsibility_claim

# the events a claim of responsibility is about when it names none ("Al-Shabaab claimed responsibility")
CLAIMED_TYPES = frozenset({"ASSAULT"})
_CLAIMANT_KINDS = frozenset({"non_state", "state"})


def _claimant(doc: Doc, verb: Token) -> Optional[ActorMention]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    a = actor_for_token(doc, subj, modifiers=False)
    if a is None or a.sector == "CVL" or (a.kind not in _CLAIMANT_KINDS
                                          and not (a.kind == "unknown" and a.how == "ner")):
        return None  # (an organisation NER names that claims an attack is a party: "The Cinchonero Popular Liberation
        # Movement claimed responsibility")
    if not a.named and a.how not in ("coref", "pronoun"):
        return None  # "the militants claimed responsibility": no one the text names
    return a


def _claimed_frame(verb: Token, frames: list[EventFrame]) -> Optional[EventFrame]:
    by_tok = {i: f for f in frames for m in f.mentions for i in m.tokens}

    def named_for(host: Token) -> Optional[EventFrame]:
        # (an act told by a verb is the preposition's pcomp: "for detonating a bomb")
        for prep in (c for c in host.children if c.dep_ == "prep" and c.lower_ == "for"):
            for obj in (g for g in prep.children if g.dep_ in ("pobj", "pcomp")):
                if obj.i in by_tok:
                    return by_tok[obj.i]
        return None

    f = named_for(verb)
    if f is not None:
        return f if f.plover_type in CLAIMED_TYPES else None
    before = [(max(m.i for m in f.mentions if m.i < verb.i), k) for k, f in enumerate(frames)
              if f.plover_type in CLAIMED_TYPES and any(m.i < verb.i for m in f.mentions)]
    if before:
        return frames[max(before)[1]]
    # the parser may hang "for" on "responsibility": with no attack told before, the one it names ("Al Shabaab
    # claimed responsibility for the bombing of the telephone company offices on Monday")
    f = next((f for f in map(named_for, (c for c in verb.children if c.dep_ == "dobj")) if f is not None), None)
    return f if f is not None and f.plover_type in CLAIMED_TYPES else None


def attach_claimants(doc: Doc, frames: list[EventFrame]) -> None:
    """Adds each claim of responsibility's claimant as an actor of the frame it claims (module docstring)."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or not is_responsibility_claim(tok) or claim_disowned(tok):
            continue
        claimant = _claimant(doc, tok)
        frame = _claimed_frame(tok, frames) if claimant is not None else None
        if frame is None or not frame.mentions:
            continue
        if any(r.mention.name == claimant.name for m in frame.mentions for r in m.roles):
            continue
        first = min(frame.mentions, key=lambda m: m.i)
        first.roles.append(RoleFill("actor", claimant, "claimed"))
