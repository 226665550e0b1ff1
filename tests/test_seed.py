"""The seed acceptance test: the wire story about strikes on Kataeb Hezbollah, end to end."""

from __future__ import annotations

import copy
import json

import pytest

from strife.evaluation.gold import score_gold


@pytest.fixture(scope="module")
def seed(shared):
    gold = json.loads((shared / "seed" / "gold.json").read_text())
    return shared / "seed" / "article.txt", gold


@pytest.fixture(scope="module")
def records(seed, nlp):
    from strife.readers import read_inputs
    from strife.pipeline import extract_article

    path, gold = seed
    (article,) = list(read_inputs([str(path)], published=gold["metadata"]["published"]))
    return [ev.to_json_dict() for ev in extract_article(article, nlp)]


def test_seed_matches_gold(seed, records):
    _, gold = seed
    report = score_gold(gold, records)
    assert report.passed, "\n".join(report.failures())


def test_seed_main_event_first(seed, records):
    assert records[0]["plover"]["type"] == "ASSAULT"
    assert not records[0]["background"]


def test_cli_jsonl_on_seed(seed):
    from click.testing import CliRunner

    from strife.cli import main

    path, gold = seed
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2019-12-30", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    assert score_gold(gold, lines).passed


@pytest.mark.parametrize("mutate", [
    lambda r: r["fatalities"].update(low=5),
    lambda r: r["fatalities"]["claims"][0].update(source=None),
    lambda r: r.update(plover={"type": "COERCE", "mode": [], "context": []}),
    lambda r: r.update(cameo="010"),
])
def test_scorer_fails_on_a_wrong_field(seed, records, mutate):
    _, gold = seed
    bad = copy.deepcopy(records)
    main = next(r for r in bad if r["plover"]["type"] == "ASSAULT" and r["fatalities"]["claims"])
    mutate(main)
    assert not score_gold(gold, bad).passed


def test_scorer_fails_on_a_duplicate_or_extra_event(seed, records):
    _, gold = seed
    assert not score_gold(gold, records + [copy.deepcopy(records[0])]).passed
    extra = copy.deepcopy(records[0])
    extra["plover"]["type"] = "MOBILIZE"
    assert not score_gold(gold, records + [extra]).passed
