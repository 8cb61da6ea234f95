// The beslutsunderlag as a Word document: modelToDocx(docx, model) maps the document model
// that Python returns (calculators/checklists/document.py, "modell") to a `docx` Document.
// A pure mapping: no DOM, no network; the `docx` library is passed in, so the page hands in
// the self-hosted copy it imported on demand and the Node tests the one in node_modules.
//
// The model: {titel, sprak, filnamn, block: [...]}, each block one of
//   {typ: "rubrik", niva: 1–4, text}
//   {typ: "stycke", text: [run], klass: null | "varning" | "tom" | "omdome" | "forklaring" | "liten"}
//   {typ: "lista", punkter: [[run]]}                 run = {text, fet?, lank?}
//   {typ: "fakta", par: [[term, value]]}
//   {typ: "tabell", rubrik, kolumner, rader, radrubriker, hoger: [column index]}
//   {typ: "sidbrytning"}
// Every text is the user's and may be anything: it only ever becomes a text node (the
// library escapes XML), "\n" becomes a line break, "\t" a tab, and the characters XML 1.0
// cannot hold are dropped (otherwise Word refuses to open the file).

// Page: A4 portrait, 2.5 cm margins (in twentieths of a point).
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;
export const TEXT_WIDTH = A4.width - 2 * MARGIN;
const FONT = "Calibri";
const BORDER_COLOR = "808080";
const HEADER_FILL = "E7E6E6";
const BULLETS = "sk-punkter";

// Styles of their own for the paragraph kinds (klass); Word lists them by these names.
const PARAGRAPH_STYLES = {
  varning: { id: "SkVarning", name: "Varning" },
  tom: { id: "SkInget", name: "Inget svar" },
  omdome: { id: "SkOmdome", name: "Omdöme" },
  forklaring: { id: "SkForklaring", name: "Förklaring" },
  liten: { id: "SkLiten", name: "Liten text" },
};

// XML 1.0 allows tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD and the
// astral planes (as surrogate pairs). Everything else goes, and so do lone surrogates.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g; // a pair, or a lone half

// Any value as text Word can hold: line ends as "\n", no characters XML forbids.
export function cleanText(value) {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/\r\n?/g, "\n")
    .replace(NOT_XML, "")
    .replace(SURROGATES, (found) => (found.length === 2 ? found : ""));
}

const list = (value) => (Array.isArray(value) ? value : []);

// Only an absolute http(s) address becomes a link; the site's own relative links mean
// nothing in a file on someone's disk, so their text stays as plain text.
export function externalLink(href) {
  if (typeof href !== "string") return null;
  const text = cleanText(href).trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (error) {
    return null;
  }
}

// TextRuns for one text: a line break before each line after the first, tabs as tabs.
function textRuns(d, value, format = {}) {
  const runs = [];
  cleanText(value).split("\n").forEach((line, n) => {
    const parts = line.split("\t");
    const children = [];
    parts.forEach((part, i) => {
      if (i > 0) children.push(new d.Tab());
      if (part) children.push(part);
    });
    if (!children.length && n === 0) return;
    runs.push(new d.TextRun({ ...format, children, ...(n > 0 ? { break: 1 } : {}) }));
  });
  return runs;
}

// The paragraph children for a list of runs ({text, fet?, lank?}); a plain string also works.
function inline(d, runs) {
  if (!Array.isArray(runs)) return textRuns(d, runs);
  const out = [];
  runs.forEach((run) => {
    if (run === null || typeof run !== "object") {
      out.push(...textRuns(d, run));
      return;
    }
    const format = run.fet ? { bold: true } : {};
    const link = externalLink(run.lank);
    if (link) {
      out.push(new d.ExternalHyperlink({ link, children: textRuns(d, run.text, { ...format, style: "Hyperlink" }) }));
    } else {
      out.push(...textRuns(d, run.text, format));
    }
  });
  return out;
}

const paragraph = (d, children, options = {}) => new d.Paragraph({ ...options, children });

function heading(d, block) {
  const level = Math.min(4, Math.max(1, Number.parseInt(block.niva, 10) || 1));
  return paragraph(d, textRuns(d, block.text), { heading: d.HeadingLevel[`HEADING_${level}`] });
}

function bodyParagraph(d, block) {
  const style = PARAGRAPH_STYLES[block.klass];
  return paragraph(d, inline(d, block.text), style ? { style: style.id } : {});
}

function bulletList(d, block) {
  return list(block.punkter).map((item) => paragraph(d, inline(d, item), { numbering: { reference: BULLETS, level: 0 } }));
}

const line = (d) => ({ style: d.BorderStyle.SINGLE, size: 4, color: BORDER_COLOR });
const gridBorders = (d) => ({
  top: line(d), bottom: line(d), left: line(d), right: line(d), insideHorizontal: line(d), insideVertical: line(d),
});

// Column widths that add up to the text width, each in proportion to the longest word and
// the length of its text (so a column of short numbers stays narrow), at least 1/12 each.
export function columnWidths(rows, count, total = TEXT_WIDTH) {
  if (count < 1) return [];
  const need = Array.from({ length: count }, (_, column) => {
    let longest = 4;
    let length = 4;
    rows.forEach((row) => {
      const text = cleanText(row[column]);
      length = Math.max(length, Math.min(text.length, 60));
      text.split(/\s+/).forEach((word) => { longest = Math.max(longest, Math.min(word.length, 20)); });
    });
    return Math.max(longest * 2, length);
  });
  const floor = total / (count * 12);
  const sum = need.reduce((a, b) => a + b, 0);
  const widths = need.map((n) => Math.max(floor, (n / sum) * total));
  const scale = total / widths.reduce((a, b) => a + b, 0);
  const rounded = widths.map((w) => Math.floor(w * scale));
  rounded[count - 1] += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

function cell(d, text, { width, bold = false, right = false, fill = null } = {}) {
  return new d.TableCell({
    width: { size: width, type: d.WidthType.DXA },
    ...(fill ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill } } : {}),
    children: [paragraph(d, textRuns(d, text, bold ? { bold: true } : {}), right ? { alignment: d.AlignmentType.RIGHT } : {})],
  });
}

function table(d, header, rows, { rowHeaders = false, right = [] } = {}) {
  const count = Math.max(header ? header.length : 0, ...rows.map((r) => r.length), 1);
  const widths = columnWidths(header ? [header, ...rows] : rows, count);
  const rightSet = new Set(list(right).map(Number));
  const rowOf = (values, isHeader) => new d.TableRow({
    ...(isHeader ? { tableHeader: true } : {}),
    cantSplit: true,
    children: widths.map((width, column) => cell(d, values[column], {
      width,
      bold: isHeader || (rowHeaders && column === 0),
      right: rightSet.has(column),
      fill: isHeader ? HEADER_FILL : null,
    })),
  });
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders: gridBorders(d),
    rows: [...(header ? [rowOf(header, true)] : []), ...rows.map((r) => rowOf(r, false))],
  });
}

const strings = (values) => list(values).map(cleanText);

function dataTable(d, block) {
  const header = strings(block.kolumner);
  const rows = list(block.rader).map(strings);
  if (!header.length && !rows.length) return []; // Word cannot open a table without rows
  const out = [];
  if (block.rubrik !== null && block.rubrik !== undefined && cleanText(block.rubrik)) {
    out.push(paragraph(d, textRuns(d, block.rubrik), { style: "Caption", keepNext: true }));
  }
  out.push(table(d, header.length ? header : null, rows, {
    rowHeaders: !!block.radrubriker,
    right: block.hoger,
  }));
  out.push(paragraph(d, [])); // Word joins two tables that touch: keep a paragraph between
  return out;
}

function facts(d, block) {
  const pairs = list(block.par).map((pair) => strings(pair).slice(0, 2));
  if (!pairs.length) return [];
  return [table(d, null, pairs, { rowHeaders: true }), paragraph(d, [])];
}

const BLOCKS = {
  rubrik: (d, block) => [heading(d, block)],
  stycke: (d, block) => [bodyParagraph(d, block)],
  lista: bulletList,
  fakta: facts,
  tabell: dataTable,
  sidbrytning: (d) => [paragraph(d, [new d.PageBreak()])],
};

function styles(d, language) {
  const headingStyle = (size, before) => ({
    run: { font: FONT, size, bold: true, color: "1F3864" },
    paragraph: { keepNext: true, keepLines: true, spacing: { before, after: 120 } },
  });
  const own = (klass, run, paragraphOptions = {}) => ({
    id: PARAGRAPH_STYLES[klass].id,
    name: PARAGRAPH_STYLES[klass].name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run,
    paragraph: paragraphOptions,
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: language } },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      title: { run: { font: FONT, size: 48, bold: true } },
      heading1: headingStyle(36, 0),
      heading2: headingStyle(30, 360),
      heading3: headingStyle(26, 240),
      heading4: headingStyle(22, 240),
      caption: { run: { font: FONT, size: 20, bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
    },
    paragraphStyles: [
      own("varning", { bold: true }, {
        border: { left: { style: d.BorderStyle.SINGLE, size: 24, color: "C00000", space: 8 } },
        indent: { left: 240 },
      }),
      own("tom", { italics: true, color: "595959" }),
      own("omdome", {}, {
        border: { left: { style: d.BorderStyle.SINGLE, size: 24, color: "1F3864", space: 8 } },
        indent: { left: 240 },
      }),
      own("forklaring", { color: "404040" }),
      own("liten", { size: 18 }),
    ],
  };
}

const numbering = (d) => ({
  config: [{
    reference: BULLETS,
    levels: [{
      level: 0,
      format: d.LevelFormat.BULLET,
      text: "\u2022",
      alignment: d.AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720, hanging: 360 } } },
    }],
  }],
});

// The Word document for the model. Unknown block types are left out.
export function modelToDocx(d, model) {
  const m = model && typeof model === "object" ? model : {};
  const language = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(m.sprak || "") ? m.sprak : "sv-SE";
  const title = cleanText(m.titel).replace(/\s+/g, " ").trim();
  const children = [];
  list(m.block).forEach((block) => {
    const make = block && typeof block === "object" && Object.hasOwn(BLOCKS, block.typ) ? BLOCKS[block.typ] : null;
    if (make) children.push(...make(d, block));
  });
  return new d.Document({
    title,
    creator: "",
    lastModifiedBy: "",
    styles: styles(d, language),
    numbering: numbering(d),
    sections: [{
      properties: {
        page: {
          size: { ...A4, orientation: d.PageOrientation.PORTRAIT },
          margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
        },
      },
      // "Sida 2 av 8" at the foot of every page: a printed document is discussed by page.
      footers: {
        default: new d.Footer({
          children: [new d.Paragraph({
            alignment: d.AlignmentType.RIGHT,
            children: [new d.TextRun({ children: ["Sida ", d.PageNumber.CURRENT, " av ", d.PageNumber.TOTAL_PAGES] })],
          })],
        }),
      },
      children,
    }],
  });
}

// "beslutsunderlag-2026-11-27.docx" or, for a name that is not a plain file name, a safe one.
export function fileName(model) {
  const name = cleanText(model && model.filnamn).trim();
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.docx$/.test(name) ? name : "beslutsunderlag.docx";
}
