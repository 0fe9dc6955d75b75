"""Full-text search that finds any Chinese word, of one character or more.

Every Chinese character is a token of its own (the text is indexed with spaces between characters,
by FTS5's unicode61 tokenizer) and a searched word is a phrase of its characters: 芯片 matches the
characters 芯 and 片 side by side, wherever they are, exactly like a substring search. Latin words
and numbers stay words (GDP, AI, 5G). benchmarks/search.py measured the alternatives on the corpus:
trigrams cannot match a word under three characters (芯片, 船舶: most Chinese words), jieba's words
miss a word that it cut differently in the text (电路 inside 集成电路: recall 0.95) and take five
times longer to index; pairs of characters need a special case for single characters and a larger
index. Characters find everything a substring scan finds, with an index.

A fact is indexed with its evidence, its indicator as written, its entity and its catalogue entry
(name, English name, keywords, synonyms), so 上海 GDP finds Shanghai's 地区生产总值 worded without
either word; a document with its title, publisher and text. A query's words are ANDed; a word that
names a catalogue indicator (GDP, 生产总值, gross regional product) or a region in pinyin (Shanghai)
is widened to every name of it.

    >>> fts_query('上海 GDP', {"gdp": ["地区生产总值", "GDP"]})
    '"上 海" AND ("地 区 生 产 总 值" OR "gdp")'
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

# Han ideographs (CJK Unified Ideographs, extension A, compatibility): one token each.
HAN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
TOKEN = re.compile(r"[^\W_]+")  # what unicode61 keeps: letters and digits, "_" separates
QUOTED = re.compile(r'"([^"]*)"|(\S+)')
SEARCH_FUNCTION = "zhibiao_search_text"
# The columns of the indicators table that name an indicator, when present (synonyms, aliases:
# the catalogue may grow them; the index takes what the table has).
NAME_COLUMNS = ("name", "name_en", "keywords", "synonyms", "aliases")
TABLES = {
    "facts": ("evidence", "indicator", "entity"),
    "documents": ("title", "publisher", "text"),
}


class NothingToSearch(ValueError):
    """The search has no word in it: type a word, e.g. 芯片, 上海 GDP or 集成电路"""


def spaced(text: str | None) -> str:
    """The text as the index sees it: a space around every Chinese character ('GDP增长' -> 'GDP 增  长 ')."""
    return HAN.sub(r" \1 ", text or "")


def search_text(*parts: str | None) -> str:
    """The indexed text of a row: its parts, spaced, one line each."""
    return "\n".join(spaced(p) for p in parts if p)


def tokens(text: str) -> list[str]:
    """The index tokens of a text, lower-cased: '上海GDP' -> ['上', '海', 'gdp']."""
    return [t.lower() for t in TOKEN.findall(spaced(text))]


def phrase(text: str) -> str | None:
    """A phrase query for a word or a few: '芯片' -> '"芯 片"'; None when it has no token."""
    found = tokens(text)
    return '"' + " ".join(found) + '"' if found else None


def _key(text: str) -> str:
    return " ".join(tokens(text))


def synonym_table(names: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """{normalised name: every name of its group}: each group is one indicator's names (or a region's)."""
    table: dict[str, list[str]] = {}
    for group in names.values():
        group = [n for n in dict.fromkeys(group) if n and tokens(n)]
        for name in group:
            table.setdefault(_key(name), [])
            table[_key(name)] += [n for n in group if n not in table[_key(name)]]
    return table


def fts_query(query: str, names: Mapping[str, Iterable[str]] | None = None) -> str:
    """The FTS5 expression for what a person typed: words ANDed, each a phrase of its characters,
    widened to the other names of an indicator or region it names; "quoted words" stay one phrase.
    Never an FTS syntax error, whatever the input. Raises NothingToSearch when no word is left."""
    table = synonym_table(names or {})
    whole = table.get(_key(query))
    if whole and len(query.split()) > 1:  # a multi-word name: "gross regional product"
        return _any_of(whole)
    parts = []
    for quoted, bare in QUOTED.findall(query):
        word = quoted if quoted else bare
        group = table.get(_key(word))
        if group:
            parts.append(_any_of(group))
        elif phrase(word):
            parts.append(phrase(word))
    if not parts:
        raise NothingToSearch(NothingToSearch.__doc__)
    return " AND ".join(parts)


def _any_of(names: Iterable[str]) -> str:
    phrases = list(dict.fromkeys(p for p in map(phrase, names) if p))
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


# The index: FTS5 tables kept current by triggers -----------------------------------------------------


def register(conn: sqlite3.Connection) -> None:
    """Give a connection the SQL function the index triggers call: zhibiao_search_text(part, ...)."""
    conn.create_function(SEARCH_FUNCTION, -1, search_text, deterministic=True)


def _row_sql(conn: sqlite3.Connection, table: str, row: str) -> str:
    """SQL for the indexed text of one row (`row` is new, old, or the table name)."""
    parts = [f"{row}.[{c}]" for c in TABLES[table]]
    if table == "facts":
        columns = {r[1] for r in conn.execute("pragma table_info(indicators)")}
        names = [c for c in NAME_COLUMNS if c in columns]
        parts += [f"(select i.[{c}] from indicators i where i.id = {row}.indicator_id)" for c in names]
    return f"{SEARCH_FUNCTION}({', '.join(parts)})"


def _delete_sql(conn: sqlite3.Connection, table: str) -> str:
    """SQL removing the row `old` from the table's index (a contentless index needs its indexed text)."""
    fts = f"{table}_fts"
    if table == "documents":
        return f"insert into [{fts}]([{fts}], rowid, text) values ('delete', old.rowid, {_row_sql(conn, table, 'old')})"
    return f"delete from [{fts}] where rowid = old.rowid"


def enable(conn: sqlite3.Connection) -> None:
    """(Re)create facts_fts and documents_fts, fill them, and keep them current with triggers."""
    register(conn)
    for table in TABLES:
        fts = f"{table}_fts"
        for trigger in (f"{table}_ai", f"{table}_ad", f"{table}_au"):
            conn.execute(f"drop trigger if exists [{trigger}]")
        conn.execute(f"drop table if exists [{fts}]")
        # detail=full keeps positions (phrases need them). A document's indexed text is a function of
        # its own row, so its index keeps no copy of it (content=''): a row is deleted by giving the
        # text it was indexed with. A fact's text also has its indicator's names, which change.
        content = ", content=''" if table == "documents" else ""
        conn.execute(
            f"create virtual table [{fts}] using fts5(text, tokenize='unicode61 remove_diacritics 2'{content})"
        )
        conn.execute(
            f"insert into [{fts}](rowid, text) select rowid, {_row_sql(conn, table, table)} from [{table}]"
        )
        conn.executescript(
            f"""
            create trigger [{table}_ai] after insert on [{table}] begin
              insert into [{fts}](rowid, text) values (new.rowid, {_row_sql(conn, table, "new")});
            end;
            create trigger [{table}_ad] after delete on [{table}] begin
              {_delete_sql(conn, table)};
            end;
            create trigger [{table}_au] after update on [{table}] begin
              {_delete_sql(conn, table)};
              insert into [{fts}](rowid, text) values (new.rowid, {_row_sql(conn, table, "new")});
            end;
            """
        )
    # A catalogue entry renamed by `add`: its facts are indexed again under the new names (only then:
    # `add` rewrites every catalogue row, and an unchanged database must stay byte for byte the same).
    columns = [c for c in NAME_COLUMNS if c in {r[1] for r in conn.execute("pragma table_info(indicators)")}]
    changed = " or ".join(f"old.[{c}] is not new.[{c}]" for c in columns) or "0"
    conn.execute("drop trigger if exists [indicators_au_search]")
    conn.execute(
        f"""create trigger [indicators_au_search] after update on indicators when {changed} begin
          delete from facts_fts where rowid in (select rowid from facts where indicator_id = new.id);
          insert into facts_fts(rowid, text)
            select rowid, {_row_sql(conn, "facts", "facts")} from facts where indicator_id = new.id;
        end"""
    )


def region_names(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """{entity: [entity, its pinyin]}: 上海 -> shanghai, so an English reader's Shanghai finds 上海."""
    from pypinyin import lazy_pinyin

    groups = {}
    for (entity,) in conn.execute("select distinct entity from facts where entity is not null"):
        if HAN.match(entity):
            groups["@" + entity] = [entity, "".join(lazy_pinyin(entity))]
    return groups


def indicator_names(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """{indicator id: its names} from the indicators table: name, English name, keywords, synonyms."""
    columns = {row[1] for row in conn.execute("pragma table_info(indicators)")}
    names = [c for c in NAME_COLUMNS if c in columns]
    groups: dict[str, list[str]] = {}
    for row in conn.execute(f"select id, {', '.join(f'[{c}]' for c in names)} from indicators"):
        group = [row[0]]
        for value in row[1:]:
            group += _as_list(value)
        groups[row[0]] = group
    return groups


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str) and value.startswith("["):
        try:
            return [str(v) for v in json.loads(value)]
        except json.JSONDecodeError:
            pass
    return [str(value)]
