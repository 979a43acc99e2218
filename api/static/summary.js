// Polkuopas – summary page: shows the print button (hidden without JavaScript).
(function () {
  "use strict";
  var button = document.getElementById("print-button");
  if (!button || typeof window.print !== "function") {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
