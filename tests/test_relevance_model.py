"""The learned relevance model (strife.relevance_model), its place behind the lexical filter
(strife.relevance.Relevance), its counted skip reason, the --filter option, and its recall on the
held-out half of the development sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strife import batch
from strife.article import Article
from strife.relevance import SKIP_REASON as LEXICAL_REASON
from strife.relevance import Lemmatizer, Relevance, RelevanceFilter, default_relevance
from strife.relevance_model import MODEL_PATH, SKIP_REASON, RelevanceModel, threshold_for, words_of

REPO = Path(__file__).resolve().parents[1]


def toy_model(threshold: float = 0.0) -> RelevanceModel:
    return RelevanceModel(weights={"attack": 2.0, "rebels": 1.5, "budget": -3.0, "council": -1.0},
                          bias=-1.0, threshold=threshold)


def test_words_are_distinct_lower_case_letter_runs() -> None:
    assert words_of("Rebels ATTACKED rebels; 19 dead, al-Shabaab") == {"rebels", "attacked", "dead", "al", "shabaab"}


def test_score_counts_each_known_word_once_at_unit_length_and_the_threshold_decides() -> None:
    m = toy_model()
    assert m.score("attack attack attack") == pytest.approx(1.0)
    assert m.score("The council passed the budget") == pytest.approx(-1.0 - 4.0 / 2 ** 0.5)
    assert m.score("Unknown words only") == pytest.approx(-1.0)
    assert m.keep("Rebels attack") and not m.keep("council budget attack")
    assert 0.0 < m.probability("council budget") < 0.03
    assert not toy_model(threshold=3.0).keep("Rebels attack")


def test_model_round_trips_and_rejects_malformed_files(tmp_path: Path) -> None:
    m = toy_model(threshold=-0.5)
    path = tmp_path / "m.json"
    m.save(path)
    again = RelevanceModel.load(path)
    assert (dict(again.weights), again.bias, again.threshold) == (dict(m.weights), m.bias, m.threshold)
    path.write_text(json.dumps({"bias": 0.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a relevance model"):
        RelevanceModel.load(path)
    with pytest.raises(FileNotFoundError, match="train_relevance"):
        RelevanceModel.load(tmp_path / "missing.json")


def test_threshold_keeps_every_set_within_its_budget() -> None:
    scores = {"a": [float(i) for i in range(100)], "b": [float(i) for i in range(10, 20)]}
    # set budget 5%: a may lose 5 (scores 0-4), b none (10 texts): b's lowest score bounds the threshold
    assert threshold_for(scores, set_budget=0.05, total_budget=1.0) == 5.0
    assert threshold_for({"a": scores["a"]}, set_budget=0.05, total_budget=1.0) == 5.0
    # total budget 2% of 110 texts = 2 texts
    assert threshold_for(scores, set_budget=1.0, total_budget=0.02) == 2.0
    assert threshold_for(scores, set_budget=0.0, total_budget=0.0) == 0.0
    with pytest.raises(ValueError):
        threshold_for({"a": []}, 0.1, 0.1)


def test_relevance_names_the_stage_that_drops_a_text() -> None:
    lexical = RelevanceFilter(["attack"], Lemmatizer(rules=(("ed", ""),), exceptions={}))
    both = Relevance(lexical, toy_model())
    assert both.skip_reason("Rebels attacked the town.") is None
    assert both.skip_reason("A calm day.") == LEXICAL_REASON
    assert both.skip_reason("The council debated the budget attack ads.") == SKIP_REASON
    assert Relevance(lexical, None).skip_reason("The council debated the budget attack ads.") is None


def test_batch_counts_each_stage_apart() -> None:
    lexical = RelevanceFilter(["attack"], Lemmatizer(rules=(), exceptions={}))
    keep = Relevance(lexical, toy_model())
    inputs = [Article("Rebels attack.", origin="a", published=date(2020, 1, 1)),
              Article("Nothing here.", origin="b", published=date(2020, 1, 1)),
              Article("council budget attack", origin="c", published=date(2020, 1, 1))]
    notices: list[batch.Notice] = []
    report = batch.run_batch(inputs, lambda a: [], on_notice=notices.append, keep=keep)
    assert report.skipped == {LEXICAL_REASON: 1, SKIP_REASON: 1}
    assert report.processed == 1
    assert [(n.origin, n.reason) for n in notices] == [("b", LEXICAL_REASON), ("c", SKIP_REASON)]


def test_shipped_model_matches_its_training_recipe() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    meta = data["meta"]
    script = (REPO / "scripts" / "train_relevance.py").read_text(encoding="utf-8")
    for name, key in (("C", "C"), ("SET_BUDGET", "set_budget"), ("TOTAL_BUDGET", "total_budget")):
        assert f"\n{name} = {meta[key]}" in script, name
    assert meta["positives"] > 900 and meta["negatives"] > 900
    assert 5_000 < len(data["weights"]) < 40_000


def test_default_relevance_keeps_conflict_reports_and_skips_ordinary_news() -> None:
    keep = default_relevance()
    assert keep("Gunmen attacked a police checkpoint in the north on Friday, killing two officers, the army said.")
    assert keep((REPO / "examples" / "sample_article.txt").read_text(encoding="utf-8"))
    board = ("The Springfield school board voted on Tuesday to approve a new schedule for the football season and "
             "to hire three science teachers. Board members said the budget had grown after tax revenue rose. "
             "Parents asked for more music classes, and the renovated library will open in the spring.")
    raid = ("Gunmen stormed a village in the north on Tuesday, torching homes and killing at least 12 people, "
            "police said. Troops later clashed with the attackers, and the army said five militants were killed. "
            "Residents fled to a nearby town, where the wounded were treated.")
    assert keep.model.score(raid) > keep.model.score(board) + 2.0
    assert not default_relevance(learned=False).model


def test_settings_and_cli_choose_the_filter(tmp_path: Path) -> None:
    from strife.settings import Settings

    assert Settings.from_env({}).relevance_filter == "model"
    assert Settings.from_env({"STRIFE_FILTER": "Lexical"}).relevance_filter == "lexical"
    with pytest.raises(ValueError, match="STRIFE_FILTER"):
        Settings.from_env({"STRIFE_FILTER": "maybe"})
    from strife.cli_options import relevance_keep

    extractor = batch.PipelineExtractor()
    assert relevance_keep(True, extractor) is None
    assert relevance_keep(False, extractor, relevance="none") is None
    assert relevance_keep(False, extractor, relevance="lexical").model is None
    assert relevance_keep(False, extractor, relevance="model").model is not None


def test_recall_on_the_held_out_half(shared) -> None:
    """Both stages lose at most 1% of the held-out gold-event texts (3% in any one set: RAMS loses 2.4% to
    the lexical stage alone), and the model does skip ordinary news: at least a fifth of held-out LGL and
    GeoVirus articles."""
    from strife.scale.devsets import gold_event_texts, no_event_texts

    keep = default_relevance()
    total = kept = 0
    for name, texts in gold_event_texts(shared / "data", part="heldout").items():
        k = sum(1 for t in texts if keep(t))
        assert k / len(texts) >= 0.97, f"{name}: {k}/{len(texts)}"
        total, kept = total + len(texts), kept + k
    assert kept / total >= 0.99, f"{kept}/{total}"
    news = no_event_texts(shared / "data", part="heldout")
    ordinary = news["LGL news"] + news["GeoVirus news"]
    skipped = sum(1 for t in ordinary if not keep(t))
    assert skipped / len(ordinary) >= 0.2, f"{skipped}/{len(ordinary)}"


def test_halves_are_fixed_and_disjoint(shared) -> None:
    from strife.scale.devsets import half_of, mixed_corpus

    assert half_of("Rebels attacked the town.") == half_of("Rebels attacked the town.")
    train = {a.text for a in mixed_corpus(shared / "data", part="train")}
    held = {a.text for a in mixed_corpus(shared / "data", part="heldout")}
    assert train and held and not (train & held)
    with pytest.raises(ValueError):
        mixed_corpus(shared / "data", part="test")
