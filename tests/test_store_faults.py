"""Faults and concurrency: SIGKILL mid-batch, then re-run; readers during an ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from strife.store.db import StoreLockedError, connect
from strife.store.ingest import ingest_articles
from strife.store.query import store_counts
from strife.store.synthetic import synthetic_corpus

SRC = str(Path(__file__).resolve().parents[1] / "src")

INGEST_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from strife.store.ingest import ingest_articles
    from strife.store.synthetic import synthetic_corpus

    db, n, batch, pause, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])

    def slow():
        for item in synthetic_corpus(n, seed=7):
            time.sleep(pause)  # stands in for the NLP pipeline's time per article
            yield item

    def progress(k):
        print("committed", k, flush=True)

    report = ingest_articles(db, slow(), batch_size=batch, progress=progress, hold_seconds=hold)
    print("done", report.stored, flush=True)
    """
)


def _spawn(db: Path, n: int, batch: int, pause: float, hold: float = 1.0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, str(db), str(n), str(batch), str(pause), str(hold)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _consistent(db: Path) -> tuple[int, int]:
    con = connect(db, read_only=True)
    try:
        articles = con.execute("SELECT count(*), count(DISTINCT text_sha256) FROM articles").fetchone()
        events = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        assert articles[0] == articles[1] and events[0] == events[1], "duplicate rows"
        orphans = con.execute(
            "SELECT count(*) FROM events e WHERE e.article_sha256 NOT IN (SELECT text_sha256 FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        n_events_per_article = con.execute("SELECT coalesce(sum(n_events), 0) FROM articles").fetchone()[0]
        assert n_events_per_article == events[0], "an article's events were partly stored"
        missing_clusters = con.execute(
            "SELECT count(DISTINCT cluster_id) FROM events WHERE cluster_id NOT IN (SELECT cluster_id FROM clusters)"
        ).fetchone()[0]
        assert missing_clusters == 0
        return articles[0], events[0]
    finally:
        con.close()


def test_sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing(tmp_path):
    db = tmp_path / "killed.duckdb"
    n, batch = 400, 20
    proc = _spawn(db, n, batch, pause=0.004, hold=1.0)
    commits = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed"):
            commits += 1
            if commits == 3:
                time.sleep(0.03)  # well inside the next batch (20 articles x 4 ms)
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    stored_before, _ = _consistent(db)
    assert stored_before % batch == 0 and 0 < stored_before < n  # only whole batches survived

    report = ingest_articles(db, synthetic_corpus(n, seed=7), batch_size=batch)
    assert report.skipped_duplicates == stored_before
    assert report.stored == n - stored_before and not report.failed
    articles, events = _consistent(db)
    assert (articles, events) == (n, n)


def test_reader_works_while_ingest_writes(tmp_path):
    db = tmp_path / "busy.duckdb"
    ingest_articles(db, synthetic_corpus(5, seed=99))  # the store exists before readers start
    proc = _spawn(db, 300, 10, pause=0.01, hold=0.5)
    seen: list[int] = []
    try:
        while proc.poll() is None:
            seen.append(store_counts(db).articles)  # read-only, retries the lock, then reads
            time.sleep(0.05)
    finally:
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "done 300" in out
    assert len(seen) >= 3, "the reader never got in while the ingest ran"
    assert seen == sorted(seen), "a reader saw the store go backwards"
    assert any(5 < k < 305 for k in seen), f"no read happened mid-ingest: {seen[:5]}...{seen[-5:]}"
    assert store_counts(db).articles == 305


HOLD_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from strife.store.db import connect
    con = connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def test_reader_gives_a_clear_error_when_the_lock_is_held_too_long(tmp_path):
    db = tmp_path / "held.duckdb"
    connect(db).close()
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", HOLD_SCRIPT, str(db), "5"], stdout=subprocess.PIPE, text=True,
                            env=env)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLockedError, match="locked by another process"):
            connect(db, read_only=True, timeout=0.3)
    finally:
        proc.kill()
        proc.wait()
