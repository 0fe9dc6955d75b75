"""What a fact is compared with and over what period (indicators/basis.py): one case per line."""

from __future__ import annotations

import pytest

from indicators.basis import basis_of


def row(
    evidence, quantity, measure="growth", period=("2025-01", "2025-12"), kind="actual", indicator="", unit="%"
):
    """A facts row whose number `quantity` stands in `evidence` (offsets as the facts table has them)."""
    start = evidence.index(quantity)
    return {
        "indicator": indicator,
        "measure": measure,
        "kind": kind,
        "unit": unit,
        "period_start": period[0],
        "period_end": period[1],
        "quantity_text": quantity,
        "evidence": evidence,
        "evidence_start": 100,
        "quantity_start": 100 + start,
        "quantity_end": 100 + start + len(quantity),
    }


@pytest.mark.parametrize(
    ("evidence", "quantity", "measure", "comparison"),
    [
        ("全市地区生产总值同比增长5.4%", "5.4%", "growth", "yoy"),
        ("地区生产总值比上年增长5.4%", "5.4%", "growth", "yoy"),
        ("规上工业增加值增长5.4%", "5.4%", "growth", "yoy"),  # nothing said: on the year before
        ("增速高于全国1.2个百分点", "1.2个百分点", "pp_change", "vs:全国"),
        ("比全国平均水平高1.2个百分点", "1.2个百分点", "pp_change", "vs:全国"),
        ("同比增速领先全国22.9个百分点", "22.9个百分点", "pp_change", "vs:全国"),  # the comparison nearest
        ("制造业用电量增速高于第二产业2.7个百分点", "2.7个百分点", "pp_change", "vs:第二产业"),
        ("工业企业每百元营业收入成本低于全国平均水平4元", "4元", "level", "vs:全国"),
        ("民营企业拉动全省进出口增长9.6个百分点", "9.6个百分点", "pp_change", "contribution"),
        ("居民消费价格环比上涨0.3%", "0.3%", "growth", "previous_period"),
        ("涨幅比上月扩大0.6个百分点", "0.6个百分点", "pp_change", "previous_period"),
        ("比2019年同期增长20.1%", "20.1%", "growth", "base_year:2019"),
        ("第三产业增加值占全市GDP比重为75.2%", "75.2%", "share", "of:全市GDP"),
        ("外贸进出口占全国的13.3%", "13.3%", "share", "of:全国"),
        ("研发人员占比超70%", "超70%", "share", "of:?"),  # a share of a whole not named
        ("第二产业增加值比重为36.5%", "36.5%", "share", ""),
        ("地区生产总值5.67万亿元", "5.67万亿元", "level", ""),
        ("这一数据不仅高于全国5%的GDP增速", "5%", "growth", "yoy"),  # the nation's own rate
        ("扣除不可比因素同比增长0.6%", "0.6%", "growth", "yoy"),
    ],
)
def test_comparison(evidence, quantity, measure, comparison):
    assert basis_of(row(evidence, quantity, measure)).comparison == comparison


def test_change_over_several_years_is_on_the_year_before_they_start():
    # “十四五”期间单位GDP能耗下降13.5%: 2021-2025 against 2020.
    fact = row("“十四五”期间单位GDP能耗下降13.5%", "13.5%", period=("2021-01", "2025-12"))
    assert basis_of(fact).comparison == "base_year:2020"
    fact = row("较2020年增长了192%", "192%", period=("2021-01", "2025-12"))
    assert basis_of(fact).comparison == "base_year:2020"
    fact = row("过去五年地区生产总值年均增长5.2%", "5.2%", period=("2021-01", "2025-12"))
    assert basis_of(fact).comparison == "yoy"


@pytest.mark.parametrize(
    ("evidence", "quantity", "period", "kind", "measure", "basis"),
    [
        ("2025年地区生产总值增长5.4%", "5.4%", ("2025-01", "2025-12"), "actual", "growth", "year"),
        ("1-11月软信业营收增长22.6%", "22.6%", ("2025-01", "2025-11"), "actual", "growth", "ytd"),
        ("11月居民消费价格上涨0.7%", "0.7%", ("2025-11", "2025-11"), "actual", "growth", "month"),
        ("二季度增长4.7%", "4.7%", ("2024-04", "2024-06"), "actual", "growth", "quarter"),
        ("年均增长5.2%", "5.2%", ("2021-01", "2025-12"), "actual", "growth", "multi_year_average"),
        ("两年平均增长5.5%", "5.5%", ("2020-01", "2021-12"), "actual", "growth", "multi_year_average"),
        ("较2020年增长了192%", "192%", ("2021-01", "2025-12"), "actual", "growth", "cumulative"),
        ("十四五期间累计交付新船60艘", "60艘", ("2021-01", "2025-12"), "actual", "level", "cumulative"),
        ("年末常住人口2480万人", "2480万人", (None, "2025-12"), "actual", "level", "as_of"),
        ("到2027年营收达到1万亿元", "1万亿元", (None, "2027-12"), "target", "level", "as_of"),
        # A plan's level target over its years is the level it reaches by the end, not a sum.
        (
            "“十四五”产业营收目标（15000亿元）",
            "15000亿元",
            ("2021-01", "2025-12"),
            "target",
            "level",
            "as_of",
        ),
        ("累计完成投资1万亿元", "1万亿元", ("2021-01", "2025-12"), "target", "level", "cumulative"),
        ("地区生产总值增长5%", "5%", (None, None), "actual", "growth", "undated"),
    ],
)
def test_period_basis(evidence, quantity, period, kind, measure, basis):
    assert basis_of(row(evidence, quantity, measure, period, kind)).period_basis == basis


@pytest.mark.parametrize(
    ("evidence", "quantity", "period", "kind", "unit", "increment"),
    [
        (
            "到2028年，新增国家级绿色工厂100家以上",
            "100家以上",
            (None, "2028-12"),
            "target",
            "enterprise",
            True,
        ),
        ("累计创建国家级绿色工厂196家", "196家", (None, "2025-12"), "actual", "enterprise", False),
        ("到2027年培育50家先进级智能工厂", "50家", (None, "2027-12"), "target", "enterprise", True),
        ("2025年建成先进级智能工厂10个", "10个", ("2025-01", "2025-12"), "actual", "item", True),
        ("目前拥有国家级绿色工厂196家", "196家", (None, "2025-12"), "actual", "enterprise", False),
        ("新增装机容量1200万千瓦", "1200万千瓦", ("2025-01", "2025-12"), "actual", "kW", True),
        ("到2027年营收达到1万亿元", "1万亿元", (None, "2027-12"), "target", "CNY", False),
    ],
)
def test_increment_or_total(evidence, quantity, period, kind, unit, increment):
    fact = row(evidence, quantity, "level", period, kind, unit=unit)
    assert (basis_of(fact).change == "increment") is increment


@pytest.mark.parametrize(
    ("evidence", "quantity", "stated"),
    [
        ("超额完成“十四五”产业营收目标（15000亿元）", "15000亿元", "met"),
        ("能耗同比下降2.9%，超额完成14%的既定目标", "14%", "met"),
        ("提前完成全年目标任务1100亿元", "1100亿元", "met"),
        ("未完成年度目标5%", "5%", "missed"),
        ("到2027年营收达到1万亿元", "1万亿元", None),
        ("全年完成投资1100亿元", "1100亿元", None),  # 完成 as the verb of the amount, not of a target
    ],
)
def test_the_text_states_whether_a_target_was_met(evidence, quantity, stated):
    assert basis_of(row(evidence, quantity, "level", (None, "2025-12"), "target")).stated == stated


@pytest.mark.parametrize(
    ("evidence", "quantity", "origin"),
    [
        ("整体年产能将由850万条提升至950万条", "850万条", True),
        ("整体年产能将由850万条提升至950万条", "950万条", False),
        ("全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元", "3.68万亿元", True),
        ("能耗同比下降2.9%，超额完成14%的既定目标", "2.9%", False),
    ],
)
def test_where_a_change_starts(evidence, quantity, origin):
    assert basis_of(row(evidence, quantity, "level")).origin is origin


def test_an_actual_states_no_target_status():
    assert basis_of(row("超额完成目标，达到17297.53亿元", "17297.53亿元", "level")).stated is None
