"""One series point from its reports, and the revisions among them. Pure functions over fact rows
(dicts with the columns of `facts`); indicators/views.py writes the results.

Two reports of a point are *the same figure* when the values they state can both be true: 突破5.6万
亿元 (at least 5.6) and 5.67万亿元 (5.665 to 5.675) are one figure at two precisions; 5.4% and 5.5%
are not. Only reports of different documents that are not the same figure make a revision — two
statements of one document are never one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

Row = dict[str, Any]

APPROX = Decimal("0.05")  # 约/左右: within 5 % of the value
VAGUENESS = {"exact": 0, "approx": 1, "lower_bound": 2, "upper_bound": 2}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def step(row: Row) -> Decimal:
    """The place of the last digit the text wrote, in the canonical unit: 5.67万亿元 -> 1e10,
    突破5.6万亿元 -> 1e11, 100家 -> 1, 5.4% -> 0.1. Numbers in words fall back on significant digits."""
    value = abs(_decimal(row["value"]))
    m = _NUMBER.search(row.get("quantity_text") or "")
    if m and value:
        written = Decimal(m.group(0).replace(",", ""))
        if written:
            scale = value / written
            exponent = scale.adjusted()
            if scale == Decimal(1).scaleb(exponent):  # 万亿 = 1e12: the text's number times a power of ten
                return scale * Decimal(1).scaleb(written.as_tuple().exponent)
    digits = row.get("significant_digits") or len(value.normalize().as_tuple().digits) if value else 1
    return Decimal(1).scaleb(value.adjusted() - int(digits) + 1) if value else Decimal(1)


Interval = tuple[Decimal | None, Decimal | None]


def bounds(qualifier: str | None, value: Decimal, last_digit: Decimal) -> Interval:
    """[low, high) of the values a report allows; None is unbounded. 突破5.6万亿 allows 5.6万亿 and
    more, 5.67万亿 allows 5.665 to 5.675万亿 (half a last digit of rounding), 约 adds 5 %."""
    half = last_digit / 2
    if qualifier == "lower_bound":
        return value, None
    if qualifier == "upper_bound":
        return None, value + last_digit / 10**6  # the bound itself is allowed
    slack = half + (abs(value) * APPROX if qualifier == "approx" else 0)
    return value - slack, value + slack


def interval(row: Row) -> Interval:
    """The values one report allows (see bounds())."""
    return bounds(row.get("qualifier"), _decimal(row["value"]), step(row))


def overlap(a: Interval, b: Interval) -> bool:
    (a_lo, a_hi), (b_lo, b_hi) = a, b
    return (a_lo is None or b_hi is None or a_lo < b_hi) and (b_lo is None or a_hi is None or b_lo < a_hi)


def consistent(a: Row, b: Row) -> bool:
    """True when both reports can be true of one figure."""
    return overlap(interval(a), interval(b))


def precision_order(rows: Sequence[Row]) -> list[Row]:
    """Most precise first: exact, then 约, then a bound; then the finer last digit; then the latest
    publication; then the earliest statement in its document (document, then position)."""
    out = sorted(rows, key=lambda r: (r.get("doc") or "", r.get("quantity_start") or 0))
    out.sort(key=lambda r: r.get("published") or "", reverse=True)
    steps = {id(r): step(r) for r in out}
    out.sort(key=lambda r: (VAGUENESS.get(r.get("qualifier"), 2), steps[id(r)]))
    return out


def choose(rows: Sequence[Row]) -> Row:
    """The report a series point shows: the latest publication says what the figure is (a revision
    supersedes what came before), and among the reports that agree with it, the most precise."""
    intervals = [interval(r) for r in rows]
    latest = max(r.get("published") or "" for r in rows)
    anchors = {iv for r, iv in zip(rows, intervals, strict=True) if (r.get("published") or "") == latest}
    agreeing = [r for r, iv in zip(rows, intervals, strict=True) if all(overlap(iv, a) for a in anchors)]
    return precision_order(agreeing or [r for r in rows if (r.get("published") or "") == latest])[0]


def revised(rows: Sequence[Row]) -> bool:
    """True when two reports from different documents cannot be the same figure."""
    figures: dict[Interval, set[str]] = {}
    for r in rows:
        figures.setdefault(interval(r), set()).add(r.get("doc") or "")
    classes = list(figures.items())
    for i, (a, docs_a) in enumerate(classes):
        for b, docs_b in classes[i + 1 :]:
            if not overlap(a, b) and len(docs_a | docs_b) > 1:
                return True
    return False


def vintages(rows: Sequence[Row]) -> list[tuple[Row, int]]:
    """One report per document (its most precise), oldest publication first, with its vintage
    number (1 for the earliest publication date, 2 for the next …)."""
    best: dict[str, Row] = {}
    for r in precision_order(rows):
        best.setdefault(r.get("doc") or "", r)
    ordered = sorted(best.values(), key=lambda r: (r.get("published") or "", _decimal(r["value"])))
    dates = sorted({r.get("published") or "" for r in ordered})
    return [(r, dates.index(r.get("published") or "") + 1) for r in ordered]
