"""Document layouts: bulletin sections and headlines, newspaper pages extracted from PDF."""

from __future__ import annotations

import re
import statistics
from functools import cache

from extractors.regions import first_place, leading_place
from extractors.rulebook import alternation, word_list
from indicators.model import Section

# A line that ends one of these is a finished sentence or paragraph.
_TERMINAL = tuple("。！？；：…”」』）)")
_PUNCT = re.compile(r"[，。、；：！？,;:]")
_BYLINE = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}\s?[讯文][）)]$")
_DOUBLED = re.compile(r"(.{4,}?)\1")
_DOUBLED_RUN = re.compile(r"([\u4e00-\u9fff]{4,})\1")
_QUOTE_DOUBLED = re.compile(r"([“”‘’《》「」])\1")


@cache
def _sections() -> frozenset[str]:
    return frozenset(word_list("layout", "bulletin_sections"))


@cache
def _openers() -> tuple[str, ...]:
    return tuple(word_list("layout", "story_openers"))


def detect_layout(text: str) -> str:
    """'bulletin', 'newspaper' or 'text', from the content alone."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return "text"
    headers = sum(1 for line in lines if line.strip() in _sections())
    if any(line.startswith(_openers()) for line in lines) or _looks_column_wrapped(lines):
        return "newspaper"
    if headers >= 2:
        return "bulletin"
    return "text"


def _looks_column_wrapped(lines: list[str]) -> bool:
    """Most lines short and of one width: a page of narrow newspaper columns."""
    if len(lines) < 30:
        return False
    widths = [len(line) for line in lines]
    return statistics.median(widths) <= 22 and sum(1 for w in widths if w > 40) < len(widths) / 5


def _is_headline(line: str) -> bool:
    return (
        0 < len(line) <= 60
        and "。" not in line
        and not _PUNCT.search(line[-1])
        and not line.startswith(_not_headline_starts())
    )


@cache
def _not_headline_starts() -> tuple[str, ...]:
    return tuple(word_list("layout", "not_headline_starts"))


def bulletin_sections(text: str) -> tuple[Section, ...]:
    """One Section per headline; a headline is a short unpunctuated line after a paragraph or header."""
    sections: list[Section] = []
    heading: str | None = None
    offset = 0
    prev_done = True  # the previous non-empty line closed a paragraph
    for line in text.split("\n"):
        start, stripped = offset, line.strip()
        offset += len(line) + 1
        if not stripped:
            continue
        if stripped in _sections():
            heading, prev_done = stripped, True
            continue
        if prev_done and _is_headline(stripped) and not stripped.startswith(("一是", "二是", "三是")):
            if sections:
                sections[-1] = _close(sections[-1], start)
            lead = leading_place(stripped)
            sections.append(
                Section(start, len(text), stripped, heading, lead[1] if lead else first_place(stripped))
            )
        prev_done = stripped.endswith(_TERMINAL) or _is_headline(stripped)
    return tuple(sections)


def _close(section: Section, end: int) -> Section:
    return Section(section.start, end, section.title, section.heading, section.region)


def _dedouble(line: str) -> str:
    """PDF extraction doubles some headlines: 上海发放算力券推进上海发放算力券推进 -> 上海发放算力券推进."""
    if _QUOTE_DOUBLED.search(line):
        # Doubled quotes come with doubled runs inside them: ““模塑申城模塑申城””.
        line = _QUOTE_DOUBLED.sub(r"\1", line)
        line = _DOUBLED_RUN.sub(r"\1", line)
    m = _DOUBLED.fullmatch(line)
    return m.group(1) if m else line


def unwrap_newspaper(text: str) -> str:
    """Rejoin lines wrapped mid-sentence; headlines, bylines and story openers keep lines of their own."""
    lines = [line.strip() for line in text.split("\n")]
    filled = [line for line in lines if line]
    width = statistics.median([len(x) for x in filled]) if filled else 0
    paragraphs: list[str] = []
    current = ""

    def flush() -> None:
        nonlocal current
        if current:
            paragraphs.append(current)
        current = ""

    for i, line in enumerate(lines):
        if not line:
            continue
        line = _dedouble(line)
        if _BYLINE.match(line):
            flush()
            paragraphs.append(line)
            continue
        if line.startswith(_openers()):
            flush()
        nxt = next((x for x in lines[i + 1 : i + 4] if x), "")
        standalone = (
            not current
            and not line.startswith(_openers())
            and not _PUNCT.search(line)
            and (len(line) < 0.8 * width or nxt.startswith(_openers()) or not nxt or _BYLINE.match(nxt))
        )
        if standalone:
            paragraphs.append(line)
            continue
        current += line
        if line.endswith(_TERMINAL):
            flush()
    flush()
    return "\n".join(paragraphs)


def newspaper_sections(text: str) -> tuple[Section, ...]:
    """One Section per story: from 本报讯 (or the page top) to the next story."""
    starts = [0] + [m.start() for m in re.finditer(alternation(_openers(), searched=True), text) if m.start()]
    sections = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        body = text[start:end]
        first_line = body.split("\n", 1)[0]
        sections.append(Section(start, end, first_line[:60], None, first_place(body[:200], local=True)))
    return tuple(sections)


def article_sections(text: str) -> tuple[Section, ...]:
    """Sub-headlines of an article (年度盘点 items: 01 / 上汽集团智电转型步伐加快): one Section each."""
    sections: list[Section] = []
    offset = 0
    for line in text.split("\n"):
        start, stripped = offset, line.strip()
        offset += len(line) + 1
        if len(stripped) > 40 or not _is_headline(stripped) or stripped.isdigit():
            continue
        if sections:
            sections[-1] = _close(sections[-1], start)
        sections.append(Section(start, len(text), stripped, None, None))
    return tuple(sections)
