"""How long each chart takes: rows read (SQL), spec built (Altair to_dict), and each file rendered
through vl-convert (svg, png, html), for every chart of a database; plus the site's chart routes
on a real `zhibiao serve` (first request, and again from the in-memory cache).

usage: python benchmarks/chart_render.py [--db data/zhibiao.db] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import httpx

from charts import collect, render
from charts.theme import register_fonts
from indicators.publish import ServerProcess


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def files(db: Path, repeat: int) -> None:
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    register_fonts()
    render.render(collect.build(conn, collect.available(conn)[0].name), "png")  # warm vl-convert up
    refs = collect.available(conn)
    rows = {k: [] for k in ("rows+spec", "svg", "png", "html")}
    for ref in refs:
        seconds, chart = timed(lambda ref=ref: collect.build(conn, ref.name).to_dict(), repeat)
        rows["rows+spec"].append(seconds)
        chart = collect.build(conn, ref.name)
        for fmt in ("svg", "png", "html"):
            rows[fmt].append(timed(lambda chart=chart, fmt=fmt: render.render(chart, fmt), repeat)[0])
    print(f"{db}: {len(refs)} charts, median of {repeat} runs each")
    print(f"{'step':10} {'median ms':>10} {'max ms':>8} {'total s':>8}")
    for step, values in rows.items():
        print(
            f"{step:10} {statistics.median(values) * 1000:10.0f} {max(values) * 1000:8.0f} {sum(values):8.1f}"
        )


def site(db: Path, repeat: int) -> None:
    with ServerProcess(db) as server, httpx.Client(base_url=server.base, timeout=60) as client:
        seconds, _ = timed(lambda: client.get("/-/vega.js"), 1)
        print(f"site: first /-/vega.js, built at startup in the background: {seconds * 1000:.0f} ms")
        index = client.get("/-/charts").text
        names = [h.split('"')[0] for h in index.split('href="/-/charts/')[1:]]
        indicator = next(n for n in names if "-" not in n and "." not in n)
        print(
            f"site: first request, then median of {repeat} more (files are cached: the database is immutable)"
        )
        paths = ["/-/charts", "/-/vega.js"]
        for name in (indicator, collect.TARGETS):
            paths += [f"/-/charts/{name}{suffix}" for suffix in ("", ".vl.json", ".svg", ".png")]
        for path in paths:
            first, response = timed(lambda path=path: client.get(path), 1)
            again, _ = timed(lambda path=path: client.get(path), repeat)
            print(
                f"  {path:40} {response.status_code} first {first * 1000:5.0f} ms, "
                f"again {again * 1000:4.0f} ms, {len(response.content):>7} bytes"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/zhibiao.db"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(f"{args.db} not found: run `zhibiao build --db {args.db}` first")
    files(args.db, args.repeat)
    site(args.db, args.repeat)


if __name__ == "__main__":
    main()
