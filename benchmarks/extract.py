"""Extraction speed and memory: MB of text per second on the bundled corpus and on a replicated one.

    python benchmarks/extract.py [--copies 50]

Reads every document, extracts its facts and throws them away, on one core. Reports MB/s of
document text (UTF-8 bytes, reading the files excluded), the ratio to one bare regex pass over the
same text, and the peak resident memory of a fresh process for each corpus size.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(paths: list[str]) -> dict:
    """In this process: read and extract everything under paths; time and count."""
    from extractors import extract
    from extractors.sources import read_paths

    # The floor: one regex pass over the same text finding every number with its unit-like tail.
    scan = re.compile(r"\d+(?:\.\d+)?[万亿千百]*[\u4e00-\u9fff%]?")
    n_docs = n_facts = n_bytes = 0
    seconds = scan_seconds = 0.0
    for document in read_paths(paths):  # streamed, as `zhibiao extract` does: memory stays flat
        if isinstance(document, Exception):
            continue
        n_docs += 1
        n_bytes += len(document.text.encode("utf-8"))
        start = time.perf_counter()
        n_facts += len(extract(document))
        middle = time.perf_counter()
        for _ in scan.finditer(document.text):
            pass
        seconds += middle - start
        scan_seconds += time.perf_counter() - middle
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "docs": n_docs,
        "facts": n_facts,
        "mb": n_bytes / 1e6,
        "seconds": seconds,
        "scan_seconds": scan_seconds,
        "peak_mb": peak_kb / 1024,
    }


def replicate(corpus: Path, copies: int, into: Path) -> None:
    """copies × the corpus, each copy with new document ids (file names, article ids)."""
    for i in range(copies):
        for path in sorted(corpus.iterdir()):
            target = into / f"c{i:03d}_{path.name}"
            if path.name.startswith("004_"):
                articles = json.loads(path.read_text(encoding="utf-8"))
                for article in articles:
                    article["文章标识符aid"] = f"c{i:03d}_{article['文章标识符aid']}"
                target.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
            else:
                shutil.copyfile(path, target)


def measure(paths: list[str]) -> dict:
    """Run in a fresh process so that peak memory is this corpus's alone."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", *paths], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(run_once(args.child)))
        return
    from extractors.sources import bundled_corpus

    corpus = bundled_corpus()
    rows = [("corpus ×1", measure([str(corpus)]))]
    with tempfile.TemporaryDirectory() as tmp:
        replicate(corpus, args.copies, Path(tmp))
        rows.append((f"corpus ×{args.copies}", measure([tmp])))
    print(
        f"{'input':<14}{'docs':>7}{'facts':>8}{'MB':>8}{'seconds':>9}{'MB/s':>7}{'× scan':>8}{'peak MB':>9}"
    )
    for name, r in rows:
        print(
            f"{name:<14}{r['docs']:>7}{r['facts']:>8}{r['mb']:>8.2f}{r['seconds']:>9.2f}"
            f"{r['mb'] / r['seconds']:>7.2f}{r['seconds'] / r['scan_seconds']:>8.0f}{r['peak_mb']:>9.0f}"
        )
    print(
        "× scan: extraction time over one regex pass finding the numbers of the same text (reading excluded)."
    )


if __name__ == "__main__":
    main()
