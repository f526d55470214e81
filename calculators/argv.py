"""A small, I/O-free reader of `--option value` lists (argparse prints and exits on errors,
which the browser and the tests cannot use). Errors are `CalculatorError`s naming the option."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.errors import CalculatorError
from calculators.text import shown

Options = dict[str, str | bool | list[str]]


@dataclass(frozen=True)
class Spec:
    """The options a subcommand accepts: one value each, repeatable values, or flags."""

    values: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    multi: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return self.values + self.multi + self.flags


def parse(args: list[str], spec: Spec) -> Options:
    """Read `args` (after the subcommand) into {option name: value}; flags are True when given,
    repeatable options are lists. `--name=value` is accepted as well as `--name value`."""
    options: Options = {name: [] for name in spec.multi}
    i = 0
    while i < len(args):
        token = args[i]
        i += 1
        if not token.startswith("--"):
            raise CalculatorError("unexpected_argument", None, f"多余的参数 {shown(token)}；选项应以 -- 开头。")
        name, has_value, inline = token[2:].partition("=")
        if name not in spec.names():
            known = "、".join("--" + n for n in spec.names())
            raise CalculatorError("unknown_option", name, f"未知选项 {shown(token)}；可用的选项：{known}。")
        if name in spec.flags:
            if has_value:
                raise CalculatorError("unexpected_value", name, f"--{name} 是开关，不带取值。")
            if name in options:
                raise CalculatorError("duplicate_option", name, f"--{name} 填写了不止一次。")
            options[name] = True
            continue
        if has_value:
            value = inline
        elif i < len(args) and not args[i].startswith("--"):
            value = args[i]
            i += 1
        else:
            raise CalculatorError("missing_value", name, f"--{name} 后面缺少取值。")
        if name in spec.multi:
            options[name].append(value)
        elif name in options:
            raise CalculatorError("duplicate_option", name, f"--{name} 填写了不止一次。")
        else:
            options[name] = value
    for name in spec.required:
        if name not in options:
            raise CalculatorError("missing_option", name, f"缺少必填选项 --{name}。")
    return options
