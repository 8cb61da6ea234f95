"""The "Dela med kollegor" section and the rules it hands the browser: the same limits the
tools' forms carry (so a file is checked as the tool page would check it), one HTML block."""

from __future__ import annotations

import html
import json
import re

from calculators.checklists.bundle_page import bundle_rules, render_bundle_section
from calculators.checklists.definitions import TOOL_IDS, get_tool
from calculators.checklists.render import ROW_PLACEHOLDER, render_tool
from calculators.checklists.state import storage_key
from calculators.pages.calculator import FIELDS

CONTROL = re.compile(r"<(?:input|textarea|select)\b[^>]*>")


def _attr(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


def test_rules_carry_the_forms_limits():
    rules = bundle_rules()
    checked = 0
    assert list(rules["verktyg"]) == list(TOOL_IDS)
    for tool_id in TOOL_IDS:
        tool_rules = rules["verktyg"][tool_id]
        assert tool_rules["titel"] == get_tool(tool_id).title
        assert tool_rules["lagring"] == storage_key(tool_id)
        page = render_tool(tool_id, f"verktyg/{tool_id}.md")
        for tag in CONTROL.findall(page):
            field = _attr(tag, "data-falt")
            if field is None:
                continue
            control_id = _attr(tag, "id")
            most = int(_attr(tag, "maxlength") or 0)
            parts = control_id.split("--")  # sk--<tool>--<item>--<field>[--choice] or sk--<tool>--<table>--<row>--<column>
            checked += 1
            if parts[2] in tool_rules["fragor"]:
                assert tool_rules["fragor"][parts[2]][field] == most, control_id
            else:
                table = tool_rules["tabeller"][parts[2]]
                assert table["kolumner"][field] == most, control_id
                assert parts[3] in table["forifyllda"] or parts[3] == ROW_PLACEHOLDER, control_id
    assert checked > 100
    assert set(rules["berakning"]["falt"]) == set(FIELDS)


def test_the_section_is_one_html_block_with_a_labelled_file_input():
    out = render_bundle_section()
    assert "\n\n" not in out
    rules = json.loads(html.unescape(re.search(r'data-regler="([^"]*)"', out).group(1)))
    assert rules == bundle_rules()
    assert '<input type="file" class="sk-visuellt-dold sk-samlad-filval" id="sk-samlad-fil"' in out
    assert '<label class="md-button sk-knapp" for="sk-samlad-fil">Öppna en fil med allt</label>' in out
    assert 'role="status"' in out
    assert ">Dela med kollegor</h2>" in out
