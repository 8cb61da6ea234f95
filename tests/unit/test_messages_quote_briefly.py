"""A message never echoes a huge paste back: whatever the field, it quotes a short prefix."""

import json

import pytest

from calculators import web
from calculators.format import QUOTED_PREFIX, parse_procent, parse_tal, quoted
from calculators.pages.calculator import FIELDS
from calculators.model.scenario import default_scenario

HUGE = "1x" * 100_000  # 200 000 characters
LONGEST_MESSAGE = 400


def test_quoted_keeps_a_short_prefix():
    assert quoted("abc") == "”abc”"
    assert quoted(HUGE) == f"”{HUGE[:QUOTED_PREFIX]}…”"


@pytest.mark.parametrize("parse", [parse_tal, parse_procent])
def test_number_parsers_quote_briefly(parse):
    with pytest.raises(ValueError) as err:
        parse(HUGE)
    assert len(str(err.value)) < LONGEST_MESSAGE


def messages(op, data):
    response = json.loads(web.handle(json.dumps({"op": op, "data": data})))
    return [m["meddelande"] for m in response.get("fel", [])]  # a field that does not apply is ignored


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_every_calculator_field_quotes_briefly(name):
    for text in messages("berakna_sida", {"falt": {name: HUGE}}):
        assert len(text) < LONGEST_MESSAGE, (name, text[:200])


def test_scenario_values_and_keys_quote_briefly():
    scenario = default_scenario(2026)
    bad = {key: HUGE for key in scenario if key != "version"}
    bad["version"] = 1
    bad[HUGE] = 1
    found = messages("berakna", {"scenario": bad})
    assert found
    for text in found:
        assert len(text) < LONGEST_MESSAGE, text[:200]


def test_the_calculator_refuses_a_wage_that_reads_two_ways():
    found = messages("berakna_sida", {"falt": {"bruttolon": "25.000"}})
    assert found and "kan läsas på två sätt" in found[0]
