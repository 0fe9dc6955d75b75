"""The pint registry of units.txt and the canonical codes of FACTS.md."""

from decimal import Decimal

import pytest

from indicators.catalogue import load_catalogue
from indicators.units import UnknownUnit, canonical_code, registry, spellings, to_canonical


@pytest.mark.parametrize(
    ("number", "unit_text", "value", "unit"),
    [
        ("5.67", "万亿元", Decimal("5.67e12"), "CNY"),
        ("4880", "亿元", Decimal("4.88e11"), "CNY"),
        ("36", "万辆", Decimal(360000), "vehicle"),
        ("5506.3", "万标准箱", Decimal("55063000"), "TEU"),
        ("7", "亿千瓦", Decimal("7e8"), "kW"),
        ("1.35", "亿人次", Decimal("1.35e8"), "person_time"),
        ("2.9", "个百分点", Decimal("2.9"), "pp"),
        ("5.4", "%", Decimal("5.4"), "%"),
        ("3.7", "倍", Decimal("3.7"), "x"),
        ("600", "台/万人", Decimal(600), "unit/10k_person"),
        ("1000", "元/吨标煤", Decimal(1000), "CNY/tce"),
        ("230", "万台/套", Decimal(2300000), "unit"),
        ("72", "艘", Decimal(72), "ship"),
        ("200", "架", Decimal(200), "aircraft"),
        ("2.3", "万家", Decimal(23000), "enterprise"),
        ("5", "亿美元", Decimal("5e8"), "USD"),
        ("8.37", "万平方米", Decimal(83700), "m2"),
        ("3506", "亿千瓦时", Decimal("3.506e11"), "kWh"),
        ("290", "TB", Decimal(290), "TB"),
        ("80", "万TEU", Decimal(800000), "TEU"),
        ("4", "分钟", Decimal(4), "min"),
    ],
)
def test_to_canonical(number, unit_text, value, unit):
    assert to_canonical(Decimal(number), unit_text) == (value, unit)


def test_unknown_unit_names_the_data_file():
    with pytest.raises(UnknownUnit, match="indicators/units.txt"):
        to_canonical(Decimal(1), "光年")


def test_money_and_ships_do_not_convert():
    ureg = registry()
    with pytest.raises(Exception, match="[Cc]annot convert"):
        ureg.Quantity(1, "元").to("艘")


def test_every_catalogue_unit_is_a_canonical_code():
    for indicator in load_catalogue():
        if "/" not in indicator.unit:
            assert canonical_code(indicator.unit) == indicator.unit, indicator.id


def test_spellings_come_from_the_data_file():
    assert {"元", "辆", "个百分点", "标准箱"} <= set(spellings())
