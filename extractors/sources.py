"""Files -> Documents: text files (bulletins, newspaper pages, plain text) and JSON exports of articles.

A file is recognised by its content, not its name. Bad input becomes a SourceError naming the file
and the reason; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from charset_normalizer import from_bytes

from extractors.layout import (
    article_sections,
    bulletin_sections,
    detect_layout,
    newspaper_sections,
    unwrap_newspaper,
)
from extractors.normalize import normalize
from indicators.model import Document

SUPPORTED_SUFFIXES = {".txt", ".json", ".jsonl", ".md", ".html", ".htm", ""}
MAX_BYTES = 200 * 1024 * 1024

# Keys of a WeChat article in a JSON export, with the English spellings other exports use.
ARTICLE_KEYS = {
    "id": ("文章标识符aid", "aid", "id"),
    "title": ("标题title", "title"),
    "url": ("链接url", "url", "link"),
    "published": ("时间time", "time", "published", "date"),
    "publisher": ("公众号名称", "account", "publisher", "source"),
    "content": ("finalContent", "content", "text"),
}
_DATE = re.compile(r"(20\d\d|19\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_LABELLED_DATE = re.compile(r"(?:发布时间|发布日期|日期|时间)[:：]\s*" + _DATE.pattern)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "big5", "cp936"}


class SourceError(Exception):
    """A file could not be read as a document."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def bundled_corpus() -> Path:
    """The sample corpus shipped with zhibiao (indicators/corpus)."""
    return Path(str(resources.files("indicators").joinpath("corpus")))


def read_paths(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Document | SourceError]:
    """Every document in `paths` (files, or directories read in name order), or the error of each bad file."""
    for file in source_files(paths):
        try:
            yield from read_file(file, published)
        except SourceError as exc:
            yield exc


def source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files in `paths`, in order: a file as given, a directory's readable files in name order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
        else:
            yield path


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def read_file(path: str | Path, published: str | None = None) -> list[Document]:
    """The documents in one file: one for a text file, one per article for a JSON export."""
    path = Path(path)
    return read_data(load_bytes(path), path, published)


def load_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, or a SourceError naming it: missing, too
    large, unreadable, or not a regular file. A FIFO, a device, a socket or a directory is refused
    before it is read (reading a FIFO could wait forever, /dev/zero never ends)."""
    try:
        kind = _file_kind(path.stat().st_mode)
        if kind:
            raise SourceError(path, f"{kind}, not a regular file; only regular files are read")
        # O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as file:
            kind = _file_kind(os.fstat(fd).st_mode)
            if kind:
                raise SourceError(path, f"{kind}, not a regular file; only regular files are read")
            # The limit holds while reading, whatever the size said: a file may grow meanwhile.
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise SourceError(path, f"file too large (more than {MAX_BYTES} bytes, the limit)")
    return data


def _file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO (named pipe)", ...); None for a regular file."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_data(data: bytes, path: Path, published: str | None = None) -> list[Document]:
    """The documents in the bytes of the file `path` (read here or shipped to a cluster worker)."""
    text = decode(data, path)
    head = text.lstrip()[:1]
    if head in "[{" and head:
        return read_json_export(text, path)
    return [read_text(text, path, published)]


def source_name(path: Path) -> str:
    """How a document's file is recorded: as given, or indicators/corpus/NAME for the bundled corpus,
    so that the same corpus builds the same database on any machine."""
    try:
        return f"indicators/corpus/{path.resolve().relative_to(bundled_corpus().resolve())}"
    except ValueError:
        return str(path)


def decode(data: bytes, path: str | Path) -> str:
    """Bytes -> str: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK detected."""
    if not data.strip():
        raise SourceError(path, "empty file")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise SourceError(
                    path, f"starts with a {codec} BOM but is not valid {codec}: {exc.reason}"
                ) from None
    sample = data[:8192]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise SourceError(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    encoding = (best.encoding if best else "").lower().replace("-", "").replace("_", "")
    codec = "gb18030" if encoding in _GB_FAMILY or not encoding else best.encoding
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(path, "unknown text encoding (not UTF-8, GB18030 or GBK)") from None
    if not _mostly_text(text):
        raise SourceError(path, f"unknown text encoding (decoding as {codec} gives no readable text)")
    return text


def _control_ratio(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / max(len(sample), 1)


def _mostly_text(text: str) -> bool:
    sample = text[:5000]
    readable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return readable >= 0.95 * len(sample)


def read_text(raw: str, path: Path, published: str | None = None) -> Document:
    """A text file: a bulletin, a newspaper page or plain text, recognised by its layout."""
    text = normalize(raw)
    if not text.strip():
        raise SourceError(path, "no text left after cleaning (only markup or whitespace)")
    layout = detect_layout(text)
    if layout == "newspaper":
        text = unwrap_newspaper(text)
        sections = newspaper_sections(text)
    elif layout == "bulletin":
        sections = bulletin_sections(text)
    else:
        sections = article_sections(text)  # plain text is an article: its short lines are its headings
    title = next((line for line in text.split("\n") if line.strip() and len(line) <= 80), None)
    if sections:
        title = sections[0].title if layout == "newspaper" else (title or sections[0].title)
    return Document(
        id=path.stem,
        text=text,
        source=source_name(path),
        source_kind=layout,
        title=title,
        published=published or date_in_text(text),
        sections=sections,
    )


def date_in_text(text: str) -> str | None:
    """The publication date a text states near its top (发布时间：2025年11月3日), as YYYY-MM-DD."""
    head = text[:400]
    m = _LABELLED_DATE.search(head)
    if not m:
        first_lines = head.split("\n")[:3]
        m = next(
            (_DATE.fullmatch(line.strip()) for line in first_lines if _DATE.fullmatch(line.strip())), None
        )
    return _iso(m.group(m.lastindex - 2), m.group(m.lastindex - 1), m.group(m.lastindex)) if m else None


def _iso(y: str, m: str, d: str) -> str | None:
    y_, m_, d_ = int(y), int(m), int(d)
    if 1 <= m_ <= 12 and 1 <= d_ <= 31:
        return f"{y_:04d}-{m_:02d}-{d_:02d}"
    return None


def read_json_export(text: str, path: Path) -> list[Document]:
    """A JSON export of WeChat articles: a list of objects with an id, a title and finalContent."""
    return json_documents(parse_json_export(text, path), path)


TOO_DEEP = "JSON nested too deeply (lists or objects about 1000 levels inside each other)"
_SHAPE = "expected a list of articles, objects with 文章标识符aid, 标题title and finalContent"


def parse_json_export(text: str, path: Path) -> list:
    """The list of articles of a JSON export (a single object is a list of one), not yet checked."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SourceError(path, TOO_DEEP) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise SourceError(path, f"JSON of another shape: {_SHAPE}")
    return data


def json_documents(items: list, path: Path, first: int = 0) -> list[Document]:
    """Documents of the articles items[0:], numbered from `first` in error messages (a part of an export)."""
    docs = []
    for n, item in enumerate(items, start=first):
        if not isinstance(item, dict):
            raise SourceError(path, f"JSON of another shape: item {n} is {type(item).__name__}; {_SHAPE}")
        fields = {name: _first(item, keys) for name, keys in ARTICLE_KEYS.items()}
        if fields["id"] is None or fields["content"] is None:
            raise SourceError(path, f"JSON of another shape: item {n} has no id or content; {_SHAPE}")
        if not isinstance(fields["content"], str):
            raise SourceError(path, f"item {n} ({fields['id']}): content is not a string")
        if any(
            isinstance(fields[name], list | dict) for name in ("id", "title", "url", "published", "publisher")
        ):
            raise SourceError(
                path, f"item {n}: a list or object where text is expected (id, title, url, time)"
            )
        title = normalize(str(fields["title"] or "")).replace("\n", " ")
        body = normalize(fields["content"])
        # The title is a sentence of its own: facts in it are quoted from the document text.
        full = f"{title}\n\n{body}" if title else body
        docs.append(
            Document(
                id=str(fields["id"]),
                text=full,
                source=source_name(path),
                source_kind="wechat",
                title=title or None,
                url=str(fields["url"]) if fields["url"] else None,
                published=_published(fields["published"]),
                publisher=str(fields["publisher"]) if fields["publisher"] else None,
                sections=article_sections(full),
            )
        )
    return docs


def _first(item: dict, keys: tuple[str, ...]):
    return next((item[k] for k in keys if k in item and item[k] not in (None, "")), None)


def _published(value) -> str | None:
    if value is None:
        return None
    m = _DATE.search(str(value))
    return _iso(*m.groups()) if m else None
