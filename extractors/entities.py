"""The entity a number measures: the region of the article, or a place or organisation heading the sentence."""

from __future__ import annotations

import re
from functools import cache

from extractors.periods import time_pattern
from extractors.regions import first_place, home_words, place_spans
from extractors.rulebook import rules, word_list
from indicators.model import Document

_LEAD = re.compile(r"^[\s，,、“”\"（）()]*(?:其中|同时|此外|另外|据统计|数据显示|据悉|目前|当前)?[，,\s]*")


@cache
def _org_pattern() -> re.Pattern:
    suffixes = "|".join(map(re.escape, word_list("regions", "org_suffixes")))
    return re.compile(rf"^(?P<org>[\u4e00-\u9fffA-Za-z0-9]{{1,12}}?(?:{suffixes}))(?=[\u4e00-\u9fff“]|旗下)")


def document_region(doc: Document) -> str | None:
    """The region a document is about when a sentence does not say: publisher, then title, then text."""
    publishers = rules("regions")["publishers"]
    if doc.publisher and doc.publisher in publishers:
        return publishers[doc.publisher]
    return first_place(doc.title or "", local=True) or first_place(doc.text[:500], local=True)


def subject_entity(sentence_before: str, default: str | None) -> str | None:
    """A place or organisation heading the sentence (after time words), else `default`."""
    head = _strip_time(sentence_before)
    head = _LEAD.sub("", head)
    if head.startswith(home_words()):
        return default
    spans = place_spans(head[:12])
    if spans and spans[0][0] == 0:
        name = spans[0][2]
        rest = head[spans[0][1] :]
        # 上海核心区, 浦东新区: a place followed by a zone keeps the zone.
        if rest.startswith(("核心区", "自贸区", "新片区", "临港")):
            return head[: spans[0][1]] + rest[:3]
        return name
    m = _org_pattern().match(head)
    if m:
        return m.group("org")
    return default


def _strip_time(text: str) -> str:
    """Drop time expressions that open the sentence: 2025年，上海… -> 上海…."""
    for _ in range(3):
        m = time_pattern().match(text.lstrip("，, "))
        if not m:
            break
        text = text.lstrip("，, ")[m.end() :]
    return text.lstrip("，, ")
