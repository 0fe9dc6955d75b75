"""Complete pagination of sorted tables (Datasette 0.65 loses rows without this).

Datasette 0.65 orders the first page of a sorted table by the sort column alone and later pages
(`_next=`) by the sort column then the primary key. When rows tied on the sort column straddle the
end of the first page (facts sorted by period_end: dozens share 2025-12), the two orders disagree
and following `next_url` skips some rows and repeats others. Here, a first page of a sorted table
gets a `_next` token that lets every row through but makes Datasette add the primary-key
tie-breaker, so every page uses the same order. A full CSV export (`_stream=on`) cannot take a
`_next`, so it runs in primary-key order, which has no ties: complete, whatever sort was asked for.
"""

from urllib.parse import parse_qsl, urlencode

from datasette.utils import tilde_encode

from datasette import hookimpl

DATABASE = "zhibiao"
# Tables with a single TEXT primary key: any non-empty id sorts after ''.
TEXT_PK_TABLES = {"facts": "id", "documents": "id", "indicators": "id"}
# `_next` values that start before every row: ascending, NULLs come first and '$null' with an empty
# key admits them all; descending, every number and text value sorts below U+10FFFF.
FROM_START_ASC = "$null,"
FROM_START_DESC = tilde_encode("\U0010ffff") + ","
SENTINELS = {FROM_START_ASC, FROM_START_DESC}


def table_of(path: str) -> str | None:
    """'facts' for /zhibiao/facts, /zhibiao/facts.json and /zhibiao/facts.csv; else None."""
    prefix = f"/{DATABASE}/"
    if not path.startswith(prefix):
        return None
    name = path[len(prefix) :]
    for suffix in (".json", ".csv"):
        name = name.removesuffix(suffix)
    return name if name in TEXT_PK_TABLES else None


def rewrite(args: list[tuple[str, str]], table: str, table_metadata: dict) -> list[tuple[str, str]]:
    """The query arguments Datasette should see for a request on `table`."""
    keys = {key for key, _ in args}
    pk = TEXT_PK_TABLES[table]
    if "_stream" in keys:
        args = [
            (k, v)
            for k, v in args
            if k not in ("_sort", "_sort_desc") and not (k == "_next" and v in SENTINELS)
        ]
        return [*args, ("_sort", pk)]
    if "_next" in keys:
        return args
    sort = dict(args).get("_sort") or (None if "_sort_desc" in keys else table_metadata.get("sort"))
    sort_desc = dict(args).get("_sort_desc") or (None if "_sort" in keys else table_metadata.get("sort_desc"))
    if sort and sort != pk:
        return [*args, ("_next", FROM_START_ASC)]
    if sort_desc and not sort:
        return [*args, ("_next", FROM_START_DESC)]
    return args


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            table = table_of(scope.get("path", "")) if scope.get("type") == "http" else None
            if table and scope.get("method") in ("GET", "HEAD"):
                args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                new_args = rewrite(args, table, datasette.table_metadata(DATABASE, table))
                if new_args != args:
                    scope = dict(scope, query_string=urlencode(new_args).encode("latin-1"))
            await app(scope, receive, send)

        return wrapped

    return wrap
