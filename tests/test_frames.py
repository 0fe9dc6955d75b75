"""Frames (issue 8): a quantity takes its period, entity, kind and topic from the innermost part of
the document that states them — clause, sentence, paragraph, heading, headline — and the
publication date last. Made-up articles, one row per case, through `extractors.extract`.

Rows marked xfail(strict=True) are mechanisms not there yet: when one starts to pass, the mark
goes and the row holds it.
"""

import pytest
from article_samples import fact_of, facts_of, fields

TRADE = "1-8月浙江外贸进出口增长12.3%"  # published 2021-09-20: 1-8月 is 2021-01..2021-08
AUTUMN = "2021-09-20"
FIRM = "星河智能科技有限公司是一家研发工业机器人的企业。"
REPORT = ("一、2025年工作回顾", "全市地区生产总值增长5.6%。", "二、2026年主要目标")

ROWS = [
    # A period in the headline reaches the body sentences that state none, in every paragraph.
    pytest.param(
        TRADE, ("全省进出口总额2.1万亿元，比上年同期增长12.3%。",), AUTUMN, "2.1万亿元",
        {"period_start": "2021-01", "period_end": "2021-08", "entity": "浙江", "kind": "actual"},
        id="headline-period-and-region-reach-the-body",
    ),
    pytest.param(
        TRADE, ("全省进出口总额2.1万亿元。", "出口1.3万亿元，增长15.2%。"), AUTUMN, "1.3万亿元",
        {"period_start": "2021-01", "period_end": "2021-08"},
        id="headline-period-reaches-a-later-paragraph",
    ),
    # A sentence's own time overrides the headline's, for that sentence.
    pytest.param(
        TRADE, ("全省进出口总额2.1万亿元。", "今年上半年，全省出口1.3万亿元。"), AUTUMN, "1.3万亿元",
        {"period_start": "2021-01", "period_end": "2021-06"},
        id="own-half-year-overrides-headline",
    ),
    pytest.param(
        TRADE, ("2020年全年，全省进出口总额2.8万亿元。",), AUTUMN, "2.8万亿元",
        {"period_start": "2020-01", "period_end": "2020-12"},
        id="own-year-overrides-headline",
    ),
    # 今年以来 in a release on 1-7月 is 1-7月, not up to the publication month.
    pytest.param(
        "1-7月安徽工业运行情况", ("今年以来，全省规上工业增加值增长9.1%。",), "2021-08-16", "9.1%",
        {"period_start": "2021-01", "period_end": "2021-07", "entity": "安徽"},
        id="so-far-this-year-is-the-headline-months",
    ),
    # A paragraph's time holds for that paragraph, and not for the next one.
    pytest.param(
        "浙江外贸运行情况", ("上半年，全省出口1.3万亿元。进口0.8万亿元。",), AUTUMN, "0.8万亿元",
        {"period_start": "2021-01", "period_end": "2021-06"},
        id="paragraph-time-holds-for-its-next-sentence",
    ),
    pytest.param(
        "浙江外贸运行情况", ("全省软件业营收在上半年达到860亿元。", "全省进口0.8万亿元。"), AUTUMN, "0.8万亿元",
        {"period_end": "2021-09", "entity": "浙江"},
        id="paragraph-time-does-not-leak-into-the-next-paragraph",
    ),
    # A time long before publication told in a story (回想起2006年…) dates its own sentence only.
    pytest.param(
        "开源之城", ("创始人回想起2006年他将代码公开的情景。全市活跃开源开发者超40万人。",),
        "2026-01-14", "超40万人", {"period_end": "2026-01"},
        id="a-flashback-dates-no-later-sentence",
    ),
    # Who is measured: the sentence's own region overrides the headline's.
    pytest.param(
        TRADE, ("全省进出口总额2.1万亿元。其中，宁波市进出口8000亿元。",), AUTUMN, "8000亿元",
        {"entity": "宁波", "period_end": "2021-08"},
        id="own-city-overrides-headline-province",
    ),
    pytest.param(
        "1-2月各省财政收入", ("广东一般公共预算收入2500亿元，增长20%。江苏一般公共预算收入2100亿元。",),
        "2021-03-20", "2100亿元",
        {"entity": "江苏", "period_start": "2021-01", "period_end": "2021-02"},
        id="each-province-its-own-entity",
    ),
    # Who is measured: an organisation, named in the sentence or introduced before.
    pytest.param(
        "企业走访", ("2023年，星河集团实现营业收入6.8亿元。",), "2024-03-10", "6.8亿元",
        {"entity": "星河集团", "period_end": "2023-12", "kind": "actual"},
        id="group-named-in-its-sentence",
    ),
    pytest.param(
        "企业走访", ("2023年，星河智能科技有限公司营业收入6.8亿元。",), "2024-03-10", "6.8亿元",
        {"entity": "星河智能科技有限公司"},
        id="company-named-in-its-sentence",
    ),
    pytest.param(
        "企业走访", (FIRM, "2023年，该公司实现营业收入6.8亿元，同比增长35%。"), "2024-03-10", "6.8亿元",
        {"entity": "星河智能科技有限公司", "period_end": "2023-12"},
        id="company-introduced-then-this-company",
    ),
    pytest.param(
        "企业走访", (FIRM, "2023年，公司营业收入6.8亿元。"), "2024-03-10", "6.8亿元",
        {"entity": "星河智能科技有限公司"},
        id="company-introduced-then-the-company",
    ),
    pytest.param(
        "企业走访", ("星河集团是一家研发工业机器人的企业。", "2023年，该集团实现营业收入6.8亿元。"), "2024-03-10",
        "6.8亿元", {"entity": "星河集团"},
        id="group-introduced-then-this-group",
    ),
    pytest.param(
        "企业走访", ("星河智能科技有限公司（以下简称星河智能）成立于2015年。", "2023年，星河智能营业收入6.8亿元。"),
        "2024-03-10", "6.8亿元", {"entity": "星河智能"},
        id="short-name-introduced-then-used",
    ),
    pytest.param(
        "外资企业巡礼", ("1. 星河智能：深耕工业机器人", "2023年，星河智能科技有限公司营业收入6.8亿元。"),
        "2024-03-10", "6.8亿元", {"entity": "星河智能"},
        id="heading-short-name-for-the-full-name",
    ),
    pytest.param(
        "三季报看浙江", ("前三季度各省经济运行情况陆续发布。", "全国31个省份三季报出炉，浙江实现地区生产总值5.6万亿元。"),
        "2021-11-02", "5.6万亿元", {"entity": "浙江", "period_start": "2021-01", "period_end": "2021-09"},
        id="third-quarter-report-is-january-to-september",
    ),
    pytest.param(
        "2023年河北经济运行", ("雄安新区建设加快推进，全省规上工业增加值增长7.0%。",),
        "2024-03-10", "7.0%", {"entity": "河北"},
        id="whole-province-overrides-a-place-named-before",
    ),
    # Topic: a bare growth rate continues the indicator of the sentence before it.
    pytest.param(
        "安徽消费市场", ("2023年，全省社会消费品零售总额3200亿元。比上年增长6.1%。",), "2024-03-10", "6.1%",
        {"indicator": "社会消费品零售总额", "measure": "growth", "period_end": "2023-12", "entity": "安徽"},
        id="bare-growth-continues-the-indicator-before",
    ),
    pytest.param(
        "安徽消费市场", ("2023年，全省社会消费品零售总额3200亿元。其中，网上零售额900亿元。增长12%。",),
        "2024-03-10", "12%", {"indicator": "网上零售额", "measure": "growth"},
        id="bare-growth-continues-the-latest-indicator",
    ),
    # Work-report headings: the review states actuals of its year, the goals targets of theirs.
    pytest.param(
        "政府工作报告", (*REPORT, "地区生产总值增长5%左右。"), "2026-01-20", "5.6%",
        {"kind": "actual", "period_start": "2025-01", "period_end": "2025-12"},
        id="review-heading-states-actuals",
    ),
    pytest.param(
        "政府工作报告", (*REPORT, "地区生产总值增长5%左右。"), "2026-01-20", "5%左右",
        {"kind": "target", "period_start": "2026-01", "period_end": "2026-12", "qualifier": "approx"},
        id="goals-heading-states-targets-for-its-year",
    ),
    pytest.param(
        "政府工作报告", (*REPORT, "地区生产总值增长5%左右。", "城镇新增就业12万人。"), "2026-01-20", "12万人",
        {"kind": "target", "period_end": "2026-12"},
        id="goals-heading-holds-for-later-paragraphs",
    ),
    pytest.param(
        "政府工作报告", ("一、过去一年工作回顾", "全市地区生产总值增长5.6%。"), "2026-01-20", "5.6%",
        {"kind": "actual", "period_end": "2025-12"},
        id="review-of-the-past-year-without-its-number",
    ),
    pytest.param(
        "政府工作报告", ("二、2026年主要目标", "到2030年，数字经济核心产业增加值占比达到15%。"), "2026-01-20", "15%",
        {"kind": "target", "period_end": "2030-12"},
        id="own-horizon-overrides-the-goals-year",
    ),
    # 成立20多年来 is a stretch up to now: a stock counted over it is as of publication, not the year before.
    pytest.param(
        "新材料企业观察", ("星河新材2018年推出首款产品。星河新材成立20多年来，已有300多款材料实现量产。",),
        "2026-01-20", "300多款", {"period_end": "2026-01"},
        id="many-years-since-is-now",
    ),
    # A name before a spokesman's title (副总裁, 董事长…) is an organisation's; 这家…企业 after it is that one.
    pytest.param(
        "大模型观察", ("星河智算一直坚持自研。“我们不会放弃。”星河智算副总裁张明说。这家成立不到5年的企业已发布12款模型。",),
        "2026-01-20", "12款", {"entity": "星河智算"},
        id="a-firm-named-by-its-spokesmans-title",
    ),
    # A name in Latin letters opening a clause is its subject when it recurs; capitals alone are acronyms.
    pytest.param(
        "大模型观察", ("Nebula 2发布后广受关注。凭借出色的推理，Nebula 2表现强劲，其月活跃用户同比增长80%。",),
        "2026-01-20", "80%", {"entity": "Nebula 2"},
        id="a-latin-name-opens-the-clause",
    ),
    pytest.param(
        "江苏经济运行", ("GDP增长5.8%。GDP总量居全国第二。",), "2026-01-20", "5.8%", {"entity": "江苏"},
        id="an-acronym-is-no-subject",
    ),
    # 两年多过去 brings the paragraph from the year it told of to now.
    pytest.param(
        "大模型观察", ("2023年底，全国大模型近80个。两年多过去，热潮已经平息，仍在研发基础大模型的企业已不足10家。",),
        "2026-01-20", "不足10家", {"period_end": "2026-01"},
        id="years-gone-by-come-to-now",
    ),
    # A Latin name given in brackets after a firm's Chinese name stands for the firm later on.
    pytest.param(
        "大模型观察", ("星河科技（Nebula）创始人出席座谈会。", "Nebula发布新模型，其月活跃用户同比增长80%。"),
        "2026-01-20", "80%", {"entity": "星河科技"},
        id="a-latin-alias-stands-for-the-firm",
    ),
    # A text that opens on many provinces and the country is about the country, not the first province.
    pytest.param(
        "各地财政收入观察", ("广东收入居首，浙江超过江苏，全国各地收入均有增长。", "全部31个省份一般公共预算收入实现正增长。"),
        "2021-03-27", "31个", {"entity": "全国"},
        id="many-provinces-open-a-national-text",
    ),
    # A sentence opening with 该项目 is about the project the sentence before named (quoted names whole).
    pytest.param(
        "项目建设观察", ("1月10日，“星河核心零部件及系统项目”举行奠基仪式。该项目总投资约6亿元，将新建约5万平方米的厂房。",),
        "2026-01-20", "约5万平方米", {"entity": "星河核心零部件及系统项目"},
        id="this-project-is-the-one-named-before",
    ),
    # A community or park named in quotes (…社区“X”) is what the next sentence with no subject is about.
    pytest.param(
        "人工智能产业观察", ("走进全国首个机器人创新社区“星河空间”，这里发展很快。成立3年来，吸引了超150家企业入驻。",),
        "2026-01-20", "超150家", {"entity": "星河空间"},
        id="a-quoted-community-name",
    ),
    # 未来3至5年 are the years ahead of publication; 将会达到 is an outlook.
    pytest.param(
        "光芯片观察", ("专家预测，未来3至5年，光芯片在数据中心中的占比将会达到30%以上。",),
        "2026-01-20", "30%以上", {"period_end": "2030-12", "kind": "estimate"},
        id="years-ahead-outlook",
    ),
    # 该产品 belongs to its maker: the firm the text introduces, even in a later paragraph.
    pytest.param(
        "新材料观察", ("一块小小的密封件，曾被国外垄断多年。该产品自2019年推出以来，累计销售收入已超1亿元。",
                  "工程师张明所在的星河新材是一家专做密封材料的公司。星河新材还在扩产。"),
        "2026-01-20", "超1亿元", {"entity": "星河新材"},
        id="a-products-maker-named-later",
    ),
    # A programme launched under a name in 「」 is what the paragraphs after it are about.
    pytest.param(
        "人工智能与人文", ("研究院与大学联合开设「星河人文智能实训营」，面向学生开展训练。", "自启动以来，线上课程覆盖超3000人。"),
        "2026-01-20", "超3000人", {"entity": "星河人文智能实训营"},
        id="a-programme-launched-in-brackets",
    ),
    # Figures opening a sentence with no subject belong to the organisation named after the dash.
    pytest.param(
        "大模型观察", ("个人用户超3亿、月活用户超4000万——风生水起的Nebula（星河宇航科技）也在自研大模型。",),
        "2026-01-20", "超3亿", {"entity": "星河宇航科技"},
        id="figures-before-the-dash",
    ),
    # 高于去年同期 is a comparison base, not the period of the figures beside it.
    pytest.param(
        "1-7月浙江用电量增长18%", ("第三产业用电量同比增长27.7%，高于去年同期27.4个百分点。",),
        "2021-08-20", "27.4个百分点", {"period_end": "2021-07"},
        id="higher-than-last-year-is-a-base",
    ),
    # A clause that is only a noun phrase ending in a name (…的X公司，…) is who the clauses after it are about.
    pytest.param(
        "绿色低碳产业观察", ("2023年落户某区的星河绿能科技公司，专注于储能电站建设，目前员工已达300人。",),
        "2026-01-20", "300人", {"entity": "星河绿能科技公司"},
        id="modified-name-opens-the-sentence",
    ),
    pytest.param(
        "机器人产业观察", ("3平方公里的星河机器人谷里，半年已集聚50家整机企业。", "星河机器人谷还在扩建。"),
        "2026-01-20", "50家", {"entity": "星河机器人谷"},
        id="a-named-valley-is-where-the-firms-gather",
    ),
    # A lead citing its source, or stating months to date, frames the paragraphs after it (no headings);
    # a story's lead time does not.
    pytest.param(
        "全市消费市场持续回暖", ("市商务委数据显示，今年1-10月，全市社会消费品零售总额15236.5亿元。", "从消费类型看，商品零售13256.2亿元。"),
        "2025-11-20", "13256.2亿元", {"period_start": "2025-01", "period_end": "2025-10"}, id="a-sourced-lead-frames-the-text",
    ),
    pytest.param(
        "全市消费市场持续回暖", ("1-10月，全市社会消费品零售总额15236.5亿元。", "从消费类型看，商品零售13256.2亿元。"),
        "2025-11-20", "13256.2亿元", {"period_start": "2025-01", "period_end": "2025-10"}, id="a-lead-of-months-to-date-frames-the-text",
    ),
    pytest.param(
        "一家企业的故事", ("2023年，星河智能落户临港，首年营收2000万元。", "目前，星河智能员工已达300人。", "公司累计获得专利56项。"),
        "2025-11-20", "56项", {"period_end": "2025-11"}, id="a-story-lead-year-frames-nothing",
    ),
    # A plan's horizon, stated under its goals heading, holds for the undated targets of its later sections.
    pytest.param(
        "关于加快推进新型工业化的实施意见", ("一、总体目标", "到2027年，全市工业增加值达到1.3万亿元。", "二、主要任务", "壮大先导产业。先导产业规模力争达到2.5万亿元。"),
        "2026-01-12", "2.5万亿元", {"kind": "target", "period_end": "2027-12"}, id="a-plan-horizon-holds-for-later-sections",
    ),
    # 重大项目 in a heading is no name of a firm: an adjective opens it
    pytest.param(
        "2025年上海生物医药产业十件大事", ("01", "重大项目加快落地", "全年新开工生物医药重大项目32个，总投资超过420亿元。"),
        "2026-01-18", "32个", {"entity": "上海"}, id="major-projects-are-no-firm",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("title", "paragraphs", "published", "quantity", "expected"), ROWS)
def test_frames(title, paragraphs, published, quantity, expected):
    fact = fact_of(facts_of(title, *paragraphs, published=published), quantity)
    assert fields(fact, expected) == expected


def test_a_plain_text_report_reads_its_headings_as_frames(tmp_path):
    """A text file is an article: its short unpunctuated lines are headings, so the year and the
    review or plan they name hold for the paragraphs under them."""
    from extractors import extract
    from extractors.sources import read_file

    path = tmp_path / "report.txt"
    path.write_text(
        "政府工作报告\n\n一、2025年工作回顾\n\n全年新开工项目1800个。\n\n"
        "二、2026年工作安排\n\n新建5G基站1.2万个。\n",
        encoding="utf-8",
    )
    found = extract(read_file(path, published="2026-01-25")[0])
    review, plan = fact_of(found, "1800个"), fact_of(found, "1.2万个")
    assert (review.kind, review.period_start, review.period_end) == ("actual", "2025-01", "2025-12")
    assert (plan.kind, plan.period_start, plan.period_end) == ("target", "2026-01", "2026-12")


def test_a_label_of_goals_frames_the_paragraphs_after_it_as_targets():
    """主要目标：到2027年，… and the ——bullets after it: targets to that horizon, though no heading
    was laid out."""
    found = facts_of(
        "生物医药产业发展新政",
        "主要目标：到2027年，产业高质量发展取得显著成效。",
        "——产业规模持续壮大。全市生物医药产业规模达到1万亿元，年均增长8%以上。",
        "——创新能力显著增强。累计获批创新药40个。",
        published="2025-12-20",
    )
    size, rate, drugs = fact_of(found, "1万亿元"), fact_of(found, "8%以上"), fact_of(found, "40个")
    assert (size.kind, size.period_end) == ("target", "2027-12")
    assert (rate.kind, rate.period_start, rate.period_end) == ("target", "2026-01", "2027-12")
    assert (drugs.kind, drugs.period_end) == ("target", "2027-12")


def test_a_party_signing_a_deal_is_named_unless_it_is_a_government():
    from extractors.entities import EntityReader

    text = (
        "3月18日，上海电气与某能源企业签署总承包合同。上海电气是老牌装备企业。"
        "同日，上海市政府与某集团签署战略合作协议，上海市政府表示将全力支持。"
    )
    names = EntityReader(text).names
    assert "上海电气" in names
    assert not any(name.startswith("上海市") for name in names)
