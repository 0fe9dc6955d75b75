"""Stylesheets and scripts at versioned URLs (indicators/assets.py), kept a year by browsers.

Templates write `{{ asset_url('/-/vega.js') }}` -> /-/vega.js?v=3f9c0a1b2c3d; an answer to such a
URL at the current version gets `Cache-Control: public, max-age=31536000, immutable`. Other URLs
keep their headers (the database's answers `max-age=300`: see README, Speed)."""

from datasette import hookimpl
from indicators.assets import LONG, asset_version, is_versioned


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.globals["asset_url"] = lambda path: f"{datasette.urls.path(path)}?v={asset_version()}"


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def versioned_app(scope, receive, send):
            if scope.get("type") != "http" or not is_versioned(scope["path"], scope.get("query_string", b"")):
                return await app(scope, receive, send)

            async def long_cache(event):
                if event["type"] == "http.response.start" and event["status"] == 200:
                    headers = [(k, v) for k, v in event.get("headers", []) if k.lower() != b"cache-control"]
                    event = {**event, "headers": [*headers, (b"cache-control", LONG.encode())]}
                await send(event)

            return await app(scope, receive, long_cache)

        return versioned_app

    return wrap
