"""indicators/build.py: whole builds and adds on real files; failures leave the old database intact.

The extractor here is `stated_facts` (the facts the sample sentences state), so these tests check
the database side whatever the extractor finds; tests/test_cli_build.py runs the real pipeline.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from db_samples import CATALOGUE, DOCUMENTS, GDP_FIRST, SOFTWARE, digest, document, dump, stated_facts

from extractors.sources import SourceError
from indicators import build, store

VERSION = "test"
TESTS = Path(__file__).parent


def build_db(path, items=DOCUMENTS, extract=stated_facts):
    return build.build_database(path, items, extract, CATALOGUE, VERSION)


def leftovers(directory) -> list[str]:
    return sorted(p.name for p in Path(directory).iterdir() if p.name != "zhibiao.db")


@pytest.fixture
def built(tmp_path):
    path = tmp_path / "zhibiao.db"
    build_db(path)
    return path


def test_build_writes_every_document_and_fact(built):
    db = store.connect(str(built))
    assert db.table("documents").count == len(DOCUMENTS)
    assert db.table("facts").count == sum(len(stated_facts(d)) for d in DOCUMENTS)
    assert db.table("indicators").count == len(CATALOGUE)
    assert list(db.execute("PRAGMA foreign_key_check")) == []
    assert list(db.execute("PRAGMA integrity_check")) == [("ok",)]
    assert {"series", "revisions", "targets_vs_actuals"} <= set(db.table_names())
    db.close()


def test_build_creates_the_data_directory(tmp_path):
    summary = build_db(tmp_path / "data" / "zhibiao.db")
    assert (tmp_path / "data" / "zhibiao.db").is_file()
    assert (summary.added, summary.unchanged, summary.errors) == (len(DOCUMENTS), 0, [])


def test_two_builds_are_identical(tmp_path, built):
    again = tmp_path / "again.db"
    build_db(again)
    assert dump(again) == dump(built)


def test_the_same_document_twice_is_stored_once(tmp_path):
    summary = build_db(tmp_path / "zhibiao.db", items=[*DOCUMENTS, SOFTWARE])
    assert (summary.added, summary.unchanged, summary.errors) == (len(DOCUMENTS), 0, [])


def test_rebuild_replaces_the_old_database(built):
    build_db(built, items=DOCUMENTS[:2])
    db = store.connect(str(built))
    assert db.table("documents").count == 2
    db.close()
    assert leftovers(built.parent) == []


def test_unreadable_file_leaves_old_database_intact(built):
    before = digest(built)
    items = [
        *DOCUMENTS[:3],
        SourceError("corpus/broken.json", "not valid JSON (line 1, column 2)"),
        *DOCUMENTS[3:],
    ]
    with pytest.raises(build.BuildFailed, match=r"corpus/broken.json: not valid JSON") as caught:
        build_db(built, items=items, extract=known_facts)
    assert caught.value.reasons == ["corpus/broken.json: not valid JSON (line 1, column 2)"]
    assert digest(built) == before
    assert leftovers(built.parent) == []


def test_interrupt_midway_leaves_old_database_intact(built):
    before = digest(built)

    def interrupted():
        yield from DOCUMENTS[:3]
        raise KeyboardInterrupt  # Ctrl-C while documents are being read

    with pytest.raises(KeyboardInterrupt):
        build_db(built, items=interrupted())
    assert digest(built) == before
    assert leftovers(built.parent) == []


def raising_extract(doc):
    if doc.id == SOFTWARE.id:
        raise ValueError("no rule for 营收")
    return stated_facts(doc)


def test_extractor_error_names_the_document(built):
    before = digest(built)
    with pytest.raises(build.ExtractionFailed, match=r"document 2650700335_1: extraction failed: ValueError"):
        build_db(built, extract=raising_extract)
    assert digest(built) == before
    assert leftovers(built.parent) == []


# A full disk: the build runs in a process whose files may not grow past 300 kB.
FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    sys.path.insert(0, {tests!r})
    from db_samples import CATALOGUE, DOCUMENTS, document, stated_facts
    from indicators import build
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
    big = [document(f"big{{i}}", "2026-01-01", "上海" * 20_000) for i in range(20)]
    try:
        build.build_database({path!r}, [*DOCUMENTS, *big], stated_facts, CATALOGUE, "test")
    except Exception as error:
        print(type(error).__name__, error)
        sys.exit(1)
    """
)


def test_full_disk_leaves_old_database_intact(built):
    before = digest(built)
    script = FULL_DISK.format(tests=str(TESTS), path=str(built))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    # SQLite reports the refused write as "disk I/O error" (EFBIG) or "database or disk is full".
    assert result.stdout.startswith("OperationalError"), result.stdout
    assert digest(built) == before
    assert leftovers(built.parent) == []


SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from db_samples import CATALOGUE, DOCUMENTS, stated_facts
    from indicators import build

    def slow(doc):
        time.sleep(0.05)
        return stated_facts(doc)

    many = [d for _ in range(200) for d in DOCUMENTS]
    build.build_database({path!r}, many, slow, CATALOGUE, "test")
    """
)


def test_killed_build_leaves_old_database_intact(built):
    """A build killed outright (power cut, OOM killer) never touched the old file."""
    before = digest(built)
    process = subprocess.Popen([sys.executable, "-c", SLOW_BUILD.format(tests=str(TESTS), path=str(built))])
    try:
        _wait_for_temp_file(built.parent)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        process.kill()
    assert digest(built) == before
    # The half-written temporary file stays behind (nobody could remove it), under a hidden name.
    assert all(name.startswith(".zhibiao.db.") and name.endswith(".tmp") for name in leftovers(built.parent))


def _wait_for_temp_file(directory: Path, timeout: float = 30) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not any(
        name.endswith(".tmp") and os.path.getsize(directory / name) > 0 for name in leftovers(directory)
    ):
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.05)


# add


def test_add_known_document_changes_nothing(built):
    before = dump(built)
    summary = build.add_documents(built, [SOFTWARE, GDP_FIRST], stated_facts, CATALOGUE, VERSION)
    assert (summary.added, summary.replaced, summary.unchanged, summary.facts) == (0, 0, 2, 0)
    assert dump(built) == before


def test_add_new_document(built):
    doc = document("new_doc", "2026-02-01", "2025年上海船舶交付量120艘。")
    summary = build.add_documents(built, [doc], stated_facts, CATALOGUE, VERSION)
    assert (summary.added, summary.facts) == (1, 0)
    db = store.connect(str(built))
    assert db.table("documents").get("new_doc")["published"] == "2026-02-01"
    assert [r["id"] for r in store.search(db, "documents", "船舶交付")] == ["new_doc"]
    db.close()


def test_add_changed_document_replaces_its_facts(built):
    changed = document(SOFTWARE.id, SOFTWARE.published, SOFTWARE.text + "另有补充。", SOFTWARE.title)
    summary = build.add_documents(built, [changed], lambda d: stated_facts(d)[:2], CATALOGUE, VERSION)
    assert (summary.replaced, summary.facts) == (1, 2)
    db = store.connect(str(built))
    assert db.execute("select count(*) from facts where doc = ?", [SOFTWARE.id]).fetchone()[0] == 2
    assert db.table("documents").get(SOFTWARE.id)["content_hash"] == changed.content_hash
    assert list(db.execute("PRAGMA foreign_key_check")) == []
    db.close()


def test_add_with_a_bad_file_adds_nothing(built):
    before = dump(built)
    doc = document("new_doc", "2026-02-01", "2025年上海船舶交付量120艘。")
    items = [doc, SourceError("inbox/empty.txt", "the file is empty")]
    with pytest.raises(build.BuildFailed, match="inbox/empty.txt: the file is empty"):
        build.add_documents(built, items, known_facts, CATALOGUE, VERSION)
    assert dump(built) == before


def test_add_to_a_missing_database_says_how_to_create_it(tmp_path):
    with pytest.raises(build.NoDatabase, match="zhibiao build --db"):
        build.add_documents(tmp_path / "none.db", [SOFTWARE], stated_facts, CATALOGUE, VERSION)
    assert not (tmp_path / "none.db").exists()


def test_add_never_writes_the_file_it_replaces(built):
    doc = document("new_doc", "2026-02-01", "2025年上海船舶交付量120艘。")
    with open(built, "rb") as served:  # as a site serving the database holds it open
        before = served.read()
        build.add_documents(built, [doc], stated_facts, CATALOGUE, VERSION)
        served.seek(0)
        assert served.read() == before
        assert os.fstat(served.fileno()).st_ino != os.stat(built).st_ino
    assert leftovers(built.parent) == []


def test_stale_temporaries_are_removed_and_a_live_writers_kept(built):
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    stale = built.parent / f".zhibiao.db.{ended.pid}-x1y2.tmp"  # a run killed with kill -9
    live = built.parent / f".zhibiao.db.{os.getpid()}-z3w4.tmp"  # a run still writing
    stale.write_bytes(b"half a database")
    live.write_bytes(b"half a database")
    build.add_documents(built, [SOFTWARE], stated_facts, CATALOGUE, VERSION)
    assert not stale.exists()
    assert live.exists()


# Document ids are unique across a run (issue 12): never two documents merged into one quietly.


def from_file(doc, source: str):
    return replace(doc, source=source)


def known_facts(doc):
    return stated_facts(doc) if doc.text == SOFTWARE.text else []


def test_a_document_whose_id_is_taken_is_refused_naming_both_files(built):
    before = digest(built)
    other = document(SOFTWARE.id, "2026-02-01", "2025年江苏软件业营收增长12%。")
    items = [from_file(SOFTWARE, "a/report.txt"), from_file(other, "b/report.txt")]
    with pytest.raises(build.BuildFailed) as caught:
        build_db(built, items=items, extract=known_facts)
    assert caught.value.reasons == [
        f'b/report.txt: document id "{SOFTWARE.id}" is already the id of a document from a/report.txt; '
        "give each document its own id (rename the file, or fix the article id)"
    ]
    assert digest(built) == before


def test_a_repeated_article_id_is_refused(built):
    other = document(SOFTWARE.id, "2026-02-01", "2025年江苏软件业营收增长12%。")
    items = [from_file(SOFTWARE, "export.json"), from_file(other, "export.json")]
    with pytest.raises(
        build.BuildFailed, match=f'"{SOFTWARE.id}" is already the id of another article of export.json'
    ):
        build.add_documents(built, items, known_facts, CATALOGUE, VERSION)


def test_the_same_document_from_two_files_is_stored_once(tmp_path):
    summary = build_db(tmp_path / "zhibiao.db", items=[SOFTWARE, from_file(SOFTWARE, "copy/of/it.txt")])
    assert (summary.added, summary.unchanged, summary.errors) == (1, 0, [])
