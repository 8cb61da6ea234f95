"""The beslutsunderlag as a Word file, made in Chromium and read back with python-docx: Word's
own heading styles, real tables with a repeating header row, the answers, hostile text as
plain text, the title in the core properties and Swedish as the language. The docx library
is fetched from the site itself and only when the reader asks for a Word file; if it cannot
be fetched the page says so in Swedish and a second try works.
"""

from __future__ import annotations

import re

import docx
import pytest
from playwright.sync_api import expect

from calculators.checklists.document import TITLE

from .conftest import hold_python, release_python
from .test_checklist import PYTHON_TIMEOUT, answer_of, answer_syfte_nej, tool_url, wait_saved

DOC = "verktyg/dokument/"
B = "beslutsunderlag"
# Markup, XML and CDATA endings, and a control character XML 1.0 cannot hold (it is dropped).
HOSTILE = "<img src=x onerror=alert(1)> </w:t><w:t>x]]> &amp; <script>alert(2)</script>\u0007!"
HOSTILE_AS_TEXT = HOSTILE.replace("\u0007", "")
FILE_NAME = re.compile(r"^beslutsunderlag-\d{4}-\d{2}-\d{2}\.docx$")


def fill_the_tools(page):
    page.goto(tool_url(B))
    answer_syfte_nej(page, who="Anna", comment=HOSTILE)
    page.get_by_label("Vad vill vi uppnå med sysselsättningskrav i upphandlingar?").fill("Fler i arbete")
    page.locator(f"label[for='sk--{B}--beslut--varde--ja-pilot']").click()
    wait_saved(page, B, lambda s: answer_of(s, "beslut") == "ja-pilot" and answer_of(s, "syfte", "kommentar") == HOSTILE)
    page.goto(tool_url("kommunikationsplan"))
    page.locator("#sk--kommunikationsplan--malgrupper--leverantorer--budskap").fill("Leverantörsträff i mars")
    wait_saved(page, "kommunikationsplan", lambda s: bool(s["rader"]))


def open_document(page):
    page.goto(DOC)
    expect(page.locator("[data-dokument]")).to_have_attribute("data-uppdaterad", re.compile(r"\d+"), timeout=PYTHON_TIMEOUT)
    expect(page.locator("[data-dokument]")).not_to_have_class(re.compile(r"sk-inaktuell"), timeout=PYTHON_TIMEOUT)


def word_button(page):
    return page.get_by_role("button", name="Ladda ner som Word")


def download_word(page):
    with page.expect_download(timeout=PYTHON_TIMEOUT) as info:
        word_button(page).click()
    download = info.value
    return download.suggested_filename, docx.Document(download.path())


def cell_texts(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_document_downloads_as_a_word_file_with_headings_tables_and_the_answers(page):
    fill_the_tools(page)
    docx_requests = []
    page.on("request", lambda r: docx_requests.append(r.url) if "/assets/docx/" in r.url else None)
    open_document(page)
    assert docx_requests == [], "the docx library is not fetched before the reader asks for a Word file"

    name, document = download_word(page)
    assert FILE_NAME.match(name), name
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_have_text(f"Dokumentet är sparat som {name}.")
    assert len(docx_requests) == 1 and re.search(r"/assets/docx/[\d.]+/docx\.mjs$", docx_requests[0])

    # Word's own heading styles: the title, the chapters, the sections.
    headings = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading "):
            headings.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert TITLE in headings["Heading 1"]
    chapters = headings["Heading 2"]
    for chapter in ("Förslag till beslut", "Ärendet", "Ekonomiska konsekvenser", "Förutsättningar som saknas",
                    "Analys av förutsättningarna", "Checklista: förutsättningar", "Kommunikationsplan"):
        assert any(chapter in text for text in chapters), (chapter, chapters)
    assert headings.get("Heading 3"), "sections under the chapters"

    # Real tables: the answers with who answered and the hostile comment as plain text, in a
    # table whose header row repeats on every page.
    texts = [p.text for p in document.paragraphs]
    cells = [text for table in document.tables for row in cell_texts(table) for text in row]
    everything = texts + cells
    answered = [t for t in document.tables if any(HOSTILE_AS_TEXT in c for row in cell_texts(t) for c in row)]
    assert answered, "the comment is in a table"
    table = answered[0]
    header = cell_texts(table)[0]
    assert "Ansvarig" in header and "Kommentar" in header, header
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), "the header row repeats"
    row = next(r for r in cell_texts(table) if any(HOSTILE_AS_TEXT in c for c in r))
    assert "Anna" in row and "Nej" in " ".join(row), row
    assert table._tbl.xpath("./w:tblPr/w:tblBorders/w:top"), "the table has borders"
    assert any("Leverantörsträff i mars" in c for c in cells)
    assert any("Fler i arbete" in t for t in everything)
    assert any("börjar med sysselsättningskrav som en pilot" in t for t in everything)  # the decision chosen
    # The hostile text is text: literally there, no element made of it, no control character.
    assert sum(HOSTILE_AS_TEXT in t for t in everything) >= 1
    body = document.element.xml
    assert "<script" not in body and "<img" not in body and "\u0007" not in body
    assert not document.element.xpath("//w:t[normalize-space(.)='x]]>']")

    # The document's facts: title in the core properties, Swedish, A4.
    assert document.core_properties.title == TITLE
    assert document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["sv-SE"]
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


@pytest.mark.ny_flik  # blocks the library's file for this tab's page loads
@pytest.mark.tillat_konsolfel  # the blocked import is logged by the browser
def test_a_blocked_library_says_so_in_swedish_and_a_second_try_works(page):
    fill_the_tools(page)
    # Blocked by the browser itself (as a proxy or a filter would), not intercepted with
    # page.route: that would turn the tab's cache off and make Python start from scratch.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setBlockedURLs", {"urls": ["*/assets/docx/*"]})
    open_document(page)
    word_button(page).click()
    status = page.locator(".sk-dokument-omslag [data-status]")
    expect(status).to_contain_text("Word-filen kunde inte skapas", timeout=PYTHON_TIMEOUT)
    expect(status).to_contain_text("Inget har försvunnit")
    expect(page.locator("[data-dokument]")).to_contain_text("Fler i arbete")  # the document is still there
    cdp.send("Network.setBlockedURLs", {"urls": []})
    name, document = download_word(page)
    assert FILE_NAME.match(name)
    assert document.core_properties.title == TITLE


@pytest.mark.ny_flik  # Python held back, so the document is not ready
def test_word_before_the_document_is_ready_says_wait(page):
    hold_python(page)
    page.goto(DOC)
    requests = []
    page.on("request", lambda r: requests.append(r.url) if "/assets/docx/" in r.url else None)
    word_button(page).click()
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_contain_text("inte klart ännu")
    assert requests == []
    release_python(page)
