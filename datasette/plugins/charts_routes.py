"""Charts in the site: /-/charts (the list), /-/charts/NAME (an interactive chart with the rows it
draws), /-/charts/NAME.vl.json|.svg|.png (files for dashboards and reports), and the Vega bundle
the pages load from this host (/-/vega.js), so nothing comes from a CDN.

NAME is a chart name of charts.collect: gdp, gdp.growth, targets-overview, growth-rates.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict

from datasette.utils.asgi import NotFound

from charts import collect, queries, render
from charts.display import KIND_LABELS, MEASURE_LABELS, STATUS_LABELS, period_label
from datasette import Response, hookimpl
from indicators.assets import database_cache
from indicators.display import chart_footer, series_path

DATABASE = "zhibiao"
FILE_FORMATS = ("vl.json", "svg", "png")
CACHE = {"cache-control": "public, max-age=3600"}  # scripts and styles (a year at ?v=: asset_urls.py)
CACHED_FILES = 256  # rendered chart files kept in memory (a PNG is 50-350 kB)
_files: OrderedDict[tuple, bytes] = OrderedDict()

# Draws every element with data-vl-spec; errors are shown in the element, not only in the console.
# `ast: true` makes Vega interpret expressions instead of compiling them with Function().
EMBED_JS = """
document.querySelectorAll("[data-vl-spec]").forEach(async (el) => {
  try {
    const response = await fetch(el.dataset.vlSpec);
    if (!response.ok) throw new Error(response.status + " " + response.statusText);
    const result = await vegaEmbed(el, await response.json(), {
      actions: false, renderer: "svg", ast: true, defaultStyle: false,
    });
    el.dataset.drawn = "true";
    el.chartView = result.view;
  } catch (error) {
    el.textContent = "图表加载失败 (chart failed to load): " + error;
    el.dataset.drawn = "error";
  }
});
"""

CHARTS_CSS = """
.zb-chart { margin: 1em 0 0.5em; min-height: 120px; overflow-x: auto; }
.zb-chart[data-drawn="error"] { color: #b00020; }
.zb-files a { margin-right: 0.8em; }
.zb-chart-table td.zb-evidence { max-width: 36em; }
#vg-tooltip-element { background: #fff; border: 1px solid #bbb; padding: 6px 8px; font-size: 12px;
  max-width: 32em; box-shadow: 0 2px 6px rgba(0,0,0,.15); position: fixed; z-index: 1000; }
#vg-tooltip-element.visible { display: block; } #vg-tooltip-element:not(.visible) { display: none; }
#vg-tooltip-element td.key { color: #666; padding-right: 6px; vertical-align: top; }
"""


def _database(datasette):
    config = datasette.plugin_config("charts_routes") or {}
    name = config.get("database", DATABASE)
    try:
        return datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database {name} not found") from None


async def charts_index(datasette, request):
    db = _database(datasette)
    refs = await db.execute_fn(collect.available)
    indicators = await db.execute_fn(queries.indicators)
    by_id = {}
    for ref in refs:
        if ref.indicator_id:
            by_id.setdefault(ref.indicator_id, []).append(ref)
    return Response.html(
        await datasette.render_template(
            "charts_index.html",
            {
                "indicators": [dict(i, charts=by_id.get(i["id"], [])) for i in indicators],
                "overviews": [r for r in refs if not r.indicator_id],
                "database": db.name,
                "measure_names": MEASURE_LABELS,
            },
            request=request,
        )
    )


def _page(conn, name: str) -> dict:
    """The charts a page shows, each with the rows it draws as a table."""
    refs = collect.available(conn)
    if name == collect.GROWTH:  # growth-rates: the year with the most rates, as the file of that name
        name = f"{collect.GROWTH}-{collect.busiest_year(conn)}"
    # An indicator's page shows every measure of it; gdp.growth or an overview shows that one chart.
    shown = [r for r in refs if r.indicator_id == name] or [r for r in refs if r.name == name]
    if not shown:
        raise NotFound(f"No chart called {name}")
    sections = []
    for ref in shown:
        if ref.indicator_id:
            rows, _ = queries.series(conn, ref.indicator_id, ref.measure)
            table = {
                "columns": ["主体", "时间", "类型", "原文数值", "来源", "原文"],
                "rows": [
                    {
                        "cells": [
                            r["entity"],
                            period_label(r["period_start"], r["period_end"]),
                            KIND_LABELS.get(r["kind"], r["kind"]),
                            r["quantity_text"],
                            r["title"],
                            r["evidence"],
                        ],
                        "fact_id": r["fact_id"],
                        "series_url": series_path(ref.indicator_id, r["entity"])
                        + (f"?measure={ref.measure}" if ref.measure != "level" else ""),
                    }
                    for r in rows
                ],
            }
        elif ref.name == collect.TARGETS:
            table = {
                "columns": ["指标", "主体", "目标期", "目标", "实际值", "进度 %", "状态"],
                "rows": [
                    {
                        "cells": [
                            r["indicator"],
                            r["entity"],
                            period_label(r["target_period_start"], r["target_period_end"]),
                            r["target_text"],
                            r["actual_text"],
                            r["progress_pct"],
                            STATUS_LABELS.get(r["status"], r["status"]),
                        ],
                        "fact_id": r["target_fact_id"],
                    }
                    for r in queries.targets(conn)
                ],
            }
        else:
            year = ref.name[len(collect.GROWTH) + 1 :] or collect.busiest_year(conn)
            table = {
                "columns": ["指标", "主体", "时间", "原文数值", "来源"],
                "rows": [
                    {
                        "cells": [
                            r["name"],
                            r["entity"],
                            period_label(r["period_start"], r["period_end"]),
                            r["quantity_text"],
                            r["title"],
                        ],
                        "fact_id": None,
                    }
                    for r in queries.growth(conn, year)
                ],
            }
        sections.append({"ref": ref, "table": table})
    return {"sections": sections}


def _as_of(conn) -> str | None:
    return conn.execute("select max(published) from documents").fetchone()[0]


def _page_url(request, name: str) -> str:
    """The chart's page on this site, in full (for the line under an image and the embed snippet)."""
    base = request.url.split(request.path)[0] if request.path in request.url else ""
    return base + "/-/charts/" + name


async def chart_page(datasette, request):
    name = request.url_vars["name"]
    db = _database(datasette)
    context = await db.execute_fn(lambda conn: _page(conn, name))
    embed = _page_url(request, name).replace("/-/charts/", "/-/embed/charts/", 1)
    return Response.html(
        await datasette.render_template(
            "chart.html",
            dict(
                context,
                name=name,
                database=db.name,
                formats=FILE_FORMATS,
                metadata=datasette.metadata() or {},  # the page footer: source and licence
                embed_url=embed,
            ),
            request=request,
        )
    )


async def chart_embed(datasette, request):
    """The chart alone with its source line, for an <iframe> on another site (templates/embed.html)."""
    name = request.url_vars["name"]
    db = _database(datasette)
    context = await db.execute_fn(lambda conn: _page(conn, name))
    as_of = await db.execute_fn(_as_of)
    ref = context["sections"][0]["ref"]
    return Response.html(
        await datasette.render_template(
            "embed.html",
            {
                "title": ref.title,
                "chart": {"vl.json": datasette.urls.path(f"/-/charts/{ref.name}.vl.json")},
                "source": (datasette.metadata() or {}).get("source", "zhibiao 指标"),
                "as_of": as_of,
                "full_url": _page_url(request, name),
                "metadata": datasette.metadata() or {},
            },
            request=request,
        )
    )


async def chart_file(datasette, request):
    name, fmt = request.url_vars["name"], request.url_vars["fmt"]
    db = _database(datasette)
    # The database is served immutable: a chart file, once drawn, stays right until the file is
    # replaced (`zhibiao add`), which changes its hash.
    key = (db.name, db.hash, name, fmt)
    if key in _files:
        _files.move_to_end(key)
        return Response(_files[key], content_type=render.MEDIA_TYPES[fmt], headers=database_cache(datasette))

    def build(conn):
        try:
            return collect.build(conn, name)
        except collect.UnknownChart as error:
            raise NotFound(str(error)) from None

    chart = await db.execute_fn(build)
    metadata = datasette.metadata() or {}
    footer = chart_footer(
        "zhibiao 指标 — " + (metadata.get("source") or ""),
        metadata.get("license") or "",
        await db.execute_fn(_as_of),
        _page_url(request, name),
    )
    body = await asyncio.to_thread(render.render, chart, fmt, footer)
    if db.is_mutable is False:
        _files[key] = body
        while len(_files) > CACHED_FILES:
            _files.popitem(last=False)
    return Response(body, content_type=render.MEDIA_TYPES[fmt], headers=database_cache(datasette))


async def vega_bundle(request):
    body = await asyncio.to_thread(render.vega_bundle)
    return Response(body, content_type="text/javascript; charset=utf-8", headers=CACHE)


async def embed_script(request):
    return Response(EMBED_JS, content_type="text/javascript; charset=utf-8", headers=CACHE)


async def charts_css(request):
    return Response(CHARTS_CSS, content_type="text/css; charset=utf-8", headers=CACHE)


@hookimpl
def startup(datasette):
    # vl-convert takes seconds to bundle Vega: start now, beside the server, not on the first visit.
    threading.Thread(target=render.vega_bundle, name="vega-bundle", daemon=True).start()


@hookimpl
def register_routes():
    return [
        (r"^/-/charts$", charts_index),
        (r"^/-/vega\.js$", vega_bundle),
        (r"^/-/charts\.js$", embed_script),
        (r"^/-/charts\.css$", charts_css),
        (r"^/-/charts/(?P<name>[^/]+?)\.(?P<fmt>vl\.json|svg|png)$", chart_file),
        (r"^/-/charts/(?P<name>[^/]+)$", chart_page),
        (r"^/-/embed/charts/(?P<name>[^/]+)$", chart_embed),
    ]
