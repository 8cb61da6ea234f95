// Material's script on a tool page, later (issue 13). On two cores its start-up slowed
// Python's by about 0,2 s on a second visit, so overrides/main.html leaves its tag with a type
// the browser does not run, and this script (on tool pages only) loads it once Python is
// ready or has stopped, as soon as the visitor reaches for the header or presses a key, and
// at the latest after LATEST_MS. Until then the menu, content tabs and links work without it
// (a link loads its page instead of Material's instant navigation), and what the visitor does
// in the header is not lost:
//   - the page is styled for a browser with JavaScript (the search field shows);
//   - the colour switch shows, and a click on it is handed to Material when it has come;
//   - a tap on the search icon opens the search with the cursor in the field;
//   - Material's search keys ("s", "/", "f") open the search at once, and a Tab is handed to
//     Material when it has come.
(function () {
  "use strict";
  const LATEST_MS = 3000;
  const held = document.querySelector('script[type="sk-senare"]');
  if (!held) return;
  let arrived = false;
  let lastTab = null; // [target, the Tab keydown's properties]
  let paletteClick = null; // the colour switch the visitor clicked

  document.documentElement.classList.replace("no-js", "js");

  // The colour switch Material would show: the label after the input of the palette in use,
  // which the header's script (partials/sk-fargval.html) has checked as Material chooses it.
  const palettes = Array.from(document.querySelectorAll('[data-md-component="palette"] input'));
  const current = palettes.find((input) => input.checked) || palettes[0];
  if (current && current.nextElementSibling) current.nextElementSibling.hidden = false;
  palettes.forEach((input) => {
    const label = input.nextElementSibling;
    if (!label) return;
    label.addEventListener("click", (event) => {
      if (arrived) return;
      event.preventDefault(); // Material would undo the change when it starts
      paletteClick = label;
      release();
    });
  });

  // On a phone the search opens from an icon; the field must get the cursor during the tap
  // for the keyboard to come up.
  const searchToggle = document.getElementById("__search");
  const searchField = document.querySelector("input.md-search__input");
  function openSearch(open) {
    searchToggle.checked = open;
    if (open) searchField.focus();
  }
  document.querySelectorAll('label[for="__search"]').forEach((label) => {
    label.addEventListener("click", (event) => {
      if (arrived || !searchToggle || !searchField) return;
      event.preventDefault();
      openSearch(!searchToggle.checked); // the same labels close it again
      release();
    });
  });

  // Material's search keys open the search here at once, so that what is typed next goes
  // into the field (not to Material's "p"/"n" page shortcuts when it comes). Tab is handed
  // to Material when it has come, which then marks the focused element (its focus ring).
  const typing = (target) => target.closest && target.closest("input, textarea, select, [contenteditable]");
  function onKey(event) {
    if (arrived) return;
    const plain = !(event.altKey || event.ctrlKey || event.metaKey);
    if (plain && ["s", "/", "f"].includes(event.key) && !typing(event.target) && searchToggle && searchField) {
      event.preventDefault();
      openSearch(true);
    } else if (event.key === "Tab") {
      const { key, code, shiftKey } = event;
      lastTab = [event.target, { key, code, shiftKey, bubbles: true, cancelable: true }];
    }
    release();
  }
  document.addEventListener("keydown", onKey, true);

  // Material starts on DOMContentLoaded, which has passed when its script runs here, so its
  // document$ is handed this page; then sk-python.js hands it the functions that ran already.
  function load() {
    if (held.dataset.skSlappt) return;
    held.dataset.skSlappt = "1";
    const script = document.createElement("script");
    script.src = held.src;
    script.onload = () => {
      if (!window.document$ || typeof window.document$.next !== "function") return;
      arrived = true;
      document.removeEventListener("keydown", onKey, true);
      window.document$.next(document);
      document.dispatchEvent(new Event("sk-material"));
      if (lastTab && lastTab[0].isConnected) lastTab[0].dispatchEvent(new KeyboardEvent("keydown", lastTab[1]));
      if (paletteClick && paletteClick.isConnected) paletteClick.click();
    };
    document.body.appendChild(script);
  }
  function release() {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load, { once: true });
    else load();
  }
  document.addEventListener("sk-python-status", (event) => {
    if (event.detail && (event.detail.status === "redo" || event.detail.status === "fel")) release();
  });
  const header = document.querySelector(".md-header");
  if (header) ["pointerdown", "focusin"].forEach((type) => header.addEventListener(type, release, { once: true }));
  setTimeout(release, LATEST_MS);
})();
