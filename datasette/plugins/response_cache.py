"""Responses of the immutable database: gzip-compressed once, then kept in memory.

The database file does not change while it is served, so a page or a JSON answer is a function of
its URL: the second request for /zhibiao/series.json?indicator_id=gdp is answered from memory
(the bytes already compressed), the way a caching proxy in front of Datasette would. Only what
comes from the database is kept — `/` and `/zhibiao…`, status 200, GET or HEAD, no cookie or
authorization sent, no Set-Cookie or `no-store` returned, at most ENTRY_BYTES — the most recently
used first, up to `max_mb` (plugin configuration in metadata.yaml, or ZHIBIAO_RESPONSE_CACHE_MB;
0 turns the cache off). When another file is served under the same name (a new build put in place)
the kept responses are dropped.

gzip (asgi-gzip: Starlette's GZipMiddleware as a package of its own) applies to every response of
500 bytes or more when the client accepts it; Chinese text in UTF-8 and repeated JSON keys shrink
5–8 times. `trylast` makes this the outermost wrapper: it compresses and keeps what the other
plugins produced (the CSV byte order mark, the security headers).
"""

import os
from collections import OrderedDict

from asgi_gzip import GZipMiddleware

from datasette import hookimpl

DATABASE = "zhibiao"
MINIMUM_GZIP_SIZE = 500
# Level 6 (zlib's default) gives nearly the size of level 9 at a third of the CPU time.
GZIP_LEVEL = 6
DEFAULT_MAX_MB = 64
ENTRY_BYTES = 4 * 1024 * 1024
UNCACHEABLE = (b"no-store", b"no-cache", b"private")


class ResponseCache:
    """An ASGI wrapper keeping whole responses, least recently used out first."""

    def __init__(self, app, datasette, max_bytes: int) -> None:
        self.app = app
        self.datasette = datasette
        self.max_bytes = max_bytes
        self.entries: OrderedDict = OrderedDict()
        self.size = 0
        self.served = None  # the file the kept responses come from

    def key(self, scope: dict) -> tuple | None:
        if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
            return None
        path = scope.get("path", "")
        if not (path == "/" or path == f"/{DATABASE}" or path.startswith(f"/{DATABASE}/", 0)):
            return None
        headers = dict(scope.get("headers") or [])
        if b"cookie" in headers or b"authorization" in headers:
            return None
        gzip = b"gzip" in headers.get(b"accept-encoding", b"")
        return (scope["method"], path, scope.get("query_string", b""), headers.get(b"host"), gzip)

    def check_file(self) -> tuple:
        """The file this request is served from; everything kept is dropped when it is another one
        (`zhibiao add` renamed a new file into place: indicators/live.py pins each request to one)."""
        db = self.datasette.databases.get(DATABASE)
        served = (id(db), db.hash if db else None)
        if served != self.served:
            self.entries.clear()
            self.size = 0
            self.served = served
        return served

    async def __call__(self, scope, receive, send):
        key = self.key(scope) if self.max_bytes else None
        if key is None:
            await self.app(scope, receive, send)
            return
        # A response is kept under its file: one still being sent from the old file when the new
        # one arrives is never served for the new one.
        key = (*key, self.check_file())
        if key in self.entries:
            self.entries.move_to_end(key)
            start, body = self.entries[key]
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(event):
            nonlocal start, keep
            if event["type"] == "http.response.start":
                start = event
                headers = dict(event.get("headers") or [])
                control = headers.get(b"cache-control", b"")
                keep = (
                    event["status"] == 200
                    and b"set-cookie" not in headers
                    and not any(word in control for word in UNCACHEABLE)
                )
            elif event["type"] == "http.response.body" and keep:
                chunks.append(event.get("body", b""))
                size = sum(map(len, chunks))
                if size > ENTRY_BYTES:
                    keep = False
                elif not event.get("more_body"):
                    self.store(key, start, b"".join(chunks))
            await send(event)

        await self.app(scope, receive, capture)

    def store(self, key: tuple, start: dict, body: bytes) -> None:
        self.entries[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.entries:
            _, (_, old) = self.entries.popitem(last=False)
            self.size -= len(old)


@hookimpl(trylast=True)
def asgi_wrapper(datasette):
    config = datasette.plugin_config("response_cache") or {}
    max_mb = float(os.environ.get("ZHIBIAO_RESPONSE_CACHE_MB", config.get("max_mb", DEFAULT_MAX_MB)))

    def wrap(app):
        compressed = GZipMiddleware(app, minimum_size=MINIMUM_GZIP_SIZE, compresslevel=GZIP_LEVEL)
        return ResponseCache(compressed, datasette, int(max_mb * 1024 * 1024))

    return wrap
