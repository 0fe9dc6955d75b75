"""README "Data model" describes every table and column that `zhibiao build` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from db_samples import CATALOGUE, DOCUMENTS, stated_facts

from indicators import build, store

README = Path(__file__).parent.parent / "README.md"
TABLES = ("documents", "indicators", "facts", "series", "revisions", "targets_vs_actuals", "fact_keys")


def section(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def described_columns(table: str) -> set[str]:
    """Column names in the first cell of the first Markdown table under `table`'s heading."""
    model = section("Data model")
    start = re.search(rf"\n### [^\n]*`{table}`", model).start()
    end = model.find("\n### ", start + 1)
    lines = model[start : end if end > 0 else None].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("| column"))
    names = set()
    for line in lines[first + 2 :]:
        if not line.startswith("| "):
            break  # the end of the first table (a status table may follow)
        names.update(n.strip() for n in line.split("|")[1].split(","))
    return names


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "zhibiao.db"
    build.build_database(path, DOCUMENTS, stated_facts, CATALOGUE, "test")
    database = store.connect(str(path))
    yield database
    database.close()


@pytest.mark.parametrize("table", TABLES)
def test_every_column_is_in_the_readme(db, table):
    assert set(db[table].columns_dict) == described_columns(table)


def test_every_table_is_in_the_readme(db):
    # Not the full-text indexes, nor the planner's statistics (ANALYZE's sqlite_stat1).
    shown = {t for t in db.table_names() if not re.search(r"_fts(_\w+)?$|^sqlite_", t)}
    assert shown == set(TABLES)
    model = section("Data model")
    assert "facts_fts" in model
    assert "documents_fts" in model
