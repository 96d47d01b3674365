"""Golden outputs of real queries on the real data, human and machine form.

A golden file is read by a person before it is committed: after a deliberate change, rewrite
them with `pytest tests/test_golden.py --update-golden`, then read the diff before committing.
"""

from __future__ import annotations

import pytest

from .conftest import GOLDEN, ON, run_cli

QUERIES = {
    "de-fr-evidence-cyber": ["DE", "FR", "--measure", "evidence", "--crime", "cyber"],
    "ie-de-evidence": ["IE", "DE", "--measure", "evidence", "--explain"],
    "gb-de-extradition": ["GB", "DE", "--measure", "extradition"],
    "us-gb-evidence-cyber": ["US", "GB", "--measure", "evidence", "--crime", "cyber"],
}


@pytest.mark.parametrize("name", sorted(QUERIES))
@pytest.mark.parametrize("fmt, ext", [("table", "txt"), ("json", "json")])
def test_golden(request, name, fmt, ext):
    proc = run_cli("route", *QUERIES[name], "--on", ON, "--format", fmt, env={"COLUMNS": "120"})
    assert proc.returncode == 0, proc.stderr
    path = GOLDEN / f"{name}.{ext}"
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(proc.stdout)
    assert path.exists(), f"{path} missing: run with --update-golden and read it before committing"
    assert proc.stdout.decode() == path.read_text(encoding="utf-8")
