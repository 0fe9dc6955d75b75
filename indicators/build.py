"""Build and update the database from documents or extracted rows: writes that never half-happen.

The extractor comes in as an argument (`extract(document) -> list[Fact]`), so this module does not
import extractors/ (arrows point inwards); indicators/cli.py wires the two together.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicators import store, views
from indicators.model import Document, Fact
from indicators.shards import Record

Extract = Callable[[Document], list[Fact]]


class BuildFailed(Exception):
    """The build or update stopped; the database file is as it was before."""

    def __init__(self, db_path: str | Path, reasons: list[str]) -> None:
        lines = "\n".join(f"  {reason}" for reason in reasons)
        super().__init__(f"{db_path} was left unchanged because:\n{lines}")
        self.db_path = str(db_path)
        self.reasons = reasons


class ExtractionFailed(Exception):
    """The extractor raised on a document (a bug in extractors/: the document itself is readable)."""

    def __init__(self, document: Document, error: BaseException) -> None:
        super().__init__(f"{document.source}: document {document.id}: extraction failed: {error!r}")
        self.doc = document.id


class NoDatabase(Exception):
    """The database to add to does not exist."""

    def __init__(self, db_path: str | Path) -> None:
        super().__init__(f"Database {db_path} does not exist; create it with `zhibiao build --db {db_path}`.")


@dataclass
class Summary:
    """What a build or an add did: counts of documents by outcome, facts written, input errors."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    facts: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, outcome: str, n_facts: int) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome != "unchanged":
            self.facts += n_facts

    def __str__(self) -> str:
        return (
            f"{self.added} documents added, {self.replaced} replaced, {self.unchanged} unchanged; "
            f"{self.facts} facts written"
        )


def build_database(
    db_path: str | Path,
    items: Iterable[Document | Exception],
    extract: Extract,
    catalogue: Iterable[Any],
    extractor_version: str,
) -> Summary:
    """Write a new database at db_path from documents, extracted here; see load_database."""
    return load_database(db_path, records(items, extract, extractor_version), catalogue)


def load_database(
    db_path: str | Path, rows: Iterable[Record | Exception | str], catalogue: Iterable[Any]
) -> Summary:
    """Write a new database at db_path from (documents row, facts rows) records, in order; the old
    file is replaced only on success.

    The records come from this process (records()), from cluster workers or from shards alike.
    An error item (a file that could not be read, a document the extractor failed on) stops the
    rename, after every record has been read so that all of them are reported at once.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private (0600); the database gets the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o666 & ~umask)
    try:
        db = store.connect(str(tmp), bulk=True)
        try:
            store.create_tables(db)
            views.create_tables(db)
            store.write_indicators(db, catalogue)
            summary = Summary()
            with db.atomic():
                for item in rows:
                    if isinstance(item, (Exception, str)):
                        summary.errors.append(str(item))
                        continue
                    document, facts = item
                    summary.count(store.write_records(db, document, facts), len(facts))
            if summary.errors:
                raise BuildFailed(db_path, summary.errors)
            store.enable_search(db)
            views.refresh(db)
            db.analyze()  # statistics for the query planner (see store.INDEXES)
            problems = list(db.execute("PRAGMA foreign_key_check"))
            if problems:
                raise BuildFailed(db_path, [f"foreign key check failed: {problems[:5]}"])
        finally:
            db.close()
        _fsync(tmp)
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
        return summary
    finally:
        tmp.unlink(missing_ok=True)


def add_documents(
    db_path: str | Path,
    items: Iterable[Document | Exception],
    extract: Extract,
    catalogue: Iterable[Any],
    extractor_version: str,
) -> Summary:
    """Add documents to an existing database in one transaction: all of them, or none on any error."""
    if not Path(db_path).is_file():
        raise NoDatabase(db_path)
    db = store.connect(str(db_path))
    try:
        summary = Summary()
        changed: list[str] = []
        with db.atomic():
            store.create_tables(db)
            store.write_indicators(db, catalogue)
            for item in records(items, extract, extractor_version):
                if isinstance(item, Exception):
                    summary.errors.append(str(item))
                    continue
                document, facts = item
                outcome = store.write_records(db, document, facts)
                summary.count(outcome, len(facts))
                if outcome != "unchanged":
                    changed.append(document["id"])
            if summary.errors:
                raise BuildFailed(db_path, summary.errors)
            views.refresh(db, changed)  # only the series, revisions and target lines they touch
        if not all(db[f"{table}_fts"].exists() for table in store.FTS):
            store.enable_search(db)
        return summary
    finally:
        db.close()


def records(
    items: Iterable[Document | Exception], extract: Extract, extractor_version: str
) -> Iterator[Record | Exception]:
    """(documents row, facts rows) of each document, extracted here in order; input errors pass through.
    An extractor error raises ExtractionFailed naming the document."""
    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        try:
            facts = extract(item)
        except Exception as error:
            raise ExtractionFailed(item, error) from error
        rows = [store.fact_record(fact, item, extractor_version) for fact in facts]
        yield store.document_record(item, extractor_version), rows


def _fsync(path: Path) -> None:
    """Flush a file (or a directory entry) to disk before and after the rename."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
