/* Focus stays where the person was after a swap (htmx's answer or a websocket push).
 *
 * When the focused control leaves the page with a swap, focus goes to the element that
 * now has its id (controls keep their id across states: Start and Pause are one
 * "timer-toggle"), else to what it names in data-focus-after (a reveal button that is
 * gone after revealing names the heading), else to the nearest still-present ancestor
 * region's heading. A person who moved focus elsewhere meanwhile keeps their choice.
 */
(function () {
  "use strict";

  var left = null; // {id, after, region, at}: the focused control that may be swapped away
  var WINDOW_MS = 10000;

  function remember(element) {
    if (!element || element === document.body) return;
    var region = element.closest("[id]:not(#" + CSS.escape(element.id || "x") + ")");
    left = {
      element: element,
      id: element.id || null,
      after: element.dataset ? element.dataset.focusAfter || null : null,
      region: region ? region.id : null,
      at: Date.now(),
    };
  }

  function focusable(element) {
    if (!element || element.disabled || element.hidden || element.closest("[hidden]")) return null;
    if (!element.matches("a[href], button, input, select, textarea, summary, [tabindex]")) element.setAttribute("tabindex", "-1");
    return element;
  }

  function restore() {
    if (!left || left.element.isConnected || Date.now() - left.at > WINDOW_MS) return;
    var active = document.activeElement;
    if (active && active !== document.body) return;
    var target = (left.id && focusable(document.getElementById(left.id))) ||
      (left.after && focusable(document.getElementById(left.after)));
    if (!target && left.region) {
      var region = document.getElementById(left.region);
      target = region && focusable(region.querySelector("h1, h2, h3"));
    }
    if (!target) return;
    target.focus({preventScroll: true});
    remember(target);
  }

  // A panel the person opened (the item's notes) stays open when a push redraws it.
  var opened = {};

  function reopen() {
    Object.keys(opened).forEach(function (id) {
      var details = document.getElementById(id);
      if (details && details.tagName === "DETAILS" && details.open !== opened[id]) details.open = opened[id];
    });
  }

  // The current item's change is said politely, from an element no swap replaces.
  var TITLE = "#phone-live .now h2, #current-heading";
  var shownTitle = null;

  function announce() {
    var title = document.querySelector(TITLE);
    var text = title ? title.textContent.trim() : "";
    if (shownTitle === null || text === shownTitle) { shownTitle = text; return; }
    shownTitle = text;
    var voice = document.getElementById("now-announce");
    var strings = document.getElementById("keep-strings");
    if (voice && text) voice.textContent = (strings ? strings.dataset.now + " " : "") + text;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector(TITLE)) {
      var voice = document.createElement("p");
      voice.id = "now-announce";
      voice.className = "visually-hidden";
      voice.setAttribute("aria-live", "polite");
      document.body.append(voice);
      announce();
      new MutationObserver(announce).observe(document.getElementById("main"), {childList: true, subtree: true});
    }
    document.addEventListener("toggle", function (event) {
      if (event.target.tagName === "DETAILS" && event.target.id && event.isTrusted) opened[event.target.id] = event.target.open;
    }, true);
    new MutationObserver(reopen).observe(document.body, {childList: true, subtree: true});
    document.addEventListener("focusin", function (event) { remember(event.target); });
    // htmx takes focus to the body when the focused control is replaced; the swap's settle
    // and every later mutation (a websocket frame) get a chance to put it back.
    document.body.addEventListener("htmx:afterSettle", restore);
    new MutationObserver(restore).observe(document.body, {childList: true, subtree: true});
  });
})();
