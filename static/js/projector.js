/* The projector lays each slide out to fit the screen, since a projector cannot scroll.
 *
 * The slide's body ([data-fit]) gets the largest type (--fit) at which everything in it
 * fits, between the smallest size the back row can read and a maximum. When even the
 * smallest size does not fit, the items of its lists ([data-pager] > *) are split into
 * pages that turn by themselves, with "2/3" in the slide's foot: nothing is dropped. A
 * list marked data-pager="rest" (the handshakes under a goal) gives way instead: it shows
 * what fits and counts the rest ("+60"), so that the goal above it keeps the screen.
 * It runs again whenever the live layer swaps something in, and on a resize.
 */
(function () {
  "use strict";

  var MIN = 0.028; // of the viewport height: over the 2.6 % floor, with room for rounding
  var MAX = 0.07; // body text stays under the title unless the slide says otherwise
  var TURN_MS = 9000;
  var state = { page: 0, pages: [], timer: null, key: "" };

  // Everything inside the body's box: its scroll size, and each shown list item's box (the
  // columns of a multi-column list can overflow sideways without growing the scroll size).
  function fits(body) {
    if (body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1) return false;
    var box = body.getBoundingClientRect();
    return items(body).every(function (item) {
      if (item.hidden) return true;
      var r = item.getBoundingClientRect();
      return r.right <= box.right + 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1;
    });
  }

  function setSize(body, px) { body.style.setProperty("--fit", px + "px"); }

  function items(body) {
    // A list the slide does not draw (the wall's grid behind a featured idea) has no pages.
    return Array.prototype.slice.call(body.querySelectorAll("[data-pager]:not([data-pager='rest']) > *"))
      .filter(function (item) { return item.parentElement.getClientRects().length > 0; });
  }

  // Show only items [from, to); a section whose items are all hidden hides as well.
  function show(body, all, from, to) {
    all.forEach(function (item, index) { item.hidden = index < from || index >= to; });
    body.querySelectorAll("[data-pager-section]").forEach(function (section) {
      var list = section.querySelectorAll("[data-pager] > *");
      section.hidden = list.length > 0 && Array.prototype.every.call(list, function (item) { return item.hidden; });
    });
  }

  // Each "rest" list shows the most of its items that fit, and how many more there are.
  function trimRest(body) {
    body.querySelectorAll("[data-pager='rest']").forEach(function (list) {
      var all = Array.prototype.slice.call(list.children);
      var mark = body.querySelector("[data-pager-rest]");
      var low = 0;
      var high = all.length;
      if (mark) { // counted while it shows, so that the count itself has room
        mark.hidden = false;
        mark.textContent = (mark.dataset.pagerRest || "+#").replace("#", all.length);
      }
      while (low < high) {
        var middle = Math.ceil((low + high) / 2);
        all.forEach(function (item, index) { item.hidden = index >= middle; });
        if (fits(body)) low = middle; else high = middle - 1;
      }
      all.forEach(function (item, index) { item.hidden = index >= low; });
      if (mark) {
        mark.hidden = low === all.length;
        mark.textContent = (mark.dataset.pagerRest || "+#").replace("#", all.length - low);
        if (low === 0 && !fits(body)) mark.hidden = true; // the count above says it already
      }
    });
  }

  // The largest type at which fits() holds, by halving the interval.
  function largest(body, low, high) {
    setSize(body, high);
    if (fits(body)) return high;
    for (var step = 0; step < 9 && high - low > 0.5; step += 1) {
      var middle = (low + high) / 2;
      setSize(body, middle);
      if (fits(body)) low = middle; else high = middle;
    }
    setSize(body, low);
    return low;
  }

  // Greedy pages: from each start, the most items that fit together (found by halving).
  function paginate(body, all) {
    var pages = [];
    var start = 0;
    while (start < all.length) {
      var low = start + 1;
      var high = all.length;
      while (low < high) {
        var middle = Math.ceil((low + high) / 2);
        show(body, all, start, middle);
        if (fits(body)) low = middle; else high = middle - 1;
      }
      pages.push([start, low]);
      start = low;
    }
    return pages;
  }

  function label(slide) {
    var mark = slide.querySelector("[data-pages-label]");
    if (!mark) return;
    mark.hidden = state.pages.length < 2;
    mark.textContent = state.pages.length < 2 ? "" : (state.page + 1) + "/" + state.pages.length;
  }

  function turn() {
    var slide = document.getElementById("projector-screen");
    var body = slide && slide.querySelector("[data-fit]");
    if (!body || state.pages.length < 2) return;
    state.page = (state.page + 1) % state.pages.length;
    var page = state.pages[state.page];
    show(body, items(body), page[0], page[1]);
    label(slide);
  }

  function fit() {
    var slide = document.getElementById("projector-screen");
    var body = slide && slide.querySelector("[data-fit]");
    clearInterval(state.timer);
    state.pages = [];
    if (!body) { if (slide) label(slide); return; }
    var height = window.innerHeight;
    var min = MIN * height;
    var max = Number(body.dataset.fitMax || MAX * 100) / 100 * height;
    // Everything shows again before it is measured: an earlier layout may have hidden whole
    // sections, and items() leaves out lists that are not drawn.
    body.querySelectorAll("[data-pager-section], [data-pager] > *").forEach(function (el) { el.hidden = false; });
    var all = items(body);
    show(body, all, 0, all.length);
    body.querySelectorAll("[data-pager-rest]").forEach(function (mark) { mark.hidden = true; });
    if (largest(body, min, max) <= min && !fits(body)) trimRest(body);
    if (fits(body) || all.length < 2) {
      label(slide);
      return;
    }
    state.pages = paginate(body, all);
    // The same list keeps its page when it grows (a new idea on the wall); another starts at 1.
    var key = body.dataset.fitKey || slide.className;
    if (key !== state.key) state.page = 0;
    state.key = key;
    state.page = Math.min(state.page, state.pages.length - 1);
    var page = state.pages[state.page];
    show(body, all, page[0], page[1]);
    label(slide);
    state.timer = setInterval(turn, TURN_MS);
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; fit(); });
  }

  // Our own changes (hidden items, the page label) and the ticking clock are not news.
  function news(records) {
    return records.some(function (record) {
      if (record.type !== "childList") return false;
      var target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      return !(target && target.closest("[data-countdown], [data-pages-label], #live-status"));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var main = document.getElementById("main");
    if (!main || !document.getElementById("projector-screen")) return;
    new MutationObserver(function (records) { if (news(records)) later(); })
      .observe(main, { childList: true, subtree: true });
    window.addEventListener("resize", later);
    // Photos change the layout as they arrive.
    main.addEventListener("load", function (event) { if (event.target.tagName === "IMG") later(); }, true);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(later);
    fit();
  });
  // The browser tests lay a slide out again after a resize, and turn its pages on demand.
  window.projectorFit = fit;
  window.projectorTurn = turn;
})();
