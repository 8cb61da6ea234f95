// The calculator's share link: `#scenario=` followed by the scenario as JSON (UTF-8, no
// spaces), base64url-encoded without padding. The format's cases are in
// tests/cases/share-link.json, run here under Node (tests/js/share-link.test.mjs) and against
// the Python that builds the Uppföljning summary's link (calculators/checklists/summary.py,
// tests/unit/test_share_link_cases.py). No DOM.

export const PREFIX = "scenario=";
export const MAX_LINK_CHARS = 100000; // a scenario's link is about 1 000 characters
export const MAX_DEPTH = 16; // a scenario nests three levels deep

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// True when the value nests deeper than `max` (checked without recursion).
export function tooDeep(value, max = MAX_DEPTH) {
  const stack = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (depth > max) return true;
    Object.values(item).forEach((child) => stack.push([child, depth + 1]));
  }
  return false;
}

// JSON with sorted keys, to compare two scenarios.
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value);
}

// The fragment (without "#") that carries `scenario`.
export function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Whether a location.hash is a share link.
export const isShareLink = (hash) => hash.startsWith(`#${PREFIX}`);

const REASONS = {
  "for-lang": "den är för lång för att vara en delningslänk från den här sidan (över 100 000 tecken).",
  skadad: "den är avklippt eller skadad. Kontrollera att hela länken kom med, eller be om en ny länk.",
  "inget-scenario": "den innehåller inget scenario.",
  "for-djupt": "innehållet är för djupt nästlat för att vara ett scenario.",
};
const refuse = (orsak) => ({ orsak, fel: REASONS[orsak] });

// The scenario in a fragment ("#scenario=…" or "scenario=…"): {scenario}, or {orsak, fel}
// with `fel` the Swedish reason ("Länken kunde inte läsas: " + fel).
export function decodeScenario(fragment) {
  const whole = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (!whole.startsWith(PREFIX)) return refuse("skadad");
  const text = whole.slice(PREFIX.length);
  if (text.length > MAX_LINK_CHARS) return refuse("for-lang");
  const b64 = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return refuse("skadad");
  let parsed;
  try {
    const binary = atob(b64 + "===".slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return refuse("skadad");
  }
  if (!isObject(parsed)) return refuse("inget-scenario");
  if (tooDeep(parsed)) return refuse("for-djupt");
  return { scenario: parsed };
}
