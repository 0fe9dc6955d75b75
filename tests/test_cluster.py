"""`--cluster`: extraction on a real Dask LocalCluster (worker processes), shards, `build --facts`.

Builds are compared with a build in one process, never with fixed counts: the extractor changes.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest
from db_samples import dump

from extractors.partitions import extract_partition, partitions
from extractors.sources import bundled_corpus
from indicators import cluster

CORPUS = bundled_corpus()
EXPORT = CORPUS / "004_1f0f01195aa62d47.txt"  # the JSON export of 80 WeChat articles
ZHIBIAO = str(Path(sys.executable).with_name("zhibiao"))
TABLES = ("documents", "facts", "series", "revisions", "targets_vs_actuals")


def zhibiao(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([ZHIBIAO, *map(str, args)], capture_output=True, text=True, timeout=600)


def rows(db_path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"select * from [{table}] order by rowid").fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    """The bundled corpus built in one process."""
    path = tmp_path_factory.mktemp("single") / "zhibiao.db"
    result = zhibiao("build", "--db", path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> Path:
    """The bundled corpus, a garbled file, and an export one of whose articles has no text."""
    directory = tmp_path_factory.mktemp("inputs")
    for path in CORPUS.iterdir():
        shutil.copy(path, directory / path.name)
    (directory / "garbled.txt").write_bytes(bytes(range(256)) * 40)
    articles = [
        {"文章标识符aid": "ok_1", "标题title": "规上工业", "时间time": "2025-12-01", "finalContent": "全市规上工业总产值增长5.2%。"},
        {"文章标识符aid": "no_text", "标题title": "空", "时间time": "2025-12-01", "finalContent": 404},
        {"文章标识符aid": "ok_2", "标题title": "软件", "时间time": "2025-12-01", "finalContent": "软件业务收入增长12.1%。"},
    ]  # fmt: skip
    (directory / "export.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    return directory


def test_cluster_build_is_the_single_process_build(tmp_path, single):
    on_cluster = tmp_path / "cluster.db"
    result = zhibiao("build", "--db", on_cluster, "--cluster", "local:2")
    assert result.returncode == 0, result.stderr
    for table in TABLES:
        assert rows(on_cluster, table) == rows(single, table), table
        # The bundled corpus has no revision (each figure it reports twice is one figure): revisions
        # may be empty, the other tables may not.
        assert rows(single, table) or table == "revisions", f"{table} is empty: nothing was compared"
    assert dump(on_cluster) == dump(single)


def test_shards_loaded_give_the_single_process_build(tmp_path, single):
    shards = tmp_path / "shards"
    extracted = zhibiao("extract", "--cluster", "local:2", "--shards", shards)
    assert extracted.returncode == 0, extracted.stderr
    manifest = json.loads((shards / "manifest.json").read_text())
    # The export was split by article: the documents came back in more than one part.
    assert len(manifest["parts"]) > 1
    assert manifest["errors"] == []
    loaded = tmp_path / "loaded.db"
    result = zhibiao("build", "--facts", shards, "--db", loaded)
    assert result.returncode == 0, result.stderr
    assert dump(loaded) == dump(single)


def test_failing_documents_are_named_and_the_rest_land(tmp_path, single, bad_inputs):
    shards = tmp_path / "shards"
    extracted = zhibiao("extract", bad_inputs, "--cluster", "local:2", "--shards", shards)
    assert extracted.returncode == 1
    assert f"{bad_inputs / 'garbled.txt'}: binary file, not text" in extracted.stderr
    assert f"{bad_inputs / 'export.json'}: item 1 (no_text): content is not a string" in extracted.stderr
    assert len(json.loads((shards / "manifest.json").read_text())["errors"]) == 2

    loaded = tmp_path / "loaded.db"
    result = zhibiao("build", "--facts", shards, "--db", loaded)
    assert result.returncode == 0, result.stderr
    assert "not in the shards" in result.stderr
    assert "garbled.txt: binary file" in result.stderr
    ids = {row[0] for row in rows(loaded, "documents")}
    assert ids == {row[0] for row in rows(single, "documents")} | {"ok_1", "ok_2"}
    # Every fact of the corpus is there, with the same id, as in the single-process build.
    corpus_facts = {row for row in rows(loaded, "facts") if row[1] not in ("ok_1", "ok_2")}
    assert corpus_facts == set(rows(single, "facts"))


def test_cluster_build_with_a_bad_file_keeps_the_old_database(tmp_path, bad_inputs):
    db_path = tmp_path / "zhibiao.db"
    assert zhibiao("build", CORPUS / "000_88d3ec5a67f36232.txt", "--db", db_path).returncode == 0
    before = db_path.read_bytes()
    result = zhibiao("build", bad_inputs, "--db", db_path, "--cluster", "local:2")
    assert result.returncode == 1
    assert "garbled.txt: binary file, not text" in result.stderr
    assert "export.json: item 1 (no_text): content is not a string" in result.stderr
    assert db_path.read_bytes() == before


def test_unfinished_shards_are_refused(tmp_path):
    (tmp_path / "part-00000.jsonl").write_text("")
    result = zhibiao("build", "--facts", tmp_path, "--db", tmp_path / "x.db")
    assert result.returncode == 1
    assert "manifest.json not found" in result.stderr
    assert "run it again" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_shards_are_not_written_over(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    result = zhibiao("extract", CORPUS / "003_b4191668095a9aeb.txt", "--shards", tmp_path)
    assert result.returncode == 1
    assert "already holds shards" in result.stderr


@pytest.mark.parametrize("spec", ["local:0", "lokal:2", "8786", "tcp//host:8786"])
def test_a_wrong_cluster_is_named(spec):
    result = zhibiao("build", "--cluster", spec, "--db", "/nonexistent/x.db")
    assert result.returncode == 2
    assert f'"{spec}" is not local' in result.stderr
    assert "tcp://HOST:PORT" in result.stderr


def test_an_unreachable_scheduler_is_named(monkeypatch):
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")  # Dask's own config
    result = zhibiao("extract", CORPUS / "003_b4191668095a9aeb.txt", "--cluster", "tcp://127.0.0.1:9")
    assert result.returncode == 1
    assert "no Dask scheduler answered at tcp://127.0.0.1:9" in result.stderr


def test_partitions_split_an_export_by_article_and_keep_the_order():
    parts = list(partitions([CORPUS], target=64 * 1024))
    articles = [s for p in parts for s in p.sources if s.articles is not None]
    assert len(articles) > 2
    assert all(s.path.endswith(EXPORT.name) for s in articles)
    assert [p.index for p in parts] == list(range(len(parts)))
    in_order = [row["id"] for p in parts for row, _ in extract_partition(p).records]
    one_part = [
        row["id"] for p in partitions([CORPUS], target=10**9) for row, _ in extract_partition(p).records
    ]
    assert in_order == one_part


def test_work_runs_here_without_a_cluster():
    assert list(cluster.run([1, ValueError("bad"), 3], lambda x: x * 2))[::2] == [2, 6]


def test_progress_shows_on_a_terminal(tmp_path):
    # stderr a terminal 100 columns wide (a pseudo-terminal), as for a person at the console.
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        process = subprocess.run(
            [ZHIBIAO, "extract", CORPUS, "--cluster", "local:1", "-o", tmp_path / "facts.jsonl"],
            stderr=follower,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert process.returncode == 0
    screen = b"".join(seen).decode("utf-8", "replace").split("\r")
    # The bar counts the input's bytes to the end, then the summary line.
    assert any(line.startswith("extracting: 100%|") for line in screen)
    assert "facts written to" in screen[-2] + screen[-1]
