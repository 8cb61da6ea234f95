// Material's script on a tool page, later (issue 13). On two cores its start-up slowed
// Python's by about 0,2 s on a second visit, so overrides/main.html leaves its tag with a type
// the browser does not run, and this script (on tool pages only) loads it once Python is
// ready or has stopped, as soon as the visitor reaches for the header (search, colour switch)
// or presses a key, and at the latest after LATEST_MS. Until then the menu, content tabs and
// links work without it (a link loads its page instead of Material's instant navigation).
(function () {
  "use strict";
  const LATEST_MS = 3000;
  const held = document.querySelector('script[type="sk-senare"]');
  if (!held) return;

  // Meanwhile the page looks as Material will make it: styled for a browser with JavaScript
  // (the search field shows; focusing it brings Material), and, when the visitor has chosen
  // no colour scheme, in the scheme of the first palette whose media query matches, which is
  // Material's choice too (a stored choice its inline script in <body> has applied already).
  document.documentElement.classList.replace("no-js", "js");
  let stored = null;
  try {
    stored = window.__md_get && window.__md_get("__palette");
  } catch (error) {
    /* an unreadable stored choice: Material falls back to the media queries too */
  }
  const palettes = Array.from(document.querySelectorAll('[data-md-component="palette"] input'));
  const chosen = !stored && palettes.find((input) => window.matchMedia(input.dataset.mdColorMedia || "not all").matches);
  if (chosen) {
    ["media", "scheme", "primary", "accent"].forEach((key) => {
      const value = chosen.getAttribute(`data-md-color-${key}`);
      if (value !== null) document.body.setAttribute(`data-md-color-${key}`, value);
    });
  }

  // Material starts on DOMContentLoaded, which has passed when its script runs here, so its
  // document$ is handed this page; then sk-python.js hands it the functions that ran already.
  function load() {
    if (held.dataset.skSlappt) return;
    held.dataset.skSlappt = "1";
    const script = document.createElement("script");
    script.src = held.src;
    script.onload = () => {
      if (!window.document$ || typeof window.document$.next !== "function") return;
      window.document$.next(document);
      document.dispatchEvent(new Event("sk-material"));
    };
    document.body.appendChild(script);
  }
  const release = () => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load, { once: true });
    else load();
  };
  document.addEventListener("sk-python-status", (event) => {
    if (event.detail && (event.detail.status === "redo" || event.detail.status === "fel")) release();
  });
  const header = document.querySelector(".md-header");
  if (header) ["pointerdown", "focusin"].forEach((type) => header.addEventListener(type, release, { once: true }));
  document.addEventListener("keydown", release, { once: true });
  setTimeout(release, LATEST_MS);
})();
