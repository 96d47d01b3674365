"""The data-gaps file: parsed by heading and key, matched on whole tokens only."""

from __future__ import annotations

import json

from coopfinder.gaps import gaps_about, read_gaps, topic_counts

from .conftest import MINI, run_cli

SAMPLE = """# Data gaps

Prose before the first heading is not a gap.
- not a gap either

## un-untoc

- **all**: the party list stops at 2014
- **ke-us-ext-1931**: date of entry into force not read

## nationals (session 2)

- **BD, BN, KE**: not researched
- a free-form line without a key

## un-untoc-firearms

- **all**: signature-only rows
"""


def test_entries_sit_under_their_heading_with_their_key(tmp_path):
    path = tmp_path / "GAPS.md"
    path.write_text(SAMPLE, encoding="utf-8")
    gaps = read_gaps(path)
    assert [(g.topic, g.key) for g in gaps] == [("un-untoc", "all"), ("un-untoc", "ke-us-ext-1931"),
                                               ("nationals (session 2)", "BD, BN, KE"), ("nationals (session 2)", ""),
                                               ("un-untoc-firearms", "all")]
    assert topic_counts(gaps) == {"un-untoc": 2, "nationals (session 2)": 2, "un-untoc-firearms": 1}


def test_a_name_matches_whole_tokens_only(tmp_path):
    path = tmp_path / "GAPS.md"
    path.write_text(SAMPLE, encoding="utf-8")
    gaps = read_gaps(path)
    assert [g.text for g in gaps_about(gaps, "KE")] == ["not researched"]  # not the ke-us treaty
    assert [g.key for g in gaps_about(gaps, "un-untoc")] == ["all", "ke-us-ext-1931"]  # not the firearms protocol
    assert [g.text for g in gaps_about(gaps, "ke-us-ext-1931")] == ["date of entry into force not read"]
    assert gaps_about(gaps, "BN")[0].key == "BD, BN, KE"


def test_show_lists_the_known_gaps_of_a_state_and_none_without_a_gaps_file():
    kenya = json.loads(run_cli("show", "KE", "-f", "json").stdout)
    assert kenya["gaps"] and all("KE" in g["key"].replace(",", " ").split() or "KE" in g["topic"].split()
                                 for g in kenya["gaps"])
    text = run_cli("show", "KE").stdout.decode()
    assert f"known gaps ({len(kenya['gaps'])}" in text
    mini = json.loads(run_cli("show", "DE", "--data", str(MINI), "-f", "json").stdout)
    assert mini["gaps"] == []


def test_show_names_the_state_an_instruments_gap_is_about():
    riyadh = json.loads(run_cli("show", "arab-riyadh-1983", "-f", "json").stdout)
    about_a_state = next(g for g in riyadh["gaps"] if g["key"] != g["topic"])
    assert f"[{about_a_state['topic']}] {about_a_state['key']}: " in run_cli("show", "arab-riyadh-1983").stdout.decode()
