"""Documents -> facts. `extract(document)` is the whole pipeline, top to bottom.

>>> from extractors.sources import read_file
>>> [f.indicator for f in extract(read_file("article.txt")[0])]      # doctest: +SKIP
['地区生产总值', '地区生产总值']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from extractors.entities import EntityReader, SentenceSubjects, document_region
from extractors.kinds import has_cue as _cue_in
from extractors.kinds import kind_of, measure_of
from extractors.noise import COUNT_UNITS, noise_reason
from extractors.periods import (
    Period,
    TimeMention,
    find_times,
    parse_published,
    reference_date,
    year_period,
    ym,
)
from extractors.phrases import is_relative, is_verb, left_phrase, right_phrase, trim
from extractors.quantities import Quantity, find_quantities, qualifier_after
from extractors.rulebook import word_list
from extractors.sentences import Clauses, Span, paragraphs, sentences
from indicators.catalogue import Catalogue, load_catalogue
from indicators.model import Document, Fact
from indicators.units import UnknownUnit, canonical_per

EXTRACTOR_VERSION = "0.2.0"

_ANAPHORA = (
    "会上",
    "会议上",
    "当天",
    "当日",
    "同日",
    "期间",
    "活动中",
    "活动期间",
    "大会期间",
    "现场",
    "仪式上",
)
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_PER = re.compile(r"每((?:百|千|万|亿)?(?:元|人|户|家|台))")
_STOCK_WORDS = re.compile(r"累计|截至|现有|已有|拥有|集聚|聚集|总数|目前|已达|已超|共有|规模达")


@dataclass(frozen=True)
class _Unit:
    """A stretch of the document with one default region and title: a bulletin article, a story, or all."""

    start: int
    end: int
    title: str | None
    region: str | None
    headline_end: int  # text before this offset is the headline


@dataclass(frozen=True)
class _Context:
    """What every sentence of a document is read against."""

    document: Document
    catalogue: Catalogue
    reader: EntityReader
    reference: str | None  # the date relative time words are read against
    report_year: int | None  # the year an early-year article reports on
    default_kind: str  # a bulletin of plans states targets unless it says otherwise


def extract(document: Document, catalogue: Catalogue | None = None) -> list[Fact]:
    """Every indicator fact in `document`, in order of appearance."""
    # Relative time words (去年, 今明两年, 全年) are read against the publication date, or, for a
    # document that states none, against the latest year it reports on.
    reference = document.published or reference_date(document.text)
    ctx = _Context(
        document=document,
        catalogue=catalogue or load_catalogue(),
        reader=EntityReader(document.text),
        reference=reference,
        report_year=_report_year(document, reference),
        default_kind="target" if document.source_kind == "bulletin" else "actual",
    )
    facts: list[Fact] = []
    headline_facts: list[Fact] = []
    for unit in _units(document, ctx.reader):
        # Split.
        title_year = _title_year(unit.title) or _title_year(document.title)
        plan = _plan_period(document, unit, ctx.reference)
        for para in paragraphs(document.text, unit.start, unit.end):
            if _is_boilerplate(para.text):
                continue
            # A year stated in one paragraph holds for the rest of that paragraph only;
            # the horizon of the plan an article reports on holds for all of it.
            context_year = title_year
            carried: Period | None = plan
            subject = unit.region
            carried_whole: Period | None = None
            for sent in sentences(document.text, para.start, para.end):
                if carried_whole and sent.text.startswith(_ANAPHORA):
                    carried = carried_whole  # 会上首发了…: the date of the event just told
                # Find quantities and the times around them.
                quantities = find_quantities(sent.text)
                times, next_year = find_times(sent.text, ctx.reference, context_year)
                subjects = ctx.reader.sentence(sent.text)
                if quantities:
                    found = _sentence_facts(
                        ctx, sent, quantities, times, carried, context_year, subjects, subject
                    )
                    headline = sent.start < unit.headline_end or _headline_like(sent.text)
                    target = headline_facts if headline else facts
                    target.extend(found)
                # The subject of a sentence holds for the next ones of its paragraph that name none.
                subject = subjects.carried or subject
                explicit = [t.period for t in times if not t.comparison]
                carried = explicit[-1] if explicit else carried
                carried_whole = carried
                carried = _carry(carried) if carried else None
                context_year = next_year
    return _merge_headlines(facts, headline_facts)


def _report_year(document: Document, reference: str | None) -> int | None:
    """The year an article reports on: its title's, else, early in a year, the year before when
    the text names it at least twice (January articles report last year's figures)."""
    year = _title_year(document.title)
    pub = parse_published(reference)
    if year or not pub:
        return year
    if pub[1] <= 3 and document.text.count(f"{pub[0] - 1}年") >= 2:
        return pub[0] - 1
    return None


def _carry(period: Period) -> Period:
    """What a sentence's period says about the next sentences: its year (1-11月 -> 2025), or a plan span."""
    if period.span or period.until or period.now or period.end is None:
        return period
    year = year_period(period.year)
    return replace(year, whole_year=period.whole_year)


def _plan_period(document: Document, unit: _Unit, reference: str | None) -> Period | None:
    """A plan horizon in a bulletin item's opening sentence (…总体方案（2026—2030年）, 到2028年) holds for the item."""
    if document.source_kind != "bulletin" or unit.title is None:
        return None
    lead = next(sentences(document.text, unit.headline_end, unit.end), None)
    text = (unit.title or "") + "。" + (lead.text if lead else "")
    times, _ = find_times(text, reference)
    plans = [t.period for t in times if not t.comparison and (t.period.span or t.period.until)]
    return plans[0] if plans else None


def _units(document: Document, reader: EntityReader) -> list[_Unit]:
    region = document_region(document)
    if document.sections:
        out = []
        first = document.sections[0].start
        if first > 0:
            out.append(_Unit(0, first, document.title, region, 0))
        for s in document.sections:
            out.append(
                _Unit(
                    s.start,
                    s.end,
                    s.title,
                    reader.headline(s.title) or region,
                    s.start + len(s.title),
                )
            )
        return out
    title_end = len(document.title) if document.title and document.text.startswith(document.title) else 0
    return [_Unit(0, len(document.text), document.title, region, title_end)]


def _title_year(title: str | None) -> int | None:
    m = _YEAR.search(title or "")
    return int(m.group(1)) if m else None


def _is_boilerplate(text: str) -> bool:
    return text.startswith(tuple(word_list("layout", "boilerplate"))) or any(
        w in text[:12] for w in ("欢迎转发", "点赞", "转载自")
    )


def _sentence_facts(
    ctx: _Context,
    sent: Span,
    quantities: list[Quantity],
    times: list[TimeMention],
    carried: Period | None,
    context_year: int | None,
    subjects: SentenceSubjects,
    subject: str | None,
) -> list[Fact]:
    """The facts of one sentence: its quantities, less noise, with what each measures."""
    document, reference = ctx.document, ctx.reference
    text = sent.text
    clauses = Clauses(text)
    out: list[Fact] = []
    kept: list[Quantity] = []  # the quantities of `out`, in order
    for q in quantities:
        cs, ce = clauses.bounds(q.start)
        before = text[cs : q.start]
        after = text[q.end : ce]
        _, post_len = qualifier_after(after)
        after_q = after[post_len:]
        head = right_phrase(after_q)[1] if q.unit in COUNT_UNITS else ""
        if noise_reason(q, before, after, text[: q.start], head):
            continue
        prev = kept[-1] if kept and kept[-1].end > cs else None  # a fact before it in its clause
        linked = bool(kept) and _LIST_LINK.fullmatch(_between(text, kept[-1], q)) is not None
        # Resolve measure and indicator.
        if linked and q.unit == kept[-1].unit:
            # 分别增长15.1%和13.6%: the second number of a list is read like the first.
            measure, value = out[-1].measure, q.value.copy_sign(out[-1].value)
            indicator, head = out[-1].indicator, out[-1].indicator
        else:
            measure, fall = measure_of(q, before, after)
            start = prev.end if prev else cs
            indicator, head = _indicator(q, text[start : q.start], after_q, out, _topic(text, clauses, cs))
            if measure == "share" and re.search(r"增速|增幅|增长率", indicator or ""):
                measure, fall = "growth", False  # 增速提升至5.0%
            value = -q.value if fall and measure in ("growth", "pp_change") else q.value
        if not indicator:
            continue
        # Resolve period, kind, entity.
        rate = measure in ("growth", "pp_change")
        period, stated = _period_for(q, times, carried, context_year, reference, text, rate, ctx.report_year)
        baseline = bool(re.search(r"(?:由|从)$", before))
        future = stated and _is_future(period, reference)
        lead_end = clauses.ends[0]
        kind = kind_of(text[:lead_end] if lead_end < cs else "", before, after, ctx.default_kind, future)
        continues = bool(out) and indicator.startswith(out[-1].indicator)
        if kind == ctx.default_kind and continues and out[-1].kind != kind and not _cue_in(before):
            kind = out[-1].kind  # 规模预计超5500亿元，增速超30%: the clause goes on with the same outlook
        if baseline and period and period.span:
            period = year_period(int(period.start[:4]) - 1)  # “十四五”期间…从7.8%提升至12.4%: 7.8% is 2020's
        if kind != "actual" and _long_past(period, reference):
            kind = "actual"  # 较2020年（…6841亿元）: nothing of five years ago is a plan
        if period and period.whole_year and kind == "target":
            pub = parse_published(reference)
            if pub and context_year is None:
                period = year_period(pub[0])
        period_start, period_end = _bounds(period, q, measure, before)
        if kind == "actual":
            period_start, period_end = _cap_at_publication(period_start, period_end, reference)
        entity = subjects.at(q.start) or subject
        if entity and indicator.startswith(entity) and len(indicator) > len(entity) + 1:
            indicator = indicator[len(entity) :]  # 上汽集团销售整车 -> 销售整车: the entity says who
        compared = _COMPARED.search(before)
        if compared and after_q.startswith("的"):
            # 高于全国5%的GDP增速: the number is the other region's.
            entity = "全国" if compared.group(1) in ("全国", "我国", "中国") else compared.group(1)
            indicator = trim(re.split(r"[，。；、]", after_q[1:])[0]) or indicator
        # Build facts.
        kept.append(q)
        out.append(
            Fact(
                doc=document.id,
                indicator=indicator,
                indicator_id=None,  # set from the catalogue once lists are split
                entity=entity,
                period_start=period_start,
                period_end=period_end,
                kind=kind,
                measure=measure,
                value=value,
                unit=_per_unit(_counter_unit(q.unit, head), indicator),
                unit_text=q.unit_text,
                qualifier=q.qualifier,
                quantity_text=q.text,
                evidence=text,
                evidence_start=sent.start,
                evidence_end=sent.end,
                quantity_start=sent.start + q.start,
                quantity_end=sent.start + q.end,
            )
        )
    return [_with_catalogue_id(f, ctx.catalogue) for f in _split_each(_split_respectively(out, text))]


_COMPARED = re.compile(
    r"(?:高于|低于|超过|超出|快于|慢于|领先|反超|好于)(全国|我国|中国|全球|全省|全市)(?:平均)?(?:水平)?$"
)
_PLACE_PARTS = ("核心区", "全域", "全市", "全省", "郊区", "中心城区", "新城", "城区")
_LIST_LINK = re.compile(r"(?:以上|左右|余)?(?:和|、|及|与|以及|，|,)")


def _between(text: str, first: Quantity, second: Quantity) -> str:
    return text[first.end : second.start]


def _with_catalogue_id(fact: Fact, catalogue: Catalogue) -> Fact:
    ind = catalogue.match(fact.indicator, fact.unit if fact.measure == "level" else None)
    return replace(fact, indicator_id=ind.id if ind else None)


def _split_each(facts: list[Fact]) -> list[Fact]:
    """化肥、农药利用率均达到43%以上: a number that applies to several subjects is one fact per subject."""
    out = []
    for fact in facts:
        before = fact.evidence[: fact.quantity_start - fact.evidence_start]
        parts = [p for p in re.split(r"[、和与及]", fact.indicator.removesuffix("均")) if p]
        if not re.search(r"均(?:达到|达|为|超过|超|在|保持)?$", before) or len(parts) < 2:
            out.append(fact)
            continue
        last = parts[-1]
        for part in parts[:-1]:
            # The shared head of the list is the tail of the last item: 农药利用率 -> 利用率.
            tail = last[len(part) :] if len(last) > len(part) else ""
            out.append(replace(fact, indicator=part + tail))
        out.append(replace(fact, indicator=last))
    return out


def _split_respectively(facts: list[Fact], text: str) -> list[Fact]:
    """新能源和高端装备产业…增幅分别达12.9%和11.1%: the k-th number belongs to the k-th subject."""
    if "分别" not in text or len(facts) < 2:
        return facts
    out = list(facts)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].indicator == out[i].indicator:
            j += 1
        parts = [p for p in re.split(r"[、和与及]", out[i].indicator) if p]
        # 上海核心区与全域供电可靠率分别…: the list names places, the indicator is shared.
        places = any(p.startswith(_PLACE_PARTS) for p in parts)
        if j > i and len(parts) == j - i + 1 and not places:
            for k in range(i, j + 1):
                out[k] = replace(out[k], indicator=parts[k - i])
        i = j + 1
    return out


def _topic(text: str, clauses: Clauses, clause_start: int) -> str:
    """The clause before the one at clause_start, trimmed: 三大先导产业表现尤为突出，2025年合计增长9.6%."""
    if clause_start <= 1:
        return ""
    prev_start, _ = clauses.bounds(clause_start - 2)
    topic = trim(text[prev_start : clause_start - 1])
    return topic if 2 <= len(topic) <= 25 and not is_verb(topic) else ""


def _indicator(
    q: Quantity, before: str, after_q: str, previous: list[Fact], topic: str = ""
) -> tuple[str | None, str]:
    """(indicator phrase, head noun): right of a counted number, else left of it, else the one before it,
    else the topic of the clause before."""
    left = left_phrase(before)
    counted = q.unit in COUNT_UNITS and re.match(r"[\u4e00-\u9fff“A-Za-z\d+＋]", after_q[:1])
    described = re.match(r"(?:规模)?的", after_q) and (not left or is_verb(left))
    if counted or described:
        right, head = right_phrase(re.sub(r"^(?:(?:规模)?的|为)", "", after_q))
        if right and not is_relative(head) and not is_verb(right):
            # 培育20家龙头机构 -> 培育龙头机构; 交付4艘LNG运输船 -> 交付LNG运输船: the verb says what was counted.
            return (left + right if is_verb(left) and not right.startswith(left) else right), head
    if left and not is_relative(left) and not is_verb(left):
        if previous and left.startswith(_RELATIVE_OPENERS):
            # 增速领先全国22.9个百分点, 低于全国平均水平4元: a comparison of the indicator before it.
            return previous[-1].indicator + left, previous[-1].indicator
        if previous and left in _LEVEL_WORDS and previous[-1].unit in COUNT_UNITS | {"item"}:
            # 国家级企业技术中心115家，市级1128家: the level word stands for the noun before it.
            base = previous[-1].indicator
            for word in _LEVEL_WORDS:
                base = base.removeprefix(word)
            return left + base, left + base
        return left, left
    if previous:
        base = previous[-1].indicator
        return (base + left if left and left not in base else base), base
    if topic:
        return topic + left if left and left not in topic else topic, topic
    return left or None, left


_RELATIVE_OPENERS = (
    "增速",
    "增幅",
    "占比",
    "比重",
    "高于",
    "低于",
    "领先",
    "快于",
    "慢于",
    "超出",
    "超过全国",
)
_LEVEL_WORDS = ("国家级", "省级", "市级", "区级", "县级", "部级")


def _in_brackets_after(text: str, start: int, pos: int) -> bool:
    """pos lies inside a parenthesis that opens right at `start`."""
    return text[start : start + 1] in "（(" and not re.search(r"[）)]", text[start:pos])


def _period_for(
    q: Quantity,
    times: list[TimeMention],
    carried: Period | None,
    context_year: int | None,
    published: str | None,
    text: str = "",
    rate: bool = False,
    report_year: int | None = None,
) -> tuple[Period | None, bool]:
    """(period, stated in the sentence): the last time expression before the number in its sentence,
    else an end date after it, else the paragraph's, else the article's, else the publication month."""
    before = [t for t in times if t.end <= q.start and not t.comparison]
    bracket = [
        t for t in times if t.end <= q.start and t.comparison and _in_brackets_after(text, t.end, q.start)
    ]
    if bracket:
        return bracket[-1].period, True  # 较2020年（软信业营业收入6841亿元）
    if before:
        return before[-1].period, True
    after = [t for t in times if t.start >= q.end and not t.comparison]
    if after and after[0].period.until:
        return after[0].period, True
    if carried:
        return carried, False
    if context_year:
        return year_period(context_year), False
    if rate and report_year:
        return year_period(report_year), False  # a growth rate with no date is the year reported on
    pub = parse_published(published)
    return (Period(None, ym(*pub), until=True, now=True) if pub else None), False


def _long_past(period: Period | None, published: str | None) -> bool:
    pub = parse_published(published)
    return bool(period and period.end and pub) and int(period.end[:4]) < pub[0] - 1


def _is_future(period: Period | None, published: str | None) -> bool:
    """A period that starts after publication, or an end date or a plan span ending after it: a plan."""
    if not period or not period.end:
        return False
    pub = parse_published(published)
    if pub is None:
        return period.until and not period.now
    now = ym(*pub)
    return (period.start or period.end) > now or ((period.until or period.span) and period.end > now)


def _cap_at_publication(
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


def _bounds(period: Period | None, q: Quantity, measure: str, before: str) -> tuple[str | None, str | None]:
    if period is None:
        return None, None
    if period.until:
        return None, period.end
    if measure == "level" and q.unit in COUNT_UNITS and _STOCK_WORDS.search(before):
        return None, period.end
    return period.start, period.end


def _per_unit(unit: str, indicator: str) -> str:
    """每百元营业收入成本 81.5元 is CNY per 100 CNY: the 每… of the indicator is the unit's denominator."""
    m = _PER.search(indicator)
    if not m or "/" in unit:
        return unit
    try:
        return f"{unit}/{canonical_per(m.group(1))}"
    except UnknownUnit:
        return unit


def _counter_unit(unit: str, indicator: str) -> str:
    """个/项 count projects when the noun is a 项目; 家 counts platforms, bases and centres as items."""
    if unit == "item" and indicator.endswith("项目"):
        return "project"
    if unit == "enterprise" and re.search(r"(基地|平台|中心|博物馆|遗产|实验室|园区)$", indicator):
        return "item"
    return unit


def _merge_headlines(facts: list[Fact], headline_facts: list[Fact]) -> list[Fact]:
    """A value repeated in a headline and in the body is one fact: keep the body's.

    The same value, unit and measure stated again for the same indicator (a summary line, a digest
    repeating its items) is one fact too: the first statement with the longest evidence is kept.
    """
    out: list[Fact] = []
    by_value: dict[tuple, list[Fact]] = {}
    for fact in sorted(facts, key=lambda f: -len(f.evidence)):
        same_value = by_value.setdefault((fact.value, fact.unit, fact.measure), [])
        if not any(_same_fact(fact, kept) for kept in same_value):
            same_value.append(fact)
            out.append(fact)
    stated = set(by_value)
    for fact in headline_facts:
        if (fact.value, fact.unit, fact.measure) not in stated:
            stated.add((fact.value, fact.unit, fact.measure))
            out.append(fact)
    return sorted(_drop_rounded_bounds(out), key=lambda f: (f.quantity_start, f.value))


def _headline_like(text: str) -> bool:
    """·交付新船72艘！, 8.37万平方米！: a digest's headline line, not a statement of its own."""
    return text.startswith(("·", "•")) or (len(text) <= 25 and text.endswith(("！", "!")))


def _same_fact(a: Fact, b: Fact) -> bool:
    """The same statement again: same value, unit and measure, and the same indicator words
    (or one is a headline-like line, ·交付新船72艘！, naming part of the other's)."""
    if (a.value, a.unit, a.measure) != (b.value, b.unit, b.measure):
        return False
    x, y = _bare(a.indicator), _bare(b.indicator)
    if x == y:
        return True
    short = min(len(a.evidence), len(b.evidence)) < 25
    return bool(x) and bool(y) and short and (x in y or y in x)


def _bare(phrase: str) -> str:
    return re.sub(r"^[\d·\s.、]+", "", phrase)


def _drop_rounded_bounds(facts: list[Fact]) -> list[Fact]:
    """总装机容量突破7亿千瓦，达到7.0452亿千瓦: the bound says the exact value again, rounded."""
    drop = set()
    ordered = sorted(facts, key=lambda f: f.quantity_start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (
            a.qualifier == "lower_bound"
            and b.qualifier == "exact"
            and a.evidence_start == b.evidence_start
            and (a.unit, a.measure) == (b.unit, b.measure)
            and 0 < a.value <= b.value < a.value * Decimal("1.1")
        ):
            drop.add(id(a))
    return [f for f in facts if id(f) not in drop]
