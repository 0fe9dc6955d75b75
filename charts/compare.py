"""One indicator's series for chosen entities: the rows (SQL on the `series` view) and the chart that
compares them on one axis, as Our World in Data's "add country" does.

An indicator is a catalogue id (gdp) or, for a phrase the catalogue does not know, the phrase as
the text wrote it (`series.indicator` with no indicator_id): both have series pages.

>>> rows = series_rows(conn, "gdp", "level", ["上海", "江苏"])
>>> compare_chart(rows, [], title="地区生产总值").to_dict()["layer"][0]["mark"]["type"]
'line'
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence

import altair as alt

from charts import specs
from charts.display import KIND_LABELS, months_covered, pick_scale
from charts.queries import COMPARABLE, MEASURE_ORDER, fetch

# Rows of series that belong to `:key`: its catalogue id, or its phrase when it has none.
KEY = "(s.indicator_id = :key or (s.indicator_id is null and s.indicator = :key))"

SERIES_SQL = f"""
select s.indicator_id, s.indicator, s.entity, s.kind, s.measure, s.period_start, s.period_end,
       s.value, s.unit, s.quantity_text, s.qualifier, s.n_reports, s.first_reported, s.last_reported,
       s.fact_id, s.doc, d.title, d.published, d.url, d.publisher, f.evidence,
       {COMPARABLE.format(s="s")} as comparable
from series s
left join facts f on f.id = s.fact_id
left join documents d on d.id = s.doc
where {KEY} and s.measure = :measure and s.entity in (select value from json_each(:entities))
order by s.entity, s.period_end, s.kind
"""

# Target paths (baseline -> target) of a catalogue indicator, for the chosen entities.
PATHS_SQL = """
select entity, unit, target_period_start, target_period_end, target_value, target_text,
       coalesce(baseline_period_end, actual_period_end) as start_period_end,
       coalesce(baseline_value, actual_value) as start_value,
       case when baseline_value is not null then 'baseline' else 'actual' end as start_kind,
       actual_text, progress_pct, status
from targets_vs_actuals
where indicator_id = :key and measure = :measure and target_period_end is not null
  and entity in (select value from json_each(:entities))
  and (baseline_value is not null or (actual_value is not null and actual_period_end < target_period_end))
order by entity, target_period_end
"""

ENTITIES_SQL = f"""
select s.entity, count(*) as n_points, sum(s.kind = 'actual') as n_actuals,
       min(s.period_end) as first_period, max(s.period_end) as last_period
from series s
where {KEY} and s.measure = :measure and s.entity is not null
group by s.entity
order by n_actuals desc, n_points desc, s.entity
"""

MEASURES_SQL = f"""
select s.measure, count(*) as n from series s
where {KEY} and (:entity is null or s.entity = :entity)
group by s.measure
"""

DEFAULT_ENTITIES = 4  # a comparison without a choice shows the entities with the most actuals


def indicator(conn: sqlite3.Connection, key: str) -> dict | None:
    """The catalogue row of `key`, or a stand-in for a phrase outside the catalogue; None when unknown."""
    found = fetch(conn, "select * from indicators where id = :key", key=key)
    if found:
        return {**found[0], "in_catalogue": True}
    known = fetch(
        conn, "select 1 from series where indicator_id is null and indicator = :key limit 1", key=key
    )
    return (
        {"id": None, "name": key, "name_en": None, "description": None, "in_catalogue": False}
        if known
        else None
    )


def measures(conn: sqlite3.Connection, key: str, entity: str | None = None) -> list[str]:
    """The measures this indicator has (for one entity, or any), in the charts' order."""
    present = {r["measure"] for r in fetch(conn, MEASURES_SQL, key=key, entity=entity)}
    return [m for m in MEASURE_ORDER if m in present] + sorted(present - set(MEASURE_ORDER))


def entities(conn: sqlite3.Connection, key: str, measure: str) -> list[dict]:
    """The entities with points of this indicator and measure, those with the most actuals first."""
    return fetch(conn, ENTITIES_SQL, key=key, measure=measure)


def series_rows(conn: sqlite3.Connection, key: str, measure: str, chosen: Sequence[str]) -> list[dict]:
    """Every point of the indicator and measure for the chosen entities, with its document."""
    return fetch(conn, SERIES_SQL, key=key, measure=measure, entities=json.dumps(list(chosen)))


def target_paths(conn: sqlite3.Connection, key: str, measure: str, chosen: Sequence[str]) -> list[dict]:
    return fetch(conn, PATHS_SQL, key=key, measure=measure, entities=json.dumps(list(chosen)))


def main_unit(rows: Sequence[dict]) -> str | None:
    """The unit most rows are in: a chart has one axis, so rows in another unit stay in the table."""
    units = Counter(r["unit"] for r in rows if r.get("unit") and r.get("period_end"))
    return units.most_common(1)[0][0] if units else None


def compare_chart(
    rows: Sequence[dict], paths: Sequence[dict] = (), *, title: str, measure: str = "level"
) -> alt.LayerChart:
    """Several entities of one indicator on one axis: a line with points per entity (colour), targets as
    diamonds and estimates as hollow points in their entity's colour, dashed paths to the targets.

    `rows` share one unit (main_unit()); the scale (万亿元, 亿元, %) is chosen from all of them."""
    # Only points that compare with each other on a time axis (charts.queries.COMPARABLE): not a
    # comparison with another region, a contribution, an increment or a multi-year average.
    rows = [r for r in rows if r.get("comparable", 1)]
    unit = main_unit(rows)
    rows = [r for r in rows if r.get("unit") == unit]
    values = specs.series_values(rows, [p for p in paths if p.get("unit") == unit])
    if not values:
        raise specs.NoRows(f"{specs.NoRows.__doc__}: {title}")
    scale = pick_scale([v.get(k) for v in values for k in ("value", "value2")], unit or "")
    values = [
        {**v, "shown": v["value"] / scale.factor, "shown2": (v.get("value2") or 0) / scale.factor}
        for v in values
    ]
    chosen = list(dict.fromkeys(v["entity"] for v in values))
    first, last = specs._years(values)
    step = max(1, (last - first + 1) // 10)
    x = alt.X(
        "period_end:T",
        title="时间（刻度为年末）",
        scale=alt.Scale(
            type="utc", padding=24, domainMin=specs._year_end(first), domainMax=specs._year_end(last)
        ),
        axis=alt.Axis(
            labelExpr="utcFormat(datum.value, '%Y')",
            values=[specs._year_end(y) for y in range(last, first - 1, -step)][::-1],
            grid=True,
        ),
    )
    y_title = (
        scale.label if measure == "level" else f"{specs._MEASURE_AXIS.get(measure, measure)}（{scale.label}）"
    )
    y = alt.Y("shown:Q", title=y_title, scale=alt.Scale(zero=measure == "level"))
    color = alt.Color(
        "entity:N", title="主体", scale=alt.Scale(domain=chosen), legend=alt.Legend(orient="top")
    )
    shapes = [
        KIND_LABELS[k] for k in KIND_LABELS if any(v["row"] == "fact" and v["kind"] == k for v in values)
    ]
    shape = alt.Shape(
        "kind_label:N",
        title="类型",
        scale=alt.Scale(domain=shapes, range=[specs.KIND_SHAPES[k] for k in shapes]),
        legend=alt.Legend(orient="top"),
    )
    tooltip = specs._tooltip(alt.Tooltip("n_reports:Q", title="报道次数"))
    base = alt.Chart()
    is_kind = {k: f"datum.row == 'fact' && datum.kind == '{k}'" for k in KIND_LABELS}
    layers = [
        # Actuals of one span (years, or 1-11月 cumulations) joined by a line per entity.
        base.transform_filter(is_kind["actual"])
        .mark_line(strokeWidth=2)
        .encode(x=x, y=y, color=color, detail=alt.Detail("span:O")),
        base.transform_filter("datum.row == 'fact'")
        .mark_point(size=70, opacity=1, filled=True)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip),
        base.transform_filter("datum.row == 'fact' && datum.label != null")
        .mark_text(align="left", dx=7, dy=-9)
        .encode(x=x, y=y, text="label:N", color=color),
    ]
    if any(v["row"] == "path" for v in values):
        layers.insert(
            0,
            base.transform_filter("datum.row == 'path'")
            .mark_rule(strokeDash=[6, 4], strokeWidth=1.5, opacity=0.7)
            .encode(x=x, x2="period_end2:T", y=y, y2="shown2:Q", color=color),
        )
    kinds = {v["kind"] for v in values if v["row"] == "fact"}
    note = "；".join(specs.SERIES_NOTES[k].split("：")[1] for k in KIND_LABELS if k in kinds)
    heading = f"{title}（{'、'.join(chosen)}）"
    return alt.layer(*layers, data=alt.Data(values=values)).properties(
        width=specs.WIDTH,
        height=300,
        title=alt.TitleParams(heading, subtitle=f"同一坐标轴；{y_title}；{note}；每条线一个主体"),
    )


def frequency(rows: Sequence[dict]) -> str:
    """How often the series is reported, from its actuals' periods: 年度 annual, 月度累计 year to date …"""
    spans = Counter(
        months_covered(r.get("period_start"), r["period_end"])
        for r in rows
        if r.get("kind") == "actual" and r.get("period_end")
    )
    names = {
        12: "年度 annual",
        6: "半年 half-yearly",
        3: "季度 quarterly",
        1: "月度 monthly",
        0: "时点 as of a date",
    }
    found = [
        names.get(span) or ("多年 multi-year" if span > 12 else "年初至今累计 year to date")
        for span, _ in spans.most_common()
    ]
    return "、".join(dict.fromkeys(found)) or "仅有目标或预计 targets or estimates only"
