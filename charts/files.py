"""`zhibiao charts`: every chart of a database written as files (NAME.html, NAME.svg, NAME.png, NAME.vl.json)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from charts import collect, queries
from charts.render import FORMATS, render


class ChartsError(Exception):
    """The charts cannot be written"""


def open_database(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to a zhibiao database; ChartsError naming the file when it is not one."""
    if not db_path.is_file():
        raise ChartsError(f"Database {db_path} not found; build it with `zhibiao build --db {db_path}`.")
    conn = sqlite3.connect(f"file:{db_path.resolve()}?mode=ro", uri=True)
    try:
        # series and targets_vs_actuals are views or materialised tables, as the build chooses.
        views = {r[0] for r in conn.execute("select name from sqlite_master where type in ('view', 'table')")}
    except sqlite3.DatabaseError as error:
        conn.close()
        raise ChartsError(f"{db_path}: {error}") from error
    missing = {"series", "targets_vs_actuals"} - views
    if missing:
        conn.close()
        raise ChartsError(
            f"{db_path} has no {', '.join(sorted(missing))}: not a zhibiao database? "
            f"Rebuild it with `zhibiao build --db {db_path}`."
        )
    return conn


def parse_formats(text: str) -> list[str]:
    """'html,svg' -> ['html', 'svg']; ChartsError on a format vl-convert cannot write."""
    formats = [f.strip().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ChartsError(f'Unknown chart format "{",".join(unknown)}": use {", ".join(FORMATS)}.')
    return formats


def write_charts(
    conn: sqlite3.Connection, out_dir: Path, formats: Iterable[str], ids: Iterable[str] = ()
) -> Iterator[Path]:
    """Write each chart (of the indicators in `ids`, or all) in each format; yield the paths written."""
    ids = list(ids)
    known = {i["id"] for i in queries.indicators(conn)}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ChartsError(
            f'No chart for indicator "{unknown[0]}": it is not in the catalogue or has no dated values. '
            f"Indicators with charts: {', '.join(sorted(known)) or 'none'}."
        )
    refs = collect.available(conn, ids or None)
    if not refs:
        raise ChartsError("No chart to draw: the database has no dated facts of a catalogued indicator.")
    out_dir.mkdir(parents=True, exist_ok=True)
    for ref in refs:
        chart = collect.build(conn, ref.name, ids or None)
        for fmt in formats:
            path = out_dir / f"{ref.name}.{fmt}"
            path.write_bytes(render(chart, fmt))
            yield path
