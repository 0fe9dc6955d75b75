"""Documents -> facts. `extract(document)` is the whole pipeline, top to bottom.

>>> from extractors.sources import read_file
>>> [f.indicator for f in extract(read_file("article.txt")[0])]      # doctest: +SKIP
['地区生产总值', '地区生产总值']
"""

from __future__ import annotations

from extractors.dedupe import headline_like, merge_statements
from extractors.facts import sentence_facts
from extractors.frames import DocumentFrames, is_rules_document
from extractors.phrases import right_phrase, trim
from extractors.quantities import find_quantities, index_values
from extractors.regions import place_spans
from indicators.catalogue import Catalogue, load_catalogue
from indicators.model import Document, Fact

EXTRACTOR_VERSION = "0.3.0"


def extract(document: Document, catalogue: Catalogue | None = None) -> list[Fact]:
    """Every indicator fact in `document`, in order of appearance."""
    catalogue = catalogue or load_catalogue()
    # The caches keyed by text hold one document's clauses and phrases: a replicated corpus must not
    # read faster than a real one, and memory stays flat.
    place_spans.cache_clear()
    trim.cache_clear()
    right_phrase.cache_clear()
    rules_document = is_rules_document(document)
    # Split: the document as a tree of frames (document > heading > paragraph > sentence).
    tree = DocumentFrames(document)
    facts: list[Fact] = []
    headline_facts: list[Fact] = []
    for sentence in tree.sentences():
        # Find quantities.
        quantities = find_quantities(sentence.text)
        if sentence.index_base:  # under 上年=100, an index is a growth rate
            quantities += [
                q
                for q in index_values(sentence.text)
                if all(q.start >= o.end or q.end <= o.start for o in quantities)
            ]
        if not quantities:
            continue
        # Read what each measures; resolve period, kind and entity from the frames around it.
        found = sentence_facts(sentence, quantities, catalogue, facts, rules_document)
        tree.tell([f.indicator for f in found])
        # Build facts: a headline's numbers count once, where the body states them.
        headline = sentence.headline or headline_like(sentence.text)
        (headline_facts if headline else facts).extend(found)
    return merge_statements(facts, headline_facts)
