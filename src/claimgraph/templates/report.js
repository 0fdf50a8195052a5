(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var stories = Array.prototype.slice.call(document.querySelectorAll("section.story"));
  var count = document.getElementById("filter-count");

  function current() {
    var f = {};
    selects.forEach(function (s) { f[s.dataset.filter] = s.value; });
    return f;
  }

  function apply() {
    var f = current();
    var shown = 0;
    findings.forEach(function (el) {
      var ok = (!f.story || el.dataset.story === f.story) &&
        (!f.type || el.dataset.type === f.type) &&
        (!f.outlet || el.dataset.outlets.split(" ").indexOf(f.outlet) >= 0);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    stories.forEach(function (sec) {
      sec.hidden = !!f.story && sec.dataset.story !== f.story;
      var mine = sec.querySelectorAll("[data-finding]");
      var visible = sec.querySelectorAll("[data-finding]:not([hidden])");
      var note = sec.querySelector(".no-match");
      if (note) { note.hidden = !(mine.length && !visible.length); }
    });
    var filtered = !!(f.story || f.type || f.outlet);
    count.textContent = filtered ? shown + " of " + findings.length + " findings shown" : findings.length + " findings";
    if (window.history && window.history.replaceState && window.URLSearchParams) {
      var p = new URLSearchParams(window.location.search);
      Object.keys(f).forEach(function (k) { if (f[k]) { p.set(k, f[k]); } else { p.delete(k); } });
      var q = p.toString();
      try {  /* keeps the filters in the address, to share; a page opened from a file may refuse */
        window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
      } catch (e) { /* the filters still apply */ }
    }
  }

  if (window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.dataset.filter);
      if (v && s.querySelector('option[value="' + v.replace(/["\\]/g, "") + '"]')) { s.value = v; }
    });
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    apply();
  });
  apply();
})();
