"""`zhibiao extract` as a user runs it: formats, bad input, exit codes, no tracebacks."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from extractors.sources import bundled_corpus
from indicators.cli import OUTPUT_FIELDS

FACTS_FIELDS = {"doc", "indicator", "keywords", "entity", "period_start", "period_end", "kind", "measure", "value",
                "unit", "unit_text", "qualifier", "evidence", "tier"} - {"keywords", "tier"}  # fmt: skip


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "extract", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_bundled_corpus_as_json_lines(tmp_path):
    out = tmp_path / "facts.jsonl"
    result = run("-o", out)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 300
    assert FACTS_FIELDS | {
        "indicator_id",
        "evidence_start",
        "quantity_start",
        "title",
        "url",
        "published",
    } <= set(rows[0])
    gdp = [
        r
        for r in rows
        if r["indicator_id"] == "gdp" and r["measure"] == "level" and r["value"] == 5670000000000
    ]
    assert gdp, "上海 GDP 5.67万亿元 is in the corpus"
    assert gdp[0]["published"].startswith("2026-01")
    assert gdp[0]["url"].startswith("http://mp.weixin.qq.com/")
    assert "facts written to" in result.stderr


def test_csv_opens_in_excel(tmp_path):
    out = tmp_path / "facts.csv"
    result = run(tmp_path.parent.parent / "nonexistent" if False else "--format", "csv", "-o", out)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Chinese text right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(OUTPUT_FIELDS)
    assert any("地区生产总值" in r["indicator"] for r in rows)


def test_stdout_and_published_option(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("全年上海实现地区生产总值5.67万亿元，同比增长5.4%。", encoding="utf-8")
    result = run(note, "--published", "2026-01-21")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["value"], r["period_end"], r["published"]) for r in rows] == [
        (5670000000000, "2025-12", "2026-01-21"),
        (5.4, "2025-12", "2026-01-21"),
    ]


def test_bad_date_is_refused():
    result = run("--published", "2026-13-01")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.json", b'[{"aid": "1", "content": "x"', "broken JSON"),
        ("other.json", b'{"rows": [1, 2]}', "JSON of another shape"),
        ("empty.txt", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary file"),
    ],
)
def test_bad_files_are_reported_and_the_others_processed(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("2025年上海实现地区生产总值5.67万亿元。", encoding="utf-8")
    result = run(bad, good)
    assert result.returncode == 1
    assert f"{bad}: {reason}" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["value"] == 5670000000000


def test_gbk_html_and_huge_files_are_read(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("2025年上海实现地区生产总值5.67万亿元，同比增长5.4%。".encode("gbk") * 3)
    html = tmp_path / "page.html"
    html.write_text(
        "<html><body><p>2025年上海工业投资同比增长20.0%&nbsp;</p><script>x()</script></body></html>"
    )
    huge = tmp_path / "huge.txt"
    bulletin = (bundled_corpus() / "001_1ac979fa05646563.txt").read_text(encoding="utf-8").replace("\n", "")
    huge.write_text(bulletin * (5_000_000 // len(bulletin.encode()) + 1), encoding="utf-8")  # one 5 MB line
    result = run(gbk, html, huge)
    assert result.returncode == 0, result.stderr
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"gbk", "page", "huge"}


def test_help_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "indicators", "--help"], capture_output=True, text=True)
    for command in ("extract", "build", "add", "serve", "charts"):
        assert command in result.stdout


def test_deep_json_a_fifo_and_a_device_are_named_and_the_others_processed(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("2025年上海实现地区生产总值5.67万亿元。", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "extract", str(deep), str(fifo), "/dev/zero", str(good)],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO or /dev/zero read as a file would hang or eat the memory
    )
    assert result.returncode == 1
    assert f"{deep}: JSON nested too deeply" in result.stderr
    assert f"{fifo}: a FIFO (named pipe), not a regular file" in result.stderr
    assert "/dev/zero: a character device, not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["good"]


def test_colliding_ids_are_reported_and_both_sources_named(tmp_path):
    for folder, text in (
        ("a", "2025年上海实现地区生产总值5.67万亿元。"),
        ("b", "2025年江苏实现地区生产总值13.9万亿元。"),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    result = run(tmp_path / "a", tmp_path / "b")
    assert result.returncode == 1
    first, second = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    assert f'{second}: document id "report" is already the id of a document from {first}' in result.stderr
    assert {json.loads(line)["entity"] for line in result.stdout.splitlines()} == {"上海"}


def test_sigterm_removes_the_unfinished_output(tmp_path):
    import signal
    import time

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    bulletin = bundled_corpus() / "000_88d3ec5a67f36232.txt"
    for i in range(300):
        (inputs / f"{i:03d}.txt").write_bytes(bulletin.read_bytes())
    out = tmp_path / "facts.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "indicators", "extract", str(inputs), "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not [
            p for p in tmp_path.iterdir() if p.name.startswith(".facts.jsonl.") and p.stat().st_size > 0
        ]:
            assert process.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 143
    assert f"Terminated: {out} was not written." in stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs"]


def test_output_to_a_pipe_is_written_to_and_stays_a_pipe(tmp_path):
    """-o /dev/null or a named pipe: the facts go through it; a rename must not put a file in its place."""
    import stat
    import threading

    pipe = tmp_path / "facts.pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = run("-o", pipe)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received
    assert len(received[0].splitlines()) > 300
