"""Charts in the site (datasette/plugins/charts_routes.py): pages and files through Datasette's test
client, and a chart page in headless Chromium against a real `zhibiao serve` on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from chart_data import build
from playwright.sync_api import expect
from site_samples import get

from indicators import publish
from indicators.publish import ServerProcess


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("charts-site") / "zhibiao.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


async def test_charts_index_lists_indicators_and_overviews(ds):
    html = (await get(ds, "/-/charts")).text
    for name in (
        "地区生产总值",
        "软件和信息服务业营收",
        "新能源汽车推广量",
        "目标进度",
        "2025年各指标同比增速",
    ):
        assert name in html
    for href in (
        "/-/charts/gdp",
        "/-/charts/gdp.growth",
        "/-/charts/targets-overview",
        "/-/charts/growth-rates-2025",
        "/-/charts/growth-rates-2024",
    ):
        assert f'href="{href}"' in html
    assert "机器人密度" not in html  # catalogued, but no fact: no chart


async def test_indicator_page_embeds_each_measure_and_shows_its_rows(ds):
    html = (await get(ds, "/-/charts/software_revenue")).text
    assert 'data-vl-spec="/-/charts/software_revenue.vl.json"' in html
    assert 'data-vl-spec="/-/charts/software_revenue.growth.vl.json"' in html
    assert '<script src="/-/vega.js?v=' in html
    assert "https://" not in html.split("</head>")[0]
    # the rows the chart draws, as written, with their source
    for text in ("17297.53亿元", "2025年1-11月", "15000亿元", "超额完成“十四五”产业营收目标（15000亿元）"):
        assert text in html
    assert 'href="/-/charts/software_revenue.png"' in html
    assert 'href="/zhibiao/series?indicator_id=software_revenue"' in html


async def test_one_measure_page(ds):
    html = (await get(ds, "/-/charts/gdp.growth")).text
    assert 'data-vl-spec="/-/charts/gdp.growth.vl.json"' in html
    assert 'data-vl-spec="/-/charts/gdp.vl.json"' not in html


async def test_chart_files(ds):
    spec = (await get(ds, "/-/charts/gdp.vl.json")).json()
    assert [panel["title"]["text"] for panel in spec["vconcat"]] == ["上海", "江苏"]
    svg = await get(ds, "/-/charts/software_revenue.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert "目标 15000亿元" in svg.text
    png = await get(ds, "/-/charts/targets-overview.png")
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    growth = (await get(ds, "/-/charts/growth-rates.vl.json")).json()
    assert growth["title"]["text"] == "2025年各指标同比增速"  # the year with the most rates
    growth = (await get(ds, "/-/charts/growth-rates-2024.vl.json")).json()
    assert growth["title"]["text"] == "2024年各指标同比增速"


@pytest.mark.parametrize(
    "path",
    ["/-/charts/no_such", "/-/charts/no_such.svg", "/-/charts/gdp.share", "/-/charts/growth-rates-1999.png"],
)
async def test_unknown_chart_is_404(ds, path):
    await get(ds, path, status=404)


async def test_vega_bundle_is_served_from_this_host(ds):
    bundle = await get(ds, "/-/vega.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert "window.vegaEmbed" in bundle.text
    assert len(bundle.content) > 500_000


# A real server and a real browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db_path):
    """`zhibiao serve` as a real process on a free port of 127.0.0.1."""
    with ServerProcess(db_path) as process:
        yield process.base


def open_page(browser, url):
    """Load url; return the page, every URL it requested, and every console error, Vega warning or page error."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    # console errors, and Vega's warnings (a spec Vega-Lite had to guess about)
    page.on("console", lambda m: (m.type == "error" or m.text.startswith("WARN")) and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    # Every chart of the page drawn (or failed), not only the first: a page may have several.
    expect(page.locator(".zb-chart:not([data-drawn])")).to_have_count(0, timeout=30_000)
    return page, requests, errors


@pytest.mark.browser
def test_chart_page_draws_the_chart_from_this_host_only(server, browser, tmp_path):
    page, requests, errors = open_page(browser, f"{server}/-/charts/software_revenue")
    assert page.eval_on_selector_all(".zb-chart", "els => els.map(e => e.dataset.drawn)") == ["true", "true"]
    chart = page.locator(".zb-chart").first
    texts = chart.locator("svg text").all_text_contents()
    assert "软件和信息服务业营收（上海）" in texts
    assert "万亿元" in texts
    assert "目标 15000亿元" in texts
    assert "17297.53亿元（2025年1-11月）" in texts
    assert chart.locator("svg g.mark-symbol.role-mark path").count() == 4  # 2 actuals, 1 estimate, 1 target
    assert chart.locator("svg g.mark-rule path, svg g.mark-rule line").count() >= 1  # the target path

    # The tooltip of the target: its value as written, its period, source and evidence.
    tooltip = page.locator("#vg-tooltip-element")
    symbols = chart.locator("svg g.mark-symbol.role-mark path")
    for i in range(symbols.count()):
        box = symbols.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(200)
        if "目标值" in (tooltip.text_content() or ""):
            break
    assert tooltip.is_visible()
    text = tooltip.text_content()
    assert "15000亿元" in text
    assert "2025年" in text
    assert "超额完成“十四五”产业营收目标" in text
    assert "2025年度上海软件和信息服务业发展十件大事" in text

    page.screenshot(path=str(tmp_path / "chart-page.png"), full_page=True)
    hosts = {urlsplit(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(server).netloc}, f"requests to other hosts: {hosts}"
    assert errors == []


@pytest.mark.browser
def test_charts_index_leads_to_a_chart_with_a_panel_per_region(server, browser):
    page, requests, errors = open_page(browser, f"{server}/-/charts/targets-overview")
    texts = page.locator(".zb-chart svg text").all_text_contents()
    assert "目标进度" in texts
    assert "已完成" in texts
    page.goto(f"{server}/-/charts")
    page.click("text=地区生产总值")
    # Every chart of the page drawn (or failed), not only the first: a page may have several.
    expect(page.locator(".zb-chart:not([data-drawn])")).to_have_count(0, timeout=30_000)
    assert page.url == f"{server}/-/charts/gdp"
    texts = page.locator(".zb-chart").first.locator("svg text").all_text_contents()
    assert "上海" in texts
    assert "江苏" in texts
    assert "5.67万亿元" in texts
    hosts = {urlsplit(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(server).netloc}
    assert errors == []


# Every chart the README names answers, on the database `make serve` builds (issue 12).
README_CHARTS = ["gdp", "gdp.growth", "targets-overview", "growth-rates-2025", "growth-rates"]


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    from click.testing import CliRunner

    from indicators.cli import cli

    path = tmp_path_factory.mktemp("corpus-charts") / "zhibiao.db"
    assert CliRunner().invoke(cli, ["build", "--db", str(path)]).exit_code == 0
    with ServerProcess(path) as server:
        yield server.base


@pytest.mark.parametrize("name", README_CHARTS)
def test_every_chart_the_readme_names_answers(corpus_server, name):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"`{name}`" in readme or f"`/-/charts/{name}`" in readme
    for path in (f"/-/charts/{name}", f"/-/charts/{name}.vl.json"):
        assert httpx.get(corpus_server + path, timeout=60).status_code == 200, path
