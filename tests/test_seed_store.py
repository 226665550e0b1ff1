"""The seed article in the store: ingested twice, then a re-report of its Friday attack.

Issue 6, "Done when": the seed article ingested twice, and once more with a re-report of its
Friday attack, gives one cluster per real event; the re-report's attack joins the seed's Friday
attack cluster and keeps the old date (2019-12-27), never a new event dated on the re-report's
publication day. Runs the real pipeline (needs the English model and ../shared/seed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from strife.article import Article
from strife.records import Event
from strife.store.clusterview import cluster_view
from strife.store.db import connect
from strife.store.ingest import ingest_articles

SEED_PUBLISHED = date(2019, 12, 30)
FRIDAY = date(2019, 12, 27)
REREPORT_PUBLISHED = date(2020, 1, 2)  # a Thursday: "Friday's attack" is the Friday before, 2019-12-27
# Written for this test (not from any outlet): a short follow-up about the seed's Friday attack only.
REREPORT_TEXT = (
    "Officials said Friday's rocket attack on an Iraqi military base in Kirkuk killed a U.S. civilian "
    "contractor and wounded four American service members and two Iraqi soldiers. The United States "
    "blamed Kataeb Hezbollah, an Iran-backed militia, for the attack."
)
KIRKUK = (35.47, 44.39)


def _near_kirkuk(ev: Event, km: float = 60.0) -> bool:
    from strife.store.cluster import haversine_km

    return any(
        loc.lat is not None and loc.lon is not None and haversine_km(loc.lat, loc.lon, *KIRKUK) <= km
        for loc in ev.locations
    )


def _describe(ev: Event) -> str:
    """Everything the merge rule reads, for failure messages."""
    locs = [(loc.name, loc.country, loc.admin1, loc.precision, loc.lat, loc.lon) for loc in ev.locations]
    return (
        f"{ev.event_id} {ev.plover.type} acled={ev.acled.sub_event_type if ev.acled else None} "
        f"date={ev.date.start}..{ev.date.end} ({ev.date.basis}, {ev.date.text!r}) places={locs} "
        f"actors={[a.name for a in ev.actors]} background={ev.background} "
        f"evidence={[e.text[:70] for e in ev.evidence]} cluster={ev.cluster_id}"
    )


@pytest.fixture(scope="module")
def seed_article(shared: Path) -> Article:
    path = shared / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip(f"seed article absent at {path}")
    return Article(text=path.read_text(encoding="utf-8"), id="seed", title=None, published=SEED_PUBLISHED,
                   source="USA Today", origin=str(path))


@pytest.fixture(scope="module")
def rereport() -> Article:
    return Article(text=REREPORT_TEXT, id="rereport", title="Friday's Kirkuk attack killed a U.S. contractor",
                   published=REREPORT_PUBLISHED, source="Example Wire")


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp, seed_article: Article, rereport: Article):
    """The store after: seed, seed again (separate runs), then the re-report. Yields what each step saw."""
    from strife.pipeline import extract_article

    db = tmp_path_factory.mktemp("seed-store") / "seed.duckdb"
    seed_records = extract_article(seed_article, nlp)
    re_records = extract_article(rereport, nlp)
    first = ingest_articles(db, [(seed_article, seed_records)])
    con = connect(db, read_only=True)
    clusters_after_seed = {r[0] for r in con.execute("SELECT cluster_id FROM clusters").fetchall()}
    con.close()
    second = ingest_articles(db, [(seed_article, extract_article(seed_article, nlp))])
    third = ingest_articles(db, [(rereport, re_records)])
    con = connect(db, read_only=True)
    yield {
        "con": con, "seed_records": seed_records, "re_records": re_records,
        "reports": (first, second, third), "clusters_after_seed": clusters_after_seed,
    }
    con.close()


def _stored(con: duckdb.DuckDBPyConnection, sha: str) -> dict[str, str]:
    """event_id -> cluster_id of one article's stored records."""
    return dict(con.execute("SELECT event_id, cluster_id FROM events WHERE article_sha256 = ?", [sha]).fetchall())


def _seed_friday_attack(records: list[Event]) -> Event:
    hits = [e for e in records if e.plover.type == "ASSAULT" and e.date.start == FRIDAY.isoformat()
            and e.date.end == FRIDAY.isoformat()]
    assert len(hits) == 1, "the seed should give exactly one record of the Friday attack; records:\n" + "\n".join(
        _describe(e) for e in records)
    return hits[0]


def test_seed_twice_is_stored_once(store, seed_article: Article) -> None:
    first, second, _ = store["reports"]
    assert (first.stored, first.skipped_duplicates) == (1, 0)
    assert (second.stored, second.skipped_duplicates, second.events_added) == (0, 1, 0)
    assert second.clusters_created == 0 and second.clusters_grown == 0
    con = store["con"]
    n_articles = con.execute("SELECT count(*) FROM articles WHERE text_sha256 = ?",
                             [seed_article.text_sha256]).fetchone()[0]
    assert n_articles == 1


def test_seed_records_are_distinct_events(store, seed_article: Article) -> None:
    """One article's records are distinct events: one cluster each, none shared."""
    stored = _stored(store["con"], seed_article.text_sha256)
    assert len(stored) == len(store["seed_records"]) > 0
    assert len(set(stored.values())) == len(stored)
    assert set(stored.values()) == store["clusters_after_seed"]


def test_rereport_joins_the_friday_attack_cluster(store, seed_article: Article, rereport: Article) -> None:
    con = store["con"]
    friday = _seed_friday_attack(store["seed_records"])
    friday_cluster = _stored(con, seed_article.text_sha256)[friday.event_id]
    re_stored = _stored(con, rereport.text_sha256)
    attacks = [e for e in store["re_records"] if e.plover.type == "ASSAULT" and _near_kirkuk(e)]
    detail = "re-report records:\n" + "\n".join(
        _describe(e.model_copy(update={"cluster_id": re_stored.get(e.event_id)})) for e in store["re_records"]
    ) + "\nseed Friday record:\n" + _describe(friday.model_copy(update={"cluster_id": friday_cluster}))
    assert attacks, "the re-report gave no ASSAULT record near Kirkuk; " + detail
    for ev in attacks:
        assert re_stored[ev.event_id] == friday_cluster, "the re-reported attack started its own cluster; " + detail
    view = cluster_view(con, friday_cluster)
    assert view.summary.n_articles == 2
    assert view.summary.n_sources == 2
    # the cluster keeps the old event's date, not the re-report's publication day
    assert (view.summary.date_start, view.summary.date_end) == (FRIDAY, FRIDAY), detail
    assert view.summary.first_report == SEED_PUBLISHED and view.summary.last_report == REREPORT_PUBLISHED


def test_one_cluster_per_real_event(store, rereport: Article) -> None:
    """The re-report adds no new attack cluster, and no cluster is dated after the seed's publication."""
    con = store["con"]
    third = store["reports"][2]
    re_stored = _stored(con, rereport.text_sha256)
    new = set(re_stored.values()) - store["clusters_after_seed"]
    new_attacks = con.execute(
        "SELECT cluster_id, plover_type, date_start, date_end FROM clusters WHERE plover_type = 'ASSAULT' AND "
        f"cluster_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(new)]
    ).fetchall()
    detail = "\n".join(_describe(e.model_copy(update={"cluster_id": re_stored.get(e.event_id)}))
                       for e in store["re_records"])
    assert new_attacks == [], f"new attack clusters {new_attacks}; re-report records:\n{detail}"
    assert third.clusters_grown >= 1
    late = con.execute("SELECT cluster_id, plover_type, date_start FROM clusters WHERE date_start > ?",
                       [SEED_PUBLISHED]).fetchall()
    assert late == [], f"clusters dated after the seed's publication: {late}; re-report records:\n{detail}"
