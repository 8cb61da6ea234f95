// A checklist's form (<form data-verktyg>, rendered by calculators/checklists/render.py) as
// the DOM side of its saved state: reading and writing the controls ([data-falt]) of a
// question ([data-fraga]) or a table row ([data-rad]), adding rows from the row template, and
// the limits saved data must meet, read from the form's data attributes (data-rad-monster,
// data-rad-maxlangd, data-max-rader, data-max-borttagna, maxlength) where Python put them.
// User text is only ever set with .value/.textContent; a new row is a DOM clone of the
// template with the (checked) row id set into attribute values, never HTML built from data.

export class ChecklistForm {
  constructor(form) {
    this.form = form;
    this.recorded = new WeakMap(); // control → the value last recorded or shown for it
    this.applying = false; // true while the state is written into the form
    this.tables = new Map();
    form.querySelectorAll("[data-tabell]:not([data-atgard])").forEach((table) => {
      let pattern = null;
      try {
        pattern = table.dataset.radMonster ? new RegExp(table.dataset.radMonster) : null;
      } catch (error) {
        pattern = null; // then only the pre-filled rows are accepted
      }
      const template = this.templateOf(table.dataset.tabell);
      const maxText = new Map();
      if (template) template.content.querySelectorAll("[data-falt]").forEach((c) => c.maxLength > 0 && maxText.set(c.dataset.falt, c.maxLength));
      this.tables.set(table.dataset.tabell, {
        pattern,
        idLength: Number(table.dataset.radMaxlangd) || 0,
        prefilled: new Set(this.rowsOf(table).filter((r) => !r.hasAttribute("data-egen")).map((r) => r.dataset.rad)),
        maxRows: Number(table.dataset.maxRader) || Infinity,
        maxDeleted: Number(table.dataset.maxBorttagna) || 0,
        maxText,
      });
    });
    const rules = (table) => this.tables.get(table);
    // The limits as saved-state.mjs and merge.mjs take them.
    this.limits = {
      rowIdOk(table, id) {
        const r = rules(table);
        if (!r) return false;
        if (r.prefilled.has(id)) return true;
        return !!r.pattern && id.length <= r.idLength && r.pattern.test(id);
      },
      maxRows: (table) => (rules(table) || {}).maxRows || Infinity,
      maxDeleted: (table) => (rules(table) || {}).maxDeleted || 0,
      maxText: (item, table, field) => {
        if (table !== null) return (rules(table) || { maxText: new Map() }).maxText.get(field) || Infinity;
        const control = form.querySelector(`[data-fraga="${CSS.escape(item)}"] [data-falt="${CSS.escape(field)}"]`);
        return control && control.maxLength > 0 ? control.maxLength : Infinity;
      },
    };
  }

  templateOf(tableId) {
    return this.form.querySelector(`template[data-radmall="${CSS.escape(tableId)}"]`);
  }
  tableOf(tableId) {
    return this.form.querySelector(`[data-tabell="${CSS.escape(tableId)}"]:not([data-atgard])`);
  }
  rowsOf(table) {
    return [...table.querySelectorAll("[data-rad]")].filter((r) => !r.closest("template"));
  }
  addButtonOf(tableId) {
    return this.form.querySelector(`[data-atgard="lagg-till-rad"][data-tabell="${CSS.escape(tableId)}"]`);
  }
  undoRemovalOf(tableId) {
    return this.form.querySelector(`[data-atgard="angra-borttagning"][data-tabell="${CSS.escape(tableId)}"]`);
  }
  controlsOf(element) {
    return [...element.querySelectorAll("[data-falt]")].filter((c) => !c.closest("template"));
  }

  readControls(element) {
    const record = {};
    this.controlsOf(element).forEach((c) => {
      const field = c.dataset.falt;
      if (c.type === "radio") {
        if (!(field in record)) record[field] = null;
        if (c.checked) record[field] = c.value;
      } else {
        record[field] = c.value;
      }
    });
    return record;
  }
  writeControls(element, record, skipFocused) {
    const active = document.activeElement;
    this.controlsOf(element).forEach((c) => {
      if (skipFocused && c === active && c.type !== "radio") return;
      const value = record ? record[c.dataset.falt] : undefined;
      if (c.type === "radio") c.checked = value === c.value;
      else {
        const text = value === undefined || value === null ? "" : String(value);
        if (c.value !== text) c.value = text;
        this.recorded.set(c, text);
        this.printCopy(c);
        this.showTypedName(c);
      }
    });
  }
  // A typed name shows at once, before Python's summary (after a reload Python may take
  // seconds): the text of the row's heading field, trimmed, as Table.row_name gives it too.
  // A row without one keeps its name until the summary numbers it ("Ny period 2").
  showTypedName(c) {
    const row = c.closest("[data-rad]");
    const legend = row && row.querySelector(":scope > legend[data-namnges-av]");
    if (!legend || legend.dataset.namngesAv !== c.dataset.falt) return;
    const typed = c.tagName === "SELECT" ? (c.value ? c.selectedOptions[0].textContent : "") : c.value.trim();
    if (typed && legend.textContent !== typed) legend.textContent = typed;
  }
  // The rows' names as Python gives them with the summary (the heading field's text, or
  // "Ny period 2"), on the rows whose name is not fixed: a screen reader tells them apart,
  // and the form names them as the summary and the document do.
  nameRows(tables) {
    Object.entries(tables || {}).forEach(([tableId, table]) => {
      const element = this.tableOf(tableId);
      if (!element || !Array.isArray(table.rader)) return;
      const names = new Map(table.rader.map((r) => [r.id, r.rubrik]));
      this.rowsOf(element).forEach((row) => {
        const legend = row.querySelector(":scope > legend[data-namnges-av]");
        const name = names.get(row.dataset.rad);
        if (legend && typeof name === "string" && legend.textContent !== name) legend.textContent = name;
      });
    });
  }
  // Print shows a one-line field's text in full (an input cuts it): a text copy, kept in sync.
  printCopy(c) {
    if (c.tagName !== "INPUT" || c.type !== "text") return;
    let copy = c.nextElementSibling;
    if (!copy || !copy.classList.contains("sk-utskrift")) {
      copy = document.createElement("span");
      copy.className = "sk-utskrift";
      copy.setAttribute("aria-hidden", "true");
      c.after(copy);
      c.classList.add("sk-har-utskrift");
    }
    if (copy.textContent !== c.value) copy.textContent = c.value;
  }

  // A new row: a DOM clone of the template's row, with the row id (checked against the
  // form's rule) set into attribute values. Never HTML text built from data.
  addRowElement(tableId, rowId) {
    const template = this.templateOf(tableId);
    const table = this.tableOf(tableId);
    const proto = template && template.content.querySelector("[data-rad]");
    if (!proto || !table || typeof rowId !== "string" || !this.limits.rowIdOk(tableId, rowId)) return null;
    const placeholder = proto.dataset.rad;
    const row = document.importNode(proto, true);
    [row, ...row.querySelectorAll("*")].forEach((el) => {
      [...el.attributes].forEach((a) => {
        if (a.value.includes(placeholder)) el.setAttribute(a.name, a.value.split(placeholder).join(rowId));
      });
    });
    table.appendChild(row);
    this.controlsOf(row).forEach((c) => this.printCopy(c));
    return row;
  }
  isFull(tableId) {
    const table = this.tableOf(tableId);
    return !!table && this.rowsOf(table).length >= this.limits.maxRows(tableId);
  }
  // The note next to "Lägg till" says when a table is full.
  showRowLimits() {
    this.tables.forEach((rules, tableId) => {
      const button = this.addButtonOf(tableId);
      const note = button && button.parentElement.querySelector("[data-radgrans]");
      if (!note) return;
      const full = this.isFull(tableId);
      note.hidden = !full;
      if (full) button.setAttribute("aria-describedby", note.id);
      else button.removeAttribute("aria-describedby");
    });
  }

  // Show `state` in the form. Removing a focused row makes the browser fire "change" on it,
  // which is not a user edit: `applying` says so meanwhile.
  apply(state, skipFocused) {
    this.applying = true;
    try {
      this.applyState(state, skipFocused);
    } finally {
      this.applying = false;
    }
  }
  applyState(state, skipFocused) {
    this.form.querySelectorAll("[data-fraga]").forEach((item) => {
      this.writeControls(item, state.svar[item.dataset.fraga], skipFocused);
    });
    this.form.querySelectorAll("[data-tabell]:not([data-atgard])").forEach((table) => {
      const tableId = table.dataset.tabell;
      const saved = new Map((state.rader[tableId] || []).map((r) => [r.id, r]));
      this.rowsOf(table).forEach((row) => {
        const record = saved.get(row.dataset.rad);
        if (row.hasAttribute("data-egen") && (!record || record.borttagen)) {
          row.remove(); // deleted here or (later than any edit) in another tab
          return;
        }
        this.writeControls(row, record, skipFocused);
      });
      const present = new Set(this.rowsOf(table).map((r) => r.dataset.rad));
      const prefilled = (this.tables.get(tableId) || { prefilled: new Set() }).prefilled;
      [...saved.values()]
        .filter((r) => !r.borttagen && !present.has(r.id) && !prefilled.has(r.id))
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .forEach((r) => {
          const row = this.addRowElement(tableId, r.id);
          if (row) this.writeControls(row, r, false);
        });
    });
    this.showRowLimits();
    this.showApplicable();
  }

  // A question that applies only for some answer of another (data-visas-nar="start:pilot",
  // from the tool's definition) is shown only while that answer is chosen in the form.
  showApplicable() {
    this.form.querySelectorAll("[data-visas-nar]").forEach((item) => {
      const [question, values] = item.dataset.visasNar.split(":");
      const chosen = this.form.querySelector(`[data-fraga="${CSS.escape(question)}"] input:checked`);
      item.hidden = !chosen || !values.split(",").includes(chosen.value);
    });
  }

  // The saved record a control belongs to (a question's answer or a table row), or undefined.
  recordOf(state, control) {
    const item = control.closest("[data-rad]") || control.closest("[data-fraga]");
    if (!item) return undefined;
    if (item.hasAttribute("data-rad")) {
      return (state.rader[item.closest("[data-tabell]").dataset.tabell] || []).find((r) => r.id === item.dataset.rad);
    }
    return state.svar[item.dataset.fraga];
  }
}
