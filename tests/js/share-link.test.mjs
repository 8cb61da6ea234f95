// The share-link codec against the format's shared cases (tests/cases/share-link.json; the
// Python builder runs the same `kodning` cases in tests/unit/test_share_link_cases.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  MAX_DEPTH, MAX_LINK_CHARS, PREFIX, canonical, decodeScenario, encodeScenario, isShareLink, tooDeep,
} from "../../overrides/assets/javascripts/sk-verktyg/share-link.mjs";

const cases = JSON.parse(readFileSync(new URL("../cases/share-link.json", import.meta.url), "utf8"));
const fragmentOf = (f) => (typeof f === "string" ? f : f.prefix + f.upprepa.repeat(f.antal));

test("the codec's constants are the format's", () => {
  assert.equal(PREFIX, cases.prefix);
  assert.equal(MAX_LINK_CHARS, cases.max_tecken);
  assert.equal(MAX_DEPTH, cases.max_djup);
});

for (const c of cases.kodning) {
  test(`encode: ${c.namn}`, () => {
    assert.equal(encodeScenario(c.scenario), c.fragment);
    assert.deepEqual(decodeScenario(`#${c.fragment}`), { scenario: c.scenario });
    assert.ok(isShareLink(`#${c.fragment}`));
  });
}

for (const c of cases.lasning) {
  test(`decode: ${c.namn}`, () => {
    const decoded = decodeScenario(fragmentOf(c.fragment));
    if (c.orsak) {
      assert.equal(decoded.orsak, c.orsak);
      assert.equal(typeof decoded.fel, "string");
      assert.ok(decoded.fel.length > 10, "a reason the user can read");
      assert.equal(decoded.scenario, undefined);
    } else {
      assert.deepEqual(decoded, { scenario: c.scenario });
    }
  });
}

test("a link of the maximum length is read, not refused as too long", () => {
  const decoded = decodeScenario(PREFIX + "A".repeat(MAX_LINK_CHARS));
  assert.equal(decoded.orsak, "skadad"); // not JSON, but not "for-lang"
});

test("tooDeep counts nesting of objects and lists, without recursion", () => {
  assert.equal(tooDeep({ a: [{ b: 1 }] }, 3), false);
  assert.equal(tooDeep({ a: [{ b: {} }] }, 3), true);
  let deep = 1;
  for (let i = 0; i < 100000; i += 1) deep = [deep];
  assert.equal(tooDeep(deep), true);
});

test("canonical ignores key order, at every level", () => {
  assert.equal(canonical({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }), canonical({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  assert.notEqual(canonical({ a: 1 }), canonical({ a: "1" }));
});

test("not a share link", () => {
  assert.equal(isShareLink("#berakning"), false);
  assert.equal(isShareLink(""), false);
});
