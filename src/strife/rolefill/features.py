"""Features of a candidate role filler, read from the parse and the earlier strife stages.

Each candidate gets a list of string features (binary indicators): the head word and its
governor ("killed by X", "X attacked", "X was kidnapped", "against X"), entity label,
actor-dictionary reading (sector, kind, how it was found), the rule-based role the events stage
gave it, distance to the nearest violent trigger, position in the document, span shape and
capitalisation. The model (:mod:`strife.rolefill.model`) maps them to role scores.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from strife.doc_ext import TokenTable, token_table
from strife.rolefill.candidates import Candidate

VIOLENT = frozenset({"ASSAULT", "COERCE", "FIGHT"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    from strife.lexicon import load_wordlists

    return load_wordlists("factuality")


@lru_cache(maxsize=16384)
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _governor(tok: Token) -> list[str]:
    """The syntactic context of a phrase head, as a few path strings (a conjunct or apposition takes
    the context of the phrase it joins)."""
    return _governor_at(token_table(tok.doc), tok.i)


_GOV_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "poss", "compound", "npadvmod", "appos", "ROOT"})
_COORD = ("conj", "appos")


def _governor_at(tt: TokenTable, i: int) -> list[str]:
    """`_governor` of token ``i``, read from the doc's token table."""
    out: list[str] = []
    dep, head, lemma = tt.dep, tt.head, tt.lemma_lower
    cur = i
    hops = 0
    while dep[cur] in _COORD and hops < 3:
        cur = head[cur]
        hops += 1
    if hops:
        out.append("coord")
    d = dep[cur]
    gov = head[cur]
    out.append(f"dep={d}")
    if d == "pobj":
        prep = gov
        pl = tt.lower[prep]
        out.append(f"prep={pl}")
        g2 = head[prep]
        if dep[prep] == "agent":
            out.append(f"agent_of={lemma[g2]}")
            out.append("agent")
        out.append(f"prep={pl}|gov={lemma[g2]}")
        out.append(f"prep={pl}|govpos={tt.pos[g2]}")
        if dep[g2] == "pobj":
            out.append(f"prep2={tt.lower[head[g2]]}|{pl}")
    elif d in _GOV_DEPS:
        gl = lemma[gov]
        out.append(f"{d}|gov={gl}")
        if d == "poss":
            out.append(f"poss_of={gl}")
        if d == "nsubj":
            ch = tt.children(gov)
            if any(dep[c] == "auxpass" for c in ch):
                out.append("nsubj_passive")
            xc = [c for c in ch if dep[c] in ("xcomp", "ccomp")]
            for c in xc[:1]:
                out.append(f"nsubj|gov={gl}|comp={lemma[c]}")
    else:
        out.append(f"{d}|gov={lemma[gov]}")
    return out


class DocFeatures:
    """Per-document context the candidate features need, computed once."""

    def __init__(self, doc: Doc, toks: Optional[list[Token]] = None):
        self.doc = doc
        self.n = len(doc)
        self.toks = toks  # unused: the features read the doc's token table (spaCy makes a Token per doc[i])
        self.tt = tt = token_table(doc)
        trig = [t for t in (doc._.strife_triggers or [])]
        self.violent = sorted(t.i for t in trig if t.plover_type in VIOLENT)
        self.trig_by_i = {t.i: t for t in trig}
        self.sent_of: dict[int, int] = {}
        self.sent_start: list[int] = []
        self.sent_bounds = {}
        for s in doc.sents:
            self.sent_start.append(s.start)
            bounds = (s.start, s.end)
            for i in range(s.start, s.end):
                self.sent_bounds[i] = bounds
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
                    for i in range(span.start, span.end):
                        self.rule_roles.setdefault(i, []).append((r.role, r.how, f.plover_type))
        self.actors = sorted(doc._.strife_actors or [], key=lambda m: m.start_char)
        self._actors_np = [m for m in self.actors if m.how != "pronoun"]
        self._actor_starts = [m.start_char for m in self._actors_np]
        self._actor_max_len = max((m.end_char - m.start_char for m in self._actors_np), default=0)
        self._actor_memo: dict[tuple[int, int], object] = {}
        self.head_counts = Counter(lm for lm, p in zip(tt.lemma_lower, tt.pos) if p in ("NOUN", "PROPN"))
        self.ent_at = {(e.start, e.end): e.label_ for e in doc.ents}
        # document-level: is this an attack report at all, and how early does it say so
        sent_idx = [self.sentence_index(i) for i in self.violent]
        self.doc_feats = [f"doc_viol={_bucket(len(self.violent), (0, 1, 2, 4, 8))}",
                          f"first_viol_sent={_bucket(min(sent_idx), (0, 1, 3)) if sent_idx else 'none'}"]
        self.first_seen: set[str] = set()
        self.gate_keys: list[list[str]] = []  # per candidate_features call: its "rule=none" and "viol_in_sent=" features
        self._first_memo: dict[int, tuple[str, str]] = {}  # first token -> its two features
        self._actor_feats: dict[tuple[int, bool], tuple[str, ...]] = {}  # (actor mention id, exact) -> its features
        self._head_memo: dict[int, tuple] = {}  # head token -> _head_features (the same for every candidate it heads)
        self._sent_memo: dict[int, bool] = {}  # sentence start -> has it a violent trigger

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
        idx = self.tt.idx
        return idx[c.start], idx[c.end - 1] + len(self.tt.text[c.end - 1])

    def actor_at(self, start_char: int, end_char: int):
        """The (non-pronoun) actor mention overlapping ``[start_char, end_char)`` whose edges are nearest
        to it (the first such in text order), else None."""
        key = (start_char, end_char)
        memo = self._actor_memo
        if key in memo:
            return memo[key]
        # only mentions that start before end_char, and late enough to reach past start_char
        lo = bisect_right(self._actor_starts, start_char - self._actor_max_len)
        hi = bisect_left(self._actor_starts, end_char)
        hits = [m for m in self._actors_np[lo:hi] if start_char < m.end_char]
        a = memo[key] = min(hits, key=lambda m: (abs(m.end_char - end_char) + abs(m.start_char - start_char))) if hits else None
        return a


def _head_features(df: DocFeatures, h: int) -> tuple[list[str], list[str], list[str], list[str], list[str], bool]:
    """The parts of `candidate_features` that depend only on the candidate's head ``h`` (several
    candidates share a head: its span variants), computed once per head: the head's word, its
    shape and entity type, its syntax, triggers and rule roles, its distance to violence and its
    place in the document; the gate keys; whether its sentence has a violent trigger."""
    tt = df.tt
    dep, pos, lemmas, lowers = tt.dep, tt.pos, tt.lemma_lower, tt.lower
    lemma = lemmas[h]
    word = [f"head={lemma}", f"headpos={pos[h]}", f"headtag={tt.tag[h]}"]
    shape: list[str] = []
    head_text = tt.text[h]
    if head_text.isupper() and len(head_text) > 1:
        shape.append("head_acronym")
    elif head_text[:1].isupper() and h != df.sent_bounds[h][0]:
        shape.append("head_title")
    shape.append(f"ent={tt.ent_type[h] or '-'}")
    f: list[str] = []
    fac = _lexicon()["facility_nouns"]
    if lemma in fac or lowers[h] in fac:
        f.append("facility_noun")
    # syntax
    f.extend(_governor_at(tt, h))
    gov = h
    while dep[gov] in _COORD:
        gov = tt.head[gov]
    gi = tt.head[gov] if dep[gov] != "pobj" else tt.head[tt.head[gov]]
    t = df.trig_by_i.get(gi)
    if t is not None:
        f.append(f"gov_trigger={t.plover_type}")
        f.append(f"gov_trigger={t.plover_type}|dep={dep[gov]}")
        if dep[gov] == "pobj":
            f.append(f"gov_trigger={t.plover_type}|prep={lowers[tt.head[gov]]}")
    if h in df.trig_by_i:
        f.append(f"self_trigger={df.trig_by_i[h].plover_type}")
    # rule-based roles
    roles = df.rule_roles.get(h, [])
    for role, how, ptype in roles[:3]:
        v = "violent" if ptype in VIOLENT else "other"
        f.append(f"rule={role}|{v}")
        f.append(f"rule={role}|{how}|{v}")
    if not roles:
        f.append("rule=none")
        gate_keys = ["rule=none"]
    else:
        gate_keys = []
    # proximity to violent triggers
    d = df.nearest_violent(h)
    f.append(f"viol_dist={_bucket(d, (0, 3, 6, 12, 25, 60))}")
    si = df.sentence_index(h)
    s0, s1 = df.sent_bounds[h]
    viol_in_sent = df._sent_memo.get(s0)
    if viol_in_sent is None:  # once per sentence
        viol_in_sent = df._sent_memo[s0] = bisect_left(df.violent, s1) > bisect_left(df.violent, s0)
    f.append(f"viol_in_sent={viol_in_sent}")
    gate_keys.append(f[-1])
    f.extend(df.doc_feats)
    f.append(f"{df.doc_feats[0]}|viol_in_sent={viol_in_sent}")
    place = [f"sent={_bucket(si, (0, 1, 2, 4, 8))}", f"relpos={min(4, int(5 * h / max(1, df.n)))}",
             f"count={_bucket(df.head_counts.get(lemma, 0), (1, 2, 4))}"]
    return word, shape, f, place, gate_keys, viol_in_sent


_VARIANT_FEATURES: dict[tuple[str, ...], list[str]] = {}  # sorted variants -> their "var=" features


@lru_cache(maxsize=64)
def _len_feature(n_tok: int) -> str:
    return f"len={_bucket(n_tok, (1, 2, 3, 5, 8))}"


def candidate_features(df: DocFeatures, c: Candidate) -> list[str]:
    tt = df.tt
    h = c.head
    dep, pos, lemmas, lowers = tt.dep, tt.pos, tt.lemma_lower, tt.lower
    hf = df._head_memo.get(h)
    if hf is None:
        hf = df._head_memo[h] = _head_features(df, h)
    word, shape, context, place, gate_keys, _ = hf
    f: list[str] = ["bias"]
    f += word
    lemma = lemmas[h]
    variants = tuple(sorted(c.variants))
    vf = _VARIANT_FEATURES.get(variants)
    if vf is None:
        vf = _VARIANT_FEATURES[variants] = [f"var={v}" for v in variants]
    f += vf
    n_tok = c.end - c.start
    f.append(_len_feature(n_tok))
    first = c.start
    ff = df._first_memo.get(first)
    if ff is None:
        ff = df._first_memo[first] = (
            f"first={lowers[first]}" if dep[first] in ("det", "predet", "nummod", "quantmod", "poss") else f"firstdep={dep[first]}",
            f"firstpos={pos[first]}")
    f += ff
    f.append("last_is_head=True" if c.end - 1 == h else "last_is_head=False")
    span = range(c.start, c.end)  # the candidate's tokens
    for t in range(c.start, min(h, c.end)):
        if dep[t] in ("amod", "compound") and pos[t] != "PROPN":
            f.append(f"mod={lemmas[t]}")
            f.append(f"mod={lemmas[t]}|head={lemma}")
    if "of" in lowers[c.start:c.end]:
        f.append("has_of")
    if any(dep[t] in ("relcl", "acl") for t in span):
        f.append("has_clause")
    props = pos[c.start:c.end].count("PROPN")
    f.append("all_propn" if props == n_tok else ("some_propn" if props else "no_propn"))
    f += shape
    label = df.ent_at.get((c.start, c.end))
    if label:
        f.append(f"is_ent={label}")
    # actor dictionary / resolver
    s, e = df.char_span(c)
    a = df.actor_at(s, e)
    if a is not None:
        exact = a.start_char == s and a.end_char == e
        akey = (id(a), exact)  # (a: one of df.actors, alive as long as df)
        af = df._actor_feats.get(akey)
        if af is None:
            af = df._actor_feats[akey] = (f"actor_how={a.how}", f"actor_kind={a.kind}", f"actor_sector={a.sector or '-'}",
                                          f"actor_exact={exact}", f"actor_how={a.how}|exact={exact}")
        f += af
    else:
        f.append("no_actor")
    f += context
    df.gate_keys.append(gate_keys)  # the features gate_bucket_features picks, in order (see gate_bucket_from_keys)
    key = " ".join(lowers[c.start:c.end])
    if key in df.first_seen:
        f.append("first_mention=False")
    else:
        f.append("first_mention=True")
        df.first_seen.add(key)
    f += place
    return f


_GATE_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})


def gate_features(doc: Doc, toks: Optional[list[Token]] = None) -> list[str]:
    """Document-level features of the gate (is this article about a violent incident with fillers at
    all?): the content-word lemmas, the violent trigger lemmas, how many violent triggers, and the
    sectors of the actors mentioned."""
    f: set[str] = set()
    tt = token_table(doc)
    alpha, stop = tt.is_alpha, tt.is_stop
    for i, p in enumerate(tt.pos):
        if p in _GATE_POS and alpha[i] and not stop[i]:
            f.add("w=" + tt.lemma_lower[i])
    viol = [t for t in (doc._.strife_triggers or []) if t.plover_type in VIOLENT]
    for t in viol:
        f.add("vt=" + t.lemma)
    f.add(f"nviol={min(len(viol), 8)}")
    for m in doc._.strife_actors or []:
        f.add(f"sector={m.sector}")
    return sorted(f)


def gate_bucket_from_keys(p: float, keys: list[str]) -> list[str]:
    """`gate_bucket_features` of a candidate's features given the ones it picks (``DocFeatures.gate_keys``:
    of everything `candidate_features` writes, only "rule=none" and "viol_in_sent=..." start with
    "viol_in_sent" or are a "rule=" feature without a "|"; a test compares the two)."""
    g = f"gate={min(4, int(p * 5))}"
    return [g] + [f"{g}|{x}" for x in keys]


def gate_bucket_features(p: float, feats: list[str]) -> list[str]:
    """Candidate features from the document gate's probability ``p`` (its bucket, alone and with the
    candidate's sentence/rule-role context)."""
    g = f"gate={min(4, int(p * 5))}"
    out = [g]
    for x in feats:
        c = x[:1]  # (most features start with neither letter: one comparison each)
        if (c == "v" and x.startswith("viol_in_sent")) or (c == "r" and x.startswith("rule=") and "|" not in x[5:]):
            out.append(f"{g}|{x}")
    return out


def document_features(doc: Doc, cands: list[Candidate]) -> list[list[str]]:
    df = DocFeatures(doc)
    return [candidate_features(df, c) for c in cands]
