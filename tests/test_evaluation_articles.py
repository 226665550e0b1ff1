"""The whole-article scorer (strife.evaluation.articles): required events once, splits and extras counted."""

from __future__ import annotations

import json

from strife.evaluation.articles import DEFAULT_DIR, evaluate_articles, gold_pairs

TEXT = ("Gunmen killed five villagers in Zamfara state on Tuesday, police said. "
        "The governor condemned the attack on Wednesday.")


def _write(tmp_path, events):
    (tmp_path / "raid.txt").write_text(TEXT, encoding="utf-8")
    gold = {"metadata": {"published": "2024-03-13"}, "events": events}
    (tmp_path / "raid.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_required_event_found_and_optional_statement_not_counted(tmp_path):
    _write(tmp_path, [
        {"id": "E1", "required": True, "plover_type": "ASSAULT", "date": {"on": "2024-03-12"},
         "fatalities": {"low": 5, "high": 5}},
        {"id": "E2", "required": False, "plover_type": "ACCUSE"},
    ])
    res = evaluate_articles([tmp_path])
    assert res.events.tp == 1 and res.events.n_gold == 1 and res.events.n_pred == 1
    ok, n = res.fields
    assert n >= 3 and ok == n
    assert res.counts()["passed"] == 1


def test_an_unlisted_record_is_a_false_positive_and_a_missed_event_a_miss(tmp_path):
    _write(tmp_path, [
        {"id": "E1", "required": True, "plover_type": "ASSAULT"},
        {"id": "E2", "required": True, "plover_type": "SANCTION"},
    ])
    res = evaluate_articles([tmp_path])
    c = res.counts()
    assert c["missing"] == 1 and c["false_positives"] == 1  # the condemnation is listed nowhere
    assert res.events.recall == 0.5 and res.events.precision == 0.5


def test_packaged_gold_articles_are_well_formed():
    pairs = gold_pairs([DEFAULT_DIR])
    assert len(pairs) >= 30
    for name, txt, gold in pairs:
        assert gold["metadata"]["published"], name
        assert {e["plover_type"] for e in gold["events"]} <= {
            "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
            "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}, name
