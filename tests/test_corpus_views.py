"""The views on the bundled corpus, built by `zhibiao build`: what an analyst expects to read there.

These depend on the extractor as much as on the database: a failure here means a fact the
articles state was not extracted (or not as stated), or was consolidated wrongly.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indicators import store
from indicators.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "zhibiao.db"
    result = CliRunner().invoke(cli, ["build", "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    database = store.connect(str(path))
    yield database
    database.close()


def rows(db, sql, params=()):
    return [dict(r) for r in db.query(sql, params)]


def series(db, indicator_id, **key):
    where = " and ".join(["indicator_id = ?", *(f"{k} = ?" for k in key)])
    return rows(db, f"select * from series where {where}", [indicator_id, *key.values()])


SHANGHAI_2025 = {"entity": "上海", "period_start": "2025-01", "period_end": "2025-12", "kind": "actual"}


def test_shanghai_gdp_2025_is_567_trillion_yuan(db):
    # 2650700360_1: 上海实现地区生产总值5.67万亿元; 2650700134_1: 全年GDP突破5.6万亿元.
    (row,) = series(db, "gdp", measure="level", **SHANGHAI_2025)
    assert (row["value"], row["unit"], row["qualifier"]) == (5670000000000, "CNY", "exact")
    assert "5.67万亿元" in row["quantity_text"]
    assert row["n_reports"] >= 3
    assert row["first_reported"] == "2026-01-21"
    assert row["disagree"] == 1


def test_shanghai_gdp_2025_revision_from_56_to_567(db):
    got = rows(
        db,
        "select value, qualifier, published, vintage, doc from revisions where indicator_id = 'gdp' "
        "and entity = '上海' and measure = 'level' and period_end = '2025-12' order by published, value",
    )
    first = got[0]
    assert (first["value"], first["qualifier"], first["published"], first["vintage"]) == (
        5600000000000,
        "lower_bound",
        "2026-01-21",
        1,
    )
    assert {r["value"] for r in got} == {5600000000000, 5670000000000}
    assert {"2650700134_1", "2650700360_1"} <= {r["doc"] for r in got}


def test_shanghai_gdp_growth_2025_agrees_everywhere(db):
    (row,) = series(db, "gdp", measure="growth", **SHANGHAI_2025)
    assert (row["value"], row["unit"], row["disagree"]) == (5.4, "%", 0)
    assert row["n_reports"] >= 2
    assert rows(db, "select * from revisions where indicator_id = 'gdp' and measure = 'growth'") == []


def test_shanghai_industrial_output_2025(db):
    # 2650700360_1: 2025年，上海规上工业总产值达4.07万亿元
    (row,) = series(db, "industrial_output_above_scale", measure="level", **SHANGHAI_2025)
    assert (row["indicator"], row["value"], row["unit"], row["qualifier"]) == (
        "规上工业总产值",
        4070000000000,
        "CNY",
        "exact",
    )
    assert row["doc"] == "2650700360_1"


def test_shanghai_software_revenue_january_to_november_2025(db):
    # 2650700335_1: 1-11月全市软信业营收达到17297.53亿元，同比增长22.6%
    (level,) = series(
        db, "software_revenue", measure="level", entity="上海", kind="actual", period_end="2025-11"
    )
    assert (level["period_start"], level["value"], level["unit"]) == ("2025-01", 1729753000000, "CNY")
    (growth,) = series(
        db, "software_revenue", measure="growth", entity="上海", kind="actual", period_end="2025-11"
    )
    assert growth["value"] == 22.6


def test_software_revenue_beat_the_14th_plan_target(db):
    # 2650700335_1: 超额完成“十四五”产业营收目标（15000亿元），较2020年（软信业营业收入6841亿元）
    (row,) = rows(
        db,
        "select * from targets_vs_actuals where indicator_id = 'software_revenue' and entity = '上海' "
        "and measure = 'level' and target_value = 1500000000000",
    )
    assert row["target_period_end"] == "2025-12"
    assert (row["actual_value"], row["actual_period_end"]) == (1729753000000, "2025-11")
    assert (row["baseline_value"], row["baseline_period_end"]) == (684100000000, "2020-12")
    assert (row["gap"], row["progress_pct"], row["status"]) == (229753000000, 115.3, "met")


def test_every_target_has_a_status(db):
    statuses = {r["status"] for r in rows(db, "select distinct status from targets_vs_actuals")}
    assert statuses <= {"met", "on_track", "behind", "not_yet_due", "no_actual"}
    (n_targets,) = db.execute("select count(*) from series where kind = 'target'").fetchone()
    assert db.table("targets_vs_actuals").count == n_targets > 0
