/* numcheck desk review: filters. The page is complete without this script; it only
   hides subjects and claim rows that do not match, and says how many are shown. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var data = JSON.parse(document.getElementById("numcheck-data").textContent);
  var verdict = document.getElementById("f-verdict");
  var source = document.getElementById("f-source");
  var garbled = document.getElementById("f-garbled");
  var status = document.getElementById("f-status");
  var noMatch = document.getElementById("no-match");
  var subjects = Array.prototype.slice.call(document.querySelectorAll("section.subject"));

  function verdictMatches(section, wanted) {
    var have = (section.getAttribute("data-verdicts") || "").split(" ");
    if (!wanted) { return true; }
    if (wanted === "flagged") { return have.indexOf("none") < 0; }
    return have.indexOf(wanted) >= 0;
  }

  function apply() {
    var wanted = verdict.value, src = source.value, onlyGarbled = garbled.checked;
    var shown = 0;
    subjects.forEach(function (section) {
      var rows = Array.prototype.slice.call(section.querySelectorAll("tr.claim"));
      var visibleRows = 0;
      rows.forEach(function (row) {
        var ok = (!src || row.getAttribute("data-source") === src) &&
                 (!onlyGarbled || row.getAttribute("data-garbled") === "1");
        row.hidden = !ok;
        if (ok) { visibleRows += 1; }
      });
      var show = verdictMatches(section, wanted) && visibleRows > 0;
      section.hidden = !show;
      if (show) { shown += 1; }
    });
    noMatch.hidden = shown > 0;
    var total = subjects.length;
    var label = wanted && data.verdicts[wanted] ? " (" + data.verdicts[wanted] + ")" : "";
    /* the sentence comes in the report's language, with {shown}, {total} and {verdict} */
    status.textContent = data.words.showing.replace("{shown}", String(shown))
      .replace("{total}", String(total)).replace("{verdict}", label);
  }

  form.hidden = false;
  [verdict, source, garbled].forEach(function (el) {
    el.addEventListener("change", apply);
    el.addEventListener("input", apply);
  });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  /* Printing shows everything: open any collapsed part first. */
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) {
      d.open = true;
    });
  });
  apply();
}());
