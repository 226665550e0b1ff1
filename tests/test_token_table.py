"""The per-document token table (strife.doc_ext.TokenTable) and the other exact shortcuts of the
throughput work: each must give what spaCy's objects or the plain code give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strife.doc_ext import doc_text, token_table

REPO = Path(__file__).resolve().parent.parent
TEXTS = [
    "Rebels in the north attacked a U.S. convoy on Monday, killing 12 soldiers and wounding 40, officials said.\n\n"
    "The army, which had sent troops last week, responded with airstrikes three days ago.",
    "Police fired tear gas at protesters in Nairobi on 3 March 2021. Two people died, and dozens were hurt.",
    "",
    "Hi",
    (REPO / "examples" / "sample_article.txt").read_text(encoding="utf-8"),
]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS))


def test_token_table_matches_spacy_tokens(docs) -> None:
    for doc in docs:
        tt = token_table(doc)
        assert tt is token_table(doc) and tt.n == len(doc)  # built once
        assert doc_text(doc) == doc.text
        for t in doc:
            i = t.i
            assert (tt.text[i], tt.lower[i], tt.lemma[i], tt.lemma_lower[i], tt.pos[i], tt.tag[i], tt.dep[i],
                    tt.head[i], tt.ent_type[i], tt.idx[i]) == (
                t.text, t.lower_, t.lemma_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.idx)
            assert (tt.is_punct[i], tt.is_space[i], tt.is_alpha[i], tt.is_stop[i]) == (
                t.is_punct, t.is_space, t.is_alpha, t.is_stop)
            assert tt.children(i) == [c.i for c in t.children]


def test_role_actor_lookup_matches_a_scan(docs) -> None:
    from strife.rolefill.candidates import candidates
    from strife.rolefill.features import DocFeatures

    checked = 0
    for doc in docs:
        df = DocFeatures(doc)
        actors = [m for m in sorted(doc._.strife_actors or [], key=lambda m: m.start_char) if m.how != "pronoun"]
        for c in candidates(doc):
            s, e = df.char_span(c)
            assert (s, e) == c.char_span(doc)
            hits = [m for m in actors if m.start_char < e and s < m.end_char]
            want = min(hits, key=lambda m: abs(m.end_char - e) + abs(m.start_char - s)) if hits else None
            assert df.actor_at(s, e) is want
            checked += want is not None
    assert checked > 5


def test_date_spotter_shortcuts_change_no_match(docs) -> None:
    """The first-letter lookaheads and the 'ago' pre-check of the date spotters find what the plain
    patterns find."""
    from strife.timeexpr import _spotters, find_date_expressions, load_date_words

    sp = _spotters(load_date_words())
    assert "ago" in sp.required
    lookahead = re.compile(r"\(\?=\(\?i:\[[a-z]+\]\)\)")
    assert sum(bool(lookahead.search(p.pattern)) for p in sp.patterns) >= 4
    texts = TEXTS + ["Early on Tuesday, two weeks ago, and since 1999; last night; the day before yesterday. "
                     "Overnight, AGO, Ago, in the 1990s, Christmas Day; Three Years Ago; Past 3 days."]
    for text in texts:
        for p in sp.patterns:
            plain = re.compile(lookahead.sub("", p.pattern), p.flags)
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert find_date_expressions(texts[-1])  # and the expressions are still found


def test_trigger_cue_pattern_is_any_cue() -> None:
    from strife.components.triggers import _cue_present

    cues = ("air strike", "shell", "co-op")
    for text, want in [("an air strike hit", True), ("shelling", False), ("a shell fell", True),
                       ("the co-op", True), ("the co-opted", False), ("pre-shell", False), ("", False)]:
        single = any(re.search(r"(?<![\w-])" + re.escape(c) + r"(?![\w-])", text) for c in cues)
        assert _cue_present(cues, text) is want is bool(single)


def test_gate_bucket_keys_are_what_the_filter_picks(docs) -> None:
    from strife.rolefill.candidates import candidates
    from strife.rolefill.features import DocFeatures, candidate_features, gate_bucket_features, gate_bucket_from_keys

    n = 0
    for doc in docs:
        df = DocFeatures(doc)
        for c in candidates(doc):
            fs = candidate_features(df, c)
            for p in (0.0, 0.33, 0.99):
                assert gate_bucket_from_keys(p, df.gate_keys[-1]) == gate_bucket_features(p, fs)
            n += 1
    assert n > 20
