"""Each target beside the actual that answers it, like with like. Pure functions over series rows
(dicts with the columns of the `series` table, plus `evidence_start` and `stated` of the reported
fact and the indicator's `family`); indicators/views.py writes the result as targets_vs_actuals.

The rules (README "targets_vs_actuals"; tests/test_targets.py has one case per line):
- one line: same indicator (or, outside the catalogue, the same wording in the same document),
  entity, measure, unit and comparison — a region's target never meets a project's or a firm's actual;
- an increment (新增100家) is answered by increments over the same span, a total by a total;
- a target for a period (2026年增长5%, 十四五年均增长7%) by actuals of the same kind from its start;
  a level to reach by a date (到2027年达到1万亿元) by levels (stocks or whole years) up to that date,
  or by part of its final year;
- the actual its own sentence starts from (由850万条提升至950万条) is its baseline, never its answer;
- part of the target's period that is not yet over (1-11月 against 全年) is `in_progress`, not `behind`;
- when the target's own words say 完成/超额完成 or 未完成, that is the status.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Row = dict[str, Any]

STATUSES: tuple[str, ...] = ("met", "on_track", "in_progress", "behind", "not_yet_due", "no_actual")
# A target for a period is answered by actuals from the same start, of these kinds (a month's growth
# does not answer a year's target; 1-9月 does, while the year runs).
ANSWERED_BY = {
    "year": {"year", "ytd"},
    "ytd": {"ytd"},
    "quarter": {"quarter"},
    "month": {"month"},
    "span": {"span"},
    "multi_year_average": {"multi_year_average"},
    "cumulative": {"cumulative"},
}
SAME_START = set(ANSWERED_BY)
PART_OF_YEAR = {"ytd", "month", "quarter", "span"}


def months(period: str | None) -> int | None:
    """'2025-11' -> 2025 * 12 + 11: periods as numbers, for the linear path."""
    return int(period[:4]) * 12 + int(period[5:7]) if period else None


def comparable(target: Row, actual: Row) -> bool:
    """Same kind of quantity: both increments or both totals; outside the catalogue, a wording
    means the same thing only within one document (项目 of one plan is not 项目 of another)."""
    if actual.get("increment") != target.get("increment"):
        return False
    return target.get("indicator_id") is not None or actual.get("doc") == target.get("doc")


def answers(target: Row, actual: Row) -> bool:
    """True when the actual measures what the target does, over a span the target covers."""
    if not comparable(target, actual) or own_sentence(target, actual):
        return False
    if not actual.get("period_end") or actual["period_end"] > target["period_end"]:
        return False
    basis, start = target.get("period_basis"), target.get("period_start")
    if target.get("increment"):
        return start is not None and actual.get("period_start") == start
    if basis in SAME_START:
        return actual.get("period_start") == start and actual.get("period_basis") in ANSWERED_BY[basis]
    if basis == "as_of":
        if actual.get("period_basis") in ("as_of", "year"):
            return True
        # Part of the final year: 1-11月 of 2025 against a level to reach by 2025.
        return (
            actual.get("period_basis") in PART_OF_YEAR
            and actual["period_end"][:4] == target["period_end"][:4]
        )
    return False


def own_sentence(target: Row, actual: Row) -> bool:
    """The actual is where the target's own sentence starts from (由850万条提升至950万条)."""
    return (
        bool(actual.get("origin"))
        and actual.get("doc") == target.get("doc")
        and actual.get("evidence_start") is not None
        and actual.get("evidence_start") == target.get("evidence_start")
    )


def _answer(target: Row, actuals: Sequence[Row]) -> Row | None:
    """The latest actual that answers the target; at the same end, the one covering the most."""
    found = [a for a in actuals if answers(target, a)]
    found.sort(
        key=lambda a: (a.get("period_start") is None, a.get("period_start") or "", -(a.get("n_reports") or 0))
    )
    found.sort(key=lambda a: a["period_end"], reverse=True)
    return found[0] if found else None


def _baseline(target: Row, actuals: Sequence[Row], answer: Row | None) -> Row | None:
    """Where the path starts: the number the target's own sentence starts from (由X提升至Y), else the
    latest level before the target's period starts, else (an open-ended target) the earliest before
    the answer."""
    if target.get("period_basis") != "as_of" or target.get("increment"):
        return None
    levels = [
        a
        for a in actuals
        if comparable(target, a)
        and a.get("period_basis") in ("as_of", "year")
        and a.get("period_end")
        and a["period_end"] <= target["period_end"]
    ]
    own = [a for a in levels if own_sentence(target, a)]
    if own:
        return max(own, key=lambda a: a["period_end"])
    levels = [a for a in levels if a["period_end"] < target["period_end"]]
    if target.get("period_start"):
        before = [a for a in levels if a["period_end"] < target["period_start"]]
        return max(before, key=lambda a: a["period_end"]) if before else None
    if answer is not None:
        before = [a for a in levels if a["period_end"] < answer["period_end"]]
        return min(before, key=lambda a: a["period_end"]) if before else None
    return None


def direction(target: Row, baseline: Row | None) -> int:
    """1 when the target is reached from below, -1 for a reduction or a ceiling (不超过, 下降13.5%)."""
    if target.get("qualifier") == "upper_bound":
        return -1
    if baseline is not None and target["value"] < baseline["value"]:
        return -1
    if baseline is None and target.get("measure") in ("growth", "pp_change") and target["value"] < 0:
        return -1
    return 1


def judge(target: Row, actuals: Sequence[Row], as_of: str | None) -> Row:
    """The targets_vs_actuals row of one target: its answer, baseline, path and status."""
    answer = _answer(target, actuals)
    base = _baseline(target, actuals, answer)
    sign = direction(target, base)
    t_end, now = months(target["period_end"]), months(as_of[:7]) if as_of else None
    due_later = now is not None and t_end > now
    path = None
    if answer is not None and base is not None:
        b_t, a_t = months(base["period_end"]), months(answer["period_end"])
        if b_t < t_end and a_t >= b_t:
            path = base["value"] + (target["value"] - base["value"]) * (a_t - b_t) / (t_end - b_t)
    status, source = _status(target, answer, path, sign, due_later)
    return {
        "target": target,
        "answer": answer,
        "baseline": base,
        "path_value": path,
        "direction": "up" if sign == 1 else "down",
        "status": status,
        "status_from": source,
    }


def _status(
    target: Row, answer: Row | None, path: float | None, sign: int, due_later: bool
) -> tuple[str, str]:
    """(status, what it was judged from: text, actual, path or calendar)."""
    if target.get("stated") == "met":
        return "met", "text"
    if target.get("stated") == "missed":
        return "behind", "text"
    if answer is None:
        return ("not_yet_due" if due_later else "no_actual"), "calendar"
    if sign * (answer["value"] - target["value"]) >= 0:
        return "met", "actual"
    if answer["period_end"] >= target["period_end"]:
        return "behind", "actual"
    if answer.get("period_basis") in PART_OF_YEAR and answer["period_end"][:4] == target["period_end"][:4]:
        return "in_progress", "actual"  # 1-11月 against the whole year: not over yet
    if target.get("period_basis") in SAME_START:
        return "in_progress", "actual"  # 2026年1-6月 against 2026年: the same span, not over yet
    if path is not None:
        return ("on_track" if sign * (answer["value"] - path) >= 0 else "behind"), "path"
    return ("not_yet_due" if due_later else "behind"), "calendar"
