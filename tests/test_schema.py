"""The JSON Schema is generated from the model, committed, and accepted by an independent validator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coopfinder.schema import schemas

from .conftest import INVALID, MINI

ROOT = Path(__file__).parent.parent


def test_committed_schema_matches_the_model():
    for name, body in schemas().items():
        committed = json.loads((ROOT / "schema" / name).read_text())
        assert committed == body, f"schema/{name} drifted: run `coopfinder schema --out schema`"


def test_data_files_point_editors_at_the_schema():
    for name in ("states", "instruments"):
        first = (ROOT / "data" / f"{name}.yaml").read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json"


def _check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.fail("check-jsonschema is not installed: install the test extras (pip install -e '.[test]')")
    return subprocess.run([exe, "--schemafile", str(schema), *map(str, files)], capture_output=True, timeout=300)


def test_check_jsonschema_accepts_the_real_and_mini_data():
    for name in ("states", "instruments"):
        proc = _check_jsonschema(ROOT / "schema" / f"{name}.schema.json", ROOT / "data" / f"{name}.yaml", MINI / f"{name}.yaml")
        assert proc.returncode == 0, proc.stdout.decode()[-2000:]


def test_check_jsonschema_rejects_a_broken_file():
    proc = _check_jsonschema(ROOT / "schema" / "instruments.schema.json", INVALID / "unknown-key.instruments.yaml")
    assert proc.returncode == 1 and b"short_nmae" in proc.stdout + proc.stderr
