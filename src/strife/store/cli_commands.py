"""The store's click commands: ingest, query, export, cluster, db-info.

Register them on the main group with ``register(main)`` (or ``main.add_command``
for each of :data:`COMMANDS`). Every command takes ``--db PATH`` (default
``./strife.duckdb``, or ``$STRIFE_DB``).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Iterator, Optional

import click

from strife.cli_options import input_options, open_mapper, parquet_parts, relevance_keep
from strife.store.clusterview import cluster_view
from strife.store.db import StoreError, default_db_path, open_store
from strife.store.export import BINARY_FORMATS, FORMATS, export_events
from strife.store.ingest import DEFAULT_BATCH_SIZE, Failure, IngestItem, ingest_articles
from strife.store.query import EventFilter, iter_events, query_events, store_counts

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default=None,
    help="The store file (default ./strife.duckdb or $STRIFE_DB).",
)


def _db(path: Optional[str]):
    return path if path is not None else default_db_path()


def _date(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD") from None


def _bbox(ctx: click.Context, param: click.Parameter, value: Optional[str]):
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT") from None
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT with min <= max")
    return parts


# --- ingest ------------------------------------------------------------------------------

@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none.")
@click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@input_options
@click.pass_context
def ingest_command(
    ctx: click.Context, paths: tuple[str, ...], db_path: Optional[str], published: Optional[date],
    batch_size: int, quiet: bool, text_column: Optional[str], date_column: Optional[str], lang: str,
    relevance: Optional[str], no_filter: bool, workers: Optional[int], scheduler: Optional[str], parquet_dir: Optional[str],
) -> None:
    """Extract events from PATH... and store them (articles already stored are skipped)."""
    import contextlib

    from strife import batch
    from strife.readers import read_inputs

    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers or --scheduler, not both")
    try:
        extract = batch.default_extractor()
    except ImportError as exc:
        raise click.ClickException(f"strife's extraction pipeline could not be loaded: {exc}") from None
    keep = relevance_keep(no_filter, extract, relevance=relevance)
    read_failures: list[Failure] = []
    run = batch.RunReport()

    def on_notice(notice: batch.Notice) -> None:
        if notice.kind == "failed":
            read_failures.append(Failure(notice.origin, notice.reason + (f" ({notice.detail})" if notice.detail else "")))

    show = not quiet and sys.stderr.isatty()
    with contextlib.ExitStack() as stack:
        mapper = open_mapper(stack, paths, workers, scheduler)
        parts = parquet_parts(parquet_dir)
        processed = batch.iter_processed(
            read_inputs(paths, published=published, text_column=text_column, date_column=date_column,
                        lang=lang),  # type: ignore[arg-type]
            run, extract, on_notice, keep=keep, mapper=mapper, partition_size=min(batch_size, 64),
        )
        items = _items(processed, parts)
        bar = stack.enter_context(batch.Progress(enabled=show, label="articles stored"))
        try:
            report = ingest_articles(_db(db_path), items, batch_size=batch_size, progress=bar.advance)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        if parts is not None:
            parts.flush()
    report.read += len(read_failures) + run.n_skipped
    report.failed = read_failures + report.failed
    click.echo(report.summary(), err=True)
    if run.skipped:
        click.echo("skipped: " + ", ".join(f"{r} {n}" for r, n in sorted(run.skipped.items())), err=True)
    ctx.exit(1 if report.failed else 0)


class _ExtractionFailed(RuntimeError):
    """An article's extraction raised (in this process or on a worker): type and message."""


def _items(processed, parts) -> Iterator[IngestItem]:
    for item in processed:
        if parts is not None:
            parts.add(item.partition, item.outcome.events or [])
        out = item.outcome
        if out.failed:
            yield item.article, _ExtractionFailed(f"{out.error}: {out.detail}" if out.detail else str(out.error))
        else:
            yield item.article, out.events or []


# --- query / export ------------------------------------------------------------------------

def _write(events, fmt: str, output: Optional[str]) -> int:
    if fmt in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    try:
        return export_events(events, fmt, output)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None


format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
                             help="Output format.")
output_option = click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                             help="Write here, not stdout (required for parquet).")


@click.command("query")
@db_option
@click.option("--from", "date_from", callback=_date, metavar="YYYY-MM-DD", help="Events ending on or after.")
@click.option("--to", "date_to", callback=_date, metavar="YYYY-MM-DD", help="Events starting on or before.")
@click.option("--country", metavar="ISO3", help="Any location in this country (ISO 3166-1 alpha-3).")
@click.option("--admin1", help="Any location in this first-level division.")
@click.option("--bbox", callback=_bbox, metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="Any location inside.")
@click.option("--plover", "plover_type", metavar="TYPE", help="PLOVER type, e.g. ASSAULT.")
@click.option("--cameo", "cameo_prefix", metavar="PREFIX", help="CAMEO code prefix, e.g. 19.")
@click.option("--acled-type", help="ACLED event type, e.g. 'Battles'.")
@click.option("--acled-sub-type", help="ACLED sub-event type, e.g. 'Armed clash'.")
@click.option("--actor", help="Substring of an actor's name or text.")
@click.option("--min-fatalities", type=click.IntRange(0), help="Best (else low) fatality figure at least this.")
@click.option("--text", help="Substring of evidence, title, actor or place names.")
@click.option("--cluster", "cluster_id", help="Records of this cluster.")
@click.option("--no-background", is_flag=True, help="Leave out events mentioned only as background.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many records.")
@format_option
@output_option
def query_command(db_path, date_from, date_to, country, admin1, bbox, plover_type, cameo_prefix, acled_type,
                  acled_sub_type, actor, min_fatalities, text, cluster_id, no_background, limit, fmt, output) -> None:
    """Records from the store that match the filters, in any export format."""
    f = EventFilter(
        date_from=date_from, date_to=date_to, country=country, admin1=admin1, bbox=bbox, plover_type=plover_type,
        cameo_prefix=cameo_prefix, acled_type=acled_type, acled_sub_type=acled_sub_type, actor=actor,
        min_fatalities=min_fatalities, text=text, cluster_id=cluster_id, include_background=not no_background,
    )
    try:
        events = query_events(_db(db_path), f, limit=limit)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    n = _write(events, fmt, output)
    click.echo(f"{n} records", err=True)


@click.command("export")
@db_option
@format_option
@output_option
def export_command(db_path: Optional[str], fmt: str, output: Optional[str]) -> None:
    """Every record in the store, in one format."""
    try:
        events = list(iter_events(_db(db_path)))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    n = _write(events, fmt, output)
    click.echo(f"{n} records", err=True)


@click.command("cluster")
@click.argument("cluster_id")
@db_option
def cluster_command(cluster_id: str, db_path: Optional[str]) -> None:
    """The merged view of one cluster (JSON): fields, each source's tolls, low/best/high."""
    try:
        with open_store(_db(db_path), read_only=True) as con:
            view = cluster_view(con, cluster_id)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(view.to_json_dict(), ensure_ascii=False, indent=2))


@click.command("db-info")
@db_option
def db_info_command(db_path: Optional[str]) -> None:
    """Counts of articles, events and clusters, and the applied migrations."""
    try:
        c = store_counts(_db(db_path))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps({"articles": c.articles, "events": c.events, "clusters": c.clusters,
                           "migrations": list(c.migrations)}, indent=2))


COMMANDS = (ingest_command, query_command, export_command, cluster_command, db_info_command)


def register(group: click.Group) -> None:
    """Add the store's commands to the main CLI group."""
    for cmd in COMMANDS:
        group.add_command(cmd)
