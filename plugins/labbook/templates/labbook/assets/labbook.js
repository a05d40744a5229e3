/* labbook: toggles, copy buttons and "et al." expansion. Event delegation on the document, so it keeps
   working with Material's instant navigation without re-binding; everything degrades to plain HTML. */
(function () {
  "use strict";
  document.documentElement.classList.add("lb-js");

  function showEtAlButtons(root) {
    root.querySelectorAll(".lb-etal[hidden]").forEach(function (button) { button.hidden = false; });
  }

  function onClick(event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.classList.contains("lb-toggle") || target.classList.contains("lb-etal")) {
      var panel = document.getElementById(target.getAttribute("aria-controls"));
      if (!panel) return;
      var open = target.getAttribute("aria-expanded") !== "true";
      target.setAttribute("aria-expanded", open ? "true" : "false");
      if (target.classList.contains("lb-etal")) {
        panel.classList.toggle("lb-open", open);
        target.hidden = open;
      } else {
        panel.hidden = !open;
      }
    } else if (target.classList.contains("lb-copy")) {
      var source = document.getElementById(target.getAttribute("data-copy"));
      if (!source) return;
      var text = source.textContent;
      var done = function () {
        var label = target.textContent;
        target.textContent = "Copied";
        setTimeout(function () { target.textContent = label; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else { fallbackCopy(text); done(); }
    }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  document.addEventListener("click", onClick);
  function init() { showEtAlButtons(document); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else { init(); }
})();
