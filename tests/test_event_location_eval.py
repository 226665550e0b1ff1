"""Event-location evaluation on Halterman's records (skipped when ../shared is absent)."""

import pytest

from strife.article import clean_text
from strife.evaluation.event_location import (CATEGORIES, GoldSpan, LocationRecord, _cleaned, _same_place,
                                              dataset_path, evaluate_event_location, load_records)
from strife.records import Location

HAVE_DATA = dataset_path().exists()
needs_data = pytest.mark.skipif(not HAVE_DATA, reason="shared event-location records not found (set STRIFE_SHARED_DIR)")


def _loc(text, start, lat=None, lon=None, name=None):
    return Location(name=name or text, text=text, span=(start, start + len(text)), lat=lat, lon=lon)


def test_same_place_by_span_name_and_distance():
    gold = GoldSpan(10, 16, "Nablus")
    assert _same_place(_loc("Nablus", 10), gold, {}) == (True, True)
    assert _same_place(_loc("Nablus", 40), gold, {}) == (True, True)        # same name elsewhere
    assert _same_place(_loc("West Bank", 30, 32.0, 35.3), gold, {gold: (32.22, 35.26)}) == (False, True)
    assert _same_place(_loc("Cairo", 30, 30.04, 31.24), gold, {gold: (32.22, 35.26)}) == (False, False)


@needs_data
def test_loader_recomputes_offsets():
    recs = load_records(limit=300)
    assert len(recs) == 300
    assert all(isinstance(r, LocationRecord) and r.text[r.verb.start:r.verb.end] == r.verb.text for r in recs)
    assert all(r.text[g.start:g.end] == g.text and g.text.strip() for r in recs for g in r.locations)
    assert any(r.locations for r in recs) and any(not r.locations for r in recs)
    assert [r.record_id for r in load_records(limit=300)] == [r.record_id for r in recs]  # seeded sample


def test_cleaned_text_moves_spans():
    text = "  Two car bombs  struck\u00a0Kerbala  , killing five. "
    spans = [GoldSpan(17, 23, "struck"), GoldSpan(24, 33, "Kerbala  ")]
    clean, moved = _cleaned(text, spans)
    assert clean == clean_text(text) and not clean.startswith(" ")
    assert [clean[g.start:g.end] for g in moved] == ["struck", "Kerbala"]
    assert _cleaned("plain", [GoldSpan(0, 5, "plain")]) == ("plain", [GoldSpan(0, 5, "plain")])


@needs_data
def test_loader_cleans_texts_like_strife():
    recs = load_records(limit=300)
    assert all(clean_text(r.text) == r.text for r in recs)


@needs_data
def test_event_location_floor():
    out = evaluate_event_location(limit=120)
    assert out["records"] == 120 and out["with_location"] > 30
    assert set(out["errors"]) <= set(CATEGORIES)
    assert out["with_location"] - round(out["acc_strict"] * out["with_location"]) == sum(out["errors"].values())
    # floors: the 120-record sample measures 0.714 / 0.725 / 0.72 (1500 records: 0.657 / 0.679 / 0.711);
    # it measured 0.571 / 0.571 / 0.72 before the place-noun, "the"-opened-span and recovery rules.
    # Until the gold texts were cleaned like strife's (see test_loader_cleans_texts_like_strife) a third of
    # the records were scored as "no event" and abstained trivially.
    assert out["errors"].get("no_event", 0) <= 3, out["text"]
    assert out["acc_strict"] >= 0.68, out["text"]
    assert out["acc_given_event"] >= 0.68, out["text"]
    assert out["abstain_rate"] >= 0.70, out["text"]
    assert "chosen location right" in out["text"]
