"""The facts of one sentence: each quantity, less the noise, with its indicator, measure, period,
kind and entity."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from extractors.entities import BASE_IN_BRACKETS, HOME, SUPERLATIVE, subject_of
from extractors.frames import Sentence, place_of
from extractors.kinds import goal_in_brackets, has_cue, kind_of, measure_of, states_done
from extractors.lists import split_each, split_places, split_respectively
from extractors.measures import is_stock, measure_word, measures_something, names_measure, with_measure_of
from extractors.noise import BARE_PLACE, COUNT_UNITS, crosses_milestone, noise_reason, ordinal_milestone
from extractors.periods import Period, parse_published, year_period
from extractors.phrases import (
    QUALIFIER_LEFT,
    RECENT,
    ends_in_a_head,
    ends_with_verb,
    is_bare_verb,
    is_relative,
    is_verb,
    left_phrase,
    named_before,
    opens_relative,
    right_phrase,
    scopes,
    trim,
)
from extractors.quantities import Quantity, qualifier_after, written_span
from extractors.regions import place_spans
from extractors.rulebook import alternation, word_list
from extractors.sentences import Clauses
from extractors.timing import bounds, cap_at_publication, is_future, long_past, own_period
from indicators.catalogue import Catalogue, load_catalogue
from indicators.model import Fact
from indicators.units import UnknownUnit, canonical_code, canonical_per

_PER = re.compile(
    r"每((?:百|千|万|亿)?(?:元|人|户|家|台|名))|^(万人)(?=拥有|[\u4e00-\u9fff]{2,}拥有量)"
)  # 万人发明专利拥有量
# 工业机器人密度达到每万名工人500台: the denominator right before the number ends no indicator.
_PER_AT_END = re.compile(r"(?:达到|达|为)?每(?:百|千|万|亿)?(?:元|人|户|家|台|名)[\u4e00-\u9fff]{0,3}$")
_BRACKET_NOTE = re.compile(r"^[（(][^）)]{1,8}[）)]")  # 2万家（含加盟）线下药店
_DE_NOUN = re.compile(r"的(?:[\u4e00-\u9fff]|GDP)")  # 的 and the noun it describes (的GDP too)
_RATE_WORD = re.compile(r"增速|增幅|增长率")  # 增速提升至5.0%: a growth rate, though a percent level
_FROM_END = re.compile(r"(?:由|从)(?:近|约|超|逾)?$")  # 从近600亿元…: a baseline
_NOUN_OR_NAME = re.compile(r"[\u4e00-\u9fff“A-Za-z\d+＋]")  # a counted noun right after the number
_DE_AFTER = re.compile(r"(?:规模)?的")  # 实现了约1.65亿元的交易额
# Places or sectors counted, and a change said of them (32个行业增加值保持增长, 9个设区市…增速高于…).
_COUNTED_UNIT_WORDS = r"设区市|地级市|市州|地市|县市区|区县|城市|省份|省市区|省区市|行业|大类行业|产业"
_COUNTED_UNITS = re.compile(rf"{_COUNTED_UNIT_WORDS}|{BARE_PLACE}")
_UNITS_CHANGED = re.compile(r"增长|下降|高于|低于|快于|慢于|超过|回落|上涨|跑赢|跑输")
_CONTRIBUTION = re.compile(r"对[^对]*?的?贡献率$")
_BRACKET_BASE = re.compile(r"[（(](?:上年|去年|上年同期|去年同期|上月|上季度)(?:为|是)?$")
_AVERAGE = re.compile(r"年均|平均每年")
_AVERAGE_LIST = re.compile(r"(?:年均|平均每年)分别[^，。；]*$")  # 年均分别增长5.6%和7.2%: both are averages
_DE_OR_WEI = re.compile(r"^(?:(?:规模)?的|为)")


def sentence_facts(
    sentence: Sentence,
    quantities: list[Quantity],
    catalogue: Catalogue,
    earlier: list[Fact],
    rules_document: bool = False,
) -> list[Fact]:
    """The facts of one sentence: its quantities, less noise, with what each measures."""
    document = sentence.document.document
    reference = sentence.document.reference
    text = sentence.text
    clauses = Clauses(text)
    out: list[Fact] = []
    kept: list[Quantity] = []  # the quantities of `out`, in order
    governs: list[bool] = []  # whether each of them opened its clause with a plan word
    owns: list[Period | None] = []  # the period each of them states itself (own_period)
    for q in quantities:
        cs, ce = clauses.bounds(q.start)
        before = text[cs : q.start]
        after = text[q.end : ce]
        _, post_len = qualifier_after(after)
        after_q = after[post_len:]
        if after_q.startswith(("（", "(")):
            after_q = _BRACKET_NOTE.sub("", after_q)  # 2万家（含加盟）线下药店
        head = right_phrase(after_q)[1] if q.unit in COUNT_UNITS else ""
        if noise_reason(q, before, after, text[: q.start], head):
            continue
        if crosses_milestone(before, after):
            if any(k.unit == q.unit and k.qualifier in ("exact", "approx") for k in kept):
                continue  # 总产值达4.07万亿元，再次迈上4万亿元台阶: the milestone restates the value
            q = replace(q, qualifier="lower_bound")
        if rules_document and q.qualifier in ("lower_bound", "upper_bound"):
            continue  # 上年度营业收入总额达5000万元以上: a criterion of the rules, not an outcome
        prev = kept[-1] if kept and kept[-1].end > cs else None  # a fact before it in its clause
        linked = bool(kept) and _LIST_LINK.fullmatch(_between(text, kept[-1], q)) is not None
        # 超额完成14%的既定目标; 超额完成目标任务（下降16%）: the plan figure of what was just stated
        goal = _GOAL_AFTER.match(after_q) is not None or goal_in_brackets(before)
        # The level a change is of: the last stated, unless it sat in brackets (保有量3.5亿辆（包括…700万辆）).
        change = _CHANGE.search(before) if out else None
        level = _level_before(out, kept, text, q) if change else None
        if level and (q.unit != level.unit.split("/")[0] or level.measure != "level"):
            change = None
        rate = _EXCHANGE.search(before) if q.unit == "CNY" else None
        if q.unit != "CNY" and q.value == 1 and after_q.startswith("兑"):
            continue  # 1美元兑7.1元: the 1 is the base of the rate
        # Resolve measure and indicator.
        if q.role in ("ratio", "index"):
            # 三次产业结构为4.1：40.2：55.7 -> three shares; 食品 102.3 under 上年=100 -> growth of 2.3.
            measure, value = ("share" if q.role == "ratio" else "growth"), q.value
            indicator = _ratio_term(text, kept, q) if q.role == "ratio" else trim(left_phrase(before))
            head = indicator
        elif change:
            # 年末人口140828万人，比上年末减少139万人: the change of the level just stated, signed.
            measure, indicator, head = "level", level.indicator, level.indicator
            value = (
                -q.value
                if (change.group(1) or change.group(2)) in ("减少", "少增", "下降", "净减少", "少")
                else q.value
            )
        elif rate:
            # 平均汇率为1美元兑7.1217元人民币: CNY per unit of the other currency.
            measure, value = "level", q.value
            # With no words before it (2023年末，1美元兑7.08元人民币), the construct names it: 汇率.
            indicator = trim(left_phrase(before[: rate.start()])) or (out[-1].indicator if out else "汇率")
            head = indicator
        elif goal and out and q.unit == out[-1].unit:
            # 能耗同比下降2.9%，超额完成14%的既定目标: the plan figure of the indicator just stated.
            measure, value = out[-1].measure, q.value.copy_sign(out[-1].value)
            indicator, head = out[-1].indicator, out[-1].indicator
        elif (
            q.unit == "%"
            and (base := _share_base(before, out, _between(text, kept[-1], q) if kept else ""))
            and _DE_NOUN.match(after_q)
            and not _COMPARED.search(before)  # 高于全国5%的GDP增速: the other region's rate
        ):
            # 汇聚了全国约40%的产业人才和50%的创新资源: each share names what it is a share of.
            measure, value = "share", q.value
            noun = right_phrase(after_q[1:])[0]
            indicator, head = (f"{noun}占{base}比重", noun) if noun else (None, "")
        elif out and q.unit == out[-1].unit and _BRACKET_BASE.search(before, max(0, len(before) - 8)):
            # 增长5.5%（上年为5.0%）: last year's figure of the same measure, in brackets.
            measure, value = out[-1].measure, q.value
            indicator, head = out[-1].indicator, out[-1].indicator
        elif linked and q.unit == kept[-1].unit:
            # 分别增长15.1%和13.6%: the second number of a list is read like the first.
            measure, value = out[-1].measure, q.value.copy_sign(out[-1].value)
            indicator, head = out[-1].indicator, out[-1].indicator
        else:
            measure, fall = measure_of(q, before, after)
            start = prev.end if prev else cs
            if prev and (bound := QUALIFIER_LEFT.match(text, start)):
                start = bound.end()  # 8000万亩以上、粮食产量: the 以上 is the number's before
            clause_topic = _topic(text, clauses, cs)
            nearer = False  # the clause before names a measure after the sentence's last number
            if not names_measure(clause_topic):
                clause_topic = _viewed(text[:cs])  # 表现较为突出 is no indicator; 以…预算收入来看 is
            else:
                # …吞吐量5506.3万标准箱；研发经费支出相当于生产总值比例持续提升，达到4.5%: a number
                # with no words of its own, after a clause naming a measure and no number
                nearer = (
                    bool(kept)
                    and kept[-1].end < clauses.bounds(cs - 2)[0]
                    and not opens_relative(clause_topic)  # 增速为近四年最快: the same measure's
                    and not left_phrase(text[start : q.start])
                )
            # The sentence's own facts, else the clause before, else the paragraph's topic.
            previous = (
                []
                if nearer
                else out or ([_Topic(sentence.topic)] if sentence.topic and not clause_topic else [])
            )
            indicator, head = _indicator(q, text[start : q.start], after_q, previous, clause_topic)
            if measure == "share" and _RATE_WORD.search(indicator or "") and not _share_rate(indicator):
                measure, fall = "growth", False  # 增速提升至5.0%
            value = -q.value if fall and measure in ("growth", "pp_change") else q.value
        if not indicator:
            continue
        if measure in ("level", "growth") and (
            whole := _whole_broken_down(sentence, text[: q.start], out, earlier)
        ):
            indicator = with_measure_of(indicator, whole)  # 分门类看，采矿业下降2.3% -> 采矿业增加值
        if measure == "share" and indicator.endswith("占"):
            indicator = indicator[:-1].rstrip("约近超") + "占比"  # 中成药类占14.6%: its share
        if ends_in_a_head(indicator):  # (most do not: the sentence's subjects need not be read)
            indicator = named_before(indicator, _same_subjects(sentence, q, earlier), out) or indicator
        if is_relative(indicator) and (named := _headline_measure(sentence.document.document.title)):
            indicator = named + indicator  # 从总量看，杭州以2.26万亿元…, under 浙江11市GDP出炉: GDP总量
        unit = _per_unit(_counter_unit(q.unit, head or indicator, q.unit_text), indicator)
        if rate:
            unit = f"CNY/{canonical_code(rate.group(1))}"
        per_end = _PER_AT_END.search(indicator) if "每" in indicator else None
        if per_end and per_end.start() > 1 and "/" in unit:
            indicator = indicator[: per_end.start()]
        if not measures_something(indicator, unit, measure, text[: q.start]) and not _listed_count(
            text, kept, out, q
        ):
            continue  # 问答准确率60.7%, 推理速度是后者的两倍: a product's or a story's number
        # Resolve period, kind, entity.
        kept_own = owns[-1] if kept else None
        own = own_period(q, sentence.times, text, kept[-1].end if kept else 0)
        period, stated = sentence.period_at(own, rate=measure in ("growth", "pp_change"))
        if measure == "growth" and (_AVERAGE.search(before[-8:]) or _AVERAGE_LIST.search(before)):
            # 年均增长: over the span in force; a plan's to its horizon (到2028年…年均增长5%: 2026–2028).
            period = sentence.span_around(period) or _years_to(period, reference) or period
        baseline = bool(_FROM_END.search(before))
        future = stated and is_future(period, reference)
        lead_end = clauses.ends[0]
        if _CONDITION_BEFORE.search(text, max(0, cs - 8), cs):
            lead_end = cs - 1  # 项目投产后，年产能将达到10万台: the condition clause before governs it too
        default = sentence.framed_kind() or "actual"
        if (
            period
            and period.guessed_year
            and _not_over(period, reference)
            and default == "actual"
            and not goal
            and not has_cue(text[: q.start])
            and "将" not in after[:4]
        ):
            # 年末全国共有孵化器1.6万家, 全年…年平均工资 in a text of May that names no year: the year
            # not over yet states no outcome, so the year read is the one before.
            period, future = _year_before(period), False
        kind = (
            "target"
            if goal
            else kind_of(text[:lead_end] if lead_end < cs else "", before, after, default, future)
        )
        goes_on = False
        done = states_done(text[cs : q.start])
        if done and indicator.endswith(("目标", "计划")):
            indicator = indicator[:-2]  # 新增就业目标为60万人，实际完成65.3万人: the number is of 新增就业
        if (
            kind == default
            and out
            and out[-1].kind != kind
            and not has_cue(before)
            and own == kept_own
            and not done
        ):
            # 计划全年开工项目133个，总投资约1100亿元: the plan goes on; 规模预计超5500亿元，增速超30%:
            # the clause goes on with the same outlook.
            goes_on = governs[-1] or indicator.startswith(out[-1].indicator)
            kind = out[-1].kind if goes_on else kind
        if (
            kind == "target"
            and future
            and not goal
            and out
            and out[-1].kind == "estimate"
            and not has_cue(before)
        ):
            kind = "estimate"  # 预计2027年将突破4000亿元，2025—2027年复合增长率约12%: the outlook goes on
        if (
            kind == "target"
            and not goal
            and _past_year_stated(own, reference)
            and not has_cue(text[: q.start])
        ):
            kind = "actual"  # a plan's 2025年，…营业收入达到3200亿元: what a year gone by did, not a goal
        if kind != "actual" and _event_day(own, sentence.times, text, q.start):
            # 2025年3月31日，市政府印发《措施》，力争实现年销售总额超千亿元: the day the plan came out
            # dates the event, not the goal.
            own = None
            period, stated = sentence.period_at(None, rate=measure in ("growth", "pp_change"))
        clause_time = any(cs <= t.start and t.end <= q.start for t in sentence.times)  # 从2020年的82.4岁
        parallel = [t for t in sentence.times if t.end <= cs and text[t.start - 1 : t.start] in ("从", "由")]
        if baseline and parallel and not clause_time:
            # 生产总值从2020年的3.68万亿元增长到…，预算收入从3826.5亿元增长到…: dated like the baseline before it.
            period = parallel[-1].period
        elif (
            baseline
            and period
            and period.start
            and not period.until
            and (own is None or own.span or not clause_time)
        ):
            # “十四五”期间…从7.8%提升至12.4%: 7.8% is 2020's; 去年一年…从近600亿元跃升到…: the year before's.
            period = year_period(int(period.start[:4]) - 1)
        if kind != "actual" and long_past(period, reference):
            kind = "actual"  # 较2020年（…6841亿元）: nothing of five years ago is a plan
        if period and period.whole_year and kind == "target":
            pub = parse_published(reference)
            named = any(t.period.year == period.year and not t.period.whole_year for t in sentence.times)
            if pub and not named and not sentence.framed_period():
                period = year_period(pub[0])  # 确保全年新增…: the plan is for the year of publication
        period_start, period_end = bounds(period, q, measure, before, text[: q.start])
        if measure == "level" and (is_stock(indicator) or indicator.startswith("累计")):
            period_start = None  # 高速公路总里程达到9000公里, 第900万辆下线: a stock at the period's end
        if kind == "actual":
            period_start, period_end = cap_at_publication(period_start, period_end, reference)
        if change:
            period_start, period_end = level.period_start, level.period_end
        label = _PLACE_LABEL.search(text, cs, q.start)
        # 上海5.67万亿元、北京5.2万亿元: a place right before the number, after a list mark, is whose.
        entity = label.group(1) if label and _is_label(label.group(1)) else sentence.entity_at(q.start)
        if entity and entity == indicator:  # 活跃开源项目超过50万个: what is counted, not who
            entity = sentence.entity_before_clause(q.start)
        if indicator.startswith("累计") and (maker := _maker_of_milestone(after_q, sentence)):
            entity = maker  # 第900万辆整车于某某超级工厂下线: the plant that made it
        agent = indicator.removeprefix("由")  # 由某某公司投资50亿元: the firm invests
        rest = agent[len(entity) :] if entity and agent.startswith(entity) else ""
        if (
            rest[:1] in ("省", "市")
            and (span := place_spans(agent))
            and span[0][0] == 0
            and span[0][2] == entity
        ):
            rest = agent[span[0][1] :]  # 湖北省一般公共预算收入: the place's full name, not 省一般…
        if len(rest) > 1 and rest[0] not in "与和及、":  # 长兴岛船舶与海洋工程装备: one phrase
            indicator = trim(rest) or rest  # 上汽集团销售整车 -> 销售整车; 某某实现营业收入 -> 营业收入
        indicator = _without_name_tail(indicator, entity)
        compared = _COMPARED.search(before)
        if compared and after_q.startswith("的"):
            # 高于全国5%的GDP增速: the number is the other region's.
            entity = "全国" if compared.group(1) in ("全国", "我国", "中国") else compared.group(1)
            indicator = trim(re.split(r"[，。；、]", after_q[1:])[0]) or indicator
        # Build facts.
        q_start, q_end = written_span(text, q)
        kept.append(q)
        owns.append(own)
        # A clause opening with 计划, 力争 goes on governing the clauses after it; a fact that only goes
        # on with the indicator before it (预计增长5.3%，总量迈上6万亿元) governs nothing after it.
        governs.append((goes_on and bool(governs) and governs[-1]) or has_cue(text[cs : cs + 4]))
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
                unit=unit,
                unit_text=q.unit_text,
                qualifier=q.qualifier,
                quantity_text=text[q_start:q_end],
                evidence=text,
                evidence_start=sentence.start,
                evidence_end=sentence.start + len(text),
                quantity_start=sentence.start + q_start,
                quantity_end=sentence.start + q_end,
            )
        )
    return [_with_catalogue_id(f, catalogue) for f in split_places(split_each(split_respectively(out, text)))]


def _without_name_tail(indicator: str, entity: str | None) -> str:
    """A firm named after a place (宁德时代) loses the place when its phrase is trimmed (时代实现营业收入):
    the rest of its name is no part of the indicator either (营业收入). A generic tail (华东电网's 电网)
    may be the indicator's own word (电网调度口径装机容量)."""
    if not entity or len(entity) < 4:
        return indicator
    for cut in range(1, len(entity) - 1):
        tail = entity[cut:]
        if indicator.startswith(tail) and any(s == 0 and e == cut for s, e, _ in place_spans(entity[:cut])):
            rest = indicator[len(tail) :]
            if tail in word_list("regions", "org_suffixes") and trim(rest) == rest:
                break  # 电网调度口径: nothing to trim after the tail, which is the measure's own word
            return trim(rest) or indicator
    return indicator


@dataclass(frozen=True)
class _Topic:
    """The indicator the paragraph's sentence before stated, for a sentence that continues it."""

    indicator: str
    unit: str = ""
    measure: str = ""


_COMPARED = re.compile(
    r"(?:高于|低于|超过|超出|快于|慢于|领先|反超|好于)(全国|我国|中国|全球|全省|全市)(?:平均)?(?:水平)?$"
)


# 比上年末减少139万人; a clause that opens on the verb (…2900万公顷，减少10万公顷) changes the level too.
_CHANGE = re.compile(
    # 比上年末, 较年初, 比7月末, 比上季末: a change over the time the comparison names
    r"(?:(?:(?:比|较)(?:上年|年初|上月|上季度?|[\d一二三四五六七八九十]{1,2}月)|同比)(?:末|底|同期)?"
    r"(增加|减少|多增|少增|下降|净增|净减少|新增|多|少)"
    r"|^(增加|减少|净增|净减少))了?$"
)


def _headline_measure(title: str | None) -> str | None:
    """The core indicator a headline names (GDP of 浙江11市GDP出炉), for a bare 总量 or 增速 in its text."""
    m = _core_keywords().search(title or "")
    return m.group(0) if m else None


@cache
def _core_keywords() -> re.Pattern:
    words = {k for indicator in load_catalogue() if indicator.tier == "core" for k in indicator.keywords}
    return re.compile(alternation(sorted(words, key=len, reverse=True)))


def _event_day(own: Period | None, times: list, text: str, pos: int) -> bool:
    """The number's own time is a day (3月31日): the date of an event told before it."""
    before = [t for t in times if t.end <= pos and not t.comparison]
    return bool(own and before) and before[-1].period == own and text[before[-1].end - 1] == "日"


def _past_year_stated(own: Period | None, reference: str | None) -> bool:
    """The sentence dates the number by a time wholly before publication (2025年, 1-9月), not by an
    end date a plan runs to (到2025年)."""
    pub = parse_published(reference)
    if own is None or own.until or own.span or own.start is None or own.end is None or not pub:
        return False
    return own.end < f"{pub[0]:04d}-{pub[1]:02d}"


def _listed_count(text: str, kept: list[Quantity], out: list[Fact], q: Quantity) -> bool:
    """建成智能工厂500家、数字化车间2000个: a count listed right after a count fact is counted by the
    same verb, so it measures what that one does."""
    if not (kept and out and q.unit in COUNT_UNITS and out[-1].unit in COUNT_UNITS):
        return False
    end = written_span(text, kept[-1])[1]
    return text[end : end + 1] == "、" and _LIST_ITEM.fullmatch(text, end + 1, q.start) is not None


_LIST_ITEM = re.compile(r"[\u4e00-\u9fff“”]{2,12}")


def _level_before(out: list[Fact], kept: list[Quantity], text: str, q: Quantity) -> Fact:
    """The last fact before q that is not inside brackets closed before q."""
    for fact, k in zip(reversed(out), reversed(kept), strict=True):
        inside = text.count("（", 0, k.start) + text.count("(", 0, k.start) > text.count(
            "）", 0, k.start
        ) + text.count(")", 0, k.start)
        if not (inside and _BRACKET_CLOSE.search(text, k.end, q.start)):
            return fact
    return out[-1]


_BRACKET_CLOSE = re.compile(r"[）)]")
_EXCHANGE = re.compile(r"(?:为)?1(美元|欧元|日元|港元|英镑)兑$")
_GOAL_AFTER = re.compile(r"的(?:既定|年度|预期|规划|发展)?(?:目标|任务)")
# (A bracket after the unit is a note on it: 40万套（间）和15万套（间）.)
_LIST_LINK = re.compile(r"(?:以上|左右|余)?(?:[（(][^）)]{1,4}[）)])?(?:和|、|及|与|以及|，|,)")


def _between(text: str, first: Quantity, second: Quantity) -> str:
    return text[first.end : second.start]


_WHOLE = re.compile(r"(全国|全球|全省|全市|世界|全区)(?:的)?(?:约|近|超|逾|超过|将近)?$")


def _share_base(before: str, out: list[Fact], between: str) -> str | None:
    """The whole a share right after it is taken of: 全国 in 汇聚了全国约40%的人才; the same whole
    for the next share of a list (…40%的产业人才和50%的创新资源)."""
    m = _WHOLE.search(before)
    if m:
        return m.group(1)
    listed = re.fullmatch(r"(?:以上|以下|左右)?的[^，。；、和及与]{1,12}[和、及与](?:约|近|超)?", between)
    if listed and out and out[-1].indicator.endswith("比重") and "占" in out[-1].indicator:
        return out[-1].indicator.rsplit("占", 1)[1].removesuffix("比重")
    return None


def _not_over(period: Period, reference: str | None) -> bool:
    pub = parse_published(reference)
    return bool(pub and period.end) and period.end > f"{pub[0]:04d}-{pub[1]:02d}"


def _year_before(period: Period) -> Period:
    """The same months a year earlier."""
    return replace(period, start=_month_year_before(period.start), end=_month_year_before(period.end))


def _month_year_before(month: str | None) -> str | None:
    return f"{int(month[:4]) - 1:04d}{month[4:]}" if month else month


_CONDITION_BEFORE = re.compile(r"(?:投产|达产|建成|竣工|完工)后[，,]$")
_FROM_THEN = re.compile(r"[由从][^，。；]*(?:调整|优化|转变|变化|变)为$")


def _ratio_term(text: str, kept: list[Quantity], q: Quantity) -> str:
    """The k-th term of 三次产业结构为a：b：c is 第k产业比重; of any other ratio, its phrase and k."""
    first, k = q, 0
    for t in reversed(kept):
        if t.role != "ratio" or first.start - t.end > 1:
            break
        first, k = t, k + 1
    before = _FROM_THEN.sub("", text[: first.start])  # 结构由上年的a：b：c调整为…: the new one's is 结构
    if "三次产业" in before[-12:] and k < 3:
        return f"第{'一二三'[k]}产业比重"
    return f"{trim(left_phrase(before))}（第{k + 1}项）"


def _share_rate(indicator: str) -> bool:
    """自然增长率 is births less deaths per population, a share, though it says 增长率."""
    return any(word in indicator for word in word_list("kinds", "share_rates"))


def _with_catalogue_id(fact: Fact, catalogue: Catalogue) -> Fact:
    ind = catalogue.match(fact.indicator, fact.unit if fact.measure == "level" else None)
    return replace(fact, indicator_id=ind.id) if ind else fact  # built with no id


# 以各省市区一般公共预算收入来看，…增长率都高达15%: the measure the sentence is read by.
_VIEW = re.compile(
    r"(?:以|从|就)(?:各省市区|各省份|各省|各地区|各地|各市)?([^，。；]{2,20}?)(?:来看|看|而言)"
    r"|(?:^|[，。；])([^，。；]{2,12}?)方面(?=[，,])"  # 人均GDP方面，北京…分别达到…
)


def _viewed(text: str) -> str:
    if "看" not in text and "而言" not in text and "方面" not in text:
        return ""  # no view marker: most clauses
    views = list(_VIEW.finditer(text))
    return trim(views[-1].group(1) or views[-1].group(2)) if views else ""


def _topic(text: str, clauses: Clauses, clause_start: int) -> str:
    """The clause before the one at clause_start, trimmed: 三大先导产业表现尤为突出，2025年合计增长9.6%."""
    if clause_start <= 1:
        return ""
    prev_start, _ = clauses.bounds(clause_start - 2)
    clause = text[prev_start : clause_start - 1]
    if clause.lstrip("，, ").startswith("作为"):
        return ""  # 作为全国首个千亿级的产业集群，张江…: what the subject is, not a measure
    viewed = _viewed(clause)
    if viewed and names_measure(viewed):
        return viewed  # 从GDP总量看，…: the measure viewed, not the words that view it
    if any(c in clause for c in "不连位稳排居"):  # (the letters _NOT_ONLY's words open with)
        clause = _NOT_ONLY.split(clause, maxsplit=1)[0]  # 进出口增速不仅较去年大幅增长，而且…
    topic = trim(clause)
    return topic if 2 <= len(topic) <= 25 and not is_verb(topic) else ""


# 进出口增速不仅…; 集装箱吞吐量连续15年位居全球第一: the measure is before these.
_NOT_ONLY = re.compile(r"不仅|不但|连续[\d一二两三四五六七八九十]+年|位居|稳居|位列|排名|居全")


def _indicator(
    q: Quantity, before: str, after_q: str, previous: list[Fact], topic: str = ""
) -> tuple[str | None, str]:
    """(indicator phrase, head noun): right of a counted number, else left of it, else the one before it,
    else the topic of the clause before."""
    verb = ordinal_milestone(before, after_q) if before.endswith("第") else None
    if verb:
        # 第900万辆整车于…下线 -> 累计下线整车: the running total of what the verb did, to that day
        noun = _AT_OR_BY.split(right_phrase(after_q)[0], maxsplit=1)[0].split(verb)[0]
        return f"累计{verb}{noun}", noun or verb
    by = _BY_MEASURE.match(after_q) if before.endswith("以") else None
    if by and names_measure(by.group(1)) and not is_relative(by.group(1)):
        return by.group(1), by.group(1)  # 某某集团以7465亿元营业收入位居榜首: the measure it ranks by
    left = left_phrase(before)
    if "最" in left[:8] and (best := SUPERLATIVE.match(left)):
        left = trim(left[best.end() :])  # 增速最快的湖北省一般公共预算收入: the place is whose, not what
    counted = q.unit in COUNT_UNITS and _NOUN_OR_NAME.match(after_q[:1])
    # 实现了约1.65亿元的交易额, 积累超过7万小时的服务时长: after a verb, the noun after 的 is measured.
    # 全球80%的AI初创公司…: a place before the number is whose, the noun after 的 what is measured.
    described = (
        _DE_AFTER.match(after_q)
        and (not left or is_verb(left) or ends_with_verb(before) or _is_label(left))
        and not _DE_GROWTH.match(after_q)  # 取得了12.3%的两位数增长: the growth of what is before
    )
    counted_units = _COUNTED_UNITS.match(after_q) if q.unit == "item" else None
    if counted_units and _UNITS_CHANGED.search(after_q, counted_units.end()):
        # 有25个省份一般公共预算收入实现正增长: the count of places or sectors that did so.
        what = re.split(r"[，。；、]", after_q[counted_units.end() :], maxsplit=1)[0].lstrip("的")
        what = _BRACKETED.sub("", what)  # 增速高于全国平均水平（5.2%）: the note is no part of it
        return f"{what}的{counted_units.group(0)}", counted_units.group(0)
    if counted or described:
        right, head = right_phrase(_DE_OR_WEI.sub("", after_q))
        if (
            right
            and not is_relative(head)
            and not is_verb(right)
            and right not in word_list("phrases", "milestones")
        ):
            # 培育20家龙头机构 -> 培育龙头机构; 交付4艘LNG运输船 -> 交付LNG运输船: the verb says what was counted.
            return (left + right if is_verb(left) and not right.startswith(left) else right), head
    if q.unit == "enterprise" and left.endswith(("企业", "公司")) and is_verb(left):
        return left, left  # 服务企业超过5万家, 集聚企业超过1000家: the verb says which firms are counted
    if left in scopes() and previous:
        # 居民消费价格同比上涨0.8%。其中，城市上涨0.8%，农村上涨0.7%: the same measure over a part.
        base = previous[-1].indicator
        part = next((word for word in scopes() if base.startswith(word)), "")
        scoped = left + base[len(part) :]  # 农村…, not 农村城市…
        return scoped, scoped
    labelled = _LIST_OPENER.search(left) if left else None
    if labelled and _is_label(left[labelled.end() :]):
        left = left[labelled.end() :]  # 排名前五的城市分别是上海5.67万亿元、北京…: 上海 labels the first
    if previous and previous[-1].unit == "item" and q.unit == "%" and BASE_IN_BRACKETS.search(before):
        # 共有18个省份增速高于全国平均水平（5.2%）: the country's own rate of what the places beat
        measure = _measure_of_counted(previous[-1].indicator)
        return measure, measure
    if left and (previous or topic) and _is_label(left):
        # 分别为：华东36.3%，中南27.0%: a place labels the value of the indicator the list is about
        # (after a count of the places that changed, of what changed: 其中西藏增长6.8%).
        if not previous:
            return topic, topic
        base = previous[-1].indicator
        if previous[-1].unit == "item" and q.unit != "item":
            base = _measure_of_counted(base)
        return base, base
    if left and not is_relative(left) and not is_bare_verb(left):
        if previous and q.unit == "x" and left.startswith(_MULTIPLE_OF):
            # 工业机器人密度…，是全球平均水平的2.8倍: the level before, as a multiple of the one named.
            multiple = f"{previous[-1].indicator}{left}的倍数"
            return multiple, multiple
        if previous and left.endswith("之比") and f"与{left}" in before:
            # 经费支出36130亿元，…，与国内生产总值之比为2.68%: the ratio of the indicator before to the one named.
            ratio = f"{previous[-1].indicator}与{left}"
            return ratio, ratio
        if previous and q.unit == "pp" and left.endswith("水平"):
            # 也较去年自身水平提高了0.4个百分点: the level compared with names the base, not the rate.
            return previous[-1].indicator, previous[-1].indicator
        land = left.startswith("占地") and not left.startswith("占地区")  # 占地120亩, not 占地区生产总值
        if (previous or topic) and left.startswith(_RELATIVE_OPENERS) and not land:
            # 增速领先全国22.9个百分点, 低于全国平均水平4元: a comparison of the indicator before it
            # (占地120亩 is land, not a share)
            # (…增长7.4%，高于全国1个百分点，高于年度目标1.9个百分点: both compare the growth), or of
            # the clause before (进出口增速不仅…，而且还超出全国水平1.8个百分点).
            base = _compared(previous) if previous else topic
            if left.startswith("拉动"):
                # 消费支出对经济增长的贡献率为56.2%，拉动GDP增长2.8个百分点: what pulls is the spending
                base = _CONTRIBUTION.sub("", base) or base
            return base + left, base
        if previous and left in _LEVEL_WORDS and previous[-1].unit in COUNT_UNITS | {"item"}:
            # 国家级企业技术中心115家，市级1128家: the level word stands for the noun before it.
            base = previous[-1].indicator
            named = next((word for word in _LEVEL_WORDS if word in base), None)
            # 创建国家级绿色工厂196家（市级523家）: 创建市级绿色工厂.
            indicator = base.replace(named, left, 1) if named else left + base
            return indicator, indicator
        return left, left
    if previous:
        base = previous[-1].indicator
        if previous[-1].unit == "item" and q.unit != "item":
            base = _measure_of_counted(base)
        if previous[-1].measure == "growth" and q.unit != "%":
            # 复合增长率为15.6%，预计2028年将超过5000亿元: the level is of what grew, not of its rate.
            base = _RATE_AT_END.sub("", base) or base
        total = _TOTAL_BEFORE.search(before)
        if total and _NEW_VERB.match(base):
            # 新增高新技术企业1200家，总数达到1.3万家: the total is of all of them, not of the new ones.
            base = base[_NEW_VERB.match(base).end() :] + ("总数" if total.group(1) == "总数" else "")
            return base, base
        return (base + left if left and left not in base else base), base
    if topic:
        return topic + left if left and left not in topic else topic, topic
    return left or None, left


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_AT_OR_BY = re.compile(r"[于在由从]")
_BY_MEASURE = re.compile(
    r"的?([\u4e00-\u9fffA-Za-z]{2,12}?)(?:位居|位列|居|排名|排在|领跑|领先|紧随|名列|稳居)"
)
_DE_GROWTH = re.compile(r"的[\u4e00-\u9fff]{0,4}?(?:增长|增速|增幅|涨幅|降幅|下降)")
_RATE_AT_END = re.compile(r"(?:年均|复合|平均)?(?:增长率|增速|增幅)$")


def _same_subjects(sentence: Sentence, q: Quantity, earlier: list[Fact]) -> list[Fact]:
    """The facts a bare head (营业收入) may stand for: when the sentence names an organisation of its
    own (上海建工…实现营业收入), only that organisation's (the firm before it had another)."""
    own = sentence.subjects.at(q.start)
    if not own or own == HOME or place_of(own):
        return earlier  # (a place: what was said of it before, 全市…营业收入, may be meant)
    return [f for f in earlier if f.entity == own]


def _maker_of_milestone(after: str, sentence: Sentence) -> str | None:
    """The organisation after 于/在 in the clause of a running total (…于某某工厂下线), if one is named."""
    at = _AT_OR_BY.search(after)
    if not at or at.group(0) not in "于在":
        return None
    name = subject_of(re.split(r"[，。；]", after[at.end() :], maxsplit=1)[0], sentence.document.reader)
    return name if name and name != HOME and not place_of(name) else None


_BREAKDOWN_OPENER = re.compile(r"(?:^|[，。；])(?:分|按)[\u4e00-\u9fff]{1,6}(?:看|来看|分)[，,：:]")


def _whole_broken_down(sentence: Sentence, before: str, out: list[Fact], earlier: list[Fact]) -> str | None:
    """分经济类型看，…: the indicator of the whole the parts break down — the last one with a measure
    stated before it in the sentence (采矿业增加值增长4.1%，制造业增长5.5%) or in the paragraph."""
    if ("分" not in before and "按" not in before) or not (opener := _BREAKDOWN_OPENER.search(before)):
        return None
    own = [f for f in out if f.quantity_start - f.evidence_start > opener.start()]
    whole = next((f.indicator for f in reversed(own) if measure_word(f.indicator)), None)
    if whole or own:
        return whole
    told = sentence.told.texts[: sentence.index]
    for fact in reversed(earlier[-RECENT:]):
        if not any(fact.evidence in t for t in told):
            return None  # no further back than the paragraph
        if measure_word(fact.indicator):
            return fact.indicator  # (the parts before, 股份制企业增加值, are of it too)
    return None


def _years_to(period: Period | None, reference: str | None) -> Period | None:
    """到2028年 for a yearly average: the years from publication to the horizon (from the next
    year for a plan published in the last quarter, as plans for the coming years are)."""
    pub = parse_published(reference)
    if not (period and period.until and period.end and pub):
        return None
    first = pub[0] + 1 if pub[1] >= 10 else pub[0]
    if int(period.end[:4]) <= first:
        return None
    return Period(f"{first}-01", period.end, span=True)


def _measure_of_counted(indicator: str) -> str:
    """GDP增速高于全国平均水平的省份 -> GDP增速: after a count of the places that changed, their own
    numbers (其中西藏、甘肃增速分别达到…) measure what changed, not the count."""
    m = _COUNTED_CHANGE.match(indicator)
    return m.group(1) if m else indicator


_COUNTED_CHANGE = re.compile(
    rf"(.+?)(?:实现|保持)?正?(?:{_UNITS_CHANGED.pattern}).*的(?:{_COUNTED_UNIT_WORDS}|[市省区县])$"
)


def _compared(previous: list) -> str:
    """The indicator a comparison compares: the last one stated, unless that is itself a
    comparison of the one before it."""
    last = previous[-1].indicator
    if len(previous) > 1:
        rest = last.removeprefix(previous[-2].indicator)
        if rest != last and rest.startswith(_RELATIVE_OPENERS):
            return previous[-2].indicator
    return last


def _is_label(phrase: str) -> bool:
    """The phrase is nothing but a place's name (华东, 长江三角洲经济区)."""
    spans = place_spans(phrase)
    return bool(spans) and spans[0][0] == 0 and spans[-1][1] == len(phrase) and len(spans) == 1


_RELATIVE_OPENERS = (
    "影响",  # 食品价格下降0.3%，影响CPI下降约0.09个百分点: the contribution of the item before
    "持平",
    "上涨的",
    "下降的",
    "仅为",
    "相当于",
    "占",
    "拉动",
    "高出",
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
    "比",
    "恢复",
)


_MULTIPLE_OF = ("是", "为", "相当于")
# A list of places and their numbers opens with these: 排名前五的城市分别是上海5.67万亿元、北京….
_LIST_OPENERS = r"分别是|分别为|依次是|依次为|依次"
_LIST_OPENER = re.compile(rf"(?:{_LIST_OPENERS})[：:]?")
_PLACE_LABEL = re.compile(rf"(?:{_LIST_OPENERS}|、)[：:]?([\u4e00-\u9fff]{{2,8}})$")
_TOTAL_BEFORE = re.compile(r"(总数|总量|累计|总计)(?:已)?(?:达到|达|为|超过|超|突破)?$")
_NEW_VERB = re.compile(r"新增|新培育|新认定|新引进|新建|新设立|新设|新开工|新签约")
_LEVEL_WORDS = ("国家级", "省级", "市级", "区级", "县级", "部级")


# An average over people, land or households names the unit's denominator: 人均可支配收入 is CNY/person.
_AVERAGES = {"人均": "person", "亩均": "mu", "户均": "enterprise"}


def _per_unit(unit: str, indicator: str) -> str:
    """每百元营业收入成本 81.5元 is CNY per 100 CNY: the 每… of the indicator is the unit's denominator."""
    if "/" in unit or unit in ("%", "pp", "x", "year", "day", "hour", "min"):
        return unit  # 人均预期寿命82.5岁 is an age, not years per person
    # (Each of _AVERAGES ends in 均, which most indicators do not hold.)
    average = "均" in indicator and next((per for word, per in _AVERAGES.items() if word in indicator), None)
    if average:
        return f"{unit}/{average}"
    m = _PER.search(indicator)
    if not m:
        return unit
    try:
        return f"{unit}/{canonical_per(m.group(1) or m.group(2))}"
    except UnknownUnit:
        return unit


@cache
def _measure_words(key: str) -> tuple[str, ...]:
    return tuple(word_list("measures", key))


def _counter_unit(unit: str, indicator: str, unit_text: str = "") -> str:
    """个/项 count projects when the noun is a 项目, firms when it is a 企业 or 工厂; 户 counts firms
    when the noun is one (经营主体, 个体工商户); 家 and 架 count platforms, centres and racks as items."""
    if unit == "item" and indicator.endswith("项目"):
        return "project"
    if unit == "item" and indicator.endswith(_measure_words("firm_nouns")):
        return "enterprise"
    if (
        unit == "person"
        and unit_text.endswith("户")
        and any(w in indicator for w in _measure_words("firm_households"))
    ):
        return "enterprise"
    if unit in ("enterprise", "aircraft") and indicator.endswith(_measure_words("item_nouns")):
        return "item"  # 5家创新中心; 机架25万架 (架 counts racks as well as aircraft)
    return unit
