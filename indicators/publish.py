"""Publish a database with Datasette 0.65: the one configuration `zhibiao serve`, the tests and the
benchmarks share (metadata, settings, plugins and templates from the `datasette/` directory)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections import OrderedDict
from pathlib import Path

import httpx
import yaml
from datasette.app import Datasette
from datasette.database import Database

# The Datasette configuration directory sits beside the package in the source tree; it is never a
# Python package (an __init__.py there would shadow the real `datasette`).
SITE_DIR = Path(__file__).resolve().parent.parent / "datasette"
DB_NAME = "zhibiao"


# What the site's pages and queries need from the database (the contract of README "Data model").
REQUIRED = ("documents", "indicators", "facts", "series", "revisions", "targets_vs_actuals")


class SiteConfigMissing(Exception):
    """The Datasette configuration directory (datasette/ beside indicators/) is missing."""


class NotAZhibiaoDatabase(Exception):
    """The file is not a SQLite database built by `zhibiao build`."""

    def __init__(self, db_path: str | Path, reason: str) -> None:
        super().__init__(f"{db_path}: {reason}; serve a database made by `zhibiao build --db FILE`.")
        self.db_path = str(db_path)
        self.reason = reason


def check_database(db_path: str | Path) -> None:
    """Raise NotAZhibiaoDatabase unless db_path is a SQLite file with zhibiao's tables and views."""
    try:
        conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in conn.execute("select name from sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise NotAZhibiaoDatabase(db_path, f"not a SQLite database ({error})") from error
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise NotAZhibiaoDatabase(db_path, "no " + ", ".join(missing))


def site_dir() -> Path:
    """The `datasette/` configuration directory; raises SiteConfigMissing when it is not there."""
    if not (SITE_DIR / "metadata.yaml").is_file():
        raise SiteConfigMissing(f"{SITE_DIR}/metadata.yaml not found: run zhibiao from a source checkout")
    return SITE_DIR


def load_metadata() -> dict:
    """datasette/metadata.yaml as a dict."""
    return yaml.safe_load((site_dir() / "metadata.yaml").read_text(encoding="utf-8"))


def load_settings() -> dict:
    """datasette/settings.json: Datasette settings (time limits, row limits) as a dict."""
    return json.loads((site_dir() / "settings.json").read_text(encoding="utf-8"))


def make_datasette(db_path: str | Path, settings: dict | None = None) -> Datasette:
    """A Datasette serving `db_path` read-only (immutable) as `zhibiao`, whatever the file is called.

    `settings` override datasette/settings.json (the tests use small pages)."""
    root = site_dir()
    ds = Datasette(
        [],
        inspect_data={DB_NAME: inspect_data(db_path)},
        metadata=load_metadata(),
        settings={**load_settings(), **(settings or {})},
        plugins_dir=str(root / "plugins"),
        template_dir=str(root / "templates"),
        static_mounts=[("static", str(root / "static"))],
        cors=True,  # dashboards on other origins call the JSON API (Access-Control-Allow-Origin: *)
    )
    # Datasette adds an in-memory database when given no files; the site serves only ours.
    ds.remove_database("_memory")
    ds.add_database(ImmutableDatabase(ds, db_path), name=DB_NAME, route=DB_NAME)
    return ds


class ImmutableDatabase(Database):
    """Datasette's Database for a file that does not change while it is served (opened immutable):
    the results of counting queries — a table's filtered count, each facet's counts, the home page's
    totals — are kept (the latest AGGREGATES_KEPT of them, up to AGGREGATE_ROWS rows each), so a
    table page computes its facets once per filter instead of on every request."""

    def __init__(self, ds: Datasette, path: str | Path) -> None:
        super().__init__(ds, path=str(path), is_mutable=False)
        self._aggregates: OrderedDict = OrderedDict()

    async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None, **kw):
        key = (sql, _frozen(params), truncate, page_size) if _COUNTING.search(sql) else None
        if key in self._aggregates:
            self._aggregates.move_to_end(key)
            return self._aggregates[key]
        results = await super().execute(sql, params, truncate, custom_time_limit, page_size, **kw)
        if key and len(results.rows) <= AGGREGATE_ROWS:
            self._aggregates[key] = results
            if len(self._aggregates) > AGGREGATES_KEPT:
                self._aggregates.popitem(last=False)
        return results


AGGREGATES_KEPT = 4096
AGGREGATE_ROWS = 200
_COUNTING = re.compile(r"\bcount\s*\(", re.IGNORECASE)


def _frozen(params) -> tuple:
    if isinstance(params, dict):
        return tuple(sorted(params.items()))
    return tuple(params or ())


def inspect_data(db_path: str | Path) -> dict:
    """What `datasette inspect` precomputes for an immutable file: its hash, size and the row count
    of every table. Datasette then shows a table's total and the database's counts without a
    `count(*)` over 100 000 rows on each request; the file never changes while it is served."""
    from datasette.inspect import inspect_hash

    path = Path(db_path).resolve()
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        # A full-text index's shadow tables and virtual tables count too (Datasette lists them).
        counts = {}
        for name in names:
            try:
                counts[name] = {"count": conn.execute(f"select count(*) from [{name}]").fetchone()[0]}
            except sqlite3.Error:
                counts[name] = {"count": 0}
    finally:
        conn.close()
    return {"hash": inspect_hash(path), "size": path.stat().st_size, "file": str(path), "tables": counts}


class PortInUse(Exception):
    """The port is taken by another program."""

    def __init__(self, host: str, port: int, error: OSError) -> None:
        super().__init__(
            f"Cannot listen on {host}:{port}: {error.strerror or error}. Stop the other server or choose "
            "another port (--port N, or make serve PORT=N)."
        )


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, before anything is served: a busy port fails here, in one line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise PortInUse(host, port, error) from error
    return sock


def run(db_path: str | Path, sock: socket.socket) -> None:
    """Serve `db_path` on a bound socket (listen()) until interrupted: `datasette serve` with our config."""
    import uvicorn

    check_database(db_path)
    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(ds.app(), log_level="info", lifespan="on", workers=1)
    uvicorn.Server(config).run(sockets=[sock])


class ServerProcess:
    """`zhibiao serve --db DB` as a process of its own on a free port of 127.0.0.1, for the tests and
    benchmarks that need a real server: started, waited for, and stopped (and reaped) by `stop()`."""

    def __init__(
        self,
        db_path: str | Path,
        log_path: str | Path | None = None,
        timeout: float = 60,
        env: dict[str, str] | None = None,
    ) -> None:

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.db_path = Path(db_path)
        self.base = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115 - closed by stop()
        zhibiao = Path(sys.executable).with_name("zhibiao")
        self.proc = subprocess.Popen(
            [str(zhibiao), "serve", "--db", str(db_path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                log = Path(log_path).read_text()[-2000:] if log_path else ""
                raise RuntimeError(f"zhibiao serve exited with {self.proc.returncode}: {log}")
            try:
                if httpx.get(self.base + "/-/versions.json", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"zhibiao serve did not answer in {timeout:.0f} s")
            time.sleep(0.3)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if hasattr(self._log, "close"):
            self._log.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
