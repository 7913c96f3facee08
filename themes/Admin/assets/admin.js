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
  // A file over the upload limit is stopped in the browser, before minutes of sending end in a refusal.
  document.querySelectorAll("form[data-max-bytes] input[type=file]").forEach(function (input) {
    var form = input.form;
    var max = parseInt(form.getAttribute("data-max-bytes"), 10);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? form.getAttribute("data-too-large") : "");
      if (file && file.size > max) input.reportValidity();
    });
  });
})();
