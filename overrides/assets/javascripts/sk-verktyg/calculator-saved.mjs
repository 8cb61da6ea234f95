// The calculator's saved scenarios (in this site's localStorage) and their comparison.
// The comparison's limits come from the root's data-sk-jamfor-min/-max (Python's); without
// them Python's own check answers.

import { MAX_NAME, SAVED_KEY, cleanName, comparisonRefusal, readSaved } from "./calculator-store.mjs";
import { arriving, cutAt, isolated, messageText } from "./text.mjs";

// Names joined the Swedish way ("A, B och C"), each isolated in a <bdi>: a list for say().
function namesSv(names) {
  const parts = [];
  names.forEach((name, i) => {
    if (i) parts.push(i === names.length - 1 ? " och " : ", ");
    parts.push(isolated(name));
  });
  return parts;
}

export class SavedScenarios {
  constructor(calc) {
    this.calc = calc;
    const $ = (selector) => calc.root.querySelector(selector);
    this.list = $("[data-sk-sparade-lista]");
    this.none = $("[data-sk-inga-sparade]");
    this.compareButton = $("[data-sk-jamfor]");
    this.compareArea = $("[data-sk-jamfor-del]");
    this.compareMessage = $("[data-sk-jamfor-meddelande]");
    this.comparison = $("[data-sk-jamforelse]");
    this.nameField = $("[data-sk-spara-namn]");
    this.nameField.maxLength = MAX_NAME; // a longer name would be cut when saved
    // The browser cuts a longer paste without a word: say so.
    this.nameField.addEventListener("paste", (event) => {
      if (cutAt(this.nameField, arriving(event))) calc.say(`Namnet får vara högst ${MAX_NAME} tecken; det du klistrade in kortades.`);
    });
    $("[data-sk-spara]").addEventListener("click", () => this.saveCurrent());
    this.compareButton.addEventListener("click", () => this.compare());
  }

  read() {
    return readSaved(this.calc.store.hamta(SAVED_KEY), this.calc.fieldNames);
  }
  write(list) {
    return this.calc.warnStorage(!this.calc.store.spara(SAVED_KEY, JSON.stringify(list)));
  }
  add(entry) {
    const list = this.read().list.filter((item) => item.namn !== entry.namn);
    list.push(entry);
    const ok = this.write(list);
    this.render();
    return ok;
  }
  remove(name) {
    this.write(this.read().list.filter((item) => item.namn !== name));
    this.render();
  }

  // The names ticked for comparison (a name identifies a saved scenario; the list's order
  // may change in another tab).
  ticked() {
    return [...this.list.querySelectorAll("[data-sk-valj]:checked")].map((box) => box.value);
  }
  render() {
    const calc = this.calc;
    const { list: saved, broken } = this.read();
    const ticked = new Set(this.ticked());
    this.list.textContent = "";
    this.none.hidden = saved.length > 0;
    this.compareArea.hidden = saved.length < Math.max(2, calc.settings.jamforMin || 0);
    if (broken) calc.say(`${broken === 1 ? "Ett sparat scenario" : `${broken} sparade scenarier`} i webbläsaren kunde inte läsas och visas inte.`);
    saved.forEach((item, index) => this.list.appendChild(this.entry(item, index, ticked.has(item.namn))));
  }
  // Another tab saved or removed a scenario: show the list as saved, ticks kept by name.
  onStorage(event) {
    if (event.key === null || event.key === this.calc.store.nyckel(SAVED_KEY)) this.render();
  }
  button(text, label, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", action);
    return button;
  }
  entry(item, index, checked = false) {
    const li = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `sk-jamfor-${index}`;
    box.value = item.namn;
    box.checked = checked;
    box.dataset.skValj = "";
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.append(isolated(item.namn));
    const open = this.button("Öppna", `Öppna ${item.namn}`, () => this.open(item));
    const remove = this.button("Ta bort", `Ta bort ${item.namn}`, () => {
      this.remove(item.namn);
      this.calc.say([isolated(item.namn), " är borttaget."]);
    });
    li.append(box, label, open, remove);
    return li;
  }
  async open(item) {
    const calc = this.calc;
    if (item.falt) {
      // Kept as typed (possibly not valid): the texts come back exactly.
      calc.generation += 1;
      calc.scenarioName = item.namn;
      calc.fillFields(item.falt);
      calc.writeCurrent();
      calc.markStale(true, "Räknar om …");
      await calc.recalcFields();
      return calc.say([isolated(item.namn), " är öppnat."]);
    }
    const response = await calc.call("berakna_sida", { scenario: item.scenario });
    if (!response.ok) return calc.say([isolated(item.namn), ` kunde inte öppnas: ${messageText(response)}`]);
    calc.generation += 1;
    calc.scenarioName = item.namn;
    calc.applyResponse(response.data, { fill: true });
    calc.say([isolated(item.namn), " är öppnat."]);
  }

  async saveCurrent() {
    const calc = this.calc;
    const name = cleanName(this.nameField.value); // bidi controls dropped, unsaid
    if (!name) return calc.say("Skriv ett namn på scenariot först.");
    const scenario = await calc.scenarioOnScreen("Scenariot sparades inte");
    if (!scenario) return;
    const replaced = this.read().list.some((item) => item.namn === name);
    if (!this.add({ namn: name, scenario })) return calc.say("Scenariot kunde inte sparas i webbläsaren (lagringen är full eller avstängd).");
    this.nameField.value = "";
    calc.say(replaced
      ? ["Scenariot ", isolated(name), " fanns redan och är ersatt med uppgifterna i formuläret."]
      : ["Scenariot ", isolated(name), " är sparat i den här webbläsaren."]);
    if (calc.isCurrent()) {
      calc.scenarioName = name; // the answer's heading names it, on screen and in print
      calc.recalcFields();
    }
  }

  // What the comparison says stands under its button: the page's message line is far above
  // it once several scenarios are listed (a phone's screen or more).
  sayBeside(text) {
    if (Array.isArray(text)) this.compareMessage.replaceChildren(...text);
    else this.compareMessage.textContent = text;
  }

  async compare() {
    const calc = this.calc;
    const saved = new Map(this.read().list.map((item) => [item.namn, item]));
    const names = this.ticked();
    const gone = names.filter((name) => !saved.has(name));
    if (gone.length) {
      this.render();
      return this.sayBeside([...namesSv(gone), ` finns inte längre bland de sparade scenarierna (${gone.length === 1 ? "det togs" : "de togs"} bort i en annan flik). Välj igen och jämför.`]);
    }
    const chosen = names.map((name) => saved.get(name));
    const refused = comparisonRefusal(chosen.length, calc.settings.jamforMin, calc.settings.jamforMax);
    if (refused) return this.sayBeside(refused);
    const unusable = chosen.filter((item) => !item.scenario).map((item) => item.namn);
    if (unusable.length) return this.sayBeside([...namesSv(unusable), ` har uppgifter som inte är giltiga och kan inte jämföras. Öppna och rätta ${unusable.length === 1 ? "det" : "dem"} först.`]);
    const response = await window.skPython.call("jamfor_sida", { scenarier: chosen.map(({ namn, scenario }) => ({ namn, scenario })) });
    if (!response.ok) return this.sayBeside(messageText(response));
    this.comparison.innerHTML = response.data.html; // built and escaped by Python
    this.comparison.hidden = false;
    this.comparison.focus();
    this.sayBeside(["Jämförelse av ", ...namesSv(chosen.map((c) => c.namn)), " visas nedan."]);
  }
}
