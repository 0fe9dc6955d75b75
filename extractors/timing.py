"""The period of one number: the time expression before it in its sentence, else the paragraph's,
else the year the article reports on, else the publication month; and whether that is a plan."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extractors.noise import COUNT_UNITS
from extractors.periods import Period, TimeMention, parse_published, year_period, ym
from extractors.quantities import Quantity
from extractors.rulebook import alternation, word_list
from indicators.model import Document

_YEAR = re.compile(r"((?:19|20)\d\d)年")


_STOCK_WORDS = re.compile(r"累计|截至|现有|已有|拥有|集聚|聚集|总数|目前|已达|已超|共有|规模达")


def title_year(title: str | None) -> int | None:
    m = _YEAR.search(title or "")
    return int(m.group(1)) if m else None


def report_year(document: Document, reference: str | None) -> int | None:
    """The year an article reports on: its title's, else, early in a year, the year before when
    the text names it at least twice (January articles report last year's figures)."""
    year = title_year(document.title)
    pub = parse_published(reference)
    if year or not pub:
        return year
    if pub[1] <= 3 and document.text.count(f"{pub[0] - 1}年") >= 2:
        return pub[0] - 1
    return None


def carry(period: Period) -> Period:
    """What a sentence's period says about the next sentences: its year (1-11月 -> 2025), or a plan span."""
    if period.span or period.until or period.now or period.end is None:
        return period
    year = year_period(period.year)
    return replace(year, whole_year=period.whole_year)


def _in_brackets_after(text: str, start: int, pos: int) -> bool:
    """pos lies inside a parenthesis that opens right at `start`."""
    return text[start : start + 1] in "（(" and not re.search(r"[）)]", text[start:pos])


def _in_brackets_closed_before(text: str, t: TimeMention, pos: int) -> bool:
    """增长5.5%（上年为5.0%），规上工业增加值增长7.0%: a time inside brackets that close before pos,
    with a number of their own after it, dates that number only (《方案（2026—2028年）》 dates on)."""
    opened = max(text.rfind("（", 0, t.start), text.rfind("(", 0, t.start))
    if opened < 0:
        return False
    closed = max(text.rfind("）", 0, t.start), text.rfind(")", 0, t.start))
    if opened <= closed:
        return False
    m = _CLOSE.search(text, t.end, pos)
    return bool(m) and _DIGIT.search(text, t.end, m.start()) is not None


_CLOSE = re.compile(r"[）)]")
_DIGIT = re.compile(r"\d")


def own_period(q: Quantity, times: list[TimeMention], text: str, previous_end: int = 0) -> Period | None:
    """The period a quantity's own sentence states for it: the last time expression before it,
    else an end date after it (超2亿元，到2027年), else None (its frames say).

    The time of a baseline (从2020年的82.4岁提升至83.9岁) is the baseline's, not the number's after
    it: a time after 从/由 with a number between it and q is skipped."""
    before = [
        t
        for t in times
        if t.end <= q.start
        and not t.comparison
        and not _in_brackets_closed_before(text, t, q.start)
        and not (_after_from(text, t) and (t.end <= previous_end or _DIGIT.search(text, t.end, q.start)))
        and not _end_of_an_earlier_action(text, t, q.start)
    ]
    bracket = [
        t for t in times if t.end <= q.start and t.comparison and _in_brackets_after(text, t.end, q.start)
    ]
    if bracket:
        return bracket[-1].period  # 较2020年（软信业营业收入6841亿元）
    if before and "分别" in text:
        listed = _times_listed(before, text)
        respectively = text.find("分别", listed[-1].end, q.start) if len(listed) > 1 else -1
        if respectively >= 0:
            # 2025年全年及四季度，GDP分别增长5.4%和5.8%: the k-th number after 分别 is of the k-th time
            k = len(_NUMBER.findall(text, respectively, q.start))
            return listed[min(k, len(listed) - 1)].period
    if before:
        return before[-1].period
    after = [t for t in times if t.start >= q.end and not t.comparison]
    if after and after[0].period.until:
        return after[0].period
    return None


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _times_listed(times: list[TimeMention], text: str) -> list[TimeMention]:
    """The last run of times joined by 及/和/、/与 (2025年全年及四季度 -> both)."""
    run = times[-1:]
    for t in reversed(times[:-1]):
        if text[t.end : run[0].start] not in ("及", "和", "、", "与", "以及"):
            break
        run.insert(0, t)
    return run


def _after_from(text: str, t: TimeMention) -> bool:
    return text[t.start - 1 : t.start] in ("从", "由") and t.start > 0


def _end_of_an_earlier_action(text: str, t: TimeMention, pos: int) -> bool:
    """订单排到了明年二季度，产能利用率保持在95%以上: the time an earlier clause's action runs to is
    no time of the clauses after it."""
    return runs_to(text, t) and _CLAUSE_END.search(text, t.end, pos) is not None


def runs_to(text: str, t: TimeMention) -> bool:
    """排到了明年二季度: the time is where an action runs to (rules/periods.yaml runs_to)."""
    return _runs_to().search(text, max(0, t.start - 4), t.start) is not None


@cache
def _runs_to() -> re.Pattern:
    return re.compile(f"(?:{alternation(word_list('periods', 'runs_to'))})$")


_CLAUSE_END = re.compile(r"[，。；,;]")


def long_past(period: Period | None, published: str | None) -> bool:
    pub = parse_published(published)
    return bool(period and period.end and pub) and int(period.end[:4]) < pub[0] - 1


def is_future(period: Period | None, published: str | None) -> bool:
    """A period that starts after publication, or an end date or a plan span ending after it: a plan."""
    if not period or not period.end:
        return False
    pub = parse_published(published)
    if pub is None:
        return period.until and not period.now
    now = ym(*pub)
    return (period.start or period.end) > now or ((period.until or period.span) and period.end > now)


def cap_at_publication(
    start: str | None, end: str | None, published: str | None
) -> tuple[str | None, str | None]:
    """An actual of the current year is known up to the publication month (2026年 in January 2026)."""
    pub = parse_published(published)
    if pub is None or end is None:
        return start, end
    now = ym(*pub)
    if end > now and (start is None or start <= now):
        return start, now
    return start, end


def bounds(
    period: Period | None, q: Quantity, measure: str, before: str, sentence_before: str = ""
) -> tuple[str | None, str | None]:
    """(start, end) of a fact: a count said to exist (累计, 现有, 截至…) is a stock at the end date,
    unless the time of a total dates the 累计 itself (全年累计交付, 1—12月，…累计完成, 五年来累计, a
    span of years): a flow."""
    if period is None:
        return None, None
    if period.until:
        return None, period.end
    if measure == "level" and q.unit in COUNT_UNITS:
        stock = _STOCK_WORDS.search(before)
        if stock and not (stock.group(0) == "累计" and (period.span or _DATED_TOTAL.search(sentence_before))):
            return None, period.end
    return period.start, period.end


# The time of a total right before 累计 (全年累计), or opening its clause or sentence: 2025年…累计,
# 1—12月，…累计 (not 历年累计, 已累计, 截至…累计, “十四五”末…累计, nor 累计达到/超过: those are stocks).
_DATED_TOTAL = re.compile(
    r"(?:(?:^|[，。；])(?:全年|当年|(?:(?:19|20)\d\d[-—–~至])?(?:19|20)\d\d年(?![末底])|\d{1,2}[-—–~至]\d{1,2}月|前[一二三四五六七八九十\d]+个月"
    r"|[一二三四]季度|前三季度|上半年)[^。；已历末底]{0,24}?|全年|当年)累计(?!达到|达|超过|超|突破|已|有)[^，。；]*$"
)
