// The pure logic of 학습 모드 (docs/javascripts/study-core.js): node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const core = require("../../docs/javascripts/study-core.js");

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

test("bad entries are dropped, good ones kept, and the garbage reported", () => {
  const good = ID("networking/vpc", 7);
  const text = JSON.stringify({ v: 1, answers: {
    [good]: { c: 3, t: 5 },
    "networking/vpc:zz": { c: 1, t: 1 },       // bad id
    [ID("a/b", 1)]: { c: "2", t: 1 },         // choice not a number
    [ID("a/b", 2)]: { c: 0, t: 1 },           // out of range
    [ID("a/b", 3)]: { c: 1, t: "yesterday" }, // bad time
    [ID("a/b", 4)]: null,
    "__proto__": { c: 1, t: 1 },
  } });
  const read = core.parse(text);
  assert.equal(read.problem, "garbage");
  assert.deepEqual(read.progress.answers, { [good]: { c: 3, t: 5 } });
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

test("a newer version's record is never overwritten or cleared", () => {
  const newer = '{"v":2,"answers":{}}';
  const storage = fakeStorage({ items: { [core.KEY]: newer } });
  const store = core.createStore(() => storage);
  store.load();
  assert.equal(store.problem, "newer");
  assert.equal(store.save(core.record(core.empty(), ID("a/b", 1), 1, 1)), false);
  assert.equal(store.clear(), false);
  assert.equal(storage.items.get(core.KEY), newer);
});

test("every problem has a Korean notice in 합쇼체", () => {
  for (const problem of ["unavailable", "full", "garbage", "newer"]) {
    const text = core.notice(problem);
    assert.match(text, /[가-힣]/);
    for (const sentence of text.split(/(?<=\.)\s+/)) assert.match(sentence, /니다\.$/, sentence);
  }
  assert.equal(core.notice(null), null);
});

// --- summaries ----------------------------------------------------------------------------------

const PAGES = [
  { page: "networking/vpc/", title: "Amazon VPC", section: "네트워킹" },
  { page: "networking/route-53/", title: "Route 53", section: "네트워킹" },
  { page: "compute/ec2/", title: "Amazon EC2", section: "컴퓨팅" },
];
const QUESTIONS = [
  { id: ID("networking/vpc", 1), page: "networking/vpc/", answer: 2 },
  { id: ID("networking/vpc", 2), page: "networking/vpc/", answer: 3 },
  { id: ID("networking/route-53", 1), page: "networking/route-53/", answer: 1 },
  { id: ID("compute/ec2", 1), page: "compute/ec2/", answer: 4 },
];

test("summaries count answered and right per page, section and in all", () => {
  let p = core.empty();
  p = core.record(p, QUESTIONS[0].id, 2, 1); // right
  p = core.record(p, QUESTIONS[1].id, 1, 1); // wrong
  p = core.record(p, QUESTIONS[3].id, 4, 1); // right
  p = core.record(p, ID("gone/page", 1), 1, 1); // a question no longer on the site: not counted
  const s = core.summarize(PAGES, QUESTIONS, p);
  assert.deepEqual([s.total, s.answered, s.right], [4, 3, 2]);
  assert.deepEqual(s.sections.map((x) => [x.name, x.total, x.answered, x.right]),
                   [["네트워킹", 3, 2, 1], ["컴퓨팅", 1, 1, 1]]);
  assert.deepEqual(s.sections[0].pages.map((x) => [x.title, x.total, x.answered, x.right]),
                   [["Amazon VPC", 2, 2, 1], ["Route 53", 1, 0, 0]]);
  assert.deepEqual(core.wrong(QUESTIONS, p).map((q) => q.id), [QUESTIONS[1].id]);
});

test("right or wrong follows the current answer key", () => {
  const p = core.record(core.empty(), QUESTIONS[0].id, 3, 1);
  assert.equal(core.status(QUESTIONS[0], p), "wrong");
  assert.equal(core.status({ ...QUESTIONS[0], answer: 3 }, p), "right");
  assert.equal(core.status(QUESTIONS[1], p), null);
});

test("the Korean sentences", () => {
  assert.equal(core.feedbackText(2, 2), "정답입니다.");
  assert.equal(core.feedbackText(1, 4), "오답입니다. 정답은 4번입니다.");
  assert.equal(core.pageCountText({ total: 4, answered: 0, right: 0 }), "이 페이지의 문제 4개 중 아직 푼 문제가 없습니다.");
  assert.equal(core.pageCountText({ total: 4, answered: 3, right: 2 }), "이 페이지의 문제 4개 중 3개를 풀었고 2개를 맞혔습니다.");
  assert.equal(core.totalText({ total: 191, answered: 4, right: 3 }),
               "전체 191문제 중 4문제를 풀었고 3문제를 맞혔습니다 (푼 문제의 75%).");
});

// --- the exam -------------------------------------------------------------------------------------

// The site's real questions when a build is at hand (study/questions.json), else a made-up bank of the
// same shape: 11 sections of 3 to 40 questions.
function bank() {
  const built = process.env.STUDY_QUESTIONS;
  if (built && fs.existsSync(built)) {
    const data = JSON.parse(fs.readFileSync(built, "utf8"));
    const section = Object.fromEntries(data.pages.map((p) => [p.page, p.section]));
    return data.questions.map((q) => ({ ...q, section: section[q.page] }));
  }
  const sizes = [3, 5, 40, 14, 9, 12, 8, 8, 16, 12, 8];
  return sizes.flatMap((size, s) => Array.from({ length: size }, (_, i) => ({
    id: ID(`section${s}/page`, i), section: `섹션 ${s}`, answer: (i % 4) + 1,
  })));
}
const BANK = bank();
const SECTIONS = new Set(BANK.map((q) => q.section)).size;

test("the same seed draws the same set, another seed another", () => {
  const ids = (seed, n = 20) => core.draw(BANK, n, seed).map((q) => q.id);
  assert.deepEqual(ids("k3x9q2"), ids("k3x9q2"));
  assert.notDeepEqual(ids("k3x9q2"), ids("k3x9q3"));
  assert.deepEqual(ids("abc", 65), ids("abc", 65));
});

test("a draw has no repeats and spans as many sections as it can", () => {
  for (const n of core.EXAM_SIZES) {
    for (let s = 0; s < 200; s++) {
      const set = core.draw(BANK, n, `seed${s}`);
      assert.equal(set.length, n);
      assert.equal(new Set(set.map((q) => q.id)).size, n, `repeats in seed${s}`);
      const sections = new Set(set.map((q) => q.section)).size;
      assert.equal(sections, Math.min(n, SECTIONS), `seed${s}, n=${n}: ${sections} sections`);
    }
  }
  assert.ok(SECTIONS >= 10, `the bank has ${SECTIONS} sections`);
});

test("over many seeds every question is drawn, the big sections more often", () => {
  const seen = new Map();
  for (let s = 0; s < 400; s++) for (const q of core.draw(BANK, 20, `s${s}`)) seen.set(q.id, (seen.get(q.id) || 0) + 1);
  assert.equal(seen.size, BANK.length);
});

test("asking for more than there are returns them all, once each", () => {
  const few = BANK.slice(0, 7);
  assert.equal(new Set(core.draw(few, 65, "x").map((q) => q.id)).size, 7);
});

test("the generator is uniform enough and shuffle keeps every item", () => {
  const rand = core.random("uniform");
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 10000; i++) buckets[Math.floor(rand() * 10)] += 1;
  for (const b of buckets) assert.ok(b > 850 && b < 1150, buckets.join());
  const items = Array.from({ length: 50 }, (_, i) => i);
  assert.deepEqual(core.shuffle(items, core.random(1)).sort((a, b) => a - b), items);
});

test("seeds: normalized from the URL, new ones six base-36 characters", () => {
  assert.equal(core.normalizeSeed(" ab<script>c-1_2 "), "abscriptc-1_2");
  assert.equal(core.normalizeSeed("x".repeat(40)).length, 32);
  assert.equal(core.normalizeSeed(null), "");
  assert.equal(core.newSeed(0), "000000");
  assert.match(core.newSeed(0xffffffff), /^[0-9a-z]{6,7}$/);
});

test("exam settings from the URL, with defaults for anything odd", () => {
  assert.deepEqual(core.examParams(""), { n: 20, seed: "", mode: "one", timer: false });
  assert.deepEqual(core.examParams("?n=65&seed=abc&mode=list&timer=1"), { n: 65, seed: "abc", mode: "list", timer: true });
  assert.deepEqual(core.examParams("?n=30&seed=%E0%A4%A&mode=x&timer=yes"), { n: 20, seed: "", mode: "one", timer: false });
  const p = { n: 10, seed: "k3x9q2", mode: "list", timer: true };
  assert.deepEqual(core.examParams(core.examQuery(p)), p);
});

test("scoring: right, wrong, unanswered, by section in order, misses in the exam's order", () => {
  const drawn = [
    { id: "a", section: "네트워킹", answer: 1 },
    { id: "b", section: "컴퓨팅", answer: 2 },
    { id: "c", section: "네트워킹", answer: 3 },
    { id: "d", section: "스토리지", answer: 4 },
  ];
  const result = core.score(drawn, { a: 1, b: 3, d: 4 }, ["네트워킹", "컴퓨팅", "스토리지", "메시징"]);
  assert.deepEqual([result.total, result.right, result.answered, result.percent], [4, 2, 3, 50]);
  assert.deepEqual(result.sections.map((s) => [s.name, s.total, s.right, s.percent]),
                   [["네트워킹", 2, 1, 50], ["컴퓨팅", 1, 0, 0], ["스토리지", 1, 1, 100]]);
  assert.deepEqual(result.misses.map((m) => [m.question.id, m.choice]), [["b", 3], ["c", null]]);
  assert.equal(core.scoreText(result), "4문제 중 2문제를 맞혔습니다 (50%). 답하지 않은 문제가 1개 있습니다.");
});

// --- the timer ------------------------------------------------------------------------------------

test("two minutes a question: SAA's 65 questions in 130 minutes", () => {
  assert.equal(core.examMinutes(65), 130);
  assert.equal(core.examMinutes(20), 40);
});

test("the clock shows whole seconds left, rounded up", () => {
  assert.equal(core.clock(130 * 60000), "2:10:00");
  assert.equal(core.clock(40 * 60000), "40:00");
  assert.equal(core.clock(59001), "01:00");
  assert.equal(core.clock(1), "00:01");
  assert.equal(core.clock(0), "00:00");
  assert.equal(core.remaining(1000, 4000), 0);
  assert.equal(core.remaining(5000, 4000), 1000);
});

test("durations in words", () => {
  assert.equal(core.duration(130 * 60000), "2시간 10분");
  assert.equal(core.duration(120 * 60000), "2시간");
  assert.equal(core.duration(40 * 60000), "40분");
  assert.equal(core.duration(30000), "30초");
});

test("milestones are said once each, whatever the tick", () => {
  const said = [];
  let before = core.examMinutes(20) * 60000;
  for (let now = before; now >= 0; now -= 997) {
    const m = core.milestone(before, now);
    if (m) said.push(m);
    before = now;
  }
  assert.deepEqual(said, [30, 10, 5, 1]);
  assert.equal(core.milestone(6 * 60000, 2 * 60000), 5); // a throttled tab skips ahead: one, not two
  assert.equal(core.milestone(60000, 0), null);
});
