// Loaded on every page and nothing more than this: on a page that carries a tool
// ([data-sk-verktyg]) it brings in the tools' stylesheets, the Python runtime glue
// (sk-python-runtime.js) and the tool's own ES module from sk-verktyg/ (a <script
// type="module"> from 'self', allowed by the policy), so the guidance pages stay as light as
// a bare Material page. Pages reached by Material's instant navigation are scanned too.
//
//   window.skPython.onPage(fn)  → run fn for this page and every page instant navigation brings
//   window.skPython.adresser    → runtime addresses (Pyodide, our package, worker, docx, stylesheets)
//   window.skPython.status      → "vilande" until the runtime glue takes over
//   window.skPython.lagring     → this site's localStorage keys (see siteStorage below)
(function () {
  "use strict";
  if (window.skPython) return;

  // data-sk-verktyg → the component module that starts the tool (it registers itself).
  const GLUE = {
    berakning: "sk-verktyg/calculator.mjs",
    checklista: "sk-verktyg/checklist.mjs",
    dokument: "sk-verktyg/decision-document.mjs",
    samlad: "sk-verktyg/bundle-page.mjs",
  };
  const scriptBase = new URL(".", document.currentScript.src).href;
  const scripts = new Map();

  window.skPython = { status: "vilande", adresser: readUrls(), onPage, lagring: siteStorage() };

  // Every key this site writes is prefixed with the site's own path ("/" or "/repo/"): on
  // <owner>.github.io/<repo> all of the owner's Pages sites share one origin and so one
  // localStorage, and keys without the prefix would mix with another site's. Data saved
  // under a bare key by earlier versions is read once as a fallback (and validated like any
  // stored value by the tool that reads it); the next save writes the prefixed key.
  //   nyckel(name)   → the prefixed key (compare with a storage event's key)
  //   hamta(name)    → the stored text or null (never throws)
  //   spara(name, t) → true if saved, false if storage is full or blocked
  //   ta_bort(name)  → remove (never throws)
  function siteStorage() {
    const prefix = new URL("../../", scriptBase).pathname;
    const nyckel = (name) => `${prefix}${name}`;
    const read = (key) => {
      try {
        return window.localStorage.getItem(key);
      } catch (error) {
        return null;
      }
    };
    return {
      prefix,
      nyckel,
      hamta: (name) => {
        const value = read(nyckel(name));
        return value === null ? read(name) : value;
      },
      spara: (name, text) => {
        try {
          window.localStorage.setItem(nyckel(name), text);
          return true;
        } catch (error) {
          return false;
        }
      },
      ta_bort: (name) => {
        try {
          window.localStorage.removeItem(nyckel(name));
        } catch (error) {
          /* storage blocked: nothing to remove */
        }
      },
    };
  }

  // Resolved once against the page that first loaded this script: a page reached by instant
  // navigation keeps the first page's <head>, whose relative URLs fit only that page.
  function readUrls() {
    const meta = document.querySelector('meta[name="sk-python"]');
    if (!meta) return null;
    try {
      const raw = JSON.parse(meta.getAttribute("content"));
      const base = document.baseURI;
      return {
        pyodide: new URL(raw.pyodide, base).href,
        paket: new URL(raw.paket, base).href,
        snapshot: raw.snapshot ? new URL(raw.snapshot, base).href : "",
        stdlib: raw.stdlib ? new URL(raw.stdlib, base).href : "",
        lock: raw.lock && typeof raw.lock === "object" ? raw.lock : null,
        worker: new URL(raw.worker, base).href,
        docx: raw.docx ? new URL(raw.docx, base).href : "",
        wasm: integrity(raw.wasm),
        stdlibIntegrity: integrity(raw.stdlibIntegrity),
        zstd: new URL(raw.zstd, base).href,
        stilar: (raw.stilar || []).map((href) => new URL(href, base).href),
      };
    } catch (error) {
      return null;
    }
  }

  function integrity(value) {
    return /^sha384-[A-Za-z0-9+/]+=*$/.test(value || "") ? value : "";
  }

  function loadScript(file) {
    if (!scripts.has(file)) {
      scripts.set(file, new Promise((resolve) => {
        const script = document.createElement("script");
        if (file.endsWith(".mjs")) script.type = "module"; // a module runs once per tab
        script.src = new URL(file, scriptBase).href;
        // Not async: run in the order inserted, the runtime before the tool (for module
        // scripts too), and like any script they hold back the page's load event.
        script.async = false;
        script.onload = resolve;
        script.onerror = resolve; // the tools then show their own "could not start" state
        document.body.appendChild(script);
      }));
    }
    return scripts.get(file);
  }

  // The stylesheets are linked in <head> on tool pages; after instant navigation from a
  // page without a tool they are missing, so add them.
  function loadStyles() {
    const urls = window.skPython.adresser;
    if (!urls) return;
    const present = new Set(Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (l) => l.href));
    urls.stilar.filter((href) => !present.has(href)).forEach((href) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.dataset.skVerktygsstil = "";
      document.head.appendChild(link);
    });
  }

  async function scan() {
    const tools = document.querySelectorAll("[data-sk-verktyg]");
    if (!tools.length) return;
    loadStyles();
    const runtime = loadScript("sk-python-runtime.js");
    // A tool's module registers itself and then finds its elements on every page (onPage).
    tools.forEach((tool) => {
      const file = GLUE[tool.dataset.skVerktyg];
      if (file) loadScript(file);
    });
    await runtime;
    if (window.skPython.start) window.skPython.start();
  }

  // Material's document$ emits this page and every page instant navigation brings. On a tool
  // page Material's script comes later (sk-material.js): until then fn runs for this page,
  // and when it has come ("sk-material" on document) fn is subscribed for the pages to come
  // only (document$ replays the current page at once).
  function onPage(fn) {
    const pages = window.document$;
    if (pages && typeof pages.subscribe === "function") {
      pages.subscribe(fn);
      return;
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => fn(), { once: true });
    else fn();
    document.addEventListener("sk-material", () => {
      let replay = true;
      window.document$.subscribe(() => replay || fn());
      replay = false;
    }, { once: true });
  }

  onPage(scan);

  // Warm-up (issue 13): a visitor who has used a tool before finds Python ready when they
  // follow a link from a guidance page to a tool (Material's instant navigation keeps the
  // tab's worker). Only when the browser is idle after the load, only if the Python worker
  // kept this build's memory snapshot at an earlier visit (the visitor has run a tool here;
  // the snapshot's name carries the build's hash) and the service worker has kept the
  // runtime for offline use (so nothing is downloaded), and never when the visitor asked to
  // save data. Tool pages start Python themselves (scan).
  function warmUp() {
    const urls = window.skPython.adresser;
    if (document.querySelector("[data-sk-verktyg]") || window.skPython.status !== "vilande") return;
    if (!urls || !urls.snapshot || !window.caches || !navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    if (navigator.connection && navigator.connection.saveData) return;
    const wasm = new URL("pyodide.asm.wasm.zst", urls.pyodide).href;
    Promise.all([urls.snapshot, wasm].map((url) => window.caches.match(url))).then(([snapshot, runtime]) => {
      if (!snapshot || !runtime || window.skPython.status !== "vilande") return;
      loadScript("sk-python-runtime.js").then(() => window.skPython.start && window.skPython.start());
    }, () => {});
  }
  const idle = () => (window.requestIdleCallback ? window.requestIdleCallback(warmUp) : setTimeout(warmUp, 2000));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });

  // Offline use (issue 13): the service worker (sw.js, overrides/hooks/offline.py) is
  // registered after the load, when the browser is idle, so the first paint never waits.
  // sk-natverk.js (status lines, the offer of a new version) loads only when it has
  // something to do. When another tab lets a new version take over, this tab reloads, so it
  // never goes on with files of two versions (answers are saved as they are typed).
  const offline = document.querySelector('meta[name="sk-offline"]');
  if (offline && "serviceWorker" in navigator) {
    const sw = navigator.serviceWorker;
    const url = new URL(offline.content, document.baseURI);
    let registered = null;
    const ui = () => registered && registered.then(() => loadScript("sk-natverk.js"));
    if (sw.controller) sw.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    window.addEventListener("offline", ui);
    document.addEventListener("sk-python-status", ui);
    const register = () => {
      registered = sw.register(url.href, { scope: new URL("./", url).href, updateViaCache: "none" }).then((reg) => {
        // A new version, not the first install (then there is no controller yet); no reg when
        // registration is blocked (the shared test profiles).
        if (reg) reg.addEventListener("updatefound", () => sw.controller && ui());
        const update = reg && sw.controller && (reg.installing || reg.waiting);
        if (update || !navigator.onLine || window.skPython.status !== "vilande") ui();
      }, () => !navigator.onLine && ui()); // offline, or no worker here (a private window)
    };
    const later = () => (window.requestIdleCallback || setTimeout)(register, { timeout: 3000 });
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later, { once: true });
  }
})();
