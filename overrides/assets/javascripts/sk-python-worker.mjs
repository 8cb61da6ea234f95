// Module Web Worker that runs the site's Python core (the `calculators` package) in Pyodide.
//
// Protocol (all messages are plain objects):
//   page → worker  {type: "init", pyodide: "<absolute URL of the runtime dir>/", paket: "<zip URL>",
//                   wasm: "sha384-…" (integrity of pyodide.asm.wasm, or ""),
//                   stdlib: "<URL of the trimmed standard library zip>", lock: {…} (the package
//                   index's header), snapshot: "<URL of the gzip-compressed memory snapshot>" (or "")}
//   page → worker  {id, request: "<JSON text>"}
//   worker → page  {type: "status", status: "laddar" | "redo" | "fel", meddelande}
//                   ("redo" also carries ms, the boot's duration, and snapshot: whether it
//                   started from the memory snapshot)
//   worker → page  {id, response: "<JSON text>"}
// Everything is fetched from our own origin; no micropip, no package downloads.

const EXTRACT_DIR = "/home/pyodide/sk";
// The runtime files loadPyodide fetches. When one is missing or blocked (a proxy, an
// aborted download), Emscripten can stall instead of failing, so the same files are asked
// for with HEAD at the same time and a failure is reported at once.
const RUNTIME_FILES = { "pyodide.asm.wasm": "application/wasm", "pyodide.asm.mjs": null };
// After a start without the snapshot, the worker fetches it into the browser's cache for the
// next visit, once the page has had time to settle.
const PREFETCH_DELAY_MS = 3000;
const LOAD_FAILED = "Beräkningen kunde inte laddas. Kontrollera anslutningen och försök igen.";

let pyodide = null;
let handle = null;
let ready = null;

function status(status, meddelande, extra = {}) {
  self.postMessage({ type: "status", status, meddelande, ...extra });
}

async function boot({ pyodide: indexURL, paket, wasm, stdlib, lock, snapshot }) {
  const started = performance.now();
  status("laddar", "Python startar …");
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  // The snapshot is used when the browser already has it (an earlier visit): on a first
  // visit its 7 MB would more than double the download, while the precompiled standard
  // library starts Python in about the bare runtime's time anyway. Without it (not yet
  // cached, or a failed download) Python starts normally.
  const memory = snapshot ? fetchSnapshot(snapshot, true).catch((error) => {
    if (!(error instanceof NotCached)) console.warn("sk-python-worker:", error);
    return null;
  }) : null;
  let fromSnapshot = false;
  const options = {
    indexURL,
    packages: [],
    fullStdLib: false,
    ...(stdlib && { stdLibURL: stdlib }),
    // The site loads no packages: an empty index instead of the 119 kB pyodide-lock.json.
    ...(lock && { lockFileContents: { info: lock, packages: {} } }),
  };
  const [loaded, archive] = await Promise.all([
    Promise.resolve(memory).then((bytes) => {
      fromSnapshot = Boolean(bytes);
      return loadPyodide({ ...options, ...(bytes && { _loadSnapshot: bytes }) });
    }),
    fetch(paket, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`Beräkningskoden kunde inte hämtas (HTTP ${r.status}).`);
      return r.arrayBuffer();
    }),
    preflight(indexURL, wasm, stdlib),
  ]);
  pyodide = loaded;
  // A snapshot holds the interpreter's memory, not its file system: the package's files
  // go back where the snapshot's imports expect them.
  pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nif ${JSON.stringify(EXTRACT_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  const web = pyodide.pyimport("calculators.web");
  handle = web.handle;
  status("redo", "Beräkningen är redo.", { ms: Math.round(performance.now() - started), snapshot: fromSnapshot });
  if (snapshot && !fromSnapshot) {
    setTimeout(() => fetchSnapshot(snapshot, false, true).catch(() => {}), PREFETCH_DELAY_MS);
  }
}

class NotCached extends Error {}

// The memory snapshot made at build time (overrides/hooks/pyodide_snapshot.mjs) with this
// runtime and this package already imported: starting from it skips the interpreter's
// start-up, which is almost all of a boot's work.
// cachedOnly: only from the browser's cache (fresh or stale), never from the network;
// prefetch: only download it (into the cache) for the next visit.
async function fetchSnapshot(url, cachedOnly = false, prefetch = false) {
  let response;
  try {
    response = await fetch(url, cachedOnly
      ? { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin" }
      : { credentials: "same-origin" });
  } catch (error) {
    if (cachedOnly) throw new NotCached();
    throw error;
  }
  if (cachedOnly && response.status === 504) throw new NotCached();
  if (!response.ok) throw new Error(`Python-ögonblicksbilden kunde inte hämtas (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (prefetch) return null;
  // A server that sends the file with Content-Encoding: gzip has already inflated it.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
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
    if (!alive()) status("fel", "Beräkningen stannade. Välj Försök igen för att starta om den. Inget av det du skrivit är förlorat.");
  }
};
