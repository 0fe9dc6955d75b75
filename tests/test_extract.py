"""extract(): the facts a user expects from the constructs of issue 2. One case per line."""

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.sources import bundled_corpus, read_paths
from indicators.model import KINDS, MEASURES, QUALIFIERS, Document, Section


def doc(text, kind="wechat", published="2026-01-21", publisher="上海经信委", title=None):
    return Document(
        id="t", text=text, source="t", source_kind=kind, title=title, published=published, publisher=publisher
    )


def facts(text, **kw):
    return extract(doc(text, **kw))


def one(text, **kw):
    found = facts(text, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure", "qualifier"),
    [
        ("2025年上海实现地区生产总值5.67万亿元。", D("5.67e12"), "CNY", "level", "exact"),
        ("2025年集成电路产业营收规模超4880亿元。", D("4.88e11"), "CNY", "level", "lower_bound"),
        ("2025年新能源汽车累计推广量超36万辆。", D(360000), "vehicle", "level", "lower_bound"),
        ("2025年上海港集装箱吞吐量5506.3万标准箱。", D(55063000), "TEU", "level", "exact"),
        ("2025年上海规上工业增加值增长5.1%。", D("5.1"), "%", "growth", "exact"),
        ("2025年工业利润同比下降2.9%。", D("-2.9"), "%", "growth", "exact"),
        ("2025年上海工业投资增速回落0.4个百分点。", D("-0.4"), "pp", "pp_change", "exact"),
        ("2025年工业利润率达6.3%。", D("6.3"), "%", "share", "exact"),
        ("2025年手术机器人出口增幅达3.7倍。", D("3.7"), "x", "multiple", "exact"),
        ("2025年混合动力汽车出口增长1.86倍。", D("1.86"), "x", "multiple", "exact"),
        ("2025年集成电路产业营收规模五年间翻了一番。", D(2), "x", "multiple", "exact"),
        ("2025年全市工业直接成本再降103.3亿元。", D("1.033e10"), "CNY", "level", "exact"),
        ("2025年全市开放测试道路覆盖三分之一市域面积。", D("33.33"), "%", "share", "exact"),
    ],
)
def test_value_unit_measure(text, value, unit, measure, qualifier):
    fact = one(text)
    assert (fact.value, fact.unit, fact.measure, fact.qualifier) == (value, unit, measure, qualifier)


def test_a_sentence_with_several_numbers_gives_several_facts():
    found = facts("2025年，上海实现地区生产总值5.67万亿元，按不变价格计算同比增长5.4%。")
    assert [(f.indicator_id, f.measure, f.value) for f in found] == [
        ("gdp", "level", D("5.67e12")),
        ("gdp", "growth", D("5.4")),
    ]
    assert all(f.indicator == "地区生产总值" for f in found)
    assert {(f.entity, f.period_start, f.period_end, f.kind) for f in found} == {
        ("上海", "2025-01", "2025-12", "actual")
    }


@pytest.mark.parametrize(
    ("text", "kind", "period_end"),
    [
        ("到2028年，新增国家级绿色工厂100家以上。", "target", "2028-12"),
        ("力争培育年营业收入过30亿元工装龙头企业5家以上。", "target", "2026-01"),
        ("目标到2027年，载客超600万人次。", "target", "2027-12"),
        ("确保全年新增规上工业企业500家。", "target", "2026-12"),
        ("预计2025年全年营业收入将近20000亿元。", "estimate", "2025-12"),
        ("规上人工智能产业规模有望超5500亿元。", "estimate", "2026-01"),
        ("2025年上海规上工业总产值达4.07万亿元。", "actual", "2025-12"),
        ("截至2025年底，全市创新型中小企业超2.3万家。", "actual", "2025-12"),
        ("1-11月全市软信业营收达到17297.53亿元。", "actual", "2025-11"),
        ("“十四五”期间，本市工业投资年均增长8.9%。", "actual", "2025-12"),
        ("今明两年将建设20个左右行业级场景实验室。", "target", "2027-12"),
        ("全年战略性新兴产业制造业产值增长6.5%。", "actual", "2025-12"),  # 全年 in January 2026 is 2025
    ],
)
def test_kind_and_period(text, kind, period_end):
    fact = one(text)
    assert (fact.kind, fact.period_end) == (kind, period_end)


def test_a_plan_span_starts_the_flow():
    found = facts("《三年行动方案（2026—2028年）》提出，新增规上工业企业500家。")
    assert [(f.period_start, f.period_end) for f in found] == [("2026-01", "2028-12")]


def test_a_target_range_gives_two_facts():
    found = facts("打造2-3个世界级旅游景区和度假区。", kind="bulletin", published=None)
    assert [(f.value, f.qualifier, f.kind) for f in found] == [
        (2, "lower_bound", "target"),
        (3, "upper_bound", "target"),
    ]
    assert all("旅游景区" in f.indicator for f in found)


def test_a_number_for_several_subjects_gives_one_fact_each():
    found = facts("2025年化肥、农药利用率均达到43%以上。")
    assert [(f.indicator, f.value) for f in found] == [("化肥利用率", 43), ("农药利用率", 43)]


def test_each_of_items_of_unequal_length_takes_the_shared_measure_word():
    # 各 as 均; the shared head is the measure word the last item ends on, whatever the lengths.
    found = facts("到2027年，人工智能计算机、人工智能新终端规模各达到千万台以上。")
    assert [(f.indicator, f.value, f.unit) for f in found] == [
        ("人工智能计算机规模", 10**7, "unit"),
        ("人工智能新终端规模", 10**7, "unit"),
    ]


def test_a_bound_on_the_rate_of_a_list_of_sectors_bounds_each():
    # No 均: a lower bound on a rate said of three sectors or more bounds each of them (rates do
    # not add up); 合计, 三大… would make them one whole.
    found = facts("1-7月，住宿和餐饮业、批发和零售业、金融业用电增速超过30%。")
    assert [(f.indicator, f.value) for f in found] == [
        ("住宿和餐饮业用电增速", 30),
        ("批发和零售业用电增速", 30),
        ("金融业用电增速", 30),
    ]
    whole = facts("1-7月，集成电路、人工智能、生物医药三大产业增速超过10%。")
    assert len(whole) == 1


def test_a_multiple_said_of_a_list_multiplies_each():
    # 翻番 of two measures: each doubled; an item that names its own measure keeps its name.
    found = facts("过去五年，全市发明专利拥有量、专精特新企业数量较2020年实现翻番。")
    assert [(f.indicator, f.value, f.measure) for f in found] == [
        ("发明专利拥有量", 2, "multiple"),
        ("专精特新企业数量", 2, "multiple"),
    ]


def test_respectively_pairs_subjects_and_numbers():
    found = facts("2025年，全市集成电路、人工智能制造业产值分别增长15.1%和13.6%。")
    assert [(f.measure, f.value) for f in found] == [("growth", D("15.1")), ("growth", D("13.6"))]
    assert "集成电路" in found[0].indicator
    assert "人工智能" in found[1].indicator


def test_counted_noun_read_rightwards():
    found = facts(
        "到2027年，全省培育20家知识产权服务龙头机构、100家规模以上服务机构。", kind="bulletin", published=None
    )
    assert [(f.value, f.unit) for f in found] == [(20, "enterprise"), (100, "enterprise")]
    assert "龙头机构" in found[0].indicator
    assert "规模以上服务机构" in found[1].indicator


@pytest.mark.parametrize(
    "text",
    [
        "对符合条件的企业给予最高500万元支持。",  # a subsidy cap
        "重大示范项目：总投资3000万元（含）以上的项目给予支持。",  # an eligibility threshold
        "发放6亿元算力券。",  # a voucher budget
        "对租用智能算力的主体，市级给予最高30%租金补贴。",  # a percent cap in a subsidy rule
        "《管理办法》共4章16条。",  # document structure
        "山东将从5个方面18条举措推进碳足迹管理。",
        "地平线征程6P（560TOPS）大算力芯片实现量产。",  # a product specification
        "正式签约17.4万立方米LNG运输船。",
        "近300人参加对接活动。",  # event attendance
        "咨询电话：021-12345678。",  # a phone number
        "2025年10月29日，上海市政府发布指引。",  # dates alone
        "数十万产业人才厚积薄发。",  # a vague amount
        "实施企业数字化转型“十百千万”工程。",  # a programme name
    ],
)
def test_not_facts(text):
    assert facts(text) == []


def test_entity_from_the_clause_subject_and_the_bulletin_headline():
    bulletin = "江苏出台四方面支持政策\n\n江苏省政府日前发布方案，到2030年，人工智能产业规模超万亿元。"
    document = Document(
        id="b", text=bulletin, source="b", source_kind="bulletin",
        sections=(Section(0, len(bulletin), "江苏出台四方面支持政策", None, "江苏"),),
    )  # fmt: skip
    (fact,) = extract(document)
    assert (fact.entity, fact.kind, fact.period_end, fact.value) == ("江苏", "target", "2030-12", D("1e12"))
    org = facts("上汽集团全年销售整车450.7万辆，同比增长12.3%。")
    assert {f.entity for f in org} == {"上汽集团"}


def test_indicator_mapped_to_the_catalogue():
    assert one("2025年上海规上工业总产值达4.07万亿元。").indicator_id == "industrial_output_above_scale"
    assert one("2025年软件和信息服务业营收超2万亿元。").indicator_id == "software_revenue"
    assert one("2025年集聚超1500家AI企业。").indicator_id == "ai_enterprises"


def test_a_headline_repeated_in_the_body_is_one_fact():
    text = "工业投资同比增长20%\n\n2025年，上海工业投资同比增长20.0%，增速高于全国17.4个百分点。"
    found = extract(doc(text, title="工业投资同比增长20%"))
    assert [(f.value, f.measure) for f in found] == [(20, "growth"), (D("17.4"), "pp_change")]
    assert found[0].evidence.startswith("2025年")


def test_evidence_and_offsets_point_into_the_document():
    text = "标题\n\n过去一年，上海实现地区生产总值5.67万亿元，同比增长5.4%。"
    for fact in extract(doc(text)):
        assert text[fact.evidence_start : fact.evidence_end] == fact.evidence
        assert text[fact.quantity_start : fact.quantity_end] == fact.quantity_text
        assert fact.quantity_text in fact.evidence


def test_facts_have_stable_ids():
    a = facts("2025年上海实现地区生产总值5.67万亿元。")
    b = facts("2025年上海实现地区生产总值5.67万亿元。")
    assert [f.id for f in a] == [f.id for f in b]


ALPHABET = st.sampled_from(
    list(
        "0123456789.,%-—+年月日万亿元个家项超约近以上左右不超过到至，。；：、“”（）《》\n 的上海地区生产总值增长同比下降十百千两三"
    )
    + ["个百分点", "倍"]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(ALPHABET, max_size=80).map("".join), st.sampled_from(["wechat", "bulletin", "newspaper", "text"])
)
def test_extract_never_raises(text, kind):
    for fact in extract(doc(text, kind=kind)):
        assert text[fact.quantity_start : fact.quantity_end] == fact.quantity_text


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_extract_never_raises_on_any_text(text):
    extract(doc(text))


def test_every_corpus_fact_keeps_to_the_fact_format():
    """FACTS.md: codes from the closed lists, periods as YYYY-MM, evidence verbatim."""
    import re

    for document in read_paths([bundled_corpus()]):
        for fact in extract(document):
            assert fact.kind in KINDS
            assert fact.measure in MEASURES
            assert fact.qualifier in QUALIFIERS
            assert fact.period_end is None or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", fact.period_end)
            assert document.text[fact.evidence_start : fact.evidence_end] == fact.evidence
            assert fact.indicator
            assert fact.unit in ("%", "pp", "x") or fact.measure == "level"


def test_a_plan_document_states_targets_over_its_horizon():
    text = "发展目标。到2027年，高级别自动驾驶应用场景实现规模化落地。\n\n实现载客超600万人次，载货运输超80万TEU。"
    found = extract(doc(text, title="关于印发《上海高级别自动驾驶引领区“模速智行”行动计划》的通知"))
    assert [(f.quantity_text, f.kind, f.period_end) for f in found] == [
        ("超600万人次", "target", "2027-12"),
        ("超80万TEU", "target", "2027-12"),
    ]


def test_rules_state_criteria_not_outcomes():
    text = "（二）上年度营业收入总额达5000万元以上，主营业务收入总额占营业收入总额比重不低于90%。"
    assert extract(doc(text, title="工信部修订印发《优质中小企业梯度培育管理办法》")) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2025年新能源汽车累计推广量超36万辆。", "超36万辆"),
        ("该项目总投资约5.23亿元。", "约5.23亿元"),
        ("到2028年，新增国家级绿色工厂100家以上。", "100家以上"),
        ("2025年全社会研发经费支出相当于全市生产总值比例达到4.5%左右。", "4.5%左右"),
    ],
)
def test_the_quantity_as_written_keeps_its_bounding_words(text, written):
    assert one(text).quantity_text == written
