"""Click options shared by the commands that read articles (`extract`, `ingest`)."""

from __future__ import annotations

from typing import Callable

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
