"""The one pint UnitRegistry (from units.txt) and the conversion to FACTS.md's canonical units."""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources

import pint

# pint names whose canonical code in FACTS.md is a symbol.
CODES = {"percent": "%", "percentage_point": "pp", "times": "x"}
# A scaled denominator keeps its scale in the code: 台/万人 -> unit/10k_person, value unchanged.
SCALE_LABELS = {
    Decimal(1): "",
    Decimal(10): "10_",
    Decimal(100): "100_",
    Decimal(1000): "1k_",
    Decimal(10000): "10k_",
    Decimal(10) ** 6: "1m_",
    Decimal(10) ** 8: "100m_",
    Decimal(10) ** 10: "10bn_",
}


# Time written after a slash: a capacity or a flow per year or per day (10万吨/年, 1万方/天).
PER_TIME = {"年": "year", "天": "day", "日": "day"}


class UnknownUnit(Exception):
    """The unit is not in indicators/units.txt; add a line there."""

    def __init__(self, unit_text: str) -> None:
        super().__init__(f'Unit "{unit_text}" is not in indicators/units.txt; add a line there.')
        self.unit_text = unit_text


@cache
def registry() -> pint.UnitRegistry:
    """The registry: only zhibiao's definitions, exact Decimal arithmetic."""
    ureg = pint.UnitRegistry(None, non_int_type=Decimal, cache_folder=None)
    ureg.load_definitions(str(resources.files("indicators").joinpath("units.txt")))
    return ureg


@lru_cache(maxsize=4096)
def _factor_and_code(unit_text: str) -> tuple[Decimal, str]:
    """('万亿元') -> (Decimal('1E+12'), 'CNY'): multiply the number by the factor to get the canonical value."""
    # 台/套 ("units or sets") is one counter, not a ratio.
    unit_text = unit_text.replace("台/套", "台套")
    if "/" in unit_text:
        numerator, _, denominator = unit_text.partition("/")
        factor, code = _factor_and_code(numerator)
        if denominator in PER_TIME:
            return factor, f"{code}/{PER_TIME[denominator]}"  # 10万吨/年 -> t/year
        den_factor, den_code = _factor_and_code(denominator)
        label = SCALE_LABELS.get(den_factor)
        if label is None:
            raise UnknownUnit(unit_text)
        return factor, f"{code}/{label}{den_code}"
    ureg = registry()
    try:
        quantity = ureg.Quantity(Decimal(1), unit_text).to_base_units()
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, ValueError):
        raise UnknownUnit(unit_text) from None
    except Exception:  # pint's parser raises assorted errors on odd strings
        raise UnknownUnit(unit_text) from None
    units = list(quantity.unit_items())
    if len(units) != 1 or units[0][1] != 1:
        raise UnknownUnit(unit_text)
    name = units[0][0]
    return Decimal(quantity.magnitude), CODES.get(name, name)


def to_canonical(number: Decimal, unit_text: str) -> tuple[Decimal, str]:
    """(5.67, '万亿元') -> (Decimal('5.67E+12'), 'CNY'); (600, '台/万人') -> (600, 'unit/10k_person')."""
    factor, code = _factor_and_code(unit_text)
    return number * factor, code


def canonical_code(unit_text: str) -> str:
    """'万辆' -> 'vehicle'."""
    return _factor_and_code(unit_text)[1]


def canonical_per(unit_text: str) -> str:
    """The denominator code of a 每… phrase: '百元' -> '100_CNY', '万人' -> '10k_person'."""
    factor, code = _factor_and_code(unit_text)
    label = SCALE_LABELS.get(factor)
    if label is None:
        raise UnknownUnit(unit_text)
    return f"{label}{code}"


@cache
def spellings() -> tuple[str, ...]:
    """Every Chinese or symbol spelling of a unit in units.txt (no magnitudes), longest first."""
    words = set()
    text = resources.files("indicators").joinpath("units.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.split("=", 1)[0].strip().endswith("-"):
            continue
        parts = [p.strip() for p in line.split("=")]
        for alias in parts[2:]:
            if alias and alias != "_":
                words.add(alias)
    return tuple(sorted(words, key=len, reverse=True))


@cache
def magnitudes() -> tuple[str, ...]:
    """The magnitude prefixes (万, 亿, 万亿 …), longest first."""
    out = []
    text = resources.files("indicators").joinpath("units.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        parts = [p.strip() for p in line.split("=")]
        if len(parts) >= 3 and parts[0].endswith("-"):
            out.append(parts[2].rstrip("-"))
    return tuple(sorted(out, key=len, reverse=True))
