"""The indicator catalogue (catalogue.yaml): load, validate, and map an indicator phrase to an entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from indicators.units import UnknownUnit, canonical_code
from indicators.yamlfile import load_yaml_text

_COMPARISON = re.compile(r"快于|慢于|高于|低于|领先|超出|相当于|占全|占比|对比|较")
FIELDS = {"name", "name_en", "category", "unit", "tier", "keywords", "description"}
OPTIONAL = {"exclude"}
TIERS = {"core", "other"}


class CatalogueError(Exception):
    """catalogue.yaml is malformed: the message names the entry and the field."""


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    category: str
    unit: str
    tier: str
    keywords: tuple[str, ...]
    description: str
    exclude: tuple[str, ...] = ()


class Catalogue:
    """The indicators, in file order, and the lookup from an indicator phrase."""

    def __init__(self, indicators: list[Indicator]) -> None:
        self.indicators = indicators
        self.by_id = {ind.id: ind for ind in indicators}
        # (keyword, indicator) longest keyword first: 规上工业增加值 before 工业增加值.
        self._keywords = sorted(
            ((kw, ind) for ind in indicators for kw in ind.keywords), key=lambda p: len(p[0]), reverse=True
        )

    def __iter__(self):
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def match(self, phrase: str, unit: str | None = None) -> Indicator | None:
        """The entry whose longest keyword the phrase contains, unless an exclude word rules it out.

        With `unit`, a level fact must be in the entry's unit (a count of 开工项目 is not 总投资 money).
        Only the words before a comparison count: 产值增速快于全市规模以上工业总产值 is not 规上工业总产值,
        占全市GDP比重 is not GDP.
        """
        phrase = _COMPARISON.split(phrase, maxsplit=1)[0]
        for keyword, ind in self._keywords:
            if keyword in phrase and not any(x in phrase for x in ind.exclude):
                if unit is not None and unit != ind.unit:
                    continue
                return ind
        return None


def parse_catalogue(data: object, name: str = "catalogue.yaml") -> Catalogue:
    if not isinstance(data, dict):
        raise CatalogueError(f"{name}: expected a mapping of indicator ids")
    out = []
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise CatalogueError(f"{name}: {key}: expected a mapping")
        unknown = set(entry) - FIELDS - OPTIONAL
        missing = FIELDS - set(entry)
        if unknown:
            raise CatalogueError(f"{name}: {key}: unknown field(s) {sorted(unknown)}")
        if missing:
            raise CatalogueError(f"{name}: {key}: missing field(s) {sorted(missing)}")
        if entry["tier"] not in TIERS:
            raise CatalogueError(f"{name}: {key}: tier must be one of {sorted(TIERS)}")
        if not entry["keywords"] or not all(isinstance(k, str) and k for k in entry["keywords"]):
            raise CatalogueError(f"{name}: {key}: keywords must be a non-empty list of strings")
        try:
            code = canonical_code(entry["unit"]) if "/" not in entry["unit"] else entry["unit"]
        except UnknownUnit:
            code = None
        if code != entry["unit"]:
            raise CatalogueError(
                f"{name}: {key}: unit {entry['unit']!r} is not a canonical unit of units.txt"
            )
        out.append(
            Indicator(
                id=str(key),
                name=entry["name"],
                name_en=entry["name_en"],
                category=entry["category"],
                unit=entry["unit"],
                tier=entry["tier"],
                keywords=tuple(entry["keywords"]),
                description=entry["description"],
                exclude=tuple(entry.get("exclude") or ()),
            )
        )
    return Catalogue(out)


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped in indicators/catalogue.yaml (validated)."""
    text = resources.files("indicators").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return parse_catalogue(load_yaml_text(text, "indicators/catalogue.yaml"), "indicators/catalogue.yaml")
