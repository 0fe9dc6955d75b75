"""Write facts as JSON Lines or CSV, streaming, to stdout or atomically to a file."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def output_row(document: dict, fact: dict, fields: tuple[str, ...]) -> dict:
    """The output row of a fact (a facts row, indicators/store.py): its fields and its document's title and url."""
    row = fact | {"title": document["title"], "url": document["url"]}
    return {k: row.get(k) for k in fields}


def write(rows: Iterable[dict], fmt: str, output: Path | None, fields: tuple[str, ...]) -> int:
    """Write rows; a file is written beside its final name and renamed into place (a device or a pipe
    is written to directly). Returns the count."""
    if output is None:
        return _write_stream(rows, fmt, sys.stdout, fields, bom=False)
    if output.exists() and not output.is_file():
        # /dev/null, a named pipe: written to as it is; a rename would put a file in its place.
        with output.open("w", encoding="utf-8", newline="") as fh:
            return _write_stream(rows, fmt, fh, fields, bom=fmt == "csv")
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        # CSV files carry a UTF-8 BOM so that Excel opens the Chinese text correctly.
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            count = _write_stream(rows, fmt, fh, fields, bom=fmt == "csv")
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _write_stream(rows: Iterable[dict], fmt: str, fh, fields: tuple[str, ...], bom: bool) -> int:
    count = 0
    if fmt == "csv":
        if bom:
            fh.write("\ufeff")
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    else:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
