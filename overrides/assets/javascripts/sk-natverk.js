// Offline use (issue 13). sk-python.js loads this once the page has loaded and the browser is
// idle, so it costs the first paint nothing. It registers the service worker (sw.js, written
// by overrides/hooks/offline.py; not on `mkdocs serve`, where the page has no sk-offline
// meta), says when the page is offline, and offers a new version of the site when its worker
// has cached all of it. Two status lines under the header, outside the part of the page that
// Material's instant navigation replaces, so they stay from page to page.
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="sk-offline"]');
  if (!meta || !("serviceWorker" in navigator) || window.skPython.natverk) return;
  const container = navigator.serviceWorker;
  const workerUrl = new URL(meta.getAttribute("content"), document.baseURI);
  const controlled = Boolean(container.controller);

  const box = document.createElement("div");
  box.className = "sk-natverk";
  const offline = document.createElement("p");
  offline.setAttribute("role", "status");
  offline.dataset.skNatverk = "";
  const update = document.createElement("p");
  update.setAttribute("role", "status");
  update.dataset.skNyVersion = "";
  box.append(offline, update);
  const place = document.querySelector('[data-md-component="container"]');
  if (place) place.before(box);
  else document.body.prepend(box);

  window.skPython.natverk = { registrering: null };

  function showOffline() {
    offline.textContent = navigator.onLine
      ? ""
      : "Du är utan nätverk. Sidorna och dina sparade svar finns kvar i den här webbläsaren.";
  }
  window.addEventListener("online", showOffline);
  window.addEventListener("offline", showOffline);
  showOffline();

  // The new version takes over only when asked: until then this tab keeps every file from the
  // version it was loaded with. When it takes over, every tab of the site reloads (the answers
  // are saved as they are typed), so no tab goes on with files of two versions.
  function offerUpdate(registration) {
    if (!registration.waiting || !container.controller || update.childElementCount) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sk-knapp";
    button.textContent = "Ladda om sidan";
    button.addEventListener("click", () => {
      button.disabled = true;
      if (registration.waiting) registration.waiting.postMessage({ type: "aktivera" });
    });
    update.append("En ny version av webbplatsen finns. ", button);
  }
  let reloading = false;
  container.addEventListener("controllerchange", () => {
    if (!controlled || reloading) return;
    reloading = true;
    window.location.reload();
  });

  // Python started before the worker controlled this page (the first visit to a tool): its
  // runtime did not pass through the worker, so ask the worker to keep it for offline use.
  function keepPython() {
    if (container.controller || window.skPython.status !== "redo") return;
    container.ready.then((registration) => {
      if (registration.active) registration.active.postMessage({ type: "behall", grupp: "python" });
    });
  }
  document.addEventListener("sk-python-status", keepPython);

  container.register(workerUrl.href, { scope: new URL("./", workerUrl).href, updateViaCache: "none" })
    .then((registration) => {
      if (!registration) return; // registration blocked by the browser (the tests' profiles)
      window.skPython.natverk.registrering = registration;
      keepPython();
      offerUpdate(registration);
      registration.addEventListener("updatefound", () => {
        const next = registration.installing;
        if (next) next.addEventListener("statechange", () => next.state === "installed" && offerUpdate(registration));
      });
      // A tab kept open for days moves between pages without loading one: look for a new
      // version when the network comes back.
      window.addEventListener("online", () => registration.update().catch(() => {}));
    })
    .catch(() => {
      // No service worker here (a private window, storage turned off): the site works as
      // before, only not offline.
    });
})();
