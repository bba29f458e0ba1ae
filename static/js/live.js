/* Live screens: one websocket per page that swaps server-rendered fragments in place.
 *
 * Every frame is HTML whose top-level elements carry an id; each replaces the element
 * with the same id, unless it is older (data-version) than what is shown. The server
 * sends the full state on every connect (but a page's first, if the page shows it
 * already), so reconnecting is all it takes to heal.
 * Countdowns run on the device's monotonic clock from the server's remaining time,
 * so a phone whose wall clock is wrong still shows the right figure.
 */
(function () {
  "use strict";

  var countdowns = [];

  function format(ms) {
    var seconds = Math.ceil(ms / 1000);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return (minutes < 10 ? "0" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function initCountdowns() {
    var now = performance.now();
    countdowns = Array.prototype.slice.call(document.querySelectorAll("[data-countdown]"));
    countdowns.forEach(function (el) {
      if (el.liveDeadline === undefined) el.liveDeadline = now + Number(el.dataset.remainingMs);
    });
  }

  function tick() {
    var now = performance.now();
    countdowns.forEach(function (el) {
      var left = el.dataset.running === "1" ? Math.max(0, el.liveDeadline - now) : Number(el.dataset.remainingMs);
      var text = format(left);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle("is-over", left <= 0);
    });
  }

  // The projector's "find your group" list pages itself when it has more than one page.
  function turnPages() {
    var pages = document.querySelectorAll(".find-group-page");
    if (pages.length < 2) return;
    var shown = Array.prototype.findIndex.call(pages, function (page) { return !page.hidden; });
    pages.forEach(function (page, index) { page.hidden = index !== (shown + 1) % pages.length; });
  }

  function swap(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    Array.prototype.slice.call(template.content.children).forEach(function (incoming) {
      var current = incoming.id && document.getElementById(incoming.id);
      if (!current) return;
      var newer = Number(incoming.dataset.version || 0);
      var shown = Number(current.dataset.version || 0);
      if (newer && shown && newer < shown) return;
      // A keyed element (the phone's personal forms) stays while its key does,
      // so a push never wipes what someone is typing.
      if (incoming.dataset.key && incoming.dataset.key === current.dataset.key) return;
      // An empty placeholder from the room's frame gives way to a group's frame for the same item.
      if (incoming.dataset.placeholderFor && incoming.dataset.placeholderFor === current.dataset.for) return;
      var focused = document.activeElement;
      var focusId = focused && current.contains(focused) ? focused.id : null;
      current.before(incoming);
      keepKeyed(current, incoming);
      keepNewerMarks(current, incoming);
      current.remove();
      if (window.htmx) window.htmx.process(incoming);
      initCountdowns();
      applyMarks();
      if (focusId) {
        var again = document.getElementById(focusId);
        if (again) again.focus();
      }
    });
  }

  // Keyed elements inside a frame stay too, while their key does: a phone's own form in a
  // pushed region (moved, not copied, so its text, focus and caret survive).
  function keepKeyed(current, incoming) {
    incoming.querySelectorAll("[data-key][id]").forEach(function (fresh) {
      var kept = current.querySelector("#" + CSS.escape(fresh.id));
      if (!kept || kept.dataset.key !== fresh.dataset.key) return;
      var parent = fresh.parentNode;
      try {
        parent.moveBefore(kept, fresh);
      } catch (error) { // no moveBefore in this browser: a plain move keeps the text, not the focus
        parent.insertBefore(kept, fresh);
      }
      fresh.remove();
    });
  }

  // Marks that carry a version (handshakes) stay when the frame's are older: a phone's own
  // part rendered before a tap must never undo what the tap's answer showed.
  function keepNewerMarks(current, incoming) {
    var fresh = incoming.querySelector("#my-marks[data-version]");
    var kept = fresh && current.querySelector("#my-marks[data-version]");
    if (kept && Number(kept.dataset.version) > Number(fresh.dataset.version)) fresh.replaceWith(kept);
  }

  // Personal marks (my votes) live in one element; shared lists carry data-mark.
  function applyMarks() {
    var holder = document.getElementById("my-marks");
    var marks = holder ? (holder.dataset.marks || "").split(" ") : [];
    document.querySelectorAll("[data-mark]").forEach(function (el) {
      el.setAttribute("aria-pressed", marks.indexOf(el.dataset.mark) >= 0 ? "true" : "false");
    });
    // Lines meant for some of a group's phones ("you host now"): shown by the phone's marks.
    function marked(list) {
      return list.split(" ").some(function (mark) { return mark && marks.indexOf(mark) >= 0; });
    }
    document.querySelectorAll("[data-if-mark]").forEach(function (el) { el.hidden = !marked(el.dataset.ifMark); });
    document.querySelectorAll("[data-unless-mark]").forEach(function (el) { el.hidden = marked(el.dataset.unlessMark); });
  }

  // A send that failed leaves the form and its text as they are and says why, near the
  // form: "check the connection" when it never reached the server (the form's own
  // .send-error text), the page's data-send-failed text when the server answered with an
  // error (5xx). Pressing send again is safe: the form's key makes it idempotent.
  function showSendError(event, failure) {
    var config = event.detail.requestConfig;
    if (failure && config && config.verb === "get") return; // a page part that did not load: nothing was sent
    var elt = event.detail.elt;
    var holder = elt && elt.closest ? elt.closest("form") || elt.parentNode : null;
    if (!holder) return;
    var notice = holder.querySelector(".send-error");
    if (!notice && failure === "server" && document.body.dataset.sendFailed) {
      notice = document.createElement("p");
      notice.className = "send-error error";
      notice.setAttribute("role", "alert");
      holder.appendChild(notice);
    }
    if (!notice) return;
    if (notice.dataset.offline === undefined) notice.dataset.offline = notice.textContent;
    if (failure === "server" && document.body.dataset.sendFailed) {
      notice.textContent = document.body.dataset.sendFailed;
    } else if (failure) {
      notice.textContent = notice.dataset.offline;
    }
    notice.hidden = !failure;
  }

  function setStatus(state) {
    var status = document.getElementById("live-status");
    if (!status) return;
    status.textContent = status.dataset[state] || "";
    status.className = "live-status is-" + state;
  }

  // `shown`: the digest of the frame the page was served with (data-live-shown). The first
  // socket sends it, and the server skips a snapshot that would repeat the page; later
  // sockets never do: what the page shows has changed since.
  function connect(path, shown) {
    var socket = null;
    var delay = 500;
    var timer = null;
    var denied = false;

    function open() {
      clearTimeout(timer);
      if (denied || (socket && socket.readyState <= 1)) return;
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var query = shown ? "?shown=" + encodeURIComponent(shown) : "";
      shown = null;
      socket = new WebSocket(scheme + location.host + path + query);
      socket.onopen = function () { delay = 500; setStatus("online"); };
      socket.onmessage = function (event) { swap(event.data); };
      socket.onclose = function (event) {
        if (event.code === 4403) { denied = true; setStatus("denied"); return; }
        setStatus("offline");
        timer = setTimeout(open, delay + Math.random() * delay);
        delay = Math.min(delay * 2, 10000);
      };
    }

    window.addEventListener("online", function () { delay = 500; open(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") open();
    });
    open();
  }

  document.addEventListener("DOMContentLoaded", function () {
    initCountdowns();
    setInterval(tick, 250);
    setInterval(turnPages, 12000);
    applyMarks();
    document.body.addEventListener("htmx:afterSwap", function () { initCountdowns(); applyMarks(); });
    document.body.addEventListener("htmx:sendError", function (event) { showSendError(event, "network"); });
    document.body.addEventListener("htmx:responseError", function (event) { showSendError(event, "server"); });
    document.body.addEventListener("htmx:beforeRequest", function (event) { showSendError(event, null); });
    var path = document.body.dataset.liveUrl;
    if (path && "WebSocket" in window) connect(path, document.body.dataset.liveShown);
  });
})();
