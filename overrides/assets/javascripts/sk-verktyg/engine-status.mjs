// DOM helpers shared by the tools: the bar for the runtime's first download (the calculator
// too), and for the checklists and the decision document the line about the Python engine,
// Python's HTML fragments with their headings shifted, the error text of a response.

// A bar for the runtime's first download, which the status line, read out by screen readers,
// mentions more rarely. show(download) with {bytes, total} while it lasts; hidden by
// show(null), and until the first show.
export function downloadBar() {
  const element = document.createElement("progress");
  element.className = "sk-hamtning";
  element.setAttribute("aria-label", "Hämtning av beräkningen");
  element.hidden = true;
  const show = (download) => {
    element.hidden = !download;
    if (download) {
      element.max = download.total;
      element.value = download.bytes;
    }
  };
  return { element, show };
}

// A calm status line about the Python engine, with a retry button for when it fails and a
// bar for the first download.
export function engineStatus(afterRetry) {
  const element = document.createElement("div");
  element.className = "sk-motorstatus";
  const text = document.createElement("p");
  text.setAttribute("role", "status");
  text.dataset.motorstatus = "";
  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "md-button sk-knapp";
  retry.textContent = "Försök igen";
  retry.hidden = true;
  retry.addEventListener("click", () => {
    window.skPython.retry();
    afterRetry();
  });
  const bar = downloadBar();
  element.append(text, bar.element, retry);
  return { element, text, retry, bar };
}

// Python's fragment (escaped there) as nodes; headings shifted so the fragment's top level
// is `level` (the static page nests them under the section's own heading).
export function fragment(html, level) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const headings = template.content.querySelectorAll("h1, h2, h3, h4, h5, h6");
  if (level && headings.length) {
    const top = Math.min(...[...headings].map((h) => Number(h.tagName[1])));
    const shift = level - top;
    if (shift) {
      headings.forEach((h) => {
        const n = Math.min(6, Math.max(1, Number(h.tagName[1]) + shift));
        const copy = document.createElement(`h${n}`);
        [...h.attributes].forEach((a) => copy.setAttribute(a.name, a.value));
        copy.append(...h.childNodes);
        h.replaceWith(copy);
      });
    }
  }
  return template.content;
}

export function headingLevelOf(element) {
  const h = element && element.querySelector("h1, h2, h3, h4, h5, h6");
  return h ? Number(h.tagName[1]) : 0;
}

export function errorText(response) {
  const list = (response && response.fel) || [];
  return list.map((m) => m.meddelande).join(" ") || "Okänt fel.";
}
