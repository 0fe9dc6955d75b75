"""Find the places a text names (江苏省 -> 江苏, 浦东新区 -> 浦东新区), from rules/regions.yaml."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extractors.rulebook import alternation, any_of, rules, word_list

PLACE_KEYS = ("national", "world", "countries", "groupings", "provinces", "cities", "districts")


@cache
def _place_pattern() -> re.Pattern:
    names = sorted({n for key in PLACE_KEYS for n in word_list("regions", key)}, key=len, reverse=True)
    suffixes = alternation(word_list("regions", "suffixes"))
    # 中国国际工业博览会, 中国国际进口博览会: 中国 opening 国际… names an event or a body, not the country.
    # The 区 of 京津冀区域, the 市 of 上海市场 and 上海市级 begin the next word: no suffix of the place.
    return re.compile(
        f"(?P<name>{alternation(names, searched=True)})(?!(?<=中国)国际)(?:(?P<suffix>{suffixes})(?![域场级]))?"
    )


@cache
def _canonical() -> dict[str, str]:
    """Spellings that mean the same place: 中国/我国 -> 全国, 世界 -> 全球."""
    out = {n: "全国" for n in rules("regions")["national"]}
    out |= {n: "全球" for n in rules("regions")["world"]}
    return out


@lru_cache(maxsize=4096)
def place_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, canonical name) of every place named in `text` (asked of the same clause and
    name many times, hence the cache)."""
    pattern = _place_pattern()
    if pattern.search(text) is None:
        return ()  # most phrases and clauses asked of: one search, no more
    canon = _canonical()
    out = []
    for m in pattern.finditer(text):
        start = m.start()
        if text[start] == "中" and text[start - 1 : start] == "其":
            continue  # 其中国家级: no place
        name = m.group("name")
        out.append((start, m.end(), canon.get(name, name)))
    return tuple(out)


@cache
def _first_letters() -> frozenset[str]:
    """Every letter a place name starts with."""
    return frozenset(name[0] for key in PLACE_KEYS for name in word_list("regions", key))


def may_open_with_place(text: str) -> bool:
    """False when no place can open `text`, its first letter opening no place name (most phrases and
    clauses): matched at a start, the pattern would try its names there one by one."""
    return text[:1] in _first_letters()


def opening_place_end(text: str, within: int) -> int:
    """The end of the place that opens text[:within] (the first of its place_spans, when that starts
    at 0), else 0: matched at the start alone."""
    m = _place_pattern().match(text, 0, within) if may_open_with_place(text) else None
    return m.end() if m else 0


def leading_place(text: str) -> tuple[int, str] | None:
    """(end, name) of the most specific of the places that open `text`: 广东东莞… -> 东莞."""
    pattern = _place_pattern()
    m = pattern.match(text, 0, 16) if may_open_with_place(text) else None
    if m is None:
        return None  # no place at the start (most clauses)
    # The places right after it, as place_spans(text[:16]) finds them (the 中 of 其中 opens none):
    # each matched where the one before ends.
    while (after := pattern.match(text, m.end(), 16)) and text[m.end() - 1 : m.end() + 1] != "其中":
        m = after
    name = m.group("name")
    return m.end(), _canonical().get(name, name)


@cache
def event_name() -> re.Pattern:
    """The rest of an event's name after the place that opens it: 世界|人工智能大会, 中国|国际工业博览会."""
    events = alternation(word_list("regions", "events"))
    return re.compile(rf"[\u4e00-\u9fffA-Za-z·]{{0,14}}?(?:{events})")


def first_place(text: str, local: bool = False) -> str | None:
    """The first place named in `text`, or None; with `local`, a province, city or district first."""
    spans = place_spans(text)
    if local:
        # 高于全国平均水平, 居全国第三: the country as the base of a comparison or the field of a
        # ranking is not a place the text is about.
        # 作为全球领先的…企业: the country or the world describing something is not where either.
        spans = [s for s in spans if s[2] not in ("全国", "全球")] or [
            s
            for s in spans
            if not _base_marker().search(text, max(0, s[0] - 3), s[0])
            and not _attribute_after().match(text, s[1])
            and not event_name().match(text, s[1])
        ]
    if not spans:
        return None
    # 张江科学城, 漕河泾开发区: a zone right after the place is part of the name.
    zone = zone_after().match(text, spans[0][1])
    return text[spans[0][0] : zone.end()] if zone else spans[0][2]


@cache
def zone_after() -> re.Pattern:
    return any_of("regions", "zones")


@cache
def _attribute_after() -> re.Pattern:
    return any_of("regions", "attribute_after")


@cache
def _base_marker() -> re.Pattern:
    return re.compile(f"(?:{alternation(word_list('regions', 'base_markers'))})$")


@cache
def home_words() -> tuple[str, ...]:
    return tuple(word_list("regions", "home"))
