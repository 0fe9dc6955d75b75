"""The SQLite database: every table, index and full-text index (views: indicators/views.py).

Tables are written with sqlite-utils. One document and its facts are written together:

    >>> db = Database(memory=True)
    >>> create_tables(db)
    >>> write_document(db, document, facts, extractor_version="0.1.0")
    'added'

A document already stored with the same text and extractor version is left alone ('unchanged');
one whose text changed has its facts replaced ('replaced'). Decimal becomes int/float here and
nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from typing import Any, Literal

from sqlite_utils import Database

from indicators import search as fulltext
from indicators.model import Document, Fact

# `ANY` gives the column NUMERIC affinity: 5670000000000 stays an integer and 5.4 a real, where a
# REAL column would turn every count and amount into 5670000000000.0.
NUMBER = "ANY"

DOCUMENT_COLUMNS: dict[str, Any] = {
    "id": str,
    "source": str,
    "source_kind": str,
    "title": str,
    "url": str,
    "published": str,
    "publisher": str,
    "text": str,
    "content_hash": str,
    "sections": str,
    "extractor_version": str,
}

INDICATOR_COLUMNS: dict[str, Any] = {
    "id": str,
    "name": str,
    "name_en": str,
    "category": str,
    "unit": str,
    "tier": str,
    "keywords": str,
    "description": str,
    "family": str,
    "frequency": str,
    "scope": str,
    "nbs_code": str,
}

FACT_COLUMNS: dict[str, Any] = {
    "id": str,
    "doc": str,
    "indicator": str,
    "indicator_id": str,
    "entity": str,
    "period_start": str,
    "period_end": str,
    "kind": str,
    "measure": str,
    "value": NUMBER,
    "unit": str,
    "unit_text": str,
    "qualifier": str,
    "quantity_text": str,
    "evidence": str,
    "evidence_start": int,
    "evidence_end": int,
    "quantity_start": int,
    "quantity_end": int,
    "published": str,
    "significant_digits": int,
    "extractor_version": str,
}

INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    # indicator and measure are default facets of the site; (period_end, id) its default order.
    "facts": (
        ("doc",),
        ("indicator_id",),
        ("indicator",),
        ("entity",),
        ("period_end",),
        ("kind",),
        ("measure",),
        ("period_end", "id"),
    ),
    "documents": (("published",),),
}

# Full-text search: indicators/search.py (one token per Chinese character, so 芯片 is found as well as
# 集成电路); the tables it indexes, for the build's check that the index is there.
FTS: tuple[str, ...] = tuple(fulltext.TABLES)

Written = Literal["added", "replaced", "unchanged"]


class UnknownIndicator(Exception):
    """A fact names an indicator_id that is not in the indicator catalogue."""

    def __init__(self, doc: str, indicator_id: str) -> None:
        super().__init__(
            f'Document {doc}: indicator_id "{indicator_id}" is not in the indicator catalogue '
            "(indicators/catalogue.yaml); add it there."
        )
        self.doc = doc
        self.indicator_id = indicator_id


def connect(path: str, *, bulk: bool = False) -> Database:
    """Open a database with foreign keys enforced; `bulk` skips the journal (for a file to be renamed)."""
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    fulltext.register(db.conn)  # the search index's triggers call it on every write
    if bulk:
        # A build writes a temporary file that is deleted on any failure: no journal needed.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
    return db


def create_tables(db: Database) -> None:
    """Create documents, indicators and facts (with foreign keys and indexes) when missing."""
    db.table("documents").create(
        DOCUMENT_COLUMNS, pk="id", not_null={"text", "content_hash"}, if_not_exists=True
    )
    db.table("indicators").create(INDICATOR_COLUMNS, pk="id", not_null={"name"}, if_not_exists=True)
    db.table("facts").create(
        FACT_COLUMNS,
        pk="id",
        not_null={"doc", "indicator", "kind", "measure", "value", "unit", "qualifier", "evidence"},
        foreign_keys=[("doc", "documents", "id"), ("indicator_id", "indicators", "id")],
        if_not_exists=True,
    )
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db.table(table).create_index(columns, if_not_exists=True)


def enable_search(db: Database) -> None:
    """Full-text indexes on facts and documents (indicators/search.py), kept current by triggers."""
    fulltext.enable(db.conn)


def write_indicators(db: Database, catalogue: Iterable[Any]) -> int:
    """Insert or update the catalogue's indicators (never deletes: facts may point to them)."""
    rows = [indicator_record(indicator) for indicator in catalogue]
    db.table("indicators").upsert_all(rows, pk="id", alter=True)  # alter: a database of an older catalogue
    return len(rows)


def write_document(
    db: Database, document: Document, facts: Sequence[Fact], extractor_version: str
) -> Written:
    """Store a document and its facts in one transaction; a changed document's old facts go."""
    rows = [fact_record(fact, document, extractor_version) for fact in facts]
    return write_records(db, document_record(document, extractor_version), rows)


def write_records(db: Database, document: dict[str, Any], facts: Sequence[dict[str, Any]]) -> Written:
    """write_document for rows already made (by document_record and fact_record, e.g. on a cluster worker)."""
    stored = db.execute(
        "select content_hash, extractor_version from documents where id = ?", [document["id"]]
    ).fetchone()
    if stored == (document["content_hash"], document["extractor_version"]):
        return "unchanged"
    check_indicators(db, document["id"], [row["indicator_id"] for row in facts])
    with db.atomic():
        if stored:
            db.execute("delete from facts where doc = ?", [document["id"]])
        db.table("documents").upsert(document, pk="id")
        # The same fact twice (same content, same place) is one fact.
        db.table("facts").insert_all(facts, pk="id", ignore=True)
    return "replaced" if stored else "added"


def check_indicators(db: Database, doc: str, indicator_ids: Iterable[str | None]) -> None:
    """Raise UnknownIndicator when an indicator_id of the document's facts is not in the indicators table."""
    wanted = sorted({i for i in indicator_ids if i})
    if not wanted:
        return
    marks = ", ".join("?" for _ in wanted)
    known = {row[0] for row in db.execute(f"select id from indicators where id in ({marks})", wanted)}
    for indicator_id in wanted:
        if indicator_id not in known:
            raise UnknownIndicator(doc, indicator_id)


def document_record(document: Document, extractor_version: str) -> dict[str, Any]:
    """The documents row: the Document's fields, its text's hash and its sections as JSON."""
    return {
        "id": document.id,
        "source": document.source,
        "source_kind": document.source_kind,
        "title": document.title,
        "url": document.url,
        "published": document.published,
        "publisher": document.publisher,
        "text": document.text,
        "content_hash": document.content_hash,
        "sections": json.dumps([asdict(s) for s in document.sections], ensure_ascii=False),
        "extractor_version": extractor_version,
    }


def fact_record(fact: Fact, document: Document, extractor_version: str) -> dict[str, Any]:
    """The facts row: every Fact field, its stable id, the document's date and the extractor version."""
    record = fact.to_record()
    record.update(
        id=fact.id,
        published=document.published,
        significant_digits=significant_digits(fact.value),
        extractor_version=extractor_version,
    )
    return {column: record.get(column) for column in FACT_COLUMNS}


def indicator_record(indicator: Any) -> dict[str, Any]:
    """The indicators row of a catalogue entry; keywords as a JSON list."""
    record = asdict(indicator) if is_dataclass(indicator) else dict(vars(indicator))
    row = {column: record.get(column) for column in INDICATOR_COLUMNS}
    row["keywords"] = json.dumps(list(record.get("keywords") or ()), ensure_ascii=False)
    return row


def significant_digits(value: Decimal) -> int:
    """Digits the value was stated with: 5.67万亿元 -> 3, 突破5.6万亿元 -> 2, 17297.53亿元 -> 7."""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if value == 0:
        return 1
    return len(value.normalize().as_tuple().digits)


def search(db: Database, table: str, query: str, limit: int = 100) -> list[dict[str, Any]]:
    """Rows of `table` (facts or documents) whose text has every word of `query`: 芯片 as well as 集成电路."""
    sql = (
        f"select [{table}].* from [{table}] join [{table}_fts] on [{table}_fts].rowid = [{table}].rowid "
        f"where [{table}_fts] match ? order by [{table}].published desc, [{table}].id limit ?"
    )
    return [dict(row) for row in db.query(sql, [fulltext.fts_query(query), limit])]
