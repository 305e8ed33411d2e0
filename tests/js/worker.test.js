/* The site's search worker (docs/javascripts/search-worker.js) in Node, through Material's messages. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { ROOT, CONFIG, DOCS, SYNONYMS } = require("./fixture.cjs");
const { startWorker } = require("./worker-shim.cjs");

const WORKER = path.join(ROOT, "docs", "javascripts", "search-worker.js");
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* A worker set up as on the site: SETUP without documents (hooks/search_index.py), which it fetches
   from search/search_docs.json next to the worker's folder — unless `served` is false. */
async function started(served = true) {
  const docs = new URL("../search/search_docs.json", pathToFileURL(WORKER)).href;
  const worker = startWorker(WORKER, { files: served ? { [docs]: JSON.stringify({ docs: DOCS, synonyms: SYNONYMS }) } : {} });
  worker.send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: true } } });
  assert.deepEqual(await worker.next(), { type: READY });
  return worker;
}

test("READY for SETUP; an empty query is answered at once, and nothing is fetched", async () => {
  const worker = await started();
  worker.send({ type: QUERY, data: "" });
  assert.deepEqual(await worker.next(), { type: RESULT, data: { items: [] } });
  assert.deepEqual(worker.fetched, []);
});

test("the first search fetches the documents once; the answer is a SearchResult", async () => {
  const worker = await started();
  worker.send({ type: QUERY, data: "오토스켈링" });
  const { type, data } = await worker.next();
  assert.equal(type, RESULT);
  assert.equal(data.items[0][0].location, "compute/auto-scaling/");
  assert.deepEqual(data.suggest, []);
  worker.send({ type: QUERY, data: "로드벨런서" });
  assert.equal((await worker.next()).data.items[0][0].location, "compute/elb/");
  assert.equal(worker.fetched.length, 1);
  assert.match(worker.fetched[0], /\/docs\/search\/search_docs.json$/);
});

test("queries typed while the documents load: the latest is answered, once", async () => {
  const worker = await started();
  for (const query of ["오", "오토", "오토스"]) worker.send({ type: QUERY, data: query });
  const { data } = await worker.next();
  assert.deepEqual(Object.keys(data.items[0][0].terms), ["오토스"]);
  worker.send({ type: QUERY, data: "" });
  assert.deepEqual((await worker.next()).data, { items: [] });
  assert.equal(worker.pending(), 0);
});

test("documents in SETUP (Material's own index) are used as they are", async () => {
  const worker = startWorker(WORKER);
  worker.send({ type: SETUP, data: { config: CONFIG, docs: DOCS, options: {} } });
  await worker.next();
  worker.send({ type: QUERY, data: "KMS" });
  const { data } = await worker.next();
  assert.equal(data.items[0][0].location, "security/kms/");
  assert.equal(data.suggest, undefined, "no search.suggest, no suggestions");
  assert.deepEqual(worker.fetched, []);
});

test("documents that do not load: no results, a warning, and the next query tries again", async () => {
  const worker = await started(false);
  worker.send({ type: QUERY, data: "VPC" });
  assert.deepEqual(await worker.next(), { type: RESULT, data: { items: [] } });
  assert.match(worker.warnings.join("\n"), /did not load/);
  worker.send({ type: QUERY, data: "EC2" });
  await worker.next();
  assert.equal(worker.fetched.length, 2);
});
