"""The browser's one entry point into Python: JSON text in, JSON text out.

The Web Worker (overrides/assets/javascripts/sk-python-worker.mjs) imports this module by
name, `calculators.web`, and calls `handle` for every request; the Pyodide tests
(tests/pyodide/run_golden.mjs) do the same. It only routes: each package contributes its
operations through an `OPS` mapping (the model's in calculators.model.api, the calculator
page's in calculators.pages.calculator, the CSV download's in calculators.pages.export, the
checklists' in calculators.checklists.api).

Request:  {"op": "<operation>", "data": {...}}
Response: {"ok": true, "data": {...}}
       or {"ok": false, "fel": [{"falt": "<field or null>", "meddelande": "<Swedish text>"}]}

`handle` never raises: whatever goes wrong becomes a Swedish message, so the page never
shows a traceback.
"""

import json

from calculators import jsontext
from calculators.errors import InputError


def _operations():
    from calculators.checklists.api import OPS as checklist_ops
    from calculators.model.api import OPS as model_ops
    from calculators.pages.calculator import OPS as page_ops
    from calculators.pages.export import OPS as export_ops

    ops = {}
    for table in (model_ops, export_ops, checklist_ops, page_ops):
        ops.update(table)
    return ops


_OPS = None


def _fail(messages):
    return json.dumps({"ok": False, "fel": messages}, ensure_ascii=False)


def handle(request: str) -> str:
    global _OPS
    try:
        parsed = jsontext.loads(request)
    except jsontext.TooDeep:
        return _fail([{"falt": None, "meddelande": "Uppgifterna är för djupt nästlade för att kunna läsas. Inget har ändrats."}])
    except (TypeError, ValueError, RecursionError):
        return _fail([{"falt": None, "meddelande": "Förfrågan kunde inte läsas (ogiltig JSON)."}])
    if not isinstance(parsed, dict) or not isinstance(parsed.get("op"), str):
        return _fail([{"falt": None, "meddelande": "Förfrågan saknar en giltig operation."}])
    if _OPS is None:
        _OPS = _operations()
    op = _OPS.get(parsed["op"])
    if op is None:
        return _fail([{"falt": None, "meddelande": f"Okänd operation: {parsed['op']}."}])
    try:
        data = op(parsed.get("data"))
    except InputError as err:
        return _fail(err.messages)
    except Exception:  # noqa: BLE001 - the page must never show a traceback
        return _fail([{"falt": None, "meddelande": "Ett oväntat fel uppstod i beräkningen. Kontrollera uppgifterna och försök igen."}])
    return json.dumps({"ok": True, "data": data}, ensure_ascii=False, allow_nan=False)


def prepare() -> None:
    """Do once what a visit's first requests would do: import every module of the package
    (but the command line's, which never runs in a browser) and read the parameter files,
    with one request of each kind.

    The Web Worker calls this before it keeps a memory snapshot of the interpreter for the
    next visit, which then starts with all of it done; the build calls it to learn which
    standard library modules the site must ship (overrides/hooks/pyodide_bytecode.mjs).
    Raises RuntimeError if a request fails: a snapshot of a broken state must not be kept."""
    import gc
    import importlib
    import pkgutil

    import calculators

    for module in pkgutil.walk_packages(calculators.__path__, "calculators."):
        if module.name not in ("calculators.__main__", "calculators.cli"):
            importlib.import_module(module.name)
    _answer("forinstallningar", {})
    _answer("parametrar", {})
    _answer("berakna", {"scenario": _answer("standardscenario", {})})
    gc.collect()


def _answer(op: str, data: dict):
    response = json.loads(handle(json.dumps({"op": op, "data": data})))
    if not response["ok"]:
        raise RuntimeError(f"{op}: {response['fel']}")
    return response["data"]
