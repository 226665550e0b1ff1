"""Exports: formats, ACLED conservative fatalities, and property-based round trips."""

from __future__ import annotations

import csv
import io
import json

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.article import Article
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
    make_event_id,
)
from strife.store.export import (
    ACLED_COLUMNS, FORMATS, UCDP_COLUMNS, acled_row, conservative_fatalities, export_events, read_jsonl,
    read_parquet,
)
from strife.store.ingest import ingest_articles
from strife.store.query import query_events_con
from strife.store.schema import migrate
from strife.store.synthetic import synthetic_corpus

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
opt_text = st.none() | text
span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
iso3 = st.sampled_from(["IRQ", "SYR", "NGA", "USA", None])
day = st.dates().map(lambda d: d.isoformat())
finite = st.floats(allow_nan=False, allow_infinity=False)

actors = st.builds(Actor, role=st.sampled_from(["actor", "recipient"]), name=text, text=text, span=span,
                   country=iso3, sector=opt_text, kind=st.sampled_from(["state", "non_state", "international",
                                                                          "person", "unknown"]),
                   affiliation=st.lists(st.sampled_from(["IRN", "USA"]), max_size=2))
locations = st.builds(Location, name=text, text=text, span=span, country=iso3, admin1=opt_text, admin2=opt_text,
                      lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
                      geonames_id=st.none() | st.integers(0, 2**40),
                      precision=st.none() | st.sampled_from(["point", "city", "admin2", "admin1", "country", "region"]))
claims = st.builds(TollClaim, value=st.integers(0, 10**6), qualifier=st.sampled_from(
    ["exact", "at_least", "at_most", "about", "more_than", "less_than"]), victims=opt_text, side=opt_text,
    source=opt_text, text=text, span=span, source_span=st.none() | span)
tolls = st.builds(Toll, low=st.none() | st.integers(0, 10**6), best=st.none() | st.integers(0, 10**6),
                  high=st.none() | st.integers(0, 10**6), claims=st.lists(claims, max_size=3))


@st.composite
def article_and_event(draw):
    art = Article(text=draw(st.text(min_size=1, max_size=80).filter(lambda s: s.strip())) + " x",
                  id=draw(opt_text), title=draw(opt_text), published=draw(st.none() | st.dates()),
                  source=draw(opt_text))
    start = draw(st.none() | day)
    ev = Event(
        event_id=make_event_id(art.text_sha256, draw(text)),
        article=ArticleRef(id=art.id, url=draw(opt_text), title=art.title, published=art.published_iso,
                           source=art.source, text_sha256=art.text_sha256),
        plover=Plover(type=draw(st.sampled_from(["ASSAULT", "PROTEST", "COERCE", "AID"])),
                      mode=draw(st.lists(text, max_size=2)), context=draw(st.lists(text, max_size=2))),
        cameo=draw(st.none() | st.from_regex(r"\A[0-9]{2,4}\Z")),
        acled=draw(st.none() | st.builds(Acled, event_type=text, sub_event_type=opt_text)),
        actors=draw(st.lists(actors, max_size=3)),
        date=DateInfo(start=start, end=start, precision=draw(st.none() | st.sampled_from(["day", "week"])),
                      text=draw(opt_text), span=draw(st.none() | span),
                      basis=draw(st.sampled_from(["explicit", "relative_to_published", "published_fallback",
                                                  "unresolved"]))),
        locations=draw(st.lists(locations, max_size=2)),
        fatalities=draw(tolls), injuries=draw(tolls), background=draw(st.booleans()),
        evidence=draw(st.lists(st.builds(Evidence, text=text, span=span), max_size=2)),
        confidence=draw(st.floats(0, 1)), cluster_id=None,
        extractor=ExtractorInfo(name="strife", version=draw(text)),
    )
    return art, ev


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(article_and_event(), min_size=1, max_size=4, unique_by=lambda ae: ae[0].text_sha256))
def test_written_exported_read_back_compares_equal(tmp_path, pairs):
    con = duckdb.connect(":memory:")
    migrate(con)
    report = ingest_articles(con, [(a, [e]) for a, e in pairs])
    assert report.stored == len(pairs) and not report.failed
    stored = query_events_con(con)
    con.close()
    by_id = {e.event_id: e for e in stored}
    for _, original in pairs:  # the store gives back the record, plus its cluster
        back = by_id[original.event_id]
        assert back.cluster_id is not None
        assert back.model_copy(update={"cluster_id": None}) == original
    jsonl, parquet = tmp_path / "r.jsonl", tmp_path / "r.parquet"
    export_events(stored, "jsonl", jsonl)
    export_events(stored, "parquet", parquet)
    assert read_jsonl(jsonl) == stored
    assert read_parquet(parquet) == stored


def _sample_events(n=30):
    con = duckdb.connect(":memory:")
    migrate(con)
    ingest_articles(con, synthetic_corpus(n, seed=5))
    events = query_events_con(con)
    con.close()
    return events


def test_every_format_writes_and_carries_cluster_ids(tmp_path):
    events = _sample_events()
    for fmt in FORMATS:
        out = tmp_path / f"x.{fmt}"
        assert export_events(events, fmt, out) == len(events)
        assert out.stat().st_size > 0
    rows = list(csv.DictReader(open(tmp_path / "x.acled-csv", encoding="utf-8")))
    assert tuple(rows[0].keys())[: len(ACLED_COLUMNS) - 1] == ACLED_COLUMNS[:-1]
    assert all(r["cluster_id"].startswith("cl_") for r in rows)
    rows = list(csv.DictReader(open(tmp_path / "x.ucdp-csv", encoding="utf-8")))
    assert tuple(rows[0].keys()) == UCDP_COLUMNS and all(r["relid"].startswith("cl_") for r in rows)
    gj = json.load(open(tmp_path / "x.geojson"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(events)
    assert gj["features"][0]["geometry"]["type"] == "Point"
    assert all(f["properties"]["cluster_id"] for f in gj["features"])
    pj = json.load(open(tmp_path / "x.plover-json"))
    assert {p["event_type"] for p in pj} <= {"ASSAULT", "PROTEST", "COERCE"} and all(p["cluster_id"] for p in pj)


def test_acled_fatalities_are_most_conservative_and_notes_name_disputes():
    e = _sample_events(1)[0]
    e = e.model_copy(update={"fatalities": Toll(low=4, best=4, high=19, claims=[
        TollClaim(value=4, qualifier="exact", source="the army", text="four", span=(0, 4)),
        TollClaim(value=19, qualifier="at_least", source="a spokesman", text="19", span=(5, 7))])})
    row = acled_row(e, timestamp=0)
    assert row["fatalities"] == 4
    assert "Disputed fatalities: 4 (the army); at least 19 (a spokesman)" in row["notes"]
    assert "disputed fatalities" in row["tags"]
    assert conservative_fatalities(Toll()) == 0
    assert row["iso"] and row["country"] and row["event_date"] == e.date.start


def test_failed_export_leaves_no_file(tmp_path):
    class Boom(Exception):
        pass

    def events():
        yield _sample_events(1)[0]
        raise Boom()

    out = tmp_path / "x.jsonl"
    try:
        export_events(events(), "jsonl", out)
    except Boom:
        pass
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_text_formats_to_a_stream():
    buf = io.StringIO()
    export_events(_sample_events(3), "csv", buf)
    assert buf.getvalue().splitlines()[0].startswith("event_id,cluster_id")
