"""Limits on what one request can make the site's SQLite do.

Datasette's time limit stops a query between two steps of SQLite's virtual machine; it cannot stop
one slow function call (printf('%.*c', 900000000, 'x') is a single step), and it does not bound
memory. So, on every connection the site opens:

- SQLite's length limit: no value longer than the longest one stored (at least 1 MB), so printf,
  zeroblob, randomblob, replace, group_concat and || cannot build huge values;
- printf/format refuse widths and precisions beyond that length before SQLite loops over them
  (SQLite 3.40 spends 3 s on that printf even with the limit set, then returns NULL);
- instr and replace run in linear time (SQLite's own take time proportional to the product of
  their arguments' lengths: 2 s for 1 MB, and one call cannot be interrupted);
- LIKE and GLOB patterns of at most 200 characters (the same product);
- no more than 16 million characters (or blob bytes) returned by one query, whatever the number
  of rows (a page of 2000 documents of the corpus ×100 is 5 million; as JSON, where a Chinese
  character is written \\uXXXX, 16 million become up to 100 MB);
- an authorizer refusing functions that reach into SQLite itself (fts3_tokenizer leaks and
  rewrites pointers, load_extension loads code) and ATTACH.

And per request (`guard_requests`): at most 10 facets and an 8 KB query string.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import weakref
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

LENGTH_FLOOR = 1_000_000  # bytes a value built by a query may reach, when nothing stored is longer
LIKE_PATTERN_LENGTH = 200  # characters of a LIKE or GLOB pattern (SQLite's default: 50 000)
RESULT_BYTES = 16_000_000  # characters of text and bytes of blobs one query may return
MAX_FACETS = 10  # _facet, _facet_array and _facet_date parameters of one request
MAX_QUERY_STRING = 8192  # bytes of one request's query string

# Functions no query of the site needs and no visitor may call.
DENIED_FUNCTIONS = frozenset(
    {"fts3_tokenizer", "load_extension", "readfile", "writefile", "edit", "fts5_api_from_db", "sqlite_dbpage"}
)
FACET_PARAMETERS = ("_facet", "_facet_array", "_facet_date")


class ResultTooLarge(sqlite3.OperationalError):
    """A query returned more text and blobs than RESULT_BYTES."""


def apply(conn: sqlite3.Connection) -> None:
    """Set every limit on a new connection (after Datasette has prepared it)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LENGTH_FLOOR)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, LIKE_PATTERN_LENGTH)
    conn.set_authorizer(_authorize)
    for name in ("printf", "format"):
        conn.create_function(name, -1, _bounded_printf(conn), deterministic=True)
    conn.create_function("instr", 2, _instr, deterministic=True)
    conn.create_function("replace", 3, _replacer(conn), deterministic=True)
    conn.row_factory = _budgeted_rows(conn.row_factory)


def longest_stored_value(conn: sqlite3.Connection) -> int:
    """Bytes of the longest document text (or sections list) in a zhibiao database; 0 without one."""
    if not conn.execute("select 1 from sqlite_master where name = 'documents'").fetchone():
        return 0
    limit = conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 2**31 - 1)  # SQLite caps it at its own maximum
    try:
        row = conn.execute(
            "select max(max(length(cast(text as blob)), coalesce(length(cast(sections as blob)), 0))) "
            "from documents"
        ).fetchone()
    finally:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
    return row[0] or 0


def fit_stored_values(conn: sqlite3.Connection, longest: int) -> None:
    """Raise the length limit so that every stored value can be read (SQLite checks it on reading too)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max(LENGTH_FLOOR, longest + 1024))


def _authorize(
    action: int, arg1: str | None, arg2: str | None, database: str | None, source: str | None
) -> int:
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


# printf ------------------------------------------------------------------------------------------

# A conversion: flags, width (digits or *), precision (digits or *), type.
_CONVERSION = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])")
_helpers = threading.local()


def _bounded_printf(conn: sqlite3.Connection) -> Callable[..., Any]:
    def printf(fmt: Any = None, *args: Any) -> Any:
        if fmt is None:
            return None
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        if any(size > limit for size in _sizes(str(fmt), args)):
            return _too_big(limit)
        return _builtin(limit, "printf", fmt, *args)

    return printf


def _sizes(fmt: str, args: tuple) -> list[int]:
    """The widths and precisions a printf format asks for, taking '*' from the arguments."""
    sizes, position = [], 0
    for match in _CONVERSION.finditer(fmt):
        for part in match.group(1), match.group(2):
            if part == "*":
                value = args[position] if position < len(args) else 0
                position += 1
                sizes.append(abs(int(value)) if isinstance(value, int | float) else 0)
            elif part:
                sizes.append(int(part))
        if match.group(3) != "%":
            position += 1
    return sizes


def _helper() -> sqlite3.Connection:
    """A private in-memory connection of this thread, whose functions are SQLite's own."""
    helper = getattr(_helpers, "conn", None)
    if helper is None:
        helper = _helpers.conn = sqlite3.connect(":memory:")
    return helper


def _builtin(limit: int, function: str, *args: Any) -> Any:
    """SQLite's own function, with the same length limit as the connection that called it."""
    helper = _helper()
    helper.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
    marks = ", ".join("?" for _ in args)
    return helper.execute(f"select {function}({marks})", args).fetchone()[0]


# instr, replace in linear time ------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float):  # SQLite's own spelling of a real (1.0e+20, not 1e+20)
        return _helper().execute("select cast(? as text)", (value,)).fetchone()[0]
    return str(value)


def _instr(haystack: Any, needle: Any) -> int | None:
    """SQLite's instr(X, Y): 1-based position of Y in X, 0 when absent; bytes for two blobs."""
    if haystack is None or needle is None:
        return None
    if isinstance(haystack, bytes) and isinstance(needle, bytes):
        return haystack.find(needle) + 1
    return _text(haystack).find(_text(needle)) + 1


def _replacer(conn: sqlite3.Connection) -> Callable[[Any, Any, Any], Any]:
    def replace(value: Any, old: Any, new: Any) -> Any:
        """SQLite's replace(X, Y, Z): X with every Y replaced by Z; X itself when Y is empty."""
        if value is None or old is None or new is None:
            return None
        old_text = _text(old)
        if not old_text:
            return value
        text, new_text = _text(value), _text(new)
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        growth = len(new_text) - len(old_text)
        if growth > 0 and len(text) + text.count(old_text) * growth > limit:
            return _too_big(limit)
        return text.replace(old_text, new_text)

    return replace


def _too_big(limit: int) -> str:
    """A value one byte over the length limit: SQLite refuses it with its own error, "string or
    blob too big", as it does for zeroblob or randomblob (SQLite's printf would loop, then give NULL)."""
    return "x" * (limit + 1)


# Rows ------------------------------------------------------------------------------------------


def _budgeted_rows(make_row: Callable | None) -> Callable[[sqlite3.Cursor, tuple], Any]:
    """A row factory counting the text and blob bytes a cursor returned; over RESULT_BYTES, an error."""
    counted: list[Any] = [None, 0]  # weak reference to the cursor being counted, characters so far

    def row(cursor: sqlite3.Cursor, values: tuple) -> Any:
        if counted[0] is None or counted[0]() is not cursor:
            counted[0], counted[1] = weakref.ref(cursor), 0
        counted[1] += sum(len(v) for v in values if isinstance(v, str | bytes))
        if counted[1] > RESULT_BYTES:
            raise ResultTooLarge(
                f"the query returns more than {RESULT_BYTES // 1_000_000} million characters; "
                "ask for fewer rows or columns"
            )
        return make_row(cursor, values) if make_row else values

    return row


# Requests --------------------------------------------------------------------------------------


def request_problem(query_string: bytes) -> tuple[int, str] | None:
    """(status, message) when a request asks for more than the site answers, else None."""
    if len(query_string) > MAX_QUERY_STRING:
        return (
            414,
            f"The query string has {len(query_string)} bytes; at most {MAX_QUERY_STRING} are accepted.",
        )
    params = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    facets = sum(1 for key, _ in params if key in FACET_PARAMETERS)
    if facets > MAX_FACETS:
        return 400, f"{facets} facets were asked for; at most {MAX_FACETS} are computed per request."
    return None


def guard_requests(app: Callable) -> Callable:
    """ASGI middleware answering an oversized request with an error instead of running it."""

    async def guarded(scope, receive, send):
        problem = request_problem(scope.get("query_string", b"")) if scope["type"] == "http" else None
        if problem is None:
            return await app(scope, receive, send)
        status, message = problem
        if scope["path"].endswith(".json"):
            body = json.dumps({"ok": False, "error": message, "status": status, "title": None}).encode()
            content_type = b"application/json; charset=utf-8"
        else:
            body, content_type = message.encode(), b"text/plain; charset=utf-8"
        headers = [(b"content-type", content_type), (b"x-content-type-options", b"nosniff")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    guarded.app = app  # the wrapped app, as ASGI middleware classes expose it
    return guarded
