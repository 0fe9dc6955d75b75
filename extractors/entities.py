"""The entity a number measures: a place or organisation heading its clause, else the paragraph's
subject, else the region of the article (its headline, its publisher, its text)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from extractors.periods import may_state_time, time_chars, time_pattern
from extractors.regions import event_name, first_place, home_words, leading_place, place_spans
from extractors.rulebook import alternation, any_of, rules, word_list
from indicators.model import Document

_LEAD = re.compile(
    r"^[\s，,、“”\"（）()]*(?:其中|同时|此外|另外|据统计|数据显示|据悉|目前|当前|同期|在|由)?[，,\s]*"
)
# The letters _LEAD can open with, besides a space.
_LEAD_LETTERS = frozenset('，,、“”"（）()其同此另据数目当在由')
_CLAUSE = re.compile(r"[，,；;：:]")


@cache
def _org_pattern() -> re.Pattern:
    strong = word_list("regions", "org_suffixes")
    weak = word_list("regions", "weak_org_suffixes")
    suffixes = alternation(strong + weak)
    not_start = alternation(word_list("regions", "not_org_start"))
    return re.compile(
        rf"^(?!{not_start})(?P<org>(?P<stem>[\u4e00-\u9fffA-Za-z0-9]{{1,10}}?)(?P<suffix>(?:{suffixes})+))"
        rf"(?=[\u4e00-\u9fff\d“（(]|$)"
    )


@cache
def _any_suffix() -> tuple[re.Pattern, int]:
    """A search for any org suffix (its letters skipped to fast), and the longest one's length."""
    suffixes = word_list("regions", "org_suffixes") + word_list("regions", "weak_org_suffixes")
    return re.compile(alternation(suffixes, searched=True)), max(map(len, suffixes))


@cache
def _strong_suffixes() -> frozenset[str]:
    return frozenset(word_list("regions", "org_suffixes"))


def document_region(doc: Document) -> str | None:
    """The region a document is about when a sentence does not say: publisher, then title, then text."""
    publishers = rules("regions")["publishers"]
    if doc.publisher and doc.publisher in publishers:
        return publishers[doc.publisher]
    return (
        first_place(doc.title or "", local=True)
        or _publisher_place(doc.publisher)
        or _not_country_of_home(_opening_place(doc.text), doc.text)
        or _national_source(doc.text)
    )


def document_entity(doc: Document, reader: EntityReader) -> str | None:
    """Who a document is about when a sentence does not say: the place or organisation its headline
    opens with, a place its headline names, its publisher's region, a place its text opens with."""
    title = doc.title or ""
    publishers = rules("regions")["publishers"]
    return (
        colon_name(title, reader)
        or reader.headline(title)
        or first_place(title, local=True)
        or (publishers.get(doc.publisher) if doc.publisher else None)
        or _publisher_place(doc.publisher)
        or _not_country_of_home(_opening_place(doc.text), doc.text)
        or _national_source(doc.text)
    )


def _national_source(text: str) -> str | None:
    """据国家统计局消息，5月份，制造业PMI为49.6%: a national body's figures, named by no place, are the
    country's (rules/regions.yaml national_sources) — unless the text speaks of its own city (我市…)."""
    return _not_country_of_home("全国" if _national_sources().search(text, 0, 200) else None, text)


@cache
def _national_sources() -> re.Pattern:
    return re.compile(alternation(word_list("regions", "national_sources")))


def _publisher_place(publisher: str | None) -> str | None:
    """上海统计, 浙江发布, 杭州发布: an account named after its place reports on that place."""
    lead = leading_place(publisher or "")
    return lead[1] if lead and lead[1] not in ("全国", "全球") else None


def _not_country_of_home(place: str | None, text: str) -> str | None:
    """全国 or 全球 read in a text for want of any other place is not the region of a text that speaks
    of its own province or city (全省…，打造具有全国影响力的…): that region is unknown."""
    if place in ("全国", "全球") and any(w in text for w in _own_region_words()):
        return None
    return place


@cache
def _own_region_words() -> tuple[str, ...]:
    """The home words of rules/regions.yaml that name the writer's own province or city (全省, 本市,
    我市…; not 该市, which names another, nor 市级 or 全域)."""
    return tuple(w for w in home_words() if w[-1] in "省市" and not w.startswith("该"))


def _opening_place(text: str) -> str | None:
    """The place a text opens with; a text opening on three places or more with 全国 among them is
    about the country (31个省市区…：广东居榜首，浙江超江苏…), not about the first province named."""
    spans = place_spans(text[:500])
    local = {name for _, _, name in spans if name not in ("全国", "全球")}
    if len(local) >= 3 and any(name == "全国" for _, _, name in spans):
        return "全国"
    # 分区域看，东部地区…: the places of a breakdown are parts of the text's region, not the region.
    breakdown = _BREAKDOWN.search(text, 0, 500)
    return first_place(text[: breakdown.start() if breakdown else 500], local=True)


_BREAKDOWN = re.compile(r"分(?:区域|地区|省份|城市|省|市)(?:看|来看)")


class EntityReader:
    """Reads subjects in one document. Names are counted in the document once and remembered, and a
    sentence's clauses are read once, whatever the number of quantities in it."""

    def __init__(self, document_text: str, title: str | None = None) -> None:
        self.text = document_text
        self._counts: dict[str, int] = {}
        self.introductions = introductions(document_text, title, self)
        named = {n for n, _ in self.introductions.values()} | titled_names(document_text, self)
        # A place named in quotes (社区“X”) is named, not introduced as what the text is about.
        self._introduced = sorted(
            (pos, name) for pos, (name, how) in self.introductions.items() if how != "quoted"
        )
        self.aliases = latin_aliases(document_text, self)
        self.names = tuple(sorted(named, key=len, reverse=True))

    def opens_with_product(self, sentence: str) -> bool:
        """该产品…: the sentence is about a product, whose maker is who it counts for."""
        return sentence.startswith(tuple(word_list("regions", "product_anaphors")))

    def first_introduced(self) -> str | None:
        """The first organisation the text introduces (…是一家…公司), wherever it does."""
        found = sorted((pos, name) for pos, (name, how) in self.introductions.items() if how == "verb")
        return found[0][1] if found else None

    def introduced_in(self, start: int, end: int) -> str | None:
        """The last organisation the text introduces between start and end (…是一家…公司)."""
        i = bisect_left(self._introduced, (end,)) - 1  # the last one before end
        return self._introduced[i][1] if i >= 0 and self._introduced[i][0] >= start else None

    def count(self, name: str) -> int:
        if name not in self._counts:
            self._counts[name] = self.text.count(name)
        return self._counts[name]

    def headline(self, headline: str) -> str | None:
        """The place or organisation a headline opens with: 广东东莞重点实施… -> 东莞; 上汽集团智电… -> 上汽集团."""
        return _subject(headline, self)

    def sentence(self, sentence: str) -> SentenceSubjects:
        return SentenceSubjects(sentence, self)


class SentenceSubjects:
    """The subjects of a sentence's clauses.

    `at(pos)` is the place or organisation opening the last clause before pos that opens with one
    (or a district doing the counting inside pos's clause). An organisation is a name ending in an
    org suffix (集团, 科技, 电网 …); one with a weak suffix must recur in the document: named entities
    recur, verb phrases that happen to end in 汽车 or 空间 do not. `carried` is what the next
    sentences inherit: the same, but a part named after 其中 does not count.
    """

    def __init__(self, sentence: str, reader: EntityReader) -> None:
        self.text = sentence
        self.reader = reader
        marks = list(_CLAUSE.finditer(sentence))
        self.starts = [0] + [m.end() for m in marks]
        self._ends = [m.start() for m in marks] + [len(sentence)]
        # Read clause by clause, only as far as asked: the subject in force after each clause.
        self.running: list[str | None] = []
        self._found: str | None = None
        self._own: dict[int, str | None] = {}  # the subject clause i names itself

    def _clause_subject(self, i: int) -> str | None:
        if i not in self._own:
            pos = self.starts[i]
            clause = self.text[pos : self._ends[i]]
            own = anaphor(clause, self.text[:pos]) or _subject(clause, self.reader) or _agent_place(clause)
            # 某某大学等8家单位…: the first of the names counted is an example, no subject to carry on
            at = clause.find(own) if own else -1
            self._own[i] = None if at >= 0 and _NAMES_THEN_COUNT.match(clause, at + len(own)) else own
        return self._own[i]

    def _read(self, upto: int) -> None:
        while len(self.running) <= upto:
            self._found = self._clause_subject(len(self.running)) or self._found
            self.running.append(self._found)

    @property
    def carried(self) -> str | None:
        """What the next sentences inherit: the subject of the last clause that names one, not
        counting a part named after 其中 (read from the end: the clauses before it do not matter)."""
        for i in range(len(self.starts) - 1, -1, -1):
            subject = self._clause_subject(i)
            if subject and not self.text[self.starts[i] : self._ends[i]].lstrip("，, ").startswith("其中"):
                return subject
        return None

    def before_clause(self, pos: int) -> str | None:
        """The subject in force before the clause of pos (its own left out)."""
        i = bisect_right(self.starts, pos) - 1
        if i == 0:
            return None
        self._read(i - 1)
        return self.running[i - 1]

    def clause_at(self, pos: int) -> str:
        """The words of the clause of pos."""
        i = bisect_right(self.starts, pos) - 1
        return self.text[self.starts[i] : pos]

    def at(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        clause = self.text[self.starts[i] : pos]
        own = (
            _agent_place(clause)
            or anaphor(clause, self.text[: self.starts[i]])
            or _subject(clause, self.reader)
        )
        if own and not _example(own, clause):
            return own  # the clauses before it need not be read
        whole = _whole_of_counted(self.text, pos)
        if whole:
            return whole  # (共有)18个省份增速高于全国: the country the provinces make up
        base = BASE_IN_BRACKETS.search(self.text, max(0, pos - 10), pos)
        if base:
            return "全国" if base.group(1) == "全国" else HOME  # 高于全国平均水平（5.2%）: the country's own
        if i > 0:
            self._read(i - 1)
        return (self.running[i - 1] if i > 0 else None) or self._after_dash(pos)

    def _after_dash(self, pos: int) -> str | None:
        """产品覆盖200多个国家、用户超2亿——…的某某（稀宇科技）也没有放弃…: figures that open a sentence
        and name no one belong to the organisation named right after the dash."""
        dash = self.text.find("——", pos)
        if dash < 0:
            return None
        after = _CLAUSE.split(self.text[dash + 2 :], maxsplit=1)[0]
        head = _subject(after, self.reader)
        if head:
            return head
        for m in _BRACKETED.finditer(after):  # Minimax（稀宇科技）: the registered name in brackets
            if _organisation(m.group(1), self.reader) == m.group(1):
                return m.group(1)
        return None


_NAMES_THEN_COUNT = re.compile(r"(?:、[^、，。；等]{1,12})*等(?:约|近|超过|超|逾)?[\d一二两三四五六七八九十]")
_EXAMPLES_BEFORE = re.compile(r"等(?:约|近|超过|超|逾)?$")


def _example(name: str, clause: str) -> bool:
    """电气数科、宝信软件等2家, 华东理工大学等8家单位: a name that only a list of names separates from
    the 等 right before the number is an example of what is counted, not who counts (天津修订…政策
    支持集成电路等12个产业 keeps 天津)."""
    end = _EXAMPLES_BEFORE.search(clause)
    at = clause.rfind(name)
    if not end or at < 0:
        return False
    between = clause[at + len(name) : end.start()]
    return len(between) <= 12 and not _verb_inside().search(between)


def _agent_place(clause: str) -> str | None:
    """带动所在徐汇区集聚超1500家AI企业: a district or city inside the clause that does the counting."""
    if not _AGENT_WORD.search(clause):
        return None  # no word that marks one (most clauses): its places need not be read
    for start, end, name in place_spans(clause):
        if name in ("全国", "全球"):
            continue
        if clause[max(0, start - 2) : start] in _AGENT_BEFORE or clause[end : end + 2] in _AGENT_AFTER:
            return clause[start:end]
    return None


# The words right before or after an agent place.
_AGENT_BEFORE = ("所在", "位于")
_AGENT_AFTER = ("集聚", "拥有", "共有")
_AGENT_WORD = re.compile("|".join(_AGENT_BEFORE + _AGENT_AFTER))


# The subject of a clause that opens with 全市, 全省, 本市…: the document's own region.
HOME = "<home>"

_SITE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:超级工厂|工厂|基地|研发中心|总部)")
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,12})[）)]")
_ANAPHOR = re.compile(r"^[\s，,]*(?:该|这家|此)(集团|公司|企业|项目|工厂|园区)")
# A clause opening with these refers to the organisation the text is about: 公司获得授权发明专利32项.
REFERS_BACK = re.compile(r"^[\s，,]*(?:截至目前，|目前，)?(?:该公司|公司|该企业|其|企业|集团)")


def opens_with_anaphor(text: str) -> bool:
    return _ANAPHOR.match(text) is not None


def anaphor(clause: str, before: str) -> str | None:
    """该集团 -> the 集团 named last before it: …隶属于希腊卡迪夫航运集团，该集团船队规模达135艘."""
    m = _ANAPHOR.match(clause)
    if not m:
        return None
    end = before.rfind(m.group(1))
    if end < 0:
        return None
    name = re.split(r"[，,、。；的于和与及在是“”\"]", before[max(0, end - 8) : end])[-1]
    opening = before.rfind("“", 0, end)
    if before[end + len(m.group(1)) : end + len(m.group(1)) + 1] == "”" and 0 <= end - opening <= 30:
        name = before[opening + 1 : end]  # “半导体核心零部件及系统项目”: the quoted name whole
    if re.search(r"[\d/]", name):
        return None  # 25万吨/年热塑性弹性体项目: a project described by its capacity, not named
    for start, stop, _ in place_spans(name):  # 希腊卡迪夫航运 -> 卡迪夫航运
        if start == 0 and stop < len(name):
            name = name[stop:]
            break
    return name + m.group(1) if len(name) >= 2 else None


def _organisation(head: str, reader: EntityReader) -> str | None:
    # The name's suffix starts after a stem of 1 to 10 letters: with none there (most clauses), the
    # pattern, which tries each stem length, need not run.
    suffix, longest = _any_suffix()
    first = suffix.search(head, 1, 10 + longest)
    if first is None or first.start() > 10:
        return None
    m = _org_pattern().match(head)
    if not m or head[m.end() : m.end() + 1] == "的":
        return None  # 中远海运集运有限公司的12艘…: the customer of a list item, not the subject
    # A weak suffix needs the name (or its stem: 沪东中华 of 沪东中华造船) named again elsewhere.
    stem = m.group("stem")
    if re.search(
        r"\d|^[一二两三四五六七八九十]|[一二两三四五六七八九十]大|[的是在了和与及或从对把被向于以到再为占]",
        stem,
    ):
        return None  # 10亿元以上项目, 三大船厂, 上海三大造船企业: a description, not a name
    strong = any(w in m.group("suffix") for w in _strong_suffixes())
    registered = re.search(r"有限公司|股份|有限责任", m.group("suffix"))  # a registered name says so itself
    if len(stem) < 2 or (_verb_inside().search(stem) and not registered):
        return None  # 硬科技, 落实科技…: a word, not a name
    rest = head[m.end() :]
    if not strong and (_place_or_verb(stem) or rest.startswith(_SECTOR_WORDS)):
        return None  # 上海软件…: a place before a weak suffix is no name; 民用航空产业 is a sector
    if _SECTORS_LISTED.match(rest):
        return None  # 长兴岛船舶与海洋工程装备产业: sectors joined, then 产业 — no firm
    if not strong and not _recurs(m.group("org"), stem, reader):
        return None
    owner = rest.find("旗下")
    if 0 <= owner <= 12:  # 中国船舶集团有限公司旗下江南造船 -> 江南造船
        return _organisation(rest[owner + 2 :], reader) or m.group("org")
    registered_end = _REGISTERED_TAIL.match(rest)
    if registered_end:
        return m.group("org") + registered_end.group(0)  # 东海船舶 of 东海船舶修造有限公司 is not all of it
    return m.group("org")


_SECTOR_WORDS = ("产业", "行业", "领域", "市场", "板块", "赛道", "集群", "产业链")
_SECTORS_LISTED = re.compile(r"[与和及、][\u4e00-\u9fff]{1,10}?(?:产业|行业|领域|板块|集群)")
# The rest of a registered name after a suffix met early in it: 船舶|修造有限公司.
_REGISTERED_TAIL = re.compile(r"(?:(?![与和及同的是在对为、])[\u4e00-\u9fff]){0,8}?(?:有限责任公司|有限公司)")


def _recurs(org: str, stem: str, reader: EntityReader) -> bool:
    return reader.count(org) >= 2 or (len(stem) >= 2 and reader.count(stem) >= 2)


def _place_or_verb(stem: str) -> bool:
    spans = place_spans(stem)
    if spans and spans[0][0] == 0 and spans[0][1] == len(stem):
        return True
    return bool(_verb_inside().search(stem))


@cache
def _verb_inside() -> re.Pattern:
    words = [w for w in word_list("regions", "not_org_start") if len(w) > 1]
    return re.compile(alternation(words, searched=True))


@cache
def _known_orgs() -> re.Pattern:
    """One alternation of the known organisations, longest first (not one startswith per name)."""
    return re.compile(alternation(word_list("regions", "known_orgs")))


@cache
def _known_org_letters() -> frozenset[str]:
    return frozenset(name[0] for name in word_list("regions", "known_orgs"))


def subject_of(phrase: str, reader: EntityReader) -> str | None:
    """The place or organisation a phrase opens with (某某工厂下线 -> 某某工厂)."""
    return _subject(phrase, reader)


def _subject(clause: str, reader: EntityReader) -> str | None:
    clause = _strip_time(clause)
    # (the lead matches at the start, if only nothing; opening on none of its letters, nothing)
    lead = _LEAD.match(clause).end() if clause[:1] in _LEAD_LETTERS or clause[:1].isspace() else 0
    head = clause[lead:]
    if "最" in head[:8] and (best := SUPERLATIVE.match(head)):
        head = head[best.end() :]  # 增幅最大的湖北省…: the place that did best is the subject
    if not head:
        return None
    if head.startswith(home_words()) or ("个" in head and _regions_looked_at().fullmatch(head)):
        # 全省生产总值增长5.6%: the region the document is about, whatever was named before; and
        # 17个市州中，有12个…: the set of its parts, after a sentence about one of them.
        return HOME
    # Matched only when the head opens on a letter a known organisation opens with.
    m = _known_orgs().match(head) if head[0] in _known_org_letters() else None
    known = m.group(0) if m and not head.startswith(_SECTOR_WORDS, m.end()) else None
    if known and reader.names:
        # 华虹宏力 introduced by the text (以下简称“华虹宏力”) is more of the name than the known 华虹.
        known = next((n for n in reader.names if len(n) > len(known) and head.startswith(n)), known)
    # A name the text introduced, anywhere in the clause (牛志海所在的某某新材是一家…), unless the clause
    # opens with a partner (与…签署: the other party of the deal).
    if head[0] not in "与和同跟向对为":
        known = known or (
            next((name for name in reader.names if name in head), None) if reader.names else None
        )
    org = (
        _organisation(head, reader)
        or known
        or _short_name(head, reader)
        or _modified_name(head, reader)
        or _latin_name(head, reader)
    )
    if org and head.startswith(org):
        # 特斯拉上海超级工厂, 上汽集团临港基地: a firm's plant or base named by its place is the entity.
        site = _SITE.match(head, len(org))
        if site and place_spans(site.group(1)):
            return org + site.group(0)
    if org:
        return org
    if head.startswith("中国") and _COUNTRY_NAMED_FIRMS.match(head):
        return None  # 中国星网、中国中化等总部…: firms named after the country, not the country
    lead = leading_place(head)
    if lead and lead[1] in ("全国", "全球") and head.startswith(_SHARE_OF_A_MARKET, lead[0]):
        return None  # 全球市场占有率超过8%: the share of the world's market held by whoever the text is about
    if lead and lead[1] in ("全国", "全球") and event_name().match(head, lead[0]):
        # 世界人工智能大会, 中国国际工业博览会: the name of an event held somewhere, not the world
        return None
    if lead:
        # The most specific of the places that open the clause: 广东东莞 -> 东莞; 上海核心区 keeps its zone.
        end, name = lead
        zone = next((z for z in word_list("regions", "zones") if head[end:].startswith(z)), None)
        return head[:end] + zone if zone else name
    return None


_SHARE_OF_A_MARKET = ("市场占有率", "市场份额", "占有率", "份额")
# 增幅最大的湖北省…: a superlative before the place whose number it is.
SUPERLATIVE = re.compile(r"[\u4e00-\u9fff]{1,6}?最(?:大|高|快|多|小|低|慢|少)的(?=[\u4e00-\u9fff])")
# 高于全国平均水平（5.2%）: the rate in brackets is the named whole's own.
BASE_IN_BRACKETS = re.compile(r"(全国|全省|全市)(?:平均)?(?:水平|平均值)?[（(]$")


def _whole_of_counted(text: str, pos: int) -> str | None:
    """A count of provinces is the country's; of a province's or a city's parts (市州, 区县), its own."""
    m = _counted_regions().match(text, pos)
    if not m or not _changed().search(_CLAUSE.split(text[m.end() :], maxsplit=1)[0]):
        return None  # 业务覆盖10个省份: places reached by whoever the text is about
    return "全国" if m.group(1) in word_list("regions", "national_parts") else HOME


@cache
def _changed() -> re.Pattern:
    return any_of("noise", "changes")


@cache
def _counted_regions() -> re.Pattern:
    regions = alternation(word_list("regions", "national_parts") + word_list("noise", "regions_counted"))
    return re.compile(rf"[\d一二两三四五六七八九十]+个?({regions})")


@cache
def _regions_looked_at() -> re.Pattern:
    """在17个市州中, 全部11个设区市里: a clause naming only the set of regions a count is taken over."""
    regions = alternation(word_list("noise", "regions_counted"))
    return re.compile(rf"(?:在|全部)?[\d一二两三四五六七八九十]+个(?:{regions})(?:中|里|当中)")


_COUNTRY_NAMED_FIRMS = re.compile(r"中国[\u4e00-\u9fff]{2,4}、中国")
# A clause that is a noun phrase ending in a name: 2023年落户虹口的山铁绿能科技公司，…;
# 4.2平方公里的张江机器人谷里，…: the name is what the clauses after it are about.
_MODIFIED = re.compile(r"的([\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:里|内)?$")


# A product or firm written in Latin letters opening a clause (Gemini 3在…, OpenAI推出…); capitals
# alone are acronyms of measures or fields (GDP, AI), not names.
_LATIN_NAME = re.compile(r"[A-Z]?[a-z]*[A-Z]?[a-z]+[A-Za-z]*(?: ?\d+(?:\.\d+)?)?(?=[\u4e00-\u9fff])")


def _latin_name(head: str, reader: EntityReader) -> str | None:
    if not head[:1].isascii():
        return None  # a Chinese letter first (most heads): no Latin name opens it
    m = _LATIN_NAME.match(head)
    if not m or len(m.group(0)) < 3 or reader.count(m.group(0)) < 2:
        return None
    return reader.aliases.get(m.group(0), m.group(0))


# A firm's Latin name in brackets after its Chinese one: 稀宇科技（MiniMax）. Found from the bracket,
# then the Chinese name before it (a pattern opening on the name would retry at every character).
# One pattern for each bracket: opening on a letter, the engine skips fast to it (on a class of two,
# it tests every letter of the text).
_LATIN_IN_BRACKETS = tuple(re.compile(rf"{b}([A-Za-z][A-Za-z0-9 .\-]{{1,20}})[）)]") for b in ("（", r"\("))
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def latin_aliases(text: str, reader: EntityReader) -> dict[str, str]:
    """Latin name -> the organisation's Chinese name, for the text's later mentions by the former."""
    out = {}
    for m in sorted((m for p in _LATIN_IN_BRACKETS for m in p.finditer(text)), key=lambda m: m.start()):
        before = _HAN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        name = _organisation(before.group(0), reader) if before else None
        if name and before.group(0).endswith(name):
            out.setdefault(m.group(1).strip(), name)
    return out


def _modified_name(head: str, reader: EntityReader) -> str | None:
    if "的" not in head:
        return None  # no 的 (most heads): no name after one
    m = _MODIFIED.search(head)
    if not m:
        return None
    name = m.group(1)
    return name if _organisation(name, reader) == name else None


def _strip_time(text: str) -> str:
    """Drop time expressions that open a clause: 2025年，上海… -> 上海…."""
    if text[:1] not in _strip_starts():
        return text  # most clauses: no time and no comma can open them
    if not may_state_time(text):
        return text.lstrip("，, ")  # no time anywhere in it: only the commas go
    for _ in range(3):
        text = text.lstrip("，, ")
        m = time_pattern().match(text)
        if not m:
            break
        text = text[m.end() :]
    return text.lstrip("，, ")


@cache
def _strip_starts() -> frozenset[str]:
    """The characters a time expression (the pattern's lookahead) or a stripped comma starts with."""
    return frozenset(time_chars()) | frozenset("，, ")


@cache
def _introduction() -> re.Pattern:
    """What introduces an organisation right after its name: （以下简称“某某”）, 是一家….

    Each alternative opens on a letter of its own (the verbs grouped by their first letter): the
    engine then skips fast to where one can start, which it does not for a lookahead. A match
    with no short name (`short`, or `paren` after a Latin bracket) is a verb's."""
    words = word_list("regions", "introductions")
    short = r"(?:以下)?简称[“\"]?(?P<{}>[^”\"（()）]{{2,10}}?)[”\"]?[）)]"
    verbs = [
        re.escape(c) + alternation([w[1:] for w in words if w[0] == c])
        for c in dict.fromkeys(w[0] for w in words)
    ]
    return re.compile("|".join([f"（{short.format('short')}", f"\\({short.format('paren')}", *verbs]))


_NAME_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,24}$")


_NAME_CUT = re.compile(r".*(?:[，。；：、“”]|的|在|与|和|及|所在|旗下|也|说)")


def introductions(text: str, title: str | None, reader: EntityReader) -> dict[int, tuple[str, str]]:
    """Offset -> (name, how) of each organisation the text introduces, and one its headline names
    before a colon (百团百项｜某某化学：…) when the text names it again."""
    out: dict[int, tuple[str, str]] = {}
    for m in _introduction().finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 24), m.start())
        short = m.group("short") or m.group("paren")
        if not before or (not short and "简称" in before.group(0)):
            continue  # …（以下简称某某）成立于…: the short name was taken at its own bracket
        full = _NAME_CUT.sub("", before.group(0))
        name = short or full
        if (
            len(name) < 2
            or re.search(r"\d|^[其该这此它他她]", name)
            or leading_place(name) == (len(name), name)
        ):
            continue
        out[before.start()] = (name, "short" if short else "verb")
    # Found from the quote (the engine skips fast to one letter, not to the first letters of the
    # places), then the place word right before it.
    places, longest = _named_place_before()
    for m in _QUOTED.finditer(text):
        if places.search(text, max(0, m.start() - longest), m.start()):
            out.setdefault(m.start(1), (m.group(1), "quoted"))
    for m in _launched().finditer(text) if "「" in text else ():  # (most texts have no 「: no scan)
        out.setdefault(m.start(1), (m.group(1).strip(), "verb"))
    name = colon_name(title or "", reader)
    if name:
        out[0] = (name, "headline")
    return out


@cache
def _launched() -> re.Pattern:
    """A programme the text launches under a name in 「」 (联合开设「…实训营」): what it goes on about."""
    return re.compile(
        rf"(?:{alternation(word_list('regions', 'launch_verbs'), searched=True)})了?「([^「」]{{2,30}})」"
    )


# A community, park or platform given a name in quotes (大模型创新生态社区“模速空间”): the place the
# sentences after it (这里, 成立2年多来…) are about.
_QUOTED = re.compile(r"“([\u4e00-\u9fffA-Za-z0-9]{2,12})”")


@cache
def _named_place_before() -> tuple[re.Pattern, int]:
    """A word of regions.yaml named_places ending the text searched (\\Z: at its end, not before a
    line end), and the longest one's length."""
    words = word_list("regions", "named_places")
    return re.compile(rf"(?:{alternation(words)})\Z"), max(map(len, words))


_BAR = re.compile(r"[｜|丨]")
_NUMBER_MARK = re.compile(r"\d{1,2}[.、．]\s*")
_NAME_COLON = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,10})[：:]")


@cache
def _person_title() -> re.Pattern:
    """A person's title (副总裁, 董事长…): the name right before it is an organisation's."""
    return any_of("regions", "person_titles")


# The name before a title: the letters from the last mark before it, two to eight of them.
_NAME_RUN = re.compile(r"(?<![\u4e00-\u9fffA-Za-z])[\u4e00-\u9fffA-Za-z]{2,8}$")


def titled_names(text: str, reader: EntityReader) -> set[str]:
    """Organisations the text names by the title of someone who speaks for them (阶跃星辰副总裁李璟),
    or as a party signing a deal (某某电气与…签署…合同), when the name recurs and is neither a place, a
    government nor a common noun (公司副总经理 names no one)."""
    out = set()
    for title in _person_title().finditer(text):
        m = _NAME_RUN.search(text, max(0, title.start() - 8), title.start())
        if m and _named_firm(_NAME_CUT.sub("", m.group(0)), reader):
            out.add(_NAME_CUT.sub("", m.group(0)))
    for deal in _SIGNS.finditer(text):
        clause = _CLAUSE_START.sub("", text[max(0, deal.start() - 40) : deal.start()])
        party = _PARTY.match(_strip_time(clause))
        if party and _named_firm(party.group(1), reader):
            out.add(party.group(1))
    return out


_SIGNS = re.compile(r"签署|签订|签约")
_CLAUSE_START = re.compile(r".*[，。；！？：\n]")
# The name opening a clause, then its partner in the deal: 某某电气与沙特某能源企业签署….
_PARTY = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8}?)(?:与|同|和)")


def _named_firm(name: str, reader: EntityReader) -> bool:
    """A name of an organisation, not a place, a government or a common noun. A place may open it when
    more of a name follows (上海电气, not 上海 or 上海市政府)."""
    if (
        len(name) < 2
        or name in _generic_names()
        or _only_suffixes(name)
        or re.match(r"[其该这此本我]", name)
        or _verb_inside().search(name)
        or reader.count(name) < 2
    ):
        return False
    spans = place_spans(name)
    if not spans:
        return True
    rest = name[spans[0][1] :] if spans[0][0] == 0 else ""
    return (
        len(rest) >= 2
        and not rest.startswith(tuple(word_list("regions", "zones")))
        and not rest.endswith(tuple(word_list("regions", "governments")))
        and not place_spans(rest)
    )


def _only_suffixes(name: str) -> bool:
    """有限公司 (of 叠境数字科技（上海）有限公司): the end of a name, not one."""
    return _suffixes_only().fullmatch(name) is not None


@cache
def _suffixes_only() -> re.Pattern:
    suffixes = alternation(word_list("regions", "org_suffixes") + word_list("regions", "weak_org_suffixes"))
    return re.compile(f"(?:{suffixes})+")


@cache
def _generic_names() -> frozenset[str]:
    return frozenset(word_list("regions", "generic_names"))


def colon_name(headline: str, reader: EntityReader) -> str | None:
    """The name a headline or heading puts before a colon (百团百项｜某某化学：…, 4. 某某金科：…),
    when it is no place and the text names it again, or the heading is numbered (a list of firms)."""
    if "：" not in headline and ":" not in headline:
        return None  # no colon: no name before one (most headings)
    for part in _BAR.split(headline):
        part = part.strip()
        numbered = _NUMBER_MARK.match(part)
        part = part[numbered.end() :] if numbered else part
        head = _NAME_COLON.match(part)
        if head and not place_spans(head.group(1)) and (numbered or reader.count(head.group(1)) >= 2):
            return head.group(1)
    return None


# A short name opening a clause, right before its time or its verb: 某某智芯2025年上半年…出货…
_SHORT_NAME = re.compile(
    r"^([\u4e00-\u9fff]{4,6}?)(?=(?:19|20)\d\d年|现有|已|累计|共有|拥有|目前|旗下|自成立)"
)


def _short_name(head: str, reader: EntityReader) -> str | None:
    """A name the text keeps using (a firm's short name, 4 to 6 characters, named twice or more) that
    opens a clause before its time or verb; not a place and not a phrase (推动…, 产业…)."""
    m = _SHORT_NAME.match(head)
    if not m:
        return None
    name = m.group(1)
    if reader.count(name) < 2 or place_spans(name) or _verb_inside().search(name):
        return None
    if re.match(alternation(word_list("regions", "not_org_start")), name):
        return None
    return name
