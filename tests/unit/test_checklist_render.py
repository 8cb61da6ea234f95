"""The build-time HTML: accessible controls, unique ids, the JS contract, and that it passes
through Python-Markdown (as MkDocs runs it) unchanged."""

from html.parser import HTMLParser

import markdown
import pytest

from calculators.checklists.document import render_document_shell
from calculators.checklists.render import ROW_PLACEHOLDER, relative_url, render_tool

TOOLS = ["beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning"]
SITE_EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "def_list", "tables", "pymdownx.details", "pymdownx.superfences"]


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.label_for = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "label" and "for" in attrs:
            self.label_for.append(attrs["for"])


def parse(html):
    c = Collector()
    c.feed(html)
    return c


@pytest.mark.parametrize("tool_id", TOOLS)
def test_every_control_has_a_label_and_ids_are_unique(tool_id):
    html = render_tool(tool_id, "verktyg/x.md")
    c = parse(html)
    ids = [a["id"] for _, a in c.elements if "id" in a]
    assert len(ids) == len(set(ids))
    controls = [
        a for tag, a in c.elements
        if tag in ("input", "select", "textarea") and "hidden" not in a
    ]
    assert controls
    for a in controls:
        assert a["id"] in c.label_for, a["id"]
        assert "data-falt" in a
    for target in c.label_for:
        assert target in ids
    # aria references point at existing ids
    for _, a in c.elements:
        for ref in (a.get("aria-describedby") or "").split() + (a.get("aria-labelledby") or "").split():
            assert ref in ids, ref


@pytest.mark.parametrize("tool_id", TOOLS)
def test_js_contract(tool_id):
    html = render_tool(tool_id, "verktyg/x.md")
    c = parse(html)
    forms = [a for tag, a in c.elements if tag == "form"]
    assert len(forms) == 1 and forms[0]["data-verktyg"] == tool_id and forms[0]["data-schema"] == "2"
    assert forms[0]["data-lagring"] == f"sysselsattningskrav:{tool_id}" and forms[0]["data-sida"] == "verktyg/x.md"
    actions = {a["data-atgard"] for _, a in c.elements if "data-atgard" in a}
    assert {"exportera-markdown", "exportera-csv", "exportera-json", "importera", "borja-om", "angra-borja-om", "skriv-ut"} <= actions
    assert any("data-importfil" in a for _, a in c.elements)
    summary = [a for _, a in c.elements if "data-sammanfattning" in a]
    assert len(summary) == 1 and "aria-live" not in summary[0]  # a new verdict is said in [data-status]
    assert [a.get("role") for _, a in c.elements if "data-status" in a] == ["status"]
    assert all(tag == "button" and a.get("type") == "button" for tag, a in c.elements if "data-atgard" in a)
    assert "style=" not in html and "<script" not in html and " on" + "click" not in html


def test_questions_and_radios():
    html = render_tool("beslutsunderlag", "verktyg/beslutsunderlag.md")
    c = parse(html)
    radios = [a for tag, a in c.elements if tag == "input" and a.get("type") == "radio" and a["name"] == "sk--beslutsunderlag--matchningsansvarig--varde"]
    assert [r["value"] for r in radios] == ["ja", "delvis", "nej", "vet-ej"]
    assert ">Vet ej</label>" in html
    questions = [a["data-fraga"] for _, a in c.elements if "data-fraga" in a]
    assert len(questions) == 40 and len(set(questions)) == 40
    assert 'data-fraga="matchningsansvarig" data-typ="val" data-forutsattning' in html
    assert '<summary>Varför?</summary>' in html


def test_tables_have_templates_with_placeholders():
    html = render_tool("kommunikationsplan", "verktyg/kommunikationsplan.md")
    assert '<template data-radmall="malgrupper">' in html
    template = html.split('<template data-radmall="malgrupper">', 1)[1].split("</template>", 1)[0]
    assert f'data-rad="{ROW_PLACEHOLDER}" data-egen' in template
    assert 'data-atgard="ta-bort-rad"' in template and 'data-falt="malgrupp"' in template
    assert html.count('data-rad="') == 9  # eight audiences + the template


def test_link_back_to_the_guidance_is_relative_to_the_page():
    html = render_tool("beslutsunderlag", "verktyg/beslutsunderlag.md")
    assert '<a href="../../besluta/#mall-för-beslutsunderlag">' in html
    assert '<a href="../berakning/">Gör en samhällsekonomisk beräkning</a>' in html
    html = render_tool("beslutsunderlag", "besluta.md")
    assert '<a href="./#mall-för-beslutsunderlag">' in html


@pytest.mark.parametrize(
    "target,page,expected",
    [
        ("besluta.md#a", "verktyg/x.md", "../../besluta/#a"),
        ("index.md", "verktyg/x.md", "../../"),
        ("verktyg/berakning.md", "verktyg/x.md", "../berakning/"),
        ("besluta.md", "index.md", "besluta/"),
        ("besluta.md", "besluta.md", "./"),
    ],
)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


@pytest.mark.parametrize("extensions", [["md_in_html", "attr_list"], SITE_EXTENSIONS, []])
@pytest.mark.parametrize("tool_id", TOOLS)
def test_form_passes_through_python_markdown_unchanged(tool_id, extensions):
    html = render_tool(tool_id, "verktyg/x.md")
    assert "\n\n" not in html
    page = f"# Verktyg\n\nText före.\n\n{html}\n\nText *efter*.\n"
    out = markdown.markdown(page, extensions=extensions)
    assert html in out
    assert out.endswith("<p>Text <em>efter</em>.</p>")


def test_document_shell_passes_through_and_links_the_calculator():
    html = render_document_shell("verktyg/dokument.md")
    assert "\n\n" not in html and "data-beslutsunderlag-dokument" in html and "data-dokument" in html
    # (the page's own text links the four tools: tests/site/test_build.py)
    assert '<a href="../berakning/">Samhällsekonomisk beräkning</a>' in html
    out = markdown.markdown(f"# Dokument\n\n{html}\n", extensions=SITE_EXTENSIONS)
    assert html in out
    c = parse(html)
    ids = [a["id"] for _, a in c.elements if "id" in a]
    assert len(ids) == len(set(ids))


def test_every_item_the_summary_names_links_to_its_question_on_the_page():
    """Issue 12, item 6: the verdict's lists name what needs attention and lead to it."""
    import re

    from calculators.checklists.definitions import get_tool
    from calculators.checklists.render import render_summary, render_tool
    from calculators.checklists.state import FORMAT

    for tool_id in ("beslutsunderlag", "genomforande"):
        tool = get_tool(tool_id)
        val = [i for s in tool.sections for i in s.items if i.kind == "val"]
        answers = {i.id: {"varde": ("nej", "delvis", "vet-ej")[n % 3], "andrad": "2026-11-26T09:00:00Z"}
                   for n, i in enumerate(val)}
        state = {"format": FORMAT, "schema": 2, "verktyg": tool_id, "uppdaterad": None, "svar": answers, "rader": {}}
        summary = render_summary(tool_id, state)
        page = render_tool(tool_id, f"verktyg/{tool_id}.md")
        targets = re.findall(r'href="#([^"]+)"', summary)
        named = {i.id for i in val if i.prerequisite} | {i.id for n, i in enumerate(val) if n % 3 == 2}
        assert len(targets) >= len(named), (tool_id, targets)
        for target in targets:
            assert f'id="{target}"' in page, (tool_id, target)


def test_no_row_repeats_its_heading_as_a_field_label():
    """A row read as "Period / Period" (its legend and its first field's label) says nothing."""
    import re

    from calculators.checklists.definitions import all_tools
    from calculators.checklists.render import render_tool

    for tool in all_tools():
        page = render_tool(tool.id, f"verktyg/{tool.id}.md")
        for row in re.findall(r'<fieldset class="sk-rad".*?</fieldset>', page, re.S):
            legend = re.search(r'<legend class="sk-radrubrik"[^>]*>(.*?)</legend>', row).group(1)
            labels = re.findall(r'<label class="sk-etikett"[^>]*>(.*?)</label>', row)
            assert legend not in labels, (tool.id, legend)
