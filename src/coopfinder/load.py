"""YAML files -> validated model, with `file:line` for every problem. Never prints.

`load_dataset` is what `route` uses: it raises `DataError` carrying every issue found.
`validate_dataset` is what `validate` uses: it returns a `Report` and never raises on bad data.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import checks
from .model import Dataset, InstrumentsFile, StatesFile
from .report import Issue, Report, sort_issues
from .yamlread import fmt_path, line_of, read_yaml

STATES_FILE = "states.yaml"
INSTRUMENTS_FILE = "instruments.yaml"


class DataError(Exception):
    """The dataset cannot be used: `issues` says every reason, each with file and line."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} problem(s) in the data")
        self.issues = issues


def bundled_data_dir() -> Path:
    """The data shipped with coopfinder: inside the wheel, or `data/` of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent.parent / "data"):
        if (candidate / INSTRUMENTS_FILE).is_file():
            return candidate
    return here / "data"


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """`--data DIR`, else `$COOPFINDER_DATA`, else the bundled data."""
    chosen = explicit or os.environ.get("COOPFINDER_DATA")
    return Path(chosen) if chosen else bundled_data_dir()


def _display(path: Path) -> str:
    """A path as a user would write it: relative to the working directory where possible."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _parse(path: Path, model: type[BaseModel], given: tuple[str, bytes] | None = None) -> tuple[Any, Any, dict, list[Issue]]:
    """Read and validate one file: (model instance or None, raw data, line index, issues).

    `given` is (display name, bytes) for content that does not come from `path` (stdin).
    """
    name = given[0] if given else _display(path)
    try:
        raw = given[1] if given else path.read_bytes()
    except FileNotFoundError:
        return None, None, {}, [Issue(name, None, "missing-file", "", "file not found")]
    except OSError as exc:
        return None, None, {}, [Issue(name, None, "unreadable-file", "", f"cannot read: {exc.strerror or exc}")]
    data, lines, issues = read_yaml(raw, name)
    if data is None and issues:
        return None, None, {}, issues
    if not isinstance(data, dict):
        return None, data, lines, issues + [Issue(name, 1, "wrong-type", "", "the file must be a mapping with top-level keys")]
    try:
        return model.model_validate(data), data, lines, issues
    except ValidationError as exc:
        return None, data, lines, issues + _schema_issues(exc, data, lines, name, model)


def _schema_issues(exc: ValidationError, data: Any, lines: dict, file: str, model: type[BaseModel]) -> list[Issue]:
    out = []
    for err in exc.errors(include_url=False):
        path = _data_path(err["loc"], data)
        code, message = _describe(err, path, data, model)
        out.append(Issue(file, line_of(lines, path), code, fmt_path(path, data), message))
    return out


def _data_path(loc: tuple, data: Any) -> tuple:
    """pydantic's loc, minus the union-branch labels it adds ('str', 'function-after[…]')."""
    path: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif not (isinstance(node, dict) and part is loc[-1] and isinstance(part, str)):
            continue  # a union-branch label, not a place in the file
        path.append(part)  # (the last part may be a missing key: keep it for the message)
    return tuple(path)


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The keys allowed at `path`, for "did you mean" on an unknown key."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", {})
    return [f.alias or name for name, f in fields.items()]


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _describe(err: dict, path: tuple, data: Any, model: type[BaseModel]) -> tuple[str, str]:
    kind, msg, value = err["type"], err["msg"], err.get("input")
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        hint = _did_you_mean(field, _fields_at(model, path))
        return "unknown-key", f"unknown key {field!r}{hint}"
    if kind == "missing":
        return "missing-key", f"required key {field!r} is missing"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = _did_you_mean(str(value), choices)
        what = {"measure": "measure", "measures": "measure", "crimes": "crime", "channel": "channel", "kind": "kind"}.get(field, "value")
        return f"unknown-{what}", f"{value!r} is not a known {what}{hint or f' (expected one of: {expected})'}"
    if kind == "string_pattern_mismatch":
        if field in ("state", "code", "parent", "states", "towards") or (path and path[-2:-1] in (("states",), ("towards",))):
            return "bad-state-code", f"{value!r} is not an ISO 3166-1 alpha-2 code (two capital letters, quoted)"
        if field in ("id", "group", "instrument", "supplements", "to_groups", "under_instruments"):
            return "bad-id", f"{value!r} is not a valid id (lower-case letters, digits and single hyphens)"
        return "bad-date", f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, quoted)"
    if kind == "value_error" and "is not a date" in msg:
        return "bad-date", msg.removeprefix("Value error, ")
    if kind.endswith(("_type", "_parsing")):
        expected = kind.removesuffix("_type").removesuffix("_parsing").replace("model", "mapping").replace("dict", "mapping")
        expected = {"int": "whole number", "bool": "true or false", "str": "string"}.get(expected, expected)
        shown = "false/true (write NO, ON … in quotes)" if isinstance(value, bool) and expected == "string" else repr(value)[:60]
        return "wrong-type", f"expected a {expected}, got {shown}"
    return "schema", msg


def _did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read_files(directory: Path, given: dict[str, tuple[str, bytes]] | None = None,
               ) -> tuple[StatesFile | None, InstrumentsFile | None, dict, list[Issue]]:
    """Parse both files; returns models (None where unusable), raw context, and issues.

    `given` replaces a file's content: {"states.yaml": (display name, bytes)}.
    """
    given = given or {}
    states, s_raw, s_lines, s_issues = _parse(directory / STATES_FILE, StatesFile, given.get(STATES_FILE))
    instruments, i_raw, i_lines, i_issues = _parse(directory / INSTRUMENTS_FILE, InstrumentsFile, given.get(INSTRUMENTS_FILE))
    context = {
        "states": (given[STATES_FILE][0] if STATES_FILE in given else _display(directory / STATES_FILE), s_raw, s_lines),
        "instruments": (given[INSTRUMENTS_FILE][0] if INSTRUMENTS_FILE in given else _display(directory / INSTRUMENTS_FILE),
                        i_raw, i_lines),
    }
    return states, instruments, context, s_issues + i_issues


def kind_of(raw: bytes) -> str | None:
    """Which data file some bytes claim to be, by their top-level keys (for `validate -`)."""
    data, _, _ = read_yaml(raw, "<stdin>")
    if isinstance(data, dict):
        if "instruments" in data:
            return INSTRUMENTS_FILE
        if "states" in data or "groups" in data:
            return STATES_FILE
    return None


def validate_dataset(directory: str | os.PathLike | None = None, *, today: str | None = None,
                     given: dict[str, tuple[str, bytes]] | None = None) -> Report:
    """Every issue in the dataset at `directory`, schema and cross-checks alike."""
    folder = resolve_data_dir(directory)
    states, instruments, context, issues = read_files(folder, given)
    report = Report(files=[context["states"][0], context["instruments"][0]])
    if states is not None and instruments is not None:
        dataset = Dataset(states, instruments, origin=str(folder))
        issues += checks.check_dataset(dataset, context, today=today)
        report.stats = checks.stats(dataset)
        gaps = folder / "GAPS.md"
        if gaps.is_file():
            text = gaps.read_text(encoding="utf-8", errors="replace")
            report.stats["gaps"] = sum(1 for line in text.splitlines() if line.startswith("- "))
            report.stats["gaps_file"] = _display(gaps)
    report.issues = sort_issues(issues)
    return report


def load_dataset(directory: str | os.PathLike | None = None, *, use_cache: bool = True) -> Dataset:
    """The dataset at `directory` (default: bundled), or DataError with every error found.

    A valid dataset is cached on disk under the hash of its files' bytes (see cache.py).
    """
    from . import cache

    folder = resolve_data_dir(directory)
    key = None
    if use_cache:
        try:
            key = cache.key_for((folder / STATES_FILE).read_bytes(), (folder / INSTRUMENTS_FILE).read_bytes())
        except OSError:
            key = None  # unreadable files: the full read below reports them
        cached = cache.read(key) if key else None
        if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], StatesFile) \
                and isinstance(cached[1], InstrumentsFile):
            return Dataset(cached[0], cached[1], origin=str(folder))
    states, instruments, context, issues = read_files(folder)
    if states is not None and instruments is not None:
        dataset = Dataset(states, instruments, origin=str(folder))
        issues += checks.check_references(dataset, context)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise DataError(sort_issues(errors))
    if key:
        cache.write(key, (states, instruments))
    return dataset
