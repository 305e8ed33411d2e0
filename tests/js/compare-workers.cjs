/*
 * Material's installed search worker and the site's, given the same messages; prints their replies as
 * JSON { material: [...], ours: [...] } for tests/test_search_contracts.py, which compares them.
 *
 *   node tests/js/compare-workers.cjs <Material's worker .js> <search_index.json> <search_docs.json>
 *
 * Both get SETUP with the site's configuration and documents (as Material's bundle sends it when the
 * index has them), then the queries below; each reply is recorded in order.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { startWorker } = require("./worker-shim.cjs");

const QUERIES = ["", "VPC", "보안 그룹", "cloudfront"];

async function replies(file, setup) {
  const worker = startWorker(file);
  const out = [];
  worker.send({ type: 0, data: setup });
  out.push(await worker.next());
  for (const query of QUERIES) {
    worker.send({ type: 2, data: query });
    out.push(await worker.next());
  }
  return out;
}

async function main([material, index, docs]) {
  const { config } = JSON.parse(fs.readFileSync(index, "utf8"));
  const setup = { config, docs: JSON.parse(fs.readFileSync(docs, "utf8")).docs, options: { suggest: true } };
  const ours = path.resolve(__dirname, "..", "..", "docs", "javascripts", "search-worker.js");
  const result = { queries: QUERIES, material: await replies(path.resolve(material), setup), ours: await replies(ours, setup) };
  process.stdout.write(JSON.stringify(result));
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
