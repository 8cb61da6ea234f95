// The beslutsunderlag document (docs/verktyg/dokument.md): one DecisionDocument per
// [data-beslutsunderlag-dokument] element. It gathers every tool's saved answers (the keys
// come from the element's data-lagring, rendered by calculators/checklists/document.py) and
// the calculator's current scenario, and shows the document Python builds from them. The
// Word file is made here in the browser from the document model Python returns beside the
// HTML ("modell"), with the docx library imported from our own site only when asked for.

import { engineStatus, errorText, fragment, headingLevelOf } from "./engine-status.mjs";
import { parseSaved } from "./saved-state.mjs";
import { CURRENT_KEY } from "./calculator-store.mjs";
import { arriving, cutAt, engineStatusText } from "./text.mjs";
import { register } from "./registry.mjs";
import { fileName, modelToDocx } from "./docx-document.mjs";

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The docx library (about 1 MB), imported once per tab on the first Word download from the
// address in the sk-python meta tag (overrides/hooks/docx_assets.py). A browser keeps a
// failed module import failed, so a retry asks for the file under a new query.
let docxLibrary = null;
let docxAttempt = 0;
function loadDocx() {
  const url = window.skPython.adresser && window.skPython.adresser.docx;
  if (!url) return Promise.reject(new Error("the page names no docx address"));
  if (!docxLibrary) {
    const attempt = docxAttempt++;
    docxLibrary = import(attempt ? `${url}?forsok=${attempt}` : url).catch((error) => {
      docxLibrary = null;
      throw error;
    });
  }
  return docxLibrary;
}

export class DecisionDocument {
  constructor(root) {
    this.root = root;
    this.store = window.skPython.lagring;
    this.page = root.dataset.sida || "verktyg/dokument.md";
    this.keys = JSON.parse(root.dataset.lagring || "{}"); // {tool id: storage name}
    this.headingName = root.dataset.uppgifterLagring; // the heading fields (document_heading.py)
    this.appendixName = root.dataset.bilagorLagring; // the appendices left out
    this.content = root.querySelector("[data-dokument]");
    this.statusBox = root.querySelector("[data-status]");
    this.level = headingLevelOf(this.content);
    this.markdown = null;
    this.model = null;
    this.makingWord = false;
    this.seq = 0;
    this.timer = null;
    const toolbar = root.querySelector("[data-verktygsrad]");
    if (toolbar) toolbar.hidden = false;
    this.engine = engineStatus(() => this.schedule(0));
    this.content.before(this.engine.element);
    // Until Python has read the saved answers the page shows the empty template: printed then
    // (from the browser's menu too) it would look as if the answers were lost. The print
    // style shows this notice instead while answers exist and the document is not made yet.
    this.printWait = document.createElement("p");
    this.printWait.className = "sk-utskrift-vantar";
    this.printWait.textContent = "Dokumentet med era svar är inte klart ännu. Vänta några sekunder tills sidan visar era svar och skriv sedan ut igen.";
    this.content.before(this.printWait);
    this.whenReady = null; // what a button asked for while the document was being made
    this.markAnswers();
    root.addEventListener("click", (event) => this.onClick(event));
    this.showAll = root.querySelector("[data-visa-alla]");
    if (this.showAll) this.showAll.addEventListener("change", () => this.schedule(0));
    this.headingInputs = [...root.querySelectorAll("[data-uppgift]")];
    this.appendixBoxes = [...root.querySelectorAll("[data-bilaga]")];
    const choices = root.querySelector("[data-dokument-val]");
    if (choices) choices.hidden = false;
    this.fillChoices();
    this.headingInputs.forEach((input) => {
      input.addEventListener("input", () => this.saveHeading(input));
      input.addEventListener("paste", (event) => this.onPaste(event, input));
    });
    this.appendixBoxes.forEach((box) => box.addEventListener("change", () => this.saveAppendices()));
    this.onPythonStatus(window.skPython.status, window.skPython.meddelande);
    this.schedule(0);
  }

  connected() {
    return document.body.contains(this.root);
  }
  say(text) {
    if (this.statusBox) this.statusBox.textContent = text;
  }

  // The heading fields' record (calculators/checklists/document_heading.py): read as hostile,
  // Python validates it again; a record that is not one counts as none here.
  headingRecord() {
    let record = null;
    try {
      record = JSON.parse(this.store.hamta(this.headingName) || "null");
    } catch (error) {
      record = null;
    }
    return isObject(record) && isObject(record.svar) ? record : null;
  }

  leftOut() {
    try {
      const saved = JSON.parse(this.store.hamta(this.appendixName) || "null");
      return isObject(saved) && Array.isArray(saved.utan) ? saved.utan.filter((id) => typeof id === "string") : [];
    } catch (error) {
      return [];
    }
  }

  // The saved heading fields and appendix choices into the form (not into the field being typed in).
  fillChoices() {
    const record = this.headingRecord();
    this.headingInputs.forEach((input) => {
      if (input === document.activeElement) return;
      const entry = record && record.svar[input.dataset.uppgift];
      const value = isObject(entry) && typeof entry.varde === "string" ? entry.varde : "";
      input.value = value.slice(0, Number(input.maxLength) > 0 ? input.maxLength : 200);
    });
    const left = this.leftOut();
    this.appendixBoxes.forEach((box) => { box.checked = !left.includes(box.dataset.bilaga); });
  }

  // The field keeps at most its maxlength; a longer paste is cut by the browser without a
  // word, so say what was left out.
  onPaste(event, input) {
    const most = cutAt(input, arriving(event));
    if (most) {
      const label = this.root.querySelector(`label[for="${input.id}"]`);
      this.say(`${label ? label.textContent : "Fältet"} rymmer högst ${most} tecken: det du klistrade in kortades.`);
    }
  }

  saveHeading(input) {
    const record = this.headingRecord() || { version: 1, svar: {} };
    record.version = 1;
    record.svar[input.dataset.uppgift] = { varde: input.value, andrad: new Date().toISOString() };
    if (!this.store.spara(this.headingName, JSON.stringify(record))) {
      this.say("Uppgifterna kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns kvar på sidan tills du stänger den.");
    }
    this.markAnswers();
    this.schedule();
  }

  saveAppendices() {
    const utan = this.appendixBoxes.filter((box) => !box.checked).map((box) => box.dataset.bilaga);
    this.store.spara(this.appendixName, JSON.stringify({ utan }));
    this.schedule(0);
  }

  gather() {
    const states = {};
    const problems = [];
    Object.entries(this.keys).forEach(([tool, key]) => {
      const raw = this.store.hamta(key);
      if (!raw) return;
      const parsed = parseSaved(raw, tool);
      if (parsed.tillstand) states[tool] = parsed.tillstand;
      else problems.push(tool);
    });
    let scenario = null;
    try {
      const calc = JSON.parse(this.store.hamta(CURRENT_KEY) || "null");
      if (isObject(calc) && isObject(calc.scenario)) scenario = calc.scenario;
    } catch (error) {
      scenario = null;
    }
    return { states, problems, scenario };
  }

  // Whether answers are saved (data-har-svar), read from storage without Python.
  markAnswers() {
    const { states, problems, scenario } = this.gather();
    const any = Object.keys(states).length > 0 || problems.length > 0 || !!scenario || !!this.headingRecord();
    this.root.toggleAttribute("data-har-svar", any);
  }

  schedule(delay = 150) {
    clearTimeout(this.timer);
    this.content.classList.add("sk-inaktuell");
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  async refresh() {
    const mine = ++this.seq;
    const { states, problems, scenario } = this.gather();
    const content = this.content;
    content.setAttribute("aria-busy", "true");
    const visa_alla = !!(this.showAll && this.showAll.checked);
    const rest = { sida: this.page, visa_alla, uppgifter: this.headingRecord(), utan: this.leftOut() };
    let response = await window.skPython.call("beslutsunderlag_dokument", { tillstand: states, scenario, ...rest });
    let note = "";
    if (!response.ok && scenario) {
      // The saved calculation could not be used: show the rest, say why.
      note = `Den sparade beräkningen kunde inte tas med: ${errorText(response)} `;
      response = await window.skPython.call("beslutsunderlag_dokument", { tillstand: states, ...rest });
    }
    if (mine !== this.seq) return;
    content.removeAttribute("aria-busy");
    if (!response.ok) {
      if (window.skPython.status === "redo") this.say(`Dokumentet kunde inte skapas: ${errorText(response)}`);
      return;
    }
    content.replaceChildren(fragment(response.data.html, this.level));
    content.classList.remove("sk-inaktuell");
    content.dataset.uppdaterad = String(mine);
    this.root.setAttribute("data-dokument-klart", "");
    this.markdown = response.data.markdown;
    this.model = isObject(response.data.modell) ? response.data.modell : null;
    const unread = [...problems, ...(response.data.utelamnade || []).map((t) => t.rubrik)];
    const broken = unread.length ? `De sparade svaren i ${unread.join(", ")} kunde inte läsas och är inte med. Öppna verktyget för att se vad som hänt. ` : "";
    this.say(note + broken);
    if (this.whenReady) {
      const action = this.whenReady;
      this.whenReady = null;
      action();
    }
  }

  // Not yet the document of what is saved: Python has not read the answers, or a change
  // (a keystroke in the heading fields, another tab) is being worked in.
  stale() {
    const unread = this.root.hasAttribute("data-har-svar") && !this.root.hasAttribute("data-dokument-klart");
    return unread || (this.root.hasAttribute("data-dokument-klart") && this.content.classList.contains("sk-inaktuell"));
  }

  // Print and the downloads wait for the document of what is saved, then run.
  afterRefresh(action, what) {
    if (!this.stale()) return action();
    this.whenReady = action;
    this.say(`Dokumentet med era senaste ändringar räknas fram – ${what} startar när det är klart.`);
  }

  onClick(event) {
    const button = event.target.closest("[data-atgard]");
    if (!button) return;
    if (button.dataset.atgard === "skriv-ut") this.afterRefresh(() => window.print(), "utskriften");
    else if (button.dataset.atgard === "exportera-dokument-markdown") this.afterRefresh(() => this.downloadMarkdown(), "nedladdningen");
    else if (button.dataset.atgard === "exportera-dokument-word") this.afterRefresh(() => this.downloadWord(), "nedladdningen");
  }

  downloadMarkdown() {
    if (!this.markdown) return this.say("Dokumentet är inte klart ännu: vänta några sekunder tills det har räknats fram.");
    const name = this.model ? this.model.filnamn.replace(/\.docx$/, ".md") : "beslutsunderlag.md";
    window.skPython.download(name, this.markdown, "text/markdown;charset=utf-8");
    this.say(`Dokumentet är sparat som ${name}.`);
  }

  async downloadWord() {
    const model = this.model;
    if (!model) return this.say("Dokumentet är inte klart ännu: vänta några sekunder tills det har räknats fram.");
    if (this.makingWord) return;
    this.makingWord = true;
    this.say("Word-filen skapas …");
    try {
      let docx;
      try {
        docx = await loadDocx();
      } catch (error) {
        return this.say("Word-filen kunde inte skapas: det som skapar Word-filer kunde inte hämtas från webbplatsen (är du utan nätverk?). "
          + "Inget har försvunnit. Försök igen om en stund, eller ladda ner som Markdown eller skriv ut i stället.");
      }
      const blob = await docx.Packer.toBlob(modelToDocx(docx, model));
      const name = fileName(model);
      window.skPython.download(name, blob, DOCX_TYPE);
      this.say(`Dokumentet är sparat som ${name}.`);
    } catch (error) {
      this.say("Word-filen kunde inte skapas. Inget har försvunnit: ladda ner som Markdown eller skriv ut i stället.");
    } finally {
      this.makingWord = false;
    }
  }

  onPythonStatus(status, meddelande) {
    this.root.dataset.motor = status;
    const text = engineStatusText(status, meddelande, "Dokumentet", { takesAnswers: false });
    this.engine.text.textContent = text;
    this.engine.retry.hidden = status !== "fel";
  }
  onPythonDownload(download) {
    this.engine.bar.show(download);
  }

  onStorage(event) {
    const watched = [CURRENT_KEY, this.headingName, this.appendixName, ...Object.values(this.keys)].map((name) => this.store.nyckel(name));
    if (event.key === null || watched.includes(event.key)) {
      this.fillChoices();
      this.markAnswers();
      this.schedule();
    }
  }
}

register("[data-beslutsunderlag-dokument]", (root) => new DecisionDocument(root));
