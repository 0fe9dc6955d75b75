"""Shards: extracted rows as JSON Lines files, written by `zhibiao extract --shards DIR` (on a cluster or
not) and loaded into one database by `zhibiao build --facts DIR`.

    DIR/part-00000.jsonl   one line per document, in input order:
                           {"document": {<documents row>}, "facts": [{<facts row>}, ...]}
    DIR/manifest.json      written last, so a run that stopped half-way is never loaded:
                           {"format": "zhibiao-shards/1", "parts": [...], "documents": N, "facts": N,
                            "errors": ["x.txt: binary file, not text", ...]}

Rows are exactly what indicators/store.py writes (`document_record`, `fact_record`), ids included,
so a database loaded from shards is the one a single-process build writes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FORMAT = "zhibiao-shards/1"
MANIFEST = "manifest.json"

Record = tuple[dict[str, Any], list[dict[str, Any]]]


class ShardError(Exception):
    """A shard directory is incomplete, of another format, or holds a broken line."""


class ShardWriter:
    """Write parts in order, then the manifest; refuses a directory that already holds shards."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        if (self.directory / MANIFEST).exists() or any(self.directory.glob("part-*.jsonl")):
            raise ShardError(
                f"{self.directory} already holds shards; give an empty directory or delete them first."
            )
        self.parts: list[str] = []
        self.documents = self.facts = 0

    def write(self, index: int, records: list[Record]) -> None:
        """One part: the records of partition `index` (nothing is written for none)."""
        if not records:
            return
        name = f"part-{index:05d}.jsonl"
        lines = (json.dumps({"document": d, "facts": f}, ensure_ascii=False) + "\n" for d, f in records)
        _write_atomic(self.directory / name, "".join(lines))
        self.parts.append(name)
        self.documents += len(records)
        self.facts += sum(len(f) for _, f in records)

    def close(self, errors: list[str]) -> None:
        """The manifest: the parts, the counts and the errors of the documents that are not there."""
        manifest = {
            "format": FORMAT,
            "parts": self.parts,
            "documents": self.documents,
            "facts": self.facts,
            "errors": errors,
        }
        _write_atomic(self.directory / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def read_manifest(directory: str | Path) -> dict[str, Any]:
    """DIR/manifest.json, checked; ShardError when the run did not finish or the format is another."""
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShardError(
            f"{path} not found: {directory} is not a finished `zhibiao extract --shards` run; run it again."
        ) from None
    except (OSError, ValueError) as error:
        raise ShardError(f"{path}: cannot read: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ShardError(f"{path}: not a manifest of format {FORMAT}")
    return manifest


def read(directories: Iterable[str | Path]) -> Iterator[Record]:
    """The records of every part of every directory, in order (each directory's manifest is checked first)."""
    directories = list(directories)
    manifests = [read_manifest(d) for d in directories]
    for directory, manifest in zip(directories, manifests, strict=True):
        for name in manifest["parts"]:
            path = Path(directory) / name
            try:
                with path.open(encoding="utf-8") as lines:
                    for number, line in enumerate(lines, start=1):
                        yield _record(line, path, number)
            except OSError as error:
                raise ShardError(f"{path}: cannot read: {error.strerror or error}") from None


def _record(line: str, path: Path, number: int) -> Record:
    try:
        row = json.loads(line)
        return row["document"], row["facts"]
    except (ValueError, KeyError, TypeError) as error:
        raise ShardError(f"{path} line {number}: not a shard line ({error})") from None


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unique_documents(rows: Iterable[Record | Exception | str]) -> Iterator[Record | Exception | str]:
    """The records, with a document whose id an earlier one of the run already has turned into an
    error naming both sources (two files of the same name in different folders, an article id
    repeated); the very same document again (same text, title, url, date) is left out, not refused."""
    seen: dict[str, tuple[str, int]] = {}  # id -> (source, fingerprint)
    for item in rows:
        if isinstance(item, (Exception, str)):
            yield item
            continue
        document = item[0]
        fingerprint = hash(tuple(document.get(k) for k in ("content_hash", "title", "url", "published")))
        first = seen.get(document["id"])
        if first is None:
            seen[document["id"]] = (document["source"], fingerprint)
            yield item
        elif first[1] != fingerprint:
            earlier = (
                f"another article of {first[0]}"
                if first[0] == document["source"]
                else f"a document from {first[0]}"
            )
            yield (
                f'{document["source"]}: document id "{document["id"]}" is already the id of {earlier}; '
                "give each document its own id (rename the file, or fix the article id)"
            )
