"""Extraction of the bundled corpus gives the very facts recorded in tests/expected/bundled_fact_ids.txt.

A fact's id hashes all its fields and its place in the document, so a change that is only meant
to make extraction faster must leave this file as it is. A change meant to change the output
regenerates it (python benchmarks/fact_ids.py > tests/expected/bundled_fact_ids.txt) in the same commit.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

from fact_ids import bundled_fact_ids  # noqa: E402


def test_the_bundled_corpus_gives_the_recorded_facts():
    recorded = (HERE / "expected" / "bundled_fact_ids.txt").read_text(encoding="utf-8").split()
    now = bundled_fact_ids()
    assert len(now) == len(recorded)
    assert sorted(set(now) ^ set(recorded)) == []
