"""`validate`: every check has a bad fixture file, every issue says file:line, all issues at once."""

from __future__ import annotations

import json
import shutil

import pytest

from coopfinder.load import DataError, load_dataset, validate_dataset

from .conftest import INVALID, MINI, ON, run_cli

FIXTURES = sorted(p.name for p in INVALID.iterdir())
WARNING_ONLY = {"accession-with-signature", "stale-check"}


def _dataset_with(tmp_path, fixture: str):
    shutil.copytree(MINI, tmp_path / "data")
    code, target = fixture.split(".", 1)
    shutil.copy(INVALID / fixture, tmp_path / "data" / target)
    return tmp_path / "data", code


def test_mini_dataset_is_valid():
    report = validate_dataset(MINI, today=ON)
    assert report.valid and report.issues == [], [i.format() for i in report.issues]


def test_bundled_data_has_no_errors():
    report = validate_dataset(None, today=ON)
    assert report.errors == [], "\n".join(i.format() for i in report.errors[:20])


@pytest.mark.parametrize("fixture", FIXTURES)
def test_each_bad_fixture_is_reported_with_its_code_and_line(tmp_path, fixture):
    folder, code = _dataset_with(tmp_path, fixture)
    report = validate_dataset(folder, today=ON)
    found = [i for i in report.issues if i.code == code]
    assert found, f"expected [{code}], got {[i.format() for i in report.issues]}"
    assert all(i.line for i in found if code not in ("too-large",)), [i.format() for i in found]
    assert report.valid == (code in WARNING_ONLY)


def test_unknown_key_suggests_the_right_one(tmp_path):
    folder, _ = _dataset_with(tmp_path, "unknown-key.instruments.yaml")
    issue = next(i for i in validate_dataset(folder, today=ON).issues if i.code == "unknown-key")
    assert "did you mean 'short_name'" in issue.message
    assert issue.path == "instruments[mini-eu-order].short_nmae"


def test_every_issue_is_reported_at_once(tmp_path):
    shutil.copytree(MINI, tmp_path / "data")
    text = (tmp_path / "data" / "instruments.yaml").read_text()
    text = text.replace('{state: "NO", in_force', '{state: "XX", in_force').replace("crimes: [drugs, cyber, tax]", "crimes: [drugz]")
    (tmp_path / "data" / "instruments.yaml").write_text(text)
    codes = {i.code for i in validate_dataset(tmp_path / "data", today=ON).issues}
    assert {"unknown-crime"} <= codes  # a schema error stops the cross-checks, never the other schema errors
    text = text.replace("crimes: [drugz]", "crimes: [drugs]")
    (tmp_path / "data" / "instruments.yaml").write_text(text.replace('{state: "IE", in_force: "2010-06-01"', '{state: "YY", in_force: "2010-06-01"'))
    assert [i.code for i in validate_dataset(tmp_path / "data", today=ON).issues].count("unknown-state") == 2


def test_route_refuses_invalid_data_with_file_and_line(tmp_path):
    folder, _ = _dataset_with(tmp_path, "unknown-state.instruments.yaml")
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    assert err.value.issues[0].code == "unknown-state"
    proc = run_cli("route", "DE", "FR", "--measure", "evidence", "--data", str(folder))
    assert proc.returncode == 3
    assert b"instruments.yaml:" in proc.stderr and b"unknown-state" in proc.stderr
    assert b"Traceback" not in proc.stderr and proc.stdout == b""


def test_validate_cli_exit_codes_and_formats(tmp_path):
    ok = run_cli("validate", str(MINI))
    assert ok.returncode == 0 and b"0 errors" in ok.stdout
    folder, _ = _dataset_with(tmp_path, "date-order.instruments.yaml")
    bad = run_cli("validate", str(folder), "--format", "json")
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert report["valid"] is False and report["errors"][0]["code"] == "date-order"
    assert set(report["errors"][0]) == {"code", "severity", "file", "line", "path", "message"}
    gh = run_cli("validate", str(folder), "--format", "github")
    assert gh.returncode == 1 and gh.stdout.startswith(b"::error file=") and b",line=" in gh.stdout
    assert run_cli("validate", str(tmp_path / "nowhere")).returncode == 2
    assert run_cli("validate", "--format", "xml").returncode == 2


def test_validate_stats_counts_sources():
    proc = run_cli("validate", "--stats")
    assert proc.returncode == 0, proc.stdout.decode()[-2000:]
    out = proc.stdout.decode()
    assert "share_with_source: 1.0" in out and "instruments:" in out
    assert "gaps by topic" in out
    report = json.loads(run_cli("validate", "--stats", "--format", "json").stdout)
    assert report["stats"]["gaps"] == sum(report["stats"]["gaps_by_topic"].values()) > 0
    # issue #4's yardsticks are printed, and met by the bundled data
    assert report["stats"]["bilateral_instruments"] >= 400 and report["stats"]["states_with_domestic_law_route"] >= 60
    assert 0 < report["stats"]["bilateral_without_in_force"] < report["stats"]["bilateral_instruments"]
    assert report["stats"]["states_with_central_authority"] >= 50


def test_validate_reads_one_file_from_stdin():
    ok = run_cli("validate", "-", stdin=(MINI / "states.yaml").read_bytes(), env={"COOPFINDER_DATA": str(MINI)})
    assert ok.returncode == 0, ok.stdout
    bad = run_cli("validate", "-", stdin=(INVALID / "date-order.instruments.yaml").read_bytes(), env={"COOPFINDER_DATA": str(MINI)})
    assert bad.returncode == 1 and b"<stdin>:" in bad.stdout and b"date-order" in bad.stdout
    for raw, needle in ((b"", b"empty input"), (b"   \n", b"empty input"), (b"a: \xff\xfe\n", b"not UTF-8"),
                        (b"just: a mapping\n", b"not a coopfinder data file")):
        proc = run_cli("validate", "-", stdin=raw)
        assert proc.returncode == 2 and needle in proc.stderr and b"Traceback" not in proc.stderr, (raw, proc.stderr)


def test_schema_to_an_unwritable_place_is_a_message(tmp_path):
    target = "/proc/coopfinder-schema" if __import__("os").geteuid() == 0 else str(tmp_path / "ro" / "x")
    if target.startswith(str(tmp_path)):
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o500)
    proc = run_cli("schema", "--out", target)
    assert proc.returncode == 2 and b"cannot write the schema" in proc.stderr and b"Traceback" not in proc.stderr
