"""Publish a database with Datasette 0.65: the one configuration `zhibiao serve`, the tests and the
benchmarks share (metadata, settings, plugins and templates from the `datasette/` directory)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import yaml
from datasette.app import Datasette

from indicators import build, live, sql_limits

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
    problem = build.database_problem(db_path, REQUIRED)
    if problem:
        raise NotAZhibiaoDatabase(db_path, problem)


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


class Site(Datasette):
    """Datasette with the site's limits: every connection bounded (indicators/sql_limits.py), every
    request pinned to one file of a database that `zhibiao add` replaces (indicators/live.py)."""

    def _prepare_connection(self, conn, database):
        super()._prepare_connection(conn, database)
        sql_limits.apply(conn)

    def app(self):
        return sql_limits.guard_requests(live.pin_requests(super().app(), self, DB_NAME))

    @property
    def inspect_data(self):
        """Datasette's precomputed counts (`datasette inspect`), of the file the request is served from."""
        db = getattr(self, "databases", {}).get(DB_NAME)
        if isinstance(db, live.LiveDatabase):
            return {DB_NAME: db.generation.inspect}
        return self._inspect_data

    @inspect_data.setter
    def inspect_data(self, value):
        self._inspect_data = value

    def _connected_databases(self):
        # /-/databases.json: the file's name, not where it sits on the server.
        return [{**d, "path": d["path"] and Path(d["path"]).name} for d in super()._connected_databases()]


def make_datasette(db_path: str | Path, settings: dict | None = None) -> Datasette:
    """A Datasette serving `db_path` read-only (immutable) as `zhibiao`, whatever the file is called;
    a new file renamed over it (`zhibiao add`) is served from the next request on.

    `settings` override datasette/settings.json (the tests use small pages)."""
    root = site_dir()
    ds = Site(
        [],
        metadata=load_metadata(),
        settings={**load_settings(), **(settings or {})},
        plugins_dir=str(root / "plugins"),
        template_dir=str(root / "templates"),
        static_mounts=[("static", str(root / "static"))],
        cors=True,  # dashboards on other origins call the JSON API (Access-Control-Allow-Origin: *)
    )
    # Datasette adds an in-memory database when given no files; the site serves only ours.
    ds.remove_database("_memory")
    ds.add_database(live.LiveDatabase(ds, db_path, check=check_database), name=DB_NAME, route=DB_NAME)
    return ds


def inspect_data(db_path: str | Path) -> dict:
    """What `datasette inspect` precomputes for an immutable file: its hash, size and the row count
    of every table. Datasette then shows a table's total and the database's counts without a
    `count(*)` over 100 000 rows on each request; the file never changes while it is served (the
    site computes the same for each file `zhibiao add` puts in place: live.Generation.inspect)."""
    from datasette.inspect import inspect_hash

    path = Path(db_path).resolve()
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        counts = live.table_counts(conn)
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
    # IPPROTO_TCP stated: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say
    # so; without it every answer written in two parts (headers, then body) waited ~40 ms for an ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise PortInUse(host, port, error) from error
    return sock


async def warm_up(ds: Datasette) -> None:
    """Start Datasette and open the home page and each table's first page once, before serving: their
    counts and facet counts (seconds over 100 000 facts) are then kept for the first visitors."""
    await ds.invoke_startup()
    for path in ("/", *(f"/{DB_NAME}/{table}" for table in REQUIRED)):
        await ds.client.get(path)


def run(db_path: str | Path, sock: socket.socket) -> None:
    """Serve `db_path` on a bound socket (listen()) until interrupted: `datasette serve` with our config."""
    import uvicorn

    check_database(db_path)
    ds = make_datasette(db_path)
    asyncio.run(warm_up(ds))
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
