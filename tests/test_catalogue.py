"""The indicator catalogue: its entries are checked when loaded, and a phrase maps by its head."""

from __future__ import annotations

import pytest

from indicators.catalogue import CatalogueError, load_catalogue, parse_catalogue, unit_fits
from indicators.units import canonical_code
from indicators.yamlfile import DataFileError, load_yaml_text


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.mark.parametrize(
    ("phrase", "unit", "indicator_id"),
    [
        # The head names the entry; neutral words around it do not change it.
        ("地区生产总值", "CNY", "gdp"),
        ("全市规上工业增加值增速", None, "industrial_value_added_above_scale"),
        ("GDP增速", None, "gdp"),
        ("2025年全年国内生产总值", "CNY", "gdp"),
        ("软信业营收总额", "CNY", "software_revenue"),
        ("集成电路产业营收规模", "CNY", "ic_revenue"),
        ("国内生产总值[2]", "CNY", "gdp"),  # a footnote mark of a communiqué
        ("研究与试验发展（R&D）经费支出", "CNY", "rd_expenditure"),  # a bracketed abbreviation
        ("规模以上工业企业实现营业收入", "CNY", "industrial_revenue_above_scale"),
        ("专精特新“小巨人”企业数量", "enterprise", "little_giants"),
        ("集聚AI企业", "enterprise", "ai_enterprises"),
        ("新增国家级绿色工厂", "enterprise", "green_factories"),
        ("先进级智能工厂", "item", "smart_factories"),  # 100个 counts factories as well as 家
        ("年末全国城镇调查失业率", None, "unemployment_rate"),
        ("居民消费价格（CPI）同比上涨", None, "cpi"),
        ("实际使用外资", "USD", "fdi"),  # money in another currency is still money
        ("居民人均可支配收入", "CNY", "disposable_income"),  # 人均…元: the per-person unit left implicit
        ("第三产业用电量", "kWh", "electricity_tertiary_industry"),
        ("对“一带一路”沿线国家进出口", "CNY", "belt_and_road_trade"),
        # A comparison or a share after the head does not change what the head is.
        ("工业投资增速高于全国", None, "industrial_investment"),
        ("制造业增加值占GDP比重", None, "manufacturing_value_added"),
        ("单位GDP碳排放是发达国家", None, "carbon_intensity"),
        # Modifiers that narrow the head: not the entry.
        ("机器人出口", "CNY", None),
        ("工业机器人出口", None, None),
        ("对东盟出口", None, None),
        ("某企业进口", "CNY", None),
        ("集成电路、电工器材等进口", "CNY", None),
        ("出口钢材", "CNY", None),  # the head is 钢材, exported
        ("市级创建国家级绿色工厂", "enterprise", None),
        ("培育省级及以上绿色工厂", "enterprise", None),
        ("城市副中心和平原新城地区生产总值", None, None),
        ("拉动进口", None, None),  # a contribution to imports, not imports
        ("消费支出拉动国内生产总值", None, None),
        ("占规模以上工业增加值比重", None, None),  # a share of it, of something unnamed
        ("可再生能源占电力装机比重", None, None),
        ("上市企业占", None, None),  # 其中上市企业占比达17.1%: a share of a whole not named
        ("外商投资企业进出口占", None, None),
        ("项目总投资", "CNY", None),  # one project's cost is no statistic
        # A level in a unit of another kind.
        ("开工项目", "CNY", None),
        ("地区生产总值", "vehicle", None),
    ],
)
def test_phrase_maps_by_its_head(catalogue, phrase, unit, indicator_id):
    found = catalogue.match(phrase, unit)
    assert (found.id if found else None) == indicator_id


def test_head_names_keyword_modifiers_and_measure_words(catalogue):
    head = catalogue.head("2025年全市规上工业增加值增速")
    assert (head.keyword, head.modifiers, head.suffixes) == ("规上工业增加值", "2025年全市", "增速")


def test_longest_keyword_wins(catalogue):
    assert catalogue.match("规上工业增加值").id == "industrial_value_added_above_scale"
    assert catalogue.match("工业增加值").id == "industrial_value_added"


def test_every_keyword_maps_to_its_own_entry(catalogue):
    for ind in catalogue:
        for keyword in ind.keywords:
            assert catalogue.match(keyword, ind.unit).id == ind.id, keyword


def test_catalogue_covers_the_statistical_headline_tables(catalogue):
    assert len(catalogue) >= 150
    for needed in ("gdp", "cpi", "ppi", "retail_sales", "exports", "imports", "fixed_asset_investment",
                   "real_estate_investment", "general_budget_revenue", "population", "unemployment_rate",
                   "electricity_consumption", "port_container_throughput", "nev_output", "ic_output",
                   "industrial_robot_output", "fdi", "online_retail", "software_revenue", "ship_deliveries"):  # fmt: skip
        assert needed in catalogue.by_id
    for ind in catalogue:
        assert all((ind.name, ind.name_en, ind.scope, ind.description)), ind.id
        assert canonical_code(ind.unit.split("/")[0]), ind.id


@pytest.mark.parametrize(
    ("fact_unit", "entry_unit", "fits"),
    [
        ("CNY", "CNY", True),
        ("USD", "CNY", True),
        ("item", "enterprise", True),
        ("CNY", "CNY/person", True),
        ("vehicle", "CNY", False),
        ("person", "enterprise", False),
    ],
)
def test_unit_fits(fact_unit, entry_unit, fits):
    assert unit_fits(fact_unit, entry_unit) is fits


ENTRY = """
gdp:
  name: 地区生产总值
  name_en: GDP
  category: macro
  unit: CNY
  family: flow
  frequency: quarterly
  scope: 全部常住单位
  tier: core
  keywords: [地区生产总值]
  description: Value added.
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("  tier: core\n", "  tier: core\n  colour: red\n"), "unknown field(s) ['colour']"),
        (("  scope: 全部常住单位\n", ""), "missing field(s) ['scope']"),
        (("family: flow", "family: amount"), "family must be one of"),
        (("unit: CNY", "unit: 元"), "unit '元' is not a canonical unit"),
        (("tier: core\n", "tier: core\n  nbs_code: A020102\n"), "nbs_code must read database/code"),
        (("gdp:", "GDP:"), "an indicator id is snake_case"),
    ],
)
def test_loader_names_the_entry_and_the_field(change, message):
    text = ENTRY.replace(*change)
    with pytest.raises(
        CatalogueError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ):
        parse_catalogue(load_yaml_text(text, "catalogue.yaml"))


def test_loader_refuses_a_keyword_of_two_entries():
    text = ENTRY + ENTRY.replace("gdp:", "gdp_again:", 1)
    with pytest.raises(CatalogueError, match="already a keyword of gdp"):
        parse_catalogue(load_yaml_text(text, "catalogue.yaml"))


def test_loader_refuses_duplicate_ids():
    with pytest.raises(DataFileError, match="duplicate key 'gdp'"):
        load_yaml_text(ENTRY + ENTRY, "catalogue.yaml")
