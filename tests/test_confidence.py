"""Record confidence: the shipped calibrated model loads and orders records sensibly."""

from __future__ import annotations

from strife.confidence import FEATURES, confidence, fallback_score, shipped_model


def _feats(**kw):
    f = {k: 0.0 for k in FEATURES}
    f.update(kw)
    return f


def test_shipped_model_covers_every_feature():
    m = shipped_model()
    assert m is not None and set(m.weights) == set(FEATURES)


def test_well_supported_records_score_higher():
    bare = confidence(_feats(weak_trigger=1.0))
    rich = confidence(_feats(has_actor=1, has_recipient=1, own_date=1, geocoded=1, several_mentions=1,
                             classifier_agrees=1, classifier_prob=0.9, violent=1, acled_typed=1))
    assert 0.0 < bare < rich < 1.0


def test_fallback_is_bounded():
    assert 0.35 <= fallback_score(_feats()) <= fallback_score(_feats(has_actor=1, geocoded=1)) <= 0.95
