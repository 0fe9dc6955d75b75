"""How four ways of indexing Chinese text for SQLite FTS5 find words: size, build time, query time and
what they find, against the truth of a plain substring scan (instr) on the same text.

    python benchmarks/search.py --db data/zhibiao.db          # the documents and facts of a database
    python benchmarks/search.py --db data/bench/x10.db --repeat 5

Schemes (each an FTS5 table over the same rows: documents title + text, facts evidence + indicator):
  trigram   SQLite's trigram tokenizer (what zhibiao had): MATCH for terms of 3+ characters; a
            shorter term cannot be matched, so it falls back to a scan (instr) of the index's own copy.
  unigram   each Chinese character a token (unicode61 over text with spaces between characters), a
            term searched as a phrase of its characters: any length, exact substring semantics.
  bigram    overlapping pairs of characters as tokens (what Lucene's CJK analyzer does); a term as a
            phrase of its pairs, a single character as a prefix query.
  jieba     words cut by jieba (cut_for_search) as tokens, the term cut the same way (needs
            `pip install jieba`; skipped without it).
Recall: rows found / rows whose text contains the term (case-insensitive). Precision: the reverse.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import time
from pathlib import Path

QUERIES = [
    "芯", "船", "GDP", "AI", "芯片", "上海", "营收", "电路", "智能", "产值", "小巨人", "集成电路",
    "新能源汽车", "人工智能", "增长", "亿元", "同比增长", "生产总值", "工业投资", "机器人",
]  # fmt: skip
CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"\w+")


def unigram(text: str) -> str:
    return CJK.sub(r" \1 ", text)


def bigram(text: str) -> str:
    def pairs(run: re.Match) -> str:
        s = run.group()
        return " " + (" ".join(s[i : i + 2] for i in range(len(s) - 1)) if len(s) > 1 else s) + " "

    return CJK_RUN.sub(pairs, text)


def phrase(tokens: list[str]) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def schemes():
    out = {
        "trigram": ("tokenize='trigram'", lambda t: t, None),
        "unigram": ("tokenize='unicode61'", unigram, lambda q: phrase(WORD.findall(unigram(q)))),
        "bigram": (
            "tokenize='unicode61'",
            bigram,
            lambda q: phrase(WORD.findall(bigram(q))) + ("*" if len(q) == 1 and CJK.match(q) else ""),
        ),
    }
    try:
        import jieba

        jieba.setLogLevel(60)
        out["jieba"] = (
            "tokenize='unicode61'",
            lambda t: " ".join(jieba.cut_for_search(t)),
            lambda q: phrase([w for w in jieba.cut(q) if w.strip()]),
        )
    except ImportError:
        pass
    return out


def run(db_path: Path, repeat: int) -> None:
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    corpora = {
        "documents": [
            r for r in source.execute("select rowid, coalesce(title, '') || ' ' || text from documents")
        ],
        "facts": [r for r in source.execute("select rowid, evidence || ' ' || indicator from facts")],
    }
    source.close()
    print(f"{db_path}: {len(corpora['documents'])} documents, {len(corpora['facts'])} facts\n")
    print("| table | scheme | index MB | build s | median query ms | max query ms | recall | precision |")
    print("|---|---|---|---|---|---|---|---|")
    for table, rows in corpora.items():
        truth = {q: {rid for rid, text in rows if q.lower() in text.lower()} for q in QUERIES}
        for name, (tokenize, prepare, to_query) in schemes().items():
            conn = sqlite3.connect(":memory:")
            conn.execute(f"create virtual table s using fts5(text, {tokenize})")
            start = time.perf_counter()
            conn.executemany("insert into s(rowid, text) values (?, ?)", ((r, prepare(t)) for r, t in rows))
            conn.commit()
            build_s = time.perf_counter() - start
            size = conn.execute(
                "select coalesce(sum(pgsize), 0) from dbstat where name like 's\\_%' escape '\\'"
            ).fetchone()[0]
            times, found_all, true_all, hits = [], 0, 0, 0
            for q in QUERIES:
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    if name == "trigram":
                        if len(q) >= 3:
                            got = {
                                r
                                for (r,) in conn.execute("select rowid from s where s match ?", [phrase([q])])
                            }
                        else:
                            # LIKE on a trigram table finds nothing below 3 characters (SQLite 3.40): scan.
                            got = {
                                r
                                for (r,) in conn.execute(
                                    "select rowid from s where instr(lower(text), ?)", [q.lower()]
                                )
                            }
                    else:
                        got = {
                            r for (r,) in conn.execute("select rowid from s where s match ?", [to_query(q)])
                        }
                    times.append((time.perf_counter() - t0) * 1000)
                found_all += len(got)
                true_all += len(truth[q])
                hits += len(got & truth[q])
            conn.close()
            print(
                f"| {table} | {name} | {size / 1e6:.1f} | {build_s:.2f} | {statistics.median(times):.2f} | "
                f"{max(times):.1f} | {hits / max(true_all, 1):.3f} | {hits / max(found_all, 1):.3f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path("data/zhibiao.db"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.db, args.repeat)


if __name__ == "__main__":
    main()
