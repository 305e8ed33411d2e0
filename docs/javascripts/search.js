/*
 * Korean search, the page's side (issue 10). Loaded from overrides/main.html before Material's
 * bundle, because Material reads its configuration (`#__config`) and starts its search worker
 * while the bundle runs.
 *
 * - Material's search worker is replaced by javascripts/search-worker.js, which runs Material's
 *   own worker behind it (see that file). Its address carries Material's worker, the two files it
 *   loads (search/search_titles.json, search/search_docs.json) and a channel name that is new for
 *   every page load.
 * - The worker loads the documents only when the reader starts to search: this script says "start"
 *   on that channel when the search box gets the focus (a click, or Material's `/`, `s`, `f` keys).
 *   A worker that is not listening yet says "hello" when it is, and is told again.
 * - The worker says how far it is ({ index: "quick" | "full" }); the search dialog shows it as
 *   `data-search-index`, for tests and benchmarks to wait on.
 * - When nothing matched, the worker sends the nearest pages with the score -1 instead of an empty
 *   list; the line above the list then reads "이것을 찾으셨나요?". The pages are Material's usual
 *   result links: a click or Enter opens one, the arrow keys move between them.
 */
(function () {
  "use strict";

  var config = document.getElementById("__config");
  var dialog = document.querySelector("[data-md-component=search]");
  if (!config || !dialog) return;

  var data = JSON.parse(config.textContent);
  var base = new URL(data.base, location.href);
  var name = "search-" + Math.random().toString(36).slice(2);
  var worker = new URL("javascripts/search-worker.js", base);
  worker.searchParams.set("material", new URL(data.search, location.href).href);
  worker.searchParams.set("titles", new URL("search/search_titles.json", base).href);
  worker.searchParams.set("docs", new URL("search/search_docs.json", base).href);
  worker.hash = name;
  data.search = worker.href;
  config.textContent = JSON.stringify(data);

  var channel = "BroadcastChannel" in window ? new BroadcastChannel(name) : null;
  var input = dialog.querySelector("[data-md-component=search-query]");
  var started = false;

  function start() {
    started = true;
    if (channel) channel.postMessage("start");
  }

  if (channel) {
    input.addEventListener("focus", start);
    channel.onmessage = function (ev) {
      if (ev.data === "hello" && started) channel.postMessage("start");
      else if (ev.data && ev.data.index) dialog.setAttribute("data-search-index", ev.data.index);
    };
  }

  // Suggestions instead of "no results": the heading above them.
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  new MutationObserver(function () {
    if (list.querySelector(':scope > li:first-child article[data-md-score="-1.00"]'))
      meta.textContent = "이것을 찾으셨나요?";
  }).observe(list, { childList: true });
})();
