// A checklist's answers in this site's localStorage (window.skPython.lagring): the one place
// that writes them, merging with what another tab saved first (merge.mjs), and keeping aside
// under another key, unchanged, whatever cannot be used (never dropping what the user saved).

import { merge, now } from "./merge.mjs";
import { parseSaved } from "./saved-state.mjs";

const FULL = "Svaren kunde inte sparas i webbläsaren (lagringen är full eller avstängd). Spara dem som JSON-fil för att inte förlora dem.";

export class ChecklistStorage {
  // key: a name for skPython.lagring; limits: the form's (checklist-form.mjs); say(text)
  // shows a message; saved(state) hears of every successful write.
  constructor(key, tool, limits, say, saved) {
    this.saved = saved;
    this.store = window.skPython.lagring;
    this.key = key;
    this.tool = tool;
    this.limits = limits;
    this.say = say;
    this.lastInvalid = null;
  }

  read() {
    return this.store.hamta(this.key);
  }
  parse(raw) {
    return parseSaved(raw, this.tool, this.limits);
  }

  // Keep a saved value under another key; the full key, or null if that failed (storage
  // full or blocked).
  keepAside(raw, label) {
    const aside = `${this.key}:${label}:${now()}`;
    return this.store.spara(aside, raw) ? this.store.nyckel(aside) : null;
  }
  // Keep aside a saved value with rows or answers left out, once (a flush sees it again).
  keepInvalid(raw) {
    if (this.lastInvalid && this.lastInvalid.raw === raw) return this.lastInvalid.aside;
    this.lastInvalid = { raw, aside: this.keepAside(raw, "ogiltig") };
    return this.lastInvalid.aside;
  }
  reportLeftOut(problem, aside) {
    this.say(
      `${problem.join(" ")} Inget har raderats: det du sparat finns kvar i webbläsaren` +
        (aside ? ` under nyckeln ${aside}.` : ".") +
        " Övriga svar går att använda som vanligt."
    );
  }

  // Write `state`; true if saved, else says `failure` (the default: storage is full).
  write(state, failure = FULL) {
    if (this.store.spara(this.key, JSON.stringify(state))) {
      this.saved(state);
      return true;
    }
    if (failure) this.say(failure);
    return false;
  }

  // `state` merged with what is saved now (another tab may have saved meanwhile), then
  // written. Returns {state, saved}.
  mergeAndWrite(state) {
    const raw = this.read();
    let merged = state;
    if (raw) {
      const parsed = this.parse(raw);
      if (parsed.tillstand) {
        if (parsed.problem.length) this.reportLeftOut(parsed.problem, this.keepInvalid(raw));
        merged = merge(state, parsed.tillstand, this.limits.maxDeleted);
      } else this.keepAside(raw, "trasig");
    }
    return { state: merged, saved: this.write(merged) };
  }

  // What is saved at load: {state} to use (null: nothing usable), after keeping aside and
  // reporting what cannot be used.
  load(empty) {
    try {
      void window.localStorage;
    } catch (error) {
      this.say("Webbläsaren tillåter inte att svaren sparas. Spara dem som JSON-fil när du är klar.");
      return null;
    }
    const raw = this.read();
    if (!raw) return null;
    const parsed = this.parse(raw);
    if (parsed.tillstand) {
      if (parsed.problem.length) {
        // Keep the saved text aside first; then save what is used, so the next load is clean.
        const aside = this.keepInvalid(raw);
        if (aside) this.write(parsed.tillstand, "");
        this.reportLeftOut(parsed.problem, aside);
      }
      return parsed.tillstand;
    }
    // Keep it aside under another key first, and only then stop reading it (an empty state
    // under the site's key also hides an older bare key).
    const aside = this.keepAside(raw, "trasig");
    if (aside) this.store.spara(this.key, JSON.stringify(empty));
    this.say(
      `De sparade svaren kunde inte läsas (${parsed.fel}). Inget har raderats: de finns kvar i webbläsaren under nyckeln ${aside || this.key}. ` +
        "Du kan fylla i verktyget på nytt eller öppna en sparad JSON-fil."
    );
    return null;
  }
}
