"""Files -> partitions of work -> database rows: the unit a worker (local or on a Dask cluster) extracts.

The client reads each file's bytes and groups them into partitions of about `target` bytes; a JSON
export is split by article. A worker turns a partition into rows, one document at a time: a file
it cannot read, an article of an export it cannot read or a document the extractor fails on
becomes an error naming the file and the reason, and the other documents go on. Partitions are numbered in input order; writing
their rows in that order gives the database a one-process build gives.

    >>> [len(r.records) for r in map(extract_partition, partitions(["corpus/"]))]   # doctest: +SKIP
    [3, 2, 40, 40]
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.sources import (
    SourceError,
    decode,
    json_documents,
    load_bytes,
    parse_json_export,
    read_data,
    source_files,
    source_name,
)
from indicators.model import Document
from indicators.shards import Record  # a documents row and its facts rows

# About 1/4 MB of input per partition: enough work to make a task's overhead (a few ms) vanish,
# small enough that two workers share even the bundled corpus and memory stays flat.
TARGET_BYTES = 256 * 1024


@dataclass(frozen=True)
class Source:
    """A whole file's bytes, or a run of the articles of a JSON export (numbered from `first`)."""

    path: str  # as recorded in documents.source (indicators/corpus/NAME for the bundled corpus)
    data: bytes | None = None
    articles: list | None = None
    first: int = 0
    share: int = 0  # a run of articles: its share of the export's bytes

    @property
    def size(self) -> int:
        """Bytes of input: the file's, or the run of articles' share of it."""
        return len(self.data) if self.data is not None else self.share

    def __str__(self) -> str:
        if self.articles is None:
            return self.path
        return f"{self.path} (articles {self.first}–{self.first + len(self.articles) - 1})"


@dataclass(frozen=True)
class Partition:
    """Sources to extract together; `index` orders the results."""

    index: int
    sources: tuple[Source, ...]
    published: str | None = None

    @property
    def size(self) -> int:
        return sum(s.size for s in self.sources)

    def __str__(self) -> str:
        return f"partition {self.index} ({', '.join(map(str, self.sources))})"


@dataclass
class PartitionResult:
    """What a worker sends back: the rows of every document it extracted, and the errors."""

    index: int
    records: list[Record] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    size: int = 0  # bytes of input

    @property
    def facts(self) -> int:
        return sum(len(facts) for _, facts in self.records)


def partitions(
    paths: Iterable[str | Path], published: str | None = None, target: int = TARGET_BYTES
) -> Iterator[Partition | SourceError]:
    """The partitions of the files in `paths` in input order, or the error of a file that cannot be read."""
    index = 0
    batch: list[Source] = []
    size = 0
    for path in source_files(paths):
        try:
            data = load_bytes(path)
        except SourceError as error:
            yield error
            continue
        for source in _split(path, data, target):
            if batch and size + source.size > target:
                yield Partition(index, tuple(batch), published)
                index, batch, size = index + 1, [], 0
            batch.append(source)
            size += source.size
    if batch:
        yield Partition(index, tuple(batch), published)


def _split(path: Path, data: bytes, target: int) -> Iterator[Source]:
    """A file as one Source; a JSON export as runs of its articles, of about `target` bytes each."""
    name = source_name(path)
    if not _looks_like_json(data):
        yield Source(name, data=data)
        return
    try:
        items = parse_json_export(decode(data, path), path)
    except SourceError:
        items = []
    if not all(isinstance(item, dict) for item in items) or not items:
        yield Source(name, data=data)  # not a list of articles: the worker reports why, as usual
        return
    per_part = max(1, len(items) * target // len(data))
    for start in range(0, len(items), per_part):
        end = min(start + per_part, len(items))
        # Shares that add up to the file's size, for the progress bar.
        share = len(data) * end // len(items) - len(data) * start // len(items)
        yield Source(name, articles=items[start:end], first=start, share=share)


def _looks_like_json(data: bytes) -> bool:
    head = data[:64].removeprefix(codecs.BOM_UTF8).lstrip()
    return head[:1] in (b"[", b"{")


def extract_partition(partition: Partition) -> PartitionResult:
    """Read and extract every document of a partition (on a worker): rows in order, and the errors."""
    import extractors
    from indicators import store

    version = extractors.EXTRACTOR_VERSION
    result = PartitionResult(partition.index, size=partition.size)
    for document in _documents(partition):
        if isinstance(document, SourceError):
            result.errors.append(str(document))
            continue
        try:
            facts = extractors.extract(document)
        except Exception as error:  # a bug must not stop the other documents
            result.errors.append(f"{document.source}: document {document.id}: extraction failed: {error!r}")
            continue
        rows = [store.fact_record(fact, document, version) for fact in facts]
        result.records.append((store.document_record(document, version), rows))
    return result


def _documents(partition: Partition) -> Iterator[Document | SourceError]:
    """The documents of each source; a bad file, or a bad article of an export, as its SourceError."""
    for source in partition.sources:
        path = Path(source.path)
        try:
            if source.articles is None:
                yield from read_data(source.data or b"", path, partition.published)
                continue
        except SourceError as error:
            yield error
            continue
        for n, article in enumerate(source.articles, start=source.first):
            try:
                yield from json_documents([article], path, first=n)
            except SourceError as error:
                yield error
