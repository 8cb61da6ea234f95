"""calculators.web.prepare: what the worker runs before it keeps Python's memory snapshot."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import web

ROOT = Path(__file__).resolve().parents[2]


def test_prepare_imports_every_module_but_the_command_line():
    # In a fresh interpreter: in this one, other tests have imported the package already.
    script = (
        "import json, pkgutil, sys, calculators\n"
        "from calculators import web\n"
        "web.prepare()\n"
        "names = {m.name for m in pkgutil.walk_packages(calculators.__path__, 'calculators.')}\n"
        "print(json.dumps({'missing': sorted(n for n in names if n not in sys.modules),"
        " 'count': len(names), 'cli': 'calculators.cli' in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["missing"] == ["calculators.__main__", "calculators.cli"]
    assert result["count"] > 20 and not result["cli"]


def test_prepare_refuses_to_go_on_when_a_request_fails(monkeypatch):
    # A snapshot of an interpreter whose parameter files did not read must never be kept.
    real = web.handle
    monkeypatch.setattr(web, "handle", lambda request: real(request.replace('"parametrar"', '"finns-inte"')))
    with pytest.raises(RuntimeError, match="parametrar"):
        web.prepare()
