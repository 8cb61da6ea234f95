// The site's service worker (issue 13): after one visit every page, and every tool once it
// has run, works without the network. overrides/hooks/offline.py writes sw.js at build time:
// BUILD, PRECACHE and LAZY above this code, then this file.
//
// One build, one cache. The cache is named after the build's hash over all its files, and this
// worker answers only from its own cache, so a page of one build never gets a file of another:
//
// - install: fill the new cache completely (in the background; the page in use is still
//   served by the old worker from the old cache). Each file is checked against its hash, so a
//   server or proxy that still has an old copy fails the install instead of mixing builds;
//   the browser tries again at the next visit. Files whose hash did not change are copied
//   from the old cache rather than downloaded again.
// - the new worker then waits: the page shows "En ny version av webbplatsen finns" with a
//   button that sends "aktivera"; every tab of the site reloads when the new worker takes
//   over (sk-natverk.js). With no tab open it takes over at the next visit, as the browser
//   does by itself.
// - activate: delete the old builds' caches of this site (only this site's: all Pages sites
//   of a GitHub account share one origin, so the names carry the site's path), and what the
//   Python worker kept for an old build (sk-python-worker.mjs keeps its memory snapshot and
//   the decoded runtime in a cache named after the snapshot's folder; SNAPSHOT names this
//   build's). The decoded runtime files stay if this build ships them too (a new build
//   seldom changes Pyodide), so its first start need not decode them again.
//
// Not claimed at first install (no clients.claim()): the page that registered us was loaded
// from the network and may belong to an older build than the one we just cached; it is
// served by us from its next load on.
//
// The runtime files (LAZY) are kept only once a page uses them; see offline.py for why.

const SCOPE = new URL("./", self.location).pathname;
const PREFIX = `sk-offline:${SCOPE}:`;
const CACHE = PREFIX + BUILD;
const MANIFEST_KEY = new URL("sk-offline-manifest.json", self.location).href;
const LAZY_FILES = Object.assign({}, ...Object.values(LAZY));
const inflight = new Map();

const absolute = (path) => new URL(path, self.location).href;

self.addEventListener("install", (event) => {
  // The site's files under assets/ are answered from this build's cache by the browser
  // itself, without running this worker's code (Chromium's static routing; elsewhere the
  // fetch handler below does the same): it cost a second visit about 0.2 s. GET only: the
  // Python worker's HEAD requests need the fetch handler. A file not in the cache (a runtime
  // file not yet kept, a source map) goes to the network. The Word library stays with the
  // fetch handler, which keeps it when a page first uses it; the pages ask us to keep the
  // Python runtime (sk-natverk.js).
  const routed = event.addRoutes ? event.addRoutes([
    { condition: { urlPattern: { pathname: `${SCOPE}assets/docx/*` } }, source: "fetch-event" },
    { condition: { requestMethod: "GET", urlPattern: { pathname: `${SCOPE}assets/*` } }, source: { cacheName: CACHE } },
  ]).catch(() => {}) : null;
  event.waitUntil(Promise.all([install(), routed]));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    if (SNAPSHOT) {
      const current = absolute(SNAPSHOT);
      const name = `sk-python:${new URL(".", current).pathname}`;
      // A decoded runtime file stays if this build ships it (compressed, under the same
      // address plus .zst); the Python worker checks it against its pages before use.
      const shipped = new Set(Object.keys(LAZY_FILES).filter((path) => path.endsWith(".zst"))
        .map((path) => absolute(path.slice(0, -".zst".length))));
      if (await caches.has(name)) {
        const kept = await caches.open(name);
        for (const request of await kept.keys()) {
          if (request.url !== current && !shipped.has(request.url)) await kept.delete(request);
        }
      }
    }
  })());
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "aktivera") {
    self.skipWaiting();
  } else if (message.type === "behall" && Object.hasOwn(LAZY, message.grupp)) {
    // A page used the runtime before we controlled it: keep the group now.
    event.waitUntil(keepGroup(message.grupp));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // HEAD too: the Python worker asks for the runtime's glue with HEAD to fail fast.
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  let path = url.pathname.slice(SCOPE.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (Object.hasOwn(PRECACHE, path)) {
    event.respondWith(fromCache(path, request).then((r) => headOnly(r, request)));
  } else if (Object.hasOwn(LAZY_FILES, path)) {
    event.respondWith(lazy(path, request, event).then((r) => headOnly(r, request)));
  } else if (request.mode === "navigate") {
    // A page this build does not have: the network, or offline the site's own 404 page.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE)
      .then((cache) => cache.match(absolute("404.html")))
      .then((page) => page || Response.error())));
  }
  // Anything else (sw.js itself, the sitemap) goes to the network as without a worker.
});

function headOnly(response, request) {
  if (request.method !== "HEAD") return response;
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function fromCache(path, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(absolute(path));
  // Only if the cache was removed under us (the user cleared it): the network, as before.
  return hit || fetch(request);
}

// A runtime file: from the cache, or fetched once (two requests at the same time share one
// download), checked and kept; a file that does not match this build is not kept. Without
// static routing (Firefox, Safari) the Python worker's requests come here: it gets the file as
// it arrives, so that it can tell the page how far a slow download has come (3.4 MB take half
// a minute on a slow mobile link), while a copy is checked and kept in the background. The
// worker checks what it decodes itself.
async function lazy(path, request, event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(absolute(path));
  if (hit) return hit;
  if (request.method === "HEAD" || request.headers.get("range")) return fetch(request);
  if (inflight.has(path)) return (await inflight.get(path)).clone();
  const split = download(path, request.cache === "reload").then((response) => {
    if (!response.ok || !response.body) return [response, response.clone()];
    const [toPage, toKeep] = response.body.tee();
    return [new Response(toPage, { status: 200, headers: kept(response.headers) }), new Response(toKeep, { headers: response.headers })];
  });
  event.waitUntil(keep(cache, path, LAZY_FILES[path], split.then(([, copy]) => copy)).catch(() => {}));
  return (await split)[0];
}

// arriving: the file's download, already under way (lazy).
function keep(cache, path, hash, arriving = null) {
  if (!inflight.has(path)) {
    const done = (arriving || download(path)).then((response) => checked(response, path, hash))
      .then(async (response) => {
        await cache.put(absolute(path), response.clone());
        return response;
      })
      .finally(() => inflight.delete(path));
    inflight.set(path, done);
  }
  return inflight.get(path);
}

async function keepGroup(group) {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(LAZY[group]).map(async ([path, hash]) => {
    if (!(await cache.match(absolute(path)))) await keep(cache, path, hash);
  }));
}

// A file of this build, revalidated with the server (a 304 costs nothing); reload: after the
// page's "Försök igen", not the HTTP cache's copy, which may be a damaged one.
function download(path, reload = false) {
  return fetch(absolute(path), { cache: reload ? "reload" : "no-cache", credentials: "same-origin" });
}

// The response's file, refused unless its SHA-256 matches the build's list.
async function checked(response, path, hash) {
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const hex = Array.from(digest.subarray(0, hash.length / 2), (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== hash) throw new Error(`${path}: not the file of this build`);
  return new Response(body, { status: 200, headers: kept(response.headers) });
}

// The headers worth keeping with a file. The body is decoded already: a content-encoding or a
// compressed length would misdescribe it.
function kept(from) {
  const headers = new Headers();
  ["content-type", "last-modified", "etag"].forEach((name) => {
    const value = from.get(name);
    if (value) headers.set(name, value);
  });
  if (!from.get("content-encoding") && from.get("content-length")) headers.set("content-length", from.get("content-length"));
  return headers;
}

// The old builds' caches of this site, with the file lists they were filled from.
async function previousCaches() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  const found = [];
  for (const name of names) {
    const cache = await caches.open(name);
    const listed = await cache.match(MANIFEST_KEY);
    if (!listed) continue;
    const { precache, lazy } = await listed.json();
    found.push({ cache, lazy, files: Object.assign({}, precache, ...Object.values(lazy)) });
  }
  return found;
}

// Whether an old cache holds any file of a group (this browser used a tool, or made a Word file).
async function hadGroup(previous, group) {
  for (const old of previous) {
    for (const path of Object.keys(old.lazy[group] || {})) {
      if (await old.cache.match(absolute(path))) return true;
    }
  }
  return false;
}

async function install() {
  const cache = await caches.open(CACHE);
  const previous = await previousCaches();
  const copyOrFetch = async (path, hash) => {
    if (await cache.match(absolute(path))) return; // an earlier, interrupted install kept it
    for (const old of previous) {
      const copy = old.files[path] === hash && (await old.cache.match(absolute(path)));
      if (copy) return cache.put(absolute(path), copy);
    }
    await cache.put(absolute(path), await checked(await download(path), path, hash));
  };
  await Promise.all(Object.entries(PRECACHE).map(([path, hash]) => copyOrFetch(path, hash)));
  // A group the old build had comes along, so that the tools keep working offline after the
  // update: only for a browser that has used them, never for a guidance-only visitor.
  for (const group of Object.keys(LAZY)) {
    if (await hadGroup(previous, group)) {
      await Promise.all(Object.entries(LAZY[group]).map(([path, hash]) => copyOrFetch(path, hash)));
    }
  }
  const listed = JSON.stringify({ precache: PRECACHE, lazy: LAZY });
  await cache.put(MANIFEST_KEY, new Response(listed, { headers: { "content-type": "application/json" } }));
}
