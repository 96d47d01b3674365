"""The YAML reader: codes and dates stay as written, every line is known, bad input is an issue."""

from coopfinder.yamlread import fmt_path, read_yaml


def test_norway_and_dates_stay_strings():
    data, lines, issues = read_yaml(b"states:\n  - code: NO\n    since: 2006-09-29\n    on: ON\n    n: 3\n    ok: true\n", "f.yaml")
    assert issues == []
    state = data["states"][0]
    assert state == {"code": "NO", "since": "2006-09-29", "on": "ON", "n": 3, "ok": True}
    assert lines[("states", 0, "since")] == 3


def test_duplicate_keys_are_reported_with_both_lines():
    _, _, issues = read_yaml(b"a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(i.code, i.line) for i in issues] == [("duplicate-key", 3)]
    assert "line 1" in issues[0].message


def test_syntax_error_has_a_line():
    _, _, issues = read_yaml(b"a: [1, 2\nb: 3\n", "f.yaml")
    assert issues[0].code == "yaml-syntax" and issues[0].line is not None


def test_python_tags_are_refused_not_executed():
    data, _, issues = read_yaml(b"a: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")
    assert any(i.code == "yaml-tag" for i in issues)


def test_alias_bomb_is_refused_in_bounded_time():
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]\n".encode()
    data, _, issues = read_yaml(bomb, "bomb.yaml")
    assert data is None and issues[0].code == "too-large"


def test_non_utf8_and_empty_files():
    assert read_yaml(b"a: \xff\xfe\n", "f.yaml")[2][0].code == "encoding"
    assert read_yaml(b"", "f.yaml")[2][0].code == "empty-file"


def test_paths_name_top_level_items_by_id():
    data = {"instruments": [{"id": "coe-ets-185", "parties": [{"state": "DE"}]}]}
    assert fmt_path(("instruments", 0, "parties", 0, "state"), data) == "instruments[coe-ets-185].parties[0].state"
