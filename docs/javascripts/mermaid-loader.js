/*
 * Mermaid for Material for MkDocs, self-hosted: no CDN, one library load per page with diagrams.
 *
 * overrides/main.html puts this script inside Material's container on each page with a diagram and
 * on the print page, so instant navigation runs it too. Material draws every `pre.mermaid` itself:
 * it calls `mermaid.initialize(…)` once (palette-aware themeCSS) and `mermaid.render(id, text)` per
 * diagram, and fetches Mermaid from a CDN unless a global `mermaid` exists. This script is that
 * global: a stand-in that imports the ESM build next to it (mermaid/mermaid.esm.min.mjs, pinned
 * in mermaid/VERSION; it fetches only the chunks of the diagram kinds it meets) once, when the
 * first diagram is about to be seen.
 *
 * When: a diagram is drawn when it comes within one screen of the viewport (IntersectionObserver),
 * so a page whose diagrams are further down loads no Mermaid until the reader scrolls there; once
 * loaded, the page's other diagrams follow in idle time. All at once when printing (print media,
 * `beforeprint`, the print page). One diagram per task, in order. Ctrl+P (⌘P) while diagrams wait:
 * the key draws them first, then opens the print dialog, which cannot wait for a drawing itself.
 *
 * Full screen: with Mermaid comes mermaid-dialog.mjs (so a text page, and a diagram page until a
 * diagram is near, loads neither); each drawn diagram then opens in a dialog, readable on a phone.
 * Material hands the diagram's closed shadow root to the `fn` of the render result.
 */
(function () {
  "use strict";
  if (window.mermaid && window.mermaid.selfHosted) return; // already here (instant navigation)

  var entry = new URL("mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var dialogEntry = new URL("mermaid-dialog.mjs", document.currentScript.src).href;
  var options = {};
  var library = null;
  var dialog = null; // mermaid-dialog.mjs, once loaded; a diagram is still drawn without it
  var queue = Promise.resolve();
  var waiting = new Map(); // pre.mermaid → start its render
  var claimed = new WeakSet();
  var drawing = new Map(); // pre.mermaid → the promise `render` returned for it, until it settles
  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(onIntersect, { rootMargin: "100% 0px" })
    : null;
  var held = []; // diagrams drawn above the reader's view that keep their placeholder's height
  var lastY = window.scrollY;
  var anchoring = window.CSS && CSS.supports && CSS.supports("overflow-anchor", "auto");

  function load() {
    if (!library) {
      var viewer = import(dialogEntry).catch(function () { return null; });
      library = Promise.all([import(entry), viewer]).then(function (modules) {
        dialog = modules[1];
        modules[0].default.initialize(settings());
        return modules[0].default;
      });
    }
    return library;
  }

  // Material's options over mermaid2's `arguments:` (mkdocs.yml); never start on load. Material sets
  // `sequence` (its font sizes): merged one level down, or mermaid2's `sequence:` layout would be dropped.
  // Material's palette-aware themeCSS, completed for Mermaid 11 (tests/test_reading.py::test_every_page
  // measures the contrast of every text in both schemes):
  // - the label of an `else` section (`.sectionTitle`) was black: unreadable when dark;
  // - the `alt`/`loop` keyword was accent on a tint of the accent (2.8:1): now text colour;
  // - autonumber circles: the marker id now carries the diagram id, so Material's
  //   `#sequencenumber` rule missed them; white on the accent is 2.8:1 anyway. Now the
  //   colours of the message lines (circle) and of the page (number).
  var THEME_FIXES =
    ".sectionTitle{fill:var(--md-mermaid-sequence-loop-fg-color)}" +
    ".labelText,.labelText>tspan{fill:var(--md-mermaid-label-fg-color)}" +
    "marker[id$=sequencenumber] circle{fill:var(--md-mermaid-edge-color)}" +
    ".sequenceNumber{fill:var(--md-mermaid-label-bg-color)}";
  // Mermaid sizes some labels (edge labels) by measuring text in its own `fontFamily` ("trebuchet
  // ms", … — Hangul then falls back to whatever the system has), while Material draws them in the
  // page's font: measured in one font, drawn in another, a label spills out of its box. Mermaid
  // measures in the page's font instead.
  function settings() {
    var plugin = (window.mermaidConfig && window.mermaidConfig.default) || {};
    var merged = Object.assign({}, plugin, options, { startOnLoad: false });
    merged.sequence = Object.assign({}, plugin.sequence, options.sequence);
    merged.themeCSS = (merged.themeCSS || "") + THEME_FIXES;
    merged.fontFamily = getComputedStyle(document.body).fontFamily;
    merged.themeVariables = Object.assign({}, merged.themeVariables, { fontFamily: merged.fontFamily });
    return merged;
  }

  // Phones: a wide diagram shrinks with its column down to MIN_SCALE of its natural size (smaller,
  // its labels could not be read), then scrolls sideways inside its own box; the page itself never
  // scrolls sideways; a tap opens it full screen (mermaid-dialog.mjs). Printing scales it to the page again.
  // A shadow on an edge says there is more of the diagram that way: extra.css's --scroll-edges (the tables' too),
  // inherited into the shadow root — CSS only, so a box that does not scroll shows none.
  var MIN_SCALE = 0.6;
  var FIT = "<style>.mermaid-scroll{overflow-x:auto;overflow-y:hidden;background:var(--scroll-edges);scrollbar-color:var(--scroll-bar);scrollbar-width:thin}" +
    "@media print{.mermaid-scroll{overflow:visible;background:none}" +
    ".mermaid-scroll>svg{min-width:0!important;max-height:235mm}}</style>";
  function fit(svg) {
    var box = /viewBox="[-\d.e]+[ ,]+[-\d.e]+[ ,]+([\d.e]+)/.exec(svg);
    var open = /<svg\b[^>]*>/.exec(svg);
    if (!box || !open) return svg;
    var min = "min-width:" + Math.round(parseFloat(box[1]) * MIN_SCALE) + "px;";
    var tag = /\sstyle="/.test(open[0])
      ? open[0].replace(/\sstyle="/, ' style="' + min)
      : open[0].replace(/^<svg/, '<svg style="' + min + '"');
    // tabindex: a box that can scroll must be reachable with the keyboard
    return FIT + '<div class="mermaid-scroll" tabindex="0">' +
      svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length) + "</div>";
  }

  function printing() {
    return document.getElementById("print-site-page") !== null || matchMedia("print").matches;
  }

  // The `pre.mermaid` Material is drawing: the first unclaimed one with this source.
  function element(text) {
    var pres = document.querySelectorAll("pre.mermaid");
    for (var i = 0; i < pres.length; i++) {
      if (!claimed.has(pres[i]) && pres[i].textContent === text) {
        claimed.add(pres[i]);
        return pres[i];
      }
    }
    return null;
  }

  function start(pre) {
    var go = waiting.get(pre);
    if (!go) return;
    waiting.delete(pre);
    if (observer) observer.unobserve(pre);
    go();
  }

  function onIntersect(entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) start(e.target);
    });
    forget();
  }

  // Diagrams of a page left by instant navigation are never drawn (or shown, if their drawing had begun): drop them.
  function forget() {
    waiting.forEach(function (go, pre) {
      if (!pre.isConnected) {
        waiting.delete(pre);
        if (observer) observer.unobserve(pre);
      }
    });
    drawing.forEach(function (drawn, pre) {
      if (pre.nodeType && !pre.isConnected) drawing.delete(pre);
    });
  }

  // A diagram drawn above what the reader sees that is shorter than its placeholder makes the browser scroll up
  // by the difference to keep the reader's place (scroll anchoring); Material takes that for the reader
  // scrolling up and brings its back-to-top button down over the heading a link or a search result led to.
  // So such a diagram keeps its placeholder's height (set before the browser lays it out) until the reader
  // scrolls up: it shrinks then, within the reader's own scrolling. A browser without scroll anchoring
  // (Safari) would move the page instead: it is scrolled back by hand. (Print ignores the height, print.css.)
  function hold(host, height) {
    host.style.minHeight = height + "px";
    held.push(host);
  }

  // Where what the reader sees begins: below the page's sticky header.
  function viewTop() {
    var header = document.querySelector("header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  window.addEventListener("scroll", function () {
    var y = window.scrollY;
    if (y < lastY && held.length) {
      var top = viewTop(), shift = 0;
      held.forEach(function (host) {
        var before = host.getBoundingClientRect();
        host.style.minHeight = "";
        if (!anchoring && host.isConnected && before.bottom <= top) shift += before.height - host.offsetHeight;
      });
      held = [];
      if (shift > 0) window.scrollBy(0, -shift);
    }
    lastY = window.scrollY;
  }, { passive: true });

  function startAll() {
    Array.from(waiting.keys()).forEach(start);
  }
  window.addEventListener("beforeprint", startAll);

  // Ctrl+P (⌘P on Apple devices, where ⌃P moves the caret in a text field) with diagrams still waiting:
  // draw them all, then print; the browser's own print menu prints at once (an undrawn diagram prints as a
  // short note, docs/stylesheets/print.css). With a Hangul keyboard layout on, the key may read "ㅔ": its code
  // is still KeyP. Pressed again meanwhile: still one print. Left for another page meanwhile (instant
  // navigation): no print. A drawing that never ends (a stalled download) prints what there is after PRINT_WAIT.
  var apple = /Mac|iPhone|iPad/.test(navigator.platform);
  var PRINT_WAIT = 10000;
  var pendingPrint = null; // { page }: the key was pressed on that page
  function here() { return location.pathname + location.search; }
  document.addEventListener("keydown", function (e) {
    var p = e.key === "p" || e.key === "P" || (e.code === "KeyP" && !/^[a-z]$/i.test(e.key));
    var print = apple ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
    if (!p || !print || e.altKey || e.shiftKey) return;
    forget();
    var pending = pendingPrint && pendingPrint.page === here();
    if (!pending && !drawing.size) return; // every diagram is drawn (a waiting one is drawing too): the browser prints
    e.preventDefault();
    if (pending) return;
    var request = pendingPrint = { page: here() };
    startAll();
    var drawn = Promise.all(Array.from(drawing.values(), function (d) { return d.catch(function () {}); }));
    Promise.race([drawn, new Promise(function (resolve) { setTimeout(resolve, PRINT_WAIT); })])
      .then(nextTask) // Material puts each diagram in the page when its promise resolves
      .then(function () {
        if (pendingPrint !== request) return;
        pendingPrint = null;
        if (request.page === here()) window.print();
      });
  });

  // Resolves when the diagram of `pre` should be drawn.
  function due(pre) {
    if (!pre || !observer || printing()) return Promise.resolve();
    return new Promise(function (resolve) {
      waiting.set(pre, resolve);
      observer.observe(pre);
    });
  }

  // One diagram per task, so the browser paints and handles input between two diagrams.
  // Once the library is here (the reader reached a diagram), the page's other diagrams follow
  // in idle time, so that printing from the browser's menu, which cannot wait for a drawing, finds them drawn.
  function drawRestWhenIdle() {
    (window.requestIdleCallback || setTimeout)(startAll);
  }

  function draw(id, text, pre) {
    if (!library) load().then(drawRestWhenIdle);
    var job = queue.then(load).then(function (m) {
      return m.render(id, text);
    }).then(function (result) {
      // the placeholder Material is about to replace, when it is wholly above the reader's view
      var box = pre && pre.isConnected && !printing() ? pre.getBoundingClientRect() : null;
      var height = box && box.bottom <= viewTop() ? box.height : 0;
      // Material calls `fn(shadowRoot)` right after it puts the diagram in the page (Mermaid's own
      // `bindFunctions`, for click directives, which these diagrams do not use, stays uncalled)
      function fn(shadow) {
        if (height) hold(shadow.host, height);
        if (dialog) dialog.enlargeable(shadow, result.svg, text);
      }
      return Object.assign({}, result, { svg: fit(result.svg), fn: fn });
    });
    queue = job.then(nextTask, nextTask);
    return job;
  }

  function nextTask() {
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  }

  window.mermaid = {
    selfHosted: true,
    initialize: function (config) {
      options = Object.assign({}, options, config);
      if (library) library.then(function (m) { m.initialize(settings()); });
    },
    // Called by Material once per diagram, right after it reads the diagram's source.
    render: function (id, text) {
      forget();
      var pre = element(text);
      var key = pre || {};
      var drawn = due(pre).then(function () {
        return draw(id, text, pre);
      });
      drawing.set(key, drawn);
      drawn.then(settled, settled);
      function settled() { drawing.delete(key); }
      // A later page of the same visit (instant navigation): the library is here already, so
      // this page's diagrams follow in idle time too, ready for printing.
      if (library) library.then(drawRestWhenIdle);
      return drawn;
    }
  };
})();
