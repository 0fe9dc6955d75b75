"""Publish a database with Datasette 0.65: the one configuration `zhibiao serve`, the tests and the
benchmarks share (metadata, settings, plugins and templates from the `datasette/` directory)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

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
        metadata=load_metadata(),
        settings={**load_settings(), **(settings or {})},
        plugins_dir=str(root / "plugins"),
        template_dir=str(root / "templates"),
        static_mounts=[("static", str(root / "static"))],
    )
    # Datasette adds an in-memory database when given no files; the site serves only ours.
    ds.remove_database("_memory")
    ds.add_database(Database(ds, path=str(db_path), is_mutable=False), name=DB_NAME, route=DB_NAME)
    return ds


def run(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve `db_path` on host:port until interrupted (what `datasette serve` does, with our config)."""
    import uvicorn

    check_database(db_path)
    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
