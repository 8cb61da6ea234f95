"""Run every benchmark in bench/ (each `bench_*.py` module's `main()`), one after another.

`make bench` calls this; copy the printed tables into bench/RESULTS.md with machine and date.
"""

import importlib
import pathlib
import platform
import datetime
import os

HERE = pathlib.Path(__file__).resolve().parent

print(f"# Benchmarks, {datetime.date.today().isoformat()}, {platform.machine()}, "
      f"{os.cpu_count()} cores, Python {platform.python_version()}\n")
for module in sorted(HERE.glob("bench_*.py")):
    print(f"## {module.stem}\n", flush=True)
    importlib.import_module(f"bench.{module.stem}").main()
    print(flush=True)
