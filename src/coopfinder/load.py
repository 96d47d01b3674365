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
from .gaps import read_gaps, topic_counts
from .model import Dataset, InstrumentsFile, OverlayFile, Party, StatesFile
from .report import Issue, Report, sort_issues
from .yamlread import Located, fmt_path, line_of, read_yaml

STATES_FILE = "states.yaml"
INSTRUMENTS_FILE = "instruments.yaml"
OVERLAY_FILE = "overlay.yaml"


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
    """Parse the dataset at `directory` (plus its overlay.yaml, if any): models (None where
    unusable), a {"states", "instruments"} -> Located context for messages, and issues.

    A folder holding only an overlay.yaml is an overlay on the bundled data. `given` replaces
    a file's content: {"states.yaml": (display name, bytes)} (for `validate -`).
    """
    given = given or {}
    overlay_path = directory / OVERLAY_FILE
    base = _source_files(directory)[0].parent
    states, s_raw, s_lines, s_issues = _parse(base / STATES_FILE, StatesFile, given.get(STATES_FILE))
    instruments, i_raw, i_lines, i_issues = _parse(base / INSTRUMENTS_FILE, InstrumentsFile, given.get(INSTRUMENTS_FILE))
    s_name = given[STATES_FILE][0] if STATES_FILE in given else _display(base / STATES_FILE)
    i_name = given[INSTRUMENTS_FILE][0] if INSTRUMENTS_FILE in given else _display(base / INSTRUMENTS_FILE)
    context = {"states": Located(s_name, s_raw, s_lines), "instruments": Located(i_name, i_raw, i_lines)}
    issues = s_issues + i_issues
    if overlay_path.is_file():
        overlay, o_raw, o_lines, o_issues = _parse(overlay_path, OverlayFile)
        issues += o_issues
        if overlay is not None and instruments is not None:
            instruments, located, clash = _merge_overlay(instruments, overlay, context["instruments"],
                                                         Located(_display(overlay_path), o_raw, o_lines))
            context["instruments"] = located
            issues += clash
    return states, instruments, context, issues


def _source_files(directory: Path) -> list[Path]:
    """The files a dataset folder stands for (its own or the bundled ones, plus its overlay)."""
    overlay = directory / OVERLAY_FILE
    base = directory
    if overlay.is_file() and not (directory / INSTRUMENTS_FILE).exists() and not (directory / STATES_FILE).exists():
        base = bundled_data_dir()
    return [base / STATES_FILE, base / INSTRUMENTS_FILE] + ([overlay] if overlay.is_file() else [])


class _Merged(Located):
    """Locates paths in base + overlay: items appended by the overlay point into the overlay file."""

    def __init__(self, base: Located, overlay: Located, n_base: int, party_base: dict[int, int],
                 party_source: dict[tuple[int, int], int], inst_source: dict[int, int]) -> None:
        super().__init__(base.file, base.raw, base.lines)
        self.base, self.overlay = base, overlay
        self.n_base, self.party_base, self.party_source, self.inst_source = n_base, party_base, party_source, inst_source

    def locate(self, path: tuple) -> tuple[str, int | None, str]:
        if len(path) >= 2 and path[0] == "instruments" and isinstance(path[1], int):
            i = path[1]
            if i >= self.n_base:  # an instrument the overlay adds
                return self.overlay.locate(("instruments", self.inst_source[i], *path[2:]))
            if len(path) >= 4 and path[2] == "parties" and isinstance(path[3], int) and path[3] >= self.party_base.get(i, 10**9):
                return self.overlay.locate(("parties", self.party_source[(i, path[3])], *path[4:]))
        return self.base.locate(path)


def _merge_overlay(base: InstrumentsFile, overlay: OverlayFile, base_loc: Located, over_loc: Located,
                   ) -> tuple[InstrumentsFile, Located, list[Issue]]:
    """Base instruments + the overlay's; a clash (an id or a party already there) is an error."""
    issues: list[Issue] = []
    instruments = list(base.instruments)
    index = {inst.id: n for n, inst in enumerate(instruments)}
    inst_source: dict[int, int] = {}
    for k, inst in enumerate(overlay.instruments):
        if inst.id in index:
            file, line, shown = over_loc.locate(("instruments", k, "id"))
            issues.append(Issue(file, line, "overlay-clash", shown, f"instrument {inst.id!r} is already in the base data; "
                                "add parties to it under `parties:` instead, or choose a new id"))
            continue
        inst_source[len(instruments)] = k
        index[inst.id] = len(instruments)
        instruments.append(inst)
    party_base = {n: len(inst.parties) for n, inst in enumerate(instruments)}
    party_source: dict[tuple[int, int], int] = {}
    added: dict[int, list] = {}
    for k, addition in enumerate(overlay.parties):
        file, line, shown = over_loc.locate(("parties", k, "instrument"))
        n = index.get(addition.instrument)
        if n is None:
            issues.append(Issue(file, line, "unknown-instrument", shown, f"{addition.instrument!r} is not an instrument of the base data or the overlay"))
            continue
        current = [p.state for p in instruments[n].parties] + [p.state for p in added.get(n, [])]
        if addition.state in current:
            issues.append(Issue(file, line, "overlay-clash", shown,
                                f"{addition.state} already has a party record under {addition.instrument!r}; change the base data instead"))
            continue
        party_source[(n, party_base[n] + len(added.get(n, [])))] = k
        added.setdefault(n, []).append(Party(**addition.model_dump(exclude={"instrument"}, by_alias=True)))
    for n, extra in added.items():
        instruments[n] = instruments[n].model_copy(update={"parties": [*instruments[n].parties, *extra]})
    merged = base.model_copy(update={"instruments": instruments})
    return merged, _Merged(base_loc, over_loc, len(base.instruments), party_base, party_source, inst_source), issues


def kind_of(raw: bytes) -> str | None:
    """Which data file some bytes claim to be, by their top-level keys (for `validate -`)."""
    data, _, _ = read_yaml(raw, "<stdin>")
    if isinstance(data, dict):
        if "instruments" in data:
            return INSTRUMENTS_FILE
        if "states" in data or "groups" in data:
            return STATES_FILE
    return None


def _gaps(path: Path) -> dict:
    """The gaps file as stats: how many entries, and how many under each heading (topic)."""
    entries = read_gaps(path)
    return {"gaps": len(entries), "gaps_file": _display(path), "gaps_by_topic": topic_counts(entries)}


def validate_dataset(directory: str | os.PathLike | None = None, *, today: str | None = None,
                     given: dict[str, tuple[str, bytes]] | None = None) -> Report:
    """Every issue in the dataset at `directory`, schema and cross-checks alike."""
    folder = resolve_data_dir(directory)
    states, instruments, context, issues = read_files(folder, given)
    report = Report(files=sorted({context["states"].file, context["instruments"].file}
                                 | ({_display(folder / OVERLAY_FILE)} if (folder / OVERLAY_FILE).is_file() else set())))
    if states is not None and instruments is not None:
        dataset = Dataset(states, instruments, origin=str(folder))
        issues += checks.check_dataset(dataset, context, today=today)
        report.stats = checks.stats(dataset)
        gaps = folder / "GAPS.md"
        if gaps.is_file():
            report.stats.update(_gaps(gaps))
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
            key = cache.key_for(*(f.read_bytes() for f in _source_files(folder)))
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
