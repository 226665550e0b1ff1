"""Query filters and the store CLI commands."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from strife.records import Acled
from strife.store.cli_commands import register
from strife.store.cluster import haversine_km, merge_score, same_event
from strife.store.ingest import ingest_articles
from strife.store.query import EventFilter, count_events, query_events

from test_store_ingest import make_article, make_event


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    a = make_article("Strike in the north.", "2020-01-03", "Wire", "a")
    b = make_article("Clash in the south.", "2020-02-10", "Paper", "b")
    c = make_article("Protest in the capital.", "2020-03-05", "Daily", "c")
    items = [
        (a, [make_event(a, "e", day="2020-01-02", deaths=(4, 19), actors=("US Forces", "Kataib Militia"))]),
        (b, [make_event(b, "e", day="2020-02-09", deaths=(2,), place=("Port", "SYR", "Coast", 35.5, 35.8),
                        actors=("Rebels", "Army"), evidence="Rebels clashed with the army at the port")]),
        (c, [make_event(c, "e", day="2020-03-04", deaths=(), place=("Capital", "NGA", "Capital Territory", 9.0, 7.5),
                        ptype="PROTEST", actors=("Students", "Police"), evidence="Students marched in the capital")
             .model_copy(update={"cameo": "141", "acled": Acled(event_type="Protests",
                                                                 sub_event_type="Peaceful protest")})]),
    ]
    ingest_articles(path, items)
    return path


@pytest.mark.parametrize("f, expected", [
    (EventFilter(), {"a", "b", "c"}),
    (EventFilter(date_from="2020-02-01"), {"b", "c"}),
    (EventFilter(date_from="2020-01-01", date_to="2020-02-09"), {"a", "b"}),
    (EventFilter(country="syr"), {"b"}),
    (EventFilter(admin1="capital territory"), {"c"}),
    (EventFilter(bbox=(40.0, 30.0, 50.0, 40.0)), {"a"}),
    (EventFilter(plover_type="protest"), {"c"}),
    (EventFilter(cameo_prefix="19"), {"a", "b"}),
    (EventFilter(acled_type="Protests"), {"c"}),
    (EventFilter(acled_sub_type="Air/drone strike"), {"a", "b"}),
    (EventFilter(actor="kataib"), {"a"}),
    (EventFilter(actor="POLICE"), {"c"}),
    (EventFilter(min_fatalities=3), {"a"}),
    (EventFilter(text="port"), {"b"}),
    (EventFilter(country="IRQ", min_fatalities=5), set()),
])
def test_filters(db, f, expected):
    got = {e.article.id for e in query_events(db, f)}
    assert got == expected
    assert count_events(db, f) == len(expected)
    assert all(e.cluster_id for e in query_events(db, f))


def test_bad_filter_values_raise_clearly(db):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        query_events(db, EventFilter(date_from="last week"))
    with pytest.raises(ValueError, match="bbox"):
        query_events(db, EventFilter(bbox=(50, 40, 40, 30)))


def test_limit_and_order(db):
    evs = query_events(db, limit=2)
    assert [e.article.id for e in evs] == ["a", "b"]
    assert [e.article.id for e in query_events(db, limit=2, offset=2)] == ["c"]


def test_merge_score_components():
    a_art = make_article("x", "2020-01-03", "A", "a")
    b_art = make_article("y", "2020-01-03", "B", "b")
    a = make_event(a_art, "e", day="2020-01-02")
    assert same_event(a, make_event(b_art, "e", day="2020-01-03"))
    far = make_event(b_art, "e", day="2020-01-02", place=("F", "IRQ", "Prov", 36.0, 44.0))  # ~111 km
    assert merge_score(a, far).veto and "km" in merge_score(a, far).veto
    later = make_event(b_art, "e", day="2020-01-06")
    assert "days" in (merge_score(a, later).veto or "")
    coarse = make_event(b_art, "e", day="2020-01-02").model_copy(update={"locations": [
        make_event(b_art, "e", day="2020-01-02").locations[0].model_copy(update={"precision": "admin1"})]})
    s = merge_score(a, coarse)
    assert s.components["place"] == 0.7 and not s.vetoed
    assert 110 < haversine_km(35.0, 44.0, 36.0, 44.0) < 112


def test_cli_query_export_cluster_info(db, tmp_path):
    @click.group()
    def main() -> None:
        pass

    register(main)
    r = CliRunner()
    res = r.invoke(main, ["query", "--db", str(db), "--country", "IRQ", "--format", "acled-csv"])
    assert res.exit_code == 0, res.output
    lines = [x for x in res.stdout.splitlines() if x]
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) == 2
    assert ",4," in lines[1]  # conservative fatalities
    out = tmp_path / "all.parquet"
    res = r.invoke(main, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0 and out.exists()
    res = r.invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert res.exit_code == 2 and "-o FILE" in res.output
    first = json.loads(r.invoke(main, ["query", "--db", str(db), "--limit", "1"]).stdout.splitlines()[0])
    res = r.invoke(main, ["cluster", first["cluster_id"], "--db", str(db)])
    view = json.loads(res.stdout)
    assert view["n_articles"] == 1 and view["fatalities"]["low"] == 4 and view["fatalities"]["high"] == 19
    res = r.invoke(main, ["cluster", "cl_nope", "--db", str(db)])
    assert res.exit_code == 1 and "no cluster" in res.output
    info = json.loads(r.invoke(main, ["db-info", "--db", str(db)]).stdout)
    assert info["articles"] == 3 and info["migrations"] == ["0001_initial"]
    res = r.invoke(main, ["query", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 1 and "no store" in res.output


def test_cli_ingest_with_a_stub_extractor(tmp_path, monkeypatch):
    import strife.batch

    def stub_extractor():
        def extract(article):
            if "explode" in article.text:
                raise RuntimeError("stub failure")
            return [make_event(article, "e", day="2020-01-02")]
        return extract

    monkeypatch.setattr(strife.batch, "default_extractor", stub_extractor)
    (tmp_path / "one.txt").write_text("A strike hit the town on Thursday.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Another report: the strike hit the town.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("This one will explode.\n", encoding="utf-8")

    @click.group()
    def main() -> None:
        pass

    register(main)
    db = tmp_path / "cli.duckdb"
    r = CliRunner()
    res = r.invoke(main, ["ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), str(tmp_path / "bad.txt"),
                          "--db", str(db), "--published", "2020-01-03"])
    assert res.exit_code == 1, res.output  # one article failed
    assert "stored: 2" in res.output and "failed: 1" in res.output and "stub failure" in res.output
    assert "clusters created: 1" in res.output
    res = r.invoke(main, ["ingest", str(tmp_path / "one.txt"), "--db", str(db), "--published", "2020-01-03"])
    assert res.exit_code == 0 and "skipped as duplicates: 1" in res.output
