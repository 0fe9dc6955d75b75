"""indicators/display.py: numbers as the text wrote them, periods as readers write them, marks escaped."""

from __future__ import annotations

import pytest

from indicators.display import (
    Span,
    evidence_html,
    format_period,
    format_quantity,
    highlight,
    mark_spans,
    written_unit,
)


@pytest.mark.parametrize(
    ("value", "unit", "unit_text", "shown"),
    [
        (5670000000000, "CNY", "万亿元", "5.67万亿元"),
        (1729753000000, "CNY", "亿元", "17297.53亿元"),
        (360000, "vehicle", "万辆", "36万辆"),
        (-2.9, "%", "%", "-2.9%"),  # 同比下降2.9%
        (2.9, "pp", "个百分点", "2.9个百分点"),
        (3.7, "x", "倍", "3.7倍"),
        (700000000, "kW", "亿千瓦", "7亿千瓦"),
        (300, "kW", "千瓦", "300千瓦"),  # 千瓦 is the unit, not 千 × 瓦
        (1000, "CNY/tce", "元/吨标煤", "1000元/吨标煤"),
        (5670000000000, "CNY", None, "5.67万亿元"),  # no wording: the magnitude is chosen
        (450000000000, "CNY", None, "4500亿元"),
        (55063000, "TEU", None, "5506.3万标准箱"),
        (5.4, "%", None, "5.4%"),
        (2, "x", None, "2倍"),
        (12, "TB", None, "12 TB"),
        (0.30000000000000004, "%", "%", "0.3%"),  # float noise is not shown
        (None, "CNY", "亿元", ""),
        (0, "person_time", "万人次", "0人次"),
    ],
)
def test_format_quantity(value, unit, unit_text, shown):
    assert format_quantity(value, unit, unit_text) == shown


@pytest.mark.parametrize(
    ("quantity_text", "unit"),
    [
        ("5.67万亿元", "万亿元"),
        ("超36万辆", "万辆"),
        ("5.67万亿元左右", "万亿元"),
        ("30万千瓦以上", "万千瓦"),
        ("1000—2000元/吨标煤", "元/吨标煤"),
        ("5.4%", "%"),
        ("翻一番", None),
        (None, None),
    ],
)
def test_written_unit(quantity_text, unit):
    assert written_unit(quantity_text) == unit


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2025-01", "2025-12", "2025年"),
        ("2025-01", "2025-11", "2025年1-11月"),
        ("2025-04", "2025-06", "2025年4-6月"),
        ("2025-03", "2025-03", "2025年3月"),
        ("2021-01", "2025-12", "2021—2025年"),  # 十四五期间
        ("2024-07", "2025-06", "2024年7月—2025年6月"),
        (None, "2027-12", "2027年底"),  # 到2027年, 截至2027年底
        (None, "2026-01", "2026年1月"),  # 目前, in January 2026
        (None, None, ""),
    ],
)
def test_format_period(start, end, shown):
    assert format_period(start, end) == shown


def test_highlight_escapes_around_and_inside_the_mark():
    assert str(highlight("<b>增长5.4%</b>", 5, 9)) == '&lt;b&gt;增长<mark class="zb-q">5.4%</mark>&lt;/b&gt;'


def test_highlight_leaves_text_unmarked_when_the_span_is_outside():
    assert str(highlight("增长5.4%", 3, 99)) == "增长5.4%"


def test_evidence_html_uses_document_offsets():
    # evidence starts at 100 in the document; the quantity at 107..114
    assert str(evidence_html("上海实现地区生产总值5.67万亿元", 100, 110, 117, "5.67万亿元")) == (
        '上海实现地区生产总值<mark class="zb-q">5.67万亿元</mark>'
    )


def test_evidence_html_falls_back_to_the_quantity_text():
    assert str(evidence_html("全年GDP突破5.6万亿元", None, None, None, "5.6万亿元")) == (
        '全年GDP突破<mark class="zb-q">5.6万亿元</mark>'
    )


def test_mark_spans_links_each_number_and_escapes_the_rest():
    text = "<p>增长5.4%，达36万辆</p>"
    html = str(
        mark_spans(
            text,
            [Span(5, 9, "/f/a", "growth", anchor="f-a"), Span(11, 15, "/f/b", '"quoted"', anchor="f-b")],
        )
    )
    assert html == (
        '&lt;p&gt;增长<a class="zb-fact" href="/f/a" title="growth" id="f-a"><mark class="zb-q">5.4%</mark></a>'
        '，达<a class="zb-fact" href="/f/b" title="&#34;quoted&#34;" id="f-b"><mark class="zb-q">36万辆</mark></a>'
        "&lt;/p&gt;"
    )


def test_mark_spans_joins_two_facts_of_one_number():
    # 化肥、农药利用率均达到43%: one number, two facts
    html = str(
        mark_spans("利用率均达到43%", [Span(6, 9, "/f/a", anchor="f-a"), Span(6, 9, "/f/b", anchor="f-b")])
    )
    assert html.count("<mark") == 1
    assert 'href="/f/a"' in html
    assert '<sup><a class="zb-fact" href="/f/b" title="" id="f-b">2</a></sup>' in html


def test_mark_spans_skips_spans_outside_the_text():
    assert str(mark_spans("abc", [Span(2, 9, "/f/x")])) == "abc"


@pytest.mark.parametrize(
    ("value", "unit", "unit_text", "qualifier", "shown"),
    [
        (300000000000, "CNY", "亿元", "lower_bound", "超3000亿元"),
        (110000000000, "CNY", "亿元", "approx", "约1100亿元"),
        (5, "%", "%", "upper_bound", "不超过5%"),
        (5670000000000, "CNY", "万亿元", "exact", "5.67万亿元"),
    ],
)
def test_a_value_is_shown_with_its_bound(value, unit, unit_text, qualifier, shown):
    from indicators.display import format_value

    assert format_value(value, unit, unit_text, qualifier) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(5670000000000, "5,670,000,000,000"), (5.4, "5.4"), (-1234567.5, "-1,234,567.5")]
)
def test_canonical_numbers_have_grouped_digits(value, shown):
    from indicators.display import grouped

    assert grouped(value) == shown


@pytest.mark.parametrize(
    ("column", "code", "shown"),
    [
        ("kind", "actual", "实际 actual"),
        ("measure", "growth", "增速 growth"),
        ("status", "behind", "进度落后 behind"),
    ],
)
def test_one_vocabulary_chinese_with_the_code_beside_it(column, code, shown):
    from indicators.display import label

    assert label(column, code) == shown
