"""Summary and verdict rules."""

import pytest

from calculators.checklists.definitions import get_tool
from calculators.checklists.render import render_summary
from calculators.checklists.state import FORMAT
from calculators.checklists.summary import summarize

T = "2026-11-26T09:00:00Z"
PREREQS = [i.id for i in get_tool("beslutsunderlag").prerequisites]


def state(answers, tool="beslutsunderlag", rader=None, ansvarig=None):
    svar = {k: {"varde": v, "andrad": T} for k, v in answers.items()}
    for k, who in (ansvarig or {}).items():
        svar[k]["ansvarig"] = who
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T, "svar": svar, "rader": rader or {}}


def all_prereqs(value, **overrides):
    answers = {p: value for p in PREREQS}
    answers.update(overrides)
    return answers


def test_prerequisites_are_the_designed_four():
    assert PREREQS == ["syfte", "malgrupp", "matchningsansvarig", "uppfoljningsresurser"]


def test_empty_state_has_no_verdict_yet():
    s = summarize("beslutsunderlag", None)
    assert s["omdome"]["status"] == "tom"
    assert s["besvarade"] == 0 and s["totalt"] == 40
    assert s["vet_ej"] == []


def test_all_prerequisites_yes_means_ready():
    s = summarize("beslutsunderlag", state(all_prereqs("ja")))
    assert s["omdome"]["status"] == "redo" and s["omdome"]["rubrik"] == "Redo"
    assert s["omdome"]["text"] == "Ni har de viktigaste förutsättningarna på plats och kan besluta om att ställa sysselsättningskrav."
    assert s["oppna_forutsattningar"] == []


def test_a_partial_prerequisite_suggests_a_pilot():
    s = summarize("beslutsunderlag", state(all_prereqs("ja", malgrupp="delvis")))
    assert s["omdome"]["status"] == "pilot" and s["omdome"]["rubrik"] == "Delvis redo – börja med en pilot"
    assert s["omdome"]["text"].startswith("1 förutsättning är bara delvis uppfylld. Börja med en pilot")
    assert [e["id"] for e in s["delvis_forutsattningar"]] == ["malgrupp"]


@pytest.mark.parametrize("value", ["nej", "vet-ej"])
def test_no_or_unknown_on_a_prerequisite_means_not_ready(value):
    answers = all_prereqs("ja", matchningsansvarig=value, malgrupp="delvis")
    s = summarize("beslutsunderlag", state(answers, ansvarig={"matchningsansvarig": "Eva"}))
    v = s["omdome"]
    assert v["status"] == "inte_redo"
    assert v["rubrik"] == "Inte redo ännu"
    assert v["text"] == "1 av 4 förutsättningar är inte uppfylld eller är oklar. Åtgärda den innan ni beslutar om sysselsättningskrav."
    assert v["atgarder"] == ["Utse en matchningsansvarig"]
    assert s["oppna_forutsattningar"] == [{
        "id": "matchningsansvarig",
        "text": get_tool("beslutsunderlag").items["matchningsansvarig"].text,
        "svar": value,
        "svarstext": {"nej": "Nej", "vet-ej": "Vet ej"}[value],
        "ansvarig": "Eva",
        "atgard": "Utse en matchningsansvarig",
    }]


def test_unanswered_prerequisites_leave_the_verdict_open_and_are_listed():
    s = summarize("beslutsunderlag", state({"syfte": "ja", "spindel": "ja"}))
    assert s["omdome"]["status"] == "ej_klar"
    assert s["omdome"]["text"] == "3 av 4 förutsättningar är obesvarade. Besvara dem för att få ett omdöme."
    assert [e["id"] for e in s["oppna_forutsattningar"]] == ["malgrupp", "matchningsansvarig", "uppfoljningsresurser"]
    assert all(e["svarstext"] == "Obesvarad" for e in s["oppna_forutsattningar"])


def test_no_beats_partial_and_unanswered():
    s = summarize("beslutsunderlag", state({"syfte": "nej", "malgrupp": "vet-ej", "matchningsansvarig": "delvis"}))
    assert s["omdome"]["status"] == "inte_redo"
    assert s["omdome"]["text"] == "2 av 4 förutsättningar är inte uppfyllda eller är oklara och 1 är obesvarad. Åtgärda dem innan ni beslutar om sysselsättningskrav."
    assert s["omdome"]["atgarder"] == ["Beskriv syftet: vad ni vill uppnå med sysselsättningskrav", "Definiera målgruppen för kraven", "Avsätt resurser för uppföljning och bestäm vem som följer upp kraven"]


def test_ready_but_other_items_no_is_mentioned_by_name():
    items = get_tool("beslutsunderlag").items
    s = summarize("beslutsunderlag", state(all_prereqs("ja", sanktioner="nej", roller="nej")))
    assert s["omdome"]["status"] == "redo"
    assert s["omdome"]["text"].endswith(
        f"Men 2 andra punkter är besvarade med Nej – se över dem: ”{items['roller'].text}” och ”{items['sanktioner'].text}”."
        if list(items).index("roller") < list(items).index("sanktioner") else
        f"Men 2 andra punkter är besvarade med Nej – se över dem: ”{items['sanktioner'].text}” och ”{items['roller'].text}”.")
    one = summarize("beslutsunderlag", state(all_prereqs("ja", sanktioner="nej")))
    assert one["omdome"]["text"].endswith(f"Men ”{items['sanktioner'].text}” är besvarad med Nej – se över den.")


def test_the_verdict_counts_what_its_list_shows():
    # One No and three unanswered: "Åtgärda först" lists four, so the sentence says four.
    s = summarize("beslutsunderlag", state({"syfte": "nej"}))
    assert len(s["oppna_forutsattningar"]) == 4
    assert s["omdome"]["text"] == ("1 av 4 förutsättningar är inte uppfylld eller är oklar och 3 är obesvarade. "
                                   "Åtgärda dem innan ni beslutar om sysselsättningskrav.")


def test_vet_ej_list_progress_and_decision_warning():
    answers = all_prereqs("ja", malgrupp="delvis", personuppgifter="vet-ej", beslut="ja-generellt")
    answers["analys-mal"] = "Fler i arbete"
    s = summarize("beslutsunderlag", state(answers, ansvarig={"personuppgifter": "Jurist"}))
    assert s["vet_ej"] == [{"id": "personuppgifter", "text": "Finns rutiner för personuppgifter i uppföljningen?", "avsnitt": "7. Risker", "ansvarig": "Jurist"}]
    progress = {x["id"]: (x["besvarade"], x["totalt"]) for x in s["avsnitt"]}
    assert progress["analys"] == (1, 8) and progress["risker"] == (1, 3) and progress["beslut"] == (1, 6)
    assert s["varningar"] and "Ja, generellt" in s["varningar"][0]


def test_genomforande_has_its_own_prerequisites():
    s = summarize("genomforande", state({"uppfoljningsresurser": "ja", "matchning": "nej"}, tool="genomforande"))
    assert s["omdome"]["status"] == "inte_redo" and s["omdome"]["atgarder"] == ["Utse en matchningsansvarig"]
    assert s["omdome"]["text"].endswith("Åtgärda den innan ni börjar ställa sysselsättningskrav i upphandlingar.")


def test_the_pilot_path_can_be_complete_and_the_branch_not_chosen_is_left_out():
    from calculators.checklists.export import export
    tool = get_tool("genomforande")
    organisation = {i.id: "ja" for i in tool.items.values() if i.section == "organisation"}
    answers = {"start": "pilot", "pilot-avgransning": "Städ i skolorna under 2027", **organisation}
    s = summarize("genomforande", state(answers, tool="genomforande"))
    # 1 choice + the pilot's scope + 8 points: 10 of 10, not 10 of 11 with the full-scale question.
    assert (s["besvarade"], s["totalt"]) == (10, 10)
    assert {x["id"]: (x["besvarade"], x["totalt"]) for x in s["avsnitt"]}["start"] == (2, 2)
    text = export("genomforande", state(answers, tool="genomforande"), "markdown")["innehall"]
    assert tool.items["pilot-avgransning"].text in text and tool.items["styrdokument"].text not in text
    # Nothing chosen yet: neither branch's question counts or is printed.
    empty = summarize("genomforande", state({}, tool="genomforande"))
    assert {x["id"]: x["totalt"] for x in empty["avsnitt"]}["start"] == 1
    direct = export("genomforande", state({"start": "direkt"}, tool="genomforande"), "markdown")["innehall"]
    assert tool.items["styrdokument"].text in direct and tool.items["pilot-avgransning"].text not in direct


def test_uppfoljning_indicators_per_period():
    rows = {"perioder": [
        {"id": "period-1", "period": "2025", "upphandlingar_med_krav": "3", "upphandlingar_totalt": "12",
         "individer": "4", "anbud": "10", "kostnad": "120 000", "andrad": T},
        {"id": "n-2", "period": "2026", "upphandlingar_med_krav": 5, "upphandlingar_totalt": 4, "individer": "0",
         "anbud": "tio", "andrad": T},
    ]}
    s = summarize("uppfoljning", state({}, tool="uppfoljning", rader=rows))
    assert s["omdome"] is None
    first, second = s["nyckeltal"]
    assert first["period"] == "2025"
    assert [v["visning"] for v in first["nyckeltal"]] == ["25\u00a0%", "3,3", "30\u00a0000\u00a0kr"]
    assert first["nyckeltal"][0]["varde"] == 0.25
    assert [v["visning"] for v in second["nyckeltal"]] == ["125\u00a0%", "–", "–"]
    assert any("”tio”" in w for w in s["varningar"])
    assert any("fler upphandlingar med krav än upphandlingar totalt" in w for w in s["varningar"])


def test_kommunikationsplan_lists_rows_without_owner():
    rows = {"malgrupper": [{"id": "leverantorer", "budskap": "Krav kommer", "andrad": T}]}
    s = summarize("kommunikationsplan", state({}, tool="kommunikationsplan", rader=rows))
    assert s["tabeller"]["malgrupper"]["utan_ansvarig"] == ["Leverantörer"]
    assert s["avsnitt"] == [{"id": "malgrupper", "rubrik": "Målgrupper", "besvarade": 1, "totalt": 8}]


def test_summary_html_shows_verdict_owner_and_action():
    answers = all_prereqs("ja", matchningsansvarig="nej")
    html = render_summary("beslutsunderlag", state(answers, ansvarig={"matchningsansvarig": "Eva"}))
    assert 'data-omdome="inte_redo"' in html
    assert "Utse en matchningsansvarig" in html and "Ansvarig: <bdi>Eva</bdi>" in html


def test_summary_html_drops_direction_controls_and_isolates_what_was_typed():
    # A pasted right-to-left override turned the sentence around ("… för 61 :5202"), and a
    # right-to-left name moved the text after it.
    rows = {"perioder": [{"id": "period-1", "period": "\u202e2025", "individer": "16", "andrad": T}]}
    html = render_summary("uppfoljning", state({}, tool="uppfoljning", rader=rows))
    assert "\u202e" not in html
    assert "utfallet för <bdi>2025</bdi>: 16 personer" in html
    rows = {"malgrupper": [{"id": "n-1", "malgrupp": "\u202bשלום\u202c", "budskap": "x", "andrad": T}]}
    html = render_summary("kommunikationsplan", state({}, tool="kommunikationsplan", rader=rows))
    assert "Ansvarig saknas för: <bdi>שלום</bdi>" in html and "\u202b" not in html


def test_rows_are_named_alike_in_the_summary_and_the_document_in_the_forms_order():
    from calculators.checklists.content import table_blocks

    # Saved in the order they were last edited; the form shows added rows in the order they
    # were added (their ids begin with the time), after the pre-filled one.
    rows = {"perioder": [
        {"id": "n-b", "individer": "2", "andrad": T},
        {"id": "n-a", "period": " 2026 ", "individer": "1", "andrad": T},
        {"id": "period-1", "individer": "4", "andrad": T},
    ]}
    st = state({}, tool="uppfoljning", rader=rows)
    names = ["Ny period 1", "2026", "Ny period 3"]
    s = summarize("uppfoljning", st)
    assert [(r["id"], r["rubrik"]) for r in s["tabeller"]["perioder"]["rader"]] == list(zip(["period-1", "n-a", "n-b"], names))
    assert [p["period"] for p in s["nyckeltal"]] == names
    tool = get_tool("uppfoljning")
    [block] = table_blocks(tool, tool.tables["perioder"], st)
    assert [row[0] for row in block["rader"]] == names


def test_a_row_is_named_by_its_heading_or_its_place():
    table = get_tool("kommunikationsplan").tables["malgrupper"]
    assert table.row_name({"malgrupp": "  Skolor "}, 9) == "Skolor"
    assert table.row_name({"malgrupp": ""}, 9) == "Ny målgrupp 9"
    assert table.row_name({}, 2) == "Ny målgrupp 2"


def test_outcome_scenario_uses_the_latest_period_with_people():
    import base64
    import json

    from calculators.checklists.summary import outcome_scenario

    periods = [{"period": "2025", "individer": 4.0}, {"period": "2026", "individer": 2.6}, {"period": "2027", "individer": None}]
    outcome = outcome_scenario(periods)
    assert outcome["period"] == "2026" and outcome["antal_personer"] == 2
    encoded = outcome["fragment"].removeprefix("scenario=")
    assert json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))) == {"version": 2, "antal_personer": 2}
    assert outcome_scenario([{"period": "2025", "individer": 0.0}]) is None
    assert outcome_scenario([]) is None


def test_answers_without_a_prerequisite_do_not_read_as_nothing_answered():
    # From two new users' checks: choosing "Starta med en pilot" gave "Inte besvarat ännu" above
    # "1 av 10 besvarade", and the same unanswered prerequisites gave another verdict once a
    # question that is not one was answered. Anything answered: not finished, and the
    # prerequisites still to answer are listed.
    for answers in ({"start": "pilot"}, {"start": "pilot", "dedikerad-person": "delvis"}):
        s = summarize("genomforande", state(answers, tool="genomforande"))
        assert s["besvarade"] == len(answers)
        verdict = s["omdome"]
        assert (verdict["status"], verdict["rubrik"]) == ("ej_klar", "Inte färdigt"), answers
        assert verdict["text"] == "2 av 2 förutsättningar är obesvarade. Besvara dem för att få ett omdöme."
        assert len(s["oppna_forutsattningar"]) == 2
    nothing = summarize("genomforande", None)["omdome"]
    assert (nothing["status"], nothing["rubrik"]) == ("tom", "Inte besvarat ännu")
