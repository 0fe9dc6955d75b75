"""Lists of subjects and numbers: 分别 pairs the k-th number with the k-th subject; 均 gives one fact
per subject of a number that applies to several."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extractors.measures import names_measure
from extractors.phrases import trim
from extractors.regions import place_spans
from extractors.rulebook import rules, word_list
from indicators.model import Fact

_LIST_MARK = re.compile(r"[、和与及]")
_EACH = re.compile(r"[均各](?:达到|达|为|超过|超|在|保持)?$")  # 均达到: one number for each subject

_PLACE_PARTS = ("核心区", "全域", "全市", "全省", "郊区", "中心城区", "新城", "城区")


@cache
def _measure_heads() -> tuple[str, ...]:
    """The measure words of rules/measures.yaml (规模, 利用率…), longest first."""
    return tuple(sorted(word_list("measures", "heads"), key=len, reverse=True))


_COLLECTIVE = re.compile(r"合计|共计|总计|总体|[两三四五六七八九十]大|整体|全部")


def _rates_of_a_list(fact: Fact, before: str) -> bool:
    """A、B、C用电增速超过30%: a bound on a rate said of three items or more, or a multiple said of
    a list, with no word making them one whole (合计, 三大…), is said of each."""
    bound_rate = (
        fact.measure == "growth" and fact.qualifier == "lower_bound" and fact.indicator.count("、") >= 2
    )
    # 专利拥有量、“小巨人”企业数量较2020年实现翻番: a multiple said of a list multiplies each.
    multiple = fact.measure == "multiple" and "、" in fact.indicator
    return (bound_rate or multiple) and not _COLLECTIVE.search(fact.indicator + before[-6:])


def split_each(facts: list[Fact]) -> list[Fact]:
    """化肥、农药利用率均达到43%以上: a number that applies to several subjects is one fact per subject."""
    out = []
    for fact in facts:
        before = fact.evidence[: fact.quantity_start - fact.evidence_start]
        if _rates_of_a_list(fact, before):
            parts = fact.indicator.split("、")  # 住宿和餐饮业 is one item
        else:
            each = _EACH.search(before)
            parts = [p for p in _LIST_MARK.split(fact.indicator.removesuffix("均")) if p] if each else []
            if len(parts) < 2:
                out.append(fact)
                continue
        last = parts[-1]
        out.extend(replace(fact, indicator=part + _shared_tail(part, last)) for part in parts[:-1])
        out.append(replace(fact, indicator=last))
    return out


def _sector_end(part: str, last: str) -> tuple[int, str | None]:
    """Where the sector the last item names ends (住宿和餐饮业、批发和零售业用电增速: after 零售业),
    and the measure word it ends on."""
    head = next((h for h in _measure_heads() if last.endswith(h) and not part.endswith(h)), None)
    return (last.rfind("业", 0, len(last) - len(head)) if head else -1), head


def _shared_tail(part: str, last: str) -> str:
    """What an item of a list lacks that the last item says for all of them."""
    sector_end, head = _sector_end(part, last)
    if sector_end >= 0:
        # 住宿和餐饮业、批发和零售业用电增速 -> 用电增速; 设计业、…封测业实现销售收入 -> 销售收入
        return trim(last[sector_end + 1 :]) or last[sector_end + 1 :]
    if head and part.endswith("业"):
        return head  # 第一、二、三产业和居民生活用电: a sector takes the measure the last item ends on
    if part.endswith(_measure_heads()):
        return ""  # the item ends on a measure of its own
    if head:
        return head  # 人工智能计算机、人工智能新终端规模 -> 规模; 新能源汽车、…产量 -> 产量
    if names_measure(part):
        return ""  # 高价值发明专利拥有量、“小巨人”企业数量: the item names its own measure
    return last[len(part) :]  # 化肥、农药利用率 -> 利用率: as many characters as the item lacks


_ALL = re.compile(r"(?:都|均|全部)(?:高达|达到|达|为|超过|超|在|保持|实现)?$")


def split_places(facts: list[Fact]) -> list[Fact]:
    """浙江、江西、吉林…增长率都高达15%以上: a number said of a list of places is one fact per place."""
    out = []
    for fact in facts:
        before = fact.evidence[: fact.quantity_start - fact.evidence_start]
        every = _ALL.search(before, max(0, len(before) - 6))
        places = _place_list(before) if every else _places_with_a_bounded_rate(fact, before)
        if len(places) < 2:
            out.append(fact)
            continue
        indicator = _COUNT_OF_PLACES.sub("", fact.indicator)  # 广东、江苏、山东三省GDP均超过…: GDP
        out.extend(replace(fact, entity=p, indicator=indicator) for p in places)
    return out


_RATE_BEFORE_NUMBER = re.compile(r"(?:增速|增幅|增长率|增长)(?:超过|超|高于|达到|达|在|为)?$")


def _places_with_a_bounded_rate(fact: Fact, before: str) -> list[str]:
    """其中常州、盐城增速超过10%: a bound on a rate right after a list of places bounds each place's."""
    if fact.qualifier not in ("lower_bound", "upper_bound"):
        return []
    m = _RATE_BEFORE_NUMBER.search(before, max(0, len(before) - 8))
    if not m or _COLLECTIVE.search(before[-12:]):
        return []
    head = before[: m.start()]
    places = _place_list(head)
    return places if places and head.endswith((places[-1], places[-1] + "市", places[-1] + "省")) else []


def _place_list(text: str) -> list[str]:
    """The last run of places joined by 、/和 in text: …浙江、江西、吉林表现… -> [浙江, 江西, 吉林]."""
    run: list[tuple[int, int, str]] = []
    best: list[str] = []
    for span in place_spans(text):
        if run and re.fullmatch(r"[、和与及]|省[、和与及]|市[、和与及]", text[run[-1][1] : span[0]]):
            run.append(span)
        else:
            run = [span]
        if len(run) >= 2:
            best = [name for _, _, name in run]
    return best


_ORDINALS = re.compile(r"第([一二三四五六七八九十])((?:、[一二三四五六七八九十])+)(产业|季度|批|产业)")


def _expand_ordinals(phrase: str) -> str:
    """第一、二、三产业 -> 第一产业、第二产业、第三产业: an abbreviated list of ordinals."""

    def expand(m: re.Match) -> str:
        numbers = [m.group(1), *m.group(2).split("、")[1:]]
        return "、".join(f"第{n}{m.group(3)}" for n in numbers)

    return _ORDINALS.sub(expand, phrase)


def split_respectively(facts: list[Fact], text: str) -> list[Fact]:
    """新能源和高端装备产业…增幅分别达12.9%和11.1%: the k-th number belongs to the k-th subject."""
    if "分别" not in text or len(facts) < 2:
        return facts
    out = [replace(f, indicator=_expand_ordinals(f.indicator)) for f in facts]
    i = 0
    while i < len(out):
        # A run of numbers of one indicator and one measure: 规模分别达到…亿元、…亿元, then 分别增长…%、…%.
        j = i
        while j + 1 < len(out) and (out[j + 1].indicator, out[j + 1].measure) == (
            out[i].indicator,
            out[i].measure,
        ):
            j += 1
        parts = _collective_parts([p for p in _LIST_MARK.split(out[i].indicator) if p])
        pair = _pair_parts(parts[0]) if len(parts) == 1 else None
        if pair and j > i + 1 and (j - i + 1) % 2 == 0 and text.count("分别") * 2 >= j - i + 1:
            # 产销…环比分别增长a和b，同比分别增长c和d: each 分别 hands out the pair again.
            parts = pair * ((j - i + 1) // 2)
        elif pair and j == i + 1:
            parts = pair  # 产销分别完成…和…: 产量, 销量
        # 上海核心区与全域供电可靠率分别…: the list names places, the indicator is shared.
        places = any(p.startswith(_PLACE_PARTS) for p in parts)
        if j > i and len(parts) == j - i + 1 and not places:
            for k in range(i, j + 1):
                out[k] = replace(out[k], indicator=parts[k - i])
        i = j + 1
    return _places_respectively(_indicators_respectively(out, text), text)


def _pair_parts(indicator: str) -> list[str] | None:
    """新能源汽车产销 -> [新能源汽车产量, 新能源汽车销量]: the two measures a pair word names."""
    pairs = rules("phrases")["pairs"]
    for word in sorted(pairs, key=len, reverse=True):
        if word in indicator:
            return [indicator.replace(word, one, 1) for one in pairs[word]]
    return None


_COLLECTIVE_WORD = re.compile(r"[两二三四五六七八九十]大(?=[\u4e00-\u9fff])")


def _collective_parts(parts: list[str]) -> list[str]:
    """集成电路、生物医药、人工智能三大产业规模 -> 集成电路产业规模, 生物医药产业规模, 人工智能产业规模:
    the words after 三大 in the last item are what each item measures."""
    if len(parts) < 2:
        return parts
    last = parts[-1].replace("分别", "")  # 太阳能电池分别出口 -> 太阳能电池出口
    m = _COLLECTIVE_WORD.search(last)
    if not m or m.start() == 0:
        # 集成电路、笔记本电脑、太阳能电池出口: the measure the last item names is each one's, and the
        # last item's own verb goes too (封测业实现销售收入 -> 封测业销售收入).
        items = [p + _shared_tail(p, last) for p in parts[:-1]]
        sector_end, _ = _sector_end(parts[0], last)
        return items + [last[: sector_end + 1] + _shared_tail(parts[0], last) if sector_end >= 0 else last]
    tail = last[m.end() :]
    return [p + tail for p in parts[:-1]] + [last[: m.start()] + tail]


def _indicators_respectively(facts: list[Fact], text: str) -> list[Fact]:
    """营业收入4.5万亿元，利润总额2600亿元，分别同比增长3.2%和5.6%: the k-th number after 分别 measures
    the k-th indicator stated before it, when as many were stated as there are numbers."""
    out = list(facts)
    for m in re.finditer("分别", text):
        before = [k for k, f in enumerate(out) if f.quantity_end - f.evidence_start <= m.start()]
        run = _run_after(out, m.start(), lambda f: f.indicator)
        if not before or not run:
            continue
        stated = list(dict.fromkeys(out[k].indicator for k in before))
        if len(_place_list(text[max(0, m.start() - 12) : m.start()])) == len(run):
            continue  # 甘肃、湖北分别增长…: the numbers are the places', of one indicator
        # …，分别高于全省平均3.2个和5.4个百分点: the run may add the comparison to the last one stated.
        shared = out[run[0]].indicator
        if len(run) >= 2 and len(stated) == len(run) and shared.startswith(stated[-1]):
            for k, indicator in zip(run, stated, strict=True):
                out[k] = replace(out[k], indicator=indicator + shared[len(stated[-1]) :])
    return out


def _run_after(facts: list[Fact], pos: int, key) -> list[int]:
    """The indices of the facts right after sentence offset pos that share the first one's key,
    consecutive: the numbers a 分别 at pos hands out."""
    after = [k for k, f in enumerate(facts) if f.quantity_start - f.evidence_start > pos]
    run = after[:1]
    for k in after[1:]:
        if k != run[-1] + 1 or key(facts[k]) != key(facts[run[0]]):
            break
        run.append(k)
    return run


# 三地, 三个区的… (or, its count read as a number, 区的…): the places counted before the measure.
_COUNT_OF_PLACES = re.compile(r"^(?:[两二三四五六七八九十]+个?[地省市区国城]的?|[省市区县]的)")


def _members_named(text: str) -> list[str]:
    """京津冀三地…分别为a、b、c: the members of the last grouping named (rules/regions.yaml
    grouping_members), in the order its name gives them."""
    spans = place_spans(text)
    members = rules("regions")["grouping_members"]
    return list(members.get(spans[-1][2], ())) if spans else []


def _places_respectively(facts: list[Fact], text: str) -> list[Fact]:
    """上海、北京、深圳三地…规模分别达到1200亿元、2800亿元和1600亿元: the k-th number after 分别 is
    the k-th place's, when the places before it are as many as the numbers of one indicator."""
    out = list(facts)
    for m in re.finditer("分别", text):
        run = _run_after(out, m.start(), lambda f: (f.indicator, f.entity, f.measure))
        places = _place_list(text[: m.start()]) or _members_named(text[: m.start()])
        if len(run) >= 2 and len(places) == len(run):
            for k, place in zip(run, places, strict=True):
                out[k] = replace(out[k], entity=place, indicator=_COUNT_OF_PLACES.sub("", out[k].indicator))
    return out
