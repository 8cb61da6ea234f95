"""The answer first (calculators.pages.answer) and what differs from the defaults
(calculators.model.scenario.changed), with hand-made expectations."""

import pytest

from calculators import format as fmt
from calculators.model import scenario as scenario_mod
from calculators.pages import answer, calculator, results_view

NB = fmt.NBSP


@pytest.mark.parametrize("value, text", [
    (0, f"0{NB}kr"),
    (99.9, f"0{NB}kr"),
    (150, f"150{NB}kr"),
    (184_503, f"180{NB}000{NB}kr"),
    (-184_503, f"180{NB}000{NB}kr"),
    (185_000, f"190{NB}000{NB}kr"),  # half rounds up, as said aloud
    (999_999, f"1{NB}miljon{NB}kr"),
    (1_147_976, f"1,1{NB}miljoner{NB}kr"),
    (12_345_678, f"12{NB}miljoner{NB}kr"),
    (2_500_000_000, f"2,5{NB}miljarder{NB}kr"),
])
def test_amounts_are_rounded_to_two_digits_as_said_aloud(value, text):
    assert fmt.kr_ungefar(value) == text


@pytest.mark.parametrize("low, high, text", [
    (120_000, 240_000, f"mellan 120{NB}000 och 240{NB}000{NB}kr i plus"),
    (-80_000, -10_000, f"mellan 10{NB}000 och 80{NB}000{NB}kr i minus"),
    (-49_000, 350_000, f"mellan 49{NB}000{NB}kr i minus och 350{NB}000{NB}kr i plus"),
    (810_000, 1_200_000, f"mellan 810{NB}000 och 1,2{NB}miljoner{NB}kr i plus"),
    (101_000, 104_000, f"omkring 100{NB}000{NB}kr i plus"),
])
def test_a_likely_range_names_its_side_of_zero(low, high, text):
    assert answer._range(low, high) == text


def test_a_figure_outside_its_likely_range_says_which_way_the_range_lies():
    # Bruttolön 0: the figure (−105 552) is below its whole range, so the range reads "better".
    assert answer._likely(-105_552, -100_400, -96_000) == f"troligen något bättre: mellan 96{NB}000 och 100{NB}000{NB}kr i minus"
    # No dödvikt counted: the figure lies above the range.
    assert answer._likely(199_691, 161_821, 193_108) == f"troligen något sämre: mellan 160{NB}000 och 190{NB}000{NB}kr i plus"
    assert answer._likely(150_000, 120_000, 240_000) == f"troligen mellan 120{NB}000 och 240{NB}000{NB}kr i plus"


def test_the_answer_for_the_default_scenario_says_it_is_the_default():
    sc = results_view.default_scenario()
    result = results_view.evaluate(sc)
    html = answer.answer(result, results_view.uncertainty(sc))
    assert "Standardscenariot" in html and "1 person, anställning i 12 månader, inkomstår 2026" in html
    assert "För kommunen:" in html and "troligen" in html and "Sannolikheten att kommunen" in html


def test_the_answer_names_a_saved_scenario_and_escapes_it():
    result = results_view.evaluate({"version": 2, "antal_personer": 5})
    html = answer.answer(result, None, '<img src=x onerror=alert(1)> Alt A')
    assert "&lt;img src=x onerror=alert(1)&gt; Alt A" in html and "<img" not in html
    assert "5 personer" in html and "räknas fram" in html


def test_changed_values_are_compared_with_the_defaults_their_choices_imply():
    sc = scenario_mod.validate({"version": 2, "antal_personer": 5,
                                "statlig_ersattning": {"typ": "etableringsersattning"},
                                "anstallningsstod": {"typ": "lonebidrag", "andel": 0.5}})
    changed = scenario_mod.changed(sc)
    # Etableringsersättning's own daily amount and lönebidrag's implied produktionsfaktor
    # (1 − 50 %) are defaults for those choices, not changes.
    assert changed == {"antal_personer": 1, "anstallningsstod.typ": "nystartsjobb",
                       "statlig_ersattning.typ": "aktivitetsstod"}
    assert scenario_mod.changed(scenario_mod.default_scenario()) == {}


def test_the_form_marks_each_changed_field_and_counts_them_per_group():
    sc = scenario_mod.validate({"version": 2, "produktionsfaktor": 0.6, "handledare_lon": 30000, "bruttolon": 24000})
    markers, groups = calculator.changes(sc)
    assert markers == {"bruttolon": f"Ändrat, standard 25{NB}000{NB}kr",
                       "produktionsfaktor": f"Ändrat, standard 80{NB}%",
                       "handledare_lon": f"Ändrat, standard 35{NB}000{NB}kr"}
    assert groups == {"grund": "1 ändrat värde", "anstallningen": "2 ändrade värden"}


def test_a_preset_is_recognised_only_while_every_value_is_the_presets():
    sc = scenario_mod.validate({"version": 2, "sysselsattningstyp": "anstallning", "forsorjningsstod": 11370,
                                "statlig_ersattning": {"typ": "ingen", "kr_per_dag": 0}, "bostadsbidrag": 0,
                                "anstallningsstod": {"typ": "nystartsjobb", "antal_avgifter": 1}})
    assert results_view.matching_preset(sc) == "langtidsarbetslos-forsorjningsstod"
    assert results_view.matching_preset(dict(sc, forsorjningsstod=9000)) == ""


def test_a_unit_follows_its_value():
    assert calculator.berakna_sida({"falt": {"antal_personer": "1"}})["enheter"]["antal_personer"] == "person"
    assert calculator.berakna_sida({"falt": {"antal_personer": "2"}})["enheter"]["antal_personer"] == "personer"


def test_the_answer_says_what_it_counts_on_and_what_to_check():
    # The default: aktivitetsstöd before, no försörjningsstöd, nystartsjobb, 40 000 kr extra.
    sc = results_view.default_scenario()
    html = answer.answer(results_view.evaluate(sc))
    assert (f"Räknat med: före jobbet aktivitetsstöd och inget försörjningsstöd; stöd till arbetsgivaren: "
            f"nystartsjobb; merkostnad för upphandlingen 40{NB}000{NB}kr.") in html
    assert "Kontrollera" not in html
    # The reviewers' case: the derived försörjningsstöd moves the kommun's figure most and is
    # not verified, so the answer says so beside the figure, not only under "Att tänka på".
    result = results_view.evaluate({"version": 2, "antal_personer": 5, "bruttolon": 24000, "forsorjningsstod": 11370,
                                    "statlig_ersattning": {"typ": "ingen"}})
    html = answer.answer(result)
    assert f"före jobbet ingen ersättning från staten och försörjningsstöd 11{NB}370{NB}kr i månaden" in html
    assert "sk-svar-kontroll" in html and "inte verifierat" in html
    assert result["kontrollera"] and set(result["kontrollera"]) <= set(result["varningar"])
    # A wage typed as 24 instead of 24 000: said beside the figure.
    html = answer.answer(results_view.evaluate({"version": 2, "bruttolon": 24}))
    assert "är mycket låg" in html


def test_the_answer_names_the_typfall_the_scenario_follows():
    # A typfall chosen and then people and wage typed: the heading still says which case the
    # figure assumes (a new user found it only in print).
    from calculators.model import presets

    chosen = presets.presets()[0]
    sc = scenario_mod.validate({**presets.apply(results_view.default_scenario(), chosen["id"]),
                                "antal_personer": 5, "bruttolon": 24000})
    assert answer.heading_line(sc).startswith(f"Era uppgifter, typfall {chosen['namn']}. 5 personer")
    assert "typfall" not in answer.heading_line(results_view.default_scenario())
