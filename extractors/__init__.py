"""Documents -> facts. `extract(document)` is the whole pipeline, top to bottom.

>>> from extractors.sources import read_file
>>> [f.indicator for f in extract(read_file("article.txt")[0])]      # doctest: +SKIP
['地区生产总值', '地区生产总值']
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.dedupe import headline_like, merge_statements
from extractors.entities import EntityReader, document_region
from extractors.facts import Context, sentence_facts
from extractors.periods import Period, find_times, reference_date
from extractors.quantities import find_quantities
from extractors.rulebook import word_list
from extractors.sentences import paragraphs, sentences
from extractors.timing import carry, report_year, title_year
from indicators.catalogue import Catalogue, load_catalogue
from indicators.model import Document, Fact

EXTRACTOR_VERSION = "0.2.0"


@dataclass(frozen=True)
class _Unit:
    """A stretch of the document with one default region and title: a bulletin article, a story, or all."""

    start: int
    end: int
    title: str | None
    region: str | None
    headline_end: int  # text before this offset is the headline


def extract(document: Document, catalogue: Catalogue | None = None) -> list[Fact]:
    """Every indicator fact in `document`, in order of appearance."""
    # Relative time words (去年, 今明两年, 全年) are read against the publication date, or, for a
    # document that states none, against the latest year it reports on.
    reference = document.published or reference_date(document.text)
    ctx = Context(
        document=document,
        catalogue=catalogue or load_catalogue(),
        reader=EntityReader(document.text),
        reference=reference,
        report_year=report_year(document, reference),
        default_kind="target"
        if document.source_kind == "bulletin" or _titled(document, "plan_titles")
        else "actual",
        rules_document=_titled(document, "rule_titles"),
    )
    facts: list[Fact] = []
    headline_facts: list[Fact] = []
    for unit in _units(document, ctx.reader):
        # Split.
        year = title_year(unit.title) or title_year(document.title)
        plan = _plan_period(
            document, unit, ctx.reference, ctx.default_kind == "target" and document.source_kind != "bulletin"
        )
        for para in paragraphs(document.text, unit.start, unit.end):
            if _is_boilerplate(para.text):
                continue
            # A year stated in one paragraph holds for the rest of that paragraph only;
            # the horizon of the plan an article reports on holds for all of it.
            context_year = year
            carried: Period | None = plan
            subject = unit.region
            carried_whole: Period | None = None
            paragraph_facts: list[Fact] = []
            for sent in sentences(document.text, para.start, para.end):
                if carried_whole and sent.text.startswith(tuple(word_list("periods", "anaphora"))):
                    carried = carried_whole  # 会上首发了…: the date of the event just told
                # Find quantities and the times around them.
                quantities = find_quantities(sent.text)
                times, next_year = find_times(sent.text, ctx.reference, context_year)
                subjects = ctx.reader.sentence(sent.text)
                if quantities:
                    found = sentence_facts(
                        ctx,
                        sent,
                        quantities,
                        times,
                        carried,
                        context_year,
                        subjects,
                        subject,
                        paragraph_facts,
                    )
                    paragraph_facts.extend(found)
                    headline = sent.start < unit.headline_end or headline_like(sent.text)
                    target = headline_facts if headline else facts
                    target.extend(found)
                # The subject of a sentence holds for the next ones of its paragraph that name none.
                subject = subjects.carried or subject
                explicit = [t.period for t in times if not t.comparison]
                carried = explicit[-1] if explicit else carried
                carried_whole = carried
                carried = carry(carried) if carried else None
                context_year = next_year
    return merge_statements(facts, headline_facts)


def _plan_period(
    document: Document, unit: _Unit, reference: str | None, plan_document: bool
) -> Period | None:
    """The horizon of the plan a text reports on holds for all of it: a bulletin item's opening sentence
    (…总体方案（2026—2030年）, 到2028年), or the first end date of a plan document (行动计划: 到2027年…)."""
    if plan_document:
        text = document.text
    elif document.source_kind == "bulletin" and unit.title is not None:
        lead = next(sentences(document.text, unit.headline_end, unit.end), None)
        text = (unit.title or "") + "。" + (lead.text if lead else "")
    else:
        return None
    times, _ = find_times(text, reference)
    plans = [
        t.period for t in times if not t.comparison and (t.period.span or t.period.until) and not t.period.now
    ]
    return plans[0] if plans else None


def _units(document: Document, reader: EntityReader) -> list[_Unit]:
    region = document_region(document)
    if document.sections:
        out = []
        first = document.sections[0].start
        if first > 0:
            out.append(_Unit(0, first, document.title, region, 0))
        for s in document.sections:
            out.append(
                _Unit(
                    s.start,
                    s.end,
                    s.title,
                    reader.headline(s.title) or s.region or region,
                    s.start + len(s.title),
                )
            )
        return out
    title_end = len(document.title) if document.title and document.text.startswith(document.title) else 0
    return [_Unit(0, len(document.text), document.title, region, title_end)]


def _titled(document: Document, key: str) -> bool:
    """The document's title names a plan (行动计划…) or rules (管理办法…): `key` of rules/kinds.yaml."""
    return any(word in (document.title or "") for word in word_list("kinds", key))


def _is_boilerplate(text: str) -> bool:
    """欢迎转发…, 转载自…: a WeChat footer or reposting note (the words may follow a mark or two)."""
    return any(w in text[:12] for w in word_list("layout", "boilerplate"))
