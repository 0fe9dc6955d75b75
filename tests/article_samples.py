"""Short made-up articles, read the way a user's JSON export is read, for the table-driven extraction tests.

The sentences are written for the tests (never copied from ../shared documents). An article is
built by extractors.sources.json_documents, as `zhibiao extract` builds it from an export: the
title is the first line of the text, paragraphs are lines, numbered headings become sections.
"""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from extractors.sources import json_documents
from indicators.model import Document, Fact


def article(title: str, *paragraphs: str, published: str | None = "2024-03-10") -> Document:
    item = {"文章标识符aid": "t", "标题title": title, "finalContent": "\n".join(paragraphs)}
    if published:
        item["时间time"] = published
    return json_documents([item], Path("samples.json"))[0]


def facts_of(title: str, *paragraphs: str, published: str | None = "2024-03-10") -> list[Fact]:
    return extract(article(title, *paragraphs, published=published))


def fact_of(found: list[Fact], quantity: str) -> Fact:
    """The one fact whose quantity is written `quantity` in the text."""
    matching = [f for f in found if f.quantity_text == quantity]
    assert len(matching) == 1, (quantity, [(f.quantity_text, f.indicator, f.value) for f in found])
    return matching[0]


def fields(fact: Fact, names: dict) -> dict:
    """The fact's fields named by `names`, to compare with a row's expectations in one assert."""
    return {name: getattr(fact, name) for name in names}
