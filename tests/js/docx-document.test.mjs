// The Word export (sk-verktyg/docx-document.mjs) with the real `docx` library: the document
// model in tests/cases/dokument-modell.json becomes a .docx whose XML has Word's heading
// styles, real tables with a repeating header row, bold runs, a bullet list, a page break,
// Swedish as the language, A4, the title in the core properties, and the user's hostile text
// as escaped text without the characters XML cannot hold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import * as docx from "docx";
import {
  cleanText, columnWidths, externalLink, fileName, modelToDocx, TEXT_WIDTH,
} from "../../overrides/assets/javascripts/sk-verktyg/docx-document.mjs";

const fixture = () => JSON.parse(readFileSync(new URL("../cases/dokument-modell.json", import.meta.url), "utf8"));
const HOSTILE = "</w:t><w:t>x <script>alert(1)</script> ]]> &amp; \"'";

// The files of a zip archive (stored or deflated), read from its central directory.
function unzip(buffer) {
  const files = {};
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, "a zip archive");
  let at = buffer.readUInt32LE(end + 16);
  for (let n = buffer.readUInt16LE(end + 10); n > 0; n -= 1) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    at += 46 + skip;
  }
  return files;
}

async function build(model) {
  return unzip(await docx.Packer.toBuffer(modelToDocx(docx, model)));
}

// The text of the document's paragraphs, in order, as Word would show it (w:t only).
const paragraphTexts = (xml) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const styled = (xml, style) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)]
  .filter((p) => p[0].includes(`<w:pStyle w:val="${style}"/>`))
  .map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));

test("headings use Word's own heading styles, level by level", async () => {
  const xml = (await build(fixture()))["word/document.xml"];
  assert.deepEqual(styled(xml, "Heading1"), ["Beslutsunderlag: sysselsättningskrav i offentlig upphandling"]);
  assert.deepEqual(styled(xml, "Heading2"), ["1. Analys av förutsättningarna", "4. Samhällsekonomisk beräkning", "Bilaga: metod"]);
  assert.deepEqual(styled(xml, "Heading3"), ["Syfte och mål"]);
  assert.deepEqual(styled(xml, "Heading4"), ["Underrubrik"]);
  const stylesXml = (await build(fixture()))["word/styles.xml"];
  for (const n of [1, 2, 3, 4]) {
    assert.match(stylesXml, new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="Heading ${n}"/>`));
  }
});

test("a table has a repeating, bold header row, borders, row headers and right-aligned numbers", async () => {
  const xml = (await build(fixture()))["word/document.xml"];
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  assert.equal(tables.length, 3, "the fakta list and the two tables");
  const result = tables[1];
  const rows = [...result.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  assert.equal(rows.length, 4);
  assert.match(rows[0], /<w:trPr>[\s\S]*<w:tblHeader\/>[\s\S]*<\/w:trPr>/, "the header row repeats on every page");
  assert.ok(rows.slice(1).every((r) => !r.includes("<w:tblHeader")), "only the first row is a header");
  assert.deepEqual(paragraphTexts(rows[0]), ["Aktör", "Nytta (kr)", "Kostnad (kr)"]);
  assert.ok(rows[0].split("<w:tc>").slice(1).every((c) => c.includes("<w:b/>")), "header cells are bold");
  const cells = rows[1].split("<w:tc>").slice(1);
  assert.deepEqual(paragraphTexts(rows[1]), ["Kommun", "1 234 000", "−56 000"]);
  assert.ok(cells[0].includes("<w:b/>") && !cells[1].includes("<w:b/>"), "the row header is bold, the numbers not");
  assert.ok(!cells[0].includes('<w:jc w:val="right"/>') && cells[1].includes('<w:jc w:val="right"/>') && cells[2].includes('<w:jc w:val="right"/>'));
  assert.match(rows[3], /<w:t xml:space="preserve">Individ<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">med radbrytning<\/w:t>/);
  for (const side of ["top", "bottom", "left", "right", "insideH", "insideV"]) {
    assert.match(result, new RegExp(`<w:tblBorders>[\\s\\S]*<w:${side} w:val="single"`), side);
  }
  assert.match(xml, /<w:pStyle w:val="Caption"\/>[\s\S]*?Resultat per aktör/);
  const grid = [...result.match(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/)[1].matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
  assert.equal(grid.reduce((a, b) => a + b, 0), TEXT_WIDTH);
});

test("the fakta list is a two-column table without a header, terms in bold", async () => {
  const xml = (await build(fixture()))["word/document.xml"];
  const facts = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)[0];
  assert.ok(!facts.includes("<w:tblHeader"));
  const rows = [...facts.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  assert.deepEqual(rows.map(paragraphTexts), [
    ["Organisation", "Exempelkommunen"], ["Beslutsinstans", "Kommunstyrelsen"], ["Underlaget senast ändrat", "2026-11-27"],
  ]);
  assert.ok(rows.every((r) => r.split("<w:tc>")[1].includes("<w:b/>") && !r.split("<w:tc>")[2].includes("<w:b/>")));
});

test("bold runs, bullets, paragraph kinds, links and the page break", async () => {
  const files = await build(fixture());
  const xml = files["word/document.xml"];
  assert.match(xml, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Svar: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">Fler i arbete<\/w:t>/);
  const bullets = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>[\s\S]*?<\/w:p>/g)];
  assert.deepEqual(bullets.map((b) => unescape(paragraphTexts(b[0])[0])), ["Första punkten", "Andra: med <b>text</b>"]);
  assert.match(files["word/numbering.xml"], /<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
  assert.deepEqual(styled(xml, "SkVarning"), ["De sparade svaren i ”Uppföljning” kunde inte läsas."]);
  assert.deepEqual(styled(xml, "SkInget"), ["Inga svar ännu."]);
  assert.equal(styled(xml, "SkOmdome").length, 1);
  assert.match(files["word/styles.xml"], /w:styleId="SkVarning"><w:name w:val="Varning"\/>/);
  // A relative site link is plain text; an absolute one a hyperlink; javascript: never a link.
  const [explained] = styled(xml, "SkForklaring");
  assert.equal(explained, "Se Samhällsekonomisk beräkning och Upphandlingsmyndigheten men inte skript");
  const links = [...xml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)];
  assert.equal(links.length, 1);
  assert.deepEqual(paragraphTexts(`<w:p>${links[0][2]}</w:p>`), ["Upphandlingsmyndigheten"]);
  const rels = files["word/_rels/document.xml.rels"];
  assert.match(rels, new RegExp(`Id="${links[0][1]}" Type="[^"]+/hyperlink" Target="https://www\\.upphandlingsmyndigheten\\.se/\\?a=1&amp;b=%222%22" TargetMode="External"`));
  assert.ok(!rels.includes("javascript") && !rels.includes("berakning"));
  // The page break comes before the appendix, and the unknown block is left out.
  assert.match(xml, /<w:br w:type="page"\/>[\s\S]*Bilaga: metod/);
  assert.ok(!xml.includes("ska inte synas"));
});

test("Swedish, A4 with margins, and the title in the core properties", async () => {
  const files = await build(fixture());
  assert.match(files["word/styles.xml"], /<w:docDefaults><w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:rPrDefault>/);
  assert.match(files["word/document.xml"], /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418"/);
  assert.match(files["docProps/core.xml"], /<dc:title>Beslutsunderlag: sysselsättningskrav i offentlig upphandling<\/dc:title>/);
  assert.ok(!files["docProps/core.xml"].includes("Un-named"), "no made-up author");
  const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name));
  assert.ok(footer, "a footer");
  assert.match(files[footer], /Sida [\s\S]*PAGE[\s\S]* av [\s\S]*NUMPAGES/, "page numbers: Sida N av M");
});

test("hostile text stays text, and characters XML cannot hold are removed", async () => {
  const model = fixture();
  model.titel = `Titel ${HOSTILE}\u0001`;
  model.block.push({ typ: "stycke", klass: null, text: [{ text: "Ogiltigt\ufffe\uffff halvt par \ud800\udc00\ud800 och \udfff slut" }] });
  model.block.push({ typ: "tabell", rubrik: HOSTILE, kolumner: [HOSTILE], rader: [[`${HOSTILE}\u0000`]], radrubriker: false, hoger: [] });
  const files = await build(model);
  const xml = files["word/document.xml"];
  for (const [name, text] of Object.entries(files)) {
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text), `${name} has no character XML forbids`);
    assert.ok(!text.includes("<script") && !text.includes("<w:t>x"), `${name}: no markup from the text`);
  }
  const escaped = "&lt;/w:t&gt;&lt;w:t&gt;x &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; ";
  assert.ok(xml.includes(escaped), "the comment is escaped in the body");
  const texts = paragraphTexts(xml).map(unescape);
  assert.ok(texts.includes(`Kommentar: ${HOSTILE}`), "and reads back as the same text");
  assert.ok(texts.includes(`Leverantörsträff i mars ${HOSTILE}`));
  assert.equal(texts.filter((t) => t === HOSTILE).length, 3, "caption, header and cell");
  assert.ok(texts.includes("Ogiltigt halvt par \ud800\udc00 och  slut"), "a whole surrogate pair is kept, halves go");
  assert.ok(texts.includes("Styrttecken bort, helt par 🙂 kvar, rad 1rad 2rad 3flik"));
  assert.match(xml, /rad 1<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">rad 2<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">rad 3<\/w:t><w:tab\/><w:t xml:space="preserve">flik/);
  assert.ok(files["docProps/core.xml"].includes(`<dc:title>Titel ${escaped.replace(/ $/, "")}`));
});

test("an empty or broken model still gives a document", async () => {
  for (const model of [null, {}, { block: "nej" }, { block: [null, 7, { typ: "tabell" }, { typ: "lista" }, { typ: "fakta" }, { typ: "__proto__" }, { typ: "rubrik", niva: 9, text: null }] }]) {
    const files = await build(model);
    assert.ok(files["word/document.xml"].includes("<w:body>"));
    assert.ok(!/<w:tbl>(?:(?!<w:tr>)[\s\S])*?<\/w:tbl>/.test(files["word/document.xml"]), "no table without rows");
  }
  const files = await build({ block: [{ typ: "rubrik", niva: 9, text: "Djup" }] });
  assert.deepEqual(styled(files["word/document.xml"], "Heading4"), ["Djup"]);
});

test("helpers: clean text, links, file names, column widths", () => {
  assert.equal(cleanText(null), "");
  assert.equal(cleanText(12), "12");
  assert.equal(cleanText("a\r\nb\rc\u0000\td"), "a\nb\nc\td");
  assert.equal(externalLink("../berakning/"), null);
  assert.equal(externalLink("javascript:alert(1)"), null);
  assert.equal(externalLink(" https://example.se/a b"), "https://example.se/a%20b");
  assert.equal(externalLink("mailto:a@b.se"), null);
  assert.equal(fileName({ filnamn: "beslutsunderlag-2026-11-27.docx" }), "beslutsunderlag-2026-11-27.docx");
  assert.equal(fileName({ filnamn: "../../etc/passwd.docx" }), "beslutsunderlag.docx");
  assert.equal(fileName({}), "beslutsunderlag.docx");
  const widths = columnWidths([["Aktör", "Nytta"], ["Kommunen med lång text här", "1"]], 2);
  assert.equal(widths.reduce((a, b) => a + b, 0), TEXT_WIDTH);
  assert.ok(widths[0] > widths[1]);
  assert.ok(columnWidths([["a", "b", "c"]], 3).every((w) => w > TEXT_WIDTH / 36));
});
