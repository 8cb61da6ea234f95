"""The one entry point the browser worker calls: JSON text in, JSON text out.

Request:  {"op": "<operation>", "data": {...}}
Response: {"ok": true, "data": {...}}
       or {"ok": false, "fel": [{"falt": "<field or null>", "meddelande": "<Swedish text>"}]}

`handle` never raises: whatever goes wrong becomes a Swedish message, so the page never
shows a traceback. Each sub-package contributes its operations through an `OPS` mapping.
"""

import json

from calculators import jsontext
from calculators.errors import InputError


def _operations():
    ops = {}
    from calculators.impact.api import OPS as impact_ops
    from calculators.checklists.api import OPS as checklist_ops
    from calculators.impact.page import OPS as page_ops

    ops.update(impact_ops)
    ops.update(checklist_ops)
    ops.update(page_ops)
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
