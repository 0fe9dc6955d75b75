"""The ids of the facts of the bundled corpus, one per line, sorted: the output a speed change must keep.

    python benchmarks/fact_ids.py > tests/expected/bundled_fact_ids.txt

Run it (and commit the file) only when a change to extraction is meant to change its output;
tests/test_extract_output.py compares a fresh extraction with the file, fact by fact.
"""

from __future__ import annotations

import sys


def bundled_fact_ids() -> list[str]:
    from extractors import extract
    from extractors.sources import bundled_corpus, read_paths

    ids = []
    for document in read_paths([bundled_corpus()]):
        if not isinstance(document, Exception):
            ids.extend(fact.id for fact in extract(document))
    return sorted(ids)


if __name__ == "__main__":
    sys.stdout.write("".join(f"{i}\n" for i in bundled_fact_ids()))
