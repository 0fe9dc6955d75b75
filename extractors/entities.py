"""The entity a number measures: a place or organisation heading its clause, else the paragraph's
subject, else the region of the article (its headline, its publisher, its text)."""

from __future__ import annotations

import re
from functools import cache

from extractors.periods import time_pattern
from extractors.regions import first_place, home_words, leading_place, place_spans
from extractors.rulebook import rules, word_list
from indicators.model import Document

_LEAD = re.compile(
    r"^[\s，,、“”\"（）()]*(?:其中|同时|此外|另外|据统计|数据显示|据悉|目前|当前|在|由)?[，,\s]*"
)
_CLAUSE = re.compile(r"[，,；;：:]")


@cache
def _org_pattern() -> re.Pattern:
    strong = word_list("regions", "org_suffixes")
    weak = word_list("regions", "weak_org_suffixes")
    suffixes = "|".join(map(re.escape, sorted(strong + weak, key=len, reverse=True)))
    not_start = "|".join(map(re.escape, word_list("regions", "not_org_start")))
    return re.compile(
        rf"^(?!{not_start})(?P<org>(?P<stem>[\u4e00-\u9fffA-Za-z0-9]{{1,10}}?)(?P<suffix>{suffixes}))"
        rf"(?=[\u4e00-\u9fff\d“（(]|$)"
    )


@cache
def _strong_suffixes() -> frozenset[str]:
    return frozenset(word_list("regions", "org_suffixes"))


def document_region(doc: Document) -> str | None:
    """The region a document is about when a sentence does not say: publisher, then title, then text."""
    publishers = rules("regions")["publishers"]
    if doc.publisher and doc.publisher in publishers:
        return publishers[doc.publisher]
    return first_place(doc.title or "", local=True) or first_place(doc.text[:500], local=True)


def headline_entity(headline: str, document_text: str) -> str | None:
    """The place or organisation a headline opens with: 广东东莞重点实施… -> 东莞; 上汽集团智电转型… -> 上汽集团."""
    return _subject(headline, document_text)


def subject_entity(sentence_before: str, document_text: str, carry: bool = False) -> str | None:
    """The place or organisation opening the last clause (before the number) that opens with one.

    An organisation is a name ending in an org suffix (集团, 科技, 电网 …) that the document names
    at least twice: named entities recur, verb phrases that happen to end in 汽车 or 空间 do not.
    With `carry` (the subject the next sentences inherit), a part named after 其中 does not count.
    """
    found = None
    seen = ""
    clauses = _CLAUSE.split(sentence_before)
    for clause in clauses:
        if carry and clause.lstrip("，, ").startswith("其中"):
            continue
        subject = _anaphor(clause, seen) or _subject(clause, document_text)
        if subject:
            found = subject
        seen += clause + "，"
    return _agent_place(clauses[-1]) or found


def _agent_place(clause: str) -> str | None:
    """带动所在徐汇区集聚超1500家AI企业: a district or city inside the clause that does the counting."""
    for start, end, name in place_spans(clause):
        if name in ("全国", "全球"):
            continue
        if clause[max(0, start - 2) : start] in ("所在", "位于") or clause[end : end + 2] in (
            "集聚",
            "拥有",
            "共有",
        ):
            return clause[start:end]
    return None


_ANAPHOR = re.compile(r"^[\s，,]*(?:该|这家|此)(集团|公司|企业|项目|工厂|园区)")


def _anaphor(clause: str, before: str) -> str | None:
    """该集团 -> the 集团 named last before it: …隶属于希腊卡迪夫航运集团，该集团船队规模达135艘."""
    m = _ANAPHOR.match(clause)
    if not m:
        return None
    end = before.rfind(m.group(1))
    if end < 0:
        return None
    name = re.split(r"[，,、。；的于和与及在是]", before[max(0, end - 6) : end])[-1]
    for start, stop, _ in place_spans(name):  # 希腊卡迪夫航运 -> 卡迪夫航运
        if start == 0 and stop < len(name):
            name = name[stop:]
            break
    return name + m.group(1) if len(name) >= 2 else None


def _organisation(head: str, document_text: str) -> str | None:
    m = _org_pattern().match(head)
    if not m or head[m.end() : m.end() + 1] == "的":
        return None  # 中远海运集运有限公司的12艘…: the customer of a list item, not the subject
    # A weak suffix needs the name (or its stem: 沪东中华 of 沪东中华造船) named again elsewhere.
    stem = m.group("stem")
    if re.search(r"\d|^[一二两三四五六七八九十]|[的是在了和与及或从对把被向于以到再为]", stem):
        return None  # 10亿元以上项目, 三大船厂: a description, not a name
    recurs = document_text.count(m.group("org")) >= 2 or (len(stem) >= 2 and document_text.count(stem) >= 2)
    if m.group("suffix") not in _strong_suffixes() and not recurs:
        return None
    rest = head[m.end() :]
    owner = rest.find("旗下")
    if 0 <= owner <= 12:  # 中国船舶集团有限公司旗下江南造船 -> 江南造船
        return _organisation(rest[owner + 2 :], document_text) or m.group("org")
    return m.group("org")


def _subject(clause: str, document_text: str) -> str | None:
    head = _LEAD.sub("", _strip_time(clause))
    if not head:
        return None
    if head.startswith(home_words()):
        return None
    org = _organisation(head, document_text)
    if org:
        return org
    lead = leading_place(head)
    if lead:
        # The most specific of the places that open the clause: 广东东莞 -> 东莞; 上海核心区 keeps its zone.
        end, name = lead
        zone = next((z for z in word_list("regions", "zones") if head[end:].startswith(z)), None)
        return head[:end] + zone if zone else name
    return None


def _strip_time(text: str) -> str:
    """Drop time expressions that open a clause: 2025年，上海… -> 上海…."""
    for _ in range(3):
        text = text.lstrip("，, ")
        m = time_pattern().match(text)
        if not m:
            break
        text = text[m.end() :]
    return text.lstrip("，, ")
