// The checklist merge (the site's one home for it, sk-verktyg/merge.mjs) against the shared
// cases in tests/cases/merge.json, and its laws: commutative, associative, idempotent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  clearStamp, emptyState, latest, merge, newer, pruneTombstones, replacement, signature, stampAfter, time,
} from "../../overrides/assets/javascripts/sk-verktyg/merge.mjs";

const cases = JSON.parse(readFileSync(new URL("../cases/merge.json", import.meta.url), "utf8"));
const byId = (x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
// Row order carries no meaning (the form shows pre-filled rows first, then added rows by id).
const normal = (s) => ({ ...s, rader: Object.fromEntries(Object.entries(s.rader).map(([t, rows]) => [t, [...rows].sort(byId)])) });
const copy = (v) => JSON.parse(JSON.stringify(v));
const limitsOf = (c) => (table) => (c.max_borttagna || {})[table] || 0;

for (const c of cases.fall) {
  test(c.namn, () => {
    const a = copy(c.a);
    const b = copy(c.b);
    assert.deepEqual(normal(merge(a, b, limitsOf(c))), normal(c.vantat));
    assert.deepEqual(normal(merge(b, a, limitsOf(c))), normal(c.vantat), "the order of the tabs does not matter");
    const once = merge(a, b, limitsOf(c));
    assert.deepEqual(normal(merge(once, once, limitsOf(c))), normal(once), "merging again changes nothing");
    assert.deepEqual(a, c.a, "the inputs are not changed");
    assert.deepEqual(b, c.b, "the inputs are not changed");
  });
}

// A small seeded generator: many random states of one tool, as in the Python property test
// this replaces.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const TIMES = ["2026-11-26T09:00:00.000Z", "2026-11-26T09:05:00.000Z", "2026-11-26T09:10:00.000Z"];
function randomState(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const state = emptyState("kommunikationsplan");
  ["syfte", "malgrupp", "spindel", "roller"].forEach((id) => {
    if (rnd() < 0.6) state.svar[id] = { varde: pick(["ja", "delvis", "nej", "vet-ej", null]), andrad: pick(TIMES), ...(rnd() < 0.3 ? { ansvarig: pick(["Anna", "Bo", "<b>x</b>"]) } : {}) };
  });
  const rows = [];
  ["n-a", "n-b", "n-c", "n-d", "leverantorer"].forEach((id) => {
    if (rnd() < 0.5) rows.push(rnd() < 0.3 && id !== "leverantorer" ? { id, borttagen: true, andrad: pick(TIMES) } : { id, budskap: pick(["x", "y"]), andrad: pick(TIMES) });
  });
  if (rows.length) state.rader.malgrupper = rows;
  if (rnd() < 0.3) state.rensad = pick(TIMES);
  state.uppdaterad = pick(TIMES);
  return state;
}

test("merge is commutative, associative and idempotent (300 random triples)", () => {
  const rnd = random(1);
  for (let n = 0; n < 300; n += 1) {
    const [a, b, c] = [randomState(rnd), randomState(rnd), randomState(rnd)];
    const ab = merge(a, b);
    assert.deepEqual(normal(ab), normal(merge(b, a)));
    assert.deepEqual(normal(merge(ab, c)), normal(merge(a, merge(b, c))));
    assert.deepEqual(normal(merge(ab, ab)), normal(ab));
  }
});

// Pruning deleted-row markers gives up associativity on purpose (a marker pruned in one
// merge no longer hides an older copy of the row in a third tab); it keeps the rest.
test("with pruning, merge stays commutative and idempotent (300 random pairs)", () => {
  const rnd = random(2);
  const most = () => 2;
  for (let n = 0; n < 300; n += 1) {
    const [a, b] = [randomState(rnd), randomState(rnd)];
    const ab = merge(a, b, most);
    assert.deepEqual(normal(ab), normal(merge(b, a, most)));
    assert.deepEqual(normal(merge(ab, ab, most)), normal(ab));
    assert.ok((ab.rader.malgrupper || []).filter((r) => r.borttagen).length <= 2);
  }
});

test("time, newer and latest", () => {
  assert.equal(time("nonsense"), 0);
  assert.equal(time(null), 0);
  assert.equal(time("1970-01-01T00:00:01.000Z"), 1000);
  const x = { andrad: TIMES[0] };
  const y = { andrad: TIMES[1] };
  assert.equal(newer(x, y), y);
  assert.equal(newer(undefined, x), x);
  assert.equal(latest(null, TIMES[2], undefined, TIMES[0]), TIMES[2]);
  assert.equal(latest(), null);
});

test("pruneTombstones keeps the newest, live rows and the order untouched", () => {
  const rows = [
    { id: "n-1", borttagen: true, andrad: TIMES[2] },
    { id: "n-live", andrad: TIMES[0] },
    { id: "n-2", borttagen: true, andrad: TIMES[0] },
    { id: "n-3", borttagen: true, andrad: TIMES[1] },
  ];
  assert.deepEqual(pruneTombstones(rows, 2).map((r) => r.id), ["n-1", "n-live", "n-3"]);
  assert.equal(pruneTombstones(rows, 0), rows);
  assert.equal(pruneTombstones(rows, 3), rows);
});

test("signature: the same ids and times give the same signature, in any order", () => {
  const a = { svar: { x: { andrad: TIMES[0], varde: "ja" } }, rader: { t: [{ id: "n-a", andrad: TIMES[1] }, { id: "n-b", andrad: TIMES[1], borttagen: true }] } };
  const b = { svar: { x: { andrad: TIMES[0], varde: "nej" } }, rader: { t: [{ id: "n-b", andrad: TIMES[1], borttagen: true }, { id: "n-a", andrad: TIMES[1] }] } };
  assert.equal(signature(a), signature(b));
  assert.notEqual(signature(a), signature({ ...a, rensad: TIMES[2] }));
});

test("replacement: the old answers win a merge with the state they replace, in another tab too", () => {
  const current = { ...emptyState("beslutsunderlag"), rensad: TIMES[0], svar: { syfte: { varde: "nej", andrad: TIMES[1] } } };
  const old = { svar: { syfte: { varde: "ja", andrad: TIMES[0] } }, rader: { t: [{ id: "n-a", andrad: TIMES[0] }] } };
  const next = replacement("beslutsunderlag", current, old, Date.parse(TIMES[2]));
  assert.ok(time(next.rensad) > time(current.rensad));
  assert.ok(time(next.svar.syfte.andrad) > time(next.rensad));
  const merged = merge(current, next);
  assert.equal(merged.svar.syfte.varde, "ja");
  assert.deepEqual(merged.rader.t.map((r) => r.id), ["n-a"]);
  // A clock behind the saved "Börja om" (another tab's clock ran ahead) still replaces.
  const ahead = { ...current, rensad: "2999-01-01T00:00:00.000Z" };
  assert.ok(time(replacement("beslutsunderlag", ahead, old, Date.parse(TIMES[2])).rensad) > time(ahead.rensad));
});

// A clock that was once ahead left stamps in the future: a local change must still win.
const FUTURE = "2027-06-01T12:00:00.000Z";
const plus1 = (iso) => new Date(Date.parse(iso) + 1).toISOString();

test("stampAfter: now, but later than what is replaced and than the latest Börja om", () => {
  const clock = Date.parse(TIMES[0]);
  assert.equal(stampAfter(clock), TIMES[0]);
  assert.equal(stampAfter(clock, { andrad: FUTURE }), plus1(FUTURE));
  assert.equal(stampAfter(clock, null, FUTURE), plus1(FUTURE));
  assert.equal(stampAfter(clock, { andrad: "nonsense" }, null), TIMES[0]);
  assert.equal(stampAfter(Date.parse(TIMES[2]), { andrad: TIMES[1] }, TIMES[0]), TIMES[2]);
});

test("an edit stamped with stampAfter wins over a future-dated record and survives a future Börja om", () => {
  const clock = Date.parse(TIMES[0]);
  const saved = { ...emptyState("beslutsunderlag"), svar: { syfte: { kommentar: "gammal", andrad: FUTURE } } };
  const edited = copy(saved);
  edited.svar.syfte = { kommentar: "ny", andrad: stampAfter(clock, saved.svar.syfte, saved.rensad) };
  assert.equal(merge(saved, edited).svar.syfte.kommentar, "ny");
  assert.equal(merge(edited, saved).svar.syfte.kommentar, "ny");

  const cleared = { ...emptyState("beslutsunderlag"), rensad: FUTURE };
  const typed = copy(cleared);
  typed.svar.syfte = { kommentar: "efter", andrad: stampAfter(clock, undefined, cleared.rensad) };
  assert.equal(merge(cleared, typed).svar.syfte.kommentar, "efter");
});

test("clearStamp is later than every record it clears", () => {
  const clock = Date.parse(TIMES[0]);
  const state = {
    ...emptyState("kommunikationsplan"), rensad: TIMES[1],
    svar: { syfte: { varde: "ja", andrad: TIMES[2] } },
    rader: { malgrupper: [{ id: "n-a", andrad: FUTURE }, { id: "n-b", borttagen: true, andrad: TIMES[1] }] },
  };
  const stamp = clearStamp(state, clock);
  assert.equal(stamp, plus1(FUTURE));
  const after = merge(state, { ...emptyState("kommunikationsplan"), rensad: stamp });
  assert.deepEqual(after.svar, {});
  assert.deepEqual(after.rader, {});
  assert.equal(clearStamp(emptyState("kommunikationsplan"), clock), TIMES[0]);
});

test("replacement (Ångra) wins over future-dated records of the state it replaces", () => {
  const current = { ...emptyState("beslutsunderlag"), svar: { syfte: { varde: "nej", andrad: FUTURE } } };
  const old = { svar: { syfte: { varde: "ja", andrad: TIMES[0] } }, rader: {} };
  const next = replacement("beslutsunderlag", current, old, Date.parse(TIMES[2]));
  assert.equal(merge(current, next).svar.syfte.varde, "ja");
  assert.equal(merge(next, current).svar.syfte.varde, "ja");
});
