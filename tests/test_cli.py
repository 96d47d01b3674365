"""The command line as a user meets it: exit codes, formats, messages, pipes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from pathlib import Path

from coopfinder import find_routes, load_dataset
from coopfinder.model import Query

from .conftest import MINI, ON, run_cli


def test_json_equals_the_library_result():
    proc = run_cli("route", "DE", "FR", "--measure", "evidence", "--crime", "cyber", "--on", ON, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == find_routes(load_dataset(), Query("DE", "FR", "evidence", "cyber", ON)).as_dict()


def test_json_contract_keys():
    out = json.loads(run_cli("route", "US", "GB", "-m", "evidence", "-c", "cyber", "--on", ON, "-f", "json").stdout)
    assert {"query", "pathways", "warnings", "data"} <= set(out)
    assert out["query"] == {"from": "US", "to": "GB", "measure": "evidence", "crime": "cyber", "on": ON}
    p = out["pathways"][0]
    assert {"rank", "score", "steps", "warnings", "why", "sources"} <= set(p)
    assert {"instrument", "channel", "articles", "typical_days"} <= set(p["steps"][0])
    assert {"id", "name", "short_name", "citation", "kind"} <= set(p["steps"][0]["instrument"])
    assert out["data"]["as_of"]


def test_no_pathway_exits_1_and_still_prints_json():
    proc = run_cli("route", "US", "IE", "-m", "evidence", "--on", "2026-01-01", "--data", str(MINI), "-f", "json")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["pathways"] == [] and any(w["code"] == "no_pathway" for w in out["warnings"])


@pytest.mark.parametrize("args, needle", [
    (["route", "XX", "DE", "--measure", "evidence"], b"unknown state 'XX'"),
    (["route", "Germny", "FR", "--measure", "evidence"], b"did you mean DE Germany"),
    (["route", "DE", "DE", "--measure", "evidence"], b"same"),
    (["route", "DE", "FR", "--measure", "evidense"], b"did you mean 'evidence'"),
    (["route", "DE", "FR", "--measure", "evidence", "--crime", "cyberr"], b"did you mean 'cyber'"),
    (["route", "DE", "FR", "--measure", "evidence", "--on", "2026-13-01"], b"not a date"),
    (["route", "DE", "FR", "--measure", "evidence", "--format", "yaml"], b"unknown format"),
    (["route", "DE", "FR"], b"--measure"),
    (["route", "D\udcffE", "FR", "--measure", "evidence"], b"unknown state"),
])
def test_bad_input_is_a_usage_error_without_traceback(args, needle):
    proc = run_cli(*args)
    assert proc.returncode == 2, proc
    assert needle in proc.stderr, proc.stderr
    assert b"Traceback" not in proc.stderr and proc.stdout == b""


def test_states_by_alpha3_and_name_in_any_case():
    a = json.loads(run_cli("route", "deu", "france", "-m", "evidence", "--on", ON, "-f", "json").stdout)
    b = json.loads(run_cli("route", "Germany", "FRA", "-m", "evidence", "--on", ON, "-f", "json").stdout)
    assert a["query"]["from"] == b["query"]["from"] == "DE" and a["query"]["to"] == "FR"
    assert json.loads(run_cli("route", "United States", "uk", "-m", "evidence", "--on", ON, "-f", "json").stdout)["query"]["to"] == "GB"


def test_csv_tsv_jsonl_markdown_and_table():
    base = ["route", "DE", "FR", "-m", "extradition", "--on", ON]
    rows = list(csv.DictReader(io.StringIO(run_cli(*base, "-f", "csv").stdout.decode())))
    assert rows[0]["instruments"] == "eu-fd-2002-584" and rows[0]["rank"] == "1"
    tsv = run_cli(*base, "-f", "tsv").stdout.decode().splitlines()
    assert tsv[0].split("\t")[0] == "rank" and len(tsv) == len(rows) + 1
    lines = run_cli(*base, "-f", "jsonl").stdout.decode().splitlines()
    assert len(lines) == len(rows) and json.loads(lines[0])["query"]["to"] == "FR"
    md = run_cli(*base, "-f", "markdown").stdout.decode()
    assert "| 1 | European Arrest Warrant |" in md
    table = run_cli(*base).stdout.decode()
    assert "European Arrest Warrant" in table and "Data as of" in table and "central authority" in table
    assert "\x1b[" not in table  # no colour when piped


def test_limit_and_explain():
    out = json.loads(run_cli("route", "IE", "DE", "-m", "evidence", "--on", ON, "-f", "json", "--limit", "1").stdout)
    assert len(out["pathways"]) == 1
    table = run_cli("route", "IE", "DE", "-m", "evidence", "--on", ON, "--explain").stdout.decode()
    assert "Not offered" in table and "European Investigation Order" in table and "opt-out" in table


def test_markup_in_data_is_not_swallowed_by_rich(tmp_path):
    import shutil

    shutil.copytree(MINI, tmp_path / "d")
    p = tmp_path / "d" / "instruments.yaml"
    p.write_text(p.read_text().replace("short_name: Mini Order", "short_name: '[eu-eio] Mini Order'"))
    out = run_cli("route", "DE", "FR", "-m", "evidence", "--on", "2026-01-01", "--data", str(tmp_path / "d")).stdout.decode()
    assert "[eu-eio] Mini Order" in out


def test_data_from_environment_variable():
    proc = run_cli("route", "US", "IE", "-m", "evidence", "--on", "2026-01-01", env={"COOPFINDER_DATA": str(MINI)})
    assert proc.returncode == 1


def test_closed_pipe_ends_quietly():
    cmd = f"{sys.executable} -m coopfinder route IE DE -m evidence --on {ON} -f jsonl | head -c 10"
    proc = subprocess.run(["bash", "-c", f"set -o pipefail; {cmd}"], capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    assert b"Traceback" not in proc.stderr and b"Error" not in proc.stderr, proc.stderr


def test_full_disk_is_reported_not_traced(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "coopfinder", "route", "DE", "FR", "-m", "evidence", "-f", "json"],
                              stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode != 0 and b"Traceback" not in proc.stderr and b"cannot write" in proc.stderr


def test_help_version_and_module_entry():
    assert run_cli("--version").stdout.startswith(b"coopfinder ")
    helptext = run_cli("route", "--help").stdout
    assert b"--measure" in helptext and b"--format" in helptext
    for command in (b"route", b"validate", b"schema"):
        assert command in run_cli("--help").stdout


def test_ambiguous_state_names_are_refused():
    proc = run_cli("route", "Korea", "DE", "-m", "evidence")
    assert proc.returncode == 2 and b"ambiguous" in proc.stderr and b"KR" in proc.stderr and b"KP" in proc.stderr


def test_why_not_answers_each_kind_of_reason():
    cases = [
        (["IE", "DE", "eu-dir-2014-41", "-m", "evidence"], 1, b"opt-out"),
        (["GB", "DE", "eu-fd-2002-584", "-m", "extradition"], 1, b"ceased to apply"),
        (["KZ", "RU", "cis-chisinau-2002", "-m", "evidence", "--on", "2020-01-01"], 1, b"will bind both from 2023-06-28"),
        (["DE", "FR", "coe-ets-24", "-m", "extradition"], 1, b"replaced between these states"),
        (["DE", "FR", "eu-dir-2014-41", "-m", "extradition"], 1, b"does not provide for"),
        (["US", "GB", "coe-cets-224", "-m", "evidence"], 1, b"has not entered into force"),
        (["RU", "UA", "cis-minsk-1993", "-m", "evidence", "--on", "2023-06-01"], 1, b"suspended"),
        (["DE", "FR", "European Investigation Order", "-m", "evidence"], 0, b"is offered: pathway 1"),
        (["IE", "DE", "Budapest Convention", "-m", "evidence", "--on", "2024-01-01"], 1, b"had not ratified as of 2025-10-08"),
    ]
    for args, code, needle in cases:
        proc = run_cli("why-not", *args, *([] if "--on" in args else ["--on", ON]))
        assert proc.returncode == code and needle in proc.stdout, (args, proc.stdout, proc.stderr)
    bad = run_cli("why-not", "DE", "FR", "euro-invest", "-m", "evidence")
    assert bad.returncode == 2 and b"did you mean" in bad.stderr and b"'eu-dir-2014-41'" in bad.stderr


def test_jit_finds_bases_binding_all_partners():
    proc = run_cli("jit", "DE", "FR", "NL", "--crime", "drugs", "--on", ON, "--format", "json")
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    complete = {b["instrument"]["id"] for b in out["bases"] if b["binds_all"]}
    assert {"eu-mla-2000", "un-untoc"} <= complete
    assert [s["id"] for s in out["support"]] == ["eurojust"]  # all three are EU members
    mixed = json.loads(run_cli("jit", "DE", "FR", "US", "--on", ON, "-f", "json").stdout)
    eu2000 = next(b for b in mixed["bases"] if b["instrument"]["id"] == "eu-mla-2000")
    assert "cannot be a party" in eu2000["missing"][0]["reason"]  # open only to EU members: a "no", not "not recorded"
    euus = next(b for b in mixed["bases"] if b["instrument"]["id"] == "eu-us-mla-2003")
    assert euus["binds_all"] and "across the two sides" in euus["note"]
    partial = [b for b in out["bases"] if not b["binds_all"]]
    assert all(b["missing"] and all(m["reason"] for m in b["missing"]) for b in partial)
    assert run_cli("jit", "DE").returncode == 2
    assert run_cli("jit", "DE", "DE", "FR").returncode == 2


def test_every_command_is_documented_in_the_readme():
    from coopfinder.cli import app

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert set(names) >= {"route", "why-not", "jit", "validate", "schema"}
    for name in names:
        assert f"coopfinder {name}" in readme, f"`coopfinder {name}` is not shown in the README"


def test_show_a_state_and_an_instrument():
    state = json.loads(run_cli("show", "Germany", "--on", ON, "-f", "json").stdout)
    assert state["code"] == "DE" and "eu" in state["member_of"] and "eu-dir-2014-41" in state["bound_by"]
    assert state["facts"]["death_penalty"]["value"] == "abolitionist_all"
    # a treaty recorded for the state without its entry-into-force date is listed apart, never as "not bound"
    china = json.loads(run_cli("show", "CN", "--on", ON, "-f", "json").stdout)
    assert "cn-et-ext-2014" in china["status_not_recorded"] and "cn-et-ext-2014" not in china["bound_by"]
    assert "cn-us-mla-2000" in china["bound_by"] and "cn-us-mla-2000" not in china["status_not_recorded"]
    inst = json.loads(run_cli("show", "coe-ets-185", "--on", "2020-01-01", "-f", "json").stdout)
    sweden = next(p for p in inst["parties"] if p["state"] == "SE")
    assert sweden["status"] == "not_bound" and "not yet in force" in sweden["reason"]
    unknown = run_cli("show", "Atlantis")
    assert unknown.returncode == 2 and b"unknown state" in unknown.stderr


def test_missing_data_folder_is_a_usage_error(tmp_path):
    proc = run_cli("route", "DE", "FR", "-m", "evidence", "--data", str(tmp_path / "nope"))
    assert proc.returncode == 2 and b"no such folder" in proc.stderr


def test_every_measure_crime_and_warning_code_is_documented():
    from coopfinder import vocab

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for ids_ in (vocab.MEASURES, vocab.CRIMES):
        for key in ids_:
            assert f"`{key}`" in readme, f"`{key}` is not documented in the README"
    used = {"nationality", "death_penalty", "dual_criminality", "political_offence", "fiscal_offence",
            "military_offence", "ne_bis_in_idem", "speciality", "minimum_penalty", "suspended", "not_recorded"}
    assert used <= set(vocab.WARNING_CODES)
    for code in used:
        assert f"`{code}`" in readme, f"warning code `{code}` is not documented in the README"


def test_dates_at_the_ends_of_the_calendar_do_not_break():
    late = run_cli("route", "DE", "FR", "-m", "evidence", "--on", ON, "--start", "9999-12-31", "-f", "json")
    assert late.returncode == 0 and b"Traceback" not in late.stderr
    early = run_cli("route", "DE", "FR", "-m", "evidence", "--on", "0001-01-01", "-f", "json")
    assert early.returncode == 1 and json.loads(early.stdout)["pathways"] == []


def test_impossible_paths_are_usage_errors():
    long = "x" * 5000
    assert run_cli("validate", long).returncode == 2
    assert run_cli("route", "DE", "FR", "-m", "evidence", "--data", long).returncode == 2
