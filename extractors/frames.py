"""The document as a tree of frames: what each node states about time, place, kind and topic.

A document is read as a tree, document > heading scope > paragraph > sentence > clause. Each node
has a frame filled only from what that node states; a quantity takes each attribute from the
innermost frame that states it, and the publication date and the publisher come last::

    1-8月江苏外贸同增17.1%   (published 2021-09-17)       document: 2021-01..08, 江苏
    └─ 一、总体情况                                         heading: (states nothing)
       └─ 据海关通报，今年以来，全省进出口3.29万亿元。        paragraph: 今年以来 -> the document's 1-8月
          ├─ sentence: 其中，出口2.03万亿元，同增18.6%。     topic: 出口
          │  └─ clause: 同增18.6%                          -> growth of 出口, 江苏, 2021-08
          └─ sentence: 民企进出口1.23万亿元。              entity: 江苏 (the document's)

Frames are stated by: a headline or heading (its time, its place or organisation, a plan or a
review word: 主要工作, 回顾), the opening clause of a paragraph (这五年，…; 2024年，…: the time a
paragraph is about holds for the paragraphs after it under the same heading), a sentence (its
times and subject hold for the rest of its paragraph), and a clause (its own time and subject).
The rules are data: rules/frames.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from extractors.entities import (
    HOME,
    REFERS_BACK,
    EntityReader,
    SentenceSubjects,
    anaphor,
    colon_name,
    document_entity,
    document_region,
    opens_with_anaphor,
)
from extractors.periods import (
    Period,
    TimeMention,
    find_times,
    parse_published,
    reference_date,
    year_period,
    ym,
)
from extractors.quantities import may_state_quantity
from extractors.regions import place_spans, zone_after
from extractors.rulebook import alternation, any_of, rules, word_list
from extractors.sentences import Span, paragraphs, sentences
from extractors.timing import runs_to
from indicators.model import Document


@dataclass(frozen=True)
class Frame:
    """What one node of the tree states; None where it states nothing."""

    period: Period | None = None
    entity: str | None = None
    kind: str | None = None  # "target" or "actual": a plan's or a review's words
    topic: str | None = None  # the indicator a bare 增长X% continues


@dataclass
class _Scope:
    """A heading and the paragraphs under it, until the next heading of its level or above."""

    level: int
    frame: Frame
    period: Period | None = None  # the time the last paragraph opening under it stated
    seen: bool = False  # a paragraph under it was read
    _framed: tuple[Frame, Period, Frame] | None = None  # (frame, period, the one dated by the other)

    def framed(self) -> Frame:
        """Its frame, dated by the period last stated under it: made once for the paragraphs under
        it, not copied for each of them."""
        if self.period is None:
            return self.frame
        if self._framed is None or self._framed[0] is not self.frame or self._framed[1] is not self.period:
            self._framed = (self.frame, self.period, replace(self.frame, period=self.period))
        return self._framed[2]


class Sentence:
    """One sentence with the frames around it, innermost first. What depends on the sentences
    before it in its paragraph (their times and subjects) is read only when asked for: most
    sentences state no number, and nothing is asked of them.

    A plain class with slots, its text and start attributes: one is made for every sentence, and
    the facts read its text many times."""

    __slots__ = (
        "span",
        "text",
        "start",
        "told",
        "index",
        "outer",
        "headline",
        "document",
        "topic",
        "index_base",
    )

    def __init__(
        self,
        span: Span,
        told: _Paragraph,  # its paragraph's sentences, read when needed
        index: int,  # its place in the paragraph
        outer: list[Frame],  # heading scopes (innermost first), then the document
        headline: bool,  # a headline or heading line, not a statement of the body
        document: DocumentFrames,
        topic: str | None = None,  # the indicator a bare 增长X% continues
        index_base: bool = False,  # under a table or words that set last year to 100 (上年=100)
    ) -> None:
        self.span = span
        self.start, _, self.text = span
        self.told = told
        self.index = index
        self.outer = outer
        self.headline = headline
        self.document = document
        self.topic = topic
        self.index_base = index_base

    @property
    def times(self) -> list[TimeMention]:
        return self.told.times(self.index)

    @property
    def subjects(self) -> SentenceSubjects:
        return self.told.subjects(self.index)

    @property
    def paragraph(self) -> Frame:
        """What the sentences before it in its paragraph stated: their last time and subject."""
        return Frame(
            period=self.told.period_before(self.index),
            entity=self.told.subject_before(self.index),
            topic=self.topic,
        )

    @property
    def anaphoric(self) -> bool:
        """Opens with 会上, 当天…: dated like the event the sentence before told."""
        return bool(self.told.period_before(self.index)) and self.text.startswith(_anaphora())

    def frames(self) -> Iterator[Frame]:
        yield self.paragraph
        yield from self.outer

    def framed_period(self) -> Period | None:
        """The period the frames around the sentence state, innermost first (the paragraph's
        is read alone: its subject costs more and says nothing of time)."""
        told = self.told.period_before(self.index)
        return told or next((f.period for f in self.outer if f.period), None)

    def period_at(self, own: Period | None, rate: bool = False) -> tuple[Period | None, bool]:
        """(period, stated in the sentence) for a quantity whose own clause states `own` (or None).

        An undated rate in an article early in a year is the year reported on; an undated level
        is as of publication (研发人员占比超70%, 员工385名: now)."""
        framed = self.framed_period()
        if own is not None:
            if own.to_date and framed and framed.end and framed.year == own.year and framed.start:
                return framed, True  # 今年以来 in a release on 1-7月 is 1-7月
            return own, True
        told = self.told.period_before(self.index)
        if told:
            return (told if self.anaphoric else self._told(told)), False
        if framed:
            return framed, False
        if rate and self.document.report_year:
            return self.document.report_year, False
        return self.document.now, False

    def span_around(self, period: Period | None) -> Period | None:
        """The span of years a frame states that ends in `period`'s year (过去五年，…2025年达到6.2万亿元，
        年均增长5.6%: the average is over the five years, not 2025)."""
        if period is None or period.span or not period.end:
            return None
        told = [
            t.period
            for k in range(self.index, -1, -1)
            for t in reversed(self.told.times(k))
            if not t.comparison
        ]
        framed = [f.period for f in self.outer if f.period]
        return next((p for p in told + framed if p.span and p.end and p.end[:4] == period.end[:4]), None)

    def _told(self, told: Period) -> Period:
        """What a time told earlier in the paragraph says about this sentence: its year (1-11月 ->
        2025), or the outer frame's time when that lies in the same year (a headline's 1-8月 after
        a sentence on 1-8月), or the whole of a span or an end date."""
        outer = next((f.period for f in self.outer if f.period), None)
        if outer and not outer.span and not outer.until and outer.year == told.year and not told.span:
            return outer
        return told

    def entity_at(self, pos: int) -> str | None:
        entity = self._resolve(self._entity_at(pos))
        # A heading's short name (4. 中银金科：…) names the firm its sentences call by the full name
        # (中银金融科技有限公司): the section keeps the name its heading uses.
        short = next((f.entity for f in self.outer if f.entity), None)
        if entity and short and short != entity and _abbreviates(short, entity):
            # 上海外高桥造船有限公司 named in the sentence itself is a firm named after its place, not
            # the place of the heading (上海核心区 is a part of the place; a name carried from an
            # earlier sentence yields to the heading).
            firm = place_of(short) and not zone_after().match(entity, len(short))
            return entity if firm and self.subjects.at(pos) == entity else short
        return entity

    def entity_before_clause(self, pos: int) -> str | None:
        """Who the clauses before pos's, else the frames, say the number is about."""
        own = self.subjects.before_clause(pos)
        return self._resolve(own or self._framed_entity())

    def _resolve(self, entity: str | None) -> str | None:
        """全区… names the region of the nearest heading or headline that names one, else the
        document's place or its publisher's."""
        if entity != HOME:
            return entity
        return next((f.entity for f in self.outer if place_of(f.entity)), None) or self.document.home

    def _entity_at(self, pos: int) -> str | None:
        own = self.subjects.at(pos)
        if own:
            return own
        # A sentence opening with 该项目, 该集团: the one the paragraph's sentences before it named.
        if opens_with_anaphor(self.text):
            told = anaphor(self.text, "".join(self.told.texts[: self.index]))
            if told:
                return told
        names = self.document.reader.names
        reader = self.document.reader
        if reader.opens_with_product(self.text) and (maker := reader.first_introduced()):
            # 该产品…累计销售收入: its maker, the firm the text introduces, even further on.
            return self._framed_entity(names) or maker
        if names and REFERS_BACK.match(self.subjects.clause_at(pos)):
            # 公司, 其: the organisation introduced before, not the place the paragraph named.
            introduced = self._framed_entity(names)
            if introduced:
                return introduced
        return self._framed_entity()

    def _framed_entity(self, names: tuple[str, ...] | None = None) -> str | None:
        """The entity of frames() innermost first (one of `names`, if given), without building
        the paragraph's frame: its time is not needed here."""
        told = self.told.subject_before(self.index)
        if told and (names is None or told in names):
            return told
        return next((f.entity for f in self.outer if f.entity and (names is None or f.entity in names)), None)

    def framed_kind(self) -> str | None:
        return next((f.kind for f in self.outer if f.kind), None)  # a paragraph states no kind


class _Paragraph:
    """A paragraph's sentences, read in order only as far as a sentence needs: the time a sentence
    states (its last explicit one) and the subject it names hold for the rest of the paragraph."""

    def __init__(self, frames: DocumentFrames, outer: list[Frame]) -> None:
        self.frames = frames
        self.outer = outer
        self.texts: list[str] = []
        self._times: list[list[TimeMention]] = []
        self._periods: list[Period | None] = [None]  # the time in force before sentence k
        self._subjects: dict[int, SentenceSubjects] = {}
        self._carried: list[str | None] = [None]  # the subject in force before sentence k

    def times(self, index: int) -> list[TimeMention]:
        while len(self._times) <= index:
            self._read_times(len(self._times))
        return self._times[index]

    def period_before(self, index: int) -> Period | None:
        if index:
            self.times(index - 1)
        return self._periods[index]

    def _read_times(self, k: int) -> None:
        told = self._periods[k]
        context_year = _year_in(told or next((f.period for f in self.outer if f.period), None))
        text = self.texts[k]
        times, _ = find_times(text, self.frames.reference, context_year)
        self._times.append(times)
        last = next(  # the last explicit time: read from the end, the times before it do not matter
            (
                t.period
                for t in reversed(times)
                if t.period.end
                and not t.comparison
                and not t.period.to_date
                and text[t.start - 1 : t.start] not in ("从", "由")  # a baseline's time
                and not runs_to(text, t)  # 订单排到了明年二季度: not the time of the sentences after it
                and not _history(t.period, self.frames.reference)
            ),
            None,
        )
        self._periods.append(told if last is None else last)

    def subjects(self, index: int) -> SentenceSubjects:
        if index not in self._subjects:
            self._subjects[index] = self.frames.reader.sentence(self.texts[index])
        return self._subjects[index]

    def subject_before(self, index: int) -> str | None:
        while len(self._carried) <= index:
            k = len(self._carried) - 1
            self._carried.append(self.subjects(k).carried or self._carried[-1])
        return self._carried[index]


class DocumentFrames:
    """Reads a Document into its tree of frames and yields its sentences in order.

    After each sentence, `tell(sentence, indicators)` says which indicators it stated, so the next
    sentences of the paragraph can continue them.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.reference = document.published or reference_date(document.text)
        pub = parse_published(self.reference)
        self.now = Period(None, ym(*pub), until=True, now=True) if pub else None
        self.reader = EntityReader(document.text, document.title)
        self.frame = self._document_frame()
        # A headline opening with 全省 names no place: with none found anywhere, the home is unknown.
        named = self.frame.entity if self.frame.entity != HOME else None
        self.home = place_of(self.frame.entity) or document_region(document) or named
        self.report_year = self._report_year()
        self._topic: str | None = None
        self._seen_body = False
        self.index_base = False

    # -- the document ------------------------------------------------------------------------
    def _document_frame(self) -> Frame:
        doc = self.document
        title = doc.title or ""
        return Frame(
            period=_stated_period(title, self.reference),
            entity=document_entity(doc, self.reader),
            kind=_document_kind(doc),
        )

    def _report_year(self) -> Period | None:
        """An article early in a year that names the year before at least twice reports on it."""
        if self.frame.period:
            return None
        pub = parse_published(self.reference)
        if not pub or pub[1] > 3:
            return None
        if self.document.text.count(f"{pub[0] - 1}年") >= 2:
            return year_period(pub[0] - 1)
        return None

    # -- the tree ----------------------------------------------------------------------------
    def sentences(self) -> Iterator[Sentence]:
        """Every sentence of the document that may state a quantity, with its frames, in order."""
        doc = self.document
        text = doc.text
        headings = _headings(doc)
        scopes: list[_Scope] = []
        title_end = len(doc.title) if doc.title and text.startswith(doc.title) else 0
        for para in paragraphs(text):
            if _is_boilerplate(para.text):
                continue
            level = headings.get(para.start)
            if para.start < title_end:
                level = None  # the document's own headline: its frame is the document's
            if level is not None:
                if _NUMBERED.match(para.text):
                    self.index_base = False  # a numbered heading ends the table of indices
                while scopes and scopes[-1].level >= level:
                    scopes.pop()
                scopes.append(_Scope(level, self._heading_frame(para.text)))
            yield from self._paragraph(para, scopes, headline=level is not None or para.start < title_end)

    def _heading_frame(self, heading: str) -> Frame:
        return Frame(
            period=_stated_period(heading, self.reference),
            entity=colon_name(heading, self.reader) or self.reader.headline(heading),
            kind=_heading_kind(heading),
        )

    def _paragraph(self, para: Span, scopes: list[_Scope], headline: bool) -> Iterator[Sentence]:
        goals = None if headline else _goals_label().match(para.text)
        if goals:
            # 主要目标：到2027年，…: a label of goals opens a scope of targets to its horizon, over the
            # paragraphs after it (——产业规模持续壮大。…) until the next heading.
            horizon = _horizon(para.text[goals.end() :], self.reference)
            scopes.append(_Scope(_GOALS_LEVEL, Frame(period=horizon, kind="target")))
        outer = [s.framed() for s in reversed(scopes)]
        outer.append(self.frame)
        # The time a paragraph opens with holds for the paragraphs after it under the same heading, or
        # in a plan for all of it: a headline's, or one under neither, is not read.
        plans = self.frame.kind == "target"
        # The lead of a text with no headings (市商务委数据显示，今年1-10月，…) may frame all of it, as a
        # headline would.
        first = not plans and not headline and not scopes and self._first_paragraph(scopes)
        read = not headline and (scopes or plans or first)
        opening = _opening_period(para.text, self.reference, outer) if read else None
        if opening is None and plans and not headline and (not scopes or scopes[-1].period is None):
            # A plan named in a text's first paragraph (《…方案（2026—2030年）》, 到2027年) sets its horizon.
            opening = _horizon(para.text, self.reference) if self._first_paragraph(scopes) else None
        # Only a lead reporting data does: one citing its source, or stating a span of months to date
        # (a story's lead time, 2023年成立的…, is the time of its story).
        lead = first and bool(opening) and (bool(_attribution().match(para.text)) or _months_to_date(opening))
        if opening and scopes and not headline:
            scopes[-1].period = opening
            outer[0] = replace(outer[0], period=opening)
            if plans and opening.until and self.frame.period is None and _frames_document(self):
                # 一、总体目标 到2027年，…: a plan's first horizon is its own, for the sections after too.
                self.frame = replace(self.frame, period=opening)
                outer[-1] = self.frame
        elif opening and (plans or lead) and not headline and _frames_document(self):
            self.frame = replace(self.frame, period=opening)  # a plan's horizon, for all of it
            outer[-1] = self.frame
        self._topic = None
        # A paragraph where no quantity can be read (under 上年=100, an index can) is not split into
        # sentences, nor are they yielded.
        stating = self.index_base or "100" in para.text or may_state_quantity(para.text)
        told = _Paragraph(self, outer) if stating else None
        for index, sent in enumerate(sentences(self.document.text, para.start, para.end) if stating else ()):
            told.texts.append(sent.text)
            if "100" in sent.text and _INDEX_BASE.search(sent.text):
                self.index_base = True  # until the next heading
            yield Sentence(sent, told, index, outer, headline, self, self._topic, self.index_base)
        # An organisation the paragraph introduces (…是一家…公司) is who the paragraphs after it are
        # about, under the same heading: 公司, 其 and sentences with no subject refer to it.
        introduced = self.reader.introduced_in(para.start, para.end)
        if introduced and not headline and not self._names_organisation():
            if scopes:
                scopes[-1].frame = replace(scopes[-1].frame, entity=introduced)
            else:
                self.frame = replace(self.frame, entity=introduced)

    def _names_organisation(self) -> bool:
        """The headline names an organisation: the text is about it, not about a firm it introduces
        (a shipyard's article introducing its customer)."""
        entity = self.frame.entity
        return bool(entity) and not any(s == 0 and e == len(entity) for s, e, _ in place_spans(entity))

    def _first_paragraph(self, scopes: list[_Scope]) -> bool:
        if scopes:
            first = not scopes[-1].seen
            scopes[-1].seen = True
            return first
        first = not self._seen_body
        self._seen_body = True
        return first

    def tell(self, indicators: list[str]) -> None:
        """The indicators a sentence stated: the last one is the topic its paragraph continues."""
        if indicators:
            self._topic = indicators[-1]


_INDEX_BASE = re.compile(r"(?:上年|上年同期|上年同月|上月)\s*[=＝]\s*100|以(?:上年|上年同期)为100")


def _history(period: Period, reference: str | None) -> bool:
    """A time more than five years before publication (回想起2006年他…): a story's flashback, which
    dates its own sentence and not the sentences after it."""
    pub = parse_published(reference)
    return bool(pub and period.end) and int(period.end[:4]) < pub[0] - 5


def _abbreviates(short: str, full: str) -> bool:
    """中银金科 abbreviates 中银金融科技有限公司: same first character, the short name's characters
    in order in the full one, and the full one longer."""
    if len(short) < 2 or len(full) <= len(short) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def place_of(entity: str | None) -> str | None:
    """The entity when it is a place (江苏), None when it is an organisation."""
    spans = place_spans(entity or "")
    return entity if spans and spans[0][0] == 0 and spans[-1][1] == len(entity) else None


def _year_of(frames: list[Frame]) -> int | None:
    """The year months and quarters without one refer to: not a plan's end date (到2027年) or span."""
    return _year_in(next((f.period for f in frames if f.period), None))


def _year_in(period: Period | None) -> int | None:
    """The year of the period in force, as _year_of."""
    return period.year if period and not period.span and not period.until else None


def _frames_document(frames: DocumentFrames) -> bool:
    """With no heading, an opening time holds for the rest of the document only when the
    headline states none: a headline's 1-8月 is not overridden by a paragraph's 2020年."""
    return frames.document.title is None or _stated_period(frames.document.title, frames.reference) is None


def _stated_period(text: str, reference: str | None) -> Period | None:
    """The one period a headline or heading states (not a comparison base); None when it states
    several different ones (十四五成就和十五五目标) or none."""
    times, _ = find_times(text, reference)
    periods = [t.period for t in times if not t.comparison and t.period.end]
    if len({(p.start, p.end, p.until) for p in periods}) != 1:
        return None  # 年度 after 2025年 is the same year
    return None if periods[0].now else periods[0]


_CLAUSE_MARK = re.compile(r"[，,。；：:！？]")


@cache
def _names_a_time() -> re.Pattern:
    """The characters one of them must hold for an opening to set a time (a year, month, quarter,
    five-year plan or season; 目前 sets none): most paragraphs open with none of them."""
    seasons = "".join(rules("periods")["seasons"])
    return re.compile(f"[年月季五{re.escape(seasons)}]")


_DIGIT_OR_PERCENT = re.compile(r"[\d%％]")


def _opening_period(paragraph: str, reference: str | None, outer: list[Frame]) -> Period | None:
    """The time a paragraph opens with (2024年，…; 这五年，…; “十四五”时期是…): its first clause's
    (months without a year are of the year the frames `outer` state, read only when one is named)."""
    source = _attribution().match(paragraph) if _attribution_word().search(paragraph, 0, 32) else None
    if source:
        paragraph = paragraph[source.end() :]  # 市商务委数据显示，今年1-10月，…: the time after the source
    mark = _CLAUSE_MARK.search(paragraph, 0, 31)  # only the opening 30 characters can hold it
    first = paragraph[: mark.start()] if mark else paragraph
    if len(first) > 30 or not _names_a_time().search(first):
        return None
    times, _ = find_times(first, reference, _year_of(outer))
    if not times:
        return None  # (no period below, whatever the rest holds)
    rest = first
    for t in reversed(times):
        rest = rest[: t.start] + rest[t.end :]
    if _DIGIT_OR_PERCENT.search(rest):
        return None  # 1-11月营收达到…亿元: a statement, not a time set over what follows
    periods = [
        t.period
        for t in times
        if t.period.end
        and not t.comparison
        and not t.period.now
        and not t.period.to_date
        and not first[: t.end].endswith("日")
        and not _event_time(t.period)
    ]  # 1月21日，…, 去年3月，…: the day or month of an event, not the time the paragraph is about
    return periods[0] if len(periods) == 1 else None


def _months_to_date(period: Period) -> bool:
    """1-10月, 前三季度, 上半年: a span of months from January, short of the whole year."""
    return (
        bool(period.start and period.end)
        and period.start.endswith("-01")
        and period.start < period.end
        and not period.end.endswith("-12")
    )


@cache
def _attribution_word() -> re.Pattern:
    return re.compile(alternation(word_list("frames", "attributions")))


@cache
def _attribution() -> re.Pattern:
    """A first clause saying where the numbers come from: 据市统计局统计，…; 记者从市经信委获悉，…."""
    words = alternation(word_list("frames", "attributions"))
    return re.compile(rf"[^，。；！？\n]{{0,24}}?(?:{words})[，,：:]")


def _event_time(period: Period) -> bool:
    """One month (去年3月) or a month's end (今年8月末): when something happened, not a time the
    paragraphs after it are about."""
    one_month = bool(period.start) and period.start == period.end
    month_end = period.until and bool(period.end) and not period.end.endswith("-12")
    return one_month or month_end


_GOALS_LEVEL = 9  # below every numbered heading: the next heading of any level ends it


@cache
def _goals_label() -> re.Pattern:
    return re.compile(rf"(?:{alternation(word_list('frames', 'goals_labels'))})[：:]")


def _horizon(paragraph: str, reference: str | None) -> Period | None:
    """The first plan horizon a paragraph states: 《…方案（2026—2030年）》, 到2027年."""
    times, _ = find_times(paragraph, reference)
    return next(
        (
            t.period
            for t in times
            if not t.comparison and (t.period.span or t.period.until) and not t.period.now
        ),
        None,
    )


# A numbered heading: 一、 is level 1, （一） is 2, 1. is 3 (the number of the group that matched).
_NUMBERED = re.compile(
    r"([一二三四五六七八九十]+、)|([（(][一二三四五六七八九十]+[）)])|(\d{1,2}[、.．](?!\d))"
)


def _headings(doc: Document) -> dict[int, int]:
    """Offset of each heading line -> its level: 一、 is 1, （一） is 2, 1. is 3; a layout section's
    title (a bulletin item, a story, an article's sub-headline) is 1 unless numbered otherwise."""
    out = {}
    for s in doc.sections:
        if _CAPTION.match(s.title):
            continue  # 图1…, 表2…: a figure's caption, not a heading over the text after it
        out[s.start] = _level(s.title)
    return out


_CAPTION = re.compile(r"^\s*[图表]\s*\d")


def _level(title: str) -> int:
    numbered = _NUMBERED.match(title)
    return numbered.lastindex if numbered else 1


def _heading_kind(heading: str) -> str | None:
    if _cue("review_headings").search(heading):
        return "actual"
    if _cue("plan_headings").search(heading):
        return "target"
    return None


def _document_kind(doc: Document) -> str | None:
    """A bulletin of plans or a document titled as a plan states targets unless it says otherwise."""
    if doc.source_kind == "bulletin" or _titled(doc, "plan_titles"):
        return "target"
    return None


def is_rules_document(doc: Document) -> bool:
    """A regulation or call for applications (管理办法, 申报指南…): its bounds are criteria."""
    return _titled(doc, "rule_titles")


def _titled(doc: Document, key: str) -> bool:
    return any(word in (doc.title or "") for word in word_list("kinds", key))


@cache
def _cue(key: str) -> re.Pattern:
    return any_of("frames", key)


@cache
def _anaphora() -> tuple[str, ...]:
    return tuple(word_list("periods", "anaphora"))


def _is_boilerplate(text: str) -> bool:
    """欢迎转发…, 转载自…: a WeChat footer or reposting note (the words may follow a mark or two);
    ·交付新船72艘！…·8.37万平方米！…: a list of links to other articles, whose numbers those state
    (titles: a ·-item written as a sentence, ending in 。, is kept)."""
    if any_of("layout", "boilerplate").search(text, 0, 12):
        return True
    return text.lstrip().startswith("·") and not text.rstrip().endswith(("。", "；"))
