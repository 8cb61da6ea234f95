// The calculator's files: the scenario as JSON (export and import), the result as CSV (with
// the uncertainty settings from the root's data-sk-osakerhet-dragningar/-fro; without them
// Python's defaults apply), and print. Both files are named after the saved scenario the
// form shows, and the day (fileName, savedNameFor; no DOM, tested in
// tests/js/calculator-files.test.mjs).

import { MAX_DEPTH, tooDeep } from "./share-link.mjs";
import { isoDay, messageText } from "./text.mjs";

const MAX_FILE_BYTES = 1000000; // a scenario file is a few kilobytes
const MAX_SLUG = 40;

// A name as a safe part of a file name: a-z, 0-9 and "-" only ("Praktik, vår 2025" ->
// "praktik-var-2025"); letters with marks lose them; "" when nothing is left.
export function slug(name) {
  return String(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, "");
}

// "berakning-<the scenario's name, or egen>-<YYYY-MM-DD, local date>.<extension>".
export function fileName(name, extension, date = new Date()) {
  return `berakning-${slug(name || "") || "egen"}-${isoDay(date)}.${extension}`;
}

// The same scenario whatever the order of its keys.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
}

// The name of the saved scenario that is this scenario (the last saved of several), or "".
// saved: [{namn, scenario}] as calculator-store.mjs readSaved gives them.
export function savedNameFor(scenario, saved) {
  const wanted = JSON.stringify(canonical(scenario));
  const match = [...saved].reverse().find((item) => item.scenario && JSON.stringify(canonical(item.scenario)) === wanted);
  return match ? match.namn : "";
}

export class CalculatorFiles {
  constructor(calc) {
    this.calc = calc;
    const $ = (selector) => calc.root.querySelector(selector);
    this.importInput = $("[data-sk-importera-fil]");
    $("[data-sk-exportera-json]").addEventListener("click", () => this.exportJson());
    $("[data-sk-exportera-csv]").addEventListener("click", () => this.exportCsv());
    $("[data-sk-skriv-ut]").addEventListener("click", () => window.print());
    // The browser's own file picker button speaks the browser's language; ours speaks Swedish.
    $("[data-sk-importera]").addEventListener("click", () => this.importInput.click());
    this.importInput.addEventListener("change", () => this.importFile());
  }

  // The saved scenario opened or saved (calc.scenarioName, as the answer's heading names it),
  // else one with the same content (after a reload, say).
  nameFor(scenario, extension) {
    return fileName(this.scenarioName(scenario), extension);
  }
  scenarioName(scenario) {
    return this.calc.scenarioName || savedNameFor(scenario, this.calc.saved.read().list) || "";
  }

  async exportJson() {
    const calc = this.calc;
    const scenario = await calc.scenarioOnScreen("Ingen JSON-fil skapades");
    if (!scenario) return;
    const name = this.nameFor(scenario, "json");
    window.skPython.download(name, JSON.stringify(scenario, null, 2) + "\n", "application/json");
    calc.say(`Scenariot är sparat som ${name}. Filen kan öppnas här igen och i kommandoraden.`);
  }

  async exportCsv() {
    const calc = this.calc;
    const scenario = await calc.scenarioOnScreen("Ingen CSV-fil skapades");
    if (!scenario) return;
    // Inside the file too: what it is about and the day, as its name says (read once for
    // both, so a download at midnight does not carry two days).
    const named = this.scenarioName(scenario);
    const now = new Date();
    const response = await window.skPython.call("exportera_csv", {
      scenario, osakerhet: calc.settings.osakerhet, namn: named, datum: isoDay(now),
      kanslighet: calc.visning().tornado_aktor,
    });
    if (!response.ok) return calc.say(`Ingen CSV-fil skapades: ${messageText(response)}`);
    const name = fileName(named, "csv", now);
    window.skPython.download(name, response.data.innehall, "text/csv;charset=utf-8");
    calc.say(`Resultatet är sparat som ${name} (semikolon och decimalkomma, för svenska Excel).`);
  }

  async importFile() {
    const calc = this.calc;
    const file = this.importInput.files && this.importInput.files[0];
    this.importInput.value = "";
    if (!file) return;
    const fail = (why) => calc.say(`Filen kunde inte öppnas: ${why} Uppgifterna i formuläret är oförändrade.`);
    if (file.size > MAX_FILE_BYTES) return fail("den är för stor för att vara ett scenario (över 1 MB).");
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      return fail("den är inte giltig JSON.");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return fail("den innehåller inget scenario.");
    if (tooDeep(parsed, MAX_DEPTH)) return fail("innehållet är för djupt nästlat för att vara ett scenario.");
    const response = await calc.call("berakna_sida", { scenario: parsed });
    if (!response.ok) return fail(messageText(response));
    calc.generation += 1;
    calc.applyResponse(response.data, { fill: true });
    calc.say(`Scenariot i ${file.name} är inläst.`);
  }
}
