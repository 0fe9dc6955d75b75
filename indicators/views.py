"""The three views over facts: series, revisions, targets_vs_actuals. README "Data model" explains them.

They are materialised: tables that refresh() fills, which build and add run after writing facts (as
SQL views they were recomputed on every request, seconds per page at 100 000 facts). The rules
live in pure modules: indicators/basis.py (what a fact is compared with, over what period),
indicators/series.py (one value per point, revisions) and indicators/targets.py (targets against
actuals). This module reads facts, keys them, and writes rows.

A fact's *key* is its indicator (the catalogue id, or the fact's wording outside the catalogue),
entity, kind, measure, unit, period, whether it is an upper bound, and from basis.py its
comparison, period basis and whether it is an increment. The key of every fact is kept in the
table `fact_keys`, so that `refresh(db, docs)` recomputes only the keys and target lines that the
documents `docs` touch — before and after they changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from sqlite_utils import Database

from indicators import series as points
from indicators import targets as goals
from indicators.basis import basis_of
from indicators.store import NUMBER

STATUSES = goals.STATUSES
BATCH = 2000  # rows per insert, and keys per IN (...) list

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
        "comparison": str,
        "period_basis": str,
        "increment": int,
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
        "comparison": str,
        "period_basis": str,
        "increment": int,
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
        "comparison": str,
        "period_basis": str,
        "increment": int,
        "status_from": str,
    },
}

# The key of each fact: which series point and which target line it belongs to (internal).
FACT_KEYS: dict[str, Any] = {
    "fact_id": str,
    "doc": str,
    "series_key": str,
    "line": str,
    "comparison": str,
    "period_basis": str,
    "increment": int,
    "stated": str,
    "origin": int,
}

INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "series": (("indicator_id", "entity", "kind", "measure", "period_end"), ("entity",), ("fact_id",)),
    "revisions": (("indicator_id", "entity", "period_end"), ("fact_id",)),
    "targets_vs_actuals": (("indicator_id", "entity"), ("status",), ("target_fact_id",)),
    "fact_keys": (("doc",), ("series_key",), ("line",)),
}

# Default order of each table (its rowid order is what the site shows first): catalogue
# indicators first, in catalogue order, then the rest by wording.
ORDER = {
    "series": "indicator, entity, kind, measure, period_end, period_start, unit, comparison, period_basis, fact_id",
    "revisions": "indicator, entity, kind, measure, period_end, period_start, comparison, published, value, fact_id",
    "targets_vs_actuals": "indicator, entity, measure, target_period_end, target_value, target_fact_id",
}


def create_tables(db: Database) -> None:
    """Create the view tables and fact_keys; a table of an older layout is replaced (refresh refills it)."""
    for name, columns in {**COLUMNS, "fact_keys": FACT_KEYS}.items():
        if name in db.view_names():
            db.view(name).drop()
        table = db.table(name)
        if table.exists() and list(table.columns_dict) != list(columns):
            table.drop()
            if name != "fact_keys":
                db.table("fact_keys").drop(ignore=True)  # a full refresh follows
        table.create(columns, pk="fact_id" if name == "fact_keys" else None, if_not_exists=True)
        for index in INDEXES[name]:
            table.create_index(index, if_not_exists=True)


def refresh(db: Database, docs: Iterable[str] | None = None) -> None:
    """Recompute the views, in one transaction: all of them, or (with `docs`) only the keys and
    target lines that the facts of those documents had before and have now."""
    with db.atomic():
        create_tables(db)
        if docs is None:
            _refresh_all(db)
            return
        docs = sorted(set(docs))
        if not _complete(db, docs):
            _refresh_all(db)
        elif docs:
            _refresh_docs(db, docs)


# Reading and keying facts.

FACT_SQL = """select f.*, k.series_key, k.line, k.comparison, k.period_basis, k.increment
from facts f join fact_keys k on k.fact_id = f.id"""


def key_of(row: dict[str, Any]) -> dict[str, Any]:
    """The fact_keys row of one fact row."""
    basis = basis_of(row)
    indicator = row["indicator_id"] or "#" + row["indicator"]
    line = [indicator, row["entity"], row["measure"], row["unit"], basis.comparison]
    key = line + [
        row["kind"],
        row["period_start"],
        row["period_end"],
        row["qualifier"] == "upper_bound",  # a range 增长5%—5.5% is two points, not a disagreement
        basis.period_basis,
        basis.change,
    ]
    return {
        "fact_id": row["id"],
        "doc": row["doc"],
        "series_key": json.dumps(key, ensure_ascii=False),
        "line": json.dumps(line, ensure_ascii=False),
        "comparison": basis.comparison or None,
        "period_basis": basis.period_basis,
        "increment": int(basis.change == "increment"),
        "stated": basis.stated,
        "origin": int(basis.origin),
    }


def _insert(db: Database, table: str, rows: Iterable[dict[str, Any]], replace: bool = False) -> None:
    """Rows (dicts with the table's columns) inserted with one prepared statement."""
    columns = list(FACT_KEYS if table == "fact_keys" else COLUMNS[table])
    sql = (
        f"insert {'or replace ' if replace else ''}into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"values ({', '.join('?' for _ in columns)})"
    )
    db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))


def _write_keys(db: Database, where: str = "", params: Iterable[Any] = ()) -> None:
    # Streamed: one fact at a time, whatever the size of the table (SQLite reads facts while the
    # same connection writes fact_keys).
    facts = db.query(f"select * from facts {where}", list(params))
    _insert(db, "fact_keys", (key_of(dict(r)) for r in facts), replace=True)


def _complete(db: Database, docs: list[str]) -> bool:
    """fact_keys holds a key for every fact outside `docs` (else a full refresh rebuilds it)."""
    marks = ", ".join("?" for _ in docs)
    (missing,) = db.execute(
        "select count(*) from facts f left join fact_keys k on k.fact_id = f.id "
        f"where k.fact_id is null and f.doc not in ({marks})",
        docs,
    ).fetchone()
    return missing == 0


def _indicators(db: Database) -> dict[str, dict[str, Any]]:
    """id -> name, catalogue position and family."""
    columns = db.table("indicators").columns_dict
    family = "family" if "family" in columns else "null"
    sql = f"select id, name, rowid as position, {family} as family from indicators"
    return {r["id"]: dict(r) for r in db.query(sql)}


# Full and partial refresh.


def _refresh_all(db: Database) -> None:
    for name in (*COLUMNS, "fact_keys"):
        db.execute(f"DELETE FROM [{name}]")
    _write_keys(db)
    catalogue = _indicators(db)
    _write_points(db, db.query(f"{FACT_SQL} order by k.series_key, f.id"), catalogue)
    _write_targets(db, db.query(f"{LINE_SQL} order by k.line, s.rowid"), catalogue, _as_of(db))
    _reorder(db, catalogue)


def _refresh_docs(db: Database, docs: list[str]) -> None:
    before = _keys_of_docs(db, docs)
    old_as_of = db.execute("select max(as_of) from targets_vs_actuals").fetchone()[0]
    # Rows of the touched keys and lines go while fact_keys still names the facts they show.
    _delete_where_key(db, "series", "fact_id", "series_key", before[0])
    _delete_where_key(db, "revisions", "fact_id", "series_key", before[0])
    _delete_where_key(db, "targets_vs_actuals", "target_fact_id", "line", before[1])
    marks = ", ".join("?" for _ in docs)
    db.execute(f"delete from fact_keys where doc in ({marks})", docs)
    _write_keys(db, f"where doc in ({marks})", docs)
    after = _keys_of_docs(db, docs)
    series_keys, lines = before[0] | after[0], before[1] | after[1]
    _delete_where_key(db, "series", "fact_id", "series_key", after[0])
    _delete_where_key(db, "revisions", "fact_id", "series_key", after[0])
    _delete_where_key(db, "targets_vs_actuals", "target_fact_id", "line", lines)
    catalogue = _indicators(db)
    _write_points(db, _rows_by_key(db, FACT_SQL, "k.series_key", series_keys, "f.id"), catalogue)
    as_of = _as_of(db)
    if as_of != old_as_of:
        # Statuses of targets due between the old and the new "now" change with it.
        lines |= _lines_due_between(db, old_as_of, as_of)
        _delete_where_key(db, "targets_vs_actuals", "target_fact_id", "line", lines)
        db.execute("update targets_vs_actuals set as_of = ?", [as_of])
    _write_targets(db, _rows_by_key(db, LINE_SQL, "k.line", lines, "s.rowid"), catalogue, as_of)
    _reorder(db, catalogue)


def _keys_of_docs(db: Database, docs: list[str]) -> tuple[set[str], set[str]]:
    marks = ", ".join("?" for _ in docs)
    rows = db.execute(f"select series_key, line from fact_keys where doc in ({marks})", docs).fetchall()
    return {r[0] for r in rows}, {r[1] for r in rows}


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    values = sorted(values)
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def _delete_where_key(db: Database, table: str, fact_column: str, key_column: str, keys: set[str]) -> None:
    for chunk in _chunks(keys):
        marks = ", ".join("?" for _ in chunk)
        db.execute(
            f"delete from [{table}] where [{fact_column}] in "
            f"(select fact_id from fact_keys where [{key_column}] in ({marks}))",
            chunk,
        )


def _rows_by_key(db: Database, sql: str, key_column: str, keys: set[str], then: str) -> Iterator[dict]:
    for chunk in _chunks(keys):
        marks = ", ".join("?" for _ in chunk)
        yield from db.query(f"{sql} where {key_column} in ({marks}) order by {key_column}, {then}", chunk)


def _as_of(db: Database) -> str | None:
    """ "Now" for the statuses: the latest publication date in the database, so a build is reproducible."""
    return db.execute("select max(published) from documents").fetchone()[0]


def _lines_due_between(db: Database, old: str | None, new: str | None) -> set[str]:
    """Lines with a target due between two "now"s (either order): their not_yet_due may change."""
    if old is None or new is None:
        return {r[0] for r in db.execute("select distinct line from fact_keys")}
    low, high = sorted((old[:7], new[:7]))
    sql = """select distinct k.line from facts f join fact_keys k on k.fact_id = f.id
             where f.kind = 'target' and f.period_end between ? and ?"""
    return {r[0] for r in db.execute(sql, [low, high])}


# series and revisions.


def _write_points(db: Database, facts: Iterable[dict], catalogue: dict[str, dict]) -> None:
    series_rows, revision_rows = [], []
    titles = _Titles(db)
    for _, group in groupby((dict(r) for r in facts), key=lambda r: r["series_key"]):
        reports = list(group)
        chosen = points.choose(reports)
        name = catalogue.get(chosen["indicator_id"], {}).get("name") or chosen["indicator"]
        disagree = points.revised(reports)
        series_rows.append(
            {
                "indicator_id": chosen["indicator_id"],
                "indicator": name,
                **{k: chosen[k] for k in ("entity", "kind", "measure", "period_start", "period_end")},
                **{k: chosen[k] for k in ("value", "unit", "quantity_text", "qualifier")},
                "n_reports": len(reports),
                "n_documents": len({r["doc"] for r in reports}),
                "first_reported": min((r["published"] for r in reports if r["published"]), default=None),
                "last_reported": max((r["published"] for r in reports if r["published"]), default=None),
                "disagree": int(disagree),
                "fact_id": chosen["id"],
                "doc": chosen["doc"],
                **{k: chosen[k] for k in ("comparison", "period_basis", "increment")},
            }
        )
        if disagree:
            for report, vintage in points.vintages(reports):
                revision_rows.append(
                    {
                        "indicator_id": report["indicator_id"],
                        "indicator": name,
                        "indicator_text": report["indicator"],
                        **{k: report[k] for k in ("entity", "kind", "measure", "period_start", "period_end")},
                        **{k: report[k] for k in ("value", "unit", "quantity_text", "qualifier")},
                        "fact_id": report["id"],
                        "doc": report["doc"],
                        "title": titles[report["doc"]],
                        "published": report["published"],
                        "vintage": vintage,
                        "evidence": report["evidence"],
                        **{k: report[k] for k in ("comparison", "period_basis", "increment")},
                    }
                )
    _insert(db, "series", series_rows)
    _insert(db, "revisions", revision_rows)


class _Titles(dict):
    """Document titles, looked up on first use."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db

    def __missing__(self, doc: str) -> str | None:
        row = self.db.execute("select title from documents where id = ?", [doc]).fetchone()
        self[doc] = row[0] if row else None
        return self[doc]


# targets_vs_actuals.

# Series points of targets and actuals, with their line, the reported fact's sentence and whether
# the text states that the target was met.
LINE_SQL = """select s.*, k.line, k.stated, k.origin, f.evidence_start
from series s join fact_keys k on k.fact_id = s.fact_id join facts f on f.id = s.fact_id"""


def _family(catalogue: dict[str, dict], row: dict) -> str:
    found = catalogue.get(row["indicator_id"] or "", {}).get("family")
    if found:
        return found
    return "rate" if row["unit"] in ("%", "pp") else "flow"


def _write_targets(db: Database, rows: Iterable[dict], catalogue: dict[str, dict], as_of: str | None) -> None:
    out = []
    for _, group in groupby((dict(r) for r in rows), key=lambda r: r["line"]):
        line = [r for r in group if r["kind"] in ("target", "actual")]
        actuals = [r for r in line if r["kind"] == "actual"]
        for target in (r for r in line if r["kind"] == "target" and r["period_end"]):
            target["family"] = _family(catalogue, target)
            out.append(_target_row(goals.judge(target, actuals, as_of), as_of))
    _insert(db, "targets_vs_actuals", out)


def _target_row(judged: dict, as_of: str | None) -> dict[str, Any]:
    t, a, b = judged["target"], judged["answer"] or {}, judged["baseline"] or {}
    actual = a.get("value")
    return {
        "target_fact_id": t["fact_id"],
        "indicator_id": t["indicator_id"],
        "indicator": t["indicator"],
        **{k: t[k] for k in ("entity", "measure", "unit")},
        "target_period_start": t["period_start"],
        "target_period_end": t["period_end"],
        "target_value": t["value"],
        "target_qualifier": t["qualifier"],
        "target_text": t["quantity_text"],
        "target_doc": t["doc"],
        "actual_fact_id": a.get("fact_id"),
        "actual_period_start": a.get("period_start"),
        "actual_period_end": a.get("period_end"),
        "actual_value": actual,
        "actual_text": a.get("quantity_text"),
        "actual_qualifier": a.get("qualifier"),
        "actual_doc": a.get("doc"),
        "baseline_fact_id": b.get("fact_id"),
        "baseline_period_end": b.get("period_end"),
        "baseline_value": b.get("value"),
        "gap": actual - t["value"] if actual is not None else None,
        "progress_pct": _progress(t, actual, judged["direction"]),
        "path_value": judged["path_value"],
        "direction": judged["direction"],
        "status": judged["status"],
        "as_of": as_of,
        **{k: t[k] for k in ("comparison", "period_basis", "increment")},
        "status_from": judged["status_from"],
    }


def _progress(target: dict, actual: Any, direction: str) -> float | None:
    """100 × actual / target for a level reached from below; a rate's ratio to its target is no
    progress (5.4 % against 5 % is not 108 % of the way)."""
    if actual is None or not target["value"] or target["measure"] != "level" or direction != "up":
        return None
    return round(100.0 * actual / target["value"], 1)


# Order.


def _reorder(db: Database, catalogue: dict[str, dict]) -> None:
    """Rewrite each table in its default order (catalogue indicators first): rowid is what the
    site shows first, and a partial refresh appends its rows at the end."""
    db.conn.create_function("catalogue_position", 1, lambda i: catalogue.get(i or "", {}).get("position"))
    for name, order in ORDER.items():
        columns = ", ".join(f"[{c}]" for c in COLUMNS[name])
        sql_order = f"catalogue_position(indicator_id) is null, catalogue_position(indicator_id), {order}"
        if _in_order(db, name, sql_order):
            continue
        db.execute(f"create temp table _sorted as select {columns} from [{name}] order by {sql_order}")
        db.execute(f"delete from [{name}]")
        db.execute(f"insert into [{name}] ({columns}) select {columns} from _sorted")
        db.execute("drop table _sorted")


def _in_order(db: Database, name: str, sql_order: str) -> bool:
    """True when the table's rowid order already is its default order."""
    sql = f"""select count(*) from (select rowid as r, row_number() over (order by {sql_order}) as n,
              row_number() over (order by rowid) as m from [{name}]) where n != m"""
    return db.execute(sql).fetchone()[0] == 0
