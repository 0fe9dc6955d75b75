"""The units and statistical constructs of ../shared/FACTS.md's "Conventions the gold follows"
(issue 8), one made-up sentence per construct, through `extractors.extract`.

Rows marked xfail(strict=True) are constructs not read yet: when one starts to pass, the mark goes.
"""

from pathlib import Path

import pytest
from article_samples import fact_of, facts_of, fields

from extractors import extract
from extractors.sources import json_documents

NO_PIECE_UNIT = "片 is read as unit (台/套), not item"


def xfail(reason):
    return pytest.mark.xfail(strict=True, reason=reason)


# (sentence, the quantity as written, value, unit, measure, other fields)
ROWS = [
    # Units of the conventions table
    pytest.param("2023年，全省实际使用外资38.6亿美元。", "38.6亿美元", 3.86e9, "USD", "level", {}, id="yi-usd"),
    pytest.param("2023年，全市跨境电商进出口额8600万美元。", "8600万美元", 8.6e7, "USD", "level", {}, id="wan-usd"),
    pytest.param("2023年，全省全社会用电量4200亿千瓦时。", "4200亿千瓦时", 4.2e11, "kWh", "level", {}, id="yi-kwh"),
    pytest.param("2023年，全市光伏发电量5.2万千瓦时。", "5.2万千瓦时", 5.2e4, "kWh", "level", {}, id="wan-kwh"),
    pytest.param("2023年，全省新增造林面积12万公顷。", "12万公顷", 1.2e9, "m2", "level", {}, id="hectare"),
    pytest.param("2023年，全省新建高标准农田15万亩。", "15万亩", 1e8, "m2", "level", {}, id="mu"),
    pytest.param("2023年，全市新增建设用地3.5平方公里。", "3.5平方公里", 3.5e6, "m2", "level", {}, id="square-km"),
    pytest.param("2023年，全市商品房销售面积1200万平方米。", "1200万平方米", 1.2e7, "m2", "level", {}, id="square-m"),
    pytest.param("2023年，全省规上工业企业应收账款平均回收期56.3天。", "56.3天", 56.3, "day", "level", {}, id="day"),
    pytest.param("2023年，全市企业平均通关时间缩短至1.6小时。", "1.6小时", 1.6, "hour", "level", {}, id="hour"),
    pytest.param(
        "2023年，全省新增煤制烯烃产能60万吨/年。", "60万吨/年", 6e5, "t/year", "level", {},
        id="capacity-per-year",
    ),
    pytest.param("2023年，全市港口进出港船舶2.3万艘次。", "2.3万艘次", 2.3e4, "ship_time", "level", {}, id="ship-time"),
    pytest.param("全年智能眼镜出货量突破100万副。", "突破100万副", 1e6, "item", "level", {}, id="pairs-counted"),
    pytest.param("全年机场保障航班起降28.6万架次。", "28.6万架次", 2.86e5, "aircraft_time", "level", {}, id="aircraft-time"),
    pytest.param("全年交通卡口监测通行车辆1.2亿辆次。", "1.2亿辆次", 1.2e8, "vehicle_time", "level", {}, id="vehicle-time"),
    pytest.param("2023年，全省粮食总产量820亿斤。", "820亿斤", 4.1e7, "t", "level", {}, id="jin"),
    pytest.param("2023年，全省生猪出栏3200万头。", "3200万头", 3.2e7, "item", "level", {}, id="head"),
    pytest.param("2023年，全省集成电路产量120亿块。", "120亿块", 1.2e10, "item", "level", {}, id="block"),
    pytest.param(
        "2023年，全省太阳能电池产量8.5亿片。", "8.5亿片", 8.5e8, "item", "level", {},
        id="piece", marks=xfail(NO_PIECE_UNIT),
    ),
    pytest.param("2023年，全省服装产量5.6亿件。", "5.6亿件", 5.6e8, "item", "level", {}, id="garment"),
    pytest.param("2023年，全省家禽出栏6.5亿只。", "6.5亿只", 6.5e8, "item", "level", {}, id="animal"),
    pytest.param("2023年，全省新登记经营主体42万户。", "42万户", 4.2e5, "enterprise", "level", {}, id="hu-of-firms"),
    pytest.param(
        "2023年，全省居民人均可支配收入41000元。", "41000元", 41000, "CNY/person", "level", {}, id="per-person"
    ),
    pytest.param(
        "2023年，全省规上工业企业每百元营业收入中的成本为83.6元。", "83.6元", 83.6, "CNY/100_CNY", "level", {},
        id="per-hundred-yuan",
    ),
    pytest.param(
        "2023年末，人民币对美元汇率为1美元兑7.08元人民币。", "7.08元人民币", 7.08, "CNY/USD", "level", {},
        id="exchange-rate",
    ),
    pytest.param(
        "2023年末，1美元兑7.08元人民币。", "7.08元人民币", 7.08, "CNY/USD", "level", {},
        id="bare-exchange-rate",
    ),
    pytest.param("2023年，全省人口出生率为6.2‰。", "6.2‰", 0.62, "%", "share", {}, id="per-mille"),
    pytest.param(
        "2023年，全省人口自然增长率比上年下降0.3个千分点。", "0.3个千分点", -0.03, "pp", "pp_change", {},
        id="per-mille-point",
    ),
    pytest.param("2023年，全省人均预期寿命达到79.8岁。", "79.8岁", 79.8, "year", "level", {}, id="life-expectancy"),
    # Comparisons with another figure, contributions, two-year averages, growth on a base year
    pytest.param(
        "2023年，全省规上工业增加值增长6.8%，比全国高2.2个百分点。", "2.2个百分点", 2.2, "pp", "pp_change", {},
        id="higher-than-the-nation",
    ),
    pytest.param(
        "2023年，全省规上工业增加值增长3.1%，比全国低1.5个百分点。", "1.5个百分点", -1.5, "pp", "pp_change", {},
        id="lower-than-the-nation",
    ),
    pytest.param(
        "2023年，全省规上工业增加值增速比前三季度回落0.4个百分点。", "0.4个百分点", -0.4, "pp", "pp_change", {},
        id="fell-back-from-the-quarters",
    ),
    pytest.param(
        "2023年，全省民营企业出口增长12%，拉动全省出口增长7.6个百分点。", "7.6个百分点", 7.6, "pp", "pp_change",
        {}, id="contribution",
    ),
    pytest.param(
        "2023年，全省社会消费品零售总额两年平均增长4.3%。", "4.3%", 4.3, "%", "growth", {}, id="two-year-average"
    ),
    pytest.param(
        "2023年，全省旅游收入比2019年同期增长15.6%。", "15.6%", 15.6, "%", "growth",
        {"period_end": "2023-12"}, id="growth-on-2019",
    ),
    # Counts of regions that rose or fell
    pytest.param(
        "2023年，全省有7个设区市规上工业增加值增速低于全省平均水平。", "7个", 7, "item", "level", {},
        id="count-of-cities",
    ),
    # Stocks: as of a date, no start
    pytest.param(
        "2023年末，全省常住人口6100万人。", "6100万人", 6.1e7, "person", "level",
        {"period_start": None, "period_end": "2023-12"}, id="year-end-stock",
    ),
    pytest.param(
        "截至2023年底，全省累计建成5G基站12万个。", "12万个", 1.2e5, "item", "level",
        {"period_start": None, "period_end": "2023-12"}, id="cumulative-to-a-date",
    ),
    pytest.param(
        "目前，全省已建成省级以上开发区80个。", "80个", 80, "item", "level",
        {"period_start": None, "period_end": "2024-03"}, id="at-present",
    ),
    # Changes of a level, signed, with the level's indicator and period
    pytest.param(
        "2023年末，全省常住人口6100万人，比上年末减少12万人。", "12万人", -1.2e5, "person", "level",
        {"indicator": "常住人口", "period_start": None}, id="level-fell-from-last-year-end",
    ),
    pytest.param(
        "2023年，全省规上工业企业3.1万家，同比增加1200家。", "1200家", 1200, "enterprise", "level",
        {"indicator": "规上工业企业"}, id="count-rose-on-the-year",
    ),
    # Words for parts and amounts
    pytest.param("全省研发投入八成以上来自企业。", "八成以上", 80, "%", "share", {"qualifier": "lower_bound"}, id="tenths"),
    pytest.param(
        "2025年，全省个体工商户占市场主体总量的三分之二，九成集中在服务业。", "九成", 90, "%", "share", {},
        id="tenths-opening-a-clause",
    ),
    pytest.param("园区企业营收占全区的一半。", "一半", 50, "%", "share", {}, id="half"),
    pytest.param("全省已有上千家企业完成数字化改造。", "上千家", 1000, "enterprise", "level",
                 {"qualifier": "lower_bound"}, id="a-thousand-and-more"),
    pytest.param("该平台注册用户超3亿、日活用户超4000万。", "超3亿", 3e8, "person", "level", {}, id="bare-count-users"),
    pytest.param("平台可服务约80万注册用户。", "约80万", 8e5, "person", "level", {}, id="bare-count-before-noun"),
    # Shares of a whole named before them, each with its own noun
    pytest.param(
        "全省集聚了全国约15%的光伏企业和20%的储能企业。", "20%", 20, "%", "share",
        {"indicator": "储能企业占全国比重"}, id="share-of-the-whole-listed",
    ),
    # A milestone names no thing counted; a digit inside a name is no new number
    pytest.param(
        "全省高新技术企业总数首次突破3万家大关。", "突破3万家", 3e4, "enterprise", "level",
        {"indicator": "高新技术企业"}, id="milestone",
    ),
    pytest.param(
        "全省已有6个国产2类医疗器械获批上市。", "6个", 6, "item", "level", {"indicator": "获批上市国产2类医疗器械"},
        id="digit-inside-a-name",
    ),
    # 涨幅 alone continues the indicator before it
    pytest.param(
        "3月份，全省居民消费价格同比上涨1.2%，涨幅比上月回落0.3个百分点。", "0.3个百分点", -0.3, "pp",
        "pp_change", {"indicator": "居民消费价格涨幅"}, id="rise-continues",
    ),
    # A bare 低 before the points continues the comparison the sentence made
    pytest.param(
        "全省制造业增加值率比发达国家低12个百分点，高技术制造业占比低8个百分点。", "8个百分点", -8, "pp",
        "pp_change", {}, id="lower-continues-the-comparison",
    ),
    # 同期 opens a clause that compares another place over the same period: its place, the same indicator
    pytest.param(
        "前三季度，安徽规上工业增加值为14578亿元，同期江西为19775.9亿元。", "19775.9亿元", 1.977590e12, "CNY",
        "level", {"indicator": "规上工业增加值", "entity": "江西"}, id="same-period-another-place",
    ),
    # An end date inside the phrase goes with its 到 (到2025年全省制造业比重…)
    pytest.param(
        "到2025年全省制造业比重提高至33.3%左右。", "33.3%左右", 33.3, "%", "share",
        {"indicator": "制造业比重", "kind": "target"}, id="end-date-inside-the-phrase",
    ),
    # 从80人增至600人: the people counted before a verb are a baseline, not an attribute (50人论坛)
    pytest.param(
        "2023年，全省线下实训从80人增至600人。", "600人", 600, "person", "level",
        {"indicator": "线下实训"}, id="people-from-to",
    ),
    # 家 counts facilities and enclaves as items, firms as enterprises
    pytest.param(
        "2023年，全省在沪设立创新飞地30家。", "30家", 30, "item", "level", {}, id="enclaves-are-items",
    ),
    # 3家国家级、12家省级和40家市级企业技术中心: a count naming only a grade counts the list's noun
    pytest.param(
        "2025年，全市拥有3家国家级、12家省级和40家市级企业技术中心。", "3家", 3, "item", "level",
        {"indicator": "国家级企业技术中心"}, id="grades-share-the-last-noun",
    ),
    # 制造能力每年100万个: 每年 says the capacity is yearly; the indicator is the capacity
    pytest.param(
        "到2027年，全市应用终端批量制造能力每年100万个。", "100万个", 1000000, "item", "level",
        {"indicator": "应用终端批量制造能力"}, id="per-year-is-not-in-the-name",
    ),
    # 由某某公司投资50亿元: the firm after 由 is who invests, not part of the indicator
    pytest.param(
        "2025年，项目位于临港新片区，由星河半导体有限公司投资50亿元。", "50亿元", 5e9, "CNY", "level",
        {"indicator": "投资", "entity": "星河半导体有限公司"}, id="the-investor-after-you",
    ),
    # …增长7.4%，高于全国1个百分点，高于年度目标1.9个百分点: both comparisons are of the growth
    pytest.param(
        "上半年，全省工业增加值增长7.4%，高于全国平均增速1个百分点，高于年度目标1.9个百分点。", "1.9个百分点",
        1.9, "pp", "pp_change", {"indicator": "工业增加值高于目标"}, id="two-comparisons-of-one-rate",
    ),
    # 占比 names a share: its 比 is not the 比 that ends a comparison
    pytest.param(
        "2025年，全市规上工业企业中研发人员占比超20%。", "超20%", 20, "%", "share",
        {"indicator": "规上工业企业中研发人员占比"}, id="share-named-zhanbi",
    ),
    pytest.param(
        "2025年，全省药品销售中，中成药类约占14.6%。", "14.6%", 14.6, "%", "share",
        {"indicator": "中成药类占比"}, id="a-share-written-zhan-is-named-zhanbi",
    ),
    # A number with no words of its own takes the measure the clause before names, when the
    # sentence's last number lies before that clause (not an 增速… comment on the same measure)
    pytest.param(
        "2025年，全市港口吞吐量5506万标准箱，连续16年保持全球第一；研发经费支出相当于生产总值比例持续提升，达到4.5%左右。",
        "4.5%左右", 4.5, "%", "share", {"indicator": "研发经费支出相当于生产总值比例"},
        id="the-clause-before-names-the-measure",
    ),
    pytest.param(
        "2025年，全市工业增加值增长5.1%，增速为近四年最快，较2024年加快2.9个百分点。", "2.9个百分点", 2.9, "pp",
        "pp_change", {"indicator": "工业增加值"}, id="a-rate-comment-keeps-the-measure",
    ),
    # A quote opening on a predicate quotes a plan about the measure named before it, not a name
    pytest.param(
        "到2025年全省制造业比重“由2020年的32.7%提高至33.3%左右”。", "33.3%左右", 33.3, "%", "share",
        {"indicator": "制造业比重"}, id="a-quoted-predicate-is-no-name",
    ),
    # 长兴岛船舶与海洋工程装备产业规模: a name joined to the rest by 与 is part of the indicator
    pytest.param(
        "到2027年，长兴岛船舶与海洋工程装备产业规模超过1200亿元。", "超过1200亿元", 1.2e11, "CNY", "level",
        {"indicator": "长兴岛船舶与海洋工程装备产业规模"}, id="a-name-joined-by-yu-stays",
    ),
    # 提出 states a goal: 浙江提出…比重稳定在1/3左右
    pytest.param(
        "浙江提出制造业增加值占生产总值比重稳定在1/3左右。", "1/3左右", 33.33, "%", "share",
        {"kind": "target"}, id="a-goal-put-forward",
    ),
    # 800多家航企以及…20多家机构: 以及 and a number with 多 end the counted noun's phrase
    pytest.param(
        "2025年，全区集聚了800多家航企以及空域管理等领域20多家航空功能机构。", "800多家", 800, "enterprise",
        "level", {"indicator": "集聚航企"}, id="yiji-ends-the-counted-noun",
    ),
    # 3艘17.5万方…运输船: the ship's size in 方 is its specification, the ships are what is counted
    pytest.param(
        "2025年，船厂全年交付3艘17.5万方LNG运输船。", "3艘", 3, "ship", "level",
        {"indicator": "LNG运输船"}, id="cubic-metres-as-fang-are-a-spec",
    ),
    # 标志着…, 意味着…: a discourse verb opening the phrase is not part of the indicator
    pytest.param(
        "2025年11月，公司交付一架新机，标志着两型飞机累计交付达200架。", "200架", 200, "aircraft", "level",
        {"indicator": "两型飞机累计交付"}, id="marks-that-is-no-indicator",
    ),
    # 国家级绿色工厂196家（市级523家）: the level word takes the place of the one before it
    pytest.param(
        "2025年，全市累计创建国家级绿色工厂196家（市级523家）。", "523家", 523, "enterprise", "level",
        {"indicator": "创建市级绿色工厂"}, id="level-word-replaces-the-level",
    ),
    # The next number ends a counted noun's phrase whatever its counter (份, 件, 次…), not 第1批
    pytest.param(
        "2025年，全市40家企业编制1200份碳足迹报告。", "40家", 40, "enterprise", "level",
        {"indicator": "企业编制"}, id="the-next-count-in-fen-ends-the-phrase",
    ),
    # 回款天数平均154天: 平均 is trimmed whole, not cut to 平 (the 均 of 均达到 is an each)
    pytest.param(
        "2025年，全省医疗机构应收账款回款天数平均154天。", "154天", 154, "day", "level",
        {"indicator": "医疗机构应收账款回款天数"}, id="on-average-is-trimmed-whole",
    ),
    # 华东理工大学等8家单位: names before 等 are examples of what is counted, not who counts
    pytest.param(
        "2025年，星河科技有限公司等8家单位入选创新任务。", "8家", 8, "enterprise", "level",
        {"entity": "安徽"}, id="names-before-deng-are-examples",
    ),
    # A university is an organisation: 华东师范大学 is not the region 华东
    pytest.param(
        "2025年，华东师范大学科研经费达到18亿元。", "18亿元", 1.8e9, "CNY", "level",
        {"entity": "华东师范大学"}, id="a-university-is-an-organisation",
    ),
    # 比金融业增速还高出5.6个百分点: a comparison opening with 比 compares the indicator just stated
    pytest.param(
        "2025年，全市信息服务业增速为15.3%，比金融业增速还高出5.6个百分点。", "5.6个百分点", 5.6, "pp",
        "pp_change", {"indicator": "信息服务业增速比金融业增速还高出"}, id="a-comparison-opening-with-bi",
    ),
    # 进出口增速不仅较去年大幅增长，而且还超出全国水平1.8个百分点: a comparison of the clause before's
    # measure when the sentence states no number before it
    pytest.param(
        "2025年，全市进出口增速不仅较去年大幅增长，而且还超出全国水平1.8个百分点。", "1.8个百分点", 1.8, "pp",
        "pp_change", {"indicator": "进出口增速超出全国水平"}, id="a-comparison-of-the-clause-before",
    ),
    # 较去年自身水平提高了0.4个百分点: a level compared with is the base; the rate is the one stated
    pytest.param(
        "2025年全市GDP增长5.4%，不仅高于全国5%的GDP增速，也较去年自身水平提高了0.4个百分点。", "0.4个百分点", 0.4, "pp",
        "pp_change", {"indicator": "GDP增速"}, id="a-level-compared-with-is-the-base",
    ),
    # 某某、某某等四家: a count in words after 等 totals the names listed, a count that measures
    pytest.param(
        "2025年，全区新增星河日化、蓝海食品等四家市级先进级智能工厂。", "四家", 4, "enterprise", "level",
        {"indicator": "市级先进级智能工厂"}, id="a-count-in-words-after-deng",
    ),
    # 该项目总投资…, 该系统预计年发电量…: the demonstrative names who (the entity), not the indicator
    pytest.param(
        "2025年，该项目总投资32.7亿元，总产能迈向30万台。", "32.7亿元", 3.27e9, "CNY", "level",
        {"indicator": "总投资"}, id="a-demonstrative-opening-the-phrase",
    ),
    # 达产后可实现年产值约93.5亿元: "after reaching capacity" and a modal open the phrase, not 达
    pytest.param(
        "该项目计划2027年投产，达产后可实现年产值约93.5亿元。", "约93.5亿元", 9.35e9, "CNY", "level",
        {"indicator": "年产值"}, id="after-full-capacity-is-no-indicator",
    ),
    # 车辆150余车次、监测设备300余套: an item with a number of its own ends before the next one
    pytest.param(
        "2025年，全年累计投入监测车辆150余车次、监测设备300余套。", "300余套", 300, "unit", "level",
        {"indicator": "监测设备"}, id="an-item-with-its-own-number-ends-the-phrase",
    ),
    # 中国国际工业博览会 is an event: its 中国 is not the country the number is about
    pytest.param(
        "2025年，在中国国际工业博览会期间，签约金额达120亿元。", "120亿元", 1.2e10, "CNY", "level",
        {"entity": "安徽"}, id="china-opening-an-event-name",
    ),
    # 较两年前增加7倍: a time before the verb is the comparison base, not what is measured
    pytest.param(
        "2025年，平台商业客户数量增长到155家，较两年前增加7倍。", "7倍", 7, "x", "multiple",
        {"indicator": "平台商业客户数量"}, id="years-ago-is-a-base",
    ),
    # 个 of a noun ending in 企业 counts firms; 户 of 个体工商户 counts firms, not households
    pytest.param(
        "2025年，全市新增规上工业企业520个。", "520个", 520, "enterprise", "level", {},
        id="items-that-are-firms",
    ),
    pytest.param(
        "2025年，全省新增个体工商户12.5万户。", "12.5万户", 125000, "enterprise", "level", {},
        id="households-that-are-firms",
    ),
    # 以X亿元继续排第一: the amount is the subject's, not an attribute of a noun after it
    pytest.param(
        "1-8月，全省对东盟进出口以3200亿元继续排第一。", "3200亿元", 3.2e11, "CNY", "level",
        {"indicator": "对东盟进出口"}, id="by-amount-ranks-first",
    ),
    # The verb before a counted number says what was counted (招引落地 firms, not all firms)
    pytest.param(
        "2023年，全区成功招引落地120家企业。", "120家", 120, "enterprise", "level",
        {"indicator": "招引落地企业"}, id="verb-says-what-was-counted",
    ),
    # After a verb, the noun after 的 is what the number measures (实现了约X的交易额)
    pytest.param(
        "2023年，该平台实现了约2.4亿元的交易额。", "约2.4亿元", 2.4e8, "CNY", "level",
        {"indicator": "交易额"}, id="verb-number-de-noun",
    ),
    # A baseline (从X跃升到Y) in a sentence dated as a whole is the year before's
    pytest.param(
        "2023年，全省数字经济规模从近4000亿元跃升到近5000亿元。", "近4000亿元", 4e11, "CNY", "level",
        {"period_start": "2022-01", "period_end": "2022-12"}, id="baseline-of-a-dated-sentence",
    ),
    pytest.param(
        "全省人均预期寿命从2020年的78.5岁提高到79.1岁。", "78.5岁", 78.5, "year", "level",
        {"period_end": "2020-12"}, id="baseline-with-its-own-year",
    ),
    # A second 从X增长到Y in a sentence is dated like the baseline before it
    pytest.param(
        "这五年，全省生产总值从2020年的3.1万亿元增长到2025年的4.2万亿元，财政收入从2800亿元增长到3500亿元。",
        "2800亿元", 2.8e11, "CNY", "level", {"period_end": "2020-12"}, id="parallel-baseline",
    ),
    # 增产/减产 after a level are the growth of that level; 减产 is a fall
    pytest.param(
        "全年粮食总产量820亿斤，比上年增产2.1%。", "2.1%", 2.1, "%", "growth",
        {"indicator": "粮食总产量"}, id="more-output-is-growth",
    ),
    pytest.param(
        "全年夏粮产量260亿斤，减产1.5%。", "1.5%", -1.5, "%", "growth",
        {"indicator": "夏粮产量"}, id="less-output-is-a-fall",
    ),
    # 实际, 环比 and 扣除价格因素 say how a rate is counted, not what it measures
    pytest.param(
        "全年居民人均可支配收入41000元，比上年增长5.3%，扣除价格因素，实际增长5.1%。", "5.1%", 5.1, "%",
        "growth", {"indicator": "居民人均可支配收入"}, id="real-growth-after-price-factors",
    ),
    pytest.param(
        "12月份，规模以上工业增加值同比实际增长6.2%，环比增长0.5%。", "0.5%", 0.5, "%", "growth",
        {"indicator": "规模以上工业增加值"}, id="month-on-month-growth",
    ),
    # 国有控股企业 is a kind of firm by ownership, not a firm named 国有控股
    pytest.param(
        "全年国有控股企业增加值增长4.2%。", "4.2%", 4.2, "%", "growth",
        {"indicator": "国有控股企业增加值", "entity": "安徽"}, id="ownership-is-no-name",
    ),
    # 年末 with no year is the end of the year the bulletin reports on: a stock
    pytest.param(
        "年末全省常住人口6100万人。", "6100万人", 6.1e7, "person", "level",
        {"period_start": None, "period_end": "2023-12", "indicator": "常住人口"}, id="bare-year-end",
    ),
    # 前两个月 is January and February
    pytest.param(
        "前两个月，全省进出口总值1200亿元。", "1200亿元", 1.2e11, "CNY", "level",
        {"period_start": "2024-01", "period_end": "2024-02"}, id="first-months",
    ),
    # 一年来 in a report early in a year is the year just ended
    pytest.param(
        "一年来，全省地区生产总值增长5.4%。", "5.4%", 5.4, "%", "growth",
        {"period_start": "2023-01", "period_end": "2023-12"}, id="a-year-since",
    ),
    # 年均增速 after a level is the average growth of that level
    pytest.param(
        "到2028年，全省集成电路产业规模达到5000亿元，年均增速保持在15%左右。", "15%左右", 15, "%", "growth",
        {"indicator": "集成电路产业规模年均增速"}, id="average-rate-after-a-level",
    ),
    # 比上年同期, 比年初 before the verb name the base of the change, not the indicator
    pytest.param(
        "一季度，全省居民人均消费支出7500元，比上年同期名义增长5.0%。", "5.0%", 5.0, "%", "growth",
        {"indicator": "居民人均消费支出"}, id="same-period-last-year-base",
    ),
    pytest.param(
        "截至6月末，全省各项贷款余额15.2万亿元，比年初增加9800亿元。", "9800亿元", 9.8e11, "CNY", "level",
        {"indicator": "各项贷款余额"}, id="change-since-the-start-of-the-year",
    ),
    # 我市 is the text's own region, like 全市
    pytest.param(
        "截至目前，我市已累计培育专精特新中小企业1650家。", "1650家", 1650, "enterprise", "level",
        {"indicator": "培育专精特新中小企业"}, id="our-city-is-no-indicator",
    ),
    # 增长超一成: a tenth in words after a growth word is a growth rate
    pytest.param(
        "全省网络零售额突破5000亿元，同比增长超一成。", "一成", 10, "%", "growth",
        {"indicator": "网络零售额", "qualifier": "lower_bound"}, id="growth-of-over-a-tenth",
    ),
    # 年均增长 after a single year, in a paragraph that opened on a span: the average over the span
    pytest.param(
        "过去五年，全省经济总量2023年达到4.9万亿元，年均增长5.6%。", "5.6%", 5.6, "%", "growth",
        {"period_start": "2019-01", "period_end": "2023-12"}, id="average-over-the-span-in-force",
    ),
    # 共有 opens a count of what there is; a bulletin's note mark [5] is no part of the phrase
    pytest.param(
        "目前，全市共有规上工业企业1.2万家。", "1.2万家", 12000, "enterprise", "level",
        {"indicator": "规上工业企业"}, id="there-are",
    ),
    pytest.param(
        "年末全省常住人口[3]6100万人。", "6100万人", 6.1e7, "person", "level",
        {"indicator": "常住人口"}, id="note-mark",
    ),
    # a title in book marks stays whole after 共有
    pytest.param(
        "全省共有《药品经营许可证》持证企业2.1万家。", "2.1万家", 21000, "enterprise", "level",
        {"indicator": "《药品经营许可证》持证企业"}, id="title-in-book-marks",
    ),
    # （下同） after a comparison base says the base holds for what follows: it names nothing
    pytest.param(
        "前4个月，全省进出口总值1.36万亿元，比去年同期（下同）增长8.6%。", "8.6%", 8.6, "%", "growth",
        {"indicator": "进出口总值"}, id="same-below-note",
    ),
    # A bound right before the noun counted names the class counted (10亿元以上制造业企业)
    pytest.param(
        "到2028年，新增年产值20亿元以上制造业企业80家。", "80家", 80, "enterprise", "level",
        {"indicator": "新增年产值20亿元以上制造业企业"}, id="bound-naming-the-class-counted",
    ),
    pytest.param(
        "到2028年，培育营业收入超百亿元企业6家。", "6家", 6, "enterprise", "level",
        {"indicator": "培育营业收入超百亿元企业"}, id="bound-before-firms",
    ),
    # Counts of airports, routes and landing points are a plan's infrastructure targets
    pytest.param(
        "到2027年，全市建成通用机场4个，开通低空航线60条。", "60条", 60, "item", "level",
        {"indicator": "开通低空航线", "kind": "target"}, id="routes-opened",
    ),
    # Shipbuilding is counted in deadweight tonnes, computing power in FLOPS, batteries in GWh
    pytest.param(
        "1—5月，全国造船完工量1800万载重吨，同比增长12.5%。", "1800万载重吨", 1.8e7, "dwt", "level",
        {"indicator": "造船完工量"}, id="deadweight-tonnes",
    ),
    pytest.param(
        "到2026年底，全省算力总规模超过50EFLOPS。", "超过50EFLOPS", 5e4, "PFLOPS", "level",
        {"indicator": "算力总规模", "qualifier": "lower_bound"}, id="computing-power",
    ),
    pytest.param(
        "到2030年，全省动力电池产能达到300吉瓦时。", "300吉瓦时", 3e8, "kWh", "level",
        {"indicator": "动力电池产能"}, id="gigawatt-hours",
    ),
    # 72艘/1080万载重吨: the same deliveries counted twice, in ships and in tonnage
    pytest.param(
        "全年全省交付新船72艘/1080万载重吨。", "1080万载重吨", 1.08e7, "dwt", "level",
        {"indicator": "交付新船"}, id="slash-pair",
    ),
    # 其中国家级: the 中 of 其中 starts no 中国
    pytest.param(
        "全省现有省级以上开发区120个，其中国家级开发区28个。", "28个", 28, "item", "level",
        {"indicator": "国家级开发区"}, id="of-which-national-level",
    ),
    # 我国造船: the country is no firm's name, whatever suffix follows it
    pytest.param(
        "一季度，我国造船完工量1100万载重吨。", "1100万载重吨", 1.1e7, "dwt", "level",
        {"entity": "全国"}, id="the-country-is-no-firm",
    ),
    # An industrial park named after its city is the entity, whole
    pytest.param(
        "合肥高新区2025年实现地区生产总值2100亿元。", "2100亿元", 2.1e11, "CNY", "level",
        {"entity": "合肥高新区", "indicator": "地区生产总值"}, id="park-of-a-city",
    ),
    # 预计…将突破…，复合增长率约12%: a future rate after an estimate goes on with the outlook
    pytest.param(
        "2025年全省工业软件市场规模达到320亿元，预计2027年将突破400亿元，2025—2027年复合增长率约12%。",
        "约12%", 12, "%", "growth", {"kind": "estimate"}, id="outlook-goes-on",
    ),
    # 完成年度计划的28.6%: progress against a plan is an actual
    pytest.param(
        "一季度，全省重点项目完成投资215亿元，完成年度计划的28.6%。", "28.6%", 28.6, "%", "share",
        {"kind": "actual"}, id="progress-against-the-plan",
    ),
    # An exact size after 投资额 or 年产值 states it; only a bounded one is a criterion
    pytest.param(
        "园区研发中心项目总建筑面积4万平方米，总投资额6亿元人民币。", "6亿元人民币", 6e8, "CNY", "level",
        {"indicator": "总投资额"}, id="stated-investment",
    ),
    # 增长一倍: a multiple written with the numeral 一 (一家, 一个 are articles, 一倍 is not)
    pytest.param(
        "全年全省进出口总额1.2万亿元，比上年增长一倍。", "一倍", 1, "x", "multiple",
        {"indicator": "进出口总额"}, id="grew-one-fold",
    ),
    # 超过九成: tenths after 超过
    pytest.param(
        "全省民营企业数量占比超过九成。", "九成", 90, "%", "share",
        {"indicator": "民营企业数量占比", "qualifier": "lower_bound"}, id="over-nine-tenths",
    ),
    # 由2020年的8000家增至2025年的1.6万家，五年翻了一番: 增至 and 五年 name no indicator
    pytest.param(
        "全省高新技术企业数量由2020年的8000家增至2023年的1.6万家。", "1.6万家", 16000, "enterprise", "level",
        {"indicator": "高新技术企业数量"}, id="rose-to-a-dated-level",
    ),
    pytest.param(
        "全省高新技术企业数量达到1.6万家，五年翻了一番。", "翻了一番", 2, "x", "multiple",
        {"indicator": "高新技术企业数量"}, id="doubled-in-five-years",
    ),
    # 与X之比: the ratio of the indicator stated before to X
    pytest.param(
        "全年全省研发经费支出1200亿元，比上年增长8.3%，与地区生产总值之比为2.68%。", "2.68%", 2.68, "%", "share",
        {"indicator": "研发经费支出与地区生产总值之比"}, id="ratio-to-another-measure",
    ),
    # 要确保 says a target, not what is measured
    pytest.param(
        "会议指出，要确保全年粮食产量稳定在820亿斤以上。", "820亿斤以上", 4.1e7, "t", "level",
        {"indicator": "粮食产量", "kind": "target"}, id="must-ensure",
    ),
    # A person's words in quotes are read (a quoted name is not): 我们 says it is speech
    pytest.param(
        "“去年我们的产能利用率达到了95%以上，全年出货量突破50GWh。”公司负责人介绍。", "突破50GWh", 5e7, "kWh",
        "level", {"indicator": "出货量"}, id="quoted-speech",
    ),
    # 是2023年的4倍: the year after 是 and before 的 is the base of the multiple
    pytest.param(
        "2025年，全省集成电路出口突破200亿元，是2023年的4倍。", "4倍", 4, "x", "multiple",
        {"period_end": "2025-12"}, id="multiple-of-a-base-year",
    ),
    # 可达, 可带动 say an outlook, not what is measured
    pytest.param(
        "该项目投产后，预计年产值可达30亿元，可带动就业1500人。", "30亿元", 3e9, "CNY", "level",
        {"indicator": "年产值", "kind": "estimate"}, id="could-reach",
    ),
    # 作为…产业集群，X…: an appositive is no topic for the count after it
    pytest.param(
        "作为全省首个千亿级的产业集群，芜湖目前已集聚企业超过1000家。", "超过1000家", 1000, "enterprise", "level",
        {"indicator": "集聚企业"}, id="appositive-is-no-topic",
    ),
    # 服务企业超过5万家: a verb and the firms it says are counted
    pytest.param(
        "平台注册用户增长较快，服务企业超过5万家。", "超过5万家", 50000, "enterprise", "level",
        {"indicator": "服务企业"}, id="firms-served",
    ),
    # 4万多家: 多 after the magnitude is a lower bound
    pytest.param(
        "全区现有科技型企业4万多家。", "4万多家", 40000, "enterprise", "level",
        {"qualifier": "lower_bound"}, id="more-than-after-magnitude",
    ),
    # 800多家具有绿色属性的企业: a bare 企业 after 的 keeps the words saying which firms
    pytest.param(
        "最终筛选了800多家具有绿色属性的企业。", "800多家", 800, "enterprise", "level",
        {"indicator": "具有绿色属性的企业"}, id="firms-qualified-by-de",
    ),
    # 预计到2026年底，…将超过…: the 将 of an outlook opened by 预计 is no plan
    pytest.param(
        "预计到2026年底，全省算力规模将超过100EFLOPS。", "超过100EFLOPS", 1e5, "PFLOPS", "level",
        {"kind": "estimate"}, id="outlook-with-will",
    ),
    # 达到每万名工人500台: the denominator right before the number is the unit's, not the indicator's
    pytest.param(
        "到2027年，全省工业机器人密度达到每万名工人500台以上。", "500台以上", 500, "unit/10k_person", "level",
        {"indicator": "工业机器人密度"}, id="per-ten-thousand-workers",
    ),
    pytest.param(
        "2025年，全省营收超百亿元企业达到12家。", "12家", 12, "enterprise", "level",
        {"indicator": "营收超百亿元企业"}, id="bound-class-before-a-verb",
    ),
    # 明确/提出 before a plan's time says who set the target, not what it measures
    pytest.param(
        "市经信委印发行动方案，明确到2027年全市工业互联网平台连接设备超过2000万台。", "超过2000万台", 2e7, "unit",
        "level", {"indicator": "工业互联网平台连接设备", "kind": "target"}, id="a-plan-makes-clear",
    ),
    # 区级 after a count is a level word of the noun, not a count of districts (6个区)
    pytest.param(
        "目前，全市已建成12个区级特色产业集群。", "12个", 12, "item", "level", {}, id="level-word-after-count",
    ),
    # A quoted name keeps both its marks: the opening one is not a mark to trim away
    pytest.param(
        "全年“专精特新”联盟成员扩大至120家。", "120家", 120, "enterprise", "level",
        {"indicator": "“专精特新”联盟成员"}, id="quoted-name-keeps-its-marks",
    ),
    # 通过/借助/依托 start what the counted firms did: the firms are what is counted
    pytest.param(
        "全年有800家企业借助工业互联网平台完成数字化改造。", "800家", 800, "enterprise", "level", {},
        id="firms-that-did-something-through",
    ),
    # Air quality in micrograms per cubic metre, a unit of its own
    pytest.param(
        "2025年，全市PM2.5平均浓度为29微克/立方米。", "29微克/立方米", 29, "ug/m3", "level",
        {"indicator": "PM2.5平均浓度"}, id="pm25-concentration",
    ),
    # A space may part a number from a unit in Latin letters
    pytest.param(
        "到2027年，全省智能算力规模达到40 EFLOPS。", "40 EFLOPS", 4e4, "PFLOPS", "level", {"kind": "target"},
        id="space-before-latin-unit",
    ),
    pytest.param("2025年，全省风电装机达到12 GW。", "12 GW", 1.2e7, "kW", "level", {}, id="gigawatt-latin"),
    # 连续十年 is a span of time, not what stays above the bound
    pytest.param(
        "2025年，全省棉花产量达到120万吨，连续五年稳定在100万吨以上。", "100万吨以上", 1e6, "t", "level",
        {"indicator": "棉花产量"}, id="years-in-a-row-are-a-time",
    ),
    # 扣除价格因素 says how the rate is computed, not what it measures
    pytest.param(
        "全年全市居民人均消费支出38000元，名义增长4.8%，扣除价格因素实际增长4.5%。", "4.5%", 4.5, "%", "growth",
        {"indicator": "居民人均消费支出"}, id="real-growth-without-comma",
    ),
    # A verb and the noun it counts (新增托位) name the indicator themselves
    pytest.param(
        "全年新增学位1.5万个。", "1.5万个", 1.5e4, "item", "level", {"indicator": "新增学位"}, id="verb-and-its-noun",
    ),
    # A bound on an age names the class of people or places counted
    pytest.param(
        "2025年末，全省60岁以上常住人口达到1200万人。", "1200万人", 1.2e7, "person", "level",
        {"indicator": "60岁以上常住人口"}, id="age-bound-names-the-class",
    ),
    # 近年来 is a time
    pytest.param(
        "全省低空经济规模近年来年均增长率保持在25%左右。", "25%左右", 25, "%", "growth",
        {"indicator": "低空经济规模年均增长率"}, id="recent-years-are-a-time",
    ),
    # A list of numbers may write its unit once, at the end: each number before takes it
    pytest.param(
        "前三季度，装备制造业增长9.8%，电子信息制造业增长13.1%，分别高于全省平均2.7个和6.0个百分点。", "2.7个",
        2.7, "pp", "pp_change", {"indicator": "装备制造业高于全省"}, id="unit-written-in-part-before-a-list-end",
    ),
    pytest.param(
        "全年民间投资、工业投资增速分别比上年提高1.4个、3.3个百分点。", "1.4个", 1.4, "pp", "pp_change", {},
        id="unit-written-in-part-in-a-list-with-a-comma",
    ),
    pytest.param(
        "全年全省装备制造业、电子信息制造业增加值分别增长9.8、13.1%。", "9.8", 9.8, "%", "growth",
        {"indicator": "装备制造业增加值"}, id="bare-number-before-a-percent",
    ),
    # A fiscal rate and bonds of a budget are measures; a bond (债券) is no voucher (券)
    pytest.param(
        "赤字率拟按3.8%左右安排。", "3.8%左右", 3.8, "%", "share", {"indicator": "赤字率", "kind": "target"},
        id="deficit-rate-planned",
    ),
    pytest.param(
        "全年安排地方政府专项债券3.9万亿元。", "3.9万亿元", 3.9e12, "CNY", "level",
        {"indicator": "地方政府专项债券"}, id="bonds-are-no-vouchers",
    ),
    pytest.param(
        "拟发行超长期特别国债1.1万亿元。", "1.1万亿元", 1.1e12, "CNY", "level",
        {"indicator": "超长期特别国债", "kind": "target"}, id="planned-issue-verb-trimmed",
    ),
    # A change over the end of a month, quarter or year the comparison names is a signed level
    pytest.param(
        "9月末，全省商品房待售面积5210万平方米，比6月末减少85万平方米。", "85万平方米", -8.5e5, "m2", "level",
        {"indicator": "商品房待售面积"}, id="change-since-a-named-month-end",
    ),
    pytest.param(
        "9月末，全省规上工业企业数量达到1.8万家，比上季末增加260家。", "260家", 260, "enterprise", "level",
        {"indicator": "规上工业企业数量"}, id="change-since-last-quarter-end",
    ),
    pytest.param(
        "全年全省农村居民人均可支配收入26800元，比上年减少120元。", "120元", -120, "CNY/person", "level",
        {"indicator": "农村居民人均可支配收入"}, id="change-of-a-per-person-level",
    ),
    # A count listed right after a count the same verb governs measures what that one does
    pytest.param(
        "到2027年，全省累计建成绿色工厂800家、示范车间150个。", "150个", 150, "item", "level",
        {"indicator": "示范车间", "kind": "target"}, id="count-listed-after-a-count",
    ),
    # Each 分别 after a pair word (产销) hands the pair out again
    pytest.param(
        "5月份，全省摩托车产销分别完成41.2万辆和40.6万辆，环比分别增长3.1%和2.4%，同比分别增长9.5%和8.8%。",
        "8.8%", 8.8, "%", "growth", {"indicator": "摩托车销量"}, id="pair-handed-out-by-each-respectively",
    ),
    # A level with no words of its own after a growth rate is of what grew, not of the rate
    pytest.param(
        "2025年全省智能网联汽车产业规模达到900亿元，近三年复合增长率为21.4%，预计2027年将超过1300亿元。",
        "超过1300亿元", 1.3e11, "CNY", "level", {"indicator": "智能网联汽车产业规模", "kind": "estimate"},
        id="level-after-a-rate-is-of-what-grew",
    ),
    # A yearly size going on from a figure in the clause before is an outcome, not a criterion
    pytest.param(
        "全省共有省级开发区56个，年产值超2000亿元，从业人员30万人。", "超2000亿元", 2e11, "CNY", "level",
        {"indicator": "年产值"}, id="yearly-size-after-a-figure-is-an-outcome",
    ),
    # An ellipsis leaves words out: the phrase starts after it; 预期增长 states what is planned
    pytest.param(
        "做好今年工作，要……全市地区生产总值预期增长5.5%左右。", "5.5%左右", 5.5, "%", "growth",
        {"indicator": "地区生产总值", "kind": "target"}, id="ellipsis-and-expected-growth",
    ),
    # A range of ages before a noun is the class measured: each age group its own indicator
    pytest.param(
        "全国16—24岁劳动力失业率为16.5%，25—29岁劳动力失业率为7.2%。", "7.2%", 7.2, "%", "share",
        {"indicator": "25—29岁劳动力失业率"}, id="age-range-names-the-class",
    ),
    # 两成 is two tenths, as 三成 is three
    pytest.param(
        "全年全省入境游客人次同比增长超过两成。", "两成", 20, "%", "growth", {"qualifier": "lower_bound"},
        id="two-tenths-written-liang",
    ),
    # A deal value (成交额) is a measure, so its multiple of a year before is a fact
    pytest.param(
        "全年全省技术合同成交额2800亿元，是2020年的2.1倍。", "2.1倍", 2.1, "x", "multiple",
        {"indicator": "技术合同成交额"}, id="deal-value-multiple-of-a-year",
    ),
    # The share of a year's goal achieved is what was done, not a goal
    pytest.param(
        "全年全省城镇新增就业68.2万人，完成年度目标的113.7%。", "113.7%", 113.7, "%", "share",
        {"kind": "actual"}, id="share-of-the-years-goal-done",
    ),
    # 增长15%至320亿元: the rate and the level it took the indicator to, each a fact
    pytest.param(
        "2025年，全省医药工业营业收入同比增长9%至4300亿元。", "4300亿元", 4.3e11, "CNY", "level",
        {"indicator": "医药工业营业收入"}, id="level-after-rate-to",
    ),
    pytest.param(
        "2025年，全省医药工业营业收入同比增长9%至4300亿元。", "9%", 9, "%", "growth",
        {"indicator": "医药工业营业收入"}, id="rate-before-level-to",
    ),
    # 取得了X%的两位数增长: the words after 的 describe the growth, the indicator is before
    pytest.param(
        "2025年，全省电子信息制造业营业收入取得了11.6%的两位数增长。", "11.6%", 11.6, "%", "growth",
        {"indicator": "电子信息制造业营业收入"}, id="growth-described-after-de",
    ),
    # A list mark opening a card's line (▶, ●, ✅) is no part of the indicator
    pytest.param(
        "▶ 全省规上工业营业收入突破9万亿元，同比增长4.1%", "4.1%", 4.1, "%", "growth",
        {"indicator": "规上工业营业收入"}, id="list-mark-before-a-line",
    ),
    # 两年平均, 同口径 say how a rate is computed, not what it measures
    pytest.param(
        "全年全省税收收入5230亿元，同口径增长2.7%。", "2.7%", 2.7, "%", "growth",
        {"indicator": "税收收入"}, id="like-for-like-rate",
    ),
    # 比全国高0.1个和低0.4个百分点: the unit written once reaches a number past the comparison word
    pytest.param(
        "全年全省CPI上涨0.4%，PPI下降1.9%，涨幅分别比全国高0.2个和低0.3个百分点。", "0.2个", 0.2, "pp",
        "pp_change", {}, id="unit-written-once-past-a-comparison-word",
    ),
    # Numbers in words as speeches write them: a decimal percent, a count of thousands
    pytest.param(
        "全年全省规上工业增加值增长百分之七点三。", "百分之七点三", 7.3, "%", "growth",
        {"indicator": "规上工业增加值"}, id="decimal-percent-in-words",
    ),
    pytest.param(
        "全省科技型中小企业数量超过一万二千家。", "超过一万二千家", 12000, "enterprise", "level",
        {"qualifier": "lower_bound"}, id="ten-thousands-and-thousands-in-words",
    ),
    pytest.param(
        "全市已集聚生物医药企业四千多家。", "四千多家", 4000, "enterprise", "level", {},
        id="thousands-in-words-measure",
    ),
    # Transport turnover: tonne-kilometres and passenger-kilometres
    pytest.param("全年全省完成货物周转量1.5万亿吨公里。", "1.5万亿吨公里", 1.5e12, "t_km", "level", {}, id="freight-turnover"),
    pytest.param("全年全省完成旅客周转量620亿人公里。", "620亿人公里", 6.2e10, "person_km", "level", {}, id="passenger-turnover"),
    # 架 counts racks as well as aircraft
    pytest.param(
        "全省数据中心标准机架总数达到18万架。", "18万架", 1.8e5, "item", "level", {}, id="racks-counted-by-jia",
    ),
    # Computing power in 万P (tens of thousands of PFLOPS) and written PFlops
    pytest.param("全省智能算力规模达到3.5万P。", "3.5万P", 3.5e4, "PFLOPS", "level", {}, id="wan-p-computing-power"),
    pytest.param("全省算力总规模达到8000PFlops。", "8000PFlops", 8e3, "PFLOPS", "level", {}, id="pflops-mixed-case"),
    # 扣除不可比因素 says how the rate is computed, not what it measures
    pytest.param(
        "全年全省医药商品销售总额2100亿元，扣除不可比因素同比增长3.1%。", "3.1%", 3.1, "%", "growth",
        {"indicator": "医药商品销售总额"}, id="comparable-basis-rate",
    ),
    # 当月 says which month, not what: the rate is of the indicator the sentence is about
    pytest.param(
        "一季度，全省规模以上工业增加值同比增长7.8%，3月份当月增长8.5%。", "8.5%", 8.5, "%", "growth",
        {"indicator": "规模以上工业增加值"}, id="this-month-is-no-indicator",
    ),
    # Thresholds crossed in a list are each a fact, not a rounding of the exact level after them
    pytest.param(
        "过去五年，全市经济总量先后跨越2万亿元、2.5万亿元两个台阶，2025年达到2.68万亿元。", "2.5万亿元", 2.5e12, "CNY",
        "level", {"qualifier": "lower_bound"}, id="milestones-listed-are-kept",
    ),
    # 城乡居民 with 分别 names two measures: the towns' and the countryside's
    pytest.param(
        "2025年，城乡居民人均可支配收入分别达到8.5万元和4.2万元。", "4.2万元", 42000, "CNY/person", "level",
        {"indicator": "农村居民人均可支配收入"}, id="town-and-country-pair",
    ),
    # 增加到2023年的…: the level of that year, not an end date
    pytest.param(
        "一般公共预算收入由2018年的1856亿元增加到2023年的2415亿元。", "2415亿元", 2.415e11, "CNY", "level",
        {"period_start": "2023-01", "period_end": "2023-12"}, id="increased-to-a-years-level",
    ),
    # 签约 before 项目 is a verb and the noun it counts, no bare verb taking the indicator before it
    pytest.param(
        "大会共达成签约项目45个，涉及总投资额超过300亿元。徐汇区签约项目12个。", "12个", 12, "project", "level",
        {"indicator": "签约项目"}, id="signed-projects-are-counted",
    ),
    # Sectors listed after 分…看 with no measure of their own are of the whole's measure
    pytest.param(
        "全年规模以上工业增加值比上年增长7.2%。分门类看，采矿业下降2.3%，制造业增长7.6%。", "7.6%", 7.6, "%", "growth",
        {"indicator": "制造业增加值"}, id="sector-of-a-breakdown-takes-the-measure",
    ),
    pytest.param(
        "全年社会消费品零售总额48562.3亿元，比上年增长4.8%。按消费类型分，餐饮收入5100亿元，增长4.5%。", "5100亿元", 5.1e11,
        "CNY", "level", {"indicator": "餐饮收入"}, id="part-with-its-own-measure-keeps-it",
    ),
    pytest.param(
        "分三大门类看，11月份，采矿业增加值同比增长4.1%，制造业增长5.5%。", "5.5%", 5.5, "%", "growth",
        {"indicator": "制造业增加值"}, id="breakdown-whole-stated-in-the-sentence",
    ),
    # 比上年同月 is the base of the change, not part of what changed
    pytest.param(
        "11月份，规模以上工业企业产品销售率为96.8%，比上年同月下降0.3个百分点。", "0.3个百分点", -0.3, "pp", "pp_change",
        {"indicator": "规模以上工业企业产品销售率"}, id="same-month-last-year-is-a-base",
    ),
    # 共计 after the noun says how many, not what
    pytest.param(
        "截至2023年末，全国规模以上汽车零部件企业共计1.86万家。", "1.86万家", 18600, "enterprise", "level",
        {"indicator": "规模以上汽车零部件企业"}, id="in-all-is-no-part-of-the-noun",
    ),
    # 不到/不足 bound the number; 已经 says when: neither is part of the indicator
    pytest.param(
        "十年前，上海集成电路产业规模不到1000亿元。", "不到1000亿元", 1e11, "CNY", "level",
        {"indicator": "集成电路产业规模", "qualifier": "upper_bound"}, id="less-than-is-no-part-of-the-noun",
    ),
    # 这一数字 stands for the indicator just stated
    pytest.param(
        "2015年，上海集成电路产业规模不到1000亿元；2023年，这一数字已突破4000亿元。", "突破4000亿元", 4e11, "CNY", "level",
        {"indicator": "集成电路产业规模"}, id="this-figure-is-the-one-before",
    ),
    # An ordinal with a verb of making (第900万辆…下线) names the running total reached; 第 alone is a rank
    pytest.param(
        "全球第900万辆整车于特斯拉上海超级工厂下线。", "900万辆", 9e6, "vehicle", "level",
        {"indicator": "累计下线整车", "entity": "特斯拉上海超级工厂", "period_start": None}, id="ordinal-running-total",
    ),
    pytest.param(
        "这是江南造船今年交付的第10艘船舶。", "10艘", 10, "ship", "level",
        {"indicator": "累计交付船舶"}, id="ordinal-after-its-verb",
    ),
    pytest.param(
        "民营经济贡献了全市50%以上的税收、60%以上的GDP。", "60%以上", 60, "%", "share",
        {"indicator": "GDP占全市比重", "qualifier": "lower_bound"}, id="share-of-a-latin-named-measure",
    ),
    # A rank in the clause before (连续15年位居全球第一) is no part of the measure the next clause states
    pytest.param(
        "上海港集装箱吞吐量连续15年位居全球第一，2023年达到4916万标准箱。", "4916万标准箱", 4.916e7, "TEU", "level",
        {"indicator": "港集装箱吞吐量"}, id="rank-before-is-no-measure",
    ),
    # A growth target stated as 增长预期目标为… is a growth rate
    pytest.param(
        "2024年全市经济增长预期目标为5%左右。", "5%左右", 5, "%", "growth", {"kind": "target"}, id="growth-target-is-growth",
    ),
    # 展望2035年 sets a horizon, like 到2035年
    pytest.param(
        "展望2035年，全市数字经济增加值占地区生产总值比重达到60%。", "60%", 60, "%", "share",
        {"kind": "target", "period_start": None, "period_end": "2035-12"}, id="looking-ahead-to-a-year",
    ),
    pytest.param(
        "其间服务上海央国企、民企工会110多家。", "110多家", 110, "enterprise", "level",
        {"indicator": "服务上海央国企、民企工会"}, id="meanwhile-is-no-part-of-it",
    ),
    # 万人…拥有量 is per ten thousand people, as 每万人口…拥有量 is
    pytest.param(
        "全市万人发明专利拥有量达到56.2件。", "56.2件", 56.2, "item/10k_person", "level", {}, id="per-ten-thousand-people",
    ),
    # Sectors listed before the last item's measure take it (第一、二、三产业和居民生活用电 -> 第一产业用电)
    pytest.param(
        "1-7月，南方五省区第一、二、三产业和居民生活用电分别同比增长20.0%、17.9%、27.7%和6.3%。", "17.9%", 17.9, "%",
        "growth", {"indicator": "第二产业用电"}, id="sectors-take-the-last-items-measure",
    ),
    # A province's full name (江苏省) comes off the indicator whole, not leaving 省
    pytest.param(
        "1-8月，江苏省一般贸易方式进出口18727.3亿元，增长24.3%。", "18727.3亿元", 1.87273e12, "CNY", "level",
        {"indicator": "一般贸易方式进出口", "entity": "江苏"}, id="province-full-name-off-the-indicator",
    ),
    # 持续回升 says how, not what
    pytest.param(
        "四季度以来，全市工业生产持续回升，12月份当月增长7.2%。", "7.2%", 7.2, "%", "growth",
        {"indicator": "工业生产"}, id="recovering-is-no-part-of-it",
    ),
    # 影响CPI…个百分点 is the contribution of the item just stated, like 拉动
    pytest.param(
        "11月份，鲜菜价格上涨7.5%，影响CPI上涨约0.15个百分点。", "约0.15个百分点", 0.15, "pp", "pp_change",
        {"indicator": "鲜菜价格影响CPI"}, id="effect-on-cpi-is-a-contribution",
    ),
    # 同比增速 says how, not what: the rate is of the indicator just stated
    pytest.param(
        "2023年全市软件和信息服务业营收达1.8万亿元，同比增速达12.5%。", "12.5%", 12.5, "%", "growth",
        {"indicator": "软件和信息服务业营收同比增速"}, id="year-on-year-rate-is-relative",
    ),
    # 多 after a multiple bounds it from below; it names no noun
    pytest.param(
        "全市人工智能企业数量是2020年的2倍多。", "2倍多", 2, "x", "multiple", {"qualifier": "lower_bound"},
        id="a-multiple-and-more",
    ),
    pytest.param(
        "2023年，全市机器人产业规模翻了一番多，达到1200亿元。", "翻了一番多", 2, "x", "multiple",
        {"qualifier": "lower_bound"}, id="doubled-and-more",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "quantity", "value", "unit", "measure", "other"), ROWS)
def test_construct(sentence, quantity, value, unit, measure, other):
    fact = fact_of(facts_of("安徽经济运行", sentence), quantity)
    assert (float(fact.value), fact.unit, fact.measure) == (pytest.approx(value, rel=1e-6), unit, measure)
    assert fields(fact, other) == other


def test_a_structure_ratio_gives_three_shares():
    found = facts_of("安徽经济运行", "2023年，全省三次产业结构为4.1：40.2：55.7。")
    assert [(f.measure, float(f.value), f.unit) for f in found] == [
        ("share", 4.1, "%"),
        ("share", 40.2, "%"),
        ("share", 55.7, "%"),
    ]
    assert [next(n for n in "一二三" if n in f.indicator) for f in found] == ["一", "二", "三"]


def test_index_rows_under_last_year_100_are_growth():
    table = (
        "表1 2023年居民消费价格分类指数（上年=100）",
        "居民消费价格 101.8",
        "食品烟酒 102.3",
        "衣着 98.6",
    )
    found = facts_of("2023年安徽居民消费价格", *table)
    assert [(f.measure, float(f.value), f.unit) for f in found] == [
        ("growth", pytest.approx(1.8), "%"),
        ("growth", pytest.approx(2.3), "%"),
        ("growth", pytest.approx(-1.4), "%"),
    ]


def test_an_index_in_a_sentence_on_last_year_100_is_growth():
    found = facts_of("安徽价格运行", "以上年为100，2023年全省居民消费价格指数为101.8。")
    assert [(f.measure, float(f.value)) for f in found] == [("growth", pytest.approx(1.8))]


def test_the_survey_universe_is_not_a_count():
    found = facts_of(
        "安徽经济运行", "2023年，在全省16个设区市中，有9个设区市地区生产总值增速高于全省平均水平。"
    )
    assert [(f.quantity_text, f.unit) for f in found] == [("9个", "item")]


def test_a_year_end_rate_and_the_year_average_are_two_facts():
    found = facts_of("安徽经济运行", "全年城镇调查失业率平均值为5.1%。年末城镇调查失业率为5.1%。")
    assert [(f.period_start, f.period_end) for f in found] == [("2023-01", "2023-12"), (None, "2023-12")]


def test_the_country_compared_with_is_not_the_text_region():
    """A text naming no place but 全国 in a comparison (高于全国平均水平) is not about the country."""
    found = facts_of("经济运行简报", "全省外贸进出口总值2100亿元，增速高于全国平均水平4.2个百分点。")
    assert [f.entity for f in found] == [None, None]


def test_home_words_with_no_place_named_leave_the_entity_unknown():
    """全省 in a text that names no province says the text's own region, which nobody named."""
    found = facts_of("全省经济运行", "全省规上工业增加值增长5.2%。")
    assert [f.entity for f in found] == [None]


def test_a_range_whose_low_end_writes_only_the_magnitude_gives_two_bounds():
    """100亿至120亿元: the low end takes the unit of the high end, as 2-3个 does."""
    found = facts_of("安徽经济运行", "预计全年全省完成技改投资300亿至350亿元。")
    assert [(float(f.value), f.qualifier, f.indicator) for f in found] == [
        (3e10, "lower_bound", "技改投资"),
        (3.5e10, "upper_bound", "技改投资"),
    ]


def test_a_name_the_text_introduces_outranks_a_known_name_it_starts_with():
    """腾讯音乐 introduced (以下简称“腾讯音乐”) is the firm, not the known 腾讯 with 音乐 left over."""
    found = facts_of(
        "年度业绩",
        "腾讯音乐娱乐集团（以下简称“腾讯音乐”）发布年度业绩。",
        "2025年，腾讯音乐实现总收入290亿元。",
        published="2026-03-20",
    )
    assert [(f.entity, f.indicator) for f in found] == [("腾讯音乐", "总收入")]


def test_a_bound_saying_which_are_counted_is_no_amount():
    """其中营收超5亿元的12家: the bound picks the firms counted; the count is the fact."""
    found = facts_of(
        "安徽经济运行", "全年全省培育系统解决方案供应商80家，其中营收超5亿元的12家。", published="2026-02-10"
    )
    assert [f.quantity_text for f in found] == ["80家", "12家"]


def test_places_counted_before_a_measure_leave_it():
    """浦东新区、闵行区三个区的…均超过…: each place's, and 三个区的 is no part of the measure."""
    found = facts_of(
        "上海工业",
        "2025年，浦东新区、闵行区、嘉定区三个区的规上工业总产值均超过4000亿元。",
        published="2026-02-10",
    )
    assert [(f.entity, f.indicator) for f in found] == [
        ("浦东新区", "规上工业总产值"),
        ("闵行", "规上工业总产值"),
        ("嘉定", "规上工业总产值"),
    ]


def test_an_account_named_after_its_place_reports_on_that_place():
    """全市 in an export of an account named 宁波统计 (no place in the headline) is 宁波."""
    item = {
        "文章标识符aid": "t",
        "标题title": "一图读懂1-11月工业经济",
        "公众号名称": "宁波统计",
        "时间时间": "",
        "时间time": "2025-12-20 09:00:00",
        "finalContent": "1-11月，全市规上工业总产值2.2万亿元，同比增长3.1%。",
    }
    found = extract(json_documents([item], Path("samples.json"))[0])
    assert [(f.entity, f.quantity_text) for f in found] == [("宁波", "2.2万亿元"), ("宁波", "3.1%")]


def test_the_country_named_as_an_attribute_is_not_the_text_region():
    """具有全国影响力: with no other place named, a text speaking of 全省 is about a province nobody
    named, not about the country."""
    found = facts_of("人工智能行动方案解读", "到2027年，全省打造10个以上具有全国影响力的人工智能应用场景。")
    assert [f.entity for f in found] == [None]


def test_a_firm_named_after_a_place_leaves_no_part_of_its_name_in_the_indicator():
    """无锡星辰科技: trimming the place 无锡 from the phrase leaves 星辰科技实现营业收入; the firm is
    the entity, and the indicator is what it earned."""
    found = facts_of("无锡星辰科技发布一季报", "无锡星辰科技一季度实现营业收入8.5亿元，同比增长6.2%。")
    assert [(f.indicator, f.entity) for f in found] == [("营业收入", "无锡星辰科技")] * 2


def test_of_which_names_no_country():
    """其中国家级开发区: the 中国 across 其中 and 国家级 is no place, so the text is not about the country."""
    found = facts_of("开发区建设情况", "现有省级以上开发区120个，其中国家级开发区28个。")
    assert [f.entity for f in found] == [None, None]


def test_places_listed_before_respectively_take_the_numbers_in_order():
    found = facts_of(
        "三地人工智能产业",
        "2025年，上海、北京、深圳三地人工智能核心产业规模分别达到1200亿元、2800亿元和1600亿元。",
    )
    assert [(f.entity, f.indicator, float(f.value)) for f in found] == [
        ("上海", "人工智能核心产业规模", 1.2e11),
        ("北京", "人工智能核心产业规模", 2.8e11),
        ("深圳", "人工智能核心产业规模", 1.6e11),
    ]


def test_respectively_after_an_earlier_place_pairs_only_the_numbers_after_it():
    found = facts_of(
        "集成电路区域分布", "长三角集聚了全国约40%的集成电路企业，珠三角、京津冀分别占18%和15%。"
    )
    assert [f.entity for f in found] == ["长三角", "珠三角", "京津冀"]


def test_what_is_counted_is_not_who_counts_it():
    """活跃开源项目超过50万个: a clause opening on the counted noun names no organisation; the place
    of the clause before is whose the count is."""
    found = facts_of(
        "开源生态",
        "2024年，合肥活跃开源开发者超40万人，活跃开源项目超过50万个。",
        "活跃开源项目的数量还在增长。",
    )
    assert [(f.indicator, f.entity) for f in found] == [("活跃开源开发者", "合肥"), ("活跃开源项目", "合肥")]


def test_a_place_before_a_share_of_a_noun_is_whose_share():
    """全球80%的AI初创企业…: the noun after 的 says what the share is of; the place does not stand for
    the indicator of the sentence before."""
    found = facts_of(
        "开源生态",
        "到2027年，全省集聚开源开发者超30万人。报告提到，全球80%的AI初创企业已选择开源模型。",
    )
    assert [(f.indicator, f.entity) for f in found][-1] == ("AI初创企业已选择开源模型", "全球")


def test_three_items_of_a_collective_each_take_what_it_measures():
    """A、B、C三大产业规模分别达到…, 同比分别增长…: each item's level and growth, in order."""
    found = facts_of(
        "先导产业",
        "2025年，集成电路、生物医药、人工智能三大产业规模分别达到390亿元、980亿元和450亿元，同比分别增长6.2%、5.1%和12.4%。",
    )
    assert [(f.indicator, f.measure) for f in found] == [
        ("集成电路产业规模", "level"),
        ("生物医药产业规模", "level"),
        ("人工智能产业规模", "level"),
        ("集成电路产业规模", "growth"),
        ("生物医药产业规模", "growth"),
        ("人工智能产业规模", "growth"),
    ]


def test_numbers_after_respectively_measure_the_indicators_stated_before_it():
    found = facts_of(
        "工业运行", "2025年，全省规上工业企业营业收入4.5万亿元，利润总额2600亿元，分别同比增长3.2%和5.6%。"
    )
    assert [(f.indicator, float(f.value)) for f in found if f.measure == "growth"] == [
        ("规上工业企业营业收入", 3.2),
        ("利润总额", 5.6),
    ]


def test_items_listed_before_respectively_share_the_measure_the_last_names():
    found = facts_of(
        "外贸运行", "1-8月，全省集成电路、笔记本电脑、太阳能电池分别出口1493亿元、1109亿元和395亿元。"
    )
    assert [f.indicator for f in found] == ["集成电路出口", "笔记本电脑出口", "太阳能电池出口"]


def test_places_counted_before_all_lose_their_count_from_the_indicator():
    found = facts_of(
        "经济运行", "在全国31个省份中，广东、江苏、山东三省GDP均超过10万亿元。", published="2026-06-20"
    )
    assert [(f.entity, f.indicator) for f in found] == [("广东", "GDP"), ("江苏", "GDP"), ("山东", "GDP")]


def test_the_set_looked_at_before_among_is_no_count():
    """全省13个设区市中有10个市…: 13 is the set looked at, 10 the count that rose."""
    found = facts_of("江苏经济运行", "1-5月，全省13个设区市中有10个市规上工业增加值增速高于全国平均水平。")
    assert [f.quantity_text for f in found] == ["10个"]


def test_a_bound_on_the_rate_of_places_listed_bounds_each():
    found = facts_of("江苏经济运行", "1-5月，全省规上工业增加值增长7.5%，其中常州、盐城增速超过10%。")
    assert [f.entity for f in found if f.quantity_text == "超过10%"] == ["常州", "盐城"]


def test_the_start_of_the_year_is_the_base_of_a_change():
    """较年初新增1300家, 比上年净增3200家: the change of the level just stated (as 比上年末减少 is)."""
    found = facts_of("杭州数字经济", "截至5月末，杭州市数字经济核心产业企业达到1.2万家，较年初新增1300家。")
    assert [f.indicator for f in found] == ["数字经济核心产业企业", "数字经济核心产业企业"]
    found = facts_of("工业运行", "全省规上工业企业数量达到5.8万家，比上年净增3200家。")
    assert [(f.indicator, float(f.value)) for f in found] == [
        ("规上工业企业数量", 58000),
        ("规上工业企业数量", 3200),
    ]


def test_a_generic_name_tail_may_be_the_indicator_s_own_word():
    """华南电网: trimming the place leaves 电网调度口径…, whose 电网 is the measure's word, not the
    rest of a firm's name."""
    found = facts_of(
        "华南电网发布年度数据", "2025年，华南电网调度口径总装机容量达到3.5亿千瓦。华南电网表示……"
    )
    assert [(f.indicator, f.entity) for f in found] == [("电网调度口径总装机容量", "华南电网")]


def test_counts_of_sectors_or_places_that_changed_name_what_they_did():
    found = facts_of("工业运行", "分行业看，40个工业大类行业中有32个行业增加值保持增长。")
    assert [(f.quantity_text, f.indicator, f.unit) for f in found] == [
        ("32个", "增加值保持增长的行业", "item")
    ]
    found = facts_of("财政收入", "1-2月，全国有25个省份一般公共预算收入实现正增长。")
    assert [f.indicator for f in found] == ["一般公共预算收入实现正增长的省份"]


def test_items_take_the_measure_the_last_names_even_when_they_hold_a_measure_word():
    """新能源汽车 holds 能源, a measure word, but does not end on one: it takes 产量 too."""
    found = facts_of("工业运行", "1-8月，新能源汽车、集成电路、服务机器人产量分别增长35.1%、18.2%和20.6%。")
    assert [f.indicator for f in found] == ["新能源汽车产量", "集成电路产量", "服务机器人产量"]


def test_an_industrial_park_named_in_a_district_report_is_its_own_entity():
    found = facts_of(
        "闵行区2025年经济运行情况",
        "2025年，全区实现地区生产总值3200亿元。",
        "其中，星河工业区实现规上工业总产值1100亿元，增长6.1%；云帆高新区实现营业收入1800亿元。",
    )
    assert [(f.entity, f.indicator) for f in found][1:] == [
        ("星河工业区", "规上工业总产值"),
        ("星河工业区", "规上工业总产值"),
        ("云帆高新区", "营业收入"),
    ]


def test_a_firm_and_its_verb_leave_the_indicator():
    """星河智造实现营业收入: the firm is the entity and 实现 opens no indicator; 公司出货量 is the
    firm's 出货量."""
    found = facts_of(
        "年度盘点",
        "1. 星河智造：营收突破50亿元",
        "2025年，星河智造实现营业收入52.3亿元，同比增长31%。",
        "2. 云帆科技：出货量全球第一",
        "公司全年出货量达到120万台。",
    )
    assert [(f.entity, f.indicator) for f in found][1:] == [
        ("星河智造", "营业收入"),
        ("星河智造", "营业收入"),
        ("云帆科技", "出货量"),
    ]


def test_a_ranking_of_provinces_reads_each_ones_figure():
    """以13.9万亿元紧随其后 is the province's figure; 人均GDP方面，… names the measure of the list after it;
    places before 分别 take its numbers, not the numbers of the next clause's places."""
    found = facts_of(
        "各省经济年报",
        "2025年，广东GDP为14.5万亿元，连续37年居全国首位；江苏以13.9万亿元紧随其后。",
        "人均GDP方面，北京、上海、江苏位列前三，分别达到22.8万元、21.1万元和16.2万元。",
        "从增速看，西藏、新疆增速领跑，分别增长6.3%和6.0%，湖北、江苏增速均为5.8%。",
    )
    assert [(f.entity, f.indicator, f.quantity_text) for f in found] == [
        ("广东", "GDP", "14.5万亿元"),
        ("江苏", "GDP", "13.9万亿元"),
        ("北京", "人均GDP", "22.8万元"),
        ("上海", "人均GDP", "21.1万元"),
        ("江苏", "人均GDP", "16.2万元"),
        ("西藏", "增速", "6.3%"),
        ("新疆", "增速", "6.0%"),
        ("湖北", "增速", "5.8%"),
        ("江苏", "增速", "5.8%"),
    ]


def test_places_that_outran_the_country_are_counted():
    found = facts_of("各省经济年报", "31个省份中，有18个省份GDP增速跑赢全国。")
    assert [(f.quantity_text, f.indicator) for f in found] == [("18个", "GDP增速跑赢全国的省份")]


def test_what_pulls_growth_is_the_measure_whose_contribution_was_stated():
    found = facts_of("经济运行", "全年最终消费支出对经济增长的贡献率为56.2%，拉动GDP增长2.8个百分点。")
    assert [f.indicator for f in found] == ["最终消费支出对经济增长的贡献率", "最终消费支出拉动GDP"]


def test_more_than_last_year_is_the_change_of_the_level_just_stated():
    found = facts_of("金融运行", "全年社会融资规模增量累计为32万亿元，比上年多1.5万亿元。")
    assert [(f.indicator, float(f.value)) for f in found] == [
        ("社会融资规模增量", 3.2e13),
        ("社会融资规模增量", 1.5e12),
    ]


def test_sectors_of_a_list_share_the_measure_without_the_verb():
    found = facts_of(
        "集成电路产业", "全市设计业、制造业、封测业分别实现销售收入2100亿元、1200亿元和400亿元。"
    )
    assert [f.indicator for f in found] == ["设计业销售收入", "制造业销售收入", "封测业销售收入"]


def test_a_known_firms_site_named_by_its_place_is_the_entity():
    """上汽集团临港基地: a firm the rules know, then a place and a site word, is that site."""
    found = facts_of("汽车产业", "2025年，上汽集团临港基地整车产量超过50万辆。")
    assert [(f.entity, f.indicator) for f in found] == [("上汽集团临港基地", "整车产量")]


def test_a_product_anaphor_opens_no_indicator():
    found = facts_of("船舶订单", "截至目前，该船型已累计获得订单18艘。")
    assert [f.indicator for f in found] == ["获得订单"]


def test_last_years_figure_in_brackets_is_the_same_measure_and_dates_only_itself():
    found = facts_of(
        "经济运行", "2022年，全市GDP增长5.5%（上年为5.0%），规上工业增加值增长7.0%（上年为6.1%）。"
    )
    assert [(f.indicator, f.measure, f.period_end) for f in found] == [
        ("GDP", "growth", "2022-12"),
        ("GDP", "growth", "2021-12"),
        ("规上工业增加值", "growth", "2022-12"),
        ("规上工业增加值", "growth", "2021-12"),
    ]


def test_a_run_together_heading_and_a_label_are_no_part_of_the_indicator():
    found = facts_of(
        "年度盘点",
        "01 产业规模再创新高 全年实现营业收入1.2万亿元，增长11%。",
        "【数据】全市新能源汽车产量达到128万辆。",
    )
    assert [f.indicator for f in found] == ["营业收入", "营业收入", "新能源汽车产量"]


def test_milestones_crossed_are_levels_reached():
    # 跨越…两个台阶: each milestone is a level reached (at least it), of the subject before the verb
    found = facts_of("安徽经济运行", "五年来，全省经济总量先后跨越4万亿元、5万亿元两个台阶。")
    assert [(f.quantity_text, f.indicator, f.qualifier) for f in found] == [
        ("4万亿元", "经济总量", "lower_bound"),
        ("5万亿元", "经济总量", "lower_bound"),
    ]


def test_a_milestone_written_without_a_unit_takes_the_unit_of_the_money_total():
    found = facts_of("安徽经济运行", "过去五年，全省经济总量连续迈上4万亿、5万亿两个台阶。")
    assert [(float(f.value), f.unit) for f in found] == [(4e12, "CNY"), (5e12, "CNY")]


def test_a_milestone_after_the_value_itself_restates_it():
    found = facts_of("安徽经济运行", "2025年，全省规上工业总产值达5.12万亿元，首次迈上5万亿元台阶。")
    assert [f.quantity_text for f in found] == ["5.12万亿元"]


def test_a_pair_word_gives_each_number_its_own_measure():
    # 产销分别…和…: the first number is the output, the second the sales
    found = facts_of(
        "安徽经济运行", "2025年，全省新能源汽车产销分别完成120万辆和118万辆，分别增长20.5%和19.8%。"
    )
    assert [(f.quantity_text, f.indicator) for f in found] == [
        ("120万辆", "新能源汽车产量"),
        ("118万辆", "新能源汽车销量"),
        ("20.5%", "新能源汽车产量"),
        ("19.8%", "新能源汽车销量"),
    ]


def test_what_a_project_brings_once_built_is_an_estimate():
    found = facts_of(
        "安徽产业观察",
        "2025年，项目总投资约30亿元，达产后年产值可达60亿元，可新增就业岗位1500个。",
        published="2026-03-05",
    )
    assert [(f.quantity_text, f.kind) for f in found] == [
        ("约30亿元", "actual"),
        ("60亿元", "estimate"),
        ("1500个", "estimate"),
    ]


def test_numbers_after_a_count_of_places_that_changed_measure_what_changed():
    found = facts_of(
        "各省经济运行", "2025年，有20个省份GDP增速高于全国平均水平，其中青海、宁夏增速分别达到6.5%和6.1%。"
    )
    assert [(f.quantity_text, f.indicator, f.entity) for f in found][1:] == [
        ("6.5%", "GDP增速", "青海"),
        ("6.1%", "GDP增速", "宁夏"),
    ]


def test_capacities_listed_each_year_are_each_measured():
    # 能力每年100发、…每年1000颗、…: each number's noun is before it; the item after 、 is the next one
    found = facts_of(
        "安徽产业规划",
        "到2027年，火箭总装制造能力每年50发、卫星智能制造能力每年600颗、终端制造能力每年80万个。",
        published="2026-01-14",
    )
    assert [(f.quantity_text, f.indicator) for f in found] == [
        ("50发", "火箭总装制造能力"),
        ("600颗", "卫星智能制造能力"),
        ("80万个", "终端制造能力"),
    ]


def test_a_clause_opening_on_a_change_verb_changes_the_level_before():
    found = facts_of("安徽经济运行", "2025年，全省稻谷种植面积900万亩，减少12万亩。")
    assert (fact_of(found, "12万亩").indicator, float(fact_of(found, "12万亩").value)) == (
        "稻谷种植面积",
        pytest.approx(-8e7, rel=1e-6),
    )


def test_a_change_after_brackets_is_of_the_level_before_them():
    found = facts_of(
        "安徽经济运行", "2025年末，全省民用汽车保有量2000万辆（包括低速货车50万辆），比上年末增加110万辆。"
    )
    assert [(f.quantity_text, f.indicator) for f in found] == [
        ("2000万辆", "民用汽车保有量"),
        ("50万辆", "低速货车"),
        ("110万辆", "民用汽车保有量"),
    ]


def test_the_places_of_a_breakdown_are_not_the_texts_region():
    found = facts_of(
        "经济运行", "2025年，固定资产投资增长3.0%。分区域看，东部地区投资增长1.2%，西部地区投资增长2.1%。"
    )
    assert [f.entity for f in found] == [None, "东部地区", "西部地区"]


def test_what_was_set_up_or_won_ends_the_noun_counted():
    # 11家…中试基地正式设立: the verb after the noun ends it, and 基地 counted in 家 are items
    found = facts_of("安徽产业观察", "2025年，首批8家省级中试基地正式设立，5项成果荣获工业博览会大奖。")
    assert [(f.quantity_text, f.unit) for f in found] == [("8家", "item"), ("5项", "item")]
    assert [f.indicator.endswith(("中试基地", "成果")) for f in found] == [True, True]


def test_adverbs_and_the_start_of_a_rise_are_no_words_of_the_indicator():
    found = facts_of(
        "安徽经济运行", "2025年，全省规上企业数字化率从初期的40%提升至65%，当年新增企业数量就达到800家。"
    )
    assert [f.indicator for f in found] == ["规上企业数字化率", "规上企业数字化率", "新增企业数量"]


def test_a_total_after_the_new_ones_is_of_all_of_them():
    # 新增…1200家，总数达到1.3万家 / 累计达到…: the total counts them all, and is a stock
    found = facts_of(
        "安徽经济运行",
        "2025年，全省新增高新技术企业900家，总数达到1.1万家；新建5G基站4000个，累计达到2.5万个。",
    )
    total, stations = fact_of(found, "1.1万家"), fact_of(found, "2.5万个")
    assert (total.indicator, total.period_start) == ("高新技术企业总数", None)
    assert (stations.indicator, stations.period_start) == ("5G基站", None)


def test_urban_and_rural_figures_are_the_measure_over_a_part():
    found = facts_of(
        "安徽经济运行",
        "12月份，全省居民消费价格同比上涨0.6%。其中，城市上涨0.6%，农村上涨0.5%。",
        published="2026-01-10",
    )
    assert [(f.quantity_text, f.indicator) for f in found] == [
        ("0.6%", "居民消费价格"),
        ("0.6%", "城市居民消费价格"),
        ("0.5%", "农村居民消费价格"),
    ]


def test_an_estimate_continued_by_its_own_indicator_governs_no_other():
    # 预计增长5.3%，总量迈上6万亿元: the milestone goes on with the estimate; the budget after it does not
    found = facts_of(
        "安徽经济运行",
        "过去一年，全省地区生产总值预计增长5.2%，总量迈上5万亿元新台阶；一般公共预算收入完成3900亿元。",
        published="2026-01-25",
    )
    assert [(f.quantity_text, f.kind) for f in found] == [
        ("5.2%", "estimate"),
        ("5万亿元", "estimate"),
        ("3900亿元", "actual"),
    ]


def test_districts_that_changed_are_counted():
    found = facts_of(
        "上海经济运行", "全市16个区中，有9个区地区生产总值增速高于全市平均水平。", published="2026-01-26"
    )
    assert [(f.quantity_text, f.indicator) for f in found] == [
        ("9个", "地区生产总值增速高于全市平均水平的区")
    ]


def test_places_listed_with_their_numbers_each_own_theirs():
    # 分别是上海…、北京…: each place labels its number; the measure is the one viewed (从GDP总量看)
    found = facts_of(
        "城市经济排名",
        "从GDP总量看，排名前三的城市分别是苏州2.6万亿元、杭州2.2万亿元、南京1.9万亿元。",
        published="2026-02-05",
    )
    assert [(f.quantity_text, f.indicator, f.entity) for f in found] == [
        ("2.6万亿元", "GDP总量", "苏州"),
        ("2.2万亿元", "GDP总量", "杭州"),
        ("1.9万亿元", "GDP总量", "南京"),
    ]


# One fact of one made-up document, and the fields it must have: (title, sentence, published,
# quantity, fields). Rows of the fifth stop, each a mechanism checked to fail without it.
FIELD_ROWS = [
    # The time of a total right before 累计 (or opening the sentence) dates the total: a flow
    pytest.param(
        "安徽经济运行", "2025年，全年累计交付新船40艘。", "2026-02-10", "40艘",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="year-total",
    ),
    pytest.param(
        "安徽经济运行", "其中，某船厂全年累计交付新船25艘，创历史新高。", "2026-02-10", "25艘",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="year-total-after-a-subject",
    ),
    pytest.param(
        "安徽经济运行", "1—12月，全省快递业务量累计完成50亿件。", "2026-02-10", "50亿件",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="months-total",
    ),
    # 历年累计 and a bare 累计 are what has built up: a stock at the date
    pytest.param(
        "安徽经济运行", "2025年新能源汽车推广量10万辆；历年累计推广量突破100万辆。", "2026-02-10", "突破100万辆",
        {"period_start": None, "period_end": "2025-12"}, id="all-years-stock",
    ),
    pytest.param(
        "安徽经济运行", "截至2025年底，全市累计培育专精特新企业500家。", "2026-02-10", "500家",
        {"period_start": None, "period_end": "2025-12"}, id="as-of-stock",
    ),
    # A stock indicator has no start, whatever the year; what was added to it is a flow
    pytest.param(
        "安徽经济运行", "2025年，全省高速公路总里程达到8000公里。", "2026-01-20", "8000公里",
        {"period_start": None, "period_end": "2025-12"}, id="road-length",
    ),
    pytest.param(
        "安徽经济运行", "2025年，全省新能源装机容量超过1亿千瓦。", "2026-01-20", "超过1亿千瓦",
        {"period_start": None, "period_end": "2025-12"}, id="installed-capacity",
    ),
    pytest.param(
        "安徽经济运行", "2025年，全省本外币贷款余额12万亿元。", "2026-01-20", "12万亿元",
        {"period_start": None, "period_end": "2025-12"}, id="loan-balance",
    ),
    pytest.param(
        "安徽经济运行", "2025年，全省新增装机容量1200万千瓦。", "2026-01-20", "1200万千瓦",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="added-to-a-stock-is-a-flow",
    ),
    # 提升至2025年的52%: the 至 belongs to the verb; the year dates the level reached
    pytest.param(
        "安徽经济运行", "全省新能源汽车渗透率由2020年的6.1%提升至2025年的48%。", "2026-03-01", "48%",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="level-reached-in-a-year",
    ),
    # A plan's yearly average runs from publication to its horizon
    pytest.param(
        "安徽经济运行", "力争到2028年，全省外贸进出口总额年均增长6%。", "2026-03-10", "6%",
        {"kind": "target", "period_start": "2026-01", "period_end": "2028-12"}, id="plan-average-to-horizon",
    ),
    # 订单排到了明年二季度: the time the backlog runs to, not the time of the rate after it
    pytest.param(
        "企业观察", "今年公司的订单排到了明年三季度，产能利用率保持在90%以上。", "2026-01-20", "90%以上",
        {"period_end": "2026-01"}, id="time-an-earlier-action-runs-to",
    ),
    # 计划 ending a programme's name (“领军人才”计划的企业) is not a plan's cue
    pytest.param(
        "安徽产业观察", "2025年，入选“领军人才”计划的企业达到90家。", "2026-01-28", "90家",
        {"kind": "actual"}, id="programme-named-a-plan",
    ),
    # Counted measures and their units
    pytest.param(
        "安徽经济运行", "2025年，全省快递业务量完成50亿件，增长12%。", "2024-03-10", "50亿件",
        {"indicator": "快递业务量", "unit": "item"}, id="parcel-volume",
    ),
    pytest.param(
        "安徽产业观察", "2025年，全市新认定市级特色产业集群12家。", "2026-01-28", "12家",
        {"unit": "item"}, id="clusters-counted-in-jia",
    ),
    pytest.param(
        "安徽经济运行", "到2027年，全省数据中心机架规模达到20万标准机架。", "2026-03-10", "20万标准机架",
        {"unit": "item", "kind": "target"}, id="data-centre-racks",
    ),
    pytest.param(
        "安徽产业观察", "2025年，活动现场15个重点项目集中签约。", "2026-01-18", "15个",
        {"indicator": "集中签约重点项目", "unit": "project"}, id="projects-signed-together",
    ),
    pytest.param(
        "浙江经济运行", "前三季度，有8个市GDP增速高于全省平均水平。", "2025-10-28", "8个",
        {"indicator": "GDP增速高于全省平均水平的市", "unit": "item"}, id="bare-city-word-counts-cities",
    ),
    # 低于 bounds the number from above and leaves the indicator
    pytest.param(
        "安徽经济运行", "2025年，全省城镇调查失业率低于5.5%。", "2024-03-10", "低于5.5%",
        {"indicator": "城镇调查失业率", "qualifier": "upper_bound"}, id="lower-than",
    ),
    # Words that are no part of the indicator: 但, the bound of the number before, 到期末, 该区
    pytest.param(
        "安徽经济运行", "2025年，全省实际使用外资80亿美元，下降5.1%，但降幅较上年收窄3.2个百分点。", "2024-03-10",
        "3.2个百分点", {"indicator": "实际使用外资降幅"}, id="but-opens-no-indicator",
    ),
    pytest.param(
        "安徽经济运行", "确保全年油料播种面积稳定在600万亩以上、油料产量保持在90万吨以上。", "2024-03-10", "90万吨以上",
        {"indicator": "油料产量"}, id="bound-of-the-number-before",
    ),
    pytest.param(
        "安徽产业规划", "到期末全省高新技术企业总数达到3万家。", "2026-03-10", "3万家",
        {"indicator": "高新技术企业"}, id="end-of-the-plan-is-a-time",
    ),
    pytest.param(
        "企业观察", "该区集聚人工智能企业超过300家。", "2026-01-20", "超过300家",
        {"indicator": "集聚人工智能企业"}, id="this-district",
    ),
    # A quoted name before a trailing word keeps its closing mark
    pytest.param(
        "安徽产业观察", "2025年，全省单项冠军企业60家，占全国“单项冠军”总数的8.5%。", "2024-03-10", "8.5%",
        {"indicator": "单项冠军企业占全国“单项冠军”"}, id="quoted-name-closing-mark",
    ),
    # 诞生 after 的 is no noun counted
    pytest.param(
        "安徽产业观察", "首批12家省级智能工厂的诞生，是制造业变革的缩影。", "2026-01-14", "12家",
        {"indicator": "省级智能工厂"}, id="things-that-came-into-being",
    ),
    # 占地120亩 is land; 占地区生产总值比重 is a share of the indicator before
    pytest.param(
        "安徽产业观察", "2025年，该项目总投资20亿元，占地150亩。", "2026-01-18", "150亩",
        {"indicator": "占地"}, id="land-taken",
    ),
    pytest.param(
        "安徽经济运行", "“十五五”期间，数字经济核心产业增加值年均增长9%，到2030年占地区生产总值比重达到15%。",
        "2026-01-20", "15%", {"indicator": "数字经济核心产业增加值占地区生产总值比重"}, id="share-of-the-regions-output",
    ),
    # 是…的N倍 after a level: that level as a multiple of the one named
    pytest.param(
        "安徽经济运行", "2025年，全省工业机器人密度达到每万名工人420台，是全国平均水平的1.5倍。", "2024-03-10", "1.5倍",
        {"indicator": "工业机器人密度是全国平均水平的倍数"}, id="multiple-of-a-named-level",
    ),
    # Whose: the world describing a firm is no region; a zone after a place is part of its name
    pytest.param(
        "光伏组件出货量再创新高", "作为全球领先的光伏组件企业，公司2025年组件出货量达到60GW。", "2024-03-10", "60GW",
        {"entity": None}, id="world-describing-a-firm",
    ),
    pytest.param(
        "园区观察", "漕河泾开发区目前已集聚各类企业3000家，其中外资企业800家。", "2026-01-22", "3000家",
        {"entity": "漕河泾开发区", "indicator": "集聚各类企业"}, id="zone-after-a-place",
    ),
    # The time of the value a structure or rate moved from dates that value, not the one it moved to
    pytest.param(
        "安徽经济运行", "一季度，三次产业结构由上年同期的1.1:37.2:61.7调整为1.0:38.1:60.9。", "2026-04-20", "38.1",
        {"indicator": "第二产业比重", "period_start": "2026-01", "period_end": "2026-03"},
        id="structure-moved-to",
    ),
    pytest.param(
        "安徽经济运行", "全年全省研发投入强度由上年同期的2.9%提升至3.1%。", "2026-02-20", "3.1%",
        {"indicator": "研发投入强度"}, id="rate-moved-from-same-time-last-year",
    ),
    # A firm named after the place a text is about, named in the sentence itself, is the firm
    pytest.param(
        "上海制造业年度回顾", "2025年，上海东海船舶修造有限公司完工交付船舶9艘。", "2026-01-20", "9艘",
        {"entity": "上海东海船舶修造有限公司", "indicator": "完工交付船舶"}, id="firm-named-after-the-text-place",
    ),
    # A grouping of provinces may be written with 地区: the place is the grouping, the measure the one before
    pytest.param(
        "全国外贸运行", "分区域看，长三角地区出口增长7.2%，珠三角地区增长3.9%。", "2026-02-10", "3.9%",
        {"entity": "珠三角地区", "indicator": "出口"}, id="grouping-written-with-diqu",
    ),
    # Signed projects (签约项目) are what is counted, no organisation with the suffix 项目
    pytest.param(
        "投资促进大会举行", "大会共发布成果25项，签约项目48个，签约金额达260亿元。", "2026-06-10", "260亿元",
        {"entity": None, "indicator": "签约金额"}, id="signed-projects-are-no-organisation",
    ),
    # In a plan, a number dated by a time gone by, with no word of a goal, is what that time did
    pytest.param(
        "无锡市推动低空经济发展三年行动方案", "2025年，全市低空经济产业规模达到260亿元，同比增长21.3%。", "2026-03-01",
        "260亿元", {"kind": "actual", "period_end": "2025-12"}, id="a-plans-past-year-is-actual",
    ),
    pytest.param(
        "无锡市推动低空经济发展三年行动方案", "到2028年，全市低空经济产业规模突破600亿元。", "2026-03-01",
        "突破600亿元", {"kind": "target", "period_end": "2028-12"}, id="a-plans-horizon-stays-a-target",
    ),
    # 实现 inside a phrase is the verb of what was earned: the indicator keeps who and what
    pytest.param(
        "安徽经济运行", "全年全省规模以上工业企业实现利润总额2650亿元。", "2026-02-10", "2650亿元",
        {"indicator": "规模以上工业企业利润总额"}, id="earning-verb-inside-a-phrase",
    ),
    # A weak firm suffix followed by 产业 names a sector, not a firm (民用航空产业)
    pytest.param(
        "成都航空制造业发展", "2025年，民用航空产业规模突破900亿元，民用航空企业超过200家。", "2026-04-10",
        "突破900亿元", {"entity": "成都", "indicator": "民用航空产业规模"}, id="a-sector-is-no-firm",
    ),
    # 恢复到2019年同期的88%: a share of a base year's level, dated like the sentence
    pytest.param(
        "安徽经济运行", "全年全省接待入境游客380万人次，恢复到2019年同期的88%。", "2026-02-10", "88%",
        {"indicator": "接待入境游客恢复", "period_end": "2025-12"}, id="recovered-to-a-base-year",
    ),
    # 两年平均 says how a rate is computed, not what it measures
    pytest.param(
        "安徽经济运行", "2025年，全省社会消费品零售总额同比增长4.4%，两年平均增长4.9%。", "2026-02-10", "4.9%",
        {"indicator": "社会消费品零售总额"}, id="two-year-average-rate",
    ),
    # 实际完成 after a goal states what was done: an actual of the goal's indicator
    pytest.param(
        "安徽经济运行", "全年城镇新增就业目标为55万人，实际完成61.8万人。", "2026-12-10", "61.8万人",
        {"kind": "actual", "indicator": "城镇新增就业"}, id="done-after-a-goal",
    ),
    # 或将, 可能 are the outlook's modal words, not part of what is measured
    pytest.param(
        "安徽经济运行", "按照目前态势，全年全省新型储能产业规模或将突破1500亿元。", "2026-12-10", "突破1500亿元",
        {"indicator": "新型储能产业规模"}, id="modal-words-trimmed",
    ),
    # A bare 总量/增速 in a text whose headline names a core indicator is that indicator's
    pytest.param(
        "2025年江苏13市GDP出炉", "从增速看，常州以6.8%的增速领跑全省。", "2026-02-05", "6.8%",
        {"indicator": "GDP增速", "entity": "常州"}, id="bare-rate-under-a-headline-measure",
    ),
    # 方面 closes a topic, it is no part of the measure
    pytest.param(
        "2025年江苏13市GDP出炉", "人均GDP方面，苏州已超过20万元。", "2026-02-05", "超过20万元",
        {"indicator": "人均GDP"}, id="aspect-word-trimmed",
    ),
    # New capacity of a kind (光伏新增装机容量) is a flow over the year; what has been built up is a stock
    pytest.param(
        "安徽经济运行", "全年全省风电新增装机容量210万千瓦，累计装机达到980万千瓦。", "2026-02-10", "210万千瓦",
        {"period_start": "2025-01", "period_end": "2025-12"}, id="new-capacity-of-a-kind-is-a-flow",
    ),
    pytest.param(
        "安徽经济运行", "全年全省风电新增装机容量210万千瓦，累计装机达到980万千瓦。", "2026-02-10", "980万千瓦",
        {"period_start": None, "period_end": "2025-12"}, id="capacity-built-up-is-a-stock",
    ),
    # The 区 of 区域 after a grouping begins the measure's name, it is no suffix of the place
    pytest.param(
        "河北经济运行", "京津冀区域优良天数比率接近80%。", "2026-02-10", "接近80%",
        {"indicator": "区域优良天数比率"}, id="quyu-is-no-place-suffix",
    ),
    # A phrase with 占 in it is a share's, not a firm's name ending in 公司
    pytest.param(
        "安徽产业观察", "2025年，海外市场收入占公司总收入的45%。", "2026-03-10", "45%",
        {"indicator": "海外市场收入占公司总收入"}, id="share-phrase-is-no-firm",
    ),
    # Firms named after the country (中国星网、中国中化) are no mention of the country
    pytest.param(
        "河北经济运行", "雄安新区日新月异，中国星网、中国中化等总部迁驻运营，5300多栋楼宇拔地而起。", "2026-02-10",
        "5300多栋", {"entity": "雄安"}, id="country-named-firms-are-no-place",
    ),
    # The day a plan came out (2025年3月31日，…印发…，力争…) dates the event, not the goal
    pytest.param(
        "上海消费市场", "2025年3月31日，市政府印发《若干措施》，力争实现年销售总额超千亿元。", "2026-01-28",
        "超千亿元", {"kind": "target", "period_end": "2026-01"}, id="event-day-dates-no-goal",
    ),
    # 连续 before a verb of crossing says how often, it is no part of the measure
    pytest.param(
        "安徽经济运行", "五年来，全省经济总量连续跨越4万亿元、5万亿元两个台阶。", "2026-01-25", "5万亿元",
        {"indicator": "经济总量"}, id="in-a-row-before-crossing",
    ),
    # 全部达产后 says when the outlook holds, it is no part of the measure
    pytest.param(
        "安徽产业观察", "项目涵盖新材料、新能源等领域，预计全部达产后年产值超过300亿元。", "2026-01-18", "超过300亿元",
        {"indicator": "年产值", "kind": "estimate"}, id="all-at-full-output-trimmed",
    ),
    # 跨国公司 is a kind of firm, no firm's name: what is counted are their headquarters
    pytest.param(
        "安徽经济运行", "2025年，跨国公司地区总部累计达到120家。", "2026-02-10", "120家",
        {"indicator": "跨国公司地区总部", "entity": "安徽"}, id="multinationals-are-no-firm-name",
    ),
    # A condition clause before (项目投产后，) makes the clauses after it an outlook, even with 将
    pytest.param(
        "安徽产业观察", "据介绍，项目投产后，年产能将达到8万台，年产值可达30亿元。", "2026-04-10", "8万台",
        {"kind": "estimate", "indicator": "年产能"}, id="condition-clause-before-makes-an-outlook",
    ),
    # 目标是 opens a goal: the indicator is what follows it
    pytest.param(
        "安徽产业观察", "“今年我们的目标是营收突破60亿元。”公司负责人说。", "2026-04-10", "突破60亿元",
        {"kind": "target", "indicator": "营收"}, id="the-goal-is",
    ),
    # 全年/年末 with no year, in a text published before that year is over, stating no plan: the year before
    pytest.param(
        "全国科技统计", "年末全国共有科技企业孵化器1.4万家。", "2026-05-20", "1.4万家",
        {"kind": "actual", "period_end": "2025-12"}, id="year-end-not-yet-come-is-last-years",
    ),
    pytest.param(
        "全国工资统计", "全年全国城镇非私营单位就业人员年平均工资12.1万元。", "2026-05-20", "12.1万元",
        {"kind": "actual", "period_start": "2025-01", "period_end": "2025-12"}, id="whole-year-not-over-is-last-years",
    ),
    pytest.param(
        "全国工资统计", "预计全年全国规上工业增加值增长5.5%左右。", "2026-05-20", "5.5%左右",
        {"kind": "estimate", "period_end": "2026-12"}, id="whole-year-outlook-stays-this-years",
    ),
    # A 分别 hands out the numbers of one measure: the growth rates after the levels are another run
    pytest.param(
        "湖北一季度经济数据", "襄阳市、宜昌市分别实现地区生产总值1356.2亿元、1298.5亿元，分别增长6.5%和6.3%。",
        "2026-04-25", "1298.5亿元", {"entity": "宜昌"}, id="respectively-run-is-of-one-measure",
    ),
    # A clause naming only the set of regions counted (17个市州中) is about the whole, not the part before
    pytest.param(
        "湖北一季度经济数据", "襄阳市、宜昌市分别实现地区生产总值1356.2亿元、1298.5亿元。17个市州中，有12个市州增速高于全省平均水平。",
        "2026-04-25", "12个", {"entity": "湖北", "indicator": "增速高于全省平均水平的市州"}, id="count-over-the-set-of-regions",
    ),
    # A firm named after its place (place + a weak suffix) is a firm when the text has it sign a deal
    pytest.param(
        "这家企业又拿下大单", "3月18日，上海电气与沙特某能源企业签署光伏电站总承包合同。2025年，上海电气实现营业收入1156.8亿元，同比增长3.2%。",
        "2026-04-25", "1156.8亿元", {"entity": "上海电气", "indicator": "营业收入"}, id="place-named-firm-signing-a-deal",
    ),
    # A named valley after a place (张江药谷, 武汉光谷) is a zone of it: the entity keeps it
    pytest.param(
        "浦东：打造世界级生物医药产业集群", "其中，张江药谷集聚生物医药企业1800余家。",
        "2026-01-12", "1800余家", {"entity": "张江药谷"}, id="named-valley-is-a-zone",
    ),
    # 年均 before 分别 makes every number of the list an average over the years
    pytest.param(
        "2026年某市政府工作报告", "过去五年，一般公共预算收入由2020年的1856亿元增加到2025年的2415亿元。城乡居民人均可支配收入年均分别增长5.6%和7.2%。",
        "2026-02-03", "7.2%", {"period_start": "2021-01", "period_end": "2025-12"}, id="yearly-average-of-a-list",
    ),
    # A number in brackets right after a goal (目标任务（下降3%）) states the goal beaten: a target
    pytest.param(
        "工业节能降碳情况通报", "2025年，全市规模以上工业单位增加值能耗同比下降4.2%，超额完成年度目标任务（下降3%）。",
        "2026-01-15", "3%", {"kind": "target", "indicator": "规模以上工业单位增加值能耗"}, id="goal-in-brackets",
    ),
    # 三大 inside a name before a suffix (上海三大造船企业) describes a group: the place is the entity
    pytest.param(
        "船舶工业成绩单", "2025年，上海三大造船企业共完工交付各类船舶68艘。",
        "2026-01-15", "68艘", {"entity": "上海"}, id="three-big-is-no-firm-name",
    ),
    # An event named after the world (世界人工智能大会) is held somewhere: its headline names no place
    pytest.param(
        "2025世界人工智能大会圆满落幕", "7月28日，大会在上海圆满落幕。大会共达成签约项目45个。",
        "2025-07-30", "45个", {"entity": "上海"}, id="event-named-after-the-world",
    ),
    # 以 governing a list of amounts: each is the level of its place, none a size naming a noun
    pytest.param(
        "31省份前三季度GDP出炉", "从经济总量看，山东、浙江分别以7.36万亿元、6.52万亿元位列第三、第四。",
        "2025-11-02", "6.52万亿元", {"entity": "浙江", "indicator": "经济总量"}, id="by-a-list-of-amounts",
    ),
    # A count of provinces that beat the country is the country's; the rate in brackets after the
    # national average is the country's own; the provinces named after it have rates of what they beat
    pytest.param(
        "31省份前三季度GDP出炉", "从增速看，共有18个省份增速高于全国平均水平（5.2%），其中西藏以6.8%的增速领跑全国。",
        "2025-11-02", "18个", {"entity": "全国"}, id="count-of-provinces-is-the-countrys",
    ),
    pytest.param(
        "31省份前三季度GDP出炉", "从增速看，共有18个省份增速高于全国平均水平（5.2%），其中西藏以6.8%的增速领跑全国。",
        "2025-11-02", "5.2%", {"entity": "全国", "indicator": "GDP增速"}, id="national-average-in-brackets",
    ),
    pytest.param(
        "31省份前三季度GDP出炉", "前三季度，共有18个省份GDP增速高于全国平均水平，其中西藏增长6.8%，甘肃、湖北分别增长6.2%和6.0%。",
        "2025-11-02", "6.0%", {"entity": "湖北", "indicator": "GDP增速"}, id="places-after-a-count-have-the-rate",
    ),
    # 中南地区 is one region: the share after it is the indicator of the list, not 地区占比
    pytest.param(
        "汽车零部件行业运行分析报告", "按地区划分，华东地区零部件企业营业收入占全国的比重为46.3%，中南地区占21.5%。",
        "2026-06-15", "21.5%", {"entity": "中南地区", "indicator": "零部件企业营业收入占全国的比重"}, id="central-south-region",
    ),
    # Known firms with no suffix (东方航空); one that opens with a place names the sector before 产业
    pytest.param(
        "上海国企2025年成绩单", "东方航空全年运输旅客1.42亿人次，同比增长12.5%。",
        "2026-01-20", "1.42亿人次", {"entity": "东方航空"}, id="known-firm-with-no-suffix",
    ),
    pytest.param(
        "上海生物医药产业发展报告", "2025年，上海医药产业规模达到9800亿元。",
        "2026-01-20", "9800亿元", {"entity": "上海"}, id="place-named-firm-before-a-sector-word",
    ),
    # A bare 营业收入 of a firm the sentence names is its own, not the one stated before of others
    pytest.param(
        "上海国企2025年成绩单", "全市国资委系统企业实现营业收入3.56万亿元。上海建工全年新签合同额4826亿元，实现营业收入3102亿元。",
        "2026-01-20", "3102亿元", {"entity": "上海建工", "indicator": "营业收入"}, id="bare-head-of-another-firm",
    ),
    # 已完成 states what was done so far, even after the year's plan
    pytest.param(
        "全市投资运行情况", "全年计划完成工业投资1500亿元，截至11月底已完成1380亿元，完成全年计划的92%。",
        "2025-12-10", "1380亿元", {"kind": "actual"}, id="done-so-far-after-a-plan",
    ),
    pytest.param(
        "全市投资运行情况", "全年计划完成工业投资1500亿元，截至11月底已完成1380亿元，完成全年计划的92%。",
        "2025-12-10", "92%", {"kind": "actual"}, id="share-of-the-plan-done",
    ),
    # 以X亿元营业收入位居榜首: the noun after the amount is what the firm ranks by
    pytest.param(
        "制造业企业100强榜单发布", "活动现场发布了榜单，上汽集团以7465亿元营业收入位居榜首。",
        "2026-01-25", "7465亿元", {"indicator": "营业收入", "entity": "上汽集团"}, id="ranked-by-an-amount-of",
    ),
    # Sectors joined before 产业 (船舶与海洋工程装备产业) name no firm, whatever suffix the first ends in
    pytest.param(
        "上海市建设长兴岛世界级造船基地的实施方案", "到2027年，长兴岛船舶与海洋工程装备产业规模超过1200亿元。",
        "2026-01-18", "超过1200亿元", {"entity": "上海"}, id="sectors-joined-are-no-firm",
    ),
    pytest.param(
        "2025年上海新材料产业十件大事", "2025年9月，中国·上海新材料产业发展高峰论坛同期举行。论坛上，某某股份有限公司等10家单位获评新材料专业奖。",
        "2026-01-18", "10家", {"entity": "上海"}, id="event-named-after-the-country-and-a-city",
    ),
    # A name given as an example of those counted (某某大学等8家单位) is no subject the next clauses carry
    pytest.param(
        "2025年上海生物制造十件大事", "华东理工大学等8家单位入围揭榜挂帅；昇合建物、合创绿洲、弈柯莱3家入选中试能力建设平台。",
        "2026-01-18", "3家", {"entity": "上海"}, id="example-name-is-not-carried",
    ),
    # 增幅最大的湖北省…: the place after a superlative is whose number it is, not part of the indicator
    pytest.param(
        "31省份财政收入出炉", "1-2月，全国31个省市区的一般公共预算收入全部实现正增长，增幅最大的湖北省一般公共预算收入相比去年1-2月的增幅甚至达到了61.8%。",
        "2021-03-10", "61.8%", {"entity": "湖北", "indicator": "一般公共预算收入"}, id="place-after-a-superlative",
    ),
    # “十五五”末 is the end of the plan's last year; 今后三年 the three years ahead; 2026—2028年…累计 a flow over them
    pytest.param(
        "商业航天产业观察", "预计到“十五五”末，上海商业航天产业规模将达到1500亿元。",
        "2026-02-10", "1500亿元", {"period_start": None, "period_end": "2030-12"}, id="end-of-the-plan-years",
    ),
    pytest.param(
        "智能工厂建设", "今后三年，全市将新增智能工厂300家。",
        "2026-02-10", "300家", {"period_start": "2026-01", "period_end": "2028-12"}, id="the-next-three-years",
    ),
    pytest.param(
        "数字化转型行动", "2026—2028年，全市累计推动1000家以上企业实施数字化转型。",
        "2026-02-10", "1000家以上", {"period_start": "2026-01", "period_end": "2028-12"}, id="total-over-a-span-of-years",
    ),
    # Times listed before 分别 go to the numbers after it in order
    pytest.param(
        "全市经济运行", "2025年全年及四季度，全市GDP分别增长5.4%和5.8%。",
        "2026-01-20", "5.4%", {"period_start": "2025-01", "period_end": "2025-12"}, id="times-listed-respectively",
    ),
    pytest.param(
        "全市经济运行", "2025年全年及四季度，全市GDP分别增长5.4%和5.8%。",
        "2026-01-20", "5.8%", {"period_start": "2025-10", "period_end": "2025-12"}, id="times-listed-respectively-second",
    ),
    # A total over a span of years (五年累计, 三年来…累计, 十四五期间…累计) is a flow over the span
    pytest.param(
        "政府工作报告", "五年累计新增城镇就业300万人。",
        "2026-01-25", "300万人", {"period_start": "2021-01", "period_end": "2025-12"}, id="total-over-five-years",
    ),
    pytest.param(
        "政府工作报告", "“十四五”期间，全市累计引进外资项目2.5万个。",
        "2026-01-25", "2.5万个", {"period_start": "2021-01", "period_end": "2025-12"}, id="total-over-the-plan-years",
    ),
    pytest.param(
        "工业节能降碳", "“十四五”期间，全市规模以上工业单位增加值能耗累计下降17.2%，超额完成国家下达的目标任务（下降16%）。",
        "2026-01-22", "16%", {"kind": "target", "indicator": "规模以上工业单位增加值能耗"}, id="goal-in-brackets-after-a-long-name",
    ),
    # The places a grouping counts (三省一市, 四地) are no part of the indicator; 沪苏浙皖 is one grouping
    pytest.param(
        "长三角一体化发展", "沪苏浙皖四地新能源汽车产量合计超过600万辆。",
        "2026-01-25", "超过600万辆", {"entity": "沪苏浙皖", "indicator": "新能源汽车产量"}, id="places-of-a-grouping-counted",
    ),
    # A note in brackets after the unit (40万套（间）) does not break the list after it
    pytest.param(
        "保障性租赁住房建设方案", "“十四五”期间，全省计划筹集建设保障性租赁住房120万套（间），其中杭州、宁波分别筹集建设40万套（间）和15万套（间）。",
        "2021-09-12", "15万套", {"entity": "宁波", "indicator": "筹集建设保障性租赁住房"}, id="note-after-the-unit-in-a-list",
    ),
    # A national body's figures, in a text naming no place, are the country's; not when the text is a city's
    pytest.param(
        "5月份制造业PMI为49.6%", "据国家统计局消息，5月份，制造业采购经理指数（PMI）为49.6%。",
        "2022-06-01", "49.6%", {"entity": "全国"}, id="national-source-is-the-country",
    ),
    pytest.param(
        "喜报！62家企业入选", "近日，工业和信息化部公布了名单，我市共有62家企业入选。",
        "2026-02-03", "62家", {"entity": None}, id="national-source-in-a-citys-text",
    ),
    # A grouping that names its members (京津冀) hands the numbers after 分别 to them in order
    pytest.param(
        "京津冀协同发展", "京津冀三地研发经费投入合计4800亿元，研发投入强度分别为6.5%、3.6%和2.2%。",
        "2026-01-25", "2.2%", {"entity": "河北"}, id="members-of-a-grouping-respectively",
    ),
    # 全球市场占有率 is the world market's share held by the firm the text is about, no number of the world
    pytest.param(
        "走进企业", "2025年，某某传感科技有限公司MEMS压力传感器出货量达到1.2亿颗，全球市场占有率超过8%。",
        "2026-03-10", "超过8%", {"entity": "某某传感科技有限公司"}, id="world-market-share-is-the-firms",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("title", "sentence", "published", "quantity", "expected"), FIELD_ROWS)
def test_one_fact_of_a_sentence(title, sentence, published, quantity, expected):
    fact = fact_of(facts_of(title, sentence, published=published), quantity)
    assert fields(fact, expected) == expected
