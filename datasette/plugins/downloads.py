"""Whole downloads: every table, view, canned query and series as .xlsx (typed cells, via
indicators.spreadsheet), and a visible CSV link that streams every row.

- `.xlsx` of a table or view holds all its rows under the page's filters, search and sort: the
  rows are read page after page through the site's own JSON (`_size=max`, following `next`), so an
  XLSX has what the CSV stream has. A canned query has no pages: its XLSX holds what the query
  returns (at most max_returned_rows) and says so on its "about" sheet when that was not all.
- The "CSV" link of a table page is `_stream=on`: all rows, not the first page (Datasette's default
  link stops at max_returned_rows and says nothing). On a query page that was cut, the templates
  say so (`zb_downloads`).
"""

from __future__ import annotations

import datetime
from urllib.parse import parse_qsl, urlencode

from datasette import Response, hookimpl
from indicators import spreadsheet

DATABASE = "zhibiao"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Arguments of the page that do not change which rows there are.
PAGE_ARGS = ("_next", "_size", "_shape", "_labels", "_nofacet", "_nocount", "_facet", "_dl", "_stream")


async def table_rows(datasette, database: str, table: str, request):
    """(columns, every row) of a table under the request's filters, read through the JSON API."""
    args = [
        (k, v)
        for k, v in parse_qsl(request.query_string, keep_blank_values=True)
        if k not in PAGE_ARGS and not k.startswith("_facet")
    ]
    path = datasette.urls.table(database, table, format="json")
    columns: list[str] = []
    rows: list[list] = []
    query = urlencode([*args, ("_size", "max"), ("_nofacet", "1"), ("_nocount", "1")])
    while True:
        response = await datasette.client.get(f"{path}?{query}")
        if response.status_code != 200:
            return None, response
        page = response.json()
        columns = page["columns"]
        rows += page["rows"]
        if not page.get("next"):
            return columns, rows
        query = urlencode(
            [*args, ("_size", "max"), ("_nofacet", "1"), ("_nocount", "1"), ("_next", page["next"])]
        )


def about_lines(datasette, request, what: str, n_rows: int, cut: bool) -> list[tuple[str, str]]:
    metadata = datasette.metadata() or {}
    url = request.url.replace(".xlsx", "", 1)
    lines = [
        ("Data 数据", what),
        (
            "Rows 行数",
            f"{n_rows:,}" + (" (the first rows only: the query returns at most this many)" if cut else ""),
        ),
        ("Address 网址", url),
        ("Downloaded 下载时间", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Source 来源", metadata.get("source") or ""),
        ("Licence 许可", metadata.get("license") or ""),
        (
            "Values 数值",
            "value columns are in the canonical unit of `unit`; quantity_text is the number as written",
        ),
    ]
    return lines


async def render_xlsx(datasette, request, database, table, query_name, columns, rows, data):
    if database != DATABASE:
        return None
    cut = False
    if table and not query_name:
        columns, all_rows = await table_rows(datasette, database, table, request)
        if columns is None:  # the JSON said why: pass its error on
            return Response(all_rows.text, status=all_rows.status_code, content_type="application/json")
        rows = all_rows
        what = f"table {table}"
        descriptions = (datasette.table_metadata(database, table) or {}).get("columns") or {}
    else:
        cut = bool(data.get("truncated"))
        what = f"query {query_name}" if query_name else "SQL query"
        descriptions = {}
    body = spreadsheet.workbook(
        columns,
        ([row[c] for c in columns] if isinstance(row, dict) else list(row) for row in rows),
        sheet=table or query_name or "query",
        about=about_lines(datasette, request, what, len(rows), cut),
        descriptions=descriptions,
    )
    name = (table or query_name or "query") + ".xlsx"
    return Response(
        body,
        content_type=XLSX,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@hookimpl
def register_output_renderer(datasette):
    return {
        "extension": "xlsx",
        "render": render_xlsx,
        "can_render": lambda database, columns: database == DATABASE and bool(columns),
    }


def asked_args(request) -> list[tuple[str, str]]:
    """The page's arguments as the reader asked them (before sorted_pagination added its start token)."""
    query = request.scope.get("zhibiao_query_string", request.scope.get("query_string", b""))
    return parse_qsl(query.decode("latin-1"), keep_blank_values=True)


def file_url(datasette, request, fmt: str, **extra: str) -> str:
    """This page's rows as a file: /zhibiao/facts.csv?<the page's filters>&<extra>."""
    path = request.path.rsplit(".", 1)[0] if request.path.endswith((".json", ".csv")) else request.path
    args = [(k, v) for k, v in asked_args(request) if k not in PAGE_ARGS]
    query = urlencode([*args, *extra.items()])
    return datasette.urls.path(path + "." + fmt) + ("?" + query if query else "")


@hookimpl
def extra_template_vars(view_name, request, datasette, database, table):
    """The download links of a table or query page: CSV of every row (streamed), XLSX, JSON."""
    if database != DATABASE or request is None or view_name not in ("table", "query"):
        return None
    csv_url = file_url(datasette, request, "csv", _stream="on", _dl="1")
    return {
        "url_csv": csv_url,  # Datasette's own "CSV" link: every row, not the first page
        "zb_downloads": {
            "csv": csv_url,
            "xlsx": file_url(datasette, request, "xlsx"),
            "json": file_url(datasette, request, "json"),
        },
    }
