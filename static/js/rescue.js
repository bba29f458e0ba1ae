/* Texts kept on the device whose form is no longer on the page (the facilitator moved on):
 * a box at the top of the page holds each, to send (with its idempotency key, so a repeat
 * is harmless) or to discard. keep.js decides when a text needs one; the store is keep.js's.
 */
(function () {
  "use strict";

  function store() { return window.keepStore; }

  // Texts whose form is not on the page: a box at the top of the page to send or discard them.
  function rescueBox(entry) {
    var box = document.createElement("section");
    box.className = "unsent";
    box.dataset.action = entry.action;
    var heading = document.createElement("h2");
    heading.textContent = store().strings("heading");
    box.append(heading);
    if (entry.where) {
      var where = document.createElement("p");
      where.className = "help";
      where.textContent = entry.where;
      box.append(where);
    }
    entry.texts.forEach(function (text, index) {
      var id = "unsent-" + btoa(unescape(encodeURIComponent(entry.action))).replace(/[^a-zA-Z0-9]/g, "") + "-" + index;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = text[1];
      var area = document.createElement("textarea");
      area.id = id;
      area.rows = 3;
      area.value = text[2];
      area.dataset.field = text[0];
      area.addEventListener("input", function () {
        var current = store().read(entry.action) || entry;
        current.fields = current.fields.map(function (pair) { return pair[0] === text[0] ? [pair[0], area.value] : pair; });
        current.texts = current.texts.map(function (t) { return t[0] === text[0] ? [t[0], t[1], area.value] : t; });
        store().write(current);
      });
      box.append(label, area);
    });
    var result = document.createElement("p");
    result.setAttribute("role", "status");
    result.className = "unsent-result";
    var send = document.createElement("button");
    send.type = "button";
    send.className = "primary";
    send.textContent = store().strings("send");
    send.addEventListener("click", function () { sendKept(entry.action, box, result, send); });
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = store().strings("discard");
    discard.addEventListener("click", function () { store().forget(entry.action); box.remove(); });
    var buttons = document.createElement("p");
    buttons.className = "buttons";
    buttons.append(send, discard);
    box.append(buttons, result);
    return box;
  }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (error) { return ""; }
  }

  function sendKept(action, box, result, button) {
    var entry = store().read(action);
    if (!entry) { box.remove(); return; }
    var body = new FormData();
    entry.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    button.disabled = true;
    fetch(action, {method: "POST", body: body, credentials: "same-origin",
                   headers: {"X-CSRFToken": csrfToken(), "HX-Request": "true"}})
      .then(function (response) {
        return response.text().then(function (html) {
          if (response.ok) {
            store().forget(action);
            box.replaceChildren(result);
            result.textContent = store().strings("sent");
            return;
          }
          var page = document.createElement("template");
          page.innerHTML = html;
          var error = page.content.querySelector(".error:not(.send-error)");
          result.textContent = error ? error.textContent.trim() : store().strings("failed");
          button.disabled = false;
        });
      })
      .catch(function () { result.textContent = store().strings("offline"); button.disabled = false; });
  }

  function holder() {
    var box = document.getElementById("unsent-texts");
    if (box) return box;
    var main = document.getElementById("main");
    if (!main) return null;
    box = document.createElement("div");
    box.id = "unsent-texts";
    main.prepend(box);
    return box;
  }

  window.keepRescue = {box: rescueBox, holder: holder};
})();
