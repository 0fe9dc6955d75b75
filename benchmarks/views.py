"""What the views cost: a full refresh, and the partial refresh of `zhibiao add`, at the bundled corpus
×N (copies with new ids, as benchmarks/build.py makes them).

    python benchmarks/views.py                     # scales 1 and 100
    python benchmarks/views.py --scales 10 --keep data/bench

Prints a Markdown table: facts, series points, seconds of a full refresh (`build`), seconds of the
partial refresh after one more document (`add`: the keys and target lines it touches), and the
whole `add` of that document (extraction, writing, refresh) for comparison.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from build import corpus_copies  # noqa: E402  (benchmarks/build.py)


def measure(scale: int, directory: Path) -> dict:
    import extractors
    from indicators import build, store, views
    from indicators.catalogue import load_catalogue

    path = directory / f"views-x{scale}.db"
    if not path.exists():
        build.build_database(
            path, corpus_copies(scale), extractors.extract, load_catalogue(), extractors.EXTRACTOR_VERSION
        )

    work = directory / f"views-x{scale}-work.db"
    shutil.copy(path, work)
    db = store.connect(str(work))
    t0 = time.perf_counter()
    views.refresh(db)
    full = time.perf_counter() - t0

    # One more document (a copy of the first one under a new id), written, then the views refreshed
    # for it alone.
    extra = replace(next(corpus_copies(1)), id="benchmark-extra")
    facts = extractors.extract(extra)
    store.write_document(db, extra, facts, extractors.EXTRACTOR_VERSION)
    t0 = time.perf_counter()
    views.refresh(db, [extra.id])
    partial = time.perf_counter() - t0
    counts = {t: db.table(t).count for t in ("facts", "series", "targets_vs_actuals")}
    db.close()

    shutil.copy(path, work)
    other = replace(extra, id="benchmark-add")
    t0 = time.perf_counter()
    build.add_documents(work, [other], extractors.extract, load_catalogue(), extractors.EXTRACTOR_VERSION)
    add = time.perf_counter() - t0
    work.unlink()
    return {"scale": scale, **counts, "full": full, "partial": partial, "add": add, "extra_facts": len(facts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument(
        "--keep", type=Path, help="directory to keep the built databases in (reused next time)"
    )
    args = parser.parse_args()
    directory = args.keep or Path(tempfile.mkdtemp(prefix="zhibiao-views-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(
        "| corpus | facts | series points | targets | full refresh s | `add` refresh s (1 document) | whole `add` s |"
    )
    print("|---|---|---|---|---|---|---|")
    try:
        for scale in args.scales:
            r = measure(scale, directory)
            print(
                f"| ×{scale} | {r['facts']:,} | {r['series']:,} | {r['targets_vs_actuals']:,} | {r['full']:.2f} "
                f"| {r['partial']:.3f} ({r['extra_facts']} facts) | {r['add']:.2f} |".replace(",", " "),
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(directory)


if __name__ == "__main__":
    main()
