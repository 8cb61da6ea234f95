// The tools' shared text helpers: when a field's limit cuts what arrives (typed, pasted or
// dropped over a selection).
import assert from "node:assert/strict";
import { test } from "node:test";

import { arriving, cutAt } from "../../overrides/assets/javascripts/sk-verktyg/text.mjs";

const field = (value, maxLength, start = value.length, end = start) => ({ value, maxLength, selectionStart: start, selectionEnd: end });

test("text that fits is not cut, text one character too long is", () => {
  assert.equal(cutAt(field("abc", 5), "de"), 0);
  assert.equal(cutAt(field("abc", 5), "def"), 5);
});

test("a selection is replaced, so its characters make room", () => {
  assert.equal(cutAt(field("abcde", 5, 1, 4), "xyz"), 0);
  assert.equal(cutAt(field("abcde", 5, 1, 4), "wxyz"), 5);
});

test("line breaks count as the field will hold them, and a field without a limit never cuts", () => {
  assert.equal(cutAt(field("", 3), "a\r\nb"), 0);
  assert.equal(cutAt(field("", -1), "x".repeat(10_000)), 0);
  assert.equal(cutAt(null, "x"), 0);
});

test("the text of a paste or a drop, and nothing from an event without data", () => {
  const data = (text) => ({ getData: (type) => (type === "text/plain" ? text : "") });
  assert.equal(arriving({ clipboardData: data("klistrat") }), "klistrat");
  assert.equal(arriving({ dataTransfer: data("släppt") }), "släppt");
  assert.equal(arriving({}), "");
});
