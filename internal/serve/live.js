// loa serve: reloads the page after each rebuild, and shows the problems of
// a broken edit over the page until they are fixed. Served by loa serve
// only; it is never part of a built site.
(function () {
  "use strict";
  // The build this page was served from (none for the page shown before
  // the first build):
  // when the events report another one, the page is out of date, even if
  // that build finished before the page connected.
  var me = document.currentScript, overlay = null;
  var seen = me && me.dataset.build ? me.dataset.build : null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "loa-problems";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(255,255,255,.97);color:#8a1c1c;padding:1.5rem;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    // The text starts with its own heading, in the language of loa's
    // messages.
    overlay.textContent = text;
  }
  var es = new EventSource("/__loa/events");
  es.addEventListener("ok", function (e) {
    if (seen !== null && seen !== e.data) location.reload();
    seen = e.data;
  });
  es.addEventListener("reload", function (e) {
    if (seen !== e.data) location.reload();
  });
  es.addEventListener("problem", function (e) { show(e.data); });
}());
