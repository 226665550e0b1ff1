"""The merging evaluation (strife.evaluation.merging): gold pairs, scoring and the GED run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from strife.evaluation import merging as M
from strife.store.cluster import DEFAULT_RULE, MergeRule, same_event


def _event(eid: int, *, day: str = "2015-05-19", end: str | None = None, lat: float = 36.0, lon: float = 3.0,
           heads: tuple[str, ...] = ("Army kills 22 militants",), country: str = "Algeria", where_prec: int = 1,
           side_b: str = "AQIM") -> M.GedEvent:
    d0 = date.fromisoformat(day)
    return M.GedEvent(
        id=eid, type_of_violence=1, side_a="Government of Algeria", side_b=side_b, country=country, iso3="DZA",
        adm_1="Boumerdes province", adm_2=None, where="Corso commune", lat=lat, lon=lon, where_prec=where_prec,
        date_start=d0, date_end=date.fromisoformat(end) if end else d0, date_prec=1, best=22, low=22, high=25,
        sources=tuple(M.GedSource(eid, i, h, f"Outlet {i}", d0) for i, h in enumerate(heads)),
    )


def _texts(events, mode: str = "pipeline") -> dict[str, str]:
    return {s.key: M.source_text(s, mode) for ev in events for s in ev.sources}


def test_gold_pairs_positive_negative_and_far() -> None:
    a = _event(1, heads=("Army kills 22 militants", "Troops kill 22 Islamists", "Army kills 22 militants"))
    b = _event(2, day="2015-05-22", lat=36.3, heads=("Clash east of Algiers",))  # 3 days, ~33 km: nearby
    c = _event(3, day="2015-07-01", heads=("Ambush in Boumerdes",))  # six weeks later: not nearby
    d = _event(4, lat=40.0, heads=("Bomb in the north",))  # ~445 km away: not nearby
    events = [a, b, c, d]
    gold = M.gold_pairs(events, _texts(events))
    # a's three sources: 3 pairs, minus the pair of identical headlines
    assert set(gold.positive) == {("ged1-0", "ged1-1"), ("ged1-1", "ged1-2")}
    assert set(gold.positive.values()) == {1}
    assert gold.negative == {("ged1-0", "ged2-0"), ("ged1-1", "ged2-0"), ("ged1-2", "ged2-0")}


def test_nearby_needs_same_country() -> None:
    a, b = _event(1), _event(2)
    assert M.nearby(a, b)
    assert not M.nearby(a, _event(3, country="Morocco"))


def test_score_pairs_counts() -> None:
    gold = M.GoldPairs(positive={("a", "b"): 1, ("c", "d"): 2, ("c", "e"): 2}, negative={("a", "c"), ("b", "d")})
    merged = {("a", "b"), ("c", "d"), ("a", "c")}
    sc = M.score_pairs(gold, lambda x, y: (x, y) in merged)
    assert (sc.tp, sc.fn, sc.fp, sc.tn) == (2, 1, 1, 1)
    assert sc.precision == pytest.approx(2 / 3) and sc.recall == pytest.approx(2 / 3)
    assert sc.f1 == pytest.approx(2 / 3)
    assert sc.recall_event_avg == pytest.approx((1 + 0.5) / 2)
    empty = M.score_pairs(M.GoldPairs(), lambda x, y: True)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_ged_records_of_one_event_merge_and_distinct_ones_do_not() -> None:
    a = _event(1, heads=("Army kills 22 militants", "Troops kill 22 Islamists"))
    far = _event(2, lat=36.9, heads=("Clash far away",))  # ~100 km: beyond max_km
    recs = M.build_records([a, far], "ged")
    r0, r1, r2 = recs.records["ged1-0"][0], recs.records["ged1-1"][0], recs.records["ged2-0"][0]
    assert r0.article.text_sha256 != r1.article.text_sha256
    assert r0.evidence[0].text == "Army kills 22 militants"
    assert r0.locations[0].precision == "city" and r0.locations[0].country == "DZA"
    assert r0.date.start == "2015-05-19" and r0.fatalities.best == 22
    assert same_event(r0, r1)
    assert not same_event(r0, r2)


def test_ged_mode_keeps_identical_generic_titles_apart() -> None:
    """Two events' sources with the same generic title are different articles in ged mode."""
    a, b = _event(1, heads=("Daily report",)), _event(2, lat=36.2, heads=("Daily report",))
    b = replace(b, sources=(replace(b.sources[0], office="Other outlet"),))
    ta, tb = M.source_text(a.sources[0], "ged"), M.source_text(b.sources[0], "ged")
    assert ta != tb
    assert M.source_text(a.sources[0], "pipeline") == M.source_text(b.sources[0], "pipeline") == "Daily report"


def test_store_score_on_synthetic_events() -> None:
    a = _event(1, heads=("Army kills 22 militants", "Troops kill 22 Islamists", "22 killed in Boumerdes raid"))
    b = _event(2, day="2015-05-20", lat=36.45, heads=("Militants ambush patrol",))  # ~50 km, next day
    res = M.evaluate_mode([a, b], "ged", DEFAULT_RULE)
    assert res.n_positive == 3 and res.n_negative == 3
    assert res.store.tp == 3 and res.store.fn == 0
    assert res.store.precision_all is not None
    # a rule that never merges scores zero recall: the score can fail
    never = MergeRule(threshold=1.01)
    res0 = M.evaluate_mode([a, b], "ged", never)
    assert res0.store.tp == 0 and res0.rule.recall == 0.0


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        M.build_records([], "oracle")


def test_missing_shared_dir_is_a_clear_error(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("STRIFE_SHARED_DIR", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="UCDP GED sample not found"):
        M.ged_path()


# --- on the real sample ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ged_events(shared):
    path = shared / M.GED_DIR / M.GED_FILE
    if not path.is_file():
        pytest.skip(f"UCDP GED sample absent at {path}")
    return M.load_ged_events(path)


def test_load_ged_sample(ged_events) -> None:
    assert len(ged_events) == 674  # SOURCE.txt: 674 events have a non-empty source_headline
    assert sum(len(e.sources) >= 2 for e in ged_events) == 213
    assert all(e.iso3 for e in ged_events), {e.country for e in ged_events if not e.iso3}
    by_id = {e.id: e for e in ged_events}
    assert by_id[190656].iso3 == "DZA" and len(by_id[190656].sources) == 12
    assert by_id[190656].sources[0].published == date(2015, 5, 19)


def test_ged_mode_floors(ged_events) -> None:
    """With GED's own coding as records, the rule must merge reports of one event and rarely fuse neighbours."""
    res = M.evaluate_mode(ged_events, "ged")
    assert res.n_positive > 1000 and res.n_negative > 100
    assert res.rule.recall >= 0.95 and res.rule.precision >= 0.95
    assert res.store.f1 >= 0.95
    assert res.store.precision_all is not None and res.store.precision_all >= 0.9


def test_pipeline_mode_runs_on_a_subset(ged_events, nlp) -> None:
    subset = [e for e in ged_events if len(e.sources) >= 2][:15]
    res = M.evaluate_mode(subset, "pipeline", nlp=nlp)
    assert res.n_sources == sum(len(e.sources) for e in subset)
    assert 0 < res.sources_with_records <= res.n_sources
    assert 0.0 <= res.store.f1 <= 1.0


def test_cli_prints_scores(ged_events, capsys) -> None:
    assert M.main(["--mode", "ged"]) == 0
    out = capsys.readouterr().out
    assert "[ged]" in out and "F1" in out and "store (clusters)" in out
