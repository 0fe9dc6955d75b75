"""Numbers and evidence as a reader sees them: 5.67万亿元, not 5670000000000; the quantity marked in its sentence.

Used by the site (datasette/plugins) and usable by charts. Pure functions, HTML-safe output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import quote

from markupsafe import Markup, escape

# Chinese magnitudes a unit as written may start with, largest first: 万亿元 → 1e12 元.
# Only 万/亿: 千 and 百 are part of units (千瓦 is kW, 百分点 is pp), never a magnitude here.
MAGNITUDES: tuple[tuple[str, Decimal], ...] = (
    ("万亿", Decimal("1e12")),
    ("亿", Decimal("1e8")),
    ("万", Decimal("1e4")),
)

# How a canonical unit code (FACTS.md) reads in Chinese when the text's own wording is not at hand.
UNIT_NAMES: dict[str, str] = {
    "CNY": "元",
    "USD": "美元",
    "%": "%",
    "pp": "个百分点",
    "x": "倍",
    "vehicle": "辆",
    "ship": "艘",
    "aircraft": "架",
    "person": "人",
    "person_time": "人次",
    "enterprise": "家",
    "project": "个",
    "item": "个",
    "unit": "台",
    "TEU": "标准箱",
    "kW": "千瓦",
    "kWh": "千瓦时",
    "tce": "吨标煤",
    "t": "吨",
    "km": "公里",
    "t_km": "吨公里",
    "person_km": "人公里",
    "m2": "平方米",
    "m3": "立方米",
    "TB": "TB",
    "hour": "小时",
}

# The unit part of a quantity as written: what follows its last Arabic digit ("超1.2万亿元" → 万亿元).
_AFTER_LAST_DIGIT = re.compile(r"[0-9０-９][^0-9０-９]*$")
_TRAILING_QUALIFIERS = ("左右", "以上", "以内", "以下", "多")

# Units that never take 万/亿 when we choose the magnitude ourselves.
_NO_MAGNITUDE = {"%", "pp", "x"}


def to_decimal(value: object) -> Decimal | None:
    """A SQLite number (int, float, str) as Decimal; None when it is not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def plain(number: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 5.670E+0 → 5.67, 2E+3 → 2000."""
    number = round(number, 6).normalize()
    text = format(number, "f")
    return "0" if text in ("-0", "") else text


def written_unit(quantity_text: str | None) -> str | None:
    """The unit as a quantity was written: '5.67万亿元' → '万亿元', '超36万辆' → '万辆'; None without digits."""
    match = _AFTER_LAST_DIGIT.search(quantity_text or "")
    if not match:
        return None
    unit = match.group()[1:].strip()
    for word in _TRAILING_QUALIFIERS:
        unit = unit.removesuffix(word)
    return unit or None


def format_quantity(value: object, unit: str | None = None, unit_text: str | None = None) -> str:
    """The value as the text would write it: (5670000000000, 'CNY', '万亿元') → '5.67万亿元'.

    With the unit as written (`unit_text`) its magnitude is used, so the reader sees the document's
    own wording; otherwise the magnitude is chosen (亿 from 1e8, 万亿 from 1e12) and the unit code named
    in Chinese. Signs are kept: a fall of 2.9% reads '-2.9%'.
    """
    number = to_decimal(value)
    if number is None:
        return "" if value is None else str(value)
    if unit_text:
        for prefix, size in MAGNITUDES:
            if unit_text.startswith(prefix):
                if number == 0:  # a gap of nothing: 0人次, not 0万人次
                    return "0" + unit_text[len(prefix) :]
                return plain(number / size) + unit_text
        return plain(number) + unit_text
    name = UNIT_NAMES.get(unit or "", unit or "")
    if (unit or "") not in _NO_MAGNITUDE:
        for prefix, size in MAGNITUDES:
            if abs(number) >= size:
                return plain(number / size) + prefix + name
    sep = "" if not name or not name.isascii() or name == "%" else " "
    return plain(number) + sep + name


@dataclass(frozen=True)
class Span:
    """A marked stretch of text [start, end) with the link it leads to."""

    start: int
    end: int
    href: str
    title: str = ""
    anchor: str | None = None


def highlight(text: str, start: int | None, end: int | None, css_class: str = "zb-q") -> Markup:
    """`text` HTML-escaped with text[start:end] wrapped in <mark>; unmarked when the span is not inside."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return escape(text)
    return Markup('{}<mark class="{}">{}</mark>{}').format(
        text[:start], css_class, text[start:end], text[end:]
    )


def evidence_html(
    evidence: str,
    evidence_start: int | None,
    quantity_start: int | None,
    quantity_end: int | None,
    quantity_text: str | None = None,
) -> Markup:
    """The evidence clause, escaped, with its quantity highlighted (offsets are into the document).

    Falls back to the first occurrence of `quantity_text` when the offsets do not land in the clause.
    """
    evidence = evidence or ""
    if None not in (evidence_start, quantity_start, quantity_end):
        start, end = quantity_start - evidence_start, quantity_end - evidence_start
        if 0 <= start < end <= len(evidence) and (
            not quantity_text or quantity_text in evidence[start - 2 : end + 2]
        ):
            return highlight(evidence, start, end)
    if quantity_text and quantity_text in evidence:
        start = evidence.index(quantity_text)
        return highlight(evidence, start, start + len(quantity_text))
    return escape(evidence)


def mark_spans(text: str, spans: Iterable[Span]) -> Markup:
    """`text` HTML-escaped, each span a link wrapped around a <mark>; a span overlapping the one
    before it (two facts from one number) joins that mark as an extra numbered link."""
    out: list[str] = []
    pos = 0
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    i = 0
    while i < len(ordered):
        first = ordered[i]
        group = [first]
        end = first.end
        i += 1
        while i < len(ordered) and ordered[i].start < end:
            group.append(ordered[i])
            end = max(end, ordered[i].end)
            i += 1
        out.append(escape(text[pos : first.start]))
        anchors = "".join(str(Markup(' id="{}"').format(s.anchor)) if s.anchor else "" for s in group[:1])
        out.append(
            Markup('<a class="zb-fact" href="{}" title="{}"{}><mark class="zb-q">{}</mark></a>').format(
                first.href, first.title, Markup(anchors), text[first.start : end]
            )
        )
        for n, extra in enumerate(group[1:], start=2):
            extra_id = Markup(' id="{}"').format(extra.anchor) if extra.anchor else ""
            out.append(
                Markup('<sup><a class="zb-fact" href="{}" title="{}"{}>{}</a></sup>').format(
                    extra.href, extra.title, extra_id, n
                )
            )
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


KIND_NAMES = {"actual": "实际", "estimate": "预计", "target": "目标"}
QUALIFIER_NAMES = {
    "exact": "准确",
    "approx": "约",
    "lower_bound": "下限 (超/突破/以上)",
    "upper_bound": "上限 (不超过/以内)",
}
MEASURE_NAMES = {
    "level": "总量",
    "growth": "增速",
    "share": "占比",
    "pp_change": "百分点变化",
    "multiple": "倍数",
}
STATUS_NAMES = {
    "met": "已完成",
    "on_track": "进度正常",
    "in_progress": "进行中",
    "behind": "进度落后",
    "not_yet_due": "未到期",
    "no_actual": "暂无实际值",
}
# The one vocabulary of the site, its tables, the home page and the charts: a column's codes in
# Chinese, the code beside them in English (实际 actual).
VOCABULARY: dict[str, dict[str, str]] = {
    "kind": KIND_NAMES,
    "measure": MEASURE_NAMES,
    "status": STATUS_NAMES,
    "qualifier": {"exact": "准确", "approx": "约", "lower_bound": "下限", "upper_bound": "上限"},
}
# The word a bound puts before a value as the site shows it: 超3000亿元, 约1100亿元, 不超过5%.
QUALIFIER_WORDS = {"approx": "约", "lower_bound": "超", "upper_bound": "不超过"}


def label(column: str, code: str | None) -> str:
    """'实际 actual' for ('kind', 'actual'); the code alone when the vocabulary has no word for it."""
    word = VOCABULARY.get(column, {}).get(code or "")
    return f"{word} {code}" if word else (code or "")


def format_value(value: object, unit: str | None, unit_text: str | None, qualifier: str | None) -> str:
    """format_quantity() with the bound in front: (3e11, 'CNY', '亿元', 'lower_bound') -> '超3000亿元'."""
    return QUALIFIER_WORDS.get(qualifier or "", "") + format_quantity(value, unit, unit_text)


def grouped(value: object) -> str:
    """A canonical number with its digits grouped: 5670000000000 -> '5,670,000,000,000'."""
    number = to_decimal(value)
    if number is None:
        return "" if value is None else str(value)
    text = plain(number)
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}" + ("." + fraction if fraction else "") if whole.lstrip("-").isdigit() else text


def format_period(start: str | None, end: str | None) -> str:
    """A period as a reader writes it: ('2025-01', '2025-12') → '2025年', ('2025-01', '2025-11') →
    '2025年1-11月', ('2021-01', '2025-12') → '2021—2025年', (None, '2025-12') → '2025年底' (an as-of
    value or a target date), (None, '2025-06') → '2025年6月'. The site and the charts both use it."""
    if not end:
        return start or ""
    end_year, end_month = end[:4], int(end[5:7])
    if not start:
        return f"{end_year}年底" if end_month == 12 else f"{end_year}年{end_month}月"
    start_year, start_month = start[:4], int(start[5:7])
    if start_year == end_year:
        if (start_month, end_month) == (1, 12):
            return f"{end_year}年"
        if start_month == end_month:
            return f"{end_year}年{end_month}月"
        return f"{end_year}年{start_month}-{end_month}月"
    if (start_month, end_month) == (1, 12):
        return f"{start_year}—{end_year}年"
    return f"{start_year}年{start_month}月—{end_year}年{end_month}月"


def chart_footer(source: str, licence: str, as_of: str | None, url: str | None = None) -> str:
    """The line under a chart image: '来源 Source: … · 数据截至 2026-01-24 · 许可 Licence: … · URL'."""
    parts = [f"来源 Source: {source}"]
    if as_of:
        parts.append(f"数据截至 Data as of {as_of}")
    parts.append(f"许可 Licence: {licence}")
    if url:
        parts.append(url)
    return " · ".join(parts)


def series_path(indicator: str, entity: str | None = None) -> str:
    """The series page of an indicator (catalogue id or phrase) and entity: /-/series/gdp/%E4%B8%8A%E6%B5%B7;
    without an entity, the page that compares its entities."""
    return "/-/series/" + quote(indicator, safe="") + ("/" + quote(entity, safe="") if entity else "")


def register_sql_functions(conn, database: str = "zhibiao") -> None:
    """The functions above as SQL functions, for canned queries that write a fact as the pages do
    (the Atom feeds of datasette/metadata.yaml):
      zb_value(value, unit, quantity_text, qualifier) -> 超3000亿元
      zb_period(period_start, period_end)             -> 2025年1-11月
      zb_label(column, code)                          -> 目标 target
      zb_row_path(table, id)                          -> /zhibiao/documents/a~2Eb (Datasette's tilde encoding)
    """
    from datasette.utils import tilde_encode

    def zb_value(value, unit, quantity_text, qualifier):
        return format_value(value, unit, written_unit(quantity_text), qualifier)

    def zb_row_path(table, pk):
        return f"/{database}/{tilde_encode(str(table))}/{tilde_encode(str(pk))}"

    conn.create_function("zb_value", 4, zb_value, deterministic=True)
    conn.create_function("zb_period", 2, format_period, deterministic=True)
    conn.create_function("zb_label", 2, label, deterministic=True)
    conn.create_function("zb_row_path", 2, zb_row_path, deterministic=True)
