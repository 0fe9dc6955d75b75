"""A small database for the chart tests: real `Fact` objects from sentences of the corpus (and a few
made-up documents so a line has several points and two regions), written by the real build.

The extractor is replaced by the list below so that the charts are tested on known facts, whatever
the extractor finds this week.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from indicators.build import build_database
from indicators.catalogue import load_catalogue
from indicators.model import Document, Fact

# (doc id, title, published, text)
DOCS = [
    (
        "2650700335_1",
        "2025年度上海软件和信息服务业发展十件大事｜年度盘点",
        "2026-01-23",
        "1-11月全市软信业营收达到17297.53亿元，同比增长22.6%。预计2025年全年营业收入将近20000亿元，"
        "超额完成“十四五”产业营收目标（15000亿元），较2020年（软信业营业收入6841亿元）增长了192%。",
    ),
    (
        "2650700360_1",
        "上海2026年重大工程建设",
        "2026-01-28",
        "过去一年，上海实现地区生产总值5.67万亿元，按不变价格计算同比增长5.4%。",
    ),
    (
        "2024_review",
        "2024年上海市国民经济和社会发展统计公报",
        "2025-03-20",
        "全年实现地区生产总值53926.71亿元，比上年增长5.0%。2023年地区生产总值为47218.66亿元。",
    ),
    (
        "2650700285_1",
        "上海新能源汽车产业发展",
        "2026-01-15",
        "2025年新能源汽车累计推广量超36万辆，同比增长31%。到2027年，新能源汽车推广量达到50万辆。",
    ),
    (
        "jiangsu_gdp",
        "江苏经济运行情况",
        "2026-01-20",
        "江苏地区生产总值14.2万亿元，同比增长5.3%。",
    ),
]

# (doc, indicator, indicator_id, entity, start, end, kind, measure, value, unit, unit_text, qualifier, quantity_text, evidence)
FACTS = [
    ("2650700335_1", "软信业营收", "software_revenue", "上海", "2025-01", "2025-11", "actual", "level",
     "1729753000000", "CNY", "亿元", "exact", "17297.53亿元", "1-11月全市软信业营收达到17297.53亿元"),
    ("2650700335_1", "软信业营收", "software_revenue", "上海", "2025-01", "2025-11", "actual", "growth",
     "22.6", "%", "%", "exact", "22.6%", "1-11月全市软信业营收达到17297.53亿元，同比增长22.6%"),
    ("2650700335_1", "软信业营业收入", "software_revenue", "上海", "2025-01", "2025-12", "estimate", "level",
     "2000000000000", "CNY", "亿元", "approx", "将近20000亿元", "预计2025年全年营业收入将近20000亿元"),
    ("2650700335_1", "“十四五”产业营收目标", "software_revenue", "上海", None, "2025-12", "target", "level",
     "1500000000000", "CNY", "亿元", "exact", "15000亿元", "超额完成“十四五”产业营收目标（15000亿元）"),
    ("2650700335_1", "软信业营业收入", "software_revenue", "上海", "2020-01", "2020-12", "actual", "level",
     "684100000000", "CNY", "亿元", "exact", "6841亿元", "较2020年（软信业营业收入6841亿元）"),
    ("2650700360_1", "地区生产总值", "gdp", "上海", "2025-01", "2025-12", "actual", "level",
     "5670000000000", "CNY", "万亿元", "exact", "5.67万亿元", "过去一年，上海实现地区生产总值5.67万亿元"),
    ("2650700360_1", "地区生产总值", "gdp", "上海", "2025-01", "2025-12", "actual", "growth",
     "5.4", "%", "%", "exact", "5.4%", "上海实现地区生产总值5.67万亿元，按不变价格计算同比增长5.4%"),
    ("2024_review", "地区生产总值", "gdp", "上海", "2024-01", "2024-12", "actual", "level",
     "5392671000000", "CNY", "亿元", "exact", "53926.71亿元", "全年实现地区生产总值53926.71亿元"),
    ("2024_review", "地区生产总值", "gdp", "上海", "2024-01", "2024-12", "actual", "growth",
     "5.0", "%", "%", "exact", "5.0%", "全年实现地区生产总值53926.71亿元，比上年增长5.0%"),
    ("2024_review", "地区生产总值", "gdp", "上海", "2023-01", "2023-12", "actual", "level",
     "4721866000000", "CNY", "亿元", "exact", "47218.66亿元", "2023年地区生产总值为47218.66亿元"),
    ("jiangsu_gdp", "地区生产总值", "gdp", "江苏", "2025-01", "2025-12", "actual", "level",
     "14200000000000", "CNY", "万亿元", "exact", "14.2万亿元", "江苏地区生产总值14.2万亿元"),
    ("jiangsu_gdp", "地区生产总值", "gdp", "江苏", "2025-01", "2025-12", "actual", "growth",
     "5.3", "%", "%", "exact", "5.3%", "江苏地区生产总值14.2万亿元，同比增长5.3%"),
    ("2650700285_1", "新能源汽车推广量", "nev_promotion", "上海", "2025-01", "2025-12", "actual", "level",
     "360000", "vehicle", "万辆", "lower_bound", "超36万辆", "2025年新能源汽车累计推广量超36万辆"),
    ("2650700285_1", "新能源汽车推广量", "nev_promotion", "上海", "2025-01", "2025-12", "actual", "growth",
     "31", "%", "%", "exact", "31%", "2025年新能源汽车累计推广量超36万辆，同比增长31%"),
    ("2650700285_1", "新能源汽车推广量", "nev_promotion", "上海", None, "2027-12", "target", "level",
     "500000", "vehicle", "万辆", "exact", "50万辆", "到2027年，新能源汽车推广量达到50万辆"),
]  # fmt: skip


def documents() -> list[Document]:
    return [
        Document(id=i, text=text, source=f"{i}.txt", source_kind="text", title=title, published=published)
        for i, title, published, text in DOCS
    ]


def facts() -> list[Fact]:
    texts = {d.id: d.text for d in documents()}
    out = []
    for doc, ind, ind_id, entity, start, end, kind, measure, value, unit, unit_text, qual, qtext, ev in FACTS:
        ev_start = texts[doc].index(ev)
        q_start = ev_start + ev.index(qtext)
        out.append(
            Fact(doc, ind, ind_id, entity, start, end, kind, measure, Decimal(value), unit, unit_text, qual,
                 qtext, ev, ev_start, ev_start + len(ev), q_start, q_start + len(qtext))
        )  # fmt: skip
    return out


def build(path: Path) -> Path:
    """Build the test database at `path` through the real build (store, views, catalogue); return it."""
    by_doc: dict[str, list[Fact]] = {}
    for fact in facts():
        by_doc.setdefault(fact.doc, []).append(fact)
    build_database(path, documents(), lambda doc: by_doc.get(doc.id, []), load_catalogue(), "test")
    return path
