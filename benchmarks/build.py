"""Build time and peak memory for the bundled corpus ×1, ×10 and ×100 (copies with new ids).

    python benchmarks/build.py                      # scales 1 10 100, in one process
    python benchmarks/build.py --scales 1 10

(Extraction on several worker processes: benchmarks/scale.py.)

Each scale runs in a fresh process so that its peak memory is its own. Prints a Markdown table:
documents, facts, MB of text, build seconds (wall clock, and CPU), MB/s, peak RSS, database size, the
time `zhibiao add` takes for one more document, and how much of it is copying the database (add
writes a copy and renames it into place: the median of three copies, each flushed to disk).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path


def corpus_copies(scale: int) -> Iterator:
    """The bundled corpus `scale` times over; copy k of a document gets the id `<id>~k`."""
    from extractors.sources import bundled_corpus, read_paths
    from indicators.model import Document

    documents = [d for d in read_paths([bundled_corpus()]) if isinstance(d, Document)]
    for k in range(scale):
        for document in documents:
            yield document if k == 0 else replace(document, id=f"{document.id}~{k}")


def run_one(scale: int, db_path: Path) -> dict:
    """Build one scale here and now; the measurements as a dict."""
    import extractors
    from indicators import build, store
    from indicators.catalogue import load_catalogue

    text_bytes = 0

    def counted() -> Iterator:
        nonlocal text_bytes
        for document in corpus_copies(scale):
            text_bytes += len(document.text.encode("utf-8"))
            yield document

    start = time.perf_counter()
    summary = build.build_database(
        db_path,
        counted(),
        extractors.extract,
        load_catalogue(),
        extractors.EXTRACTOR_VERSION,
    )
    seconds = time.perf_counter() - start
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU time of this process and its workers: the cost, whatever else the machine is doing.
    cpu_seconds = sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
    db = store.connect(str(db_path))
    n_facts = db.table("facts").count
    db.close()
    db_mb = db_path.stat().st_size / 1e6
    # What one `zhibiao add` costs at this size: one new document, then the views recomputed.
    extra = replace(next(corpus_copies(1)), id="added-document")
    t0 = time.perf_counter()
    build.add_documents(db_path, [extra], extractors.extract, load_catalogue(), extractors.EXTRACTOR_VERSION)
    add_seconds = time.perf_counter() - t0
    copy_seconds = sorted(_copy_seconds(db_path) for _ in range(3))[1]
    return {
        "scale": scale,
        "documents": summary.added,
        "facts": n_facts,
        "text_mb": text_bytes / 1e6,
        "seconds": seconds,
        "mb_per_s": text_bytes / 1e6 / seconds,
        "cpu_seconds": cpu_seconds,
        "peak_rss_mb": peak_rss_mb,
        "db_mb": db_mb,
        "add_seconds": add_seconds,
        "copy_seconds": copy_seconds,
    }


def _copy_seconds(db_path: Path) -> float:
    """Seconds to copy the database beside itself and flush the copy to disk, as `add` does."""
    from indicators import build

    copy = db_path.with_name(f".{db_path.name}.copy")
    start = time.perf_counter()
    build.copy_database(db_path, copy)
    build._fsync(copy)
    seconds = time.perf_counter() - start
    copy.unlink()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one scale (child process)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.db)))
        return

    header = (
        "| corpus | documents | facts | text MB | build s | CPU s | MB/s | peak RSS MB | DB MB "
        "| add 1 document s | of which copy s |"
    )
    print(header)
    print("|" + "---|" * header.count(" |"))
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            db_path = Path(tmp) / f"x{scale}.db"
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(scale),
                    "--db",
                    str(db_path),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            r = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"| ×{scale} | {r['documents']} | {r['facts']} | {r['text_mb']:.1f} | {r['seconds']:.1f} "
                f"| {r['cpu_seconds']:.1f} "
                f"| {r['mb_per_s']:.2f} | {r['peak_rss_mb']:.0f} | {r['db_mb']:.0f} "
                f"| {r['add_seconds']:.2f} | {r['copy_seconds']:.2f} |",
                flush=True,
            )
            db_path.unlink()


if __name__ == "__main__":
    main()
