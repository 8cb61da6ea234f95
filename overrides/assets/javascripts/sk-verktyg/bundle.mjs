// One file with everything (the document page's "Dela med kollegor"): every tool's saved
// answers, the document's heading fields and the calculator's saved calculations, built from
// what this browser stores, read back as hostile text, and merged item by item into what is
// stored. No DOM: `read(name)` is the site's storage (skPython.lagring.hamta), and the rules
// come from Python (calculators/checklists/bundle_page.py renders them into the page).
// Tested in tests/js/bundle.test.mjs.
//
//   {format: "sysselsattningskrav-samlat", version: 1, skapad: ISO time,
//    verktyg: {tool id: schema-2 state},            (calculators/checklists/state.py)
//    dokument?: {version: 1, svar: {field: {varde: text, andrad: ISO time}}},
//    berakning: {aktuellt: {falt, scenario, aktuellt} | null, sparade: [{namn, scenario, falt?}]}}
//
//   buildBundle(read, rules, date)      → {samlat, tom, problem}
//   parseBundle(text, rules)            → {samlat, problem} or {fel: a Swedish sentence}
//   readStored(read, rules)             → what is stored, parsed (each part with its raw text)
//   mergeBundle(stored, samlat, rules)  → what to write and, in Swedish, what changed
//
// The merge of a tool is merge.mjs's (per answer and per row the later `andrad` wins, anything
// older than a "Börja om" is dropped); a heading field likewise; saved calculations are joined
// by name, and one that has the same name as the user's own but other content is kept under
// another name ("Namn (från fil)"); the user's current calculation stays, and the file's is
// taken only when the user has none (otherwise it is kept among the saved ones).

import { emptyState, merge, newer, signature, time } from "./merge.mjs";
import { applyLimits, parseSaved } from "./saved-state.mjs";
import { CURRENT_KEY, MAX_NAME, SAVED_KEY, cleanFields, cleanName, parseJson, readSaved } from "./calculator-store.mjs";
import { MAX_DEPTH, canonical, tooDeep } from "./share-link.mjs";
import { isoDay, joinSv, number, shortText } from "./text.mjs";

export const FORMAT = "sysselsattningskrav-samlat";
export const VERSION = 1;
const TOOL_FORMAT = "sysselsattningskrav-verktyg";
const TOOL_KEYS = new Set(["format", "schema", "verktyg", "uppdaterad", "rensad", "svar", "rader"]);
const ROW_KEYS = new Set(["id", "andrad", "borttagen"]);
const FILE_DEPTH = MAX_DEPTH + 8; // a scenario inside a saved calculation inside the file
const MAX_SAVED = 1000; // saved calculations in one file: a guard, not a rule
const FROM_FILE = "från fil";
const AGAIN = "Välj en fil som har sparats med knappen ”Spara allt i en fil”.";

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const hasOwn = (object, key) => isObject(object) && Object.prototype.hasOwnProperty.call(object, key);
const quoted = (text) => `”${shortText(text, 40)}”`;
const plural = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;

// "sysselsattningskrav-allt-2026-11-26.json" (the local date).
export function fileName(date = new Date()) {
  return `sysselsattningskrav-allt-${isoDay(date)}.json`;
}

// A tool's rules as saved-state.mjs and merge.mjs take limits (as checklist-form.mjs reads
// them from a form's data attributes).
export function limitsOf(toolRules) {
  const tables = toolRules.tabeller || {};
  const table = (id) => (hasOwn(tables, id) ? tables[id] : null);
  const patterns = new Map();
  const patternOf = (id) => {
    if (!patterns.has(id)) {
      let pattern = null;
      try {
        pattern = new RegExp(table(id).monster);
      } catch (error) {
        pattern = null; // then only the pre-filled rows are accepted
      }
      patterns.set(id, pattern);
    }
    return patterns.get(id);
  };
  return {
    rowIdOk(tableId, id) {
      const rules = table(tableId);
      if (!rules || typeof id !== "string") return false;
      if (rules.forifyllda.includes(id)) return true;
      const pattern = patternOf(tableId);
      return !!pattern && id.length <= rules.maxlangd && pattern.test(id);
    },
    maxRows: (tableId) => (table(tableId) || {}).maxRader || Infinity,
    maxDeleted: (tableId) => (table(tableId) || {}).maxBorttagna || 0,
    maxText(item, tableId, field) {
      const fields = tableId !== null ? (table(tableId) || {}).kolumner : hasOwn(toolRules.fragor, item) ? toolRules.fragor[item] : null;
      const most = hasOwn(fields, field) ? fields[field] : 0;
      return most > 0 ? most : Infinity;
    },
  };
}

// ── reading: a tool's state ────────────────────────────────────────────────────────────

const SHAPE = {
  "inte giltig JSON": "har fel form",
  "fel form": "har fel form",
  "fel verktyg": "gäller ett annat verktyg",
  "fel form på ett svar": "har ett svar med fel form",
  "fel form på en rad": "har en rad med fel form",
};
const why = (fel) => SHAPE[fel] || (fel.startsWith("okänd version") ? "är sparade av en annan version av webbplatsen" : "har fel form");

// What the rules know: unknown questions, tables and fields left out (and named), retired
// questions left out without a word (Python ignores them too), a value that is not a plain
// value or a record without a valid time refused. Works in place on a fresh copy.
function checkTool(value, toolRules) {
  const unknown = [];
  let fel = null;
  Object.keys(value).forEach((key) => {
    if (!TOOL_KEYS.has(key)) {
      unknown.push(key);
      delete value[key];
    }
  });
  if (value.uppdaterad !== null && value.uppdaterad !== undefined && !time(value.uppdaterad)) fel = "har en ogiltig tidpunkt";
  if ("rensad" in value && !time(value.rensad)) fel = "har en ogiltig tidpunkt för Börja om";
  const plain = (record) => Object.values(record).every((v) => v === null || typeof v !== "object");
  Object.entries(value.svar).forEach(([id, record]) => {
    if (!hasOwn(toolRules.fragor, id)) {
      if (!toolRules.utgangna.includes(id)) unknown.push(id);
      delete value.svar[id];
      return;
    }
    const fields = toolRules.fragor[id];
    Object.keys(record).forEach((field) => {
      if (field !== "andrad" && !hasOwn(fields, field)) {
        unknown.push(`${id}.${field}`);
        delete record[field];
      }
    });
    if (!plain(record)) fel = "har ett svar med fel form";
    else if (!time(record.andrad)) fel = "har ett svar utan giltig tidpunkt";
  });
  Object.entries(value.rader).forEach(([tableId, rows]) => {
    if (!hasOwn(toolRules.tabeller, tableId)) {
      unknown.push(tableId);
      delete value.rader[tableId];
      return;
    }
    const columns = toolRules.tabeller[tableId].kolumner;
    rows.forEach((row) => {
      Object.keys(row).forEach((field) => {
        if (!ROW_KEYS.has(field) && !hasOwn(columns, field)) {
          unknown.push(`${tableId}.${field}`);
          delete row[field];
        }
      });
      if (!plain(row)) fel = "har en rad med fel form";
      else if (!time(row.andrad)) fel = "har en rad utan giltig tidpunkt";
      else if ("borttagen" in row && row.borttagen !== true) fel = "har en rad med fel form";
    });
  });
  return { fel, unknown };
}

// One tool's state from a file or storage: {tillstand, problem} or {fel}.
export function parseTool(raw, tool, toolRules) {
  const title = toolRules.titel;
  const parsed = parseSaved(raw, tool);
  if (!parsed.tillstand) return { fel: `Svaren för ${title} ${why(parsed.fel)}.` };
  const value = parsed.tillstand;
  const { fel, unknown } = checkTool(value, toolRules);
  if (fel) return { fel: `Svaren för ${title} ${fel}.` };
  const problem = applyLimits(value, limitsOf(toolRules)).map((text) => `${title}: ${text}`);
  if (unknown.length) {
    const names = joinSv(unknown.slice(0, 5).map(quoted)) + (unknown.length > 5 ? ` och ${number(unknown.length - 5)} till` : "");
    problem.push(`${title}: okända uppgifter togs inte med (${names}).`);
  }
  return { tillstand: value, problem };
}

// ── reading: the heading fields, the calculations ─────────────────────────────────────

// The document's heading record: {uppgifter, problem} or {fel}. An unknown field is left out
// and named, so is a text longer than the limit.
export function parseHeading(value, rules) {
  const fail = (text) => ({ fel: `Dokumentets uppgifter ${text}.` });
  if (!isObject(value)) return fail("har fel form");
  if (value.version !== rules.version) return fail(`är sparade av en annan version av webbplatsen (version ${shortText(value.version, 12)})`);
  if (!isObject(value.svar)) return fail("har fel form");
  const svar = {};
  const problem = [];
  const unknown = [];
  for (const [field, record] of Object.entries(value.svar)) {
    if (!hasOwn(rules.falt, field)) {
      unknown.push(field);
      continue;
    }
    const label = rules.falt[field];
    if (!isObject(record) || typeof record.varde !== "string") return fail(`har fel form (${label} ska vara en text)`);
    if (!time(record.andrad)) return fail(`saknar en giltig tidpunkt för ${label}`);
    if (record.varde.length > rules.maxTecken) {
      problem.push(`Dokumentets uppgift ${label} är längre än ${number(rules.maxTecken)} tecken och togs inte med.`);
      continue;
    }
    svar[field] = { varde: record.varde, andrad: record.andrad };
  }
  if (unknown.length) problem.push(`Okända fält bland dokumentets uppgifter togs inte med: ${joinSv(unknown.slice(0, 5).map(quoted))}.`);
  return { uppgifter: { version: rules.version, svar }, problem };
}

// A current calculation {falt, scenario, aktuellt}, cleaned; null if nothing can be used.
function currentRecord(value, fieldNames) {
  if (!isObject(value)) return null;
  const falt = cleanFields(value.falt, fieldNames);
  const scenario = isObject(value.scenario) && !tooDeep(value.scenario) ? value.scenario : null;
  if (!falt && !scenario) return null;
  return { falt: falt || {}, scenario, aktuellt: value.aktuellt === true && !!scenario };
}

// The file's calculations: {berakning, problem} or {fel}.
export function parseCalculations(value, rules) {
  const names = new Set(rules.falt);
  if (value === undefined || value === null) return { berakning: { aktuellt: null, sparade: [] }, problem: [] };
  if (!isObject(value)) return { fel: "De sparade beräkningarna har fel form." };
  const problem = [];
  let aktuellt = null;
  if (value.aktuellt !== undefined && value.aktuellt !== null) {
    if (!isObject(value.aktuellt)) return { fel: "Den aktuella beräkningen har fel form." };
    aktuellt = currentRecord(value.aktuellt, names);
    if (!aktuellt) problem.push("Den aktuella beräkningen i filen kunde inte läsas och togs inte med.");
  }
  const saved = value.sparade === undefined || value.sparade === null ? [] : value.sparade;
  if (!Array.isArray(saved)) return { fel: "De sparade beräkningarna har fel form (ska vara en lista)." };
  if (saved.length > MAX_SAVED) return { fel: `Filen har för många sparade beräkningar (högst ${number(MAX_SAVED)}).` };
  const { list, broken } = readSaved(JSON.stringify(saved), names);
  if (broken) problem.push(`${broken === 1 ? "En sparad beräkning" : `${number(broken)} sparade beräkningar`} i filen kunde inte läsas och togs inte med.`);
  return { berakning: { aktuellt, sparade: list }, problem };
}

// ── reading: a whole file ──────────────────────────────────────────────────────────────

// A key that would change an object's prototype when assigned ("__proto__"), anywhere.
function hasProtoKey(value) {
  const stack = [value];
  while (stack.length) {
    const item = stack.pop();
    if (item === null || typeof item !== "object") continue;
    for (const key of Object.keys(item)) {
      if (key === "__proto__") return true;
      stack.push(item[key]);
    }
  }
  return false;
}

// A file's text, read as hostile: {samlat: {verktyg, dokument, berakning}, problem} or
// {fel}. What breaks a limit is left out and named in `problem`; anything else wrong refuses
// the whole file.
export function parseBundle(text, rules) {
  const fail = (fel) => ({ fel });
  if (typeof text !== "string") return fail("Filen kunde inte läsas som text.");
  if (text.length > rules.maxTecken) return fail(`Filen är för stor (högst ${number(rules.maxTecken)} tecken) för att vara en fil med allt från verktygen.`);
  const body = text.replace(/^\ufeff/, "");
  if (!body.trim()) return fail("Filen är tom.");
  let value;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return fail(`Filen är inte giltig JSON. ${AGAIN}`);
  }
  if (isObject(value) && value.format === TOOL_FORMAT) {
    return fail("Filen innehåller svaren från ett enda verktyg. Öppna den på verktygets sida med knappen ”Öppna en sparad JSON-fil”.");
  }
  if (!isObject(value) || value.format !== rules.format) return fail(`Filen kommer inte från ”Spara allt i en fil” på den här webbplatsen. ${AGAIN}`);
  if (value.version !== rules.version) {
    if (typeof value.version === "number" && value.version > rules.version) {
      return fail("Filen är sparad av en nyare version av webbplatsen. Ladda om sidan för att få den senaste versionen och försök igen.");
    }
    return fail(`Filen har en okänd version (${shortText(value.version, 12)}).`);
  }
  if (tooDeep(value, FILE_DEPTH)) return fail("Filen är för djupt nästlad för att komma från verktygen.");
  if (hasProtoKey(value)) return fail("Filen innehåller ett namn som inte är tillåtet (__proto__).");
  const unknownTop = Object.keys(value).filter((key) => !["format", "version", "skapad", "verktyg", "dokument", "berakning"].includes(key));
  if (unknownTop.length) return fail(`Filen innehåller okända delar: ${joinSv(unknownTop.slice(0, 5).map(quoted))}.`);
  if (!isObject(value.verktyg)) return fail("Verktygens svar i filen har fel form (ska vara ett objekt).");

  const problem = [];
  const verktyg = {};
  const unknownTools = Object.keys(value.verktyg).filter((tool) => !hasOwn(rules.verktyg, tool));
  if (unknownTools.length) {
    return fail(`Filen innehåller svar för verktyg som den här webbplatsen inte känner till: ${joinSv(unknownTools.slice(0, 5).map(quoted))}.`);
  }
  for (const tool of Object.keys(rules.verktyg)) {
    if (!hasOwn(value.verktyg, tool)) continue;
    const state = value.verktyg[tool];
    if (!isObject(state)) return fail(`Svaren för ${rules.verktyg[tool].titel} har fel form (ska vara ett objekt).`);
    const parsed = parseTool(JSON.stringify(state), tool, rules.verktyg[tool]);
    if (parsed.fel) return fail(parsed.fel);
    verktyg[tool] = parsed.tillstand;
    problem.push(...parsed.problem);
  }
  let dokument = null;
  if (value.dokument !== undefined && value.dokument !== null) {
    const parsed = parseHeading(value.dokument, rules.dokument);
    if (parsed.fel) return fail(parsed.fel);
    dokument = parsed.uppgifter;
    problem.push(...parsed.problem);
  }
  const calculations = parseCalculations(value.berakning, rules.berakning);
  if (calculations.fel) return fail(calculations.fel);
  problem.push(...calculations.problem);
  return { samlat: { verktyg, dokument, berakning: calculations.berakning }, problem };
}

// ── what is stored ─────────────────────────────────────────────────────────────────────

// Everything the bundle covers, as stored now; each part keeps its raw text (the caller keeps
// an unreadable value aside before writing over it).
//   verktyg: {tool: {raw, tillstand?, fel?, problem}}, dokument: {raw, uppgifter?, fel?},
//   aktuellt: {raw, record}, sparade: {raw, list, broken}
export function readStored(read, rules) {
  const verktyg = {};
  Object.entries(rules.verktyg).forEach(([tool, toolRules]) => {
    const raw = read(toolRules.lagring);
    if (raw === null || raw === undefined) return;
    verktyg[tool] = { raw, ...parseTool(raw, tool, toolRules) };
  });
  const headingRaw = read(rules.dokument.lagring);
  let dokument = { raw: null, uppgifter: null };
  if (headingRaw !== null && headingRaw !== undefined) {
    const value = parseJson(headingRaw);
    dokument = { raw: headingRaw, ...(value === undefined ? { fel: "Dokumentets uppgifter är inte giltig JSON." } : parseHeading(value, rules.dokument)) };
  }
  const names = new Set(rules.berakning.falt);
  const currentRaw = read(CURRENT_KEY);
  const savedRaw = read(SAVED_KEY);
  return {
    verktyg,
    dokument,
    aktuellt: { raw: currentRaw, record: currentRecord(parseJson(currentRaw), names) },
    sparade: { raw: savedRaw, ...readSaved(savedRaw, names) },
  };
}

// ── building a file ────────────────────────────────────────────────────────────────────

// {samlat, tom: nothing to share, problem: what could not be taken along}.
export function buildBundle(read, rules, date = new Date()) {
  const stored = readStored(read, rules);
  const problem = [];
  const verktyg = {};
  Object.entries(stored.verktyg).forEach(([tool, part]) => {
    if (part.tillstand) verktyg[tool] = part.tillstand;
    else problem.push(`De sparade svaren i ${rules.verktyg[tool].titel} kunde inte läsas och är inte med i filen.`);
  });
  if (stored.dokument.fel) problem.push("Dokumentets uppgifter kunde inte läsas och är inte med i filen.");
  const samlat = {
    format: rules.format,
    version: rules.version,
    skapad: date.toISOString(),
    verktyg,
    ...(stored.dokument.uppgifter ? { dokument: stored.dokument.uppgifter } : {}),
    berakning: { aktuellt: stored.aktuellt.record, sparade: stored.sparade.list },
  };
  const tom = !Object.keys(verktyg).length && !samlat.dokument && !samlat.berakning.aktuellt && !samlat.berakning.sparade.length;
  return { samlat, tom, problem };
}

export const serialize = (samlat) => `${JSON.stringify(samlat, null, 1)}\n`;

// "svar från Beslutsunderlag och Kommunikationsplan, dokumentets uppgifter och 2 sparade beräkningar".
export function contentsText(samlat, rules) {
  const parts = [];
  const tools = Object.keys(samlat.verktyg).map((tool) => rules.verktyg[tool].titel);
  if (tools.length) parts.push(`svaren i ${joinSv(tools)}`);
  if (samlat.dokument && Object.keys(samlat.dokument.svar).length) parts.push("dokumentets uppgifter");
  if (samlat.berakning.aktuellt) parts.push("den aktuella beräkningen");
  const saved = samlat.berakning.sparade.length;
  if (saved) parts.push(plural(saved, "sparad beräkning", "sparade beräkningar"));
  return joinSv(parts);
}

// ── merging a file into what is stored ─────────────────────────────────────────────────

// What a tool's merge changed: answers new or changed (and how many of them replaced an
// older one held here), answers dropped by the file's "Börja om", rows new, changed, deleted.
export function toolChanges(before, after) {
  const c = { svar: 0, ersatta: 0, svarBorta: 0, nya: 0, andrade: 0, borta: 0 };
  Object.entries(after.svar).forEach(([id, record]) => {
    const old = before.svar[id];
    if (!old) c.svar += 1;
    else if (old !== record && canonical(old) !== canonical(record)) {
      c.svar += 1;
      c.ersatta += 1;
    }
  });
  Object.keys(before.svar).forEach((id) => !hasOwn(after.svar, id) && (c.svarBorta += 1));
  const tables = new Set([...Object.keys(before.rader), ...Object.keys(after.rader)]);
  tables.forEach((table) => {
    const old = new Map((before.rader[table] || []).map((r) => [r.id, r]));
    const now = new Map((after.rader[table] || []).map((r) => [r.id, r]));
    now.forEach((row, id) => {
      const was = old.get(id);
      const wasLive = !!was && !was.borttagen;
      if (row.borttagen) {
        if (wasLive) c.borta += 1;
      } else if (!wasLive) c.nya += 1;
      else if (was !== row && canonical(was) !== canonical(row)) c.andrade += 1;
    });
    old.forEach((row, id) => !now.has(id) && !row.borttagen && (c.borta += 1));
  });
  return c;
}

function toolSentence(title, c) {
  const parts = [];
  if (c.svar) {
    let text = `${number(c.svar)} svar ${c.svar === 1 ? "nytt eller ändrat" : "nya eller ändrade"}`;
    if (c.ersatta) text += ` (${c.ersatta === c.svar && c.svar > 1 ? "alla" : number(c.ersatta)} ersatte ${c.ersatta === 1 ? "ett äldre svar" : "äldre svar"} här)`;
    parts.push(text);
  }
  if (c.svarBorta) parts.push(`${number(c.svarBorta)} svar ${c.svarBorta === 1 ? "borttaget" : "borttagna"} (någon valde Börja om efter att ${c.svarBorta === 1 ? "det" : "de"} ändrades)`);
  if (c.nya) parts.push(plural(c.nya, "rad ny", "rader nya"));
  if (c.andrade) parts.push(plural(c.andrade, "rad ändrad", "rader ändrade"));
  if (c.borta) parts.push(plural(c.borta, "rad borttagen", "rader borttagna"));
  return `${title}: ${parts.length ? parts.join(", ") : "oförändrad"}.`;
}

const sameCalculation = (a, b) => canonical({ scenario: a.scenario || null, falt: a.falt || null }) === canonical({ scenario: b.scenario || null, falt: b.falt || null });

// The n-th name for a calculation from a file whose name is taken: "Namn (från fil)",
// "Namn (från fil 2)", …, at most MAX_NAME characters.
export function fromFileName(name, n = 1) {
  const suffix = n === 1 ? ` (${FROM_FILE})` : ` (${FROM_FILE} ${n})`;
  return cleanName(name).slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
}

// `incoming` (a list of saved calculations) joined into `list`: {list, nya, omdopta: [names]}.
function joinCalculations(list, incoming) {
  const out = [...list];
  const byName = new Map(out.map((item) => [item.namn, item]));
  let nya = 0;
  const omdopta = [];
  incoming.forEach((item) => {
    for (let n = 0; n < 100; n += 1) {
      const name = n === 0 ? item.namn : fromFileName(item.namn, n);
      const existing = byName.get(name);
      if (existing && sameCalculation(existing, item)) return; // already here
      if (!existing) {
        const entry = { ...item, namn: name };
        out.push(entry);
        byName.set(name, entry);
        if (n === 0) nya += 1;
        else omdopta.push(name);
        return;
      }
    }
  });
  return { list: out, nya, omdopta };
}

// {verktyg: {tool: merged state to write}, dokument: record to write | null, sparade: list to
// write | null, aktuellt: record to write | null, andrat: bool, text: what changed, in Swedish}.
export function mergeBundle(stored, samlat, rules) {
  const sentences = [];
  const result = { verktyg: {}, dokument: null, sparade: null, aktuellt: null, andrat: false };
  let replaced = false;
  Object.entries(samlat.verktyg).forEach(([tool, incoming]) => {
    const toolRules = rules.verktyg[tool];
    const part = stored.verktyg[tool];
    const before = part && part.tillstand ? part.tillstand : emptyState(tool);
    const after = merge(before, incoming, limitsOf(toolRules).maxDeleted);
    const c = toolChanges(before, after);
    if (signature(after) !== signature(before) || (part && !part.tillstand)) result.verktyg[tool] = after;
    if (c.ersatta || c.andrade) replaced = true;
    sentences.push(toolSentence(toolRules.titel, c));
  });

  if (samlat.dokument) {
    const own = stored.dokument.uppgifter ? stored.dokument.uppgifter.svar : {};
    const svar = { ...own };
    let changed = 0;
    Object.entries(samlat.dokument.svar).forEach(([field, record]) => {
      const winner = newer(own[field], record);
      if (winner !== own[field] && (!own[field] || canonical(own[field]) !== canonical(winner))) {
        changed += 1;
        if (own[field]) replaced = true;
        svar[field] = winner;
      }
    });
    if (changed || stored.dokument.fel) result.dokument = { version: rules.dokument.version, svar };
    sentences.push(changed ? `Dokumentets uppgifter: ${plural(changed, "ny eller ändrad", "nya eller ändrade")}.` : "Dokumentets uppgifter: oförändrade.");
  }

  const { aktuellt, sparade } = samlat.berakning;
  let incomingSaved = sparade;
  let currentNote = "";
  if (aktuellt) {
    const own = stored.aktuellt.record;
    if (!own) {
      result.aktuellt = aktuellt;
      currentNote = "Aktuell beräkning: hämtad från filen.";
    } else if (!sameCalculation(own, aktuellt)) {
      // Kept, not lost: among the saved calculations.
      incomingSaved = [...sparade, { namn: "Aktuell beräkning", scenario: aktuellt.scenario, falt: aktuellt.falt }];
      currentNote = "Aktuell beräkning: din egen behålls; filens finns bland de sparade beräkningarna.";
    }
  }
  if (incomingSaved.length) {
    const joined = joinCalculations(stored.sparade.list, incomingSaved);
    if (joined.nya || joined.omdopta.length) result.sparade = joined.list;
    const parts = [];
    if (joined.nya) parts.push(plural(joined.nya, "ny", "nya"));
    if (joined.omdopta.length) {
      parts.push(`${plural(joined.omdopta.length, "med samma namn som en av dina men annat innehåll sparad", "med samma namn som dina men annat innehåll sparade")} som ${joinSv(joined.omdopta.map(quoted))}`);
    }
    sentences.push(`Sparade beräkningar: ${parts.length ? parts.join(", ") : "oförändrade"}.`);
  }
  if (currentNote) sentences.push(currentNote);

  result.andrat = !!(Object.keys(result.verktyg).length || result.dokument || result.sparade || result.aktuellt);
  if (!result.andrat) sentences.push("Filen innehöll inget som inte redan fanns här.");
  else if (replaced) sentences.push("Där samma svar hade ändrats både här och i filen gäller den senaste ändringen.");
  result.text = sentences.join(" ");
  return result;
}
