"""The site in a real browser: `zhibiao serve` as a real process on 127.0.0.1, driven by Debian's
headless Chromium through Playwright. The corpus server starts with no database, so it also builds
one from the bundled corpus. Screenshots go to tests/artifacts/ (git-ignored) for a person to look at."""

from __future__ import annotations

import pytest
from site_samples import HOSTILE, build_site_db
from site_server import Server, Visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus-site")
    db_path = tmp / "zhibiao.db"
    assert not db_path.exists()
    server = Server(db_path, tmp / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sample-site")
    server = Server(build_site_db(tmp / "sample.db"), tmp / "serve.log")
    yield server
    server.stop()


@pytest.fixture
def visit(browser):
    v = Visit(browser)
    yield v
    v.close()


def test_home_page_leads_from_indicators_to_their_facts(corpus_server, visit):
    page = visit.goto(corpus_server.base + "/")
    assert page.locator("h1").inner_text() == "zhibiao 指标"
    rows = page.locator("table.zb-indicators tbody tr")
    names = {
        n
        for (n,) in corpus_server.query(
            "select i.name from indicators i join facts f on f.indicator_id = i.id"
        )
    }
    assert rows.count() == len(names)
    first_name = rows.first.locator("td").first.locator("a").inner_text()
    assert first_name in names
    latest = page.locator("a.zb-latest-value").first
    assert latest.is_visible()
    value = latest.inner_text()
    assert any(ch.isdigit() for ch in value)
    assert page.locator('a[href="/-/charts"]').count() >= 1
    visit.screenshot("home.png")
    latest.click()
    page.wait_for_load_state()
    assert "/zhibiao/facts/" in page.url
    assert page.locator("span.zb-big").inner_text() == value


def test_facts_table_with_a_facet_applied(corpus_server, visit):
    page = visit.goto(corpus_server.base + "/zhibiao/facts")
    assert page.locator(".facet-info").count() == 5  # indicator, entity, kind, measure, period_end
    page.locator('.facet-info[data-column="kind"] a', has_text="target").first.click()
    page.wait_for_load_state()
    assert "kind=target" in page.url
    (n_targets,) = corpus_server.query("select count(*) from facts where kind = 'target'")[0]
    assert f"{n_targets:,} row" in page.locator("h3").first.inner_text()
    kinds = set(page.locator("td.col-kind").all_inner_texts())
    assert kinds == {"目标 target"}  # the site's vocabulary: Chinese, the code beside it
    # Evidence in the table: Chinese text with its number highlighted.
    marks = page.locator("td.col-evidence mark.zb-q")
    assert marks.count() > 0
    assert page.locator("td.col-evidence").first.inner_text().strip()
    visit.screenshot("facts-facet-kind-target.png")


@pytest.fixture(scope="module")
def gdp_fact(corpus_server):
    """A catalogue fact whose document has a source URL: what a user would click through."""
    rows = corpus_server.query(
        """select f.id, f.quantity_text, f.evidence, f.doc, d.url, d.title from facts f
        join documents d on d.id = f.doc
        where f.indicator_id is not null and d.url like 'http%'
        order by f.indicator_id = 'gdp' desc, f.published desc, f.id limit 1"""
    )
    assert rows, "the corpus build gave no catalogue fact with a source URL"
    return rows[0]


def test_fact_page_shows_evidence_with_the_number_highlighted(corpus_server, visit, gdp_fact):
    fid, quantity, evidence, doc, url, title = gdp_fact
    page = visit.goto(f"{corpus_server.base}/zhibiao/facts/{fid}")
    quote = page.locator("blockquote.zb-evidence")
    assert quote.inner_text() == evidence
    assert quote.locator("mark.zb-q").inner_text() == quantity
    background = quote.locator("mark.zb-q").evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("a.zb-source").get_attribute("href") == url
    doc_link = page.locator("dl.zb-fields a", has_text=title or doc).first
    assert doc_link.get_attribute("href") == f"/zhibiao/documents/{doc}#f-{fid}"
    visit.screenshot("fact.png")
    doc_link.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/zhibiao/documents/{doc}#f-{fid}")
    target = page.locator(f"#f-{fid} mark")
    assert target.inner_text() == quantity
    assert target.is_visible()


def test_document_page_marks_every_number_and_links_it(corpus_server, visit, gdp_fact):
    fid, quantity, evidence, doc, url, title = gdp_fact
    page = visit.goto(f"{corpus_server.base}/zhibiao/documents/{doc}")
    spans = corpus_server.query(
        "select distinct quantity_start, quantity_end from facts where doc = ? and quantity_start is not null",
        [doc],
    )
    marks = page.locator(".zb-doc-text a.zb-fact mark.zb-q")
    assert marks.count() == len({s for s in spans})
    text = page.locator(".zb-doc-text").inner_text()
    (doc_text,) = corpus_server.query("select text from documents where id = ?", [doc])[0]
    assert text.replace("\n", "")[:200] == doc_text.replace("\n", "")[:200]  # Chinese text intact
    assert page.locator("a.zb-source").get_attribute("href") == url
    visit.screenshot("document.png")
    page.locator(f"#f-{fid}").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/zhibiao/facts/{fid}")
    assert page.locator("blockquote.zb-evidence mark.zb-q").inner_text() == quantity


def test_hostile_document_is_shown_as_text(sample_server, visit):
    page = visit.goto(f"{sample_server.base}/zhibiao/documents/{HOSTILE.id}")
    assert page.locator("h1").inner_text() == HOSTILE.title
    text = page.locator(".zb-doc-text").inner_text()
    assert text == HOSTILE.text  # the markup is visible as characters
    assert page.locator(".zb-doc-text script, .zb-doc-text img, .zb-doc-text b").count() == 0
    assert page.locator(".zb-doc-text mark.zb-q").all_inner_texts() == ["超36万辆", "31%"]
    assert page.locator("a.zb-source").count() == 0  # javascript: is not a link
    visit.screenshot("document-hostile.png")
    # visit.close() asserts that no dialog opened: alert() never ran


def test_latest_values_and_targets_pages(corpus_server, visit):
    page = visit.goto(corpus_server.base + "/zhibiao/latest_values")
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert page.locator("td.col-value .zb-value").count() > 0
    visit.screenshot("latest-values.png")
    page = visit.goto(corpus_server.base + "/zhibiao/targets_vs_actuals")
    assert page.locator(".facet-info").count() == 3
    visit.screenshot("targets-vs-actuals.png")
