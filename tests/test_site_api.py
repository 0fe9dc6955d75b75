"""The site as a dashboard and a journalist use it: CORS, 400s with a message for arguments it cannot
read, search in the table pages, whole CSV and XLSX downloads (opened with openpyxl, as Excel
would). Datasette's test client on the sample database; a real `zhibiao serve` on the bundled
corpus ×5 for the downloads that must hold every row."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from html import unescape

import httpx
import openpyxl
import pytest
from site_samples import build_corpus_copies, build_site_db, get

from indicators import publish
from indicators.publish import ServerProcess

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("site-api") / "sample.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


def rows_of(db_path, sql, params=()):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# CORS ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/zhibiao/facts.json", "/zhibiao/series.json?_shape=array", "/zhibiao/latest_values.json"]
)
async def test_json_can_be_read_from_another_origin(ds, path):
    response = await ds.client.get(path, headers={"Origin": "https://dashboard.example"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"


# 400 with a message, not 200 [] or 500 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/zhibiao/facts.json?entiy=上海", 'facts has no column "entiy"'),
        ("/zhibiao/series.json?_shape=array&indicatorid=gdp", 'series has no column "indicatorid"'),
        ("/zhibiao/facts.json?value__bigger=1", 'Unknown filter "__bigger"'),
        ("/zhibiao/facts.json?_sort=nosuchcol", 'Cannot sort facts by "nosuchcol"'),
        ("/zhibiao/facts.json?_sort_desc=nosuchcol", 'Cannot sort facts by "nosuchcol"'),
        ("/zhibiao/facts.json?_sort=value&_sort_desc=value", "not both"),
        ("/zhibiao/facts.json?_next=zzz", "is not a page token"),
        ("/zhibiao/facts.json?_next=a,b,c", "is not a page token"),
        ("/zhibiao/series.json?_next=abc", "is not a page token"),
        ('/zhibiao/facts.json?_search="', "Nothing to search for"),
        ('/zhibiao/facts.json?_search=a"b(&_searchmode=raw', "not valid FTS5 syntax"),
        ("/zhibiao/facts.csv?entiy=上海", 'facts has no column "entiy"'),
    ],
)
async def test_arguments_the_site_cannot_read_get_400_with_a_message(ds, path, message):
    response = await ds.client.get(path)
    assert response.status_code == 400, response.text[:300]
    if ".json" in path:
        body = response.json()
        assert body["ok"] is False
        assert message in body["error"]
    else:
        assert message in unescape(response.text)


async def test_an_unknown_column_page_says_so_in_html(ds):
    response = await ds.client.get("/zhibiao/facts?entiy=上海")
    assert response.status_code == 400
    assert 'facts has no column "entiy"' in unescape(response.text)


async def test_next_url_given_by_the_site_is_accepted(ds):
    page = (await get(ds, "/zhibiao/series.json?_size=2")).json()
    following = await get(ds, page["next_url"].replace("http://localhost", ""))
    assert following.json()["rows"]


# Search in the table pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("能耗", "select doc from facts where instr(evidence, '能耗')"),
        (
            "上海 GDP",
            "select doc from facts where entity = '上海' and (indicator_id = 'gdp' or evidence like '%GDP%')",
        ),
        (  # a name of gdp: every name of it, GDP included
            "生产总值",
            "select doc from facts where indicator_id = 'gdp' or evidence like '%生产总值%' or evidence like '%GDP%'",
        ),
    ],
)
async def test_table_search_finds_short_words_regions_and_synonyms(ds, db_path, query, expected):
    rows = (await get(ds, f"/zhibiao/facts.json?_shape=array&_size=max&_search={query}")).json()
    truth = {doc for (doc,) in rows_of(db_path, expected)}
    assert truth
    assert {r["doc"] for r in rows} == truth


async def test_document_search_finds_two_character_words(ds, db_path):
    rows = (await get(ds, "/zhibiao/documents.json?_shape=array&_search=能耗")).json()
    assert {r["id"] for r in rows} == {
        d for (d,) in rows_of(db_path, "select id from documents where instr(text, '能耗')")
    }


# Downloads ------------------------------------------------------------------------------------------


def workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


async def test_xlsx_keeps_periods_and_ids_as_text_and_numbers_as_numbers(ds, db_path):
    response = await get(ds, "/zhibiao/facts.xlsx")
    assert response.headers["content-type"] == XLSX
    sheet = workbook(response.content).worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    (n_facts,) = rows_of(db_path, "select count(*) from facts")[0]
    assert len(rows) == n_facts
    periods = [c for r in sheet.iter_rows(min_row=2) for c in r if header[c.column - 1] == "period_end"]
    assert all(c.data_type == "s" and re.fullmatch(r"\d{4}-\d{2}", c.value) for c in periods if c.value)
    values = [c for r in sheet.iter_rows(min_row=2) for c in r if header[c.column - 1] == "value"]
    assert all(c.data_type == "n" for c in values)
    by_id = {r["id"]: r for r in rows}
    for fid, value, period_end in rows_of(db_path, "select id, value, period_end from facts"):
        assert by_id[fid]["value"] == value
        assert by_id[fid]["period_end"] == period_end


async def test_xlsx_of_a_query_and_of_a_series_filter(ds, db_path):
    series = workbook(
        (await get(ds, "/zhibiao/series.xlsx?indicator_id=gdp&entity=上海")).content
    ).worksheets[0]
    (n,) = rows_of(db_path, "select count(*) from series where indicator_id = 'gdp' and entity = '上海'")[0]
    assert series.max_row == n + 1
    query = workbook((await get(ds, "/zhibiao/latest_values.xlsx")).content)
    about = {r[0].value: r[1].value for r in query["about"].iter_rows() if r[0].value}
    assert about["Data 数据"] == "query latest_values"
    assert "Apache-2.0" in about["Licence 许可"]


@pytest.fixture(scope="module")
def corpus_x5(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus-x5")
    server = ServerProcess(build_corpus_copies(tmp / "x5.db", 5), tmp / "serve.log")
    yield server
    server.stop()


def visible_csv_link(html: str) -> str:
    """The href of the page's "CSV" link, as a reader sees it (the download line's first link)."""
    return unescape(re.search(r'<a class="zb-csv" href="([^"]+)">CSV</a>', html).group(1))


@pytest.mark.parametrize(
    ("page", "sql"),
    [
        ("/zhibiao/facts", "select count(*) from facts"),
        ("/zhibiao/facts?kind=actual&_sort=value", "select count(*) from facts where kind = 'actual'"),
        ("/zhibiao/series", "select count(*) from series"),
        ("/zhibiao/documents", "select count(*) from documents"),
    ],
)
def test_visible_csv_link_at_corpus_x5_returns_every_row(corpus_x5, page, sql):
    (expected,) = rows_of(corpus_x5.db_path, sql)[0]
    assert expected > 100  # more rows than one page shows
    html = httpx.get(corpus_x5.base + page, timeout=60).text
    link = visible_csv_link(html)
    assert f'href="{link}"' in unescape(html)  # Datasette's own "CSV" link is the same
    response = httpx.get(corpus_x5.base + link, timeout=120)
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == expected


def test_xlsx_at_corpus_x5_holds_every_fact(corpus_x5):
    (expected,) = rows_of(corpus_x5.db_path, "select count(*) from facts")[0]
    response = httpx.get(corpus_x5.base + "/zhibiao/facts.xlsx", timeout=300)
    assert response.status_code == 200
    assert workbook(response.content).worksheets[0].max_row == expected + 1


@pytest.mark.parametrize(
    "table", ["facts", "documents", "indicators", "series", "revisions", "targets_vs_actuals"]
)
async def test_every_column_the_api_returns_is_documented(ds, table):
    columns = (await get(ds, f"/zhibiao/{table}.json?_size=1")).json()["columns"]
    described = publish.load_metadata()["databases"]["zhibiao"]["tables"][table]["columns"]
    assert [c for c in columns if not described.get(c)] == []


async def test_tables_show_codes_in_chinese_with_english_and_values_with_their_bound(ds, db_path):
    html = (await get(ds, "/zhibiao/facts?qualifier=lower_bound")).text
    assert (
        '目标 <span class="zb-code">target</span>' in html
        or '实际 <span class="zb-code">actual</span>' in html
    )
    shown = re.findall(r'<span class="zb-value" title="[^"]*">([^<]*)</span>', html)
    (n,) = rows_of(db_path, "select count(*) from facts where qualifier = 'lower_bound'")[0]
    assert len(shown) == n
    assert all(v.startswith("超") for v in shown), shown
    status = (await get(ds, "/zhibiao/targets_vs_actuals")).text
    assert 'class="zb-code">' in status


async def test_fact_page_groups_the_digits_of_the_canonical_value(ds, db_path):
    (fid, value) = rows_of(
        db_path, "select id, value from facts where value >= 1000000 and typeof(value) = 'integer' limit 1"
    )[0]
    html = (await get(ds, f"/zhibiao/facts/{fid}")).text
    assert f"{value:,}" in html


async def test_home_page_names_statuses_in_chinese_with_english(ds, db_path):
    html = (await get(ds, "/")).text
    for (status,) in rows_of(db_path, "select distinct status from targets_vs_actuals"):
        assert f" {status} " in html
    assert "已完成 met" in html or "进度落后 behind" in html or "未到期 not_yet_due" in html
