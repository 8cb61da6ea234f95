// The calculator's share links (format and codec in share-link.mjs): the "Dela" button, and
// opening a link without losing the user's own calculation (kept as a saved scenario, with
// Ångra to bring it back).

import { canonical, decodeScenario, encodeScenario, isShareLink } from "./share-link.mjs";
import { keptName } from "./calculator-store.mjs";
import { messageText, stamp } from "./text.mjs";

// A link pasted into the address bar of a tab that already shows the calculator changes only
// the fragment, and after Material's instant navigation nothing reopens the page: load it
// again, so that it opens the link as on arrival (the user's fields are already saved).
window.addEventListener("hashchange", () => {
  if (isShareLink(location.hash) && document.querySelector("[data-sk-lanktext]")) location.reload();
});

export class CalculatorLinks {
  constructor(calc) {
    this.calc = calc;
    const $ = (selector) => calc.root.querySelector(selector);
    this.box = $("[data-sk-lankmeddelande]");
    this.text = $("[data-sk-lanktext]");
    this.undoButton = $("[data-sk-angra-lank]");
    this.shareField = $("[data-sk-delningslank]");
    this.undo = null; // what "Ångra" brings back after a share link replaced the user's own
    this.pending = null; // a share link not yet computed (the engine failed to start)
    $("[data-sk-dela]").addEventListener("click", () => this.share());
    this.undoButton.addEventListener("click", () => this.undoLink());
  }

  hideShareField() {
    this.shareField.parentElement.hidden = true;
    this.shareField.value = "";
  }
  async share() {
    const calc = this.calc;
    this.hideShareField();
    const scenario = await calc.scenarioOnScreen("Ingen delningslänk skapades");
    if (!scenario) return;
    const url = `${location.origin}${location.pathname}#${encodeScenario(scenario)}`;
    this.shareField.value = url;
    this.shareField.parentElement.hidden = false;
    this.shareField.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch (error) {
      copied = false;
    }
    calc.say(copied ? "Länken är kopierad. Den innehåller hela scenariot och skickas inte till någon server." : "Kopiera länken i fältet. Den innehåller hela scenariot och skickas inte till någon server.");
  }
  sayLink(text, withUndo) {
    this.text.textContent = text;
    this.undoButton.hidden = !withUndo;
    if (text) this.box.dataset.skSynlig = "";
    else delete this.box.dataset.skSynlig;
  }

  // At start: open the page's share link, if it has one (true), the user's own fields
  // filled in first so that nothing typed is lost.
  onStart(own) {
    if (!isShareLink(location.hash)) return false;
    if (own) this.calc.fillFields(own.falt);
    else this.calc.updateVisibility();
    this.open(location.hash);
    return true;
  }
  // "Försök igen": a link that could not be computed is tried again (true), else nothing.
  retryPending() {
    if (this.pending === null) return false;
    this.open(this.pending);
    return true;
  }

  // A link that cannot be read, once said, leaves the address bar (a reload or a bookmark
  // would only repeat the failure). One the engine could not yet compute stays.
  dropFromAddress() {
    if (isShareLink(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }

  async open(hash) {
    const calc = this.calc;
    this.pending = null;
    const decoded = decodeScenario(hash);
    const own = calc.readCurrent();
    const keepsOwn = own ? " Din egen beräkning visas som förut." : " Sidan visar standardscenariot.";
    if (decoded.fel) {
      this.sayLink(`Länken kunde inte läsas: ${decoded.fel}${keepsOwn}`, false);
      this.dropFromAddress();
      if (own) this.restoreOwn(own);
      return;
    }
    calc.markStale(true, "Läser in scenariot från länken …");
    const mine = calc.generation;
    const response = await calc.call("berakna_sida", { scenario: decoded.scenario });
    if (!response.ok) {
      if (window.skPython.status !== "redo") {
        this.pending = hash;
        this.sayLink(`Scenariot i länken kunde inte räknas ut: ${messageText(response)} Välj Försök igen överst.`, false);
      } else {
        this.sayLink(`Länken kunde inte läsas: ${messageText(response)}${keepsOwn}`, false);
        this.dropFromAddress();
      }
      if (own) calc.recalcFields();
      else calc.markStale(false);
      return;
    }
    // The user's own (as the form shows it now, typing included) is kept unless it is the
    // link's scenario or the untouched standard scenario.
    let kept = null;
    if (own) {
      const ownFields = calc.fieldValues();
      const check = await calc.call("berakna_sida", { falt: ownFields });
      const ownScenario = check.ok ? check.data.scenario : null;
      const same = ownScenario && (canonical(ownScenario) === canonical(response.data.scenario) || canonical(ownScenario) === canonical(calc.standard));
      if (JSON.stringify(calc.fieldValues()) !== JSON.stringify(ownFields)) kept = { falt: calc.fieldValues(), scenario: null };
      else if (!same) kept = { falt: ownFields, scenario: ownScenario };
    }
    if (mine !== calc.generation) return; // the user opened something else meanwhile
    calc.generation += 1;
    calc.applyResponse(response.data, { fill: true });
    history.replaceState(null, "", location.pathname + location.search);
    if (!kept) {
      this.sayLink("Scenariot från länken är inläst.", false);
      return;
    }
    const name = keptName(new Set(calc.saved.read().list.map((item) => item.namn)), stamp());
    const saved = calc.saved.add({ namn: name, scenario: kept.scenario, falt: kept.falt });
    this.undo = { falt: kept.falt, namn: saved ? name : null };
    this.sayLink(saved
      ? `Scenariot från länken visas. Din egen beräkning är sparad som ”${name}” under Sparade scenarier. Välj Ångra för att visa din egen beräkning igen.`
      : "Scenariot från länken visas. Din egen beräkning kunde inte sparas i webbläsaren (lagringen är full eller avstängd); välj Ångra för att få tillbaka den medan sidan är öppen.", true);
  }

  undoLink() {
    const calc = this.calc;
    if (!this.undo) return;
    const { falt, namn } = this.undo;
    this.undo = null;
    calc.generation += 1;
    calc.fillFields(falt);
    calc.writeCurrent();
    if (namn) calc.saved.remove(namn);
    calc.markStale(true, "Räknar om …");
    calc.recalcFields();
    this.sayLink("Din egen beräkning visas igen. Scenariot från länken är inte sparat; öppna länken igen om du behöver det.", false);
    this.box.focus();
  }

  restoreOwn(own) {
    const calc = this.calc;
    calc.fillFields(own.falt);
    calc.markStale(true, "Räknar om ditt senaste scenario …");
    if (window.skPython.status !== "redo") calc.notice.textContent = "Dina senaste uppgifter är ifyllda. Resultatet räknas om så snart beräkningen är klar att använda.";
    calc.recalcFields();
  }
}
