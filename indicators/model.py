"""The fact model: Document, Section, Fact. The contract is ../shared/FACTS.md."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal["actual", "estimate", "target"]
Measure = Literal["level", "growth", "share", "pp_change", "multiple"]
Qualifier = Literal["exact", "approx", "lower_bound", "upper_bound"]
SourceKind = Literal["bulletin", "newspaper", "wechat", "text"]

KINDS: tuple[str, ...] = ("actual", "estimate", "target")
MEASURES: tuple[str, ...] = ("level", "growth", "share", "pp_change", "multiple")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "lower_bound", "upper_bound")


@dataclass(frozen=True)
class Section:
    """An article inside a document (a bulletin item, a newspaper story): offsets into Document.text."""

    start: int
    end: int
    title: str
    heading: str | None = None  # the bulletin's section header, e.g. 经济热点
    region: str | None = None  # the region the headline names, e.g. 江苏


@dataclass(frozen=True)
class Document:
    """One document: a text file, or one article of a JSON export. `text` is clean, normalised text."""

    id: str
    text: str
    source: str  # the file it came from
    source_kind: SourceKind
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    publisher: str | None = None  # e.g. the WeChat account 上海经信委
    sections: tuple[Section, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fact:
    """One number in one document, with what it measures and the words that say so."""

    doc: str
    indicator: str
    indicator_id: str | None
    entity: str | None
    period_start: str | None  # YYYY-MM
    period_end: str | None  # YYYY-MM
    kind: Kind
    measure: Measure
    value: Decimal
    unit: str
    unit_text: str
    qualifier: Qualifier
    quantity_text: str  # the quantity as written, e.g. 5.67万亿元
    evidence: str  # the clause, verbatim from Document.text
    evidence_start: int
    evidence_end: int
    quantity_start: int
    quantity_end: int

    @property
    def id(self) -> str:
        """Stable id: a hash of the fact's content and its position in the document."""
        key = "|".join(
            str(x)
            for x in (
                self.doc,
                self.indicator,
                self.entity,
                self.period_start,
                self.period_end,
                self.kind,
                self.measure,
                self.value.normalize() if isinstance(self.value, Decimal) else self.value,
                self.unit,
                self.qualifier,
                self.quantity_start,
                self.quantity_end,
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict:
        """A JSON-ready dict: Decimal becomes int when whole, float otherwise."""
        rec = asdict(self)
        rec["value"] = decimal_to_number(self.value)
        return rec


def decimal_to_number(value: Decimal) -> int | float:
    """5.67E+12 -> 5670000000000; 5.4 -> 5.4. JSON and SQLite get plain numbers."""
    if value == value.to_integral_value() and abs(value) < Decimal(10) ** 18:
        return int(value)
    return float(value)
