"""How long browsers may keep what the site sends: a year for stylesheets and scripts at their
versioned URLs (indicators/assets.py), five minutes for everything drawn from the database, whose
URLs stay the same when `zhibiao add` replaces the file."""

from __future__ import annotations

import re
import shutil

import pytest
from site_samples import build_site_db, get

from indicators import assets, publish

LONG = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("cache") / "sample.db")


@pytest.fixture
def ds(db_path):
    return publish.make_datasette(db_path)


def versioned_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]+\?v=[0-9a-f]{12})"', html)


@pytest.mark.parametrize(("page", "expected"), [("/", 1), ("/-/charts/gdp", 4), ("/-/series/gdp/上海", 4)])
async def test_pages_load_their_styles_and_scripts_from_versioned_urls_kept_a_year(ds, page, expected):
    urls = versioned_urls((await get(ds, page)).text)
    assert len(urls) == expected, urls
    assert all(url.endswith(f"?v={assets.asset_version()}") for url in urls)
    for url in urls:
        response = await get(ds, url)
        assert response.headers["cache-control"] == LONG, url
        assert response.content


@pytest.mark.parametrize("url", ["/static/zhibiao.css", "/static/zhibiao.css?v=0123456789ab", "/-/charts.js"])
async def test_an_unversioned_or_stale_url_is_not_kept_a_year(ds, url):
    response = await get(ds, url)
    assert "immutable" not in response.headers.get("cache-control", "")


@pytest.mark.parametrize(
    "url",
    [
        "/zhibiao/facts",
        "/zhibiao/facts.json",
        "/zhibiao/new_documents.atom",
        "/zhibiao/new_facts.atom",
        "/-/charts/gdp.vl.json",
        "/-/series/gdp/上海.vl.json",
    ],
)
async def test_answers_from_the_database_are_kept_five_minutes(ds, url):
    # The URL stays when `zhibiao add` puts a new file in place: a browser sees it at most 5 min late.
    response = await get(ds, url)
    assert re.fullmatch(r"(public, )?max-age=300", response.headers["cache-control"])


def test_the_version_changes_with_the_files_it_covers(tmp_path, monkeypatch):
    site = tmp_path / "datasette"
    shutil.copytree(assets.SITE_DIR / "static", site / "static")
    (site / "plugins").mkdir()
    shutil.copy(assets.SITE_DIR / "plugins" / "charts_routes.py", site / "plugins")
    monkeypatch.setattr(assets, "SITE_DIR", site)
    assets.asset_version.cache_clear()
    try:
        before = assets.asset_version()
        assert before == assets.asset_version.__wrapped__()
        css = site / "static" / "zhibiao.css"
        css.write_text(css.read_text(encoding="utf-8") + "\nbody { color: #111; }\n", encoding="utf-8")
        assert assets.asset_version.__wrapped__() != before
    finally:
        assets.asset_version.cache_clear()
