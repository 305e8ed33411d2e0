/*
 * A web worker's scope in Node, enough for a search worker: a classic script run in its own context
 * with `self`, `addEventListener("message")`, `postMessage`, `importScripts` (files next to the
 * script) and `fetch` (answered from `files`, by URL). Used by worker.test.js for our worker and by
 * compare-workers.cjs for Material's own (tests/test_search_contracts.py).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { pathToFileURL } = require("node:url");

/* Start `file` as a worker. `send(message)` posts to it; `next()` is a Promise of its next message. */
function startWorker(file, { files = {} } = {}) {
  const listeners = [], inbox = [], waiting = [], fetched = [], warnings = [];
  const clone = (data) => structuredClone(data);
  const scope = {
    console: { ...console, warn: (...args) => warnings.push(args.join(" ")) },
    location: { href: pathToFileURL(file).href },
    URL, TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, structuredClone,
    addEventListener: (type, listener) => type === "message" && listeners.push(listener),
    postMessage: (data) => (waiting.length ? waiting.shift()(clone(data)) : inbox.push(clone(data))),
    importScripts: (...urls) => {
      for (const url of urls) {
        const script = path.resolve(path.dirname(file), url);
        vm.runInContext(fs.readFileSync(script, "utf8"), scope, { filename: script });
      }
    },
    fetch: async (url) => {
      const href = String(url);
      fetched.push(href);
      const body = files[href];
      return { ok: body !== undefined, status: body === undefined ? 404 : 200, url: href,
        json: async () => JSON.parse(body) };
    },
  };
  scope.self = scope;
  vm.createContext(scope);
  vm.runInContext(fs.readFileSync(file, "utf8"), scope, { filename: file });
  return {
    send: (data) => listeners.forEach(listener => listener({ data: clone(data) })),
    next: () => (inbox.length ? Promise.resolve(inbox.shift()) : new Promise(resolve => waiting.push(resolve))),
    pending: () => inbox.length,
    fetched, warnings,
  };
}

module.exports = { startWorker };
