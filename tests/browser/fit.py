"""What a person in the back row would check on a projector screen, measured in the page."""

MEASURE = """() => {
  window.projectorFit && window.projectorFit();
  const vw = innerWidth, vh = innerHeight, cut = [];
  let smallest = Infinity, smallestText = "";
  const inside = (r, box) => r.left >= box.left - 1 && r.top >= box.top - 1
    && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
  const screen = {left: 0, top: 0, right: vw, bottom: vh};
  const check = (what, rects, el) => {
    const body = el.closest(".slide-body");
    const box = body ? body.getBoundingClientRect() : screen;
    for (const r of rects) {
      if (!inside(r, screen) || !inside(r, box)) { cut.push(what.slice(0, 50)); return; }
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || el.closest(".visually-hidden, .skip, script, style")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    const style = getComputedStyle(el);
    if (!rects.length || style.visibility !== "visible") continue;
    const size = parseFloat(style.fontSize);
    if (size < smallest) { smallest = size; smallestText = node.textContent.trim().slice(0, 40); }
    check(node.textContent.trim(), rects, el);
  }
  for (const img of document.querySelectorAll("img, svg.qr")) {
    const r = img.getBoundingClientRect();
    if (r.width > 0 && r.height > 0)
      check("picture " + (img.getAttribute("alt") || "qr"), [r], img);
  }
  const clock = document.querySelector("#projector-screen [data-countdown]");
  const label = document.querySelector("[data-pages-label]");
  return {
    smallest, smallestText, cut,
    height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
    clock: clock
      ? inside(clock.getBoundingClientRect(), screen) && clock.getBoundingClientRect().height > 0
      : null,
    pages: label && !label.hidden ? label.textContent : "",
  };
}"""


def measure(page) -> dict:
    """The smallest visible font (px), the page's scroll size, text or pictures cut off by the
    screen or the slide's body, whether the countdown is on screen, and the page label."""
    page.evaluate("() => document.fonts.ready")
    return page.evaluate(MEASURE)
