"""Exports (exact content) and JSON import validation."""

import json

import pytest

from calculators.checklists.export import export, export_csv, export_json, export_markdown, import_json
from calculators.checklists.state import FORMAT
from calculators.errors import InputError

T = "2026-11-26T09:00:00Z"

PLAN = {
    "format": FORMAT, "schema": 2, "verktyg": "kommunikationsplan", "uppdaterad": T, "svar": {},
    "rader": {"malgrupper": [
        {"id": "leverantorer", "budskap": "Vi ställer krav.\nFrågor? Ring oss", "kanal": "leverantorstraffar",
         "nar": "Mars 2026", "ansvarig": '=HYPERLINK("x")', "andrad": T},
        {"id": "n-a", "malgrupp": "Politiker", "riktning": "intern", "budskap": "-5 % kostnad", "andrad": T},
        {"id": "n-b", "borttagen": True, "andrad": T},
    ]},
}

PLAN_CSV = (
    '\ufeff"Målgrupp";"Internt eller externt";"Budskap";"Kanal";"När";"Ansvarig"\r\n'
    '"Ledningsgrupper";"Internt";"";"";"";""\r\n'
    '"Personalgrupper";"Internt";"";"";"";""\r\n'
    '"Projektledare/beställare";"Internt";"";"";"";""\r\n'
    '"Matchningsansvariga";"Internt";"";"";"";""\r\n'
    '"Leverantörer";"Externt";"Vi ställer krav.\nFrågor? Ring oss";"Leverantörsträffar";"Mars 2026";"\'=HYPERLINK(""x"")"\r\n'
    '"Det lokala näringslivet";"Externt";"";"";"";""\r\n'
    '"Bransch- och arbetsgivarorganisationer";"Externt";"";"";"";""\r\n'
    '"Fackliga organisationer";"Externt";"";"";"";""\r\n'
    '"Politiker";"Internt";"\'-5 % kostnad";"";"";""\r\n'
)

PLAN_MD = """# Kommunikationsplan

Senast ändrad: 2026-11-26

## Målgrupper

| Målgrupp | Internt eller externt | Budskap | Kanal | När | Ansvarig |
|---|---|---|---|---|---|
| Ledningsgrupper | Internt | – | – | – | – |
| Personalgrupper | Internt | – | – | – | – |
| Projektledare/beställare | Internt | – | – | – | – |
| Matchningsansvariga | Internt | – | – | – | – |
| Leverantörer | Externt | Vi ställer krav.<br>Frågor? Ring oss | Leverantörsträffar | Mars 2026 | &#61;HYPERLINK("x") |
| Det lokala näringslivet | Externt | – | – | – | – |
| Bransch- och arbetsgivarorganisationer | Externt | – | – | – | – |
| Fackliga organisationer | Externt | – | – | – | – |
| Politiker | Internt | \\-5 % kostnad | – | – | – |

## Sammanfattning

Ansvarig saknas för: Politiker.

### Besvarat

2 av 9 besvarade.

- Målgrupper: 2 av 9
"""


def test_csv_exact():
    assert export_csv("kommunikationsplan", PLAN) == PLAN_CSV


def test_csv_is_swedish_excel_shaped():
    text = export_csv("beslutsunderlag", {
        "format": FORMAT, "schema": 2, "verktyg": "beslutsunderlag", "uppdaterad": T, "rader": {},
        "svar": {"syfte": {"varde": "vet-ej", "ansvarig": "+46 70", "kommentar": "@SUM(A1)", "andrad": T}},
    })
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    lines = text[1:].split("\r\n")
    assert lines[0] == '"Del";"Avsnitt";"Fråga";"Förutsättning";"Svar";"Ansvarig";"Kommentar"'
    assert '"B. Förutsättningar";"1. Mål och mandat";"Är syftet beskrivet: vad vill vi uppnå med sysselsättningskrav?";"Ja";"Vet ej";"\'+46 70";"\'@SUM(A1)"' in lines
    assert len(lines) == 1 + 40 + 1


def test_csv_numbers_use_decimal_comma():
    state = {"format": FORMAT, "schema": 2, "verktyg": "uppfoljning", "uppdaterad": T, "svar": {}, "rader": {"perioder": [
        {"id": "period-1", "period": "2026", "upphandlingar_med_krav": "3", "upphandlingar_totalt": 8,
         "individer": "4", "anbud": "10", "kostnad": "120 000,5", "andrad": T}]}}
    last = export_csv("uppfoljning", state).split("\r\n")[-2]
    assert last == '"2026";"3";"8";"4";"10";"120000,5";"37,5";"3,3";"30000"'


def test_markdown_exact():
    assert export_markdown("kommunikationsplan", PLAN) == PLAN_MD


def test_json_exact_and_reimportable():
    text = export_json("kommunikationsplan", PLAN)
    assert text == json.dumps(PLAN, ensure_ascii=False, indent=2) + "\n"
    assert import_json("kommunikationsplan", text) == PLAN


def test_export_envelope():
    out = export("kommunikationsplan", PLAN, "csv")
    assert out["filnamn"] == "kommunikationsplan-2026-11-26.csv" and out["mimetyp"] == "text/csv;charset=utf-8"
    assert export("uppfoljning", None, "json")["filnamn"] == "uppfoljning.json"
    with pytest.raises(InputError):
        export("uppfoljning", None, "xlsx")


# ─── Import ─────────────────────────────────────────────────────────────────────────────


def good(**changes):
    return json.dumps({**PLAN, **changes}, ensure_ascii=False)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("{inte json", "inte giltig JSON (fel på rad 1"),
        ("", "tom"),
        ('{"a": NaN}', "inte giltig JSON"),
        ("[1, 2]", "kommer inte från verktygen"),
        ('{"schema": 2, "verktyg": "kommunikationsplan", "svar": {}}', "kommer inte från verktygen"),
        (good(format="excel-export"), "kommer inte från verktygen"),
        (good(verktyg="uppfoljning"), "”Uppföljning”"),
        (good(schema=7), "nyare version"),
        (good(rader={"malgrupper": "fel"}), "fel form"),
        (good(svar={"okand-fraga": {"varde": "ja", "andrad": T}}), "Okänd"),
        (good(rader={"malgrupper": [{"id": "n-x", "budskap": 12, "andrad": T}]}), "ska vara en text"),
    ],
)
def test_import_rejects_with_a_swedish_message(text, expected):
    with pytest.raises(InputError) as err:
        import_json("kommunikationsplan", text)
    assert expected in " ".join(m["meddelande"] for m in err.value.messages)


def test_import_accepts_a_bom():
    text = "\ufeff" + json.dumps({"format": FORMAT, "schema": 2, "verktyg": "genomforande", "uppdaterad": None,
                                   "svar": {"start": {"varde": "pilot", "andrad": T}}, "rader": {}})
    state = import_json("genomforande", text)
    assert state["schema"] == 2 and state["svar"]["start"]["varde"] == "pilot"


def test_import_refuses_another_schema_in_swedish():
    text = json.dumps({"format": FORMAT, "schema": 1, "verktyg": "genomforande", "svar": {"start": "Starta med en pilot"}})
    with pytest.raises(InputError) as err:
        import_json("genomforande", text)
    assert "Okänd version av sparade svar (schema 1)" in err.value.messages[0]["meddelande"]


def test_failed_import_leaves_the_current_state_alone():
    current = json.loads(json.dumps(PLAN))
    with pytest.raises(InputError):
        import_json("kommunikationsplan", good(rader={"malgrupper": [{"id": "n-x", "budskap": "ok", "andrad": T}, {"id": "n-y", "kanal": 3, "andrad": T}]}))
    assert current == PLAN  # import is a pure function: nothing to roll back
