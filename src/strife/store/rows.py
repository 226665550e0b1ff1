"""Bulk row insertion that does not bind one SQL parameter per value.

DuckDB's Python client probes for pandas on every bound parameter; without pandas
installed that costs ~0.1 ms per value. Rows are therefore shipped as a single JSON
parameter and unpacked by ``from_json`` into the table's own column types.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Sequence

import duckdb

from strife.store.schema import LATEST


def _default(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} in the store")


_COLUMNS: dict[tuple[str, str], list[tuple[str, str]]] = {}


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, type) of the table's columns; cached per schema version."""
    key = (LATEST, table)
    if key in _COLUMNS:
        return _COLUMNS[key]
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        f"WHERE table_name = '{table}' ORDER BY ordinal_position"
    ).fetchall()
    if not rows:
        raise ValueError(f"the store has no table {table!r}")
    _COLUMNS[key] = rows
    return rows


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[object]]) -> None:
    """INSERT rows (values in the table's column order) into ``table``."""
    if not rows:
        return
    cols = table_columns(con, table)
    names = [c for c, _ in cols]
    for row in rows:
        if len(row) != len(names):
            raise ValueError(f"{table}: row has {len(row)} values for {len(names)} columns")
    structure = json.dumps([{c: t for c, t in cols}]).replace("'", "''")
    payload = json.dumps([dict(zip(names, row)) for row in rows], default=_default, ensure_ascii=False)
    con.execute(
        f"INSERT INTO {table} SELECT unnest(from_json(?::JSON, '{structure}'), recursive := true)", [payload]
    )


def in_list(column: str) -> str:
    """SQL ``column IN (...)`` taking one JSON-array parameter (see :func:`json_list`)."""
    return f"{column} IN (SELECT unnest(from_json(?::JSON, '[\"VARCHAR\"]')))"


def json_list(values: Sequence[str]) -> str:
    """The parameter for :func:`in_list`."""
    return json.dumps(list(values))
