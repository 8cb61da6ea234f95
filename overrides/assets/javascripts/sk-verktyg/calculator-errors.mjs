// The calculator's messages about its fields: each message under its field (marked
// aria-invalid), the rest above the form, and the refusal of an act ("Scenariot sparades
// inte: …") naming the fields by their labels.

import { joinSv } from "./text.mjs";

export class FieldErrors {
  constructor(form, message) {
    this.form = form;
    this.message = message;
  }
  labelOf(name) {
    const control = name && this.form.querySelector(`[name="${CSS.escape(name)}"]`);
    const label = control && control.id && this.form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    return label ? label.textContent.trim() : null;
  }
  clear() {
    this.form.querySelectorAll("[aria-invalid='true']").forEach((el) => el.removeAttribute("aria-invalid"));
    this.form.querySelectorAll("[data-sk-faltfel]").forEach((el) => {
      el.textContent = "";
      el.hidden = true;
    });
    this.message.textContent = "";
    this.message.hidden = true;
  }
  show(list) {
    this.clear();
    const general = [];
    list.forEach(({ falt, meddelande }) => {
      const box = falt && this.form.querySelector(`[data-sk-faltfel="${CSS.escape(falt)}"]`);
      const control = falt && this.form.querySelector(`[name="${CSS.escape(falt)}"]`);
      if (box) {
        box.textContent = box.textContent ? `${box.textContent} ${meddelande}` : meddelande;
        box.hidden = false;
        if (control) control.setAttribute("aria-invalid", "true");
        const group = box.closest("details"); // a message in a closed group must be seen
        if (group) group.open = true;
      } else general.push(meddelande);
    });
    if (general.length) {
      this.message.textContent = general.join(" ");
      this.message.hidden = false;
    }
  }
  // "Scenariot sparades inte: Omfattning är inte rätt ifyllt. Rätta fältet först."
  refusal(what, fel) {
    const labels = [...new Set(fel.map((m) => this.labelOf(m.falt)).filter(Boolean))];
    const general = fel.filter((m) => !this.labelOf(m.falt)).map((m) => m.meddelande);
    const parts = [];
    if (labels.length === 1) parts.push(`${labels[0]} är inte rätt ifyllt. Rätta fältet först.`);
    if (labels.length > 1) parts.push(`${joinSv(labels)} är inte rätt ifyllda. Rätta fälten först.`);
    return `${what}: ${parts.concat(general).join(" ")}`;
  }
}
