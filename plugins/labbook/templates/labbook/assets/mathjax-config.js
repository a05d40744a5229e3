/* labbook: MathJax 3 set up for pymdownx.arithmatex's generic mode, which writes inline math as
   <span class="arithmatex">\(...\)</span> and display math as <div class="arithmatex">\[...\]</div>.
   MathJax typesets only those elements, and again after each of Material's instant page changes. */
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex"
  }
};

(function () {
  "use strict";
  var first = true;
  function typeset() {
    // The first page is typeset by MathJax's own start-up; later pages arrive through instant navigation.
    if (first) { first = false; return; }
    var mj = window.MathJax;
    if (!mj || !mj.startup || !mj.startup.promise || typeof mj.typesetPromise !== "function") return;
    mj.startup.promise.then(function () {
      mj.startup.output.clearCache();
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    }).catch(function (error) { console.warn("MathJax:", error); });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(typeset);
  }
})();
