"""The store's schema as named, ordered migrations.

Each migration is applied once, inside a transaction, and recorded by name in the
``schema_migrations`` table. Add new migrations at the end of :data:`MIGRATIONS`;
never edit or reorder one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


_INITIAL = (
    """
    CREATE TABLE articles (
        text_sha256   VARCHAR PRIMARY KEY,
        article_id    VARCHAR,
        url           VARCHAR,
        title         VARCHAR,
        published     DATE,
        source        VARCHAR,
        origin        VARCHAR,
        text          VARCHAR NOT NULL,
        n_events      INTEGER NOT NULL,
        ingested_at   TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE clusters (
        cluster_id       VARCHAR PRIMARY KEY,
        created_at       TIMESTAMP NOT NULL,
        updated_at       TIMESTAMP NOT NULL,
        n_events         INTEGER NOT NULL,
        n_articles       INTEGER NOT NULL,
        n_sources        INTEGER NOT NULL,
        plover_type      VARCHAR,
        acled_type       VARCHAR,
        date_start       DATE,
        date_end         DATE,
        country          VARCHAR,
        admin1           VARCHAR,
        lat              DOUBLE,
        lon              DOUBLE,
        fatalities_low   INTEGER,
        fatalities_best  INTEGER,
        fatalities_high  INTEGER,
        first_report     DATE,
        last_report      DATE
    )
    """,
    """
    CREATE TABLE events (
        event_id         VARCHAR PRIMARY KEY,
        article_sha256   VARCHAR NOT NULL,
        cluster_id       VARCHAR NOT NULL,
        seq              BIGINT NOT NULL,
        plover_type      VARCHAR NOT NULL,
        cameo            VARCHAR,
        acled_type       VARCHAR,
        acled_sub_type   VARCHAR,
        date_start       DATE,
        date_end         DATE,
        date_precision   VARCHAR,
        date_basis       VARCHAR,
        country          VARCHAR,
        admin1           VARCHAR,
        place_precision  VARCHAR,
        lat              DOUBLE,
        lon              DOUBLE,
        has_place        BOOLEAN NOT NULL,
        fatalities_low   INTEGER,
        fatalities_best  INTEGER,
        fatalities_high  INTEGER,
        background       BOOLEAN NOT NULL,
        confidence       DOUBLE NOT NULL,
        actor_names      VARCHAR NOT NULL,
        evidence_text    VARCHAR NOT NULL,
        search_text      VARCHAR NOT NULL,
        published        DATE,
        source           VARCHAR,
        record           VARCHAR NOT NULL
    )
    """,
    "CREATE INDEX events_date ON events(date_start)",
    "CREATE INDEX events_cluster ON events(cluster_id)",
    "CREATE INDEX events_article ON events(article_sha256)",
    "CREATE INDEX events_country ON events(country)",
    """
    CREATE TABLE mentions (
        event_id    VARCHAR NOT NULL,
        idx         INTEGER NOT NULL,
        text        VARCHAR NOT NULL,
        span_start  INTEGER NOT NULL,
        span_end    INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE toll_claims (
        event_id        VARCHAR NOT NULL,
        kind            VARCHAR NOT NULL,   -- fatalities | injuries | abducted | arrested | missing
        idx             INTEGER NOT NULL,
        value           INTEGER NOT NULL,
        qualifier       VARCHAR NOT NULL,
        victims         VARCHAR,
        side            VARCHAR,
        claim_source    VARCHAR,            -- who the text attributes the figure to
        article_source  VARCHAR,            -- the outlet that reported it
        text            VARCHAR NOT NULL,
        span_start      INTEGER NOT NULL,
        span_end        INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE actors (
        event_id  VARCHAR NOT NULL,
        idx       INTEGER NOT NULL,
        role      VARCHAR NOT NULL,
        name      VARCHAR NOT NULL,
        text      VARCHAR NOT NULL,
        country   VARCHAR,
        sector    VARCHAR,
        kind      VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE places (
        event_id     VARCHAR NOT NULL,
        idx          INTEGER NOT NULL,
        name         VARCHAR NOT NULL,
        country      VARCHAR,
        admin1       VARCHAR,
        admin2       VARCHAR,
        lat          DOUBLE,
        lon          DOUBLE,
        geonames_id  BIGINT,
        precision    VARCHAR
    )
    """,
    "CREATE INDEX mentions_event ON mentions(event_id)",
    "CREATE INDEX toll_claims_event ON toll_claims(event_id)",
    "CREATE INDEX actors_event ON actors(event_id)",
    "CREATE INDEX places_event ON places(event_id)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
)

LATEST = MIGRATIONS[-1].name


def _ensure_migrations_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the database (empty for a new file)."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return []
    return [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def pending_migrations(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    done = set(applied_migrations(con))
    return [m for m in MIGRATIONS if m.name not in done]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    _ensure_migrations_table(con)
    applied: list[str] = []
    for m in pending_migrations(con):
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in m.statements:
                con.execute(stmt)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?)",
                [m.name, datetime.now(timezone.utc).replace(tzinfo=None)],
            )
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise RuntimeError(f"migration {m.name} failed: {exc}") from exc
        con.execute("COMMIT")
        applied.append(m.name)
    return applied
