"""Lists of subjects and numbers: 分别 pairs the k-th number with the k-th subject; 均 gives one fact
per subject of a number that applies to several."""

from __future__ import annotations

import re
from dataclasses import replace

from indicators.model import Fact

_PLACE_PARTS = ("核心区", "全域", "全市", "全省", "郊区", "中心城区", "新城", "城区")


def split_each(facts: list[Fact]) -> list[Fact]:
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


def split_respectively(facts: list[Fact], text: str) -> list[Fact]:
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
