"""One value per series point, and revisions (indicators/series.py): one case per line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from indicators.series import choose, consistent, revised, step, vintages


def report(quantity, value, qualifier="exact", doc="a", published="2026-01-21", position=0):
    return {
        "quantity_text": quantity,
        "value": value,
        "qualifier": qualifier,
        "doc": doc,
        "published": published,
        "quantity_start": position,
        "significant_digits": None,
    }


@pytest.mark.parametrize(
    ("quantity", "value", "last_digit"),
    [
        ("5.67万亿元", 5670000000000, Decimal("1e10")),
        ("突破5.6万亿元", 5600000000000, Decimal("1e11")),
        ("17297.53亿元", 1729753000000, Decimal("1e6")),
        ("100家", 100, Decimal(1)),
        ("5.4%", 5.4, Decimal("0.1")),
        ("1,234亿元", 123400000000, Decimal("1e8")),
        ("下降2.9%", -2.9, Decimal("0.1")),
    ],
)
def test_step_is_the_last_written_digit(quantity, value, last_digit):
    assert step(report(quantity, value)) == last_digit


@pytest.mark.parametrize(
    ("a", "b", "same_figure"),
    [
        # A bound and an exact value of one figure: the same figure at two precisions.
        (report("突破5.6万亿元", 5.6e12, "lower_bound"), report("5.67万亿元", 5.67e12), True),
        (report("超4800亿元", 4.8e11, "lower_bound"), report("5000亿元", 5e11), True),
        (report("5.67万亿元", 5.67e12), report("5.7万亿元", 5.7e12), True),  # rounded to fewer digits
        (report("约1100亿元", 1.1e11, "approx"), report("1080亿元", 1.08e11), True),
        (
            report("突破5.6万亿元", 5.6e12, "lower_bound"),
            report("突破5.67万亿元", 5.67e12, "lower_bound"),
            True,
        ),
        # Different figures.
        (report("5.4%", 5.4), report("5.5%", 5.5), False),
        (report("超5000亿元", 5e11, "lower_bound"), report("4800亿元", 4.8e11), False),
        (report("不超过3%", 3, "upper_bound"), report("3.5%", 3.5), False),
        (report("约1100亿元", 1.1e11, "approx"), report("900亿元", 9e10), False),
    ],
)
def test_consistent(a, b, same_figure):
    assert consistent(a, b) is same_figure
    assert consistent(b, a) is same_figure


def test_the_latest_report_says_what_the_figure_is():
    first = report("5.4%", 5.4, published="2026-01-20", doc="a")
    revised_down = report("5.3%", 5.3, published="2026-03-01", doc="b")
    assert choose([first, revised_down]) is revised_down


def test_among_reports_of_the_same_figure_the_most_precise():
    bound = report("突破5.6万亿元", 5.6e12, "lower_bound", published="2026-01-25", doc="c")
    exact = report("5.67万亿元", 5.67e12, published="2026-01-24", doc="b")
    rounded = report("5.7万亿元", 5.7e12, published="2026-01-24", doc="d")
    # The latest is a bound, which the exact figure of the day before satisfies: it is shown.
    assert choose([bound, exact, rounded]) is exact


def test_equally_precise_reports_of_one_day_go_by_document_order():
    later_in_text = report("5.4%", 5.4, doc="a", position=90)
    first_in_text = report("5.4%", 5.4, doc="a", position=10)
    assert choose([later_in_text, first_in_text]) is first_in_text


def test_two_statements_of_one_document_are_never_a_revision():
    one_doc = [report("10.8%", 10.8, doc="a", position=1), report("21.9%", 21.9, doc="a", position=50)]
    assert not revised(one_doc)


def test_a_bound_then_the_exact_figure_is_no_revision():
    assert not revised(
        [
            report("突破5.6万亿元", 5.6e12, "lower_bound", doc="a", published="2026-01-21"),
            report("5.67万亿元", 5.67e12, doc="b", published="2026-01-24"),
        ]
    )


def test_a_changed_figure_in_a_later_report_is_a_revision_with_its_vintages():
    reports = [
        report("5.4%", 5.4, doc="a", published="2026-01-20"),
        report("5.4%", 5.4, doc="b", published="2026-01-20"),
        report("5.3%", 5.3, doc="c", published="2026-03-01"),
        report("5.3%", 5.3, doc="c", published="2026-03-01", position=40),  # repeated in its document
    ]
    assert revised(reports)
    got = [(r["doc"], r["value"], vintage) for r, vintage in vintages(reports)]
    assert got == [("a", 5.4, 1), ("b", 5.4, 1), ("c", 5.3, 2)]  # one row per document
