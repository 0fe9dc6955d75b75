"""What is not a fact (FACTS.md): subsidy caps, thresholds, structure, attendance, specs, names."""

from __future__ import annotations

import re
from functools import cache

from extractors.measures import class_nouns
from extractors.quantities import Quantity
from extractors.rulebook import alternation, any_of, word_list

COUNT_UNITS = {
    "enterprise",
    "item",
    "project",
    "unit",
    "vehicle",
    "ship",
    "aircraft",
    "person",
    "person_time",
}
_NOUN_START = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# Words that may follow a quantity that is the predicate of its clause (…5.67万亿元，同比增长…).
_PREDICATE_FOLLOWERS = re.compile(
    r"^(?:多(?=[，。；、”）)]|$)|至|到|等|以内|以下|同比|比上年|较上年|较|比|增长|下降|增|减|占|和|及|与|或|的|用于|人民币|规模|以上|左右|之多|水平|大关|量级|"
    r"其中|为|是|居|位居|排名|稳居|继续|仍|依然|再度|领跑|创|再创|实现|完成|成为|同期|年均|提升|提高|上升|下降|降至|增至|升至|回落|扩大|缩小|跃升|攀升|增加|减少|，|。|、|；|（|\(|”|$)"
)


# Fewer than, as an outcome: 还在研发的企业已不足10家.
_SHORT_OF = re.compile(r"(?:不足|不到|少于)$")
# A rule's bound right before a number (不超过70平方米的小户型); 超200万台的企业 is an achievement.
_RULE_BOUND = re.compile(r"(?:不超过|不高于|不大于|不少于|不低于|不小于|最多|最少|至少)$")
# The last letters of its words (and the line end, which $ matches before).
_RULE_BOUND_ENDS = frozenset("过于多少\n")
_SURVEYED_BEFORE = re.compile(r"[对以][^，。；]{0,20}$")  # 对…开展调查, 以…为研究对象
_ONE_EXAMPLE = re.compile(r"(?:^|[，。；])一(?:块|个|家|座|台|条|位|名)(?:约|近|超|逾)?$")
_BRACKET_CLOSE = re.compile(r"(?:以上|以下|以内)?[）)]")
# A clause that is nothing but three names or more, joined by 、, right before a count of 单位.
_NAMES_LISTED = re.compile(r"[^，。；、\d]{4,}(?:、[^，。；、\d]{4,}){2,}")
_PRODUCT_PRICE = re.compile(r"(?<![平均])(?:售价|起售价|零售价|定价)(?:为|约|仅|仅为)?$")
# In a clause opening with 对 (对…的企业，给予…), numbers before 的+企业… say whom a rule is for.
_QUALIFIED_NOUN = re.compile(rf"的[\u4e00-\u9fff]{{0,8}}(?:{class_nouns()})")
_GRANT = re.compile(r"给予|奖励|补贴|资助|不超过|共支持")
_EVENTS_HELD = re.compile(r"活动(?:约|近|超过|超|逾|共|达到|达|累计)?$")
_BOUND_OF_COUNTED = re.compile(r"的[\d一二两三四五六七八九十]")
_BOUND_BEFORE_NOUN = re.compile(r"(?:及)?(?:以上|以下)[\u4e00-\u9fff“]")
_POLICY_ARTICLES = re.compile(r"(?:政策|措施|举措|意见|办法|规定|条例)(?:共|共计)?$")
_CHAPTERS = re.compile(r"共[\d一二三四五六七八九十]+[章节篇部分]+$")
# 从(虹口全区)4万多家企业中筛选: the set chosen from.
_FROM_BEFORE = re.compile(r"从[\u4e00-\u9fff]{0,8}$")
_CHOSEN_FROM = re.compile(r"[\u4e00-\u9fff]{1,12}?中")
_AMONG = re.compile(r"[\u4e00-\u9fff（）()、]{1,12}?中(?=有|$)")  # 13个设区市中(有…)
# A technology making a process measure shorter or cheaper (让…研发周期缩短, 使…成本降低了), with no
# base of time (同比, 比上年): the gain of one tool or case.
_TOOL_GAIN = re.compile(
    r"(?:使|让|将)[^，。；]{0,12}?(?:周期|成本|时间|时长|人力|效率|良率|故障率|次数|工时)(?:平均)?"
    r"(?:缩短|降低|减少|提升|提高|下降|节省|节约)了?(?:约|近|超|超过)?$"
)
_YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年|年均|[比较](?:19|20)\d\d")
_PER_TIME_NOUN = re.compile(r"/[年天日月][\u4e00-\u9fff]")
# 不少于1000例的数据集, 不少于1000例病例的数据集: a bound, maybe its counted noun, then 的.
_SECTORS = re.compile(r"(?:个)?(?:工业)?(?:大类)?(?:行业|产业|门类)")
# 8个市GDP增速…, 9个区…: a bare 市, 省, 区 or 县 counts places when a measure follows (not 市级, 市场, 区域).
BARE_PLACE = r"[市省区县](?![级场委属区县内外民域])"
_PLACES = re.compile(BARE_PLACE)  # 9个区地区生产总值增速高于…: the places that changed
_BOUND_OF_A_CLASS = re.compile(rf"(?:以上)?的[\u4e00-\u9fff]{{0,6}}(?:{class_nouns()})")
_BOUND_NOUN_DE = re.compile(r"[\u4e00-\u9fff]{0,3}?的[\u4e00-\u9fff]")
_DE_PLACE_INSIDE = re.compile(r"的[\u4e00-\u9fffA-Za-z0-9]{2,16}(?:里|内)")


@cache
def _words(key: str) -> re.Pattern:
    return any_of("noise", key)


def _policy_word(text: str) -> bool:
    """A word of a subsidy or rule in text, not inside a word that only contains one (券 in 债券)."""
    if not _POLICY.search(text):
        return False
    return _POLICY.search(_POLICY_NOT.sub("", text)) is not None


def _ends_with(pattern: re.Pattern, text: str, longest: int) -> bool:
    """Whether `pattern` (ending in $, no match longer than `longest`) matches at the end of `text`:
    searched for in its last characters only (and a line end, which $ matches before)."""
    return pattern.search(text, max(0, len(text) - longest - 1)) is not None


@cache
def _story_words() -> re.Pattern:
    """Any word of noise.yaml hypothetical, anecdote or conventional (each a list of literal words)."""
    keys = ("hypothetical", "anecdote", "conventional")
    return re.compile(alternation([w for key in keys for w in word_list("noise", key)], searched=True))


@cache
def _at_end(key: str, linking: str = "") -> re.Pattern:
    return re.compile(rf"(?:{alternation(word_list('noise', key))}){linking}$")


def _last_letters(key: str, linking: str) -> frozenset[str]:
    """The letters a match of _at_end(key, "(?:<linking>)?") ends on, linking being words joined by |
    (and the line end, which $ matches before)."""
    words = word_list("noise", key) + linking.split("|")
    return frozenset(word[-1] for word in words) | {"\n"}


@cache
def _structure() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the words of two letters or more, the one-letter words)."""
    words = word_list("noise", "structure")
    return tuple(w for w in words if len(w) > 1), tuple(w for w in words if len(w) == 1)


def _is_structure(head: str) -> bool:
    """15项具体任务, 6个重点区: the counted noun is a part of a document or a plan, not an activity
    (a one-letter word only ends a short head: 6个区, not 产业园区)."""
    long, short = _structure()
    return head.endswith(long) or (len(head) <= 3 and head.endswith(short))


@cache
def _threshold_after() -> tuple[str, ...]:
    return tuple(word_list("noise", "threshold_after"))


@cache
def _at_start(key: str) -> re.Pattern:
    """A listed word opening the text (5个方面…, 3个方向…)."""
    words = word_list("noise", key)
    long = [w for w in words if len(w) > 1]
    short = [w for w in words if len(w) == 1]
    # A one-character word is not the start of a level word: 6个区 is structure, 29个区级…集群 is not.
    return re.compile(rf"^(?:{alternation(long)}|(?:{alternation(short) or '(?!)'})(?!级))")


# 以 governing a list of amounts: the later ones are by-amounts too, not sizes naming a noun.
# 50%以上的税收, 60%以上的GDP: a percent of a measure, not the bound of a class (…以上的企业).
_SHARE_OF_A_MEASURE = re.compile(rf"(?:及)?(?:以上|以下)的(?![\u4e00-\u9fff]{{0,6}}(?:{class_nouns()}))")
_BY_A_LIST = re.compile(r"以[^，。；以]{0,20}、$")

# The patterns noise_reason reads for every quantity, bound once (a cached builder called with
# arguments hashes them before each search).
_POLICY = _words("policy")
_POLICY_NOT = _words("policy_not")
_POLICY_RIGHT_BEFORE = _at_end("policy_right_before", "(?:给予|可获|为|达)?")
_POLICY_RIGHT_BEFORE_ENDS = _last_letters("policy_right_before", "给予|可获|为|达")
_THRESHOLD_AFTER = _threshold_after()
_THRESHOLD_BEFORE = _at_end("threshold_before", "(?:过|超)?")
_THRESHOLD_BEFORE_ENDS = _last_letters("threshold_before", "过|超")
_OBLIGATION = _words("obligation")
_STORY = _story_words()
_HYPOTHETICAL = _words("hypothetical")
_ANECDOTE = _words("anecdote")
_CONVENTIONAL = _words("conventional")
_MEDIA = _words("media")
_PART_OF = re.compile(r"[，,\s]*其中")
_SPEC = _at_end("spec", ".{0,8}")
_CHANGES = _words("changes")
_STRUCTURE_START = _at_start("structure")
_FOCUS = _at_end("focus", "(?:了|于)?(?:全国|全市|全省)?(?:约|近|超)?")
_SURVEY = _words("survey")
_REACH = _at_end("reach", "(?:了|到|至)?(?:全国|全球|全省)?(?:约|近|超)?")
_REGIONS_COUNTED = _at_start("regions_counted")
_ATTENDANCE = _words("attendance")
_ENTRIES = _words("entries")


def noise_reason(
    q: Quantity, clause_before: str, clause_after: str, sentence_before: str, head: str = ""
) -> str | None:
    """Why the quantity is not a fact, or None when it may be one.

    clause_before/after: the words of its clause around it; sentence_before: its sentence up to it;
    head: the noun a counted number counts (15项具体任务 -> 具体任务).
    """
    after = clause_after
    if clause_before.endswith("第") and ordinal_milestone(clause_before, after):
        return None  # 第900万辆整车下线, 获得的第三份订单: the running total reached, a fact
    counted = q.unit in COUNT_UNITS
    listed = clause_before.endswith("等")  # 中翊日化、雀巢等四家: the total of the names listed
    # Searched only when the clause ends on a letter a match may end on.
    if clause_before[-1:] in _POLICY_RIGHT_BEFORE_ENDS and _POLICY_RIGHT_BEFORE.search(clause_before[-8:]):
        return "policy"  # 最高500万元, 最多1年
    policy = _policy_word(clause_before) or _policy_word(after[:12])
    if policy and (not counted or _GRANT.search(clause_before)):
        return "policy"
    if (
        q.qualifier == "upper_bound"
        and q.role == "single"
        and counted
        and not _SHORT_OF.search(clause_before)
    ):
        return "policy"  # 不超过50项, 最多3个区: a cap in a rule (已不足10家 is an outcome)
    if after.startswith(_THRESHOLD_AFTER) and not (q.unit == "%" and _SHARE_OF_A_MEASURE.match(after)):
        return "threshold"  # (贡献了全市50%以上的税收: a share of the tax, not a class of things)
    if "价" in clause_before[-8:] and _PRODUCT_PRICE.search(clause_before, max(0, len(clause_before) - 8)):
        return "spec"  # 售价3999元: one product's price (平均售价 is an indicator)
    if clause_before.startswith("对") and _QUALIFIED_NOUN.search(after):
        return "threshold"  # 对年营业收入首次突破10亿元、50亿元的企业，给予…: whom a rule is for
    if q.qualifier == "lower_bound" and not counted and _BOUND_OF_A_CLASS.match(after):
        return "threshold"  # 营收超百亿元的链主企业: the bound says which firms
    if (  # searched only when the clause ends on a letter a match may end on (as below)
        clause_before[-1:] in _RULE_BOUND_ENDS
        and _ends_with(_RULE_BOUND, clause_before, 3)
        and _BOUND_NOUN_DE.match(after)
    ):
        return "threshold"  # 不超过70平方米的小户型, 不少于1000例的数据集: a bound that qualifies a noun
    bounded = q.qualifier in ("lower_bound", "upper_bound")
    if bounded and _OBLIGATION.search(sentence_before):
        return "threshold"  # 原则上应…建筑面积不少于3000平方米且不少于50套: a criterion
    if bounded and clause_before.endswith(("（", "(")) and _BRACKET_CLOSE.match(after):
        return "threshold"  # 从土地出让收益（10%以上）中提取: a bracketed criterion
    # One search for the words of three lists, each searched for only when one is there.
    story = _STORY.search(sentence_before) is not None
    if story and _HYPOTHETICAL.search(sentence_before):
        return "hypothetical"  # 如果用于房地产开发，大约能拿到10-20亿元
    # Searched only when 一, which every match has, is in the sentence's last letters.
    if "一" in sentence_before[-5:] and _ends_with(_ONE_EXAMPLE, sentence_before, 4):
        return "anecdote"  # 一块约50亩的建设用地，如果…: one example, its size is the example's
    if story and _ANECDOTE.search(sentence_before):
        return "anecdote"  # 为一家企业定制过一款绑带，成本降低60%: a case, not an indicator
    if (
        q.unit == "%"
        and _ends_with(_TOOL_GAIN, clause_before, 24)
        and not _YEAR_ON_YEAR.search(clause_before)
    ):
        return "anecdote"  # 使客户的维修成本平均降低了30%: what one technology does, not an indicator
    if not counted and q.qualifier in ("lower_bound", "upper_bound") and _BOUND_OF_COUNTED.match(after):
        return "threshold"  # 其中营收超10亿元的10家: the bound says which are counted
    if (
        not counted
        and not q.text.endswith("成")
        and _BOUND_BEFORE_NOUN.match(after)
        and not (q.unit == "%" and _SHARE_OF_A_MEASURE.match(after))
    ):
        return "threshold"  # 10亿元以上项目, 年产值10亿元以上制造业企业
    # Searched only when the clause ends on a letter a match may end on.
    bound = clause_before[-1:] in _THRESHOLD_BEFORE_ENDS and _THRESHOLD_BEFORE.search(clause_before[-6:])
    if (
        bound
        and not _dated_annual(clause_before, bound.group(0))
        and (bounded or not _STATED_SIZE.search(bound.group(0)))
        and not _brought_about(bound.group(0), clause_before, after, sentence_before)
    ):
        return "threshold"
    if _MEDIA.search(clause_before) or _MEDIA.search(after[:8]):
        return "media"
    if _PART_OF.match(clause_before) and _MEDIA.search(
        sentence_before, 0, len(sentence_before) - len(clause_before)
    ):
        return "media"  # 共组织37家企业参展，其中“小巨人”企业22家: a part of the show's exhibitors
    if _SPEC.search(clause_before[-14:]) or (story and _CONVENTIONAL.search(sentence_before)):
        return "spec"
    if (
        q.chinese
        and counted
        and q.number < 100
        and not q.unit_text.startswith(("万", "亿", "千", "百"))
        and not listed
    ):
        return "words"  # 两个方向, 二十多家企业: counts in words describe; 三千多家, 一万五千家 measure
    if counted:
        if _EVENTS_HELD.search(clause_before, max(0, len(clause_before) - 8)):
            return "events"  # 开展主题活动120余项: the events held (FACTS: counts of events are no facts)
        sectors_changed = (_SECTORS.match(after) or _PLACES.match(after)) and _CHANGES.search(after)
        if (
            q.unit == "item"
            and (_is_structure(head) or _STRUCTURE_START.match(after))
            and not sectors_changed
        ):
            return "structure"  # (32个行业增加值保持增长: the count of sectors that grew is a fact)
        if clause_before.endswith(("分为", "包括")) and q.unit == "item" and not sectors_changed:
            return "structure"  # (共有18个省份增速高于全国: a count of the places that did so)
        if q.unit == "item" and _FOCUS.search(clause_before[-8:]):
            return "structure"  # 瞄准10条重点产业链, 聚焦5大领域: what a plan is organised around
        if _CHAPTERS.search(clause_before) or (
            q.unit_text == "条" and _POLICY_ARTICLES.search(clause_before)
        ):
            return "structure"  # 共4章16条, 出台产业政策16条: articles of a document
        if after.startswith("单位") and _NAMES_LISTED.fullmatch(clause_before):
            return "listing"  # 某某管委会、某某中心、某某供应站3家单位…: the count of the names just listed
        if _AMONG.match(after) or (_FROM_BEFORE.search(clause_before) and _CHOSEN_FROM.match(after)):
            return "universe"  # 70个大中城市中，…: the set surveyed, not an outcome
        if _SURVEYED_BEFORE.search(clause_before) and _SURVEY.search(after):
            return "universe"  # 对630家药品批发企业…开展典型调查: the sample of a survey
        reached = _REACH.search(clause_before[-8:])
        if _REGIONS_COUNTED.match(after) and not (_CHANGES.search(after) or reached):
            # 31个省份三季报出炉: the regions looked at; 25个省份增速高于全国, 业务覆盖10个省份 are facts
            return "universe"
        if _ATTENDANCE.search(after) and q.unit in ("person", "person_time", "enterprise", "item"):
            return "attendance"
        if _ENTRIES.search(clause_before[-10:]):
            return "entries"  # 共收到参赛项目860个: a contest's entries
        if q.text.endswith("人") and _NOUN_START.match(after[:1]) and not _PREDICATE_FOLLOWERS.match(after):
            return "attribute"  # 50人论坛, 30人团队
    elif _PER_TIME_NOUN.match(after) and not _PREDICATE_FOLLOWERS.match(after[2:]):
        return "attribute"  # 25万吨/年热塑性弹性体项目: the capacity names the project
    elif (
        q.role != "words"
        and after
        and _NOUN_START.match(after[0])
        and not _PREDICATE_FOLLOWERS.match(after)
        and not clause_before.endswith("以")  # 江苏以13.9万亿元紧随其后: by that amount
        and not _BY_A_LIST.search(clause_before)  # 山东、浙江分别以7.36万亿元、6.52万亿元位列…
        and not crosses_milestone(clause_before, after)
    ):
        # 17.4万立方米LNG运输船, 4万亿元台阶, 100%清洁能源: the quantity describes the noun after it.
        return "attribute"
    if counted and _describes_a_firm().fullmatch(after):
        return "attribute"  # 入围15家领航级智能工厂的宝钢股份: the firm is one of them, not a count
    if _DE_PLACE_INSIDE.fullmatch(after):
        return "attribute"  # 4.2平方公里的某某机器人谷里，…: the size of the place where things happen
    if _inside_quotes(sentence_before):
        return "name"
    return None


def ordinal_milestone(clause_before: str, clause_after: str) -> str | None:
    """第900万辆整车…下线, 今年交付的第10艘船舶: the verb of a running total an ordinal names — after
    the number in its clause, or right before its 的第 — else None (排名第3位 is a rank)."""
    if not clause_before.endswith("第"):
        return None
    verbs = _words("milestone_verbs")
    before = _VERB_DE_ORDINAL.search(clause_before)
    if before and verbs.fullmatch(before.group(1)):
        return before.group(1)
    after = verbs.search(clause_after)
    return after.group(0) if after else None


_VERB_DE_ORDINAL = re.compile(r"([\u4e00-\u9fff]{2})的第$")


def crosses_milestone(clause_before: str, clause_after: str) -> bool:
    """迈上4万亿元台阶, 跨越5万亿元、6万亿元两个台阶: a level crossed (at least the milestone), not a
    size describing the noun after it."""
    if _milestone_ends().isdisjoint(clause_after):
        return False  # most numbers: no milestone word after them
    return (
        _milestone_after().match(clause_after) is not None and _crossing().search(clause_before) is not None
    )


@cache
def _milestone_ends() -> frozenset[str]:
    return frozenset(word[-1] for word in word_list("phrases", "milestones"))


@cache
def _milestone_after() -> re.Pattern:
    return re.compile(
        rf"(?:[、和][^，。；、]{{1,10}}?)*(?:[两三四五六]个)?新?(?:{alternation(word_list('phrases', 'milestones'))})"
    )


@cache
def _crossing() -> re.Pattern:
    return any_of("phrases", "crossing")


@cache
def _describes_a_firm() -> re.Pattern:
    """…的 and a firm's name ending the clause: the count describes the firm."""
    suffixes = alternation(word_list("regions", "org_suffixes"))
    return re.compile(rf"[^的]{{1,16}}的[\u4e00-\u9fffA-Za-z]{{2,12}}?(?:{suffixes})")


# A size before an exact number states it (项目总投资额4亿元, 达产后年产值93.5亿元); bounded, it is a
# criterion (年营业收入2000万元以上).
_STATED_SIZE = re.compile(r"(?:产值|营业收入|销售额|投资额)$")


def _brought_about(word: str, clause_before: str, after: str, sentence_before: str) -> bool:
    """带动投资额超4800万元: a bounded size that ends a clause led by what brought it about is an
    outcome, not the threshold it would be before a noun (投资额超1亿元的项目); so is one that goes on
    from a figure ending the clause before (现有企业1200余家，年产值超千亿元，…)."""
    if after.rstrip("。；！") or _STATED_SIZE.search(word.rstrip("过超")) is None:
        return False
    if _words("outcome_lead").search(clause_before):
        return True
    earlier = sentence_before[: len(sentence_before) - len(clause_before)]
    return not sentence_before.startswith("对") and _FIGURE_ENDS.search(earlier) is not None


_FIGURE_ENDS = re.compile(r"\d[\u4e00-\u9fff%]{0,4}[，、；,]$")


def _dated_annual(clause_before: str, word: str) -> bool:
    """2023年营业收入4.2亿元, 今年销售额…: the 年 of 年营业收入 is a date's, not a yearly criterion's."""
    rest = clause_before[: len(clause_before) - len(word)]
    return (
        word.startswith("年")
        and bool(rest)
        and rest[-1] in "0123456789〇零一二三四五六七八九十今去上本明前全同当"
    )


def _inside_quotes(before: str) -> bool:
    """The number sits inside 《…》 or “…” (a title or a programme name); not inside a quote that
    opens on a predicate, the quoted words of a plan about the measure named before it
    (制造业比重“由2020年的32.7%提高至33.3%左右”)."""
    if "《" in before and before.count("《") > before.count("》"):
        return True
    if "“" not in before or before.count("“") <= before.count("”"):
        return False
    quoted = before[before.rfind("“") + 1 :]
    if _SPOKEN.search(quoted):
        return False  # “去年我们的产能利用率达到了95%以上，…”: a person's words, not a name
    return not _QUOTED_PREDICATE.match(quoted)


# Inside a quote, a first person makes it speech (a document quoted keeps its own rules).
_SPOKEN = re.compile(r"我们|我|咱们")
_QUOTED_PREDICATE = re.compile(r"(?:由|从|达到|提高|提升|增长|超过|突破|保持|稳定在)")
