"""The on-disk cache: a speed-up that can never change or break an answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from coopfinder import cache
from coopfinder.load import load_dataset

from .conftest import MINI, ON, run_cli


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("COOPFINDER_CACHE", str(folder))
    return folder


def _answer(env):
    proc = run_cli("route", "DE", "FR", "-m", "evidence", "--on", ON, "-f", "json", env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_warm_run_equals_cold_run(cache_in):
    env = {"COOPFINDER_CACHE": str(cache_in)}
    cold = _answer(env)
    assert len(list(cache_in.glob("*.pickle"))) == 1
    assert _answer(env) == cold


def test_changed_data_gets_a_new_key(tmp_path, cache_in):
    import shutil

    shutil.copytree(MINI, tmp_path / "d")
    first = load_dataset(tmp_path / "d")
    p = tmp_path / "d" / "instruments.yaml"
    p.write_text(p.read_text().replace("short_name: Mini Order", "short_name: Mini Order Renamed"))
    second = load_dataset(tmp_path / "d")
    assert first.instruments["mini-eu-order"].short_name == "Mini Order"
    assert second.instruments["mini-eu-order"].short_name == "Mini Order Renamed"


@pytest.mark.parametrize("content", [b"", b"garbage", cache.MAGIC + b"not a pickle", cache.MAGIC + b"\x80\x04K\x01."])
def test_corrupt_or_foreign_cache_files_are_ignored_and_rebuilt(cache_in, content):
    env = {"COOPFINDER_CACHE": str(cache_in)}
    cold = _answer(env)
    for f in cache_in.glob("*.pickle"):
        f.write_bytes(content)
    assert _answer(env) == cold


def test_read_only_cache_folder_still_answers(tmp_path):
    if os.geteuid() == 0:
        target = "/proc/coopfinder-cannot-write-here"  # root ignores file modes; /proc refuses everyone
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        target = str(ro / "cache")
    proc = run_cli("route", "DE", "FR", "-m", "evidence", "--on", ON, "-f", "json", env={"COOPFINDER_CACHE": target})
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr


def test_many_processes_with_a_cold_cache_all_answer(cache_in):
    env = {**os.environ, "COOPFINDER_CACHE": str(cache_in), "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "coopfinder", "route", "IE", "DE", "-m", "evidence", "--on", ON, "-f", "json"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        procs = list(pool.map(lambda _: subprocess.run(cmd, capture_output=True, env=env, timeout=120), range(8)))
    outs = {p.stdout for p in procs}
    assert all(p.returncode == 0 for p in procs) and len(outs) == 1
    assert not list(cache_in.glob(".tmp-*")), "temporary files must not be left behind"


def test_cache_can_be_switched_off(monkeypatch, tmp_path):
    monkeypatch.setenv("COOPFINDER_CACHE", "0")
    assert cache.cache_dir() is None
    assert load_dataset(MINI).states["NO"].name == "Norway"
