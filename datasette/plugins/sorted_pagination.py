"""Complete pagination of sorted tables (Datasette 0.65 loses rows without this).

Datasette 0.65 orders the first page of a sorted table by the sort column alone and later pages
(`_next=`) by the sort column then the primary key (or rowid). When rows tied on the sort column
straddle the end of the first page (facts sorted by period_end: dozens share 2025-12), the two
orders disagree and following `next_url` skips some rows and repeats others. Here, a first page of
a sorted table gets a `_next` token that lets every row through but makes Datasette add the
tie-breaker, so every page uses the same order. A full CSV export (`_stream=on`) cannot take a
`_next`, so it runs in key order, which has no ties: complete, whatever sort was asked for.
"""

import weakref
from urllib.parse import parse_qsl, urlencode

from datasette.utils import tilde_decode, tilde_encode

from datasette import hookimpl

DATABASE = "zhibiao"
# A `_next` sort value before every row: ascending, NULLs come first and '$null' admits them all;
# descending, every number and text value sorts below U+10FFFF.
START_ASC = "$null"
START_DESC = tilde_encode("\U0010ffff")
# A key value below every key: any non-empty text id sorts after ''; any rowid after the smallest int.
KEY_START = {"text": "", "integer": str(-(2**63))}

# datasette -> {table: (key column, key start) or None}: the database is immutable, so is its schema.
_keys: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


async def table_key(datasette, name: str) -> tuple[str, str] | None:
    """('id', '') for a table keyed by one TEXT column, ('rowid', '-9…') for a rowid table, else None."""
    known = _keys.setdefault(datasette, {})
    if name not in known:
        db = datasette.get_database(DATABASE)
        key = None
        if name in await db.table_names() and name not in await db.view_names():
            pks = await db.primary_keys(name)
            types = {c.name: (c.type or "").lower() for c in await db.table_column_details(name)}
            if not pks:
                key = ("rowid", KEY_START["integer"])
            elif len(pks) == 1 and types.get(pks[0]) in KEY_START:
                key = (pks[0], KEY_START[types[pks[0]]])
        known[name] = key
    return known[name]


def table_name(path: str) -> str | None:
    """'facts' for /zhibiao/facts, /zhibiao/facts.json and /zhibiao/facts.csv; None for other paths."""
    prefix = f"/{DATABASE}/"
    if not path.startswith(prefix) or "/" in path[len(prefix) :]:
        return None
    name = path[len(prefix) :]
    for suffix in (".json", ".csv"):
        name = name.removesuffix(suffix)
    return tilde_decode(name) if name else None


def rewrite(args: list[tuple[str, str]], key: tuple[str, str], metadata: dict) -> list[tuple[str, str]]:
    """The query arguments Datasette should see for a request on a table keyed by `key`."""
    column, start = key
    keys = {k for k, _ in args}
    if "_stream" in keys:
        starts = (f"{START_ASC},{start}", f"{START_DESC},{start}")
        args = [
            (k, v) for k, v in args if k not in ("_sort", "_sort_desc") and not (k == "_next" and v in starts)
        ]
        return args if column == "rowid" else [*args, ("_sort", column)]
    if "_next" in keys or "_sort_by_desc" in keys:
        # _sort_by_desc (the table form's "descending" box) is redirected by Datasette to _sort_desc,
        # with this request's arguments: a start token added here would go along and empty the page.
        return args
    given = dict(args)
    sort, sort_desc = given.get("_sort"), given.get("_sort_desc")
    if not (sort or sort_desc):
        sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
    if sort and sort != column:
        return [*args, ("_next", f"{START_ASC},{start}")]
    if sort_desc and not sort:
        return [*args, ("_next", f"{START_DESC},{start}")]
    return args


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            name = table_name(scope.get("path", "")) if scope.get("type") == "http" else None
            if name and scope.get("method") in ("GET", "HEAD") and DATABASE in datasette.databases:
                key = await table_key(datasette, name)
                if key:
                    args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                    new_args = rewrite(args, key, datasette.table_metadata(DATABASE, name))
                    if new_args != args:
                        # The arguments as asked, for links that should not carry the start token.
                        scope = dict(
                            scope,
                            query_string=urlencode(new_args).encode("latin-1"),
                            zhibiao_query_string=scope.get("query_string", b""),
                        )
            await app(scope, receive, send)

        return wrapped

    return wrap
