"""Arguments a dashboard gets wrong are answered 400 with a message, not 200 `[]` or a 500.

Datasette 0.65 answers a misspelt filter column (`?entiy=上海`) with no rows, an unknown operator
(`?value__bigger=1`) with every row, `_sort=nosuchcol` with a 500, a `_next` it cannot read with
no rows or an SQL error, and an unbalanced quote in `_search` with "fts5: syntax error". Here each is
a 400 naming the argument and what would be right, in JSON (`{"ok": false, "error": …}`) and HTML.
"""

from __future__ import annotations

from datasette.filters import Filters
from datasette.utils import urlsafe_components
from datasette.utils.asgi import BadRequest

from datasette import hookimpl
from indicators import search

DATABASE = "zhibiao"
OPERATORS = sorted(Filters._filters_by_key)


def _filter_keys(request) -> list[str]:
    """The arguments Datasette reads as filters: not `_x`, or with a `__` (`_x__exact`)."""
    return [key for key in request.args if not (key.startswith("_") and "__" not in key)]


async def check(request, database: str, table: str, datasette) -> None:
    """Raise BadRequest for the first argument of a table request that Datasette would misread."""
    db = datasette.get_database(database)
    is_view = table in await db.view_names()
    pks = [] if is_view else await db.primary_keys(table)
    columns = await db.table_columns(table)
    use_rowid = not pks and not is_view
    known = set(columns) | ({"rowid"} if use_rowid else set())
    listed = ", ".join(sorted(known))
    for key in _filter_keys(request):
        column, op = key.rsplit("__", 1) if "__" in key else (key, "exact")
        if column not in known:
            raise BadRequest(f'{table} has no column "{column}" to filter on; its columns are {listed}')
        if op not in Filters._filters_by_key:
            raise BadRequest(f'Unknown filter "__{op}" in "{key}"; filters are {", ".join(OPERATORS)}')

    metadata = datasette.table_metadata(database, table)
    sortable = set(metadata.get("sortable_columns") or known)
    sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
    if sort and sort_desc:
        raise BadRequest("Give _sort or _sort_desc, not both")
    for name, value in (("_sort", sort), ("_sort_desc", sort_desc)):
        if value is not None and value not in sortable:
            raise BadRequest(f'Cannot sort {table} by "{value}" ({name}); sortable columns are {listed}')

    next_token = request.args.get("_next")
    if next_token is not None:
        sorted_ = bool(sort or sort_desc or metadata.get("sort") or metadata.get("sort_desc"))
        _check_next(next_token, is_view, use_rowid, len(pks), sorted_)

    for key in request.args:
        if key.startswith("_search") and key != "_searchmode" and request.args.get(key):
            await _check_search(request, key, db, metadata.get("fts_table") or await db.fts_table(table))


def _check_next(token: str, is_view: bool, use_rowid: bool, n_pks: int, sorted_: bool) -> None:
    bad = BadRequest(f'_next="{token}" is not a page token: follow next_url (or the Link header) as given')
    if is_view:
        if not token.isdigit():
            raise bad
        return
    components = urlsafe_components(token)
    if len(components) != (n_pks or 1) + (1 if sorted_ else 0):
        raise bad
    if use_rowid and not components[-1].lstrip("-").isdigit():
        raise bad


async def _check_search(request, key: str, db, fts_table: str | None) -> None:
    query = request.args.get(key)
    if not search.tokens(query):
        raise BadRequest(f'Nothing to search for in "{query}": type a word, e.g. 芯片, 上海 GDP or 集成电路')
    if request.args.get("_searchmode") == "raw" and fts_table:
        try:
            await db.execute(
                f"select rowid from [{fts_table}] where [{fts_table}] match :q limit 1", {"q": query}
            )
        except Exception as error:  # sqlite3.OperationalError: fts5: syntax error near …
            raise BadRequest(
                f'The search "{query}" is not valid FTS5 syntax ({error}); leave out _searchmode=raw '
                "to search for the words as typed"
            ) from None


@hookimpl
def filters_from_request(request, database, table, datasette):
    if database != DATABASE:
        return None

    async def inner():
        await check(request, database, table, datasette)
        return None

    return inner
