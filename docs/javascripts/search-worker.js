/*
 * The search worker of the site: Material's own search worker, extended for Korean (issue 10).
 *
 * Why this file exists: Material 9 lets a site change search in one place only, the web worker that
 * answers the search box (`#__config` → "search"; Material's bundle talks to it with four messages:
 * SETUP, READY, QUERY, RESULT). docs/javascripts/search.js makes Material start this worker instead;
 * this worker speaks the same four messages to the page and runs Material's unchanged worker behind
 * it, so Material's search UI, highlighting, suggestions and sharing all stay as they are.
 *
 * Every page starts this worker, so it is small and loads nothing until the reader starts to search:
 * the page says "start" on its channel when the search box gets the focus (a click, `/`, `s`), and
 * the first query starts it too. Material fetches search/search_index.json on every page;
 * hooks/search_index.py leaves only the configuration in it. On "start" this worker loads the Korean
 * search (search-korean.js: query rewriting, ranking, snippets, suggestions), then the titles file
 * (search/search_titles.json, small: it answers the first keystrokes) and the documents
 * (search/search_docs.json), from which a copy of Material's worker builds the full index — about a
 * second on a slow machine; then the full search answers the latest query again.
 */
"use strict";

/* Material's message types (src/templates/assets/javascripts/integrations/search/worker/message). */
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* Set by search.js in this worker's address: Material's worker, the two files, the page's channel. */
const address = new URL(location.href);
const MATERIAL = address.searchParams.get("material");
const TITLES = address.searchParams.get("titles");
const DOCS = address.searchParams.get("docs");
const channel = "BroadcastChannel" in self && address.hash.length > 1
  ? new BroadcastChannel(address.hash.slice(1))
  : null;

let setup = null;                // { config, options } from Material's SETUP (config only: the stub index)
let wanted = false;              // the page said "start" before Material's SETUP arrived
let engine = null;               // what answers: the glance at the titles, then Material's full index
let engineReady = null;          // Promise of the first engine
let loading = null;              // Promise of loading, once started
let words = null;                // the Vocabulary of what the engine knows (search-korean.js)
let latest = null;               // the latest query from the page
let answered = null;             // the query whose result the page has
let answering = false;

/*
 * Load and build, once. Material's worker starts loading at once; the titles file (small) comes
 * first and answers through `glance`; the documents go to Material's worker, and with its index
 * and the vocabulary of every term the full search takes over and answers the latest query again.
 */
function start() {
  wanted = true;
  if (loading || !setup) return loading;
  importScripts("search-korean.js");
  const separator = new RegExp(setup.config.separator, "g");
  const full = material();
  let ready;
  engineReady = new Promise(resolve => (ready = resolve));
  const use = (index, vocabulary, state) => {
    engine = index;
    words = vocabulary;
    ready();
    announce(state);
  };
  const titles = fetch(TITLES).then(response => response.json());
  loading = titles.then(({ docs, synonyms }) => {
    const named = new Vocabulary(synonyms, separator).add(docs).finish();
    if (!engine) use(glance(named), named, "quick");
    return fetch(DOCS).then(response => response.json()).then(({ docs: all }) => Promise.all([
      full.build(all), vocabulary(all, synonyms, separator),
    ])).then(([index, every]) => {
      use(index, every, "full");
      answered = null;        // the reader may be looking at quick results: answer again
      answer();
    });
  }).catch(err => {
    console.warn("search: the index did not load", err);
    ready();                  // answer every query with nothing rather than never
  });
  return loading;
}

function announce(state) {
  if (channel) channel.postMessage({ index: state });
}

/* ------------------------------------------------------------------------------------------------
 * Answering the page: the latest query only, once an engine is ready
 * ---------------------------------------------------------------------------------------------- */

async function answer() {
  if (answering) return;
  answering = true;
  try {
    while (latest !== answered) {
      const query = latest;
      let data = { items: [] };
      if (query.trim()) {
        start();
        await engineReady;
        data = await search(query);
      }
      answered = query;
      if (query === latest) postMessage({ type: RESULT, data });
    }
  } catch (err) {
    console.warn("search:", err);
    answered = latest;
    postMessage({ type: RESULT, data: { items: [] } });   // as Material's worker does on an error
  } finally {
    answering = false;
  }
}

addEventListener("message", (ev) => {
  const { type, data } = ev.data;
  if (type === SETUP) {
    setup = { config: data.config, options: data.options };
    postMessage({ type: READY });
    if (wanted) start();
  } else if (type === QUERY) {
    latest = data;
    answer();
  }
});

if (channel) {
  channel.onmessage = (ev) => { if (ev.data === "start") start(); };
  channel.postMessage("hello");    // the page answers "start" if the reader has already begun
}
