"""Serve a database file that `zhibiao add` and `zhibiao build` replace while the site runs.

Writers never change a file in place: they write a new file beside it and rename it over the old
name (indicators/build.py). The site opens each file immutable, as Datasette does, and keeps it
open: the old file stays readable through its open connections after the rename, and the new
one is opened the first time a request finds that the name points to another file.

Each request is pinned, for its whole life (facets, counts, a CSV stream of many pages), to the
file that was current when it started: every response is wholly old data or wholly new. A file
is closed when no request uses it any more.

Datasette keeps one connection per thread and per database name, so a new `Database` under the
same name would keep being answered from the old file: `LiveDatabase` is one Database whose
connections, table counts and size belong to the pinned generation.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import queue
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from datasette.database import Database

from indicators import sql_limits

log = logging.getLogger(__name__)

Identity = tuple[int, int, int, int]  # device, inode, size, mtime: which file a name points to

# Counting queries (a table's filtered count, facet counts, the home page's totals) are kept per
# file: the latest AGGREGATES_KEPT of them, up to AGGREGATE_ROWS rows each, so a table page computes
# its facets once per filter instead of on every request.
AGGREGATES_KEPT = 4096
AGGREGATE_ROWS = 200
_COUNTING = re.compile(r"\bcount\s*\(", re.IGNORECASE)


def identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Generation:
    """One database file as it was opened: a pool of connections to it, and what Datasette caches."""

    def __init__(
        self, path: Path, ident: Identity, connections: list[sqlite3.Connection], number: int
    ) -> None:
        self.identity = ident
        self.number = number
        self.size = ident[2]
        # A version token, not Datasette's SHA-256 of the whole file (0.5 s at 260 MB, per file).
        self.hash = hashlib.sha256(repr(ident).encode()).hexdigest()
        self.table_counts: dict | None = None
        # What `datasette inspect` gives Datasette: counts it then never recomputes.
        counts = table_counts(connections[0])
        self.inspect = {"hash": self.hash, "size": self.size, "file": path.name, "tables": counts}
        self.aggregates: OrderedDict = OrderedDict()
        self.users = 0  # requests pinned to this file (changed on the event loop thread only)
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        for conn in connections:
            self._idle.put(conn)
        self._lock = threading.Lock()
        self._retired = False

    def acquire(self) -> sqlite3.Connection:
        # One connection per SQL thread was opened with the file: never more users than that.
        while True:
            try:
                return self._idle.get(timeout=1)
            except queue.Empty:
                if self._retired:
                    raise sqlite3.OperationalError(
                        "the database file was replaced meanwhile; try again"
                    ) from None

    def release(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if not self._retired:
                self._idle.put(conn)
                return
        conn.close()

    def retire(self) -> None:
        """Close the connections (those in use are closed when released): the file is gone for good."""
        with self._lock:
            self._retired = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


class LiveDatabase(Database):
    """A Datasette database served immutable, switching to a new file at the same path between requests."""

    def __init__(self, ds: Any, path: str | Path, check: Callable[[Path], None] | None = None) -> None:
        super().__init__(ds, path=str(Path(path).resolve()), is_mutable=False)
        self.file = Path(path).resolve()
        self._check = check  # raises when a new file is not fit to serve (the old one is kept)
        self._pinned: ContextVar[Generation | None] = ContextVar(f"generation-{id(self)}", default=None)
        self._swap_lock: asyncio.Lock | None = None
        self._refused: Identity | None = None
        self._numbers = 0
        self._current: Generation | None = None
        self._generations: list[Generation] = []

    # Generations ----------------------------------------------------------------------------------

    @property
    def generation(self) -> Generation:
        """The generation the current request is pinned to (else the newest)."""
        pinned = self._pinned.get()
        if pinned is not None:
            return pinned
        if self._current is None:
            self._current = self._open(identity(self.file))
        return self._current

    async def refresh(self) -> Generation:
        """The newest generation, opening the file at the path if it is not the one being served."""
        ident = identity(self.file)
        current = self._current
        if current is not None and (ident is None or ident == current.identity or ident == self._refused):
            return current
        if self._swap_lock is None:
            self._swap_lock = asyncio.Lock()
        async with self._swap_lock:
            ident = identity(self.file)
            if self._current is None or (ident not in (None, self._current.identity, self._refused)):
                try:
                    new = await asyncio.to_thread(self._open, ident)
                except Exception as error:  # a broken replacement: keep serving what we have
                    if self._current is None:
                        raise
                    log.error("%s: not switching to the new file: %s", self.file, error)
                    self._refused = ident
                else:
                    old, self._current = self._current, new
                    if old is not None and old.users == 0:
                        old.retire()
        return self._current

    @contextlib.asynccontextmanager
    async def pinned(self) -> AsyncIterator[Generation]:
        """Pin the caller's context (one request) to the newest generation until it ends."""
        generation = await self.refresh()
        generation.users += 1
        token = self._pinned.set(generation)
        try:
            yield generation
        finally:
            self._pinned.reset(token)
            generation.users -= 1
            if generation is not self._current and generation.users == 0:
                generation.retire()

    def _open(self, ident: Identity | None) -> Generation:
        """Open connections to the file at the path, and check they are all to the same file."""
        for _ in range(5):
            if self._check is not None:
                self._check(self.file)
            pool_size = max(self.ds.setting("num_sql_threads") or 1, 1)
            connections = [self._connect() for _ in range(pool_size)]
            after = identity(self.file)
            if after == ident or ident is None:
                longest = sql_limits.longest_stored_value(connections[0])
                for conn in connections:
                    sql_limits.fit_stored_values(conn, longest)
                self._numbers += 1
                return Generation(self.file, after, connections, self._numbers)
            for conn in connections:  # replaced again while opening: start over
                conn.close()
            ident = after
        raise RuntimeError(f"{self.file} keeps being replaced; not switching to it yet")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self.file}?immutable=1", uri=True, check_same_thread=False)
        self.ds._prepare_connection(conn, self.name)
        return conn

    # What Datasette asks of a Database ------------------------------------------------------------

    def connect(self, write: bool = False) -> sqlite3.Connection:
        assert not write, "the database is served read-only"
        return sqlite3.connect(f"file:{self.file}?immutable=1", uri=True, check_same_thread=False)

    async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None, **kw):
        aggregates = self.generation.aggregates
        key = (sql, _frozen(params), truncate, page_size) if _COUNTING.search(sql) else None
        if key in aggregates:
            aggregates.move_to_end(key)
            return aggregates[key]
        results = await super().execute(sql, params, truncate, custom_time_limit, page_size, **kw)
        if key and len(results.rows) <= AGGREGATE_ROWS:
            aggregates[key] = results
            if len(aggregates) > AGGREGATES_KEPT:
                aggregates.popitem(last=False)
        return results

    async def execute_fn(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        generation = self.generation

        def in_thread() -> Any:
            conn = generation.acquire()
            try:
                return fn(conn)
            except sqlite3.DataError as error:
                # "string or blob too big": a request over the length limit (sql_limits) is a bad
                # request; Datasette's table view answers an OperationalError with 400, not 500.
                raise sqlite3.OperationalError(str(error)) from error
            finally:
                generation.release(conn)

        if self.ds.executor is None:
            return in_thread()
        return await asyncio.get_running_loop().run_in_executor(self.ds.executor, in_thread)

    @property
    def _cached_table_counts(self) -> dict | None:
        return self.generation.table_counts

    @_cached_table_counts.setter
    def _cached_table_counts(self, counts: dict | None) -> None:
        if getattr(self, "_current", None) is not None:  # Database.__init__ sets None before there is one
            self.generation.table_counts = counts

    @property
    def hash(self) -> str:
        return self.generation.hash

    @property
    def size(self) -> int:
        return self.generation.size

    @property
    def mtime_ns(self) -> int:
        return self.generation.identity[3]

    def close(self) -> None:
        if self._current is not None:
            self._current.retire()


def table_counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """The row count of every table, full-text index shadow and virtual tables included (Datasette lists them)."""
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    counts = {}
    for name in names:
        try:
            counts[name] = {"count": conn.execute(f"select count(*) from [{name}]").fetchone()[0]}
        except sqlite3.Error:
            counts[name] = {"count": 0}
    return counts


def _frozen(params) -> tuple:
    if isinstance(params, dict):
        return tuple(sorted(params.items()))
    return tuple(params or ())


def pin_requests(app: Callable, ds: Any, name: str) -> Callable:
    """ASGI middleware: each HTTP request is served from one generation of database `name`."""

    async def pinned_app(scope, receive, send):
        db = ds.databases.get(name)
        if scope["type"] != "http" or not isinstance(db, LiveDatabase):
            return await app(scope, receive, send)
        async with db.pinned():
            return await app(scope, receive, send)

    pinned_app.app = app  # the wrapped app, as ASGI middleware classes expose it
    return pinned_app
