"""Targets against actuals, like with like (indicators/targets.py): one rule per case."""

from __future__ import annotations

import pytest

from indicators.targets import judge


def point(kind, value, period, basis, *, increment=0, doc="plan", sentence=0, stated=None, qualifier="exact",
          measure="level", indicator_id="green_factories", fact_id=None, origin=0):  # fmt: skip
    """A series row of one line (same indicator, entity, measure, unit and comparison)."""
    return {
        "kind": kind,
        "value": value,
        "period_start": period[0],
        "period_end": period[1],
        "period_basis": basis,
        "increment": increment,
        "doc": doc,
        "evidence_start": sentence,
        "stated": stated,
        "origin": origin,
        "qualifier": qualifier,
        "measure": measure,
        "indicator_id": indicator_id,
        "n_reports": 1,
        "fact_id": fact_id or f"{kind}-{value}-{period[1]}",
    }


NOW = "2026-01-24"
YEAR = ("2025-01", "2025-12")
# 到2028年新增国家级绿色工厂100家 (a plan of 2026-2028) against the stock of 196 at the end of 2025.
NEW_100 = point("target", 100, ("2026-01", "2028-12"), "as_of", increment=1)
STOCK_196 = point("actual", 196, (None, "2025-12"), "as_of", doc="review", sentence=5)


@pytest.mark.parametrize(
    ("target", "actuals", "status", "answer"),
    [
        # An increment is not answered by a stock.
        (NEW_100, [STOCK_196], "not_yet_due", None),
        # ... but by increments over the same span.
        (
            NEW_100,
            [STOCK_196, point("actual", 40, ("2026-01", "2026-12"), "year", increment=1, doc="r")],
            "not_yet_due",
            40,
        ),  # fmt: skip
        # A stock target by the stock.
        (point("target", 300, (None, "2028-12"), "as_of"), [STOCK_196], "not_yet_due", 196),
        # Where the target's own sentence starts from (由850万条提升至950万条) is its baseline, not its answer.
        (
            point("target", 950, (None, "2026-12"), "as_of", doc="d", sentence=7),
            [point("actual", 850, (None, "2025-12"), "as_of", doc="d", sentence=7, origin=1)],
            "not_yet_due",
            None,
        ),
        # Another actual of the same sentence answers it (能耗同比下降2.9%，超额完成14%的既定目标 — here
        # without the 超额完成, so that the numbers decide).
        (
            point("target", -14, ("2025-01", "2025-11"), "ytd", measure="growth", doc="d", sentence=3),
            [point("actual", -2.9, ("2025-01", "2025-11"), "ytd", measure="growth", doc="d", sentence=3)],
            "behind",
            -2.9,
        ),
        # Part of the year against the whole year: in progress, not behind.
        (
            point("target", 5, YEAR, "year", measure="growth"),
            [point("actual", 4.8, ("2025-01", "2025-09"), "ytd", measure="growth", doc="r")],
            "in_progress",
            4.8,
        ),  # fmt: skip
        # The whole year short of the target: behind.
        (
            point("target", 5, YEAR, "year", measure="growth"),
            [point("actual", 4.8, YEAR, "year", measure="growth", doc="r")],
            "behind",
            4.8,
        ),  # fmt: skip
        # A level to reach by 2025, against January-November 2025: in progress while short of it.
        (
            point("target", 20000, (None, "2025-12"), "as_of"),
            [point("actual", 17297, ("2025-01", "2025-11"), "ytd", doc="r")],
            "in_progress",
            17297,
        ),  # fmt: skip
        # ... and met when already past it.
        (
            point("target", 15000, (None, "2025-12"), "as_of"),
            [point("actual", 17297, ("2025-01", "2025-11"), "ytd", doc="r")],
            "met",
            17297,
        ),  # fmt: skip
        # A yearly growth target is not answered by another year's growth, nor by a monthly rate.
        (
            point("target", 5, ("2026-01", "2026-12"), "year", measure="growth"),
            [
                point("actual", 5.4, YEAR, "year", measure="growth", doc="r"),
                point("actual", 6.1, ("2026-01", "2026-01"), "month", measure="growth", doc="r"),
            ],
            "not_yet_due",
            None,
        ),  # fmt: skip
        # A five-year average target only by a five-year average.
        (
            point("target", 7, ("2021-01", "2025-12"), "multi_year_average", measure="growth"),
            [
                point("actual", 5.4, YEAR, "year", measure="growth", doc="r"),
                point("actual", 7.2, ("2021-01", "2025-12"), "multi_year_average", measure="growth", doc="r"),
            ],
            "met",
            7.2,
        ),  # fmt: skip
        # The text says 超额完成: met, whatever the actual.
        (
            point("target", -14, ("2025-01", "2025-11"), "ytd", measure="growth", stated="met"),
            [point("actual", -2.9, ("2025-01", "2025-11"), "ytd", measure="growth", doc="r")],
            "met",
            -2.9,
        ),  # fmt: skip
        # The text says 未完成.
        (point("target", 5, YEAR, "year", measure="growth", stated="missed"), [], "behind", None),
        # Outside the catalogue a wording means one thing only within its document (项目 of two plans).
        (
            point("target", 100, YEAR, "year", indicator_id=None, doc="plan_a"),
            [point("actual", 165, YEAR, "year", indicator_id=None, doc="review_b")],
            "no_actual",
            None,
        ),  # fmt: skip
        (
            point("target", 100, YEAR, "year", indicator_id=None, doc="plan_a", sentence=1),
            [point("actual", 165, YEAR, "year", indicator_id=None, doc="plan_a", sentence=9)],
            "met",
            165,
        ),  # fmt: skip
        # A ceiling (不超过) is met from below.
        (
            point("target", 5.5, YEAR, "year", measure="share", qualifier="upper_bound"),
            [point("actual", 5.1, YEAR, "year", measure="share", doc="r")],
            "met",
            5.1,
        ),  # fmt: skip
        # A target due and never answered.
        (point("target", 1000, (None, "2024-12"), "as_of"), [], "no_actual", None),
    ],
)
def test_target_status(target, actuals, status, answer):
    judged = judge(target, actuals, NOW)
    assert judged["status"] == status
    assert (judged["answer"] or {}).get("value") == answer


def test_own_sentence_gives_the_baseline():
    target = point("target", 950, (None, "2026-12"), "as_of", doc="d", sentence=7)
    own = point("actual", 850, (None, "2025-12"), "as_of", doc="d", sentence=7, origin=1)
    judged = judge(target, [own], NOW)
    assert judged["baseline"] is own
    assert judged["answer"] is None


@pytest.mark.parametrize(
    ("actual", "status", "path"),
    [
        # 3000 (2023) to 5000 (2027): halfway by 2025 is 4000.
        (4500, "on_track", 4000),
        (3500, "behind", 4000),
    ],
)
def test_status_follows_the_linear_path(actual, status, path):
    target = point("target", 5000, (None, "2027-12"), "as_of", indicator_id="ic_revenue")
    actuals = [
        point("actual", 3000, ("2023-01", "2023-12"), "year", doc="r", indicator_id="ic_revenue"),
        point("actual", actual, YEAR, "year", doc="r", indicator_id="ic_revenue"),
    ]
    judged = judge(target, actuals, NOW)
    assert (judged["status"], judged["path_value"], judged["status_from"]) == (status, path, "path")


def test_a_reduction_is_met_by_a_larger_fall():
    target = point("target", -13.5, ("2021-01", "2025-12"), "cumulative", measure="growth")
    actual = point("actual", -14, ("2021-01", "2025-12"), "cumulative", measure="growth", doc="r")
    judged = judge(target, [actual], NOW)
    assert (judged["direction"], judged["status"]) == ("down", "met")
