"""The golden cases in tests/golden/checklists.json give the same responses in CPython.

The same file runs inside Pyodide (tests/pyodide). To regenerate it after an intended change:

    .venv/bin/python tests/unit/test_checklist_golden.py

and review the diff.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "checklists.json"

T1 = "2026-11-26T09:00:00.000Z"
T2 = "2026-11-26T09:30:00.000Z"
XSS = "<img src=x onerror=alert(1)>"


def _state(tool, svar=None, rader=None, uppdaterad=T1):
    return {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": tool, "uppdaterad": uppdaterad,
            "svar": svar or {}, "rader": rader or {}}


BESLUT = _state("beslutsunderlag", {
    "analys-mal": {"varde": "Fler i arbete\n**snabbt**", "andrad": T1},
    "syfte": {"varde": "ja", "ansvarig": "Kommundirektören", "andrad": T1},
    "malgrupp": {"varde": "delvis", "kommentar": XSS, "andrad": T1},
    "matchningsansvarig": {"varde": "vet-ej", "ansvarig": "Arbetsmarknadsenheten", "andrad": T1},
    "personuppgifter": {"varde": "vet-ej", "andrad": T1},
    "beslut": {"varde": "ja-pilot", "andrad": T1},
    "beslutsdatum": {"varde": "2026-12-10", "andrad": T1},
})

RESULT = {
    "version": 1,
    "scenario": {"inkomstar": 2026, "upphandlande_organisation": "kommun", "sysselsattningstyp": "anstallning",
                 "antal_personer": 2, "manader": 12, "omfattning": 1.0, "bruttolon": 25000,
                 "anstallningsstod": {"typ": "nystartsjobb", "antal_avgifter": 1}},
    "per_person": {"individ": 100000.4, "kommun": 20000, "region": 10000, "stat": 30000, "arbetsgivare": -5000},
    "totalt": {"individ": 200000.8, "kommun": 30000, "region": 20000, "stat": 60000, "arbetsgivare": -50000,
               "summa_aktorer": 260000.8, "indirekt_skatt": 30000, "samhallsekonomiskt_netto": 230000.8},
    "varningar": ["Dödvikt och undanträngning är 0."],
}

CASES = [
    ("sammanfattning av ett delvis ifyllt beslutsunderlag", "checklista_sammanfattning",
     {"verktyg": "beslutsunderlag", "tillstand": BESLUT, "sida": "verktyg/beslutsunderlag.md"}),
    ("sammanfattning av uppföljningens nyckeltal", "checklista_sammanfattning",
     {"verktyg": "uppfoljning", "tillstand": _state("uppfoljning", rader={"perioder": [
         {"id": "period-1", "period": "2025", "upphandlingar_med_krav": "3", "upphandlingar_totalt": "12",
          "individer": "4", "anbud": "10", "kostnad": "120 000", "andrad": T1}]})}),
    ("export till CSV för Excel", "checklista_exportera",
     {"verktyg": "kommunikationsplan", "format": "csv", "tillstand": _state("kommunikationsplan", rader={"malgrupper": [
         {"id": "leverantorer", "budskap": "=HYPERLINK(\"http://x\")", "kanal": "leverantorstraffar", "nar": "Mars", "ansvarig": "Åsa", "andrad": T1},
         {"id": "n-m3x1k2ab-4f7q", "malgrupp": "Politiker", "riktning": "intern", "budskap": XSS, "andrad": T1}]})}),
    ("export till Markdown", "checklista_exportera",
     {"verktyg": "genomforande", "format": "markdown", "tillstand": _state("genomforande", {
         "start": {"varde": "pilot", "andrad": T1},
         "pilot-avgransning": {"varde": "Städ i [skolor](javascript:alert(1))", "andrad": T1},
         "matchning": {"varde": "nej", "ansvarig": "AF", "klart_senast": "2027-01-31", "andrad": T1}})}),
    ("export till JSON", "checklista_exportera",
     {"verktyg": "genomforande", "format": "json", "tillstand": _state("genomforande", {"start": {"varde": "direkt", "andrad": T1}})}),
    ("import av en fil med en okänd version (schema 1) avvisas", "checklista_importera",
     {"verktyg": "beslutsunderlag", "text": json.dumps({"format": "sysselsattningskrav-verktyg", "schema": 1,
      "verktyg": "beslutsunderlag", "sparad": "2025-05-01T10:00:00Z", "svar": {"syfte": "Ja", "malgrupp": "Vet ej"},
      "ansvarig": {"malgrupp": "Eva"}}, ensure_ascii=False)}),
    ("import av en främmande fil avvisas", "checklista_importera",
     {"verktyg": "beslutsunderlag", "text": "{\"name\": \"budget.xlsx\", \"rows\": []}"}),
    ("import av trasig JSON avvisas", "checklista_importera",
     {"verktyg": "beslutsunderlag", "text": "{\"format\": \"sysselsattningskrav-verktyg\", "}),
    ("beslutsunderlagets dokument med sparad beräkning", "beslutsunderlag_dokument",
     {"tillstand": {"beslutsunderlag": BESLUT}, "berakning": RESULT, "sida": "verktyg/dokument.md"}),
]


def _handle():
    """calculators.web.handle if it imports (it needs every sub-package), else the same
    envelope around this package's OPS."""
    try:
        from calculators.web import handle

        return handle
    except ImportError:  # pragma: no cover - only while another package is unfinished
        from calculators.checklists.api import OPS
        from calculators.errors import InputError

        def handle(request):
            parsed = json.loads(request)
            try:
                data = OPS[parsed["op"]](parsed.get("data"))
            except InputError as err:
                return json.dumps({"ok": False, "fel": err.messages}, ensure_ascii=False)
            return json.dumps({"ok": True, "data": data}, ensure_ascii=False, allow_nan=False)

        return handle


def _run(request):
    return json.loads(_handle()(json.dumps(request, ensure_ascii=False)))


def regenerate():
    cases = []
    for name, op, data in CASES:
        request = {"op": op, "data": data}
        cases.append({"namn": name, "request": request, "expected": _run(request)})
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


GOLDEN_CASES = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.is_file() else []


def test_golden_file_covers_the_designed_cases():
    assert [c["namn"] for c in GOLDEN_CASES] == [name for name, _, _ in CASES]
    assert [c["request"] for c in GOLDEN_CASES] == [{"op": op, "data": data} for _, op, data in CASES]
    rejected = [c for c in GOLDEN_CASES if not c["expected"]["ok"]]
    assert len(rejected) == 3 and all(c["expected"]["fel"][0]["meddelande"] for c in rejected)


@pytest.mark.parametrize("case", GOLDEN_CASES, ids=[c["namn"] for c in GOLDEN_CASES])
def test_golden_case_in_cpython(case):
    assert _run(case["request"]) == case["expected"]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    regenerate()
    print(f"Skrev {GOLDEN}")
