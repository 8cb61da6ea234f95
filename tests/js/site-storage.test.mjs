// window.skPython.lagring, this site's localStorage keys (sk-python.js, a classic script
// loaded on every page), run in a bare context with a fake page: no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const source = readFileSync(new URL("../../overrides/assets/javascripts/sk-python.js", import.meta.url), "utf8");

function fakeStorage({ full = false, blocked = false } = {}) {
  const data = new Map();
  return {
    data,
    getItem(k) { if (blocked) throw new Error("SecurityError"); return data.has(k) ? data.get(k) : null; },
    setItem(k, v) { if (blocked || full) throw new Error("QuotaExceededError"); data.set(k, String(v)); },
    removeItem(k) { if (blocked) throw new Error("SecurityError"); data.delete(k); },
  };
}

// sk-python.js on a page of a site served under `base` (e.g. "/repo/"), with no tool on it.
function load(base, storage) {
  const document = {
    currentScript: { src: `https://owner.github.io${base}assets/javascripts/sk-python.js` },
    readyState: "complete",
    baseURI: `https://owner.github.io${base}besluta/`,
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener: () => {},
  };
  const window = { localStorage: storage };
  // No idle time here: the warm-up (a tool's Python started on a guidance page) never runs.
  vm.runInNewContext(source, { window, document, URL, console, setTimeout: () => 0 });
  return window.skPython.lagring;
}

test("keys carry the site's path, so sites of one owner do not mix", () => {
  assert.equal(load("/repo/", fakeStorage()).nyckel("sysselsattningskrav:uppfoljning"), "/repo/sysselsattningskrav:uppfoljning");
  assert.equal(load("/", fakeStorage()).nyckel("sk-berakning:aktuellt"), "/sk-berakning:aktuellt");
});

test("save, read, remove; a bare key from earlier versions is read as a fallback", () => {
  const storage = fakeStorage();
  const store = load("/repo/", storage);
  assert.equal(store.hamta("x"), null);
  storage.data.set("x", "gammal");
  assert.equal(store.hamta("x"), "gammal");
  assert.equal(store.spara("x", "ny"), true);
  assert.equal(storage.data.get("/repo/x"), "ny");
  assert.equal(store.hamta("x"), "ny");
  store.ta_bort("x");
  assert.equal(storage.data.has("/repo/x"), false);
});

test("full or blocked storage never throws", () => {
  const full = load("/", fakeStorage({ full: true }));
  assert.equal(full.spara("x", "y"), false);
  const blocked = load("/", fakeStorage({ blocked: true }));
  assert.equal(blocked.hamta("x"), null);
  assert.equal(blocked.spara("x", "y"), false);
  assert.doesNotThrow(() => blocked.ta_bort("x"));
});
