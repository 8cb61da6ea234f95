// Small formatting helpers for the Swedish messages the tools show. No DOM (cutAt reads a
// field's value, selection and limit, nothing more).

// 1 234 (Swedish digit grouping).
export const number = (n) => n.toLocaleString("sv-SE");

// The browser cuts text that does not fit a field's maxlength without a word. cutAt(field,
// incoming) is the field's limit when `incoming` (typed, pasted or dropped over the current
// selection) does not fit, else 0; the tools then say so. arriving(event) is the text a
// paste or drop brings.
export function cutAt(field, incoming) {
  const most = field && field.maxLength;
  if (!most || most < 0) return 0;
  const text = String(incoming ?? "").replace(/\r\n?/g, "\n"); // as the field will hold it
  const selected = Math.max(0, (field.selectionEnd ?? 0) - (field.selectionStart ?? 0));
  return field.value.length - selected + text.length > most ? most : 0;
}
export function arriving(event) {
  const transfer = event.clipboardData || event.dataTransfer;
  return transfer ? transfer.getData("text/plain") || transfer.getData("text") : "";
}

// At most `n` characters of something the user typed or stored, for a message.
export function shortText(value, n = 40) {
  const text = String(value);
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

// "a", "a och b", "a, b och c".
export function joinSv(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

const two = (n) => String(n).padStart(2, "0");

// "2025-05-03" (the local day), for file names and the day a file was made.
export function isoDay(date = new Date()) {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

// "2025-05-03 kl. 14.05" (local time).
export function stamp(date = new Date()) {
  return `${isoDay(date)} kl. ${two(date.getHours())}.${two(date.getMinutes())}`;
}

// The messages of a failed worker response ({ok: false, fel: [{falt, meddelande}]}).
export function messages(response) {
  const list = response && Array.isArray(response.fel) ? response.fel : [];
  return list.length ? list : [{ falt: null, meddelande: "Okänt fel." }];
}
export const messageText = (response) => messages(response).map((m) => m.meddelande).join(" ");

// The line about the Python engine that a checklist or the document shows. The runtime's
// message is the same for every tool (while loading: that it is starting or being
// downloaded); `later` says what this tool gives once the engine works, and `takesAnswers`
// whether the page itself has answers to save while it loads. When ready, the line says so:
// a screen reader heard it say "visas så snart …", and the page does not jump.
export function engineStatusText(status, meddelande, what, { later = "", takesAnswers = true } = {}) {
  if (status === "redo") return `${what} följer nu dina svar.`;
  if (status === "laddar" || status === "vilande") return `${(status === "laddar" && meddelande) || "Beräkningen förbereds."} ${what} visas så snart beräkningen är klar att använda.${takesAnswers ? " Dina svar sparas redan." : ""}`;
  return `${meddelande || "Beräkningen kunde inte startas."} ${what} kan inte räknas fram just nu, men dina svar sparas ändå.${later ? ` ${later}` : ""}`;
}

// A name the user typed, shown isolated from the text around it (right-to-left letters in
// it do not reorder the sentence): a <bdi> element, for say(parts) and labels.
export function isolated(name) {
  const bdi = document.createElement("bdi");
  bdi.textContent = name;
  return bdi;
}
