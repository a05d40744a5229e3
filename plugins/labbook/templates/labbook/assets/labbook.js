/* labbook: toggles, copy buttons, "et al." expansion and the filters of generated lists.

   Clicks are handled by one listener on the document, so they keep working across Material's instant
   navigation without re-binding; the filters are set up again for each new page (Material's document$, or
   DOMContentLoaded without it). Without JavaScript every entry is on the page and an entry's abstract and
   BibTeX are on its own page, which its title links. The filter form is on the page from the first paint
   (no layout shift when the script arrives); without JavaScript a <noscript> style in the page's head hides
   it. MathJax is loaded only on a page whose content carries labbook's math marker, and only once math is on
   screen: pages without math never transfer it. */
(function () {
  "use strict";
  // A marker of the script having run. No style may depend on it: a class change on <html> after the first
  // paint restyles the whole page (what needs JavaScript is hidden by a <noscript> style instead).
  document.documentElement.classList.add("lb-js");

  /* ---- toggles and copy buttons ------------------------------------------------------------------------- */

  function showEtAlButtons(root) {
    root.querySelectorAll(".lb-etal[hidden]").forEach(function (button) { button.hidden = false; });
  }

  function onClick(event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    // A chip clicked before the filters' deferred set-up (see init) sets them up first, so its press counts.
    if (target.classList.contains("lb-chip")) initFacets(document);
    if (target.classList.contains("lb-toggle") || target.classList.contains("lb-etal")) {
      var panel = document.getElementById(target.getAttribute("aria-controls"));
      if (!panel) return;
      var open = target.getAttribute("aria-expanded") !== "true";
      target.setAttribute("aria-expanded", open ? "true" : "false");
      if (target.classList.contains("lb-etal")) {
        panel.classList.toggle("lb-open", open);
        target.hidden = open;
      } else {
        if (open && target.hasAttribute("data-lb-src") && !panel.hasChildNodes()) fillPanel(target, panel);
        panel.hidden = !open;
      }
    } else if (target.classList.contains("lb-print")) {
      window.print();
    } else if (target.classList.contains("lb-copy")) {
      copy(target);
    } else if (target.classList.contains("lb-chip")) {
      var pressed = target.getAttribute("aria-pressed") === "true";
      target.setAttribute("aria-pressed", pressed ? "false" : "true");
      var form = target.closest("form[data-lb-facets]");
      if (form && form.lbFacets) form.lbFacets.changed();
    }
  }

  /* ---- on demand: abstracts and BibTeX from the entry's page, full cards of long lists -------------------
     A card whose entry has its own page carries empty panels; its toggles (data-lb-src) fill them from that
     page the first time they open. Past the first screen /publications/ holds short entries (p.lb-pub); each year group
     (data-lb-chunk) swaps in their full cards from a JSON file when it scrolls near. */

  var pages = {};

  function entryPage(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.text();
      }).then(function (text) { return new DOMParser().parseFromString(text, "text/html"); });
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  // Links in the fetched page are relative to it; in the card they must still reach the same place.
  function absolutise(root, base) {
    root.querySelectorAll("[href], [src]").forEach(function (el) {
      ["href", "src"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value && value.charAt(0) !== "#") el.setAttribute(name, new URL(value, base).href);
      });
    });
  }

  function typeset(root) {
    var mj = window.MathJax;
    if (!mj || !mj.startup || !mj.startup.promise || typeof mj.typesetPromise !== "function") return;
    mj.startup.promise.then(function () { return mj.typesetPromise([root]); })
      .catch(function (error) { console.warn("MathJax:", error); });
  }

  function fillPanel(button, panel) {
    var url = new URL(button.getAttribute("data-lb-src"), window.location.href).href;
    panel.textContent = "Loading…";
    button.setAttribute("aria-busy", "true");
    entryPage(url).then(function (doc) {
      panel.textContent = "";
      if (panel.classList.contains("lb-abstract")) {
        var source = doc.querySelector(".lb-pub-page .lb-abstract");
        var para = document.createElement("p");
        para.innerHTML = source ? source.innerHTML : "";
        absolutise(para, url);
        panel.appendChild(para);
      } else {
        var code = doc.querySelector(".lb-pub-page .lb-bibtex code");
        var id = panel.id.replace(/^lb-bib-/, "lb-bibsrc-");
        var copyButton = document.createElement("button");
        copyButton.type = "button"; copyButton.className = "lb-btn lb-copy";
        copyButton.setAttribute("data-copy", id); copyButton.textContent = "Copy";
        var pre = document.createElement("pre");
        var out = document.createElement("code");
        out.id = id; out.textContent = code ? code.textContent : "";
        pre.appendChild(out);
        panel.appendChild(copyButton); panel.appendChild(pre);
      }
      // The entry's page carries the math marker when the site self-hosts MathJax and the entry has math; a
      // list whose abstracts all load on demand has none of its own, so the first such panel loads MathJax.
      if (!mathRequested && doc.querySelector("[data-lb-mathjax]") && panel.querySelector(".arithmatex")) {
        loadMathJax();
      } else {
        typeset(panel);
      }
    }, function () {
      // Offline, or the page moved: the entry's own page is still one link away.
      panel.textContent = "";
      var link = document.createElement("a");
      link.href = url; link.textContent = "Open this publication's page";
      panel.appendChild(link);
    }).then(function () { button.removeAttribute("aria-busy"); });
  }

  var chunkObserver = null;

  function initChunks(root) {
    // A new page (instant navigation) stops watching the old one's groups.
    if (chunkObserver) { chunkObserver.disconnect(); chunkObserver = null; }
    var groups = Array.prototype.slice.call(root.querySelectorAll(".lb-pub-list[data-lb-chunk]"));
    if (!groups.length) return;
    // Resolved now, against this page's address: by the time a group scrolls near, instant navigation may
    // have changed the address the relative URL would be read against.
    groups.forEach(function (group) {
      group.lbChunk = new URL(group.getAttribute("data-lb-chunk"), window.location.href).href;
    });
    var load = function (group) {
      var url = group.lbChunk;
      if (!url || !group.isConnected) return;
      group.lbChunk = null;
      group.removeAttribute("data-lb-chunk");
      fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }).then(function (cards) { swapCards(group, cards); })
        .catch(function (error) { console.warn("labbook:", error); });
    };
    if (!("IntersectionObserver" in window)) { groups.forEach(load); return; }
    // One screen ahead: the cards arrive before the reader scrolls to them, and a group further down is not
    // swapped in (a long task of style and layout) while the page is still starting.
    var observer = chunkObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); load(entry.target); }
      });
    }, { rootMargin: "100% 0px" });
    groups.forEach(function (group) { observer.observe(group); });
  }

  // The id the address links to ("" when there is none or it is not percent-decodable).
  function linkedId() {
    try { return decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return ""; }  // "#%E0%A4"
  }

  // What the reader is looking at, to keep it in place while cards are swapped in: the entry the address links
  // to when it is on screen, else whatever is in the middle of the screen (by the nearest id, which a short
  // entry and its full card share). The browser's own scroll anchoring cannot do it: the entries it anchors
  // to are the ones replaced.
  function readingPlace() {
    var id = linkedId();
    var el = id ? document.getElementById(id) : null;
    if (el) {
      var box = el.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) el = null;
    }
    if (!el) {
      var at = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      el = at && at.closest ? at.closest("[id]") : null;
    }
    return el && el.id ? { id: el.id, top: el.getBoundingClientRect().top } : null;
  }

  function keepPlace(place) {
    var el = place && document.getElementById(place.id);
    if (!el) return;
    var moved = el.getBoundingClientRect().top - place.top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }

  function swapCards(group, cards) {
    var scope = group.closest("article") || document;
    var form = scope.querySelector("form[data-lb-facets]");
    var place = readingPlace();
    group.querySelectorAll("p.lb-pub").forEach(function (short) {
      var html = cards[short.id];
      if (html == null) return;
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var card = holder.querySelector("article");
      if (!card) return;
      card.hidden = short.hidden;
      short.parentNode.replaceChild(card, short);
      if (form && form.lbFacets) form.lbFacets.swapped(short, card);
    });
    showEtAlButtons(group);
    keepPlace(place);
    typeset(group);
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.textContent;
    var done = function (ok) {
      if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
      button.textContent = ok ? "Copied" : "Press Ctrl+C";
      setTimeout(function () { button.textContent = button.getAttribute("data-label"); }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); },
        function () { done(fallbackCopy(text)); });
    } else { done(fallbackCopy(text)); }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    var ok = false;
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  /* ---- filters --------------------------------------------------------------------------------------------
     A form[data-lb-facets] filters the elements matching its data-lb-items selector. Each control names the
     card attribute it reads (data-attr="year" reads data-year; several values are separated by "|"). Values
     of one filter are alternatives (2023 or 2024); different filters must all match. The state lives in the
     URL query (?search=mamba&year=2024&topic=Theory; not "q", which Material's search reads), so a filtered view can be shared. */

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function Facets(form) {
    this.form = form;
    var scope = form.closest("article") || document;
    this.scope = scope;
    this.groups = Array.prototype.slice.call(scope.querySelectorAll(form.getAttribute("data-lb-groups") || "none"));
    this.count = scope.querySelector("[data-lb-count]");
    this.empty = scope.querySelector("[data-lb-empty]");
    this.noun = form.getAttribute("data-lb-noun") || "item";
    this.nouns = form.getAttribute("data-lb-nouns") || this.noun + "s";
    this.search = form.querySelector("input[name=search]");
    this.facets = Array.prototype.slice.call(form.querySelectorAll("[data-facet]")).map(function (el) {
      return { name: el.getAttribute("data-facet"), attr: el.getAttribute("data-attr"), el: el };
    });
    this.searchIn = form.getAttribute("data-lb-search-in");
    // The full search text (abstracts too) of long lists is a JSON file, fetched on the first search.
    var searchSrc = form.getAttribute("data-lb-search-src");
    this.searchSrc = searchSrc ? new URL(searchSrc, window.location.href).href : null;
    var self = this;
    this.records = null;  // read from the items on first use (see getRecords)
    this.pending = false;
    form.hidden = false;
    form.setAttribute("data-lb-ready", "");
    form.addEventListener("input", function () { self.changed(); });
    form.addEventListener("change", function () { self.changed(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.setState({});
      self.changed();
      if (self.search) self.search.focus();
    });
    // The list as written is the unfiltered one, with its counts: only an address with a filter (a shared link),
    // or a form the browser restored or the reader already typed into, needs filtering now. Otherwise the
    // records are read when the reader moves towards the filters (pointer, touch or keyboard focus), so that
    // a page the reader only reads never spends the time (a long list takes a tenth of a second on a phone).
    var state = readQuery();
    if (Object.keys(state).length) {
      this.setState(state);
      this.apply();
    } else if (Object.keys(this.getState()).length) {
      this.changed();
    } else {
      var read = function () { self.getRecords(); };
      ["pointerenter", "touchstart", "focusin"].forEach(function (type) {
        form.addEventListener(type, read, { once: true, passive: true });
      });
    }
  }

  // Each filtered element with its search text and filter values, read once from the page.
  Facets.prototype.getRecords = function () {
    if (this.records) return this.records;
    var self = this;
    var items = this.scope.querySelectorAll(this.form.getAttribute("data-lb-items"));
    this.records = Array.prototype.map.call(items, function (item) {
      var rec = { item: item, text: self.textOf(item), values: {} };
      self.facets.forEach(function (f) {
        // A short entry of a long list has no data-year of its own: its group holds it.
        var holder = item.closest("[data-" + f.attr + "]");
        var raw = (holder ? holder.getAttribute("data-" + f.attr) : "") || "";
        rec.values[f.name] = raw ? raw.split("|").map(fold) : [];
      });
      return rec;
    });
    return this.records;
  };

  Facets.prototype.textOf = function (item) {
    var parts = this.searchIn ? item.querySelectorAll(this.searchIn) : [item];
    var text = Array.prototype.map.call(parts, function (p) { return p.textContent; }).join(" ");
    return fold(text.replace(/\s+/g, " "));
  };

  // A short entry became its full card: the record follows it (its filter values are the same).
  Facets.prototype.swapped = function (short, card) {
    var self = this;
    (this.records || []).forEach(function (rec) {  // records not read yet will find the card itself
      if (rec.item !== short) return;
      rec.item = card;
      if (!self.searchLoaded) rec.text = self.textOf(card);
    });
  };

  Facets.prototype.loadSearchText = function () {
    var self = this;
    if (!this.searchSrc || this.searchLoading) return;
    this.searchLoading = true;
    fetch(this.searchSrc, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(self.searchSrc + ": " + response.status);
      return response.json();
    }).then(function (texts) {
      self.getRecords().forEach(function (rec) {
        var text = texts[rec.item.id];
        if (typeof text === "string") rec.text = fold(text.replace(/\s+/g, " "));
      });
      self.searchLoaded = true;
      self.apply();
    }).catch(function (error) {
      self.searchLoading = false;  // searched on what the page shows; a later search tries again
      console.warn("labbook:", error);
    });
  };

  function readQuery() {
    var state = {};
    new URLSearchParams(window.location.search).forEach(function (value, key) {
      (state[key] = state[key] || []).push(value);
    });
    return state;
  }

  Facets.prototype.setState = function (state) {
    if (this.search) this.search.value = (state.search || []).join(" ");
    this.facets.forEach(function (f) {
      var wanted = (state[f.name] || []).map(fold);
      f.el.querySelectorAll(".lb-chip").forEach(function (chip) {
        chip.setAttribute("aria-pressed", wanted.indexOf(fold(chip.getAttribute("data-value"))) >= 0 ? "true" : "false");
      });
      f.el.querySelectorAll("select").forEach(function (select) {
        var match = Array.prototype.find.call(select.options, function (o) {
          return o.value && wanted.indexOf(fold(o.value)) >= 0;
        });
        select.value = match ? match.value : "";
      });
      f.el.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = wanted.indexOf(fold(box.value)) >= 0;
      });
    });
  };

  Facets.prototype.getState = function () {
    var state = {};
    var q = this.search ? this.search.value.trim() : "";
    if (q) state.search = [q];
    this.facets.forEach(function (f) {
      var values = [];
      f.el.querySelectorAll(".lb-chip[aria-pressed=true]").forEach(function (c) { values.push(c.getAttribute("data-value")); });
      f.el.querySelectorAll("select").forEach(function (s) { if (s.value) values.push(s.value); });
      f.el.querySelectorAll("input[type=checkbox]:checked").forEach(function (b) { values.push(b.value); });
      if (values.length) state[f.name] = values;
    });
    return state;
  };

  Facets.prototype.changed = function () {
    var self = this;
    if (this.pending) return;
    this.pending = true;
    window.requestAnimationFrame(function () {
      self.pending = false;
      self.apply();
      self.writeQuery();
    });
  };

  Facets.prototype.writeQuery = function () {
    var params = new URLSearchParams();
    var state = this.getState();
    Object.keys(state).forEach(function (key) {
      state[key].forEach(function (value) { params.append(key, value); });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    // Keep history.state: Material's instant navigation stores its own data there.
    window.history.replaceState(window.history.state, "", url);
  };

  // The table of contents' entries by the id they point at (looked up once: a whole-document query per
  // heading and keystroke is slow on a page of thousands of cards).
  Facets.prototype.tocItems = function () {
    if (!this.toc) {
      var toc = {};
      document.querySelectorAll(".md-nav--secondary a[href*='#']").forEach(function (a) {
        var id = decodeURIComponent(a.getAttribute("href").split("#")[1] || "");
        if (id && a.parentElement) (toc[id] = toc[id] || []).push(a.parentElement);
      });
      this.toc = toc;
    }
    return this.toc;
  };

  Facets.prototype.apply = function () {
    var state = this.getState();
    var tokens = state.search ? fold(state.search[0]).split(/\s+/).filter(Boolean) : [];
    if (tokens.length && !this.searchLoaded) this.loadSearchText();
    var active = this.facets.map(function (f) { return (state[f.name] || []).map(fold); });
    var facets = this.facets;
    var shown = 0;
    // For each filter, the values of the cards that every *other* filter lets through: the chip counts.
    var counts = facets.map(function () { return {}; });
    var records = this.getRecords();
    records.forEach(function (rec) {
      var textOk = tokens.every(function (t) { return rec.text.indexOf(t) >= 0; });
      var fails = [];
      facets.forEach(function (f, i) {
        var wanted = active[i];
        var ok = !wanted.length || rec.values[f.name].some(function (v) { return wanted.indexOf(v) >= 0; });
        if (!ok) fails.push(i);
      });
      var visible = textOk && fails.length === 0;
      if (rec.item.hidden === visible) rec.item.hidden = !visible;
      if (visible) shown += 1;
      if (!textOk || fails.length > 1) return;
      facets.forEach(function (f, i) {
        if (fails.length === 1 && fails[0] !== i) return;
        rec.values[f.name].forEach(function (v) { counts[i][v] = (counts[i][v] || 0) + 1; });
      });
    });
    facets.forEach(function (f, i) {
      f.el.querySelectorAll(".lb-chip").forEach(function (chip) {
        var n = counts[i][fold(chip.getAttribute("data-value"))] || 0;
        var label = chip.querySelector(".lb-chip-count");
        if (label) label.textContent = String(n);
      });
    });
    var toc = this.tocItems();
    this.groups.forEach(function (group) {
      var any = group.querySelector(":scope > :not([hidden])") !== null;
      group.hidden = !any;
      var heading = group.previousElementSibling;
      if (heading && /^H[1-6]$/.test(heading.tagName)) {
        heading.hidden = !any;
        (toc[heading.id] || []).forEach(function (item) { item.hidden = !any; });
      }
    });
    var total = records.length;
    var filtered = shown !== total || Object.keys(state).length > 0;
    if (this.count) {
      this.count.textContent = filtered
        ? shown + " of " + total + " " + (total === 1 ? this.noun : this.nouns)
        : total + " " + (total === 1 ? this.noun : this.nouns);
    }
    if (this.empty) this.empty.hidden = shown !== 0;
    var active = this.form.querySelector("[data-lb-active]");
    if (active) {
      var n = Object.keys(state).reduce(function (sum, key) { return sum + (key === "search" ? 0 : state[key].length); }, 0);
      active.textContent = n ? " (" + n + ")" : "";
    }
    this.form.classList.toggle("lb-filtered", filtered);
  };

  function initFacets(root) {
    root.querySelectorAll("form[data-lb-facets]").forEach(function (form) {
      if (!form.lbFacets) form.lbFacets = new Facets(form);
    });
  }

  /* ---- citation badges ------------------------------------------------------------------------------------ */
  /* Only a site that opts in (`badges:` in mkdocs.yml) has these elements; the providers' scripts are fetched
     when a page shows one, and asked to fill new pages in after Material's instant navigation. */
  var BADGE_SCRIPTS = [
    [".altmetric-embed", "https://d1bxh8uas1mnw7.cloudfront.net/assets/embed.js",
     function () { if (window._altmetric_embed_init) { window._altmetric_embed_init(); return true; } }],
    [".__dimensions_badge_embed__", "https://badge.dimensions.ai/badge.js",
     function () { if (window.__dimensions_embed) { window.__dimensions_embed.addBadges(); return true; } }]
  ];

  function loadBadges(root) {
    BADGE_SCRIPTS.forEach(function (badge) {
      if (!root.querySelector(badge[0]) || badge[2]()) return;
      if (document.querySelector('script[src="' + badge[1] + '"]')) return;
      var script = document.createElement("script");
      script.src = badge[1];
      script.async = true;
      document.head.appendChild(script);
    });
  }

  /* ---- math ----------------------------------------------------------------------------------------------
     pymdownx.arithmatex's generic mode writes inline math as <span class="arithmatex">\(...\)</span> and display
     math as <div class="arithmatex">\[...\]</div>. labbook marks a page that holds such math (and whose site
     self-hosts MathJax) with [data-lb-mathjax]; MathJax, beside this script in assets/labbook/mathjax/, is
     requested when the first piece of math comes near the screen, configured first, and typesets only those
     elements, again after each of Material's instant page changes. */

  var script = document.currentScript;
  var MATHJAX_SRC = script && script.src ? new URL("mathjax/tex-mml-chtml.js", script.src).href : null;
  var mathRequested = false;
  var mathWatch = null;

  function loadMathJax() {
    if (mathRequested || !MATHJAX_SRC) return;
    mathRequested = true;
    // The math comes from data files that pull requests change, so MathJax's "safe" extension filters what TeX
    // could put into the page: links only to http, https and mailto, and no classes, ids or CSS from \class,
    // \cssId, \style or \bbox (\style{position:fixed} would cover the page). \require is removed, \unicode
    // never loaded and \href alone loads the html extension. `labbook check` reports all of them as well.
    window.MathJax = {
      loader: { load: ["ui/safe"] },
      tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true,
             processEnvironments: true, packages: { "[-]": ["require"] }, autoload: { html: ["href"], unicode: [] } },
      options: {
        ignoreHtmlClass: ".*|",
        processHtmlClass: "arithmatex",
        safeOptions: {
          allow: { URLs: "safe", classes: "none", cssIDs: "none", styles: "none" },
          safeProtocols: { http: true, https: true, mailto: true, file: false, javascript: false, data: false }
        }
      }
    };
    var el = document.createElement("script");
    el.src = MATHJAX_SRC;
    el.async = true;
    document.head.appendChild(el);
  }

  function typesetAgain() {
    var mj = window.MathJax;
    if (!mj || !mj.startup || !mj.startup.promise || typeof mj.typesetPromise !== "function") return;
    mj.startup.promise.then(function () {
      mj.startup.output.clearCache();
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    }).catch(function (error) { console.warn("MathJax:", error); });
  }

  function setUpMath(root) {
    if (mathWatch) { mathWatch.disconnect(); mathWatch = null; }
    if (!root.querySelector("[data-lb-mathjax]")) return;
    // Already requested: MathJax typesets the first page itself when it starts; later pages are typeset here.
    if (mathRequested) { typesetAgain(); return; }
    var math = root.querySelectorAll(".arithmatex");
    if (!math.length) return;
    if (!("IntersectionObserver" in window)) { loadMathJax(); return; }
    mathWatch = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        mathWatch.disconnect(); mathWatch = null;
        loadMathJax();
      }
    }, { rootMargin: "300px" });
    math.forEach(function (el) { mathWatch.observe(el); });
  }

  /* ---- wiring --------------------------------------------------------------------------------------------- */

  document.addEventListener("click", onClick);
  // Work the first paint does not need waits for the browser to be idle (at most a moment): run inside
  // Material's start-up task, which its own document$ subscription is, it would make that long task longer.
  function whenIdle(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 300 });
    else window.setTimeout(fn, 1);
  }

  function init() {
    showEtAlButtons(document);  // now: the buttons take their place on the first paint, nothing shifts later
    whenIdle(function () {
      initFacets(document);
      loadBadges(document);
      initChunks(document);
      setUpMath(document);
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else { init(); }
})();
