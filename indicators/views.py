"""The three views over facts: series, revisions, targets_vs_actuals. README "Data model" explains them.

They are materialised: each is a table filled from its SELECT below by refresh(), which build and
add run after writing facts. As SQL views they were recomputed on every request (window functions
over all facts), seconds per page at 100 000 facts, past Datasette's time limit; as tables they are
indexed and read in milliseconds, and the file Datasette serves is read-only anyway.

A *key* is indicator × entity × kind × measure × unit × period (upper bounds apart). A fact with no
catalogue indicator (indicator_id null) is keyed on its indicator text instead.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from indicators.store import NUMBER

# Facts with their key; `vagueness` ranks qualifiers: an exact figure beats 约 and 超/不超过.
# Upper bounds are keyed apart: a range (力争增长0.8%—1.3%) is two facts, a lower and an upper
# bound, and they are not two reports of one figure.
KEYED = """
keyed AS (
  SELECT f.*,
    CASE WHEN f.indicator_id IS NULL THEN f.indicator END AS indicator_key,
    f.qualifier = 'upper_bound' AS is_upper,
    CASE f.qualifier WHEN 'exact' THEN 0 WHEN 'approx' THEN 1 ELSE 2 END AS vagueness
  FROM facts f
)"""

KEY = "indicator_id, indicator_key, entity, kind, measure, unit, period_start, period_end, is_upper"

# Two reports disagree when their values differ by more than 0.1 % of the larger one.
DISAGREE = "max_value - min_value > 0.001 * max(abs(max_value), abs(min_value))"

SERIES = f"""
WITH {KEYED},
marked AS (
  SELECT keyed.*,
    row_number() OVER (PARTITION BY {KEY}
                       ORDER BY vagueness, significant_digits DESC, published DESC, id) AS pick,
    row_number() OVER (PARTITION BY {KEY}, doc ORDER BY id) AS doc_rank
  FROM keyed
),
summed AS (
  SELECT marked.*,
    count(*) OVER k AS n_reports,
    sum(doc_rank = 1) OVER k AS n_documents,
    min(published) OVER k AS first_reported,
    max(published) OVER k AS last_reported,
    max(value) OVER k AS max_value,
    min(value) OVER k AS min_value
  FROM marked
  WINDOW k AS (PARTITION BY {KEY})
)
SELECT s.indicator_id, coalesce(i.name, s.indicator) AS indicator, s.entity, s.kind, s.measure,
  s.period_start, s.period_end, s.value, s.unit, s.quantity_text, s.qualifier,
  s.n_reports, s.n_documents, s.first_reported, s.last_reported,
  CASE WHEN {DISAGREE} THEN 1 ELSE 0 END AS disagree,
  s.id AS fact_id, s.doc
FROM summed s LEFT JOIN indicators i ON i.id = s.indicator_id
WHERE s.pick = 1
ORDER BY indicator, s.entity, s.kind, s.measure, s.period_end, s.period_start, s.unit, s.is_upper, s.id
"""

REVISIONS = f"""
WITH {KEYED},
spread AS (
  SELECT keyed.*,
    max(value) OVER k AS max_value,
    min(value) OVER k AS min_value,
    dense_rank() OVER (PARTITION BY {KEY} ORDER BY published) AS vintage
  FROM keyed
  WINDOW k AS (PARTITION BY {KEY})
)
SELECT s.indicator_id, coalesce(i.name, s.indicator) AS indicator, s.indicator AS indicator_text,
  s.entity, s.kind, s.measure, s.period_start, s.period_end, s.value, s.unit, s.quantity_text,
  s.qualifier, s.id AS fact_id, s.doc, d.title, s.published, s.vintage, s.evidence
FROM spread s
JOIN documents d ON d.id = s.doc
LEFT JOIN indicators i ON i.id = s.indicator_id
WHERE {DISAGREE}
ORDER BY indicator, s.entity, s.kind, s.measure, s.period_end, s.period_start, s.published, s.value, s.id
"""

# Open SDG's progress status, on the series: a linear path runs from a baseline actual to the
# target; the latest actual at or before the target's period is compared with the target and with
# the path at its own date. "Now" is the latest publication date in the database, not today, so
# that a build is reproducible.
MONTHS = "(CAST(substr({p}, 1, 4) AS INTEGER) * 12 + CAST(substr({p}, 6, 2) AS INTEGER))"

TARGETS_VS_ACTUALS = f"""
WITH s AS (
  SELECT series.*,
    coalesce(indicator_id, '#' || indicator) || char(31) || coalesce(entity, '') || char(31)
      || measure || char(31) || unit AS line,
    {MONTHS.format(p="period_end")} AS t
  FROM series
  WHERE kind IN ('target', 'actual')
),
now AS (SELECT max(published) AS as_of FROM documents),
targets AS (SELECT * FROM s WHERE kind = 'target'),
actuals AS (SELECT * FROM s WHERE kind = 'actual'),
answers AS (
  SELECT tg.fact_id AS target_fact_id, a.*,
    row_number() OVER (PARTITION BY tg.fact_id
                       ORDER BY a.t DESC, a.period_start IS tg.period_start DESC, a.period_start, a.fact_id) AS rn
  FROM targets tg JOIN actuals a ON a.line = tg.line
    AND a.t <= tg.t
    AND (tg.period_start IS NULL OR a.period_end >= tg.period_start)
),
answer AS (SELECT * FROM answers WHERE rn = 1),
baselines AS (
  SELECT tg.fact_id AS target_fact_id, b.*,
    row_number() OVER (PARTITION BY tg.fact_id
                       ORDER BY CASE WHEN tg.period_start IS NULL THEN b.t ELSE -b.t END, b.fact_id) AS rn
  FROM targets tg
  LEFT JOIN answer an ON an.target_fact_id = tg.fact_id
  JOIN actuals b ON b.line = tg.line
    AND b.period_end < coalesce(tg.period_start, an.period_end)
),
baseline AS (SELECT * FROM baselines WHERE rn = 1),
judged AS (
  SELECT tg.*, an.fact_id AS actual_fact_id, an.period_start AS actual_period_start,
    an.period_end AS actual_period_end, an.value AS actual_value, an.quantity_text AS actual_text,
    an.qualifier AS actual_qualifier, an.doc AS actual_doc, an.t AS actual_t,
    b.fact_id AS baseline_fact_id, b.period_end AS baseline_period_end, b.value AS baseline_value,
    CASE WHEN b.t < tg.t AND an.t >= b.t
      THEN b.value + (tg.value - b.value) * (an.t - b.t) * 1.0 / (tg.t - b.t) END AS path_value,
    CASE
      WHEN tg.qualifier = 'upper_bound' THEN -1
      WHEN b.value IS NOT NULL AND tg.value < b.value THEN -1
      WHEN b.value IS NULL AND tg.measure IN ('growth', 'pp_change') AND tg.value < 0 THEN -1
      ELSE 1
    END AS direction,
    now.as_of
  FROM targets tg
  CROSS JOIN now
  LEFT JOIN answer an ON an.target_fact_id = tg.fact_id
  LEFT JOIN baseline b ON b.target_fact_id = tg.fact_id
)
SELECT fact_id AS target_fact_id, indicator_id, indicator, entity, measure, unit,
  period_start AS target_period_start, period_end AS target_period_end, value AS target_value,
  qualifier AS target_qualifier, quantity_text AS target_text, doc AS target_doc,
  actual_fact_id, actual_period_start, actual_period_end, actual_value, actual_text, actual_qualifier, actual_doc,
  baseline_fact_id, baseline_period_end, baseline_value,
  actual_value - value AS gap,
  round(100.0 * actual_value / value, 1) AS progress_pct,
  path_value,
  CASE direction WHEN 1 THEN 'up' ELSE 'down' END AS direction,
  CASE
    WHEN actual_fact_id IS NULL THEN
      CASE WHEN as_of IS NOT NULL AND period_end > substr(as_of, 1, 7) THEN 'not_yet_due' ELSE 'no_actual' END
    WHEN direction * (actual_value - value) >= 0 THEN 'met'
    WHEN actual_period_end >= period_end THEN 'behind'
    WHEN path_value IS NULL THEN
      CASE WHEN as_of IS NOT NULL AND period_end > substr(as_of, 1, 7) THEN 'not_yet_due' ELSE 'behind' END
    WHEN direction * (actual_value - path_value) >= 0 THEN 'on_track'
    ELSE 'behind'
  END AS status,
  as_of
FROM judged
ORDER BY indicator, entity, measure, target_period_end, target_value, target_fact_id
"""

# In refresh order: targets_vs_actuals reads the series table.
VIEWS: dict[str, str] = {
    "series": SERIES,
    "revisions": REVISIONS,
    "targets_vs_actuals": TARGETS_VS_ACTUALS,
}

COLUMNS: dict[str, dict[str, Any]] = {
    "series": {
        "indicator_id": str,
        "indicator": str,
        "entity": str,
        "kind": str,
        "measure": str,
        "period_start": str,
        "period_end": str,
        "value": NUMBER,
        "unit": str,
        "quantity_text": str,
        "qualifier": str,
        "n_reports": int,
        "n_documents": int,
        "first_reported": str,
        "last_reported": str,
        "disagree": int,
        "fact_id": str,
        "doc": str,
    },
    "revisions": {
        "indicator_id": str,
        "indicator": str,
        "indicator_text": str,
        "entity": str,
        "kind": str,
        "measure": str,
        "period_start": str,
        "period_end": str,
        "value": NUMBER,
        "unit": str,
        "quantity_text": str,
        "qualifier": str,
        "fact_id": str,
        "doc": str,
        "title": str,
        "published": str,
        "vintage": int,
        "evidence": str,
    },
    "targets_vs_actuals": {
        "target_fact_id": str,
        "indicator_id": str,
        "indicator": str,
        "entity": str,
        "measure": str,
        "unit": str,
        "target_period_start": str,
        "target_period_end": str,
        "target_value": NUMBER,
        "target_qualifier": str,
        "target_text": str,
        "target_doc": str,
        "actual_fact_id": str,
        "actual_period_start": str,
        "actual_period_end": str,
        "actual_value": NUMBER,
        "actual_text": str,
        "actual_qualifier": str,
        "actual_doc": str,
        "baseline_fact_id": str,
        "baseline_period_end": str,
        "baseline_value": NUMBER,
        "gap": NUMBER,
        "progress_pct": float,
        "path_value": NUMBER,
        "direction": str,
        "status": str,
        "as_of": str,
    },
}

INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "series": (("indicator_id", "entity", "kind", "measure", "period_end"), ("entity",), ("fact_id",)),
    "revisions": (("indicator_id", "entity", "period_end"), ("fact_id",)),
    "targets_vs_actuals": (("indicator_id", "entity"), ("status",), ("target_fact_id",)),
}

STATUSES: tuple[str, ...] = ("met", "on_track", "behind", "not_yet_due", "no_actual")


def create_tables(db: Database) -> None:
    """Create the series, revisions and targets_vs_actuals tables (replacing SQL views of those names)."""
    for name, columns in COLUMNS.items():
        if name in db.view_names():
            db.view(name).drop()
        db.table(name).create(columns, if_not_exists=True)
        for index in INDEXES[name]:
            db.table(name).create_index(index, if_not_exists=True)


def refresh(db: Database) -> None:
    """Recompute series, revisions and targets_vs_actuals from facts, in one transaction."""
    with db.atomic():
        for name, sql in VIEWS.items():
            columns = ", ".join(f"[{c}]" for c in COLUMNS[name])
            db.execute(f"DELETE FROM [{name}]")
            db.execute(f"INSERT INTO [{name}] ({columns}) {sql.strip()}")
