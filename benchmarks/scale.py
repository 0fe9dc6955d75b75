"""Extraction on 1 and 2 local Dask workers, and the build from shards, at ×10 and ×50 the corpus.

    python benchmarks/scale.py                       # ×10 and ×50, in-process, local:1, local:2
    python benchmarks/scale.py --scales 10 --workers 1 2 4

Each run is the real command in a fresh process, timed from outside (wall clock):
`zhibiao extract DIR --shards S` (in-process, no cluster), `zhibiao extract DIR --cluster local:N
--shards S`, then `zhibiao build --facts S`. The cluster's start-up (scheduler and N worker
processes) is timed alone on a one-file input and also shown subtracted. Prints a Markdown table;
the speed-up is against one worker, start-up excluded, and per worker is speed-up / N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import replicate  # benchmarks/extract.py: the corpus × N with new ids  # noqa: E402

ZHIBIAO = str(Path(sys.executable).with_name("zhibiao"))


def timed(*args: str | Path) -> float:
    """Seconds the zhibiao command takes; it must succeed. Its CPU seconds (with its worker processes)
    are added to CPU[0]."""
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run([ZHIBIAO, *map(str, args)], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    CPU[0] = _children_cpu() - before
    return seconds


CPU = [0.0]  # CPU seconds of the last timed command


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    from extractors.sources import bundled_corpus

    corpus = bundled_corpus()
    one_file = sorted(corpus.iterdir())[0]
    startup = {n: timed("extract", one_file, "--cluster", f"local:{n}") for n in args.workers}
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    print(
        "| corpus | input MB | run | wall s | CPU s | start-up s | extraction s | MB/s | speed-up | per worker "
        "| build --facts s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            inputs = Path(tmp) / "inputs"
            inputs.mkdir()
            replicate(corpus, scale, inputs)
            mb = sum(p.stat().st_size for p in inputs.iterdir()) / 1e6
            runs: list[tuple[str, int, float, float, float]] = []  # name, workers, wall, CPU, start-up
            shards = Path(tmp) / "shards"
            runs.append(("in-process", 0, timed("extract", inputs, "--shards", shards), CPU[0], 0.0))
            build_s = timed("build", "--facts", shards, "--db", Path(tmp) / "x.db")
            documents = json.loads((shards / "manifest.json").read_text())["documents"]
            for n in args.workers:
                shutil.rmtree(shards)
                wall = timed("extract", inputs, "--cluster", f"local:{n}", "--shards", shards)
                runs.append((f"local:{n}", n, wall, CPU[0], startup[n]))
            base = next((wall - up for _, n, wall, _, up in runs if n == 1), None)
            for name, n, wall, cpu, up in runs:
                work = wall - up
                speedup = f"{base / work:.2f}" if base and n else "–"
                per_worker = f"{base / work / n:.2f}" if base and n else "–"
                print(
                    f"| ×{scale} ({documents} documents) | {mb:.1f} | {name} | {wall:.1f} | {cpu:.1f} | {up:.1f} "
                    f"| {work:.1f} "
                    f"| {mb / work:.2f} | {speedup} | {per_worker} | {build_s:.1f} |",
                    flush=True,
                )
    print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
