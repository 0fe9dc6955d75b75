"""Numerals -> Decimal: 5.67, 73,000, 三, 十二, 两, 一百, 二〇三五, 三分之一, and magnitudes 1.2万, 5.67万亿."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"


def _digit_letters() -> str:
    """A character class body holding every letter \\d matches (the decimal digits of the BMP, and
    every letter past it): where a pattern only looks for where a number may start, the engine tests
    such a set in one lookup, and \\d by its Unicode category, letter by letter."""
    runs: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isdecimal():
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "".join(f"{chr(a)}-{chr(b)}" for a, b in runs) + "\U00010000-\U0010ffff"


DIGIT_LETTERS = _digit_letters()
# Chinese digits, with the multipliers 十/百/千 (万/亿 are magnitudes, written into the unit).
CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_MAGNITUDES = {"万": 10**4, "亿": 10**8}
# A well-formed Chinese numeral below 万: 三千五百, 十二, 两百, 一百零五. Digit strings (二〇三五) too.
_SECTION = (
    r"(?:[一二两三四五六七八九]千)?(?:[零〇]?[一二两三四五六七八九]百)?(?:[零〇]?[一二三四五六七八九]?十)?"
    r"(?:[零〇]?[一二两三四五六七八九])?"
)
# 一万五千 is one number; 两万 before a unit stays 两 + the magnitude of the unit (两万家).
CHINESE = (
    r"(?:[〇零一二两三四五六七八九]{3,}(?![十百千])"
    rf"|(?:(?=[一二两三四五六七八九十])(?:{_SECTION})万(?=[零〇一二两三四五六七八九]))?{_SECTION})"
)
_CHINESE_FULL = re.compile(CHINESE)
_ARABIC_FULL = re.compile(ARABIC)
_FRACTION = re.compile(
    r"(百|十|[一二两三四五六七八九十]+)分之((?:[一二两三四五六七八九十]+|零)(?:点[〇零一二两三四五六七八九]+)?)"
)


class NotANumber(ValueError):
    """The text is not a numeral zhibiao reads."""


def parse_arabic(text: str) -> Decimal:
    """'73,000' -> 73000; '5.67' -> 5.67."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise NotANumber(text) from None


def parse_chinese(text: str) -> Decimal:
    """'三千五百' -> 3500; '十二' -> 12; '二〇三五' -> 2035; '两万' -> 20000; '一亿二千万' -> 120000000."""
    if not text:
        raise NotANumber(text)
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        elif ch in CN_MAGNITUDES:
            section += digit or 0
            total += (section or 1) * CN_MAGNITUDES[ch]
            section, digit = 0, None
        else:
            raise NotANumber(text)
    return Decimal(total + section + (digit or 0))


def parse_number(text: str) -> Decimal:
    """Arabic or Chinese numeral -> Decimal."""
    if _ARABIC_FULL.fullmatch(text):
        return parse_arabic(text)
    return parse_chinese(text)


def is_chinese_numeral(text: str) -> bool:
    return bool(text) and bool(_CHINESE_FULL.fullmatch(text))


def parse_fraction(text: str) -> Decimal:
    """'三分之一' -> 33.33 (a percent, rounded to two places, as the fact format records shares)."""
    m = _FRACTION.fullmatch(text)
    if not m:
        raise NotANumber(text)
    whole, _, tenths = m.group(2).partition("点")  # 百分之六点二: a decimal in words
    num = parse_chinese(whole) + (parse_chinese(tenths) / 10 ** len(tenths) if tenths else 0)
    den = parse_chinese(m.group(1))
    if den == 0:
        raise NotANumber(text)
    return fraction_percent(num, den)


def fraction_percent(num: Decimal | int, den: Decimal | int) -> Decimal:
    """num/den as a percent rounded to two places, as the fact format records shares: 1/3 -> 33.33."""
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"))


def parse_amount(text: str) -> Decimal:
    """A number with its magnitudes: '5.67万亿' -> 5.67E12, '1.2万' -> 12000, '三千五百万' -> 3.5E7."""
    m = re.fullmatch(rf"({ARABIC}|[〇零一二两三四五六七八九十百千]+)((?:万|亿)*)", text)
    if not m or not (_ARABIC_FULL.fullmatch(m.group(1)) or is_chinese_numeral(m.group(1))):
        raise NotANumber(text)  # 十百千万 is a programme name, not a numeral
    value = parse_number(m.group(1))
    for ch in m.group(2):
        value *= CN_MAGNITUDES[ch]
    return value
