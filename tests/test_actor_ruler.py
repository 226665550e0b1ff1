"""The actor ruler's phrase tables (strife.components.actor_ruler): same spans as a phrase matcher,
case rules, and words spaCy keeps as fixed symbols ("mark" is a dependency label)."""

from __future__ import annotations

import spacy

from strife.components.actor_ruler import ActorRuler, PhraseTable


def _ruler(nlp, patterns):
    return ActorRuler(nlp, patterns)


PATTERNS = [
    {"label": "ACTOR", "pattern": [{"LOWER": "kataeb"}, {"LOWER": "hezbollah"}], "id": "Kataeb Hezbollah"},
    {"label": "ACTOR", "pattern": [{"LOWER": "hezbollah"}], "id": "Hezbollah"},
    {"label": "ACTOR", "pattern": [{"TEXT": "KH"}], "id": "Kataeb Hezbollah"},
    {"label": "ACTOR", "pattern": [{"LOWER": "mark"}, {"LOWER": "carney"}], "id": "Mark Carney"},
    {"label": "ACTOR", "pattern": [{"LOWER": "hamas", "IS_LOWER": False}], "id": "Hamas"},
]


def test_longest_match_wins_and_exact_patterns_keep_their_case() -> None:
    nlp = spacy.blank("en")
    ruler = _ruler(nlp, PATTERNS)
    doc = ruler(nlp("KATAEB Hezbollah and KH fired; kh is not it; Hezbollah denied it."))
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("KATAEB Hezbollah", "ACTOR", "Kataeb Hezbollah"), ("KH", "ACTOR", "Kataeb Hezbollah"),
        ("Hezbollah", "ACTOR", "Hezbollah")]


def test_symbol_words_and_case_rules() -> None:
    nlp = spacy.blank("en")
    ruler = _ruler(nlp, PATTERNS)
    doc = ruler(nlp("Governor Mark Carney met Hamas leaders; hamas was written in lower case."))
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Mark Carney", "Mark Carney"), ("Hamas", "Hamas")]
    assert not ruler(nlp("")).ents


def test_phrase_table_finds_overlapping_matches() -> None:
    t = PhraseTable()
    t.add("ab", ["a", "b"])
    t.add("abc", ["a", "b", "c"])
    t.add("bc", ["b", "c"])
    t.add("empty", [])
    from spacy.strings import get_string_id

    ids = [get_string_id(w) for w in ["x", "a", "b", "c", "a"]]
    assert sorted(t.matches(ids)) == [("ab", 1, 3), ("abc", 1, 4), ("bc", 2, 4)]
    assert len(t) == 3
