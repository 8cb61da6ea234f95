"""Golden cases for the impact model: tests/golden/impact.json.

Each case is {"namn", "request": {"op", "data"}, "expected": <parsed response of
calculators.web.handle>} — i.e. {"ok": true, "data": ...} or {"ok": false, "fel": [...]}.
The same file is run inside Pyodide by tests/pyodide; floats compare with relative tolerance 1e-9.

Regenerate after an intended change of the model:
    .venv/bin/python tests/unit/test_impact_golden.py --skriv
"""

import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "golden", "impact.json")
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def _handle(request):
    """calculators.web.handle, or the same envelope around the impact OPS if web can't import."""
    try:
        from calculators.web import handle
    except ImportError:  # pragma: no cover - another package not there yet
        from calculators.errors import InputError
        from calculators.model.api import OPS

        def handle(text):
            req = json.loads(text)
            try:
                return json.dumps({"ok": True, "data": OPS[req["op"]](req.get("data"))}, ensure_ascii=False)
            except InputError as err:
                return json.dumps({"ok": False, "fel": err.messages}, ensure_ascii=False)
    return json.loads(handle(json.dumps(request, ensure_ascii=False)))


def cases():
    from calculators.model import scenario

    base = scenario.default_scenario(2026)
    b25 = dict(scenario.default_scenario(2025), bruttolon=21000, omfattning=0.75, antal_personer=4,
               upphandlande_organisation="region", anstallningsstod={"typ": "lonebidrag", "andel": 0.8, "tak": 20000},
               forsorjningsstod=6254, statlig_ersattning={"typ": "ingen"}, bostadsbidrag=1200,
               dodvikt=0.2, undantrangning=0.1, fullfoljandegrad=0.85,
               efter_kravet={"kvar_andel": 0.5, "ar": 3}, alder=67, bonus=20000, utjamning="avgift",
               leverantorens_kostnad_i_priset=0.5)
    praktik = dict(base, sysselsattningstyp="praktik", manader=3, produktionsvarde_praktik=5000,
                   anstallningsstod={"typ": "ingen"}, upphandlande_organisation="stat")
    young = dict(base, alder=20, bruttolon=27000, anstallningsstod={"typ": "belopp", "kr_per_manad": 4000},
                 statlig_ersattning={"typ": "aktivitetsstod"}, manader=18, antal_personer=5)
    return [
        {"namn": "Standardscenario 2025", "request": {"op": "standardscenario", "data": {"inkomstar": 2025}}},
        {"namn": "Anställning med nystartsjobb, standardvärden 2026", "request": {"op": "berakna", "data": {"scenario": base}}},
        {"namn": "Lönebidrag, 67 år, 2025, utjämningsavgift, halva kostnaden i priset, dödvikt och år efter kravet, känslighet för arbetsgivaren",
         "request": {"op": "berakna", "data": {"scenario": b25, "kanslighet": "arbetsgivare"}}},
        {"namn": "Praktik, staten köper", "request": {"op": "berakna", "data": {"scenario": praktik}}},
        {"namn": "20 år 2026 med Monte Carlo (300 dragningar, frö 42)",
         "request": {"op": "berakna", "data": {"scenario": young, "osakerhet": {"dragningar": 300, "fro": 42}}}},
        {"namn": "Ogiltig indata: negativ lön och okänd nyckel",
         "request": {"op": "berakna", "data": {"scenario": dict(base, bruttolon=-100, lön=3)}}},
        {"namn": "Jämförelse: nystartsjobb mot praktik",
         "request": {"op": "jamfor", "data": {"scenarier": [{"namn": "Anställning med nystartsjobb", "scenario": base},
                                                              {"namn": "Praktik", "scenario": praktik}]}}},
        {"namn": "Förinställningar", "request": {"op": "forinstallningar", "data": {}}},
        {"namn": "Nystartsjobb för en 22-åring i 18 månader, försörjningsstöd före",
         "request": {"op": "berakna", "data": {"scenario": dict(base, alder=22, manader=18, forsorjningsstod=11370,
                                                                statlig_ersattning={"typ": "ingen"}, antal_personer=5)}}},
        {"namn": "Ett scenario i version 1 (åldersgrupp, lönebidragets tak på lönekostnaden) räknas som förut",
         "request": {"op": "berakna", "data": {"scenario": {"version": 1, "alder": "66+", "bruttolon": 30000,
                                                            "anstallningsstod": {"typ": "lonebidrag", "andel": 0.5, "tak": 26284}}}}},
    ]


def generate():
    out = []
    for case in cases():
        case = json.loads(json.dumps(case, ensure_ascii=False))
        case["expected"] = _handle(case["request"])
        out.append(case)
    return out


def close(a, b, path="$"):
    """Assert two JSON values equal, floats within relative tolerance 1e-9."""
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None or isinstance(a, str):
        assert a == b, f"{path}: {a!r} != {b!r}"
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), f"{path}: {a!r} != {b!r}"
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{path}: list lengths differ"
        for i, (x, y) in enumerate(zip(a, b)):
            close(x, y, f"{path}[{i}]")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b), f"{path}: keys differ {set(a) ^ set(b)}"
        for k in a:
            close(a[k], b[k], f"{path}.{k}")
    else:
        raise AssertionError(f"{path}: unexpected type {type(a)}")


def test_golden_cases_match_cpython():
    with open(GOLDEN, encoding="utf-8") as fh:
        golden = json.load(fh)
    assert len(golden) >= 6
    assert any(c["expected"]["ok"] is False for c in golden)
    assert any(c["request"]["data"].get("osakerhet") for c in golden if isinstance(c["request"].get("data"), dict))
    for case in golden:
        close(_handle(case["request"]), case["expected"], case["namn"])


def test_golden_invalid_case_names_the_field():
    with open(GOLDEN, encoding="utf-8") as fh:
        golden = json.load(fh)
    bad = next(c for c in golden if c["expected"]["ok"] is False)
    fields = {m["falt"] for m in bad["expected"]["fel"]}
    assert {"bruttolon", "lön"} <= fields


if __name__ == "__main__":
    if "--skriv" in sys.argv:
        with open(GOLDEN, "w", encoding="utf-8") as fh:
            json.dump(generate(), fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        print(f"Skrev {GOLDEN}")
