"""Click options shared by the commands that read articles (`extract`, `ingest`)."""

from __future__ import annotations

from typing import Callable, Optional

import click

_INPUT_OPTIONS = (
    click.option("--text-column", default=None, metavar="NAME",
                 help="CSV/TSV column holding the article text (default: text)."),
    click.option("--date-column", default=None, metavar="NAME",
                 help="CSV/TSV column holding the publication date (default: published or date when present)."),
    click.option("--lang", type=click.Choice(["en", "any"]), default="en", show_default=True,
                 help="en: skip articles that are not English (counted); any: process every article."),
    click.option("--no-filter", is_flag=True,
                 help="Parse every article, not only those with a word that can be an event trigger."),
    click.option("--workers", type=click.IntRange(1), default=None, metavar="N",
                 help="Extract on a local Dask cluster of N worker processes."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="Extract on an existing Dask cluster (e.g. tcp://host:8786); workers need strife installed."),
    click.option("--parquet-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                 help="Also write the records as Parquet, one part-NNNNN.parquet per partition, into DIR."),
)


def input_options(fn: Callable) -> Callable:
    """Decorate a command with the options every article-reading command takes."""
    for opt in reversed(_INPUT_OPTIONS):
        fn = opt(fn)
    return fn


def relevance_keep(no_filter: bool, extractor, model: Optional[str] = None):
    """The relevance filter for the real pipeline (None with --no-filter or another extractor): it is
    derived from the pipeline's trigger lexicon and says nothing about other extractors."""
    from strife import batch

    if no_filter or not isinstance(extractor, batch.PipelineExtractor):
        return None
    from strife.relevance import default_filter

    try:
        return default_filter(model) if model else default_filter()
    except FileNotFoundError as exc:
        raise click.ClickException(f"the relevance filter could not be built: {exc}; use --no-filter") from None


def parquet_parts(parquet_dir: Optional[str]):
    """The Parquet partition writer for --parquet-dir (None without it)."""
    if parquet_dir is None:
        return None
    from strife.scale.dask_runner import ParquetPartitions

    try:
        return ParquetPartitions(parquet_dir)
    except (FileExistsError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
