"""Search that finds: `_search=` on the facts and documents tables, and the search_evidence query,
read what a person typed with indicators.search — any Chinese word of one character or more, the
words ANDed, an indicator's other names (GDP ↔ 地区生产总值 ↔ gross regional product) and a region's
pinyin (Shanghai ↔ 上海) included — and never answer with an FTS syntax error.

Datasette 0.65 builds table searches as `match escape_fts(:search)`; this plugin gives the zhibiao
database's connections its own `escape_fts` (registered last, `trylast`, so it replaces Datasette's),
which turns the words into the index's phrases (datasette/metadata.yaml names the index tables).
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl
from indicators import search

DATABASE = "zhibiao"
NOTHING = '""'  # an empty phrase: matches no row (the search form before anything is typed)


def names_in(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every indicator's and region's names, read once per connection (the database is immutable)."""
    try:
        return {**search.indicator_names(conn), **search.region_names(conn)}
    except sqlite3.Error:  # not a zhibiao database: plain words only
        return {}


@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):
    if database != DATABASE:
        return
    names = names_in(conn)

    def escape_fts(query):
        try:
            return search.fts_query(str(query or ""), names)
        except search.NothingToSearch:
            return NOTHING

    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)
