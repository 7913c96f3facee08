// Enhancements only: every admin page works without this file.
(function () {
  "use strict";
  // A warning before leaving a form with unsaved changes.
  document.querySelectorAll("form[data-unsaved-warning]").forEach(function (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  });
  // A problem's line number selects that line in the source box.
  document.querySelectorAll("a[data-line]").forEach(function (link) {
    link.addEventListener("click", function (e) {
      var box = document.getElementById("source");
      if (!box) return;
      e.preventDefault();
      var line = parseInt(link.getAttribute("data-line"), 10);
      var lines = box.value.split("\n");
      var start = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
      box.focus();
      box.setSelectionRange(start, start + (lines[line - 1] || "").length);
      var height = box.scrollHeight / Math.max(lines.length, 1);
      box.scrollTop = Math.max(0, (line - 3) * height);
    });
  });
})();
