"""Geoparsing evaluation on LGL / GeoVirus (skipped when ../shared is absent)."""

import pytest

from strife.evaluation.lgl import corpus_path, evaluate_geoparsing, load_corpus

HAVE_LGL = corpus_path("lgl").exists()
pytestmark = pytest.mark.skipif(not HAVE_LGL, reason="shared geoparsing corpora not found (set STRIFE_SHARED_DIR)")


def test_loader_offsets_match_phrases():
    arts = load_corpus("lgl", limit=20)
    assert arts and all(a.text[t.start:t.end] == t.text for a in arts for t in a.toponyms)
    gv = load_corpus("geovirus", limit=20)
    ok = sum(a.text[t.start:t.end] == t.text for a in gv for t in a.toponyms)
    assert ok / sum(len(a.toponyms) for a in gv) > 0.95


def test_lgl_resolution_floor():
    out = evaluate_geoparsing("lgl", end_to_end=False)
    res = out["resolution"]
    assert res["n_gold"] > 4000
    assert res["acc161"] >= 0.90, out["text"]
    assert res["country_acc"] >= 0.98, out["text"]
    assert res["exact_geonames"] >= 0.73, out["text"]
    assert "Mordecai3" in out["text"] and "0.827" in out["text"]


def test_geovirus_resolution_floor():
    out = evaluate_geoparsing("geovirus", end_to_end=False)
    assert out["resolution"]["acc161"] >= 0.835, out["text"]


def test_end_to_end_small_sample():
    out = evaluate_geoparsing("lgl", limit=40, end_to_end=True)
    e2e = out["end_to_end"]
    assert e2e["precision"] > 0.72 and e2e["recall"] > 0.55, out["text"]
    assert "precision" in out["text"]
