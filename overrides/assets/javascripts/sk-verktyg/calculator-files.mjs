// The calculator's files: the scenario as JSON (export and import), the result as CSV (with
// the uncertainty settings from the root's data-sk-osakerhet-dragningar/-fro; without them
// Python's defaults apply), and print.

import { MAX_DEPTH, tooDeep } from "./share-link.mjs";
import { messageText } from "./text.mjs";

const MAX_FILE_BYTES = 1000000; // a scenario file is a few kilobytes

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

  async exportJson() {
    const calc = this.calc;
    const scenario = await calc.scenarioOnScreen("Ingen JSON-fil skapades");
    if (!scenario) return;
    window.skPython.download("scenario.json", JSON.stringify(scenario, null, 2) + "\n", "application/json");
    calc.say("Scenariot är sparat som scenario.json. Filen kan öppnas här igen och i kommandoraden.");
  }

  async exportCsv() {
    const calc = this.calc;
    const scenario = await calc.scenarioOnScreen("Ingen CSV-fil skapades");
    if (!scenario) return;
    const response = await window.skPython.call("exportera_csv", { scenario, osakerhet: calc.settings.osakerhet });
    if (!response.ok) return calc.say(`Ingen CSV-fil skapades: ${messageText(response)}`);
    window.skPython.download(response.data.filnamn, response.data.innehall, "text/csv;charset=utf-8");
    calc.say(`Resultatet är sparat som ${response.data.filnamn} (semikolon och decimalkomma, för svenska Excel).`);
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
