"""Fact-hood by what a number measures (issue 8): a measure of a region, an industry, a programme or
an organisation is a fact; a number about one product, one machine, one experiment, one person's
story, an event or a rule is not, whatever its unit. Made-up sentences, through `extractors.extract`.

Rows marked xfail(strict=True) are numbers that get through today: when one is left out, the mark goes.
"""

import pytest
from article_samples import facts_of

NOT_FACTS = [
    # A part of a show's exhibitors (其中…22家) is the show's too
    pytest.param("此次展区共组织37家专精特新中小企业参展，其中专精特新“小巨人”企业22家。", id="part-of-the-exhibitors"),
    # An unnamed firm given as an example, and one machine, tell a case: no indicator
    pytest.param("比如，某汽车零部件企业通过引入AI质检系统，产品不良率下降了60%。", id="an-unnamed-firm-as-an-example"),
    pytest.param("以某家电企业为例，实施数字化改造后，生产效率提升35%。", id="taking-an-unnamed-firm-for-example"),
    pytest.param("这台机器人每小时可分拣包裹3000件。", id="one-machine-per-hour"),
    # The articles of a policy (出台产业政策16条) are document structure
    pytest.param("2025年，市区两级合力出台具身智能产业政策16条。", id="articles-of-a-policy"),
    # An ordinal with no verb of making is a rank
    pytest.param("该市工业总产值排名第3位，位居全国第二。", id="ordinal-rank"),
    # Exhibitors, products launched at a show and people commended are the event's, not indicators
    pytest.param("本届大会参展企业超过800家，其中首发首展新品100余款。", id="exhibitors-and-launches"),
    pytest.param("会议对先进集体和个人进行了表彰，共有60名个人受到表彰。", id="people-commended"),
    # Counts of events held are no facts (FACTS.md)
    pytest.param("全年全市共举办产业对接活动320余项。", id="events-held"),
    # A chip's model name (征程6P) is no computing power
    pytest.param("该车型搭载征程6P芯片，支持高阶智驾。", id="a-chip-model-is-no-computing-power"),
    # The districts whose figures are published are the set looked at, not a count that measures
    pytest.param("近日，全省13个设区市2025年经济数据全部公布。", id="districts-looked-at"),
    # 唯一一家 is "the only one", no number eleven; a few firms counted in words tell a story
    pytest.param("该公司是国内唯一一家实现碳化硅衬底量产的企业。", id="the-only-one-is-no-eleven"),
    # An exhibition's floor space and the contestants of a contest describe an event
    pytest.param("本届博览会于6月在杭州开幕，展览面积达12万平方米。", id="an-exhibitions-floor-space"),
    pytest.param("决赛中，4名选手获得金奖，9名选手获得银奖。", id="contestants-winning-prizes"),
    # What one technology does for its users (使…成本降低了, 将…周期缩短), with no base of time
    pytest.param("该平台提供远程诊断服务，使客户的维修成本平均降低了25%。", id="a-technologys-gain-for-users"),
    pytest.param("这种研发模式更将研发周期缩短15%。", id="a-methods-gain"),
    # A red line a firm sets is a rule's threshold
    pytest.param("公司定下红线：人均年产出低于300万元，团队解散。", id="a-red-line"),
    # A machine's readings (风量, 溶氧量) describe the machine
    pytest.param("系统显示，风量32000立方米/小时，溶氧量21.5%。", id="a-machines-readings"),
    # A machine's rated or maximum power is its specification
    pytest.param("该主机拥有自主知识产权，设计最大功率达52000千瓦。", id="a-machines-maximum-power"),
    # Firms brought to meet buyers at a fair are the event's attendance
    pytest.param("会上，组织20家企业与近30家境外展商进行贸易洽谈和采购对接。", id="trade-matchmaking"),
    pytest.param("这款巡检机器人最大负载20公斤。", id="product-load"),
    pytest.param("这台新型风机每小时风量可达3万立方米。", id="machine-airflow"),
    pytest.param("在实验中，该模型的缺陷识别准确率达到98.5%。", id="experiment-accuracy"),
    # A spec word (单套, 单台) a few words before the number: one unit's capacity.
    pytest.param("示范装置投运后，单套装置日处理气量2万方。", id="one-units-capacity"),
    pytest.param("测试线上，电池包在零下30摄氏度仍能正常工作。", id="test-line-temperature"),
    pytest.param("老李在车间干了26年，带出了15个徒弟。", id="anecdote"),
    # A duration is a fact only when its phrase names a measured time (回款天数, 停电时间).
    pytest.param("该项目从洽谈到签约仅用了45天。", id="a-deals-days"),
    # One unnamed customer served is a case story: its savings are the case's, not an indicator.
    pytest.param("团队曾为一家电池企业改进了工艺，生产成本降低了35%。", id="one-customers-savings"),
    pytest.param("一块约30亩的工业用地，建成后可容纳几家企业。", id="one-example-plot"),
    pytest.param("面对某大型车企的质检难题，该系统让检测人力减少了40%。", id="unnamed-clients-case"),
    pytest.param("借助这套设计软件，该企业的产品设计周期缩短了30%。", id="one-firms-tool"),
    pytest.param("本届创新大赛共收到参赛项目860个。", id="contest-entries"),
    pytest.param("全年共举办供需对接活动45场。", id="events-held"),
    # What a survey or an inspection looked at (对…N家企业…开展调查) is its sample, not an outcome.
    pytest.param("行业协会对500家批发企业的经营情况开展抽样调查。", id="survey-sample"),
    # A line of ·-marked links to other articles: their numbers are those articles' to state.
    pytest.param("·交付新船72艘！三大船企晒出年度成绩单！·又一智能制造项目开工", id="links-to-other-articles"),
    # A bound under an obligation (原则上应, 必须) or in brackets is a rule's criterion.
    pytest.param("新建项目原则上应集中布局，用地面积不少于20亩。", id="criterion-under-obligation"),
    pytest.param("卓越级工厂需要满足研发投入强度≥3%。", id="criterion-by-a-bound-symbol"),
    pytest.param("申报项目中，固定资产投资比例应高于60%。", id="criterion-by-should-exceed"),
    pytest.param("2025年，由30余家单位参与的产业联盟成立。", id="members-of-an-alliance"),
    pytest.param("2025年，测试场可模拟海拔5000米的高原。", id="an-altitude-is-a-spec"),
    pytest.param("入围15家领航级智能工厂的星河钢铁股份，正在探索新模式。", id="a-count-describing-a-firm"),
    pytest.param("到2027年，构建不少于1000例病例的高质量脑数据开放数据集。", id="a-bound-describing-a-noun"),
    pytest.param("2025年，报告以3000余家央企在沪法人主体为研究对象。", id="the-sample-of-a-study"),
    pytest.param("路演环节，21个创新项目集中亮相。", id="showcased-at-an-event"),
    pytest.param("各地统筹从土地出让收益（10%以上）中提取的资金，用于保障房建设。", id="criterion-in-brackets"),
    # Who took part in a contest or joined a body: attendance, not an indicator.
    pytest.param("大赛吸引了全球30余个国家的团队踊跃参与。", id="contest-countries"),
    pytest.param("联盟首批吸纳25家单位加入。", id="members-joining"),
    # A count right after 瞄准/聚焦 is what a plan is organised around.
    pytest.param("全市瞄准8条重点产业链，做强三大先导产业。", id="plan-focus-chains"),
    pytest.param("展会为期3天，设置展位1200个。", id="fair-booths"),
    pytest.param("该企业综合实力位居全国第3位。", id="rank"),
    pytest.param("团队成员平均年龄仅32岁。", id="age"),
    pytest.param("新款芯片在测评中取得87.6分。", id="benchmark-score"),
    # The count of the 单位 just named one by one restates the list
    pytest.param("星河管理委员会、星河科普中心、星河物资供应站3家单位作书面述职。", id="units-just-listed"),
    # 对…的企业，给予…: the thresholds of whom a rule rewards, every item of their list
    pytest.param("对年营业收入首次突破10亿元、50亿元的企业，分别给予200万元、500万元奖励。", id="whom-a-reward-is-for"),
    # One product's price; booths set up at a fair are attendance
    pytest.param("新款手机搭载6.8英寸屏幕，售价3999元。", id="a-products-price"),
    pytest.param("活动现场，30余家企业设立展位。", id="booths-at-a-fair"),
    # 从全区4万多家企业中筛选: the set chosen from
    pytest.param("如何从全区4万多家企业中精准识别绿色企业？", id="the-set-chosen-from"),
    # A bounded size after 年营业收入 or 投资额 is the criterion of a call (an exact one is stated)
    pytest.param("申报企业须为年营业收入2000万元以上的工业企业。", id="criterion-by-bounded-revenue"),
    pytest.param("单位产品能耗不得高于0.5吨标准煤的红线。", id="red-line"),
]  # fmt: skip

FACTS = [
    # Network ports are counted like stations and sites
    pytest.param("全市千兆光网端口数达到650万个。", ["650万个"], id="network-ports"),
    # A named district as an example is still a fact
    pytest.param("比如，浦东新区规上工业总产值增长5.2%。", ["5.2%"], id="a-named-district-as-an-example"),
    # Subsidy money paid out (拨付资金) is a policy amount; the projects supported are counted
    pytest.param("2025年，已累计支持项目165项，拨付资金1515万元。", ["165项"], id="subsidy-paid-out"),
    # 共有 before a count is no sign of text structure: 共有15款创新药获批上市 counts an outcome
    pytest.param("全年共有15款创新药获批上市。", ["15款"], id="in-all-there-were"),
    # 50%以上的税收 is a share of a measure; 5%以上的企业 still bounds the class counted
    pytest.param(
        "民营经济贡献了全市50%以上的税收、60%以上的GDP。",
        ["50%以上", "60%以上"],
        id="shares-of-measures-at-least",
    ),
    pytest.param("研发投入强度达到5%以上的企业有120家。", ["120家"], id="percent-bound-of-a-class"),
    # A builder's newly signed contracts are its orders, no contract value a subsidy is reckoned on
    pytest.param(
        "上海建工全年新签合同额4826亿元，同比增长5.3%。", ["4826亿元", "5.3%"], id="contracts-newly-signed"
    ),
    # A bound before 的省份 says which provinces are counted: the count is the fact, not the bound
    pytest.param(
        "经济总量超过5万亿元的省份有6个，分别是广东、江苏、山东、浙江、河南、四川。",
        ["6个"],
        id="bound-of-the-provinces-counted",
    ),
    # 共有18个省份增速高于全国: the count of the places that did so is no structure of the text
    pytest.param(
        "从增速看，共有18个省份增速高于全国平均水平。", ["18个"], id="provinces-counted-after-in-all"
    ),
    # Satellites in orbit are counted like stations and sites
    pytest.param("截至2025年末，全省在轨运行卫星超过120颗。", ["超过120颗"], id="satellites-in-orbit"),
    # Medicines approved are counted like new drugs
    pytest.param("2025年，全省完成80个仿制药获批上市。", ["80个"], id="generic-drugs-approved"),
    # A fall with a base of time is an indicator, whatever makes it
    pytest.param("2025年，全省单位产品生产成本同比下降4%。", ["4%"], id="a-cost-fall-year-on-year"),
    # A bounded size ending a clause led by what brought it about is an outcome; before a noun
    # (投资额超1亿元的项目) it would be the threshold that picks the projects.
    pytest.param(
        "全年支持设备更新项目30个，带动投资额超5000万元。",
        ["30个", "超5000万元"],
        id="investment-brought-about",
    ),
    # 营收超百亿元的链主企业: the bound says which firms are counted; the count is the fact
    pytest.param("力争培育5家以上营收超百亿元的链主企业。", ["5家以上"], id="bound-of-a-class-of-firms"),
    # An average price is an indicator (one product's price is not)
    pytest.param(
        "2023年，全省新建商品住宅平均售价为12000元/平方米。", ["12000元/平方米"], id="average-price"
    ),
    pytest.param("2023年，全省工业机器人产量3.2万套，增长18%。", ["3.2万套", "18%"], id="industry-output"),
    pytest.param("2023年，全省人工智能企业达到1200家。", ["1200家"], id="count-of-firms"),
    # A ·-item written as a sentence (ending in 。) is a bullet of the text, not a link to another.
    pytest.param("·2023年，全省新能源汽车产量86万辆。", ["86万辆"], id="bullet-sentence"),
    # The size of the place where things happen (…的某某园里) describes it; what happens there is the fact.
    pytest.param("3平方公里的星河科技园里，已集聚50家企业。", ["50家"], id="size-of-the-place-is-no-fact"),
    # Places a business reaches are an outcome; places a release looks at are not (31个省份三季报出炉).
    pytest.param("2023年，星河物流公司业务已覆盖全国12个省份。", ["12个"], id="places-reached"),
    # 是一家 introduces the firm the text is about: its figures stay facts.
    pytest.param("星河科技是一家工业软件公司，2023年营业收入4.2亿元。", ["4.2亿元"], id="introduced-firm"),
    pytest.param("2023年，全市软件和信息服务业营业收入增长12.4%。", ["12.4%"], id="industry-revenue-growth"),
    pytest.param("2023年，全省研发经费投入强度达到2.6%。", ["2.6%"], id="rd-intensity"),
    pytest.param("2023年，全省新能源汽车产量86万辆。", ["86万辆"], id="vehicles-made"),
    pytest.param("2023年，星河集团营业收入6.8亿元。", ["6.8亿元"], id="a-groups-revenue"),
    pytest.param("2023年，全省建成省级智能工厂120个。", ["120个"], id="count-of-factories"),
    pytest.param(
        "2023年，全市数字经济核心产业增加值占地区生产总值比重达12.5%。", ["12.5%"], id="share-of-gdp"
    ),
]


@pytest.mark.parametrize("sentence", NOT_FACTS)
def test_not_a_fact(sentence):
    assert [f.quantity_text for f in facts_of("安徽产业观察", sentence)] == []


@pytest.mark.parametrize(("sentence", "quantities"), FACTS)
def test_a_fact(sentence, quantities):
    assert [f.quantity_text for f in facts_of("安徽产业观察", sentence)] == quantities


def test_a_call_for_applications_states_criteria_not_outcomes():
    sentence = "支持建设行业级工业互联网平台，连接设备数量超过10万台（套），服务企业不少于500家。"
    assert facts_of("申报启动｜2026年度工业互联网创新发展专项", sentence) == []
    assert facts_of("工业互联网创新发展成效", sentence) != []  # the same words elsewhere are outcomes
