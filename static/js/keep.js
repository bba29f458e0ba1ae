/* Nothing typed is lost: unsent text stays on the device until the server has it.
 *
 * Every post form with a text field is copied to localStorage as it is typed (keyed by
 * the form's action, which names the seminar and the item), with its idempotency key.
 * An answer in 2xx to that form clears the copy. Whenever the page shows the form again
 * (a reload, a reconnect's snapshot, the item back on) the copy is put back into it; while
 * the form is not on the page (the facilitator moved on) a box at the top of the page
 * holds the text with "Send" and "Discard". The stored key makes a repeated send harmless:
 * the server answers a known key with the first result. The box is rescue.js's.
 */
(function () {
  "use strict";

  var PREFIX = "unsent:";
  var TEXT = "textarea, input[type=text], input:not([type])";
  var RESTORE = TEXT + ", select, input[type=radio], input[type=checkbox], input[type=date], input[type=number], input[name=key]";
  var lastField = null; // {action, name}: the field typed in last, to give focus back
  var scheduled = false;

  function strings(name) {
    var holder = document.getElementById("keep-strings");
    return holder ? holder.dataset[name] || "" : "";
  }

  function scope() {
    var parts = location.pathname.split("/");
    return parts[1] === "s" && parts[2] ? "/s/" + parts[2] + "/" : null;
  }

  function keepable(form) {
    if (!form || form.tagName !== "FORM" || (form.method || "").toLowerCase() !== "post") return false;
    if (form.dataset.keep === "off" || form.querySelector("input[type=password]")) return false;
    var action = form.getAttribute("action") || "";
    return action.indexOf(scope()) === 0 && form.querySelector(TEXT) !== null;
  }

  function snapshot(form) {
    var fields = [];
    var texts = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "file" || el.type === "submit" || el.type === "button") return;
      if (el.name === "csrfmiddlewaretoken") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      fields.push([el.name, el.value]);
      if (el.matches(TEXT) && el.value.trim()) {
        var label = el.labels && el.labels.length ? el.labels[0].textContent.trim() : el.name;
        texts.push([el.name, label, el.value]);
      }
    });
    return {action: form.getAttribute("action"), fields: fields, texts: texts};
  }

  function read(action) {
    try { return JSON.parse(localStorage.getItem(PREFIX + action)); } catch (error) { return null; }
  }

  function write(entry) {
    try {
      if (entry.texts.length) {
        var where = document.querySelector("#phone-live .now h2, #current-heading");
        entry.where = entry.where || (where ? where.textContent.trim() : "");
        localStorage.setItem(PREFIX + entry.action, JSON.stringify(entry));
      } else {
        localStorage.removeItem(PREFIX + entry.action);
      }
    } catch (error) { /* storage full or off: the form itself still holds the text */ }
  }

  function forget(action) {
    try { localStorage.removeItem(PREFIX + action); } catch (error) { /* nothing kept */ }
  }

  function entries() {
    var found = [];
    var mine = PREFIX + scope();
    for (var i = 0; i < localStorage.length; i++) {
      var name = localStorage.key(i);
      if (name && name.indexOf(mine) === 0) {
        var entry = read(name.slice(PREFIX.length));
        if (entry && entry.texts && entry.texts.length) found.push(entry);
      }
    }
    return found;
  }

  // What rescue.js (the box for texts whose form went away) uses of the store.
  window.keepStore = {read: read, write: write, forget: forget, strings: strings};

  function same(a, b) { return JSON.stringify(a.texts) === JSON.stringify(b.texts); }

  function formFor(action) {
    return Array.prototype.find.call(document.querySelectorAll("form"), function (form) {
      return form.getAttribute("action") === action && keepable(form);
    }) || null;
  }

  // Put a kept copy back into its form, once per form element; say so beside the form.
  function refill(form, entry) {
    if (form.keepChecked) return;
    form.keepChecked = true;
    if (same(snapshot(form), entry)) return;
    var changed = false;
    Array.prototype.forEach.call(form.querySelectorAll(RESTORE), function (el) {
      var kept = entry.fields.filter(function (pair) { return pair[0] === el.name; });
      if (!kept.length) return;
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = kept.some(function (pair) { return pair[1] === el.value; });
      } else if (el.value !== kept[0][1]) {
        el.value = kept[0][1];
        changed = true;
      }
    });
    if (changed) form.prepend(note(form, entry));
  }

  function note(form, entry) {
    var box = document.createElement("div");
    box.className = "unsent-note";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = strings("restored");
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "link-button";
    discard.textContent = strings("discard");
    discard.addEventListener("click", function () {
      forget(entry.action);
      Array.prototype.forEach.call(form.querySelectorAll(TEXT), function (el) { el.value = ""; });
      box.remove();
    });
    box.append(text, discard);
    return box;
  }

  function check() {
    scheduled = false;
    if (!scope()) return;
    var box = window.keepRescue.holder();
    if (!box) return;
    var orphans = [];
    entries().forEach(function (entry) {
      var form = formFor(entry.action);
      if (form) refill(form, entry);
      else orphans.push(entry);
    });
    Array.prototype.forEach.call(box.querySelectorAll("section.unsent"), function (section) {
      var stillOrphan = orphans.some(function (entry) { return entry.action === section.dataset.action; });
      if (!stillOrphan && !section.querySelector(".unsent-result:not(:empty)")) section.remove();
    });
    orphans.forEach(function (entry) {
      var shown = Array.prototype.some.call(box.querySelectorAll("section.unsent"), function (section) {
        return section.dataset.action === entry.action;
      });
      if (shown) return;
      var section = window.keepRescue.box(entry);
      box.append(section);
      // The form someone was typing in went away under their fingers: they go on typing here.
      if (lastField && lastField.action === entry.action && (document.activeElement === document.body || !document.activeElement)) {
        var area = section.querySelector("textarea[data-field='" + CSS.escape(lastField.name) + "']") || section.querySelector("textarea");
        if (area) { area.focus(); area.setSelectionRange(area.value.length, area.value.length); }
      }
    });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(check);
  }

  function typed(event) {
    var form = event.target.form;
    if (!keepable(form) || event.target.closest("#unsent-texts")) return;
    form.keepChecked = true; // what the person types wins over an older copy
    write(snapshot(form));
    if (event.target.matches(TEXT)) lastField = {action: form.getAttribute("action"), name: event.target.name};
  }

  function formOf(element) {
    if (!element) return null;
    return element.tagName === "FORM" ? element : (element.form || element.closest("form"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!scope() || !window.localStorage) return;
    document.addEventListener("input", typed);
    document.addEventListener("change", typed);
    // What was sent is remembered per request; an answer in 2xx clears the copy unless
    // the person typed more meanwhile.
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      var form = formOf(event.detail.elt);
      if (keepable(form)) event.detail.requestConfig.keepSent = snapshot(form);
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var sent = event.detail.requestConfig && event.detail.requestConfig.keepSent;
      var status = event.detail.xhr ? event.detail.xhr.status : 0;
      if (!sent || status < 200 || status > 299) return;
      var kept = read(sent.action);
      if (kept && same(kept, sent)) forget(sent.action);
    });
    // A plain post leaves the page: its copy waits in this tab until the answer shows
    // whether the form came back with an error.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!keepable(form) || form.hasAttribute("hx-post") || event.defaultPrevented) return;
      var kept = read(form.getAttribute("action"));
      if (!kept) return;
      try { sessionStorage.setItem(PREFIX + kept.action, JSON.stringify(kept)); } catch (error) { return; }
      forget(kept.action);
    });
    for (var i = sessionStorage.length - 1; i >= 0; i--) {
      var name = sessionStorage.key(i);
      if (!name || name.indexOf(PREFIX) !== 0) continue;
      var pending = JSON.parse(sessionStorage.getItem(name));
      sessionStorage.removeItem(name);
      var back = formFor(pending.action);
      if (back && back.querySelector(".error, [aria-invalid=true]")) write(pending);
    }
    new MutationObserver(schedule).observe(document.getElementById("main") || document.body, {childList: true, subtree: true});
    check();
  });
})();
