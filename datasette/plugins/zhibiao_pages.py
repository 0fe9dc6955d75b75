"""The pages people read: the home page (indicators with their latest value), a fact's page (its
evidence with the number highlighted, its document and source) and a document's page (its text with
every extracted number marked and linked to its fact). Data for the templates index.html,
row-zhibiao-facts.html and row-zhibiao-documents.html; all text is escaped by Jinja or markupsafe."""

import weakref
from collections import defaultdict
from urllib.parse import quote, urlencode

from datasette.utils import tilde_encode, urlsafe_components

from datasette import hookimpl
from indicators.assets import asset_version
from indicators.display import (
    KIND_NAMES,
    MEASURE_NAMES,
    QUALIFIER_NAMES,
    Span,
    evidence_html,
    format_period,
    format_quantity,
    format_value,
    grouped,
    label,
    mark_spans,
    series_path,
    written_unit,
)

DATABASE = "zhibiao"
CSS_URL = "/static/zhibiao.css"
CONTEXT_CHARS = 160  # text shown around a fact's evidence on its page
LATEST_PER_INDICATOR = 3  # latest values listed per indicator on the home page
MEASURE_ORDER = {"level": 0, "growth": 1, "share": 2, "pp_change": 3, "multiple": 4}

# The home page's summary is computed once per Datasette instance and database file.
_home_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_fact_counts: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # documents list: facts per document


def table_url(datasette, table: str, **args) -> str:
    url = datasette.urls.table(DATABASE, table)
    return url + ("?" + urlencode(args) if args else "")


def row_url(datasette, table: str, pk) -> str:
    return datasette.urls.row(DATABASE, table, tilde_encode(str(pk)))


def chart_url(datasette, indicator_id: str | None = None) -> str:
    return datasette.urls.path("/-/charts" + ("/" + quote(indicator_id, safe="") if indicator_id else ""))


async def home_data(datasette) -> dict:
    """Counts, and per catalogue indicator: its facts, targets and latest actual values."""
    db = datasette.get_database(DATABASE)
    counts = (
        await db.execute(
            """select (select count(*) from documents) as documents, (select count(*) from facts) as facts,
              (select count(*) from facts where kind = 'target') as targets,
              (select count(*) from facts where indicator_id is null) as uncatalogued,
              (select max(published) from documents) as last_published"""
        )
    ).first()
    indicators = [
        dict(r)
        for r in await db.execute(
            """select i.id, i.name, i.name_en, i.category, i.unit, i.tier, count(*) as n_facts,
              sum(f.kind = 'target') as n_targets
            from indicators i join facts f on f.indicator_id = i.id
            group by i.id
            order by i.tier = 'core' desc, i.rowid"""  # core first, then in catalogue order
        )
    ]
    latest_sql = (await datasette.get_canned_query(DATABASE, "latest_values", None))["sql"]
    latest: dict[str, list[dict]] = defaultdict(list)
    for r in await db.execute(latest_sql):
        if r["indicator_id"]:
            latest[r["indicator_id"]].append(dict(r))
    for ind in indicators:
        # Amounts before rates, then the newest period, then the most reported.
        rows = sorted(latest.get(ind["id"], []), key=lambda r: -(r["n_reports"] or 0))
        rows.sort(key=lambda r: r["period_end"] or "", reverse=True)
        rows.sort(key=lambda r: MEASURE_ORDER.get(r["measure"], 9))
        ind["n_latest"] = len(rows)
        ind["latest"] = [
            {
                "value": format_value(
                    r["value"], r["unit"], written_unit(r["quantity_text"]), r["qualifier"]
                ),
                "entity": r["entity"],
                "period": format_period(r["period_start"], r["period_end"]),
                "measure": MEASURE_NAMES.get(r["measure"], r["measure"]),
                "fact_url": row_url(datasette, "facts", r["fact_id"]),
                "series_url": datasette.urls.path(series_path(ind["id"], r["entity"]))
                + (f"?measure={r['measure']}" if r["measure"] != "level" else ""),
            }
            for r in rows[:LATEST_PER_INDICATOR]
        ]
        ind["series_url"] = datasette.urls.path(series_path(ind["id"]))  # its entities compared
        ind["series_table_url"] = table_url(datasette, "series", indicator_id=ind["id"])
        ind["facts_url"] = table_url(datasette, "facts", indicator_id=ind["id"])
        ind["chart_url"] = chart_url(datasette, ind["id"])
    status = {
        label("status", r["status"]): r["n"]
        for r in await db.execute("select status, count(*) as n from targets_vs_actuals group by status")
    }
    return {
        "counts": dict(counts),
        "indicators": indicators,
        "status": status,
        "links": {
            "facts": table_url(datasette, "facts"),
            "series": table_url(datasette, "series"),
            "targets": table_url(datasette, "targets_vs_actuals"),
            "revisions": table_url(datasette, "revisions"),
            "documents": table_url(datasette, "documents"),
            "indicators": table_url(datasette, "indicators"),
            "latest": datasette.urls.path(f"/{DATABASE}/latest_values"),
            "search": datasette.urls.path(f"/{DATABASE}/search_evidence"),
            # Atom feeds (canned queries rendered by datasette-atom; datasette/plugins/atom_feeds.py)
            "new_documents": datasette.urls.path(f"/{DATABASE}/new_documents"),
            "new_facts": datasette.urls.path(f"/{DATABASE}/new_facts"),
            "uncatalogued": table_url(datasette, "facts", indicator_id__isnull="1"),
            "charts": chart_url(datasette),
            "database": datasette.urls.database(DATABASE),
        },
    }


async def fact_data(datasette, fact_id: str) -> dict | None:
    """One fact with its document, indicator, evidence in context and the other reports of its point."""
    db = datasette.get_database(DATABASE)
    row = (
        await db.execute(
            """select f.*, d.title as doc_title, d.url as source_url, d.source as doc_source,
              d.publisher as doc_publisher, d.published as doc_published,
              substr(d.text, max(f.evidence_start - :n, 0) + 1, min(f.evidence_start, :n)) as before,
              substr(d.text, f.evidence_end + 1, :n) as after,
              i.name as indicator_name, i.name_en as indicator_name_en
            from facts f join documents d on d.id = f.doc
            left join indicators i on i.id = f.indicator_id
            where f.id = :id""",
            {"id": fact_id, "n": CONTEXT_CHARS},
        )
    ).first()
    if row is None:
        return None
    fact = dict(row)
    others = await db.execute(
        """select f.id, f.value, f.unit, f.unit_text, f.quantity_text, f.published, d.title
        from facts f join documents d on d.id = f.doc
        where f.id != :id and f.indicator is :indicator and f.indicator_id is :indicator_id
          and f.entity is :entity and f.kind = :kind and f.measure = :measure
          and f.period_end is :period_end
        order by f.published desc limit 20""",
        {k: fact[k] for k in ("id", "indicator", "indicator_id", "entity", "kind", "measure", "period_end")},
    )
    series_args = (
        {"indicator_id": fact["indicator_id"]} if fact["indicator_id"] else {"indicator": fact["indicator"]}
    )
    if fact["entity"]:
        series_args["entity"] = fact["entity"]
    return {
        **fact,
        "value_display": format_value(fact["value"], fact["unit"], fact["unit_text"], fact["qualifier"]),
        "value_grouped": grouped(fact["value"]),
        "period": format_period(fact["period_start"], fact["period_end"]),
        "kind_name": KIND_NAMES.get(fact["kind"], fact["kind"]),
        "measure_name": MEASURE_NAMES.get(fact["measure"], fact["measure"]),
        "qualifier_name": QUALIFIER_NAMES.get(fact["qualifier"], fact["qualifier"]),
        "evidence_html": evidence_html(
            fact["evidence"],
            fact["evidence_start"],
            fact["quantity_start"],
            fact["quantity_end"],
            fact["quantity_text"],
        ),
        "doc_url": row_url(datasette, "documents", fact["doc"]) + "#f-" + fact["id"],
        "indicator_url": row_url(datasette, "indicators", fact["indicator_id"])
        if fact["indicator_id"]
        else None,
        "series_url": datasette.urls.path(
            series_path(fact["indicator_id"] or fact["indicator"], fact["entity"] or None)
        )
        + (f"?measure={fact['measure']}" if fact["measure"] != "level" else ""),
        "series_table_url": table_url(datasette, "series", **series_args),
        "facts_url": table_url(datasette, "facts", **series_args),
        "chart_url": chart_url(datasette, fact["indicator_id"]) if fact["indicator_id"] else None,
        "others": [
            {
                "url": row_url(datasette, "facts", o["id"]),
                "value": format_quantity(o["value"], o["unit"], o["unit_text"]),
                "quantity_text": o["quantity_text"],
                "published": o["published"],
                "title": o["title"],
            }
            for o in others
        ],
    }


async def document_data(datasette, doc_id: str) -> dict | None:
    """One document with its text escaped and every extracted number marked and linked to its fact."""
    db = datasette.get_database(DATABASE)
    doc = (await db.execute("select * from documents where id = :id", {"id": doc_id})).first()
    if doc is None:
        return None
    facts = list(
        await db.execute(
            """select id, indicator, entity, period_start, period_end, kind, measure, value, unit,
              unit_text, quantity_start, quantity_end
            from facts where doc = :id order by quantity_start""",
            {"id": doc_id},
        )
    )
    spans = [
        Span(
            f["quantity_start"],
            f["quantity_end"],
            row_url(datasette, "facts", f["id"]),
            " · ".join(
                x
                for x in (
                    f["indicator"],
                    f["entity"],
                    format_period(f["period_start"], f["period_end"]),
                    KIND_NAMES.get(f["kind"], f["kind"]),
                    format_quantity(f["value"], f["unit"], f["unit_text"]),
                )
                if x
            ),
            anchor="f-" + f["id"],
        )
        for f in facts
        if f["quantity_start"] is not None and f["quantity_end"] is not None
    ]
    text = doc["text"] or ""
    return {
        **dict(doc),
        "text_html": mark_spans(text, spans),
        "n_facts": len(facts),
        "n_marked": len(spans),
        "facts_url": table_url(datasette, "facts", doc=doc_id),
    }


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if DATABASE not in datasette.databases:
        return None
    if view_name == "index":

        async def home():
            # Computed once per database file: `zhibiao add` renames a new one into place.
            version = datasette.get_database(DATABASE).hash
            if _home_cache.get(datasette, (None,))[0] != version:
                _home_cache[datasette] = (version, await home_data(datasette))
            return {"zb": _home_cache[datasette][1]}

        return home
    if view_name == "table" and database == DATABASE and table == "documents":

        async def counts():
            if datasette not in _fact_counts:
                db = datasette.get_database(DATABASE)
                rows = await db.execute("select doc, count(*) as n from facts group by doc")
                _fact_counts[datasette] = {r["doc"]: r["n"] for r in rows}
            return {"zb_fact_counts": _fact_counts[datasette]}

        return counts
    if view_name == "row" and database == DATABASE and table in ("facts", "documents"):
        pk = urlsafe_components(request.url_vars["pks"])[0]

        async def row():
            if table == "facts":
                return {"zb_fact": await fact_data(datasette, pk)}
            return {"zb_doc": await document_data(datasette, pk)}

        return row
    return None


@hookimpl
def extra_css_urls(datasette):
    if DATABASE in datasette.databases:
        return [f"{CSS_URL}?v={asset_version()}"]  # kept a year (indicators/assets.py)
    return None
