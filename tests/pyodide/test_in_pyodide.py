"""The golden cases, run inside real Pyodide under Node, give the same answers as CPython.

The compiled calculators zip and the trimmed standard library are made exactly as the site
build makes them (the hook's `build_package_zip` and `compiled`: the files the site ships). The
Node script `run_golden.mjs` starts Pyodide from node_modules' runtime with that standard
library, once from a memory snapshot made as the site's worker makes it after a first start
(a later visit) and once without one (a first visit), and each golden case {"namn", "request", "expected"} of tests/golden/*.json becomes one
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
    source, _ = hook.build_package_zip()
    made = hook.compiled(source)
    manifest = json.loads((made / "moduler.json").read_text(encoding="utf-8"))
    zip_path, stdlib = tmp / "calculators.zip", tmp / "stdlib.zip.zst"
    shutil.copyfile(made / "calculators.zip", zip_path)
    shutil.copyfile(made / "stdlib.zip.zst", stdlib)
    own = tmp / "egna.json"
    own.write_text(json.dumps(OWN_CASES, ensure_ascii=False), encoding="utf-8")
    goldens = [str(own)] + [str(p) for p in sorted(GOLDEN_DIR.glob("*.json"))]
    outputs = []
    for start in (["--from-snapshot"], []):
        done = subprocess.run(
            [node, str(SCRIPT), "--stdlib", str(stdlib), *start, str(zip_path), *goldens],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, f"run_golden.mjs misslyckades:\n{done.stderr[-4000:]}"
        outputs.append(json.loads(done.stdout))
    output, fresh = outputs
    output["fresh"] = fresh
    output["manifest"] = manifest
    return {(r["fil"], r["namn"]): r["response"] for r in output["results"]}, output


def test_pyodide_version_is_the_pinned_one(pyodide_results):
    _, output = pyodide_results
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert output["pyodide"] == pinned
    assert output["python"].startswith("3.")
    assert output["snapshot"], "the cases must run in Pyodide started from a snapshot made as the site's worker makes it"
    assert output["stdlib"] and output["fresh"]["stdlib"], "the cases must run with the site's standard library"


def test_a_first_visit_without_the_snapshot_gives_the_same_answers(pyodide_results):
    results, output = pyodide_results
    fresh = {(r["fil"], r["namn"]): r["response"] for r in output["fresh"]["results"]}
    assert fresh.keys() == results.keys()
    for key, response in results.items():
        same(fresh[key], response, f"{key}")


def _imported_stdlib_modules():
    """Every standard library module the package names in an import statement (at the top
    or inside a function), but for the command line's: the browser never runs it."""
    import ast
    import sys

    names = set()
    for path in sorted((ROOT / "calculators").rglob("*.py")):
        if path.name == "__main__.py" or path.name == "cli.py" and path.parent.name == "calculators":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in found:
                if name.split(".")[0] in sys.stdlib_module_names and name.split(".")[0] != "__future__":
                    names.add((name, path.relative_to(ROOT).as_posix()))
    return names


def test_the_trimmed_standard_library_holds_every_module_the_core_imports(pyodide_results):
    """The guard: a module the core imports (even inside a function that the build's
    requests never call) that is neither in the trimmed zip nor built into Python fails
    here, before a visitor's browser meets a ModuleNotFoundError."""
    _, output = pyodide_results
    manifest = output["manifest"]
    available = set(manifest["modules"]) | set(manifest["frozen"]) | set(manifest["builtin"])
    missing = sorted(f"{name} ({where})" for name, where in _imported_stdlib_modules()
                     if name not in available and name.rsplit(".", 1)[0] not in available)
    assert not missing, "saknas i det bantade standardbiblioteket: " + ", ".join(missing)
    # and whatever the golden cases imported at run time came from that zip
    for run in (output, output["fresh"]):
        assert set(run["stdlib_modules"]) <= available | {"__main__"}


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
