"""The series, revisions and targets_vs_actuals views, on a real SQLite file of stated facts."""

from __future__ import annotations

import pytest
from db_samples import CATALOGUE, DOCUMENTS, INDUSTRY, PLAN, PLAN_PROGRESS, SOFTWARE, document, fact, facts_of

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


@pytest.mark.parametrize("name", list(views.COLUMNS))
def test_tables_have_their_columns_in_order(db, name):
    # New columns go at the end: the API's default shape gives rows as lists.
    assert list(db[name].columns_dict) == list(views.COLUMNS[name])


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
    # 突破5.6万亿元 and 5.67万亿元 are one figure at two precisions, not a revision.
    assert row["disagree"] == 0
    assert (row["comparison"], row["period_basis"], row["increment"]) == (None, "year", 0)


def test_gdp_growth_agrees_across_reports(db):
    (row,) = rows(db, "select * from series where indicator_id = 'gdp' and measure = 'growth'")
    assert (row["value"], row["unit"], row["n_reports"], row["disagree"]) == (5.4, "%", 3, 0)
    # Same precision everywhere: the latest report is the one shown.
    assert row["doc"] == INDUSTRY.id
    assert (row["comparison"], row["period_basis"]) == ("yoy", "year")


def test_industrial_output_series(db):
    (row,) = rows(db, "select * from series where indicator_id = 'industrial_output'")
    assert (row["indicator"], row["entity"], row["period_end"]) == ("规上工业总产值", "上海", "2025-12")
    # 4.05万亿元 (20 January) revised to 4.07万亿元 (24 January): the latest figure.
    assert (row["value"], row["quantity_text"], row["n_reports"], row["disagree"]) == (
        4070000000000,
        "4.07万亿元",
        2,
        1,
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
    (n_keys,) = db.execute("select count(distinct series_key) from fact_keys").fetchone()
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


def test_no_revision_among_reports_of_one_figure(db):
    # GDP: 突破5.6万亿元, 突破5.67万亿元, 5.67万亿元 — the same figure; growth 5.4 % everywhere.
    assert rows(db, "select * from revisions where indicator_id = 'gdp'") == []


def test_industrial_output_revision_shows_each_report_with_its_date(db):
    got = rows(db, "select indicator, value, quantity_text, doc, title, published, vintage from revisions")
    assert got == [
        {"indicator": "规上工业总产值", "value": 4050000000000, "quantity_text": "4.05万亿元", "doc": "flash_2025",
         "title": "上海工业快报", "published": "2026-01-20", "vintage": 1},
        {"indicator": "规上工业总产值", "value": 4070000000000, "quantity_text": "4.07万亿元", "doc": INDUSTRY.id,
         "title": "2025年上海工业经济运行数据", "published": "2026-01-24", "vintage": 2},
    ]  # fmt: skip


def revised_db(tmp_path):
    """GDP growth reported 5.4 % by two articles, then 5.3 % by a third, which repeats it."""
    from db_samples import document, fact

    database = store.connect(str(tmp_path / "revised.db"))
    store.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    first = document("first", "2026-01-21", "2025年全市生产总值同比增长5.4%。")
    second = document("second", "2026-01-22", "2025年上海生产总值增长5.4%，其中一季度增长5.1%。")
    final = document("final", "2026-04-10", "经最终核实，2025年全市生产总值增长5.3%。全年生产总值增长5.3%。")
    growth = {"indicator": "生产总值", "indicator_id": "gdp", "period": ("2025-01", "2025-12"),
              "measure": "growth", "unit": "%"}  # fmt: skip
    written = {
        first: [fact(first, "2025年全市生产总值同比增长5.4%", "5.4%", "5.4", **growth)],
        second: [fact(second, "2025年上海生产总值增长5.4%", "5.4%", "5.4", **growth)],
        final: [
            fact(final, "经最终核实，2025年全市生产总值增长5.3%", "5.3%", "5.3", **growth),
            fact(final, "全年生产总值增长5.3%", "5.3%", "5.3", **growth),
        ],
    }
    for doc, facts in written.items():
        store.write_document(database, doc, facts, "t")
    views.refresh(database)
    return database


def test_a_later_figure_is_a_revision_with_one_row_per_document(tmp_path):
    database = revised_db(tmp_path)
    (point,) = rows(database, "select value, n_reports, n_documents, disagree, doc from series")
    assert point == {"value": 5.3, "n_reports": 4, "n_documents": 3, "disagree": 1, "doc": "final"}
    got = rows(database, "select doc, value, published, vintage, title from revisions")
    assert [(r["doc"], r["value"], r["published"], r["vintage"]) for r in got] == [
        ("first", 5.4, "2026-01-21", 1),
        ("second", 5.4, "2026-01-22", 2),
        ("final", 5.3, "2026-04-10", 3),
    ]
    database.close()


def test_revisions_never_pair_two_statements_of_one_document(tmp_path):
    database = revised_db(tmp_path)
    pairs = rows(
        database,
        "select indicator, entity, measure, period_end, doc, count(*) as n from revisions "
        "group by indicator, entity, kind, measure, period_start, period_end, comparison, doc having n > 1",
    )
    assert pairs == []
    database.close()


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
    # 超额完成“十四五”产业营收目标: the text says so, and the actual agrees.
    assert (row["status"], row["status_from"]) == ("met", "text")


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
    store.write_indicators(database, CATALOGUE)
    for doc in (PLAN, PLAN_PROGRESS):
        store.write_document(database, doc, facts_of(doc), "t")
    views.refresh(database)
    (row,) = tva(database, indicator_id="ic_revenue", entity="上海")
    assert (row["actual_value"], row["status"]) == (450000000000, "on_track")
    # Shanghai's 2025 figure withdrawn: only 2023 answers the 2027 target, with no earlier level to
    # draw a path from.
    store.write_document(
        database, PLAN_PROGRESS, [f for f in facts_of(PLAN_PROGRESS) if f.value != 450000000000], "t2"
    )
    views.refresh(database, [PLAN_PROGRESS.id])
    (row,) = tva(database, indicator_id="ic_revenue", entity="上海")
    assert (row["actual_value"], row["status"]) == (300000000000, "not_yet_due")
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
    targets = rows(
        database,
        "select value, qualifier, n_reports, disagree from series where kind = 'target' order by value",
    )
    assert targets == [
        {"value": 5, "qualifier": "lower_bound", "n_reports": 1, "disagree": 0},
        {"value": 5.5, "qualifier": "upper_bound", "n_reports": 1, "disagree": 0},
    ]
    assert rows(database, "select * from revisions where kind = 'target'") == []
    # 5.4 % is within the range: above the lower bound, below the upper one.
    got = rows(
        database, "select target_value, actual_value, direction, status from targets_vs_actuals order by 1"
    )
    assert got == [
        {"target_value": 5, "actual_value": 5.4, "direction": "up", "status": "met"},
        {"target_value": 5.5, "actual_value": 5.4, "direction": "down", "status": "met"},
    ]
    database.close()


# Incremental refresh: `refresh(db, docs)` gives what a full refresh gives.


def view_rows(database) -> dict[str, list[tuple]]:
    """Every row of the three views, in the order the site shows them (rowid)."""
    return {name: list(database.execute(f"select * from [{name}] order by rowid")) for name in views.COLUMNS}


def written(path, documents, extracted=facts_of):
    database = store.connect(str(path))
    store.create_tables(database)
    store.write_indicators(database, CATALOGUE)
    for doc in documents:
        store.write_document(database, doc, extracted(doc), "t")
    return database


def full(path, documents, extracted=facts_of):
    database = written(path, documents, extracted)
    views.refresh(database)
    return view_rows(database)


@pytest.mark.parametrize("added", [d.id for d in DOCUMENTS])
def test_adding_a_document_gives_the_views_of_a_full_refresh(tmp_path, added):
    database = written(tmp_path / "inc.db", [d for d in DOCUMENTS if d.id != added])
    views.refresh(database)
    new = next(d for d in DOCUMENTS if d.id == added)
    store.write_document(database, new, facts_of(new), "t")
    views.refresh(database, [added])
    assert view_rows(database) == full(tmp_path / "full.db", DOCUMENTS)
    database.close()


def test_replacing_a_document_gives_the_views_of_a_full_refresh(tmp_path):
    def changed(doc):
        # The 2025 report now gives Shanghai 3500亿元 and says nothing of Jiangsu.
        if doc.id != PLAN_PROGRESS.id:
            return facts_of(doc)
        out = [f for f in facts_of(doc) if f.entity != "江苏"]
        return [f.__class__(**{**f.__dict__, "value": f.value * 0 + 350000000000}) if f.value == 450000000000 else f
                for f in out]  # fmt: skip

    database = written(tmp_path / "inc.db", DOCUMENTS)
    views.refresh(database)
    store.write_document(database, PLAN_PROGRESS, changed(PLAN_PROGRESS), "t2")
    views.refresh(database, [PLAN_PROGRESS.id])
    assert view_rows(database) == full(tmp_path / "full.db", DOCUMENTS, changed)
    (row,) = tva(database, indicator_id="ic_revenue", entity="上海")
    assert (row["actual_value"], row["status"]) == (350000000000, "behind")
    database.close()


def test_a_later_document_moves_now_for_every_target(tmp_path):
    # A document published in 2031 makes the 2030 target of 浙江 due: not_yet_due becomes no_actual,
    # though the new document says nothing of it.
    later = document("news_2031", "2031-02-01", "2030年上海规上工业总产值达5万亿元。")
    output = fact(later, "2030年上海规上工业总产值达5万亿元", "5万亿元", "5e12", indicator="规上工业总产值",
                  indicator_id="industrial_output", period=("2030-01", "2030-12"))  # fmt: skip

    def extracted(doc):
        return [output] if doc.id == later.id else facts_of(doc)

    database = written(tmp_path / "inc.db", DOCUMENTS)
    views.refresh(database)
    store.write_document(database, later, [output], "t")
    views.refresh(database, [later.id])
    assert view_rows(database) == full(tmp_path / "full.db", (*DOCUMENTS, later), extracted)
    (row,) = tva(database, indicator_id="ic_revenue", entity="浙江")
    assert (row["status"], row["as_of"]) == ("no_actual", "2031-02-01")
    database.close()


def test_default_order_puts_catalogue_indicators_first(db):
    for name in ("series", "targets_vs_actuals"):
        ids = [r[0] for r in db.execute(f"select indicator_id from [{name}] order by rowid")]
        assert ids == sorted(ids, key=lambda i: i is None)
        positions = {r["id"]: r["rowid"] for r in rows(db, "select rowid, id from indicators")}
        catalogued = [positions[i] for i in ids if i]
        assert catalogued == sorted(catalogued)


def test_a_database_of_the_older_layout_is_refreshed_whole(tmp_path):
    # A file written before fact_keys and the new columns: `add` rebuilds the views, then goes on.
    database = written(tmp_path / "old.db", [d for d in DOCUMENTS if d.id != PLAN_PROGRESS.id])
    database.table("series").create({"indicator_id": str, "value": float, "fact_id": str})
    store.write_document(database, PLAN_PROGRESS, facts_of(PLAN_PROGRESS), "t")
    views.refresh(database, [PLAN_PROGRESS.id])
    assert list(database["series"].columns_dict) == list(views.COLUMNS["series"])
    assert view_rows(database) == full(tmp_path / "full.db", DOCUMENTS)
    database.close()
