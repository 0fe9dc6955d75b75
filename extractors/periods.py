"""Time expressions -> periods: 到2027年, 1-11月, 十四五期间, 截至2025年底, 今明两年, 全年 …

Pure: the publication date and the year in context come in as arguments (no date.today()).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from extractors.numbers import parse_number
from extractors.rulebook import alternation, rules, word_list

QUARTERS = {
    "一": (1, 3),
    "二": (4, 6),
    "三": (7, 9),
    "四": (10, 12),
    "1": (1, 3),
    "2": (4, 6),
    "3": (7, 9),
    "4": (10, 12),
}
# Parts of a year, and the reports that cover them (三季报: the first three quarters).
PARTS = {
    "上半年": (1, 6),
    "下半年": (7, 12),
    "前三季度": (1, 9),
    "前两季度": (1, 6),
    "前二季度": (1, 6),
    "三季报": (1, 9),
    "半年报": (1, 6),
}
_FYP_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026, "六": 2031}


@dataclass(frozen=True)
class Period:
    start: str | None  # YYYY-MM, None for a stock or an open-ended target
    end: str | None  # YYYY-MM
    until: bool = False  # 到2027年, 截至2025年底, 2027年前: an end date, not a span of flow
    span: bool = False  # several years: 2026—2028年, 十四五
    whole_year: bool = False  # 全年 with no year written: resolved from context
    now: bool = False  # 目前: as of publication
    to_date: bool = False  # 今年以来: from January to the time the text reports on
    guessed_year: bool = False  # 全年, 年末 with no year in context: the year read from publication

    @property
    def year(self) -> int | None:
        return int(self.end[:4]) if self.end else None


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    period: Period
    comparison: bool  # 较2024年: the base of a comparison, not the fact's period


def ym(year: int, month: int) -> str:
    return f"{str(year).zfill(4)}-{str(month).zfill(2)}"  # as {year:04d}, without parsing a format


def year_period(year: int) -> Period:
    return Period(ym(year, 1), ym(year, 12))


@cache
def time_pattern() -> re.Pattern:
    """One regex for every time expression; the named group that matched says which."""
    data = rules("periods")
    year = r"(?:19|20)\d\d|[一二][〇零九][〇零一二三四五六七八九]{2}"  # 2035, 二〇三五
    sep = r"\s*[-—–~～至到]\s*"
    parts = alternation(PARTS)
    # What each alternative can open with: a year, a relative year (今年…), a numeral.
    years, relative, numerals = "12一二", "今去本上前明", r"\d一二两三四五六七八九十"

    def opening(words) -> str:
        return re.escape("".join(sorted({w[0] for w in words})))

    # The lookahead lets the engine skip, in one test, every position no time can start at; the
    # lookahead before each alternative, the alternatives that cannot start at a position (without
    # it the engine enters each one's groups to find out).
    alternatives = [
        (
            '“"十',
            r"(?P<fyp>[“\"]?十(?P<fyp_n>[一二三四五六])五[”\"]?(?:期间|时期|以来|末|规划期)?(?![”\"]?(?:规划|发展目标|目标|任务)))",
        ),
        (years, rf"(?P<ys>(?P<ys1>{year})年?(?:度)?{sep}(?P<ys2>{year})年(?:度)?)"),
        (
            years + relative + r"\d",
            rf"(?P<ymr>(?:(?P<ymr_y>{year})年|(?P<ymr_rel>今年|去年|本年|上年|前年|明年))?(?P<ymr_m1>\d{{1,2}}){sep}(?P<ymr_m2>\d{{1,2}})月(?:份)?)",
        ),
        # 前5个月, 今年前两个月: January to the month named
        (
            years + relative,
            rf"(?P<firstn>(?:(?P<firstn_y>{year})年|(?P<firstn_rel>今年|去年|本年|上年|前年))?前(?P<firstn_n>[一二两三四五六七八九十]{{1,2}}|\d{{1,2}})个?月(?:份)?)",
        ),
        (
            years + relative + "第一二三四1-4" + opening(PARTS),
            rf"(?P<yq>(?:(?P<yq_y>{year})年(?:度)?|(?P<yq_rel>今年|去年|本年|上年|前年|明年))?(?:第?(?P<yq_q>[一二三四1-4])季度|(?P<yq_p>{parts}))(?P<yq_end>末|底)?)",
        ),
        (
            years + relative + r"\d",
            rf"(?P<ymd>(?:(?P<ymd_y>{year})年|(?P<ymd_rel>今年|去年|本年|上年|前年|明年))?(?P<ymd_m>\d{{1,2}})月(?:份)?(?:(?P<ymd_d>\d{{1,2}})日)?"
            rf"(?P<ymd_end>底|末|下旬)?)",
        ),
        (
            years,
            rf"(?P<y>(?P<y_y>{year})年(?:度)?(?:全年)?(?P<y_end>{alternation(data['year_end'])})?(?P<y_before>前)?)",
        ),
        (opening(data["relative_spans"]), rf"(?P<span>{alternation(data['relative_spans'])})"),
        (opening(data["to_date"]), rf"(?P<to_date>{alternation(data['to_date'])})"),
        (
            opening(data["relative_years"]),
            rf"(?P<rel>{alternation(data['relative_years'])})(?P<rel_end>{alternation(data['year_end'])})?",
        ),
        (opening(data["whole_year"]), rf"(?P<whole>{alternation(data['whole_year'])})"),
        # 年末全省常住人口…: the end of the year in context, written with no year before it
        (opening(data["bare_year_end"]), rf"(?P<year_end>{alternation(data['bare_year_end'])})"),
        (opening(data["seasons"]), rf"(?P<season>{alternation(data['seasons'])})"),
        (numerals, r"(?P<later>(?P<later_n>[一二两三四五六七八九十]|\d{1,2})年(?:后|之后|以后))"),
        # 两年前, 10年前: that many years before publication (较两年前增加7倍: a comparison base)
        (numerals, r"(?P<ago>(?P<ago_n>[一二两三四五六七八九十]|\d{1,2})年前)"),
        # 未来3至5年, 未来三年: the years ahead from the publication year, as 未来五年 in the rules
        (
            "未今",
            r"(?P<ahead>(?:未来|今后)(?:[一二两三四五六七八九十]|\d{1,2})?(?:至|到|-|—|~)?(?P<ahead_n>[一二两三四五六七八九十]|\d{1,2})年(?:内|间)?)",
        ),
        (
            "通用经再",
            r"(?P<within>(?:通过|用|经过|再用)(?:近|约)?(?P<within_n>[一二两三四五六七八九十]|\d{1,2})年(?:左右)?(?:时间|攻坚|努力|的努力))",
        ),
        (opening(data["now"]), rf"(?P<now>{alternation(data['now'])})(?!年)"),  # 截至今年6月: not 至今
        # 成立20多年来, 十多年来: a stretch up to now, longer than the spans named in the rules;
        # 两年多过去: the text has come to now
        (numerals, r"(?P<since>(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:多年(?:来|以来)|年多?过去))"),
    ]
    # A digit starts a time only before 年, 度, 月, 多, 季 or a range's separator (2025年, 3-5月, 1季度,
    # 10多年来): looked for once, where each alternative would read the number to find out. (A new
    # alternative a digit starts otherwise is to be allowed here too.)
    digit = rf"(?![0-9])|(?=\d{{4}}(?:年|度|{sep})|\d{{1,2}}(?:{sep}|[年月多])|[1-4]季)"
    return re.compile(
        f"(?=[{re.escape(time_chars())}])(?:{digit})(?:"
        + "|".join(f"(?=[{first}]){alternative}" for first, alternative in alternatives)
        + ")"
    )


@cache
def _until() -> re.Pattern:
    return re.compile(rf"(?:{alternation(word_list('periods', 'until'))})$")


@cache
def _comparison() -> re.Pattern:
    return re.compile(rf"(?:{alternation(word_list('periods', 'comparison'))})$")


def _year(text: str) -> int:
    """'2035' or '二〇三五' -> 2035."""
    return int(parse_number(text))


@lru_cache(maxsize=256)
def parse_published(published: str | None) -> tuple[int, int] | None:
    """'2026-01-21' -> (2026, 1)."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})", published)
    return (int(m.group(1)), int(m.group(2))) if m else None


@cache
def time_words() -> tuple[str, ...]:
    """The time words of the rules (今年, 全年, 目前…) and the parts of a year (上半年, 前三季度…)."""
    data = rules("periods")
    keys = ("relative_years", "relative_spans", "to_date", "whole_year", "bare_year_end", "seasons", "now")
    return tuple(w for key in keys for w in data[key]) + tuple(PARTS)


@cache
def time_chars() -> str:
    """Every character a time expression can start with, from the pattern's words and numerals."""
    firsts = "".join(w[0] for w in time_words())
    return "".join(sorted(set('0123456789〇零一二两三四五六七八九十“"上下前第通用经再' + firsts)))


@cache
def _time_anchor() -> re.Pattern:
    """A character every time expression holds: 年, 月, 季 (第一季度), 五 (“十四五”), or the last
    character of one of the time words (目前, 今年以来, 全年…)."""
    last = {w[-1] for w in time_words()} | set("年月季五")
    return re.compile(f"[{re.escape(''.join(sorted(last)))}]")


def may_state_time(text: str) -> bool:
    """False when `text` holds no time expression (most phrases and many clauses): the big pattern
    need not run."""
    return _time_anchor().search(text) is not None


def find_times(
    text: str, published: str | None, context_year: int | None = None
) -> tuple[list[TimeMention], int | None]:
    """Time mentions of `text` left to right, and the year in context after them.

    `context_year` is the year the text before this one was about; each explicit year updates it.
    """
    pub = parse_published(published)
    out = []
    if not may_state_time(text):
        return out, context_year
    for m in time_pattern().finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        # 较2024年加快; 是2023年的4倍: the base the number is compared with
        comparison = bool(_comparison().search(before)) or (
            before.endswith(("是", "为", "相当于")) and text.startswith("的", m.end())
        )
        period = _period(m, pub, context_year)
        if period is None or (period.span and _year_of_span().match(text, m.end())):
            continue  # “十五五”起步之年: the span names which year this is, it dates nothing
        # 提升至2025年的52%: the year of the level reached, not an end date.
        reached = _RISEN_TO.search(before) and text.startswith("的", m.end())
        if _until().search(before) and not period.span and not reached:
            period = replace(period, until=True, start=None)
        out.append(TimeMention(m.start(), m.end(), period, comparison))
        before_context = context_year and m.group("rel") in _YEAR_BEFORE_CONTEXT  # keeps the year in context
        if not comparison and period.end and not period.now and not period.whole_year and not period.span:
            context_year = context_year if before_context else period.year
    return out, context_year


_RISEN_TO = re.compile(r"(?:提升|提高|增长|增加|减少|上升|下降|降低|扩大|缩小|跃升|攀升|增|降|升)(?:至|到)$")


@cache
def _year_of_span() -> re.Pattern:
    return re.compile(
        rf"[”\"]?(?:的)?[\u4e00-\u9fff]{{0,2}}?(?:{alternation(word_list('periods', 'year_of_span'))})"
    )


# A time the text states but that cannot be placed (今年 in a text with no date): the number is left
# undated rather than dated by a year of the text around it (到2027年).
UNPLACED = Period(None, None)


def _year_written(year: str | None, relative: str | None, pub: tuple[int, int] | None) -> int | None:
    """The year written before a month or a quarter: 2025年, or 今年/去年 from the publication year."""
    if year:
        return _year(year)
    if relative:
        return pub[0] + rules("periods")["relative_years"][relative] if pub else None
    return None


def _year_of_month(month: int, pub: tuple[int, int] | None, context_year: int | None) -> int | None:
    """The year of a month written without one: the year in context, else the latest such month."""
    if context_year:
        return context_year
    if pub:
        return pub[0] if month <= pub[1] else pub[0] - 1
    return None


def _months_or_their_end(year: int, first: int, last: int, end: bool) -> Period:
    """The months first..last of year, or, written with 末/底, their end: the date a stock is counted at."""
    return Period(None, ym(year, last), until=True) if end else Period(ym(year, first), ym(year, last))


def _days_ago(month: int, pub: tuple[int, int] | None) -> bool:
    """A day of the publication month or the month before: news of the days before publication."""
    return bool(pub) and month in (pub[1], (pub[1] - 2) % 12 + 1)


_YEAR_BEFORE_CONTEXT = ("上年", "上年度", "上一年")


def _year_of_whole(pub: tuple[int, int] | None) -> int | None:
    """The year 全年 or 年末 refers to with none in context: in the first quarter, the year just ended."""
    if not pub:
        return None
    return pub[0] - 1 if pub[1] <= 3 else pub[0]


def _period(m: re.Match, pub: tuple[int, int] | None, context_year: int | None) -> Period | None:
    g = m.group  # a group at a time: groupdict() would build all sixty of them
    data = rules("periods")
    if g("fyp"):
        start = _FYP_START[g("fyp_n")]
        if g("fyp").rstrip('”"').endswith("末"):
            return Period(None, ym(start + 4, 12), until=True)  # “十五五”末: the plan's last year's end
        return Period(ym(start, 1), ym(start + 4, 12), span=True)
    if g("ys"):
        y1, y2 = _year(g("ys1")), _year(g("ys2"))
        return Period(ym(y1, 1), ym(y2, 12), span=True) if y1 < y2 else None
    if g("ymr"):
        m1, m2 = int(g("ymr_m1")), int(g("ymr_m2"))
        if not (1 <= m1 < m2 <= 12):
            return None
        if g("ymr_rel") and not pub:
            return UNPLACED
        year = _year_written(g("ymr_y"), g("ymr_rel"), pub) or _year_of_month(m2, pub, context_year)
        return Period(ym(year, m1), ym(year, m2)) if year else UNPLACED
    if g("yq"):
        first, last = QUARTERS[g("yq_q")] if g("yq_q") else PARTS[g("yq_p")]
        if g("yq_rel") and not pub:
            return UNPLACED
        year = _year_written(g("yq_y"), g("yq_rel"), pub) or _year_of_month(last, pub, context_year)
        if not year:
            return UNPLACED
        return _months_or_their_end(year, first, last, bool(g("yq_end")))  # 二季度末, 上半年末
    if g("ymd"):
        month = int(g("ymd_m"))
        if not 1 <= month <= 12:
            return None
        if g("ymd_rel") and not pub:
            return UNPLACED
        if g("ymd_d") and _days_ago(month, pub):
            context_year = None  # 去年…。从1月13日举行的大会获悉 (published in January): this January
        year = _year_written(g("ymd_y"), g("ymd_rel"), pub) or _year_of_month(month, pub, context_year)
        if not year:
            return UNPLACED
        return _months_or_their_end(year, month, month, bool(g("ymd_end")))  # 11月, 11月底
    if g("y"):
        year = _year(g("y_y"))
        if g("y_end") or g("y_before"):
            return Period(None, ym(year, 12), until=True)
        return year_period(year)
    if g("span"):
        a, b = data["relative_spans"][g("span")]
        if not pub:
            return UNPLACED
        return Period(ym(pub[0] + a, 1), ym(pub[0] + b, 12), span=True)
    if g("to_date"):
        return Period(ym(pub[0], 1), ym(*pub), to_date=True) if pub else UNPLACED
    if g("rel"):
        if not pub:
            return UNPLACED  # 今年 in a text with no date: a time that cannot be placed
        year = pub[0] + data["relative_years"][g("rel")]
        if context_year and g("rel") in data["context_years"]:
            year = context_year
        elif context_year and g("rel") in _YEAR_BEFORE_CONTEXT:
            year = context_year - 1  # 2025年…增长5.5%（上年为5.0%）: the year before the one in context
        return Period(None, ym(year, 12), until=True) if g("rel_end") else year_period(year)
    if g("firstn"):
        last = int(parse_number(g("firstn_n")))
        if not 1 <= last <= 12:
            return None
        if g("firstn_rel") and not pub:
            return UNPLACED
        year = _year_written(g("firstn_y"), g("firstn_rel"), pub) or _year_of_month(last, pub, context_year)
        return Period(ym(year, 1), ym(year, last)) if year else UNPLACED
    if g("year_end"):
        if context_year:
            return Period(None, ym(context_year, 12), until=True)
        year = _year_of_whole(pub)
        return Period(None, ym(year, 12), until=True, guessed_year=True) if year else None
    if g("whole"):
        if context_year:
            return Period(ym(context_year, 1), ym(context_year, 12), whole_year=True)
        year = _year_of_whole(pub)
        return Period(ym(year, 1), ym(year, 12), whole_year=True, guessed_year=True) if year else None
    if g("season"):
        first, last = data["seasons"][g("season")]
        year = context_year or (pub[0] if pub and last <= pub[1] else pub[0] - 1 if pub else None)
        return Period(ym(year, first), ym(year, last)) if year else None
    if g("later"):
        if not context_year:
            return None
        return year_period(context_year + int(parse_number(g("later_n"))))  # 2020年…五年后 -> 2025
    if g("ago"):
        return year_period(pub[0] - int(parse_number(g("ago_n")))) if pub else UNPLACED
    if g("ahead"):
        if not pub:
            return UNPLACED
        return Period(ym(pub[0], 1), ym(pub[0] + int(parse_number(g("ahead_n"))) - 1, 12), span=True)
    if g("within"):
        if not pub:
            return None
        # 通过3年攻坚 in a text of 2021: by the end of 2023, the publication year counting as the first.
        return Period(None, ym(pub[0] + int(parse_number(g("within_n"))) - 1, 12), until=True)
    if g("now") or g("since"):
        return Period(None, ym(*pub), until=True, now=True) if pub else None
    return None


# (The lookbehind looks past the 19/20 it follows: a pattern that opens on letters lets the engine
# skip fast to where they are, one that opens on a lookbehind tries every position of the document.)
_REPORTED_YEAR = re.compile(r"((?:19|20)(?<![到至止\d—–~-]..)\d\d)年(?!前|底|末|年底|年末|\d|[—–~-])")


def reference_date(text: str) -> str | None:
    """For a text with no publication date: the end of the latest year it reports on (2025年上半年 -> 2025-12-31).

    Years that are targets (到2027年, 2027年前, 2025年底) or the ends of spans are left out.
    """
    years = [int(y) for y in _REPORTED_YEAR.findall(text)]
    return f"{max(years):04d}-12-31" if years else None
