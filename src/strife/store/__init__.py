"""The events store: DuckDB tables of articles, records, mentions, tolls, actors, places and clusters.

Public entry points::

    from strife.store import connect, ingest_articles, query_events, EventFilter, export_events, cluster_view
"""

from strife.store.cluster import DEFAULT_RULE, MergeRule, MergeScore, merge_score, same_event
from strife.store.clusterview import ClusterView, cluster_view
from strife.store.db import DEFAULT_DB_PATH, StoreError, StoreLockedError, connect, default_db_path, open_store
from strife.store.export import FORMATS, export_events, read_jsonl, read_parquet
from strife.store.ingest import Failure, IngestReport, ingest_articles
from strife.store.query import EventFilter, count_events, iter_events, query_events, query_events_con, store_counts

__all__ = [
    "DEFAULT_DB_PATH", "DEFAULT_RULE", "ClusterView", "EventFilter", "FORMATS", "Failure", "IngestReport",
    "MergeRule", "MergeScore", "StoreError", "StoreLockedError", "cluster_view", "connect", "count_events",
    "default_db_path", "export_events", "ingest_articles", "iter_events", "merge_score", "open_store",
    "query_events", "query_events_con", "read_jsonl", "read_parquet", "same_event", "store_counts",
]
