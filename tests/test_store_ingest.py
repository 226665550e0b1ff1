"""Ingest: idempotency, per-article failures, clusters, re-reports."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from strife.article import Article
from strife.records import (
    Acled, Actor, ArticleRef, DateInfo, Event, Evidence, ExtractorInfo, Location, Plover, Toll, TollClaim,
    make_event_id,
)
from strife.store.clusterview import cluster_view
from strife.store.db import StoreError, connect
from strife.store.ingest import ingest_articles
from strife.store.query import query_events, store_counts
from strife.store.schema import LATEST, MIGRATIONS, applied_migrations
from strife.store.synthetic import synthetic_corpus


def make_article(text: str, published: str, source: str, aid: str) -> Article:
    return Article(text=text, id=aid, title=f"title {aid}", published=published, source=source)


def make_event(article: Article, key: str, *, day: str, end: str | None = None, basis: str = "explicit",
               place=("Town", "IRQ", "Prov", 35.0, 44.0), actors=("Army", "Militia"), deaths=(4,),
               ptype: str = "ASSAULT", evidence: str = "The army struck militia sites near the town") -> Event:
    sha = article.text_sha256
    claims = [TollClaim(value=v, qualifier="exact" if i == 0 else "at_least", source=f"src{i}",
                        text=f"{v} killed", span=(0, 3)) for i, v in enumerate(deaths)]
    return Event(
        event_id=make_event_id(sha, key),
        article=ArticleRef(id=article.id, title=article.title, published=article.published_iso,
                           source=article.source, text_sha256=sha),
        plover=Plover(type=ptype, mode=["aerial"]),
        cameo="195",
        acled=Acled(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
        actors=[Actor(role="actor", name=actors[0], text=actors[0], span=(0, 3), kind="state", sector="MIL",
                      country=place[1]),
                Actor(role="recipient", name=actors[1], text=actors[1], span=(4, 8), kind="non_state",
                      sector="MILITIA", country=place[1])],
        date=DateInfo(start=day, end=end or day, precision="day", basis=basis),
        locations=[Location(name=place[0], text=place[0], span=(9, 12), country=place[1], admin1=place[2],
                            lat=place[3], lon=place[4], precision="city")],
        fatalities=Toll(low=min(deaths), best=min(deaths), high=max(deaths), claims=claims) if deaths else Toll(),
        evidence=[Evidence(text=evidence, span=(0, len(evidence)))],
        confidence=0.8,
        extractor=ExtractorInfo(version="0.1.0"),
    )


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "store.duckdb"


def test_migrations_are_recorded_and_idempotent(db):
    con = connect(db)
    assert applied_migrations(con) == [m.name for m in MIGRATIONS]
    con.close()
    con = connect(db)  # reopening applies nothing twice
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"articles", "events", "mentions", "toll_claims", "actors", "places", "clusters",
            "schema_migrations"} <= tables
    con.close()
    assert store_counts(db).migrations[-1] == LATEST


def test_abduction_and_arrest_claims_are_stored_by_kind(db):
    art = make_article("Gunmen abducted 30 villagers and police later arrested two suspects.", "2020-01-02", "A", "a")
    ev = make_event(art, "e", day="2020-01-01", deaths=())
    ev.abducted = Toll(low=30, best=30, high=30, claims=[
        TollClaim(value=30, qualifier="exact", source="police", text="abducted 30 villagers", span=(7, 28))])
    ev.arrested = Toll(low=2, best=2, high=2, claims=[
        TollClaim(value=2, qualifier="exact", text="arrested two suspects", span=(44, 65))])
    ingest_articles(db, [(art, [ev])])
    con = connect(db, read_only=True)
    rows = con.execute("SELECT kind, value, claim_source FROM toll_claims ORDER BY kind").fetchall()
    con.close()
    assert rows == [("abducted", 30, "police"), ("arrested", 2, None)]


def test_read_only_on_missing_store_says_so(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        connect(tmp_path / "absent.duckdb", read_only=True)


def test_ingest_is_idempotent_by_text_hash(db):
    items = list(synthetic_corpus(60, seed=3))
    r1 = ingest_articles(db, items, batch_size=7)
    assert (r1.read, r1.stored, r1.skipped_duplicates, r1.failed) == (60, 60, 0, [])
    assert r1.events_added == 60
    r2 = ingest_articles(db, items + items[:5], batch_size=7)
    assert (r2.stored, r2.skipped_duplicates, r2.events_added) == (0, 65, 0)
    c = store_counts(db)
    assert (c.articles, c.events) == (60, 60)
    # the same text under another id is still a duplicate
    a, evs = items[0]
    twin = Article(text=a.text, id="another-id", published=a.published)
    r3 = ingest_articles(db, [(twin, evs)])
    assert r3.skipped_duplicates == 1 and r3.stored == 0


def test_failures_are_per_article_and_reported(db):
    good = make_article("Good article text about a strike.", "2020-01-02", "A", "good")
    other = make_article("Other article text.", "2020-01-02", "B", "other")
    bad_sha = make_event(other, "x", day="2020-01-01")  # names `other`, given with `good2`
    good2 = make_article("Second good article.", "2020-01-02", "C", "good2")
    crashed = make_article("Crashed article.", "2020-01-02", "D", "crashed")
    report = ingest_articles(db, [
        (good, [make_event(good, "e", day="2020-01-01")]),
        (good2, [bad_sha]),
        (crashed, RuntimeError("parser exploded")),
        (other, []),
    ])
    assert report.stored == 2  # good and `other` (an article with no events is stored)
    reasons = {f.article: f.reason for f in report.failed}
    assert set(reasons) == {"good2", "crashed"}
    assert "sha256" in reasons["good2"] and "parser exploded" in reasons["crashed"]
    # a failed article is not stored, so a re-run retries it
    assert store_counts(db).articles == 2


def test_same_event_from_three_outlets_is_one_cluster_with_sources_visible(db):
    arts = [make_article(f"Report {i} of the strike near the town.", "2020-01-03", f"Outlet {i}", f"a{i}")
            for i in range(3)]
    items = [
        (arts[0], [make_event(arts[0], "e", day="2020-01-02", deaths=(4, 19))]),
        (arts[1], [make_event(arts[1], "e", day="2020-01-02", deaths=(5,),
                              place=("Town", "IRQ", "Prov", 35.05, 44.02),
                              evidence="Militia sites near the town were struck by the army")]),
        (arts[2], [make_event(arts[2], "e", day="2020-01-03", deaths=(6,), basis="relative_to_published")]),
    ]
    report = ingest_articles(db, items)
    assert report.clusters_created == 1
    events = query_events(db)
    assert len({e.cluster_id for e in events}) == 1
    with connect(db, read_only=True) as con:
        view = cluster_view(con, events[0].cluster_id)
    s = view.summary
    assert (s.n_events, s.n_articles, s.n_sources) == (3, 3, 3)
    assert (s.fatalities_low, s.fatalities_best, s.fatalities_high) == (4, 4, 19)
    assert view.disputed_fatalities
    assert {c.article_source for c in view.claims} == {"Outlet 0", "Outlet 1", "Outlet 2"}
    assert s.date_start == date(2020, 1, 2)  # explicit dates win over a relative one
    assert (s.first_report, s.last_report) == (date(2020, 1, 3), date(2020, 1, 3))
    d = view.to_json_dict()
    assert d["fatalities"]["best_rule"] == "most_conservative" and len(d["event_ids"]) == 3


def test_different_events_stay_apart(db):
    a = make_article("One.", "2020-01-03", "X", "a")
    b = make_article("Two.", "2020-01-03", "Y", "b")
    c = make_article("Three.", "2020-01-30", "Z", "c")
    d = make_article("Four.", "2020-01-03", "W", "d")
    report = ingest_articles(db, [
        (a, [make_event(a, "e", day="2020-01-02")]),
        (b, [make_event(b, "e", day="2020-01-02", place=("Far", "IRQ", "Other", 33.3, 44.4))]),  # ~200 km away
        (c, [make_event(c, "e", day="2020-01-29")]),  # four weeks later
        (d, [make_event(d, "e", day="2020-01-02", ptype="PROTEST").model_copy(update={  # incompatible type
            "cameo": "141", "acled": Acled(event_type="Protests", sub_event_type="Peaceful protest")})]),
    ])
    assert report.clusters_created == 4


def test_two_events_of_one_article_never_share_a_cluster(db):
    a = make_article("Two strikes the same day.", "2020-01-03", "X", "a")
    report = ingest_articles(db, [(a, [make_event(a, "e1", day="2020-01-02"), make_event(a, "e2", day="2020-01-02")])])
    assert report.clusters_created == 2


def test_re_report_joins_the_old_cluster_with_the_old_date(db):
    first = make_article("Friday's strike killed four.", "2020-01-04", "Wire", "first")
    r1 = ingest_articles(db, [(first, [make_event(first, "e", day="2020-01-03")])])
    # weeks later an article mentions "the attack on Friday" as background; the pipeline dates it to that
    # Friday (relative to the article's own date), while its news event is a new one
    later = make_article("New strike; it follows the attack on Friday.", "2020-01-20", "Paper", "later")
    old = make_event(later, "bg", day="2020-01-03", basis="relative_to_published")
    old = old.model_copy(update={"background": True})
    new = make_event(later, "new", day="2020-01-19", place=("Town", "IRQ", "Prov", 35.0, 44.0))
    r2 = ingest_articles(db, [(later, [new, old])])
    assert r1.clusters_created == 1
    assert (r2.clusters_created, r2.clusters_grown) == (1, 1)
    events = {e.event_id: e for e in query_events(db)}
    assert events[old.event_id].cluster_id == events[make_event(first, "e", day="2020-01-03").event_id].cluster_id
    assert events[new.event_id].cluster_id != events[old.event_id].cluster_id
    with connect(db, read_only=True) as con:
        view = cluster_view(con, events[old.event_id].cluster_id)
    assert view.summary.date_start == date(2020, 1, 3)  # not re-dated to the re-report's publication day
    assert view.summary.last_report == date(2020, 1, 20)


def test_published_fallback_member_does_not_redate_cluster(db):
    a = make_article("Strike on the 3rd.", "2020-01-04", "Wire", "a")
    b = make_article("Strike near the town, undated.", "2020-01-05", "Paper", "b")
    ingest_articles(db, [
        (a, [make_event(a, "e", day="2020-01-03")]),
        (b, [make_event(b, "e", day="2020-01-02", end="2020-01-05", basis="published_fallback")]),
    ])
    events = query_events(db)
    assert len({e.cluster_id for e in events}) == 1
    with connect(db, read_only=True) as con:
        s = cluster_view(con, events[0].cluster_id).summary
    assert (s.date_start, s.date_end) == (date(2020, 1, 3), date(2020, 1, 3))


def test_ingest_on_an_open_connection(tmp_path):
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    from strife.store.schema import migrate

    migrate(con)
    report = ingest_articles(con, synthetic_corpus(10, seed=1))
    assert report.stored == 10
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
    con.close()


def test_synthetic_merging_is_mostly_right(db):
    """On the synthetic corpus (1-3 outlets per real event) pairwise F1 stays high."""
    items = list(synthetic_corpus(600, seed=11))
    ingest_articles(db, items, batch_size=50)
    events = query_events(db)
    truth = {e.event_id: e.article.id.rsplit("-", 1)[0] for e in events}  # syn-seed-k-r -> real event k
    pred = {e.event_id: e.cluster_id for e in events}
    ids = sorted(truth)
    tp = fp = fn = 0
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            same_t, same_p = truth[x] == truth[y], pred[x] == pred[y]
            tp += same_t and same_p
            fp += same_p and not same_t
            fn += same_t and not same_p
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision > 0.8 and recall > 0.8, (precision, recall)
