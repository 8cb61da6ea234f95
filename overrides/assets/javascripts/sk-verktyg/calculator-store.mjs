// What the calculator keeps in this site's localStorage, read back with a check (it may be
// old, broken or planted). No DOM: the functions take the stored text; tested in
// tests/js/calculator-store.test.mjs. The decision document reads CURRENT_KEY too.
//
//   CURRENT_KEY: {falt: {name: text}, scenario: {...}|null, aktuellt: bool}
//   SAVED_KEY:   [{namn, scenario: {...}|null, falt?: {name: text}}]

import { tooDeep } from "./share-link.mjs";

export const CURRENT_KEY = "sk-berakning:aktuellt";
export const SAVED_KEY = "sk-berakning:sparade";
export const MAX_NAME = 200;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// Stored text, parsed: null when nothing is stored, undefined when it is not JSON.
export function parseJson(raw) {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw);
  } catch (error) {
    return undefined;
  }
}

// Only the form's own fields, and only text; null when nothing is left.
export function cleanFields(raw, fieldNames) {
  if (!isObject(raw)) return null;
  const out = {};
  Object.entries(raw).forEach(([name, value]) => {
    if (fieldNames.has(name) && typeof value === "string") out[name] = value;
  });
  return Object.keys(out).length ? out : null;
}

// The field texts of the current calculation: {falt} or null.
export function readCurrent(raw, fieldNames) {
  const data = parseJson(raw);
  const falt = isObject(data) ? cleanFields(data.falt, fieldNames) : null;
  return falt ? { falt } : null;
}

// Bidirectional control characters: invisible, yet they reorder the text around them
// ("abc\u202eTXT.exe" shows as "abcexe.TXT"). Dropped from scenario names, without a word.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
export function cleanName(text) {
  return String(text).replace(BIDI_CONTROLS, "").trim().slice(0, MAX_NAME);
}

// The saved scenarios that can be used, and how many could not be read.
export function readSaved(raw, fieldNames) {
  const data = parseJson(raw);
  const list = [];
  let broken = data === null || Array.isArray(data) ? 0 : 1;
  (Array.isArray(data) ? data : []).forEach((item) => {
    const falt = isObject(item) ? cleanFields(item.falt, fieldNames) : null;
    const scenario = isObject(item) && isObject(item.scenario) && !tooDeep(item.scenario) ? item.scenario : null;
    const namn = isObject(item) && typeof item.namn === "string" ? cleanName(item.namn) : "";
    if (namn && (scenario || falt)) {
      const entry = { namn, scenario };
      if (falt) entry.falt = falt;
      list.push(entry);
    } else broken += 1;
  });
  return { list, broken };
}

// A name, not yet taken, for the user's own calculation kept when something replaced it:
// a share link ("länken", the default) or the reset to the standard values ("återställningen").
export function keptName(taken, when, before = "länken") {
  let name = `Min beräkning före ${before} ${when}`;
  for (let n = 2; taken.has(name); n += 1) name = `Min beräkning före ${before} ${when} (${n})`;
  return name;
}

// The calculator's settings that Python renders on its root element (data-sk-jamfor-min,
// data-sk-jamfor-max, data-sk-osakerhet-dragningar, data-sk-osakerhet-fro). A setting that is
// missing is left out: then Python's own default (or check) applies.
export function settingsOf(dataset) {
  const int = (text) => (/^\d+$/.test(text || "") ? Number(text) : null);
  const osakerhet = {};
  if (int(dataset.skOsakerhetDragningar) !== null) osakerhet.dragningar = int(dataset.skOsakerhetDragningar);
  if (int(dataset.skOsakerhetFro) !== null) osakerhet.fro = int(dataset.skOsakerhetFro);
  return { jamforMin: int(dataset.skJamforMin), jamforMax: int(dataset.skJamforMax), osakerhet };
}

const WORDS = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"];
// "Välj två eller tre sparade scenarier att jämföra." from the limits (null: no local check).
export function comparisonRefusal(count, min, max) {
  if (min === null || max === null || (count >= min && count <= max)) return null;
  const word = (n) => WORDS[n] || String(n);
  const range = min === max ? word(min) : `${word(min)} ${max === min + 1 ? "eller" : "till"} ${word(max)}`;
  return `Välj ${range} sparade scenarier att jämföra.`;
}
