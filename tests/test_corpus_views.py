"""The views on the bundled corpus plus ../shared/devdocs, built by `zhibiao build`: what an analyst
reads there.

These depend on the extractor as much as on the database. Expected rows are named by document, a
distinctive piece of their evidence and their indicator, with the status a reader of the evidence
gives them, so that they can be re-checked when extraction changes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from indicators import publish, store, views
from indicators.basis import clause_around
from indicators.catalogue import load_catalogue
from indicators.cli import cli

CORPUS = Path(__file__).parent.parent / "indicators" / "corpus"
DEVDOCS = Path(__file__).parent.parent.parent / "shared" / "devdocs"
needs_devdocs = pytest.mark.skipif(
    not DEVDOCS.is_dir(), reason="../shared/devdocs is not beside the checkout"
)


def build(path: Path, *inputs: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", *map(str, inputs), "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    inputs = (CORPUS, DEVDOCS) if DEVDOCS.is_dir() else (CORPUS,)
    return build(tmp_path_factory.mktemp("corpus") / "zhibiao.db", *inputs)


@pytest.fixture(scope="module")
def db(db_path):
    database = store.connect(str(db_path))
    yield database
    database.close()


def rows(db, sql, params=()):
    return [dict(r) for r in db.query(sql, params)]


def series(db, indicator_id, **key):
    where = " and ".join(["indicator_id = ?", *(f"{k} = ?" for k in key)])
    return rows(db, f"select * from series where {where}", [indicator_id, *key.values()])


SHANGHAI_2025 = {"entity": "上海", "period_start": "2025-01", "period_end": "2025-12", "kind": "actual"}


def test_shanghai_gdp_2025_is_567_trillion_yuan(db):
    # 2650700360_1: 上海实现地区生产总值5.67万亿元; 2650700134_1: 全年GDP突破5.6万亿元.
    (row,) = series(db, "gdp", measure="level", **SHANGHAI_2025)
    assert (row["value"], row["unit"], row["qualifier"]) == (5670000000000, "CNY", "exact")
    assert "5.67万亿元" in row["quantity_text"]
    assert row["n_reports"] >= 3
    assert row["first_reported"] == "2026-01-21"
    # 突破5.6万亿元 and 5.67万亿元 are the same figure at two precisions: no revision.
    assert row["disagree"] == 0


def test_shanghai_gdp_growth_2025_agrees_everywhere(db):
    (row,) = series(db, "gdp", measure="growth", comparison="yoy", **SHANGHAI_2025)
    assert (row["value"], row["unit"], row["disagree"]) == (5.4, "%", 0)
    assert row["n_reports"] >= 2


def test_shanghai_industrial_output_2025(db):
    # 2650700360_1: 2025年，上海规上工业总产值达4.07万亿元
    (row,) = series(db, "industrial_output_above_scale", measure="level", **SHANGHAI_2025)
    assert (row["indicator"], row["value"], row["unit"], row["qualifier"]) == (
        "规上工业总产值",
        4070000000000,
        "CNY",
        "exact",
    )


def test_comparisons_with_the_nation_are_not_changes_on_the_year(db):
    # 2650700360_1: 工业投资同比增长20.0%，增速高于全国17.4个百分点
    got = series(db, "industrial_investment", entity="上海", measure="pp_change")
    assert {(r["value"], r["comparison"]) for r in got} >= {(17.4, "vs:全国")}
    assert all(r["comparison"] != "yoy" for r in got)


# revisions


def test_revisions_have_no_pair_from_one_document(db):
    pairs = rows(
        db,
        "select indicator, entity, kind, measure, period_end, doc, count(*) as n from revisions "
        "group by indicator, indicator_id, entity, kind, measure, unit, period_start, period_end, "
        "comparison, period_basis, increment, doc having n > 1",
    )
    assert pairs == []
    single = rows(
        db,
        "select indicator, entity, period_end from revisions group by indicator, indicator_id, entity, kind, "
        "measure, unit, period_start, period_end, comparison, period_basis, increment "
        "having count(distinct doc) < 2",
    )
    assert single == []


# targets_vs_actuals


def target_rows(db):
    return rows(
        db,
        "select t.*, f.evidence from targets_vs_actuals t join facts f on f.id = t.target_fact_id",
    )


# Every row with an answering actual, as a reader of the evidence judges it: (document, words of the
# target's evidence, indicator) -> status.
ANSWERED = {
    # 2025年1-11月，全市规上工业单位增加值能耗同比下降2.9%，超额完成14%的既定目标。
    ("2650699761_1", "超额完成14%的既定目标", "industrial_energy_intensity_above_scale"): "met",
    # 1-11月软信业营收17297.53亿元 … 超额完成“十四五”产业营收目标（15000亿元）
    ("2650700335_1", "超额完成“十四五”产业营收目标", "software_revenue"): "met",
}


def test_every_answered_target_has_the_status_its_evidence_gives(db):
    answered = [r for r in target_rows(db) if r["actual_fact_id"]]
    got = {}
    for r in answered:
        key = next(
            (
                k
                for k in ANSWERED
                if k[0] == r["target_doc"] and k[1] in r["evidence"] and k[2] == r["indicator_id"]
            ),
            (r["target_doc"], r["evidence"], r["indicator_id"]),
        )
        got[key] = r["status"]
    assert got == ANSWERED


# The cases of issue 9, read from their evidence: what must not happen any more.
@pytest.mark.parametrize(
    ("doc", "words", "expected"),
    [
        # 到2028年，新增国家级绿色工厂100家以上: new factories are not the stock of 196.
        ("001_1ac979fa05646563", "新增国家级绿色工厂100家", {"actual_value": None, "increment": 1}),
        # One project's 5.23亿元 does not answer the city's 1100亿元 plan.
        ("2650700360_1", "1100亿元", {"actual_value": None}),
        # 整体年产能将由850万条提升至950万条: 850万条 is the baseline, not the actual.
        ("2650700509_2", "由850万条提升至950万条", {"actual_value": None, "baseline_value": 8500000}),
        # 100个先进级智能工厂 of one plan is not answered by 165项 of another programme.
        ("003_b4191668095a9aeb", "100个先进级智能工厂", {"actual_value": None}),
    ],
)
def test_issue_cases_are_matched_like_with_like(db, doc, words, expected):
    found = [r for r in target_rows(db) if r["target_doc"] == doc and words in r["evidence"]]
    for r in found:
        assert {k: r[k] for k in expected} == expected, r["evidence"]


def test_targets_and_series_show_catalogue_indicators_first(db):
    for name in ("series", "targets_vs_actuals"):
        ids = [r[0] for r in db.execute(f"select indicator_id from [{name}] order by rowid")]
        assert ids == sorted(ids, key=lambda i: i is None), name


# The home page


def stated_with(fact: dict) -> str:
    """The sentence up to the fact's number and the rest of its clause (持有60艘新船订单), cleaned as
    catalogue heads are read (no quotes, brackets)."""
    before = fact["evidence"][: fact["quantity_start"] - fact["evidence_start"]]
    return load_catalogue().rules.drop.sub("", before + clause_around(fact))


def stated(keyword: str, text: str) -> bool:
    """The keyword is in the text, or its grade and its noun are (7300余家先进级、…和15家领航级智能工厂
    states 先进级智能工厂: the grades of a list share the noun it ends on), or its two-letter pieces
    are, in order and close together (第一、二、三产业和居民生活用电 states 第一产业用电)."""
    grade, _, noun = keyword.rpartition("级")
    return (
        keyword in text
        or (bool(grade) and f"{grade}级" in text and noun in text[text.index(f"{grade}级") :])
        or _pieces_in_order(keyword, text)
    )


def _pieces_in_order(keyword: str, text: str) -> bool:
    text = re.sub(  # 第一、二、三产业 names 第二 too
        r"第([一二三四五六七八九十])((?:、[一二三四五六七八九十])+)",
        lambda m: "、".join("第" + n for n in [m.group(1), *m.group(2).split("、")[1:]]),
        text,
    )
    pieces = [keyword[i : i + 2] for i in range(0, len(keyword), 2)]
    start = text.find(pieces[0])
    while start >= 0:
        at, ok = start, True
        for piece in pieces[1:]:
            at = text.find(piece, at, start + 3 * len(keyword))
            if at < 0:
                ok = False
                break
        if ok:
            return True
        start = text.find(pieces[0], start + 1)
    return False


async def test_every_fact_on_the_home_page_is_its_indicator_by_the_head_of_its_phrase(db_path, db):
    ds = publish.make_datasette(db_path)
    html = (await ds.client.get("/")).text
    fact_ids = list(dict.fromkeys(re.findall(r"/zhibiao/facts/([0-9a-f]{16})", html)))
    assert len(fact_ids) > 50
    catalogue = load_catalogue()
    for fact_id in fact_ids:
        (fact,) = rows(db, "select * from facts where id = ?", [fact_id])
        head = catalogue.head(fact["indicator"], fact["unit"] if fact["measure"] == "level" else None)
        assert head is not None, fact["indicator"]
        assert head.indicator.id == fact["indicator_id"], fact["indicator"]
        # The head is stated with the number: before it in its sentence (国民总收入1339672亿元，比上年
        # 增长5.1%), or after it in its clause (持有60艘新船订单).
        assert stated(head.keyword, stated_with(fact)), (fact["indicator"], fact["evidence"])
        (point,) = rows(db, "select * from series where fact_id = ?", [fact_id])
        assert point["comparison"] in (None, "yoy"), fact["evidence"]
        assert point["period_basis"] in ("as_of", "month", "quarter", "ytd", "year"), fact["evidence"]


# Incremental add


def view_rows(path: Path) -> dict[str, list[tuple]]:
    database = store.connect(str(path))
    try:
        return {
            name: list(database.execute(f"select * from [{name}] order by rowid")) for name in views.COLUMNS
        }
    finally:
        database.close()


@needs_devdocs
def test_adding_documents_gives_the_views_of_a_full_build(tmp_path, db_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    held_back = corpus / "003_b4191668095a9aeb.txt"
    shutil.move(held_back, tmp_path / held_back.name)
    path = build(tmp_path / "inc.db", corpus)
    result = CliRunner().invoke(
        cli, ["add", str(tmp_path / held_back.name), str(DEVDOCS), "--db", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert view_rows(path) == view_rows(db_path)
