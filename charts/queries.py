"""Every SQL statement the charts read, against the views of the database contract (series,
targets_vs_actuals). Grouping, ranking and the choice of unit happen here, in SQL; the functions
take an open sqlite3 connection (the CLI's, or Datasette's through `db.execute_fn`) and return dicts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

# Measures in the order an indicator's charts are shown; the first one present is its main chart.
MEASURE_ORDER = ("level", "share", "growth", "pp_change", "multiple")

INDICATORS_SQL = """
select i.id, i.name, i.name_en, i.category, i.unit,
       count(*) as n_points,
       sum(s.kind = 'target') as n_targets,
       group_concat(distinct s.measure) as measures,
       min(s.period_end) as first_period,
       max(s.period_end) as last_period
from series s join indicators i on i.id = s.indicator_id
where s.period_end is not null and (:indicator_id is null or i.id = :indicator_id)
group by i.id
order by i.category, i.id
"""

# The rows of one indicator and measure in its most frequent unit (a chart has one y axis), with
# the document that reported each consolidated value.
SERIES_SQL = """
select s.entity, s.kind, s.measure, s.period_start, s.period_end, s.value, s.unit,
       s.quantity_text, s.qualifier, s.n_reports, s.fact_id, s.doc,
       d.title, d.published, d.url, f.evidence
from series s
left join facts f on f.id = s.fact_id
left join documents d on d.id = s.doc
where s.indicator_id = :indicator_id and s.measure = :measure and s.period_end is not null
  and s.unit = (
    select unit from series
    where indicator_id = :indicator_id and measure = :measure and period_end is not null
    group by unit order by count(*) desc, unit limit 1
  )
order by s.entity, s.period_end, s.kind
"""

# Each target's path, for the series chart: from the baseline actual to the target, or, with no
# baseline, from the latest actual before the target's period (what remains to be done).
PATHS_SQL = """
select entity, unit, target_period_start, target_period_end, target_value, target_text,
       coalesce(baseline_period_end, actual_period_end) as start_period_end,
       coalesce(baseline_value, actual_value) as start_value,
       case when baseline_value is not null then 'baseline' else 'actual' end as start_kind,
       actual_text, progress_pct, status
from targets_vs_actuals
where indicator_id = :indicator_id and measure = :measure and target_period_end is not null
  and (baseline_value is not null
       or (actual_value is not null and actual_period_end < target_period_end))
order by entity, target_period_end
"""

# :ids is a JSON list of indicator ids, or null for every indicator.
TARGETS_SQL = """
select t.target_fact_id, t.indicator_id, coalesce(i.name, t.indicator) as indicator, t.entity,
       t.measure, t.unit, t.target_period_start, t.target_period_end, t.target_value, t.target_text,
       t.actual_period_start, t.actual_period_end, t.actual_value, t.actual_text, t.progress_pct, t.status
from targets_vs_actuals t
left join indicators i on i.id = t.indicator_id
where t.indicator_id is not null and t.target_period_end is not null
  and (:ids is null or t.indicator_id in (select value from json_each(:ids)))
order by coalesce(i.name, t.indicator), t.entity, t.target_period_end
"""

# Years with actual growth rates, and how many indicator × entity rates each has.
GROWTH_YEARS_SQL = """
select substr(period_end, 1, 4) as year,
       count(distinct indicator_id || char(31) || coalesce(entity, '')) as n_rates
from series
where measure = 'growth' and kind = 'actual' and unit = '%' and indicator_id is not null
  and period_end is not null
  and (:ids is null or indicator_id in (select value from json_each(:ids)))
group by year
order by year desc
"""

# One growth rate per indicator and entity in the year: the latest period, the longest at that end
# (2025年 before 2025年12月), the most reported.
GROWTH_SQL = """
with ranked as (
  select s.*, row_number() over (
           partition by s.indicator_id, s.entity
           order by s.period_end desc, s.period_start asc, s.n_reports desc
         ) as rank
  from series s
  where s.measure = 'growth' and s.kind = 'actual' and s.unit = '%'
    and s.indicator_id is not null and substr(s.period_end, 1, 4) = :year
    and (:ids is null or s.indicator_id in (select value from json_each(:ids)))
)
select r.indicator_id, coalesce(i.name, r.indicator) as name, r.entity, r.period_start, r.period_end,
       r.value, r.quantity_text, d.title, d.published, f.evidence
from ranked r
left join indicators i on i.id = r.indicator_id
left join facts f on f.id = r.fact_id
left join documents d on d.id = r.doc
where r.rank = 1
order by r.value desc
"""


def fetch(conn: sqlite3.Connection, sql: str, **params) -> list[dict]:
    """Run one statement; rows as dicts whatever the connection's row factory."""
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _ids(ids: Iterable[str] | None) -> str | None:
    return json.dumps(list(ids)) if ids else None


def indicators(conn: sqlite3.Connection, indicator_id: str | None = None) -> list[dict]:
    """Indicators with at least one dated point (all, or one); `measures` is a list in MEASURE_ORDER."""
    rows = fetch(conn, INDICATORS_SQL, indicator_id=indicator_id)
    for r in rows:
        present = set((r["measures"] or "").split(","))
        r["measures"] = [m for m in MEASURE_ORDER if m in present]
    return rows


def series(conn: sqlite3.Connection, indicator_id: str, measure: str) -> tuple[list[dict], list[dict]]:
    """(points, target paths) of one indicator and measure."""
    params = {"indicator_id": indicator_id, "measure": measure}
    return fetch(conn, SERIES_SQL, **params), fetch(conn, PATHS_SQL, **params)


def targets(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> list[dict]:
    """Rows of targets_vs_actuals for catalogued indicators (all, or those in `ids`)."""
    return fetch(conn, TARGETS_SQL, ids=_ids(ids))


def growth_years(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> dict[str, int]:
    """{year: number of growth rates} for the years with actual growth rates, latest first."""
    return {r["year"]: r["n_rates"] for r in fetch(conn, GROWTH_YEARS_SQL, ids=_ids(ids))}


def growth(conn: sqlite3.Connection, year: str, ids: Iterable[str] | None = None) -> list[dict]:
    """One actual growth rate per indicator and entity in `year`, largest first."""
    return fetch(conn, GROWTH_SQL, year=year, ids=_ids(ids))
