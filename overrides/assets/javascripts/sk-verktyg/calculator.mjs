// The calculator (docs/verktyg/berakning.md): one Calculator per [data-sk-verktyg="berakning"],
// rendered by calculators/pages/calculator.py. It sends the raw field texts to Python
// (window.skPython) and swaps in the HTML fragments Python returns; settings come from the
// root's data attributes (calculator-store.mjs settingsOf). Two promises to the user:
//   - What is saved, exported or shared is exactly what the form shows, or nothing is, with a
//     message naming the fields to correct.
//   - Nothing typed is lost: the field texts are stored on every input (before Python has
//     started), and a share link never silently replaces the user's own calculation.
// Saved scenarios, share links, files and field messages are in calculator-saved/-link/
// -files/-errors.mjs.

import { CURRENT_KEY, keptName, readCurrent, settingsOf } from "./calculator-store.mjs";
import { canonical } from "./share-link.mjs";
import { CalculatorFiles } from "./calculator-files.mjs";
import { CalculatorLinks } from "./calculator-link.mjs";
import { SavedScenarios } from "./calculator-saved.mjs";
import { FieldErrors } from "./calculator-errors.mjs";
import { isolated, messages, stamp } from "./text.mjs";
import { register } from "./registry.mjs";
import { downloadBar } from "./engine-status.mjs";
import { pageValue, putBack, typedBeforeStart } from "./early-input.mjs";

export const STALE_INVALID = "Resultatet nedan gäller de senaste giltiga uppgifterna och är inte aktuellt. Rätta uppgifterna ovan.";
export const STALE_ENGINE = "Resultatet nedan gäller inte uppgifterna i formuläret: det kan inte räknas om förrän beräkningen fungerar igen. Välj Försök igen överst.";
// Why a failed call left the result stale: the input, or the engine (the input may be fine).
const staleText = () => (window.skPython.status === "redo" ? STALE_INVALID : STALE_ENGINE);
const RECALCULATING = "Räknar om …";
const UPDATED_SAY_MS = 1000; // after the last fresh result: typing has stopped
const ANSWER_STALE = "Inte aktuellt: svaret gäller inte uppgifterna i formuläret just nu.";
const ANSWER_WAITING = "Inte aktuellt ännu: svaret räknas om så snart beräkningen är klar att använda.";
const STORAGE_FULL = "Uppgifterna kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns bara kvar så länge sidan är öppen: exportera scenariot som JSON-fil för att behålla det.";
const STATUS = {
  vilande: "",
  // After the runtime's own sentence (how far the download has come, or that it is starting).
  laddar: "Till dess visas standardscenariot; du kan redan ändra uppgifterna.",
  // Kept on screen, about as tall as the loading lines: the page does not jump when Python
  // is ready, and the reader sees that it is.
  redo: "Beräkningen är redo: svaret räknas om direkt när du ändrar en uppgift.",
};

export class Calculator {
  constructor(root) {
    this.root = root;
    this.store = window.skPython.lagring;
    this.settings = settingsOf(root.dataset);
    const $ = (selector) => root.querySelector(selector);
    this.form = $("[data-sk-form]");
    // Each unit that follows its field's value, and the value it was written for (the page's own).
    this.unitValues = new Map([...this.form.querySelectorAll("[data-sk-enhet-foljer]")].map((el) => {
      const control = this.unitControl(el);
      return [el, control ? control.defaultValue : null];
    }));
    this.result = $("[data-sk-resultat]");
    this.answer = $("[data-sk-svar-innehall]");
    this.answerBar = $("[data-sk-svarsrad-innehall]");
    this.answerNotices = [...root.querySelectorAll("[data-sk-svar-inaktuellt]")];
    this.bandWaiting = $("[data-sk-osakerhet-vantar]");
    this.sensitivity = $("[data-sk-kanslighet]");
    this.assumptions = $("[data-sk-antaganden]");
    this.presetSelect = $("[data-sk-forinstallning]");
    this.band = $("[data-sk-osakerhet]");
    this.notice = $("[data-sk-inaktuellt]");
    this.updatedNote = $("[data-sk-uppdaterat]");
    this.updatedTimer = null;
    this.edited = false; // the fields changed since the last result was said
    this.statusLine = $("[data-sk-status]");
    this.retryButton = $("[data-sk-forsok-igen]");
    this.bar = downloadBar();
    this.statusLine.after(this.bar.element);
    this.storageWarning = $("[data-sk-lagringsfel]");
    this.actionMessage = $("[data-sk-atgardsmeddelande]");
    this.shareField = $("[data-sk-delningslank]");
    this.tornadoSelect = $("[data-sk-tornado-aktor]");
    root.querySelectorAll("[data-sk-kraver-js]").forEach((el) => (el.hidden = false));
    root.classList.add("sk-js");
    this.errors = new FieldErrors(this.form, $("[data-sk-formfel]"));
    this.fieldNames = new Set([...this.form.querySelectorAll("[name]")].map((el) => el.name));
    this.standard = JSON.parse(root.dataset.skStandardscenario);
    // The name of the saved scenario the form shows, for the answer's heading; "" once edited.
    this.scenarioName = "";
    this.stampPrintDate();
    window.addEventListener("beforeprint", () => this.stampPrintDate());

    // The last valid result: the scenario Python computed and the field texts it came from.
    // Save, export and share use it only while the form still shows exactly those texts.
    this.valid = null;
    this.running = false;
    this.again = null;
    this.generation = 0; // bumped when the fields are replaced (link, file, saved scenario, reset)
    this.bandTimer = null;
    this.inputStamp = 0;

    this.saved = new SavedScenarios(this);
    this.links = new CalculatorLinks(this);
    this.files = new CalculatorFiles(this);
    this.listen();
    this.showStatus(window.skPython.status, window.skPython.meddelande);
    this.saved.render();

    // Start: share link > fields changed before this script ran > stored scenario >
    // pre-rendered default. The pre-rendered result belongs to the page's own field values.
    const early = typedBeforeStart(this.form);
    this.valid = { snap: JSON.stringify(this.fieldValues(pageValue)), scenario: this.standard };
    this.startFrom(this.readCurrent(), early);
    this.leaveOutWaitingUnits();
  }
  startFrom(own, early) {
    if (this.links.onStart(own)) return;
    if (own) this.links.restoreOwn(own);
    // A field the browser restored to the saved value is not a change (Firefox restores forms).
    const changed = own ? early.filter(([el, value]) => el.value !== value) : early;
    if (changed.length) {
      putBack(changed);
      this.updateVisibility();
      this.onInput();
    } else if (!own) {
      this.updateVisibility();
    }
  }

  connected() {
    return document.body.contains(this.root);
  }
  // `text` a string, or a list of strings and nodes (a name in <bdi>, text.mjs isolated()).
  say(text) {
    if (Array.isArray(text)) this.actionMessage.replaceChildren(...text);
    else this.actionMessage.textContent = text;
    // Said while the engine is down: its cause goes when the engine works (showStatus).
    this.saidWhileDown = window.skPython.status === "fel" ? this.actionMessage.textContent : null;
  }

  // ── the form ───────────────────────────────────────────────────────────────────────
  // read: the value now, or (pageValue) the page's own.
  fieldValues(read = (el) => el.value) {
    const values = {};
    this.form.querySelectorAll("[name]").forEach((el) => (values[el.name] = read(el)));
    return values;
  }
  snapshot() {
    return JSON.stringify(this.fieldValues());
  }
  isCurrent() {
    return !!this.valid && this.valid.snap === this.snapshot();
  }
  fillFields(values) {
    Object.entries(values || {}).forEach(([name, value]) => {
      const el = this.form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (el && typeof value === "string") el.value = value;
    });
    this.updateVisibility();
  }
  // Sub-fields shown only for some choice, e.g. data-sk-visas-nar="anstallningsstod.typ:nystartsjobb".
  updateVisibility() {
    this.root.querySelectorAll("[data-sk-visas-nar]").forEach((el) => {
      const [name, allowed] = el.dataset.skVisasNar.split(":");
      const control = this.form.querySelector(`[name="${CSS.escape(name)}"]`);
      el.hidden = !!control && !allowed.split(",").includes(control.value);
    });
  }
  visning() {
    return { tornado_aktor: this.tornadoSelect.value, namn: this.scenarioName };
  }
  stampPrintDate() {
    const el = this.root.querySelector("[data-sk-utskriftsdatum]");
    if (el) el.textContent = new Date().toLocaleDateString("sv-SE");
  }
  // Put in Python's new HTML for a part of the results, keeping the optional columns the
  // user asked to see (the "Visa …" checkboxes in it).
  swap(el, html) {
    const ticked = [...el.querySelectorAll(".sk-kolumnval input:checked")].map((box) => box.id);
    el.innerHTML = html;
    ticked.forEach((id) => {
      const box = el.querySelector(`#${CSS.escape(id)}`);
      if (box) box.checked = true;
    });
  }
  // What Python says differs from the defaults: a marker under each changed field, a count
  // on each closed group, the preset the values match, units that follow the value.
  showChanges(data) {
    this.form.querySelectorAll("[data-sk-andrad]").forEach((el) => {
      const text = data.andrade[el.dataset.skAndrad];
      el.textContent = text || "";
      el.hidden = !text;
    });
    this.form.querySelectorAll("[data-sk-andrade-grupp]").forEach((el) => {
      el.textContent = data.grupper[el.dataset.skAndradeGrupp] || "";
    });
    Object.entries(data.enheter).forEach(([name, unit]) => {
      const control = this.form.querySelector(`[name="${CSS.escape(name)}"]`);
      const el = control && this.form.querySelector(`#${CSS.escape(control.id)}-enhet`);
      if (!el) return;
      el.textContent = unit;
      this.unitValues.set(el, control.value);
    });
    if (this.presetSelect && [...this.presetSelect.options].some((o) => o.value === data.forinstallning)) {
      this.presetSelect.value = data.forinstallning;
    }
  }
  // A number the user typed is shown the Swedish way ("24000" -> "24 000") once it counts,
  // except in the field being typed in and in fields not shown.
  tidyFields(falt, only = null) {
    if (!this.isCurrent()) return;
    let tidied = false;
    this.form.querySelectorAll("input[name]").forEach((el) => {
      if ((only && el !== only) || el === document.activeElement || el.closest("[hidden]")) return;
      const text = falt[el.name];
      // Typed spaces are kept: "27 500" is already the Swedish way (Python writes no-break spaces).
      if (text && el.value.replace(/\u00a0/g, " ") !== text.replace(/\u00a0/g, " ")) {
        el.value = text;
        tidied = true;
      }
    });
    if (tidied) {
      this.valid.snap = this.snapshot();
      this.writeCurrent();
    }
  }

  // ── storage ──────────────────────────────────────────────────────────────────────
  readCurrent() {
    return readCurrent(this.store.hamta(CURRENT_KEY), this.fieldNames);
  }
  warnStorage(failed) {
    this.storageWarning.hidden = !failed;
    this.storageWarning.textContent = failed ? STORAGE_FULL : "";
    return !failed;
  }
  // The form as it is now; the scenario only when the result on screen is computed from it
  // (the decision document reads this key).
  writeCurrent() {
    const current = this.isCurrent();
    const record = { falt: this.fieldValues(), scenario: current ? this.valid.scenario : null, aktuellt: current };
    return this.warnStorage(!this.store.spara(CURRENT_KEY, JSON.stringify(record)));
  }

  // ── errors and the "not current" state ──────────────────────────────────────────
  markStale(stale, text) {
    this.result.classList.toggle("sk-inaktuellt", stale);
    this.sensitivity.classList.toggle("sk-inaktuellt", stale);
    if (this.band) this.band.classList.toggle("sk-inaktuellt", stale);
    this.notice.hidden = !stale;
    // "Räknar om …" comes and goes with every key: seen, not read aloud (the new result is,
    // once typing stops); why the result is not current is read aloud.
    if (text) this.notice.setAttribute("aria-live", text === RECALCULATING ? "off" : "polite");
    if (text && this.notice.textContent !== text) this.notice.textContent = text;
    // The answer at the top says so too, unless it is only being recomputed this instant.
    const passing = this.notice.textContent === RECALCULATING && window.skPython.status === "redo";
    const answerStale = stale && !passing;
    this.answerNotices.forEach((el) => {
      el.hidden = !answerStale;
      el.textContent = !answerStale ? "" : ["vilande", "laddar"].includes(window.skPython.status) ? ANSWER_WAITING : ANSWER_STALE;
      el.parentElement.classList.toggle("sk-inaktuellt", answerStale);
    });
  }
  // The likely range follows a moment after the figures (Monte Carlo): until then the
  // uncertainty section says it is being recomputed.
  markBandWaiting(waiting) {
    if (!this.band) return;
    this.band.classList.toggle("sk-vantar", waiting);
    this.bandWaiting.hidden = !waiting;
    this.bandWaiting.textContent = waiting ? "Det troliga intervallet räknas om …" : "";
  }
  // ── computing ──────────────────────────────────────────────────────────────────────
  applyResponse(data, { fill = false, snap = null } = {}) {
    if (fill) this.fillFields(data.falt);
    this.valid = { snap: fill ? this.snapshot() : snap, scenario: data.scenario, falt: data.falt };
    // HTML built and escaped by Python
    this.swap(this.result, data.html.resultat);
    this.swap(this.sensitivity, data.html.kanslighet);
    this.assumptions.innerHTML = data.html.antaganden;
    this.answer.innerHTML = data.html.svar;
    this.answerBar.innerHTML = data.html.svarsrad;
    this.showChanges(data);
    this.errors.clear();
    if (this.isCurrent()) {
      this.markStale(false);
      if (this.edited) this.sayUpdated();
    } else this.markStale(true, RECALCULATING);
    this.markBandWaiting(true);
    this.writeCurrent();
    this.tidyFields(data.falt);
    this.root.dataset.skBeraknad = String(++this.inputStamp);
    this.scheduleBand();
    this.root.dispatchEvent(new CustomEvent("sk-berakning-klar", { bubbles: true }));
  }
  call(op, data) {
    return window.skPython.call(op, { ...data, visning: this.visning() });
  }
  async recalc(request, options = {}) {
    if (this.running) {
      this.again = { request, options };
      return;
    }
    this.running = true;
    const mine = this.generation;
    const snap = request.falt ? JSON.stringify(request.falt) : null;
    try {
      const response = await this.call("berakna_sida", request);
      if (mine === this.generation) {
        if (response.ok) this.applyResponse(response.data, { fill: !!options.fill, snap });
        else {
          // An engine that does not work says so at the top; it is no fault in the input.
          if (window.skPython.status === "redo" && (snap === null || snap === this.snapshot())) this.errors.show(messages(response));
          this.markStale(true, staleText());
          this.writeCurrent();
        }
      }
    } finally {
      this.running = false;
    }
    if (this.again) {
      const next = this.again;
      this.again = null;
      this.recalc(next.request.falt ? { falt: this.fieldValues() } : next.request, next.options);
    }
  }
  recalcFields() {
    return this.recalc({ falt: this.fieldValues() });
  }
  scheduleBand() {
    if (!this.band) return;
    clearTimeout(this.bandTimer);
    this.bandTimer = setTimeout(async () => {
      const asked = this.valid;
      this.band.setAttribute("aria-busy", "true");
      const response = await window.skPython.call("osakerhet_sida", { scenario: asked.scenario, visning: this.visning() });
      this.band.removeAttribute("aria-busy");
      if (asked !== this.valid) return;
      if (response.ok) {
        this.swap(this.band, response.data.html);
        this.answer.innerHTML = response.data.svar;
      }
      this.markBandWaiting(false);
    }, 250);
  }

  // The scenario the form shows, or null after saying why not (`what` names the refused act).
  async scenarioOnScreen(what) {
    const snap = this.snapshot();
    if (this.valid && this.valid.snap === snap) return this.valid.scenario;
    if (window.skPython.status !== "redo") {
      this.say(window.skPython.status === "fel"
        ? `${what}: beräkningen fungerar inte just nu, så uppgifterna i formuläret kan inte kontrolleras. Välj Försök igen överst.`
        : `${what}: beräkningen förbereds fortfarande, så uppgifterna i formuläret kan inte kontrolleras ännu. Försök igen om några sekunder.`);
      return null;
    }
    this.say("Kontrollerar uppgifterna …");
    const mine = this.generation;
    const response = await this.call("berakna_sida", { falt: JSON.parse(snap) });
    if (this.snapshot() !== snap || mine !== this.generation) {
      this.say(`${what}: uppgifterna ändrades medan de kontrollerades. Försök igen.`);
      return null;
    }
    if (response.ok) {
      this.applyResponse(response.data, { snap });
      return response.data.scenario;
    }
    this.errors.show(messages(response));
    this.markStale(true, staleText());
    this.say(this.errors.refusal(what, messages(response)));
    return null;
  }

  // The reset loses nothing: what the form shows is kept under Sparade scenarier first,
  // unless it is the standard scenario. Returns the name it was kept under, or null.
  keepBeforeReset() {
    const falt = this.fieldValues();
    const scenario = this.isCurrent() ? this.valid.scenario : null;
    if (scenario && canonical(scenario) === canonical(this.standard)) return null;
    const name = keptName(new Set(this.saved.read().list.map((item) => item.namn)), stamp(), "återställningen");
    return this.saved.add({ namn: name, scenario, falt }) ? name : null;
  }

  // The new figures for the buyer and for society, said once typing has stopped for a moment.
  sayUpdated() {
    this.edited = false;
    clearTimeout(this.updatedTimer);
    this.updatedTimer = setTimeout(() => {
      const figures = [...this.answerBar.querySelectorAll(".sk-svarsrad-lank > span:not(.sk-svarsrad-till)")];
      if (!this.isCurrent() || !figures.length) return;
      this.updatedNote.textContent = `Resultatet är uppdaterat. ${figures.map((f) => f.textContent).join(", ")}.`;
    }, UPDATED_SAY_MS);
  }
  onInput() {
    this.edited = true;
    clearTimeout(this.updatedTimer);
    this.updatedNote.textContent = "";
    this.scenarioName = "";
    this.links.hideShareField(); // a link shown earlier is not this scenario
    this.writeCurrent(); // at once, whether Python is ready or not
    this.markStale(true, RECALCULATING);
    if (window.skPython.status !== "redo") this.notice.textContent = "Resultatet räknas om så snart beräkningen är klar att använda.";
    this.leaveOutWaitingUnits();
    this.recalcFields();
  }
  // "1 person", "7 personer": Python says which, for the value it was given. Until it has
  // answered for what a field now holds, that unit is left out (the label names it).
  leaveOutWaitingUnits() {
    if (window.skPython.status === "redo") return; // the answer comes at once
    this.form.querySelectorAll("[data-sk-enhet-foljer]").forEach((el) => {
      const control = this.unitControl(el);
      if (control && control.value !== this.unitValues.get(el)) el.textContent = "";
    });
  }
  unitControl(el) {
    return this.form.querySelector(`[name="${CSS.escape(el.dataset.skEnhetFoljer)}"]`);
  }

  showStatus(status, meddelande) {
    this.root.dataset.skPythonStatus = status;
    // The runtime's message is the same for every tool; what still shows is the calculator's.
    this.statusLine.textContent = (status === "fel" ? `${meddelande || "Beräkningen kunde inte startas."} Resultatet nedan räknas om när beräkningen fungerar igen.`
      : status === "laddar" ? `${meddelande} ${STATUS.laddar}` : STATUS[status]) || "";
    this.retryButton.hidden = status !== "fel";
    if (status === "fel") this.markStale(this.result.classList.contains("sk-inaktuellt"), "Resultatet kan inte räknas om just nu; det som visas gäller inte uppgifterna i formuläret.");
    if (status === "redo" && this.saidWhileDown && this.actionMessage.textContent === this.saidWhileDown) this.say("");
  }
  onPythonDownload(download) {
    this.bar.show(download);
  }
  onPythonStatus(status, meddelande) {
    this.showStatus(status, meddelande);
  }
  onStorage(event) {
    this.saved.onStorage(event);
  }

  listen() {
    this.retryButton.addEventListener("click", () => {
      window.skPython.retry();
      if (!this.links.retryPending()) this.recalcFields();
    });
    this.form.addEventListener("input", (event) => {
      if (event.target.matches("[data-sk-forinstallning]")) return;
      this.updateVisibility();
      this.onInput();
    });
    this.form.addEventListener("change", (event) => {
      if (event.target.matches("input[name]") && this.valid && this.valid.falt) this.tidyFields(this.valid.falt, event.target);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.onInput();
    });
    this.tornadoSelect.addEventListener("change", () => this.recalcFields());
    const preset = this.form.querySelector("[data-sk-forinstallning]");
    if (preset) {
      preset.addEventListener("change", () => {
        const option = preset.selectedOptions[0];
        if (option && option.dataset.skFalt) {
          this.fillFields(JSON.parse(option.dataset.skFalt));
          this.onInput();
        }
      });
    }
    this.root.querySelector("[data-sk-aterstall]").addEventListener("click", () => {
      const kept = this.keepBeforeReset();
      if (kept) this.say(["Dina uppgifter är sparade som ", isolated(kept), " under Sparade scenarier."]);
      history.replaceState(null, "", location.pathname + location.search);
      this.generation += 1;
      this.scenarioName = "";
      this.markStale(true, RECALCULATING);
      this.recalc({ scenario: { version: this.standard.version } }, { fill: true });
    });
  }
}

register('[data-sk-verktyg="berakning"]', (root) => new Calculator(root));
