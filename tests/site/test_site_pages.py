"""sitegen.pages.pages on a small fixture dataset: the pages each record gets, the serve path for bad
data (an error page naming file, line and field; every other page still rendered), escaping."""

from __future__ import annotations

import datetime
import html
import re

from types import SimpleNamespace

import markdown
import pytest
import yaml
from site_fixture_data import write_dataset

from calculators.errors import CalculatorError
from calculators.notes import Note
from sitegen.pages.contexts import MissingRules
from sitegen.pages.example import ExampleError
from sitegen.data.load import load_dataset
from sitegen.pages.pages import build_pages, province_nav
from sitegen.pages.forms import ASSETS_TOKEN
from sitegen.runtime.runtime_assets import asset_version
from sitegen.data.settings import SiteSettings

SETTINGS = SiteSettings(example_accepted=datetime.date(2026, 9, 24))


@pytest.fixture
def root(tmp_path):
    return write_dataset(tmp_path)


def pages_of(root, **kwargs) -> dict[str, str]:
    site = build_pages(load_dataset(root / "data"), SETTINGS, root=root, **kwargs)
    return {page.src_uri: page.content for page in site.pages}


def shown(page: str) -> str:
    """The text a reader sees: the page converted to HTML, tags stripped, entities decoded."""
    body = page.split("---", 2)[2] if page.startswith("---") else page
    html_text = markdown.markdown(body, extensions=["tables", "md_in_html", "attr_list", "admonition"])
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def append(path, text: str) -> int:
    """Append lines to a YAML file; return the line number of the first appended line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_every_record_gets_its_page(root):
    pages = pages_of(root)
    assert set(pages) == {
        "index.md", "corrections.md", "sources.md", "coverage.md", "calculators.md", "plan.md",
        "provinces/guangdong.md", "provinces/beijing.md",
        "cities/beijing.md", "cities/guangzhou.md", "cities/shenzhen.md",
        "cities/dongguan.md", "cities/zhongshan.md",
        *(f"topics/{t.id}.md" for t in load_dataset(root / "data").dataset.national.topics),
    }


def test_city_pages_are_not_in_the_nav_and_province_pages_are(root):
    site = build_pages(load_dataset(root / "data"), SETTINGS, root=root)
    in_nav = {p.src_uri for p in site.pages if p.in_nav}
    assert not any(uri.startswith("cities/") for uri in in_nav)
    assert site.provinces == [("北京市", "provinces/beijing.md"), ("广东省", "provinces/guangdong.md")]
    assert [uri for _, uri in site.topics] == [p.src_uri for p in site.pages if p.src_uri.startswith("topics/")]
    assert {uri for _, uri in site.topics} <= in_nav


def test_bad_city_becomes_an_error_page_naming_file_line_and_field(root):
    line = append(root / "data" / "cities" / "440300.yaml", "hotline: '12345'\n")
    pages = pages_of(root)
    error = pages["cities/shenzhen.md"]
    assert f"data/cities/440300.yaml:{line} hotline: 未知字段 hotline" in error
    assert "# 数据错误：data/cities/440300.yaml" in error
    # every other page is still there, and the province page no longer links the bad city
    assert "# 广州市医保关系转移接续" in pages["cities/guangzhou.md"]
    assert "# 中山市医保关系转移接续" in pages["cities/zhongshan.md"]
    assert "../cities/guangzhou.md" in pages["provinces/guangdong.md"]
    assert "../cities/shenzhen.md" not in pages["provinces/guangdong.md"]
    # editors see every problem on the overview page as well
    assert f"data/cities/440300.yaml:{line} hotline" in pages["index.md"]


def test_malformed_yaml_gets_an_error_page_at_its_code(root):
    (root / "data" / "cities" / "440300.yaml").write_text("code: '440300'\nname: [深圳\n", encoding="utf-8")
    pages = pages_of(root)
    assert "cities/shenzhen.md" not in pages
    error = pages["cities/440300.md"]
    assert re.search(r"data/cities/440300\.yaml:\d+: YAML 语法错误", error)
    assert "# 广州市医保关系转移接续" in pages["cities/guangzhou.md"]


def test_error_page_is_excluded_from_search(root):
    append(root / "data" / "cities" / "440300.yaml", "hotline: '12345'\n")
    front = pages_of(root)["cities/shenzhen.md"].split("---")[1]
    assert "search:\n  exclude: true" in front


def test_bad_national_rules_leave_only_a_page_of_problems(root):
    national = root / "data" / "national.yaml"
    national.write_text(national.read_text(encoding="utf-8").replace("checked_on: 2026", "checked_on: x2026", 1),
                        encoding="utf-8")
    pages = pages_of(root)
    assert list(pages) == ["index.md"]
    assert re.search(r"data/national\.yaml:\d+ checked_on: 应为日期", shown(pages["index.md"]))


def test_html_in_a_city_name_is_escaped(root):
    pages = pages_of(root)
    page = pages["cities/dongguan.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;东莞&#34;)&lt;/script&gt;东莞市" in page
    body = page.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["tables", "md_in_html", "attr_list", "admonition"])
    # The only scripts are the calculators' and the city chooser's own (loaded by URL); the name's markup is text.
    assert re.findall(r"<script[^>]*>", html) == [
        f'<script src="{ASSETS_TOKEN}/{asset_version()}/{name}" defer>' for name in ("calc.js", "chooser.js")
    ]
    assert "alert(" not in html.replace("&lt;script&gt;alert(&#34;", "")
    assert "<script>" not in pages["provinces/guangdong.md"]


def test_city_page_answers_first_then_local_then_national(root):
    page = pages_of(root)["cities/guangzhou.md"]
    headings = re.findall(r"^## (\d+)\. (.+?)(?: \{ data-search-exclude \})?$", page, flags=re.M)
    assert [h for _, h in headings] == [
        "先看这几条", "广州和广东自己的规定", "其他全国规定", "自己算一算", "本页的来源", "同省其他城市",
    ]
    assert [int(n) for n, _ in headings] == list(range(1, 7))
    assert page.count("# 广州市医保关系转移接续") == 1
    summary = page.split("## 1. ")[1].split("## 2. ")[0]
    for line in ("在哪里办", "要多久", "个人账户余额", "断缴的代价", "找谁问"):
        assert f"- **{line}**：" in summary


def test_city_page_condenses_national_topics_to_one_linked_sentence(root):
    pages = pages_of(root)
    topics = load_dataset(root / "data").dataset.national.topics
    page = pages["cities/beijing.md"]
    national = page.split("其他全国规定")[1].split("## 4. ")[0]
    for topic in topics:
        linked = f"(../topics/{topic.id}.md)"
        assert linked in page, topic.id  # every topic is reachable from the city page
        if f"**[{topic.title}]" in national:
            assert f"**[{topic.title}]{linked}**：{topic.short}" in national
    rules = load_dataset(root / "data").dataset.national.rules
    # the full text of a national rule is on its topic page, not on the city page
    assert not [r.id for r in rules if len(r.text) > 40 and r.text in page]
    for topic in topics:
        text = shown(pages[f"topics/{topic.id}.md"])
        for rule_id in topic.rules:
            rule = next(r for r in rules if r.id == rule_id)
            assert f"{rule.title}：{rule.text}" in text, rule_id


def test_only_secondary_rules_say_so_next_to_the_rule(root):
    page = shown(pages_of(root)["topics/limits.md"])
    rules = {r.id: r for r in load_dataset(root / "data").dataset.national.rules}
    for rule_id in ("transfer_out_workdays", "agency_inaction"):
        rule = rules[rule_id]
        line = next(line for line in page.splitlines() if line.startswith(f"{rule.title}："))
        weak = all(s.grade == "S" for s in rule.sources)
        assert ("只找到二手网站的说法" in line) == weak, line
    city = pages_of(root)["cities/guangzhou.md"]
    limits_weak = all(s.grade == "S" for i in ("transfer_out_workdays", "transfer_in_workdays")
                      for s in rules[i].sources)
    hedged = "10 个工作日内办结，转入地在收到信息表后 5 个工作日内办结（依据只找到二手网站的转述）"
    assert (hedged in city) == limits_weak
    assert "10 个工作日内办结，转入地在收到信息表后 5 个工作日内办结" in city


def _answer(out_due, in_due, problems=()):
    """A transfer-deadline answer as the calculator types it (only what the example reads)."""
    return SimpleNamespace(transfer_out_due=out_due, transfer_in_due=in_due,
                           problems=tuple(Note("x", message) for message in problems), notes=())


def test_time_limit_example_comes_from_the_calculator(root):
    calls = []

    def compute(accepted):
        calls.append(accepted)
        return _answer(datetime.date(2026, 10, 15), datetime.date(2026, 10, 22))

    page = pages_of(root, compute=compute)["cities/guangzhou.md"]
    assert calls == [datetime.date(2026, 9, 24)]  # once per build, not per page
    assert "比如 2026年9月24日 受理的，转出地最迟在 2026年10月15日 办结" in page
    assert "转入地如果到 2026年10月15日 当天才收到信息表，最迟在 2026年10月22日 办结" in page


def test_uncomputable_part_of_the_example_is_said_not_guessed(root):
    def compute(accepted):
        return _answer(datetime.date(2026, 12, 31), None, ["转入地期限：2027 年的官方日历尚未收录。"])

    page = pages_of(root, compute=compute)["cities/guangzhou.md"]
    assert "转出地最迟在 2026年12月31日 办结。" in page
    assert "转入地期限：2027 年的官方日历尚未收录。" in page


def test_calculator_refusing_the_example_date_fails_with_the_setting_named(root):
    def compute(accepted):
        raise CalculatorError("bad_date", "accepted", "日期无效")

    with pytest.raises(ExampleError, match=r"extra\.yibao\.example_accepted: .*日期无效"):
        pages_of(root, compute=compute)


def test_guangdong_city_says_what_happens_inside_and_outside_the_province(root):
    page = pages_of(root)["cities/guangzhou.md"]
    assert "- **个人账户余额**：广东省的规定：测试：省内跨市转移时个人账户不划转，跨市使用。〔1〕" in page
    assert "没有找到广东或广州另有规定" not in page


def test_city_without_local_rules_says_so_and_points_to_the_national_rule(root):
    pages = pages_of(root)
    beijing = pages["cities/beijing.md"]
    assert "没有找到北京另有规定的来源，按全国规定，余额随医保关系一起划到转入地" in beijing
    assert "没有找到北京自己设定的等待期，按全国规定" in beijing
    assert "没有找到北京承诺更短时限的来源，按全国时限" in beijing
    assert "本站还没有找到只适用于北京、有来源的规定，上面写的都是全国规定。" in beijing
    assert "本页的来源" not in beijing  # nothing local is cited, so no empty source list


def test_local_waiting_period_is_shown_with_its_source(root):
    page = pages_of(root)["cities/zhongshan.md"]
    match = re.search(r"- \*\*断缴的代价\*\*：中山市的规定：测试：中断超过规定月数的，等待期为 2 个月。〔(\d+)〕", page)
    assert match
    sources = page.split("本页的来源", 1)[1]
    items = re.findall(r"^1\. (.+)$", sources, flags=re.M)
    assert "https://example.org/zs" in items[int(match.group(1)) - 1]
    assert "没有找到中山自己设定的等待期" not in page


def test_every_citation_mark_points_to_a_listed_source(root):
    for uri, page in pages_of(root).items():
        if uri.startswith("cities/") and "本页的来源" in page:
            marks = {int(n) for n in re.findall(r"〔(\d{1,3})〕", page.split("本页的来源")[0])}
            listed = len(re.findall(r"^1\. ", page.split("本页的来源")[1], flags=re.M))
            assert marks == set(range(1, listed + 1)), uri
        elif uri.startswith(("cities/", "topics/")):
            head, _, tail = page.partition("## 来源" if uri.startswith("topics/") else "\0")
            marks = {int(n) for n in re.findall(r"〔(\d{1,3})〕", head)}
            assert marks == set(range(1, len(re.findall(r"^1\. ", tail, flags=re.M)) + 1)), uri


def test_secondary_sources_are_labelled_as_such(root):
    page = pages_of(root)["topics/limits.md"]
    assert "可信度：**二手网站（仅作线索，可信度低）**" in page


def test_municipality_page_has_no_parent_province_sentence_or_siblings(root):
    page = pages_of(root)["cities/beijing.md"]
    assert "北京市是直辖市" in page and "属于" not in page.split("## 1.")[0]
    assert "北京市没有其他城市页面。" in page


def test_siblings_link_the_other_cities_of_the_province(root):
    page = pages_of(root)["cities/guangzhou.md"]
    nearby = page.split("同省其他城市")[1]
    assert re.findall(r"\]\((\w+)\.md\)", nearby) == ["shenzhen", "dongguan", "zhongshan"]


def test_missing_rules_are_all_named(root):
    national = root / "data" / "national.yaml"
    text = national.read_text(encoding="utf-8")
    national.write_text(text.replace("id: channels", "id: channels_renamed").replace("id: scope", "id: scope_x"),
                        encoding="utf-8")
    with pytest.raises(MissingRules, match="缺少页面需要的规则 scope、channels|缺少页面需要的规则 .*scope.*channels"):
        pages_of(root)


def test_province_nav_expands_the_marker_entry():
    nav = [{"概览": "index.md"}, {"各省": "provinces/"}, {"来源": "sources.md"}]
    provinces = [("北京市", "provinces/beijing.md"), ("天津市", "provinces/tianjin.md")]
    assert province_nav(nav, provinces) == [
        {"概览": "index.md"},
        {"各省": [{"北京市": "provinces/beijing.md"}, {"天津市": "provinces/tianjin.md"}]},
        {"来源": "sources.md"},
    ]
    assert province_nav(None, provinces) is None
    # A page the data does not make (no data/questions.yaml) leaves the nav; one it makes stays.
    nav = [{"概览": "index.md"}, {"常见问题": "questions.md"}]
    assert province_nav(nav, provinces, pages={"index.md"}) == [{"概览": "index.md"}]
    assert province_nav(nav, provinces, pages={"index.md", "questions.md"}) == nav


def test_overview_links_every_topic_with_its_sentence(root):
    index = pages_of(root)["index.md"]
    for topic in load_dataset(root / "data").dataset.national.topics:
        assert f"- **[{topic.title}](topics/{topic.id}.md)**：{topic.short}" in index


def test_topic_page_marks_rise_down_the_page(root):
    for uri, page in pages_of(root).items():
        if uri.startswith("topics/"):
            marks = [int(n) for n in re.findall(r"〔(\d+)〕", page.split("## 来源")[0])]
            assert list(dict.fromkeys(marks)) == list(range(1, max(marks) + 1)), uri


def test_corrections_page_marks_rise_down_the_page(root):
    page = pages_of(root)["corrections.md"]
    marks = [int(n) for n in re.findall(r"〔(\d+)〕", page.split("## 来源")[0])]
    assert list(dict.fromkeys(marks)) == list(range(1, max(marks) + 1))
    rules = {r.id: r for r in load_dataset(root / "data").dataset.national.rules}
    out, inn = rules["transfer_out_workdays"], rules["transfer_in_workdays"]
    assert f"转出地 {out.value} {out.unit}，转入地 {inn.value} {inn.unit}。" in page


def test_the_calculators_say_when_next_years_holidays_are_not_out(root):
    import shutil
    from pathlib import Path

    # The calendar files up to 2026: the notice of 2027 not out yet, whatever data/calendar/ holds now.
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "calendar", root / "data" / "calendar",
                    ignore=lambda folder, names: [n for n in names if n.endswith(".yaml") and int(n[:4]) > 2026])
    line = "2027 年的放假安排（国务院办公厅通知）尚未公布"
    late = pages_of(root, today=datetime.date(2026, 11, 30))
    for uri in ("cities/zhongshan.md", "cities/beijing.md", "calculators.md"):
        assert late[uri].count(line) == 1, uri
        assert 'class="yb-calendar-notice" role="note"' in late[uri]
    early = pages_of(root, today=datetime.date(2026, 10, 31))
    assert not any(line in text for text in early.values())


def test_titles_and_descriptions_are_built_from_what_is_local(root):
    pages = pages_of(root)

    def front(uri):
        return yaml.safe_load(pages[uri].split("---")[1])

    zhongshan, guangzhou, beijing = (front(f"cities/{s}.md") for s in ("zhongshan", "guangzhou", "beijing"))
    assert zhongshan["title"] == "中山市医保关系转移接续（广东省）"
    assert beijing["title"] == "北京市医保关系转移接续"
    assert "有来源的本地规定：个人账户余额、待遇等待期。" in zhongshan["description"]
    assert "有来源的本地规定：个人账户余额。" in guangzhou["description"]
    assert "没有找到北京另有规定的来源" in beijing["description"]
    assert len({zhongshan["description"], guangzhou["description"], beijing["description"]}) == 3


QUOTE = "读到的*原句*<b>粗</b>[链接](x)"


def test_a_quote_reaches_the_sources_page_and_its_topic_page_escaped(root):
    """The sentence read on a source (`quote`) is printed under it, marked as read there, with
    its Markdown and HTML shown as text."""
    national = root / "data" / "national.yaml"
    text = national.read_text(encoding="utf-8")
    # the first quote of the file (a source of transfer_out_workdays) becomes QUOTE
    text, count = re.subn(r"(?m)^(        quote: ).*$", lambda m: m.group(1) + "'" + QUOTE + "'", text, count=1)
    assert count == 1
    national.write_text(text, encoding="utf-8")
    pages = pages_of(root)
    for uri in ("sources.md", "topics/limits.md"):
        page = pages[uri]
        assert "<b>" not in page, uri
        lines = [line for line in shown(page).splitlines() if "粗" in line]
        assert lines == [f"在该页读到的原句：「{QUOTE}」"], (uri, lines)
