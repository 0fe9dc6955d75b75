"""Versioned URLs for the files a page loads (stylesheets, scripts, the Vega bundle), so that
browsers may keep them a year.

The database's own answers cannot be kept long: `zhibiao add` replaces the file under the same
URLs (/zhibiao/facts, /-/charts/gdp.svg), so they carry `max-age=300`. The site's stylesheets and
scripts change only when the code or the packages that make them change: their URLs carry
`?v=VERSION`, a hash of everything they are made from, and an answer to a URL with the current
version is `Cache-Control: public, max-age=31536000, immutable`. A new release gives new URLs.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent.parent / "datasette"
# Paths whose answers are made only from the files and packages hashed below.
VERSIONED = ("/static/", "/-/static/", "/-/vega.js", "/-/charts.js", "/-/charts.css")
LONG = "public, max-age=31536000, immutable"
# What the files are made of: the static folder, the plugin that writes charts.js and charts.css,
# and the packages that serve Datasette's own static files and bundle Vega.
SOURCES = ("static", "plugins/charts_routes.py")
PACKAGES = ("datasette", "vl-convert-python")


@cache
def asset_version() -> str:
    """A short hash of the sources and package versions the versioned files are made from."""
    digest = hashlib.sha256()
    for source in SOURCES:
        path = SITE_DIR / source
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(str(file.relative_to(SITE_DIR)).encode() + b"\0" + file.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()[:12]


def is_versioned(path: str, query_string: bytes) -> bool:
    """True for a request of a versioned file at the current version (?v=VERSION)."""
    return path.startswith(VERSIONED) and query_string == f"v={asset_version()}".encode()


def database_cache(datasette) -> dict[str, str]:
    """Headers of an answer drawn from the database outside Datasette's views (a chart file): kept as
    long as Datasette's own answers (`default_cache_ttl`), since `zhibiao add` changes it under the
    same URL."""
    return {"cache-control": f"public, max-age={datasette.setting('default_cache_ttl')}"}
