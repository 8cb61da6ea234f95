// The Python runtime glue, loaded by sk-python.js only on a page that carries a tool. One
// worker per tab, kept across Material's instant navigation.
//
//   window.skPython.call(op, data) → Promise<{ok, data} | {ok: false, fel: [...]}>  (never rejects;
//                                    refuses data too large or too deeply nested, and gives up
//                                    on a call that does not answer within CALL_TIMEOUT_MS)
//   window.skPython.status         → "vilande" | "laddar" | "redo" | "fel"
//   window.skPython.retry()        → restart after "fel"
//   document event "sk-python-status" with detail {status, meddelande}
//   document event "sk-python-hamtning" with detail {bytes, total}: a first visit's download
//                                    that takes more than 2 s, at most every second (the tools' bars)
//   window.skPython.download(name, text, type) → save text as a file (the tools' exports)
// (window.skPython.onPage and .adresser come from sk-python.js.)
(function () {
  "use strict";
  if (window.skPython.call) return;
  const urls = window.skPython.adresser;

  let worker = null;
  let watchdog = null;
  const WATCHDOG_MS = 90000;
  // One call (a Monte Carlo of 2 000 draws included) takes well under a second; a call that
  // has not answered in this time is stuck, and the worker is restarted.
  const CALL_TIMEOUT_MS = 30000;
  // What the page sends is the user's own data, but it may come from a link, a file or
  // storage: deep nesting makes Python in WebAssembly overflow its stack (a fatal error),
  // so such data is refused here, before it reaches Python. Nothing legitimate nests deeper
  // than a handful of levels; the largest legitimate request (every tool at its limits) is
  // well under the size limit.
  const MAX_DEPTH = 40;
  const MAX_REQUEST_CHARS = 32 * 1024 * 1024;
  const STARTING = "Beräkningen förbereds.";
  let downloadSaid = false; // the status has said that the runtime is being downloaded
  let nextId = 1;
  const pending = new Map();
  let waiters = [];

  const api = Object.assign(window.skPython, {
    meddelande: "",
    callTimeoutMs: CALL_TIMEOUT_MS,
    watchdogMs: WATCHDOG_MS,
    startedAt: null,
    readyMs: null,
    fromSnapshot: null, // whether the worker started from the memory snapshot kept at an earlier visit
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

  // A runtime that could not be loaded while the browser is offline was never kept by the
  // service worker (this browser has not used a tool online since the site was updated).
  function loadFailed(meddelande) {
    if (navigator.onLine !== false) return meddelande;
    return "Du är utan nätverk, och beräkningen har inte hämtats till den här webbläsaren. Anslut till nätverket och välj Försök igen.";
  }

  function failure(meddelande) {
    return { ok: false, fel: [{ falt: null, meddelande }] };
  }

  // Depth of nested arrays and objects, without recursion (the data itself may be hostile).
  function tooDeep(value) {
    const stack = [[value, 1]];
    while (stack.length) {
      const [item, depth] = stack.pop();
      if (item === null || typeof item !== "object") continue;
      if (depth > MAX_DEPTH) return true;
      Object.values(item).forEach((child) => {
        if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
      });
    }
    return false;
  }

  function failAll(meddelande) {
    pending.forEach((resolve) => resolve(failure(meddelande)));
    pending.clear();
  }

  // fresh: "Försök igen" after a failure. The browser may have kept a damaged runtime file
  // (a proxy's cut-off copy sent as whole): the worker then fetches every file anew.
  function start(fresh = false) {
    if (worker) return;
    api.startedAt = performance.now();
    api.readyMs = null;
    api.fromSnapshot = null;
    if (!urls || typeof Worker === "undefined") {
      setStatus("fel", "Den här webbläsaren kan inte räkna på sidan (Web Workers saknas).");
      return;
    }
    downloadSaid = false;
    setStatus("laddar", STARTING);
    try {
      worker = new Worker(urls.worker, { type: "module", name: "sk-python" });
    } catch (error) {
      worker = null;
      setStatus("fel", "Beräkningen kunde inte startas.");
      return;
    }
    worker.onmessage = (event) => {
      const message = event.data || {};
      if (message.type === "progress") {
        watch(); // a slow download is not a stalled start
        downloading(message.bytes, message.total);
        return;
      }
      if (message.type === "status") {
        if (message.status === "fel") {
          // The worker cannot go on (runtime files missing, Python stopped): end it, so that
          // "Försök igen" starts a fresh one and no call waits for an answer that never comes.
          const meddelande = api.status === "laddar" ? loadFailed(message.meddelande) : message.meddelande;
          stop(meddelande);
          setStatus("fel", meddelande);
        } else if (message.status !== "laddar") {
          if (message.status === "redo") api.fromSnapshot = Boolean(message.snapshot);
          setStatus(message.status, message.meddelande);
        }
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
    const broken = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      const meddelande = loadFailed("Beräkningen kunde inte laddas. Kontrollera anslutningen och försök igen.");
      stop(meddelande);
      setStatus("fel", meddelande);
    };
    worker.onerror = broken;
    worker.onmessageerror = broken;
    worker.postMessage({ type: "init", pyodide: urls.pyodide, paket: urls.paket, wasm: urls.wasm, stdlib: urls.stdlib,
      stdlibIntegrity: urls.stdlibIntegrity, zstd: urls.zstd, lock: urls.lock, snapshot: urls.snapshot, fresh });
    watch();
  }

  // A first visit downloads the runtime (3.4 MB; half a minute on a slow mobile link). When
  // that takes more than 2 s, the status says so once, with the size, and the tools' bars show
  // how far it has come; the status says again when it is in. The figure is not repeated in
  // the status: read out by screen readers, it would be said over and over (or lag the bar).
  function downloading(bytes, total) {
    if (api.status !== "laddar" || !Number.isFinite(bytes) || !Number.isFinite(total) || !total) return;
    if (!downloadSaid && performance.now() - api.startedAt < 2000) return;
    document.dispatchEvent(new CustomEvent("sk-python-hamtning", { detail: { bytes: Math.min(bytes, total), total } }));
    if (bytes >= total) {
      if (downloadSaid) setStatus("laddar", "Beräkningen har hämtats och startar.");
    } else if (!downloadSaid) {
      downloadSaid = true;
      const mb = (total / 1e6).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      setStatus("laddar", `Beräkningen hämtas till webbläsaren (${mb} MB, bara första gången).`);
    }
  }

  // Watchdog: a runtime that neither starts nor fails, nor receives any of its files, within
  // WATCHDOG_MS is reported as a failure.
  function watch() {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (api.status === "laddar") {
        stop();
        setStatus("fel", "Beräkningen blev inte klar att använda inom rimlig tid. Försök igen.");
      }
    }, api.watchdogMs);
  }

  function stop(meddelande = "Beräkningen startades om. Försök igen.") {
    if (worker) worker.terminate();
    worker = null;
    clearTimeout(watchdog);
    failAll(meddelande);
  }

  function retry() {
    stop();
    start(true);
  }

  function whenSettled() {
    if (api.status === "redo" || api.status === "fel") return Promise.resolve(api.status);
    return new Promise((resolve) => waiters.push(resolve));
  }

  async function call(op, data) {
    // A call starts Python the first time only: after a failure only "Försök igen" (retry)
    // starts it again, so the button the user was told to press does not vanish under them
    // and a blocked download is not fetched again on every keystroke.
    if (api.status === "vilande") start();
    const settled = await whenSettled();
    if (settled !== "redo" || !worker) {
      return failure(api.meddelande || "Beräkningen går inte att använda just nu.");
    }
    let request;
    try {
      request = tooDeep(data) ? null : JSON.stringify({ op, data });
    } catch (error) {
      return failure("Uppgifterna kunde inte skickas till beräkningen.");
    }
    if (request === null || request.length > MAX_REQUEST_CHARS) {
      return failure("Uppgifterna är för stora eller för djupt nästlade för att kunna läsas. Inget har ändrats.");
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        const meddelande = "Beräkningen svarade inte. Tryck på Försök igen för att starta om den.";
        stop(meddelande);
        setStatus("fel", meddelande);
      }, api.callTimeoutMs);
      pending.set(id, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
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
