"""charts.display and charts.specs: display units, period labels, and the specs (to_dict: marks, fields, filters)."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from chart_data import build

from charts import collect, queries, specs
from charts.display import DisplayUnitsError, load_display_units, period_label, pick_scale
from charts.theme import CJK_FONT, THEME
from indicators.catalogue import load_catalogue


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("charts") / "zhibiao.db")
    with sqlite3.connect(path) as connection:
        yield connection


def layers(spec: dict) -> list[dict]:
    """The layers of a layer chart, or of every panel of a vconcat."""
    if "vconcat" in spec:
        return [layer for panel in spec["vconcat"] for layer in panel["layer"]]
    return spec["layer"]


def data_values(spec: dict) -> list[dict]:
    if "vconcat" in spec:
        return [v for panel in spec["vconcat"] for v in data_values(panel)]
    data = spec["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def layer_with(spec: dict, mark: str, filter_part: str | None = None) -> list[dict]:
    found = []
    for layer in layers(spec):
        filters = [t["filter"] for t in layer.get("transform", []) if "filter" in t]
        if layer["mark"]["type"] == mark and (filter_part is None or any(filter_part in f for f in filters)):
            found.append(layer)
    return found


@pytest.mark.parametrize(
    ("values", "unit", "label", "factor"),
    [
        ([5.67e12, 5.39e12], "CNY", "万亿元", 1e12),
        ([1.7297e12, 6.841e11], "CNY", "万亿元", 1e12),
        ([4.88e11], "CNY", "亿元", 1e8),
        ([360000, 500000], "vehicle", "万辆", 1e4),
        ([1.35e8], "person_time", "亿人次", 1e8),
        ([5.4, 31], "%", "%", 1),
        ([2.9], "pp", "个百分点", 1),
        ([20, 100], "enterprise", "家", 1),
        ([600], "unit/10k_person", "台/万人", 1),
        ([-2.9e8], "CNY", "亿元", 1e8),
        ([7], "furlong", "furlong", 1),  # a code missing from display_units.json is shown as it is
    ],
)
def test_pick_scale_gives_the_unit_a_reader_expects(values, unit, label, factor):
    scale = pick_scale(values, unit)
    assert (scale.label, scale.factor) == (label, factor)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2025-01", "2025-12", "2025年"),
        ("2025-01", "2025-11", "2025年1-11月"),
        ("2025-11", "2025-11", "2025年11月"),
        (None, "2027-12", "2027年底"),
        (None, "2025-06", "2025年6月"),
        ("2021-01", "2025-12", "2021—2025年"),
        ("2026-01", "2028-12", "2026—2028年"),
        (None, None, "未注明时间"),
    ],
)
def test_period_label_reads_like_the_text(start, end, label):
    assert period_label(start, end) == label


def test_every_catalogue_unit_has_a_display_name():
    from charts.display import display_units

    missing = {i.unit for i in load_catalogue()} - set(display_units())
    assert not missing, f"add these units to charts/display_units.json: {missing}"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "元"}, "needs exactly the keys name and prefixes"),
        ({"name": "元", "prefixes": [["亿", 1e8], ["万亿", 1e12]]}, "largest to smallest"),
        ({"name": "元", "prefixes": [["亿"]]}, "each prefix is [word, factor > 1]"),
    ],
)
def test_display_units_file_rejects_bad_entries_naming_file_and_unit(tmp_path, entry, message):
    path = tmp_path / "display_units.json"
    path.write_text(json.dumps({"CNY": entry}), encoding="utf-8")
    with pytest.raises(DisplayUnitsError, match=re.escape(message)) as error:
        load_display_units(path)
    assert str(path) in str(error.value)
    assert '"CNY"' in str(error.value)


def test_theme_is_registered_and_names_the_cjk_font(conn):
    import altair as alt

    assert alt.theme.active == THEME
    config = collect.build(conn, "gdp").to_dict()["config"]
    assert CJK_FONT in config["font"]
    for part in ("title", "axis", "legend", "header"):
        assert CJK_FONT in json.dumps(config[part], ensure_ascii=False)


def test_series_draws_actual_line_points_estimates_targets_and_target_path(conn):
    # doc 2650700335_1: 软信业营收 17297.53亿元 (1-11月), 预计将近20000亿元, “十四五”目标15000亿元, 2020年6841亿元
    spec = collect.build(conn, "software_revenue").to_dict()

    assert spec["title"]["text"] == "软件和信息服务业营收（上海）"
    actual = "datum.kind == 'actual'"
    [line] = layer_with(spec, "line", actual)
    assert line["encoding"]["x"]["field"] == "period_end"
    assert line["encoding"]["x"]["type"] == "temporal"
    assert line["encoding"]["y"]["field"] == "shown"
    assert line["encoding"]["y"]["title"] == "万亿元"
    shown = {v["quantity_text"]: v["shown"] for v in data_values(spec) if v["row"] == "fact"}
    assert shown["6841亿元"] == pytest.approx(0.6841)  # 万亿元
    assert shown["17297.53亿元"] == pytest.approx(1.729753)

    [actual_points] = layer_with(spec, "point", actual)
    [estimates] = layer_with(spec, "point", "datum.kind == 'estimate'")
    [targets] = layer_with(spec, "point", "datum.kind == 'target'")
    assert actual_points["mark"]["filled"] is True
    assert estimates["mark"]["filled"] is False
    assert targets["mark"]["size"] > actual_points["mark"]["size"]
    assert targets["encoding"]["shape"]["scale"]["range"][2] == "diamond"
    tooltip_fields = {t["field"] for t in targets["encoding"]["tooltip"]}
    assert {"quantity_text", "period", "title", "evidence", "entity"} <= tooltip_fields

    [path] = layer_with(spec, "rule", "datum.row == 'path'")
    assert path["mark"]["strokeDash"]
    assert path["encoding"]["x2"]["field"] == "period_end2"
    assert path["encoding"]["y2"]["field"] == "shown2"

    values = data_values(spec)
    [path_row] = [v for v in values if v["row"] == "path"]
    assert (path_row["period_end"], path_row["period_end2"]) == ("2020-12", "2025-12")
    assert (path_row["value"], path_row["value2"]) == (684100000000, 1500000000000)
    labels = {v["label"] for v in values if v["row"] == "fact"}
    assert {"目标 15000亿元", "预计 将近20000亿元", "6841亿元", "17297.53亿元（2025年1-11月）"} <= labels
    [target_label] = layer_with(spec, "text", "datum.kind == 'target'")
    assert target_label["encoding"]["text"]["field"] == "label"


def test_series_ticks_sit_on_each_year_end(conn):
    spec = collect.build(conn, "software_revenue").to_dict()
    axis = layer_with(spec, "line")[0]["encoding"]["x"]["axis"]
    assert [(v["year"], v["month"], v["date"]) for v in axis["values"]] == [
        (y, 12, 1) for y in range(2020, 2026)
    ]
    scale = layer_with(spec, "line")[0]["encoding"]["x"]["scale"]
    assert (scale["domainMin"]["year"], scale["domainMax"]["year"]) == (2020, 2025)


def test_series_of_several_regions_gets_one_panel_each(conn):
    spec = collect.build(conn, "gdp").to_dict()
    assert spec["title"]["text"] == "地区生产总值"
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["上海", "江苏"]
    for panel in spec["vconcat"]:
        assert {v["entity"] for v in data_values(panel)} == {panel["title"]["text"]}
        [line] = [layer for layer in panel["layer"] if layer["mark"]["type"] == "line"]
        assert line["encoding"]["y"]["title"] == "万亿元"
    # the time axis is drawn once, under the last panel, on one shared span of years
    axes = [panel["layer"][0]["encoding"]["x"]["axis"] for panel in spec["vconcat"]]
    assert axes[0]["labels"] is False
    assert "labels" not in axes[1]
    scales = [panel["layer"][0]["encoding"]["x"]["scale"] for panel in spec["vconcat"]]
    assert scales[0] == scales[1]


def test_each_panel_gets_the_units_its_own_values_call_for():
    rows = [
        {"entity": "华东电网", "kind": "actual", "period_start": None, "period_end": "2025-12", "unit": "kW",
         "value": 704520000, "quantity_text": "7.0452亿千瓦"},
        {"entity": "某项目", "kind": "estimate", "period_start": None, "period_end": "2025-12", "unit": "kW",
         "value": 6950, "quantity_text": "6.95兆瓦"},
    ]  # fmt: skip
    spec = specs.indicator_series(rows, title="装机容量").to_dict()
    titles = {p["title"]["text"]: p["layer"][0]["encoding"]["y"]["title"] for p in spec["vconcat"]}
    assert titles == {"华东电网": "亿千瓦", "某项目": "千瓦"}


def test_series_draws_only_what_there_is(conn):
    gdp = collect.build(conn, "gdp").to_dict()
    assert not layer_with(gdp, "point", "datum.kind == 'target'")
    assert not layer_with(gdp, "rule")
    assert gdp["title"]["subtitle"] == "线和实心点：实际值"
    assert layer_with(gdp, "line")[0]["encoding"]["color"]["scale"]["domain"] == ["实际值"]


def test_target_path_without_baseline_starts_at_the_latest_actual(conn):
    # doc 2650700285_1: 超36万辆 in 2025, target 50万辆 by 2027; no earlier actual to be a baseline
    spec = collect.build(conn, "nev_promotion").to_dict()
    [path] = [v for v in data_values(spec) if v["row"] == "path"]
    assert (path["period_end"], path["value"], path["path_from"]) == ("2025-12", 360000, "最新实际值")
    assert (path["period_end2"], path["value2"]) == ("2027-12", 500000)


def test_series_in_vehicles_and_percent(conn):
    nev = collect.build(conn, "nev_promotion").to_dict()
    assert layer_with(nev, "line")[0]["encoding"]["y"]["title"] == "万辆"
    growth = collect.build(conn, "gdp.growth").to_dict()
    assert layer_with(growth, "line")[0]["encoding"]["y"]["title"] == "增速（%）"


def test_series_leaves_out_open_ended_targets_and_refuses_mixed_units():
    row = {"entity": "广东", "kind": "target", "measure": "level", "period_start": None, "unit": "item",
           "value": 3, "quantity_text": "3个"}  # fmt: skip
    dated = dict(row, period_end="2027-12", kind="actual", value=2, quantity_text="2个")
    values = specs.series_values([dict(row, period_end=None), dated])
    assert [v["value"] for v in values] == [2]
    with pytest.raises(specs.MixedUnits, match="item, vehicle"):
        specs.indicator_series([dated, dict(dated, unit="vehicle")], title="x")


def panel_values(panel: dict) -> list[dict]:
    return panel["data"]["values"]


def test_targets_overview_one_bar_per_target_coloured_by_status(conn):
    rows = queries.targets(conn)
    spec = specs.targets_overview(rows).to_dict()
    # one panel per indicator, each a layer of bars, the 100 % rule and labels
    # catalogue indicators in catalogue order
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["软件和信息服务业营收", "新能源汽车推广量"]
    for panel in spec["vconcat"]:
        assert [layer["mark"]["type"] for layer in panel["layer"]] == ["bar", "rule", "text"]
    bars, done, labels = spec["vconcat"][-1]["layer"]
    assert bars["encoding"]["x"]["field"] == "progress"
    assert bars["encoding"]["y"]["field"] == "target_name"
    color = bars["encoding"]["color"]
    assert color["field"] == "status_label"
    assert color["scale"]["domain"] == ["已完成", "进度正常", "进行中", "进度落后", "未到期", "暂无实际值"]
    assert done["encoding"]["x"]["datum"] == 100
    assert labels["encoding"]["text"]["field"] == "label"
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 115.3]
    # the x axis is drawn once, under the last panel
    assert spec["vconcat"][0]["layer"][0]["encoding"]["x"]["axis"]["labels"] is False
    assert "labels" not in bars["encoding"]["x"]["axis"]
    by_target = {v["target_text"]: v for p in spec["vconcat"] for v in panel_values(p)}
    assert by_target["15000亿元"]["status_label"] == "已完成"
    assert by_target["15000亿元"]["progress"] == pytest.approx(115.3)
    assert by_target["15000亿元"]["label"] == "115%  实际 17297.53亿元（2025年1-11月）"
    assert by_target["50万辆"]["target_name"] == "上海 · 2027年底 · 50万辆"
    assert by_target["50万辆"]["status_label"] == "未到期"


def test_targets_overview_clamps_outliers_but_labels_the_true_figure():
    rows = [{"indicator": "出口", "entity": "上海", "target_period_end": "2025-12", "target_text": "5%",
             "actual_period_start": "2025-01", "actual_period_end": "2025-12", "actual_text": "-2.9%", "progress_pct": -58.0,
             "status": "behind"},
            {"indicator": "绿色工厂", "entity": "上海", "target_period_end": "2028-12", "target_text": "10家",
             "actual_period_end": "2025-12", "actual_text": "196家", "progress_pct": 1960.0, "status": "met"}]  # fmt: skip
    spec = specs.targets_overview(rows).to_dict()
    bars = spec["vconcat"][0]["layer"][0]
    assert bars["encoding"]["x"]["scale"] == {"domain": [0, 200], "clamp": True, "nice": True}
    assert [panel_values(p)[0]["label"] for p in spec["vconcat"]] == [
        "-58%  实际 -2.9%（2025年）",
        "1960%  实际 196家（2025年底）",
    ]


def test_growth_bars_sorted_largest_first(conn):
    assert queries.growth_years(conn) == {"2025": 3, "2024": 1}
    year = collect.busiest_year(conn)
    rows = queries.growth(conn, year)
    spec = specs.growth_bars(rows, year=year).to_dict()
    assert year == "2025"
    assert spec["title"]["text"] == "2025年各指标同比增速"
    [bars] = layer_with(spec, "bar")
    assert bars["encoding"]["x"]["field"] == "value"
    assert bars["encoding"]["y"]["sort"] == {"field": "value", "op": "max", "order": "descending"}
    values = data_values(spec)
    assert [v["name"] for v in values] == [
        "新能源汽车推广量（上海）",
        "地区生产总值（上海）",
        "地区生产总值（江苏）",
    ]
    # one rate per indicator and region: 2025's, not 2024's 5.0%
    assert [v["value"] for v in values] == [31, 5.4, 5.3]


def test_growth_bars_hold_one_period_basis(conn):
    # Whole years only: 软信业营收's 1-11月 22.6% is growth over another span, not in the chart.
    for year in queries.growth_years(conn):
        for row in queries.growth(conn, year):
            assert (row["period_start"], row["period_end"]) == (f"{year}-01", f"{year}-12")
    names = [r["name"] for r in queries.growth(conn, "2025")]
    assert "软件和信息服务业营收" not in names


def test_a_panel_with_one_point_shows_its_value_on_the_axis(conn):
    spec = collect.build(conn, "gdp").to_dict()
    panels = {p["title"]["text"]: p for p in spec["vconcat"]}
    # 江苏 has one point, 14.2万亿元: its tick is 14.2 (and the zero of a level), not a round gridline.
    axis = layer_with(panels["江苏"], "point")[0]["encoding"]["y"]["axis"]
    assert axis["values"] == [0, 14.2]
    # 上海 has several: ordinary ticks.
    assert "values" not in layer_with(panels["上海"], "point")[0]["encoding"]["y"].get("axis", {})
    # A rate with one point: its value alone (no zero: a rate's axis is not anchored there).
    growth = collect.build(conn, "gdp.growth").to_dict()
    panels = {p["title"]["text"]: p for p in growth["vconcat"]}
    assert layer_with(panels["江苏"], "point")[0]["encoding"]["y"]["axis"]["values"] == [5.3]


def test_growth_bars_put_falls_in_red():
    rows = [{"name": "出口", "entity": "上海", "period_start": "2025-01", "period_end": "2025-12", "value": -2.9,
             "quantity_text": "下降2.9%"}]  # fmt: skip
    spec = specs.growth_bars(rows, year="2025").to_dict()
    [row] = data_values(spec)
    assert (row["direction"], row["label"], row["label_x"]) == ("下降", "-2.9%（2025年）", 0)
