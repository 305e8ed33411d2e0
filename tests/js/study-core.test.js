// The pure logic of 학습 모드 (docs/javascripts/study-core.js): node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
// the scripts as written, or (STUDY_SCRIPTS) as a build ships them, without their comments
const SCRIPTS = process.env.STUDY_SCRIPTS || path.join(__dirname, "..", "..", "docs", "javascripts");
const core = require(path.join(SCRIPTS, "study-core.js"));

const ID = (page, n) => `${page}:${n.toString(16).padStart(8, "0")}`;

// --- stored answers -------------------------------------------------------------------------------

test("nothing stored is an empty record, no problem", () => {
  assert.deepEqual(core.parse(null), { progress: { v: 1, answers: {} }, problem: null });
});

test("a record survives serialize → parse", () => {
  let p = core.record(core.empty(), ID("networking/vpc", 1), 2, 1000);
  p = core.record(p, ID("compute/ec2", 2), 4, 2000);
  assert.deepEqual(core.parse(core.serialize(p)), { progress: p, problem: null });
});

test("the latest answer wins and record() does not change its input", () => {
  const first = core.record(core.empty(), ID("a/b", 1), 2, 1);
  const second = core.record(first, ID("a/b", 1), 3, 2);
  assert.equal(first.answers[ID("a/b", 1)].c, 2);
  assert.equal(second.answers[ID("a/b", 1)].c, 3);
});

test("forget() removes only the given answers", () => {
  let p = core.record(core.empty(), ID("a/b", 1), 2, 1);
  p = core.record(p, ID("a/b", 2), 1, 1);
  assert.deepEqual(Object.keys(core.forget(p, [ID("a/b", 1)]).answers), [ID("a/b", 2)]);
});

for (const [name, text] of [
  ["not JSON", "{not json"],
  ["JSON null", "null"],
  ["an array", "[1,2]"],
  ["a string", '"hello"'],
  ["no version (an older format)", '{"answers":{}}'],
  ["version 0", '{"v":0,"answers":{}}'],
  ["answers not an object", '{"v":1,"answers":[]}'],
]) {
  test(`garbage is reported and replaced by an empty record: ${name}`, () => {
    assert.deepEqual(core.parse(text), { progress: core.empty(), problem: "garbage" });
  });
}

test("bad entries are dropped, good ones kept, and reported as skipped ('partial'), not as a fresh start", () => {
  const good = ID("networking/vpc", 7);
  const text = JSON.stringify({ v: 1, answers: {
    [good]: { c: 3, t: 5 },
    "networking/vpc:zz": { c: 1, t: 1 },       // bad id
    [ID("a/b", 1)]: { c: "2", t: 1 },         // choice not a number
    [ID("a/b", 2)]: { c: 0, t: 1 },           // out of range
    [ID("a/b", 5)]: { c: 5, t: 1 },           // beyond the four choices
    [ID("a/b", 3)]: { c: 1, t: "yesterday" }, // bad time
    [ID("a/b", 4)]: null,
    "__proto__": { c: 1, t: 1 },
  } });
  const read = core.parse(text);
  assert.equal(read.problem, "partial");
  assert.deepEqual(read.progress.answers, { [good]: { c: 3, t: 5 } });
  assert.equal(core.parse(JSON.stringify({ v: 1, answers: { "networking/vpc:zz": { c: 1, t: 1 } } })).problem, "garbage");
});

test("a later version's record is 'newer': read nothing", () => {
  assert.deepEqual(core.parse('{"v":2,"answers":{"x":1}}'), { progress: core.empty(), problem: "newer" });
});

function fakeStorage(options = {}) {
  const items = new Map(Object.entries(options.items || {}));
  return {
    items,
    getItem(key) { if (options.readThrows) throw new Error("denied"); return items.has(key) ? items.get(key) : null; },
    setItem(key, value) {
      if (options.full) { const e = new Error("quota"); e.name = "QuotaExceededError"; throw e; }
      items.set(key, String(value));
    },
    removeItem(key) { items.delete(key); },
  };
}

test("a store reads, saves and clears its own key only", () => {
  const storage = fakeStorage({ items: { "__md_scope": "keep" } });
  const store = core.createStore(() => storage);
  const p = core.record(store.load(), ID("a/b", 1), 2, 9);
  assert.equal(store.save(p), true);
  assert.deepEqual(core.createStore(() => storage).load(), p);
  assert.equal(store.clear(), true);
  assert.deepEqual([...storage.items.keys()], ["__md_scope"]);
  assert.equal(store.problem, null);
  assert.equal(core.KEY, "aws-study-notes.progress.v1");
});

test("storage that throws on access is 'unavailable' and nothing throws", () => {
  const store = core.createStore(() => { throw new Error("SecurityError"); });
  assert.deepEqual(store.load(), core.empty());
  assert.equal(store.save(core.record(core.empty(), ID("a/b", 1), 1, 1)), false);
  assert.equal(store.clear(), false);
  assert.equal(store.problem, "unavailable");
});

test("storage that throws on read is 'unavailable'", () => {
  const store = core.createStore(() => fakeStorage({ readThrows: true }));
  assert.deepEqual(store.load(), core.empty());
  assert.equal(store.problem, "unavailable");
});

test("a full storage is 'full' after the first failed save; reading still works", () => {
  const saved = core.serialize(core.record(core.empty(), ID("a/b", 1), 1, 1));
  const store = core.createStore(() => fakeStorage({ full: true, items: { [core.KEY]: saved } }));
  assert.deepEqual(store.load(), core.parse(saved).progress);
  assert.equal(store.problem, null);
  assert.equal(store.save(core.empty()), false);
  assert.equal(store.problem, "full");
});

test("garbage is overwritten by the next save", () => {
  const storage = fakeStorage({ items: { [core.KEY]: "{oops" } });
  const store = core.createStore(() => storage);
  assert.deepEqual(store.load(), core.empty());
  assert.equal(store.problem, "garbage");
  assert.equal(store.save(core.record(core.empty(), ID("a/b", 1), 1, 1)), true);
  assert.equal(core.parse(storage.items.get(core.KEY)).problem, null);
});

test("a newer version's record is never overwritten, only cleared (the learner asks): then answers save again", () => {
  const newer = '{"v":2,"answers":{}}';
  const storage = fakeStorage({ items: { [core.KEY]: newer } });
  const store = core.createStore(() => storage);
  store.load();
  assert.deepEqual([store.problem, store.unreadable], ["newer", true]);
  assert.equal(store.save(core.record(core.empty(), ID("a/b", 1), 1, 1)), false);
  assert.equal(storage.items.get(core.KEY), newer);
  assert.equal(store.clear(), true);
  assert.equal(storage.items.has(core.KEY), false);
  assert.deepEqual([store.problem, store.unreadable], [null, false]); // nothing left to say of the old record
  assert.equal(store.save(core.record(core.empty(), ID("a/b", 1), 1, 1)), true);
});

test("unreadable: the record as last read is garbage or newer, not partly damaged, not once overwritten", () => {
  const storage = fakeStorage({ items: { [core.KEY]: "xx" } });
  const store = core.createStore(() => storage);
  assert.equal(store.unreadable, false); // nothing read yet
  store.load();
  assert.equal(store.unreadable, true);
  store.save(core.record(core.empty(), ID("a/b", 1), 1, 1));
  store.load();
  assert.deepEqual([store.problem, store.unreadable], ["garbage", false]); // the notice stays said; the record is ours
  const partial = JSON.stringify({ v: 1, answers: { [ID("a/b", 1)]: { c: 1, t: 1 }, [ID("a/b", 2)]: null } });
  const damaged = core.createStore(() => fakeStorage({ items: { [core.KEY]: partial } }));
  damaged.load();
  assert.deepEqual([damaged.problem, damaged.unreadable], ["partial", false]);
  assert.equal(damaged.clear(), true);
  assert.equal(damaged.problem, null);
});

test("clearing leaves a problem of the storage itself said", () => {
  const store = core.createStore(() => fakeStorage({ full: true }));
  store.save(core.empty());
  assert.equal(store.clear(), true);
  assert.equal(store.problem, "full");
});

test("every problem has a Korean notice in 합쇼체", () => {
  for (const problem of ["unavailable", "full", "garbage", "partial", "newer"]) {
    const text = core.notice(problem);
    assert.match(text, /[가-힣]/);
    for (const sentence of text.split(/(?<=\.)\s+/)) assert.match(sentence, /(니다|십시오)\.$/, sentence); // 합쇼체: statements and requests
  }
  assert.equal(core.notice(null), null);
  assert.match(core.notice("newer"), /학습 현황의 '학습 기록 모두 지우기'로/); // the way out of a read-only record
});

// --- counts and sentences ------------------------------------------------------------------------

const QUESTIONS = [
  { id: ID("networking/vpc", 1), page: "networking/vpc/", answer: 2 },
  { id: ID("networking/vpc", 2), page: "networking/vpc/", answer: 3 },
];

test("right or wrong follows the current answer key", () => {
  const p = core.record(core.empty(), QUESTIONS[0].id, 3, 1);
  assert.equal(core.status(QUESTIONS[0], p), "wrong");
  assert.equal(core.status({ ...QUESTIONS[0], answer: 3 }, p), "right");
  assert.equal(core.status(QUESTIONS[1], p), null);
  assert.deepEqual(core.count(QUESTIONS, p), { total: 2, answered: 1, right: 0 });
});

test("the Korean sentences of a topic page", () => {
  assert.equal(core.feedbackText(2, 2), "정답입니다.");
  assert.equal(core.feedbackText(1, 4), "오답입니다. 정답은 4번입니다.");
  assert.equal(core.pageCountText({ total: 4, answered: 0, right: 0 }), "이 페이지의 4문제 중 아직 푼 문제가 없습니다.");
  assert.equal(core.pageCountText({ total: 4, answered: 3, right: 2 }), "이 페이지의 4문제 중 3문제를 풀었고 2문제를 맞혔습니다.");
});
