"""Documents -> facts. `extract(document)` is the whole pipeline, top to bottom."""

from __future__ import annotations

from indicators.model import Document, Fact

EXTRACTOR_VERSION = "0.1.0"


def extract(document: Document) -> list[Fact]:
    """Every indicator fact in `document`, in order of appearance."""
    return []
