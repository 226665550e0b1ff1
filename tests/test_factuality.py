"""Factuality of event mentions, on hand-built parses (no model needed) and on parsed sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from strife.factuality import assess


def _doc(words, heads, deps, tags, pos, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_past_tense_event_is_factual():
    # "Rebels attacked the town ."
    d = _doc(["Rebels", "attacked", "the", "town", "."], [1, 1, 3, 1, 1],
             ["nsubj", "ROOT", "det", "dobj", "punct"], ["NNS", "VBD", "DT", "NN", "."],
             ["NOUN", "VERB", "DET", "NOUN", "PUNCT"], ["rebel", "attack", "the", "town", "."])
    assert assess(d[1]).factual


def test_threatened_to_strike_is_not_a_strike():
    # "Iran threatened to strike bases ."
    d = _doc(["Iran", "threatened", "to", "strike", "bases", "."], [1, 1, 3, 1, 3, 1],
             ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"], ["NNP", "VBD", "TO", "VB", "NNS", "."],
             ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT"], ["Iran", "threaten", "to", "strike", "base", "."])
    f = assess(d[3])
    assert not f.factual and f.reason.startswith("governed_by")
    assert assess(d[1]).factual


def test_negated_and_modal():
    # "Troops did not fire ." / "Troops will fire ."
    neg = _doc(["Troops", "did", "not", "fire", "."], [3, 3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT", "punct"],
               ["NNS", "VBD", "RB", "VB", "."], ["NOUN", "AUX", "PART", "VERB", "PUNCT"], ["troop", "do", "not", "fire", "."])
    assert assess(neg[3]).reason == "negated"
    modal = _doc(["Troops", "will", "fire", "."], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "punct"],
                 ["NNS", "MD", "VB", "."], ["NOUN", "AUX", "VERB", "PUNCT"], ["troop", "will", "fire", "."])
    assert assess(modal[2]).reason == "modal"


def test_event_noun_in_a_pp_is_presupposed():
    # "They retaliated for the attack ."
    d = _doc(["They", "retaliated", "for", "the", "attack", "."], [1, 1, 1, 4, 2, 1],
             ["nsubj", "ROOT", "prep", "det", "pobj", "punct"], ["PRP", "VBD", "IN", "DT", "NN", "."],
             ["PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT"], ["they", "retaliate", "for", "the", "attack", "."])
    assert assess(d[4]).factual


def test_future_attacks_and_biographical_aside():
    # "future attacks" as a modifier
    d = _doc(["future", "attacks"], [1, 1], ["amod", "ROOT"], ["JJ", "NNS"], ["ADJ", "NOUN"], ["future", "attack"])
    assert assess(d[1]).reason == "nonfactive_modifier"


@pytest.mark.parametrize("sentence,word,factual", [
    ("The army denied carrying out the attack.", "attack", False),
    ("Rebels plan to hold talks next week.", "talks", False),
    ("Did the army shell the village?", "shell", False),
    ("Gunmen killed three villagers on Monday.", "killed", True),
    ("Prime Minister John Smith, who resigned in May, said the protest was illegal.", "resigned", False),
    ("The opposition agreed to postpone the demonstration in Baku until November.", "demonstration", False),
    ("The rebels delayed the offensive by a week.", "offensive", False),
])
def test_parsed_sentences(nlp, sentence, word, factual):
    doc = nlp.make_doc(sentence)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    tok = next(t for t in doc if t.text == word)
    assert assess(tok, "RETREAT" if word == "resigned" else "ASSAULT").factual is factual


@pytest.mark.parametrize("sentence, word, ptype, factual", [
    # an attempted attack is an attack, but a planned attempt is not, and only attacks count attempts
    ("Militants said they attempted to assassinate the prime minister on Sunday.", "assassinate", "ASSAULT", True),
    ("The rebels will try to storm the town.", "storm", "ASSAULT", False),
    ("Officials attempted to negotiate a truce on Sunday.", "negotiate", "CONSULT", False),
    # a long-threatened invasion that was mounted happened; a threatened one did not
    ("Israel today mounted its long-threatened invasion of South Lebanon.", "invasion", "ASSAULT", True),
    ("Residents fear a threatened invasion of the south.", "invasion", "ASSAULT", False),
    # a gerund after an intent governor's preposition is promised, not done
    ("The two sides committed to allowing the safe passage of aid convoys.", "allowing", "RETREAT", False),
    ("The offensive is aimed at capturing the whole of southern Aleppo.", "capturing", "ASSAULT", False),
    ("The rebels were accused of capturing the town.", "capturing", "ASSAULT", True),
    # the goal of a long struggle or of setting something up is not done; an act's own purpose can be
    ("Al Shabaab has been fighting for more than 15 years to topple the government and impose its rule.",
     "impose", "COERCE", False),
    ("The militia, one of hundreds of armed groups formed to fight military rule, said in a statement.", "fight",
     "ASSAULT", False),
    ("Police fired tear gas to disperse the protesters.", "disperse", "COERCE", True),
])
def test_attempts_and_threatened_events(nlp, sentence, word, ptype, factual):
    tok = next(t for t in nlp(sentence) if t.lower_ == word)
    assert assess(tok, ptype).factual is factual


def test_set_governs_only_an_infinitive():
    # "Gunmen were setting fire to shops ." : the object of "set" is no plan
    d = _doc(["Gunmen", "were", "setting", "fire", "to", "shops", "."], [2, 2, 2, 2, 2, 4, 2],
             ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"], ["NNS", "VBD", "VBG", "NN", "IN", "NNS", "."],
             ["NOUN", "AUX", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"], ["gunman", "be", "set", "fire", "to", "shop", "."])
    assert assess(d[3]).factual
    # "The army is set to attack the town ." : planned
    p = _doc(["The", "army", "is", "set", "to", "attack", "the", "town", "."], [1, 3, 3, 3, 5, 3, 7, 5, 3],
             ["det", "nsubj", "auxpass", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
             ["DT", "NN", "VBZ", "VBN", "TO", "VB", "DT", "NN", "."],
             ["DET", "NOUN", "AUX", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
             ["the", "army", "be", "set", "to", "attack", "the", "town", "."])
    f = assess(p[5])
    assert not f.factual and f.reason == "governed_by:set"


def test_a_generic_noun_under_a_modal_is_no_promise():
    # "The board would take each meeting ." / "Warnings came before each explosion ."
    d = _doc(["The", "board", "would", "take", "each", "meeting", "."], [1, 3, 3, 3, 5, 3, 3],
             ["det", "nsubj", "aux", "ROOT", "det", "dobj", "punct"], ["DT", "NN", "MD", "VB", "DT", "NN", "."],
             ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"], ["the", "board", "would", "take", "each", "meeting", "."])
    f = assess(d[5], "CONSULT")
    assert not f.factual and f.reason == "generic"
    d = _doc(["Warnings", "came", "before", "each", "explosion", "."], [1, 1, 1, 4, 2, 1],
             ["nsubj", "ROOT", "prep", "det", "pobj", "punct"], ["NNS", "VBD", "IN", "DT", "NN", "."],
             ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"], ["warning", "come", "before", "each", "explosion", "."])
    assert assess(d[4], "ASSAULT").factual


def test_an_order_whose_result_is_told_was_carried_out():
    # "He ordered troops to fire , killing two ." / "He ordered troops to fire ."
    words = ["He", "ordered", "troops", "to", "fire", ",", "killing", "two", "."]
    d = _doc(words, [1, 1, 1, 4, 1, 4, 4, 6, 1],
             ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct", "advcl", "dobj", "punct"],
             ["PRP", "VBD", "NNS", "TO", "VB", ",", "VBG", "CD", "."],
             ["PRON", "VERB", "NOUN", "PART", "VERB", "PUNCT", "VERB", "NUM", "PUNCT"],
             ["he", "order", "troop", "to", "fire", ",", "kill", "two", "."])
    assert assess(d[4]).factual and assess(d[6]).factual
    d = _doc(words[:5] + ["."], [1, 1, 1, 4, 1, 1], ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
             ["PRP", "VBD", "NNS", "TO", "VB", "."], ["PRON", "VERB", "NOUN", "PART", "VERB", "PUNCT"],
             ["he", "order", "troop", "to", "fire", "."])
    assert assess(d[4]).reason == "governed_by:order"



def test_a_past_in_present_form_under_a_past_report_is_past():
    """"Assailants set fire to a church, police said": "set" tagged a present is past under the past report,
    not a habit; "Rebels burn villages" (no report, no time) stays a habit."""
    d = _doc(["Assailants", "set", "fire", "to", "a", "church", ",", "police", "said", "."],
             [1, 8, 1, 1, 5, 3, 8, 8, 8, 8],
             ["nsubj", "ccomp", "dobj", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"],
             ["NNS", "VBP", "NN", "IN", "DT", "NN", ",", "NNS", "VBD", "."],
             ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"],
             ["assailant", "set", "fire", "to", "a", "church", ",", "police", "say", "."])
    assert assess(d[1]).factual
    d = _doc(["Rebels", "burn", "villages", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
             ["NNS", "VBP", "NNS", "."], ["NOUN", "VERB", "NOUN", "PUNCT"], ["rebel", "burn", "village", "."])
    assert assess(d[1]).reason == "habitual_present"
