// One file with everything (sk-verktyg/bundle.mjs): build, read as hostile text, merge, and
// say what changed. The rules are the ones the document page carries, from Python
// (calculators/checklists/bundle_page.py), so a test cannot drift from the tools.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import {
  FORMAT, buildBundle, contentsText, fileName, fromFileName, limitsOf, mergeBundle, parseBundle, readStored, serialize,
} from "../../overrides/assets/javascripts/sk-verktyg/bundle.mjs";
import { CURRENT_KEY, SAVED_KEY } from "../../overrides/assets/javascripts/sk-verktyg/calculator-store.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const PYTHON = existsSync(`${ROOT}.venv/bin/python`) ? `${ROOT}.venv/bin/python` : "python3";
const run = spawnSync(PYTHON, ["-c", "import json; from calculators.checklists.bundle_page import bundle_rules; print(json.dumps(bundle_rules()))"], { cwd: ROOT, encoding: "utf8" });
assert.equal(run.status, 0, run.stderr);
const RULES = JSON.parse(run.stdout);
const HEADING = RULES.dokument.lagring;

const T1 = "2026-11-26T09:00:00.000Z";
const T2 = "2026-11-26T10:00:00.000Z";
const T3 = "2026-11-26T11:00:00.000Z";
const copy = (v) => JSON.parse(JSON.stringify(v));
const tool = (id, svar = {}, rader = {}, extra = {}) => ({ format: "sysselsattningskrav-verktyg", schema: 2, verktyg: id, uppdaterad: T1, svar, rader, ...extra });

// A browser's storage: {name: text}.
function storage(entries = {}) {
  const data = new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  const read = (name) => (data.has(name) ? data.get(name) : null);
  return { data, read };
}
// What the glue does after a merge: write every part that changed.
function write(store, result) {
  Object.entries(result.verktyg).forEach(([id, state]) => store.data.set(RULES.verktyg[id].lagring, JSON.stringify(state)));
  if (result.dokument) store.data.set(HEADING, JSON.stringify(result.dokument));
  if (result.sparade) store.data.set(SAVED_KEY, JSON.stringify(result.sparade));
  if (result.aktuellt) store.data.set(CURRENT_KEY, JSON.stringify(result.aktuellt));
}
const key = (id) => RULES.verktyg[id].lagring;
const SCENARIO = { version: 2, antal_personer: 3 };

function filled() {
  return storage({
    [key("beslutsunderlag")]: tool("beslutsunderlag", {
      "analys-mal": { varde: "Fler i arbete", andrad: T1 },
      syfte: { varde: "nej", ansvarig: "Anna", kommentar: "<img src=x onerror=alert(1)>", andrad: T1 },
    }),
    [key("kommunikationsplan")]: tool("kommunikationsplan", {}, {
      malgrupper: [
        { id: "leverantorer", budskap: "Leverantörsträff i mars", andrad: T1 },
        { id: "n-a1", malgrupp: "Skolor", andrad: T1 },
      ],
    }),
    [HEADING]: { version: 1, svar: { namnd: { varde: "Kommunstyrelsen", andrad: T1 }, diarienummer: { varde: "KS 2026/1", andrad: T1 } } },
    [CURRENT_KEY]: { falt: { antal_personer: "3" }, scenario: SCENARIO, aktuellt: true },
    [SAVED_KEY]: [{ namn: "Tre personer", scenario: SCENARIO }, { namn: "Fem", scenario: { ...SCENARIO, antal_personer: 5 } }],
  });
}

function openInto(store, text) {
  const parsed = parseBundle(text, RULES);
  assert.ok(parsed.samlat, parsed.fel);
  const result = mergeBundle(readStored(store.read, RULES), parsed.samlat, RULES);
  write(store, result);
  return { parsed, result };
}

test("the rules are Python's: limits as a form carries them", () => {
  const limits = limitsOf(RULES.verktyg.kommunikationsplan);
  assert.equal(limits.rowIdOk("malgrupper", "leverantorer"), true);
  assert.equal(limits.rowIdOk("malgrupper", "n-abc-1"), true);
  assert.equal(limits.rowIdOk("malgrupper", "<b>"), false);
  assert.equal(limits.rowIdOk("okand", "n-a"), false);
  assert.equal(limits.rowIdOk("__proto__", "n-a"), false);
  assert.equal(limits.maxRows("malgrupper"), 200);
  assert.equal(limits.maxText(null, "malgrupper", "budskap"), 20000);
  assert.equal(limits.maxText(null, "malgrupper", "riktning"), Infinity);
  assert.equal(limitsOf(RULES.verktyg.beslutsunderlag).maxText("constructor", null, "varde"), Infinity);
  assert.equal(fileName(new Date(2026, 0, 5, 23, 59)), "sysselsattningskrav-allt-2026-01-05.json");
});

test("round trip: build, text, read, merge into an empty browser gives the same", () => {
  const source = filled();
  const built = buildBundle(source.read, RULES, new Date(T3));
  assert.equal(built.tom, false);
  assert.deepEqual(built.problem, []);
  assert.equal(built.samlat.format, FORMAT);
  assert.equal(built.samlat.skapad, T3);
  assert.equal(contentsText(built.samlat, RULES), "svaren i Beslutsunderlag och Kommunikationsplan, dokumentets uppgifter, den aktuella beräkningen och 2 sparade beräkningar");

  const empty = storage();
  const { parsed, result } = openInto(empty, serialize(built.samlat));
  assert.deepEqual(parsed.problem, []);
  for (const id of ["beslutsunderlag", "kommunikationsplan"]) {
    assert.deepEqual(JSON.parse(empty.read(key(id))), JSON.parse(source.read(key(id))));
  }
  assert.equal(empty.read(key("genomforande")), null, "a tool the file does not carry is not written");
  for (const name of [HEADING, CURRENT_KEY, SAVED_KEY]) assert.deepEqual(JSON.parse(empty.read(name)), JSON.parse(source.read(name)), name);
  assert.equal(result.text,
    "Beslutsunderlag: 2 svar nya eller ändrade. Kommunikationsplan: 2 rader nya. Dokumentets uppgifter: 2 nya eller ändrade. " +
    "Sparade beräkningar: 2 nya. Aktuell beräkning: hämtad från filen.");

  // Opening the same file again changes nothing, and says so.
  const again = openInto(empty, serialize(built.samlat)).result;
  assert.equal(again.andrat, false);
  assert.equal(again.text, "Beslutsunderlag: oförändrad. Kommunikationsplan: oförändrad. Dokumentets uppgifter: oförändrade. Sparade beräkningar: oförändrade. Filen innehöll inget som inte redan fanns här.");
  assert.deepEqual(buildBundle(storage().read, RULES).tom, true);
});

test("two colleagues' files merge item by item: the newer wins, both sides' new rows stay, deletions hold", () => {
  const mine = filled();
  const theirs = storage({
    [key("beslutsunderlag")]: tool("beslutsunderlag", {
      "analys-mal": { varde: "Fler i arbete, snabbare", andrad: T2 }, // newer: wins
      syfte: { varde: "ja", andrad: "2026-11-26T08:00:00.000Z" }, // older: loses
      malgrupp: { varde: "delvis", andrad: T2 }, // new
    }),
    [key("kommunikationsplan")]: tool("kommunikationsplan", {}, {
      malgrupper: [
        { id: "leverantorer", budskap: "Leverantörsträff i april", andrad: T2 },
        { id: "n-a1", andrad: T2, borttagen: true }, // deleted there, later than my edit
        { id: "n-b2", malgrupp: "Bibliotek", andrad: T2 },
      ],
    }),
    [key("uppfoljning")]: tool("uppfoljning", {}, {}, { rensad: T2 }),
    [HEADING]: { version: 1, svar: { namnd: { varde: "Nämnden", andrad: "2026-11-26T08:00:00.000Z" }, handlaggare: { varde: "Bo", andrad: T2 } } },
    [CURRENT_KEY]: { falt: { antal_personer: "9" }, scenario: { ...SCENARIO, antal_personer: 9 }, aktuellt: true },
    [SAVED_KEY]: [{ namn: "Tre personer", scenario: SCENARIO }, { namn: "Fem", scenario: { ...SCENARIO, antal_personer: 6 } }, { namn: "Tio", scenario: SCENARIO }],
  });
  // I also added a row of my own that the colleague never saw.
  const plan = JSON.parse(mine.read(key("kommunikationsplan")));
  plan.rader.malgrupper.push({ id: "n-c3", malgrupp: "Vården", andrad: T3 });
  mine.data.set(key("kommunikationsplan"), JSON.stringify(plan));

  const { result } = openInto(mine, serialize(buildBundle(theirs.read, RULES).samlat));
  const b = JSON.parse(mine.read(key("beslutsunderlag")));
  assert.equal(b.svar["analys-mal"].varde, "Fler i arbete, snabbare");
  assert.equal(b.svar.syfte.varde, "nej");
  assert.equal(b.svar.syfte.kommentar, "<img src=x onerror=alert(1)>");
  assert.equal(b.svar.malgrupp.varde, "delvis");
  const rows = Object.fromEntries(JSON.parse(mine.read(key("kommunikationsplan"))).rader.malgrupper.map((r) => [r.id, r]));
  assert.equal(rows.leverantorer.budskap, "Leverantörsträff i april");
  assert.equal(rows["n-a1"].borttagen, true);
  assert.equal(rows["n-b2"].malgrupp, "Bibliotek");
  assert.equal(rows["n-c3"].malgrupp, "Vården");
  assert.equal(JSON.parse(mine.read(key("uppfoljning"))).rensad, T2);
  const heading = JSON.parse(mine.read(HEADING)).svar;
  assert.deepEqual([heading.namnd.varde, heading.diarienummer.varde, heading.handlaggare.varde], ["Kommunstyrelsen", "KS 2026/1", "Bo"]);
  const saved = JSON.parse(mine.read(SAVED_KEY));
  assert.deepEqual(saved.map((s) => s.namn), ["Tre personer", "Fem", "Fem (från fil)", "Tio", "Aktuell beräkning"]);
  assert.equal(saved[2].scenario.antal_personer, 6);
  assert.equal(JSON.parse(mine.read(CURRENT_KEY)).falt.antal_personer, "3", "my own current calculation stays");
  assert.equal(result.text,
    "Beslutsunderlag: 2 svar nya eller ändrade (1 ersatte ett äldre svar här). " +
    "Kommunikationsplan: 1 rad ny, 1 rad ändrad, 1 rad borttagen. Uppföljning: oförändrad. " +
    "Dokumentets uppgifter: 1 ny eller ändrad. " +
    "Sparade beräkningar: 2 nya, 1 med samma namn som en av dina men annat innehåll sparad som ”Fem (från fil)”. " +
    "Aktuell beräkning: din egen behålls; filens finns bland de sparade beräkningarna. " +
    "Där samma svar hade ändrats både här och i filen gäller den senaste ändringen.");

  // A "Börja om" in the file, later than my answers, empties them: that is newest wins too.
  const cleared = storage({ [key("beslutsunderlag")]: tool("beslutsunderlag", {}, {}, { rensad: "2026-11-27T08:00:00.000Z" }) });
  const after = openInto(mine, serialize(buildBundle(cleared.read, RULES).samlat)).result;
  assert.deepEqual(JSON.parse(mine.read(key("beslutsunderlag"))).svar, {});
  assert.equal(after.text, "Beslutsunderlag: 3 svar borttagna (någon valde Börja om efter att de ändrades).");
  assert.equal(fromFileName("x".repeat(300)).length, 200);
  assert.equal(fromFileName("Fem", 2), "Fem (från fil 2)");
});

// ── hostile files ─────────────────────────────────────────────────────────────────────

function valid() {
  return buildBundle(filled().read, RULES, new Date(T3)).samlat;
}
const refused = (text, expected) => {
  const parsed = parseBundle(text, RULES);
  assert.equal(parsed.samlat, undefined, `accepted: ${String(text).slice(0, 80)}`);
  assert.match(parsed.fel, expected);
  return parsed.fel;
};
const withChange = (change) => {
  const value = valid();
  change(value);
  return JSON.stringify(value);
};

test("hostile files are refused with a Swedish sentence", () => {
  refused("", /Filen är tom/);
  refused("{nope", /inte giltig JSON/);
  refused("\ufeff", /tom/);
  refused(" ".repeat(RULES.maxTecken + 1), /för stor/);
  refused("[]", /kommer inte från ”Spara allt i en fil”/);
  refused('"text"', /kommer inte från/);
  refused(JSON.stringify({ format: "annat" }), /kommer inte från/);
  refused(JSON.stringify(tool("beslutsunderlag")), /ett enda verktyg.*verktygets sida/);
  refused(withChange((v) => (v.version = 2)), /nyare version/);
  refused(withChange((v) => (v.version = "1")), /okänd version/);
  refused(withChange((v) => (v.verktyg = [])), /Verktygens svar.*fel form/);
  refused(withChange((v) => (v.verktyg = "beslutsunderlag")), /Verktygens svar.*fel form/);
  refused(withChange((v) => (v.verktyg.okant = tool("okant"))), /inte känner till: ”okant”/);
  refused(withChange((v) => (v.verktyg.constructor = {})), /inte känner till: ”constructor”/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag = "ja")), /Svaren för Beslutsunderlag har fel form/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.svar = [])), /Svaren för Beslutsunderlag har fel form/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.svar.syfte = "ja")), /Beslutsunderlag har ett svar med fel form/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.svar.syfte.varde = { a: 1 })), /Beslutsunderlag har ett svar med fel form/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.svar.syfte.andrad = "i går")), /utan giltig tidpunkt/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.schema = 1)), /annan version/);
  refused(withChange((v) => (v.verktyg.beslutsunderlag.verktyg = "uppfoljning")), /gäller ett annat verktyg/);
  refused(withChange((v) => (v.verktyg.kommunikationsplan.rader.malgrupper = "x")), /Kommunikationsplan har en rad med fel form/);
  refused(withChange((v) => (v.verktyg.kommunikationsplan.rader.malgrupper[0].borttagen = "ja")), /rad med fel form/);
  refused(withChange((v) => (v.dokument = "Kommunstyrelsen")), /Dokumentets uppgifter har fel form/);
  refused(withChange((v) => (v.dokument.svar.namnd.varde = 5)), /Nämnd eller styrelse ska vara en text/);
  refused(withChange((v) => (v.dokument.version = 9)), /Dokumentets uppgifter .*annan version/);
  refused(withChange((v) => (v.berakning = [])), /beräkningarna har fel form/);
  refused(withChange((v) => (v.berakning.sparade = {})), /ska vara en lista/);
  refused(withChange((v) => (v.berakning.aktuellt = "3")), /aktuella beräkningen har fel form/);
  refused(withChange((v) => (v.extra = 1)), /okända delar: ”extra”/);
  const deep = '{"a":'.repeat(40) + "1" + "}".repeat(40);
  refused(withChange((v) => (v.berakning.sparade = [{ namn: "x", scenario: "DEEP" }])).replace('"DEEP"', deep), /för djupt/);
  // "__proto__" as a key, anywhere: refused before anything is assigned from the file.
  refused(withChange((v) => (v.verktyg.beslutsunderlag.svar = { PROTO: { varde: "ja", andrad: T1 } })).replace('"PROTO"', '"__proto__"'), /__proto__/);
  refused(withChange(() => {}).replace('"verktyg":', '"__proto__":{"x":1},"verktyg":'), /__proto__/);
  // Nothing of the refused file reached the objects every script shares.
  assert.equal({}.x, undefined);
  assert.equal(Object.prototype.varde, undefined);
});

test("what breaks a limit is left out and named, the rest is read", () => {
  const parsed = parseBundle(withChange((v) => {
    v.verktyg.beslutsunderlag.svar["analys-mal"].varde = "x".repeat(20001);
    v.verktyg.beslutsunderlag.svar.gammal = { varde: "ja", andrad: T1 };
    v.verktyg.beslutsunderlag.svar.syfte.hemligt = "x";
    v.verktyg.kommunikationsplan.rader.malgrupper.push({ id: "<img src=x>", andrad: T1 });
    v.dokument.svar.namnd.varde = "n".repeat(201);
    v.dokument.svar.okant = { varde: "x", andrad: T1 };
    v.berakning.sparade.push({ namn: "", scenario: SCENARIO }, 7);
  }), RULES);
  assert.ok(parsed.samlat, parsed.fel);
  assert.deepEqual(Object.keys(parsed.samlat.verktyg.beslutsunderlag.svar), ["syfte"]);
  assert.equal(parsed.samlat.verktyg.beslutsunderlag.svar.syfte.hemligt, undefined);
  assert.deepEqual(parsed.samlat.verktyg.kommunikationsplan.rader.malgrupper.map((r) => r.id), ["leverantorer", "n-a1"]);
  assert.deepEqual(Object.keys(parsed.samlat.dokument.svar), ["diarienummer"]);
  assert.equal(parsed.samlat.berakning.sparade.length, 2);
  assert.deepEqual(parsed.problem, [
    "Beslutsunderlag: Ett sparat svar är längre än vad fältet rymmer och används inte.",
    "Beslutsunderlag: okända uppgifter togs inte med (”syfte.hemligt” och ”gammal”).",
    "Kommunikationsplan: En sparad rad har ett ogiltigt id och används inte.",
    "Dokumentets uppgift Nämnd eller styrelse är längre än 200 tecken och togs inte med.",
    "Okända fält bland dokumentets uppgifter togs inte med: ”okant”.",
    "2 sparade beräkningar i filen kunde inte läsas och togs inte med.",
  ]);
});

test("what cannot be read in this browser is said, not taken along, and merged over only by the caller", () => {
  const store = filled();
  store.data.set(key("genomforande"), "{broken");
  store.data.set(HEADING, "{broken");
  const built = buildBundle(store.read, RULES);
  assert.deepEqual(built.problem, [
    "De sparade svaren i Förbered genomförandet kunde inte läsas och är inte med i filen.",
    "Dokumentets uppgifter kunde inte läsas och är inte med i filen.",
  ]);
  assert.equal(built.samlat.dokument, undefined);
  const stored = readStored(store.read, RULES);
  assert.equal(stored.verktyg.genomforande.raw, "{broken");
  assert.match(stored.verktyg.genomforande.fel, /Förbered genomförandet har fel form/);
  // A file with answers for it: the merge writes them (the glue keeps the broken text aside first).
  const file = buildBundle(storage({ [key("genomforande")]: tool("genomforande", { start: { varde: "pilot", andrad: T1 } }), [HEADING]: { version: 1, svar: { datum: { varde: "2026-12-01", andrad: T1 } } } }).read, RULES).samlat;
  const result = mergeBundle(stored, parseBundle(serialize(file), RULES).samlat, RULES);
  assert.equal(result.verktyg.genomforande.svar.start.varde, "pilot");
  assert.deepEqual(result.dokument.svar, { datum: { varde: "2026-12-01", andrad: T1 } });
});
