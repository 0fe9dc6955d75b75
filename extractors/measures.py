"""Fact-hood by what a number measures (rules/measures.yaml): a share, a multiple or a duration is a
fact when its indicator names an economic or industrial measure, not a product's or a story's."""

from __future__ import annotations

import re
from functools import cache

from extractors.rulebook import any_of, word_list


@cache
def _weak_units() -> frozenset[str]:
    return frozenset(word_list("measures", "weak_units"))


@cache
def _heads() -> re.Pattern:
    return any_of("measures", "heads")


@cache
def _duration_heads() -> re.Pattern:
    return any_of("measures", "duration_heads")


@cache
def _counted_heads() -> re.Pattern:
    return any_of("measures", "counted_heads")


_DURATIONS = frozenset({"day", "hour", "min", "year"})


def measures_something(indicator: str, unit: str, measure: str, sentence_before: str = "") -> bool:
    """Whether a number with this indicator phrase, unit and measure can be an indicator fact.

    A share or multiple may take its measure from the sentence before it (…市场出货量以…，国产
    产品由8.3%提升到17.4%); a duration must name it itself (项目从商谈至签约仅56天 is a story)."""
    if measure == "growth" or unit not in _weak_units():
        return True  # a growth rate continues a level; money and output measure by their unit
    if unit == "item":
        return bool(_heads().search(indicator) or _counted_heads().search(indicator))
    if unit in _DURATIONS:
        return bool(_duration_heads().search(indicator))  # 回款天数, 停电时间; not 项目从商谈至签约
    return bool(_heads().search(indicator + sentence_before))


@cache
def class_nouns() -> str:
    """The nouns of rules/measures.yaml class_nouns as a regex alternation (企业|公司|…)."""
    return "|".join(word_list("measures", "class_nouns"))


def names_measure(phrase: str) -> bool:
    """The phrase names an economic or industrial measure (a head of rules/measures.yaml)."""
    return bool(_heads().search(phrase))


def with_measure_of(part: str, whole: str) -> str:
    """采矿业, under 规模以上工业增加值 broken down by sector -> 采矿业增加值: a sector or a kind of firm
    named with no measure of its own takes the whole's (rules/measures.yaml breakdown_measures)."""
    measure = measure_word(whole)
    if not measure or measure in part or not part.endswith(_SECTOR_ENDS):
        return part  # 餐饮收入, 国内生产总值: a part that says its own measure
    return part + measure


_SECTOR_ENDS = ("业", "企业")  # 采矿业, 制造业, 股份制企业: sectors and kinds of firm, no measure


def measure_word(indicator: str) -> str | None:
    """The measure an indicator ends with, of rules/measures.yaml breakdown_measures: 规模以上工业增加值 -> 增加值."""
    return next((w for w in _breakdown_measures() if indicator.endswith(w)), None)


@cache
def _breakdown_measures() -> tuple[str, ...]:
    return tuple(sorted(word_list("measures", "breakdown_measures"), key=len, reverse=True))


def is_stock(indicator: str) -> bool:
    """贷款余额, 高速公路总里程: a level of this indicator is a stock at a date (rules/measures.yaml
    stock_heads); 新增装机容量 is what was added over a time."""
    return indicator.endswith(_stock_heads()) and "新增" not in indicator and "净增" not in indicator


@cache
def _stock_heads() -> tuple[str, ...]:
    return tuple(word_list("measures", "stock_heads"))
