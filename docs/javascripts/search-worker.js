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
 * Why an index of our own and no engine (MiniSearch measured against it): README "Decisions".
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
    let { docs } = setup, synonyms = [];
    const fetching = docs.length ? null : fetch(new URL("../search/search_docs.json", location.href));
    if (typeof KoreanSearch === "undefined") importScripts("search-korean.js");   // while the documents come
    if (fetching) {
      const response = await fetching;
      if (!response.ok) throw new Error(response.status + " " + response.url);
      ({ docs, synonyms } = await response.json());
    }
    index = new KoreanSearch.Index(docs, setup.config, synonyms);
  })());
}
