"""The ``strife serve`` command: the API and the map page over a store, with uvicorn.

Register it on the main group with ``register(main)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from strife.service.settings import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TOKEN_ENV, ServiceSettings, token_from_env
from strife.store.db import default_db_path


@click.command("serve")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The store file (default ./strife.duckdb or $STRIFE_DB).")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to bind; the default serves this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--token-env", metavar="VAR", default=None,
              help=f"Enable POST /ingest, with the Bearer token read from environment variable VAR "
                   f"(e.g. {DEFAULT_TOKEN_ENV}). Without it the service is read-only.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow browser calls from this origin (repeatable). CORS is off by default.")
def serve_command(db_path: Optional[str], host: str, port: int, token_env: Optional[str],
                  cors_origins: tuple[str, ...]) -> None:
    """Serve the JSON API (OpenAPI docs at /docs) and the map page at / over the store."""
    import uvicorn

    from strife.service.app import create_app

    token = None
    if token_env is not None:
        token = token_from_env(token_env)
        if token is None:
            raise click.UsageError(f"--token-env {token_env}: the environment variable is unset or empty")
    path = db_path if db_path is not None else default_db_path()
    try:
        settings = ServiceSettings(db_path=Path(path), token=token, cors_origins=cors_origins)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"strife: serving on {host}: other machines can reach this service"
                   + ("" if token is None else " and its POST /ingest (token-protected)"), err=True)
    click.echo(f"strife: serving {path} at http://{host}:{port}/ ("
               + ("read-only" if token is None else "ingest enabled") + "); Ctrl-C stops", err=True)
    uvicorn.run(create_app(settings=settings), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False)


COMMANDS = (serve_command,)


def register(group: click.Group) -> None:
    """Add ``serve`` to the main CLI group."""
    for cmd in COMMANDS:
        group.add_command(cmd)
