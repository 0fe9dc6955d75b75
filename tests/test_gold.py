"""The development gold: ../shared/eval/score.py on `zhibiao extract` of the bundled corpus.

The floors are the ones of issue 2, on the round-1 gold (the bulletins and the WeChat articles of
the bundled corpus). The later rounds and the per-group floors are in test_devscore.py.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SHARED_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"
SCORER = SHARED_SCORER if SHARED_SCORER.exists() else HERE / "gold" / "score.py"
ROUND_1 = ("dev_articles.jsonl", "dev_bulletins.jsonl")
FACT_F1_FLOOR = 0.85
VALUE_F1_FLOOR = 0.92


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gold")
    pred = tmp / "pred.jsonl"
    subprocess.run(
        [sys.executable, "-m", "indicators", "extract", "-o", str(pred)], check=True, capture_output=True
    )
    gold = tmp / "gold.jsonl"
    gold.write_text("".join((HERE / "gold" / name).read_text(encoding="utf-8") for name in ROUND_1))
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_fact_f1_floor(summary):
    assert summary["fact_f1"] >= FACT_F1_FLOOR, summary


def test_value_f1_floor(summary):
    assert summary["value_f1"] >= VALUE_F1_FLOOR, summary


def test_every_gold_document_is_extracted(summary):
    assert summary["docs"] == 16
    assert summary["found"] >= 0.9 * summary["gold"]
