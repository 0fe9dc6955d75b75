"""indicators/search.py: the full-text index of Chinese text (a token per character) and the queries
built from what a person types, run against a real FTS5 table."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators import search

NAMES = {
    "gdp": ["gdp", "地区生产总值", "Gross regional product (GDP)", "生产总值", "GDP"],
    "software_revenue": ["software_revenue", "软件和信息服务业营收", "Software revenue", "软信业营收"],
    "@上海": ["上海", "shanghai"],
}
ROWS = {
    1: "上海芯片产业规模突破3000亿元",
    2: "全年GDP增长5.4%",
    3: "江苏地区生产总值13.7万亿元",
    4: "上海实现地区生产总值5.67万亿元",
    5: "集成电路产业营收增长20%",
    6: "AI产业规模达到4500亿元",
    7: "船舶交付120艘",
}


@pytest.fixture(scope="module")
def conn():
    connection = sqlite3.connect(":memory:")
    connection.execute("create virtual table t using fts5(text, tokenize='unicode61 remove_diacritics 2')")
    connection.executemany(
        "insert into t(rowid, text) values (?, ?)", [(k, search.search_text(v)) for k, v in ROWS.items()]
    )
    yield connection
    connection.close()


def found(conn, query: str, names=None) -> set[int]:
    return {
        r for (r,) in conn.execute("select rowid from t where t match ?", [search.fts_query(query, names)])
    }


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("芯", {1}),  # one character
        ("芯片", {1}),  # two: below what a trigram index can match
        ("电路", {5}),  # a word inside another (集成电路): jieba would have cut 集成电路 whole
        ("集成电路产业", {5}),
        ("上海", {1, 4}),
        ("上海 芯片", {1}),  # every word
        ("亿元", {1, 3, 4, 6}),
        ("AI", {6}),
        ("ai", {6}),  # Latin words ignore case
        ("5.4", {2}),
        ("海芯", {1}),  # characters side by side, across a word boundary, as a substring search would
        ("片芯", set()),  # not in that order
        ('"上海 亿元"', set()),  # a quoted phrase keeps its words together
        ("上海 亿元", {1, 4}),
    ],
)
def test_words_of_any_length_are_found_as_substrings(conn, query, rows):
    assert found(conn, query) == rows


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("GDP", {2, 3, 4}),  # GDP, and the texts that say 地区生产总值
        ("地区生产总值", {2, 3, 4}),
        ("gross regional product (GDP)", {2, 3, 4}),  # a whole English name
        ("上海 GDP", {4}),
        ("Shanghai", {1, 4}),  # a region by its pinyin
        ("shanghai gdp", {4}),
    ],
)
def test_an_indicator_or_region_is_found_by_any_of_its_names(conn, query, rows):
    assert found(conn, query, NAMES) == rows


@pytest.mark.parametrize("query", ['"', "", "   ", "()", "*", "—", '""'])
def test_a_query_without_words_is_refused_with_a_message(query):
    with pytest.raises(search.NothingToSearch, match="type a word"):
        search.fts_query(query)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_no_query_is_an_fts_syntax_error(query):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(text)")
    try:
        expression = search.fts_query(query, NAMES)
    except search.NothingToSearch:
        return
    conn.execute("select count(*) from t where t match ?", [expression]).fetchone()


def test_indexed_text_spaces_chinese_characters_only():
    assert search.search_text("GDP增长5.4%", None, "上海") == "GDP 增  长 5.4%\n 上  海 "
    assert search.tokens("上海GDP 5G") == ["上", "海", "gdp", "5g"]
