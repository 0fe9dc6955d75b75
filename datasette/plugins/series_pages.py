"""A page per series, as FRED gives one: /-/series/<indicator>/<entity> — definition, unit, frequency,
measure tabs, the chart, the observations with their facts and sources, last updated, a citation,
and the series as CSV, XLSX and JSON. /-/series/<indicator>?entity=上海&entity=江苏 compares
entities on one axis (a shareable address). Chart files: the same address + .vl.json, .svg, .png.
/-/embed/series/… is the chart alone with its source line, for an <iframe> on another site.

<indicator> is a catalogue id (gdp) or the phrase of an indicator outside the catalogue; segments
are percent-encoded (/-/series/gdp/%E4%B8%8A%E6%B5%B7 is /-/series/gdp/上海) and read from the raw
path, so a phrase with "/" or "." in it still has a page.
"""

from __future__ import annotations

import asyncio
import datetime
import json
from urllib.parse import quote, unquote, urlencode

from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound

from charts import compare, render, specs
from charts.display import KIND_LABELS, pick_scale
from datasette import Response, hookimpl
from indicators.assets import database_cache
from indicators.display import (
    MEASURE_NAMES,
    UNIT_NAMES,
    chart_footer,
    format_period,
    format_quantity,
    series_path,
)

DATABASE = "zhibiao"
PREFIX = "/-/series/"
EMBED_PREFIX = "/-/embed/series/"
FORMATS = ("vl.json", "svg", "png")
MAX_PUBLISHERS = 3


def series_url(
    datasette, key: str, entity: str | None = None, fmt: str | None = None, args: dict | None = None
) -> str:
    """/-/series/gdp/上海 (percent-encoded), with a file suffix and query arguments (a list repeats)."""
    path = series_path(key, entity)
    items = (args or {}).items()
    query = urlencode([(k, x) for k, v in items for x in (v if isinstance(v, list) else [v]) if x])
    return datasette.urls.path(path + ("." + fmt if fmt else "")) + ("?" + query if query else "")


def parse(request, prefix: str) -> tuple[str, str | None, str | None]:
    """(indicator, entity or None, file format or None) from the raw path after `prefix`."""
    raw = request.scope.get("raw_path") or quote(request.path).encode()
    rest = raw.decode("latin-1").split("?", 1)[0][len(prefix) :]
    fmt = next((f for f in FORMATS if rest.endswith("." + f)), None)
    if fmt:
        rest = rest[: -len(fmt) - 1]
    parts = [unquote(p) for p in rest.split("/")]
    if not parts[0] or len(parts) > 2 or (len(parts) == 2 and not parts[1]):
        raise NotFound("A series is /-/series/<indicator>/<entity>, e.g. /-/series/gdp/上海")
    return parts[0], (parts[1] if len(parts) == 2 else None), fmt


def _page_data(conn, key: str, entity: str | None, measure_asked: str | None, chosen_asked: list[str]):
    """Everything a series or comparison page shows, read in one go on Datasette's connection."""
    ind = compare.indicator(conn, key)
    if ind is None:
        raise NotFound(f'No indicator "{key}": see /-/charts or /zhibiao/indicators')
    measures = compare.measures(conn, key, entity)
    if not measures:
        raise NotFound(f'No series of "{key}" for "{entity}"')
    measure = measure_asked if measure_asked in measures else measures[0]
    entities = compare.entities(conn, key, measure)
    known = [e["entity"] for e in entities]
    if entity:
        chosen = [entity]
    else:
        chosen = [e for e in dict.fromkeys(chosen_asked) if e in known] or known[: compare.DEFAULT_ENTITIES]
    rows = compare.series_rows(conn, key, measure, chosen)
    paths = compare.target_paths(conn, key, measure, chosen) if ind["in_catalogue"] else []
    (as_of,) = conn.execute("select max(published) from documents").fetchone()
    return {
        "indicator": ind,
        "measures": measures,
        "measure": measure,
        "entities": entities,
        "chosen": chosen,
        "rows": rows,
        "paths": paths,
        "as_of": as_of,
    }


def _title(data: dict) -> str:
    name = data["indicator"]["name"]
    return (
        name
        if data["measure"] == "level"
        else f"{name} · {MEASURE_NAMES.get(data['measure'], data['measure'])}"
    )


def _chart(data: dict, entity: str | None):
    if entity:
        return specs.indicator_series(
            data["rows"], data["paths"], title=_title(data), measure=data["measure"]
        )
    return compare.compare_chart(data["rows"], data["paths"], title=_title(data), measure=data["measure"])


def _publishers(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(r["publisher"] for r in rows if r.get("publisher")))


def _footer(datasette, request, data: dict) -> str:
    metadata = datasette.metadata() or {}
    publishers = _publishers(data["rows"])
    source = "zhibiao 指标" + (
        " — " + "、".join(publishers[:MAX_PUBLISHERS]) + (" 等" if len(publishers) > MAX_PUBLISHERS else "")
        if publishers
        else ""
    )
    page = (
        request.url.split("?")[0].rsplit(".", 2)[0] if "." in request.path.rsplit("/", 1)[-1] else request.url
    )
    return chart_footer(source, metadata.get("license") or "", data["as_of"], page)


async def _data(datasette, request, key, entity):
    db = datasette.get_database(DATABASE)
    measure = request.args.get("measure")
    chosen = request.args.getlist("entity")
    return await db.execute_fn(lambda conn: _page_data(conn, key, entity, measure, chosen))


def _observations(datasette, rows: list[dict]) -> list[dict]:
    out = []
    for r in sorted(rows, key=lambda r: (r["period_end"] or "", r["kind"]), reverse=True):
        out.append(
            {
                **r,
                "kind_label": KIND_LABELS.get(r["kind"], r["kind"]),
                "period": format_period(r["period_start"], r["period_end"]),
                "value_display": format_quantity(r["value"], r["unit"]),
                "fact_url": datasette.urls.row(DATABASE, "facts", tilde_encode(str(r["fact_id"]))),
                "doc_url": datasette.urls.row(DATABASE, "documents", tilde_encode(str(r["doc"])))
                + "#f-"
                + str(r["fact_id"]),
                "source_url": r["url"] if (r.get("url") or "").startswith(("http://", "https://")) else None,
            }
        )
    return out


def _table_url(datasette, data: dict, fmt: str | None = None, **args) -> str:
    """The `series` table filtered to this series (or comparison): CSV, XLSX and JSON of it."""
    ind = data["indicator"]
    where = (
        {"indicator_id": ind["id"]}
        if ind["in_catalogue"]
        else {"indicator": ind["name"], "indicator_id__isnull": "1"}
    )
    if len(data["chosen"]) == 1:
        where["entity"] = data["chosen"][0]
    else:
        where["entity__in"] = json.dumps(data["chosen"], ensure_ascii=False)
    where["measure"] = data["measure"]
    path = datasette.urls.table(DATABASE, "series", format=fmt)
    return path + "?" + urlencode({**where, **args})


def _context(datasette, request, data: dict, key: str, entity: str | None) -> dict:
    rows = data["rows"]
    unit = compare.main_unit(rows)
    scale = pick_scale([r["value"] for r in rows if r["unit"] == unit], unit or "")
    chart_args = (
        {"measure": data["measure"]} if entity else {"measure": data["measure"], "entity": data["chosen"]}
    )
    page_url = series_url(datasette, key, entity, args=chart_args)
    base = request.url.split(request.path)[0] if request.path in request.url else ""
    ind = data["indicator"]
    publishers = _publishers(rows)
    today = datetime.date.today().isoformat()
    name = ind["name"] + (f"（{entity}）" if entity else "")
    citation = (
        f"{'、'.join(publishers[:MAX_PUBLISHERS]) + ('等' if len(publishers) > MAX_PUBLISHERS else '') or 'zhibiao'}. "
        f"{name}, {MEASURE_NAMES.get(data['measure'], data['measure'])}"
        f"{' [' + ind['id'] + ']' if ind['id'] else ''}. zhibiao 指标, {base}{page_url}."
    )
    return {
        "key": key,
        "entity": entity,
        "indicator": ind,
        "measure": data["measure"],
        "measure_name": MEASURE_NAMES.get(data["measure"], data["measure"]),
        "measure_tabs": [
            {
                "measure": m,
                "name": MEASURE_NAMES.get(m, m),
                "url": series_url(
                    datasette, key, entity, args={"measure": m, "entity": [] if entity else data["chosen"]}
                ),
            }
            for m in data["measures"]
        ],
        "entities": [
            {
                **e,
                "url": series_url(datasette, key, e["entity"], args={"measure": data["measure"]}),
                "checked": e["entity"] in data["chosen"],
            }
            for e in data["entities"]
        ],
        "chosen": data["chosen"],
        "unit": unit,
        "unit_name": UNIT_NAMES.get(unit or "", unit),
        "display_unit": scale.label,
        "frequency": compare.frequency(rows),
        "last_updated": max((r["last_reported"] or "" for r in rows), default=None),
        "as_of": data["as_of"],
        "observations": _observations(datasette, rows),
        "other_units": sorted({r["unit"] for r in rows if r["unit"] != unit}),
        "publishers": publishers,
        "page_url": page_url,
        "full_url": base + page_url,
        "citation": citation,
        "accessed": today,
        "chart": {fmt: series_url(datasette, key, entity, fmt, args=chart_args) for fmt in FORMATS},
        "embed_url": base + datasette.urls.path(EMBED_PREFIX + page_url[len(datasette.urls.path(PREFIX)) :]),
        "compare_url": series_url(
            datasette,
            key,
            args={
                "measure": data["measure"],
                "entity": list(dict.fromkeys([*data["chosen"], *(e["entity"] for e in data["entities"])]))[
                    : compare.DEFAULT_ENTITIES
                ],
            },
        ),
        "downloads": {
            "csv": _table_url(datasette, data, "csv", _stream="on", _dl="1"),
            "xlsx": _table_url(datasette, data, "xlsx"),
            "json": _table_url(datasette, data, "json", _shape="array"),
            "table": _table_url(datasette, data),
        },
        "facts_url": datasette.urls.table(DATABASE, "facts")
        + "?"
        + urlencode(
            {"indicator_id": ind["id"]}
            if ind["in_catalogue"]
            else {"indicator": ind["name"]} | ({"entity": entity} if entity else {})
        ),
        "chart_page": datasette.urls.path("/-/charts/" + quote(ind["id"], safe=""))
        if ind["in_catalogue"]
        else None,
        "database": DATABASE,
        "metadata": datasette.metadata() or {},
    }


async def series_page(datasette, request):
    key, entity, fmt = parse(request, datasette.urls.path(PREFIX))
    data = await _data(datasette, request, key, entity)
    if fmt:
        chart = _chart(data, entity)
        footer = _footer(datasette, request, data) if fmt != "vl.json" else None
        body = await asyncio.to_thread(render.render, chart, fmt, footer)
        return Response(body, content_type=render.MEDIA_TYPES[fmt], headers=database_cache(datasette))
    context = _context(datasette, request, data, key, entity)
    template = "series.html" if entity else "series_compare.html"
    return Response.html(await datasette.render_template(template, context, request=request))


async def embed_page(datasette, request):
    key, entity, _ = parse(request, datasette.urls.path(EMBED_PREFIX))
    data = await _data(datasette, request, key, entity)
    context = _context(datasette, request, data, key, entity)
    context["title"] = _title(data) + (f"（{entity}）" if entity else "")
    context["source"] = "、".join(context["publishers"][:MAX_PUBLISHERS]) or "zhibiao 指标"
    return Response.html(await datasette.render_template("embed.html", context, request=request))


@hookimpl
def register_routes():
    return [
        (r"^/-/series/.+$", series_page),
        (r"^/-/embed/series/.+$", embed_page),
    ]
