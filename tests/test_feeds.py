"""Atom feeds of new documents and new facts (/zhibiao/new_documents.atom, /zhibiao/new_facts.atom):
read as a feed reader reads them — parsed as XML, entries in order, each link followed — through
Datasette's test client on the sample database, and on a real `zhibiao serve` while `zhibiao add`
puts a new document in place."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from db_samples import CATALOGUE, document, facts_of
from site_samples import HOSTILE, build_site_db, get

from indicators import publish
from indicators.build import build_database
from indicators.publish import ServerProcess

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ("/zhibiao/new_documents.atom", "/zhibiao/new_facts.atom")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ZHIBIAO = Path(sys.executable).parent / "zhibiao"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("feeds") / "sample.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


def entries(body: bytes | str) -> list[dict]:
    """The entries of an Atom document, as a reader sees them; fails unless it is an Atom feed."""
    feed = ET.fromstring(body.encode() if isinstance(body, str) else body)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    found = []
    for entry in feed.findall(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link")
        found.append(
            {
                "id": entry.findtext(f"{ATOM}id"),
                "title": entry.findtext(f"{ATOM}title"),
                "updated": entry.findtext(f"{ATOM}updated"),
                "content": entry.findtext(f"{ATOM}content") or "",
                "link": link.get("href") if link is not None else None,
            }
        )
    return found


def resolve(feed_url: str, link: str) -> str:
    """An entry's link as a reader resolves it: relative to the feed's URL (RFC 4287, xml:base)."""
    return urljoin(feed_url, link)


def path_of(url: str) -> str:
    return urlsplit(url).path


def rows_of(db_path, sql):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("feed", FEEDS)
async def test_feed_is_atom_with_chinese_titles_newest_first_and_links_that_open(ds, feed):
    response = await get(ds, feed)
    assert "xml" in response.headers["content-type"]
    found = entries(response.content)
    assert len(found) >= 5
    assert all(CHINESE.search(e["title"]) for e in found)
    assert len({e["id"] for e in found}) == len(found)
    dates = [e["updated"] for e in found]
    assert dates == sorted(dates, reverse=True)
    for entry in found[:5]:
        page = await get(ds, path_of(resolve("http://localhost" + feed, entry["link"])))
        assert "text/html" in page.headers["content-type"]


async def test_document_feed_lists_every_dated_document_with_publisher_and_fact_count(ds, db_path):
    found = entries((await get(ds, FEEDS[0])).content)
    dated = rows_of(
        db_path,
        """select d.title, d.publisher, d.published, (select count(*) from facts f where f.doc = d.id)
        from documents d where published is not null order by published desc""",
    )
    assert [e["title"] for e in found] == [title for title, *_ in dated]
    title, publisher, published, n_facts = dated[0]
    assert found[0]["updated"].startswith(published)
    assert found[0]["content"].startswith(f"{publisher} · {published} · {n_facts} 条事实")
    page = await get(ds, path_of(resolve("http://localhost" + FEEDS[0], found[0]["link"])))
    assert title in unescape(page.text)


async def test_fact_feed_gives_value_with_its_qualifier_period_entity_and_sentence(ds):
    found = entries((await get(ds, FEEDS[1])).content)
    # The sample's newest document: 上海新能源汽车推广量超36万辆 (a lower bound) in 2025.
    first = found[0]
    assert first["title"] == "新能源汽车推广量（上海，2025年底）：超36万辆 · 实际 actual"
    assert "上海新能源汽车推广量超36万辆" in first["content"]
    page = await get(ds, path_of(resolve("http://localhost" + FEEDS[1], first["link"])))
    assert "超36万" in page.text
    assert 'class="zb-series-link" href="/-/series/' in page.text  # on to the series page


async def test_text_from_documents_stays_text_in_the_feed(ds):
    # The hostile document's title is markup: the reader must get it as the characters written.
    found = entries((await get(ds, FEEDS[0])).content)
    assert HOSTILE.title in [e["title"] for e in found]
    body = (await get(ds, FEEDS[1])).text
    assert "<b>同比增长31%</b>" not in body
    assert "&lt;b&gt;同比增长31%&lt;/b&gt;" in body


async def test_home_page_announces_and_links_the_feeds(ds):
    html = (await get(ds, "/")).text
    for feed in FEEDS:
        assert re.search(
            rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="{feed}">', html
        )
        assert re.search(rf'<a href="{feed}">new (documents|facts)', html)
        assert entries((await get(ds, feed)).content)


async def test_a_site_with_no_dated_document_has_an_empty_feed_not_an_error(tmp_path):
    undated = document("undated_1", None, "上海规上工业总产值增长5%。")
    build_database(tmp_path / "undated.db", [undated], facts_of, CATALOGUE, "test")
    ds = publish.make_datasette(tmp_path / "undated.db")
    for feed in FEEDS:
        response = await get(ds, feed)
        assert entries(response.content) == []


# A real server while `zhibiao add` puts a new file in place --------------------------------------


@pytest.fixture
def server(tmp_path, db_path):
    path = tmp_path / "zhibiao.db"
    path.write_bytes(db_path.read_bytes())
    server = ServerProcess(path, tmp_path / "serve.log")
    yield server
    server.stop()


def test_a_document_added_while_serving_tops_both_feeds(server, tmp_path):
    before = entries(httpx.get(server.base + FEEDS[0]).content)
    new = tmp_path / "new_ships.txt"
    new.write_text("2026年3月2日\n2025年上海船舶交付量120艘，同比增长12%。", encoding="utf-8")
    result = subprocess.run(
        [str(ZHIBIAO), "add", str(new), "--db", str(server.db_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

    documents = entries(httpx.get(server.base + FEEDS[0]).content)
    assert len(documents) == len(before) + 1
    top = documents[0]
    assert top["id"] not in {e["id"] for e in before}
    assert top["updated"].startswith("2026-03-02")
    new_facts = rows_of(
        server.db_path,
        "select f.id from facts f join documents d on d.id = f.doc where d.source like '%new_ships.txt'",
    )
    assert new_facts
    assert f"{len(new_facts)} 条事实" in top["content"]
    page = httpx.get(resolve(server.base + FEEDS[0], top["link"]))
    assert page.status_code == 200
    assert "船舶交付量" in page.text

    facts = entries(httpx.get(server.base + FEEDS[1]).content)
    assert {e["id"] for e in facts[: len(new_facts)]} == {
        f"urn:zhibiao:fact:{fact_id}" for (fact_id,) in new_facts
    }
    assert any("船舶交付量" in e["title"] and "：120艘" in e["title"] for e in facts[: len(new_facts)])
    assert httpx.get(resolve(server.base + FEEDS[1], facts[0]["link"])).status_code == 200
