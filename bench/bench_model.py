"""Benchmark of the impact model: one evaluation and a 2 000-draw Monte Carlo, in CPython
and inside Pyodide (Node, the npm package the site ships).

Times are reported in milliseconds and as ratios to a baseline measured in the same process
(json.loads + json.dumps of the default scenario), so CPython and Pyodide can be compared.
`measure()` is stdlib-only: the Pyodide run executes this very file inside Pyodide.
Goals (issue 3): one evaluation < 1 ms in CPython; the Monte Carlo < 300 ms in Pyodide.

    .venv/bin/python -m bench.bench_model
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from calculators.model import analysis, effects, scenario  # noqa: E402

LABELS = {
    "baslinje": "Baslinje: json.loads + json.dumps av scenariot",
    "berakning": "En beräkning (validering + modell + brytpunkter)",
    "monte_carlo": "Monte Carlo, 2 000 dragningar",
    "kanslighet": "Känslighetsanalys (tornado)",
}


def best_of(fn, repeat, number):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def measure():
    """Seconds per operation, best of five rounds each."""
    sc = scenario.default_scenario(2026)
    text = json.dumps(sc)
    validated = scenario.validate(sc)
    return {
        "baslinje": best_of(lambda: json.dumps(json.loads(text)), 5, 2000),
        "berakning": best_of(lambda: effects.evaluate(sc), 5, 500),
        "monte_carlo": best_of(lambda: analysis.monte_carlo(validated, 2000, 1), 5, 1),
        "kanslighet": best_of(lambda: analysis.sensitivity(validated, "kopare"), 5, 20),
    }


def measure_in_pyodide():
    """Run `measure()` inside Pyodide under Node; returns its result and Pyodide's version."""
    import pathlib
    import subprocess
    import tempfile

    from bench._pyodide import package_zip

    root = pathlib.Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        zip_path = pathlib.Path(tmp) / "calculators.zip"
        zip_path.write_bytes(package_zip())
        out = subprocess.run(
            ["node", str(root / "bench" / "model_pyodide.mjs"), str(zip_path), __file__],
            check=True, capture_output=True, text=True, cwd=root,
        )
    return json.loads(out.stdout)


def main():
    import platform

    cpython = measure()
    pyodide = measure_in_pyodide()
    py = pyodide["resultat"]
    print(f"CPython {platform.python_version()}; Pyodide {pyodide['pyodide']} "
          f"(Python {pyodide['python']}) under Node {pyodide['node']}\n")
    print("| Mätning | CPython ms | × baslinje | Pyodide ms | × baslinje |")
    print("|---|---:|---:|---:|---:|")
    for key, label in LABELS.items():
        print(f"| {label} | {cpython[key] * 1000:.3f} | {cpython[key] / cpython['baslinje']:.0f} | "
              f"{py[key] * 1000:.3f} | {py[key] / py['baslinje']:.0f} |")
    print(f"\nMål: en beräkning < 1 ms i CPython ({cpython['berakning'] * 1000:.3f} ms); "
          f"Monte Carlo < 300 ms i Pyodide ({py['monte_carlo'] * 1000:.0f} ms).")


if __name__ == "__main__":
    main()
