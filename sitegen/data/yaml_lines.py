"""Parse one YAML document and remember the line of every key and list item.

`parse(text)` returns the plain Python value (as `yaml.safe_load` would) together with a map from
a path such as ("facts", 0, "source") to its 1-based line: the line of the key for a mapping
entry, the line where the item starts for a list item, and the first line of the document for
the empty path. `line_of(lines, loc)` finds the line of a path or of its nearest parent, which
is what an error about a missing key needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """The text is not valid YAML.

    `line` (1-based, None when PyYAML gives no position) is where PyYAML noticed the error;
    `context_line` is where the construct it was reading began (a key missing its colon is
    noticed on the next line), or None.
    """

    def __init__(self, message: str, line: int | None, context_line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.context_line = context_line


@dataclass
class Parsed:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, int, int]] = field(default_factory=list)  # path, line, first


def parse(text: str) -> Parsed:
    """Parse `text`; raise YamlSyntaxError with the line of the first syntax error."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        context = exc.context_mark.line + 1 if exc.context_mark else None
        raise YamlSyntaxError(problem, mark.line + 1 if mark else None, context) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], None) from exc
    finally:
        loader.dispose()
    parsed = Parsed(data)
    if node is not None:
        parsed.lines[()] = node.start_mark.line + 1
        _walk(node, (), parsed)
    return parsed


def _walk(node: yaml.Node, path: Path, parsed: Parsed) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            child = (*path, key_node.value)
            line = key_node.start_mark.line + 1
            if child in parsed.lines:
                parsed.duplicate_keys.append((child, line, parsed.lines[child]))
            else:
                parsed.lines[child] = line
            _walk(value_node, child, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            parsed.lines[child] = item.start_mark.line + 1
            _walk(item, child, parsed)


def line_of(lines: dict[Path, int], loc: Sequence[str | int]) -> int | None:
    """Line of `loc`, or of its longest prefix that has one."""
    loc = tuple(loc)
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
