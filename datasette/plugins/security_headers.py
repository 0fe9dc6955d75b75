"""Security headers on every response: a Content-Security-Policy that keeps scripts, styles and fonts
on this host, no MIME sniffing, no referrer sent to other sites. The policy is plugin configuration in
metadata.yaml (plugins.security_headers.content_security_policy)."""

from datasette import hookimpl


def security_headers(app, policy: str):
    extra = [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
    ]
    names = {name for name, _ in extra}

    async def wrapped(scope, receive, send):
        if scope.get("type") != "http":
            await app(scope, receive, send)
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
    return lambda app: security_headers(app, policy)
