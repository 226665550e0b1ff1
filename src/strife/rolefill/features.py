"""Features of a candidate role filler, read from the parse and the earlier strife stages.

Each candidate gets a list of string features (binary indicators): the head word and its
governor ("killed by X", "X attacked", "X was kidnapped", "against X"), entity label,
actor-dictionary reading (sector, kind, how it was found), the rule-based role the events stage
gave it, distance to the nearest violent trigger, position in the document, span shape and
capitalisation. The model (:mod:`strife.rolefill.model`) maps them to role scores.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from strife.rolefill.candidates import Candidate

VIOLENT = frozenset({"ASSAULT", "COERCE", "FIGHT"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    from strife.lexicon import load_wordlists

    return load_wordlists("factuality")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _governor(tok: Token) -> list[str]:
    """The syntactic context of a phrase head, as a few path strings."""
    out: list[str] = []
    cur = tok
    # a conjunct or apposition takes the context of the phrase it joins
    hops = 0
    while cur.dep_ in ("conj", "appos") and cur.head is not cur and hops < 3:
        cur = cur.head
        hops += 1
    if hops:
        out.append("coord")
    dep = cur.dep_
    gov = cur.head
    out.append(f"dep={dep}")
    if dep == "pobj":
        prep = gov
        out.append(f"prep={prep.lower_}")
        g2 = prep.head
        if prep.dep_ == "agent":
            out.append(f"agent_of={g2.lemma_.lower()}")
            out.append("agent")
        out.append(f"prep={prep.lower_}|gov={g2.lemma_.lower()}")
        out.append(f"prep={prep.lower_}|govpos={g2.pos_}")
        if g2.dep_ == "pobj":
            out.append(f"prep2={g2.head.lower_}|{prep.lower_}")
    elif dep in ("nsubj", "nsubjpass", "dobj", "attr", "dative", "poss", "compound", "npadvmod", "appos", "ROOT"):
        out.append(f"{dep}|gov={gov.lemma_.lower()}")
        if dep == "poss":
            out.append(f"poss_of={gov.lemma_.lower()}")
        if dep == "nsubj":
            if any(c.dep_ == "auxpass" for c in gov.children):
                out.append("nsubj_passive")
            xc = [c for c in gov.children if c.dep_ in ("xcomp", "ccomp")]
            for c in xc[:1]:
                out.append(f"nsubj|gov={gov.lemma_.lower()}|comp={c.lemma_.lower()}")
    else:
        out.append(f"{dep}|gov={gov.lemma_.lower()}")
    return out


class DocFeatures:
    """Per-document context the candidate features need, computed once."""

    def __init__(self, doc: Doc, toks: Optional[list[Token]] = None):
        self.doc = doc
        self.n = len(doc)
        self.toks = toks if toks is not None else list(doc)  # spaCy makes a new Token on every doc[i]
        trig = [t for t in (doc._.strife_triggers or [])]
        self.violent = sorted(t.i for t in trig if t.plover_type in VIOLENT)
        self.trig_by_i = {t.i: t for t in trig}
        self.sent_of: dict[int, int] = {}
        self.sent_start: list[int] = []
        for si, s in enumerate(doc.sents):
            self.sent_start.append(s.start)
        self.n_sents = len(self.sent_start)
        # rule roles from the events stage: token index -> [(role, how, type)]
        self.rule_roles: dict[int, list[tuple[str, str, str]]] = {}
        for f in doc._.strife_events or []:
            for m in f.mentions:
                for r in m.roles:
                    a = r.mention
                    span = doc.char_span(a.start_char, a.end_char, alignment_mode="expand")
                    if span is None:
                        continue
                    for t in span:
                        self.rule_roles.setdefault(t.i, []).append((r.role, r.how, f.plover_type))
        self.actors = sorted(doc._.strife_actors or [], key=lambda m: m.start_char)
        self.head_counts = Counter(t.lemma_.lower() for t in self.toks if t.pos_ in ("NOUN", "PROPN"))
        self.ent_at = {(e.start, e.end): e.label_ for e in doc.ents}
        self.sent_bounds = {}
        for s in doc.sents:
            bounds = (s.start, s.end)
            for i in range(s.start, s.end):
                self.sent_bounds[i] = bounds
        # document-level: is this an attack report at all, and how early does it say so
        sent_idx = [self.sentence_index(i) for i in self.violent]
        self.doc_feats = [f"doc_viol={_bucket(len(self.violent), (0, 1, 2, 4, 8))}",
                          f"first_viol_sent={_bucket(min(sent_idx), (0, 1, 3)) if sent_idx else 'none'}"]
        self.first_seen: set[str] = set()

    def sentence_index(self, i: int) -> int:
        return max(0, bisect_left(self.sent_start, i + 1) - 1)

    def nearest_violent(self, i: int) -> int:
        if not self.violent:
            return 10**6
        k = bisect_left(self.violent, i)
        best = 10**6
        for j in (k - 1, k):
            if 0 <= j < len(self.violent):
                best = min(best, abs(self.violent[j] - i))
        return best

    def char_span(self, c: Candidate) -> tuple[int, int]:
        last = self.toks[c.end - 1]
        return self.toks[c.start].idx, last.idx + len(last.text)

    def actor_at(self, start_char: int, end_char: int):
        hits = [m for m in self.actors if m.start_char < end_char and start_char < m.end_char and m.how != "pronoun"]
        return min(hits, key=lambda m: (abs(m.end_char - end_char) + abs(m.start_char - start_char))) if hits else None


def candidate_features(df: DocFeatures, c: Candidate) -> list[str]:
    head = df.toks[c.head]
    span = df.toks[c.start:c.end]  # the candidate's tokens
    lex = _lexicon()
    f: list[str] = ["bias"]
    lemma = head.lemma_.lower()
    f.append(f"head={lemma}")
    f.append(f"headpos={head.pos_}")
    f.append(f"headtag={head.tag_}")
    for v in sorted(c.variants):
        f.append(f"var={v}")
    n_tok = c.end - c.start
    f.append(f"len={_bucket(n_tok, (1, 2, 3, 5, 8))}")
    first = df.toks[c.start]
    f.append(f"first={first.lower_}" if first.dep_ in ("det", "predet", "nummod", "quantmod", "poss") else f"firstdep={first.dep_}")
    f.append(f"firstpos={first.pos_}")
    f.append(f"last_is_head={c.end - 1 == c.head}")
    for t in span:
        if t.i < c.head and t.dep_ in ("amod", "compound") and t.pos_ != "PROPN":
            f.append(f"mod={t.lemma_.lower()}")
            f.append(f"mod={t.lemma_.lower()}|head={lemma}")
    if any(t.lower_ == "of" for t in span):
        f.append("has_of")
    if any(t.dep_ in ("relcl", "acl") for t in span):
        f.append("has_clause")
    props = sum(t.pos_ == "PROPN" for t in span)
    f.append("all_propn" if props == n_tok else ("some_propn" if props else "no_propn"))
    if head.text.isupper() and len(head.text) > 1:
        f.append("head_acronym")
    elif head.text[:1].isupper() and head.i != df.sent_bounds[head.i][0]:
        f.append("head_title")
    f.append(f"ent={head.ent_type_ or '-'}")
    label = df.ent_at.get((c.start, c.end))
    if label:
        f.append(f"is_ent={label}")
    # actor dictionary / resolver
    s, e = df.char_span(c)
    a = df.actor_at(s, e)
    if a is not None:
        exact = a.start_char == s and a.end_char == e
        f.append(f"actor_how={a.how}")
        f.append(f"actor_kind={a.kind}")
        f.append(f"actor_sector={a.sector or '-'}")
        f.append(f"actor_exact={exact}")
        f.append(f"actor_how={a.how}|exact={exact}")
    else:
        f.append("no_actor")
    if lemma in lex["facility_nouns"] or head.lower_ in lex["facility_nouns"]:
        f.append("facility_noun")
    # syntax
    for g in _governor(head):
        f.append(g)
    gov = head
    while gov.dep_ in ("conj", "appos") and gov.head is not gov:
        gov = gov.head
    gi = gov.head.i if gov.dep_ != "pobj" else gov.head.head.i
    t = df.trig_by_i.get(gi)
    if t is not None:
        f.append(f"gov_trigger={t.plover_type}")
        f.append(f"gov_trigger={t.plover_type}|dep={gov.dep_}")
        if gov.dep_ == "pobj":
            f.append(f"gov_trigger={t.plover_type}|prep={gov.head.lower_}")
    if head.i in df.trig_by_i:
        f.append(f"self_trigger={df.trig_by_i[head.i].plover_type}")
    # rule-based roles
    roles = df.rule_roles.get(c.head, [])
    for role, how, ptype in roles[:3]:
        v = "violent" if ptype in VIOLENT else "other"
        f.append(f"rule={role}|{v}")
        f.append(f"rule={role}|{how}|{v}")
    if not roles:
        f.append("rule=none")
    # proximity to violent triggers
    d = df.nearest_violent(c.head)
    f.append(f"viol_dist={_bucket(d, (0, 3, 6, 12, 25, 60))}")
    si = df.sentence_index(c.head)
    s0, s1 = df.sent_bounds[c.head]
    viol_in_sent = any(s0 <= i < s1 for i in df.violent[bisect_left(df.violent, s0):][:1])
    f.append(f"viol_in_sent={viol_in_sent}")
    f.extend(df.doc_feats)
    f.append(f"{df.doc_feats[0]}|viol_in_sent={viol_in_sent}")
    key = " ".join(t.lower_ for t in span)
    f.append(f"first_mention={key not in df.first_seen}")
    df.first_seen.add(key)
    f.append(f"sent={_bucket(si, (0, 1, 2, 4, 8))}")
    f.append(f"relpos={min(4, int(5 * c.head / max(1, df.n)))}")
    cnt = df.head_counts.get(lemma, 0)
    f.append(f"count={_bucket(cnt, (1, 2, 4))}")
    return f


def gate_features(doc: Doc, toks: Optional[list[Token]] = None) -> list[str]:
    """Document-level features of the gate (is this article about a violent incident with fillers at
    all?): the content-word lemmas, the violent trigger lemmas, how many violent triggers, and the
    sectors of the actors mentioned."""
    f: set[str] = set()
    for t in (toks if toks is not None else doc):
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ"):
            f.add("w=" + t.lemma_.lower())
    viol = [t for t in (doc._.strife_triggers or []) if t.plover_type in VIOLENT]
    for t in viol:
        f.add("vt=" + t.lemma)
    f.add(f"nviol={min(len(viol), 8)}")
    for m in doc._.strife_actors or []:
        f.add(f"sector={m.sector}")
    return sorted(f)


def gate_bucket_features(p: float, feats: list[str]) -> list[str]:
    """Candidate features from the document gate's probability ``p`` (its bucket, alone and with the
    candidate's sentence/rule-role context)."""
    g = f"gate={min(4, int(p * 5))}"
    return [g] + [f"{g}|{x}" for x in feats if x.startswith("viol_in_sent") or (x.startswith("rule=") and "|" not in x[5:])]


def document_features(doc: Doc, cands: list[Candidate]) -> list[list[str]]:
    df = DocFeatures(doc)
    return [candidate_features(df, c) for c in cands]
