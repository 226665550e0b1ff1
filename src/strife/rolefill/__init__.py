"""Learned role filling: who attacked whom, scored over the noun phrases of a parsed document.

:func:`score_doc` finds the candidates (:mod:`.candidates`), reads their features (:mod:`.features`)
and scores them with the shipped model (:mod:`.model`); :func:`strife.rolefill.model.decode` picks the
document's role fillers. The spaCy component ``strife_roles`` (:mod:`strife.components.roles`) puts
them on the event frames. Training: :mod:`.train` / ``scripts/train_roles.py``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from strife.doc_ext import doc_text
from strife.rolefill.candidates import Candidate, candidates
from strife.rolefill.features import DocFeatures, candidate_features, gate_bucket_from_keys, gate_features
from strife.rolefill.model import ROLES, RoleModel, Scored, decode, normalize

__all__ = ["Candidate", "RoleModel", "ROLES", "Scored", "candidates", "decode", "doc_candidates", "normalize", "score_doc"]


def doc_candidates(doc: Doc, toks: Optional[list[Token]] = None) -> tuple[list[Candidate], list[list[str]], list[tuple[str, str, bool]]]:
    """Candidates of ``doc``, their feature lists, and (text, entity key, name-like) for decoding."""
    cands, feats, info, _ = _doc_candidates(doc, toks)
    return cands, feats, info


def _doc_candidates(doc: Doc, toks: Optional[list[Token]] = None):
    """`doc_candidates` and the `DocFeatures` it read them with."""
    cands = candidates(doc, toks)
    df = DocFeatures(doc, toks)
    feats = [candidate_features(df, c) for c in cands]
    info = []
    text_all = doc_text(doc)
    tt = df.tt
    pos, punct = tt.pos, tt.is_punct
    keys: dict[str, str] = {}  # normalize, once per distinct text
    for c in cands:
        s, e = df.char_span(c)
        text = text_all[s:e]
        a = df.actor_at(s, e)
        key = keys.get(text)
        if key is None:
            key = keys[text] = normalize(text)
        head_idx = tt.idx[c.head]
        if a is not None and a.how in ("dictionary", "coref") and a.named and a.start_char >= s and a.end_char <= e \
                and head_idx < a.end_char and head_idx >= a.start_char:
            key = normalize(a.name)  # "FMLN" and "Farabundo Marti National Liberation Front": one actor
        name_like = all(pos[i] == "PROPN" or punct[i] for i in range(c.start, c.end)) or tt.ent_type[c.head] == "PERSON"
        info.append((text, key, name_like))
    return cands, feats, info, df


def score_doc(doc: Doc, model: Optional[RoleModel] = None) -> tuple[list[Candidate], list[Scored], float]:
    """Candidates of ``doc``, their role probabilities under ``model`` (default: the shipped one) and
    the document gate's probability that the article has role fillers at all."""
    model = model or RoleModel.load()
    gate = model.gate(gate_features(doc))  # (these read the doc's token table, doc_ext.token_table)
    cands, feats, info, df = _doc_candidates(doc)
    if model.gate_weights:
        buckets: dict[int, list[str]] = {}  # per gate-key list (one per head, kept alive by df): its features
        out = []
        for fs, keys in zip(feats, df.gate_keys):
            b = buckets.get(id(keys))
            if b is None:
                b = buckets[id(keys)] = gate_bucket_from_keys(gate, keys)
            out.append(fs + b)
        feats = out
    proba = model.proba(feats) if feats else []
    scored = [Scored(c.start, c.end, t, k, n, p) for c, (t, k, n), p in zip(cands, info, proba)]
    return cands, scored, gate
