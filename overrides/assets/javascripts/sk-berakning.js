// Glue for the calculator page (docs/verktyg/berakning.md). Holds no business rule: it reads
// the raw text of the fields, sends it to Python (calculators.impact.page through
// window.skPython) and swaps in the HTML fragments Python returns. It also keeps scenarios
// in this site's localStorage (window.skPython.lagring), builds share links (URL fragment)
// and downloads exports.
//
// Two promises to the user:
//   - What is saved, exported or shared is exactly what the form shows (checked by Python
//     when the result on screen was computed from other field texts), or nothing is, with a
//     message naming the fields to correct.
//   - Nothing typed is lost: the field texts are stored on every input (before Python has
//     started), and a share link never silently replaces the user's own calculation.
(function () {
  "use strict";

  const STORE_CURRENT = "sk-berakning:aktuellt"; // {falt: {name: text}, scenario: {...}|null, aktuellt: bool}
  const STORE_SAVED = "sk-berakning:sparade"; // [{namn, scenario: {...}|null, falt?: {name: text}}]
  const FRAGMENT_KEY = "scenario=";
  const MAX_LINK_CHARS = 100000; // a scenario's link is about 1 000 characters
  const MAX_FILE_BYTES = 1000000; // a scenario file is a few kilobytes
  const MAX_DEPTH = 16; // a scenario nests three levels deep
  const MAX_NAME = 200;
  const STALE_INVALID = "Resultatet nedan gäller de senaste giltiga uppgifterna och är inte aktuellt. Rätta uppgifterna ovan.";

  // ── small helpers ────────────────────────────────────────────────────────────────────
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const lagring = () => window.skPython.lagring;

  // Stored text, parsed; undefined when it is there but is not JSON.
  function readJson(name) {
    const raw = lagring().hamta(name);
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch (error) {
      return undefined;
    }
  }
  // JSON with sorted keys, to compare two scenarios.
  function canonical(value) {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
    return JSON.stringify(value);
  }
  // True when the value nests deeper than `max` (checked without recursion).
  function tooDeep(value, max = MAX_DEPTH) {
    const stack = [[value, 1]];
    while (stack.length) {
      const [item, depth] = stack.pop();
      if (item === null || typeof item !== "object") continue;
      if (depth > max) return true;
      Object.values(item).forEach((child) => stack.push([child, depth + 1]));
    }
    return false;
  }
  function encodeScenario(scenario) {
    const bytes = new TextEncoder().encode(JSON.stringify(scenario));
    let binary = "";
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  // The scenario in a share link: {scenario} or {fel: why it cannot be read}.
  function decodeScenario(text) {
    const broken = { fel: "den är avklippt eller skadad. Kontrollera att hela länken kom med, eller be om en ny länk." };
    if (text.length > MAX_LINK_CHARS) {
      return { fel: "den är för lång för att vara en delningslänk från den här sidan (över 100 000 tecken)." };
    }
    const b64 = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
    if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return broken;
    let parsed;
    try {
      const binary = atob(b64 + "===".slice((b64.length + 3) % 4));
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (error) {
      return broken;
    }
    if (!isObject(parsed)) return { fel: "den innehåller inget scenario." };
    if (tooDeep(parsed)) return { fel: "innehållet är för djupt nästlat för att vara ett scenario." };
    return { scenario: parsed };
  }
  function messages(response) {
    const list = response && Array.isArray(response.fel) ? response.fel : [];
    return list.length ? list : [{ falt: null, meddelande: "Okänt fel." }];
  }
  const messageText = (response) => messages(response).map((m) => m.meddelande).join(" ");
  function joinSv(items) {
    return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
  }
  // "2025-05-03 kl. 14.05"
  function stamp(date = new Date()) {
    const two = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} kl. ${two(date.getHours())}.${two(date.getMinutes())}`;
  }

  // ── one calculator on the page ───────────────────────────────────────────────────────
  function init(root) {
    if (root.dataset.skKlar) return;
    root.dataset.skKlar = "1";

    const form = root.querySelector("[data-sk-form]");
    const result = root.querySelector("[data-sk-resultat]");
    const band = root.querySelector("[data-sk-osakerhet]");
    const notice = root.querySelector("[data-sk-inaktuellt]");
    const statusLine = root.querySelector("[data-sk-status]");
    const retryButton = root.querySelector("[data-sk-forsok-igen]");
    const formMessage = root.querySelector("[data-sk-formfel]");
    const storageWarning = root.querySelector("[data-sk-lagringsfel]");
    const linkBox = root.querySelector("[data-sk-lankmeddelande]");
    const linkText = root.querySelector("[data-sk-lanktext]");
    const undoButton = root.querySelector("[data-sk-angra-lank]");
    const comparison = root.querySelector("[data-sk-jamforelse]");
    const savedList = root.querySelector("[data-sk-sparade-lista]");
    const saveName = root.querySelector("[data-sk-spara-namn]");
    const actionMessage = root.querySelector("[data-sk-atgardsmeddelande]");
    const shareField = root.querySelector("[data-sk-delningslank]");
    const importInput = root.querySelector("[data-sk-importera-fil]");
    const tornadoSelect = root.querySelector("[data-sk-tornado-aktor]");

    // Controls that only work with JavaScript are rendered hidden; show them now.
    root.querySelectorAll("[data-sk-kraver-js]").forEach((el) => (el.hidden = false));
    root.classList.add("sk-js");

    const fieldNames = new Set([...form.querySelectorAll("[name]")].map((el) => el.name));
    const standard = JSON.parse(root.dataset.skStandardscenario);

    // The last valid result: the scenario Python computed and the field texts it came from.
    // Save, export and share use it only while the form still shows exactly those texts.
    let valid = null;
    let running = false;
    let again = null;
    let generation = 0; // bumped when the fields are replaced (link, file, saved scenario, reset)
    let bandTimer = null;
    let inputStamp = 0;
    let undo = null; // what "Ångra" brings back after a share link replaced the user's own
    let pendingLink = null; // a share link not yet computed (the engine failed to start)

    function fieldValues() {
      const values = {};
      form.querySelectorAll("[name]").forEach((el) => {
        if (el.type === "checkbox") values[el.name] = el.checked ? "ja" : "nej";
        else values[el.name] = el.value;
      });
      return values;
    }
    const snapshot = () => JSON.stringify(fieldValues());
    const isCurrent = () => !!valid && valid.snap === snapshot();
    function fillFields(values) {
      Object.entries(values || {}).forEach(([name, value]) => {
        const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
        if (!el || typeof value !== "string") return;
        if (el.type === "checkbox") el.checked = value === "ja";
        else el.value = value;
      });
      updateVisibility();
    }
    function updateVisibility() {
      // Sub-fields shown only for some choice, e.g. data-sk-visas-nar="anstallningsstod.typ:nystartsjobb".
      root.querySelectorAll("[data-sk-visas-nar]").forEach((el) => {
        const [name, allowed] = el.dataset.skVisasNar.split(":");
        const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
        el.hidden = !!control && !allowed.split(",").includes(control.value);
      });
    }
    function labelOf(name) {
      const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
      const label = control && control.id && form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
      return label ? label.textContent.trim() : null;
    }

    // ── storage (everything read is validated: it may be old, broken or planted) ─────
    function cleanFields(raw) {
      if (!isObject(raw)) return null;
      const out = {};
      Object.entries(raw).forEach(([name, value]) => {
        if (fieldNames.has(name) && typeof value === "string") out[name] = value;
      });
      return Object.keys(out).length ? out : null;
    }
    function readCurrent() {
      const data = readJson(STORE_CURRENT);
      const falt = isObject(data) ? cleanFields(data.falt) : null;
      return falt ? { falt } : null;
    }
    function readSaved() {
      const data = readJson(STORE_SAVED);
      const list = [];
      let broken = data === null || Array.isArray(data) ? 0 : 1;
      (Array.isArray(data) ? data : []).forEach((item) => {
        const falt = isObject(item) ? cleanFields(item.falt) : null;
        const scenario = isObject(item) && isObject(item.scenario) && !tooDeep(item.scenario) ? item.scenario : null;
        if (isObject(item) && typeof item.namn === "string" && item.namn.trim() && (scenario || falt)) {
          const entry = { namn: item.namn.trim().slice(0, MAX_NAME), scenario };
          if (falt) entry.falt = falt;
          list.push(entry);
        } else broken += 1;
      });
      return { list, broken };
    }
    function warnStorage(failed) {
      storageWarning.hidden = !failed;
      storageWarning.textContent = failed
        ? "Uppgifterna kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns bara kvar så länge sidan är öppen: exportera scenariot som JSON-fil för att behålla det."
        : "";
      return !failed;
    }
    // The form as it is now; the scenario only when the result on screen is computed from it
    // (the decision document reads this key).
    function writeCurrent() {
      const current = isCurrent();
      const record = { falt: fieldValues(), scenario: current ? valid.scenario : null, aktuellt: current };
      return warnStorage(!lagring().spara(STORE_CURRENT, JSON.stringify(record)));
    }
    function writeSaved(list) {
      return warnStorage(!lagring().spara(STORE_SAVED, JSON.stringify(list)));
    }

    // ── errors and the "not current" state ──────────────────────────────────────────
    function clearFieldErrors() {
      form.querySelectorAll("[aria-invalid='true']").forEach((el) => el.removeAttribute("aria-invalid"));
      form.querySelectorAll("[data-sk-faltfel]").forEach((el) => {
        el.textContent = "";
        el.hidden = true;
      });
      formMessage.textContent = "";
      formMessage.hidden = true;
    }
    function showErrors(list) {
      clearFieldErrors();
      const general = [];
      list.forEach(({ falt, meddelande }) => {
        const box = falt && form.querySelector(`[data-sk-faltfel="${CSS.escape(falt)}"]`);
        const control = falt && form.querySelector(`[name="${CSS.escape(falt)}"]`);
        if (box) {
          box.textContent = box.textContent ? `${box.textContent} ${meddelande}` : meddelande;
          box.hidden = false;
          if (control) control.setAttribute("aria-invalid", "true");
        } else {
          general.push(meddelande);
        }
      });
      if (general.length) {
        formMessage.textContent = general.join(" ");
        formMessage.hidden = false;
      }
    }
    function markStale(stale, text) {
      result.classList.toggle("sk-inaktuellt", stale);
      if (band) band.classList.toggle("sk-inaktuellt", stale);
      notice.hidden = !stale;
      if (text) notice.textContent = text;
    }
    // "Scenariot sparades inte: Omfattning är inte rätt ifyllt. Rätta fältet först."
    function refusal(what, fel) {
      const labels = [...new Set(fel.map((m) => labelOf(m.falt)).filter(Boolean))];
      const general = fel.filter((m) => !labelOf(m.falt)).map((m) => m.meddelande);
      const parts = [];
      if (labels.length === 1) parts.push(`${labels[0]} är inte rätt ifyllt. Rätta fältet först.`);
      if (labels.length > 1) parts.push(`${joinSv(labels)} är inte rätt ifyllda. Rätta fälten först.`);
      return `${what}: ${parts.concat(general).join(" ")}`;
    }

    function applyResponse(data, { fill = false, snap = null } = {}) {
      if (fill) fillFields(data.falt);
      valid = { snap: fill ? snapshot() : snap, scenario: data.scenario };
      result.innerHTML = data.html.resultat; // HTML built and escaped by Python
      clearFieldErrors();
      if (isCurrent()) markStale(false);
      else markStale(true, "Räknar om …");
      writeCurrent();
      root.dataset.skBeraknad = String(++inputStamp);
      scheduleBand();
      root.dispatchEvent(new CustomEvent("sk-berakning-klar", { bubbles: true }));
    }
    const visning = () => ({ tornado_aktor: tornadoSelect.value });

    async function recalc(request, options = {}) {
      if (running) {
        again = { request, options };
        return;
      }
      running = true;
      const mine = generation;
      const snap = request.falt ? JSON.stringify(request.falt) : null;
      try {
        const response = await window.skPython.call("berakna_sida", { ...request, visning: visning() });
        if (mine === generation) {
          if (response.ok) applyResponse(response.data, { fill: !!options.fill, snap });
          else {
            if (snap === null || snap === snapshot()) showErrors(messages(response));
            markStale(true, STALE_INVALID);
            writeCurrent();
          }
        }
      } finally {
        running = false;
      }
      if (again) {
        const next = again;
        again = null;
        recalc(next.request.falt ? { falt: fieldValues() } : next.request, next.options);
      }
    }

    function scheduleBand() {
      if (!band) return;
      clearTimeout(bandTimer);
      bandTimer = setTimeout(async () => {
        const asked = valid;
        band.setAttribute("aria-busy", "true");
        const response = await window.skPython.call("osakerhet_sida", { scenario: asked.scenario });
        band.removeAttribute("aria-busy");
        if (asked !== valid) return;
        if (response.ok) band.innerHTML = response.data.html;
      }, 250);
    }

    // The scenario the form shows, or null after saying why not (`what` names the refused act).
    async function scenarioOnScreen(what) {
      const snap = snapshot();
      if (valid && valid.snap === snap) return valid.scenario;
      if (window.skPython.status !== "redo") {
        say(window.skPython.status === "fel"
          ? `${what}: beräkningsmotorn är inte igång, så uppgifterna i formuläret kan inte kontrolleras. Välj Försök igen överst.`
          : `${what}: beräkningsmotorn startar fortfarande, så uppgifterna i formuläret kan inte kontrolleras ännu. Försök igen om en stund.`);
        return null;
      }
      say("Kontrollerar uppgifterna …");
      const mine = generation;
      const response = await window.skPython.call("berakna_sida", { falt: JSON.parse(snap), visning: visning() });
      if (snapshot() !== snap || mine !== generation) {
        say(`${what}: uppgifterna ändrades medan de kontrollerades. Försök igen.`);
        return null;
      }
      if (response.ok) {
        applyResponse(response.data, { snap });
        return response.data.scenario;
      }
      showErrors(messages(response));
      markStale(true, STALE_INVALID);
      say(refusal(what, messages(response)));
      return null;
    }

    function onInput() {
      shareField.parentElement.hidden = true; // a link shown earlier is not this scenario
      shareField.value = "";
      writeCurrent(); // at once, whether Python is ready or not
      markStale(true, "Räknar om …");
      if (window.skPython.status !== "redo") {
        notice.textContent = "Resultatet räknas om när beräkningsmotorn är redo.";
      }
      recalc({ falt: fieldValues() });
    }

    // ── status line ────────────────────────────────────────────────────────────────────
    function showStatus(status, meddelande) {
      root.dataset.skPythonStatus = status;
      const text = {
        vilande: "",
        laddar: "Beräkningsmotorn startar. Resultatet nedan är förberäknat för standardscenariot; du kan redan ändra uppgifterna.",
        redo: "Beräkningen är redo: resultatet följer uppgifterna direkt.",
        fel: meddelande || "Beräkningsmotorn kunde inte startas.",
      }[status];
      statusLine.textContent = text || "";
      retryButton.hidden = status !== "fel";
      if (status === "fel") markStale(result.classList.contains("sk-inaktuellt"), "Resultatet kan inte räknas om just nu; det som visas är det senast beräknade.");
    }
    const statusListener = (event) => {
      if (!document.body.contains(root)) {
        document.removeEventListener("sk-python-status", statusListener);
        return;
      }
      showStatus(event.detail.status, event.detail.meddelande);
    };
    document.addEventListener("sk-python-status", statusListener);
    showStatus(window.skPython.status, window.skPython.meddelande);
    retryButton.addEventListener("click", () => {
      window.skPython.retry();
      if (pendingLink !== null) openLink(pendingLink);
      else recalc({ falt: fieldValues() });
    });

    // ── form events ────────────────────────────────────────────────────────────────────
    form.addEventListener("input", (event) => {
      if (event.target.matches("[data-sk-forinstallning]")) return;
      updateVisibility();
      onInput();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      onInput();
    });
    tornadoSelect.addEventListener("change", () => recalc({ falt: fieldValues() }));
    const preset = form.querySelector("[data-sk-forinstallning]");
    if (preset) {
      preset.addEventListener("change", () => {
        const option = preset.selectedOptions[0];
        if (option && option.dataset.skFalt) {
          fillFields(JSON.parse(option.dataset.skFalt));
          onInput();
        }
      });
    }
    root.querySelector("[data-sk-aterstall]").addEventListener("click", () => {
      history.replaceState(null, "", location.pathname + location.search);
      generation += 1;
      markStale(true, "Räknar om …");
      recalc({ scenario: { version: 1 } }, { fill: true });
    });

    // ── share link ───────────────────────────────────────────────────────────────────
    root.querySelector("[data-sk-dela]").addEventListener("click", async () => {
      shareField.parentElement.hidden = true;
      shareField.value = "";
      const scenario = await scenarioOnScreen("Ingen delningslänk skapades");
      if (!scenario) return;
      const url = `${location.origin}${location.pathname}#${FRAGMENT_KEY}${encodeScenario(scenario)}`;
      shareField.value = url;
      shareField.parentElement.hidden = false;
      shareField.select();
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch (error) {
        copied = false;
      }
      say(copied ? "Länken är kopierad. Den innehåller hela scenariot och skickas inte till någon server." : "Kopiera länken i fältet. Den innehåller hela scenariot och skickas inte till någon server.");
    });
    function say(text) {
      actionMessage.textContent = text;
    }
    function sayLink(text, withUndo) {
      linkText.textContent = text;
      undoButton.hidden = !withUndo;
      if (text) linkBox.dataset.skSynlig = "";
      else delete linkBox.dataset.skSynlig;
    }

    // ── export and import ────────────────────────────────────────────────────────────
    root.querySelector("[data-sk-exportera-json]").addEventListener("click", async () => {
      const scenario = await scenarioOnScreen("Ingen JSON-fil skapades");
      if (!scenario) return;
      window.skPython.download("scenario.json", JSON.stringify(scenario, null, 2) + "\n", "application/json");
      say("Scenariot är sparat som scenario.json. Filen kan öppnas här igen och i kommandoraden.");
    });
    root.querySelector("[data-sk-exportera-csv]").addEventListener("click", async () => {
      const scenario = await scenarioOnScreen("Ingen CSV-fil skapades");
      if (!scenario) return;
      const response = await window.skPython.call("exportera_csv", { scenario, osakerhet: { dragningar: 2000, fro: 1 } });
      if (!response.ok) return say(`Ingen CSV-fil skapades: ${messageText(response)}`);
      window.skPython.download(response.data.filnamn, response.data.innehall, "text/csv;charset=utf-8");
      say(`Resultatet är sparat som ${response.data.filnamn} (semikolon och decimalkomma, för svenska Excel).`);
    });
    root.querySelector("[data-sk-skriv-ut]").addEventListener("click", () => window.print());
    // The browser's own file picker button speaks the browser's language; ours speaks Swedish.
    root.querySelector("[data-sk-importera]").addEventListener("click", () => importInput.click());
    importInput.addEventListener("change", async () => {
      const file = importInput.files && importInput.files[0];
      importInput.value = "";
      if (!file) return;
      const fail = (why) => say(`Filen kunde inte öppnas: ${why} Uppgifterna i formuläret är oförändrade.`);
      if (file.size > MAX_FILE_BYTES) return fail("den är för stor för att vara ett scenario (över 1 MB).");
      let parsed;
      try {
        parsed = JSON.parse(await file.text());
      } catch (error) {
        return fail("den är inte giltig JSON.");
      }
      if (!isObject(parsed)) return fail("den innehåller inget scenario.");
      if (tooDeep(parsed)) return fail("innehållet är för djupt nästlat för att vara ett scenario.");
      const response = await window.skPython.call("berakna_sida", { scenario: parsed, visning: visning() });
      if (!response.ok) return fail(messageText(response));
      generation += 1;
      applyResponse(response.data, { fill: true });
      say(`Scenariot i ${file.name} är inläst.`);
    });

    // ── saved scenarios and comparison ─────────────────────────────────────────────
    function renderSaved() {
      const { list: saved, broken } = readSaved();
      savedList.textContent = "";
      root.querySelector("[data-sk-inga-sparade]").hidden = saved.length > 0;
      root.querySelector("[data-sk-jamfor]").hidden = saved.length < 2;
      if (broken) say(`${broken === 1 ? "Ett sparat scenario" : `${broken} sparade scenarier`} i webbläsaren kunde inte läsas och visas inte.`);
      saved.forEach((item, index) => {
        const li = document.createElement("li");
        const id = `sk-jamfor-${index}`;
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = String(index);
        box.dataset.skValj = "";
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = item.namn;
        const open = document.createElement("button");
        open.type = "button";
        open.className = "md-button";
        open.textContent = "Öppna";
        open.setAttribute("aria-label", `Öppna ${item.namn}`);
        open.addEventListener("click", async () => {
          if (item.falt) {
            // Kept as typed (possibly not valid): the texts come back exactly.
            generation += 1;
            fillFields(item.falt);
            writeCurrent();
            markStale(true, "Räknar om …");
            await recalc({ falt: fieldValues() });
            return say(`${item.namn} är öppnat.`);
          }
          const response = await window.skPython.call("berakna_sida", { scenario: item.scenario, visning: visning() });
          if (!response.ok) return say(`${item.namn} kunde inte öppnas: ${messageText(response)}`);
          generation += 1;
          applyResponse(response.data, { fill: true });
          say(`${item.namn} är öppnat.`);
        });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "md-button";
        remove.textContent = "Ta bort";
        remove.setAttribute("aria-label", `Ta bort ${item.namn}`);
        remove.addEventListener("click", () => {
          const list = readSaved().list.filter((other) => other.namn !== item.namn);
          writeSaved(list);
          renderSaved();
          say(`${item.namn} är borttaget.`);
        });
        li.append(box, label, open, remove);
        savedList.appendChild(li);
      });
    }
    function addSaved(entry) {
      const list = readSaved().list.filter((item) => item.namn !== entry.namn);
      list.push(entry);
      const ok = writeSaved(list);
      renderSaved();
      return ok;
    }
    root.querySelector("[data-sk-spara]").addEventListener("click", async () => {
      const name = saveName.value.trim().slice(0, MAX_NAME);
      if (!name) return say("Skriv ett namn på scenariot först.");
      const scenario = await scenarioOnScreen("Scenariot sparades inte");
      if (!scenario) return;
      if (!addSaved({ namn: name, scenario })) return say("Scenariot kunde inte sparas i webbläsaren (lagringen är full eller avstängd).");
      saveName.value = "";
      say(`Scenariot ${name} är sparat i den här webbläsaren.`);
    });
    root.querySelector("[data-sk-jamfor]").addEventListener("click", async () => {
      const saved = readSaved().list;
      const chosen = [...savedList.querySelectorAll("[data-sk-valj]:checked")].map((box) => saved[Number(box.value)]).filter(Boolean);
      if (chosen.length < 2 || chosen.length > 3) return say("Välj två eller tre sparade scenarier att jämföra.");
      const unusable = chosen.filter((item) => !item.scenario).map((item) => item.namn);
      if (unusable.length) return say(`${joinSv(unusable)} har uppgifter som inte är giltiga och kan inte jämföras. Öppna och rätta ${unusable.length === 1 ? "det" : "dem"} först.`);
      const response = await window.skPython.call("jamfor_sida", { scenarier: chosen.map(({ namn, scenario }) => ({ namn, scenario })) });
      if (!response.ok) return say(messageText(response));
      comparison.innerHTML = response.data.html; // built and escaped by Python
      comparison.hidden = false;
      comparison.focus();
      say(`Jämförelse av ${chosen.map((c) => c.namn).join(", ")} visas nedan.`);
    });
    renderSaved();

    // ── a share link: open it, keep the user's own calculation ─────────────────────
    async function openLink(text) {
      pendingLink = null;
      const decoded = decodeScenario(text);
      const own = readCurrent();
      const keepsOwn = own ? " Din egen beräkning visas som förut." : " Sidan visar standardscenariot.";
      if (decoded.fel) {
        sayLink(`Länken kunde inte läsas: ${decoded.fel}${keepsOwn}`, false);
        if (own) restoreOwn(own);
        return;
      }
      markStale(true, "Läser in scenariot från länken …");
      const mine = generation;
      const response = await window.skPython.call("berakna_sida", { scenario: decoded.scenario, visning: visning() });
      if (!response.ok) {
        if (window.skPython.status !== "redo") {
          pendingLink = text;
          sayLink(`Scenariot i länken kunde inte räknas ut: ${messageText(response)} Välj Försök igen överst.`, false);
        } else {
          sayLink(`Länken kunde inte läsas: ${messageText(response)}${keepsOwn}`, false);
        }
        if (own) recalc({ falt: fieldValues() });
        else markStale(false);
        return;
      }
      // The user's own (as the form shows it now, typing included) is kept unless it is the
      // link's scenario or the untouched standard scenario.
      let kept = null;
      if (own) {
        const ownFields = fieldValues();
        const check = await window.skPython.call("berakna_sida", { falt: ownFields, visning: visning() });
        const ownScenario = check.ok ? check.data.scenario : null;
        const same = ownScenario && (canonical(ownScenario) === canonical(response.data.scenario) || canonical(ownScenario) === canonical(standard));
        if (JSON.stringify(fieldValues()) !== JSON.stringify(ownFields)) kept = { falt: fieldValues(), scenario: null };
        else if (!same) kept = { falt: ownFields, scenario: ownScenario };
      }
      if (mine !== generation) return; // the user opened something else meanwhile
      generation += 1;
      applyResponse(response.data, { fill: true });
      history.replaceState(null, "", location.pathname + location.search);
      if (!kept) {
        sayLink("Scenariot från länken är inläst.", false);
        return;
      }
      const names = new Set(readSaved().list.map((item) => item.namn));
      let name = `Min beräkning före länken ${stamp()}`;
      for (let n = 2; names.has(name); n += 1) name = `Min beräkning före länken ${stamp()} (${n})`;
      const entry = { namn: name, scenario: kept.scenario, falt: kept.falt };
      const saved = addSaved(entry);
      undo = { falt: kept.falt, namn: saved ? name : null };
      sayLink(saved
        ? `Scenariot från länken visas. Din egen beräkning är sparad som ”${name}” under Sparade scenarier. Välj Ångra för att visa din egen beräkning igen.`
        : "Scenariot från länken visas. Din egen beräkning kunde inte sparas i webbläsaren (lagringen är full eller avstängd); välj Ångra för att få tillbaka den medan sidan är öppen.", true);
    }
    undoButton.addEventListener("click", () => {
      if (!undo) return;
      const { falt, namn } = undo;
      undo = null;
      generation += 1;
      fillFields(falt);
      writeCurrent();
      if (namn) {
        writeSaved(readSaved().list.filter((item) => item.namn !== namn));
        renderSaved();
      }
      markStale(true, "Räknar om …");
      recalc({ falt: fieldValues() });
      sayLink("Din egen beräkning visas igen. Scenariot från länken är inte sparat; öppna länken igen om du behöver det.", false);
      linkBox.focus();
    });
    function restoreOwn(own) {
      fillFields(own.falt);
      markStale(true, "Räknar om ditt senaste scenario …");
      if (window.skPython.status !== "redo") notice.textContent = "Dina senaste uppgifter är ifyllda. Resultatet räknas om när beräkningsmotorn är redo.";
      recalc({ falt: fieldValues() });
    }

    // ── start: share link > stored scenario > pre-rendered default ─────────────────
    valid = { snap: snapshot(), scenario: standard }; // the pre-rendered form and result
    const own = readCurrent();
    if (location.hash.startsWith(`#${FRAGMENT_KEY}`)) {
      if (own) fillFields(own.falt);
      else updateVisibility();
      openLink(location.hash.slice(FRAGMENT_KEY.length + 1));
    } else if (own) {
      restoreOwn(own);
    } else {
      updateVisibility();
    }
  }

  function scan() {
    document.querySelectorAll('[data-sk-verktyg="berakning"]').forEach(init);
  }
  window.skPython.onPage(scan);
})();
