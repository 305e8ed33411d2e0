/*
 * Korean search, the page's side. overrides/main.html loads this in Material's `config` block, right
 * after `#__config` and before Material's bundle, which reads `#__config` and starts the worker it names.
 *
 * - The worker: the site's own (javascripts/search-worker.js, which speaks Material's search messages)
 *   instead of Material's lunr worker. The one place the site writes `#__config`; guarded by
 *   tests/test_search_contracts.py (README "검색": what the search relies on in Material).
 * - "다음 문서를 찾으셨습니까?": when nothing matched, the worker answers with the nearest pages, scored -1
 *   (Material renders the score as data-md-score); Material's line above the list then counts them as
 *   matches, so it is replaced. When no page is near either, the home page comes, scored -2, under a line
 *   that says nothing matched. The pages are Material's result links: a click or Enter opens one, the
 *   arrow keys move between them.
 * - Text that arrives without a key (pasted from a menu, dictated, a predictive-text tap) fires `input` and no
 *   `keyup`; Material reads the box on `keyup` and focus only, so the results and Enter stayed on the old
 *   query. Each `input` is passed on as a `keyup` (Material ignores a value it has already searched).
 * - The line above the list (how many documents match) is a live region: a screen reader hears the count as
 *   the reader types, as the eye sees it; Material's line is not one.
 * - The first search loads the documents (search/search_docs.json; seconds on a slow connection): until its
 *   first results, the line above the list says so, not Material's placeholder. Material writes
 *   that line again with every result.
 * - A query of spaces only is no query: Material answered it "no document matches"; the line asks for a query,
 *   as for an empty box.
 * - Enter follows the best result and search closes, but Material leaves the focus in the closed box: what the
 *   reader typed next went into it unseen ("/" included), and Enter reloaded the page. A chosen result takes
 *   the focus out of the box.
 * - Material draws its suggestion (the query with its last word completed, grey) behind the box from the box's
 *   left edge. A query longer than the box scrolls inside it and the suggestion does not, so the two overlapped
 *   and neither could be read; a suggestion that does not fit the box is not shown (extra.css).
 * - On a phone Material fixes the page in place while search covers the screen, and frees it (back at the
 *   reader's old offset) after search has closed: its move to a chosen result, the page's top or a section,
 *   came while the page was fixed, so the reader stayed where they were. Once the chosen page is in
 *   (`document$`) and free, this moves there (README "Framework contracts").
 */
(function () {
  "use strict";

  var config = document.getElementById("__config");
  var dialog = document.querySelector("[data-md-component=search]");
  if (!config || !dialog) return;

  var data = JSON.parse(config.textContent);
  data.search = new URL("javascripts/search-worker.js", new URL(data.base, location.href)).href;
  config.textContent = JSON.stringify(data);

  var query = dialog.querySelector("[data-md-component=search-query]");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  meta.setAttribute("role", "status");
  // the worker has shown results: the documents are loaded
  var answered = false;
  var loading = meta.textContent.trim();  // Material's "search.result.initializer", before its bundle writes the line

  query.addEventListener("input", function () {
    if (!answered && query.value.trim()) meta.textContent = loading;
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });

  var suggest = dialog.querySelector("[data-md-component=search-suggest]");
  var fit = function () {
    dialog.toggleAttribute("data-suggest-overflows",
      query.scrollWidth > query.clientWidth || suggest.scrollWidth > suggest.clientWidth);
  };
  if (suggest) {
    query.addEventListener("input", fit);
    new MutationObserver(fit).observe(suggest, { childList: true, characterData: true, subtree: true });
    new ResizeObserver(fit).observe(query);  // a phone turned, a window narrowed
  }

  // The phone scroll (header list): a result chosen while the page is fixed, until its page is in and free.
  // { path, hash, arrived: its page is in }
  var chosen = null;
  var reach = function () {
    if (!chosen || !chosen.arrived || document.body.hasAttribute("data-md-scrolllock")) return;
    var target = chosen.hash && document.getElementById(decodeURIComponent(chosen.hash.slice(1)));
    chosen = null;
    // scrollTo, not scrollIntoView: that does nothing while the closing overlay still widens a phone's viewport
    scrollTo(0, target ? scrollY + target.getBoundingClientRect().top - parseFloat(getComputedStyle(target).scrollMarginTop) : 0);
  };
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (link) query.blur();
    chosen = link && document.body.hasAttribute("data-md-scrolllock")
      ? { path: link.pathname, hash: link.hash, arrived: link.pathname === location.pathname } : null;
  });
  new MutationObserver(reach).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
  addEventListener("DOMContentLoaded", function () {  // Material's bundle has run
    document$.subscribe(function () {
      if (chosen && location.pathname === chosen.path) chosen.arrived = true;
      // another page came (Back, a link) before the chosen one
      else chosen = null;
      reach();
    });
  });

  var placeholder = data.translations["search.result.placeholder"];
  new MutationObserver(function () {
    if (query.value && !query.value.trim() && meta.textContent !== placeholder) meta.textContent = placeholder;
  }).observe(meta, { childList: true, characterData: true });

  new MutationObserver(function () {
    if (list.children.length) answered = true;
    if (list.querySelector(':scope > li:first-child article[data-md-score="-1.00"]'))
      meta.textContent = "검색어와 일치하는 문서가 없습니다. 다음 문서를 찾으셨습니까?";
    else if (list.querySelector(':scope > li:first-child article[data-md-score="-2.00"]'))
      meta.textContent = "검색어와 일치하는 문서가 없습니다. 다른 검색어를 입력하거나 홈의 카테고리 목록에서 찾아보십시오.";
  }).observe(list, { childList: true });
})();
