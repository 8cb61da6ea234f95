// The JSON export's file name (sk-verktyg/calculator-files.mjs): the saved scenario's name
// as safe characters, or "egen", and the local date.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileName, savedNameFor, slug } from "../../overrides/assets/javascripts/sk-verktyg/calculator-files.mjs";

const day = new Date(2025, 4, 3, 23, 59); // 3 May 2025, local time

test("a name becomes a-z, 0-9 and dashes", () => {
  assert.equal(slug("Praktik, vår 2025"), "praktik-var-2025");
  assert.equal(slug("Åre – Östersund"), "are-ostersund");
  assert.equal(slug("  ../../etc/passwd  "), "etc-passwd");
  assert.equal(slug('a<b>"c"\\d:e|f?g*h'), "a-b-c-d-e-f-g-h");
  assert.equal(slug("abc\u202eTXT.exe"), "abc-txt-exe");
  assert.equal(slug("שלום"), "");
  assert.equal(slug("Ærø Straße"), "aero-strasse");
  assert.equal(slug("x".repeat(200)).length, 40);
  assert.equal(slug("abc ".repeat(20)), "abc-".repeat(10).slice(0, -1)); // no dash left at the end after cutting
});

test("the file name: berakning-<name or egen>-<date>.<extension>", () => {
  assert.equal(fileName("Praktik, vår 2025", "json", day), "berakning-praktik-var-2025-2025-05-03.json");
  assert.equal(fileName("", "json", day), "berakning-egen-2025-05-03.json");
  assert.equal(fileName(null, "json", day), "berakning-egen-2025-05-03.json");
  assert.equal(fileName("שלום", "json", day), "berakning-egen-2025-05-03.json");
  assert.equal(fileName("x", "csv", new Date(2026, 11, 31)), "berakning-x-2026-12-31.csv");
  for (const name of ["a/b\\c", "..", "con", "x".repeat(300), "\u0000\n"]) {
    assert.match(fileName(name, "json", day), /^berakning-[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}\.json$/);
  }
});

test("the name is the saved scenario's that the form shows, whatever its keys' order", () => {
  const a = { version: 2, antal_personer: 3, anstallningsstod: { typ: "lonebidrag", andel: 0.8 } };
  const b = { version: 2, antal_personer: 4 };
  const saved = [
    { namn: "Tre", scenario: { anstallningsstod: { andel: 0.8, typ: "lonebidrag" }, antal_personer: 3, version: 2 } },
    { namn: "Ogiltig", scenario: null, falt: { antal_personer: "x" } },
    { namn: "Fyra", scenario: b },
    { namn: "Fyra igen", scenario: { ...b } },
  ];
  assert.equal(savedNameFor(a, saved), "Tre");
  assert.equal(savedNameFor(b, saved), "Fyra igen"); // the last saved of two alike
  assert.equal(savedNameFor({ version: 2, antal_personer: 5 }, saved), "");
  assert.equal(savedNameFor(a, []), "");
});
