"""The one schema of the dataset in data/.

Every model forbids unknown keys. A fact that differs by place carries its own `source`.
`load_dataset` (sitegen.data.load) validates YAML against these models and reports problems as
`data/FILE.yaml:LINE field: message`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

# Reliability grades (GRADE_LABELS below says what each means); NL is a local paper, kept apart
# from national media.
Grade = Literal["P", "R", "N", "NL", "L", "S"]

GRADE_LABELS: dict[str, str] = {
    "P": "法律原文",
    "R": "官方文件的忠实转载",
    "N": "全国性主流媒体报道",
    "NL": "地方媒体报道",
    "L": "地方政府或医保部门页面",
    "S": "二手网站（仅作线索，可信度低）",
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from."""

    document: str = Field(description="文件或法律名称，如《基本医疗保险关系转移接续暂行办法》（医保办发〔2021〕43号）")
    article: str | None = Field(default=None, description="条款，如 第八十六条；未确认时留空")
    url: HttpUrl = Field(description="阅读该来源的网址")
    grade: Grade = Field(description="可信度等级 P/R/N/L/S")
    checked_on: datetime.date = Field(description="最近一次核对日期")
    note: str | None = Field(default=None, description="关于来源的说明，如“文号未确认”")
    quote: str | None = Field(default=None, description="在该页面上读到的原句（一字不改），供读者核对")


class Rule(Strict):
    """A national rule: one number or statement, with its sources."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    text: str = Field(description="规则的中文表述（自己的话）")
    value: int | Decimal | str | None = Field(default=None, description="规则中的数值，计算器使用")
    unit: str | None = None
    constant: str | None = Field(
        default=None,
        pattern=r"^[A-Z][A-Z0-9_]*$",
        description="calculators/rules.py 中对应常量名（由 sitegen rules 生成）",
    )
    sources: list[Source] = Field(min_length=1)


class Hotline(Strict):
    number: str = Field(pattern=r"^[0-9]{5,12}$")
    name: str
    caveat: str | None = Field(default=None, description="关于这个号码还不确定的地方，印在号码旁边")
    sources: list[Source] = Field(min_length=1)


FactKind = Literal[
    "transfer_time_limit",  # a faster local processing time
    "max_waiting_months",  # local maximum waiting period after a > 3-month gap (整数, value)
    "min_contribution_years",  # local minimum contribution years at retirement
    "enrolment_window",  # local 居民医保 central enrolment window; `year` is the 医保年度 paid for; value, when
    # both dates are known, "MM-DD/MM-DD" (start/end; an end month before the start month is in the next
    # calendar year, e.g. "10-20/02-28" for 2025-10-20 to 2026-02-28 when year is 2026); the text gives the dates
    "personal_account",  # how the personal account is handled
    "gap_rule",  # local rule on gaps / reconnecting
    "contribution_years",  # how transferred years are counted
    "incentive_step",  # 大病保险 incentive step size (value: 元 per step, int)
    "incentive_cap",  # 大病保险 incentive cap (value: "20%" as a share of the original limit, or an int in 元)
    "extension_window",  # 居民医保 span, after or at the end of the collection window, in which a payment
    # still counts, benefits starting at (or soon after) the payment; the text says exactly when; value as
    # enrolment_window ("01-01/02-28")
    "benefit_start",  # when 居民医保 benefits start for a payment in or after the window (text only)
    "resident_fixed_wait_months",  # local fixed waiting months after a lapse or late enrolment (value: int
    # months; left empty, with unit 天 and the days in the text, where the source counts days)
    "resident_months_per_lapsed_year",  # local variable waiting months per lapsed year (value: int months)
    "lapse_counting",  # how lapsed years are counted: value "after_first" (the first lapsed year adds
    # nothing beyond the fixed months) or "every" (each lapsed year adds months)
    "repair_fee_year",  # which year's individual fee a 修复 (repair) back-payment pays (text only)
    "lapse_illness_cut",  # the cut to the 大病保险 limit after a lapse (value: 元 per lapsed year, int)
    "employee_gap_wait",  # 职工医保: the waiting period after a gap (value: the longest it can be, in months,
    # whether or not the gap is paid back; the cases and the share of benefits go in the text)
    "note",
]


class LocalFact(Strict):
    """A fact that holds for one province or city only. It must carry a source."""

    kind: FactKind
    text: str
    year: int | None = Field(default=None, ge=2020, le=2100, description="适用的医保年度（如 2026 表示 2026年度）；不分年度时留空")
    value: int | Decimal | str | None = None
    unit: str | None = None
    source: Source


class Province(Strict):
    code: str = Field(pattern=r"^[1-9][0-9]0000$", description="GB/T 2260 六位代码")
    name: str = Field(description="全称，如 河北省")
    short_name: str = Field(description="简称，如 河北")
    kind: Literal["province", "autonomous_region", "municipality"]
    slug: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    facts: list[LocalFact] = []


class City(Strict):
    code: str = Field(pattern=r"^[1-9][0-9]{3}00$", description="GB/T 2260 六位代码")
    name: str = Field(description="全称，如 石家庄市")
    short_name: str = Field(description="简称，如 石家庄")
    province: str = Field(pattern=r"^[1-9][0-9]0000$", description="所属省级单位代码")
    kind: Literal["city", "autonomous_prefecture", "league", "prefecture", "municipality"]
    slug: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    agency: str | None = Field(default=None, description="医保经办部门名称，如 石家庄市医疗保障局")
    facts: list[LocalFact] = []


class Topic(Strict):
    """A topic page: the full national rules of one question, and the one sentence that city
    pages print instead of them."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="也是专题页的网址，如 topics/limits/")
    title: str
    short: str = Field(description="城市页面上代替全文的一句话")
    short_rules: list[str] = Field(min_length=1, description="short 这句话依据的规则 id")
    rules: list[str] = Field(min_length=1, description="专题页按顺序列出的规则 id")
    city_sentence: bool = Field(default=True, description="城市页面印出 short 这句话；false 时只在一行里列出专题标题和链接")


class National(Strict):
    rules: list[Rule]
    hotline: Hotline
    topics: list[Topic] = []
    checked_on: datetime.date


class Notice(Strict):
    """The State Council's notice that set a year's holidays (国务院办公厅关于YYYY年部分节假日安排的通知)."""

    title: str = Field(description="通知标题，如 国务院办公厅关于2026年部分节假日安排的通知")
    document: str | None = Field(default=None, description="文号，已知时填写，如 国办发明电〔2025〕7号")
    published: datetime.date | None = Field(default=None, description="发布日期，已知时填写")


class HolidayRange(Strict):
    """Consecutive rest days of one festival (the weekends inside the range included)."""

    name: str = Field(description="节日名称，如 春节")
    from_: datetime.date = Field(alias="from", description="第一天")
    to: datetime.date = Field(description="最后一天（含）")


CalendarStatus = Literal["official", "statutory"]


class CalendarYear(Strict):
    """One year of the working-day calendar (data/calendar/YYYY.yaml).

    official: the days as the State Council's notice arranges them (holidays and 调休 working
    weekend days). statutory: only the days 《全国年节及纪念日放假办法》 fixes; the calculators
    estimate the rest until the notice is published.
    """

    year: int = Field(ge=2004, le=2100)
    status: CalendarStatus
    notice: Notice | None = Field(default=None, description="official 年份必填")
    source: Source
    holidays: list[HolidayRange] = Field(description="放假的日期段")
    workdays: list[datetime.date] = Field(default=[], description="调休上班的周末日期")


# ---- The questions readers ask (data/questions.yaml), each mapped to where the site answers it ----

AnswerStatus = Literal["full", "partial", "none"]

ANSWER_STATUS_LABELS: dict[str, str] = {
    "full": "已回答",
    "partial": "部分回答",
    "none": "还没有找到来源",
}


class AnswerRef(Strict):
    """Where a question is answered: a topic page (and the rules on it that answer), or another
    generated page (its src_uri, optionally with a heading anchor)."""

    topic: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$", description="专题 id（topics/<id>）")
    rules: list[str] = Field(default=[], description="专题页上回答这个问题的规则 id")
    page: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$",
                             description="其他生成页面，如 plan.md 或 calculators.md#锚点")

    @model_validator(mode="after")
    def _one_target(self) -> "AnswerRef":
        if (self.topic is None) == (self.page is None):
            raise ValueError("topic 和 page 必须且只能填一个")
        if self.page is not None and self.rules:
            raise ValueError("rules 只能和 topic 一起用")
        return self


class Question(Strict):
    """One question readers ask, in our own words."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    cluster: str = Field(description="所属类别的 id")
    text: str = Field(description="问题（自己的话，不照抄来源）")
    seen: int = Field(ge=1, description="整理时大致见到的次数（标题、小标题、相关文章列表）")
    answers: list[AnswerRef] = Field(min_length=1, description="本站回答它的页面")
    status: AnswerStatus = Field(description="现在回答得怎样：full/partial/none")
    before: AnswerStatus = Field(description="本清单建立之前（2026-12-06 的页面）回答得怎样")
    note: str | None = Field(default=None, description="为什么只是部分回答或没有回答；还缺什么")


class QuestionCluster(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str


class QuestionInventory(Strict):
    """data/questions.yaml: what readers ask about moving 医保, and where the site answers it."""

    checked_on: datetime.date
    method: str = Field(description="问题是怎样收集、怎样计数的")
    clusters: list[QuestionCluster] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)


class Dataset(Strict):
    national: National
    provinces: dict[str, Province]  # by code
    cities: dict[str, City]  # by code
    calendar: dict[int, CalendarYear] = {}  # by year
    questions: QuestionInventory | None = None  # data/questions.yaml, if present
