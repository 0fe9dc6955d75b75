"""Charts rendered for real through vl-convert (PNG, SVG, self-contained HTML), and `zhibiao charts`."""

from __future__ import annotations

import re
import sqlite3
import struct
import zlib

import altair as alt
import pytest
from chart_data import build
from click.testing import CliRunner

from charts import collect, render
from charts.theme import FONT, register_fonts
from indicators.cli import cli

NAMES = [
    "gdp",
    "gdp.growth",
    "software_revenue",
    "software_revenue.growth",
    "nev_promotion",
    "nev_promotion.growth",
    "targets-overview",
    "growth-rates-2025",
    "growth-rates-2024",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("charts") / "zhibiao.db")


@pytest.fixture(scope="module")
def conn(db_path):
    with sqlite3.connect(db_path) as connection:
        yield connection


def ink(png: bytes) -> int:
    """Pixels that are not white in an 8-bit RGB(A) PNG, counted with zlib and the PNG filters alone."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            chunks.append(data)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8
    assert colour in (2, 6)
    assert interlace == 0
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
    previous, count = bytearray(stride), 0
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        count += sum(1 for x in range(0, stride, bpp) if min(line[x : x + 3]) < 200)
        previous = line
    return count


def chinese_text_chart(font: str) -> alt.Chart:
    return (
        alt.Chart(alt.Data(values=[{"t": "地区生产总值软件和信息服务业营收"}]))
        .mark_text(fontSize=20, font=font)
        .encode(text="t:N")
        .properties(width=400, height=40)
    )


def test_chinese_text_is_drawn_with_the_theme_font():
    """The bug of issue 5: with no CJK font, vl-convert drew Chinese labels as nothing at all."""
    register_fonts()
    drawn = ink(render.render(chinese_text_chart(FONT), "png"))
    missing = ink(render.render(chinese_text_chart("No Such Font"), "png"))
    assert missing < 50  # what a missing font looks like: blank
    assert drawn > 2000, "Chinese glyphs were not drawn: is fonts-wqy-microhei installed (make system-deps)?"


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_renders_to_png_and_svg(conn, name):
    chart = collect.build(conn, name)
    png = render.render(chart, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 600
    assert height > 150
    assert ink(png) > 5000
    svg = render.render(chart, "svg").decode("utf-8")
    assert svg.startswith("<svg")
    assert "</svg>" in svg
    texts = set(re.findall(r"<text[^>]*>([^<]+)</text>", svg))
    assert any(re.search(r"[\u4e00-\u9fff]", t) for t in texts), "no Chinese text in the SVG"


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_compiles_without_vega_lite_warnings(conn, name, capfd):
    import vl_convert as vlc

    vlc.vegalite_to_svg(collect.build(conn, name).to_dict(), vl_version=render.VL_VERSION, show_warnings=True)
    assert "WARN" not in capfd.readouterr().err


def test_series_svg_shows_reader_units_and_the_labelled_target(conn):
    svg = render.render(collect.build(conn, "software_revenue"), "svg").decode("utf-8")
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "万亿元" in texts
    assert "目标 15000亿元" in texts
    assert "预计 将近20000亿元" in texts
    assert "2020" in texts
    assert "2025" in texts
    assert not any(re.fullmatch(r"\d{9,}", t.replace(",", "")) for t in texts), (
        "a raw canonical value on the axis"
    )


def test_html_is_self_contained(conn):
    html = render.render(collect.build(conn, "gdp"), "html").decode("utf-8")
    assert "vegaEmbed" in html
    assert "地区生产总值" in html
    assert not re.search(r"<script[^>]+src=", html), "the HTML loads a script from elsewhere"
    assert not re.search(r"<link[^>]+href=\"https?:", html)


def test_vl_json_is_the_spec(conn):
    import json

    spec = json.loads(render.render(collect.build(conn, "gdp"), "vl.json"))
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def test_cli_writes_every_chart_in_every_format(db_path, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["charts", "--db", str(db_path), "--out", str(out), "--format", "html,svg,png"]
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{n}.{f}" for n in NAMES for f in ("html", "svg", "png"))
    assert sorted(result.output.split()) == sorted(str(out / w) for w in written)
    assert all((out / w).stat().st_size > 1000 for w in written)


def test_cli_one_indicator(db_path, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "charts",
            "--db",
            str(db_path),
            "--out",
            str(tmp_path),
            "--indicator",
            "nev_promotion",
            "--format",
            "png",
        ],
    )
    assert result.exit_code == 0, result.output
    # the overviews keep to the indicators asked for
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "growth-rates-2025.png",
        "nev_promotion.growth.png",
        "nev_promotion.png",
        "targets-overview.png",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--indicator", "no_such_indicator"], 'No chart for indicator "no_such_indicator"'),
        (["--indicator", "robot_density"], 'No chart for indicator "robot_density"'),  # catalogued, no facts
        (["--format", "png,jpg"], 'Unknown chart format "jpg": use html, svg, png, vl.json.'),
    ],
)
def test_cli_errors_name_the_problem(db_path, tmp_path, args, message):
    result = CliRunner().invoke(cli, ["charts", "--db", str(db_path), "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_cli_missing_or_foreign_database(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["charts", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"Database {missing} not found" in result.output
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    result = CliRunner().invoke(cli, ["charts", "--db", str(other), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "has no series, targets_vs_actuals: not a zhibiao database?" in result.output
