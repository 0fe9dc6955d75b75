"""How cells of the zhibiao database read in HTML: values in the unit the text used (5.67万亿元, with
the canonical value on hover), evidence with its number highlighted, fact and document ids as links.
JSON and CSV are untouched: they keep the canonical numbers and plain ids."""

from urllib.parse import quote

from datasette.utils import tilde_encode
from markupsafe import Markup

from datasette import hookimpl
from indicators.display import VOCABULARY, evidence_html, format_value, label, series_path, written_unit

DATABASE = "zhibiao"
# value column -> the column holding the same quantity as written (its unit gives the magnitude)
# value column -> the column with its qualifier (超/约/不超过 in front of the value)
QUALIFIER_COLUMNS = {
    "value": "qualifier",
    "target_value": "target_qualifier",
    "actual_value": "actual_qualifier",
}
VALUE_COLUMNS = {
    "value": "quantity_text",
    "target_value": "target_text",
    "actual_value": "actual_text",
    "baseline_value": None,
    "gap": "target_text",
}
FACT_LINK_COLUMNS = {"fact_id", "target_fact_id", "actual_fact_id"}
CHART_TABLES = {"series", "targets_vs_actuals", "revisions"}  # views; canned queries come as table None
EXCERPT_CHARS = 90  # of a document's text in the documents list
SERIES_LINK_TABLES = {"series", "targets_vs_actuals", "revisions", "facts"}


def cell(row, key):
    """row[key], or None when the row has no such column (a query that selected fewer)."""
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


def link(href: str, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DATABASE or value in (None, ""):
        return None
    if column in VALUE_COLUMNS and cell(row, "unit") is not None:
        written = VALUE_COLUMNS[column]
        unit_text = (column == "value" and cell(row, "unit_text")) or written_unit(cell(row, written or ""))
        qualifier = cell(row, QUALIFIER_COLUMNS.get(column, ""))
        return Markup('<span class="zb-value" title="{} {}">{}</span>').format(
            value, cell(row, "unit"), format_value(value, cell(row, "unit"), unit_text, qualifier)
        )
    if column in VOCABULARY and isinstance(value, str) and value in VOCABULARY[column]:
        word, code = label(column, value).split(" ", 1)
        return Markup('{} <span class="zb-code">{}</span>').format(word, code)
    if column == "evidence" and isinstance(value, str):
        return Markup('<span class="zb-evidence">{}</span>').format(
            evidence_html(
                value,
                cell(row, "evidence_start"),
                cell(row, "quantity_start"),
                cell(row, "quantity_end"),
                cell(row, "quantity_text"),
            )
        )
    if column == "entity" and (table in SERIES_LINK_TABLES or table is None) and cell(row, "measure"):
        # A series row (or a query row of one): its entity leads to the series page.
        key = cell(row, "indicator_id") or cell(row, "indicator")
        if key:
            measure = cell(row, "measure")
            href = datasette.urls.path(series_path(str(key), str(value)))
            return Markup('<a class="zb-series-link" href="{}" title="series page">{}</a>').format(
                href + ("?measure=" + quote(measure) if measure != "level" else ""), value
            )
    if table == "documents" and column == "title" and cell(row, "id"):
        return link(datasette.urls.row(DATABASE, "documents", tilde_encode(str(cell(row, "id")))), value)
    if table == "documents" and column == "text" and isinstance(value, str):
        # The list shows an excerpt; the document's page has the whole text.
        excerpt = " ".join(value[: EXCERPT_CHARS + 40].split())[:EXCERPT_CHARS]
        return Markup('<span class="zb-excerpt" lang="zh">{}{}</span>').format(
            excerpt, "…" if len(value) > len(excerpt) else ""
        )
    if column in FACT_LINK_COLUMNS:
        return link(datasette.urls.row(DATABASE, "facts", tilde_encode(str(value))), value)
    if column == "doc" and table != "facts":  # facts.doc is a foreign key: Datasette links it itself
        return link(datasette.urls.row(DATABASE, "documents", tilde_encode(str(value))), value)
    if column == "indicator_id" and (table in CHART_TABLES or table is None):
        chart = Markup(' <a class="zb-chart-link" href="{}" title="chart of {}">图表</a>').format(
            datasette.urls.path("/-/charts/" + quote(str(value), safe="")), value
        )
        return link(datasette.urls.row(DATABASE, "indicators", tilde_encode(str(value))), value) + chart
    return None
