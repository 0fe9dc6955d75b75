"""Time expressions -> periods, read against a publication date (2026-01-21 unless stated)."""

import pytest

from extractors.periods import find_times, may_state_time, reference_date, time_words

PUB = "2026-01-21"


def periods(text, published=PUB, context_year=None):
    mentions, _ = find_times(text, published, context_year)
    return [(m.period.start, m.period.end) for m in mentions if not m.comparison]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年，上海规上工业总产值达4.07万亿元", [("2025-01", "2025-12")]),
        ("2025年度上海软件和信息服务业发展十件大事", [("2025-01", "2025-12")]),
        ("1-11月全市软信业营收", [("2025-01", "2025-11")]),  # January 2026: 1-11月 is last year's
        ("2025年1—11月", [("2025-01", "2025-11")]),
        ("全年战略性新兴产业制造业产值增长6.5%", [("2025-01", "2025-12")]),  # 全年 in January: last year
        ("2025年上半年", [("2025-01", "2025-06")]),
        ("上半年", [("2025-01", "2025-06")]),
        ("一季度", [("2025-01", "2025-03")]),  # January 2026: the last first quarter is 2025's
        ("2025年前三季度", [("2025-01", "2025-09")]),
        ("截至2025年底", [(None, "2025-12")]),
        ("截至2025年11月底", [(None, "2025-11")]),
        ("“十四五”期间", [("2021-01", "2025-12")]),
        ("十五五时期", [("2026-01", "2030-12")]),
        ("到2027年", [(None, "2027-12")]),
        ("2027年前", [(None, "2027-12")]),
        ("《三年行动方案（2026—2028年）》", [("2026-01", "2028-12")]),
        ("2022年至2024年", [("2022-01", "2024-12")]),
        ("今明两年", [("2026-01", "2027-12")]),
        ("去年", [("2025-01", "2025-12")]),
        ("2025年5月21日", [("2025-05", "2025-05")]),
        ("目前", [(None, "2026-01")]),
        ("度夏期间", [("2025-06", "2025-09")]),
        ("到二〇三五年", [(None, "2035-12")]),  # years in Chinese digits
        ("两年前", [("2024-01", "2024-12")]),  # years before publication
        ("通过近三年的努力", [(None, "2028-12")]),  # within about three years, this one the first
        ("前5个月", [("2025-01", "2025-05")]),  # the first months of the latest year that has them
        ("2025年前11个月", [("2025-01", "2025-11")]),
        ("年末全市常住人口", [(None, "2025-12")]),  # a bare year-end in January: the year just ended
        ("截至今年6月底", [(None, "2026-06")]),  # 至今 inside 截至今年 is no "until now"
        ("二季度末", [(None, "2025-06")]),  # a quarter's end: an as-of date
        ("上半年末", [(None, "2025-06")]),
        ("近三年", [("2023-01", "2025-12")]),
    ],
)
def test_periods(text, expected):
    assert periods(text) == expected


def test_comparison_base_is_not_the_period():
    """较2024年加快2.9个百分点: 2024 is what the rate is compared with."""
    mentions, _ = find_times("较2024年加快2.9个百分点", PUB)
    assert [m.comparison for m in mentions] == [True]


def test_whole_year_follows_the_year_in_context():
    assert periods("计划全年开工项目133个", context_year=2026) == [("2026-01", "2026-12")]


def test_a_bare_year_end_is_the_year_in_context():
    assert periods("年末全市常住人口", context_year=2024) == [(None, "2024-12")]


def test_a_day_of_the_publication_month_is_this_year_whatever_the_context():
    """去年…。从1月13日举行的大会获悉 in an article of 2026-01-21: the meeting was this January."""
    assert periods("从1月13日举行的大会获悉", context_year=2025) == [("2026-01", "2026-01")]
    assert periods("3月5日", context_year=2024) == [("2024-03", "2024-03")]  # not recent: the context's


def test_the_year_before_is_the_year_before_the_one_in_context():
    """2022年…（上年为5.0%）: 上年 is 2021 there, whatever the publication year."""
    assert periods("上年", context_year=2022) == [("2021-01", "2021-12")]


def test_years_later_count_from_the_year_in_context():
    assert periods("2020年……五年后") == [("2020-01", "2020-12"), ("2025-01", "2025-12")]


def test_plan_names_are_not_periods():
    assert periods("在“十四五”规划中") == []


def test_no_publication_date_no_relative_years():
    # 去年 with no date to count from is a time that cannot be placed: it dates nothing.
    assert periods("去年", published=None) == [(None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年上半年河北工业增加值增长7.4%，到2027年培育10家", "2025-12-31"),
        ("《2026年工作要点》，到2028年，2025年底前完成", "2026-12-31"),
        ("没有年份", None),
    ],
)
def test_reference_date_of_an_undated_text(text, expected):
    assert reference_date(text) == expected


@pytest.mark.parametrize("word", sorted(set(time_words())))
def test_every_time_word_of_the_rules_is_read(word):
    """find_times skips texts with no character a time can hold; no word of the rules is skipped."""
    assert may_state_time(word)
    assert find_times(f"{word}，产值增长5%", PUB)[0]
