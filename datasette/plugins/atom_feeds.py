"""What the Atom feeds need besides datasette-atom (which turns a canned query with atom_* columns
into /zhibiao/<query>.atom): SQL functions that write a fact the way the pages do (zb_value,
zb_period, zb_label, zb_row_path: indicators.display.register_sql_functions), and a valid empty
feed when a query has no rows."""

from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from datasette import Response, hookimpl
from indicators.display import register_sql_functions

DATABASE = "zhibiao"


@hookimpl
def prepare_connection(conn, database):
    if database == DATABASE:
        register_sql_functions(conn, DATABASE)


def empty_feed(request, title: str) -> Response:
    """A feed without entries: datasette-atom 0.9 fails (max() of no dates) when a query has no rows."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{escape(request.url)}</id><title>{escape(title)}</title><updated>{now}</updated>"
        f'<link href={quoteattr(request.url)} rel="self"/></feed>\n'
    )
    return Response(body, content_type="application/xml; charset=utf-8")


@hookimpl
def startup(datasette):
    """Wrap the .atom renderer (registered by datasette-atom when Datasette starts) for empty results."""
    if "atom" not in datasette.renderers:
        return
    render, can_render = datasette.renderers["atom"]

    # Datasette passes a renderer the arguments its signature names: the same as datasette-atom's.
    def render_or_empty(datasette, request, sql, columns, rows, database, table, query_name, view_name, data):
        if not rows:
            queries = (datasette.metadata("queries", database=DATABASE) or {}) if query_name else {}
            return empty_feed(request, (queries.get(query_name) or {}).get("title") or sql)
        return render(datasette, request, sql, columns, rows, database, table, query_name, view_name, data)

    datasette.renderers["atom"] = (render_or_empty, can_render)
