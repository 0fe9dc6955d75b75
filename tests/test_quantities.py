"""Quantities: magnitudes, ranges, qualifiers, percents, multiples, compound units. One case per line."""

from decimal import Decimal as D

import pytest

from extractors.quantities import find_quantities


def read(text):
    return [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # magnitudes in number and unit
        ("地区生产总值5.67万亿元", [("5.67万亿元", D("5.67e12"), "CNY", "exact")]),
        ("营收规模超4880亿元", [("4880亿元", D("4.88e11"), "CNY", "lower_bound")]),
        ("推广量超36万辆", [("36万辆", D(360000), "vehicle", "lower_bound")]),
        ("吞吐量5506.3万标准箱", [("5506.3万标准箱", D(55063000), "TEU", "exact")]),
        ("总装机容量达到7亿千瓦", [("7亿千瓦", D("7e8"), "kW", "exact")]),
        ("旅客吞吐量1.35亿人次", [("1.35亿人次", D("1.35e8"), "person_time", "exact")]),
        ("营收17297.53亿元", [("17297.53亿元", D("1.729753e12"), "CNY", "exact")]),
        ("销售73,000辆", [("73,000辆", D(73000), "vehicle", "exact")]),
        ("产业规模超万亿元", [("超万亿元", D("1e12"), "CNY", "lower_bound")]),
        ("出口规模突破千亿元", [("突破千亿元", D("1e11"), "CNY", "lower_bound")]),
        # Chinese numerals
        ("培育十二家企业", [("十二家", D(12), "enterprise", "exact")]),
        ("新增两万辆", [("两万辆", D(20000), "vehicle", "exact")]),
        ("投资三千五百万元", [("三千五百万元", D(35000000), "CNY", "exact")]),
        # qualifiers
        ("超过600家", [("600家", D(600), "enterprise", "lower_bound")]),
        ("突破1000家", [("1000家", D(1000), "enterprise", "lower_bound")]),
        ("逾2.12亿名用户", [("2.12亿名", D("2.12e8"), "person", "lower_bound")]),
        ("100家以上", [("100家", D(100), "enterprise", "lower_bound")]),
        ("不少于200项", [("200项", D(200), "item", "lower_bound")]),
        ("不低于5家", [("5家", D(5), "enterprise", "lower_bound")]),
        ("近300人", [("300人", D(300), "person", "approx")]),
        ("约5.23亿元", [("5.23亿元", D("5.23e8"), "CNY", "approx")]),
        ("研发投入强度≥2.5%", [("2.5%", D("2.5"), "%", "lower_bound")]),  # bound symbols
        ("05发挥人才优势", []),  # a numbering label with a leading zero
        ("销售额占全市的1/5，", [("1/5", D("20.00"), "%", "exact")]),  # a slash fraction of a share
        ("比重稳定在1/3左右", [("1/3", D("33.33"), "%", "approx")]),
        ("响应速度仅为行业平均水平的1/12", []),  # a ratio of two figures, no share named
        ("日期2025/1/5", []),
        ("增速0.5个百分点", [("0.5个百分点", D("0.5"), "pp", "exact")]),
        ("单位能耗≤0.5吨标准煤", [("0.5吨标准煤", D("0.5"), "tce", "upper_bound")]),
        ("5个左右", [("5个", D(5), "item", "approx")]),
        ("300余家", [("300余家", D(300), "enterprise", "lower_bound")]),
        ("不超过3个", [("3个", D(3), "item", "upper_bound")]),
        # ranges: two quantities, the bounds of the range
        (
            "1000—2000元/吨标煤",
            [
                ("1000—2000元/吨标煤", D(1000), "CNY/tce", "lower_bound"),
                ("1000—2000元/吨标煤", D(2000), "CNY/tce", "upper_bound"),
            ],
        ),
        (
            "0.8%—1.3%",
            [("0.8%—1.3%", D("0.8"), "%", "lower_bound"), ("0.8%—1.3%", D("1.3"), "%", "upper_bound")],
        ),
        ("打造2-3个", [("2-3个", D(2), "item", "lower_bound"), ("2-3个", D(3), "item", "upper_bound")]),
        ("20%-30%", [("20%-30%", D(20), "%", "lower_bound"), ("20%-30%", D(30), "%", "upper_bound")]),
        (
            "90亿元到110亿元",
            [
                ("90亿元到110亿元", D("9e9"), "CNY", "lower_bound"),
                ("90亿元到110亿元", D("1.1e10"), "CNY", "upper_bound"),
            ],
        ),
        # two parts of one order: 4 firm + 2 optional ships
        ("签署4+2艘", [("4", D(4), "ship", "exact"), ("2艘", D(2), "ship", "exact")]),
        # percents, points, multiples, compound units
        ("同比增长5.4%", [("5.4%", D("5.4"), "%", "exact")]),
        ("加快2.9个百分点", [("2.9个百分点", D("2.9"), "pp", "exact")]),
        ("增幅达3.7倍", [("3.7倍", D("3.7"), "x", "exact")]),
        ("五年间翻了一番", [("翻了一番", D(2), "x", "exact")]),
        ("实现了翻倍", [("翻倍", D(2), "x", "exact")]),
        ("覆盖三分之一市域面积", [("三分之一", D("33.33"), "%", "exact")]),
        ("机器人密度提高到600台/万人", [("600台/万人", D(600), "unit/10k_person", "exact")]),
        ("连接230万台/套工业设备", [("230万台/套", D(2300000), "unit", "exact")]),
    ],
)
def test_quantities(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "规模以上工业",  # 以上 inside 规模以上 bounds nothing
        "数十万产业人才",  # a vague amount
        "“十百千万”工程",  # a programme name
        "“十四五”期间",  # a period
        "十五五规划",
        "2025年",  # dates are not quantities
        "1-11月",
        "7月29日",
        "6个月至3年",  # durations
        "一人一策",
        "一家企业",  # an article, not a count
        "C919和C909",  # model names
        "5G-A基站",
        "-10号柴油",
    ],
)
def test_not_quantities(text):
    assert read(text) == []


def test_not_the_exceeding_inside_not_exceeding():
    assert read("不超过1500万元")[0][3] == "upper_bound"
    assert read("超过1500万元")[0][3] == "lower_bound"


def test_a_long_digit_line_is_linear():
    """dateparser had ReDoS on long digit runs: 10,000 characters must stay fast."""
    text = "1" * 10000 + "亿元" + "，" * 10000
    assert len(find_quantities(text)) == 1
