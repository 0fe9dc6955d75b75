"""What a fact is measured against and over what kind of period: the parts of a series key that
the fact's own fields do not hold.

The extractor's contract keeps `measure = pp_change` for 高于全国1.2个百分点 and for 拉动全省增长2.1个
百分点 (../shared/FACTS.md, "Comparisons"); the gold scores it so. Those are not changes of the
indicator on the year before, though, so the series key adds what this module reads from the fact
row — the words of its clause just before the number, and its indicator phrase:

    comparison    ''                 a level or a share of nothing stated
                  'yoy'              a change on the same period of the year before (the default of
                                     a growth, pp change or multiple: 同比, 比上年, or nothing said)
                  'previous_period'  环比, 比上月
                  'base_year:2019'   比2019年同期增长
                  'vs:全国'          高于全国…, 比全国平均水平高…
                  'contribution'     拉动全省增长…个百分点
                  'of:全市GDP'       a share of a stated whole (占全市GDP比重); 'of:?' when 占 names none
    period_basis  'as_of'            a stock, or the level a target reaches by its date
                  'month', 'quarter', 'ytd' (January to a month before December), 'year', 'span'
                  'multi_year_average' (年均增长), 'cumulative' (累计, or a change over several years)
                  'undated'
    change        'increment' (新增100家: what was added over the period) or ''
    stated        'met' / 'missed' when a target's own clause says 完成/超额完成 or 未完成
    origin        the number a change starts from: 由850万条 (提升至950万条)

basis.yaml holds the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from indicators.yamlfile import load_yaml_text

KEYS = (
    "contribution",
    "previous_period",
    "previous_year",
    "base_year",
    "versus",
    "share_of",
    "average",
    "cumulative",
    "increment",
    "creation",
    "met",
    "missed",
    "origin",
)
RATES = ("growth", "pp_change", "multiple")
COUNT_UNITS = ("enterprise", "item", "project", "unit", "ship", "aircraft", "vehicle", "person")
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]")


class BasisError(Exception):
    """basis.yaml is malformed: the message names the key."""


@dataclass(frozen=True)
class Basis:
    comparison: str
    period_basis: str
    change: str
    stated: str | None
    origin: bool = False  # the number a change starts from (由850万条提升至950万条)


@cache
def cues() -> dict[str, re.Pattern]:
    """basis.yaml, compiled; `versus` and `share_of` read the words nearest the number."""
    name = "indicators/basis.yaml"
    data = load_yaml_text(resources.files("indicators").joinpath("basis.yaml").read_text("utf-8"), name)
    if not isinstance(data, dict) or set(data) != set(KEYS):
        got = set(data) if isinstance(data, dict) else set()
        raise BasisError(
            f"{name}: unknown key(s) {sorted(got - set(KEYS))}, missing {sorted(set(KEYS) - got)}"
        )
    out = {}
    for key in KEYS:
        pattern = data[key]
        if not isinstance(pattern, str) or not pattern:
            raise BasisError(f"{name}: {key}: expected one regular expression")
        # A greedy lead finds the comparison nearest the number: 同比增速高于全国 compares with 全国.
        out[key] = re.compile(f".*(?:{pattern})" if key in ("versus", "share_of") else pattern)
    return out


def clause_before(row: dict[str, Any]) -> str:
    """The words of the fact's clause before its number (evidence offsets), else its indicator."""
    evidence, start, q_start = row.get("evidence"), row.get("evidence_start"), row.get("quantity_start")
    if not evidence or start is None or q_start is None or not 0 <= q_start - start <= len(evidence):
        return row.get("indicator") or ""
    before = evidence[: q_start - start]
    ends = list(_CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def _after(row: dict[str, Any]) -> str:
    """The evidence after the fact's number."""
    evidence, start, q_end = row.get("evidence") or "", row.get("evidence_start"), row.get("quantity_end")
    return evidence[q_end - start :] if start is not None and q_end is not None else ""


def clause_around(row: dict[str, Any]) -> str:
    """The whole clause that holds the fact's number."""
    after = _after(row)
    m = _CLAUSE_END.search(after)
    return clause_before(row) + (row.get("quantity_text") or "") + (after[: m.start()] if m else after)


def comparison(row: dict[str, Any], before: str | None = None) -> str:
    """What the number is measured against (see the module docstring)."""
    c = cues()
    words = clause_before(row) if before is None else before
    phrase = row.get("indicator") or ""
    measure = row.get("measure")
    if c["contribution"].search(words) and measure in RATES:
        return "contribution"
    if c["previous_period"].search(words):
        return "previous_period"
    if (m := c["versus"].match(words)) and not _after(row).startswith("的"):
        return "vs:" + m.group(1)  # (高于全国5%的GDP增速 is the nation's own rate: no comparison)
    if measure in RATES:
        start, end = row.get("period_start") or "", row.get("period_end") or ""
        if m := c["base_year"].search(words):
            year = int(m.group(1))
            if not end.startswith(str(year + 1)):  # 比2024年 in a 2025 text is the year before
                return f"base_year:{year}"
        if start[:4] and end[:4] > start[:4] and not c["average"].search(words + phrase):
            # 十四五期间下降13.5%: a change over the whole span, on the year before it starts.
            return f"base_year:{int(start[:4]) - 1}"
        return "yoy"
    if measure == "share" and (m := c["share_of"].match(words) or c["share_of"].match(phrase)):
        return "of:" + next(g for g in m.groups() if g)
    if measure == "share" and "占" in words + phrase:
        return "of:?"  # 其中上市企业占比达17.1%: a share of a whole the clause does not name
    return ""


def period_basis(row: dict[str, Any], before: str | None = None) -> str:
    """The kind of period the number covers (see the module docstring)."""
    start, end = row.get("period_start"), row.get("period_end")
    if not end:
        return "undated"
    if not start:
        return "as_of"
    words = (clause_before(row) if before is None else before) + (row.get("indicator") or "")
    c = cues()
    if c["average"].search(words):
        return "multi_year_average"
    y0, m0, y1, m1 = int(start[:4]), int(start[5:7]), int(end[:4]), int(end[5:7])
    if y0 == y1:
        if m0 == m1:
            return "month"
        if m0 == 1:
            return "year" if m1 == 12 else "ytd"
        if m1 - m0 == 2 and m0 in (4, 7, 10):
            return "quarter"
        return "span"
    if row.get("kind") == "target" and row.get("measure") == "level" and not c["cumulative"].search(words):
        return "as_of"  # 十四五…营收目标15000亿元: the level the plan reaches by its last year
    return "cumulative"


def change(row: dict[str, Any], before: str | None = None) -> str:
    """'increment' when the number is what was added over the period (新增100家), else ''."""
    if row.get("measure") != "level":
        return ""
    words = (clause_before(row) if before is None else before) + (row.get("indicator") or "")
    c = cues()
    if c["cumulative"].search(words):
        return ""
    if c["increment"].search(words):
        return "increment"
    counted = (row.get("unit") or "").split("/")[0] in COUNT_UNITS
    if counted and c["creation"].search(words) and (row.get("kind") == "target" or row.get("period_start")):
        return "increment"  # 到2027年培育50家, 2025年建成10个: the new ones, not the total
    return ""


def stated(row: dict[str, Any]) -> str | None:
    """'met' or 'missed' when a target's clause says it was (超额完成…目标, 未完成), else None."""
    if row.get("kind") != "target":
        return None
    clause = clause_around(row)
    c = cues()
    if c["missed"].search(clause):
        return "missed"
    if c["met"].search(clause):
        return "met"
    return None


def basis_of(row: dict[str, Any]) -> Basis:
    """All four parts for one fact row (a dict with the columns of `facts`)."""
    before = clause_before(row)
    origin = cues()["origin"].search(before) is not None
    return Basis(comparison(row, before), period_basis(row, before), change(row, before), stated(row), origin)
