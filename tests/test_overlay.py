"""An overlay.yaml (an agency's own instruments and parties) merged on top of a dataset."""

from __future__ import annotations

import json
import shutil

from coopfinder.load import load_dataset, validate_dataset

from .conftest import MINI, run_cli

OVERLAY = """as_of: "2026-11-01"
instruments:
  - id: agency-de-fr-mou-2024
    name: Memorandum of understanding between two agencies (example)
    kind: non_binding_scheme
    binding: false
    source: internal register no. 123
    measures:
      - {measure: police_info, channel: police, source: internal register no. 123}
    parties:
      - {state: "DE", in_force: "2024-01-01", source: internal register no. 123}
      - {state: "FR", in_force: "2024-01-01", source: internal register no. 123}
parties:
  - {instrument: mini-convention, state: "US", in_force: "2001-01-01", source: agency note}
"""


def _with_overlay(tmp_path, text, base=True):
    folder = tmp_path / "d"
    if base:
        shutil.copytree(MINI, folder)
    else:
        folder.mkdir()
    (folder / "overlay.yaml").write_text(text)
    return folder


def test_overlay_adds_instruments_and_parties(tmp_path):
    ds = load_dataset(_with_overlay(tmp_path, OVERLAY))
    assert "agency-de-fr-mou-2024" in ds.instruments
    assert [p.state for p in ds.instruments["mini-convention"].parties][-1] == "US"
    out = json.loads(run_cli("route", "US", "DE", "-m", "evidence", "--on", "2026-01-01", "-f", "json",
                             "--data", str(tmp_path / "d")).stdout)
    assert out["pathways"][0]["steps"][0]["instrument"]["id"] == "mini-convention"


def test_overlay_alone_sits_on_the_bundled_data(tmp_path):
    folder = _with_overlay(tmp_path, OVERLAY.split("parties:\n  - {instrument")[0], base=False)
    ds = load_dataset(folder)
    assert "agency-de-fr-mou-2024" in ds.instruments and "coe-ets-185" in ds.instruments


def test_clashes_are_reported_in_the_overlay_file(tmp_path):
    text = OVERLAY + """  - {instrument: mini-convention, state: "DE", in_force: "2001-01-01", source: agency note}
  - {instrument: nowhere, state: "FR", in_force: "2001-01-01", source: agency note}
"""
    text = text.replace("  - id: agency-de-fr-mou-2024", "  - id: mini-eu-order")
    report = validate_dataset(_with_overlay(tmp_path, text))
    found = {(i.code, i.file.rsplit("/", 1)[-1], i.line) for i in report.errors}
    assert ("overlay-clash", "overlay.yaml", 3) in found          # the instrument id
    assert ("overlay-clash", "overlay.yaml", 15) in found         # DE already a party
    assert ("unknown-instrument", "overlay.yaml", 16) in found


def test_overlay_errors_in_merged_items_point_into_the_overlay(tmp_path):
    report = validate_dataset(_with_overlay(tmp_path, OVERLAY.replace('{state: "FR", in_force', '{state: "QQ", in_force')))
    issue = next(i for i in report.errors if i.code == "unknown-state")
    assert issue.file.endswith("overlay.yaml") and issue.line == 12
