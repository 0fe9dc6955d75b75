"""The series, revisions and targets_vs_actuals views, on a real SQLite file of stated facts."""

from __future__ import annotations

import pytest
from db_samples import CATALOGUE, DOCUMENTS, GDP_FIRST, GDP_SECOND, INDUSTRY, SOFTWARE, facts_of

from indicators import store, views


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = store.connect(str(tmp_path_factory.mktemp("views") / "zhibiao.db"))
    store.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    for doc in DOCUMENTS:
        store.write_document(database, doc, facts_of(doc), "test")
    views.create_tables(database)
    views.refresh(database)
    yield database
    database.close()


def rows(db, sql, params=()):
    return [dict(r) for r in db.query(sql, params)]


def fact_id(doc, quantity):
    return next(f.id for f in facts_of(doc) if f.quantity_text == quantity)


# series


@pytest.mark.parametrize("name", list(views.VIEWS))
def test_select_gives_the_table_columns_in_order(db, name):
    # refresh() inserts by position: the SELECT and the table must list the same columns.
    cursor = db.execute(f"select * from ({views.VIEWS[name]}) limit 0")
    assert [d[0] for d in cursor.description] == list(views.COLUMNS[name]) == list(db[name].columns_dict)


def test_gdp_series_counts_three_reports_once(db):
    (row,) = rows(
        db, "select * from series where indicator_id = 'gdp' and entity = '上海' and measure = 'level'"
    )
    assert row["indicator"] == "地区生产总值"  # the catalogue's name, whatever each article called it
    assert (row["period_start"], row["period_end"], row["kind"]) == ("2025-01", "2025-12", "actual")
    # The exact 5.67万亿元 beats 突破5.67万亿元 (a bound) and 突破5.6万亿元 (a bound, fewer digits).
    assert (row["value"], row["unit"], row["quantity_text"], row["qualifier"]) == (
        5670000000000,
        "CNY",
        "5.67万亿元",
        "exact",
    )
    assert (row["fact_id"], row["doc"]) == (fact_id(INDUSTRY, "5.67万亿元"), INDUSTRY.id)
    assert (row["n_reports"], row["n_documents"]) == (3, 3)
    assert (row["first_reported"], row["last_reported"]) == ("2026-01-21", "2026-01-24")
    assert row["disagree"] == 1  # 5.6 vs 5.67 万亿元: 1.2 % apart


def test_gdp_growth_agrees_across_reports(db):
    (row,) = rows(db, "select * from series where indicator_id = 'gdp' and measure = 'growth'")
    assert (row["value"], row["unit"], row["n_reports"], row["disagree"]) == (5.4, "%", 3, 0)
    # Same precision everywhere: the latest report is the one shown.
    assert row["doc"] == INDUSTRY.id


def test_industrial_output_series(db):
    (row,) = rows(db, "select * from series where indicator_id = 'industrial_output'")
    assert (row["indicator"], row["entity"], row["period_end"]) == ("规上工业总产值", "上海", "2025-12")
    assert (row["value"], row["quantity_text"], row["n_reports"], row["disagree"]) == (
        4070000000000,
        "4.07万亿元",
        1,
        0,
    )


def test_software_series_keeps_kinds_and_periods_apart(db):
    got = rows(
        db,
        "select kind, measure, period_start, period_end, value from series "
        "where indicator_id = 'software_revenue' order by kind, measure, period_end",
    )
    assert got == [
        {
            "kind": "actual",
            "measure": "growth",
            "period_start": "2025-01",
            "period_end": "2025-11",
            "value": 22.6,
        },
        {
            "kind": "actual",
            "measure": "level",
            "period_start": "2020-01",
            "period_end": "2020-12",
            "value": 684100000000,
        },
        {
            "kind": "actual",
            "measure": "level",
            "period_start": "2025-01",
            "period_end": "2025-11",
            "value": 1729753000000,
        },
        {
            "kind": "estimate",
            "measure": "level",
            "period_start": "2025-01",
            "period_end": "2025-12",
            "value": 2000000000000,
        },
        {
            "kind": "target",
            "measure": "level",
            "period_start": None,
            "period_end": "2025-12",
            "value": 1500000000000,
        },
    ]


def test_series_has_one_row_per_key(db):
    (n_series,) = db.execute("select count(*) from series").fetchone()
    (n_keys,) = db.execute(
        "select count(*) from (select distinct coalesce(indicator_id, '#' || indicator), entity, kind, measure, "
        "unit, period_start, period_end, qualifier = 'upper_bound' from facts)"
    ).fetchone()
    assert n_series == n_keys
    assert db.execute("select sum(n_reports) from series").fetchone()[0] == db.table("facts").count


def test_fact_without_indicator_id_has_its_own_series(tmp_path):
    from db_samples import document, fact

    database = store.connect(str(tmp_path / "loose.db"))
    store.create_tables(database)
    views.create_tables(database)
    a = document("a", "2026-01-01", "2025年上海船舶交付量120艘。")
    b = document("b", "2026-01-09", "2025年上海船舶交付量为121艘。")
    c = document("c", "2026-01-09", "2025年上海造船完工量300万载重吨。")
    for doc, evidence, q, v, name in (
        (a, "2025年上海船舶交付量120艘", "120艘", "120", "船舶交付量"),
        (b, "2025年上海船舶交付量为121艘", "121艘", "121", "船舶交付量"),
        (c, "2025年上海造船完工量300万载重吨", "300万载重吨", "3000000", "造船完工量"),
    ):
        unit = "ship" if "艘" in q else "dwt"
        store.write_document(database, doc, [fact(doc, evidence, q, v, indicator=name, indicator_id=None, period=("2025-01", "2025-12"), unit=unit)], "t")  # fmt: skip
    views.refresh(database)
    got = rows(
        database, "select indicator, indicator_id, value, n_reports, disagree from series order by indicator"
    )
    assert got == [
        {"indicator": "船舶交付量", "indicator_id": None, "value": 121, "n_reports": 2, "disagree": 1},
        {"indicator": "造船完工量", "indicator_id": None, "value": 3000000, "n_reports": 1, "disagree": 0},
    ]
    database.close()


# revisions


def test_gdp_revision_shows_each_report_with_its_date(db):
    got = rows(
        db,
        "select indicator, indicator_text, value, quantity_text, qualifier, doc, title, published, vintage, evidence "
        "from revisions where indicator_id = 'gdp'",
    )
    assert got == [
        {"indicator": "地区生产总值", "indicator_text": "GDP", "value": 5600000000000, "quantity_text": "突破5.6万亿元",
         "qualifier": "lower_bound", "doc": GDP_FIRST.id, "title": "上海2025年经济数据", "published": "2026-01-21",
         "vintage": 1, "evidence": "全年GDP突破5.6万亿元"},
        {"indicator": "地区生产总值", "indicator_text": "地区生产总值", "value": 5670000000000,
         "quantity_text": "突破5.67万亿元", "qualifier": "lower_bound", "doc": GDP_SECOND.id, "title": "上海板块",
         "published": "2026-01-22", "vintage": 2, "evidence": "全年地区生产总值突破5.67万亿元"},
        {"indicator": "地区生产总值", "indicator_text": "地区生产总值", "value": 5670000000000,
         "quantity_text": "5.67万亿元", "qualifier": "exact", "doc": INDUSTRY.id,
         "title": "2025年上海工业经济运行数据", "published": "2026-01-24", "vintage": 3,
         "evidence": "上海实现地区生产总值5.67万亿元"},
    ]  # fmt: skip


def test_agreeing_reports_are_not_revisions(db):
    assert rows(db, "select * from revisions where measure = 'growth'") == []
    assert (
        rows(db, "select * from revisions where indicator_id in ('industrial_output', 'software_revenue')")
        == []
    )
    keys = rows(db, "select distinct indicator_id, entity, measure, period_end from revisions")
    assert keys == [{"indicator_id": "gdp", "entity": "上海", "measure": "level", "period_end": "2025-12"}]


# targets_vs_actuals


def tva(db, **where):
    clause = " and ".join(f"{k} = ?" for k in where)
    return rows(db, f"select * from targets_vs_actuals where {clause}", list(where.values()))


def test_software_revenue_beat_its_plan_target(db):
    (row,) = tva(db, indicator_id="software_revenue")
    assert row["indicator"] == "软件和信息服务业营收"
    assert (row["target_value"], row["target_text"], row["target_period_end"]) == (
        1500000000000,
        "15000亿元",
        "2025-12",
    )
    assert row["target_fact_id"] == fact_id(SOFTWARE, "15000亿元")
    # The latest actual by the end of 十四五 is January-November 2025 (the full-year figure is an estimate).
    assert (row["actual_value"], row["actual_text"], row["actual_period_end"]) == (
        1729753000000,
        "17297.53亿元",
        "2025-11",
    )
    assert row["actual_fact_id"] == fact_id(SOFTWARE, "17297.53亿元")
    assert (row["baseline_value"], row["baseline_period_end"]) == (684100000000, "2020-12")
    assert row["gap"] == 229753000000
    assert row["progress_pct"] == 115.3
    assert row["status"] == "met"


@pytest.mark.parametrize(
    ("entity", "status", "actual", "path"),
    [
        # 3000亿元 (2023) to 5000亿元 (2027): halfway by 2025 is 4000亿元.
        ("上海", "on_track", 450000000000, 400000000000),
        ("江苏", "behind", 350000000000, 400000000000),
        ("浙江", "not_yet_due", None, None),  # 2030 target, no actual yet
        ("安徽", "no_actual", None, None),  # 2024 target, passed, never answered
    ],
)
def test_status_follows_the_linear_path(db, entity, status, actual, path):
    (row,) = tva(db, indicator_id="ic_revenue", entity=entity)
    assert (row["status"], row["actual_value"], row["path_value"]) == (status, actual, path)
    assert row["as_of"] == "2026-01-24"  # the latest publication date, not today


def test_falling_target_is_met_by_a_larger_fall(db):
    (row,) = tva(db, indicator_id="energy_intensity")
    assert (row["target_value"], row["actual_value"], row["direction"], row["status"]) == (
        -13.5,
        -14,
        "down",
        "met",
    )


def test_every_target_is_listed_once_with_a_known_status(db):
    (n_targets,) = db.execute("select count(*) from series where kind = 'target'").fetchone()
    statuses = [r["status"] for r in rows(db, "select status from targets_vs_actuals")]
    assert len(statuses) == n_targets
    assert set(statuses) <= set(views.STATUSES)


def test_refresh_follows_changed_facts(tmp_path):
    database = store.connect(str(tmp_path / "refresh.db"))
    store.create_tables(database)
    views.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    store.write_document(database, SOFTWARE, facts_of(SOFTWARE), "t")
    views.refresh(database)
    assert [r["status"] for r in rows(database, "select status from targets_vs_actuals")] == ["met"]
    # The January-November actual withdrawn: only the 2020 actual is left, before the target's end.
    store.write_document(
        database, SOFTWARE, [f for f in facts_of(SOFTWARE) if f.value != 1729753000000], "t2"
    )
    views.refresh(database)
    (row,) = rows(database, "select * from targets_vs_actuals")
    assert (row["actual_value"], row["status"]) == (684100000000, "behind")
    assert database.execute("select count(*) from series").fetchone()[0] == 4
    database.close()


def test_target_range_is_two_bounds_not_a_revision(tmp_path):
    from db_samples import YEAR_2025, document, fact

    database = store.connect(str(tmp_path / "range.db"))
    store.create_tables(database)
    views.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    plan = document("plan_2025", "2025-01-20", "2025年全市生产总值增长目标为5%—5.5%。")
    growth = {"indicator": "生产总值", "indicator_id": "gdp", "period": YEAR_2025, "kind": "target"}
    bounds = [
        fact(
            plan,
            "2025年全市生产总值增长目标为5%—5.5%",
            "5%",
            "5",
            measure="growth",
            unit="%",
            qualifier="lower_bound",
            **growth,
        ),  # fmt: skip
        fact(
            plan,
            "2025年全市生产总值增长目标为5%—5.5%",
            "5.5%",
            "5.5",
            measure="growth",
            unit="%",
            qualifier="upper_bound",
            **growth,
        ),  # fmt: skip
    ]
    store.write_document(database, plan, bounds, "t")
    store.write_document(database, INDUSTRY, facts_of(INDUSTRY), "t")
    views.refresh(database)
    targets = rows(database, "select value, qualifier, n_reports, disagree from series where kind = 'target'")
    assert targets == [
        {"value": 5, "qualifier": "lower_bound", "n_reports": 1, "disagree": 0},
        {"value": 5.5, "qualifier": "upper_bound", "n_reports": 1, "disagree": 0},
    ]
    assert rows(database, "select * from revisions where kind = 'target'") == []
    # 5.4 % is within the range: above the lower bound, below the upper one.
    got = rows(database, "select target_value, actual_value, direction, status from targets_vs_actuals")
    assert got == [
        {"target_value": 5, "actual_value": 5.4, "direction": "up", "status": "met"},
        {"target_value": 5.5, "actual_value": 5.4, "direction": "down", "status": "met"},
    ]
    database.close()
