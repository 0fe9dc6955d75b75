"""indicators/sql_limits.py: what one request can make the site's SQLite do.

Against a real `zhibiao serve` process: each call that used to run for minutes, eat gigabytes or
reach into SQLite comes back with an error in under 3 s, while `select 1` keeps answering.
"""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest
from db_samples import CATALOGUE, document
from site_samples import build_site_db

from indicators import build, publish, sql_limits

# (name, SQL, the error the site answers with; None: a quick, correct answer)
CALLS = [
    ("printf", "select length(printf('%.*c', 900000000, 'x'))", "string or blob too big"),
    ("printf width", "select length(printf('%.900000000c', 'x'))", "string or blob too big"),
    ("randomblob", "select length(randomblob(200000000))", "string or blob too big"),
    ("zeroblob", "select length(zeroblob(200000000))", "string or blob too big"),
    (
        "replace growing",
        "select length(replace(hex(zeroblob(400000)), '0', 'xxxxx'))",
        "string or blob too big",
    ),
    (
        "group_concat",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000) "
        "select length(group_concat(hex(zeroblob(10000)))) from n",
        "string or blob too big",
    ),
    ("instr", "select instr(hex(zeroblob(499999)), hex(zeroblob(125000)) || '1')", None),
    ("replace", "select length(replace(hex(zeroblob(499999)), hex(zeroblob(125000)) || '1', 'x'))", None),
    ("like", "select hex(zeroblob(499999)) like '%' || hex(zeroblob(24000)) || '1%'", "pattern too complex"),
    (
        "many big rows",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000) "
        "select zeroblob(900000), zeroblob(900000) from n",
        "more than 16 million characters",
    ),
    (
        "fts3_tokenizer",
        "select hex(fts3_tokenizer('simple'))",
        "not authorized to use function: fts3_tokenizer",
    ),
    ("fts3_tokenizer 2", "select fts3_tokenizer('simple', x'0000000000000000')", "not authorized"),
    (
        "load_extension",
        "select load_extension('/tmp/evil.so')",
        "not authorized to use function: load_extension",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = build_site_db(tmp_path_factory.mktemp("limits") / "sample.db")
    with publish.ServerProcess(path) as server:
        yield server


def sql(server, query: str) -> tuple[float, httpx.Response]:
    start = time.monotonic()
    response = httpx.get(server.base + "/zhibiao.json", params={"sql": query}, timeout=60)
    return time.monotonic() - start, response


@pytest.mark.parametrize(("name", "query", "error"), CALLS, ids=[c[0] for c in CALLS])
def test_each_call_comes_back_quickly(server, name, query, error):
    seconds, response = sql(server, query)
    assert seconds < 3, f"{name} took {seconds:.1f} s"
    body = response.json()
    if error is None:
        assert response.status_code == 200
        assert body["ok"] is True
    else:
        assert response.status_code == 400
        assert error in body["error"]


def test_select_1_answers_while_every_call_runs_at_once(server):
    results: dict[str, tuple[float, httpx.Response]] = {}
    threads = [
        threading.Thread(target=lambda n=name, q=query: results.__setitem__(n, sql(server, q)))
        for name, query, _ in CALLS * 3
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.05)
    seconds, response = sql(server, "select 1")
    for thread in threads:
        thread.join(timeout=60)
    assert response.json()["rows"] == [[1]]
    assert seconds < 3
    assert max(s for s, _ in results.values()) < 3
    assert all(r.status_code in (200, 400) for _, r in results.values())


def test_functions_keep_sqlite_answers(server):
    _, response = sql(
        server,
        "select instr('上海集成电路', '集成'), instr(x'0102', x'02'), instr(12345, 34), instr(null, 'a'), "
        "replace('a-b-c', '-', '+'), replace('abc', '', 'x'), replace(1.5, '.', ','), "
        "printf('%5.1f|%d|%s', 3.14159, 42, '上海'), format('%03d', 7), printf('%.3c', 'x')",
    )
    assert response.json()["rows"] == [[3, 2, 3, None, "a+b+c", "abc", "1,5", "  3.1|42|上海", "007", "xxx"]]


def test_stored_text_longer_than_the_floor_is_still_served(tmp_path):
    path = tmp_path / "long.db"
    long = document("long_1", "2026-01-05", "上海" * 1_000_000)  # 6 MB of text, over the 1 MB floor
    build.build_database(path, [long], lambda d: [], CATALOGUE, "test")
    ds = publish.make_datasette(path)
    db = ds.get_database("zhibiao")

    def longest(conn):
        return conn.execute("select max(length(text)) from documents").fetchone()[0]

    assert asyncio.run(db.execute_fn(longest)) == 2_000_000
    db.close()


async def test_facets_are_capped(tmp_path):
    ds = publish.make_datasette(build_site_db(tmp_path / "facets.db"))
    allowed = "&".join(["_facet=entity"] * sql_limits.MAX_FACETS)
    assert (await ds.client.get(f"/zhibiao/facts.json?{allowed}")).status_code == 200
    start = time.monotonic()
    response = await ds.client.get(f"/zhibiao/facts.json?{allowed}&_facet_array=kind")
    assert response.status_code == 400
    assert response.json()["error"] == "11 facets were asked for; at most 10 are computed per request."
    assert (await ds.client.get(f"/zhibiao/facts?{allowed}&_facet=kind")).status_code == 400
    huge = await ds.client.get("/zhibiao/facts.json?" + "&".join(["_facet=entity"] * 1500))
    assert huge.status_code == 414
    assert time.monotonic() - start < 3


async def test_a_long_query_string_is_refused(tmp_path):
    ds = publish.make_datasette(build_site_db(tmp_path / "qs.db"))
    response = await ds.client.get("/zhibiao.json", params={"sql": "select '" + "x" * 9000 + "'"})
    assert response.status_code == 414
    assert "at most 8192 are accepted" in response.json()["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/zhibiao/facts.json?_where=length(zeroblob(200000000)) > 0",
        "/zhibiao/facts.json?_where=length(printf('%.*c', 900000000, 'x')) > 0",
        "/zhibiao/facts.json?_where=fts3_tokenizer('simple') is not null",
    ],
)
async def test_table_filters_get_the_same_limits(tmp_path, url):
    ds = publish.make_datasette(build_site_db(tmp_path / "where.db"))
    response = await ds.client.get(url)
    assert response.status_code == 400
    assert response.json()["error"] in (
        "string or blob too big",
        "not authorized to use function: fts3_tokenizer",
    )
