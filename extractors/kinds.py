"""A fact's kind (actual / estimate / target) and measure (level / growth / share / pp_change / multiple)."""

from __future__ import annotations

import re
from functools import cache

from extractors.quantities import Quantity
from extractors.rulebook import alternation, any_of, word_list

# 约70%的产能将服务于…: a 将 after the number in its clause (not 将近, 将其, 将于).
_WILL_AFTER = re.compile(r"[^，。]{0,12}?将(?!近|其|于)")


@cache
def _cue(key: str) -> re.Pattern:
    return any_of("kinds", key)


@cache
def _growth_before() -> re.Pattern:
    """A growth word, then at most a few linking characters, at the end of the text before a percent."""
    return re.compile(
        rf"(?P<w>{alternation(word_list('kinds', 'growth'))})(?P<link>了|分别|分别为|分别达|为|达|达到|约|近|超|超过|逾|高达|甚至达到了|甚至达到|甚至达|(?:预期)?目标(?:为|是)?)?$"
    )


_GROWTH_AFTER = re.compile(
    r"^(?:左右|以上)?的[\u4e00-\u9fffA-Za-z]{0,8}?(?:增速|增幅|增长|复合增长率|涨幅|降幅)"
)


def measure_of(q: Quantity, before: str, after: str = "") -> tuple[str, bool]:
    """(measure, is_fall) of a quantity given the words of its clause before and after it."""
    if q.unit == "pp":
        return "pp_change", _last_fall(before)
    if q.unit == "x":
        return "multiple", False
    if q.unit != "%":
        return "level", False
    if _GROWTH_AFTER.match(after):  # 4.6%的增速, 以33%的复合增长率
        return "growth", "降幅" in after[:12]
    m = _growth_before().search(before[-12:])
    if m:
        link = m.group("link") or ""
        if link in word_list("kinds", "level_after") and m.group("w") not in (
            "增长",
            "同比增长",
            "增速",
            "增幅",
        ):
            return "share", False  # 提升至12.4%: a level reached
        return "growth", any(w in m.group("w") for w in word_list("kinds", "fall"))
    return "share", False  # 三分之一, 八成: a part of a whole unless a growth word says otherwise


# A comparison that comes out below the other (比发达国家低15个百分点, 低于全国0.8个百分点) is negative.
# A bare 低 right before the number continues a comparison the sentence made (占比低10个百分点).
_BELOW = re.compile(
    r"(?:(?:比|较)[^，；。]{1,14}(?:低|少|慢)了?|(?:低于|慢于|落后于?)[^，；。]{0,12}|(?<!最)低了?)$"
)


def _last_fall(before: str) -> bool:
    words = _cue("fall").findall(before[-12:])
    return bool(words) or bool(_BELOW.search(before[-20:]))


def has_cue(text: str) -> bool:
    """Any estimate or target word in `text`."""
    if goal_in_brackets(text):
        return True
    text = _strip_not_target(text)
    return bool(_cue("estimate").search(text) or _cue("target").search(text))


def kind_of(lead: str, clause_before: str, clause_after: str, default: str, future: bool) -> str:
    """'estimate' (预计, 有望), 'target' (力争, 目标, 到2027年 …) or `default`.

    Cues count in the sentence's opening clause (目标到2027年，…) and in the number's own clause;
    a 将 after the number in its clause makes a plan too (约70%的产能将服务于新能源车型).
    """
    if clause_before.endswith(("由", "从")):
        return "actual" if default == "actual" else default  # 由850万条提升至950万条: the baseline
    if states_done(clause_before):
        return "actual"
    if goal_in_brackets(clause_before):
        return "target"  # 超额完成年度目标任务（下降3%）: the bracket states the goal that was beaten
    for region in (clause_before, lead):
        if _cue("estimate").search(region):
            return "estimate"  # before not_target is taken out: 将会达到 is an outlook, not 将近
        target = _cue("target").search(_strip_not_target(region))
        if target and target.group(0) == "将" and region is clause_before and _cue("estimate").search(lead):
            return "estimate"  # 预计到2026年底，…将超过100EFLOPS: the 将 of an outlook
        if target:
            return "target"
    if future:
        return "target"
    if _WILL_AFTER.match(clause_after):
        return "target"
    return default


_GOAL_IN_BRACKETS = re.compile(r"(?:目标|任务|计划)[（(][^）)]{0,6}$")


def goal_in_brackets(before: str) -> bool:
    """超额完成年度目标任务（下降3%）: the number right after is in brackets that state a goal."""
    return _GOAL_IN_BRACKETS.search(before) is not None


def states_done(clause: str) -> bool:
    """实际完成, 最终实现: the clause states what was done, whatever goal came before."""
    return _cue("actual").search(clause) is not None


def _strip_not_target(text: str) -> str:
    return _cue("not_target").sub("", text)
