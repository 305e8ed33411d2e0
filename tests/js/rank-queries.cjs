/*
 * The learner query set through the site's search worker in Node: the ranking that tests/test_search.py holds to
 * its targets, without a browser (the search box's wiring has its own browser tests; search-bench types the same
 * set into the real box and times it).
 *
 *   node tests/js/rank-queries.cjs <built site>     (the queries: a JSON array on stdin)
 *
 * The worker gets SETUP as on the site (the configuration of search/search_index.json, the documents fetched from
 * search/search_docs.json with the first query); prints, for each query, the pages of its result groups in order.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { startWorker } = require("./worker-shim.cjs");

const WORKER = path.resolve(__dirname, "..", "..", "docs", "javascripts", "search-worker.js");
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's SearchMessageType

async function main(site) {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const read = (name) => fs.readFileSync(path.join(site, "search", name), "utf8");
  const docs = new URL("../search/search_docs.json", pathToFileURL(WORKER)).href;
  const worker = startWorker(WORKER, { files: { [docs]: read("search_docs.json") } });
  worker.send({ type: SETUP, data: { config: JSON.parse(read("search_index.json")).config, docs: [], options: { suggest: true } } });
  if ((await worker.next()).type !== READY) throw new Error("no READY for SETUP");
  const pages = [];
  for (const query of queries) {
    worker.send({ type: QUERY, data: query });
    const { type, data } = await worker.next();
    if (type !== RESULT) throw new Error(`no RESULT for ${JSON.stringify(query)}`);
    pages.push(data.items.map((group) => group[0].location.split("#")[0]));
  }
  process.stdout.write(JSON.stringify(pages));
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
