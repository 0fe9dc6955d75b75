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


def measures_something(indicator: str, unit: str, measure: str) -> bool:
    """Whether a number with this indicator phrase, unit and measure can be an indicator fact."""
    if measure == "growth" or unit not in _weak_units():
        return True  # a growth rate continues a level; money and output measure by their unit
    return bool(_heads().search(indicator))
