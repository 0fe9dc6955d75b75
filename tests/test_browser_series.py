"""Series pages, region comparison, search in the table pages and the documents list, in Debian's
Chromium on a real `zhibiao serve` of the bundled corpus. Examples are found in the database (the
extraction decides which series exist), never written in. The series page and the comparison are
also the README's screenshots (tests/artifacts/series-page.png and compare-regions.png, copied to docs/)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from site_server import Server, Visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("series-site")
    server = Server(tmp / "zhibiao.db", tmp / "serve.log")  # built from the bundled corpus
    yield server
    server.stop()


@pytest.fixture
def visit(browser):
    v = Visit(browser)
    yield v
    v.close()


def drawn(page) -> None:
    """Wait until every chart on the page is drawn by the bundled Vega (or failed, which fails)."""
    expect(page.locator("[data-vl-spec]:not([data-drawn])")).to_have_count(0, timeout=30000)
    assert page.locator('[data-drawn="error"]').count() == 0


def legends(page) -> str:
    """What the chart's legends say (Vega names each legend and its values in aria-label)."""
    return " ".join(page.locator(".zb-chart .role-legend").evaluate_all("els => els.map(e => e.ariaLabel)"))


@pytest.fixture(scope="module")
def busiest_series(server):
    """The catalogue series with the most observations, with at least one actual."""
    rows = server.query(
        """select indicator_id, entity, measure, count(*) as n from series
        where indicator_id is not null and period_end is not null
        group by 1, 2, 3 having sum(kind = 'actual') > 0
        order by n desc, sum(kind = 'target') desc, indicator_id limit 1"""
    )
    assert rows, "the corpus gave no catalogue series"
    return rows[0]


def test_series_page_shows_definition_chart_observations_and_downloads(server, visit, busiest_series):
    indicator_id, entity, measure, n = busiest_series
    name, name_en = server.query("select name, name_en from indicators where id = ?", [indicator_id])[0]
    url = f"{server.base}/-/series/{quote(indicator_id)}/{quote(entity)}?measure={measure}"
    page = visit.goto(url)
    assert page.locator("h1").inner_text().replace(" ", "") == f"{name}·{entity}"
    fields = page.locator("dl.zb-series-facts").inner_text()
    for label in ("Definition", "Unit", "Frequency", "Last updated"):
        assert label in fields
    assert name_en in fields
    drawn(page)
    assert page.locator(".zb-chart svg").count() == 1
    # The observations: one row per point of the series, each with its fact and source.
    assert page.locator("table.zb-observations tbody tr").count() == n
    written = {q for (q,) in server.query(
        "select quantity_text from series where indicator_id = ? and entity = ? and measure = ?",
        [indicator_id, entity, measure],
    )}  # fmt: skip
    assert set(page.locator("table.zb-observations td.zb-value").all_inner_texts()) == written
    assert page.locator("table.zb-observations a", has_text="fact").count() == n
    assert str(server.query("select max(last_reported) from series where indicator_id = ? and entity = ? "
                            "and measure = ?", [indicator_id, entity, measure])[0][0]) in fields  # fmt: skip
    assert f"/-/series/{quote(indicator_id)}/" in page.locator(".zb-citation").inner_text()
    # The downloads hold this series: CSV, XLSX and JSON of the same rows.
    for kind in ("csv", "xlsx", "json"):
        href = page.locator(f".zb-series-downloads a.zb-{kind}").get_attribute("href")
        response = page.request.get(server.base + href)
        assert response.status == 200, href
    rows = page.request.get(
        server.base + page.locator(".zb-series-downloads a.zb-json").get_attribute("href")
    ).json()
    assert len(rows) == n
    assert {(r["indicator_id"], r["entity"], r["measure"]) for r in rows} == {(indicator_id, entity, measure)}
    visit.screenshot("series-page.png", height=1500)  # the README's docs/series-page.png


def test_series_page_is_linked_from_home_fact_and_series_rows(server, visit, busiest_series):
    indicator_id, entity, _, _ = busiest_series
    page = visit.goto(server.base + "/")
    assert page.locator(f'#indicator-{indicator_id} a[href^="/-/series/{indicator_id}"]').count() >= 1
    page = visit.goto(f"{server.base}/zhibiao/series?indicator_id={indicator_id}&entity={quote(entity)}")
    page.locator("td.col-entity a.zb-series-link").first.click()
    page.wait_for_load_state()
    assert f"/-/series/{indicator_id}/" in page.url
    (fact_id,) = server.query(
        "select id from facts where indicator_id = ? and entity = ? limit 1", [indicator_id, entity]
    )[0]
    page = visit.goto(f"{server.base}/zhibiao/facts/{fact_id}")
    page.locator("dl.zb-fields a.zb-series-link").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().endswith(entity)


@pytest.fixture(scope="module")
def two_regions(server):
    """An indicator and measure with actuals for two or more entities in one unit, and two of them."""
    rows = server.query(
        """select indicator_id, measure, unit, group_concat(entity, '|') from (
             select indicator_id, measure, unit, entity, count(*) as n from series
             where indicator_id is not null and kind = 'actual' and period_end is not null
             group by 1, 2, 3, 4 order by n desc)
           group by 1, 2, 3 having count(*) >= 2
           order by count(*) desc, indicator_id limit 1"""
    )
    assert rows, "the corpus gave no indicator with actuals for two entities"
    indicator_id, measure, _unit, entities = rows[0]
    return indicator_id, measure, entities.split("|")[:2]


def test_region_comparison_draws_two_regions_on_one_axis(server, visit, two_regions):
    indicator_id, measure, (first, second) = two_regions
    url = f"{server.base}/-/series/{indicator_id}?measure={measure}&entity={quote(first)}&entity={quote(second)}"
    page = visit.goto(url)
    drawn(page)
    svg = page.locator(".zb-chart svg")
    # One chart, one y axis, both regions in its legend.
    assert svg.count() == 1
    assert page.locator('.zb-chart g[aria-label^="Y-axis"]').count() == 1
    legend = legends(page)
    assert first in legend
    assert second in legend
    checked = page.locator(".zb-compare-form input[name=entity]:checked")
    assert sorted(checked.evaluate_all("els => els.map(e => e.value)")) == sorted([first, second])
    # The address is the comparison: the page opened from it shows the same.
    share = page.locator(".zb-share-url").input_value()
    assert share == url
    entities = {r["entity"] for r in page.request.get(
        server.base + page.locator("a.zb-json").get_attribute("href")).json()}  # fmt: skip
    assert entities == {first, second}
    visit.screenshot("compare-regions.png", height=1000)  # the README's docs/compare-regions.png
    # Unticking a region and comparing again leaves one on the chart.
    page.locator(f'.zb-compare-form input[value="{second}"]').uncheck()
    page.locator(".zb-compare-form input[type=submit]").click()
    page.wait_for_load_state()
    drawn(page)
    assert second not in legends(page)


@pytest.mark.parametrize(
    ("table", "query"), [("facts", "芯片"), ("documents", "芯片"), ("facts", "上海 GDP")]
)
def test_search_in_the_table_pages_returns_rows(server, visit, table, query):
    page = visit.goto(f"{server.base}/zhibiao/{table}")
    page.locator('form input[name="_search"]').fill(query)
    page.locator('form input[name="_search"]').press("Enter")
    page.wait_for_load_state()
    count_text = page.locator("h3").first.inner_text()
    n = int(count_text.split()[0].replace(",", ""))
    assert n > 0, count_text
    assert page.locator("table.rows-and-columns tbody tr").count() == min(n, 100 if table == "facts" else 50)
    if query == "芯片":
        column = "evidence" if table == "facts" else "text"
        (truth,) = server.query(f"select count(*) from {table} where instr({column}, '芯片') or instr("
                                f"{'indicator' if table == 'facts' else 'title'}, '芯片')")[0]  # fmt: skip
        assert n >= truth > 0
    visit.screenshot(f"search-{table}-{len(query)}.png", height=900)


def test_documents_list_is_no_wider_than_the_window(server, visit):
    page = visit.goto(server.base + "/zhibiao/documents")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth")
    headers = page.locator("table.zb-documents th").all_inner_texts()
    assert [h.strip() for h in headers][:4] == ["title", "publisher", "published", "facts"]
    assert page.locator("table.zb-documents tbody tr").count() == 50
    # Each row: its title leads to the document, its fact count to its facts, its text is an excerpt.
    first = page.locator("table.zb-documents tbody tr").first
    doc_id = first.locator("td.col-title a").get_attribute("href").rsplit("/", 1)[1]
    (n_facts,) = server.query("select count(*) from facts where doc = ?", [doc_id])[0]
    assert first.locator("td.col-n_facts").inner_text().strip() == str(n_facts)
    excerpt = first.locator("td.col-text .zb-excerpt").inner_text()
    (text,) = server.query("select text from documents where id = ?", [doc_id])[0]
    assert 0 < len(excerpt) <= 91 < len(text)
    visit.screenshot("documents.png", height=1200)
