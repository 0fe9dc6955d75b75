"""A random sample of facts mapped to the catalogue, to read one by one (the README's mapping precision).

    python benchmarks/mapping_sample.py data/zhibiao.db            # 100 facts, seed 9
    python benchmarks/mapping_sample.py data/zhibiao.db --n 50 --seed 1

First prints the counts (catalogue entries, facts, mapped, not mapped), then one line per sampled
fact: its catalogue entry, the phrase the extractor read, entity, measure, period, and its evidence
around the number (in 【】). A reader marks each line right (the number is a value of that entry,
for that entity) or wrong.
"""

from __future__ import annotations

import argparse
import random
import sqlite3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    db = sqlite3.connect(args.db)
    db.row_factory = sqlite3.Row
    (entries,) = db.execute("select count(*) from indicators").fetchone()
    facts, mapped = db.execute("select count(*), count(indicator_id) from facts").fetchone()
    print(f"catalogue entries {entries}; facts {facts}; mapped {mapped} ({100 * mapped / facts:.1f} %); "
          f"not mapped {facts - mapped}")  # fmt: skip
    rows = db.execute(
        "select f.*, i.name from facts f join indicators i on i.id = f.indicator_id order by f.id"
    ).fetchall()
    random.Random(args.seed).shuffle(rows)
    for n, r in enumerate(rows[: args.n], 1):
        evidence, at, written = r["evidence"], r["quantity_start"] - r["evidence_start"], r["quantity_text"]
        around = (
            evidence[max(0, at - 45) : at]
            + f"【{written}】"
            + evidence[at + len(written) : at + len(written) + 15]
        )
        print(
            f"{n:3} {r['indicator_id']}|{r['name']} <- {r['indicator']} "
            f"[{r['entity']}, {r['measure']}, {r['period_start']}..{r['period_end']}] {around}"
        )


if __name__ == "__main__":
    main()
