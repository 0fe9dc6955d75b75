"""`zhibiao build` and `zhibiao add` end to end: real files, the real extractor, a real SQLite file."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from db_samples import digest, dump

from extractors.sources import bundled_corpus, read_paths
from indicators import store
from indicators.cli import cli
from indicators.model import Document

CORPUS = bundled_corpus()
BULLETIN = CORPUS / "000_88d3ec5a67f36232.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "zhibiao.db"
    result = run("build", "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_build_reads_the_bundled_corpus(corpus_db):
    documents = [d for d in read_paths([CORPUS]) if isinstance(d, Document)]
    db = store.connect(str(corpus_db))
    assert db.table("documents").count == len({d.id for d in documents})
    assert db.table("indicators").count > 0
    assert list(db.execute("PRAGMA foreign_key_check")) == []
    assert list(db.execute("PRAGMA integrity_check")) == [("ok",)]
    db.close()


def test_build_says_what_it_did(tmp_path):
    result = run("build", str(BULLETIN), "--db", str(tmp_path / "one.db"))
    assert result.exit_code == 0
    assert "1 documents added, 0 replaced, 0 unchanged" in result.stderr


def test_two_builds_are_identical(tmp_path, corpus_db):
    again = tmp_path / "again.db"
    assert run("build", "--db", str(again), "--workers", "2").exit_code == 0
    assert dump(again) == dump(corpus_db)


def test_add_known_document_changes_nothing(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = dump(path)
    result = run("add", str(BULLETIN), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert "0 documents added, 0 replaced, 1 unchanged; 0 facts written" in result.stderr
    assert dump(path) == before


def test_add_changed_document_replaces_it(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    changed = tmp_path / BULLETIN.name
    changed.write_text(BULLETIN.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    result = run("add", str(changed), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert "0 documents added, 1 replaced, 0 unchanged" in result.stderr
    assert (
        f"note: document {BULLETIN.stem} from {changed} replaced the one from indicators/corpus/"
        in result.stderr
    )
    db = store.connect(str(path))
    doc = db.table("documents").get(BULLETIN.stem)
    assert doc["source"] == str(changed)
    assert all(
        f["evidence_end"] <= len(doc["text"]) for f in db.table("facts").rows_where("doc = ?", [doc["id"]])
    )
    assert db.table("documents").count == store.connect(str(corpus_db)).table("documents").count
    db.close()


def test_build_with_a_bad_file_keeps_the_old_database(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = digest(path)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(BULLETIN, inputs / BULLETIN.name)
    (inputs / "broken.json").write_text('[{"标题title": "x", ', encoding="utf-8")
    result = run("build", str(inputs), "--db", str(path))
    assert result.exit_code == 1
    assert f"{path} was left unchanged because:" in result.stderr
    assert "broken.json" in result.stderr
    assert "Traceback" not in result.output
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "zhibiao.db"]


def test_add_with_a_bad_file_adds_nothing(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = dump(path)
    new = tmp_path / "new_article.txt"
    new.write_text("2026年1月5日\n2025年上海船舶交付量120艘，同比增长20%。", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("add", str(new), str(empty), "--db", str(path))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert dump(path) == before


def test_add_to_a_missing_database(tmp_path):
    result = run("add", str(BULLETIN), "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "does not exist; create it with `zhibiao build --db" in result.stderr


def test_ctrl_c_leaves_the_old_database(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = digest(path)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for i in range(300):  # enough documents for the build to take a while
        shutil.copy(BULLETIN, inputs / f"{i:03d}_{BULLETIN.name}")
    zhibiao = Path(sys.executable).parent / "zhibiao"
    process = subprocess.Popen(
        [str(zhibiao), "build", str(inputs), "--db", str(path), "--workers", "2"],
        stderr=subprocess.PIPE,
        text=True,
        # As from a terminal: a shell starts background jobs with SIGINT ignored, and so would this.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and p.stat().st_size > 0]:
            assert process.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert f"Interrupted: {path} was left unchanged." in stderr
    assert "Traceback" not in stderr
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "zhibiao.db"]


def test_commands_have_help():
    for command in ("build", "add"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "--db" in result.output
        assert "Example" in result.output


def test_default_database_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("build", str(BULLETIN)).exit_code == 0
    assert (tmp_path / "data" / "zhibiao.db").is_file()
    assert os.listdir(tmp_path / "data") == ["zhibiao.db"]


def test_published_date_is_checked(tmp_path):
    result = CliRunner().invoke(
        cli, ["build", str(BULLETIN), "--db", str(tmp_path / "x.db"), "--published", "2026-13-01"]
    )
    assert result.exit_code == 2
    assert "'2026-13-01' is not a date of the form YYYY-MM-DD" in result.output
    assert not (tmp_path / "x.db").exists()


def test_published_date_dates_plain_text(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("上海规上工业总产值达4.07万亿元。", encoding="utf-8")
    path = tmp_path / "x.db"
    assert run("build", str(note), "--db", str(path), "--published", "2026-02-01").exit_code == 0
    db = store.connect(str(path))
    assert db.table("documents").get("note")["published"] == "2026-02-01"
    db.close()


def test_add_to_a_file_that_is_not_a_database(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    result = run("add", str(BULLETIN), "--db", str(notes))
    assert result.exit_code == 1
    assert (
        f"{notes} is not a zhibiao database (not a SQLite database); add works on a database made by"
        in result.stderr
    )
    assert notes.read_text(encoding="utf-8") == "not a database\n" * 100


# Reliability (issue 12): interrupts, foreign files, full disks, concurrent writers, colliding ids.

ZHIBIAO = Path(sys.executable).parent / "zhibiao"


def many_inputs(directory: Path, n: int = 300) -> Path:
    """n copies of a bulletin under new names: enough for a build or an add to take a while."""
    directory.mkdir()
    for i in range(n):
        shutil.copy(BULLETIN, directory / f"{i:03d}_{BULLETIN.name}")
    return directory


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(ZHIBIAO), *args],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_for_temporary(directory: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not [p for p in directory.iterdir() if p.name.endswith(".tmp") and p.stat().st_size > 0]:
        assert process.poll() is None, "the command ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    """The child processes of pid (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("command", ["build", "add"])
def test_sigterm_leaves_the_old_database_and_no_temporary(tmp_path, corpus_db, command):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = digest(path)
    inputs = many_inputs(tmp_path / "inputs")
    workers = ["--workers", "2"] if command == "build" else []
    process = start(command, str(inputs), "--db", str(path), *workers)
    try:
        wait_for_temporary(tmp_path, process)
        pool = children(process.pid)
        process.send_signal(signal.SIGTERM)  # what timeout, systemd and docker stop send
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 143
    assert f"Terminated: {path} was left unchanged." in stderr
    assert "Traceback" not in stderr
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "zhibiao.db"]
    assert not [pid for pid in pool if running(pid)]


def test_killed_build_takes_its_workers_and_the_next_run_removes_its_temporary(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = digest(path)
    process = start("build", str(many_inputs(tmp_path / "inputs")), "--db", str(path), "--workers", "2")
    try:
        wait_for_temporary(tmp_path, process)
        deadline = time.monotonic() + 30
        while len(children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = children(process.pid)
        assert len(workers) >= 2
        process.send_signal(signal.SIGKILL)  # nothing can clean up after this
        process.wait(timeout=30)
    finally:
        process.kill()
    deadline = time.monotonic() + 10
    while [pid for pid in workers if running(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if running(pid)], "the workers outlived their parent"
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # left behind by kill -9
    result = run("add", str(BULLETIN), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "zhibiao.db"]


@pytest.mark.parametrize("content", [b"my notes\n" * 100, "sqlite"])
def test_build_refuses_to_replace_a_file_that_is_not_a_zhibiao_database(tmp_path, content):
    path = tmp_path / "other.db"
    if content == "sqlite":  # someone else's SQLite database
        conn = sqlite3.connect(path)
        conn.execute("create table accounts (id integer primary key, balance)")
        conn.commit()
        conn.close()
        reason = "no documents, facts, indicators"
    else:
        path.write_bytes(content)
        reason = "not a SQLite database"
    before = digest(path)
    result = run("build", str(BULLETIN), "--db", str(path))
    assert result.exit_code == 1
    assert f"{path} is not a zhibiao database ({reason}); use --force to replace it" in result.stderr
    assert digest(path) == before
    assert os.listdir(tmp_path) == ["other.db"]
    forced = run("build", str(BULLETIN), "--db", str(path), "--force")
    assert forced.exit_code == 0, forced.output
    assert store.connect(str(path)).table("documents").count == 1


def test_build_replaces_its_own_database_without_force(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    assert run("build", str(BULLETIN), "--db", str(path)).exit_code == 0


# `zhibiao add` in a process whose files may not grow past 1 MB: the copy of the database cannot be written.
FULL_DISK_ADD = """
import resource, signal, sys
from indicators.cli import cli
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))
cli(sys.argv[1:])
"""


def test_add_on_a_full_disk_leaves_the_old_database_and_says_so(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    assert path.stat().st_size > 1_000_000
    before = digest(path)
    new = tmp_path / "new_article.txt"
    new.write_text("2026年1月5日\n2025年上海船舶交付量120艘，同比增长20%。", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_ADD, "add", str(new), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "File too large" in result.stderr
    assert f"{path} was left unchanged." in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new_article.txt", "zhibiao.db"]


def test_two_adds_at_once_keep_both_documents(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    news = []
    for i, region in enumerate(("上海", "江苏")):
        news.append(tmp_path / f"new_{i}.txt")
        news[-1].write_text(f"2026年1月5日\n2025年{region}船舶交付量12{i}艘。", encoding="utf-8")
    processes = [start("add", str(new), "--db", str(path)) for new in news]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    db = store.connect(str(path))
    assert {"new_0", "new_1"} <= {row["id"] for row in db.table("documents").rows}
    db.close()


def test_build_refuses_colliding_document_ids_naming_both_files(tmp_path, corpus_db):
    path = tmp_path / "zhibiao.db"
    shutil.copy(corpus_db, path)
    before = digest(path)
    for folder, region in (("a", "上海"), ("b", "江苏")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(
            f"2025年{region}地区生产总值5万亿元。", encoding="utf-8"
        )
    result = run("build", str(tmp_path / "a"), str(tmp_path / "b"), "--db", str(path))
    assert result.exit_code == 1
    first, second = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    assert f'{second}: document id "report" is already the id of a document from {first}' in result.stderr
    assert digest(path) == before
