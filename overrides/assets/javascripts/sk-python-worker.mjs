// Module Web Worker that runs the site's Python core (the `calculators` package) in Pyodide.
//
// Protocol (all messages are plain objects):
//   page → worker  {type: "init", pyodide: "<absolute URL of the runtime dir>/", paket: "<zip URL>",
//                   wasm: "sha384-…" (integrity of pyodide.asm.wasm, or ""),
//                   stdlib: "<URL of the trimmed standard library zip>", lock: {…} (the package
//                   index's header), snapshot: "<URL naming this build's memory snapshot>" (or "")}
//   page → worker  {id, request: "<JSON text>"}
//   worker → page  {type: "status", status: "laddar" | "redo" | "fel", meddelande}
//                   ("redo" also carries ms, the boot's duration, and snapshot: whether it
//                   started from a memory snapshot kept at an earlier visit)
//   worker → page  {id, response: "<JSON text>"}
// Everything is fetched from our own origin; no micropip, no package downloads.

const EXTRACT_DIR = "/home/pyodide/sk";
// The runtime files loadPyodide fetches. When one is missing or blocked (a proxy, an
// aborted download), Emscripten can stall instead of failing, so the same files are asked
// for with HEAD at the same time and a failure is reported at once.
const RUNTIME_FILES = { "pyodide.asm.wasm": "application/wasm", "pyodide.asm.mjs": null };
const LENGTH_HEADER = "x-sk-bytes"; // a kept snapshot's length, checked before it is used
const LOAD_FAILED = "Beräkningen kunde inte laddas. Kontrollera anslutningen och försök igen.";

let pyodide = null;
let handle = null;
let ready = null;
let keeper = null; // the kept snapshot's store (snapshots() below), or null
let spoiled = false; // a kept snapshot failed to load
let startedFromSnapshot = false; // this worker's Python came from a kept snapshot

function status(status, meddelande, extra = {}) {
  self.postMessage({ type: "status", status, meddelande, ...extra });
}

async function boot({ pyodide: indexURL, paket, wasm, stdlib, lock, snapshot }) {
  const started = performance.now();
  status("laddar", "Python startar …");
  // The kept snapshot is read first and alone: read while the runtime files were checked
  // (below), its 31 MB took 0.2–0.3 s instead of 0.1 s.
  const keeping = snapshot ? snapshots(snapshot) : Promise.resolve(null);
  const kept = keeping.then((store) => store && store.read());
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const options = {
    indexURL,
    packages: [],
    fullStdLib: false,
    ...(stdlib && { stdLibURL: stdlib }),
    // The site loads no packages: an empty index instead of the 119 kB pyodide-lock.json.
    ...(lock && { lockFileContents: { info: lock, packages: {} } }),
  };
  keeper = await keeping;
  const start = async () => {
    const bytes = await kept;
    if (bytes) {
      try {
        const loaded = await loadPyodide({ ...options, _loadSnapshot: bytes });
        // Pyodide has copied it into its memory but keeps the options: let the 31 MB go.
        if (bytes.buffer.transfer) bytes.buffer.transfer(0);
        return { loaded, fromSnapshot: true };
      } catch (error) {
        // Damaged, or not this runtime's (it checks a build id): start normally, which
        // keeps a new one in its place.
        console.warn("sk-python-worker: the kept snapshot could not be used:", error);
      }
    }
    const loaded = await loadPyodide({ ...options, ...(keeper && { _makeSnapshot: true }) });
    if (bytes) spoiled = true; // forgotten unless a new one replaces it (below)
    return { loaded, fromSnapshot: false };
  };
  const [{ loaded, fromSnapshot }, archive] = await Promise.all([
    start(),
    fetch(paket, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`Beräkningskoden kunde inte hämtas (HTTP ${r.status}).`);
      return r.arrayBuffer();
    }),
    kept.then(() => preflight(indexURL, wasm, stdlib)),
  ]);
  pyodide = loaded;
  // A snapshot holds the interpreter's memory, not its file system: the package's files
  // go back where the snapshot's imports expect them.
  pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nif ${JSON.stringify(EXTRACT_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  const web = pyodide.pyimport("calculators.web");
  handle = web.handle;
  status("redo", "Beräkningen är redo.", { ms: Math.round(performance.now() - started), snapshot: fromSnapshot });
  if (keeper && !fromSnapshot) {
    // Taken now, before the first request is read (they wait for boot() to return): the
    // snapshot stays in the browser after the visitor clears their answers, so it must never
    // have seen any. prepare() does what the first requests would do anyway (imports, the
    // parameter files), so they hardly wait longer; the snapshot is a copy of memory (30–100
    // ms), stored in the background.
    let made = null;
    try {
      web.prepare();
      made = pyodide.makeMemorySnapshot();
    } catch (error) {
      console.warn("sk-python-worker: no snapshot made:", error);
    }
    (made ? keeper.keep(made) : spoiled ? keeper.forget() : Promise.resolve())
      .catch((error) => console.warn("sk-python-worker: no snapshot kept:", error));
  }
  startedFromSnapshot = fromSnapshot;
}

// The memory snapshot (issue 13): the interpreter's memory once the package is imported and
// its parameter files read, so that a later visit skips Python's start-up, almost all of a
// boot's work. Made here after the first start rather than downloaded: it is 31 MB (5 MB
// compressed), more than the runtime itself. Kept uncompressed, because inflating it took
// 0.2–0.3 s of every later start. One per site in Cache Storage, under the name the build
// gives it (a hash over everything that goes into it, so a snapshot never meets another
// build's files); the service worker deletes it when a new build takes over. Null where
// the browser keeps nothing (storage blocked).
async function snapshots(key) {
  let cache;
  try {
    cache = await self.caches.open(snapshotCacheName(key));
  } catch {
    return null;
  }
  return {
    async read() {
      try {
        const kept = await cache.match(key);
        if (!kept) return null;
        const bytes = new Uint8Array(await kept.arrayBuffer());
        // Pyodide checks a snapshot's header, not its length: one cut short would start
        // with part of its memory zeroed.
        if (String(bytes.byteLength) !== kept.headers.get(LENGTH_HEADER)) {
          await this.forget();
          return null;
        }
        return bytes;
      } catch {
        return null;
      }
    },
    async forget() {
      await cache.delete(key).catch(() => false);
    },
    async keep(bytes) {
      await cache.put(key, new Response(bytes, {
        headers: { "content-type": "application/octet-stream", [LENGTH_HEADER]: String(bytes.byteLength) },
      }));
      for (const other of await cache.keys()) {
        if (other.url !== key) await cache.delete(other);
      }
    },
  };
}

// sw-template.js names it the same way, to delete an older build's snapshot after an update.
function snapshotCacheName(key) {
  return `sk-python:${new URL(".", key).pathname}`;
}

// The WebAssembly file is also fetched whole with its integrity value (so a truncated or
// damaged file fails here; Pyodide's own request for it waits for this one and is then
// served from the browser's cache).
async function preflight(indexURL, wasm, stdlib) {
  const files = Object.entries(RUNTIME_FILES).map(([file, type]) => [new URL(file, indexURL).href, file, type]);
  if (stdlib) files.push([stdlib, "stdlib", null]);
  await Promise.all(files.map(async ([url, file, type]) => {
    const checked = file === "pyodide.asm.wasm" && wasm;
    const response = await fetch(url, checked
      ? { integrity: wasm, credentials: "same-origin" }
      : { method: "HEAD", credentials: "same-origin" });
    const got = (response.headers.get("content-type") || "").split(";")[0].trim();
    if (!response.ok || (type && got !== type)) throw new Error(`${file}: HTTP ${response.status} ${got}`);
    if (checked) await response.arrayBuffer();
  }));
}

// After a fatal error (e.g. a stack overflow in WebAssembly) Pyodide refuses every further
// call: report it, so that the page restarts the worker instead of showing "ready".
function alive() {
  try {
    pyodide.runPython("0");
    return true;
  } catch {
    return false;
  }
}

function failMessage(id, meddelande) {
  return { id, response: JSON.stringify({ ok: false, fel: [{ falt: null, meddelande }] }) };
}

// A failed WebAssembly download makes Emscripten abort outside loadPyodide's promise: report it.
function onFatal(event) {
  if (handle) return;
  if (event && event.preventDefault) event.preventDefault();
  status("fel", LOAD_FAILED);
}
self.addEventListener("unhandledrejection", onFatal);
self.addEventListener("error", onFatal);

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    if (!ready) {
      ready = boot(message).catch((error) => {
        console.warn("sk-python-worker:", error);
        status("fel", LOAD_FAILED);
        throw error;
      });
      ready.catch(() => {});
    }
    return;
  }
  const { id, request } = message;
  try {
    await ready;
  } catch {
    self.postMessage(failMessage(id, "Beräkningen har inte startat."));
    return;
  }
  try {
    self.postMessage({ id, response: handle(request) });
  } catch (error) {
    console.warn("sk-python-worker:", error);
    self.postMessage(failMessage(id, "Ett oväntat fel uppstod i beräkningen. Försök igen."));
    if (!alive()) {
      // Started from a kept snapshot, it may be the cause: the next start makes a new one.
      if (startedFromSnapshot && keeper) keeper.forget();
      status("fel", "Beräkningen stannade. Välj Försök igen för att starta om den. Inget av det du skrivit är förlorat.");
    }
  }
};
