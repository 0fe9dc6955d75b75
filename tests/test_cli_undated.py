"""An undated text says so (issue 8): `zhibiao extract` warns on stderr, naming the file, when a
document has no date of its own and none is given; and a relative time (今年前三季度) is never read
from a target year the text states (到2027年). Through the real CLI, as a new user runs it.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ZHIBIAO = Path(sys.executable).parent / "zhibiao"
# Made-up: this year's first three quarters, then a target for 2027, in one paragraph with no date.
ONE_LINE = "今年前三季度，某市实现地区生产总值1.8万亿元，同比增长5.8%。到2027年，全市地区生产总值力争达到2.6万亿元。\n"
TARGET_HEADLINE = "某市：到2027年地区生产总值力争达到2.6万亿元\n\n今年前三季度，某市实现地区生产总值1.8万亿元，同比增长5.8%。\n"


def extract(*args: str | Path) -> tuple[list[dict], str]:
    result = subprocess.run(
        [str(ZHIBIAO), "extract", *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def test_an_undated_text_is_named_on_stderr(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(ONE_LINE, encoding="utf-8")
    facts, stderr = extract(notes)
    assert f"warning: {notes}: no date in the text and no --published" in stderr
    assert facts  # a warning, not a refusal


def test_a_date_given_or_stated_silences_the_warning(tmp_path):
    given = tmp_path / "given.txt"
    given.write_text(ONE_LINE, encoding="utf-8")
    stated = tmp_path / "stated.txt"
    stated.write_text("发布时间：2025年10月20日\n" + ONE_LINE, encoding="utf-8")
    _, stderr = extract(given, "--published", "2025-10-20")
    assert "warning" not in stderr
    _, stderr = extract(stated)
    assert "warning" not in stderr


def test_an_undated_article_of_an_export_is_named_with_its_id(tmp_path):
    export = tmp_path / "articles.json"
    articles = [
        {"文章标识符aid": "a1", "标题title": "某市经济", "时间time": "2025-10-20", "finalContent": ONE_LINE},
        {"文章标识符aid": "a2", "标题title": "某市经济", "finalContent": ONE_LINE},
    ]
    export.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    _, stderr = extract(export)
    assert f"warning: {export}: article a2 has no date" in stderr
    assert "article a1" not in stderr


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(ONE_LINE, id="target-later-in-the-paragraph"),
        pytest.param(TARGET_HEADLINE, id="target-in-the-headline"),
    ],
)
def test_with_a_date_this_year_is_the_dates_year(tmp_path, text):
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    facts, _ = extract(notes, "--published", "2025-10-20")
    actual = {(f["quantity_text"], f["period_start"], f["period_end"], f["kind"]) for f in facts}
    assert {("1.8万亿元", "2025-01", "2025-09", "actual"), ("5.8%", "2025-01", "2025-09", "actual")} <= actual


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(ONE_LINE, id="target-later-in-the-paragraph"),
        pytest.param(TARGET_HEADLINE, id="target-in-the-headline"),
    ],
)
def test_without_a_date_this_year_is_never_the_target_year(tmp_path, text):
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    facts, _ = extract(notes)
    this_year = [f for f in facts if f["quantity_text"] in ("1.8万亿元", "5.8%")]
    assert len(this_year) == 2
    assert all(f["kind"] == "actual" for f in this_year)
    assert [(f["period_start"], f["period_end"]) for f in this_year if "2027" in str(f["period_end"])] == []
    # 今年 with no date to count from cannot be placed: the numbers are left undated.
    assert [(f["period_start"], f["period_end"]) for f in this_year] == [(None, None), (None, None)]
