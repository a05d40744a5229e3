/* labbook: MathJax 3 set up for pymdownx.arithmatex's generic mode, which writes inline math as
   <span class="arithmatex">\(...\)</span> and display math as <div class="arithmatex">\[...\]</div>.
   MathJax typesets only those elements, and again after each of Material's instant page changes.
   The math comes from data files that pull requests change, so MathJax's "safe" extension filters what TeX
   could put into the page: links only to http, https and mailto, and no classes, ids or CSS from \class,
   \cssId, \style or \bbox (\style{position:fixed} would cover the page). \require is removed, \unicode
   never loaded and \href alone loads the html extension. `labbook check` reports all of them as well. */
window.MathJax = {
  loader: {
    load: ["ui/safe"]
  },
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    packages: { "[-]": ["require"] },
    autoload: { html: ["href"], unicode: [] }
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
    safeOptions: {
      allow: { URLs: "safe", classes: "none", cssIDs: "none", styles: "none" },
      safeProtocols: { http: true, https: true, mailto: true, file: false, javascript: false, data: false }
    }
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
