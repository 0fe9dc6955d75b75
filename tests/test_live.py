"""indicators/live.py: `zhibiao add` on a database that `zhibiao serve` is serving.

A real server process, real `zhibiao add` processes renaming new files into place, and clients
reading pages and CSV streams meanwhile: every response is complete and wholly the old data or
wholly the new, never a 500.
"""

from __future__ import annotations

import csv
import io
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from db_samples import digest

import extractors
from extractors.sources import bundled_corpus, read_paths
from indicators import build, publish
from indicators.catalogue import load_catalogue
from indicators.model import Document

ZHIBIAO = Path(sys.executable).parent / "zhibiao"
COPIES = 4  # of the bundled corpus: more than 2000 facts, so that a CSV stream takes two pages
NEW = (
    "上海船舶交付量120艘",
    "江苏集成电路产业营收增长12%",
    "浙江规上工业总产值突破3万亿元",
    "广东汽车产量增长8%",
)


@pytest.fixture(scope="module")
def served_db(tmp_path_factory) -> Path:
    """The bundled corpus three times over (copies under new ids), built with the real extractor."""
    documents = [d for d in read_paths([bundled_corpus()]) if isinstance(d, Document)]
    copies = [d if k == 0 else replace(d, id=f"{d.id}~{k}") for k in range(COPIES) for d in documents]
    path = tmp_path_factory.mktemp("live") / "built.db"
    build.build_database(path, copies, extractors.extract, load_catalogue(), extractors.EXTRACTOR_VERSION)
    return path


def state(path: Path) -> tuple[frozenset, frozenset]:
    """(document ids, fact ids) of a database file: what a complete response may show."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = frozenset(row[0] for row in conn.execute("select id from documents"))
        facts = frozenset(row[0] for row in conn.execute("select id from facts"))
    finally:
        conn.close()
    return docs, facts


def new_documents(directory: Path) -> list[Path]:
    paths = []
    for i, sentence in enumerate(NEW):
        paths.append(directory / f"new_{i}.txt")
        paths[-1].write_text(f"2026年1月{i + 5}日\n2025年{sentence}。", encoding="utf-8")
    return paths


def add(path: Path, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ZHIBIAO), "add", *map(str, files), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_add_while_serving_gives_only_complete_old_or_new_responses(tmp_path, served_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(served_db, path)
    states = [state(path)]
    assert len(states[0][1]) > 2000
    responses: list[tuple[str, int, bytes]] = []
    stop = threading.Event()

    def read(urls: list[str]) -> None:
        with httpx.Client(base_url=server.base, timeout=60) as client:
            while not stop.is_set():
                for url in urls:
                    try:
                        response = client.get(url)
                        responses.append((url, response.status_code, response.content))
                    except httpx.HTTPError as error:  # a stream cut short
                        responses.append((url, 0, repr(error).encode()))

    docs_url = "/zhibiao/documents.json?_shape=objects&_size=max&_col=id&_nofacet=1"
    csv_url = "/zhibiao/facts.csv?_stream=on&_col=doc"
    pages = ["/", "/zhibiao/facts", "/zhibiao/documents", "/zhibiao/series?_size=5"]
    with publish.ServerProcess(path, log_path=tmp_path / "serve.log") as server:
        readers = [
            threading.Thread(target=read, args=([docs_url, csv_url],)),
            threading.Thread(target=read, args=([csv_url, *pages],)),
        ]
        for reader in readers:
            reader.start()
        try:
            time.sleep(1)
            for new in new_documents(tmp_path):
                result = add(path, new)
                assert result.returncode == 0, result.stderr
                states.append(state(path))
                time.sleep(1)
        finally:
            stop.set()
            for reader in readers:
                reader.join(timeout=120)
        latest = httpx.get(server.base + docs_url, timeout=60).json()
    assert not [(url, status, body[:300]) for url, status, body in responses if status != 200]

    documents_seen, facts_seen = set(), set()
    for url, _, body in responses:
        if url == docs_url:
            shown = body and httpx.Response(200, content=body).json()
            ids = frozenset(row["id"] for row in shown["rows"])
            assert shown["filtered_table_rows_count"] == len(ids)
            documents_seen.add(next(i for i, s in enumerate(states) if s[0] == ids))
        elif url == csv_url:
            rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
            ids = frozenset(row["id"] for row in rows)
            assert len(rows) == len(ids)
            facts_seen.add(next(i for i, s in enumerate(states) if s[1] == ids))
        else:
            assert body.rstrip().endswith(b"</html>")
    # The readers saw the first and the last database, and the site ends on the last one.
    assert {0, len(NEW)} <= documents_seen
    assert {0, len(NEW)} <= facts_seen
    assert frozenset(row["id"] for row in latest["rows"]) == states[-1][0]


def test_a_killed_add_leaves_the_site_and_the_file_as_they_were(tmp_path, served_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(served_db, path)
    before = digest(path)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    bulletin = next(bundled_corpus().glob("000_*.txt"))
    for i in range(200):
        shutil.copy(bulletin, inputs / f"{i:03d}_{bulletin.name}")
    with publish.ServerProcess(path) as server:
        count_url = server.base + "/zhibiao/documents.json?_size=0"
        count = httpx.get(count_url, timeout=60).json()["filtered_table_rows_count"]
        process = subprocess.Popen(
            [str(ZHIBIAO), "add", str(inputs), "--db", str(path)], stderr=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + 60
            while not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and p.stat().st_size > 0]:
                assert process.poll() is None
                assert time.monotonic() < deadline
                time.sleep(0.02)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            process.kill()
        assert httpx.get(count_url, timeout=60).json()["filtered_table_rows_count"] == count
        assert httpx.get(server.base + "/zhibiao/facts.csv?_stream=on", timeout=60).status_code == 200
    assert digest(path) == before


# In-process: the generation a request is pinned to -----------------------------------------------


async def test_a_request_keeps_its_file_and_the_next_one_gets_the_new_file(tmp_path, served_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(served_db, path)
    ds = publish.make_datasette(path)
    db = ds.get_database("zhibiao")
    count = "select count(*) from documents"
    before = (await db.execute(count)).first()[0]
    async with db.pinned() as first:
        assert add(path, *new_documents(tmp_path)).returncode == 0
        assert (await db.execute(count)).first()[0] == before  # the same request: the old file
        async with db.pinned() as second:
            assert second is not first
            assert (await db.execute(count)).first()[0] == before + len(NEW)
    response = await ds.client.get("/zhibiao/documents.json?_size=0")
    assert response.json()["filtered_table_rows_count"] == before + len(NEW)


async def test_a_replacement_that_is_not_a_zhibiao_database_is_not_served(tmp_path, served_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(served_db, path)
    ds = publish.make_datasette(path)
    url = "/zhibiao/documents.json?_size=0"
    before = (await ds.client.get(url)).json()["filtered_table_rows_count"]
    broken = tmp_path / "broken.db"
    broken.write_text("not a database", encoding="utf-8")
    broken.replace(path)
    response = await ds.client.get(url)
    assert response.status_code == 200
    assert response.json()["filtered_table_rows_count"] == before


async def test_the_server_path_is_not_shown(tmp_path, served_db):
    ds = publish.make_datasette(served_db)
    databases = (await ds.client.get("/-/databases.json")).json()
    assert [d["path"] for d in databases] == ["built.db"]
    assert str(served_db.parent) not in (await ds.client.get("/-/databases.json")).text
