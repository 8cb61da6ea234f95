// "Dela med kollegor" on the document page ([data-samlad-fil], rendered by
// calculators/checklists/bundle_page.py): "Spara allt i en fil" downloads one file with
// everything this browser holds; "Öppna en fil med allt" reads such a file (bundle.mjs, as
// hostile text), lets Python check every tool's answers (state.py, the one home of what an
// answer may be), merges it item by item into storage and says what changed. The other tabs
// hear of it through their storage events; this page through a storage event sent here.
// Messages are set with textContent only.

import { buildBundle, contentsText, fileName, limitsOf, mergeBundle, parseBundle, readStored, serialize } from "./bundle.mjs";
import { CURRENT_KEY, SAVED_KEY } from "./calculator-store.mjs";
import { ChecklistStorage } from "./checklist-storage.mjs";
import { errorText } from "./engine-status.mjs";
import { now } from "./merge.mjs";
import { register } from "./registry.mjs";

const FULL = "kunde inte sparas i webbläsaren (lagringen är full eller avstängd)";

export class BundleSection {
  constructor(root) {
    this.root = root;
    this.store = window.skPython.lagring;
    this.rules = JSON.parse(root.dataset.regler);
    this.statusBox = root.querySelector("[data-status]");
    this.input = root.querySelector("[data-samlad-oppna]");
    this.busy = false;
    root.querySelectorAll("[data-kraver-js]").forEach((el) => (el.hidden = false));
    root.querySelector('[data-atgard="spara-allt"]').addEventListener("click", () => this.save());
    this.input.addEventListener("change", () => this.open());
  }

  connected() {
    return document.body.contains(this.root);
  }
  say(text) {
    this.statusBox.textContent = text;
  }
  read() {
    return (name) => this.store.hamta(name);
  }

  save() {
    const { samlat, tom, problem } = buildBundle(this.read(), this.rules, new Date());
    if (tom) return this.say(["Det finns inget sparat i den här webbläsaren ännu. Fyll i verktygen först.", ...problem].join(" "));
    const name = fileName(new Date());
    window.skPython.download(name, serialize(samlat), "application/json;charset=utf-8");
    this.say([`Allt är sparat i filen ${name}: ${contentsText(samlat, this.rules)}.`, ...problem,
      "Skicka filen till en kollega, som öppnar den på den här sidan."].join(" "));
  }

  async open() {
    const file = this.input.files && this.input.files[0];
    if (!file || this.busy) return;
    this.busy = true;
    try {
      await this.openFile(file);
    } finally {
      this.busy = false;
      this.input.value = ""; // the same file can be chosen again
    }
  }

  async openFile(file) {
    const refuse = (why) => this.say(`Filen ${file.name} kunde inte öppnas: ${why} Inget har ändrats.`);
    // Each character is at most four bytes: a larger file is refused unread.
    if (file.size > this.rules.maxTecken * 4) return refuse("Filen är för stor för att vara en fil med allt från verktygen.");
    let text;
    try {
      text = await file.text();
    } catch (error) {
      return refuse("Filen kunde inte läsas.");
    }
    const parsed = parseBundle(text, this.rules);
    if (parsed.fel) return refuse(parsed.fel);
    // Python checks every answer against the tool's questions (values, dates, fixed columns).
    const tools = Object.keys(parsed.samlat.verktyg);
    if (tools.length) this.say(`Filen ${file.name} kontrolleras …`);
    for (const tool of tools) {
      const response = await window.skPython.call("checklista_importera", { verktyg: tool, text: JSON.stringify(parsed.samlat.verktyg[tool]) });
      if (!response.ok) return refuse(`Svaren för ${this.rules.verktyg[tool].titel} går inte att använda. ${errorText(response)}`);
      parsed.samlat.verktyg[tool] = response.data.tillstand;
    }
    const stored = readStored(this.read(), this.rules);
    const result = mergeBundle(stored, parsed.samlat, this.rules);
    const notes = this.write(stored, result);
    this.say([`Filen ${file.name} är öppnad.`, result.text, ...parsed.problem, ...notes].join(" "));
    // This page's document (and anything else here that reads storage) reads it again; other
    // tabs get the browser's own storage events.
    if (result.andrat) window.dispatchEvent(new StorageEvent("storage", { key: null }));
  }

  // Keep an unreadable stored value aside (never dropped) under `<name>:trasig:<time>`.
  keepAside(name, raw) {
    const aside = `${name}:trasig:${now()}`;
    return this.store.spara(aside, raw) ? this.store.nyckel(aside) : null;
  }

  // Write what the merge changed; returns sentences about what went wrong or was kept aside.
  write(stored, result) {
    const notes = [];
    Object.entries(result.verktyg).forEach(([tool, state]) => {
      const rules = this.rules.verktyg[tool];
      const storage = new ChecklistStorage(rules.lagring, tool, limitsOf(rules), (text) => notes.push(text), () => {});
      const part = stored.verktyg[tool];
      if (part && part.fel) {
        const aside = storage.keepAside(part.raw, "trasig");
        if (!aside) return notes.push(`Svaren i ${rules.titel} ${FULL}.`);
        notes.push(`De tidigare sparade svaren i ${rules.titel} kunde inte läsas; de finns kvar i webbläsaren under nyckeln ${aside}.`);
        if (!storage.write(state, "")) notes.push(`Svaren i ${rules.titel} ${FULL}.`);
      } else if (!storage.mergeAndWrite(state).saved) notes.push(`Svaren i ${rules.titel} ${FULL}.`);
    });
    const put = (name, value, what, previous) => {
      if (previous) {
        const aside = this.keepAside(name, previous);
        if (!aside) return notes.push(`${what} ${FULL}.`);
        notes.push(`${what}: det som var sparat förut kunde inte läsas helt och finns kvar i webbläsaren under nyckeln ${aside}.`);
      }
      if (!this.store.spara(name, JSON.stringify(value))) notes.push(`${what} ${FULL}.`);
    };
    if (result.dokument) put(this.rules.dokument.lagring, result.dokument, "Dokumentets uppgifter", stored.dokument.fel ? stored.dokument.raw : null);
    if (result.sparade) put(SAVED_KEY, result.sparade, "Sparade beräkningar", stored.sparade.broken ? stored.sparade.raw : null);
    if (result.aktuellt) put(CURRENT_KEY, result.aktuellt, "Den aktuella beräkningen", stored.aktuellt.record ? null : stored.aktuellt.raw);
    return notes;
  }
}

register("[data-samlad-fil]", (root) => new BundleSection(root));
