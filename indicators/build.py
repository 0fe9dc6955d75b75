"""Build and update the database from documents: extraction in parallel, writes that never half-happen.

The extractor comes in as an argument (`extract(document) -> list[Fact]`), so this module does not
import extractors/ (arrows point inwards); indicators/cli.py wires the two together.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicators import store, views
from indicators.model import Document, Fact

Extract = Callable[[Document], list[Fact]]

# Documents in flight per worker: enough to keep workers busy, few enough to keep memory flat.
WINDOW_PER_WORKER = 4


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
    workers: int = 1,
) -> Summary:
    """Write a new database at db_path from documents; the old file is replaced only on success.

    `items` are Documents or input errors (extractors.sources.SourceError): any error stops the
    rename, after every input has been read so that all bad files are reported at once.
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
                for document, facts in extracted(items, extract, workers, summary.errors):
                    summary.count(store.write_document(db, document, facts, extractor_version), len(facts))
            if summary.errors:
                raise BuildFailed(db_path, summary.errors)
            store.enable_search(db)
            views.refresh(db)
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
            for document, facts in extracted(items, extract, 1, summary.errors):
                outcome = store.write_document(db, document, facts, extractor_version)
                summary.count(outcome, len(facts))
                if outcome != "unchanged":
                    changed.append(document.id)
            if summary.errors:
                raise BuildFailed(db_path, summary.errors)
            views.refresh(db, changed)  # only the series, revisions and target lines they touch
        if not all(db[f"{table}_fts"].exists() for table in store.FTS):
            store.enable_search(db)
        return summary
    finally:
        db.close()


def extracted(
    items: Iterable[Document | Exception], extract: Extract, workers: int, errors: list[str]
) -> Iterator[tuple[Document, list[Fact]]]:
    """(document, facts) in input order; input errors are appended to `errors` and skipped."""

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Document):
                yield item
            else:
                errors.append(str(item))

    if workers <= 1:
        for document in documents():
            yield document, _checked(extract, document)
        return
    # Processes, not threads: extraction is pure Python and CPU-bound. A bounded window of
    # futures keeps the order and never reads the whole corpus into memory.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        pending: deque[tuple[Document, Future[list[Fact]]]] = deque()
        for document in documents():
            pending.append((document, pool.submit(extract, document)))
            if len(pending) >= workers * WINDOW_PER_WORKER:
                done, future = pending.popleft()
                yield done, _checked(Future.result, future, done)
        while pending:
            done, future = pending.popleft()
            yield done, _checked(Future.result, future, done)
    finally:
        # On an error or Ctrl-C, drop the documents not yet started instead of extracting them.
        pool.shutdown(wait=True, cancel_futures=True)


def _checked(call: Callable[..., list[Fact]], arg: Any, document: Document | None = None) -> list[Fact]:
    """call(arg), an extractor error turned into ExtractionFailed naming the document."""
    try:
        return call(arg)
    except Exception as error:
        raise ExtractionFailed(document or arg, error) from error


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the build and cleans up, so the
    # workers should not die with tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _fsync(path: Path) -> None:
    """Flush a file (or a directory entry) to disk before and after the rename."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
