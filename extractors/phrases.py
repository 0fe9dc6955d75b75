"""The indicator phrase of a quantity: the shortest faithful noun phrase the number measures.

地区生产总值5.67万亿元 reads leftwards (上海实现 trimmed); 培育20家知识产权服务龙头机构 reads rightwards;
同比增长5.4% has no noun of its own and takes the indicator before it in the sentence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extractors.measures import class_nouns, names_measure
from extractors.periods import may_state_time, time_chars, time_pattern
from extractors.quantities import find_quantities
from extractors.regions import opening_place_end, zone_after
from extractors.rulebook import alternation, any_of, rules, word_list

MAX_PHRASE = 30
RECENT = 50  # how many facts back a bare head looks for the indicator it stands for
_BOUNDARY = re.compile(r"[，。；：、,;:！？（）()]|和|及|以及|与|或")
_RIGHT_END = re.compile(r"[，。；：,;:！？]")


@cache
def _lead() -> re.Pattern:
    return any_of("phrases", "lead")


@cache
def _lead_letters() -> frozenset[str]:
    """The letters the leading words start with."""
    return frozenset(w[0] for w in word_list("phrases", "lead"))


@cache
def _trail() -> re.Pattern:
    """A trailing word, longest first: 同比增长 before 增长. The 比 of 占比 and 之比 and the 均 of 平均 stay
    (研发人员占比 names a share; 平均 is trimmed whole), where …比 alone ends a comparison (较上年比)
    and 均 alone an each (均达到); the 约 of 签约 is no 约 of a number."""
    return re.compile(
        f"(?!(?<=[占之])比$|(?<=平)均$|(?<=许)可$|(?<=签)约$)(?:{alternation(word_list('phrases', 'trail'))})$"
    )


@cache
def _longest_trail() -> int:
    return max(len(w) for w in word_list("phrases", "trail"))


@cache
def _trail_ends() -> frozenset[str]:
    """The last letters of the trailing words, and the line end `$` matches before."""
    return frozenset(w[-1] for w in word_list("phrases", "trail")) | {"\n"}


@cache
def _relative() -> frozenset[str]:
    return frozenset(word_list("phrases", "relative"))


def _right_stop() -> re.Pattern:
    return any_of("phrases", "right_stop")


@lru_cache(maxsize=4096)
def trim(phrase: str) -> str:
    """Drop time words, places, verbs and qualifiers from both ends of a phrase (a phrase is trimmed
    again for each number and clause that reads it, hence the cache)."""
    phrase = _drop_times(phrase)
    numbering = _NUMBERING.match(phrase)  # 01交付新船, ·交付新船
    if numbering:
        phrase = phrase[numbering.end() :]
    if "]" in phrase or "〕" in phrase or "］" in phrase:
        phrase = _FOOTNOTE.sub("", phrase)  # 年末全国人口[5]: a bulletin's note mark
    if phrase.startswith("【"):
        phrase = _LABEL.sub("", phrase)  # 【数据】全市…: a label before the text
    for _ in range(20):
        before = phrase
        phrase = phrase.strip(" \t，,、")
        # ▶, ●, ✅: a list mark, no word (a letter or a digit, a word character, opens none)
        bullet = _BULLET.match(phrase) if phrase and not phrase[0].isalnum() else None
        if bullet:
            phrase = phrase[bullet.end() :]
        end = opening_place_end(phrase, 8)
        # 上海规上工业总产值 -> 规上工业总产值, but 世界级, 全国首个 stay: there the place is an adjective.
        if end and end < len(phrase) and phrase[end] not in "级一首领性":
            phrase = phrase[end:]
            # 张江科学城已集聚…: the zone goes with its place (上海核心区与全域… lists parts: kept)
            zone = zone_after().match(phrase)
            if zone and zone.end() < len(phrase) and phrase[zone.end()] not in "与和、及":
                phrase = phrase[zone.end() :]
        # Matched only when the phrase opens on a letter a leading word opens with.
        lead = _lead().match(phrase) if phrase[:1] in _lead_letters() else None
        # 《药品经营许可证》持证企业 keeps its title, “绿色伙伴”队伍 its quoted name; 最终消费支出 is the
        # statistics' own term.
        kept = (
            lead is None
            or (lead.group(0) in _OPENING_MARKS and _OPENING_MARKS[lead.group(0)] in phrase)
            or phrase.startswith("最终消费")
        )
        if not kept:
            phrase = phrase[lead.end() :]
        # Only the end can hold it, and only when it ends on the last letter of a trailing word.
        ends = phrase[-1:] in _trail_ends()
        trail = _trail().search(phrase, max(0, len(phrase) - _longest_trail())) if ends else None
        if trail:
            cut = phrase[trail.start() :]
            phrase = phrase[: trail.start()]
            if cut.startswith("”") and phrase.count("“") > phrase.count("”"):
                phrase += "”"  # 占…“三大奖”总数的: the quoted name keeps its closing mark
        if phrase == before:
            break
    # 规上工业企业实现营业收入: what they earned, not the verb.
    verb = phrase.find("实现", 1)
    if verb > 0 and names_measure(phrase[verb + 2 :]):
        phrase = phrase[:verb] + phrase[verb + 2 :]
    return phrase


_OPENING_MARKS = {"《": "》", "“": "”"}  # a mark opening a phrase, kept when its closing mark follows
_HAN_GAP = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])(?!.*[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff])"
)
# Marks that open a line of a list or a card (▶ ● ✅ ▍ ★ ◆ ■ →): anything but a word, a number, a
# quote or a bracket.
_BULLET = re.compile(r"^[^\w“”‘’\"'《（(「【\[\-－—+]+")
_LABEL = re.compile(r"^【[^】]{0,10}】")
_FOOTNOTE = re.compile(r"[\[〔［]\d{1,2}[\]〕］]")
_GENERIC_AFFIXES = re.compile(
    r"(?:[“\"]?十[一二三四五六]五[”\"]?)?(?:产业|行业|全行业|全年|年度)?(.*?)(?:目标|任务)?"
)
# 01交付新船, ·交付新船, （三）: a label before the text; 65岁以上老年人口 opens with a quantity, not a label.
_NUMBERING = re.compile(
    r"^(?:[\d·•\s.、]+(?![岁个家项台套辆艘万亿千百元吨人年月日天])|[（(][一二三四五六七八九十\d]+[）)])(?=[\u4e00-\u9fff])"
)
# 五年间, 近三年来, 近年来, 连续十年: a span of years is a time, not a part of what is measured.
_SPAN_WORDS = re.compile(
    r"连续[一二两三四五六七八九十几\d]+年|(?:近(?:[一二两三四五六七八九十几\d]+|些|几)?|[一二两三四五六七八九十几\d]+)年(?:间|来|内|以来|$)"
)


def _drop_times(phrase: str) -> str:
    """Take the time expressions out of a phrase, with the word that makes one an end date
    (2025年的出货量 -> 出货量; 到2025年全省制造业比重 -> 全省制造业比重; 五年间 -> '')."""
    if not may_state_time(phrase):
        return phrase
    phrase = _dated().sub("", phrase)
    return _SPAN_WORDS.sub("", phrase)


@cache
def _dated() -> re.Pattern:
    # Not 于: 高于年度目标 keeps 高于.
    until = [w for w in word_list("periods", "until") if w != "于"]
    # The lookahead of the characters either can start with keeps the engine's fast skip.
    first = re.escape("".join(sorted({w[0] for w in until} | set(time_chars()))))
    # Not the 至 of a verb (增至2025年的1.6万家: 增至 stays, for the trail to take whole).
    return re.compile(f"(?=[{first}])(?:(?<![增降升])(?:{alternation(until)}))?(?:{time_pattern().pattern})")


def ends_with_verb(text: str) -> bool:
    """实现了约, 积累超过: the words right before a number end with a verb (and 了, a bounding word)."""
    return _verb_end().search(text) is not None


@cache
def _verb_end() -> re.Pattern:
    verbs = alternation(word_list("phrases", "verbs"))
    return re.compile(rf"(?:{verbs})了?(?:约|近|超过|超|逾|达|共)?$")


@cache
def scopes() -> tuple[str, ...]:
    """The parts of a whole a measure is given for (rules/phrases.yaml scopes)."""
    return tuple(word_list("phrases", "scopes"))


def is_verb(phrase: str) -> bool:
    """形成, 认定两批: a verb (with a measure word) where a noun should be."""
    m = _verb_start().match(phrase)
    return bool(m) and len(phrase) <= m.end() + 2


def is_bare_verb(phrase: str) -> bool:
    """形成, 认定两批, 建成了: a verb with no noun of its own; 新增托位 is a verb and the noun it counts."""
    if not is_verb(phrase):
        return False
    rest = phrase[_verb_start().match(phrase).end() :]
    return not rest or (rest[0] in _AFTER_A_BARE_VERB and not rest.startswith(_NOUNS_OPENING_SO))


_AFTER_A_BARE_VERB = "了一二两三四五六七八九十几多数批为成出有到至个项家"
# Nouns that open with one of those letters: 签约项目 is a verb and the noun it counts.
_NOUNS_OPENING_SO = ("项目", "个人", "家庭", "成果", "出口", "有效")


@cache
def _verb_start() -> re.Pattern:
    return any_of("phrases", "verbs")


def is_relative(phrase: str) -> bool:
    """增速, 占比 …: says how the number relates, not what it measures."""
    return not phrase or phrase in _relative() or len(phrase) < 2


def opens_relative(phrase: str) -> bool:
    """增速为近四年最快: the phrase opens with a word that refers to a measure already named."""
    return phrase.startswith(_relative_words())


@cache
def _relative_words() -> tuple[str, ...]:
    return tuple(_relative())


def left_phrase(before: str) -> str:
    """The noun phrase ending right before a number: the clause text after the last boundary
    and after any other number (从近600亿元跃升到近800亿元 -> '' for the second)."""
    parts = _CLAUSE_MARKS.split(before)
    text = parts[-1] if parts else before
    gap = _HAN_GAP.search(text) if " " in text or "\u3000" in text else None
    if gap:  # 01 产业规模再创新高 全年实现营业收入…: a run-together heading ends at the gap
        text = text[gap.end() :]
    text = _drop_times(text)
    quantities = find_quantities(text)
    if quantities:
        last = quantities[-1]
        if last.unit_text == "岁" and last.role == "high" and _HAN.match(text, last.end):
            text = text[last.start :]  # 16—24岁劳动力失业率: the ages are the class of who is measured
        elif last.qualifier in ("lower_bound", "upper_bound") and _THRESHOLD_OF_NOUN.match(text, last.end):
            # 年产值10亿元以上制造业企业100家: the bound is the class of what is counted, a part of its name.
            text = text[quantities[-2].end if len(quantities) > 1 else 0 :]
        else:
            bound = QUALIFIER_LEFT.match(text, last.end)  # 8000万亩以上、粮食产量
            text = text[bound.end() if bound else last.end :]
    # 车辆150余车次、监测设备300余套次: the item before had its own number. Looked for only where it
    # can change the phrase kept (its 、 in the last MAX_PHRASE characters): long clauses stay linear.
    text = text[-(MAX_PHRASE + 6) :]
    item = _AFTER_COUNTED_ITEM.search(text)
    if item:
        text = text[item.end() :]
    return trim(text[-MAX_PHRASE:])


# The bounding word after a number (8000万亩以上、…), which the words after it do not include.
QUALIFIER_LEFT = re.compile(r"及以上|以上|以下|以内|左右|之多")
# What follows a bound that names a class of firms or projects and ends the phrase: 以上制造业企业, 的企业;
# or any noun right after 以上/以下 (3岁以下婴幼儿托位数).
_THRESHOLD_OF_NOUN = re.compile(
    rf"(?:(?:以上|以下|及以上)?的?[\u4e00-\u9fff]{{0,6}}?(?:{class_nouns()})|(?:以上|以下|及以上)[\u4e00-\u9fff]{{2,10}}?)"
    r"(?:数量|数)?(?:达到|达|超过|超|为|有)?$"
)
# The end of a list item that had a number of its own (in a unit not read as one): 150余车次、
_AFTER_COUNTED_ITEM = re.compile(r"\d[^\d、]{0,4}、(?=[^、\d]*$)")


_PREDICATE = re.compile(
    r"^(?:提升|提高|增长|增加|增至|达到|达|下降|降至|降低|减少|为|是|占|同比|较|比|上升|扩大)"
)
# A ship's or a building's size inside a noun phrase is its specification (2艘17.5万立方米LNG运输船).
_SPEC = re.compile(r"[\d.]+[万亿]?(?:立方米|平方米|方|吨|TEU|标准箱|千瓦|英寸|米)|^[+＋]\d+[\u4e00-\u9fff]")
# Nouns that are the thing counted even when a 的-phrase follows: 200个国家及地区的个人用户.
_COUNTED_BEFORE_DE = ("国家", "地区", "城市", "省份", "行业", "领域", "用户")
_BARE_COUNTED = tuple(word_list("measures", "class_nouns"))
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_MARKS = re.compile(r"[，。；：,;:！？]|…+")  # an ellipsis leaves words out: a boundary
# The next item of a list: a mark before another number, or 以及 (800多家航企以及…20多家机构).
_NEXT_ITEM = re.compile(r"[、和及与](?=[^、的]{0,6}?(?:\d|数[十百千万]|近|超|约|逾))|以及")
_NEXT_NUMBER = re.compile(
    r"(?<![第\d.])\d+(?:\.\d+)?[多余]?(?=[万亿千百个家项台套辆艘架人名%元吨座条款份件次户所批])"
)


@lru_cache(maxsize=4096)
def right_phrase(after: str) -> tuple[str, str]:
    """(indicator, head noun) read rightwards from a counted number (asked twice of most: the noise
    check and the indicator read the same words, hence the cache).

    家知识产权服务龙头机构、… -> 知识产权服务龙头机构; 家企业开展工业控制系统安全评估 -> (开展工业控制系统安全评估企业, 企业);
    艘17.5万立方米LNG运输船建造合同 -> LNG运输船建造合同 (the ship's size is its specification).
    """
    if after.startswith("、"):
        return "", ""  # 每年1000颗、应用终端…: the next item follows; what is counted was named before
    m = _RIGHT_END.search(after)
    text = after[: m.start()] if m else after
    text = _drop_times(text)
    # The next list item starts at the next number or bound: 2个平台、培育40个…; 企业、近400家….
    if _PREDICATE.match(text):
        return "", ""  # 850万条提升至950万条: a verb follows, the noun was before the number
    item = _NEXT_ITEM.search(text)
    if item:
        rest, text = text[item.end() :], text[: item.start()]
        grade = rest.rfind("级")
        if text.endswith("级") and len(rest) - grade > 2 and grade >= 0:
            # 3家国家级、12家省级和40家市级企业技术中心: a count naming only a grade counts the noun
            # the list ends on, after its last grade.
            text += rest[grade + 1 :]
    text = _SPEC.sub("", text)
    # The next number belongs to the next item; a digit inside a name (国产1类新药) does not.
    digit = _NEXT_NUMBER.search(text)
    if digit:
        text = text[: digit.start()]
    text = text[:MAX_PHRASE]
    # 20家左右功能齐全、开放共享的市级中试平台: the head noun follows the last 的 …
    if "的" in text:
        before_de, after_de = text.rsplit("的", 1)
        after_de = trim(after_de)
        # … unless the words before 的 are the thing counted (200个国家及地区的个人用户).
        if (
            before_de.endswith(_COUNTED_BEFORE_DE)
            or not after_de
            or is_verb(after_de)
            or is_relative(after_de)
        ):
            text = before_de
        elif after_de not in _BARE_COUNTED:
            text = after_de
        # else 800多家具有绿色属性的企业: a bare 企业 after 的 keeps the words saying which firms
    stop = _right_stop().search(text)
    if stop and stop.start() > 0:
        head = trim(text[: stop.start()])
        return trim(text[stop.start() :]) + head, head
    phrase = trim(text)
    return phrase, phrase


@cache
def _head_families() -> dict[str, tuple[str, ...]]:
    """Each generic head -> the heads of its family (营业收入 -> 营收, 营业收入, 收入 …)."""
    out: dict[str, tuple[str, ...]] = {}
    for words in rules("phrases")["generic_heads"].values():
        for word in words:
            out[word] = tuple(words)
    return out


@cache
def _head_endings() -> tuple[str, ...]:
    """How a phrase _GENERIC_AFFIXES reads a generic head from ends: the head, perhaps with 目标/任务."""
    heads = tuple(_head_families())
    return heads + tuple(head + goal for head in heads for goal in ("目标", "任务"))


def ends_in_a_head(phrase: str) -> bool:
    """The phrase ends in a generic head (营业收入, 产值): named_before may name it."""
    return phrase.endswith(_head_endings())


def named_before(phrase: str, *earlier: list) -> str | None:
    """The indicator a bare head (营业收入) stands for: the last one of the earlier facts (lists, oldest
    first) whose indicator ends in its family."""
    if not phrase.endswith(_head_endings()):
        return None  # most phrases: no generic head ends them (the pattern below reads them whole)
    # 产业营收目标, 全年营业收入: the industry and the goal are the article's; the head is what counts.
    family = _head_families().get(_GENERIC_AFFIXES.fullmatch(phrase).group(1))
    if not family:
        return None
    recent = [f for facts in earlier for f in facts[-RECENT:]][-RECENT:]  # bounded: no quadratic paragraphs
    return next(
        (f.indicator for f in reversed(recent) if f.indicator != phrase and f.indicator.endswith(family)),
        None,
    )
