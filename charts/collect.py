"""Which charts a database has, by name, and each one built from its rows.

Names are what the CLI writes (`NAME.svg`) and what the site serves (`/-/charts/NAME.svg`):
`gdp` (an indicator's main measure), `gdp.growth` (another measure), `targets-overview`,
`growth-rates-2025` (one per year) and `growth-rates` (the year with the most rates).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import altair as alt

from charts import queries, specs
from charts.display import MEASURE_LABELS

TARGETS = "targets-overview"
GROWTH = "growth-rates"


class UnknownChart(Exception):
    """No such chart in this database"""


@dataclass(frozen=True)
class ChartRef:
    """One chart of the database: its name and what a list of charts says about it."""

    name: str
    title: str
    indicator_id: str | None = None
    measure: str | None = None


def available(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> list[ChartRef]:
    """Every chart the database can draw (for the indicators in `ids`, or all): indicators, then overviews."""
    wanted = set(ids) if ids else None
    refs = []
    for ind in queries.indicators(conn):
        if wanted is not None and ind["id"] not in wanted:
            continue
        for i, measure in enumerate(ind["measures"]):
            name = ind["id"] if i == 0 else f"{ind['id']}.{measure}"
            title = ind["name"] if measure == "level" else f"{ind['name']} · {MEASURE_LABELS[measure]}"
            refs.append(ChartRef(name, title, ind["id"], measure))
    if queries.targets(conn, wanted):
        refs.append(ChartRef(TARGETS, "目标进度"))
    for year in queries.growth_years(conn, wanted):
        refs.append(ChartRef(f"{GROWTH}-{year}", f"{year}年各指标同比增速"))
    return refs


def busiest_year(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> str:
    """The year with the most growth rates (the latest of equals); '' when there is none."""
    years = queries.growth_years(conn, ids)
    return max(years, key=lambda y: (years[y], y), default="")


def build(conn: sqlite3.Connection, name: str, ids: Iterable[str] | None = None) -> alt.TopLevelMixin:
    """The chart called `name`, from the database's rows. Raises UnknownChart."""
    if name == TARGETS:
        rows = queries.targets(conn, ids)
        if not rows:
            raise UnknownChart(f"{UnknownChart.__doc__}: no targets with a period")
        return specs.targets_overview(rows)
    if name == GROWTH or name.startswith(GROWTH + "-"):
        year = name[len(GROWTH) + 1 :] or busiest_year(conn, ids)
        rows = queries.growth(conn, year, ids) if year else []
        if not rows:
            raise UnknownChart(f"{UnknownChart.__doc__}: no actual growth rates for {year or 'any year'}")
        return specs.growth_bars(rows, year=year)
    indicator_id, _, measure = name.partition(".")
    found = queries.indicators(conn, indicator_id)
    if not found or (measure and measure not in found[0]["measures"]):
        raise UnknownChart(f'{UnknownChart.__doc__}: "{name}"')
    ind = found[0]
    measure = measure or ind["measures"][0]
    rows, paths = queries.series(conn, indicator_id, measure)
    title = ind["name"] if measure == "level" else f"{ind['name']} · {MEASURE_LABELS[measure]}"
    return specs.indicator_series(rows, paths, title=title, measure=measure)
