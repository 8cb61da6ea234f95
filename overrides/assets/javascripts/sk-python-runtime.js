// The Python runtime glue, loaded by sk-python.js only on a page that carries a tool. One
// worker per tab, kept across Material's instant navigation.
//
//   window.skPython.call(op, data) → Promise<{ok, data} | {ok: false, fel: [...]}>  (never rejects)
//   window.skPython.status         → "vilande" | "laddar" | "redo" | "fel"
//   window.skPython.retry()        → restart after "fel"
//   document event "sk-python-status" with detail {status, meddelande}
//   window.skPython.download(name, text, type) → save text as a file (the tools' exports)
// (window.skPython.onPage and .adresser come from sk-python.js.)
(function () {
  "use strict";
  if (window.skPython.call) return;
  const urls = window.skPython.adresser;

  let worker = null;
  let watchdog = null;
  const WATCHDOG_MS = 90000;
  let nextId = 1;
  const pending = new Map();
  let waiters = [];

  const api = Object.assign(window.skPython, {
    meddelande: "",
    startedAt: null,
    readyMs: null,
    call,
    retry,
    start,
    download,
  });

  function setStatus(status, meddelande) {
    api.status = status;
    api.meddelande = meddelande || "";
    if (status === "redo" && api.startedAt !== null) api.readyMs = performance.now() - api.startedAt;
    document.dispatchEvent(new CustomEvent("sk-python-status", { detail: { status, meddelande: api.meddelande } }));
    if (status === "redo" || status === "fel") {
      const list = waiters;
      waiters = [];
      list.forEach((resolve) => resolve(status));
    }
  }

  function failAll(meddelande) {
    pending.forEach((resolve) => resolve({ ok: false, fel: [{ falt: null, meddelande }] }));
    pending.clear();
  }

  function start() {
    if (worker) return;
    api.startedAt = performance.now();
    api.readyMs = null;
    if (!urls || typeof Worker === "undefined") {
      setStatus("fel", "Webbläsaren kan inte starta beräkningsmotorn. Det förberäknade resultatet visas fortfarande.");
      return;
    }
    setStatus("laddar", "Beräkningsmotorn startar – du kan redan ändra uppgifterna.");
    try {
      worker = new Worker(urls.worker, { type: "module", name: "sk-python" });
    } catch (error) {
      worker = null;
      setStatus("fel", "Beräkningsmotorn kunde inte startas. Det förberäknade resultatet visas fortfarande.");
      return;
    }
    worker.onmessage = (event) => {
      const message = event.data || {};
      if (message.type === "status") {
        if (message.status !== "laddar") setStatus(message.status, message.meddelande);
        return;
      }
      const resolve = pending.get(message.id);
      if (!resolve) return;
      pending.delete(message.id);
      let parsed;
      try {
        parsed = JSON.parse(message.response);
      } catch (error) {
        parsed = { ok: false, fel: [{ falt: null, meddelande: "Svaret från beräkningen kunde inte läsas." }] };
      }
      resolve(parsed);
    };
    worker.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      stop();
      setStatus("fel", "Beräkningsmotorn kunde inte laddas. Kontrollera anslutningen och försök igen. Det förberäknade resultatet visas fortfarande.");
    };
    worker.postMessage({ type: "init", pyodide: urls.pyodide, paket: urls.paket });
    // Watchdog: a runtime that neither starts nor fails is reported as a failure.
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (api.status === "laddar") {
        stop();
        setStatus("fel", "Beräkningsmotorn startade inte inom rimlig tid. Försök igen. Det förberäknade resultatet visas fortfarande.");
      }
    }, WATCHDOG_MS);
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    failAll("Beräkningsmotorn startades om.");
  }

  function retry() {
    stop();
    start();
  }

  function whenSettled() {
    if (api.status === "redo" || api.status === "fel") return Promise.resolve(api.status);
    return new Promise((resolve) => waiters.push(resolve));
  }

  async function call(op, data) {
    start();
    const settled = await whenSettled();
    if (settled !== "redo") {
      return { ok: false, fel: [{ falt: null, meddelande: api.meddelande || "Beräkningsmotorn är inte tillgänglig." }] };
    }
    const id = nextId++;
    let request;
    try {
      request = JSON.stringify({ op, data });
    } catch (error) {
      return { ok: false, fel: [{ falt: null, meddelande: "Uppgifterna kunde inte skickas till beräkningen." }] };
    }
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, request });
    });
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
})();
