"""The golden cases, run inside real Pyodide under Node, give the same answers as CPython.

The calculators zip and the memory snapshot are made exactly as the site build makes them
(the hook's `build_package_zip` and `make_snapshot`), the Node script `run_golden.mjs`
starts Pyodide from node_modules and that snapshot, as the site's worker does,
and each golden case {"namn", "request", "expected"} of tests/golden/*.json becomes one
test here. Floats compare with a relative tolerance of 1e-9.
"""

from __future__ import annotations

import importlib.util
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = ROOT / "tests" / "golden"
SCRIPT = Path(__file__).with_name("run_golden.mjs")
REL_TOL = 1e-9

# Our own cases: they exercise the JSON entry point itself and need no sub-package.
OWN_CASES = [
    {
        "namn": "ogiltig JSON ger svenskt fel",
        "request": "{inte json",
        "expected": {"ok": False, "fel": [{"falt": None, "meddelande": "Förfrågan kunde inte läsas (ogiltig JSON)."}]},
    },
    {
        "namn": "förfrågan utan operation ger svenskt fel",
        "request": {"data": {}},
        "expected": {"ok": False, "fel": [{"falt": None, "meddelande": "Förfrågan saknar en giltig operation."}]},
    },
    {
        "namn": "åäö tål rundresan",
        "request": {"op": ["åäö"]},
        "expected": {"ok": False, "fel": [{"falt": None, "meddelande": "Förfrågan saknar en giltig operation."}]},
    },
]
if (ROOT / "calculators" / "model" / "api.py").is_file() and (ROOT / "calculators" / "checklists" / "api.py").is_file():
    OWN_CASES.append(
        {
            "namn": "okänd operation ger svenskt fel",
            "request": {"op": "finns_inte", "data": {}},
            "expected": {"ok": False, "fel": [{"falt": None, "meddelande": "Okänd operation: finns_inte."}]},
        }
    )


def _load_hook():
    spec = importlib.util.spec_from_file_location("pyodide_assets", ROOT / "overrides" / "hooks" / "pyodide_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _golden_cases():
    cases = [("egna", case) for case in OWN_CASES]
    for path in sorted(GOLDEN_DIR.glob("*.json")):
        parsed = json.loads(path.read_text(encoding="utf-8"))
        for case in parsed if isinstance(parsed, list) else parsed["cases"]:
            cases.append((path.name, case))
    return cases


CASES = _golden_cases()


def same(actual, expected, where="svar"):
    """Assert equality with float tolerance; returns nothing, raises with the path on mismatch."""
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, (int, float)):
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), f"{where}: {actual!r} är inget tal"
        assert math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=1e-12), f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r} != {expected!r}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            same(a, e, f"{where}[{i}]")
    elif isinstance(expected, dict):
        assert isinstance(actual, dict) and set(actual) == set(expected), (
            f"{where}: nycklar {sorted(actual) if isinstance(actual, dict) else actual!r} != {sorted(expected)}"
        )
        for key in expected:
            same(actual[key], expected[key], f"{where}.{key}")
    else:  # pragma: no cover
        raise AssertionError(f"{where}: oväntad typ {type(expected)}")


@pytest.fixture(scope="session")
def pyodide_results(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js saknas: Pyodide-testerna kör Pyodide under Node.")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        pytest.fail("node_modules/pyodide saknas: kör `npm ci`.")
    tmp = tmp_path_factory.mktemp("pyodide")
    hook = _load_hook()
    data, name = hook.build_package_zip()
    zip_path = tmp / name
    zip_path.write_bytes(data)
    snapshot = tmp / hook.snapshot_name(data)
    hook.make_snapshot(zip_path, snapshot)
    own = tmp / "egna.json"
    own.write_text(json.dumps(OWN_CASES, ensure_ascii=False), encoding="utf-8")
    goldens = [str(own)] + [str(p) for p in sorted(GOLDEN_DIR.glob("*.json"))]
    done = subprocess.run(
        [node, str(SCRIPT), "--snapshot", str(snapshot), str(zip_path), *goldens],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, f"run_golden.mjs misslyckades:\n{done.stderr[-4000:]}"
    output = json.loads(done.stdout)
    return {(r["fil"], r["namn"]): r["response"] for r in output["results"]}, output


def test_pyodide_version_is_the_pinned_one(pyodide_results):
    _, output = pyodide_results
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert output["pyodide"] == pinned
    assert output["python"].startswith("3.")
    assert output["snapshot"], "the cases must run in Pyodide started from the site's snapshot"


def test_package_zip_is_deterministic():
    hook = _load_hook()
    first, name1 = hook.build_package_zip()
    second, name2 = hook.build_package_zip()
    assert first == second and name1 == name2
    import io
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == sorted(names)
    assert "calculators/web.py" in names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


@pytest.mark.parametrize(
    "fil,case", CASES, ids=[f"{fil}:{case['namn']}" for fil, case in CASES]
)
def test_golden_case_in_pyodide(pyodide_results, fil, case):
    results, _ = pyodide_results
    key = ("egna.json" if fil == "egna" else fil, case["namn"])
    assert key in results, f"fallet {key} kördes inte i Pyodide"
    same(results[key], case["expected"])
