"""README "What is promised": every test the table names exists, so the table cannot promise more than is tested."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## What is promised: bad input, interrupts, concurrent use"


def promised_tests() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`(test_\w+\.py)::(test_\w+)`", section)


def test_the_table_names_tests():
    named = promised_tests()
    assert len(named) >= 30
    assert {file for file, _ in named} >= {"test_live.py", "test_sql_limits.py", "test_cli_build.py"}


def test_every_test_the_table_names_exists():
    missing = []
    for file, name in promised_tests():
        tree = ast.parse((ROOT / "tests" / file).read_text(encoding="utf-8"))
        functions = {
            node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        if name not in functions:
            missing.append(f"{file}::{name}")
    assert missing == []
