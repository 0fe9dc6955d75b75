"""indicators/store.py on real SQLite files: schema, keys, writes, full-text search."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from db_samples import CATALOGUE, DOCUMENTS, GDP_FIRST, INDUSTRY, SOFTWARE, document, fact, facts_of

from indicators import store, views

VERSION = "test-1"


@pytest.fixture
def db(tmp_path):
    """A database file with the sample documents and their facts."""
    database = store.connect(str(tmp_path / "zhibiao.db"))
    store.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    for doc in DOCUMENTS:
        store.write_document(database, doc, facts_of(doc), VERSION)
    store.enable_search(database)
    views.create_tables(database)
    views.refresh(database)
    yield database
    database.close()


def test_tables_and_columns(db):
    assert set(db.table_names()) >= {"documents", "indicators", "facts", "facts_fts", "documents_fts"}
    assert {"series", "revisions", "targets_vs_actuals"} <= set(db.table_names())
    assert db.table("facts").columns_dict.keys() >= {
        "id", "doc", "indicator", "indicator_id", "entity", "period_start", "period_end", "kind",
        "measure", "value", "unit", "unit_text", "qualifier", "quantity_text", "evidence",
        "evidence_start", "evidence_end", "quantity_start", "quantity_end", "published",
        "extractor_version",
    }  # fmt: skip
    assert list(db.table("documents").columns_dict)[:9] == [
        "id", "source", "source_kind", "title", "url", "published", "publisher", "text", "content_hash",
    ]  # fmt: skip
    assert list(db.table("indicators").columns_dict) == [
        "id", "name", "name_en", "category", "unit", "tier", "keywords", "description",
        "family", "frequency", "scope", "nbs_code",
    ]  # fmt: skip
    for table in ("documents", "indicators", "facts"):
        assert db.table(table).pks == ["id"]


def test_foreign_keys_and_indexes(db):
    fks = {(fk.column, fk.other_table, fk.other_column) for fk in db.table("facts").foreign_keys}
    assert fks == {("doc", "documents", "id"), ("indicator_id", "indicators", "id")}
    indexed = {tuple(index.columns) for index in db.table("facts").indexes}
    assert {("indicator_id",), ("entity",), ("period_end",), ("kind",), ("doc",)} <= indexed
    assert list(db.execute("PRAGMA foreign_key_check")) == []


def test_full_text_index_has_one_token_per_chinese_character(db):
    for table in ("facts_fts", "documents_fts"):
        assert "unicode61" in db.table(table).schema
    # 上海 is indexed as two tokens: the phrase of its characters matches, the word as one token does not.
    # (documents_fts keeps no copy of the text: content='' — the index alone answers.)
    matches = [
        r[0] for r in db.execute("""select rowid from documents_fts where documents_fts match '"上 海"'""")
    ]
    assert 1 in matches
    assert list(db.execute("select rowid from documents_fts where documents_fts match '上海'")) == []


def test_values_keep_their_type(db):
    # 5.67万亿元 is an integer number of yuan, 5.4% a real: neither becomes 5670000000000.0.
    rows = db.execute(
        "select value, typeof(value) from facts where doc = ? order by quantity_start", [INDUSTRY.id]
    )
    assert list(rows) == [(5670000000000, "integer"), (5.4, "real"), (4070000000000, "integer")]


def test_fact_row_keeps_evidence_and_provenance(db):
    row = db.table("facts").get(facts_of(INDUSTRY)[2].id)
    assert row["evidence"] == "上海规上工业总产值达4.07万亿元"
    assert INDUSTRY.text[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
    assert INDUSTRY.text[row["quantity_start"] : row["quantity_end"]] == "4.07万亿元"
    assert (row["published"], row["extractor_version"], row["indicator_id"]) == (
        "2026-01-24",
        VERSION,
        "industrial_output",
    )


def test_known_document_is_unchanged(db):
    before = list(db.conn.iterdump())
    assert store.write_document(db, SOFTWARE, facts_of(SOFTWARE), VERSION) == "unchanged"
    assert list(db.conn.iterdump()) == before


def test_changed_document_replaces_its_facts(db):
    others = db.execute("select count(*) from facts where doc != ?", [GDP_FIRST.id]).fetchone()[0]
    revised = document(
        GDP_FIRST.id, "2026-01-21", "上海2025年全年GDP为5.67万亿元。", "上海2025年经济数据（更正）"
    )
    new = [
        fact(
            revised,
            "全年GDP为5.67万亿元",
            "5.67万亿元",
            "5.67e12",
            indicator="GDP",
            indicator_id="gdp",
            period=("2025-01", "2025-12"),
        )
    ]
    assert store.write_document(db, revised, new, VERSION) == "replaced"
    assert [r["id"] for r in db.table("facts").rows_where("doc = ?", [GDP_FIRST.id])] == [new[0].id]
    assert db.table("documents").get(GDP_FIRST.id)["title"] == "上海2025年经济数据（更正）"
    assert db.execute("select count(*) from facts where doc != ?", [GDP_FIRST.id]).fetchone()[0] == others
    # The full-text index follows the new text.
    assert [r["id"] for r in store.search(db, "documents", "更正")] == [GDP_FIRST.id]
    assert store.search(db, "facts", "突破5.6万亿") == []


def test_new_extractor_version_rewrites_a_document(db):
    assert store.write_document(db, SOFTWARE, facts_of(SOFTWARE)[:1], "test-2") == "replaced"
    assert db.execute("select count(*) from facts where doc = ?", [SOFTWARE.id]).fetchone()[0] == 1


def test_unknown_indicator_is_refused_and_nothing_is_written(db):
    doc = document("new_doc", "2026-02-01", "2025年上海船舶交付量120艘。")
    bad = fact(
        doc,
        "2025年上海船舶交付量120艘",
        "120艘",
        "120",
        indicator="船舶交付量",
        indicator_id="ships_delivered",
        period=("2025-01", "2025-12"),
        unit="ship",
    )
    with pytest.raises(store.UnknownIndicator, match='new_doc: indicator_id "ships_delivered"'):
        store.write_document(db, doc, [bad], VERSION)
    assert db.table("documents").count_where("id = ?", ["new_doc"]) == 0


def test_fact_without_catalogue_indicator_is_kept(db):
    doc = document("new_doc", "2026-02-01", "2025年上海船舶交付量120艘。")
    loose = fact(
        doc,
        "2025年上海船舶交付量120艘",
        "120艘",
        "120",
        indicator="船舶交付量",
        indicator_id=None,
        period=("2025-01", "2025-12"),
        unit="ship",
    )
    assert store.write_document(db, doc, [loose], VERSION) == "added"
    assert db.table("facts").get(loose.id)["indicator_id"] is None
    assert list(db.execute("PRAGMA foreign_key_check")) == []


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into facts (id, doc, indicator, kind, measure, value, unit, qualifier, evidence) "
                   "values ('x', 'no_such_doc', 'GDP', 'actual', 'level', 1, 'CNY', 'exact', 'GDP')")  # fmt: skip


def test_duplicate_fact_in_one_document_is_stored_once(tmp_path):
    database = store.connect(str(tmp_path / "one.db"))
    store.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    facts = facts_of(INDUSTRY)
    store.write_document(database, INDUSTRY, [*facts, facts[0]], VERSION)
    assert database.table("facts").count == len(facts)


@pytest.mark.parametrize(
    ("table", "term", "expected"),
    [
        # A fact is found by its catalogue entry's names too: GDP_FIRST says only GDP.
        ("facts", "地区生产总值", {"2650700134_1", "2650700384_1", "2650700360_1"}),
        ("facts", "软信业营收", {"2650700335_1"}),
        ("facts", "软信", {"2650700335_1"}),  # two characters: no trigram, still found
        ("facts", "GDP", {"2650700134_1", "2650700384_1", "2650700360_1", "plan_2024", "ic_2025"}),
        # Every word, anywhere in the fact: entity 上海 and indicator gdp, or 单位GDP能耗 of 上海.
        ("facts", "上海 GDP", {"2650700134_1", "2650700384_1", "2650700360_1", "plan_2024", "ic_2025"}),
        ("facts", "gross regional product", {"2650700134_1", "2650700384_1", "2650700360_1"}),
        ("documents", "集成电路", {"plan_2024", "ic_2025"}),
        ("documents", "芯片", set()),
        ("documents", "十四五", {"2650700335_1", "plan_2024"}),
    ],
)
def test_search_finds_chinese_substrings(db, table, term, expected):
    rows = store.search(db, table, term)
    assert {r["doc"] if table == "facts" else r["id"] for r in rows} == expected


def test_search_finds_two_character_terms(db):
    doc = document("chips", "2026-01-05", "上海芯片产业规模突破3000亿元。", "芯片")
    chip = fact(
        doc,
        "上海芯片产业规模突破3000亿元",
        "突破3000亿元",
        "3e11",
        indicator="芯片产业规模",
        indicator_id=None,
        period=("2025-01", "2025-12"),
        qualifier="lower_bound",
    )
    store.write_document(db, doc, [chip], VERSION)
    assert [r["id"] for r in store.search(db, "documents", "芯片")] == ["chips"]
    assert [r["id"] for r in store.search(db, "facts", "芯片")] == [chip.id]
    assert [r["id"] for r in store.search(db, "facts", "芯片产业")] == [chip.id]


@pytest.mark.parametrize(
    ("value", "digits"),
    [("5.67e12", 3), ("5.6e12", 2), ("1729753000000", 7), ("5.4", 2), ("-13.5", 3), ("0", 1), ("120", 2)],
)
def test_significant_digits(value, digits):
    from decimal import Decimal

    assert store.significant_digits(Decimal(value)) == digits


def test_catalogue_keywords_are_json(db):
    row = db.table("indicators").get("gdp")
    assert row["keywords"] == '["生产总值", "GDP"]'
    assert row["name"] == "地区生产总值"


def test_catalogue_rows_survive_rewrite(db):
    changed = [replace(CATALOGUE[0], name_en="GDP")]
    store.write_indicators(db, changed)
    assert db.table("indicators").get("gdp")["name_en"] == "GDP"
    assert db.table("indicators").count == len(CATALOGUE)


def test_a_changed_or_deleted_document_leaves_the_search_index(db):
    # documents_fts keeps no copy of the texts: a row leaves it by the text it was indexed with.
    ship = document("ship_1", "2026-01-05", "上海船舶交付120艘。", "船舶交付")
    store.write_document(db, ship, [], "test")
    assert {r["id"] for r in store.search(db, "documents", "船舶")} == {"ship_1"}
    store.write_document(db, replace(ship, text="江苏芯片产业规模3000亿元。", title="芯片"), [], "test")
    assert {r["id"] for r in store.search(db, "documents", "船舶")} == set()
    assert {r["id"] for r in store.search(db, "documents", "芯片")} == {"ship_1"}
    db.execute("delete from documents where id = 'ship_1'")
    assert {r["id"] for r in store.search(db, "documents", "芯片")} == set()
    db.execute("insert into documents_fts(documents_fts, rank) values ('integrity-check', 1)")
