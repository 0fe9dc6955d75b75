"""Paragraphs, sentences and clauses with character offsets into the document text.

Split on 。！？ and newlines whatever follows (Chinese needs no space after 。), never on a '.'
between digits. Clauses split a sentence further on ，；：, and are where a number's words are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

# Opening on a class of letters, the engine skips fast to where one is (it does not for a lookahead).
_SENTENCE_END = re.compile(r"[。！？!?\n](?:(?<=\n)\n*|[。！？!?]*[”’」』）)]*)")
# —— opens a new clause (…拉大——浙江省实现GDP…); a comma before three digits is a thousands mark. The
# pattern opens on its class of letters, then tells them apart: [，：:；;]|——|,(?!\d{3}), skipped fast.
_CLAUSE_END = re.compile(r"[，：:；;,—](?:(?<=—)—|(?<=,)(?!\d{3})|(?<=[，：:；;]))")
MAX_SENTENCE = 2000  # a run-on "sentence" longer than this is cut, so work per sentence stays bounded


class Span(NamedTuple):
    """A piece of the document text and its offsets (a tuple: tens of thousands are made per MB)."""

    start: int
    end: int
    text: str


# Span(...) runs the namedtuple's __new__, a Python function; this makes the same tuple in C.
_new_tuple = tuple.__new__


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Non-empty lines between start and end."""
    end = len(text) if end is None else end
    pos = start
    for line in text[start:end].split("\n"):
        if line and not line.isspace():  # what strip() would leave empty: the same characters
            yield _new_tuple(Span, (pos, pos + len(line), line))
        pos += len(line) + 1


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end], stripped of surrounding spaces, with their offsets."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end() if text[m.start()] != "\n" else m.start()
        piece = text[pos:stop]
        if piece and len(piece) <= MAX_SENTENCE and not piece[0].isspace() and not piece[-1].isspace():
            out.append(_new_tuple(Span, (pos, stop, piece)))  # most sentences: nothing to strip or cut
        else:
            _add_bounded(out, text, pos, stop)
        pos = m.end()
    if pos < end:
        _add_bounded(out, text, pos, end)
    return out


def _add_bounded(out: list[Span], text: str, start: int, end: int) -> None:
    """Append text[start:end] stripped, cut into pieces of at most MAX_SENTENCE characters."""
    piece = text[start:end]
    stripped = piece.strip()
    if len(stripped) == len(piece) and len(piece) <= MAX_SENTENCE:
        if piece:
            out.append(Span(start, end, piece))  # most sentences: nothing to strip or cut
        return
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        comma = max(text.rfind("，", start, cut), text.rfind(",", start, cut))
        cut = comma + 1 if comma > start else cut
        out.append(Span(start, cut, text[start:cut]))
        start = cut
    out.append(Span(start, end, text[start:end]))


class Clauses:
    """The clauses of a sentence, split once: bounds(pos) is the clause around position pos."""

    def __init__(self, sentence: str) -> None:
        self.starts = [0]
        self.ends = []
        for m in _CLAUSE_END.finditer(sentence):
            start, end = m.span()
            self.ends.append(start)
            self.starts.append(end)
        self.ends.append(len(sentence))

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.ends, pos)
        i = min(i, len(self.ends) - 1)
        return self.starts[i], self.ends[i]
