"""Tests for scale: the relevance filter (strife.relevance), partitioned batches with process pools
(strife.batch), Dask clusters and Parquet partitions (strife.scale.dask_runner), and the CLI options."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strife import batch
from strife.article import Article
from strife.batch import ArticleOutcome, Notice, extract_partition, process_pool, run_batch
from strife.readers import ReadFailure
from strife.records import ArticleRef, DateInfo, Event, ExtractorInfo, Plover, make_event_id

REPO = Path(__file__).resolve().parents[1]

NEWS = [
    ("n1", "Gunmen attacked a police checkpoint in Rivertown on Friday, killing two officers and wounding three "
           "others, the provincial police chief said."),
    ("n2", "The city council approved the budget for the new library on Monday. The mayor welcomed the vote."),
    ("n3", "Protesters marched through the capital on Saturday to demand the release of detained journalists. "
           "Police fired tear gas and arrested 12 people, witnesses said."),
    ("n4", "Prices of vegetables rose sharply this week in local markets."),
    ("n5", "An air strike on a rebel camp near the border killed at least 19 fighters on Sunday, the army said, "
           "while a militia spokesman said 25 of its members were dead."),
    ("n6", "Two rockets struck near the airport late on Tuesday. No group claimed responsibility for the attack."),
]


def news_articles() -> list[Article]:
    arts = [Article(text=t, id=i, origin=f"{i}.txt", published=date(2021, 3, 6)) for i, t in NEWS]
    sample = (REPO / "examples" / "sample_article.txt").read_text(encoding="utf-8")
    arts.append(Article(text=sample, id="sample", origin="sample_article.txt", published=date(2021, 3, 6)))
    return arts


def fake_event(article: Article, key: str) -> Event:
    return Event(
        event_id=make_event_id(article.text_sha256, key),
        article=ArticleRef(id=article.id, published=article.published_iso, text_sha256=article.text_sha256),
        plover=Plover(type="ASSAULT"),
        date=DateInfo(basis="published_fallback"),
        extractor=ExtractorInfo(version="test"),
    )


def fake_extract(article: Article) -> list[Event]:
    if "EXPLODE" in article.text:
        raise RuntimeError("boom")
    return [fake_event(article, f"a{i}") for i in range(article.text.count("attack"))]


class FakeBatched:
    """A batched extractor whose batch path fails when any article says EXPLODE."""

    calls = 0

    def __call__(self, article: Article) -> list[Event]:
        return fake_extract(article)

    def many(self, articles):
        if any("EXPLODE" in a.text for a in articles):
            raise RuntimeError("batch boom")
        return [fake_extract(a) for a in articles]


# --- relevance filter -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def keep():
    from strife.relevance import default_filter

    return default_filter()


@pytest.mark.parametrize("text", [
    "Troops fought rebels overnight.", "He was shot dead.", "Rebels seized the town.", "Mortars hit the base.",
    "Two people died.", "The army struck back.", "GUERRILLAS ATTACKED THE FARM.", "a rocket attack",
])
def test_filter_keeps_inflected_and_irregular_trigger_forms(keep, text: str) -> None:
    assert keep(text), text


@pytest.mark.parametrize("text", [
    "The city council approved the budget for the new library.",
    "Prices of vegetables rose sharply this week in local markets.",
    "",
])
def test_filter_drops_text_without_trigger_forms(keep, text: str) -> None:
    assert not keep(text)


def test_filter_follows_the_lexicon() -> None:
    from strife.relevance import Lemmatizer, RelevanceFilter

    f = RelevanceFilter(["zorble", "cease-fire"], Lemmatizer(rules=(("ed", "e"), ("ies", "y")), exceptions={}))
    assert f.match("They zorbled twice.") == "zorbled" and f.match("a zorbler") is None
    assert f.match("The Cease-Fire held.") == "cease-fire"


def test_filtered_texts_yield_no_events_from_the_pipeline(keep, nlp) -> None:
    from strife.pipeline import extract_many

    dropped = [Article(text=t, published=date(2021, 1, 1)) for _, t in NEWS if not keep(t)]
    assert dropped
    assert all(events == [] for _, events in extract_many(dropped, nlp=nlp))


def test_filter_recall_on_development_sets(shared, keep) -> None:
    """The lexical filter may lose at most 1% of the texts whose gold holds an event (2% in any set)."""
    from strife.scale.devsets import gold_event_texts

    sets = gold_event_texts(shared / "data")
    total = kept_total = 0
    for name, texts in sets.items():
        assert texts, name
        kept = sum(1 for t in texts if keep(t))
        assert kept / len(texts) >= 0.98, f"{name}: {kept}/{len(texts)}"
        total, kept_total = total + len(texts), kept_total + kept
    assert kept_total / total >= 0.99, f"{kept_total}/{total}"


# --- partitions and process pools ---------------------------------------------------------------


def test_batch_failure_is_isolated_to_its_article() -> None:
    arts = [Article("attack one"), Article("EXPLODE attack"), Article("attack attack")]
    outcomes = extract_partition(FakeBatched(), arts)
    assert [len(o.events) if not o.failed else None for o in outcomes] == [1, None, 2]
    assert outcomes[1] == ArticleOutcome(error="RuntimeError", detail="boom")


def test_relevance_skips_are_counted_and_notices_keep_input_order() -> None:
    inputs = [
        Article("An attack.", origin="a", published=date(2020, 1, 1)),
        ReadFailure("b", "not English", outcome="skipped"),
        Article("Calm day.", origin="c", published=date(2020, 1, 1)),
        Article("EXPLODE attack", origin="d", published=date(2020, 1, 1)),
        Article("Another attack.", origin="e"),
        ReadFailure("f", "binary"),
    ]
    notices: list[Notice] = []
    parts: list[tuple[int, int]] = []
    report = run_batch(inputs, FakeBatched(), on_notice=notices.append, keep=lambda t: "attack" in t.lower(),
                       partition_size=2, on_partition=lambda i, evs: parts.append((i, len(evs))))
    assert report.skipped == {"not English": 1, batch.SKIP_FILTERED: 1}
    assert report.failed == {"extractor error (RuntimeError)": 1, "binary": 1}
    assert (report.read, report.processed, report.with_events) == (6, 2, 2)
    assert [(n.kind, n.origin) for n in notices] == [
        ("skipped", "b"), ("skipped", "c"), ("failed", "d"), ("warning", "e"), ("failed", "f")]
    assert parts == [(0, 1), (1, 1)]


def test_process_pool_gives_the_same_records_in_order() -> None:
    arts = [Article(f"attack {'attack ' * (i % 3)}{i}", id=str(i), published=date(2020, 1, 1)) for i in range(40)]
    one: list[Event] = []
    run_batch(arts, fake_extract, on_record=one.append, partition_size=3)
    two: list[Event] = []
    with process_pool(2, warm=False) as mapper:
        report = run_batch(arts, fake_extract, on_record=two.append, mapper=mapper, partition_size=3)
    assert report.processed == 40
    assert [e.event_id for e in two] == [e.event_id for e in one]


def test_progress_callback_counts_every_input() -> None:
    seen: list[int] = []
    run_batch([Article("attack", published=date(2020, 1, 1))] * 5 + [ReadFailure("x", "binary")], fake_extract,
              on_notice=lambda n: None, on_progress=seen.append, partition_size=2)
    assert sum(seen) == 6


# --- Dask -------------------------------------------------------------------------------------


def test_dask_local_cluster_output_equals_single_process(tmp_path: Path, nlp) -> None:
    """Two Dask workers on real text give exactly the single-process records (and Parquet parts)."""
    pytest.importorskip("distributed")
    from strife.scale.dask_runner import ParquetPartitions, dask_mapper_for, read_partitions

    arts = news_articles() * 2
    extractor = batch.default_extractor()
    single: list[Event] = []
    rep1 = run_batch(arts, extractor, on_record=single.append, on_notice=lambda n: None, partition_size=3)
    parts = ParquetPartitions(tmp_path / "parts")
    dask_records: list[Event] = []
    with dask_mapper_for(workers=2) as mapper:
        rep2 = run_batch(arts, extractor, on_record=dask_records.append, on_notice=lambda n: None,
                         mapper=mapper, partition_size=3, on_partition=parts)
    assert single, "the pipeline found no events in the test news"
    assert rep2.to_dict() | {"elapsed_s": 0} == rep1.to_dict() | {"elapsed_s": 0}
    assert [e.to_json_dict() for e in dask_records] == [e.to_json_dict() for e in single]
    assert len(parts.files) >= 2
    assert [e.to_json_dict() for e in read_partitions(tmp_path / "parts")] == [e.to_json_dict() for e in single]


def test_dask_needs_exactly_one_of_workers_or_scheduler() -> None:
    from strife.scale.dask_runner import dask_client

    with pytest.raises(ValueError, match="exactly one"):
        with dask_client():
            pass


def test_parquet_dir_must_be_empty(tmp_path: Path) -> None:
    from strife.scale.dask_runner import ParquetPartitions

    (tmp_path / "part-00000.parquet").write_bytes(b"x")
    with pytest.raises(FileExistsError, match="empty directory"):
        ParquetPartitions(tmp_path)


# --- CLI --------------------------------------------------------------------------------------


def test_cli_extract_filter_lang_csv_and_parquet(tmp_path: Path, nlp) -> None:
    from click.testing import CliRunner

    from strife.cli import main
    from strife.scale.dask_runner import read_partitions

    rows = ["story,day"] + [f'"{t}",2021-03-06' for _, t in NEWS]
    rows.append('"' + "El ejército lanzó un ataque contra las posiciones de los rebeldes en la provincia, según "
                "informaron fuentes locales. Al menos diez personas murieron y otras veinte resultaron heridas en "
                "los bombardeos que se produjeron durante la noche del martes." + '",2021-03-06')
    src = tmp_path / "wire.csv"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "--text-column", "story", "--date-column", "day",
                                       "-o", str(out), "--parquet-dir", str(tmp_path / "pq"), "--partition-size", "2"])
    assert result.exit_code == 0, result.output
    assert "skipped: no event words (relevance filter) 1, not English 1" in result.stderr
    assert "processed 5," in result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(r["article"]["published"] == "2021-03-06" for r in records)
    assert [e.to_json_dict() for e in read_partitions(tmp_path / "pq")] == records

    result = CliRunner().invoke(main, ["extract", str(src), "--text-column", "story", "--no-filter", "--lang", "any",
                                       "-o", str(tmp_path / "all.jsonl"), "-q"])
    assert result.exit_code == 0, result.output
    assert "processed 7," in result.stderr
    assert len((tmp_path / "all.jsonl").read_text().splitlines()) >= len(records)


def test_cli_rejects_workers_with_scheduler(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from strife.cli import main

    f = tmp_path / "a.txt"
    f.write_text("attack")
    result = CliRunner().invoke(main, ["extract", str(f), "--workers", "2", "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2 and "not both" in result.output


# --- process pool with the real pipeline, process count, matrix backend --------------------------


def test_warm_process_pool_output_equals_single_process(tmp_path: Path, nlp) -> None:
    """Two forked workers (pipeline built and warmed in the parent) give exactly the single-process
    records, through the CLI's --processes as well."""
    from click.testing import CliRunner

    from strife.cli import main

    arts = news_articles() * 2
    extractor = batch.default_extractor()
    single: list[Event] = []
    rep1 = run_batch(arts, extractor, on_record=single.append, on_notice=lambda n: None, partition_size=3)
    pooled: list[Event] = []
    with process_pool(2) as mapper:
        rep2 = run_batch(arts, extractor, on_record=pooled.append, on_notice=lambda n: None,
                         mapper=mapper, partition_size=3)
    assert single, "the pipeline found no events in the test news"
    assert rep2.to_dict() | {"elapsed_s": 0} == rep1.to_dict() | {"elapsed_s": 0}
    assert [e.to_json_dict() for e in pooled] == [e.to_json_dict() for e in single]

    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": "2021-03-06"}) + "\n"
                           for a in arts), encoding="utf-8")
    outs = []
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.jsonl"
        result = CliRunner().invoke(main, ["extract", str(src), "--processes", n, "-q", "-o", str(out),
                                           "--partition-size", "2"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] and outs[0] == outs[1]


def test_process_count_option_setting_and_automatic_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from strife import cli_options
    from strife.settings import get_settings

    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("Gunmen attacked a checkpoint.", encoding="utf-8")
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * cli_options.AUTO_MIN_BYTES)
    monkeypatch.delenv("STRIFE_PROCESSES", raising=False)
    get_settings.cache_clear()
    try:
        monkeypatch.setattr(cli_options, "usable_cores", lambda: 4)
        assert cli_options.input_bytes([str(small), "-", "http://example.org/feed"]) == 29
        assert cli_options.processes_for([str(small)]) == 1  # small input: no pool
        assert cli_options.processes_for([str(small), str(big)]) == 4
        assert cli_options.processes_for([str(big)], requested=1) == 1  # --processes wins
        monkeypatch.setenv("STRIFE_PROCESSES", "3")
        get_settings.cache_clear()
        assert cli_options.processes_for([str(small)]) == 3
        assert cli_options.processes_for([str(small)], requested=2) == 2
        monkeypatch.setattr(cli_options, "usable_cores", lambda: 1)
        monkeypatch.setenv("STRIFE_PROCESSES", "auto")
        get_settings.cache_clear()
        assert cli_options.processes_for([str(big)]) == 1  # one core: no pool
    finally:
        monkeypatch.delenv("STRIFE_PROCESSES", raising=False)
        get_settings.cache_clear()


def test_model_multiplies_through_numpy_on_one_blas_thread(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy

    from strife.scale import fastops

    ops = nlp.get_pipe("tok2vec").model.ops
    assert isinstance(ops, fastops.SingleThreadNumpyOps)
    assert isinstance(nlp.get_pipe("ner").model.ops, fastops.SingleThreadNumpyOps)
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((300, 200), dtype=numpy.float32)
    y = rng.standard_normal((100, 200), dtype=numpy.float32)
    seen = []
    for c in ops._blas:
        monkeypatch.setattr(c, "set_num_threads", lambda n, c=c, f=c.set_num_threads: (seen.append(n), f(n))[1])
    before = [c.num_threads for c in ops._blas]
    z = ops.gemm(x, y, trans2=True)
    assert z.shape == (300, 100)
    assert numpy.allclose(z, x @ y.T, atol=1e-4)
    assert [c.num_threads for c in ops._blas] == before  # the limit holds only during the product
    assert all(n == 1 for n in seen[: len([b for b in before if b != 1])])
    monkeypatch.setenv("STRIFE_BLIS", "1")
    assert fastops.pipeline_ops() is None
    monkeypatch.delenv("STRIFE_BLIS")
    assert isinstance(fastops.pipeline_ops(), fastops.SingleThreadNumpyOps)


def test_sped_up_rule_components_give_spacys_annotations(nlp) -> None:
    """The lemmatizer's memo and set-backed word lists and the attribute ruler's indexed matcher
    change no annotation of the model's own pipeline (the second pass reads the memos only)."""
    import spacy

    from strife.scale.fastops import AttributeRulerMatcher
    from strife.settings import get_settings

    plain = spacy.load(get_settings().model)
    assert type(nlp.get_pipe("lemmatizer")).__name__.startswith("Memo")
    assert type(nlp.get_pipe("attribute_ruler")).__name__.startswith("Indexed")
    ruler = plain.get_pipe("attribute_ruler")
    indexed = AttributeRulerMatcher(ruler)
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in plain.pipe([a.text for a in news_articles()] + ["Y'all ain't gonna let's go, c'mon: there is it."]):
            assert indexed.match(doc) == ruler.match(doc)
    texts = [a.text for a in news_articles()] + ["The gunmen's attacks wounded dozens; they'd fled, hid and were hiding."]
    names = [n for n in plain.pipe_names]
    with nlp.select_pipes(enable=names):
        for _ in range(2):
            ours = [[(t.lemma_, t.pos_, str(t.morph), t.tag_, t.dep_, t.ent_type_) for t in d] for d in nlp.pipe(texts)]
    theirs = [[(t.lemma_, t.pos_, str(t.morph), t.tag_, t.dep_, t.ent_type_) for t in d] for d in plain.pipe(texts)]
    assert ours == theirs
    assert any(lemma == "flee" for doc in ours for lemma, *_ in doc)


def test_shared_map_keeps_order_and_works_here_when_the_workers_are_busy() -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from strife.batch import shared_map

    gate = threading.Event()
    here: list[int] = []

    def slow(part):
        gate.wait(5)
        return [x * 10 for x in part]

    def local(part):
        here.append(part[0])
        if len(here) == 3:
            gate.set()  # the workers finish once this process has done some partitions itself
        return [x * 10 for x in part]

    with ThreadPoolExecutor(1) as ex:
        out = list(shared_map(lambda p: ex.submit(slow, p), local, ([i] for i in range(12)), window=2))
    assert out == [[i * 10] for i in range(12)]
    assert len(here) >= 3 and here[:3] == [2, 3, 4]  # the first two went to the worker


def test_process_pool_runs_in_the_parent_too() -> None:
    import os

    from strife.batch import process_pool

    with process_pool(2, warm=False) as mapper:
        pids = {pid for part in mapper(_pid_of, [[i] for i in range(40)]) for pid in part}
    assert os.getpid() in pids and len(pids) == 2


def _pid_of(part):
    import os
    import time

    time.sleep(0.01)
    return [os.getpid() for _ in part]
