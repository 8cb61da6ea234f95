"""The built site: strict build, every sentence of the guidance, configuration that reaches the pages."""

import html
import html.parser
import importlib.util
import json
import pathlib
import re
import shutil
from urllib.parse import urljoin

import pytest

from ..conftest import ROOT, build_site, site_pages

_spec = importlib.util.spec_from_file_location("csp", ROOT / "overrides" / "hooks" / "csp.py")
csp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(csp)

GUIDANCE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "vagledning.txt"
SKIPPED = {"script", "style", "noscript", "template"}
BLOCKS = {"p", "li", "ul", "ol", "div", "section", "article", "header", "footer", "nav", "h1",
          "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br", "dt", "dd", "blockquote",
          "details", "summary", "figcaption", "title", "label", "span"}


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


class VisibleText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in SKIPPED
        if tag in BLOCKS:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.chunks.append(data)


def page_text(path):
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return normalise("".join(parser.chunks))


def shipped_python(site_dir):
    """The calculator page's sk-python addresses, each resolved to the file or folder in the
    built site, and the raw values (integrity strings) as they are."""

    page = site_dir / "verktyg" / "berakning" / "index.html"
    meta = re.search(r"<meta name=\"sk-python\" content='([^']*)'>", page.read_text(encoding="utf-8"))
    values = json.loads(html.unescape(meta.group(1)))
    return lambda key: (page.parent / values[key]).resolve(), values


def guidance_sentences():
    """Each sentence of the guidance (a line split after . ? !), bullets and spacing removed."""
    for line in GUIDANCE.read_text(encoding="utf-8").splitlines():
        line = normalise(line).lstrip("•").strip()
        if line:
            yield from (s for s in re.split(r"(?<=[.?!])\s+", line) if s)


def test_every_sentence_of_the_guidance_is_on_the_site(site_dir):
    text = "\n".join(page_text(site_dir / p) for p in site_pages(site_dir))
    sentences = list(guidance_sentences())
    assert len(sentences) >= 100
    missing = [s for s in sentences if s not in text]
    assert not missing, "missing from the site:\n" + "\n".join(missing)


def test_sentence_check_notices_a_missing_sentence(site_dir, tmp_path):
    # The check above must be able to fail: drop one sentence from a copy and look again.
    page = site_dir / "kommunicera" / "index.html"
    altered = page.read_text(encoding="utf-8").replace("Ta hjälp av en kommunikatör.", "")
    copy = tmp_path / "page.html"
    copy.write_text(altered, encoding="utf-8")
    assert "Ta hjälp av en kommunikatör." in page_text(page)
    assert "Ta hjälp av en kommunikatör." not in page_text(copy)


def build_with_extra_line(tmp_path, line):
    """Build a copy of the project whose besluta.md ends with `line`."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "tests", "__pycache__", ".pytest_cache", "bench"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    page = project / "docs" / "besluta.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return build_site(tmp_path / "out", "http://127.0.0.1:1/", config=project / "mkdocs.yml")


def test_a_missing_include_fails_the_build(tmp_path):
    result = build_with_extra_line(tmp_path, "{!finns-inte.md!}")
    assert result.returncode != 0
    assert "finns-inte.md" in result.stdout + result.stderr


def test_shared_tip_is_written_once_and_shown_twice(site_dir):
    tip = "Gör en samhällsekonomisk beräkning för att se vilken effekt"
    sources = [p for p in (ROOT / "docs").rglob("*.md") if tip in p.read_text(encoding="utf-8")]
    assert sources == [], f"the tip is copied into {sources}; keep it in includes/"
    shown = [p for p in site_pages(site_dir) if tip in page_text(site_dir / p)]
    assert {"analysera/index.html", "folj-upp/index.html"} <= set(shown)


def test_every_page_carries_the_security_policy_and_no_foreign_assets(site_dir):
    for rel in site_pages(site_dir):
        source = (site_dir / rel).read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in source, rel
        assert "fonts.googleapis" not in source and "fonts.gstatic" not in source, rel
        for attr in re.findall(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="([^"]+)"', source):
            assert not re.match(r"(https?:)?//", attr) or attr.startswith("http://127.0.0.1"), (rel, attr)


def _policy(source):
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', source)
    assert meta, "no Content-Security-Policy meta tag"
    directives = {}
    for part in html.unescape(meta.group(1)).split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_page_runs_only_hashed_inline_scripts(site_dir):
    # Stored answers, share links and imported files must never be able to run as script:
    # no 'unsafe-inline' (nor eval) for scripts, and each inline script Material writes is
    # allowed by its hash, on every page (instant navigation keeps the first page's policy).
    for rel in site_pages(site_dir):
        source = (site_dir / rel).read_text(encoding="utf-8")
        policy = _policy(source)
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, rel
        assert "'wasm-unsafe-eval'" not in scripts, rel  # the page compiles no WebAssembly; the worker is not governed by it
        assert set(policy["default-src"]) == {"'self'"} and policy["object-src"] == ["'none'"], rel
        assert all(v == "'self'" or v.startswith("'sha256-") for v in scripts), (rel, scripts)
        for body in csp.inline_scripts(source):
            assert csp.script_hash(body) in scripts, (rel, body[:60])
        assert "blob:" not in " ".join(policy.get("worker-src", []) + policy.get("img-src", [])), rel


def test_template_partials_are_not_published(site_dir):
    # MkDocs copies a theme folder's files that are not templates: a partial kept as .js was
    # served on its own. (overrides/hooks is published, and the offline cache skips it.)
    assert not (site_dir / "partials").exists()


def test_inline_script_detection():
    page = ('<script>a()</script><script src="x.js"></script><script id="c" type="application/json">{}</script>'
            '<script type="module">b()</script><SCRIPT type="text/javascript">c()</SCRIPT>')
    assert csp.inline_scripts(page) == ["a()", "b()", "c()"]


def test_illustration_is_described_for_screen_readers(site_dir):
    for rel in ("index.html", "forbered/index.html"):
        source = (site_dir / rel).read_text(encoding="utf-8")
        for variant in ("bred", "smal"):
            assert f'aria-labelledby="processen-{variant}-titel processen-{variant}-beskr"' in source
            assert f'<title id="processen-{variant}-titel">' in source
        for word in ("Förbereda", "Upphandla", "Realisera", "Planera", "Kartlägga", "Analysera",
                     "Implementera", "Förvalta", "Strategi och styrdokument"):
            assert word in source, (rel, word)


def test_publisher_is_set_in_one_place(tmp_path):
    result = build_site(tmp_path / "out", "http://127.0.0.1:1/", extra_env={
        "UTGIVARE_NAMN": "Testkommunen Ö", "UTGIVARE_EPOST": "tillganglighet@test.example"})
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for rel in ("index.html", "om-webbplatsen/index.html", "tillganglighet/index.html"):
        text = page_text(out / rel)
        assert "Testkommunen Ö" in text, rel
        assert "Exempelkommunen" not in text, rel
    statement = (out / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert "mailto:tillganglighet@test.example" in statement
    assert "https://www.digg.se/tdosanmalan" in statement


def test_unknown_shortcode_fails_the_build(tmp_path):
    result = build_with_extra_line(tmp_path, "[[finnsinte x]]")
    assert result.returncode != 0
    assert "finnsinte" in result.stdout + result.stderr


def test_guidance_links_to_the_calculator(site_dir):
    for rel in ("analysera/index.html", "folj-upp/index.html"):
        source = (site_dir / rel).read_text(encoding="utf-8")
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Se den samhällsekonomiska beräkningsmodellen</a>', source)
        assert link, rel
        assert link.group(1) == "../verktyg/berakning/", (rel, link.group(1))
        assert (site_dir / "verktyg" / "berakning" / "index.html").exists()


def test_document_page_links_every_tool_and_the_guidance(site_dir):
    source = (site_dir / "verktyg" / "dokument" / "index.html").read_text(encoding="utf-8")
    for href, text in (("../beslutsunderlag/", "Beslutsunderlag"), ("../genomforande/", "Förbered"),
                       ("../kommunikationsplan/", "Kommunikationsplan"), ("../uppfoljning/", "Uppföljning"),
                       ("../berakning/", "samhällsekonomiska"), ("../../besluta/", "Besluta om")):
        assert re.search(rf'<a href="{re.escape(href)}">{text}', source), (href, text)


def test_our_styles_key_the_dark_scheme_on_materials_attribute_only():
    # The browser tests check the dark scheme by flipping the palette toggle without a reload
    # (tests/e2e/conftest.py switch_to_dark); that shows what a dark system setting shows only
    # while no rule of ours asks the media query itself.
    sheets = sorted((ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"))
    assert sheets
    for sheet in sheets:
        assert "prefers-color-scheme" not in sheet.read_text(encoding="utf-8"), sheet.name


@pytest.mark.parametrize("page, prefix", [("index.html", "verktyg/"), ("verktyg/index.html", "")])
def test_the_start_page_and_the_tools_page_show_every_tool_in_the_order_of_the_work(site_dir, page, prefix):
    from mkdocs.config import load_config

    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    tools = next(item["Verktyg"] for item in nav if isinstance(item, dict) and "Verktyg" in item)
    tool_pages = [p[len("verktyg/"): -len(".md")] + "/" for p in tools
                  if p.startswith("verktyg/") and p != "verktyg/index.md"]
    source = (site_dir / page).read_text(encoding="utf-8")
    cards = source[source.index('<div class="grid cards"'):]
    cards = cards[:cards.index("</div>")]
    linked = re.findall(r'<a href="([^"]+)"', cards)
    assert linked == [prefix + p for p in tool_pages], linked
    # each card says in one line what the tool gives
    assert cards.count("<p>") >= 2 * len(tool_pages)


def test_next_from_the_calculator_is_the_next_tool_and_the_method_is_one_link_away(site_dir):
    page = (site_dir / "verktyg" / "berakning" / "index.html").read_text(encoding="utf-8")
    footer_next = re.search(r'<a href="([^"]+)"[^>]*class="md-footer__link md-footer__link--next"', page)
    assert footer_next and footer_next.group(1) == "../beslutsunderlag/"
    assert 'href="../../metod/sa-raknar-vi/"' in page


def test_the_not_found_page_speaks_swedish_and_leads_home(site_dir, base_url):
    # GitHub Pages serves it for any address that leads nowhere, and the service worker offline.
    source = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in source
    assert "<h1>Sidan finns inte</h1>" in source and "Not found" not in source
    home = re.search(r'<a href="([^"]+)">Gå till startsidan</a>', source)
    assert home and urljoin(base_url + "nagot/som/inte/finns", home.group(1)).rstrip(".") == base_url


def test_the_compressed_runtime_decodes_to_what_the_pages_expect(site_dir):
    # The WebAssembly runtime and the standard library are shipped compressed with Zstandard
    # (issue 13); the worker checks what it decoded against the integrity values in the page.
    import base64
    import hashlib
    import io
    import zipfile

    import zstandard

    shipped, urls = shipped_python(site_dir)
    decode = zstandard.ZstdDecompressor().decompress
    sri = lambda data: "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")  # noqa: E731

    wasm = decode((shipped("pyodide") / "pyodide.asm.wasm.zst").read_bytes())
    assert wasm == (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").read_bytes()
    assert urls["wasm"] == sri(wasm)
    assert not (shipped("pyodide") / "pyodide.asm.wasm").exists()  # only the compressed file

    assert shipped("stdlib").name.endswith(".zip.zst")
    stdlib = decode(shipped("stdlib").read_bytes())
    assert urls["stdlibIntegrity"] == sri(stdlib)
    with zipfile.ZipFile(io.BytesIO(stdlib)) as archive:
        entries = archive.infolist()
    assert len(entries) > 100 and all(e.filename.endswith(".pyc") for e in entries)
    assert all(e.compress_type == zipfile.ZIP_STORED for e in entries)  # compressed whole instead

    decoder = shipped("zstd")
    assert decoder.is_file() and (decoder.parent / "LICENSE").is_file()


def test_the_python_worker_is_named_by_its_content(site_dir):
    # GitHub Pages lets browsers reuse a file for 600 s without asking. A page of a new build
    # must never start an older build's worker from the HTTP cache (their messages differ),
    # so the worker's address changes with its content, and no unnamed copy is left to find.
    import hashlib

    worker = shipped_python(site_dir)[0]("worker")
    source = ROOT / "overrides" / "assets" / "javascripts" / "sk-python-worker.mjs"
    assert worker.read_bytes() == source.read_bytes()
    assert hashlib.sha256(source.read_bytes()).hexdigest()[:12] in worker.name
    assert sorted(p.name for p in worker.parent.glob("sk-python-worker*")) == [worker.name]


def test_tool_pages_hold_materials_bundle_back_and_guidance_pages_run_it(site_dir):
    # On a tool page Material's start-up would share two cores with Python's (issue 13), so
    # the page carries the bundle's tag with a type the browser does not run; sk-python.js
    # loads that same address later. Every other page runs it as Material does.
    def scripts(path):
        return re.findall(r'<script(?: type="([^"]*)")? src="([^"]*bundle\.[0-9a-f]+\.min\.js)"></script>',
                          path.read_text(encoding="utf-8"))

    pages = [site_dir / name for name in site_pages(site_dir)]
    tools = [p for p in pages if 'data-sk-verktyg="' in p.read_text(encoding="utf-8")]
    assert len(tools) >= 4
    bundles = set()
    for path in pages:
        [(kind, src)] = scripts(path)
        assert kind == ("sk-senare" if path in tools else ""), path
        bundles.add(src.rsplit("/", 1)[-1])
    [bundle] = bundles
    assert (site_dir / "assets" / "javascripts" / bundle).is_file()


def test_the_package_ships_compiled_with_its_data_files(site_dir):
    # Compiling the package's source took 0.4 s of a first visit's first answer (issue 13): the
    # build ships it as bytecode made by the site's own Pyodide, with its data files beside it.
    import zipfile

    package = shipped_python(site_dir)[0]("paket")
    names = zipfile.ZipFile(package).namelist()
    assert "calculators/web.pyc" in names
    assert not [n for n in names if n.endswith(".py")]
    sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "calculators").rglob("*")
                     if p.suffix in {".py", ".toml", ".json"} and "__pycache__" not in p.parts)
    assert sorted(n.removesuffix("c") for n in names) == sources
