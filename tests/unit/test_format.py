"""Swedish number formatting and parsing (calculators.format)."""

import math

import pytest

from calculators.errors import InputError
from calculators.format import MINUS, NBSP, kr, parse_procent, parse_tal, procent, quoted, tal


def test_kr_groups_thousands_with_no_break_space():
    assert kr(1234567) == f"1{NBSP}234{NBSP}567{NBSP}kr"
    assert kr(999) == f"999{NBSP}kr"
    assert kr(0) == f"0{NBSP}kr"


def test_negative_uses_minus_sign_and_no_negative_zero():
    assert kr(-1234.4) == f"{MINUS}1{NBSP}234{NBSP}kr"
    assert kr(-0.4) == f"0{NBSP}kr"
    assert tal(-0.004, 2) == "0,00"


def test_decimals_use_comma_and_round_half_away_from_zero():
    assert tal(1234.5, 1) == f"1{NBSP}234,5"
    assert tal(2.5) == "3"
    assert tal(-2.5) == f"{MINUS}3"
    assert tal(0.125, 2) == "0,13"


def test_procent():
    assert procent(0.125) == f"12,5{NBSP}%"
    assert procent(0.3142) == f"31,42{NBSP}%"
    assert procent(1) == f"100{NBSP}%"
    assert procent(0.2081, 1) == f"20,8{NBSP}%"


def test_non_finite_is_shown_as_dash():
    assert tal(float("nan")) == "–"
    assert tal(float("inf")) == "–"


@pytest.mark.parametrize("text, expected", [
    ("25 000,50", 25000.5), ("25\u00a0000", 25000.0), ("25\u202f000 kr", 25000.0),
    (f"{MINUS}3", -3.0), ("1234.5", 1234.5), ("0", 0.0), (12, 12.0),
])
def test_parse_tal(text, expected):
    assert parse_tal(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2,3", "nan", "inf", True, None, [], "12%"])
def test_parse_tal_rejects_with_swedish_message_naming_field(text):
    with pytest.raises(InputError) as err:
        parse_tal(text, falt="bruttolon")
    assert err.value.messages[0]["falt"] == "bruttolon"
    assert "bruttolon" in err.value.messages[0]["meddelande"]


def test_parse_procent():
    assert math.isclose(parse_procent("12,5 %"), 0.125)
    assert math.isclose(parse_procent("12,5%"), 0.125)
    assert math.isclose(parse_procent("31,42"), 0.3142)
    assert parse_procent(0.5) == 0.5
    # A share typed without a percent sign is asked about, not read as 0,8 %.
    for text in ("0,8", "0.5", "0,2069"):
        with pytest.raises(InputError) as err:
            parse_procent(text, falt="Produktionsfaktor")
        assert "skriv procent" in err.value.messages[0]["meddelande"]
    assert math.isclose(parse_procent("0,8 %"), 0.008)
    assert parse_procent("0") == 0 and math.isclose(parse_procent("1"), 0.01)
    with pytest.raises(InputError):
        parse_procent("tolv", falt="omfattning")


@pytest.mark.parametrize("text", ["25.000", "25,000", "1.500 kr", "−999.000", "+12,500"])
def test_a_number_that_reads_two_ways_is_refused_with_how_to_write_it(text):
    # "25.000" is 25 000 to many Swedes and 25 to others: a wage of 25 kr went through silently.
    with pytest.raises(InputError) as err:
        parse_tal(text, "Bruttolön")
    message = str(err.value)
    assert "kan läsas på två sätt" in message and "mellanslag" in message and "komma" in message


def test_a_number_that_reads_two_ways_is_answered_with_its_own_two_readings():
    # The two readings of what was typed, not an example about another figure.
    with pytest.raises(InputError) as err:
        parse_tal("11.370", "Försörjningsstöd före, per månad")
    message = str(err.value).replace("\u00a0", " ")
    assert "11 370 eller 11,37" in message, message
    with pytest.raises(InputError) as err:
        parse_tal("−999.000", "Bruttolön")
    assert "−999 000 eller −999" in str(err.value).replace("\u00a0", " ")


def test_a_number_too_large_to_hold_says_so_in_plain_words():
    with pytest.raises(InputError) as err:
        parse_tal("9" * 400, "Bruttolön", "25 000")
    message = str(err.value)
    assert "för stort" in message and "25 000" in message and "ändligt" not in message


@pytest.mark.parametrize("text, value", [("25 000", 25000.0), ("25,5", 25.5), ("0,125", 0.125), ("25,0", 25.0),
                                         ("2 500,000", 2500.0), ("1234,567", 1234.567), ("25.5", 25.5)])
def test_unambiguous_numbers_still_read(text, value):
    assert parse_tal(text) == value


def test_percent_fields_give_a_percent_example():
    with pytest.raises(InputError) as err:
        parse_procent("tio", "Omfattning")
    assert "12,5 %" in str(err.value) and "25 000" not in str(err.value)


def test_quoted_text_cannot_reverse_a_message():
    assert quoted("abc\u202egnp.exe\u2066x\x00") == "”abcgnp.exex”"
