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

# Series points that compare with one another on one chart: a level or a rate, a change on the year
# before, totals (not what was added), over a month, a quarter, the year so far, a year, or at a
# date. Not a comparison with another region (vs:全国), a contribution, a share of another total, a
# multi-year average or a cumulative change (indicators/basis.py).
COMPARABLE = """coalesce({s}.comparison, 'yoy') = 'yoy' and {s}.increment = 0
  and {s}.period_basis in ('as_of', 'month', 'quarter', 'ytd', 'year')"""

INDICATORS_SQL = """
select i.id, i.name, i.name_en, i.category, i.unit,
       count(*) as n_points,
       sum(s.kind = 'target') as n_targets,
       group_concat(distinct s.measure) as measures,
       min(s.period_end) as first_period,
       max(s.period_end) as last_period
from series s join indicators i on i.id = s.indicator_id
where s.period_end is not null and (:indicator_id is null or i.id = :indicator_id)
  and {comparable}
group by i.id
order by i.rowid
""".format(comparable=COMPARABLE.format(s="s"))

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
  and {comparable}
  and s.unit = (
    select unit from series u
    where u.indicator_id = :indicator_id and u.measure = :measure and u.period_end is not null
      and {comparable_u}
    group by u.unit order by count(*) desc, u.unit limit 1
  )
order by s.entity, s.period_end, s.kind
""".format(comparable=COMPARABLE.format(s="s"), comparable_u=COMPARABLE.format(s="u"))

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
  and coalesce(comparison, 'yoy') = 'yoy' and increment = 0
  and (baseline_value is not null
       or (actual_value is not null and actual_period_end < target_period_end))
order by entity, target_period_end
"""

# :ids is a JSON list of indicator ids, or null for every indicator. Catalogue targets only, in
# catalogue order (the table's own order).
TARGETS_SQL = """
select t.target_fact_id, t.indicator_id, coalesce(i.name, t.indicator) as indicator, t.entity,
       t.measure, t.unit, t.target_period_start, t.target_period_end, t.target_value, t.target_text,
       t.actual_period_start, t.actual_period_end, t.actual_value, t.actual_text, t.progress_pct, t.status
from targets_vs_actuals t
left join indicators i on i.id = t.indicator_id
where t.indicator_id is not null and t.target_period_end is not null
  and (:ids is null or t.indicator_id in (select value from json_each(:ids)))
order by t.rowid
"""

# The growth-rates chart holds one kind of number: a whole year's growth on the year before.
YEAR_GROWTH = """{s}.measure = 'growth' and {s}.kind = 'actual' and {s}.unit = '%' and {s}.indicator_id is not null
  and {s}.comparison = 'yoy' and {s}.period_basis = 'year' and {s}.increment = 0"""

# Years with actual growth rates, and how many indicator × entity rates each has.
GROWTH_YEARS_SQL = """
select substr(period_end, 1, 4) as year,
       count(distinct indicator_id || char(31) || coalesce(entity, '')) as n_rates
from series s
where {year_growth}
  and (:ids is null or indicator_id in (select value from json_each(:ids)))
group by year
order by year desc
""".format(year_growth=YEAR_GROWTH.format(s="s"))

# One growth rate per indicator and entity in the year (a whole year: one point each), the most
# reported if a key still has two (an upper bound apart).
GROWTH_SQL = """
with ranked as (
  select s.*, row_number() over (
           partition by s.indicator_id, s.entity
           order by s.n_reports desc, s.qualifier = 'exact' desc, s.value
         ) as rank
  from series s
  where {year_growth} and substr(s.period_end, 1, 4) = :year
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
""".format(year_growth=YEAR_GROWTH.format(s="s"))


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
