// loa: the script on every page. Quick exit: the buttons are plain links to a neutral site and work
// without this script; with it, leaving is instant: the page is covered at
// once, replaced in the tab's history (so Back does not return to it), and
// Shift pressed three times within five seconds does the same. It follows
// GOV.UK's "Exit this page" component. Nothing is stored or sent.
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-quick-exit]");
  if (!links.length) return;
  var button = document.querySelector(".quick-exit") || links[0];
  var status = document.getElementById("exit-status");
  var overlay = null;

  function exit(event) {
    if (event) event.preventDefault();
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = button.getAttribute("data-loading") || "";
      document.body.appendChild(overlay);
    }
    document.documentElement.className += " exiting";
    window.location.replace(button.getAttribute("href"));
  }
  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exit);

  // Shift ×3 within 5 s. A Shift used with another key (Shift+A) does not
  // count, and any other key starts the count again.
  var presses = 0, timer = null, combined = false;
  function reset(expired) {
    presses = 0;
    clearTimeout(timer);
    if (status) status.textContent = expired ? button.getAttribute("data-expired") || "" : "";
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Shift") {
      if (e.shiftKey) combined = true;
      if (presses) reset(false);
    }
  });
  document.addEventListener("keyup", function (e) {
    if (e.key !== "Shift") return;
    if (combined) { combined = false; return; }
    presses++;
    if (presses === 1) timer = setTimeout(function () { reset(true); }, 5000);
    if (presses >= 3) { reset(false); exit(); return; }
    if (status) status.textContent = (button.getAttribute("data-more") || "").replace("{n}", 3 - presses);
  });

  // A page restored from the back/forward cache must not stay blank.
  window.addEventListener("pageshow", function () {
    document.documentElement.className = document.documentElement.className.replace(/ ?exiting/g, "");
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; }
    reset(false);
  });
}());

// Print or save as PDF (Decree 42/2022/NĐ-CP asks state websites to let
// people print and save each article). The button is hidden without
// JavaScript; the browser's own print command uses the same print styles.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
}());
