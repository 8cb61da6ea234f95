// A checklist or worksheet (docs/verktyg/{beslutsunderlag,genomforande,kommunikationsplan,
// uppfoljning}.md): one Checklist per <form data-verktyg="<tool>" data-lagring="<key>"
// data-sida="<page>">. Answering and saving never wait for Python: every change is written at
// once (a click at once, typing after a pause, and when the tab hides), merged per item with
// what another tab saved (merge.mjs), and restored on load. The summary, exports and import
// check come from the Python core through window.skPython (calculators/checklists/api.py).

import { engineStatus, errorText, fragment, headingLevelOf } from "./engine-status.mjs";
import { ChecklistForm } from "./checklist-form.mjs";
import { ChecklistStorage } from "./checklist-storage.mjs";
import { ChecklistActions } from "./checklist-actions.mjs";
import { emptyState, merge, pruneTombstones, signature, stampAfter } from "./merge.mjs";
import { arriving, cutAt, engineStatusText, isolated, number } from "./text.mjs";
import { register } from "./registry.mjs";
import { putBack, typedBeforeStart } from "./early-input.mjs";

const SAVE_DELAY = 250;
const SUMMARY_DELAY = 300;
const SUMMARY_CLICK_DELAY = 30;

export class Checklist {
  constructor(form) {
    this.element = form;
    this.tool = form.dataset.verktyg;
    this.page = form.dataset.sida || "index.md";
    this.statusBox = form.querySelector("[data-status]");
    this.summaryBox = form.querySelector("[data-sammanfattning]");
    this.summaryLevel = headingLevelOf(this.summaryBox);
    this.form = new ChecklistForm(form);
    this.limits = this.form.limits;
    const key = form.dataset.lagring || `sysselsattningskrav:${this.tool}`;
    this.storage = new ChecklistStorage(key, this.tool, this.limits, (text) => this.say(text), (state) => {
      this.dirty = false;
      form.dataset.sparad = state.uppdaterad || "";
    });
    this.state = emptyState(this.tool);
    this.dirty = false;
    this.saveTimer = null;
    this.summaryTimer = null;
    this.summarySeq = 0;
    this.edits = 0; // edits so far, and how many of them the summary shown covers (a new verdict is said)
    this.editsSummarised = 0;
    this.saidCount = 0; // messages said so far, and when the last edit was made: a verdict
    this.saidAtEdit = 0; // does not talk over what was said after the edit (a file that failed)
    this.summaryError = "";

    // Controls that only work with JavaScript are rendered hidden.
    const toolbar = form.querySelector("[data-verktygsrad]");
    if (toolbar) toolbar.hidden = false;
    form.querySelectorAll("[data-kraver-js]").forEach((el) => (el.hidden = false));
    form.classList.add("sk-js");
    this.engine = engineStatus(() => this.scheduleSummary(0));
    if (this.summaryBox) this.summaryBox.before(this.engine.element);

    this.actions = new ChecklistActions(this);
    form.addEventListener("input", (event) => this.onEdit(event));
    form.addEventListener("change", (event) => this.onEdit(event));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("focusout", (event) => this.onFocusOut(event));
    // The browser cuts text at maxlength without a word: say so (the status line is read out).
    form.addEventListener("paste", (event) => this.noteCut(event, arriving(event)));
    form.addEventListener("drop", (event) => this.noteCut(event, arriving(event)));
    form.addEventListener("beforeinput", (event) => {
      if (event.inputType === "insertText" || event.inputType === "insertLineBreak") this.noteCut(event, event.data || "\n");
    });

    // What was typed before this script ran is newer than what was saved: put back over it,
    // and recorded (and saved) as the edits they are.
    const early = typedBeforeStart(form);
    const saved = this.storage.load(this.state);
    if (saved) {
      this.state = saved;
      this.form.apply(this.state, false);
    }
    putBack(early);
    early.forEach(([control, value]) => value !== false && control.dispatchEvent(new Event("change", { bubbles: true })));
    this.form.showRowLimits();
    form.querySelectorAll("input[type=text][data-falt]").forEach((c) => !c.closest("template") && this.form.printCopy(c));
    this.onPythonStatus(window.skPython.status, window.skPython.meddelande);
    // The pre-rendered summary is for an empty tool; recompute for the saved answers.
    if (Object.keys(this.state.svar).length || Object.keys(this.state.rader).length) this.scheduleSummary(0);
    else if (window.skPython.status === "redo") this.scheduleSummary(0);
  }

  connected() {
    return document.body.contains(this.element);
  }
  // text: a string, or parts (strings and elements, a name the user typed isolated).
  say(text) {
    this.saidCount += 1;
    if (!this.statusBox) return;
    if (Array.isArray(text)) this.statusBox.replaceChildren(...text);
    else this.statusBox.textContent = text;
  }
  // A failure of a Python call: said, and if the engine is not working, taken back once it is.
  sayFailure(text) {
    this.say(text);
    this.engineFailure = window.skPython.status === "redo" ? null : text;
  }

  // ── edits ────────────────────────────────────────────────────────────────────────
  onEdit(event) {
    const t = event.target;
    if (this.form.applying || !t.matches("[data-falt]") || !t.isConnected) return;
    this.actions.onEdit();
    if (t.type === "radio") this.form.showApplicable();
    const click = event.type === "change" && (t.type === "radio" || t.tagName === "SELECT" || t.type === "date");
    if (t.type !== "radio") {
      // Only a value that differs from the one last recorded or shown is an edit: a field
      // that kept focus while another tab changed it fires "change" with its stale text.
      if (this.form.recorded.get(t) === t.value) {
        if (click && this.dirty) this.flush();
        return;
      }
      this.form.recorded.set(t, t.value);
      this.form.printCopy(t);
      this.form.showTypedName(t);
    }
    this.recordChange(t, click);
  }
  // A field skipped while another tab updated it gets the merged value back now: what is
  // saved, empty if nothing is (another tab's Börja om). Text typed after that merge is an
  // edit of its own, recorded (and saved) before focus leaves.
  onFocusOut(event) {
    const t = event.target;
    if (!t.matches || !t.matches("[data-falt]") || t.type === "radio" || !t.isConnected) return;
    if (this.dirty) this.flush();
    const record = this.form.recordOf(this.state, t);
    const value = record && !record.borttagen ? record[t.dataset.falt] : undefined;
    if (String(value ?? "") !== t.value) {
      t.value = String(value ?? "");
      this.form.recorded.set(t, t.value);
      this.form.printCopy(t);
    }
  }
  // Says that text was left out when `incoming` does not fit in the field's maxlength.
  noteCut(event, incoming) {
    const t = event.target;
    const most = t && t.matches("[data-falt]") ? cutAt(t, incoming) : 0;
    if (most) this.say(`Texten får vara högst ${number(most)} tecken; resten kom inte med.`);
  }
  // Same values (ignoring `andrad`): "" and a missing value count as equal.
  static sameValues(fields, record) {
    if (!record || record.borttagen) return false;
    return Object.entries(fields).every(([f, v]) => String(v ?? "") === String(record[f] ?? ""));
  }
  recordChange(target, immediate = false) {
    const row = target.closest("[data-rad]");
    const item = target.closest("[data-fraga]");
    if (!row && !item) return;
    const fields = this.form.readControls(row || item);
    const replaced = this.form.recordOf(this.state, target);
    // Never stamp an unchanged value as new: it would win a merge over a newer edit.
    if (Checklist.sameValues(fields, replaced)) return;
    // Later than what it replaces, even when a clock once ahead stamped that in the future.
    const stamp = stampAfter(Date.now(), replaced, this.state.rensad);
    if (row) {
      const table = row.closest("[data-tabell]").dataset.tabell;
      const rows = (this.state.rader[table] || []).filter((r) => r.id !== row.dataset.rad);
      rows.push({ id: row.dataset.rad, ...fields, andrad: stamp });
      this.state.rader[table] = rows;
    } else {
      this.state.svar[item.dataset.fraga] = { ...fields, andrad: stamp };
    }
    this.state.uppdaterad = stamp;
    this.changed(immediate);
  }
  removeRow(row) {
    const before = JSON.parse(JSON.stringify(this.state));
    const tableId = row.closest("[data-tabell]").dataset.tabell;
    const rowId = row.dataset.rad;
    const rows = (this.state.rader[tableId] || []).filter((r) => r.id !== rowId);
    const replaced = (this.state.rader[tableId] || []).find((r) => r.id === rowId);
    const stamp = stampAfter(Date.now(), replaced, this.state.rensad);
    rows.push({ id: rowId, andrad: stamp, borttagen: true });
    this.state.rader[tableId] = pruneTombstones(rows, this.limits.maxDeleted(tableId));
    this.state.uppdaterad = stamp;
    const addButton = this.form.addButtonOf(tableId);
    const legend = row.querySelector(":scope > legend");
    row.remove();
    this.form.showRowLimits();
    if (addButton) addButton.focus();
    this.actions.offerUndo(before, this.form.undoRemovalOf(tableId), "Raden är tillbaka.", () => {
      const back = this.form.rowsOf(this.form.tableOf(tableId)).find((r) => r.dataset.rad === rowId);
      return back && back.querySelector("input, textarea, select");
    });
    const name = legend ? ["Raden ", isolated(legend.textContent), " är borttagen."] : ["Raden är borttagen."];
    this.say([...name, " Tryck på Ångra borttagningen om du vill få tillbaka den."]);
    this.changed(true);
  }
  // A click (radio, list, date) is saved at once; typing is saved after a short pause.
  changed(immediate = false) {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    if (immediate) this.flush();
    else this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY);
    this.edits += 1;
    this.saidAtEdit = this.saidCount;
    this.scheduleSummary(immediate ? SUMMARY_CLICK_DELAY : SUMMARY_DELAY);
  }
  // Replace the answers with `next` (Börja om, Ångra, an imported file) and save at once.
  replaceState(next) {
    this.state = next;
    this.dirty = true;
    this.storage.write(this.state);
    this.form.apply(this.state, false);
    this.scheduleSummary(0);
  }

  // ── storage ──────────────────────────────────────────────────────────────────────
  flush() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dirty) return;
    const held = JSON.stringify(this.state);
    this.state = this.storage.mergeAndWrite(this.state).state;
    // The save merged in what another tab saved before its storage event reached us (the
    // event then brings nothing new): show it now.
    this.showMerged(held);
  }
  // After a merge: show what it brought (fields being edited keep their text).
  showMerged(held) {
    if (JSON.stringify(this.state) === held) return;
    this.form.apply(this.state, true);
    this.scheduleSummary();
  }
  flushSoon() {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), 20);
  }
  onStorage(event) {
    if (event.key !== this.storage.store.nyckel(this.storage.key)) return;
    if (event.newValue === null) return; // another tab removed it (e.g. a corrupt value kept aside)
    const parsed = this.storage.parse(event.newValue);
    if (!parsed.tillstand) return;
    const before = JSON.stringify(this.state);
    this.state = merge(this.state, parsed.tillstand, this.limits.maxDeleted);
    if (parsed.problem.length) {
      // Keep the saved text aside, then save what is used in its place.
      const aside = this.storage.keepInvalid(event.newValue);
      this.storage.reportLeftOut(parsed.problem, aside);
      if (aside) this.flushSoon();
    }
    // Tabs write to localStorage without a lock, so the other tab may have overwritten an
    // answer of ours it had not seen yet: if we hold something the saved value lacks, save
    // the merge back (it converges: the other tab then finds nothing new and stays quiet).
    if (signature(this.state) !== signature(parsed.tillstand)) this.flushSoon();
    this.showMerged(before);
  }

  // ── summary (Python) ────────────────────────────────────────────────────────────
  scheduleSummary(delay = SUMMARY_DELAY) {
    if (!this.summaryBox) return;
    this.summaryBox.classList.add("sk-inaktuell");
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => this.refreshSummary(), delay);
  }
  async refreshSummary() {
    const seq = ++this.summarySeq;
    const box = this.summaryBox;
    const edits = this.edits; // the edits this summary covers
    box.setAttribute("aria-busy", "true");
    const response = await window.skPython.call("checklista_sammanfattning", { verktyg: this.tool, tillstand: this.state, sida: this.page });
    if (seq !== this.summarySeq) return;
    box.removeAttribute("aria-busy");
    if (!response.ok) {
      if (window.skPython.status === "redo") {
        this.summaryError = `Sammanfattningen kunde inte räknas fram: ${errorText(response)}`;
        this.say(this.summaryError);
      }
      return;
    }
    // The cause of an earlier failure is gone: so is its message.
    if (this.summaryError && this.statusBox && this.statusBox.textContent === this.summaryError) this.say("");
    this.summaryError = "";
    const shown = box.querySelector("[data-omdome]");
    const before = shown ? shown.dataset.omdome : null;
    box.replaceChildren(fragment(response.data.html, this.summaryLevel));
    const verdict = response.data.sammanfattning && response.data.sammanfattning.omdome;
    // The summary is not read aloud as it changes (render.py says why); a verdict that an
    // edit changed is said, once, unless something was said after that edit.
    const edited = edits > this.editsSummarised;
    this.editsSummarised = edits;
    const changed = verdict && typeof verdict.status === "string" && verdict.status !== before;
    if (edited && changed && this.saidCount === this.saidAtEdit) this.say(`Omdöme: ${verdict.rubrik}.`);
    this.form.nameRows(response.data.sammanfattning && response.data.sammanfattning.tabeller);
    box.classList.remove("sk-inaktuell");
    box.dataset.uppdaterad = String(seq);
  }
  onPythonDownload(download) {
    this.engine.bar.show(download);
  }
  onPythonStatus(status, meddelande) {
    this.element.dataset.motor = status;
    this.engine.text.textContent = engineStatusText(status, meddelande, "Sammanfattningen",
      { later: "Sammanfattningen och exporterna kommer när beräkningen fungerar igen." });
    this.engine.retry.hidden = status !== "fel";
    if (status === "redo") {
      // The cause of a failure said while the engine was down is gone: so is its message.
      if (this.engineFailure && this.statusBox && this.statusBox.textContent === this.engineFailure) this.say("");
      this.engineFailure = null;
      this.scheduleSummary(0);
    }
  }
}

register("form[data-verktyg]", (form) => new Checklist(form));
