// What the visitor changed in a tool's form before its script ran. On a slow connection the
// page, and its fields, can be used seconds before the scripts have loaded; a tool that then
// restores what it saved (older) or takes the fields for the pre-rendered defaults would
// silently lose or ignore those changes.
//
//   typedBeforeStart(form) → [[control, value]]: each control whose value (or checked state)
//                            differs from the page's own, in document order
//   putBack(changes)       → set them again (after the tool has restored what it saved)

export function typedBeforeStart(form) {
  const changes = [];
  form.querySelectorAll("input, textarea, select").forEach((control) => {
    // Not a control that works only with the script (hidden until it runs: a differing value
    // there is the browser's restoring of a form, not the visitor's typing).
    if (control.closest("template, [data-sk-kraver-js], [data-kraver-js]") || control.disabled) return;
    if (control.type === "checkbox" || control.type === "radio") {
      if (control.checked !== control.defaultChecked) changes.push([control, control.checked]);
    } else if (control.tagName === "SELECT") {
      if (control.value !== pageValue(control)) changes.push([control, control.value]);
    } else if (control.type !== "hidden" && control.type !== "file" && control.value !== control.defaultValue) {
      changes.push([control, control.value]);
    }
  });
  return changes;
}

export function putBack(changes) {
  changes.forEach(([control, value]) => {
    if (typeof value === "boolean") control.checked = value;
    else control.value = value;
  });
}

// The value a control has in the page as sent (before anyone typed).
export function pageValue(control) {
  if (control.tagName !== "SELECT") return control.defaultValue;
  const chosen = [...control.options].find((option) => option.defaultSelected) || control.options[0];
  return chosen ? chosen.value : "";
}
