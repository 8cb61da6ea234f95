// Reading a checklist's saved answers (localStorage, a storage event): the value as a
// schema-2 state, with what breaks the form's limits left out and named in Swedish. No DOM:
// the limits come in as an object (checklist-form.mjs reads them from the form's data
// attributes, which Python renders from calculators/checklists/state.py). Tested in
// tests/js/saved-state.test.mjs.
//
//   limits = { rowIdOk(table, id), maxRows(table), maxDeleted(table), maxText(item, table, field) }

import { FORMAT, SCHEMA, pruneTombstones } from "./merge.mjs";
import { number, shortText } from "./text.mjs";

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// {tillstand, problem: [sentences]} or {fel: why it cannot be used at all}. The caller keeps
// the raw text aside whenever something is left out or it cannot be used.
export function parseSaved(raw, tool, limits = null) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { fel: "inte giltig JSON" };
  }
  if (!isObject(value)) return { fel: "fel form" };
  if (value.verktyg !== tool) return { fel: "fel verktyg" };
  if (value.schema !== SCHEMA) return { fel: `okänd version (${shortText(value.schema, 12)})` };
  if (!isObject(value.svar) || !isObject(value.rader)) return { fel: "fel form" };
  if (!Object.values(value.svar).every(isObject)) return { fel: "fel form på ett svar" };
  for (const rows of Object.values(value.rader)) {
    if (!Array.isArray(rows) || !rows.every((r) => isObject(r) && typeof r.id === "string")) return { fel: "fel form på en rad" };
  }
  value.format = FORMAT;
  const problem = limits ? applyLimits(value, limits) : [];
  return { tillstand: value, problem };
}

// Leave out (in place) what breaks the limits; return what was left out, in words.
export function applyLimits(value, limits) {
  const problem = [];
  const tooLong = (record, limitOf) =>
    Object.entries(record).some(([field, v]) => typeof v === "string" && v.length > limitOf(field));
  Object.entries(value.svar).forEach(([id, record]) => {
    if (tooLong(record, (field) => limits.maxText(id, null, field))) {
      delete value.svar[id];
      problem.push("Ett sparat svar är längre än vad fältet rymmer och används inte.");
    }
  });
  Object.entries(value.rader).forEach(([table, rows]) => {
    let badId = 0;
    let long = 0;
    let live = 0;
    let over = 0;
    const most = limits.maxRows(table);
    value.rader[table] = rows.filter((r) => {
      if (!limits.rowIdOk(table, r.id)) return (badId += 1) && false;
      if (tooLong(r, (field) => limits.maxText(null, table, field))) return (long += 1) && false;
      if (!r.borttagen && (live += 1) > most) return (over += 1) && false;
      return true;
    });
    value.rader[table] = pruneTombstones(value.rader[table], limits.maxDeleted(table));
    if (badId) problem.push(`${badId === 1 ? "En sparad rad har" : `${badId} sparade rader har`} ett ogiltigt id och används inte.`);
    if (long) problem.push(`${long === 1 ? "En sparad rad har" : `${long} sparade rader har`} en text som är längre än vad fältet rymmer och används inte.`);
    if (over) problem.push(`Tabellen har fler än ${number(most)} rader; de ${number(over)} sista används inte.`);
  });
  return [...new Set(problem)];
}
