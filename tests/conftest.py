"""Shared fixtures: the mini dataset (hand-checkable) and the real bundled data."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from coopfinder.load import bundled_data_dir, load_dataset

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
INVALID = HERE / "fixtures" / "invalid"
GOLDEN = HERE / "golden"
ON = "2026-11-23"
# the tests never touch the user's own cache folder
os.environ["COOPFINDER_CACHE"] = tempfile.mkdtemp(prefix="coopfinder-test-cache-")  # every real-data query is pinned to a date, so answers do not drift with the calendar


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture(scope="session")
def mini():
    return load_dataset(MINI)


@pytest.fixture(scope="session")
def real():
    return load_dataset(bundled_data_dir())


@pytest.fixture(scope="session")
def real_graph(real):
    from coopfinder.graph import build_graph

    return build_graph(real)


def run_cli(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m coopfinder` as a user would, capturing bytes."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    full_env.pop("COOPFINDER_DATA", None) if env is None or "COOPFINDER_DATA" not in env else None
    return subprocess.run([sys.executable, "-m", "coopfinder", *args], input=stdin, capture_output=True,
                          env=full_env, timeout=120)
