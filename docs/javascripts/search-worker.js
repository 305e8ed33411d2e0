/*
 * The site's search worker: Material's search box, results, highlighting, suggestions and sharing,
 * answered by a Korean search of our own (docs/javascripts/search-korean.js; README "검색").
 *
 * Material's documented seam (integrations/search/worker/_/index.ts): "the application does not care
 * how search is implemented, as long as the web worker conforms to the format expected by the
 * application as defined in SearchMessage", and the worker is named by `#__config` ("search"), which
 * docs/javascripts/search.js points here. The four messages: SETUP { config, docs, options } → READY;
 * QUERY (the typed text) → RESULT (SearchResult: { items: SearchItem[][], suggest? }). Their numbers
 * are Material's SearchMessageType; tests/test_search_contracts.py runs Material's installed worker
 * and this one on the same messages and fails when they differ.
 *
 * Every page starts this worker, so it is small and loads nothing until the first search: then the
 * Korean search (importScripts) and, as hooks/search_index.py leaves SETUP without documents,
 * search/search_docs.json (documents and synonyms). Queries that arrive meanwhile are answered once,
 * the latest.
 *
 * Why an index of our own and not an engine (measured on the site's 426 documents and 403 learner
 * queries, Node 20, `node tests/js/compare-engines.cjs`): MiniSearch 7.2.0, the maintained candidate,
 * is 18.6 KiB gzip unminified (our whole search is about 8 KiB) and does not list its terms, which the
 * Korean part needs anyway (typos, compounds, whole numbers, sounds), so the site would keep two
 * indexes; its scoring gave hit@1/hit@5 (see that script's output in README "검색") no better than
 * this BM25 on a Map of terms, which is some 40 lines.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's SearchMessageType

let setup = null;        // SETUP's data: { config, docs, options }
let index = null;        // the KoreanSearch.Index, once loaded
let loading = null;      // Promise of the index
let latest = "";         // the latest query

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    setup = message.data;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest = message.data;
    answer(latest);
  }
});

function answer(query) {
  if (!query.trim()) return reply({ items: [] });
  if (!index) return load().then(() => query === latest && answer(query), (err) => {
    console.warn("search: the index did not load", err);
    loading = null;                                     // the next query tries again
    if (query === latest) reply({ items: [] });
  });
  try {
    reply(index.search(query, setup.options));
  } catch (err) {
    console.warn("search:", err);
    reply({ items: [] });                               // as Material's worker answers a query it cannot parse
  }
}

function reply(data) {
  postMessage({ type: RESULT, data });
}

function load() {
  return loading || (loading = (async () => {
    if (typeof KoreanSearch === "undefined") importScripts("search-korean.js");
    let { docs } = setup, synonyms = [];
    if (!docs.length) {
      const response = await fetch(new URL("../search/search_docs.json", location.href));
      if (!response.ok) throw new Error(response.status + " " + response.url);
      ({ docs, synonyms } = await response.json());
    }
    index = new KoreanSearch.Index(docs, setup.config, synonyms);
  })());
}
