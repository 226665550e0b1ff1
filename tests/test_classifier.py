"""Tests of the learned event classifier (strife.classify) and its evaluation harness."""

from __future__ import annotations

import numpy as np
import pytest

from strife.classify import EventClassifier, Prediction
from strife.classify.datasets import shared_data_dir
from strife.classify.features import FeatureConfig, Featurizer
from strife.classify.model import MODELS_DIR

SHARED = shared_data_dir(required=False)
needs_shared = pytest.mark.skipif(
    SHARED is None or not (SHARED / "case2021-task2" / "snippets.tsv").is_file(),
    reason="shared development data (../shared/data or $STRIFE_SHARED_DIR) is absent",
)


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.load()


def test_artifact_is_small_and_safe():
    files = sorted(MODELS_DIR.glob("event_classifier.*"))
    assert {p.suffix for p in files} == {".json", ".npz"}
    assert sum(p.stat().st_size for p in files) < 5_000_000
    with np.load(MODELS_DIR / "event_classifier.npz", allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)


def test_load_is_cached(clf):
    assert EventClassifier.load() is clf


@pytest.mark.parametrize(
    "text, plover, acled",
    [
        ("Warplanes bombed the village, killing 12", "ASSAULT", "Air/drone strike"),
        ("Thousands marched peacefully in the capital demanding reforms", "PROTEST", "Peaceful protest"),
        ("Police arrested five men suspected of planning a bombing", None, "Arrests"),
        ("The two governments signed a ceasefire agreement on Monday", "AGREE", "Agreement"),
    ],
)
def test_sensible_types(clf, text, plover, acled):
    p = clf.predict(text)
    assert isinstance(p, Prediction)
    if plover is not None:
        assert p.plover == plover
    assert p.acled_sub_event_type == acled
    assert 0.0 < p.plover_prob <= 1.0 and 0.0 < p.acled_prob <= 1.0 and 0.0 < p.cameo_prob <= 1.0
    assert len(p.cameo_root) == 2 and "01" <= p.cameo_root <= "20"


def test_statement_is_not_an_acled_event(clf):
    p = clf.predict("The minister condemned the attack")
    assert p.acled_sub_event_type is None and p.acled_event_type is None
    assert p.pentaclass in (0, 3)  # a statement or verbal conflict, not material conflict


def test_air_strike_views_agree(clf):
    p = clf.predict("Warplanes bombed the village, killing 12")
    assert p.acled_event_type == "Explosions/Remote violence"
    assert p.pentaclass == 4


def test_accepts_span_like_objects(clf):
    class Span:
        text = "Warplanes bombed the village, killing 12"

    assert clf.predict(Span()) == clf.predict(Span.text)
    with pytest.raises(TypeError):
        clf.predict(12)


def test_featurizer_is_deterministic():
    texts = ["Rebels shelled the town.", "Police fired tear gas at protesters.", "Rebels attacked the town."]
    a = Featurizer.fit(texts, FeatureConfig(min_df=1))
    b = Featurizer.fit(list(reversed(texts)), FeatureConfig(min_df=1))
    assert a.vocab == b.vocab and np.array_equal(a.idf, b.idf)
    i, v = a.transform_one(texts[0])
    assert abs(float(np.dot(v, v)) - 1.0) < 1e-5


@needs_shared
def test_training_is_deterministic(tmp_path):
    from strife.classify.datasets import load_case2021, load_plover_gsr
    from strife.classify.training import TrainConfig, train

    subset = load_case2021(SHARED)[:150] + load_plover_gsr(SHARED)[:150]
    cfg = TrainConfig(features=FeatureConfig(max_word_features=3000, max_char_features=3000, cue_weight=0.45), max_iter=300)
    m1, m2 = train(subset, cfg), train(list(reversed(subset)), cfg)
    for h in m1.heads:
        assert m1.heads[h].labels == m2.heads[h].labels
        assert np.array_equal(m1.heads[h].W, m2.heads[h].W)
        assert np.array_equal(m1.heads[h].b, m2.heads[h].b)
    j1, n1 = m1.save(tmp_path / "a")
    j2, n2 = m2.save(tmp_path / "b")
    assert j1.read_bytes() == j2.read_bytes()
    assert n1.read_bytes() == n2.read_bytes()
    back = EventClassifier.load_from(tmp_path / "a")  # int8-quantised weights: same labels, close probabilities
    pb, pm = back.predict("Rebels attacked the town"), m1.predict("Rebels attacked the town")
    assert (pb.plover, pb.acled_sub_event_type, pb.cameo_root) == (pm.plover, pm.acled_sub_event_type, pm.cameo_root)
    assert abs(pb.plover_prob - pm.plover_prob) < 0.02 and abs(pb.acled_prob - pm.acled_prob) < 0.02


@needs_shared
def test_case2021_cv_floor():
    """Quick 3-fold CV on CASE-2021 (held-out folds): a floor well under the full-run number."""
    from strife.classify.datasets import load_cameo_verb_lexicon
    from strife.classify.training import load_training_examples
    from strife.evaluation.classification import eval_case2021, quick_config

    examples = [e for e in load_training_examples(SHARED, ("case2021",))]
    r = eval_case2021(examples, quick_config(), load_cameo_verb_lexicon(SHARED))
    # measured 0.775 / 0.796 with the ACLED codebook cues and the boosted "not ACLED" class (0.746 / 0.677 before)
    assert r["case2021_acled_weighted_f1"] >= 0.75, r
    assert r["case2021_non_acled_none_rate"] >= 0.75, r


@needs_shared
def test_cameo_pentaclass_cv_floor():
    """Quick 3-fold CV on the ConfliBERT CAMEO set (held-out folds): pentaclass macro F1, a floor under the
    full 5-fold run (0.809 against issue #3's 0.80 target; the quick run measured 0.789)."""
    from strife.classify.datasets import load_cameo_verb_lexicon
    from strife.classify.training import load_training_examples
    from strife.evaluation.classification import eval_cameo_pentaclass, quick_config

    examples = load_training_examples(SHARED)
    r = eval_cameo_pentaclass(examples, quick_config(), load_cameo_verb_lexicon(SHARED))
    assert r["cameo_pentaclass_n"] > 1000 and r["cameo_pentaclass_macro_f1"] >= 0.77, r


def test_cue_features():
    from strife.classify.cues import cue_features, load_actor_cues, load_trigger_cues
    from strife.classify.features import tokenize

    triggers, actors = load_trigger_cues(), load_actor_cues()
    f = cue_features(tokenize("Militants hurled grenades at the market"), triggers, actors)
    assert f["k:a:Grenade"] >= 1 and f["k:h:grenade"] >= 1 and f["k:f:REB"] == 1
    f = cue_features(tokenize("Government troops recaptured the town"), triggers, actors)
    assert f["k:f:MIL"] == 1
    assert f["k:j:h:regain|MIL"] == 1  # who took the town: the actor just before the trigger
    assert not cue_features(tokenize("The weather was fine"), triggers, actors)


def test_shipped_cues_feed_the_acled_head_only(clf):
    cue_cols = clf.featurizer.cue_columns()
    assert cue_cols.any() and clf.featurizer.uses_cues
    for name, head in clf.heads.items():
        used = np.abs(head.W[cue_cols]).sum()
        assert (used > 0) if name == "acled" else (used == 0), name


def test_label_tables_agree_with_ontology():
    """The classifier's own training tables must agree with strife.ontology where both speak."""
    ontology = pytest.importorskip("strife.ontology")
    from strife.classify.datasets import label_tables

    t = label_tables()
    for case_label, spec in t.case_labels.items():
        got = ontology.acled_from_case_label(case_label)
        if spec["acled"] is None:
            assert got is None, case_label
        else:
            assert got == (t.acled_types[spec["acled"]], spec["acled"]), case_label
    for old, new in t.legacy_plover.items():
        assert ontology.legacy_plover(old) == new
    for root, penta in t.cameo_pentaclass.items():
        assert ontology.cameo_pentaclass(root) == penta


def test_weak_acled_crosswalk_names_acled_types():
    from strife.classify.datasets import label_tables, load_weak_acled_crosswalk

    walk = load_weak_acled_crosswalk()
    assert {"satp", "ipe", "petrarch2", "plover_gsr"} <= set(walk)
    assert set().union(*(set(t.values()) for t in walk.values())) <= set(label_tables().acled_types)
    assert walk["petrarch2"]["173"] == "Arrests" and walk["plover_gsr"]["PROTEST/riot-spon"] == "Violent demonstration"


@needs_shared
def test_weak_acled_examples_only_train_the_acled_head():
    """Weak examples carry an ACLED label only; at weight 0 they change nothing (vocabulary, class balance),
    with a weight they move the ACLED head and leave the other heads byte-identical."""
    import dataclasses

    from strife.classify.datasets import load_case2021, load_plover_gsr, load_weak_acled
    from strife.classify.training import TrainConfig, train_heads

    weak = load_weak_acled(SHARED, ("plover_gsr", "petrarch2"))
    assert weak and all(e.source.startswith("weak_") and e.acled and e.plover is None and e.cameo_root is None for e in weak)
    base = load_case2021(SHARED)[:200] + load_plover_gsr(SHARED)[:100]
    cfg = TrainConfig(
        features=FeatureConfig(max_word_features=3000, max_char_features=3000, cue_weight=0.45), max_iter=300, weak_acled_weights={}
    )
    f0, h0 = train_heads(base, cfg, ("acled", "plover"))
    f1, h1 = train_heads(base + weak, cfg, ("acled", "plover"))
    assert f0.vocab == f1.vocab and np.array_equal(h0["acled"].W, h1["acled"].W) and np.array_equal(h0["plover"].W, h1["plover"].W)
    f2, h2 = train_heads(base + weak, dataclasses.replace(cfg, weak_acled_weights={"plover_gsr": 0.5}), ("acled", "plover"))
    assert f2.vocab == f0.vocab and np.array_equal(h0["plover"].W, h2["plover"].W)
    assert not np.array_equal(h0["acled"].W, h2["acled"].W)


def test_acled_cue_features():
    """ACLED codebook cues: pooled classes, pairs present together, lead classes and who takes a place."""
    from strife.classify.cues import acled_cue_features, load_acled_cues, load_actor_acronyms, load_actor_cues
    from strife.classify.features import tokenize

    cues, sides = load_acled_cues()
    actors = load_actor_cues()
    assert sides["REB"] == "nonstate" and sides["MIL"] == "state"
    assert "air" in cues["airstrikes"] and "terr_regain" in cues["retook"]  # plural nouns, irregular verb forms

    def feats(text, **kw):
        return acled_cue_features(tokenize(text), cues, actors, sides, **kw)

    f = feats("Police fired tear gas to disperse the protesters", lead=3)
    assert f["q:intervene"] >= 2 and f["q:protest"] == 1 and f["q:intervene&protest"] == 1
    f = feats("Protesters marched on Sunday before riot police fired tear gas", lead=3)
    assert f["q:lead_protest"] == 2 and f["q:intervene"] >= 1 and f["q:lead_intervene"] == 0
    rebels = feats("Rebel fighters retook the town from government forces")
    assert rebels["r:terr_regain|nonstate"] == 1 and rebels["r:terr_regain|from_state"] == 1
    army = feats("Government troops retook the town from the rebels")
    assert army["r:terr_regain|state"] == 1 and army["r:terr_regain|from_nonstate"] == 1
    # the clause's first actor: security forces recaptured it, whatever the militants in between
    f = feats("Afghan security forces in a crackdown on militants recaptured the district")
    assert f["r:terr_regain|subj_state"] == 1 and f["r:terr_regain|nonstate"] == 1
    assert not feats("The weather was fine")
    # an acronym actor ("IS", "AN") counts only where the text writes it in capitals
    acronyms = frozenset(load_actor_acronyms())
    assert "is" in acronyms
    text = "It is said that IS fighters seized the town"
    f = acled_cue_features(tokenize(text), cues, actors, sides, acronyms=acronyms, cased=text.split())
    assert f["r:first|nonstate"] == 1 and f["r:terr_take|nonstate"] == 1
    text = "The town is quiet"
    assert "r:first|nonstate" not in acled_cue_features(tokenize(text), cues, actors, sides, acronyms=acronyms, cased=text.split())


def test_shipped_acled_cues(clf):
    fz = clf.featurizer
    assert fz.uses_acled_cues and fz.cue_actor_acronyms and fz.actor_sides
    ind, _ = fz.transform_one("Government troops recaptured the town from the rebels")
    names = {fz.vocab[i] for i in ind}
    assert "r:terr_regain|state" in names and "q:terr_regain" in names
