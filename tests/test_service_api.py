"""The web service's API (strife.service) through FastAPI's test client."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from strife.article import Article  # noqa: E402
from strife.records import Event  # noqa: E402
from strife.service import ServiceSettings, create_app  # noqa: E402
from strife.service.access import StoreAccess  # noqa: E402
from strife.store import EventFilter, connect, ingest_articles, query_events, store_counts  # noqa: E402
from strife.store.synthetic import synthetic_corpus  # noqa: E402

TOKEN = "test-token-0123456789abcdef"


def _no_events(article: Article) -> list[Event]:
    return []


@pytest.fixture(scope="module")
def syn_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("svc") / "syn.duckdb"
    report = ingest_articles(path, synthetic_corpus(300, seed=3), batch_size=100)
    assert report.events_added == 300
    return path


@pytest.fixture(scope="module")
def client(syn_db):
    with TestClient(create_app(syn_db, extractor=_no_events)) as c:
        yield c


@pytest.fixture(scope="module")
def seed_db(shared, nlp, tmp_path_factory):
    from strife.pipeline import extract_article

    from strife.readers import split_title

    title, text = split_title((shared / "seed" / "article.txt").read_text(encoding="utf-8"))
    article = Article(text=text, id="seed", published="2019-12-30", source="wire", title=title)
    path = tmp_path_factory.mktemp("svc_seed") / "seed.duckdb"
    ingest_articles(path, [(article, extract_article(article, nlp))])
    return path


# --- reading -----------------------------------------------------------------------------------

def test_stats_match_the_store(client, syn_db):
    s = client.get("/stats").json()
    c = store_counts(syn_db)
    assert (s["articles"], s["events"], s["clusters"]) == (c.articles, c.events, c.clusters)
    assert s["ingest_enabled"] is False
    assert sum(x["n"] for x in s["plover_types"]) == c.events
    assert s["date_min"] <= s["date_max"]


def test_events_pages_follow_the_store_order(client, syn_db):
    expected = [e.event_id for e in query_events(syn_db, EventFilter())]
    got = []
    for offset in range(0, 300, 120):
        page = client.get("/events", params={"limit": 120, "offset": offset}).json()
        assert page["total"] == 300 and page["limit"] == 120 and page["offset"] == offset
        got += [Event.from_json_dict(r).event_id for r in page["events"]]
    assert got == expected
    assert all(r["cluster_id"] for r in client.get("/events?limit=5").json()["events"])
    assert client.get("/events", params={"offset": 1000}).json()["events"] == []


@pytest.mark.parametrize("params", [
    {"country": "IRQ"},
    {"min_fatalities": 20},
    {"actor": "militia"},
    {"date_from": "2019-03-01", "date_to": "2019-04-30"},
    {"plover_type": "PROTEST", "include_background": "false"},
    {"bbox": "40,30,50,40"},
])
def test_filters_match_query_events(client, syn_db, params):
    conv = dict(params)
    if "bbox" in conv:
        conv["bbox"] = tuple(float(x) for x in conv["bbox"].split(","))
    if "include_background" in conv:
        conv["include_background"] = False
    expected = [e.event_id for e in query_events(syn_db, EventFilter(**conv))]
    page = client.get("/events", params={**params, "limit": 1000}).json()
    assert page["total"] == len(expected) > 0
    assert [r["event_id"] for r in page["events"]] == expected


def test_export_formats(client):
    geo = client.get("/events", params={"format": "geojson", "limit": 7})
    assert geo.headers["content-type"].startswith("application/geo+json")
    fc = geo.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 7
    csv = client.get("/events", params={"format": "csv", "limit": 3})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("event_id,cluster_id")
    assert len(csv.text.strip().splitlines()) == 4
    jl = client.get("/events", params={"format": "jsonl", "limit": 4}).text.strip().splitlines()
    assert len(jl) == 4 and all(Event.model_validate_json(line) for line in jl)


def test_points_and_days(client, syn_db):
    p = client.get("/points").json()
    assert p["total"] == 300 and not p["truncated"]
    assert p["columns"][:3] == ["event_id", "lat", "lon"]
    assert len(p["rows"]) == 300
    assert sum(d["n"] for d in p["days"]) == 300
    irq = client.get("/points", params={"country": "IRQ"}).json()
    assert 0 < irq["total"] < 300 and len(irq["rows"]) == irq["total"]


def test_event_detail_has_text_spans_and_cluster(client):
    eid = client.get("/events?limit=1").json()["events"][0]["event_id"]
    d = client.get(f"/events/{eid}").json()
    rec, text = d["record"], d["article"]["text"]
    assert rec["event_id"] == eid
    for ev in rec["evidence"]:
        assert text[ev["span"][0]:ev["span"][1]] == ev["text"]
    assert d["cluster"]["cluster_id"] == rec["cluster_id"]
    assert eid in [m["event_id"] for m in d["cluster"]["members"]]
    assert d["cluster"]["summary"]["n_events"] == len(d["cluster"]["members"])
    c = client.get(f"/clusters/{rec['cluster_id']}").json()
    assert c["members"] == d["cluster"]["members"]


def test_a_cluster_lists_every_article_that_reported_it(client):
    multi = None
    for rec in client.get("/events?limit=300").json()["events"]:
        d = client.get(f"/clusters/{rec['cluster_id']}").json()
        if len(d["members"]) > 1:
            multi = d
            break
    assert multi is not None, "the synthetic corpus reports some events in several articles"
    assert len({m["article_sha256"] for m in multi["members"]}) == len(multi["members"])


def test_seed_event_spans_point_into_the_stored_text(seed_db):
    with TestClient(create_app(seed_db)) as c:
        page = c.get("/events", params={"plover_type": "ASSAULT", "include_background": "false"}).json()
        assert page["total"] >= 1, "the seed's main event (US strikes) is an ASSAULT"
        main = page["events"][0]
        d = c.get(f"/events/{main['event_id']}").json()
    text = d["article"]["text"]
    rec = d["record"]
    assert rec["plover"]["type"] == "ASSAULT"
    spans = [(a["span"], a["text"]) for a in rec["actors"]] + [(e["span"], e["text"]) for e in rec["evidence"]]
    spans += [(c["span"], c["text"]) for c in rec["fatalities"]["claims"]]
    spans += [(loc["span"], loc["text"]) for loc in rec["locations"]]
    assert spans
    for (s, e), t in spans:
        assert text[s:e] == t
    assert d["article"]["published"] == "2019-12-30"


# --- errors and limits -----------------------------------------------------------------------

@pytest.mark.parametrize("url, status, words", [
    ("/events?date_from=2019-13-01", 422, "date_from"),
    ("/events?date_from=2019-05-01&date_to=2019-01-01", 400, "after"),
    ("/events?bbox=1,2,3", 400, "bbox"),
    ("/events?bbox=10,0,0,10", 400, "bbox"),
    ("/events?bbox=nan,0,1,1", 400, "finite"),
    ("/events?limit=0", 422, "limit"),
    ("/events?limit=100000", 422, "limit"),
    ("/events?format=parquet", 422, "format"),
    ("/events?country=Iraq", 422, "country"),
    ("/events?min_fatalities=-1", 422, "min_fatalities"),
    ("/events?actor=%00x", 422, "actor"),
    ("/events/ev_doesnotexist", 404, "no event"),
    ("/events/..%2F..%2Fetc", 404, "Not Found"),
    ("/events/ev%20x", 422, "event_id"),
    ("/clusters/cl_nope", 404, "no cluster"),
])
def test_bad_requests_get_4xx_with_a_message(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"]


def test_missing_store_is_503_with_a_message(tmp_path):
    with TestClient(create_app(tmp_path / "absent.duckdb")) as c:
        r = c.get("/events")
    assert r.status_code == 503
    assert "strife ingest" in r.json()["detail"]


def test_page_static_and_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "leaflet.js" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
                  "/static/countries-110m.geojson", "/docs", "/openapi.json"):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_cors_is_off_by_default(client, syn_db):
    r = client.get("/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    settings = ServiceSettings(db_path=syn_db, cors_origins=("https://ok.example",))
    with TestClient(create_app(settings=settings)) as c:
        r = c.get("/stats", headers={"Origin": "https://ok.example"})
    assert r.headers["access-control-allow-origin"] == "https://ok.example"
    with pytest.raises(ValueError, match="CORS"):
        ServiceSettings(db_path=syn_db, cors_origins=("*",))


# --- /extract ----------------------------------------------------------------------------------

def test_extract_json_and_text_with_a_stub(syn_db):
    seen: list[Article] = []

    def stub(article: Article) -> list[Event]:
        seen.append(article)
        return []

    with TestClient(create_app(syn_db, extractor=stub)) as c:
        r = c.post("/extract", json={"text": "Gunmen attacked a village.", "published": "2020-01-02", "title": "t"})
        assert r.status_code == 200 and r.json() == {"events": []}
        r = c.post("/extract?published=2020-02-03", content="Troops  shelled\tthe town.".encode(),
                   headers={"content-type": "text/plain; charset=utf-8"})
        assert r.status_code == 200
        assert c.post("/extract", json={"text": "   "}).status_code == 422
        assert c.post("/extract", json={"txt": "x"}).status_code == 422
        assert c.post("/extract", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
        assert c.post("/extract", content=b"\xff\xfe", headers={"content-type": "text/plain"}).status_code == 400
        assert c.post("/extract", content=b"x", headers={"content-type": "application/xml"}).status_code == 415
        big = c.post("/extract", content=b"a" * 1_000_001, headers={"content-type": "text/plain"})
        assert big.status_code == 413 and "limit" in big.json()["detail"]
    assert [a.published.isoformat() for a in seen] == ["2020-01-02", "2020-02-03"]
    assert seen[1].text == "Troops shelled the town."  # cleaned like every input


def test_extract_runs_the_pipeline_and_stores_nothing(seed_db, shared):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    before = store_counts(seed_db)
    with TestClient(create_app(seed_db)) as c:
        r = c.post("/extract", json={"text": text, "published": "2019-12-30"})
    assert r.status_code == 200, r.text
    events = [Event.from_json_dict(e) for e in r.json()["events"]]
    assert events and events[0].plover.type == "ASSAULT"
    assert store_counts(seed_db) == before


# --- /ingest -----------------------------------------------------------------------------------

def test_ingest_is_off_without_a_token(client):
    r = client.post("/ingest", json={"articles": [{"text": "x"}]})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_ingest_with_a_token(tmp_path):
    corpus = list(synthetic_corpus(6, seed=11))
    by_sha = {a.text_sha256: evs for a, evs in corpus}

    def stub(article: Article) -> list[Event]:
        return by_sha[article.text_sha256]

    db = tmp_path / "ingest.duckdb"
    body = {"articles": [{"text": a.text, "id": a.id, "title": a.title, "url": a.url,
                          "published": a.published.isoformat(), "source": a.source} for a, _ in corpus]}
    with TestClient(create_app(db, token=TOKEN, extractor=stub)) as c:
        assert c.post("/ingest", json=body).status_code == 401
        assert c.post("/ingest", json=body, headers={"Authorization": "Bearer wrong-token-wrong"}).status_code == 401
        r = c.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        assert r.json()["stored"] == 6 and r.json()["events_added"] == 6
        s = c.get("/stats").json()
        assert s["events"] == 6 and s["ingest_enabled"] is True
        again = c.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert again["skipped_duplicates"] == 6
        assert c.get("/events").json()["total"] == 6
    with pytest.raises(ValueError, match="16 characters"):
        ServiceSettings(db_path=db, token="short")


# --- sharing the store with other processes ----------------------------------------------------

def test_the_shared_connection_is_released_when_idle(syn_db, tmp_path):
    import shutil

    own = tmp_path / "own.duckdb"  # a file no other test's app holds open in this process
    shutil.copy(syn_db, own)
    syn_db = own
    access = StoreAccess(ServiceSettings(db_path=syn_db), idle_seconds=0.05, hold_seconds=0.3, yield_seconds=0.02)
    with access.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 300
    deadline = time.monotonic() + 3
    while access._con is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert access._con is None, "an idle service must close the store so an ingest can open it"
    w = connect(syn_db)  # a writer gets in
    w.close()


def test_a_busy_service_still_lets_a_writer_in(syn_db):
    """Requests without pause must not lock out a `strife ingest` in another process."""
    access = StoreAccess(ServiceSettings(db_path=syn_db), idle_seconds=1.0, hold_seconds=0.3, yield_seconds=0.1)
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from strife.store import connect; t = time.monotonic(); "
        "connect(sys.argv[1], timeout=10).close(); print(round(time.monotonic() - t, 2))"), str(syn_db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while writer.poll() is None and time.monotonic() < deadline:
        with access.read() as con:
            con.execute("SELECT count(*) FROM events").fetchone()
    out, err = writer.communicate(timeout=20)
    access.close()
    assert writer.returncode == 0, f"the writer could not open the store while the service was busy: {err[-500:]}"
    assert access.opens >= 1  # how often it reopened depends on timing; the writer getting in is the point


@pytest.mark.skipif(not os.environ.get("STRIFE_BENCH"), reason="benchmark: set STRIFE_BENCH=1 (builds a 10,000-event store)")
def test_events_under_100ms_at_10000_events(tmp_path):
    db = tmp_path / "bench.duckdb"
    ingest_articles(db, synthetic_corpus(10_000), batch_size=500)
    with TestClient(create_app(db)) as c:
        timings = {}
        for url in ("/events", "/events?country=IRQ&min_fatalities=10", "/points", "/stats"):
            c.get(url)
            ts = []
            for _ in range(11):
                t0 = time.perf_counter()
                assert c.get(url).status_code == 200
                ts.append(time.perf_counter() - t0)
            timings[url] = sorted(ts)[5]
    print({k: round(v * 1000, 1) for k, v in timings.items()})
    assert timings["/events"] < 0.1
