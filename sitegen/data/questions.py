"""The questions readers ask (data/questions.yaml): the checks across records, the counts, the
「常见问题」 page's context and the `python -m sitegen questions` report.

`sitegen.data.load` parses and validates the file with the other data (one reader); `check` adds the
problems that need the national rules: every cluster, topic and rule a question names exists,
and every rule named is printed on the topic named (each rule is on exactly one topic page).
Whether a `page` target exists is known only once the pages are built; the page test checks it.
"""

from __future__ import annotations

from collections import Counter

from sitegen.data.model import ANSWER_STATUS_LABELS, Dataset, National, QuestionInventory
from sitegen.data.problems import Problem

STATUSES = tuple(ANSWER_STATUS_LABELS)  # full, partial, none
PAGE = "questions.md"
# The titles of the generated pages a question may point to with `page:` (topic pages are named
# by their topic); a page not listed here is an error when the page is built.
PAGE_TITLES = {"plan.md": "规划我的医保转移", "calculators.md": "计算器", "corrections.md": "常见错误说法",
               "sources.md": "来源", "index.md": "全国规则概览"}


def check(inventory: QuestionInventory, national: National, lines: dict, rel: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: tuple, message: str, hint: str | None = None) -> None:
        line, at = lines.get(path), path
        while line is None and at:
            at = at[:-1]
            line = lines.get(at)
        problems.append(Problem(rel, line, ".".join(str(p) for p in path), message, hint))

    clusters = [c.id for c in inventory.clusters]
    for index, cluster in enumerate(inventory.clusters):
        if clusters.index(cluster.id) != index:
            add(("clusters", index, "id"), f"类别 id {cluster.id} 重复")
    topics = {t.id: t for t in national.topics}
    seen_ids: dict[str, int] = {}
    for index, question in enumerate(inventory.questions):
        first = seen_ids.setdefault(question.id, index)
        if first != index:
            add(("questions", index, "id"), f"问题 id {question.id} 重复：questions.{first} 已使用")
        if question.cluster not in clusters:
            add(("questions", index, "cluster"), f"未知的类别 {question.cluster}",
                "类别列在本文件的 clusters 里：" + "、".join(clusters))
        if question.status != "full" and not question.note:
            add(("questions", index, "status"), "没有完全回答的问题要写 note，说明还缺什么")
        for a, answer in enumerate(question.answers):
            if answer.topic is None:
                continue
            topic = topics.get(answer.topic)
            if topic is None:
                add(("questions", index, "answers", a, "topic"), f"未知的专题 {answer.topic}",
                    "专题列在 data/national.yaml 的 topics 里")
                continue
            for r, rule in enumerate(answer.rules):
                if rule not in topic.rules:
                    add(("questions", index, "answers", a, "rules", r),
                        f"规则 {rule} 不在专题 {topic.id} 的页面上",
                        "专题页列出的规则见 data/national.yaml 该专题的 rules")
    return problems


def counts(inventory: QuestionInventory, field: str = "status") -> dict[str, int]:
    """{status: number of questions} for `status` (now) or `before`, every status present."""
    found = Counter(getattr(q, field) for q in inventory.questions)
    return {status: found.get(status, 0) for status in STATUSES}


def weight(inventory: QuestionInventory, field: str = "status") -> dict[str, int]:
    """Like counts, each question weighed by how often it was seen."""
    found: Counter[str] = Counter()
    for q in inventory.questions:
        found[getattr(q, field)] += q.seen
    return {status: found.get(status, 0) for status in STATUSES}


def context(dataset: Dataset) -> dict[str, object]:
    """The 「常见问题」 page: clusters in file order, each with its questions (most seen first),
    each answer as (title, uri, [rule titles]); counts; the hotline topic for unanswered ones."""
    inventory = dataset.questions
    topics = {t.id: t for t in dataset.national.topics}
    rules = {r.id: r for r in dataset.national.rules}
    groups = []
    for cluster in inventory.clusters:
        items = []
        mine = [q for q in inventory.questions if q.cluster == cluster.id]
        for q in sorted(mine, key=lambda q: -q.seen):
            answers = []
            for a in q.answers:
                if a.topic is not None:
                    answers.append({"title": topics[a.topic].title, "uri": f"topics/{a.topic}.md",
                                    "rules": [rules[i].title for i in a.rules]})
                else:
                    answers.append({"title": None, "uri": a.page, "rules": []})
            items.append({"question": q, "label": ANSWER_STATUS_LABELS[q.status], "answers": answers})
        if items:
            groups.append({"cluster": cluster, "questions": items})
    return {
        "title": "医保转移的常见问题",
        "description": "读者换城市时最常问的医保问题，每个问题链接到本站回答它的页面，并写明回答得是否完整。",
        "groups": groups,
        "total": len(inventory.questions),
        "counts": counts(inventory),
        "labels": ANSWER_STATUS_LABELS,
        "page_titles": PAGE_TITLES,
        "hotline": topics["hotline"],
        "checked_on": inventory.checked_on,
    }


def report(inventory: QuestionInventory, top: int = 10) -> str:
    """The text `python -m sitegen questions` prints."""
    now, before = counts(inventory), counts(inventory, "before")
    seen_now, seen_before = weight(inventory), weight(inventory, "before")
    total = len(inventory.questions)
    lines = [f"问题清单：{total} 个问题，{len(inventory.clusters)} 个类别（data/questions.yaml）。"]
    for name, c, w in (("现在", now, seen_now), ("之前", before, seen_before)):
        lines.append(f"{name}：" + "，".join(f"{ANSWER_STATUS_LABELS[s]} {c[s]}" for s in STATUSES)
                     + "；按见到次数加权：" + "，".join(f"{ANSWER_STATUS_LABELS[s]} {w[s]}" for s in STATUSES))
    lines.append("按类别（现在：已回答/部分/没有）：")
    for cluster in inventory.clusters:
        mine = [q for q in inventory.questions if q.cluster == cluster.id]
        c = Counter(q.status for q in mine)
        lines.append(f"  {cluster.title}：{len(mine)} 个，{c['full']}/{c['partial']}/{c['none']}")
    open_ = sorted((q for q in inventory.questions if q.status != "full"), key=lambda q: -q.seen)
    lines.append(f"见得最多、还没有完全回答的 {min(top, len(open_))} 个：")
    for q in open_[:top]:
        lines.append(f"  [{ANSWER_STATUS_LABELS[q.status]}] {q.text}（约 {q.seen} 次）{q.note or ''}")
    return "\n".join(lines)
