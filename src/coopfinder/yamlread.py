"""Safe YAML reading that keeps codes and dates as written and remembers every line.

Why not `yaml.safe_load`: YAML 1.1 reads `NO` (Norway) as false and `2006-09-29` as a date
object, and it forgets where each value stood. This reader accepts only plain data (maps,
lists, strings, integers, floats, true/false, null), keeps every other scalar as the string
written, reports duplicate keys, refuses alias bombs, and returns a (path -> line) index so
every message can say `file:line`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .report import Issue

try:  # libyaml's parser where available: several times faster on the bundled data
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML build
    _Base = yaml.SafeLoader

Path = tuple  # ("instruments", 3, "parties", 5, "state")

MAX_NODES = 2_000_000  # alias expansion beyond this is refused (billion-laughs documents)
MAX_BYTES = 64 * 1024 * 1024


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A resolver that knows only the YAML 1.2 core scalars worth typing."""

    yaml_implicit_resolvers: dict = {}


_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _TooBig(Exception):
    pass


def read_yaml(text: str | bytes, file: str) -> tuple[Any, dict[Path, int], list[Issue]]:
    """Parse one YAML document: (data, line index, issues). Never raises on bad input."""
    issues: list[Issue] = []
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            return None, {}, [Issue(file, None, "too-large", "", f"file is larger than {MAX_BYTES // 2**20} MiB")]
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            return None, {}, [Issue(file, line, "encoding", "", f"not UTF-8 text (byte {text[exc.start]:#04x} at offset {exc.start})")]
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return None, {}, [Issue(file, line, "yaml-syntax", "", f"YAML syntax: {what}")]
    except (yaml.YAMLError, ValueError) as exc:  # reader errors (control characters), etc.
        return None, {}, [Issue(file, None, "yaml-syntax", "", f"YAML syntax: {exc}")]
    if node is None:
        return None, {}, [Issue(file, 1, "empty-file", "", "the file holds no YAML document")]
    lines: dict[Path, int] = {}
    budget = [MAX_NODES]
    try:
        data = _convert(node, (), lines, issues, file, budget)
    except _TooBig:
        return None, {}, [Issue(file, None, "too-large", "", f"the document expands to more than {MAX_NODES:,} values (aliases?)")]
    except RecursionError:
        return None, {}, [Issue(file, None, "too-large", "", "the document is nested too deeply")]
    return data, lines, issues


def _convert(node, path: Path, lines: dict, issues: list, file: str, budget: list) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            issues.append(Issue(file, node.start_mark.line + 1, "yaml-tag", fmt_path(path), f"tag {node.tag!r} is not allowed"))
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                issues.append(Issue(file, key_node.start_mark.line + 1, "yaml-tag", fmt_path(path), "merge keys (<<) are not allowed"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                issues.append(Issue(file, key_node.start_mark.line + 1, "wrong-type", fmt_path(path), "a key must be a plain string"))
                continue
            key = key_node.value
            if key in out:
                issues.append(Issue(file, key_node.start_mark.line + 1, "duplicate-key", fmt_path(path + (key,)),
                                    f"key {key!r} appears twice in the same mapping (the first is at line {lines[path + (key,)]})"))
                continue
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, issues, file, budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            issues.append(Issue(file, node.start_mark.line + 1, "yaml-tag", fmt_path(path), f"tag {node.tag!r} is not allowed"))
        return [_convert(item, path + (i,), lines, issues, file, budget) for i, item in enumerate(node.value)]
    value, tag = node.value, node.tag
    if tag == _INT:
        return int(value)
    if tag == _FLOAT:
        return float(value)
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _NULL:
        return None
    if tag != _STR:
        issues.append(Issue(file, node.start_mark.line + 1, "yaml-tag", fmt_path(path), f"tag {tag!r} is not allowed; write plain values"))
    return value


def fmt_path(path: Path, data: Any = None) -> str:
    """("instruments", 3, "parties", 5) -> instruments[coe-ets-185].parties[5].

    Top-level list items are named by their `id` or `code` where the data has one, so a
    message stays readable after the file is reordered.
    """
    out = ""
    for depth, part in enumerate(path):
        if isinstance(part, int):
            label = str(part)
            if depth == 1 and isinstance(data, dict):
                items = data.get(path[0])
                item = items[part] if isinstance(items, list) and part < len(items) else None
                ident = (item.get("id") or item.get("code")) if isinstance(item, dict) else None
                label = ident if isinstance(ident, str) else label
            out += f"[{label}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the longest prefix of `path` that the file has."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


class Located:
    """One file's content and line index: turns a data path into (file, line, readable path)."""

    def __init__(self, file: str, raw: Any, lines: dict[Path, int]) -> None:
        self.file, self.raw, self.lines = file, raw, lines

    def locate(self, path: Path) -> tuple[str, int | None, str]:
        return self.file, line_of(self.lines, path), fmt_path(path, self.raw)
