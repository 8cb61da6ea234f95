// The saved answers of a checklist (schema 2, described in calculators/checklists/state.py)
// and how two copies merge. This is the site's one home for the merge: it must run
// synchronously when a tab hides, so it lives here, not in Python. No DOM; tested under
// Node with the shared cases in tests/cases/merge.json (tests/js/merge.test.mjs).
//
//   merge(a, b, maxDeleted)   per answer and per row the later `andrad` wins (ties broken by
//                             content, so both tabs agree); anything not newer than the
//                             latest "Börja om" (`rensad`) is dropped; deleted rows stay as
//                             `borttagen` markers, only the newest maxDeleted(table) kept.
//   stampAfter(clock, record, rensad)  the stamp of a local edit: now, but always later than
//                             the record it replaces and than the latest "Börja om" (a
//                             clock that was once ahead left stamps in the future; an edit
//                             must never lose to them).
//   clearStamp(state, clock)  the stamp of a "Börja om": later than every record it clears.

export const FORMAT = "sysselsattningskrav-verktyg";
export const SCHEMA = 2;

export const now = () => new Date().toISOString();

// Milliseconds of an ISO time; 0 for anything that is not one.
export function time(value) {
  const t = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

const canonical = (value) => JSON.stringify(value, Object.keys(value || {}).sort());

// The record with the later `andrad`; a tie is broken by content so that merge commutes.
export function newer(x, y) {
  if (!x) return y;
  if (!y) return x;
  const tx = time(x.andrad);
  const ty = time(y.andrad);
  if (tx !== ty) return tx > ty ? x : y;
  return canonical(x) >= canonical(y) ? x : y;
}

// The latest of some ISO times (null if none is given).
export function latest(...values) {
  return values.filter(Boolean).reduce((a, b) => (time(b) > time(a) ? b : a), null);
}

// The stamp of a local edit (ISO): `clock`, but at least 1 ms after the replaced record's
// `andrad` and after `rensad`.
export function stampAfter(clock = Date.now(), record = null, rensad = null) {
  return new Date(Math.max(clock, time(record && record.andrad) + 1, time(rensad) + 1)).toISOString();
}

// The latest time in a state (ms): its "Börja om" and every answer's and row's `andrad`.
function lastTimeOf(state) {
  let last = time(state && state.rensad);
  Object.values((state && state.svar) || {}).forEach((r) => (last = Math.max(last, time(r.andrad))));
  Object.values((state && state.rader) || {}).forEach((rows) => rows.forEach((r) => (last = Math.max(last, time(r.andrad)))));
  return last;
}

// The stamp of a "Börja om" (ISO): `clock`, but later than everything in `state`.
export function clearStamp(state, clock = Date.now()) {
  return new Date(Math.max(clock, lastTimeOf(state) + 1)).toISOString();
}

export function emptyState(tool) {
  return { format: FORMAT, schema: SCHEMA, verktyg: tool, uppdaterad: null, svar: {}, rader: {} };
}

// Only the newest `most` deleted-row markers of a table are kept (order otherwise
// unchanged), so adding and deleting rows any number of times never fills a table.
// `most` 0 or missing keeps them all.
export function pruneTombstones(rows, most) {
  const dead = rows.filter((r) => r.borttagen);
  if (!most || dead.length <= most) return rows;
  const order = (x, y) => time(x.andrad) - time(y.andrad) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const keep = new Set(dead.sort(order).slice(-most));
  return rows.filter((r) => !r.borttagen || keep.has(r));
}

// Merge two schema-2 states of the same tool. `maxDeleted(table)` gives how many deleted-row
// markers a table keeps (the form carries it from Python); without it all are kept.
export function merge(a, b, maxDeleted = () => 0) {
  const cleared = latest(a.rensad, b.rensad);
  const alive = (record) => !cleared || time(record.andrad) > time(cleared);
  const svar = {};
  new Set([...Object.keys(a.svar), ...Object.keys(b.svar)]).forEach((id) => {
    const record = newer(a.svar[id], b.svar[id]);
    if (record && alive(record)) svar[id] = record;
  });
  const rader = {};
  new Set([...Object.keys(a.rader), ...Object.keys(b.rader)]).forEach((table) => {
    const byId = new Map();
    [...(a.rader[table] || []), ...(b.rader[table] || [])].forEach((row) => {
      byId.set(row.id, newer(byId.get(row.id), row));
    });
    const rows = pruneTombstones([...byId.values()].filter(alive), maxDeleted(table));
    if (rows.length) rader[table] = rows;
  });
  const merged = { format: FORMAT, schema: SCHEMA, verktyg: a.verktyg, uppdaterad: latest(a.uppdaterad, b.uppdaterad), svar, rader };
  if (cleared) merged.rensad = cleared;
  return merged;
}

// What a merge compares: every answer's and row's id and time, and the latest "Börja om".
// Two states with the same signature merge to nothing new.
export function signature(state) {
  const parts = [`rensad:${state.rensad || ""}`];
  Object.entries(state.svar).forEach(([id, r]) => parts.push(`s:${id}:${r.andrad}`));
  Object.entries(state.rader).forEach(([table, rows]) =>
    rows.forEach((r) => parts.push(`r:${table}:${r.id}:${r.andrad}:${r.borttagen ? 1 : 0}`))
  );
  return parts.sort().join("|");
}

// `old`'s answers and rows written back as new: stamped after a fresh "Börja om" that is
// later than everything in `current`, so that a merge with another tab takes them over too (Ångra,
// an imported file).
export function replacement(tool, current, old, clock = Date.now()) {
  const cleared = new Date(clearStamp(current, clock));
  const stamp = new Date(cleared.getTime() + 1).toISOString();
  const next = { ...emptyState(tool), rensad: cleared.toISOString(), uppdaterad: stamp };
  Object.entries(old.svar || {}).forEach(([id, r]) => (next.svar[id] = { ...r, andrad: stamp }));
  Object.entries(old.rader || {}).forEach(([table, rows]) => {
    next.rader[table] = rows.map((r) => ({ ...r, andrad: stamp }));
  });
  return next;
}
