"""data/questions.yaml: read by the one reader, checked against the topics, counted; and
`python -m sitegen questions`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen import __main__ as cli
from sitegen.data import questions
from sitegen.data.load import load_dataset

DATA = Path(__file__).resolve().parents[2] / "data"

QUESTION = """\
  - id: extra
    cluster: {cluster}
    text: 测试用的问题？
    seen: 2
    answers:
      - {answer}
    status: {status}
    before: none
"""


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the national rules and the inventory (no places needed to check questions)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("national.yaml", "questions.yaml"):
        shutil.copyfile(DATA / name, folder / name)
    return folder


def with_question(data: Path, **fields) -> int:
    """Append one question; return its first line number."""
    path = data / "questions.yaml"
    before = path.read_text(encoding="utf-8")
    values = {"cluster": "move", "answer": "topic: how", "status": "full", **fields}
    path.write_text(before + QUESTION.format(**values), encoding="utf-8")
    return before.count("\n") + 1


def problems(data: Path) -> list[str]:
    return [str(p) for p in load_dataset(data).problems if p.file == "data/questions.yaml"]


def test_the_real_inventory_loads_without_problems():
    result = load_dataset()
    assert [p for p in result.problems if "questions" in p.file] == []
    inventory = result.dataset.questions
    assert len(inventory.questions) >= 50
    assert len({q.cluster for q in inventory.questions}) == len(inventory.clusters)


def test_a_question_naming_an_unknown_cluster_topic_or_rule_is_a_problem_with_its_line(data):
    line = with_question(data, cluster="nowhere")
    with_question(data, answer="topic: nowhere")
    with_question(data, answer="{topic: how, rules: [transfer_out_workdays]}")
    found = problems(data)
    assert any(f"data/questions.yaml:{line + 1} questions." in p and "未知的类别 nowhere" in p for p in found), found
    assert any("未知的专题 nowhere" in p for p in found), found
    assert any("规则 transfer_out_workdays 不在专题 how 的页面上" in p for p in found), found


def test_an_answer_names_a_topic_or_a_page_never_both(data):
    with_question(data, answer="{topic: how, page: plan.md}")
    assert any("topic 和 page 必须且只能填一个" in p for p in problems(data))


def test_an_open_question_must_say_what_is_missing(data):
    with_question(data, status="partial")
    assert any("要写 note" in p for p in problems(data))


def test_a_repeated_question_id_is_a_problem(data):
    with_question(data)
    with_question(data)
    assert any("问题 id extra 重复" in p for p in problems(data))


def test_a_bad_inventory_leaves_the_rest_of_the_dataset_loading(data):
    with_question(data, cluster="nowhere")
    result = load_dataset(data)
    assert result.dataset.questions is None
    assert result.dataset.national.rules  # the national rules still load
    assert "data/national.yaml" not in result.bad_files


def test_without_the_file_there_is_no_inventory_and_no_problem(data):
    (data / "questions.yaml").unlink()
    result = load_dataset(data)
    assert result.dataset.questions is None
    assert not [p for p in result.problems if "questions" in p.file]


def test_counts_add_up_now_and_before():
    inventory = load_dataset().dataset.questions
    for field in ("status", "before"):
        found = questions.counts(inventory, field)
        assert list(found) == ["full", "partial", "none"]
        assert sum(found.values()) == len(inventory.questions)
        assert sum(questions.weight(inventory, field).values()) == sum(q.seen for q in inventory.questions)
    # The inventory was built to measure a change: fewer questions are unanswered now than before.
    assert questions.counts(inventory)["none"] < questions.counts(inventory, "before")["none"]


def test_no_question_got_worse():
    order = {"none": 0, "partial": 1, "full": 2}
    worse = [q.id for q in load_dataset().dataset.questions.questions if order[q.status] < order[q.before]]
    assert worse == []


def test_the_command_prints_the_counts_and_the_open_questions(capsys):
    assert cli.main(["questions"]) == 0
    out = capsys.readouterr().out
    inventory = load_dataset().dataset.questions
    now, before = questions.counts(inventory), questions.counts(inventory, "before")
    assert f"问题清单：{len(inventory.questions)} 个问题，{len(inventory.clusters)} 个类别" in out
    assert f"现在：已回答 {now['full']}，部分回答 {now['partial']}，还没有找到来源 {now['none']}" in out
    assert f"之前：已回答 {before['full']}，部分回答 {before['partial']}，还没有找到来源 {before['none']}" in out
    most_seen_open = max((q for q in inventory.questions if q.status != "full"), key=lambda q: q.seen)
    assert most_seen_open.text in out


def test_the_command_fails_on_a_bad_inventory(data, capsys):
    with_question(data, cluster="nowhere")
    assert cli.main(["--data", str(data), "questions"]) == 1
    assert "未知的类别 nowhere" in capsys.readouterr().out
