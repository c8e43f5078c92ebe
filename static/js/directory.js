// loa: filter for the directory's home page. Progressive enhancement: the
// page lists everything without JavaScript, and the category and area pages
// do the same job. Nothing is stored and nothing is sent anywhere.
(function () {
  "use strict";
  var form = document.getElementById("dir-filter");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".provider-card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".dir-group"));
  var status = document.getElementById("f-status");
  // Areas that cover every other (the whole country): their entries serve
  // any area a reader chooses.
  var nationwide = (form.getAttribute("data-nationwide") || "").split(" ").filter(Boolean);

  // A choice no card has cannot help anyone: drop such options, even when
  // a site's own template lists every declared category or area.
  [["category", "data-categories"], ["area", "data-areas"]].forEach(function (f) {
    Array.prototype.slice.call(form[f[0]].options).forEach(function (o) {
      if (o.value && !cards.some(function (c) { return has(c, f[1], o.value); })) o.remove();
    });
  });

  // openNow tells whether a card's service may be open at this moment in
  // Vietnam (UTC+7, no daylight saving), from data-open247 / data-hours
  // ([[weekday 0=Monday, opens, closes], …] in minutes after midnight).
  function openNow(card, now) {
    if (card.hasAttribute("data-open247")) return true;
    var hours = card.getAttribute("data-hours");
    // Hours not known: keep the entry (it may well be open, and hiding an
    // emergency number would be worse than showing one too many).
    if (!hours) return true;
    var vn = new Date(now.getTime() + 7 * 3600 * 1000);
    var day = (vn.getUTCDay() + 6) % 7;
    var minute = vn.getUTCHours() * 60 + vn.getUTCMinutes();
    return JSON.parse(hours).some(function (h) {
      return h[0] === day && minute >= h[1] && minute < h[2];
    });
  }

  function has(card, attr, value) {
    return !value || (card.getAttribute(attr) || "").split(" ").indexOf(value) >= 0;
  }

  function apply() {
    var category = form.category.value, area = form.area.value;
    var open = form.open.checked, free = form.free.checked, now = new Date();
    var shown = {};
    cards.forEach(function (card) {
      var ok = has(card, "data-categories", category) &&
        (has(card, "data-areas", area) || nationwide.some(function (n) { return has(card, "data-areas", n); })) &&
        (!free || card.hasAttribute("data-free")) && (!open || openNow(card, now));
      card.hidden = !ok;
      if (ok) shown[card.querySelector("a").getAttribute("href")] = true;
    });
    groups.forEach(function (g) {
      g.hidden = (category && g.getAttribute("data-group") !== category) ||
        !g.querySelector(".provider-card:not([hidden])");
    });
    var n = Object.keys(shown).length;
    status.textContent = n ? status.getAttribute("data-count") + ": " + n : status.getAttribute("data-none");
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.hidden = false;
  apply();
}());
