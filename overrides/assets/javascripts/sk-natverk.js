// Offline use (issue 13): the lines that say the page is offline and that a new version is
// ready. sk-python.js registers the service worker and loads this file only when there is
// something to say (offline, a new version installing) or a tool on the page. The lines sit
// under the header, outside what Material's instant navigation replaces.
(function () {
  "use strict";
  if (document.querySelector(".sk-natverk")) return;
  const container = navigator.serviceWorker;

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

  function showOffline() {
    offline.textContent = navigator.onLine
      ? ""
      : "Du är utan nätverk. Sidorna och dina sparade svar finns kvar i den här webbläsaren.";
  }
  window.addEventListener("online", showOffline);
  window.addEventListener("offline", showOffline);
  showOffline();

  // The registration, also when registering again failed because the browser is offline.
  container.getRegistration().then((registration) => registration && watch(registration));

  function watch(registration) {
    // A new version has cached all of itself and waits. It takes over only when asked; then
    // every tab of the site reloads (sk-python.js).
    const offerUpdate = () => {
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
    };
    const watchInstall = () => {
      const next = registration.installing;
      if (next) next.addEventListener("statechange", () => next.state === "installed" && offerUpdate());
    };
    registration.addEventListener("updatefound", watchInstall);
    watchInstall();
    offerUpdate();
    // A tab kept open moves between pages without loading one: look for a new version when
    // the network comes back.
    window.addEventListener("online", () => registration.update().catch(() => {}));
  }

  // Python has started: ask the worker to keep its runtime for offline use. It did not pass
  // through the worker when Python started before the worker controlled this page (the first
  // visit to a tool), nor later: the browser answers the site's files from the worker's cache
  // by itself and fetches what is missing without it (static routing, sw-template.js).
  function keepPython() {
    if (window.skPython.status !== "redo") return;
    container.ready.then((ready) => ready.active && ready.active.postMessage({ type: "behall", grupp: "python" }));
  }
  document.addEventListener("sk-python-status", keepPython);
  keepPython();
})();
