"""Start every CSV download with a UTF-8 byte order mark, so Excel opens Chinese text as UTF-8.

Datasette writes CSV as plain UTF-8; Excel on Windows reads a file without a BOM in the local code
page and shows 地区生产总值 as mojibake. The BOM goes in front of the first body chunk of a successful
`.csv` response, streamed (`_stream=on`) or not.
"""

from datasette import hookimpl

BOM = "\ufeff".encode()
CSV_CONTENT_TYPES = (b"text/csv", b"text/plain")


def is_csv_request(scope: dict) -> bool:
    """A request for Datasette's CSV renderer: /db/table.csv, /db/query.csv, /db.csv?sql=…"""
    return scope.get("type") == "http" and scope.get("path", "").endswith(".csv")


def add_bom(app):
    async def wrapped(scope, receive, send):
        if not is_csv_request(scope):
            await app(scope, receive, send)
            return
        pending = False

        async def send_with_bom(event):
            nonlocal pending
            if event["type"] == "http.response.start":
                headers = dict(event.get("headers") or [])
                content_type = headers.get(b"content-type", b"")
                pending = event["status"] == 200 and content_type.startswith(CSV_CONTENT_TYPES)
                if pending and b"content-length" in headers:
                    length = int(headers[b"content-length"]) + len(BOM)
                    event = dict(
                        event,
                        headers=[
                            (k, str(length).encode() if k == b"content-length" else v)
                            for k, v in event["headers"]
                        ],
                    )
            elif event["type"] == "http.response.body" and pending:
                pending = False
                event = dict(event, body=BOM + event.get("body", b""))
            await send(event)

        await app(scope, receive, send_with_bom)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    return add_bom
