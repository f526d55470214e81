"""Turn pydantic validation errors into Problems with a line, a field and a Chinese message.

`problems_for(model, data, lines, file)` validates `data` against `model` and returns the object
(or None) and the problems. Each pydantic error's `loc` is cut back to the part that exists in the
data (so union member tags such as `int` or `decimal` disappear), its line is the line of that key
or of its nearest parent, and errors on one field are merged into one problem.
"""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from sitegen.data.problems import Problem, dotted
from sitegen.data.yaml_lines import line_of

_KIND_NAMES = {bool: "布尔值", int: "整数", float: "小数", Decimal: "小数", str: "文本", list: "列表",
               dict: "字段映射", type(None): "空值", datetime.date: "日期"}

_PATTERN_HINTS = {
    "slug": "只用小写拼音字母、数字和连字符，如 shijiazhuang",
    "code": "GB/T 2260 六位代码，写成带引号的文本，如 '130100'",
    "province": "所属省级单位的六位代码，如 '130000'",
    "id": "小写字母开头，只用小写字母、数字和下划线",
    "constant": "大写字母开头，只用大写字母、数字和下划线",
    "number": "只写 5 到 12 位数字",
}
_GRADE_HINT = "P 法律原文，R 官方文件的转载，N 全国性主流媒体报道，NL 地方媒体报道，L 地方政府或医保部门页面，S 二手网站"
_SOURCE_HINT = "地方事实必须注明来源，至少写 document、url、grade、checked_on"
_CALENDAR_SOURCE_HINT = "写明放假日期读自哪里（通知全文或法律），至少写 document、url、grade、checked_on"


def kind_name(value: Any) -> str:
    return _KIND_NAMES.get(type(value), type(value).__name__)


def problems_for(
    model: type[BaseModel], data: Any, lines: dict, file: str
) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, from_errors(model, exc, data, lines, file)


def from_errors(model: type[BaseModel], exc: ValidationError, data: Any, lines: dict,
                file: str) -> list[Problem]:
    groups: dict[tuple, list[dict]] = {}
    for err in exc.errors(include_url=False):
        groups.setdefault(_data_path(data, err["loc"]), []).append(err)
    problems = []
    for path, errs in groups.items():
        message, hint = _describe(model, path, errs)
        problems.append(Problem(file, line_of(lines, path), dotted(path), message, hint))
    return problems


def _data_path(data: Any, loc: tuple) -> tuple:
    """The longest prefix of `loc` that walks the data, plus a missing or unknown key."""
    out: list = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and part not in ("int", "decimal",
                                                                                  "str", "none"):
            out.append(part)  # a missing key
            break
        else:
            break
        out.append(part)
    return tuple(out)


def _describe(model: type[BaseModel], path: tuple, errs: list[dict]) -> tuple[str, str | None]:
    err = errs[0]
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    name = str(path[-1]) if path else ""
    if len({e["type"] for e in errs}) > 1:
        allowed = _allowed_types(_annotation_at(model, path))
        return f"类型不符：实际为{kind_name(value)} {value!r}", (f"应为{allowed}" if allowed else None)
    if kind == "missing":
        if name == "source":
            return "缺少来源 (source)", _CALENDAR_SOURCE_HINT if model.__name__ == "CalendarYear" else _SOURCE_HINT
        return f"缺少必填字段 {name}", None
    if kind == "extra_forbidden":
        fields = list(_model_fields(_annotation_at(model, path[:-1])))
        close = difflib.get_close_matches(name, fields, n=1)
        hint = f"是否应为 {close[0]}？" if close else f"允许的字段：{'、'.join(fields)}"
        return f"未知字段 {name}", hint
    if kind == "string_type":
        hint = _PATTERN_HINTS.get(name) if name in ("code", "province") else None
        return f"应为文本，实际为{kind_name(value)} {value!r}", hint
    if kind == "string_pattern_mismatch":
        return f"格式不符：{value!r} 不符合 {ctx.get('pattern')}", _PATTERN_HINTS.get(name)
    if kind == "literal_error":
        choices = "、".join(str(a) for a in typing.get_args(_annotation_at(model, path)))
        return f"取值 {value!r} 无效，应为 {choices} 之一", (_GRADE_HINT if name == "grade" else None)
    if kind.startswith("date"):
        return f"应为日期 YYYY-MM-DD，实际为 {value!r}", None
    if kind.startswith("url"):
        return f"不是有效的网址：{value!r}", "以 http:// 或 https:// 开头的完整网址"
    if kind == "too_short":
        hint = "每条规则至少注明一个来源" if name == "sources" else None
        return f"至少需要 {ctx.get('min_length')} 项", hint
    if kind == "list_type":
        return f"应为列表，实际为{kind_name(value)}", None
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"应为字段映射，实际为{kind_name(value)}", None
    return f"{err['msg']}（实际为 {value!r}）", None


def _unwrap(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _annotation_at(model: type[BaseModel], path: tuple) -> Any:
    current: Any = model
    for part in path:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current


def _model_fields(annotation: Any) -> dict:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.model_fields
    return {}


def _allowed_types(annotation: Any) -> str:
    names = [_KIND_NAMES.get(a, getattr(a, "__name__", str(a)))
             for a in typing.get_args(annotation)]
    names = list(dict.fromkeys(n for n in names if n != "空值"))
    return "、".join(names[:-1]) + "或" + names[-1] if len(names) > 1 else "".join(names)
