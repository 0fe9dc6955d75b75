"""Documents and facts for the database tests: sentences of the bundled corpus, stated by hand.

The facts are what FACTS.md says these sentences hold, so the views can be checked against what a
reader of the articles expects, independently of how well the extractor does.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from indicators import catalogue, store
from indicators.model import Document, Fact


def Indicator(  # noqa: N802 - reads like the catalogue's class it builds
    id: str,
    name: str,
    name_en: str,
    category: str,
    unit: str,
    tier: str = "core",
    keywords: tuple[str, ...] = (),
    description: str = "",
) -> catalogue.Indicator:
    """A catalogue entry (indicators.catalogue.Indicator) with defaults for what tests leave out."""
    return catalogue.Indicator(id, name, name_en, category, unit, tier, keywords, description)


CATALOGUE = (
    Indicator("gdp", "地区生产总值", "Gross regional product", "macro", "CNY", keywords=("生产总值", "GDP")),
    Indicator(
        "industrial_output", "规上工业总产值", "Industrial output above designated size", "industry", "CNY"
    ),
    Indicator(
        "software_revenue",
        "软件和信息服务业营收",
        "Software and information services revenue",
        "industry",
        "CNY",
        keywords=("软信业", "营收", "营业收入"),
    ),
    Indicator("ic_revenue", "集成电路产业营收", "Integrated circuit industry revenue", "industry", "CNY"),
    Indicator("energy_intensity", "单位GDP能耗", "Energy use per unit of GDP", "energy", "%"),
)


def document(doc_id: str, published: str | None, text: str, title: str | None = None) -> Document:
    return Document(
        id=doc_id,
        text=text,
        source=f"samples/{doc_id}.txt",
        source_kind="wechat",
        title=title or text[:20],
        url=f"http://example.org/{doc_id}",
        published=published,
        publisher="上海经信委",
    )


def fact(
    doc: Document,
    evidence: str,
    quantity: str,
    value: str,
    *,
    indicator: str,
    indicator_id: str | None,
    period: tuple[str | None, str],
    kind: str = "actual",
    measure: str = "level",
    unit: str = "CNY",
    qualifier: str = "exact",
    entity: str | None = "上海",
) -> Fact:
    """A fact whose evidence and quantity are located in the document's text."""
    start = doc.text.index(evidence)
    q_start = doc.text.index(quantity, start)
    unit_text = quantity.lstrip("超突破约近将达到0123456789.-")
    return Fact(
        doc=doc.id,
        indicator=indicator,
        indicator_id=indicator_id,
        entity=entity,
        period_start=period[0],
        period_end=period[1],
        kind=kind,
        measure=measure,
        value=Decimal(value),
        unit=unit,
        unit_text=unit_text,
        qualifier=qualifier,
        quantity_text=quantity,
        evidence=evidence,
        evidence_start=start,
        evidence_end=start + len(evidence),
        quantity_start=q_start,
        quantity_end=q_start + len(quantity),
    )


YEAR_2025 = ("2025-01", "2025-12")

# 2650700134_1 (2026-01-21): the first report of Shanghai's 2025 GDP, a lower bound.
GDP_FIRST = document(
    "2650700134_1",
    "2026-01-21",
    "1月21日，上海发布2025年经济数据，全年GDP突破5.6万亿元，按不变价格计算，同比增长5.4%。",
    "上海2025年经济数据",
)
# 2650700384_1 (2026-01-22): the same figure, now 突破5.67万亿元.
GDP_SECOND = document(
    "2650700384_1",
    "2026-01-22",
    "1月21日，上海发布2025年经济数据，全年地区生产总值突破5.67万亿元，按不变价格计算，同比增长5.4%。",
    "上海板块",
)
# 2650700360_1 (2026-01-24): the exact figure, and industrial output.
INDUSTRY = document(
    "2650700360_1",
    "2026-01-24",
    "过去一年，上海实现地区生产总值5.67万亿元，按不变价格计算同比增长5.4%。"
    "2025年，上海规上工业总产值达4.07万亿元，时隔两年再次迈上4万亿元台阶。",
    "2025年上海工业经济运行数据",
)
# A preliminary report (made up for the revision rules): a first figure of industrial output that
# the 24 January report revises.
FLASH = document(
    "flash_2025",
    "2026-01-20",
    "快报：2025年，上海规上工业总产值4.05万亿元。",
    "上海工业快报",
)
# 2650700335_1 (2026-01-23): software revenue, its 十四五 target and its 2020 baseline.
SOFTWARE = document(
    "2650700335_1",
    "2026-01-23",
    "1-11月全市软信业营收达到17297.53亿元，同比增长22.6%。"
    "预计2025年全年营业收入将近20000亿元，超额完成“十四五”产业营收目标（15000亿元），"
    "较2020年（软信业营业收入6841亿元）增长了192%。",
    "2025年度上海软件和信息服务业发展十件大事",
)
# A plan (made up for the status rules): integrated-circuit targets for two regions, one due target.
PLAN = document(
    "plan_2024",
    "2024-06-30",
    "2023年上海集成电路产业营收3000亿元，江苏集成电路产业营收3000亿元。"
    "到2027年，上海集成电路产业营收达到5000亿元，江苏集成电路产业营收达到5000亿元。"
    "到2030年，浙江集成电路产业营收达到2000亿元。到2024年，安徽集成电路产业营收达到1000亿元。"
    "“十四五”期间单位GDP能耗下降13.5%。",
    "集成电路产业规划",
)
PLAN_PROGRESS = document(
    "ic_2025",
    "2026-01-10",
    "2025年上海集成电路产业营收4500亿元。2025年江苏集成电路产业营收3500亿元。"
    "2025年单位GDP能耗比2020年下降14%。",
    "集成电路产业2025年",
)


def facts_of(doc: Document) -> list[Fact]:
    """The facts each sample document states."""
    gdp = {"indicator_id": "gdp", "period": YEAR_2025}
    if doc.id == GDP_FIRST.id:
        return [
            fact(
                doc,
                "全年GDP突破5.6万亿元",
                "突破5.6万亿元",
                "5.6e12",
                indicator="GDP",
                qualifier="lower_bound",
                **gdp,
            ),
            fact(doc, "同比增长5.4%", "5.4%", "5.4", indicator="GDP", measure="growth", unit="%", **gdp),
        ]
    if doc.id == GDP_SECOND.id:
        return [
            fact(
                doc,
                "全年地区生产总值突破5.67万亿元",
                "突破5.67万亿元",
                "5.67e12",
                indicator="地区生产总值",
                qualifier="lower_bound",
                **gdp,
            ),
            fact(
                doc,
                "同比增长5.4%",
                "5.4%",
                "5.4",
                indicator="地区生产总值",
                measure="growth",
                unit="%",
                **gdp,
            ),
        ]
    if doc.id == INDUSTRY.id:
        return [
            fact(
                doc,
                "上海实现地区生产总值5.67万亿元",
                "5.67万亿元",
                "5.67e12",
                indicator="地区生产总值",
                **gdp,
            ),
            fact(
                doc,
                "按不变价格计算同比增长5.4%",
                "5.4%",
                "5.4",
                indicator="地区生产总值",
                measure="growth",
                unit="%",
                **gdp,
            ),
            fact(
                doc,
                "上海规上工业总产值达4.07万亿元",
                "4.07万亿元",
                "4.07e12",
                indicator="规上工业总产值",
                indicator_id="industrial_output",
                period=YEAR_2025,
            ),
        ]
    if doc.id == FLASH.id:
        return [
            fact(
                doc,
                "2025年，上海规上工业总产值4.05万亿元",
                "4.05万亿元",
                "4.05e12",
                indicator="规上工业总产值",
                indicator_id="industrial_output",
                period=YEAR_2025,
            )
        ]
    if doc.id == SOFTWARE.id:
        sw = {"indicator_id": "software_revenue"}
        return [
            fact(
                doc,
                "1-11月全市软信业营收达到17297.53亿元",
                "17297.53亿元",
                "1729753000000",
                indicator="软信业营收",
                period=("2025-01", "2025-11"),
                **sw,
            ),
            fact(
                doc,
                "同比增长22.6%",
                "22.6%",
                "22.6",
                indicator="软信业营收",
                period=("2025-01", "2025-11"),
                measure="growth",
                unit="%",
                **sw,
            ),
            fact(
                doc,
                "预计2025年全年营业收入将近20000亿元",
                "将近20000亿元",
                "2e12",
                indicator="软信业营业收入",
                period=YEAR_2025,
                kind="estimate",
                qualifier="approx",
                **sw,
            ),
            fact(
                doc,
                "超额完成“十四五”产业营收目标（15000亿元）",
                "15000亿元",
                "1.5e12",
                indicator="“十四五”产业营收目标",
                period=(None, "2025-12"),
                kind="target",
                **sw,
            ),
            fact(
                doc,
                "较2020年（软信业营业收入6841亿元）",
                "6841亿元",
                "684100000000",
                indicator="软信业营业收入",
                period=("2020-01", "2020-12"),
                **sw,
            ),
        ]
    if doc.id == PLAN.id:
        ic = {"indicator": "集成电路产业营收", "indicator_id": "ic_revenue"}
        return [
            fact(
                doc,
                "2023年上海集成电路产业营收3000亿元",
                "3000亿元",
                "3e11",
                period=("2023-01", "2023-12"),
                **ic,
            ),
            fact(
                doc,
                "江苏集成电路产业营收3000亿元",
                "3000亿元",
                "3e11",
                period=("2023-01", "2023-12"),
                entity="江苏",
                **ic,
            ),
            fact(
                doc,
                "上海集成电路产业营收达到5000亿元",
                "5000亿元",
                "5e11",
                period=(None, "2027-12"),
                kind="target",
                **ic,
            ),
            fact(
                doc,
                "江苏集成电路产业营收达到5000亿元",
                "5000亿元",
                "5e11",
                period=(None, "2027-12"),
                kind="target",
                entity="江苏",
                **ic,
            ),
            fact(
                doc,
                "浙江集成电路产业营收达到2000亿元",
                "2000亿元",
                "2e11",
                period=(None, "2030-12"),
                kind="target",
                entity="浙江",
                **ic,
            ),
            fact(
                doc,
                "安徽集成电路产业营收达到1000亿元",
                "1000亿元",
                "1e11",
                period=(None, "2024-12"),
                kind="target",
                entity="安徽",
                **ic,
            ),
            fact(
                doc,
                "“十四五”期间单位GDP能耗下降13.5%",
                "13.5%",
                "-13.5",
                indicator="单位GDP能耗",
                indicator_id="energy_intensity",
                period=("2021-01", "2025-12"),
                kind="target",
                measure="growth",
                unit="%",
            ),
        ]
    if doc.id == PLAN_PROGRESS.id:
        ic = {"indicator": "集成电路产业营收", "indicator_id": "ic_revenue", "period": YEAR_2025}
        return [
            fact(doc, "2025年上海集成电路产业营收4500亿元", "4500亿元", "4.5e11", **ic),
            fact(doc, "2025年江苏集成电路产业营收3500亿元", "3500亿元", "3.5e11", entity="江苏", **ic),
            fact(
                doc,
                "2025年单位GDP能耗比2020年下降14%",
                "14%",
                "-14",
                indicator="单位GDP能耗",
                indicator_id="energy_intensity",
                period=("2021-01", "2025-12"),
                measure="growth",
                unit="%",
            ),
        ]
    return []


DOCUMENTS = (GDP_FIRST, GDP_SECOND, FLASH, INDUSTRY, SOFTWARE, PLAN, PLAN_PROGRESS)


def stated_facts(document: Document) -> list[Fact]:
    """An `extract` for build tests: the facts stated above (module-level, so worker processes can call it)."""
    return facts_of(document)


def dump(path) -> list[str]:
    """The database as SQL statements: two builds with the same content give the same dump."""
    db = store.connect(str(path))
    try:
        return list(db.conn.iterdump())
    finally:
        db.close()


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
