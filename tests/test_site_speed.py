"""What keeps the site fast at 100× the corpus: precomputed counts (Datasette inspect data), counting
queries kept per file, the planner's statistics, cache headers, gzip and the response cache.
Timings are measured by benchmarks/serve.py, not asserted here."""

from __future__ import annotations

import gzip
import shutil
import socket
import sqlite3

import httpx
import pytest
from site_samples import build_site_db

from indicators import publish

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("speed") / "sample.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


def count(db_path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"select count(*) from [{table}]").fetchone()[0]
    finally:
        conn.close()


class Counting:
    """An ASGI app in front of Datasette's own that counts the requests reaching it."""

    def __init__(self, app) -> None:
        self.app, self.calls = app, 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await self.app(scope, receive, send)


def served(ds) -> tuple[httpx.AsyncClient, Counting]:
    """A client of the whole site app (plugins' wrappers included) and the counter behind the cache."""
    app = cache = ds.app()
    while type(cache).__name__ != "ResponseCache":  # the outermost of the plugins' wrappers
        cache = cache.app
    inner = Counting(cache.app)
    cache.app = inner
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost")
    return client, inner


def test_inspect_data_counts_every_table(db_path):
    data = publish.inspect_data(db_path)
    for table in ("documents", "facts", "series", "revisions", "targets_vs_actuals"):
        assert data["tables"][table]["count"] == count(db_path, table)
    assert data["size"] == db_path.stat().st_size


async def test_a_table_total_comes_from_the_inspect_data(ds, db_path):
    await ds.invoke_startup()
    assert ds.inspect_data["zhibiao"]["tables"]["facts"]["count"] == count(db_path, "facts")
    response = await ds.client.get("/zhibiao/facts.json?_shape=objects")
    assert response.json()["filtered_table_rows_count"] == count(db_path, "facts")


def test_the_build_gives_the_planner_statistics(db_path):
    conn = sqlite3.connect(db_path)
    indexed = {row[0] for row in conn.execute("select tbl from sqlite_stat1")}
    conn.close()
    assert {"facts", "documents", "series", "revisions", "targets_vs_actuals"} <= indexed


@pytest.mark.parametrize(
    "path", ["/zhibiao/facts.json", "/zhibiao/facts", "/zhibiao/series.json?_shape=array"]
)
async def test_database_answers_may_be_cached_for_five_minutes(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "max-age=300"


async def test_answers_are_gzipped_when_the_client_accepts_it(ds):
    zipped = await ds.client.get("/zhibiao/facts.json", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    plain = await ds.client.get("/zhibiao/facts.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert zipped.json()["rows"] == plain.json()["rows"]
    assert int(zipped.headers["content-length"]) < len(plain.content) / 3


@pytest.mark.parametrize("path", ["/zhibiao/facts.csv", "/zhibiao/facts.csv?_stream=on"])
async def test_a_gzipped_csv_still_starts_with_its_byte_order_mark(ds, path):
    client, _ = served(ds)
    async with client, client.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.headers["content-encoding"] == "gzip"
    assert gzip.decompress(raw).startswith(BOM + b"id,")


async def test_a_repeated_request_is_answered_from_memory(ds):
    client, datasette = served(ds)
    async with client:
        first = await client.get("/zhibiao/facts.json?_shape=array")
        again = await client.get("/zhibiao/facts.json?_shape=array")
        assert datasette.calls == 1
        assert again.content == first.content
        assert again.headers["content-type"] == first.headers["content-type"]
        # Another URL, another encoding, a cookie or another method each go to Datasette.
        await client.get("/zhibiao/facts.json?_shape=array&kind=target")
        await client.get("/zhibiao/facts.json?_shape=array", headers={"Accept-Encoding": "identity"})
        await client.get("/zhibiao/facts.json?_shape=array", headers={"Cookie": "ds_actor=x"})
        await client.get("/zhibiao/facts.json?_shape=array", headers={"Cookie": "ds_actor=x"})
        assert datasette.calls == 5


async def test_errors_and_pages_outside_the_database_are_not_kept(ds):
    client, datasette = served(ds)
    async with client:
        for _ in range(2):
            assert (await client.get("/zhibiao/facts/no-such-fact")).status_code == 404
            assert (await client.get("/-/versions.json")).status_code == 200
        assert datasette.calls == 4


async def test_kept_answers_are_dropped_when_a_new_file_is_put_in_place(db_path, tmp_path):
    served_path = tmp_path / "zhibiao.db"
    shutil.copy(db_path, served_path)
    client, datasette = served(publish.make_datasette(served_path))
    async with client:
        await client.get("/zhibiao/series.json?_shape=array")
        await client.get("/zhibiao/series.json?_shape=array")
        assert datasette.calls == 1
        # A new build is renamed over the served file, as `zhibiao build` does.
        shutil.copy(db_path, tmp_path / "new.db")
        (tmp_path / "new.db").replace(served_path)
        await client.get("/zhibiao/series.json?_shape=array")
        assert datasette.calls == 2


def test_the_served_socket_is_tcp_so_answers_are_not_held_back():
    # asyncio sets TCP_NODELAY only on sockets made with IPPROTO_TCP: without it an answer written in
    # two parts waits for the client's delayed ACK (40 ms on Linux) — every cached answer did.
    sock = publish.listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


async def test_warm_up_counts_the_first_pages_before_serving(ds):
    await publish.warm_up(ds)
    kept = [sql for sql, *_ in ds.get_database("zhibiao").generation.aggregates]
    # The facts page's facet counts (indicator, entity, kind, measure, period_end) are already there.
    facet_counts = [sql for sql in kept if "from facts" in sql and "group by" in sql]
    assert len(facet_counts) >= 5
