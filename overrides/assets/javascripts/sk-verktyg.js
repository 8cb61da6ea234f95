// Glue for the checklists and worksheets (docs/verktyg/{beslutsunderlag,genomforande,
// kommunikationsplan,uppfoljning}.md) and the beslutsunderlag document (docs/verktyg/dokument.md).
//
// Holds no business rule. Answering and saving never wait for Python: every change is written
// to localStorage at once (a click at once, typing after a 250 ms pause, and on pagehide), merged per item with what another tab
// saved (the later `andrad` wins; deleted rows stay as `borttagen` markers; "Börja om" sets
// `rensad`), and restored on load. The summary, the exports, the import check and the
// document come from the Python core through window.skPython (calculators/checklists/api.py);
// its HTML fragments are escaped there. User text is only ever set with .value/.textContent,
// and saved data never becomes HTML: new rows are DOM clones of the row template with the
// (validated) row id set into attribute values.
//
// Keys go through window.skPython.lagring (prefixed with the site's path; older bare keys
// are read as a fallback). Saved data is checked before use by the rules the form carries
// from Python (row ids, text length, rows per table; see calculators/checklists/render.py):
// what breaks them is left out with a message, and the saved text is kept aside unchanged.
//
// State format: see the docstring of calculators/checklists/state.py (schema 2).
(function () {
  "use strict";

  const FORMAT = "sysselsattningskrav-verktyg";
  const SCHEMA = 2;
  const TOOLS = ["beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning"];
  const CALC_KEY = "sk-berakning:aktuellt"; // the calculator page's current scenario (sk-berakning.js)
  const store = window.skPython.lagring; // this site's localStorage keys (sk-python.js)
  const SAVE_DELAY = 250;
  const SUMMARY_DELAY = 300;
  const SUMMARY_CLICK_DELAY = 30;

  // ── helpers ────────────────────────────────────────────────────────────────────────
  const now = () => new Date().toISOString();
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const time = (v) => {
    const t = typeof v === "string" ? Date.parse(v) : NaN;
    return Number.isNaN(t) ? 0 : t;
  };
  const canonical = (v) => JSON.stringify(v, Object.keys(v || {}).sort());
  const number = (n) => n.toLocaleString("sv-SE");
  const shortText = (v, n = 40) => {
    const text = String(v);
    return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
  };

  function newer(x, y) {
    // The record with the later `andrad`; ties broken by content so both tabs agree.
    if (!x) return y;
    if (!y) return x;
    const tx = time(x.andrad);
    const ty = time(y.andrad);
    if (tx !== ty) return tx > ty ? x : y;
    return canonical(x) >= canonical(y) ? x : y;
  }
  function latest(...values) {
    return values.filter(Boolean).reduce((a, b) => (time(b) > time(a) ? b : a), null);
  }

  function emptyState(tool) {
    return { format: FORMAT, schema: SCHEMA, verktyg: tool, uppdaterad: null, svar: {}, rader: {} };
  }

  // Per-item merge of two schema-2 states of the same tool (mirrors state.merge_states).
  function merge(a, b, limits) {
    const cleared = latest(a.rensad, b.rensad);
    const alive = (record) => !cleared || time(record.andrad) > time(cleared);
    const svar = {};
    new Set([...Object.keys(a.svar), ...Object.keys(b.svar)]).forEach((id) => {
      const r = newer(a.svar[id], b.svar[id]);
      if (r && alive(r)) svar[id] = r;
    });
    const rader = {};
    new Set([...Object.keys(a.rader), ...Object.keys(b.rader)]).forEach((table) => {
      const byId = new Map();
      [...(a.rader[table] || []), ...(b.rader[table] || [])].forEach((row) => {
        byId.set(row.id, newer(byId.get(row.id), row));
      });
      const rows = pruneTombstones([...byId.values()].filter(alive), limits && limits.maxDeleted(table));
      if (rows.length) rader[table] = rows;
    });
    const merged = { format: FORMAT, schema: SCHEMA, verktyg: a.verktyg, uppdaterad: latest(a.uppdaterad, b.uppdaterad), svar, rader };
    if (cleared) merged.rensad = cleared;
    return merged;
  }

  // Only the newest `most` deleted-row markers of a table are kept (state.prune_tombstones),
  // so adding and deleting rows any number of times never fills a table.
  function pruneTombstones(rows, most) {
    const dead = rows.filter((r) => r.borttagen);
    if (!most || dead.length <= most) return rows;
    const keep = new Set(
      dead.sort((x, y) => time(x.andrad) - time(y.andrad) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(-most)
    );
    return rows.filter((r) => !r.borttagen || keep.has(r));
  }

  // What a merge compares: every answer's and row's id and time, and the latest "Börja om".
  function signature(s) {
    const parts = [`rensad:${s.rensad || ""}`];
    Object.entries(s.svar).forEach(([id, r]) => parts.push(`s:${id}:${r.andrad}`));
    Object.entries(s.rader).forEach(([table, rows]) => rows.forEach((r) => parts.push(`r:${table}:${r.id}:${r.andrad}:${r.borttagen ? 1 : 0}`)));
    return parts.sort().join("|");
  }

  // A saved value as a schema-2 state, or a reason why it cannot be used as one. With the
  // form's `limits`, rows and answers that break them are left out of the state and named
  // in `problem` (Swedish sentences); the caller keeps the raw value aside.
  function parseSaved(raw, tool, limits) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { fel: "inte giltig JSON" };
    }
    if (!isObject(value)) return { fel: "fel form" };
    if (value.verktyg !== tool) return { fel: "fel verktyg" };
    if (value.schema === 1) return { gammal: value };
    if (value.schema !== SCHEMA) return { fel: `okänd version (${shortText(value.schema, 12)})` };
    if (!isObject(value.svar) || !isObject(value.rader)) return { fel: "fel form" };
    if (!Object.values(value.svar).every(isObject)) return { fel: "fel form på ett svar" };
    for (const rows of Object.values(value.rader)) {
      if (!Array.isArray(rows) || !rows.every((r) => isObject(r) && typeof r.id === "string")) return { fel: "fel form på en rad" };
    }
    value.format = FORMAT;
    const problem = limits ? applyLimits(value, limits) : [];
    return { tillstand: value, problem };
  }

  // Leave out (in place) what breaks the form's limits; return what was left out, in words.
  function applyLimits(value, limits) {
    const problem = [];
    const tooLong = (record, limitOf) =>
      Object.entries(record).some(([field, v]) => typeof v === "string" && v.length > limitOf(field));
    Object.entries(value.svar).forEach(([id, record]) => {
      if (tooLong(record, (field) => limits.maxText(id, null, field))) {
        delete value.svar[id];
        problem.push("Ett sparat svar är längre än vad fältet rymmer och används inte.");
      }
    });
    Object.entries(value.rader).forEach(([table, rows]) => {
      let badId = 0;
      let long = 0;
      let live = 0;
      let over = 0;
      const most = limits.maxRows(table);
      value.rader[table] = rows.filter((r) => {
        if (!limits.rowIdOk(table, r.id)) return (badId += 1) && false;
        if (tooLong(r, (field) => limits.maxText(null, table, field))) return (long += 1) && false;
        if (!r.borttagen && (live += 1) > most) return (over += 1) && false;
        return true;
      });
      value.rader[table] = pruneTombstones(value.rader[table], limits.maxDeleted(table));
      if (badId) problem.push(`${badId === 1 ? "En sparad rad har" : `${badId} sparade rader har`} ett ogiltigt id och används inte.`);
      if (long) problem.push(`${long === 1 ? "En sparad rad har" : `${long} sparade rader har`} en text som är längre än vad fältet rymmer och används inte.`);
      if (over) problem.push(`Tabellen har fler än ${number(most)} rader; de ${number(over)} sista används inte.`);
    });
    return [...new Set(problem)];
  }

  // A calm status line about the Python engine, with a retry button for when it fails.
  function engineStatus(afterRetry) {
    const element = document.createElement("div");
    element.className = "sk-motorstatus";
    const text = document.createElement("p");
    text.setAttribute("role", "status");
    text.dataset.motorstatus = "";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button sk-knapp";
    retry.textContent = "Försök igen";
    retry.hidden = true;
    retry.addEventListener("click", () => {
      window.skPython.retry();
      afterRetry();
    });
    element.append(text, retry);
    return { element, text, retry };
  }

  // Keep a saved value under another key (never drop what the user saved); the full key, or
  // null if it could not be kept (storage full or blocked).
  function keepAside(name, raw, label) {
    const aside = `${name}:${label}:${now()}`;
    return store.spara(aside, raw) ? store.nyckel(aside) : null;
  }

  function errorText(response) {
    const list = (response && response.fel) || [];
    return list.map((m) => m.meddelande).join(" ") || "Okänt fel.";
  }

  // Python's fragment (escaped there) as nodes; headings shifted so the fragment's top level
  // is `level` (the static page nests them under the section's own heading).
  function fragment(html, level) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const headings = template.content.querySelectorAll("h1, h2, h3, h4, h5, h6");
    if (level && headings.length) {
      const top = Math.min(...[...headings].map((h) => Number(h.tagName[1])));
      const shift = level - top;
      if (shift) {
        headings.forEach((h) => {
          const n = Math.min(6, Math.max(1, Number(h.tagName[1]) + shift));
          const copy = document.createElement(`h${n}`);
          [...h.attributes].forEach((a) => copy.setAttribute(a.name, a.value));
          copy.append(...h.childNodes);
          h.replaceWith(copy);
        });
      }
    }
    return template.content;
  }
  function headingLevelOf(el) {
    const h = el && el.querySelector("h1, h2, h3, h4, h5, h6");
    return h ? Number(h.tagName[1]) : 0;
  }

  function pythonStatusText(status, meddelande, what) {
    if (status === "laddar" || status === "vilande") return `${what} räknas fram när beräkningsmotorn har startat. Dina svar sparas redan.`;
    if (status === "fel") return `${meddelande || "Beräkningsmotorn kunde inte startas."} ${what} kan inte räknas fram just nu, men dina svar sparas ändå.`;
    return "";
  }

  // ── one tool on the page ───────────────────────────────────────────────────────────
  const instances = new Set();

  function Tool(form) {
    const tool = form.dataset.verktyg;
    const key = form.dataset.lagring || `sysselsattningskrav:${tool}`; // a name for skPython.lagring
    const page = form.dataset.sida || "index.md";
    const statusBox = form.querySelector("[data-status]");
    const summaryBox = form.querySelector("[data-sammanfattning]");
    const summaryLevel = headingLevelOf(summaryBox);
    const toolbar = form.querySelector("[data-verktygsrad]");
    const importInput = form.querySelector("[data-importfil]");
    const clearButton = form.querySelector('[data-atgard="borja-om"]');
    const undoButton = form.querySelector('[data-atgard="angra-borja-om"]');

    let state = emptyState(tool);
    let saveTimer = null;
    let summaryTimer = null;
    let summarySeq = 0;
    let undo = null;
    let dirty = false;
    let summaryError = "";
    const recorded = new WeakMap(); // control → the value last recorded or shown for it

    const self = { form, key, tool, flush, onStorage, onPythonStatus, connected: () => document.body.contains(form) };

    // The rules saved data must meet, as the form carries them from Python (one home there).
    const tableRules = new Map();
    form.querySelectorAll("[data-tabell]:not([data-atgard])").forEach((table) => {
      let pattern = null;
      try {
        pattern = table.dataset.radMonster ? new RegExp(table.dataset.radMonster) : null;
      } catch (error) {
        pattern = null; // then only the pre-filled rows are accepted
      }
      const template = form.querySelector(`template[data-radmall="${CSS.escape(table.dataset.tabell)}"]`);
      const maxText = new Map();
      if (template) template.content.querySelectorAll("[data-falt]").forEach((c) => c.maxLength > 0 && maxText.set(c.dataset.falt, c.maxLength));
      tableRules.set(table.dataset.tabell, {
        pattern,
        idLength: Number(table.dataset.radMaxlangd) || 0,
        prefilled: new Set(rowsOf(table).filter((r) => !r.hasAttribute("data-egen")).map((r) => r.dataset.rad)),
        maxRows: Number(table.dataset.maxRader) || Infinity,
        maxDeleted: Number(table.dataset.maxBorttagna) || 0,
        maxText,
      });
    });
    const limits = {
      rowIdOk(table, id) {
        const rules = tableRules.get(table);
        if (!rules) return false;
        if (rules.prefilled.has(id)) return true;
        return !!rules.pattern && id.length <= rules.idLength && rules.pattern.test(id);
      },
      maxRows: (table) => (tableRules.get(table) || {}).maxRows || Infinity,
      maxDeleted: (table) => (tableRules.get(table) || {}).maxDeleted || 0,
      maxText(item, table, field) {
        if (table !== null) return (tableRules.get(table) || { maxText: new Map() }).maxText.get(field) || Infinity;
        const control = form.querySelector(`[data-fraga="${CSS.escape(item)}"] [data-falt="${CSS.escape(field)}"]`);
        return control && control.maxLength > 0 ? control.maxLength : Infinity;
      },
    };

    // Controls that only work with JavaScript are rendered hidden.
    if (toolbar) toolbar.hidden = false;
    form.querySelectorAll("[data-kraver-js]").forEach((el) => (el.hidden = false));
    form.classList.add("sk-js");

    // A calm line about the Python engine, just above the summary.
    const { element: engine, text: engineText, retry: retryButton } = engineStatus(() => scheduleSummary(0));
    if (summaryBox) summaryBox.before(engine);

    function say(text) {
      if (statusBox) statusBox.textContent = text;
    }

    // ── DOM ⇄ state ──────────────────────────────────────────────────────────────────
    function controlsOf(el) {
      return [...el.querySelectorAll("[data-falt]")].filter((c) => !c.closest("template"));
    }
    function readControls(el) {
      const record = {};
      controlsOf(el).forEach((c) => {
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
    function writeControls(el, record, skipFocused) {
      const active = document.activeElement;
      controlsOf(el).forEach((c) => {
        if (skipFocused && c === active && c.type !== "radio") return;
        const value = record ? record[c.dataset.falt] : undefined;
        if (c.type === "radio") c.checked = value === c.value;
        else {
          const text = value === undefined || value === null ? "" : String(value);
          if (c.value !== text) c.value = text;
          recorded.set(c, text);
          printCopy(c);
        }
      });
    }
    // Print shows a one-line field's text in full (an input cuts it): a text copy, kept in sync.
    function printCopy(c) {
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
    function tableOf(id) {
      return form.querySelector(`[data-tabell="${CSS.escape(id)}"]:not([data-atgard])`);
    }
    function rowsOf(table) {
      return [...table.querySelectorAll("[data-rad]")].filter((r) => !r.closest("template"));
    }
    // A new row: a DOM clone of the template's row, with the row id (checked against the
    // form's rule) set into attribute values. Never HTML text built from data.
    function addRowElement(tableId, rowId) {
      const template = form.querySelector(`template[data-radmall="${CSS.escape(tableId)}"]`);
      const table = tableOf(tableId);
      const proto = template && template.content.querySelector("[data-rad]");
      if (!proto || !table || typeof rowId !== "string" || !limits.rowIdOk(tableId, rowId)) return null;
      const placeholder = proto.dataset.rad;
      const row = document.importNode(proto, true);
      [row, ...row.querySelectorAll("*")].forEach((el) => {
        [...el.attributes].forEach((a) => {
          if (a.value.includes(placeholder)) el.setAttribute(a.name, a.value.split(placeholder).join(rowId));
        });
      });
      table.appendChild(row);
      controlsOf(row).forEach(printCopy);
      return row;
    }
    function addButtonOf(tableId) {
      return form.querySelector(`[data-atgard="lagg-till-rad"][data-tabell="${CSS.escape(tableId)}"]`);
    }
    function isFull(tableId) {
      const table = tableOf(tableId);
      return !!table && rowsOf(table).length >= limits.maxRows(tableId);
    }
    // The note next to "Lägg till" says when a table is full.
    function showRowLimits() {
      tableRules.forEach((rules, tableId) => {
        const button = addButtonOf(tableId);
        const note = button && button.parentElement.querySelector("[data-radgrans]");
        if (!note) return;
        const full = isFull(tableId);
        note.hidden = !full;
        if (full) button.setAttribute("aria-describedby", note.id);
        else button.removeAttribute("aria-describedby");
      });
    }

    let applying = false;
    function apply(skipFocused) {
      // Removing a focused row makes the browser fire "change" on it: not a user edit.
      applying = true;
      try {
        applyState(skipFocused);
      } finally {
        applying = false;
      }
    }
    function applyState(skipFocused) {
      form.querySelectorAll("[data-fraga]").forEach((item) => {
        writeControls(item, state.svar[item.dataset.fraga], skipFocused);
      });
      form.querySelectorAll("[data-tabell]:not([data-atgard])").forEach((table) => {
        const tableId = table.dataset.tabell;
        const saved = new Map((state.rader[tableId] || []).map((r) => [r.id, r]));
        rowsOf(table).forEach((row) => {
          const record = saved.get(row.dataset.rad);
          if (row.hasAttribute("data-egen") && (!record || record.borttagen)) {
            row.remove(); // deleted here or (later than any edit) in another tab
            return;
          }
          writeControls(row, record, skipFocused);
        });
        const present = new Set(rowsOf(table).map((r) => r.dataset.rad));
        [...saved.values()]
          .filter((r) => !r.borttagen && !present.has(r.id) && !row0(table, r.id))
          .sort((x, y) => (x.id < y.id ? -1 : 1))
          .forEach((r) => {
            const row = addRowElement(tableId, r.id);
            if (row) writeControls(row, r, false);
          });
      });
      showRowLimits();
    }
    function row0(table, id) {
      return (tableRules.get(table.dataset.tabell) || { prefilled: new Set() }).prefilled.has(id);
    }

    // Same values (ignoring `andrad`): "" and a missing value count as equal.
    function sameValues(fields, record) {
      if (!record || record.borttagen) return false;
      return Object.entries(fields).every(([f, v]) => String(v ?? "") === String(record[f] ?? ""));
    }
    function recordChange(target, immediate = false) {
      const stamp = now();
      const row = target.closest("[data-rad]");
      const item = target.closest("[data-fraga]");
      // Never stamp an unchanged value as new: it would win a merge over a newer edit.
      if (row) {
        const table = row.closest("[data-tabell]").dataset.tabell;
        const fields = readControls(row);
        if (sameValues(fields, (state.rader[table] || []).find((r) => r.id === row.dataset.rad))) return;
      } else if (item) {
        if (sameValues(readControls(item), state.svar[item.dataset.fraga])) return;
      }
      if (row) {
        const table = row.closest("[data-tabell]").dataset.tabell;
        const record = { id: row.dataset.rad, ...readControls(row), andrad: stamp };
        const rows = (state.rader[table] || []).filter((r) => r.id !== record.id);
        rows.push(record);
        state.rader[table] = rows;
      } else if (item) {
        state.svar[item.dataset.fraga] = { ...readControls(item), andrad: stamp };
      } else {
        return;
      }
      state.uppdaterad = stamp;
      changed(immediate);
    }

    // A click (radio, list, date) is saved at once; typing is saved after a short pause.
    function changed(immediate = false) {
      dirty = true;
      clearTimeout(saveTimer);
      if (immediate) flush();
      else saveTimer = setTimeout(flush, SAVE_DELAY);
      scheduleSummary(immediate ? SUMMARY_CLICK_DELAY : SUMMARY_DELAY);
    }

    // ── storage ──────────────────────────────────────────────────────────────────────
    function flush() {
      clearTimeout(saveTimer);
      saveTimer = null;
      if (!dirty) return;
      // Merge with what another tab may have saved meanwhile, so nothing of theirs is lost.
      const raw = store.hamta(key);
      if (raw) {
        const parsed = parseSaved(raw, tool, limits);
        if (parsed.tillstand) {
          if (parsed.problem.length) reportLeftOut(parsed.problem, keepInvalid(raw));
          state = merge(state, parsed.tillstand, limits);
        } else keepAside(key, raw, parsed.gammal ? "version1" : "trasig");
      }
      save("Svaren kunde inte sparas i webbläsaren (lagringen är full eller avstängd). Spara dem som JSON-fil för att inte förlora dem.");
    }
    // The one place that writes the tool's answers.
    function save(failure) {
      if (store.spara(key, JSON.stringify(state))) {
        dirty = false;
        form.dataset.sparad = state.uppdaterad || "";
        return true;
      }
      say(failure);
      return false;
    }
    // Keep aside a saved value with rows or answers left out, once (flush sees it again).
    let lastInvalid = null;
    function keepInvalid(raw) {
      if (lastInvalid && lastInvalid.raw === raw) return lastInvalid.aside;
      lastInvalid = { raw, aside: keepAside(key, raw, "ogiltig") };
      return lastInvalid.aside;
    }
    function reportLeftOut(problem, aside) {
      say(
        `${problem.join(" ")} Inget har raderats: det du sparat finns kvar i webbläsaren` +
          (aside ? ` under nyckeln ${aside}.` : ".") +
          " Övriga svar går att använda som vanligt."
      );
    }

    function load() {
      try {
        void window.localStorage;
      } catch (error) {
        say("Webbläsaren tillåter inte att svaren sparas. Spara dem som JSON-fil när du är klar.");
        return;
      }
      const raw = store.hamta(key);
      if (!raw) return;
      const parsed = parseSaved(raw, tool, limits);
      if (parsed.tillstand) {
        state = parsed.tillstand;
        apply(false);
        if (parsed.problem.length) {
          // Keep the saved text aside first; then save what is used, so the next load is clean.
          const aside = keepInvalid(raw);
          if (aside) save("");
          reportLeftOut(parsed.problem, aside);
        }
        return;
      }
      // Never drop what the user saved: keep it aside under another key first, and only then
      // stop reading it (an empty state under the site's key also hides an older bare key).
      const aside = keepAside(key, raw, parsed.gammal ? "version1" : "trasig");
      if (aside) store.spara(key, JSON.stringify(state));
      if (parsed.gammal) {
        say("Svar från en äldre version av webbplatsen hittades. De läses in när beräkningsmotorn har startat …");
        window.skPython.call("checklista_migrera", { tillstand: parsed.gammal, verktyg: tool }).then((response) => {
          if (!response.ok) {
            say(`Svaren från en äldre version kunde inte läsas in: ${errorText(response)} De finns kvar i webbläsaren under nyckeln ${aside}.`);
            return;
          }
          state = merge(state, response.data.tillstand);
          dirty = true;
          flush();
          apply(true);
          scheduleSummary(0);
          if (aside) store.ta_bort(aside.slice(store.prefix.length));
          say("Svaren från en äldre version av webbplatsen är inlästa.");
        });
        return;
      }
      say(
        `De sparade svaren kunde inte läsas (${parsed.fel}). Inget har raderats: de finns kvar i webbläsaren under nyckeln ${aside || key}. ` +
          "Du kan fylla i verktyget på nytt eller öppna en sparad JSON-fil."
      );
    }

    function onStorage(event) {
      if (event.key !== store.nyckel(key)) return;
      if (event.newValue === null) return; // another tab removed it (e.g. a corrupt value kept aside)
      const parsed = parseSaved(event.newValue, tool, limits);
      if (!parsed.tillstand) return;
      const before = JSON.stringify(state);
      state = merge(state, parsed.tillstand, limits);
      if (parsed.problem.length) {
        // Keep the saved text aside, then save what is used in its place.
        const aside = keepInvalid(event.newValue);
        reportLeftOut(parsed.problem, aside);
        if (aside) {
          dirty = true;
          clearTimeout(saveTimer);
          saveTimer = setTimeout(flush, 20);
        }
      }
      // Tabs write to localStorage without a lock, so the other tab may have overwritten an
      // answer of ours it had not seen yet: if we hold something the saved value lacks, save
      // the merge back (it converges: the other tab then finds nothing new and stays quiet).
      if (signature(state) !== signature(parsed.tillstand)) {
        dirty = true;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(flush, 20);
      }
      if (JSON.stringify(state) === before) return;
      apply(true);
      scheduleSummary();
    }

    // ── summary (Python) ────────────────────────────────────────────────────────────
    function scheduleSummary(delay = SUMMARY_DELAY) {
      if (!summaryBox) return;
      summaryBox.classList.add("sk-inaktuell");
      clearTimeout(summaryTimer);
      summaryTimer = setTimeout(refreshSummary, delay);
    }
    async function refreshSummary() {
      const seq = ++summarySeq;
      summaryBox.setAttribute("aria-busy", "true");
      const response = await window.skPython.call("checklista_sammanfattning", { verktyg: tool, tillstand: state, sida: page });
      if (seq !== summarySeq) return;
      summaryBox.removeAttribute("aria-busy");
      if (!response.ok) {
        if (window.skPython.status === "redo") {
          summaryError = `Sammanfattningen kunde inte räknas fram: ${errorText(response)}`;
          say(summaryError);
        }
        return;
      }
      // The cause of an earlier failure is gone: so is its message.
      if (summaryError && statusBox && statusBox.textContent === summaryError) say("");
      summaryError = "";
      summaryBox.replaceChildren(fragment(response.data.html, summaryLevel));
      summaryBox.classList.remove("sk-inaktuell");
      summaryBox.dataset.uppdaterad = String(seq);
    }

    function onPythonStatus(status, meddelande) {
      form.dataset.motor = status;
      engineText.textContent = pythonStatusText(status, meddelande, "Sammanfattningen");
      engine.hidden = !engineText.textContent;
      retryButton.hidden = status !== "fel";
      if (status === "redo") scheduleSummary(0);
    }

    // ── actions ─────────────────────────────────────────────────────────────────────
    async function exportAs(format) {
      flush();
      say("Filen förbereds …");
      const response = await window.skPython.call("checklista_exportera", { verktyg: tool, tillstand: state, format });
      if (!response.ok) return say(`Filen kunde inte skapas: ${errorText(response)}`);
      const { filnamn, mimetyp, innehall } = response.data;
      window.skPython.download(filnamn, innehall, mimetyp);
      say(`Svaren är sparade som ${filnamn}.`);
    }

    async function importFile() {
      const file = importInput.files && importInput.files[0];
      importInput.value = "";
      if (!file) return;
      let text;
      try {
        text = await file.text();
      } catch (error) {
        return say("Filen kunde inte läsas. Inget har ändrats.");
      }
      say(`Läser ${file.name} …`);
      const response = await window.skPython.call("checklista_importera", { verktyg: tool, text });
      if (!response.ok) return say(`Filen ${file.name} kunde inte öppnas: ${errorText(response)} Inget har ändrats.`);
      // The file replaces the current answers (stamped now so another open tab takes them over).
      undo = JSON.parse(JSON.stringify(state));
      replaceWith(response.data.tillstand);
      showUndo(true, "Ångra öppna fil");
      say(`Svaren i ${file.name} är inlästa.`);
    }

    function writeStore() {
      save("Svaren kunde inte sparas i webbläsaren (lagringen är full eller avstängd). Spara dem som JSON-fil för att inte förlora dem.");
    }

    let confirming = false;
    let cancelButton = null;
    function askClear() {
      if (confirming) return clearAll();
      confirming = true;
      clearButton.textContent = "Bekräfta: töm alla svar";
      clearButton.classList.add("sk-knapp--varning");
      cancelButton = document.createElement("button");
      cancelButton.type = "button";
      cancelButton.className = "md-button sk-knapp";
      cancelButton.textContent = "Avbryt";
      cancelButton.addEventListener("click", () => {
        endConfirm();
        say("Inget har tömts.");
        clearButton.focus();
      });
      clearButton.after(cancelButton);
      say("Vill du tömma alla svar i verktyget? Tryck på Bekräfta för att tömma, eller Avbryt. Du kan ångra efteråt.");
    }
    function endConfirm() {
      confirming = false;
      clearButton.textContent = "Börja om";
      clearButton.classList.remove("sk-knapp--varning");
      if (cancelButton) cancelButton.remove();
      cancelButton = null;
    }
    function clearAll() {
      endConfirm();
      flush();
      undo = JSON.parse(JSON.stringify(state));
      const stamp = now();
      state = { ...emptyState(tool), rensad: stamp, uppdaterad: stamp };
      dirty = true;
      writeStore();
      apply(false);
      scheduleSummary(0);
      showUndo(true, "Ångra Börja om");
      say("Alla svar är tömda. Tryck på Ångra om du vill få tillbaka dem.");
      undoButton.focus();
    }
    // Replace the answers with `old`, stamped now (after a fresh `rensad`) so that the merge
    // with another tab takes them over too.
    function replaceWith(old) {
      const cleared = new Date(Math.max(Date.now(), time(state.rensad) + 1));
      const stamp = new Date(cleared.getTime() + 1).toISOString();
      const next = { ...emptyState(tool), rensad: cleared.toISOString(), uppdaterad: stamp };
      Object.entries(old.svar || {}).forEach(([id, r]) => (next.svar[id] = { ...r, andrad: stamp }));
      Object.entries(old.rader || {}).forEach(([table, rows]) => {
        next.rader[table] = rows.map((r) => ({ ...r, andrad: stamp }));
      });
      state = next;
      dirty = true;
      writeStore();
      apply(false);
      scheduleSummary(0);
    }
    function restore() {
      if (!undo) return;
      const old = undo;
      undo = null;
      replaceWith(old);
      showUndo(false);
      say("Svaren är återställda.");
      clearButton.focus();
    }
    function showUndo(show, label) {
      if (!undoButton) return;
      if (label) undoButton.textContent = label;
      undoButton.hidden = !show;
      if (!show) undo = null;
    }

    function addRow(tableId) {
      if (isFull(tableId)) {
        const note = addButtonOf(tableId).parentElement.querySelector("[data-radgrans]");
        showRowLimits();
        say(note ? note.textContent : "Tabellen är full. Ta bort en rad för att kunna lägga till en ny.");
        return;
      }
      const id = `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const row = addRowElement(tableId, id);
      if (!row) return;
      showRowLimits();
      recordChange(row.querySelector("[data-falt]") || row, true);
      const first = row.querySelector("input, textarea, select");
      if (first) first.focus();
      say("En ny rad är tillagd.");
    }
    function removeRow(row) {
      const table = row.closest("[data-tabell]");
      const tableId = table.dataset.tabell;
      const stamp = now();
      const rows = (state.rader[tableId] || []).filter((r) => r.id !== row.dataset.rad);
      rows.push({ id: row.dataset.rad, andrad: stamp, borttagen: true });
      state.rader[tableId] = pruneTombstones(rows, limits.maxDeleted(tableId));
      state.uppdaterad = stamp;
      const addButton = addButtonOf(tableId);
      row.remove();
      showRowLimits();
      if (addButton) addButton.focus();
      say("Raden är borttagen.");
      changed(true);
    }

    // ── events ──────────────────────────────────────────────────────────────────────
    const onEdit = (event) => {
      if (applying || !event.target.matches("[data-falt]") || !event.target.isConnected) return;
      if (undoButton && !undoButton.hidden) showUndo(false);
      if (confirming) endConfirm();
      const t = event.target;
      const click = event.type === "change" && (t.type === "radio" || t.tagName === "SELECT" || t.type === "date");
      if (t.type !== "radio") {
        // Only a value that differs from the one last recorded or shown is an edit: a field
        // that kept focus while another tab changed it fires "change" with its stale text.
        if (recorded.get(t) === t.value) {
          if (click && dirty) flush();
          return;
        }
        recorded.set(t, t.value);
        printCopy(t);
      }
      recordChange(t, click);
    };
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("focusout", (event) => {
      // A field skipped while another tab updated it gets the merged value back now.
      const item = event.target.closest && (event.target.closest("[data-rad]") || event.target.closest("[data-fraga]"));
      if (!item || !event.target.matches("[data-falt]") || event.target.type === "radio") return;
      const record = item.hasAttribute("data-rad")
        ? (state.rader[item.closest("[data-tabell]").dataset.tabell] || []).find((r) => r.id === item.dataset.rad)
        : state.svar[item.dataset.fraga];
      if (record && record[event.target.dataset.falt] !== undefined && String(record[event.target.dataset.falt] ?? "") !== event.target.value) {
        event.target.value = String(record[event.target.dataset.falt] ?? "");
        recorded.set(event.target, event.target.value);
        printCopy(event.target);
      }
    });
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-atgard]");
      if (!button || !form.contains(button)) return;
      const action = button.dataset.atgard;
      if (action !== "borja-om" && confirming) endConfirm();
      if (action === "exportera-markdown") exportAs("markdown");
      else if (action === "exportera-csv") exportAs("csv");
      else if (action === "exportera-json") exportAs("json");
      else if (action === "importera") importInput.click();
      else if (action === "borja-om") askClear();
      else if (action === "angra-borja-om") restore();
      else if (action === "skriv-ut") {
        flush();
        window.print();
      } else if (action === "lagg-till-rad") addRow(button.dataset.tabell);
      else if (action === "ta-bort-rad") {
        const row = button.closest("[data-rad]");
        if (row) removeRow(row);
      }
    });
    if (importInput) importInput.addEventListener("change", importFile);

    load();
    showRowLimits();
    form.querySelectorAll("input[type=text][data-falt]").forEach((c) => !c.closest("template") && printCopy(c));
    onPythonStatus(window.skPython.status, window.skPython.meddelande);
    // The pre-rendered summary is for an empty tool; recompute for the saved answers.
    if (Object.keys(state.svar).length || Object.keys(state.rader).length) scheduleSummary(0);
    else if (window.skPython.status === "redo") scheduleSummary(0);
    return self;
  }

  // ── the beslutsunderlag document ───────────────────────────────────────────────────
  const documents = new Set();

  function DocumentPage(root) {
    const page = root.dataset.sida || "verktyg/dokument.md";
    const content = root.querySelector("[data-dokument]");
    const statusBox = root.querySelector("[data-status]");
    const toolbar = root.querySelector("[data-verktygsrad]");
    const level = headingLevelOf(content);
    let markdown = null;
    let seq = 0;
    let timer = null;
    if (toolbar) toolbar.hidden = false;

    const { element: engine, text: engineText, retry: retryButton } = engineStatus(() => schedule(0));
    content.before(engine);

    function say(text) {
      if (statusBox) statusBox.textContent = text;
    }

    function gather() {
      const states = {};
      const problems = [];
      TOOLS.forEach((tool) => {
        const raw = store.hamta(`sysselsattningskrav:${tool}`);
        if (!raw) return;
        const parsed = parseSaved(raw, tool);
        if (parsed.tillstand) states[tool] = parsed.tillstand;
        else if (parsed.gammal) states[tool] = parsed.gammal; // migrated by Python
        else problems.push(tool);
      });
      let scenario = null;
      try {
        const calc = JSON.parse(store.hamta(CALC_KEY) || "null");
        if (isObject(calc) && isObject(calc.scenario)) scenario = calc.scenario;
      } catch (error) {
        scenario = null;
      }
      return { states, problems, scenario };
    }

    function schedule(delay = 150) {
      clearTimeout(timer);
      content.classList.add("sk-inaktuell");
      timer = setTimeout(refresh, delay);
    }

    async function refresh() {
      const mine = ++seq;
      const { states, problems, scenario } = gather();
      content.setAttribute("aria-busy", "true");
      let response = await window.skPython.call("beslutsunderlag_dokument", { tillstand: states, scenario, sida: page });
      let note = "";
      if (!response.ok && scenario) {
        // The saved calculation could not be used: show the rest, say why.
        note = `Den sparade beräkningen kunde inte tas med: ${errorText(response)} `;
        response = await window.skPython.call("beslutsunderlag_dokument", { tillstand: states, sida: page });
      }
      if (mine !== seq) return;
      content.removeAttribute("aria-busy");
      if (!response.ok) {
        if (window.skPython.status === "redo") say(`Dokumentet kunde inte skapas: ${errorText(response)}`);
        return;
      }
      content.replaceChildren(fragment(response.data.html, level));
      content.classList.remove("sk-inaktuell");
      content.dataset.uppdaterad = String(mine);
      markdown = response.data.markdown;
      const unread = [...problems, ...(response.data.utelamnade || []).map((t) => t.rubrik)];
      const broken = unread.length ? `De sparade svaren i ${unread.join(", ")} kunde inte läsas och är inte med. Öppna verktyget för att se vad som hänt. ` : "";
      say(note + broken);
    }

    function onPythonStatus(status, meddelande) {
      root.dataset.motor = status;
      engineText.textContent = pythonStatusText(status, meddelande, "Dokumentet med dina svar").replace("Dina svar sparas redan.", "");
      engineText.hidden = !engineText.textContent;
      retryButton.hidden = status !== "fel";
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-atgard]");
      if (!button) return;
      if (button.dataset.atgard === "skriv-ut") window.print();
      else if (button.dataset.atgard === "exportera-dokument-markdown") {
        if (!markdown) return say("Dokumentet är inte klart ännu: vänta tills beräkningsmotorn har startat.");
        window.skPython.download("beslutsunderlag.md", markdown, "text/markdown;charset=utf-8");
        say("Dokumentet är sparat som beslutsunderlag.md.");
      }
    });

    onPythonStatus(window.skPython.status, window.skPython.meddelande);
    schedule(0);
    return {
      connected: () => document.body.contains(root),
      onStorage: (event) => {
        if (event.key === null || event.key === store.nyckel(CALC_KEY) || TOOLS.some((t) => event.key === store.nyckel(`sysselsattningskrav:${t}`))) schedule();
      },
      onPythonStatus,
      flush() {},
    };
  }

  // ── wiring (once per tab; pages come and go with instant navigation) ───────────────
  function live() {
    [...instances].forEach((i) => {
      if (!i.connected()) {
        i.flush();
        instances.delete(i);
      }
    });
    [...documents].forEach((d) => {
      if (!d.connected()) documents.delete(d);
    });
  }

  function scan() {
    live();
    document.querySelectorAll("form[data-verktyg]").forEach((form) => {
      if (form.dataset.skKlar) return;
      form.dataset.skKlar = "1";
      instances.add(Tool(form));
    });
    document.querySelectorAll("[data-beslutsunderlag-dokument]").forEach((root) => {
      if (root.dataset.skKlar) return;
      root.dataset.skKlar = "1";
      documents.add(DocumentPage(root));
    });
  }

  window.addEventListener("storage", (event) => {
    instances.forEach((i) => i.onStorage(event));
    documents.forEach((d) => d.onStorage(event));
  });
  window.addEventListener("pagehide", () => instances.forEach((i) => i.flush()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") instances.forEach((i) => i.flush());
  });
  document.addEventListener("sk-python-status", (event) => {
    live();
    instances.forEach((i) => i.onPythonStatus(event.detail.status, event.detail.meddelande));
    documents.forEach((d) => d.onPythonStatus(event.detail.status, event.detail.meddelande));
  });

  window.skPython.onPage(scan);
})();
