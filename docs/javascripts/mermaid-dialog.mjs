/*
 * A diagram, full screen: a tap, a click, Enter or Space on a drawn diagram opens it in a native
 * <dialog> (showModal) at its natural size or larger, to pinch, drag, scroll and zoom; Esc, the
 * 닫기 button and the browser's back button close it, and focus goes back to the diagram.
 *
 * Why it exists: on a phone a diagram shrinks to the column's width (its labels too small to read)
 * and scrolls sideways in its box; nothing showed one large. Why our own and not mkdocs-panzoom-plugin
 * or mkdocs-glightbox: README "다이어그램" (panzoom misses the diagrams our loader draws late, puts its
 * script on every page and its buttons have no accessible name; glightbox opens <img> only, and a
 * diagram is an SVG in Material's closed shadow root).
 * Print: neither the viewer nor a diagram's button is ever printed; print output is as before.
 *
 * How: Material puts each diagram's SVG into a closed shadow root and then calls `fn(shadowRoot)`
 * from the result of `mermaid.render()` (not Mermaid's own `bindFunctions`); the loader
 * (mermaid-loader.js, which imports this module with Mermaid, so only diagram pages ever load it)
 * passes `enlargeable` there. Each diagram gets a button named after its section (the diagram itself
 * is no button: a control's name must contain its visible text, and a diagram's text is all its
 * labels). The viewer is one <dialog> per document, in a shadow root of its own on <body> (instant
 * navigation replaces the page's content, not <body>'s other children), coloured by Material's
 * palette variables, so it follows the scheme.
 * Back button: opening pushes a history entry for the same address; back closes the viewer, and
 * closing it any other way consumes the entry, so the next back leaves the page as before. Material's
 * instant navigation must not act on these popstates: on the first popstate of a directly opened page
 * it fetches the page again and replaces its content (the diagrams, the focus), and it scrolls to the
 * offset recorded in the entry it lands on. So overrides/main.html listens to popstate before
 * Material's bundle does (on `window` listeners run in the order they were added, capturing or not)
 * and asks `window.mermaidViewer.popstate`, which stops the viewer's own popstates, and only those;
 * a page reached by instant navigation has had its first popstate, and the offset recorded on opening
 * keeps Material's scrolling where the page is. Both entries lose the #anchor while the viewer is
 * open (Chromium drops the focus on a traversal to an entry with one); closing gives it back.
 */

const SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"';
const icon = (path) => `<svg ${SVG}><path d="${path}"/></svg>`;
// Material Design Icons (Apache 2.0), as Material for MkDocs bundles them
const FULLSCREEN = icon("M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zm3 9h2v5h-5v-2h3zm-7 3v2H5v-5h2v3z");
const PLUS = icon("M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z");
const MINUS = icon("M19 13H5v-2h14z");
const CLOSE = icon("M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z");

const STEP = 1.25; // one press of 확대 / 축소, or of + / −
const MOST = 4; // the largest zoom (× natural size)
const PAD = 16; // px around the diagram in the viewer
const STATE = "mermaidDialog"; // marks the history entry an open viewer pushed

// In each diagram's shadow root: the loader's `.mermaid-scroll` box (it scrolls sideways on a phone)
// gets a button, pinned to the diagram's top right corner: the box is no scroll container of the
// button's (positioned against the host), so the button neither scrolls nor is clipped with it. It sits in
// a strip of its own above the drawing: over a wide diagram it hid a label.
const CONTROL_CSS = `<style>
:host{position:relative;padding-top:32px}
.mermaid-scroll{cursor:zoom-in}
.mermaid-open{position:absolute;top:0;right:0;display:flex;align-items:center;justify-content:center;
  width:32px;height:32px;padding:0;border:0;border-radius:4px;cursor:pointer;
  color:var(--md-default-fg-color--light);background:var(--md-default-bg-color);opacity:.9}
.mermaid-open svg{width:22px;height:22px;fill:currentColor}
.mermaid-open:hover,.mermaid-open:focus-visible,.mermaid-scroll:hover .mermaid-open{color:var(--md-accent-fg-color);opacity:1}
.mermaid-open:focus-visible{outline:2px solid var(--md-accent-fg-color);outline-offset:2px}
@media print{:host{padding-top:0}.mermaid-open{display:none}.mermaid-scroll{cursor:auto}}
</style>`;

const VIEWER = `<style>
dialog{position:fixed;inset:0;width:auto;height:auto;max-width:none;max-height:none;margin:0;padding:0;border:0;
  flex-direction:column;color:var(--md-default-fg-color);background:var(--md-default-bg-color);
  touch-action:none;overscroll-behavior:contain}
dialog[open]{display:flex}
.bar{display:flex;align-items:center;gap:2px;min-height:48px;padding:0 4px 0 16px;
  color:var(--md-primary-bg-color);background:var(--md-primary-fg-color)}
h2{flex:1;min-width:0;margin:0;font-size:16px;font-weight:700;line-height:1.25}
button{display:inline-flex;align-items:center;justify-content:center;min-width:44px;height:44px;padding:0 6px;
  border:0;border-radius:4px;color:inherit;background:none;font:inherit;font-size:14px;font-weight:700;cursor:pointer}
button:hover{background:var(--md-primary-fg-color--dark)}
button:focus-visible{outline:2px solid currentColor;outline-offset:-4px}
button svg{width:24px;height:24px;fill:currentColor}
output{min-width:3.2em;font-size:14px;text-align:center;font-variant-numeric:tabular-nums}
.view{flex:1;min-height:0;display:flex;overflow:auto;scrollbar-color:var(--scroll-bar);cursor:grab;user-select:none;-webkit-user-select:none;
  touch-action:none;overscroll-behavior:contain}
.view:focus-visible{outline:2px solid var(--md-accent-fg-color);outline-offset:-2px}
.pointer .view:focus-visible{outline:none}
.canvas{margin:auto;padding:${PAD}px}
.canvas svg{display:block;max-width:none!important}
.help{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.bar{flex-wrap:wrap;justify-content:flex-end;padding-top:6px}h2{flex-basis:100%}}
@media print{dialog{display:none!important}}
</style>
<dialog>
  <div class="bar">
    <h2></h2>
    <button type="button" data-zoom="out" aria-label="축소" title="축소 (−)">${MINUS}</button>
    <output aria-label="배율">100%</output>
    <button type="button" data-zoom="in" aria-label="확대" title="확대 (+)">${PLUS}</button>
    <button type="button" data-zoom="fit" aria-label="화면에 맞춤" title="화면에 맞춤 (9)">맞춤</button>
    <button type="button" data-zoom="reset" aria-label="원래 크기 1:1" title="원래 크기 (0)">1:1</button>
    <button type="button" data-close aria-label="닫기" title="닫기 (Esc)">${CLOSE}</button>
  </div>
  <div class="view" tabindex="0" role="group" aria-label="다이어그램" aria-describedby="help"><div class="canvas"></div></div>
  <p class="help" id="help">화살표 키로 다이어그램을 움직이고 + 키와 − 키로 확대·축소합니다. 9 키는 화면에 맞추고 0 키는 원래 크기로 되돌립니다. 터치 화면에서는 끌어서 움직이고 두 손가락으로 확대·축소합니다.</p>
</dialog>`;

let viewer = null; // the one viewer of this document, built on first use
// The history entry of the open viewer: the address of the page it was opened on while the entry is
// the current one, else null. Not read from history.state: Material replaces the state of the current
// entry as the page scrolls (scroll restoration), also just after a push.
let pushed = null;
let opened = ""; // the address the viewer was opened at, with its #anchor: given back on closing
let leaving = 0; // history.back() calls of ours whose popstate is still to come
// An opening's history entry, waiting for those popstates: a push while a back is under way cancels the back
// (Firefox) or is stepped back from by it (Chromium); either way back would no longer close the viewer.
let waiting = null;
// The entries the viewer pushed, by Navigation API key where there is one: Material replaces the state of the
// current entry 100 ms after a scroll (its offset), so the STATE mark can be gone from an entry opened meanwhile.
const entries = new Set();
const entryKey = () => window.navigation && navigation.currentEntry && navigation.currentEntry.key;
const here = () => location.href.split("#")[0];

/** Make the diagram Material just drew into `shadow` open full screen, and name it; `svg` is Mermaid's markup,
 * `source` the diagram's Mermaid text. */
export function enlargeable(shadow, svg, source) {
  const box = shadow && shadow.querySelector(".mermaid-scroll");
  if (!box) return;
  const title = titleOf(shadow.host);
  named(box.querySelector("svg"), title);
  box.insertAdjacentHTML("beforebegin", CONTROL_CSS);
  // The button is the keyboard's way in and what a screen reader names; a tap or a click anywhere
  // on the diagram opens it too. A box that can scroll must be reachable with the keyboard: the
  // button inside it is (arrow keys scroll the box), so the box itself leaves the tab order.
  box.insertAdjacentHTML("beforeend", `<button type="button" class="mermaid-open" aria-haspopup="dialog"
    title="크게 보기">${FULLSCREEN}</button>`);
  const button = box.lastElementChild;
  button.setAttribute("aria-label", `다이어그램 크게 보기: ${title}`);
  box.removeAttribute("tabindex");
  // (a click from Enter or Space on the button has no pointer, detail 0)
  const down = topDown(source || "");
  box.addEventListener("click", (event) => open(svg, title, button, event.detail > 0, down));
}

// A screen reader says a drawing's role description and name: Mermaid gives its type in English
// ("flowchart-v2") and no name; these say "다이어그램" and its section.
function named(drawing, title) {
  if (!drawing || drawing.getAttribute("aria-roledescription") === "error") return;
  drawing.setAttribute("aria-roledescription", "다이어그램");
  drawing.setAttribute("aria-label", title);
}

// A diagram drawn from the top down (a flowchart TB/TD/BT, a state diagram not turned sideways) starts at its top
// centre; others (left to right, a sequence) at their left edge. Where the view opens on a phone.
function topDown(source) {
  const lines = source.replace(/^\s*---[\s\S]*?\n\s*---\s*\n/, "")  // front matter
    .split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("%%"));  // comments, directives
  const [head = "", next = ""] = lines;
  if (/^(flowchart|graph)\b/.test(head)) return !/^(flowchart|graph)\s+(LR|RL)\b/.test(head);  // bare: top down
  return /^stateDiagram/.test(head) && !/^direction\s+(LR|RL)\b/.test(next);  // a whole diagram turned sideways
}

// The heading of the section the diagram is in ("아키텍처"), numbered when the section has several.
function titleOf(host) {
  const scope = host.closest("article") || document.body;
  const headings = [...scope.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const headingOf = (el) => headings.filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
  const heading = headingOf(host);
  const name = heading
    ? [...heading.childNodes].filter((n) => !(n.classList && n.classList.contains("headerlink")))
      .map((n) => n.textContent).join("").trim()
    : document.title;
  const siblings = [...scope.querySelectorAll("pre.mermaid, div.mermaid")].filter((d) => headingOf(d) === heading);
  return siblings.length > 1 ? `${name} (${siblings.indexOf(host) + 1})` : name;
}

function build() {
  const host = document.createElement("div");
  host.className = "mermaid-viewer";
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = VIEWER;
  document.body.append(host);
  const v = {
    dialog: root.querySelector("dialog"), title: root.querySelector("h2"), level: root.querySelector("output"),
    view: root.querySelector(".view"), canvas: root.querySelector(".canvas"),
    svg: null, width: 0, height: 0, zoom: 1, control: null,
  };
  const { dialog, view } = v;

  dialog.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-close")) dialog.close();
    else zoomTo(v, { in: v.zoom * STEP, out: v.zoom / STEP, fit: fit(v), reset: 1 }[button.dataset.zoom]);
  });
  dialog.addEventListener("keydown", (event) => {
    event.stopPropagation(); // Material's shortcuts (n, p, s, /) would act on the page behind
    dialog.classList.remove("pointer"); // the keyboard is in use: show where the focus is
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Tab") { // the view, focused on opening, may be the last stop: Tab wraps within the viewer
      const stops = [...dialog.querySelectorAll("button, [tabindex='0'], a[href]")]; // in the order Tab visits them
      const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
      if (dialog.getRootNode().activeElement !== edge) return;
      event.preventDefault();
      (event.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
      return;
    }
    const zoom = { "+": v.zoom * STEP, "=": v.zoom * STEP, "-": v.zoom / STEP, "9": fit(v), "0": 1 }[event.key];
    if (zoom === undefined) return; // arrows, Page Up/Down, Home/End scroll the focused view natively
    event.preventDefault();
    zoomTo(v, zoom);
  });
  dialog.addEventListener("close", () => {
    v.canvas.replaceChildren();
    waiting = null;
    if (pushed) { // closed by Esc, 닫기 or Android's back gesture: drop the entry we pushed
      // (a safeguard: a section's #anchor written into its address meanwhile, as Material's navigation.tracking did)
      if (location.href !== pushed) history.replaceState(history.state, "", pushed);
      back();
    }
    if (v.control && v.control.isConnected) v.control.focus({ preventScroll: true });
  });

  // Drag to pan (a finger or the mouse), two fingers to zoom: touch-action:none hands both to us,
  // so the browser neither scrolls nor zooms the page behind.
  const pointers = new Map();
  view.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, [event.clientX, event.clientY]);
    view.setPointerCapture(event.pointerId);
  });
  view.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const now = [event.clientX, event.clientY];
    const other = [...pointers].find(([id]) => id !== event.pointerId);
    if (other && pointers.size === 2) {
      const [x0, y0] = midpoint(last, other[1]), [x1, y1] = midpoint(now, other[1]);
      zoomTo(v, v.zoom * distance(now, other[1]) / (distance(last, other[1]) || 1), x0, y0);
      view.scrollBy(x0 - x1, y0 - y1);
    } else if (pointers.size === 1) {
      view.scrollBy(last[0] - now[0], last[1] - now[1]);
    }
    pointers.set(event.pointerId, now);
  });
  const lift = (event) => pointers.delete(event.pointerId);
  view.addEventListener("pointerup", lift);
  view.addEventListener("pointercancel", lift);
  // Ctrl + wheel: a trackpad's pinch on a desktop
  view.addEventListener("wheel", (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    zoomTo(v, v.zoom * Math.exp(-event.deltaY / 300), event.clientX, event.clientY);
  }, { passive: false });
  addEventListener("resize", () => { if (dialog.open) zoomTo(v, v.zoom); });
  return v;
}

// Back button: close the open viewer. Forward onto the entry a closed viewer left: step back over it.
// Back on the page's entry: its address gets its #anchor back (no jump, no scrolling).
function reopen() {
  if (opened) history.replaceState(history.state, "", opened);
  opened = "";
}

function back() {
  pushed = null;
  leaving += 1;
  history.back();
}

// The viewer's popstates: overrides/main.html calls this before Material sees one, and stops it
// (returns true) when it is the viewer's own: back from the open viewer, or one of those below.
function popstate() {
  let ours = leaving > 0;
  if (ours) {
    leaving -= 1;
    reopen();
    if (!leaving && waiting) {
      waiting();
      waiting = null;
    }
  } else if (pushed) { // back (or a jump further back) from the open viewer's entry
    ours = here() === pushed;
    if (ours) reopen();
    pushed = null;
    viewer.dialog.close();
  } else if ((history.state && history.state[STATE]) || entries.has(entryKey())) { // forward onto a closed viewer
    ours = true;
    back();
  }
  return ours;
}
window.mermaidViewer = { popstate };

function open(svg, title, control, pointer, down) {
  const v = viewer || (viewer = build());
  if (v.dialog.open) return;
  v.canvas.innerHTML = svg; // Mermaid's own output (sanitised by Mermaid), as Material puts it in the page
  v.svg = v.canvas.querySelector("svg");
  const box = v.svg && v.svg.viewBox.baseVal;
  if (!box || !box.width) return;
  [v.width, v.height, v.control] = [box.width, box.height, control];
  v.svg.removeAttribute("width");
  named(v.svg, title);
  v.title.textContent = title;
  v.dialog.setAttribute("aria-label", `다이어그램: ${title}`);
  v.dialog.classList.toggle("pointer", pointer); // opened by a tap or click: no focus ring on the view
  v.dialog.showModal();
  if (leaving) waiting = mark; // closed a moment ago: its back is still to land
  else mark();
  // natural size, or larger while the whole diagram still fits (at most twice)
  size(v, Math.max(1, Math.min(fit(v), 2)));
  v.view.scrollTo(down ? (v.view.scrollWidth - v.view.clientWidth) / 2 : 0, 0);
  v.view.focus();
}

// The open viewer's history entry. Both entries without the #anchor, which comes back on closing:
// Chromium takes a traversal to an entry with an anchor for a jump to it and drops the focus. The
// page's entry records the scroll offset, for Material's scroll restoration.
function mark() {
  [pushed, opened] = [here(), location.href];
  history.replaceState({ ...history.state, x: scrollX, y: scrollY }, "", pushed);
  history.pushState({ ...history.state, [STATE]: true }, "", pushed);
  if (entryKey()) entries.add(entryKey());
}

// The zoom at which the whole diagram fits the view.
function fit(v) {
  const r = v.view.getBoundingClientRect();
  return Math.min((r.width - 2 * PAD) / v.width, (r.height - 2 * PAD) / v.height);
}

function size(v, zoom) {
  v.zoom = zoom;
  v.svg.style.width = `${v.width * zoom}px`;
  v.svg.style.height = `${v.height * zoom}px`;
  v.level.textContent = `${Math.round(zoom * 100)}%`;
}

// Zoom to `zoom` (between "the whole diagram fits" or natural size, and MOST), keeping the point of
// the diagram under (x, y) — the view's centre by default — where it is.
function zoomTo(v, zoom, x, y) {
  if (!v.svg) return;
  const low = Math.min(1, fit(v)), high = Math.max(MOST, low);
  const view = v.view.getBoundingClientRect();
  if (x === undefined) [x, y] = [view.left + view.width / 2, view.top + view.height / 2];
  const before = v.svg.getBoundingClientRect();
  const u = (x - before.left) / before.width, w = (y - before.top) / before.height;
  size(v, Math.min(high, Math.max(low, zoom)));
  const after = v.svg.getBoundingClientRect();
  v.view.scrollBy(after.left + u * after.width - x, after.top + w * after.height - y);
}

const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const midpoint = (a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
