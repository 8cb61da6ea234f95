// Glue for the calculator page (docs/verktyg/berakning.md). Holds no business rule: it reads
// the raw text of the fields, sends it to Python (calculators.impact.page through
// window.skPython) and swaps in the HTML fragments Python returns. It also keeps scenarios
// in localStorage, builds share links (URL fragment) and downloads exports.
(function () {
  "use strict";

  const STORE_CURRENT = "sk-berakning:aktuellt";
  const STORE_SAVED = "sk-berakning:sparade";
  const FRAGMENT_KEY = "scenario=";

  // ── small helpers ────────────────────────────────────────────────────────────────────
  function readStore(key, fallback) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (error) {
      return fallback;
    }
  }
  function writeStore(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }
  function encodeScenario(scenario) {
    const bytes = new TextEncoder().encode(JSON.stringify(scenario));
    let binary = "";
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function decodeScenario(text) {
    try {
      const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
      const binary = atob(b64 + "===".slice((b64.length + 3) % 4));
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      return null;
    }
  }
  function messages(response) {
    return (response && response.fel) || [{ falt: null, meddelande: "Okänt fel." }];
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

    let scenario = null; // the last valid scenario (plain numbers), from Python
    let running = false;
    let again = false;
    let bandTimer = null;
    let inputStamp = 0;

    function fieldValues() {
      const values = {};
      form.querySelectorAll("[name]").forEach((el) => {
        if (el.type === "checkbox") values[el.name] = el.checked ? "ja" : "nej";
        else values[el.name] = el.value;
      });
      return values;
    }
    function fillFields(values) {
      Object.entries(values || {}).forEach(([name, value]) => {
        const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
        if (!el) return;
        if (el.type === "checkbox") el.checked = value === "ja" || value === true;
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

    function applyResponse(data, { fill }) {
      scenario = data.scenario;
      if (fill) fillFields(data.falt);
      result.innerHTML = data.html.resultat;
      clearFieldErrors();
      markStale(false);
      writeStore(STORE_CURRENT, { scenario, falt: fieldValues() });
      root.dataset.skBeraknad = String(++inputStamp);
      scheduleBand();
      root.dispatchEvent(new CustomEvent("sk-berakning-klar", { bubbles: true }));
    }

    async function recalc(request, options = { fill: false }) {
      if (running) {
        again = request;
        return;
      }
      running = true;
      try {
        const response = await window.skPython.call("berakna_sida", { ...request, visning: { tornado_aktor: tornadoSelect.value } });
        if (response.ok) applyResponse(response.data, options);
        else {
          showErrors(messages(response));
          markStale(true, "Resultatet nedan gäller de senaste giltiga uppgifterna och är inte aktuellt. Rätta uppgifterna ovan.");
          writeStore(STORE_CURRENT, { scenario, falt: fieldValues() });
        }
      } finally {
        running = false;
      }
      if (again) {
        const next = again;
        again = false;
        recalc(next.falt ? { falt: fieldValues() } : next, options);
      }
    }

    function scheduleBand() {
      if (!band) return;
      clearTimeout(bandTimer);
      bandTimer = setTimeout(async () => {
        const asked = scenario;
        band.setAttribute("aria-busy", "true");
        const response = await window.skPython.call("osakerhet_sida", { scenario: asked });
        band.removeAttribute("aria-busy");
        if (asked !== scenario) return;
        if (response.ok) band.innerHTML = response.data.html;
      }, 250);
    }

    function onInput() {
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
      recalc({ falt: fieldValues() });
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
    tornadoSelect.addEventListener("change", () => {
      if (scenario) recalc({ scenario });
    });
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
      markStale(true, "Räknar om …");
      recalc({ scenario: { version: 1 } }, { fill: true });
    });

    // ── share link ───────────────────────────────────────────────────────────────────
    function shareUrl() {
      return `${location.origin}${location.pathname}#${FRAGMENT_KEY}${encodeScenario(scenario)}`;
    }
    root.querySelector("[data-sk-dela]").addEventListener("click", async () => {
      if (!scenario) return say("Det finns inget giltigt scenario att dela ännu.");
      const url = shareUrl();
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

    // ── export and import ────────────────────────────────────────────────────────────
    root.querySelector("[data-sk-exportera-json]").addEventListener("click", () => {
      if (!scenario) return say("Det finns inget giltigt scenario att exportera ännu.");
      window.skPython.download("scenario.json", JSON.stringify(scenario, null, 2) + "\n", "application/json");
      say("Scenariot är sparat som scenario.json. Filen kan öppnas här igen och i kommandoraden.");
    });
    root.querySelector("[data-sk-exportera-csv]").addEventListener("click", async () => {
      if (!scenario) return say("Det finns inget giltigt scenario att exportera ännu.");
      const response = await window.skPython.call("exportera_csv", { scenario, osakerhet: { dragningar: 2000, fro: 1 } });
      if (!response.ok) return say(messages(response).map((m) => m.meddelande).join(" "));
      window.skPython.download(response.data.filnamn, response.data.innehall, "text/csv;charset=utf-8");
      say(`Resultatet är sparat som ${response.data.filnamn} (semikolon och decimalkomma, för svenska Excel).`);
    });
    root.querySelector("[data-sk-skriv-ut]").addEventListener("click", () => window.print());
    // The browser's own file picker button speaks the browser's language; ours speaks Swedish.
    root.querySelector("[data-sk-importera]").addEventListener("click", () => importInput.click());
    importInput.addEventListener("change", async () => {
      const file = importInput.files && importInput.files[0];
      if (!file) return;
      let parsed;
      try {
        parsed = JSON.parse(await file.text());
      } catch (error) {
        importInput.value = "";
        return say("Filen kunde inte läsas: den är inte giltig JSON.");
      }
      importInput.value = "";
      const response = await window.skPython.call("berakna_sida", { scenario: parsed });
      if (!response.ok) return say(`Filen kunde inte importeras: ${messages(response).map((m) => m.meddelande).join(" ")}`);
      applyResponse(response.data, { fill: true });
      say(`Scenariot i ${file.name} är inläst.`);
    });

    // ── saved scenarios and comparison ─────────────────────────────────────────────
    function renderSaved() {
      const saved = readStore(STORE_SAVED, []);
      savedList.textContent = "";
      root.querySelector("[data-sk-inga-sparade]").hidden = saved.length > 0;
      root.querySelector("[data-sk-jamfor]").hidden = saved.length < 2;
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
          const response = await window.skPython.call("berakna_sida", { scenario: item.scenario });
          if (response.ok) {
            applyResponse(response.data, { fill: true });
            say(`${item.namn} är öppnat.`);
          } else say(messages(response).map((m) => m.meddelande).join(" "));
        });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "md-button";
        remove.textContent = "Ta bort";
        remove.setAttribute("aria-label", `Ta bort ${item.namn}`);
        remove.addEventListener("click", () => {
          const list = readStore(STORE_SAVED, []);
          list.splice(index, 1);
          writeStore(STORE_SAVED, list);
          renderSaved();
          say(`${item.namn} är borttaget.`);
        });
        li.append(box, label, open, remove);
        savedList.appendChild(li);
      });
    }
    root.querySelector("[data-sk-spara]").addEventListener("click", () => {
      const name = saveName.value.trim();
      if (!name) return say("Skriv ett namn på scenariot först.");
      if (!scenario) return say("Det finns inget giltigt scenario att spara ännu.");
      const list = readStore(STORE_SAVED, []).filter((item) => item.namn !== name);
      list.push({ namn: name, scenario });
      if (!writeStore(STORE_SAVED, list)) return say("Scenariot kunde inte sparas i webbläsaren.");
      saveName.value = "";
      renderSaved();
      say(`Scenariot ${name} är sparat i den här webbläsaren.`);
    });
    root.querySelector("[data-sk-jamfor]").addEventListener("click", async () => {
      const saved = readStore(STORE_SAVED, []);
      const chosen = [...savedList.querySelectorAll("[data-sk-valj]:checked")].map((box) => saved[Number(box.value)]).filter(Boolean);
      if (chosen.length < 2 || chosen.length > 3) return say("Välj två eller tre sparade scenarier att jämföra.");
      const response = await window.skPython.call("jamfor_sida", { scenarier: chosen });
      if (!response.ok) return say(messages(response).map((m) => m.meddelande).join(" "));
      comparison.innerHTML = response.data.html;
      comparison.hidden = false;
      const heading = comparison.querySelector("h3, h4, caption");
      comparison.focus();
      say(`Jämförelse av ${chosen.map((c) => c.namn).join(", ")} visas nedan.`);
      return heading;
    });
    renderSaved();

    // ── start: share link > stored scenario > pre-rendered default ─────────────────
    const hash = location.hash.startsWith(`#${FRAGMENT_KEY}`) ? decodeScenario(location.hash.slice(FRAGMENT_KEY.length + 1)) : null;
    const stored = readStore(STORE_CURRENT, null);
    if (hash) {
      markStale(true, "Läser in scenariot från länken …");
      recalc({ scenario: hash }, { fill: true }).then(() => {
        if (!scenario) say("Länken innehåller inget giltigt scenario.");
      });
    } else if (stored && stored.falt) {
      fillFields(stored.falt);
      markStale(true, "Räknar om ditt senaste scenario …");
      recalc({ falt: fieldValues() });
    } else {
      scenario = JSON.parse(root.dataset.skStandardscenario);
      updateVisibility();
    }
  }

  function scan() {
    document.querySelectorAll('[data-sk-verktyg="berakning"]').forEach(init);
  }
  window.skPython.onPage(scan);
})();
