// The colour switch while the site follows the device (Material's automatic palette): a
// click goes to the scheme the device is not in, so that it always changes what is seen.
// Material's order (mkdocs.yml) goes on to dark, which on a dark device changed nothing.
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
  function aim() {
    label.htmlFor = (deviceDark.matches ? light : dark).id;
  }
  aim();
  deviceDark.addEventListener("change", aim);
})();
