"""One fact per statement: a value repeated in a headline or a digest line, or said again for the
same indicator, is kept once; a rounded bound said just before the exact value is dropped."""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.phrases import scopes
from indicators.model import Fact


def merge_statements(facts: list[Fact], headline_facts: list[Fact]) -> list[Fact]:
    """A value repeated in a headline and in the body is one fact: keep the body's.

    The same value, unit and measure stated again for the same indicator (a summary line, a digest
    repeating its items) is one fact too: the first statement with the longest evidence is kept.
    """
    out: list[Fact] = []
    by_value: dict[tuple, list[Fact]] = {}
    for fact in sorted(facts, key=lambda f: -len(f.evidence)):
        same_value = by_value.setdefault((fact.value, fact.unit, fact.measure), [])
        if not any(_same_fact(fact, kept) for kept in same_value):
            same_value.append(fact)
            out.append(fact)
    stated = set(by_value)
    for fact in headline_facts:
        if (fact.value, fact.unit, fact.measure) not in stated:
            stated.add((fact.value, fact.unit, fact.measure))
            out.append(fact)
    return sorted(_drop_rounded_bounds(out), key=lambda f: (f.quantity_start, f.value))


def headline_like(text: str) -> bool:
    """·交付新船72艘！, 8.37万平方米！: a digest's headline line, not a statement of its own."""
    return text.startswith(("·", "•")) or (len(text) <= 25 and text.endswith(("！", "!")))


def _same_fact(a: Fact, b: Fact) -> bool:
    """The same statement again: same value, unit and measure, and the same indicator words
    (or one is a headline-like line, ·交付新船72艘！, naming part of the other's)."""
    if (a.value, a.unit, a.measure) != (b.value, b.unit, b.measure):
        return False
    if a.entity != b.entity:
        return False  # one number said of several places (浙江、江西…都高达15%), or of two: two facts
    if (a.kind, a.period_end) != (b.kind, b.period_end):
        return False  # last year's 2% and this year's target of 2%: two facts
    x, y = _bare(a.indicator), _bare(b.indicator)
    if x == y:
        return True
    if x.replace(y, "", 1) in scopes() or y.replace(x, "", 1) in scopes():
        return False  # 居民消费价格 and 城市居民消费价格 both up 0.8%: the whole and a part, two facts
    # 年末…失业率为5.1% and 全年…失业率平均值为5.1%: a stock and a flow of the same year are two.
    short = min(len(a.evidence), len(b.evidence)) < 25 and a.period_start == b.period_start
    return bool(x) and bool(y) and short and (x in y or y in x)


def _bare(phrase: str) -> str:
    return re.sub(r"^[\d·\s.、]+", "", phrase)


def _drop_rounded_bounds(facts: list[Fact]) -> list[Fact]:
    """总装机容量突破7亿千瓦，达到7.0452亿千瓦: the bound says the exact value again, rounded."""
    drop = set()
    ordered = sorted(facts, key=lambda f: f.quantity_start)
    for before, a, b in zip([None, *ordered], ordered, ordered[1:], strict=False):
        if before is not None and _bounds_listed(before, a):
            continue  # 先后跨越2万亿元、2.5万亿元两个台阶，达到2.68万亿元: milestones crossed, not a rounding
        if (
            a.qualifier == "lower_bound"
            and b.qualifier == "exact"
            and a.evidence_start == b.evidence_start
            and (a.unit, a.measure) == (b.unit, b.measure)
            and 0 < a.value <= b.value < a.value * Decimal("1.1")
        ):
            drop.add(id(a))
    return [f for f in facts if id(f) not in drop]


def _bounds_listed(a: Fact, b: Fact) -> bool:
    """Two bounds of one sentence, unit and measure in a row: a list of thresholds passed."""
    return (
        a.qualifier == b.qualifier == "lower_bound"
        and a.evidence_start == b.evidence_start
        and (a.unit, a.measure) == (b.unit, b.measure)
    )
