// The buttons of a checklist ([data-atgard] in the form): export, import, print, add and
// remove rows, and "Börja om" with its confirmation and Ångra. Works on a Checklist
// (checklist.mjs), which owns the state.

import { errorText } from "./engine-status.mjs";
import { number } from "./text.mjs";
import { clearStamp, emptyState, replacement } from "./merge.mjs";

export class ChecklistActions {
  constructor(checklist) {
    this.checklist = checklist;
    const form = checklist.element;
    this.importInput = form.querySelector("[data-importfil]");
    this.clearButton = form.querySelector('[data-atgard="borja-om"]');
    this.undoButton = form.querySelector('[data-atgard="angra-borja-om"]');
    this.undo = null; // the answers Ångra brings back, and what it says and focuses then
    this.confirming = false;
    this.cancelButton = null;
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-atgard]");
      if (button && form.contains(button)) this.run(button);
    });
    if (this.importInput) this.importInput.addEventListener("change", () => this.importFile());
  }

  run(button) {
    const c = this.checklist;
    const action = button.dataset.atgard;
    if (action !== "borja-om" && this.confirming) this.endConfirm();
    if (action === "exportera-markdown") this.exportAs("markdown");
    else if (action === "exportera-csv") this.exportAs("csv");
    else if (action === "exportera-json") this.exportAs("json");
    else if (action === "importera") this.importInput.click();
    else if (action === "borja-om") this.askClear();
    else if (action === "angra-borja-om" || action === "angra-borttagning") this.restore();
    else if (action === "skriv-ut") {
      c.flush();
      window.print();
    } else if (action === "lagg-till-rad") this.addRow(button.dataset.tabell);
    else if (action === "ta-bort-rad") {
      const row = button.closest("[data-rad]");
      if (row) c.removeRow(row);
    }
  }
  // An edit ends a pending confirmation and makes Ångra pointless.
  onEdit() {
    this.dropUndo();
    if (this.confirming) this.endConfirm();
  }

  async exportAs(format) {
    const c = this.checklist;
    c.flush();
    c.say("Filen förbereds …");
    const response = await window.skPython.call("checklista_exportera", { verktyg: c.tool, tillstand: c.state, format });
    if (!response.ok) return c.sayFailure(`Filen kunde inte skapas: ${errorText(response)}`);
    const { filnamn, mimetyp, innehall } = response.data;
    window.skPython.download(filnamn, innehall, mimetyp);
    c.say(`Svaren är sparade som ${filnamn}.`);
  }

  async importFile() {
    const c = this.checklist;
    const file = this.importInput.files && this.importInput.files[0];
    this.importInput.value = "";
    if (!file) return;
    // Python refuses more than data-max-tecken characters (export.MAX_IMPORT_CHARS); a file
    // with more bytes is refused here, unread. (UTF-8 has at least one byte per character,
    // so this is the stricter side: a valid export is far smaller.)
    const most = Number(this.importInput.dataset.maxTecken) || 0;
    if (most && file.size > most) {
      return c.say(`Filen ${file.name} är för stor för att vara en export från verktygen (över ${number(most / 1e6)} MB). Inget har ändrats.`);
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      return c.say("Filen kunde inte läsas. Inget har ändrats.");
    }
    c.say(`Läser ${file.name} …`);
    const response = await window.skPython.call("checklista_importera", { verktyg: c.tool, text });
    if (!response.ok) return c.sayFailure(`Filen ${file.name} kunde inte öppnas: ${errorText(response)} Inget har ändrats.`);
    // The file replaces the current answers (stamped now so another open tab takes them over).
    const before = JSON.parse(JSON.stringify(c.state));
    c.replaceState(replacement(c.tool, c.state, response.data.tillstand));
    this.offerUndo(before, this.toolbarUndo("Ångra öppna fil"), "Svaren är återställda.", () => this.clearButton);
    c.say(`Svaren i ${file.name} är inlästa.`);
  }

  askClear() {
    if (this.confirming) return this.clearAll();
    this.confirming = true;
    this.clearButton.textContent = "Bekräfta: töm alla svar";
    this.clearButton.classList.add("sk-knapp--varning");
    this.cancelButton = document.createElement("button");
    this.cancelButton.type = "button";
    this.cancelButton.className = "md-button sk-knapp";
    this.cancelButton.textContent = "Avbryt";
    this.cancelButton.addEventListener("click", () => {
      this.endConfirm();
      this.checklist.say("Inget har tömts.");
      this.clearButton.focus();
    });
    this.clearButton.after(this.cancelButton);
    this.checklist.say("Vill du tömma alla svar i verktyget? Tryck på Bekräfta för att tömma, eller Avbryt. Du kan ångra efteråt.");
  }
  endConfirm() {
    this.confirming = false;
    this.clearButton.textContent = "Börja om";
    this.clearButton.classList.remove("sk-knapp--varning");
    if (this.cancelButton) this.cancelButton.remove();
    this.cancelButton = null;
  }
  clearAll() {
    const c = this.checklist;
    this.endConfirm();
    c.flush();
    const before = JSON.parse(JSON.stringify(c.state));
    // Later than every answer it clears, even one stamped by a clock that was once ahead.
    const stamp = clearStamp(c.state);
    c.replaceState({ ...emptyState(c.tool), rensad: stamp, uppdaterad: stamp });
    this.offerUndo(before, this.toolbarUndo("Ångra Börja om"), "Svaren är återställda.", () => this.clearButton);
    c.say("Alla svar är tömda. Tryck på Ångra om du vill få tillbaka dem.");
    this.undoButton.focus();
  }
  // Ångra for what was just done (Börja om, an opened file, a removed row), on `button`:
  // `state` is the answers before it; once undone, `said` is said and focus goes to what
  // `focusAfter()` returns. One at a time: an edit, or the next thing done, drops it.
  offerUndo(state, button, said, focusAfter) {
    this.dropUndo();
    if (!button) return;
    button.hidden = false;
    this.undo = { state, button, said, focusAfter };
  }
  dropUndo() {
    if (this.undo) this.undo.button.hidden = true;
    this.undo = null;
  }
  toolbarUndo(label) {
    if (this.undoButton) this.undoButton.textContent = label;
    return this.undoButton;
  }
  restore() {
    const c = this.checklist;
    if (!this.undo) return;
    const { state, said, focusAfter } = this.undo;
    this.dropUndo();
    c.replaceState(replacement(c.tool, c.state, state));
    c.say(said);
    const target = focusAfter();
    if (target) target.focus();
  }

  addRow(tableId) {
    const c = this.checklist;
    if (c.form.isFull(tableId)) {
      const note = c.form.addButtonOf(tableId).parentElement.querySelector("[data-radgrans]");
      c.form.showRowLimits();
      c.say(note ? note.textContent : "Tabellen är full. Ta bort en rad för att kunna lägga till en ny.");
      return;
    }
    const id = `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const row = c.form.addRowElement(tableId, id);
    if (!row) return;
    c.form.showRowLimits();
    c.recordChange(row.querySelector("[data-falt]") || row, true);
    const first = row.querySelector("input, textarea, select");
    if (first) first.focus();
    c.say("En ny rad är tillagd.");
  }
}
