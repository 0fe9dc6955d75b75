"""Safe by default: the site only reads. Requests other than GET, HEAD and OPTIONS get 405 (Datasette
0.65 answers a POST to a read-only canned query with a 500). Every response carries a
Content-Security-Policy that keeps scripts, styles and fonts on this host, no MIME sniffing, and no
referrer sent to other sites. Pages under `embeddable_paths` (the /-/embed/ charts) may be framed by
any site (`frame-ancestors *`); every other page only by this one. The policy is plugin configuration in metadata.yaml
(plugins.security_headers.content_security_policy)."""

from datasette import hookimpl

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def embeddable(policy: str) -> str:
    """The policy with `frame-ancestors *`: a page any site may show in an <iframe>."""
    kept = [d.strip() for d in policy.split(";") if d.strip() and not d.strip().startswith("frame-ancestors")]
    return "; ".join([*kept, "frame-ancestors *"])


def security_headers(app, policy: str, embed_prefixes: tuple[str, ...] = ()):
    def headers(policy: str) -> list[tuple[bytes, bytes]]:
        return [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
        ]

    own, anywhere = headers(policy), headers(embeddable(policy))
    names = {name for name, _ in own}

    async def wrapped(scope, receive, send):
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        extra = anywhere if embed_prefixes and scope.get("path", "").startswith(embed_prefixes) else own
        if scope.get("method") not in READ_METHODS:
            await send(
                {
                    "type": "http.response.start",
                    "status": 405,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"allow", ", ".join(READ_METHODS).encode()),
                        *extra,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b"zhibiao is read-only.\n"})
            return

        async def send_with_headers(event):
            if event["type"] == "http.response.start":
                headers = [(k, v) for k, v in event.get("headers") or [] if k.lower() not in names]
                event = dict(event, headers=headers + extra)
            await send(event)

        await app(scope, receive, send_with_headers)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    config = datasette.plugin_config("security_headers") or {}
    policy = " ".join((config.get("content_security_policy") or "").split())
    if not policy:  # a Datasette without our metadata (another plugin's tests) is left alone
        return None
    prefixes = tuple(config.get("embeddable_paths") or ())
    return lambda app: security_headers(app, policy, prefixes)
