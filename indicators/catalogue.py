"""The indicator catalogue (catalogue.yaml): load, validate, and map an indicator phrase to an entry.

A phrase maps to an entry by its head, not by a substring: 全市规上工业增加值增速 is 规上工业增加值
(a growth rate of it), but 机器人出口 and 对东盟出口 are not 出口 — their modifiers narrow what is
counted, so they keep a series of their own. heads.yaml lists the words that may stand around a head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from indicators.units import UnknownUnit, canonical_code
from indicators.yamlfile import load_yaml_text

FIELDS = {
    "name",
    "name_en",
    "category",
    "unit",
    "family",
    "frequency",
    "scope",
    "tier",
    "keywords",
    "description",
}
OPTIONAL = {"nbs_code"}
TIERS = {"core", "other"}
FAMILIES = {"flow", "stock", "rate", "index"}
FREQUENCIES = {"monthly", "quarterly", "annual"}
CATEGORIES = {
    "macro",
    "industry",
    "investment",
    "consumption",
    "trade",
    "fiscal",
    "finance",
    "prices",
    "population",
    "employment",
    "income",
    "energy",
    "transport",
    "technology",
    "enterprise",
    "real_estate",
    "environment",
    "tourism",
}
HEAD_RULES = ("drop", "comparisons", "suffixes", "neutral")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_NBS_CODE = re.compile(r"(?:hgnd|hgyd|hgjd|fsnd|fsyd|fsjd)/A[0-9A-Z]+")
# Units that count the same kind of thing whatever the counter word: 100个先进级智能工厂 and 15家
# 智能工厂 are both counts of factories; 亿元 and 亿美元 are both money.
_COUNTS = {"enterprise", "item", "project", "unit"}
_MONEY = {"CNY", "USD", "EUR", "JPY", "HKD", "GBP"}


class CatalogueError(Exception):
    """catalogue.yaml or heads.yaml is malformed: the message names the entry and the field."""


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
    family: str = "flow"  # flow | stock | rate | index
    frequency: str = "annual"
    scope: str = ""
    nbs_code: str | None = None


@dataclass(frozen=True)
class Head:
    """How a phrase reads: its head keyword, the words before it, and the measure words after it."""

    keyword: str
    modifiers: str  # neutral words before the keyword (全市, 2025年, 累计)
    suffixes: str  # measure words after it (增速, 比重)
    indicator: Indicator


@dataclass(frozen=True)
class HeadRules:
    """heads.yaml, compiled."""

    drop: re.Pattern
    comparison: re.Pattern
    suffix: re.Pattern
    neutral: re.Pattern

    def core(self, phrase: str) -> str:
        """The phrase with dropped characters removed and cut before a comparison or a share; empty
        for a share of a whole it does not name (上市企业占比: of what?)."""
        text = self.drop.sub("", phrase)
        m = self.comparison.search(text)
        if m and m.group(0) == "占" and text[m.end() :] in ("", "比"):
            return ""
        return text[: m.start()] if m else text

    def readings(self, phrase: str) -> list[tuple[str, str]]:
        """(text, suffixes) pairs: the core, then the core less one more measure word each time."""
        text, suffixes = self.core(phrase), ""
        if not text:
            return []
        out = [(text, suffixes)]
        while (m := self.suffix.search(text)) and m.start() > 0:
            text, suffixes = text[: m.start()], m.group(0) + suffixes
            out.append((text, suffixes))
        return out


class Catalogue:
    """The indicators, in file order, and the lookup from an indicator phrase."""

    def __init__(self, indicators: list[Indicator], rules: HeadRules | None = None) -> None:
        self.indicators = indicators
        self.by_id = {ind.id: ind for ind in indicators}
        self.rules = rules or load_head_rules()
        # Keywords are unique across entries (parse_catalogue checks it); a duplicate keeps the first.
        self._by_keyword: dict[str, Indicator] = {}
        for ind in indicators:
            for kw in ind.keywords:
                self._by_keyword.setdefault(kw, ind)
        self._longest = max((len(k) for k in self._by_keyword), default=0)
        self._last_letters = frozenset(k[-1] for k in self._by_keyword)

    def __iter__(self):
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def head(self, phrase: str, unit: str | None = None) -> Head | None:
        """The catalogue keyword the phrase's head is, with the words around it; None when a
        modifier narrows the head (机器人出口) or no keyword ends the phrase.

        The longest keyword wins (规上工业增加值 before 工业增加值). With `unit`, a level fact must be
        in a unit of the entry's kind (a count of 开工项目 is not 总投资 money).
        """
        for text, suffixes in self.rules.readings(phrase):
            if text[-1:] not in self._last_letters:
                continue  # no keyword ends on its last letter: none ends it
            for start in range(max(0, len(text) - self._longest), len(text)):
                ind = self._by_keyword.get(text[start:])
                if ind is None:
                    continue
                if not self.rules.neutral.fullmatch(text[:start]):
                    break  # 机器人出口: the keyword is narrowed, and so is any shorter one inside it
                if unit is None or unit_fits(unit, ind.unit):
                    return Head(text[start:], text[:start], suffixes, ind)
        return None

    def match(self, phrase: str, unit: str | None = None) -> Indicator | None:
        """The entry the phrase's head names (see head()), or None."""
        found = self.head(phrase, unit)
        return found.indicator if found else None


def unit_fits(fact_unit: str, entry_unit: str) -> bool:
    """A level in fact_unit can be a value of an entry in entry_unit: the same unit, money and
    money, a count and a count, or the numerator of a per-unit entry (人均…元 for CNY/person)."""
    if fact_unit == entry_unit or fact_unit == entry_unit.split("/")[0]:
        return True
    return {fact_unit, entry_unit} <= _MONEY or {fact_unit, entry_unit} <= _COUNTS


def parse_head_rules(data: object, name: str = "heads.yaml") -> HeadRules:
    """heads.yaml's four lists of regular expressions, compiled."""
    if not isinstance(data, dict):
        raise CatalogueError(f"{name}: expected a mapping with the keys {', '.join(HEAD_RULES)}")
    unknown, missing = set(data) - set(HEAD_RULES), set(HEAD_RULES) - set(data)
    if unknown or missing:
        raise CatalogueError(f"{name}: unknown key(s) {sorted(unknown)}, missing key(s) {sorted(missing)}")
    parts: dict[str, str] = {}
    for key in HEAD_RULES:
        patterns = data[key]
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
            raise CatalogueError(f"{name}: {key}: expected a list of regular expressions")
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise CatalogueError(f"{name}: {key}: {p!r} is not a regular expression: {exc}") from None
        parts[key] = "|".join(f"(?:{p})" for p in patterns)
    return HeadRules(
        drop=re.compile(parts["drop"]),
        comparison=re.compile(parts["comparisons"]),
        suffix=re.compile(f"(?:{parts['suffixes']})$"),
        neutral=re.compile(f"(?:{parts['neutral']})*"),
    )


def parse_catalogue(data: object, name: str = "catalogue.yaml", rules: HeadRules | None = None) -> Catalogue:
    if not isinstance(data, dict):
        raise CatalogueError(f"{name}: expected a mapping of indicator ids")
    out = []
    owner: dict[str, str] = {}
    for key, entry in data.items():
        out.append(_indicator(name, key, entry))
        for kw in out[-1].keywords:
            if kw in owner:
                raise CatalogueError(f"{name}: {key}: keyword {kw!r} is already a keyword of {owner[kw]}")
            owner[kw] = key
    return Catalogue(out, rules)


def _indicator(name: str, key: object, entry: object) -> Indicator:
    """One entry, checked field by field."""
    if not isinstance(key, str) or not _ID.fullmatch(key):
        raise CatalogueError(f"{name}: {key!r}: an indicator id is snake_case (gdp, software_revenue)")
    if not isinstance(entry, dict):
        raise CatalogueError(f"{name}: {key}: expected a mapping")
    unknown = set(entry) - FIELDS - OPTIONAL
    missing = FIELDS - set(entry)
    if unknown:
        raise CatalogueError(f"{name}: {key}: unknown field(s) {sorted(unknown)}")
    if missing:
        raise CatalogueError(f"{name}: {key}: missing field(s) {sorted(missing)}")
    for field, allowed in (
        ("tier", TIERS),
        ("family", FAMILIES),
        ("frequency", FREQUENCIES),
        ("category", CATEGORIES),
    ):
        if entry[field] not in allowed:
            raise CatalogueError(f"{name}: {key}: {field} must be one of {sorted(allowed)}")
    for field in ("name", "name_en", "scope", "description"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise CatalogueError(f"{name}: {key}: {field} must be a non-empty text")
    if not entry["keywords"] or not all(isinstance(k, str) and k for k in entry["keywords"]):
        raise CatalogueError(f"{name}: {key}: keywords must be a non-empty list of strings")
    if len(set(entry["keywords"])) != len(entry["keywords"]):
        raise CatalogueError(f"{name}: {key}: a keyword is listed twice")
    code = entry.get("nbs_code")
    if code is not None and not (isinstance(code, str) and _NBS_CODE.fullmatch(code)):
        raise CatalogueError(f"{name}: {key}: nbs_code must read database/code, e.g. hgnd/A020102")
    unit = entry["unit"]
    if not isinstance(unit, str) or not _canonical(unit):
        raise CatalogueError(f"{name}: {key}: unit {unit!r} is not a canonical unit of units.txt")
    return Indicator(
        id=key,
        name=entry["name"],
        name_en=entry["name_en"],
        category=entry["category"],
        unit=unit,
        tier=entry["tier"],
        keywords=tuple(entry["keywords"]),
        description=entry["description"],
        family=entry["family"],
        frequency=entry["frequency"],
        scope=entry["scope"],
        nbs_code=code,
    )


def _canonical(unit: str) -> bool:
    """A unit code of units.txt; in a compound (CNY/person) the numerator must be one."""
    first = unit.split("/")[0]
    try:
        return canonical_code(first) == first
    except UnknownUnit:
        return False


@cache
def load_head_rules() -> HeadRules:
    """indicators/heads.yaml, compiled."""
    text = resources.files("indicators").joinpath("heads.yaml").read_text(encoding="utf-8")
    return parse_head_rules(load_yaml_text(text, "indicators/heads.yaml"), "indicators/heads.yaml")


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped in indicators/catalogue.yaml (validated)."""
    text = resources.files("indicators").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return parse_catalogue(load_yaml_text(text, "indicators/catalogue.yaml"), "indicators/catalogue.yaml")
