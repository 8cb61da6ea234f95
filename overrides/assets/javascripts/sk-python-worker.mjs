// Module Web Worker that runs the site's Python core (the `calculators` package) in Pyodide.
//
// Protocol (all messages are plain objects):
//   page → worker  {type: "init", pyodide: "<absolute URL of the runtime dir>/", paket: "<zip URL>",
//                   wasm: "sha384-…" (integrity of pyodide.asm.wasm, or ""),
//                   snapshot: "<URL of the gzip-compressed memory snapshot>" (or "")}
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
const RUNTIME_FILES = { "pyodide.asm.wasm": "application/wasm", "python_stdlib.zip": null, "pyodide.asm.mjs": null, "pyodide-lock.json": null };
const LOAD_FAILED = "Beräkningen kunde inte laddas. Kontrollera anslutningen och försök igen.";

let pyodide = null;
let handle = null;
let ready = null;

function status(status, meddelande, extra = {}) {
  self.postMessage({ type: "status", status, meddelande, ...extra });
}

async function boot({ pyodide: indexURL, paket, wasm, snapshot }) {
  const started = performance.now();
  status("laddar", "Python startar …");
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  // Without the snapshot (a failed download) Python still starts, only slower.
  const memory = snapshot ? fetchSnapshot(snapshot).catch((error) => {
    console.warn("sk-python-worker:", error);
    return null;
  }) : null;
  let fromSnapshot = false;
  const [loaded, archive] = await Promise.all([
    Promise.resolve(memory).then((bytes) => {
      fromSnapshot = Boolean(bytes);
      return loadPyodide({ indexURL, packages: [], fullStdLib: false, ...(bytes && { _loadSnapshot: bytes }) });
    }),
    fetch(paket, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`Beräkningskoden kunde inte hämtas (HTTP ${r.status}).`);
      return r.arrayBuffer();
    }),
    preflight(indexURL, wasm),
  ]);
  pyodide = loaded;
  // A snapshot holds the interpreter's memory, not its file system: the package's files
  // go back where the snapshot's imports expect them.
  pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nif ${JSON.stringify(EXTRACT_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  const web = pyodide.pyimport("calculators.web");
  handle = web.handle;
  status("redo", "Beräkningen är redo.", { ms: Math.round(performance.now() - started), snapshot: fromSnapshot });
}

// The memory snapshot made at build time (overrides/hooks/pyodide_snapshot.mjs) with this
// runtime and this package already imported: starting from it skips the interpreter's
// start-up, which is almost all of a boot's work.
async function fetchSnapshot(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`Python-ögonblicksbilden kunde inte hämtas (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends the file with Content-Encoding: gzip has already inflated it.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

// The WebAssembly file is also fetched whole with its integrity value (so a truncated or
// damaged file fails here; Pyodide's own request for it waits for this one and is then
// served from the browser's cache).
async function preflight(indexURL, wasm) {
  await Promise.all(Object.entries(RUNTIME_FILES).map(async ([file, type]) => {
    const checked = file === "pyodide.asm.wasm" && wasm;
    const response = await fetch(new URL(file, indexURL), checked
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
