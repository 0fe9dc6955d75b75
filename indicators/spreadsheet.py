"""Rows as an Excel workbook (.xlsx) with typed cells, written by xlsxwriter.

A CSV leaves the types to Excel, which turns a period 2025-11 into the date Nov-25 and an all-digit
id into 8.21662E+15. Here text is a text cell, whatever it looks like (2025-11, 8216620000000000,
=SUM(…) is never a formula), and numbers are number cells. A second sheet says where the rows come
from: the address, the source and licence, the time of download, and what each column means.

    >>> body = workbook(["period_end", "value"], [("2025-11", 5.4)], about=[("Source", "zhibiao")])
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import xlsxwriter

MAX_CELL_CHARS = 32767  # Excel's limit for one cell
MAX_WIDTH = 60


def workbook(
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet: str = "data",
    about: Iterable[tuple[str, str]] = (),
    descriptions: dict[str, str] | None = None,
) -> bytes:
    """The .xlsx file: `rows` on the first sheet under a bold, frozen header with filters; `about`
    (label, text) lines and the column `descriptions` on a second sheet. Rows are written as they
    come (constant memory), so an iterator of many pages does not sit in memory twice."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,  # rows go to a temporary file as written
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    bold = book.add_format({"bold": True, "bg_color": "#F2F2F2", "bottom": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    data = book.add_worksheet(sheet[:31])
    widths = [len(str(c)) + 2 for c in columns]
    data.write_row(0, 0, list(columns), bold)
    n = 0
    for n, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                data.write_boolean(n, col, value)
            elif isinstance(value, int | float):
                data.write_number(n, col, value)
            else:
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                data.write_string(n, col, text[:MAX_CELL_CHARS])
                widths[col] = max(widths[col], min(len(text), MAX_WIDTH))
    for col, width in enumerate(widths):
        # Chinese characters are about twice as wide as Latin ones.
        data.set_column(col, col, min(width * 1.6, MAX_WIDTH))
    data.freeze_panes(1, 0)
    if columns:
        data.autofilter(0, 0, max(n, 1), len(columns) - 1)
    notes = book.add_worksheet("about")
    notes.set_column(0, 0, 22)
    notes.set_column(1, 1, 100)
    line = 0
    for label, text in about:
        notes.write_string(line, 0, label, bold)
        notes.write_string(line, 1, str(text), wrap)
        line += 1
    if descriptions:
        line += 1
        notes.write_row(line, 0, ["column", "meaning"], bold)
        for column in columns:
            line += 1
            notes.write_string(line, 0, column)
            notes.write_string(line, 1, descriptions.get(column, ""), wrap)
    book.close()
    return out.getvalue()
