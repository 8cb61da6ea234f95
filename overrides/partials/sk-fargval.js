(function () {
  "use strict";
  var inputs = document.querySelectorAll('[data-md-component="palette"] input');
  var byMedia = {};
  for (var i = 0; i < inputs.length; i++) byMedia[inputs[i].getAttribute("data-md-color-media")] = inputs[i];
  var automatic = byMedia["(prefers-color-scheme)"];
  var light = byMedia["(prefers-color-scheme: light)"];
  var dark = byMedia["(prefers-color-scheme: dark)"];
  var label = automatic && automatic.nextElementSibling;
  if (!label || label.tagName !== "LABEL" || !light || !dark) return;
  var deviceDark = matchMedia("(prefers-color-scheme: dark)");
  try {
    if (!__md_get("__palette")) {
      var palette = deviceDark.matches ? dark : light;
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, palette.getAttribute("data-md-color-" + key));
      });
    }
  } catch (error) {
    // storage blocked: Material's script chooses when it runs
  }
  function aim() {
    label.htmlFor = (deviceDark.matches ? light : dark).id;
  }
  aim();
  deviceDark.addEventListener("change", aim);
})();
