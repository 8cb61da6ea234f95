"""JSON from outside is refused when nested deeper than the limit (calculators.jsontext)."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import cli, jsontext, web
from calculators.jsontext import MAX_DEPTH, TooDeep, loads, nesting_depth


def nested(depth):
    return "[" * depth + "]" * depth


def test_depth_counts_arrays_and_objects_outside_strings():
    assert nesting_depth("{}") == 1
    assert nesting_depth('{"a": [1, {"b": []}]}') == 4
    assert nesting_depth('["[[[[[", "\\"[[[", "\\\\", []]') == 2  # brackets in strings, escaped quote, escaped backslash
    assert nesting_depth("12") == 0


def test_at_the_limit_reads_beyond_it_is_refused():
    assert loads(nested(MAX_DEPTH)) == json.loads(nested(MAX_DEPTH))
    with pytest.raises(TooDeep):
        loads(nested(MAX_DEPTH + 1))
    with pytest.raises(TooDeep):
        loads("[" * 100_000)  # unterminated as well: refused for depth, quickly


def test_a_string_that_never_ends_is_not_counted():
    assert nesting_depth('["' + "[" * 5000) == 1


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c), max_leaves=30))
def test_depth_matches_the_parsed_structure(value):
    def depth(v):
        if isinstance(v, list):
            return 1 + max(map(depth, v), default=0)
        if isinstance(v, dict):
            return 1 + max(map(depth, v.values()), default=0)
        return 0

    assert nesting_depth(json.dumps(value, ensure_ascii=False)) == min(depth(value), MAX_DEPTH + 1)


def test_the_worker_entry_point_refuses_deep_requests_in_swedish():
    request = '{"op": "berakna", "data": {"scenario": ' + nested(5000) + "}}"
    response = json.loads(web.handle(request))
    assert response["ok"] is False
    assert "för djupt nästlade" in response["fel"][0]["meddelande"]


def test_the_cli_refuses_a_deep_scenario_with_exit_2(tmp_path):
    path = tmp_path / "djup.json"
    path.write_text(nested(5000), encoding="utf-8")
    import io

    err = io.StringIO()
    assert cli.main(["berakna", str(path)], stdin=io.StringIO(""), stdout=io.StringIO(), stderr=err) == 2
    assert "för djupt nästlat" in err.getvalue() and "Traceback" not in err.getvalue()
    assert jsontext.MAX_DEPTH == 40
