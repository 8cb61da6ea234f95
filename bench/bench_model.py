"""Benchmark of the impact model in CPython: one evaluation and a 2 000-draw Monte Carlo.

Times are reported in milliseconds and as ratios to a baseline measured in the same process
(json.loads + json.dumps of the default scenario), so results from different machines and
from Pyodide can be compared. Prints a Markdown table.

    .venv/bin/python bench/bench_model.py
"""

import json
import os
import platform
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from calculators.impact import analysis, model, scenario  # noqa: E402


def best_of(fn, repeat, number):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def main():
    sc = scenario.default_scenario(2026)
    text = json.dumps(sc)
    validated = scenario.validate(sc)
    baseline = best_of(lambda: json.dumps(json.loads(text)), 5, 2000)
    one = best_of(lambda: model.evaluate(sc), 5, 500)
    mc = best_of(lambda: analysis.monte_carlo(validated, 2000, 1), 5, 1)
    sens = best_of(lambda: analysis.sensitivity(validated, "kopare"), 5, 20)
    rows = [
        ("Baslinje: json.loads + json.dumps av scenariot", baseline),
        ("En beräkning (validering + modell + brytpunkter)", one),
        ("Monte Carlo, 2 000 dragningar", mc),
        ("Känslighetsanalys (tornado)", sens),
    ]
    print(f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.machine()}")
    print()
    print("| Mätning | Tid (ms) | Kvot mot baslinjen |")
    print("|---|---:|---:|")
    for name, t in rows:
        print(f"| {name} | {t * 1000:.3f} | {t / baseline:.1f} |")
    print()
    print(f"Per dragning i Monte Carlo: {mc / 2000 * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
