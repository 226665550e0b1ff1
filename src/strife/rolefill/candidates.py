"""Candidate role-filler mentions of a parsed document: noun phrases, entities and actor mentions,
each in a few span variants (the scorer and the gold data disagree about where a phrase ends).

A :class:`Candidate` is a token span ``[start, end)`` of the doc with its head token and the ways
it was found (``variants``). The same span found twice is one candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from strife.doc_ext import TokenTable, doc_text, token_table
from spacy.tokens import Doc, Token

# left dependents that may be dropped from the front of a phrase ("two", "some", "the", "his")
_QUANT_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case"})
_LEFT_KEEP = frozenset({"amod", "compound", "nmod", "nummod", "det", "predet", "quantmod", "poss", "case", "npadvmod",
                        "advmod", "punct", "nn", "prep", "pobj", "cc", "conj"})
_NOUNISH = frozenset({"NOUN", "PROPN"})
_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "ACTOR", "PRODUCT", "LOC"})
MAX_TOKENS = 14


@dataclass
class Candidate:
    start: int            # token index
    end: int              # token index, exclusive
    head: int             # token index of the head
    variants: set[str] = field(default_factory=set)  # how it was found: np, bare, core, of, rel, ent, actor

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)


def _trim(toks: list[Token], start: int, end: int) -> tuple[int, int]:
    """No punctuation, quotes or conjunctions at either edge (``toks``: the doc's tokens, made once)."""
    while start < end and (toks[start].is_punct or toks[start].dep_ == "cc" or toks[start].is_space):
        start += 1
    while end > start and (toks[end - 1].is_punct or toks[end - 1].dep_ == "cc" or toks[end - 1].is_space):
        end -= 1
    return start, end


def _trim_at(tt: TokenTable, start: int, end: int) -> tuple[int, int]:
    """`_trim`, read from the doc's token table."""
    punct, dep, space = tt.is_punct, tt.dep, tt.is_space
    while start < end and (punct[start] or dep[start] == "cc" or space[start]):
        start += 1
    while end > start and (punct[end - 1] or dep[end - 1] == "cc" or space[end - 1]):
        end -= 1
    return start, end


def _left_edge(tok: Token) -> int:
    """The first token of the phrase ``tok`` heads, without its own conjuncts' material."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in _LEFT_KEEP and c.dep_ not in ("cc", "conj", "prep"):
            left = min(left, c.left_edge.i)
    return left


def _right_compound_edge(tok: Token) -> int:
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "nummod", "case", "flat"):
            right = max(right, c.right_edge.i)
        else:
            break
    return right


def noun_heads(doc: Doc) -> list[Token]:
    """Tokens that head a noun phrase: nouns and proper nouns that are not compound modifiers."""
    return [t for t in doc if t.pos_ in _NOUNISH and t.dep_ not in ("compound", "flat")]


def candidates(doc: Doc, toks: Optional[list[Token]] = None) -> list[Candidate]:
    """Every candidate span of ``doc`` (sorted by position), with its variants. ``toks``: ``list(doc)``
    if the caller has it (spaCy makes a new Token object on every ``doc[i]``: only the noun heads'
    are made here otherwise; the other tokens are read from the doc's token table)."""
    found: dict[tuple[int, int], Candidate] = {}
    tt = token_table(doc)
    text = doc_text(doc)
    idx, words, dep, head, punct = tt.idx, tt.text, tt.dep, tt.head, tt.is_punct

    def add(start: int, end: int, head_i: int, how: str) -> None:
        start, end = _trim_at(tt, start, end)
        if end <= start or end - start > MAX_TOKENS or not (start <= head_i < end):
            return
        if "\n" in text[idx[start]:idx[end - 1] + len(words[end - 1])]:
            return
        c = found.get((start, end))
        if c is None:
            c = found[(start, end)] = Candidate(start, end, head_i)
        c.variants.add(how)

    for i in range(tt.n):  # noun_heads
        if tt.pos[i] not in _NOUNISH or dep[i] in ("compound", "flat"):
            continue
        tok = toks[i] if toks is not None else doc[i]
        left = _left_edge(tok)
        right = _right_compound_edge(tok) + 1
        add(left, right, i, "np")
        # without leading determiners, numbers and possessors ("two unidentified men" -> "unidentified men")
        bare = left
        while bare < i and (dep[bare] in _QUANT_DEPS or punct[bare]
                            or (dep[head[bare]] in _QUANT_DEPS and head[bare] < i)):
            bare += 1
        if bare != left:
            add(bare, right, i, "bare")
        # compounds only ("armed forces" of "the Salvadoran armed forces" stays; adjectives dropped)
        core = i
        while core > left and dep[core - 1] in ("compound", "flat") and head[core - 1] in (i, core):
            core -= 1
        if core not in (left, bare):
            add(core, right, i, "core")
        # with an "of" phrase ("residence of Arthur McNamara", "members of the FMLN")
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "in") and c.i == right:
                add(left, c.right_edge.i + 1, i, "of" if c.lower_ == "of" else "pp")
                if bare != left:
                    add(bare, c.right_edge.i + 1, i, "of" if c.lower_ == "of" else "pp")
            if c.dep_ in ("relcl", "acl") and c.i == right or (c.dep_ in ("relcl", "acl") and c.i == right + 1):
                add(left, c.right_edge.i + 1, i, "rel")
            if c.dep_ == "appos" and c.i == right + 1 and punct[right] is False:
                add(left, c.right_edge.i + 1, i, "appos")
    for ent in doc.ents:
        if ent.label_ in _ENT_LABELS:
            add(ent.start, ent.end, ent.root.i, "ent")
    for m in doc._.strife_actors or []:
        if m.how == "pronoun":
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is not None:
            add(span.start, span.end, span.root.i, "actor")
    return sorted(found.values(), key=lambda c: (c.start, c.end))
