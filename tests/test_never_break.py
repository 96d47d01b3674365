"""No input makes coopfinder trace back: random bytes, random YAML and mutated real data all
end as "valid" or as a list of issues (hypothesis, thousands of cases in the normal run)."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopfinder.load import INSTRUMENTS_FILE, STATES_FILE, bundled_data_dir, load_dataset, validate_dataset, DataError
from coopfinder.report import Report

from .conftest import MINI

MINI_INSTRUMENTS = (MINI / INSTRUMENTS_FILE).read_bytes()
MINI_STATES = (MINI / STATES_FILE).read_bytes()
REAL_INSTRUMENTS = (bundled_data_dir() / INSTRUMENTS_FILE).read_bytes()
def cases(n: int) -> settings:
    return settings(max_examples=n, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])


def _check(folder, name: str, raw: bytes) -> Report:
    report = validate_dataset(folder, given={name: ("input.yaml", raw)}, today="2026-11-23")
    assert isinstance(report, Report)
    for issue in report.issues:
        assert issue.code and issue.message and issue.file.endswith(".yaml")
    return report


@cases(1000)
@given(st.binary(max_size=2000))
def test_random_bytes_give_issues_not_tracebacks(raw):
    _check(MINI, INSTRUMENTS_FILE, raw)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.sampled_from(["NO", "2006-09-29", "2006", "DE", "evidence", "any", "~", "yes", "coe-ets-185"]))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                           st.dictionaries(st.sampled_from(
                                                               ["as_of", "instruments", "states", "groups", "id", "name", "kind",
                                                                "parties", "state", "measures", "measure", "channel", "source",
                                                                "in_force", "participation", "group", "x"]), inner, max_size=5)),
                         max_leaves=25)


@cases(1000)
@given(documents, st.sampled_from([INSTRUMENTS_FILE, STATES_FILE]))
def test_random_yaml_gives_issues_not_tracebacks(doc, name):
    _check(MINI, name, yaml.safe_dump(doc, allow_unicode=True).encode())


def _mutate(text: bytes, data) -> bytes:
    lines = text.split(b"\n")
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "dedent", "indent", "junk", "swap", "truncate", "value"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "dedent":
            lines[i] = lines[i].lstrip()
        elif op == "indent":
            lines[i] = b"  " + lines[i]
        elif op == "junk":
            lines[i] = lines[i] + data.draw(st.sampled_from([b" :", b" [", b" &a", b" *a", b"\t", b"\xff", b" !!python/object", b"'"]))
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "truncate":
            lines = lines[: i + 1]
        elif op == "value" and b": " in lines[i]:
            key = lines[i].split(b": ", 1)[0]
            lines[i] = key + b": " + data.draw(st.sampled_from([b'"XX"', b'"2006-13-40"', b"NO", b"-1", b"[]", b"{}", b'"evidense"', b"null"]))
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


@cases(1000)
@given(st.data(), st.sampled_from([INSTRUMENTS_FILE, STATES_FILE]))
def test_mutated_mini_data_gives_issues_not_tracebacks(data, name):
    raw = MINI_INSTRUMENTS if name == INSTRUMENTS_FILE else MINI_STATES
    _check(MINI, name, _mutate(raw, data))


@cases(60)
@given(st.data())
def test_mutated_real_data_gives_issues_not_tracebacks(data):
    _check(bundled_data_dir(), INSTRUMENTS_FILE, _mutate(REAL_INSTRUMENTS, data))


@cases(200)
@given(st.data())
def test_loader_raises_only_data_errors(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("d")
    (folder / STATES_FILE).write_bytes(MINI_STATES)
    (folder / INSTRUMENTS_FILE).write_bytes(_mutate(MINI_INSTRUMENTS, data))
    try:
        load_dataset(folder, use_cache=False)
    except DataError as err:
        assert err.issues and all(i.severity == "error" for i in err.issues)


ARGS = ["DE", "FR", "XX", "de", "Germany", "Korea", "", " ", "Türkiye", "ÿ", "US", "GB", "NO", "IE", "--on", "2026-02-30",
        "9999-12-31", "0001-01-01", "-m", "evidence", "extradition", "jit", "preservation", "--crime", "cyber", "tax",
        "--format", "json", "csv", "markdown", "--nationality", "ZZ", "--start", "2026-01-01", "x" * 300, "-n", "0", "3",
        "--explain", "--limit", "--data", "/nonexistent", "-", "coe-ets-185", "eu-dir-2014-41"]


@cases(150)
@given(st.sampled_from(["route", "why-not", "jit", "show", "validate"]),
       st.lists(st.sampled_from(ARGS), max_size=8), st.sampled_from(["", "a: 1\n", "\xff"]))
def test_any_command_line_ends_in_an_exit_code_not_a_traceback(command, args, stdin):
    from typer.testing import CliRunner

    from coopfinder.cli import app

    result = CliRunner().invoke(app, [command, *args], input=stdin)
    assert result.exit_code in (0, 1, 2, 3), (command, args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
