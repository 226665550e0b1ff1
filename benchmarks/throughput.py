"""Throughput benchmark: strife end to end vs bare spaCy parsing, one process vs 2 workers, 1 vs 2 Dask workers.

The corpus is built at run time from the development sets in ``../shared/data`` (LGL, GeoVirus,
IndiaPoliceEvents documents, MUC-4 dev documents, CASE-2021 snippets: conflict and ordinary news),
written to a temporary JSONL file and read back through `strife.readers` (so "end to end" is:
read + language check + relevance filter + every pipeline stage + JSONL output). ``--limit N`` takes
an even sample of N articles (every k-th), keeping the mix. The corpus is the ``heldout`` half of the
development texts (`strife.scale.devsets.half_of`), which the relevance model never trained on
(``--part all`` for every text).

Each mode runs in its own child process so its peak RSS (summed over the process and its children,
e.g. Dask workers) is its own; peak PSS splits the pages forked workers share with their parent.
Timings exclude loading the model / starting the workers (reported apart as ``startup_s``), except in
``cli`` mode: ``strife extract`` as a user runs it (default settings, so on a machine with several
cores and an input of 512 KB or more a process pool), start-up included.

The machine may be shared: each row gives the load average before/after and the CPU time the mode
used (its process and all its children), as ``articles/CPU-s``; on N free cores the wall-clock rate
of a parallel mode approaches N times that figure, when its processes do not wait on each other.

    python benchmarks/throughput.py --limit 300            # all modes
    python benchmarks/throughput.py --modes bare,strife    # some
    python benchmarks/throughput.py --recall               # the relevance filter's recall only
    python benchmarks/throughput.py --stages --limit 400   # CPU time of each pipeline stage
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MODES = ("bare", "bare-2proc", "strife", "strife-lexical", "strife-nofilter", "strife-pool2", "dask1", "dask2", "cli")
# strife modes: both relevance stages (lexical filter and learned model), except strife-lexical (the
# lexical stage alone) and strife-nofilter (no filter)


class PeakRSS:
    """Samples this process and its descendants every 0.1 s: the peak of their summed RSS, the peak
    of their summed PSS (shared pages split between the processes that map them: forked workers
    share the pipeline with their parent, which RSS counts once per process; every 0.5 s, Linux
    only) and the CPU time each process has used (`cpu_seconds`)."""

    def __init__(self) -> None:
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self.peak_pss = 0
        self.cpu: dict[int, float] = {}
        self._ticks = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, pss: bool = False) -> None:
        import psutil

        total = total_pss = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    t = p.cpu_times()
                if pss:
                    total_pss += getattr(p.memory_full_info(), "pss", 0)
            except (psutil.Error, OSError):
                continue
            with self._lock:
                self.cpu[p.pid] = max(self.cpu.get(p.pid, 0.0), t.user + t.system)
        self.peak = max(self.peak, total)
        self.peak_pss = max(self.peak_pss, total_pss)

    def cpu_seconds(self) -> float:
        """CPU time used so far by this process and every descendant seen (sampled now)."""
        self._sample()
        with self._lock:
            return sum(self.cpu.values())

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._ticks += 1
            self._sample(pss=self._ticks % 5 == 0)

    def __enter__(self) -> "PeakRSS":
        self._sample(pss=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(pss=True)


def build_corpus(limit: int | None, path: Path, part: str | None = "heldout") -> dict:
    from strife.scale.devsets import mixed_corpus

    arts = mixed_corpus(part=part)
    if limit and limit < len(arts):
        step = len(arts) / limit
        arts = [arts[int(i * step)] for i in range(limit)]
    with path.open("w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published_iso}) + "\n")
    counts: dict[str, int] = {}
    for a in arts:
        counts[a.id.split(":")[0]] = counts.get(a.id.split(":")[0], 0) + 1
    return {"articles": len(arts), "words": sum(len(a.text.split()) for a in arts), "mix": counts}


def run_mode(mode: str, corpus: Path, partition_size: int) -> dict:
    from strife.readers import read_inputs
    from strife.settings import get_settings

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    out: dict = {"mode": mode, "load_before": round(os.getloadavg()[0], 2)}
    with PeakRSS() as rss:
        t0 = time.perf_counter()
        if mode == "cli":
            # the command as a user runs it, default settings (process pool chosen automatically),
            # start-up included in the timing
            cpu0 = rss.cpu_seconds()
            out["startup_s"] = 0.0
            t1 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "strife.cli", "extract", str(corpus), "-q", "-o", os.devnull],
                                  capture_output=True, text=True)
            elapsed = time.perf_counter() - t1
            cpu = rss.cpu_seconds() - cpu0
            if proc.returncode != 0:
                raise RuntimeError(f"strife extract failed: {proc.stderr[-2000:]}")
            out.update(processed=proc.stderr.strip().splitlines()[-1])
        elif mode.startswith("bare"):
            import spacy

            nlp = spacy.load(get_settings().model)
            out["startup_s"] = time.perf_counter() - t0
            cpu0 = rss.cpu_seconds()
            t1 = time.perf_counter()
            n = sum(1 for _ in nlp.pipe(texts, batch_size=partition_size, n_process=2 if mode == "bare-2proc" else 1))
            elapsed = time.perf_counter() - t1
            cpu = rss.cpu_seconds() - cpu0
            out.update(processed=n)
        else:
            import contextlib

            from strife import batch
            from strife.relevance import default_relevance

            extractor = batch.default_extractor()
            keep = None if mode == "strife-nofilter" else default_relevance(learned=mode != "strife-lexical")
            with contextlib.ExitStack() as stack:
                mapper = None
                if mode == "strife-pool2":
                    # builds and warms the pipeline here; the forked workers share it
                    mapper = stack.enter_context(batch.process_pool(2))
                    list(mapper(_noop, [[0], [1]]))  # start both workers
                elif mode.startswith("dask"):
                    from strife.scale.dask_runner import dask_mapper_for

                    mapper = stack.enter_context(dask_mapper_for(workers=int(mode[-1])))
                else:
                    batch.warm_up()
                out["startup_s"] = time.perf_counter() - t0
                cpu0 = rss.cpu_seconds()
                t1 = time.perf_counter()
                sink = open(os.devnull, "w", encoding="utf-8")
                report = batch.run_batch(
                    read_inputs([str(corpus)], settings=get_settings()), extractor,
                    on_record=lambda e: sink.write(e.to_json() + "\n"), on_notice=lambda n: None,
                    keep=keep, mapper=mapper, partition_size=partition_size,
                )
                elapsed = time.perf_counter() - t1
                cpu = rss.cpu_seconds() - cpu0
                sink.close()
            out.update(report=report.to_dict(), processed=report.processed)
    out.update(
        elapsed_s=round(elapsed, 2), articles=len(texts), words=words,
        articles_per_s=round(len(texts) / elapsed, 2), words_per_s=round(words / elapsed),
        cpu_s=round(cpu, 2), articles_per_cpu_s=round(len(texts) / cpu, 2),
        peak_rss_mb=round(rss.peak / 2**20), peak_pss_mb=round(rss.peak_pss / 2**20),
        startup_s=round(out["startup_s"], 1), load_after=round(os.getloadavg()[0], 2),
    )
    return out


def _noop(part):
    return []


def recall(part: str | None = "heldout") -> dict:
    """Per development set (the ``part`` half; the relevance model trained on the other), the share of
    gold-event texts the lexical stage keeps and both stages keep; how much of the mixed corpus and of
    each set without events passes; the filter's time per text."""
    from strife.relevance import default_relevance
    from strife.scale.devsets import gold_event_texts, mixed_corpus, no_event_texts

    both = default_relevance()
    lexical = both.lexical
    out: dict = {"part": part or "all"}
    total = lex_total = kept_total = 0
    for name, texts in gold_event_texts(part=part).items():
        lex = sum(1 for t in texts if lexical.keep(t))
        kept = sum(1 for t in texts if both.keep(t))
        out[name] = {"texts": len(texts), "kept_lexical": lex, "kept": kept, "recall": round(kept / len(texts), 4)}
        total, lex_total, kept_total = total + len(texts), lex_total + lex, kept_total + kept
    out["all gold-event texts"] = {"texts": total, "kept_lexical": lex_total, "kept": kept_total,
                                   "recall_lexical": round(lex_total / total, 4), "recall": round(kept_total / total, 4)}
    for name, texts in no_event_texts(part=part).items():
        if not texts:
            continue
        passed = sum(1 for t in texts if both.keep(t))
        out[f"passed: {name}"] = {"texts": len(texts), "passed": passed, "rate": round(passed / len(texts), 3)}
    arts = mixed_corpus(part=part)
    t = time.perf_counter()
    passed = sum(1 for a in arts if both.keep(a.text))
    us = 1e6 * (time.perf_counter() - t) / len(arts)
    out["mixed corpus pass rate"] = {"texts": len(arts), "kept_lexical": sum(1 for a in arts if lexical.keep(a.text)),
                                     "kept": passed, "us_per_text": round(us, 1)}
    return out


def stage_times(limit: int | None, batch_size: int = 32) -> dict:
    """CPU seconds per pipeline stage (each run over the whole corpus in batches, as ``nlp.pipe`` does)
    and for assembling records, with each one's share of the total."""
    from strife.assemble import frames_to_events
    from strife.pipeline import _make_doc, get_nlp
    from strife.scale.devsets import mixed_corpus

    arts = mixed_corpus(part="heldout")
    if limit and limit < len(arts):
        step = len(arts) / limit
        arts = [arts[int(i * step)] for i in range(limit)]
    nlp = get_nlp()
    list(nlp.pipe([a.text for a in arts[:8]]))  # warm lazy tables
    docs = [_make_doc(nlp, a) for a in arts]
    times: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.process_time() - t
    t = time.process_time()
    for a, d in zip(arts, docs):
        frames_to_events(d, a)
    times["assemble (records)"] = time.process_time() - t
    total = sum(times.values())
    return {k: {"cpu_s": round(v, 3), "share": round(v / total, 3)} for k, v in times.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="articles in the corpus (even sample; 0 = all)")
    ap.add_argument("--part", choices=["heldout", "all"], default="heldout",
                    help="the development texts the corpus is drawn from (default: the half the relevance model did not train on)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"comma-separated: {', '.join(MODES)}")
    ap.add_argument("--partition-size", type=int, default=32)
    ap.add_argument("--recall", action="store_true", help="only measure the relevance filter's recall")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--stages", action="store_true", help="only the CPU time of each pipeline stage, and its share")
    ap.add_argument("--_child", nargs=2, metavar=("MODE", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        print(json.dumps(run_mode(args._child[0], Path(args._child[1]), args.partition_size)))
        return 0
    if args.recall:
        print(json.dumps(recall(None if args.part == "all" else args.part), indent=2))
        return 0
    if args.stages:
        for name, row in stage_times(args.limit or None).items():
            print(f"{name:24s} {row['cpu_s']:8.2f} CPU-s {100 * row['share']:5.1f} %")
        return 0
    import psutil

    machine = {"cpus": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
               "cpu": platform.processor() or platform.machine(), "python": platform.python_version()}
    results: dict = {"machine": machine}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        results["corpus"] = build_corpus(args.limit or None, corpus, None if args.part == "all" else args.part)
        print(f"machine: {machine}\ncorpus: {results['corpus']}", flush=True)
        rows = []
        for mode in args.modes.split(","):
            proc = subprocess.run([sys.executable, __file__, "--_child", mode, str(corpus),
                                   "--partition-size", str(args.partition_size)],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{mode}: failed\n{proc.stderr[-3000:]}", file=sys.stderr)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{mode:16s} {row['articles_per_s']:8.2f} articles/s {row['words_per_s']:8d} words/s "
                  f"{row['articles_per_cpu_s']:7.2f} articles/CPU-s  peak RSS {row['peak_rss_mb']:5d} MB "
                  f"PSS {row['peak_pss_mb']:5d} MB  startup {row['startup_s']:5.1f} s  "
                  f"elapsed {row['elapsed_s']:7.1f} s  load {row['load_before']}/{row['load_after']}", flush=True)
        results["modes"] = rows
        by = {r["mode"]: r for r in rows}
        if "dask1" in by and "dask2" in by:
            results["dask_speedup_2_vs_1"] = round(by["dask2"]["articles_per_s"] / by["dask1"]["articles_per_s"], 2)
            print(f"Dask 2 workers vs 1: {results['dask_speedup_2_vs_1']}x")
        if "strife" in by and "strife-pool2" in by:
            results["pool_speedup_2_vs_1"] = round(by["strife-pool2"]["articles_per_s"] / by["strife"]["articles_per_s"], 2)
            print(f"2-process pool vs 1 process: {results['pool_speedup_2_vs_1']}x "
                  f"(CPU time per article {by['strife-pool2']['cpu_s'] / by['strife']['cpu_s']:.2f}x)")
        if "strife" in by and "bare" in by:
            print(f"strife / bare spaCy (1 process): {by['strife']['articles_per_s'] / by['bare']['articles_per_s']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
