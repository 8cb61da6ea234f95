// Starts a component on every element a selector finds, on this page and on every page
// Material's instant navigation brings (window.skPython.onPage), once per element. The
// component objects may have connected(), flush() (pagehide, tab hidden, element gone),
// onStorage(event), onPythonStatus(status, meddelande) and onPythonDownload({bytes, total}
// while the runtime downloads, null once loading has ended); this module sends them the
// window's events. One registry per tab for all components.

const components = new Set();

function prune() {
  [...components].forEach((c) => {
    if (c.connected && !c.connected()) {
      if (c.flush) c.flush();
      components.delete(c);
    }
  });
}
const each = (method, ...args) => components.forEach((c) => c[method] && c[method](...args));

let wired = false;
function wire() {
  if (wired) return;
  wired = true;
  window.addEventListener("storage", (event) => each("onStorage", event));
  window.addEventListener("pagehide", () => each("flush"));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") each("flush");
  });
  document.addEventListener("sk-python-status", (event) => {
    prune();
    each("onPythonStatus", event.detail.status, event.detail.meddelande);
    if (event.detail.status !== "laddar") each("onPythonDownload", null);
  });
  document.addEventListener("sk-python-hamtning", (event) => each("onPythonDownload", event.detail));
}

// start(element) returns the component object.
export function register(selector, start) {
  wire();
  window.skPython.onPage(() => {
    prune();
    document.querySelectorAll(selector).forEach((element) => {
      if (element.dataset.skKlar) return;
      element.dataset.skKlar = "1";
      components.add(start(element));
    });
  });
}
