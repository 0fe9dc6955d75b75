"""Numerals and magnitudes: one case per line; hypothesis checks the round trip through 万/亿/万亿."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.numbers import NotANumber, parse_amount, parse_fraction, parse_number
from extractors.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.67", Decimal("5.67")),
        ("17297.53", Decimal("17297.53")),
        ("73,000", Decimal("73000")),
        ("三", Decimal(3)),
        ("十二", Decimal(12)),
        ("两", Decimal(2)),
        ("一百", Decimal(100)),
        ("一百零五", Decimal(105)),
        ("三千五百", Decimal(3500)),
        ("二〇三五", Decimal(2035)),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三分之一", Decimal("33.33")),
        ("八分之一", Decimal("12.50")),
        ("四分之一", Decimal("25.00")),
    ],
)
def test_fractions_are_percent_shares(text, value):
    assert parse_fraction(text) == value


@pytest.mark.parametrize("text", ["数", "十百千万", "abc", ""])
def test_not_numbers(text):
    with pytest.raises(NotANumber):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.67万亿", Decimal("5.67e12")),
        ("1.2万", Decimal(12000)),
        ("三千五百万", Decimal("3.5e7")),
        ("两万", Decimal(20000)),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
    st.sampled_from(sorted(MAGNITUDES)),
    st.sampled_from(["元", "辆", "家", "人次", "千瓦"]),
)
def test_any_number_with_a_magnitude_reads_back(number, magnitude, unit):
    """Any number written with 万/亿/万亿 parses back to its value (5.67万亿元 -> 5.67E12)."""
    text = f"{number.normalize():f}{magnitude}{unit}"
    quantities = find_quantities(f"实现{text}，")
    assert [q.text for q in quantities] == [text]
    assert quantities[0].value == number * MAGNITUDES[magnitude]


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(sorted(MAGNITUDES)))
def test_chinese_magnitudes_read_back(number, magnitude):
    assert parse_amount(f"{number}{magnitude}") == number * MAGNITUDES[magnitude]
