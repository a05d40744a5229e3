/* Material's search index later: labbook puts this, minified, in every page's <head>, so it runs before
 * Material's script.
 *
 * Material requests search/search_index.json (the text of every page of the site: 240 kB for the example
 * handbook, megabytes for a lab with thousands of publications) as soon as its script runs, while the page is
 * still being drawn, and on a phone that download competes with the page the reader asked for. Here the
 * request is held back until the reader reaches for the page (a key, a tap, a click, focus: Material's search
 * opens with a click or with the keys f, s and /) or a moment after the page has loaded, whichever comes
 * first (a search address, ?q=..., opens Material's search, whose focus lets it go at once). Nothing else is
 * held: only a request whose address ends in search/search_index.json. If Material ever asks for its index
 * another way, this does nothing and the index loads as before.
 */
(function () {
  "use strict";
  var Request = window.XMLHttpRequest;
  if (!Request) return;
  var open = Request.prototype.open;
  var send = Request.prototype.send;
  var held = [];
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var AFTER_LOAD_MS = 1500;

  function release() {
    if (held === null) return;
    var waiting = held;
    held = null;
    waiting.forEach(function (request) { send.apply(request[0], request[1]); });
  }

  Request.prototype.open = function (method, url) {
    this.lbSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  Request.prototype.send = function () {
    if (held !== null && this.lbSearchIndex) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  ["keydown", "pointerdown", "touchstart", "focusin"].forEach(function (type) {
    window.addEventListener(type, release, { capture: true, passive: true, once: true });
  });
  window.addEventListener("load", function () { window.setTimeout(release, AFTER_LOAD_MS); });
})();
