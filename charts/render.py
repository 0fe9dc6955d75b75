"""Charts to files through vl-convert: SVG, PNG, self-contained HTML, the Vega-Lite JSON, the JS bundle.

Nothing is fetched: vl-convert carries Vega, Vega-Lite and vega-embed, and `html` inlines them.
"""

from __future__ import annotations

import json
from functools import cache

import altair as alt
import vl_convert as vlc

from charts.theme import register_fonts

FORMATS = ("html", "svg", "png", "vl.json")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "vl.json": "application/json",
}
# The Vega-Lite version Altair writes (v6.4.1 -> 6.4), so vl-convert compiles what Altair meant.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
PNG_SCALE = 2  # sharp in a report or on a high-density screen


class UnknownFormat(ValueError):
    """Chart formats are html, svg, png and vl.json"""


# Properties Vega-Lite allows only on the outermost spec: they move out when a footer wraps a chart.
TOP_LEVEL = ("$schema", "config", "datasets", "background", "padding", "autosize", "usermeta", "params")


def with_footer(spec: dict, footer: str) -> dict:
    """The spec with a line of small text under it (source, licence, date): an image that travels
    alone still says where it comes from."""
    inner = {k: v for k, v in spec.items() if k not in TOP_LEVEL}
    line = {
        "data": {"values": [{}]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 10, "color": "#555"},
        "encoding": {"text": {"value": footer}, "x": {"value": 0}, "y": {"value": 0}},
        "width": 10,
        "height": 12,
        "view": {"stroke": None},
    }
    return {**{k: spec[k] for k in TOP_LEVEL if k in spec}, "vconcat": [inner, line], "spacing": 8}


def render(chart: alt.TopLevelMixin | dict, fmt: str, footer: str | None = None) -> bytes:
    """The chart as the bytes of one file format (see FORMATS); images and HTML with `footer` under it."""
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    if footer and fmt != "vl.json":
        spec = with_footer(spec, footer)
    if fmt == "vl.json":
        return json.dumps(spec, ensure_ascii=False, indent=2).encode("utf-8")
    register_fonts()
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION).encode("utf-8")
    if fmt == "png":
        return vlc.vegalite_to_png(spec, vl_version=VL_VERSION, scale=PNG_SCALE)
    if fmt == "html":
        return vlc.vegalite_to_html(spec, vl_version=VL_VERSION, bundle=True).encode("utf-8")
    raise UnknownFormat(f'{UnknownFormat.__doc__}, not "{fmt}"')


@cache
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed as one script that sets window.vegaEmbed (about 900 kB)."""
    return vlc.javascript_bundle(vl_version=VL_VERSION)
