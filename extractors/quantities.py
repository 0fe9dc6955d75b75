"""Quantities in a sentence: number + magnitude + unit, with qualifier, ranges and word multiples.

5.67万亿元, 超2.3万家, 2-3个, 0.8%—1.3%, 1000—2000元/吨标煤, 4+2艘, 三分之一, 翻一番.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from extractors.numbers import (
    ARABIC,
    CHINESE,
    DIGIT_LETTERS,
    NotANumber,
    fraction_percent,
    parse_arabic,
    parse_chinese,
    parse_fraction,
    parse_number,
)
from extractors.rulebook import alternation, rules
from indicators.units import UnknownUnit, magnitudes, spellings, to_canonical

_CN_CHARS = "〇零一二两三四五六七八九十百千"
# ARABIC after its first digit: \d(?<!…)ARABIC_REST reads what ARABIC does, its first digit checked.
assert ARABIC.startswith(r"\d+")
_ARABIC_REST = r"\d*" + ARABIC.removeprefix(r"\d+")


@dataclass(frozen=True)
class Quantity:
    """One number as written, read into the canonical unit. Offsets are relative to the searched text."""

    start: int
    end: int
    text: str  # number and unit as written: 5.67万亿元
    number: Decimal
    unit_text: str  # 万亿元
    value: Decimal  # canonical: 5.67E+12
    unit: str  # canonical code: CNY
    qualifier: str
    role: str = (
        "single"  # single | low | high (a range) | part (4+2艘) | words (翻一番, 三分之一) | ratio | index
    )
    chinese: bool = False  # written in Chinese numerals

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


@cache
def _pattern() -> re.Pattern:
    units = alternation(spellings())
    mags = alternation(magnitudes())
    more = alternation(["余", "多"])
    # A rate per time unit (万吨/年, 万方/天) only after a slash: 年 alone is a date, not a unit.
    per = rf"(?:{mags})?(?:{units})|年|天|日"
    unit = rf"(?:(?:{mags})?(?:{more})?(?:{units})(?:/(?:{per}))?|(?:{mags})(?=[{_CN_CHARS}]?[-—–~～]))"
    # A minus sign after 为/是/a bracket or comma is a negative number (自然增长率为-0.99‰), not a range.
    # An acronym right before a number is the indicator's name (GDP52853亿元); a letter or a digit is
    # part of a model name (Qwen3, M2).
    # The digits are read whole (an atomic group): no unit or separator starts with a digit, a comma
    # or a point, so backing off into them could never match and only costs (2025年 tried 4 times).
    whole = f"(?>{ARABIC})"
    # A number is followed by one of `follows`: 余/多, a unit, a magnitude, a separator or a space.
    # Looked for first (only where the rest could not match does the lookahead fail): most 一, 三…
    # (统一, 进一步) start no number, and the lookahead says so at once where the engine would try
    # every shorter reading of the numeral (its letters: _CN_CHARS and 万); 2025年 fails at once too.
    follow = re.escape(_follows())
    arabic = rf"(?:(?<=[为是：:（(，,\s])[-－−](?=\d)|(?<=[A-Z]{{2}})|(?<![\d.A-Za-z-])){whole}(?=[{follow}])"
    chinese = rf"(?<![{_CN_CHARS}万亿数几第每])(?=[{_CN_CHARS}])(?=[{_CN_CHARS}万]*[{follow}]){CHINESE}"
    number = rf"(?:{arabic}|{chinese})"
    second = rf"(?:{whole}|(?=[{_CN_CHARS}]){CHINESE})"
    sep = r"[-—–~～至到]|\+"
    # The lookahead lets the engine skip, in one test, every position no number can start at.
    return re.compile(
        rf"(?=[-－−{DIGIT_LETTERS}{_CN_CHARS}])(?P<n1>{number})(?P<more1>{more})?"
        # A space may part a number from a unit in Latin letters (60 EFLOPS, 5 GW).
        # The low end of a range may write only the magnitude (100亿至120亿元).
        rf"(?:(?P<u1>{unit}|万亿|亿|万)?(?P<sep>{sep})(?P<n2>{second}))?(?P<more2>{more})?(?:[ \u00a0](?=[A-Za-z]))?(?P<u2>{unit})"
        # 个 before 月/工作日 is a duration, 人 before 一 is an idiom (一人一策): not counters.
        r"(?!多?月|工作日|小时制)"
    )


@cache
def _follows() -> str:
    """The letters a number is followed by: 余/多, a unit, a magnitude, a separator or a space."""
    follows = {w[0] for w in (*spellings(), *magnitudes(), "余", "多")} | set("-—–~～至到+ \u00a0")
    return "".join(sorted(follows))


_BOUNDING = ("超", "超过", "突破", "逾", "近", "破", "过", "达到", "达")  # before a bare magnitude


@cache
def _bare_magnitude() -> re.Pattern:
    """超万亿元, 突破千亿元: a magnitude with no number means one of it, after a bounding word."""
    units = alternation(spellings())
    quals = alternation(_BOUNDING)
    return re.compile(rf"(?:{quals})(?P<u>(?:万亿|千亿|百亿|十亿|亿|千万|百万|万|千)(?:{units}))")


@cache
def _bare_count() -> re.Pattern:
    """个人用户超2亿、月活用户超2700万: a number with a magnitude and no unit, ending its clause, or
    right before the noun it counts (约300万注册用户, 超过1亿用户的网络)."""
    nouns = alternation(rules("measures")["bare_counts"])
    # The number starts with the digit it reads, the lookbehind looking past it: a pattern that
    # starts with a character class lets the engine skip in one fast loop to where it can match.
    return re.compile(
        rf"(?P<n>\d(?<![\d.]\d){_ARABIC_REST})(?P<m>万亿|亿|万)"
        rf"(?=[、，。；,;）)—]|$|(?:[两三四五六]个)?新?(?:台阶|大关|关口)|(?P<after>[\u4e00-\u9fff]{{0,3}}?(?:{nouns})))"
    )


_BARE_RUN = re.compile(r"(?:\d+(?:\.\d+)?(?:万亿|亿|万)、)+$")


@cache
def _bound_or_crossing() -> re.Pattern:
    """超过, 达到… or a verb of crossing a milestone (rules/phrases.yaml crossing) right before a bare count."""
    crossing = alternation(
        ["超过", "超", "逾", "近", "约", "达到", "达", "为", "有", *rules("phrases")["crossing"]]
    )
    return re.compile(f"(?:连续|先后|再次|首次)?(?:{crossing})$")


def _counted_before(before: str) -> str | None:
    """The counter of the noun right before a bare count (用户 -> 人), from rules/measures.yaml."""
    # 迈上4万亿、5万亿: the second of a list of bare counts counts what the first does.
    stripped = _BARE_RUN.sub("", before)
    stripped = _bound_or_crossing().sub("", stripped)
    counters = rules("measures")["bare_counts"]
    return next((c for noun, c in counters.items() if stripped.endswith(noun)), None)


def _counted_after(after: str) -> str | None:
    """The counter of the noun right after a bare count (约300万注册用户 -> 人)."""
    counters = rules("measures")["bare_counts"]
    return next((c for noun, c in counters.items() if noun in after[:7]), None)


# 上百家, 上千人, 上万名: a hundred, a thousand, ten thousand and more.
_UPWARDS = re.compile(r"上(?P<m>百|千|万)(?P<u>家|人|名|个|项|户|款|台)")


@cache
def _multiple_words() -> re.Pattern:
    return re.compile(alternation(rules("multiples")["words"], searched=True))


# Tenths in words (八成, 九成以上, 增长超一成) and a half (一半), as percents; not 成为, 成立, 一成不变….
_TENTHS = re.compile(
    r"(?=[一两二三四五六七八九])(?:(?<![一二三四五六七八九十百千万])([两二三四五六七八九])成(?=以上|左右|多)"
    r"|(?<=[占近约超逾达的为有过，；：])([两二三四五六七八九])成(?![为立功果本员交型熟长不效绩就片都])|一半(?=[，。、；]|$)"
    r"|(?<=[近约超逾])(一)成(?=[，。、；]|$))"
)
# Every match of _TENTHS holds one of these: the text has none in most sentences with 成 (完成, 成为).
_TENTHS_HINT = re.compile(r"[一两二三四五六七八九](?:成|(?<=一)半)")
_CLAUSE_START = re.compile(r"[，。；：,;:]")
_SHARE_WORD = re.compile(r"占|比重|份额")
# Not part of a date, a path, a model name or a rate per unit (万吨/年). (Starts with its first digit,
# the lookbehind looking past it: the engine's fast skip, as _bare_count.)
_SLASH_FRACTION = re.compile(r"(\d(?<![A-Za-z\d./-]\d)\d?)/(\d{1,3})(?![\d/.%])")
_FRACTION = re.compile(
    r"(?=[百十一二两三四五六七八九])(?<![一二两三四五六七八九十])(百|十|[一二两三四五六七八九]+)分之"
    r"((?:[一二两三四五六七八九十]+|零)(?:点[〇零一二两三四五六七八九]+)?)"
)


@cache
def _qualifiers() -> tuple[re.Pattern, dict[str, str], list[tuple[str, str]]]:
    """(pattern of `before` words at the end of a text, word -> qualifier, `after` words longest first)."""
    data = rules("qualifiers")
    names = ("upper_bound", "lower_bound", "approx")
    before = {w: q for q in names for w in data[q]["before"]}
    after = sorted(((w, q) for q in names for w in data[q]["after"]), key=lambda wq: len(wq[0]), reverse=True)
    pattern = re.compile(rf"(?P<q>{alternation(before)})(?:{alternation(data['linking'])})?$")
    return pattern, before, after


def qualifier_before(text: str) -> str | None:
    """The qualifier that ends `text` (the words right before a number): '总投资约' -> approx."""
    if text[-1:] not in _before_ends():
        return None  # most numbers: no qualifier or linking word ends here
    pattern, lookup, _ = _qualifiers()
    m = pattern.search(text[-6:])
    return lookup[m.group("q")] if m else None


@cache
def _before_ends() -> frozenset[str]:
    """The last letters of the `before` and linking words, and the line end `$` matches before."""
    data = rules("qualifiers")
    words = [w for q in ("upper_bound", "lower_bound", "approx") for w in data[q]["before"]]
    return frozenset(w[-1] for w in words + data["linking"]) | {"\n"}


@cache
def _after_starts() -> frozenset[str]:
    return frozenset(word[0] for word, _ in _qualifiers()[2])


def written_span(text: str, q: Quantity) -> tuple[int, int]:
    """The quantity with the words that bound it, as the text writes it: 超36万辆, 约1100亿元, 100家以上."""
    start, end = q.start, q.end
    if q.role == "single" and q.qualifier != "exact" and text[start - 1 : start] in _before_ends():
        m = _qualifiers()[0].search(text[max(0, start - 6) : start])
        if m:
            start -= len(m.group(0))
    if q.role in ("single", "words"):
        _, n = qualifier_after(text, end)
        end += n
    return start, end


def qualifier_after(text: str, pos: int = 0) -> tuple[str | None, int]:
    """The qualifier at text[pos:] (right after a quantity) and its length: '以上，' -> (lower_bound, 2).
    (An offset, not a slice: copying the rest of a long sentence for each number costs.)"""
    if text[pos : pos + 1] not in _after_starts():
        return None, 0  # most numbers: no qualifier word starts here
    for word, qualifier in _qualifiers()[2]:
        if text.startswith(word, pos):
            end = pos + len(word)
            if word in rules("qualifiers")["after_at_end"] and _HAN.match(text, end, end + 1):
                continue
            return qualifier, len(word)
    return None, 0


_HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def _side_by_side() -> re.Pattern:
    """Two letters side by side that every quantity of find_quantities holds, but a multiple in words
    or a fraction (番, 倍, 分之): a numeral and a letter a number is followed by (_follows); the last
    letter of a bounding word (_bare_magnitude's) or 上 and a magnitude (超万亿元, 上百家); a digit
    and a ratio's colon or a fraction's slash; a numeral and 成/半 (八成, 一半)."""
    # Opening on a class of letters, the engine skips fast to where one is.
    firsts = _CN_CHARS + "".join(sorted({w[-1] for w in _BOUNDING})) + "上"
    return re.compile(rf"[{DIGIT_LETTERS}{re.escape(firsts)}][{re.escape(_follows())}：:/成半]")


def may_state_quantity(text: str) -> bool:
    """False when find_quantities finds nothing in `text` nor in any part of it (a paragraph's
    sentences): the letters it needs do not stand side by side (统一, 进一步, 2025年)."""
    return _side_by_side().search(text) is not None or "番" in text or "倍" in text or "分之" in text


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right."""
    if not may_state_quantity(text):
        return []  # most sentences, with a numeral (进一步) or none: no pattern below can match
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _pattern().finditer(text):
        found = _from_match(text, m)
        if found:
            out.extend(found)
            taken.append(m.span())
    magnitude = "万" in text or "亿" in text or "千" in text
    # Each pattern below runs only when the characters it needs are in the text.
    for m in _bare_magnitude().finditer(text) if magnitude else ():
        if not _overlaps(m.span("u"), taken):
            q = _make(text, m.start("u"), m.end("u"), Decimal(1), m.group("u"), "single", False)
            if q:
                # 超万亿元: the text keeps its bounding word, or it would read as one 万亿元.
                out.append(replace(q, start=m.start(), text=m.group(0)))
    for m in _bare_count().finditer(text) if magnitude else ():
        counter = (
            _counted_before(text[: m.start()])
            if m.group("after") is None
            else _counted_after(text[m.end() :])
        )
        if counter and not _overlaps(m.span(), taken):
            q = _make(
                text, m.start(), m.end(), parse_number(m.group("n")), m.group("m") + counter, "single", False
            )
            if q:
                out.append(q)
    for m in _UPWARDS.finditer(text) if "上" in text else ():
        q = _make(
            text, m.start(), m.end(), Decimal(1), m.group("m") + m.group("u"), "single", False, "lower_bound"
        )
        if q and not _overlaps(m.span(), taken):
            out.append(q)
    for m in _RATIO.finditer(text) if "：" in text or ":" in text else ():
        # 三次产业结构为4.1：40.2：55.7: each term a share, in order.
        pos = m.start()
        for number in re.findall(r"\d+(?:\.\d+)?", m.group(0)):
            start = text.index(number, pos)
            pos = start + len(number)
            value = Decimal(number)
            out.append(Quantity(start, pos, number, value, "%", value, "%", "exact", "ratio"))
    for m in _multiple_words().finditer(text) if "番" in text or "倍" in text else ():
        value = Decimal(rules("multiples")["words"][m.group(0)])
        qual = (
            qualifier_after(text, m.end())[0] or qualifier_before(text[: m.start()]) or "exact"
        )  # 翻了一番多
        out.append(Quantity(m.start(), m.end(), m.group(0), value, m.group(0), value, "x", qual, "words"))
    hint = _TENTHS_HINT.search(text) if "成" in text or "一半" in text else None
    for m in _TENTHS.finditer(text, hint.start()) if hint else ():  # none starts before the hint
        # 八成以上 is 80 % and more; 一半 is 50 %.
        tenths = m.group(1) or m.group(2) or m.group(3)
        value = parse_chinese(tenths) * 10 if tenths else Decimal(50)
        qual = qualifier_after(text, m.end())[0] or qualifier_before(text[: m.start()]) or "exact"
        out.append(
            Quantity(m.start(), m.end(), m.group(0), value, m.group(0), value, "%", qual, "words", True)
        )
    for m in _SLASH_FRACTION.finditer(text) if "/" in text else ():
        # 占…销售规模的1/5, 比重稳定在1/3左右: a proper fraction written with a slash, in a clause that
        # names a share, is one (仅为行业平均水平的1/12 compares two figures).
        num, den = int(m.group(1)), int(m.group(2))
        clause = _CLAUSE_START.split(text[: m.start()])[-1]
        if 0 < num < den and not _overlaps(m.span(), taken) and _SHARE_WORD.search(clause):
            value = fraction_percent(num, den)
            qual = qualifier_after(text, m.end())[0] or qualifier_before(text[: m.start()]) or "exact"
            out.append(Quantity(m.start(), m.end(), m.group(0), value, m.group(0), value, "%", qual, "words"))
    for m in _FRACTION.finditer(text) if "分之" in text else ():
        try:
            value = parse_fraction(m.group(0))
        except NotANumber:
            continue
        qual = qualifier_before(text[: m.start()]) or "exact"
        out.append(
            Quantity(m.start(), m.end(), m.group(0), value, m.group(0), value, "%", qual, "words", True)
        )
    out.sort(key=lambda q: q.start)
    if "、" in text or "和" in text or "及" in text or "与" in text:
        out = _shared_units(text, out)
    return out


_MAGNITUDES_ALONE = ("万亿", "亿", "万")


# A list of numbers may write the unit once, at its end: 分别提高1.2个、2.5个百分点; 增长10.3、12.5%.
# 3.2个和5.4个百分点; 比全国高0.1个和低0.4个百分点: a joiner, perhaps with the next comparison's word.
_LINK_BEFORE = re.compile(r"[、和及与][高低快慢多少]?$")
_BARE_BEFORE = re.compile(r"(?<![\d.第])(\d+(?:\.\d+)?)$")
_PERCENT_UNITS = ("%", "个百分点", "百分点")


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """Give a number before a joiner the unit of the number after it, when it wrote that unit in part
    (3.2个 before 5.4个百分点) or, before a percent, not at all (10.3 before 12.5%)."""
    out = list(found)
    for i in range(len(out) - 1, -1, -1):  # right to left: the unit passes down a list of three
        after = out[i]
        link = (
            _LINK_BEFORE.search(text, max(0, after.start - 2), after.start)
            if after.role == "single"
            else None
        )
        if link is None:
            continue
        joint = link.start()
        before = out[i - 1] if i and out[i - 1].end == joint else None
        if before is not None:
            if (
                before.role != "single"
                or not after.unit_text.startswith(before.unit_text)
                or (before.unit_text == after.unit_text)
            ):
                continue
            start, number = before.start, before.number
        else:
            m = _BARE_BEFORE.search(text, max(0, joint - 12), joint)
            if not m or after.unit_text not in _PERCENT_UNITS:
                continue
            start, number = m.start(1), Decimal(m.group(1))
        q = _make(text, start, joint, number, after.unit_text, "single", False)
        if q is None:
            continue
        q = replace(q, text=text[start:joint])
        if before is not None:
            out[i - 1] = q
        else:
            out.insert(i, q)
    return out


# (Starts with its first digit, the lookbehind looking past it: the engine's fast skip, as _bare_count.)
_RATIO = re.compile(r"\d(?<=[为是]\d)\d*(?:\.\d+)?(?:[：:]\d+(?:\.\d+)?){2,4}")
# An index on a base of 100 (上年=100): a table row "食品 102.3", or 指数为101.8 in a sentence.
_INDEX = re.compile(
    r"(?:^[\u4e00-\u9fff、（）()]{2,20}\s*|指数为|指数是)(?P<n>\d{2,3}(?:\.\d+)?)(?=\s*$|[，。；])"
)


def index_values(text: str) -> list[Quantity]:
    """The indices of a text read on a base of 100, as growth in %: 102.3 -> 2.3, 98.6 -> -1.4."""
    out = []
    for m in _INDEX.finditer(text):
        if re.search(r"(?:上年|同期|上月)\s*(?:=|＝|为)$", text[: m.start("n")]):
            continue  # 以上年为100: the base itself
        number = Decimal(m.group("n"))
        start, end = m.span("n")
        out.append(Quantity(start, end, m.group("n"), number, "%", number - 100, "%", "exact", "index"))
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _from_match(text: str, m: re.Match) -> list[Quantity]:
    n1 = m.group("n1")
    if n1[:1] in "-－−":
        found = _from_match_unsigned(text, m, n1[1:])
        return [replace(q, number=-q.number, value=-q.value) for q in found if q.role == "single"]
    return _from_match_unsigned(text, m, n1)


def _from_match_unsigned(text: str, m: re.Match, n1: str) -> list[Quantity]:
    n2, sep, u2 = m.group("n2", "sep", "u2")
    if not n1 or n2 == "":
        return []  # a lone 百/千 that is no numeral
    chinese = not n1[0].isdigit()
    if n1[:1] == "0" and n1[1:2].isdigit():
        return []  # 01, 05发挥…: a numbering label, not a number of anything
    if chinese and n1 == "一" and not n2 and not u2.startswith(magnitudes()) and u2 != "倍":
        return []  # 一家, 一个: an article, not a count (一万家 is one; 增长一倍 is a multiple)
    if n2 is None:
        return _single(text, m.start(), m.end(), n1, m.group("more1") or m.group("more2"), u2, chinese)
    u1 = m.group("u1") or ""
    if sep == "+":
        first = _make(
            text,
            m.start("n1"),
            m.end("u1") if u1 else m.end("n1"),
            parse_number(n1),
            u1 or u2,
            "part",
            chinese,
        )
        second = _make(text, m.start("n2"), m.end(), parse_number(n2), u2, "part", chinese)
        return [q for q in (first, second) if q]
    # A range: 2-3个, 0.8%—1.3%, 90亿元到110亿元. The low end takes the unit of the high end when it has none.
    try:
        low_n, high_n = parse_number(n1), parse_number(n2)
    except NotANumber:
        return []
    if u1 in _MAGNITUDES_ALONE and u2.startswith(u1):
        u1 = u2  # 100亿至120亿元: the low end takes the unit its magnitude begins
    if u1 and u1 != u2 and not u2.endswith(u1):
        # 增长15%至320亿元: no range but a rate and the level it took the indicator to.
        second = _single(text, m.start("n2"), m.end(), n2, m.group("more2"), u2, not n2[:1].isdigit())
        return _single(text, m.start(), m.end("u1"), n1, None, u1, chinese) + second
    low = _make(text, m.start(), m.end(), low_n, u1 or u2, "low", chinese, "lower_bound")
    high = _make(text, m.start(), m.end(), high_n, u2, "high", chinese, "upper_bound")
    return [q for q in (low, high) if q]


def _single(text: str, start: int, end: int, number: str, more: str | None, unit_text: str, chinese: bool):
    try:
        # An Arabic number here is a whole match of ARABIC (the pattern's): no need to check it again.
        n = parse_arabic(number) if not chinese else parse_chinese(number)
    except NotANumber:
        return []
    unit_clean = unit_text.replace("余", "").replace("多", "") if more else unit_text
    q = _make(text, start, end, n, unit_clean, "single", chinese, "lower_bound" if more else None)
    return [q] if q else []


_MORE_AFTER_MAGNITUDE = re.compile(r"^(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)[余多](?=.)")


def _make(text, start, end, number, unit_text, role, chinese, qualifier=None) -> Quantity | None:
    unit_text = unit_text.replace("余", "").replace("多", "") if unit_text[:1] in "余多" else unit_text
    if ("余" in unit_text or "多" in unit_text) and _MORE_AFTER_MAGNITUDE.match(unit_text):
        unit_text = _MORE_AFTER_MAGNITUDE.sub(r"\1", unit_text)  # 4万多家: more than 40000
        qualifier = qualifier or "lower_bound"
    try:
        value, unit = to_canonical(number, unit_text)
    except UnknownUnit:
        return None
    if qualifier is None:
        qualifier = qualifier_before(text[max(0, start - 6) : start]) or "exact"  # its last 6 are read
        after, _ = qualifier_after(text, end)
        if after:
            qualifier = after
    return Quantity(start, end, text[start:end], number, unit_text, value, unit, qualifier, role, chinese)
