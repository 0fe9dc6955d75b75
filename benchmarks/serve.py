"""Load on the site: concurrent requests at a real `zhibiao serve` on 127.0.0.1, for a bounded time.

    python benchmarks/serve.py                            # corpus ×1 and ×100, 10 s per mix, 8 clients
    python benchmarks/serve.py --scale 100 --cache off    # every request answered by Datasette
    python benchmarks/serve.py --scales 1 --duration 5 --concurrency 4

For each scale the database is built once (corpus copies with new ids, as benchmarks/build.py does)
into --db-dir and reused by later runs; `zhibiao serve` is started as its own process, warmed up,
then driven with two mixes of URLs — the JSON API and the HTML pages — by `concurrency` clients
that each send one request after another. Prints a Markdown table: requests/s and p50/p95/p99
latency per scale and mix, and the number of non-200 answers; with the response cache on (repeated
URLs answered from memory, as a dashboard's polling is) and off (every request computed).
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

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


class Connection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads whole answers, gzip accepted and
    left compressed. Much lighter than a full client: the load generator shares the machine's two
    cores with the server, and every millisecond it spends is one the server does not get."""

    def __init__(self, base: str) -> None:
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str) -> int:
        """GET url; the status code, once the whole body has arrived."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(
            f"GET {url} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept-Encoding: gzip\r\n\r\n".encode()
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def drive(base: str, urls: list[str], concurrency: int, duration: float) -> dict:
    """`concurrency` clients request `urls` round-robin for `duration` seconds; latencies in ms."""
    latencies: list[float] = []
    per_url: dict[str, list[float]] = {}
    failures = 0
    deadline = time.perf_counter() + duration

    async def one_client(offset: int) -> None:
        nonlocal failures
        connection = Connection(base)
        i = offset
        try:
            while time.perf_counter() < deadline:
                url = urls[i % len(urls)]
                i += 1
                start = time.perf_counter()
                status = await asyncio.wait_for(connection.get(url), timeout=30)
                latencies.append((time.perf_counter() - start) * 1000)
                per_url.setdefault(url, []).append(latencies[-1])
                if status != 200:
                    failures += 1
        finally:
            connection.close()

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
        "slowest": sorted(((statistics.median(ms), url) for url, ms in per_url.items()), reverse=True)[:5],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", "--scale", type=int, nargs="+", default=[1, 100])
    parser.add_argument(
        "--cache",
        choices=["on", "off", "both"],
        default="both",
        help="the response cache (datasette/plugins/response_cache.py): on, off, or a run with each",
    )
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
        for cache in ("on", "off") if args.cache == "both" else (args.cache,):
            # Off: every request goes to Datasette (counting queries are still kept per file).
            server = Server(db_path, env={} if cache == "on" else {"ZHIBIAO_RESPONSE_CACHE_MB": "0"})
            try:
                for name, urls in mixes.items():
                    asyncio.run(drive(server.base, urls, concurrency=2, duration=2))  # warm up caches
                    result = asyncio.run(drive(server.base, urls, args.concurrency, args.duration))
                    rows.append(
                        {
                            "scale": scale,
                            "facts": n_facts,
                            "mix": name,
                            "urls": len(urls),
                            "cache": cache,
                            **result,
                        }
                    )
                    print(
                        f"  ×{scale} {name}, cache {cache}: {result['rps']:.0f} req/s; slowest (median ms):",
                        file=sys.stderr,
                    )
                    for ms, url in result["slowest"]:
                        print(f"    {ms:7.1f}  {url}", file=sys.stderr)
            finally:
                server.stop()

    print(
        f"\n{args.concurrency} concurrent clients, {args.duration:g} s per mix, one `zhibiao serve` process\n"
    )
    print(
        "| scale | facts | mix | URLs | response cache | requests | req/s | p50 ms | p95 ms | p99 ms | non-200 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| ×{r['scale']} | {r['facts']:,} | {r['mix']} | {r['urls']} | {r['cache']} | {r['requests']:,} "
            f"| {r['rps']:.0f} "
            f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['failures']} |"
        )


if __name__ == "__main__":
    main()
