// What the calculator reads back from storage, its settings from data attributes, and the
// message helpers (sk-verktyg/calculator-store.mjs, text.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanName, comparisonRefusal, keptName, readCurrent, readSaved, settingsOf } from "../../overrides/assets/javascripts/sk-verktyg/calculator-store.mjs";
import { engineStatusText, joinSv, messageText, shortText, stamp } from "../../overrides/assets/javascripts/sk-verktyg/text.mjs";

const names = new Set(["antal_personer", "bruttolon"]);

test("the current calculation: only the form's own text fields", () => {
  assert.equal(readCurrent(null, names), null);
  assert.equal(readCurrent("{nope", names), null);
  assert.equal(readCurrent(JSON.stringify({ falt: { okand: "1", antal_personer: 5 } }), names), null);
  assert.deepEqual(readCurrent(JSON.stringify({ falt: { antal_personer: "5", okand: "x", bruttolon: 1 } }), names), { falt: { antal_personer: "5" } });
});

test("saved scenarios: broken entries are counted, names trimmed and cut", () => {
  const deep = JSON.parse('{"a":'.repeat(20) + "1" + "}".repeat(20));
  const raw = JSON.stringify([
    { namn: "  A  ", scenario: { version: 1 } },
    { namn: "B", scenario: null, falt: { antal_personer: "x" } },
    { namn: "", scenario: { version: 1 } },
    { namn: "C", scenario: deep },
    "text",
    { namn: "D".repeat(300), scenario: { version: 1 } },
  ]);
  const { list, broken } = readSaved(raw, names);
  assert.deepEqual(list.map((i) => i.namn), ["A", "B", "D".repeat(200)]);
  assert.deepEqual(list[1], { namn: "B", scenario: null, falt: { antal_personer: "x" } });
  assert.equal(broken, 3);
  assert.deepEqual(readSaved(null, names), { list: [], broken: 0 });
  assert.deepEqual(readSaved("{}", names), { list: [], broken: 1 });
  assert.deepEqual(readSaved("{nope", names), { list: [], broken: 1 });
});

test("settings from the root's data attributes; missing ones are left to Python", () => {
  assert.deepEqual(settingsOf({ skJamforMin: "2", skJamforMax: "3", skOsakerhetDragningar: "2000", skOsakerhetFro: "1" }),
    { jamforMin: 2, jamforMax: 3, osakerhet: { dragningar: 2000, fro: 1 } });
  assert.deepEqual(settingsOf({}), { jamforMin: null, jamforMax: null, osakerhet: {} });
  assert.deepEqual(settingsOf({ skJamforMin: "två", skOsakerhetDragningar: "-5" }), { jamforMin: null, jamforMax: null, osakerhet: {} });
});

test("the comparison's refusal is worded from the limits", () => {
  assert.equal(comparisonRefusal(1, 2, 3), "Välj två eller tre sparade scenarier att jämföra.");
  assert.equal(comparisonRefusal(4, 2, 3), "Välj två eller tre sparade scenarier att jämföra.");
  assert.equal(comparisonRefusal(2, 2, 3), null);
  assert.equal(comparisonRefusal(1, 2, 5), "Välj två till fem sparade scenarier att jämföra.");
  assert.equal(comparisonRefusal(9, null, null), null); // no limits rendered: Python checks
});

test("the name for the user's own calculation is not taken", () => {
  const when = "2026-11-26 kl. 09.00";
  assert.equal(keptName(new Set(), when), `Min beräkning före länken ${when}`);
  assert.equal(keptName(new Set(), when, "återställningen"), `Min beräkning före återställningen ${when}`);
  assert.equal(keptName(new Set([`Min beräkning före länken ${when}`, `Min beräkning före länken ${when} (2)`]), when), `Min beräkning före länken ${when} (3)`);
});

test("message helpers", () => {
  assert.equal(joinSv(["a"]), "a");
  assert.equal(joinSv(["a", "b", "c"]), "a, b och c");
  assert.equal(shortText("x".repeat(50)), "x".repeat(39) + "…");
  assert.equal(stamp(new Date(2025, 4, 3, 14, 5)), "2025-05-03 kl. 14.05");
  assert.equal(messageText({ ok: false, fel: [{ meddelande: "A." }, { meddelande: "B." }] }), "A. B.");
  assert.equal(messageText({ ok: false }), "Okänt fel.");
  assert.equal(engineStatusText("redo", "", "Sammanfattningen"), "Sammanfattningen följer nu dina svar.");
  assert.match(engineStatusText("fel", "Trasig.", "Sammanfattningen"), /^Trasig\. Sammanfattningen kan inte/);
});

test("scenario names lose their bidirectional control characters (invisible, they reorder the text)", () => {
  const controls = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
  controls.forEach((c) => assert.equal(cleanName(`abc${c}TXT.exe`), "abcTXT.exe"));
  assert.equal(cleanName("  Praktik \u202e "), "Praktik");
  assert.equal(cleanName("مرحبا Malmö"), "مرحبا Malmö", "right-to-left letters themselves are kept");
  assert.equal(cleanName("x".repeat(300)).length, 200);
  const { list } = readSaved(JSON.stringify([{ namn: "abc\u202eTXT.exe", scenario: { version: 1 } }]), names);
  assert.equal(list[0].namn, "abcTXT.exe", "names saved before are cleaned when read");
});

test("the engine's state is said in plain words, without the word 'beräkningsmotorn'", () => {
  const loading = engineStatusText("laddar", "", "Sammanfattningen");
  assert.equal(loading, "Beräkningen förbereds. Sammanfattningen visas så snart beräkningen är klar att använda. Dina svar sparas redan.");
  const arriving = "Beräkningen hämtas till webbläsaren (3,4 MB, bara första gången).";
  assert.ok(engineStatusText("laddar", arriving, "Sammanfattningen").startsWith(`${arriving} Sammanfattningen visas`));
  assert.doesNotMatch(loading + engineStatusText("fel", "", "X"), /motor/i);
  // The document gathers the other tools' answers and takes none of its own while it loads.
  assert.equal(engineStatusText("laddar", "", "Dokumentet", { takesAnswers: false }),
    "Beräkningen förbereds. Dokumentet visas så snart beräkningen är klar att använda.");
  assert.match(engineStatusText("fel", "", "Sammanfattningen", { later: "Sedan exporterna." }), /sparas ändå\. Sedan exporterna\.$/);
});
