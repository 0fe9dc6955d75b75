"""The Datasette site (indicators/publish.py + datasette/): JSON and CSV shapes, canned queries, pages,
escaping and read-only safety, through Datasette's own test client on a real database file built by
indicators.build (the sample documents of db_samples plus a hostile one)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from site_samples import HOSTILE, build_site_db, get

from indicators import display, publish, search, store

BOM = b"\xef\xbb\xbf"
# The column names dashboards rely on (the database contract, README "Data model"): more may come,
# none of these may go.
CONTRACT = {
    "series": "indicator_id indicator entity kind measure period_start period_end value unit quantity_text "
    "qualifier n_reports first_reported last_reported disagree fact_id doc",
    "revisions": "indicator_id indicator entity kind measure period_end value unit quantity_text qualifier "
    "fact_id doc title published evidence",
    "targets_vs_actuals": "target_fact_id indicator_id indicator entity measure unit target_period_start "
    "target_period_end target_value target_qualifier target_text actual_fact_id actual_period_end actual_value "
    "actual_text baseline_period_end baseline_value gap progress_pct status",
    "facts": "id doc indicator indicator_id entity period_start period_end kind measure value unit unit_text "
    "qualifier quantity_text evidence evidence_start evidence_end quantity_start quantity_end published "
    "extractor_version",
    "documents": "id source source_kind title url published publisher text content_hash",
    "indicators": "id name name_en category unit tier keywords description",
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("site") / "sample.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


def fact_id(db_path, **where) -> str:
    db = store.connect(str(db_path))
    clause = " and ".join(f"{k} = ?" for k in where)
    row = db.execute(f"select id from facts where {clause}", list(where.values())).fetchone()
    db.close()
    return row[0]


# The database is served read-only under the name zhibiao --------------------------------------------


async def test_database_is_served_immutable_as_zhibiao(ds):
    databases = (await get(ds, "/-/databases.json")).json()
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("zhibiao", False)]


async def test_settings_limit_time_and_rows(ds):
    settings = (await get(ds, "/-/settings.json")).json()
    expected = publish.load_settings()
    assert settings["sql_time_limit_ms"] == expected["sql_time_limit_ms"] <= 5000
    assert settings["max_returned_rows"] == expected["max_returned_rows"] <= 5000


async def test_a_runaway_query_is_stopped_by_the_time_limit(ds):
    sql = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = await ds.client.get("/zhibiao.json", params={"sql": sql})
    assert response.status_code == 400
    assert "too long" in response.json()["error"]


@pytest.mark.parametrize(
    "sql",
    [
        "insert into facts (id) values ('x')",
        "delete from facts",
        "update documents set text = ''",
        "drop table facts",
        "attach database '/tmp/x.db' as x",
        "pragma writable_schema = 1",
    ],
)
async def test_no_statement_can_write(ds, db_path, sql):
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    response = await ds.client.get("/zhibiao.json", params={"sql": sql})
    assert response.status_code in (400, 403)
    assert response.json()["ok"] is False
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("path", ["/zhibiao/latest_values", "/zhibiao/facts", "/zhibiao", "/-/logout"])
async def test_only_reading_methods_are_accepted(ds, path):
    response = await ds.client.post(path, data={"sql": "delete from facts"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


# Metadata -----------------------------------------------------------------------------------------


def test_every_column_of_every_table_and_view_is_described(db_path):
    tables = publish.load_metadata()["databases"]["zhibiao"]["tables"]
    db = store.connect(str(db_path))
    # The full-text indexes and their shadow tables are hidden (metadata.yaml), not data; so are the
    # planner's statistics (ANALYZE's sqlite_stat1).
    names = [t for t in db.table_names() if not re.search(r"_fts(_\w+)?$|^sqlite_", t)]
    missing = []
    for name in names + db.view_names():
        described = (tables.get(name) or {}).get("columns") or {}
        missing += [f"{name}.{c}" for c in db[name].columns_dict if not described.get(c)]
    db.close()
    assert missing == []


def test_every_table_has_description_source_and_license(db_path):
    tables = publish.load_metadata()["databases"]["zhibiao"]["tables"]
    for name in ["documents", "indicators", "facts", "series", "revisions", "targets_vs_actuals"]:
        meta = tables[name]
        assert all(meta.get(key) for key in ("description", "source", "license", "license_url")), name


async def test_facts_table_has_default_facets_and_sort(ds, db_path):
    data = (await get(ds, "/zhibiao/facts.json")).json()
    assert set(data["facet_results"]) == {"indicator", "entity", "kind", "measure", "period_end"}
    assert data["human_description_en"] == "sorted by period_end descending"
    periods = [r[data["columns"].index("period_end")] for r in data["rows"]]
    assert periods == sorted(periods, reverse=True)
    kinds = {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]}
    db = store.connect(str(db_path))
    assert kinds == dict(db.execute("select kind, count(*) from facts group by kind").fetchall())


async def test_label_columns_expand_foreign_keys(ds):
    rows = (await get(ds, "/zhibiao/facts.json?_shape=array&_labels=on&doc=2650700360_1")).json()
    assert {r["doc"]["label"] for r in rows} == {"2025年上海工业经济运行数据"}
    assert {r["indicator_id"]["label"] for r in rows} == {"地区生产总值", "规上工业总产值"}


# JSON API -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", sorted(CONTRACT))
async def test_json_has_the_stable_column_names(ds, table):
    data = (await get(ds, f"/zhibiao/{table}.json?_size=1&_nofacet=1")).json()
    assert set(CONTRACT[table].split()) <= set(data["columns"])
    rows = (await get(ds, f"/zhibiao/{table}.json?_shape=array&_size=3")).json()
    assert all(set(CONTRACT[table].split()) <= set(row) for row in rows)


async def test_series_json_array_for_one_indicator(ds):
    rows = (await get(ds, "/zhibiao/series.json?_shape=array&indicator_id=gdp")).json()
    level = [r for r in rows if r["measure"] == "level"]
    assert [(r["entity"], r["period_end"], r["value"], r["unit"], r["n_reports"]) for r in level] == [
        ("上海", "2025-12", 5670000000000, "CNY", 3)
    ]


async def test_default_json_shape_lists_columns_and_rows(ds):
    data = (await get(ds, "/zhibiao/facts.json?indicator_id=software_revenue&kind=target")).json()
    assert data["columns"][:3] == ["id", "doc", "indicator"]
    row = dict(zip(data["columns"], data["rows"][0], strict=True))
    assert (row["value"], row["unit"], row["quantity_text"], row["period_end"]) == (
        1500000000000,
        "CNY",
        "15000亿元",
        "2025-12",
    )


@pytest.mark.parametrize(
    "query",
    [
        "",  # the default sort: period_end descending, dozens of ties
        "&_sort=entity",
        "&_sort_desc=value",
        "&_sort=period_start",  # NULLs first
        "&_sort=id",
        "&kind=actual&_sort_desc=published",
    ],
)
async def test_pagination_follows_next_until_every_row_is_seen(ds, db_path, query):
    seen, path, pages = [], f"/zhibiao/facts.json?_size=5{query}", 0
    while path:
        data = (await get(ds, path)).json()
        seen += [r[0] for r in data["rows"]]
        path = data["next_url"] and urlsplit(data["next_url"])._replace(scheme="", netloc="").geturl()
        pages += 1
    db = store.connect(str(db_path))
    where = "where kind = 'actual'" if "kind=actual" in query else ""
    expected = [r[0] for r in db.execute(f"select id from facts {where}")]
    assert sorted(seen) == sorted(expected)  # every row once: none skipped, none repeated
    assert pages == -(-len(expected) // 5)


async def test_array_shape_gives_the_next_page_in_a_link_header(ds):
    response = await get(ds, "/zhibiao/facts.json?_size=5&_shape=array")
    assert len(response.json()) == 5
    assert re.fullmatch(
        r'<http://[^>]+/zhibiao/facts\.json\?[^>]*_next=[^>]+>; rel="next"', response.headers["link"]
    )


async def test_canned_queries_do_not_hide_tables_or_views(ds, db_path):
    db = store.connect(str(db_path))
    names = set(db.table_names()) | set(db.view_names())
    assert names.isdisjoint(publish.load_metadata()["databases"]["zhibiao"]["queries"])


@pytest.mark.parametrize("table", ["series", "revisions", "targets_vs_actuals", "documents"])
@pytest.mark.parametrize("sort", ["", "&_sort=entity", "&_sort_desc=published", "&_sort_desc=status"])
async def test_every_table_paginates_completely(ds, db_path, table, sort):
    db = store.connect(str(db_path))
    if sort and sort.split("=")[-1] not in db[table].columns_dict:
        pytest.skip(f"{table} has no {sort.split('=')[-1]} column")
    expected = sorted(json.dumps(dict(r), sort_keys=True) for r in db.query(f"select * from [{table}]"))
    seen, path = [], f"/zhibiao/{table}.json?_size=2&_shape=objects{sort}"
    while path:
        data = (await get(ds, path)).json()
        seen += [
            json.dumps({k: v for k, v in r.items() if k != "rowid"}, sort_keys=True) for r in data["rows"]
        ]
        path = data["next_url"] and urlsplit(data["next_url"])._replace(scheme="", netloc="").geturl()
    assert sorted(seen) == expected


# CSV -------------------------------------------------------------------------------------------------


def read_csv(body: bytes) -> list[dict]:
    assert body.startswith(BOM)
    return list(csv.DictReader(io.StringIO(body[len(BOM) :].decode("utf-8"))))


async def test_facts_csv_starts_with_a_bom_and_keeps_chinese(ds, db_path):
    response = await get(ds, "/zhibiao/facts.csv")
    assert response.content[:3] == BOM
    rows = read_csv(response.content)
    db = store.connect(str(db_path))
    assert list(rows[0]) == list(db["facts"].columns_dict)
    assert len(rows) == db["facts"].count
    assert "规上工业总产值" in {r["indicator"] for r in rows}
    assert {r["quantity_text"] for r in rows} >= {"5.67万亿元", "17297.53亿元"}


async def test_download_csv_is_an_attachment_with_a_bom(ds):
    response = await get(ds, "/zhibiao/series.csv?_dl=1&indicator_id=gdp")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert {r["indicator"] for r in read_csv(response.content)} == {"地区生产总值"}


@pytest.mark.parametrize("query", ["", "&_sort=entity", "&_sort_desc=period_end"])
async def test_streamed_csv_has_one_bom_and_every_row(db_path, query):
    # Pages smaller than the table: the stream must page on.
    ds = publish.make_datasette(db_path, settings={"max_returned_rows": 5, "default_page_size": 5})
    response = await get(ds, "/zhibiao/facts.csv?_stream=on" + query)
    assert response.content.count(BOM) == 1
    ids = [r["id"] for r in read_csv(response.content)]
    db = store.connect(str(db_path))
    # Every row once, in primary-key order (the only order Datasette 0.65 streams completely).
    assert ids == [r[0] for r in db.execute("select id from facts order by id")]
    page = await get(ds, "/zhibiao/facts.csv")
    assert len(read_csv(page.content)) == 5


@pytest.mark.parametrize(
    "path",
    [
        "/zhibiao/revisions.csv",
        "/zhibiao/targets_vs_actuals.csv",
        "/zhibiao/latest_values.csv",
        "/zhibiao/target_progress.csv",
        "/zhibiao/indicator_series.csv?indicator_id=gdp",
        "/zhibiao.csv?sql=select+name+from+indicators",
    ],
)
async def test_every_csv_starts_with_a_bom(ds, path):
    rows = read_csv((await get(ds, path)).content)
    assert rows


async def test_json_and_errors_get_no_bom(ds):
    assert not (await get(ds, "/zhibiao/facts.json")).content.startswith(BOM)
    missing = await ds.client.get("/zhibiao/no_such_table.csv")
    assert missing.status_code == 404
    assert not missing.content.startswith(BOM)


# Canned queries -------------------------------------------------------------------------------------


async def query(ds, name, **params):
    path = f"/zhibiao/{name}.json"
    return (await ds.client.get(path, params={"_shape": "array", **params})).json()


async def test_latest_value_per_indicator(ds):
    rows = await query(ds, "latest_values")
    latest = {(r["indicator_id"], r["entity"], r["measure"]): (r["period_end"], r["value"]) for r in rows}
    assert latest[("gdp", "上海", "level")] == ("2025-12", 5670000000000)
    assert latest[("software_revenue", "上海", "level")] == ("2025-11", 1729753000000)
    assert latest[("ic_revenue", "江苏", "level")] == ("2025-12", 350000000000)
    assert len(latest) == len(rows)  # one row per indicator × entity × measure


async def test_one_indicators_series(ds):
    rows = await query(ds, "indicator_series", indicator_id="software_revenue")
    points = {(r["kind"], r["measure"], r["period_start"], r["period_end"], r["value"]) for r in rows}
    assert points == {
        ("actual", "level", "2020-01", "2020-12", 684100000000),
        ("actual", "level", "2025-01", "2025-11", 1729753000000),
        ("actual", "growth", "2025-01", "2025-11", 22.6),
        ("estimate", "level", "2025-01", "2025-12", 2000000000000),
        ("target", "level", None, "2025-12", 1500000000000),
    }
    assert await query(ds, "indicator_series", indicator_id="no_such_indicator") == []


async def test_targets_vs_actuals_query(ds):
    rows = await query(ds, "target_progress")
    status = {(r["indicator_id"], r["entity"], r["target_period_end"]): r["status"] for r in rows}
    assert status[("software_revenue", "上海", "2025-12")] == "met"
    assert status[("ic_revenue", "浙江", "2030-12")] in ("not_yet_due", "no_actual")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("集成电路产业", {"集成电路产业营收"}),
        ("能耗", {"单位GDP能耗"}),  # two characters
        ("耗", {"单位GDP能耗"}),  # one
        ("GDP", {"GDP", "地区生产总值", "单位GDP能耗"}),  # GDP, and gdp facts worded 地区生产总值
        ("gross regional product", {"GDP", "地区生产总值", "单位GDP能耗"}),  # = GDP (catalogue English name)
        ("生产总值 5.4", {"GDP", "地区生产总值"}),  # every word: GDP's growth rate of 5.4%
        ('"5.4%', {"GDP", "地区生产总值"}),  # a stray quote is not FTS syntax
        ("浙江 GDP", set()),
    ],
)
async def test_search_the_evidence(ds, q, expected):
    rows = await query(ds, "search_evidence", q=q)
    assert {r["indicator"] for r in rows} == expected


# Pages ----------------------------------------------------------------------------------------------


async def test_home_page_lists_indicators_with_latest_values_and_links(ds, db_path):
    html = (await get(ds, "/")).text
    gdp_fact = fact_id(db_path, indicator_id="gdp", doc="2650700360_1", measure="level")
    assert "地区生产总值" in html
    assert "Gross regional product" in html
    assert f'<a class="zb-latest-value" href="/zhibiao/facts/{gdp_fact}">5.67万亿元</a>' in html
    assert 'href="/zhibiao/series?indicator_id=gdp"' in html
    assert 'href="/zhibiao/facts?indicator_id=gdp"' in html
    assert 'href="/-/charts/gdp"' in html
    assert 'action="/zhibiao/search_evidence"' in html


async def test_fact_page_highlights_the_number_and_links_document_and_source(ds, db_path):
    fid = fact_id(db_path, doc="2650700335_1", kind="target")
    html = (await get(ds, f"/zhibiao/facts/{fid}")).text
    assert '超额完成“十四五”产业营收目标（<mark class="zb-q">15000亿元</mark>）' in html
    assert f'href="/zhibiao/documents/2650700335_1#f-{fid}"' in html
    assert '<a class="zb-source" href="http://example.org/2650700335_1"' in html
    assert "2025年度上海软件和信息服务业发展十件大事" in html


async def test_document_page_marks_every_extracted_number(ds, db_path):
    html = (await get(ds, "/zhibiao/documents/2650700335_1")).text
    db = store.connect(str(db_path))
    facts = list(db.execute("select id, quantity_text from facts where doc = '2650700335_1'"))
    for fid, quantity in facts:
        assert re.search(
            rf'<a class="zb-fact" href="/zhibiao/facts/{fid}"[^>]*><mark class="zb-q">{re.escape(quantity)}</mark></a>',
            html,
        ), quantity
    assert html.count('<mark class="zb-q">') == len(facts) + 1  # + the legend


async def test_facts_table_shows_values_as_written_and_evidence_highlighted(ds):
    html = (await get(ds, "/zhibiao/facts?indicator_id=software_revenue")).text
    assert '<span class="zb-value" title="1729753000000 CNY">17297.53亿元</span>' in html
    assert '1-11月全市软信业营收达到<mark class="zb-q">17297.53亿元</mark>' in html


async def test_series_rows_link_to_facts_documents_and_charts(ds):
    html = (await get(ds, "/zhibiao/series?indicator_id=ic_revenue")).text
    assert re.search(r'<a href="/zhibiao/facts/[0-9a-f]{16}">', html)
    assert '<a href="/zhibiao/documents/plan_2024">plan_2024</a>' in html
    assert 'href="/-/charts/ic_revenue"' in html


# Escaping and no network ----------------------------------------------------------------------------

HOSTILE_MARKUP = ("<script>alert", "<img src=x", "<b>", "<i>新能源汽车</i>", 'href="javascript:')


@pytest.mark.parametrize(
    "path",
    [
        "/zhibiao/documents/hostile_1",
        "/zhibiao/documents",
        "/zhibiao/facts?doc=hostile_1",
        "/zhibiao/search_evidence?q=新能源汽车",
        "/zhibiao/revisions",
        "/",
    ],
)
async def test_document_text_is_escaped_everywhere(ds, path):
    html = (await get(ds, path)).text
    for markup in HOSTILE_MARKUP:
        assert markup not in html, (path, markup)


async def test_hostile_document_shows_its_markup_as_text(ds, db_path):
    html = (await get(ds, "/zhibiao/documents/hostile_1")).text
    assert "&lt;script&gt;alert(&#34;zhibiao&#34;)&lt;/script&gt;" in html
    assert "&lt;i&gt;新能源汽车&lt;/i&gt;推广" in html
    fid = fact_id(db_path, doc=HOSTILE.id, measure="growth")
    page = (await get(ds, f"/zhibiao/facts/{fid}")).text
    assert '&lt;b&gt;同比增长<mark class="zb-q">31%</mark>&lt;/b&gt;' in page
    assert 'href="javascript:' not in page


class Resources(HTMLParser):
    """Every URL a page makes the browser load by itself (scripts, styles, images, fonts, frames)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        rel = set((attrs.get("rel") or "").split())
        if (
            tag == "link"
            and attrs.get("href")
            and rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
        ):
            self.urls.append(attrs["href"])


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/zhibiao",
        "/zhibiao/facts",
        "/zhibiao/series",
        "/zhibiao/documents/2650700360_1",
        "/zhibiao/latest_values",
    ],
)
async def test_pages_load_nothing_from_another_host(ds, path):
    response = await get(ds, path)
    parser = Resources()
    parser.feed(response.text)
    assert parser.urls
    assert [u for u in parser.urls if urlsplit(u).netloc] == []
    assert "@import" not in response.text
    assert "url(http" not in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "font-src 'self'" in policy


async def test_site_stylesheet_is_served(ds):
    response = await get(ds, "/static/zhibiao.css")
    assert "mark.zb-q" in response.text
    assert "url(" not in response.text


def test_metadata_is_valid_yaml_for_datasette(db_path):
    # Every canned query parses against the real schema.
    db = store.connect(str(db_path))
    db.conn.create_function("escape_fts", 1, search.fts_query)  # datasette/plugins/zhibiao_search.py
    display.register_sql_functions(db.conn)  # datasette/plugins/atom_feeds.py
    for name, q in publish.load_metadata()["databases"]["zhibiao"]["queries"].items():
        params = dict.fromkeys(re.findall(r":(\w+)", q["sql"]), "gdp")
        db.execute("explain " + q["sql"], params)
        assert q["title"], name
        assert q["description"], name
    db.close()
    json.dumps(publish.load_metadata())


# The serve command --------------------------------------------------------------------------------


def test_serve_help_names_its_options():
    from click.testing import CliRunner

    from indicators.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "127.0.0.1", "8001"):
        assert option in result.output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not a database at all\n", "not a SQLite database"),
        (None, "no documents, indicators, facts, series, revisions, targets_vs_actuals"),
    ],
)
def test_serve_refuses_a_file_that_is_not_a_zhibiao_database(tmp_path, content, reason):
    from click.testing import CliRunner

    from indicators.cli import cli

    path = tmp_path / "other.db"
    if content is None:
        conn = sqlite3.connect(path)
        conn.execute("create table t (x)")
        conn.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["serve", "--db", str(path), "--port", "1"])
    assert result.exit_code == 1
    assert f"Error: {path}: {reason}" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("table", "first"),
    [
        (
            "facts",
            [
                "id",
                "indicator",
                "entity",
                "period_start",
                "period_end",
                "kind",
                "measure",
                "value",
                "evidence",
            ],
        ),
        (
            "targets_vs_actuals",
            ["indicator", "indicator_id", "entity", "measure", "target_text", "target_period_end"],
        ),
    ],
)
async def test_table_pages_show_main_columns_first_and_all_on_request(ds, table, first):
    def headers(html):
        return re.findall(r'<th [^>]*data-column="([^"]+)"', html)

    main = headers((await get(ds, f"/zhibiao/{table}")).text)
    assert main[: len(first)] == first
    wide = headers((await get(ds, f"/zhibiao/{table}?_wide=1")).text)
    assert set(wide) > set(main)
