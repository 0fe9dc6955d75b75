"""Load on the site: concurrent requests at a real `zhibiao serve` on 127.0.0.1, for a bounded time.

    python benchmarks/serve.py                            # corpus ×1 and ×100, 10 s per mix, 8 clients
    python benchmarks/serve.py --scales 1 --duration 5 --concurrency 4

For each scale the database is built once (corpus copies with new ids, as benchmarks/build.py does)
into --db-dir and reused by later runs; `zhibiao serve` is started as its own process, warmed up,
then driven with two mixes of URLs — the JSON API and the HTML pages — by `concurrency` clients
that each send one request after another. Prints a Markdown table: requests/s and p50/p95/p99
latency per scale and mix, and the number of non-200 answers.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from datasette.utils import tilde_encode

from indicators.publish import ServerProcess

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def build_scale(scale: int, db_path: Path) -> None:
    """The bundled corpus `scale` times over, built with the real pipeline (benchmarks/build.py's copies)."""
    from build import corpus_copies  # benchmarks/build.py

    import extractors
    from indicators.build import build_database
    from indicators.catalogue import load_catalogue

    build_database(
        db_path,
        corpus_copies(scale),
        extractors.extract,
        load_catalogue(),
        extractors.EXTRACTOR_VERSION,
    )


def sample_urls(db_path: Path) -> dict[str, list[str]]:
    """The two mixes: JSON API calls a dashboard makes, and pages a reader opens."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    indicators = [
        r[0]
        for r in conn.execute(
            "select indicator_id from facts where indicator_id is not null group by 1 order by count(*) desc limit 5"
        )
    ]
    facts = [
        r[0] for r in conn.execute("select id from facts where indicator_id is not null order by id limit 20")
    ]
    docs = [r[0] for r in conn.execute("select doc from facts group by doc order by count(*) desc limit 10")]
    entity = conn.execute(
        "select entity from facts group by entity order by count(*) desc limit 1"
    ).fetchone()[0]
    conn.close()
    json_urls = []
    for ind in indicators:
        json_urls += [
            f"/zhibiao/series.json?_shape=array&indicator_id={ind}",
            f"/zhibiao/facts.json?_shape=array&indicator_id={ind}",
            f"/zhibiao/indicator_series.json?_shape=array&indicator_id={ind}",
        ]
    json_urls += [
        "/zhibiao/latest_values.json?_shape=array",
        "/zhibiao/targets_vs_actuals.json?_shape=array&status=behind",
        f"/zhibiao/facts.json?_shape=array&entity={quote(entity)}&kind=target",
        "/zhibiao/search_evidence.json?_shape=array&q=" + quote("集成电路"),
        "/zhibiao/facts.json?_size=100",
    ]
    pages = [
        "/",
        "/zhibiao/facts",
        "/zhibiao/facts?kind=target",
        "/zhibiao/series?indicator_id=" + indicators[0],
    ]
    # Row URLs tilde-encode their ids, as the site's own links do (a copy's id is 2650700335_1~1).
    pages += [f"/zhibiao/facts/{tilde_encode(f)}" for f in facts[:6]]
    pages += [f"/zhibiao/documents/{tilde_encode(d)}" for d in docs[:3]]
    pages += ["/zhibiao/facts.csv?indicator_id=" + indicators[0]]
    return {"json": json_urls, "pages": pages}


Server = ServerProcess  # `zhibiao serve` in its own process on a free port of 127.0.0.1


async def drive(base: str, urls: list[str], concurrency: int, duration: float) -> dict:
    """`concurrency` clients request `urls` round-robin for `duration` seconds; latencies in ms."""
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one_client(offset: int) -> None:
            nonlocal failures
            i = offset
            while time.perf_counter() < deadline:
                url = urls[i % len(urls)]
                i += 1
                start = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    failures += 1

        start = time.perf_counter()
        await asyncio.gather(*(one_client(k) for k in range(concurrency)))
        elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "failures": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per mix")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--db-dir", type=Path, default=ROOT / "data" / "bench", help="where the built databases are kept"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    args = parser.parse_args()

    args.db_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for scale in args.scales:
        db_path = args.db_dir / f"serve-x{scale}.db"
        if args.rebuild or not db_path.exists():
            print(f"building ×{scale} into {db_path} …", file=sys.stderr)
            t0 = time.perf_counter()
            build_scale(scale, db_path)
            print(f"  built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        n_facts = conn.execute("select count(*) from facts").fetchone()[0]
        conn.close()
        mixes = sample_urls(db_path)
        server = Server(db_path)
        try:
            for name, urls in mixes.items():
                asyncio.run(drive(server.base, urls, concurrency=2, duration=2))  # warm up caches
                result = asyncio.run(drive(server.base, urls, args.concurrency, args.duration))
                rows.append({"scale": scale, "facts": n_facts, "mix": name, "urls": len(urls), **result})
                print(f"  ×{scale} {name}: {result['rps']:.0f} req/s", file=sys.stderr)
        finally:
            server.stop()

    print(
        f"\n{args.concurrency} concurrent clients, {args.duration:g} s per mix, one `zhibiao serve` process\n"
    )
    print("| scale | facts | mix | URLs | requests | req/s | p50 ms | p95 ms | p99 ms | non-200 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| ×{r['scale']} | {r['facts']:,} | {r['mix']} | {r['urls']} | {r['requests']:,} | {r['rps']:.0f} "
            f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['failures']} |"
        )


if __name__ == "__main__":
    main()
