// Reading saved checklist answers: shape checks and the form's limits (sk-verktyg/saved-state.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyLimits, parseSaved } from "../../overrides/assets/javascripts/sk-verktyg/saved-state.mjs";

const T = "2026-11-26T09:00:00.000Z";
const state = (extra = {}) => ({ format: "sysselsattningskrav-verktyg", schema: 2, verktyg: "kommunikationsplan", uppdaterad: T, svar: {}, rader: {}, ...extra });
// The limits a form carries (checklist-form.mjs reads them from data attributes).
const limits = {
  rowIdOk: (table, id) => table === "malgrupper" && (id === "leverantorer" || (/^n-[a-z0-9-]+$/.test(id) && id.length <= 20)),
  maxRows: () => 3,
  maxDeleted: () => 2,
  maxText: (item, table, field) => (field === "kort" ? 5 : 100),
};

test("what cannot be used at all, with the reason", () => {
  assert.deepEqual(parseSaved("{", "kommunikationsplan"), { fel: "inte giltig JSON" });
  assert.deepEqual(parseSaved("[]", "kommunikationsplan"), { fel: "fel form" });
  assert.deepEqual(parseSaved(JSON.stringify(state()), "uppfoljning"), { fel: "fel verktyg" });
  assert.deepEqual(parseSaved(JSON.stringify(state({ schema: 1 })), "kommunikationsplan"), { fel: "okänd version (1)" });
  assert.deepEqual(parseSaved(JSON.stringify(state({ schema: "x".repeat(500) })), "kommunikationsplan"), { fel: `okänd version (${"x".repeat(11)}…)` });
  assert.deepEqual(parseSaved(JSON.stringify(state({ svar: [] })), "kommunikationsplan"), { fel: "fel form" });
  assert.deepEqual(parseSaved(JSON.stringify(state({ svar: { a: "ja" } })), "kommunikationsplan"), { fel: "fel form på ett svar" });
  assert.deepEqual(parseSaved(JSON.stringify(state({ rader: { malgrupper: [{ id: 5 }] } })), "kommunikationsplan"), { fel: "fel form på en rad" });
  assert.deepEqual(parseSaved(JSON.stringify(state({ rader: { malgrupper: {} } })), "kommunikationsplan"), { fel: "fel form på en rad" });
});

test("a valid state comes back whole, with the format set", () => {
  const saved = state({ format: undefined, svar: { syfte: { varde: "ja", andrad: T } }, rader: { malgrupper: [{ id: "n-a", andrad: T }] } });
  const parsed = parseSaved(JSON.stringify(saved), "kommunikationsplan", limits);
  assert.deepEqual(parsed.problem, []);
  assert.deepEqual(parsed.tillstand, { ...saved, format: "sysselsattningskrav-verktyg" });
  assert.deepEqual(parseSaved(JSON.stringify(saved), "kommunikationsplan").problem, []); // no limits: nothing checked
});

test("hostile row ids, long texts and too many rows are left out and named", () => {
  const rows = [
    { id: "<img src=x onerror=alert(1)>", andrad: T },
    { id: "n-" + "a".repeat(40), andrad: T },
    { id: "n-lang", kort: "sexsex", andrad: T },
    { id: "leverantorer", andrad: T },
    { id: "n-a", andrad: T },
    { id: "n-b", andrad: T },
    { id: "n-c", andrad: T },
    { id: "n-d", borttagen: true, andrad: T },
  ];
  const parsed = parseSaved(JSON.stringify(state({ svar: { syfte: { kort: "sexsex", andrad: T }, ok: { kort: "fem", andrad: T } }, rader: { malgrupper: rows, okand: [{ id: "n-a", andrad: T }] } })), "kommunikationsplan", limits);
  assert.deepEqual(Object.keys(parsed.tillstand.svar), ["ok"]);
  assert.deepEqual(parsed.tillstand.rader.malgrupper.map((r) => r.id), ["leverantorer", "n-a", "n-b", "n-d"]);
  assert.deepEqual(parsed.tillstand.rader.okand, []);
  assert.deepEqual(parsed.problem, [
    "Ett sparat svar är längre än vad fältet rymmer och används inte.",
    "2 sparade rader har ett ogiltigt id och används inte.",
    "En sparad rad har en text som är längre än vad fältet rymmer och används inte.",
    "Tabellen har fler än 3 rader; de 1 sista används inte.",
    "En sparad rad har ett ogiltigt id och används inte.",
  ]);
});

test("deleted-row markers do not count as rows and are pruned to the newest", () => {
  const value = state({ rader: { malgrupper: [
    { id: "n-1", borttagen: true, andrad: "2026-11-26T09:01:00.000Z" },
    { id: "n-2", borttagen: true, andrad: "2026-11-26T09:02:00.000Z" },
    { id: "n-3", borttagen: true, andrad: "2026-11-26T09:03:00.000Z" },
    { id: "n-a", andrad: T }, { id: "n-b", andrad: T }, { id: "n-c", andrad: T },
  ] } });
  assert.deepEqual(applyLimits(value, limits), []);
  assert.deepEqual(value.rader.malgrupper.map((r) => r.id), ["n-2", "n-3", "n-a", "n-b", "n-c"]);
});

test("large counts are written the Swedish way", () => {
  const many = Array.from({ length: 1500 }, (_, i) => ({ id: `n-${i}`, andrad: T }));
  const problem = applyLimits(state({ rader: { malgrupper: many } }), { ...limits, maxRows: () => 1000 });
  assert.deepEqual(problem, ["Tabellen har fler än 1\u00a0000 rader; de 500 sista används inte."]);
});
