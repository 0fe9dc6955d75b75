"""A site database for the Datasette tests: the database tests' sample documents (db_samples) plus a
hostile one, built with the real `build_database` so the site is tested on the real schema and views."""

from __future__ import annotations

from pathlib import Path

from db_samples import CATALOGUE, DOCUMENTS, document, fact, stated_facts

from indicators.build import build_database
from indicators.model import Document, Fact

# A document whose text, title and url try to inject HTML and script: the site must show them as text.
HOSTILE = Document(
    id="hostile_1",
    text=(
        '<script>alert("zhibiao")</script>上海新能源汽车推广量超36万辆，'
        "<b>同比增长31%</b>，&amp; <img src=x onerror=alert(1)>。"
    ),
    source="samples/hostile_1.txt",
    source_kind="text",
    title="<i>新能源汽车</i>推广",
    url="javascript:alert(1)",
    published="2026-01-25",
    publisher="<b>测试</b>",
)


def hostile_facts(doc: Document) -> list[Fact]:
    nev = {"indicator": "新能源汽车推广量", "indicator_id": None, "period": (None, "2025-12")}
    return [
        fact(
            doc,
            "上海新能源汽车推广量超36万辆",
            "超36万辆",
            "360000",
            unit="vehicle",
            qualifier="lower_bound",
            **nev,
        ),
        fact(doc, "<b>同比增长31%</b>", "31%", "31", unit="%", measure="growth", **nev),
    ]


def sample_facts(doc: Document) -> list[Fact]:
    """The facts of every sample document (module level: picklable for worker processes)."""
    return hostile_facts(doc) if doc.id == HOSTILE.id else stated_facts(doc)


DOCUMENTS_WITH_HOSTILE = (*DOCUMENTS, HOSTILE)


def build_site_db(path: Path) -> Path:
    """Build the sample site database at `path` with indicators.build.build_database."""
    build_database(path, DOCUMENTS_WITH_HOSTILE, sample_facts, CATALOGUE, "test")
    return path


__all__ = ["CATALOGUE", "HOSTILE", "build_corpus_copies", "build_site_db", "document", "sample_facts"]


async def get(ds, path, status=200):
    """A request through Datasette's own test client, checked for its status."""
    response = await ds.client.get(path)
    assert response.status_code == status, (path, response.text[:500])
    return response


def build_corpus_copies(path: Path, copies: int) -> Path:
    """The bundled corpus `copies` times over (copy k of a document gets the id `<id>~k`), extracted
    and built with the real pipeline: a site of a few thousand facts, as benchmarks/build.py makes."""
    from dataclasses import replace

    import extractors
    from extractors.sources import bundled_corpus, read_paths
    from indicators.catalogue import load_catalogue

    documents = [d for d in read_paths([bundled_corpus()]) if isinstance(d, Document)]
    copied = (d if k == 0 else replace(d, id=f"{d.id}~{k}") for k in range(copies) for d in documents)
    build_database(path, copied, extractors.extract, load_catalogue(), extractors.EXTRACTOR_VERSION)
    return path
