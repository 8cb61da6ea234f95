// Module Web Worker that runs the site's Python core (the `calculators` package) in Pyodide.
//
// Protocol (all messages are plain objects):
//   page → worker  {type: "init", pyodide: "<absolute URL of the runtime dir>/", paket: "<zip URL>",
//                   wasm: "sha384-…" (integrity of pyodide.asm.wasm, decoded, or ""),
//                   stdlib: "<URL of the trimmed standard library zip, compressed>",
//                   stdlibIntegrity: "sha384-…" (of it decoded, or ""), zstd: "<URL of zstddec>",
//                   lock: {…} (the package index's header),
//                   snapshot: "<URL naming this build's memory snapshot>" (or ""),
//                   fresh: true after a failure (fetch every file anew, not from the HTTP cache)}
//   page → worker  {id, request: "<JSON text>"}
//   worker → page  {type: "status", status: "laddar" | "redo" | "fel", meddelande}
//                   ("redo" also carries ms, the boot's duration, and snapshot: whether it
//                   started from a memory snapshot kept at an earlier visit)
//   worker → page  {type: "progress", bytes, total} (what has arrived of the compressed files
//                   and their length, 0 if unknown: at most every second while they arrive,
//                   and when all have)
//   worker → page  {id, response: "<JSON text>"}
// Everything is fetched from our own origin; no micropip, no package downloads.

const EXTRACT_DIR = "/home/pyodide/sk";
const WASM = "pyodide.asm.wasm"; // on the server as WASM + ".zst" (see compressedFiles)
const LENGTH_HEADER = "x-sk-bytes"; // a kept file's length, checked before it is used
const INTEGRITY_HEADER = "x-sk-integrity"; // what a kept decoded file was checked against
const LOAD_FAILED = "Beräkningen kunde inte laddas. Kontrollera anslutningen och försök igen.";

let pyodide = null;
let handle = null;
let ready = null;
let keeper = null; // what this worker keeps between visits (keptFiles() below), or null
let spoiled = false; // a kept snapshot failed to load
let startedFromSnapshot = ""; // the kept snapshot this worker's Python came from

function status(status, meddelande, extra = {}) {
  self.postMessage({ type: "status", status, meddelande, ...extra });
}

async function boot({ pyodide: indexURL, paket, wasm, stdlib, stdlibIntegrity, zstd, lock, snapshot, fresh }) {
  const started = performance.now();
  status("laddar", "Python startar …");
  // After a failure the browser's HTTP cache may hold a damaged file (a proxy's cut-off copy
  // sent as whole is kept, and revalidating it only confirms it): fetch everything anew. The
  // scripts are imported, so their cached copies are replaced first.
  const cache = fresh ? "reload" : "default";
  if (fresh) await Promise.all([...["pyodide.mjs", "pyodide.asm.mjs"].map((file) => new URL(file, indexURL).href), zstd].map(renew));
  // The kept snapshot is read first and alone: read while the runtime files were checked
  // (below), its 31 MB took 0.2–0.3 s instead of 0.1 s.
  const keeping = snapshot ? keptFiles(snapshot) : Promise.resolve(null);
  const kept = keeping.then((store) => store && store.read(snapshot));
  const packed = compressedFiles(indexURL, { wasm, stdlib, stdlibIntegrity, zstd, cache }, keeping);
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const options = {
    indexURL,
    packages: [],
    fullStdLib: false,
    ...(stdlib && { stdLibURL: packed.stdlib }),
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
    fetch(paket, { credentials: "same-origin", cache }).then((r) => {
      if (!r.ok) throw new Error(`Beräkningskoden kunde inte hämtas (HTTP ${r.status}).`);
      return r.arrayBuffer();
    }),
    kept.then(() => preflight(indexURL, packed)),
  ]);
  const decodedNow = packed.release();
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
    (made ? keeper.keep(snapshot, made) : spoiled ? keeper.forget(snapshot) : Promise.resolve())
      .catch((error) => console.warn("sk-python-worker: no snapshot kept:", error));
  }
  if (keeper) {
    (async () => {
      try {
        for (const [address, bytes, integrity] of await decodedNow) await keeper.keep(address, bytes, integrity);
      } finally {
        await keeper.tidy([snapshot, ...packed.addresses]); // an older build's files go even when storage is full
      }
    })().catch((error) => console.warn("sk-python-worker: the runtime not kept:", error));
  }
  startedFromSnapshot = fromSnapshot ? snapshot : "";
}

// What the worker keeps between visits (issue 13), in one Cache Storage cache per site:
//
// - the memory snapshot: the interpreter's memory once the package is imported and its
//   parameter files read, so that a later visit skips Python's start-up, almost all of a
//   boot's work. Made here after the first start rather than downloaded: it is 31 MB (5 MB
//   compressed), more than the runtime itself. Kept uncompressed, because inflating it took
//   0.2–0.3 s of every later start. Its name is the build's (a hash over everything that
//   goes into it, so a snapshot never meets another build's files).
// - the runtime and the standard library as decoded (compressedFiles below), 12 MB, so that
//   a later visit does not decode and check them again (0.15 s of a second visit).
//
// Files of an earlier build are deleted when this build's are kept, and by the service
// worker when a new build takes over (its decoded runtime stays if the new build ships the
// same files). Null where the browser keeps nothing (storage blocked).
async function keptFiles(snapshotKey) {
  let cache;
  try {
    cache = await self.caches.open(keptCacheName(snapshotKey));
  } catch {
    return null;
  }
  return {
    // A kept file's bytes, or null. Pyodide checks a snapshot's header, not its length: one
    // cut short would start with part of its memory zeroed. So a file of the wrong length is
    // forgotten, and a decoded runtime file checked against another integrity value than the
    // page's (the runtime's address names its version, not its content).
    async read(key, integrity = "") {
      try {
        const kept = await cache.match(key);
        if (!kept) return null;
        const bytes = new Uint8Array(await kept.arrayBuffer());
        if (String(bytes.byteLength) !== kept.headers.get(LENGTH_HEADER)
            || (kept.headers.get(INTEGRITY_HEADER) || "") !== integrity) {
          await this.forget(key);
          return null;
        }
        return bytes;
      } catch {
        return null;
      }
    },
    async forget(key) {
      await cache.delete(key).catch(() => false);
    },
    async keep(key, bytes, integrity = "") {
      await cache.put(key, new Response(bytes, {
        headers: { "content-type": "application/octet-stream", [LENGTH_HEADER]: String(bytes.byteLength),
          [INTEGRITY_HEADER]: integrity },
      }));
    },
    // Forget every kept file but these.
    async tidy(keys) {
      for (const other of await cache.keys()) {
        if (!keys.includes(other.url)) await cache.delete(other);
      }
    },
  };
}

// sw-template.js names it the same way, to delete an older build's files after an update.
function keptCacheName(key) {
  return `sk-python:${new URL(".", key).pathname}`;
}

// When a runtime file is missing, blocked (a proxy, an aborted download) or damaged,
// Emscripten can stall instead of failing: the compressed files are decoded and checked
// here too (the same work Pyodide's requests wait for), the glue asked for with HEAD, and a
// failure reported at once.
async function preflight(indexURL, packed) {
  const glue = new URL("pyodide.asm.mjs", indexURL).href;
  await Promise.all([
    packed.check(),
    fetch(glue, { method: "HEAD", credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(`pyodide.asm.mjs: HTTP ${response.status}`);
    }),
  ]);
}

// The WebAssembly runtime and the standard library go out compressed with Zstandard, 0.9 MB
// less than gzip on a first visit (pyodide_assets.py); browsers decode only gzip and deflate
// by themselves. Pyodide fetches both with the global fetch, so until release() the worker
// answers those two addresses itself: the .zst file, fetched and decoded once (zstddec, the
// reference decoder in WebAssembly) and checked against the decoded file's integrity value.
// The check also catches a failed decoding, which zstddec does not report.
function compressedFiles(indexURL, { wasm, stdlib, stdlibIntegrity, zstd, cache }, keeping) {
  const original = self.fetch.bind(self);
  // Decoded address → the compressed file on the server.
  const files = new Map([[new URL(WASM, indexURL).href,
    { url: new URL(`${WASM}.zst`, indexURL).href, integrity: wasm, type: "application/wasm" }]]);
  const decodedStdlib = stdlib.replace(/\.zst$/, "");
  if (stdlib) files.set(decodedStdlib, { url: stdlib, integrity: stdlibIntegrity, type: "application/zip" });
  let decoder = null;
  const decoding = new Map(); // address → promise of { bytes, kept }
  const arrived = new Map(); // url → [bytes so far, length or 0]
  let told = -Infinity; // the first piece is news too
  const tell = (url, bytes, length) => {
    arrived.set(url, [bytes, length]);
    const parts = [...arrived.values()];
    const sum = (i) => parts.reduce((total, part) => total + part[i], 0);
    const total = parts.every(([got, expected]) => expected && got <= expected) ? sum(1) : 0;
    if (performance.now() - told < 1000 && !(total && sum(0) === total)) return;
    told = performance.now();
    self.postMessage({ type: "progress", bytes: sum(0), total });
  };
  const decoded = (address) => {
    if (!decoding.has(address)) decoding.set(address, load(address));
    return decoding.get(address);
  };
  async function load(address) {
    const file = files.get(address);
    const store = await keeping;
    if (store && cache === "reload") {
      await store.forget(address); // after a failure ("Försök igen") no kept copy is trusted
    } else if (store) {
      const kept = await store.read(address, file.integrity);
      if (kept) return { bytes: kept, kept: true };
    }
    return { bytes: await decode(file), kept: false };
  }
  // zstddec keeps its WebAssembly memory (about 13 MB once the runtime is decoded) for the
  // worker's life: only on a visit that decodes, not on one that starts from the kept files.
  async function decode({ url, integrity }) {
    decoder = decoder || import(zstd).then(async ({ ZSTDDecoder }) => {
      const made = new ZSTDDecoder();
      await made.init();
      return made;
    });
    arrived.set(url, [0, 0]); // all that arrives now is counted, not the first file alone
    const response = await original(url, { credentials: "same-origin", cache });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const packed = await arriving(response, (bytes, length) => tell(url, bytes, length));
    const bytes = (await decoder).decode(packed);
    if (!bytes.byteLength) throw new Error(`${url}: could not be decoded`);
    if (integrity && (await sri(bytes)) !== integrity) throw new Error(`${url}: not the file of this build`);
    return bytes;
  }
  self.fetch = (input, init) => {
    const address = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const file = files.get(address);
    if (!file) return original(input, init);
    return decoded(address).then(({ bytes }) => new Response(bytes, { headers: { "content-type": file.type } }));
  };
  return {
    stdlib: decodedStdlib,
    addresses: [...files.keys()],
    check: () => Promise.all([...files.keys()].map(decoded)),
    // Answer no more requests; returns [address, bytes, integrity] of the files decoded now
    // (not read from the kept ones), for keeping.
    release() {
      self.fetch = original;
      const fresh = Promise.all([...decoding].map(async ([address, done]) => [address, await done]));
      decoding.clear();
      return fresh.then((all) => all.filter(([, { kept }]) => !kept)
        .map(([address, { bytes }]) => [address, bytes, files.get(address).integrity]));
    },
  };
}

// A response's body, read as it arrives: onPiece(bytes so far, its length or 0) after each
// piece. While a large file is still coming (3 MB take half a minute at 1 Mbit/s), the page
// is told how far it has come (tell, above), and its watchdog does not take a slow download
// for a stalled one.
async function arriving(response, onPiece) {
  const reader = response.body.getReader();
  const length = Number(response.headers.get("content-length")) || 0;
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
    onPiece(size, length);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

// Replace the HTTP cache's copy of a file (a failure here shows when it is used).
async function renew(url) {
  try {
    await (await fetch(url, { credentials: "same-origin", cache: "reload" })).arrayBuffer();
  } catch {
    // offline or blocked: the start fails and says so
  }
}

async function sri(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", bytes));
  let text = "";
  for (const byte of digest) text += String.fromCharCode(byte);
  return `sha384-${btoa(text)}`;
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
      if (startedFromSnapshot && keeper) keeper.forget(startedFromSnapshot);
      status("fel", "Beräkningen stannade. Välj Försök igen för att starta om den. Inget av det du skrivit är förlorat.");
    }
  }
};
