"""What a chart shows a reader: display units (5670000000000 CNY -> 5.67 万亿元), periods, kinds, statuses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from indicators.display import KIND_NAMES, MEASURE_NAMES, STATUS_NAMES, format_period

UNITS_FILE = Path(__file__).with_name("display_units.json")

# The site's words for kinds and measures (indicators.display), so that a chart and a fact page agree.
KIND_LABELS = {kind: name + "值" for kind, name in KIND_NAMES.items()}  # 实际值, 预计值, 目标值
MEASURE_LABELS = MEASURE_NAMES
STATUS_LABELS = STATUS_NAMES  # the site's vocabulary (indicators.display.VOCABULARY)


class DisplayUnitsError(Exception):
    """charts/display_units.json is malformed"""


@dataclass(frozen=True)
class Scale:
    """A display scale: divide a canonical value by `factor` and write `label` after it."""

    factor: float
    label: str  # 万亿元, 万辆, %, 家


def load_display_units(path: Path = UNITS_FILE) -> dict[str, dict]:
    """A unit table file, checked: {code: {"name": str, "prefixes": [[word, factor], ...]}}."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    table = {}
    for code, entry in raw.items():
        if code.startswith("_"):
            continue
        if not isinstance(entry, dict) or set(entry) != {"name", "prefixes"}:
            raise DisplayUnitsError(f'{path}: unit "{code}" needs exactly the keys name and prefixes')
        if not all(isinstance(p, list) and len(p) == 2 and p[1] > 1 for p in entry["prefixes"]):
            raise DisplayUnitsError(f'{path}: unit "{code}": each prefix is [word, factor > 1]')
        factors = [factor for _, factor in entry["prefixes"]]
        if factors != sorted(factors, reverse=True):
            raise DisplayUnitsError(f'{path}: unit "{code}": prefixes must go from largest to smallest')
        table[code] = entry
    return table


@cache
def display_units() -> dict[str, dict]:
    """The unit table of charts/display_units.json."""
    return load_display_units()


def unit_name(unit: str) -> str:
    """The Chinese word for a canonical unit code: CNY -> 元, vehicle -> 辆; an unknown code is kept."""
    entry = display_units().get(unit)
    return entry["name"] if entry else unit


def pick_scale(values: Iterable[float | int | None], unit: str) -> Scale:
    """The largest prefix the largest value reaches: [5.67e12, 4.88e11] CNY -> 万亿元; [360000] vehicle -> 万辆."""
    entry = display_units().get(unit)
    name = entry["name"] if entry else unit
    biggest = max((abs(v) for v in values if v is not None), default=0)
    for word, factor in entry["prefixes"] if entry else ():
        if biggest >= factor:
            return Scale(factor, word + name)
    return Scale(1, name)


def period_label(start: str | None, end: str | None) -> str:
    """How a Chinese text names a period (indicators.display.format_period), or 未注明时间."""
    return format_period(start, end) or "未注明时间"


def months_covered(start: str | None, end: str | None) -> int:
    """Months a period spans; 0 for a stock or an as-of value. Points of equal span share a line."""
    if not (start and end):
        return 0
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1
