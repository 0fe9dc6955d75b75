"""What is not a fact (FACTS.md): subsidy caps, thresholds, structure, attendance, names."""

from __future__ import annotations

import re
from functools import cache

from extractors.quantities import Quantity
from extractors.rulebook import word_list

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
_CJK = re.compile(r"[\u4e00-\u9fff]")
# After a money or physical quantity these words still end the phrase (the number is the predicate).
_PREDICATE_FOLLOWERS = re.compile(
    r"^(?:同比|比上年|较上年|较|比|增长|下降|增|减|占|和|及|与|、|，|。|；|（|\(|”|，|的规模|规模|以上|左右|之多|水平|大关|台阶|量级|"
    r"其中|为|是|居|位居|排名|稳居|创|再创|实现|完成|成为|同期|年均|用于|人民币|的|以上，|，|。|$)"
)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _words(key: str) -> re.Pattern:
    return re.compile(_alt(word_list("noise", key)))


def noise_reason(q: Quantity, clause_before: str, clause_after: str, sentence_before: str) -> str | None:
    """Why the quantity is not a fact, or None when it may be one.

    clause_before/after: the words of its clause around it; sentence_before: its sentence up to it.
    """
    after = clause_after
    if q.unit not in COUNT_UNITS or q.unit in ("%",):
        if _words("policy").search(clause_before) or _words("policy").search(after[:12]):
            return "policy"
    elif _words("policy").search(clause_before) and re.search(
        r"给予|奖励|补贴|资助|最高|不超过", clause_before
    ):
        return "policy"
    if re.search(rf"(?:{_alt(word_list('noise', 'policy_right_before'))})(?:给予|可获|为|达)?$", clause_before[-8:]):
        return "policy"
    if after.startswith(tuple(word_list("noise", "threshold_after"))):
        return "threshold"
    if re.search(rf"(?:{_alt(word_list('noise', 'threshold_before'))})(?:过|超)?$", clause_before[-6:]):
        return "threshold"
    if q.unit in COUNT_UNITS:
        if (
            after.startswith(tuple(word_list("noise", "structure")))
            or re.match(rf"^[\u4e00-\u9fff]{{0,6}}(?:{_alt(word_list('noise', 'structure'))})", after)
            and q.unit == "item"
        ):
            return "structure"
        if clause_before.endswith(("共", "共有", "分为", "包括")) and q.unit == "item":
            return "structure"
        if q.unit in ("person", "person_time", "enterprise") and _words("attendance").search(after[:14]):
            return "attendance"
    elif (
        q.unit not in ("%", "pp", "x")
        and after
        and _CJK.match(after[0])
        and not _PREDICATE_FOLLOWERS.match(after)
    ):
        # 17.4万立方米LNG运输船, 4万亿元台阶: the quantity describes the noun after it.
        return "attribute"
    if q.chinese and after[:1] and after[:1] in "一二两三四五六七八九十":
        return "idiom"  # 一人一策
    if _inside_quotes(sentence_before):
        return "name"
    return None


def _inside_quotes(before: str) -> bool:
    """The number sits inside 《…》 or “…” (a title or a programme name)."""
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")
