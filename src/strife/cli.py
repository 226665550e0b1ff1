"""The ``strife`` command line: a thin layer over `readers`, `batch` and `output`.

Records go to stdout (or ``-o FILE``); every message (per-input warnings, skips, failures and the
closing summary) goes to stderr. ``strife extract`` exits 1 when any input failed, else 0.
Other commands (evaluate, geoparse, ingest, query, serve) are added to the `main` group.
"""

from __future__ import annotations

import contextlib
import io
from datetime import date
from typing import Optional, TextIO

import click

from strife.cli_options import input_options, open_mapper, parquet_parts, relevance_keep

from strife import __version__, batch
from strife.article import parse_published
from strife.output import FORMATS, open_writer
from strife.readers import read_inputs
from strife.settings import get_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="strife", message="%(prog)s %(version)s")
def main() -> None:
    """strife: news reports of armed conflict -> structured, evidence-backed event records."""


def _published_option(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[date]:
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _stdout_utf8(stack: contextlib.ExitStack) -> TextIO:
    """stdout as UTF-8 text whatever the locale (records are UTF-8); left open at the end."""
    wrapper = io.TextIOWrapper(click.get_binary_stream("stdout"), encoding="utf-8", newline="\n", write_through=True)
    stack.callback(wrapper.detach)
    stack.callback(wrapper.flush)
    return wrapper


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--published",
    callback=_published_option,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (JSONL lines and HTML pages keep their own).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write records here, not stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary, not warnings, skips or progress.")
@input_options
@click.option("--partition-size", type=click.IntRange(1), default=batch.DEFAULT_PARTITION_SIZE, show_default=True,
              help="Articles per partition (one nlp.pipe batch, one Dask task, one Parquet part).")
@click.pass_context
def extract_command(
    ctx: click.Context, paths: tuple[str, ...], published: Optional[date], fmt: str, output: Optional[str], quiet: bool,
    text_column: Optional[str], date_column: Optional[str], lang: str, relevance: Optional[str], no_filter: bool, workers: Optional[int],
    scheduler: Optional[str], parquet_dir: Optional[str], partition_size: int,
) -> None:
    """Extract event records from PATH... (.txt, .html, .json, .jsonl, .csv, .tsv, RSS/Atom feeds and
    feed URLs, .warc, directories, .gz of those; - is stdin)."""
    import sys

    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers or --scheduler, not both")
    try:
        settings = get_settings()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        extractor = batch.default_extractor()
    except ImportError as exc:
        raise click.ClickException(f"strife's extraction pipeline could not be loaded: {exc}") from None
    keep = relevance_keep(no_filter, extractor, settings.model, relevance)
    parts = parquet_parts(parquet_dir)

    with contextlib.ExitStack() as stack:
        if output is None:
            stream = _stdout_utf8(stack)
        else:
            try:
                stream = stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
            except OSError as exc:
                raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
        mapper = open_mapper(stack, paths, workers, scheduler)
        bar = stack.enter_context(batch.Progress(enabled=not quiet and sys.stderr.isatty()))

        def on_notice(notice: batch.Notice) -> None:
            if notice.kind == "failed" or not quiet:
                bar.echo(f"strife: {notice}")

        writer = open_writer(fmt, stream)
        report = batch.run_batch(
            read_inputs(paths, published=published, settings=settings, text_column=text_column,
                        date_column=date_column, lang=lang, exclude=[output] if output else ()),  # type: ignore[arg-type]
            extractor=extractor,
            on_record=writer.write,
            on_notice=on_notice,
            keep=keep,
            mapper=mapper,
            partition_size=partition_size,
            on_partition=parts,
            on_progress=bar.advance,
        )
        writer.close()

    if not quiet:
        click.echo(f"read {report.read} inputs in {report.elapsed_s:.1f} s "
                   f"({report.read / max(report.elapsed_s, 1e-9):,.1f} inputs/s)", err=True)
    if parts is not None:
        click.echo(f"parquet: {parts.records} records in {len(parts.files)} files under {parquet_dir}", err=True)
    click.echo(report.summary_line(), err=True)
    details = report.breakdown()
    if details:
        click.echo(details, err=True)
    ctx.exit(0 if report.ok else 1)


@main.command("evaluate", context_settings={"ignore_unknown_options": True})
@click.option("--limit", type=int, default=None, help="Rows per development set (default: all).")
@click.option("--only", default=None, help="Comma-separated sets: seed,plover,case,lgl.")
def evaluate_command(limit: Optional[int], only: Optional[str]) -> None:
    """Run the extractor on the development sets in ../shared/data and print precision/recall/F1."""
    from strife.evaluation import harness

    try:
        res = harness.run(only=only.split(",") if only else None, limit=limit)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(res.table())
    click.echo("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in res.seconds.items()), err=True)


@main.command("geoparse")
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--spans", "spans_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSONL of {id, text, spans: [[start, end], ...]}: resolve exactly those mentions.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write JSONL here, not stdout.")
@click.pass_context
def geoparse_command(ctx: click.Context, paths: tuple[str, ...], spans_file: Optional[str], output: Optional[str]) -> None:
    """Every place mention in the text, geocoded offline, as JSONL (one mention a line)."""
    import json

    from strife import geoparse

    if not paths and not spans_file:
        raise click.UsageError("give PATH... or --spans FILE.jsonl")
    failed = 0
    with contextlib.ExitStack() as stack:
        stream = _stdout_utf8(stack) if output is None else stack.enter_context(open(output, "w", encoding="utf-8"))
        if spans_file:
            with open(spans_file, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        item = json.loads(line)
                        rows = geoparse.geoparse_spans(str(item["id"]), item["text"], item["spans"])
                    except (ValueError, KeyError, TypeError) as exc:
                        failed += 1
                        click.echo(f"strife: failed: {spans_file}:{n}: {type(exc).__name__}: {exc}", err=True)
                        continue
                    for row in rows:
                        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        for item in read_inputs(paths, settings=get_settings(), exclude=[output] if output else ()) if paths else ():
            if not hasattr(item, "text"):
                failed += 1
                click.echo(f"strife: {item.outcome}: {item.message}", err=True)
                continue
            for row in geoparse.geoparse_text(item.text, article_id=item.id):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    ctx.exit(1 if failed else 0)


def _register_store_commands() -> None:
    from strife.store.cli_commands import register

    register(main)  # ingest, query, export, cluster, db-info


def _register_service_commands() -> None:
    from strife.service.cli_commands import register

    register(main)  # serve


_register_store_commands()
_register_service_commands()


if __name__ == "__main__":  # python -m strife.cli
    main()
