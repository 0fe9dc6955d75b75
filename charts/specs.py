"""Pure functions from rows (dicts, as charts.queries returns them) to Altair charts. No I/O.

>>> rows, paths = queries.series(conn, "software_revenue", "level")
>>> spec = indicator_series(rows, paths, title="软件和信息服务业营收").to_dict()
>>> [layer["mark"]["type"] for layer in spec["layer"]]
['rule', 'line', 'point', 'point', 'point', 'text', 'text', 'text']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import altair as alt

from charts import theme  # noqa: F401  (registers and enables the zhibiao theme)
from charts.display import (
    KIND_LABELS,
    STATUS_LABELS,
    months_covered,
    period_label,
    pick_scale,
)
from charts.theme import KIND_COLORS, STATUS_COLORS

WIDTH = 560
KIND_SHAPES = {"实际值": "circle", "预计值": "circle", "目标值": "diamond"}
_MEASURE_AXIS = {"growth": "增速", "share": "比重", "pp_change": "变化", "multiple": "倍数"}
MAX_LABELLED_ACTUALS = 3
MAX_PROGRESS = 200
SERIES_NOTES = {
    "actual": "线和实心点：实际值",
    "estimate": "空心点：预计值",
    "target": "菱形：目标值",
    "path": "虚线：从基期（或最新）实际值到目标的路径",
}


class NoRows(ValueError):
    """No dated rows to chart"""


class MixedUnits(ValueError):
    """Rows of one chart must share one unit"""


def _one_unit(rows: Sequence[dict]) -> str:
    units = Counter(r["unit"] for r in rows if r.get("unit"))
    if len(units) > 1:
        raise MixedUnits(f"{MixedUnits.__doc__}; got {', '.join(sorted(units))}")
    return next(iter(units), "")


def _tooltip(*extra: alt.Tooltip) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("entity:N", title="主体"),
        alt.Tooltip("period:N", title="时间"),
        alt.Tooltip("kind_label:N", title="类型"),
        alt.Tooltip("quantity_text:N", title="原文数值"),
        *extra,
        alt.Tooltip("title:N", title="来源"),
        alt.Tooltip("published:N", title="发布日期"),
        alt.Tooltip("evidence:N", title="原文"),
    ]


def series_values(rows: Sequence[dict], paths: Sequence[dict] = ()) -> list[dict]:
    """Fact rows and target-path rows as one data set: `row` says which; `period`, `kind_label` and
    `label` are for people. Every target and estimate is labelled; actuals all when an entity has
    few of them, else its latest only."""
    facts = [r for r in rows if r.get("period_end")]  # an open-ended target has no place on a time axis
    actuals: dict[str | None, list[dict]] = {}
    for r in facts:
        if r["kind"] == "actual":
            actuals.setdefault(r["entity"], []).append(r)
    # The latest actual of each entity: latest period end, then the longest period.
    latest = {id(max(a, key=lambda r: (r["period_end"], months_covered(r.get("period_start"), r["period_end"]))))
              for a in actuals.values()}  # fmt: skip
    values = []
    for r in facts:
        period = period_label(r.get("period_start"), r["period_end"])
        if r["kind"] == "target":
            label = f"目标 {r['quantity_text']}"
        elif r["kind"] == "estimate":
            label = f"预计 {r['quantity_text']}"
        elif len(actuals[r["entity"]]) <= MAX_LABELLED_ACTUALS or id(r) in latest:
            label = (
                r["quantity_text"]
                if months_covered(r.get("period_start"), r["period_end"]) in (0, 12)
                else f"{r['quantity_text']}（{period}）"
            )
        else:
            label = None
        values.append(
            {
                **r,
                "row": "fact",
                "kind_label": KIND_LABELS.get(r["kind"], r["kind"]),
                "period": period,
                "span": months_covered(r.get("period_start"), r["period_end"]),
                "label": label,
            }
        )
    for p in paths:
        if p.get("start_period_end") and p.get("start_value") is not None and p.get("target_period_end"):
            values.append(
                {
                    "row": "path",
                    "entity": p["entity"],
                    "kind_label": KIND_LABELS["target"],
                    "period_end": p["start_period_end"],
                    "period_end2": p["target_period_end"],
                    "value": p["start_value"],
                    "value2": p["target_value"],
                    "path_from": "基期实际值" if p.get("start_kind") == "baseline" else "最新实际值",
                    "period": period_label(None, p["start_period_end"])
                    + " → "
                    + period_label(p.get("target_period_start"), p["target_period_end"]),
                    "quantity_text": p.get("target_text"),
                    "status": STATUS_LABELS.get(p.get("status"), p.get("status")),
                }
            )
    return values


def _years(values: Sequence[dict]) -> tuple[int, int]:
    """First and last year-end of the time axis: the year-end before the first point, at least a year."""
    ends = sorted(v[k] for v in values for k in ("period_end", "period_end2") if v.get(k))
    last = int(ends[-1][:4])
    first = int(ends[0][:4]) - (0 if ends[0][5:7] == "12" else 1)
    return min(first, last - 1), last


def _year_end(year: int) -> alt.DateTime:
    """1 December of the year, UTC: where a YYYY-12 period_end is drawn. (The x scale takes it as
    domainMin/domainMax: a `domain` repeated in layers makes Vega-Lite warn of a conflict, and a
    number there is read as a year.)"""
    return alt.DateTime(year=year, month=12, date=1, utc=True)


def indicator_series(
    rows: Sequence[dict], paths: Sequence[dict] = (), *, title: str, measure: str = "level"
) -> alt.LayerChart | alt.VConcatChart:
    """An indicator's series for one measure: actuals as a line with points, estimates as hollow points,
    targets as labelled diamonds at their target period, a dashed rule for each target's path.

    `rows` come from the `series` view (with title, published, evidence of the reporting document);
    `paths` from `targets_vs_actuals`. One panel per entity when there are several, each in the
    units its own values call for (a grid in 亿千瓦, a factory in 万千瓦).

    >>> indicator_series([{"entity": "上海", "kind": "actual", "period_end": "2024-12", "value": 5.39e12,
    ...                     "unit": "CNY", "quantity_text": "5.39万亿元", ...}], title="地区生产总值")
    """
    unit = _one_unit(rows)
    values = series_values(rows, paths)
    if not values:
        raise NoRows(f"{NoRows.__doc__}: {title}")
    entities = list(dict.fromkeys(sorted(v["entity"] or "" for v in values)))
    kinds = [k for k in KIND_LABELS if any(v["row"] == "fact" and v["kind"] == k for v in values)]
    has_path = any(v["row"] == "path" for v in values)
    note = "；".join(SERIES_NOTES[k] for k in [*kinds, *(["path"] if has_path else [])])
    first, last = _years(values)
    panels = [
        _series_panel(
            [v for v in values if (v["entity"] or "") == entity],
            unit=unit,
            measure=measure,
            kinds=kinds,
            years=(first, last),
            x_axis=entity == entities[-1],
        )
        for entity in entities
    ]
    if len(panels) == 1:
        heading = f"{title}（{entities[0]}）" if entities[0] else title
        return panels[0].properties(height=280, title=alt.TitleParams(heading, subtitle=note))
    height = 200 if len(panels) <= 3 else 140
    return alt.vconcat(
        *(
            panel.properties(height=height, title=alt.TitleParams(entity, anchor="start", fontSize=13))
            for panel, entity in zip(panels, entities, strict=True)
        ),
        spacing=14,
    ).properties(title=alt.TitleParams(title, subtitle=note))


def _series_panel(
    values: list[dict], *, unit: str, measure: str, kinds: list[str], years: tuple[int, int], x_axis: bool
) -> alt.LayerChart:
    """One entity's layers, its values divided by the display scale they call for."""
    scale = pick_scale([v.get(k) for v in values for k in ("value", "value2")], unit)
    values = [
        {**v, "shown": v["value"] / scale.factor, "shown2": (v.get("value2") or 0) / scale.factor}
        for v in values
    ]
    y_title = scale.label if measure == "level" else f"{_MEASURE_AXIS.get(measure, measure)}（{scale.label}）"
    # Layers only for what there is: an empty layer draws nothing but warns in the browser console.
    present = [k for k in kinds if any(v["row"] == "fact" and v["kind"] == k for v in values)]
    has_path = any(v["row"] == "path" for v in values)

    shown_kinds = [KIND_LABELS[k] for k in kinds]
    kind_color = alt.Color(
        "kind_label:N",
        title="类型",
        scale=alt.Scale(domain=shown_kinds, range=[KIND_COLORS[k] for k in shown_kinds]),
        legend=alt.Legend(orient="top"),
    )
    kind_shape = alt.Shape(
        "kind_label:N",
        title="类型",
        scale=alt.Scale(domain=shown_kinds, range=[KIND_SHAPES[k] for k in shown_kinds]),
    )
    first, last = years
    step = max(1, (last - first + 1) // 10)
    axis = alt.Axis(
        # A tick at each December: a year's figure (period_end YYYY-12) sits on its year's label.
        labelExpr="utcFormat(datum.value, '%Y')",
        values=[_year_end(y) for y in range(last, first - 1, -step)][::-1],
        grid=True,
    )
    if not x_axis:  # the x axis once, under the last panel; the others keep its grid
        axis = alt.Axis(values=axis.values, grid=True, labels=False, ticks=False, domain=False, title=None)
    x = alt.X(
        "period_end:T",
        title="时间（刻度为年末）",
        scale=alt.Scale(type="utc", padding=24, domainMin=_year_end(first), domainMax=_year_end(last)),
        axis=axis,
    )
    # One value in the panel: its tick is the value itself (5.4 %, not a gridline labelled 5).
    shown = {round(v["shown"], 9) for v in values if v["row"] == "fact"}
    y_axis = alt.Axis()
    if len(shown) == 1:
        ticks = shown | {0} if measure == "level" else shown  # a level's axis starts at zero: show where
        y_axis = alt.Axis(values=sorted(ticks), format=".12~g")
    y = alt.Y("shown:Q", title=y_title, scale=alt.Scale(zero=measure == "level"), axis=y_axis)
    base = alt.Chart()
    is_kind = {k: f"datum.row == 'fact' && datum.kind == '{k}'" for k in KIND_LABELS}

    layers = []
    if has_path:
        layers.append(
            base.transform_filter("datum.row == 'path'")
            .mark_rule(strokeDash=[6, 4], strokeWidth=1.5, opacity=0.8)
            .encode(
                x=x,
                x2="period_end2:T",
                y=y,
                y2="shown2:Q",
                color=kind_color,
                tooltip=[
                    alt.Tooltip("entity:N", title="主体"),
                    alt.Tooltip("path_from:N", title="起点"),
                    alt.Tooltip("period:N", title="时间"),
                    alt.Tooltip("quantity_text:N", title="目标（原文）"),
                    alt.Tooltip("status:N", title="进度"),
                ],
            )
        )
    if "actual" in present:
        layers.append(
            base.transform_filter(is_kind["actual"])
            .mark_line(strokeWidth=2)
            .encode(x=x, y=y, color=kind_color, detail=alt.Detail("span:O"))
        )
    tooltip = _tooltip(alt.Tooltip("n_reports:Q", title="报道次数"))
    points = {
        "actual": {"filled": True, "size": 60},
        "estimate": {"filled": False, "size": 80, "strokeWidth": 2},
        "target": {"filled": True, "size": 160},
    }
    layers += [
        base.transform_filter(is_kind[kind])
        .mark_point(opacity=1, **style)
        .encode(x=x, y=y, color=kind_color, shape=kind_shape, tooltip=tooltip)
        for kind, style in points.items()
        if kind in present
    ]
    # Labels to the right of their point (never over the y axis), in their kind's colour.
    label_style = {
        "actual": {"align": "left", "dx": 7, "dy": -9, "color": KIND_COLORS["实际值"]},
        "estimate": {"align": "left", "dx": 10, "fontWeight": "bold", "color": KIND_COLORS["预计值"]},
        "target": {"align": "left", "dx": 10, "fontWeight": "bold", "color": KIND_COLORS["目标值"]},
    }
    layers += [
        base.transform_filter(f"{is_kind[kind]} && datum.label != null")
        .mark_text(**style)
        .encode(x=x, y=y, text="label:N")
        for kind, style in label_style.items()
        if kind in present
    ]
    return alt.layer(*layers, data=alt.Data(values=values)).properties(width=WIDTH)


def _progress_label(row: dict) -> str:
    """'115%  实际 17297.53亿元（2025年11月）', or the status when there is no progress to give."""
    if row.get("progress_pct") is None:
        return STATUS_LABELS.get(row["status"], row["status"])
    period = (
        period_label(row.get("actual_period_start"), row["actual_period_end"])
        if row.get("actual_period_end")
        else ""
    )
    return f"{row['progress_pct']:.0f}%  实际 {row.get('actual_text') or ''}（{period}）"


def targets_overview(rows: Sequence[dict]) -> alt.VConcatChart:
    """One bar per target: progress (actual / target, %) coloured by status, one panel per indicator.

    `rows` come from the `targets_vs_actuals` view.
    """
    values = [
        {
            **r,
            "status_label": STATUS_LABELS.get(r["status"], r["status"]),
            "target_period": period_label(r.get("target_period_start"), r.get("target_period_end")),
            "actual_period": (
                period_label(r.get("actual_period_start"), r["actual_period_end"])
                if r.get("actual_period_end")
                else ""
            ),
            "target_name": f"{r.get('entity') or ''} · {period_label(r.get('target_period_start'), r.get('target_period_end'))} · {r.get('target_text') or ''}",
            "progress": r["progress_pct"] if r.get("progress_pct") is not None else 0,
            "label": _progress_label(r),
        }
        for r in rows
    ]
    # Rows come ordered (indicator, entity, target period); labels are computed here, not in Vega,
    # so that every layer reads the same data and the panels' scales resolve without warnings.
    y = alt.Y("target_name:N", title=None, sort=None, axis=alt.Axis(labelLimit=300))
    # Bars stop at 0 and MAX_PROGRESS % so one outlier (a fall, or 20 times the target) does not
    # flatten the others; the label still gives the true figure.
    top = min(max([100, *(v["progress"] for v in values)]), MAX_PROGRESS)
    x = alt.X(
        "progress:Q",
        title="进度（实际值 / 目标值，%）",
        scale=alt.Scale(domain=[0, top], clamp=True, nice=True),
        stack=None,  # one bar per row: no stacking, so bars and labels read the same data
    )
    status = alt.Color(
        "status_label:N",
        title="状态",
        scale=alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values())),
        legend=alt.Legend(orient="top"),
    )
    tooltip = [
        alt.Tooltip("indicator:N", title="指标"),
        alt.Tooltip("entity:N", title="主体"),
        alt.Tooltip("target_period:N", title="目标期"),
        alt.Tooltip("target_text:N", title="目标（原文）"),
        alt.Tooltip("actual_text:N", title="实际值（原文）"),
        alt.Tooltip("actual_period:N", title="实际值时间"),
        alt.Tooltip("progress_pct:Q", title="进度 %", format=".1f"),
        alt.Tooltip("status_label:N", title="状态"),
    ]
    # One panel per indicator, stacked: a vconcat of layered charts, each with its own rows (a
    # faceted layer with independent y scales would make Vega-Lite warn on every draw).
    panels = []
    indicators = list(dict.fromkeys(v["indicator"] for v in values))
    for indicator in indicators:
        base = alt.Chart(alt.Data(values=[v for v in values if v["indicator"] == indicator]))
        # The x axis once, under the last panel; the others keep its grid.
        if indicator != indicators[-1]:
            x = x.axis(labels=False, ticks=False, domain=False, title=None)
        else:
            x = x.axis(alt.Axis())
        bars = base.mark_bar(height={"band": 0.7}).encode(x=x, y=y, color=status, tooltip=tooltip)
        done = base.mark_rule(color="#333", strokeDash=[3, 3]).encode(x=alt.datum(100))
        labels = base.mark_text(align="left", dx=4).encode(x=x, y=y, text="label:N")
        panels.append(
            alt.layer(bars, done, labels).properties(
                width=WIDTH - 120,
                height={"step": 24},
                title=alt.TitleParams(indicator, anchor="start", fontSize=13),
            )
        )
    return alt.vconcat(*panels, spacing=14).properties(
        title=alt.TitleParams("目标进度", subtitle="每个目标一条：实际值占目标值的百分比；虚线为 100%")
    )


def growth_bars(rows: Sequence[dict], *, year: str) -> alt.LayerChart:
    """The year's growth rates (actuals, %), one bar per indicator and entity, largest first.

    `rows` come from `charts.queries.GROWTH_SQL`: one growth rate per indicator and entity, each
    for the whole year on the year before (one period basis).
    """
    values = [
        {
            **r,
            "name": f"{r['name']}（{r['entity']}）" if r.get("entity") else r["name"],
            "period": period_label(r.get("period_start"), r.get("period_end")),
            "direction": "下降" if r["value"] < 0 else "增长",
            "label": f"{r['value']:+.1f}%（{period_label(r.get('period_start'), r.get('period_end'))}）",
            "label_x": max(r["value"], 0),
        }
        for r in rows
    ]
    y = alt.Y(
        "name:N",
        title=None,
        sort=alt.EncodingSortField("value", op="max", order="descending"),
        axis=alt.Axis(labelLimit=320),
    )
    x = alt.X("value:Q", title="同比增速（%）")
    color = alt.Color(
        "direction:N",
        title=None,
        scale=alt.Scale(domain=["增长", "下降"], range=["#1f5aa6", "#e53935"]),
        legend=None,
    )
    tooltip = [
        alt.Tooltip("name:N", title="指标"),
        alt.Tooltip("period:N", title="时间"),
        alt.Tooltip("quantity_text:N", title="原文数值"),
        alt.Tooltip("title:N", title="来源"),
        alt.Tooltip("evidence:N", title="原文"),
    ]
    base = alt.Chart().encode(y=y)
    bars = base.mark_bar().encode(x=x, color=color, tooltip=tooltip)
    # A fall's label starts at zero, right of its bar, so no label sits on a bar.
    labels = base.mark_text(align="left", dx=4).encode(x="label_x:Q", text="label:N")
    zero = alt.Chart().mark_rule(color="#333").encode(x=alt.datum(0))
    return alt.layer(bars, labels, zero, data=alt.Data(values=values)).properties(
        width=WIDTH - 120,
        height={"step": 22},
        title=alt.TitleParams(
            f"{year}年各指标同比增速", subtitle="全年实际值，比上年增长；不含月度、累计至某月和多年平均"
        ),
    )
