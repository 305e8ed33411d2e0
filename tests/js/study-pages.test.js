// The pure logic of the study pages (docs/javascripts/study-pages.js): 학습 현황's summaries and the
// 모의고사's seeded draw, score and timer. node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
// the scripts as written, or (STUDY_SCRIPTS) as a build ships them, without their comments
const SCRIPTS = process.env.STUDY_SCRIPTS || path.join(__dirname, "..", "..", "docs", "javascripts");
const fs = require("node:fs");
const core = require(path.join(SCRIPTS, "study-core.js"));
const pages = require(path.join(SCRIPTS, "study-pages.js"));

const ID = (page, n) => `${page}:${n.toString(16).padStart(8, "0")}`;

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
  const s = pages.summarize(PAGES, QUESTIONS, p);
  assert.deepEqual([s.total, s.answered, s.right], [4, 3, 2]);
  assert.deepEqual(s.sections.map((x) => [x.name, x.total, x.answered, x.right]),
                   [["네트워킹", 3, 2, 1], ["컴퓨팅", 1, 1, 1]]);
  assert.deepEqual(s.sections[0].pages.map((x) => [x.title, x.total, x.answered, x.right]),
                   [["Amazon VPC", 2, 2, 1], ["Route 53", 1, 0, 0]]);
  assert.deepEqual(pages.wrong(QUESTIONS, p).map((q) => q.id), [QUESTIONS[1].id]);
});

test("the Korean sentence of 학습 현황", () => {
  assert.equal(pages.totalText({ total: 191, answered: 0, right: 0 }), "전체 191문제 중 아직 푼 문제가 없습니다.");
  assert.equal(pages.totalText({ total: 191, answered: 4, right: 3 }),
               "전체 191문제 중 4문제를 풀었고 3문제를 맞혔습니다(푼 문제의 75%).");
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
  const ids = (seed, n = 20) => pages.draw(BANK, n, seed).map((q) => q.id);
  assert.deepEqual(ids("k3x9q2"), ids("k3x9q2"));
  assert.notDeepEqual(ids("k3x9q2"), ids("k3x9q3"));
  assert.deepEqual(ids("abc", 65), ids("abc", 65));
});

test("a draw has no repeats and spans as many sections as it can", () => {
  for (const n of pages.EXAM_SIZES) {
    for (let s = 0; s < 200; s++) {
      const set = pages.draw(BANK, n, `seed${s}`);
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
  for (let s = 0; s < 400; s++) {
    for (const q of pages.draw(BANK, 20, `s${s}`)) seen.set(q.id, (seen.get(q.id) || 0) + 1);
  }
  assert.equal(seen.size, BANK.length);
  const per = (section) => BANK.filter((q) => q.section === section).reduce((n, q) => n + seen.get(q.id), 0);
  const sizes = [...new Set(BANK.map((q) => q.section))]
    .map((section) => [BANK.filter((q) => q.section === section).length, section]).sort((a, b) => a[0] - b[0]);
  assert.ok(per(sizes.at(-1)[1]) > 2 * per(sizes[0][1]), "the biggest section is drawn more than the smallest");
});

test("asking for more than there are returns them all, once each", () => {
  const few = BANK.slice(0, 7);
  assert.equal(new Set(pages.draw(few, 65, "x").map((q) => q.id)).size, 7);
});

test("the generator is uniform enough and shuffle keeps every item", () => {
  const rand = pages.random("uniform");
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 10000; i++) buckets[Math.floor(rand() * 10)] += 1;
  for (const b of buckets) assert.ok(b > 850 && b < 1150, buckets.join());
  const items = Array.from({ length: 50 }, (_, i) => i);
  assert.deepEqual(pages.shuffle(items, pages.random(1)).sort((a, b) => a - b), items);
});

test("seeds: what keeps one from being a set number, new ones six characters none of which looks like another", () => {
  assert.equal(pages.visible(" １２３ａｂ－＿ "), "123ab-_");  // typed in a Korean IME's full-width mode
  assert.equal(pages.seedProblem(pages.visible("１２３")), null);
  assert.equal(pages.seedProblem(pages.visible("①")), "characters");  // other compatibility forms: as written
  assert.equal(pages.seedProblem("k3x9q2"), null);
  assert.equal(pages.seedProblem("한글테스트"), "characters");
  assert.equal(pages.seedProblem("ab<script>"), "characters");
  assert.equal(pages.seedProblem("x".repeat(32)), null);
  assert.equal(pages.seedProblem("<b>x</b>"), "characters");
  assert.equal(pages.seedProblem("x".repeat(33)), "length");
  assert.equal(pages.seedProblem("x".repeat(40) + " "), "characters", "the characters are said first");
  assert.equal(pages.newSeed(0), "222222");
  const seeds = new Set(), rand = pages.random("seeds");  // the same 2,000 integers every run
  for (let i = 0; i < 2000; i++) seeds.add(pages.newSeed(Math.floor(rand() * 2 ** 32)));
  for (const seed of seeds) assert.match(seed, /^[2-9a-hjkmnp-z]{6}$/, seed);  // no 0 o 1 l i
  assert.ok(seeds.size > 1990, `${seeds.size} distinct seeds of 2000`);
  assert.equal(pages.seedProblem(pages.newSeed(0xffffffff)), null);
});

test("exam settings from the URL, with defaults for anything odd", () => {
  assert.deepEqual(pages.examParams(""), { n: 20, seed: "", mode: "one", timer: false });
  assert.deepEqual(pages.examParams("?n=65&seed=abc&mode=list&timer=1"),
                   { n: 65, seed: "abc", mode: "list", timer: true });
  assert.deepEqual(pages.examParams("?n=30&seed=%E0%A4%A&mode=x&timer=yes"),
                   { n: 20, seed: "%E0%A4%A", mode: "one", timer: false });
  const p = { n: 10, seed: "k3x9q2", mode: "list", timer: true };
  assert.deepEqual(pages.examParams(pages.examQuery(p)), p);
});

test("a question count, display mode or time limit the exam does not offer is given back as written, to be said, and only then", () => {
  const size = (search) => pages.unoffered(search).n, mode = (search) => pages.unoffered(search).mode;
  for (const search of ["", "?n=", "?n=%20", "?n=10", "?n=65", "?n=20abc", "?seed=abc"])
    assert.equal(size(search), "", search);
  assert.equal(size("?n=7&seed=abc"), "7");
  assert.equal(size("?n=%20%ED%95%9C%20"), "한");
  assert.equal(size("?n=" + "9".repeat(40)), "9".repeat(12) + "…");
  assert.equal(size("?n=" + encodeURIComponent("\u202e7\u0000")), "7"); // no marks that turn the sentence
  assert.equal(size("?n=" + encodeURIComponent("😀".repeat(13))), "😀".repeat(12) + "…"); // whole characters
  assert.equal(pages.examParams("?n=7").n, pages.EXAM_DEFAULT);
  // a count with an invisible mark is that count, not the default with nothing said
  assert.equal(pages.examParams("?n=" + encodeURIComponent("\u200f65")).n, 65);
  assert.equal(size("?n=" + encodeURIComponent("\u200f65")), "");
  for (const search of ["", "?mode=", "?mode=one", "?mode=list", "?mode=list%20", "?n=7"])
    assert.equal(mode(search), "", search);
  assert.equal(mode("?mode=all"), "all");
  assert.equal(mode("?mode=" + "x".repeat(20)), "x".repeat(12) + "…");
  assert.equal(pages.examParams("?mode=all").mode, "one");
  assert.equal(pages.examParams("?mode=list%20").mode, "list");  // as the sentence reads it: nothing said, list shown
  const timer = (search) => pages.unoffered(search).timer;
  for (const search of ["", "?timer=", "?timer=1", "?timer=0", "?timer=%201"]) assert.equal(timer(search), "", search);
  assert.equal(timer("?timer=abc"), "abc");
  assert.equal(timer("?timer=true"), "true");
  assert.equal(pages.examParams("?timer=abc").timer, false);
  assert.equal(pages.examParams("?timer=%201").timer, true);
});

test("a set number from the URL is kept as written but for the spaces around it and full-width forms, so that a bad one is said rather than changed", () => {
  for (const seed of ["한글테스트", "<b>x</b>", "a b", "x".repeat(40)]) {
    assert.equal(pages.examParams("?seed=" + encodeURIComponent(seed)).seed, seed);
    assert.ok(pages.seedProblem(seed));
  }
  assert.equal(pages.examParams("?seed=a+b").seed, "a b");
  assert.equal(pages.examParams("?seed=%zz").seed, "%zz"); // not percent-encoding: as written
  assert.equal(pages.examParams("?seed=%20abc%20").seed, "abc"); // spaces around it go, as the form trims them
  // invisible marks a copied link may carry go too: the set shown is the set drawn
  assert.equal(pages.examParams("?seed=" + encodeURIComponent("\u200fabc\u200b")).seed, "abc");
  assert.equal(pages.visible(" \u2066k3x9q2\ufeff "), "k3x9q2");
});

test("an exam kept for the tab is read back whole, its odd answers dropped; anything else is none", () => {
  const params = { n: 20, seed: "k3x9q2", mode: "one", timer: true };
  const kept = { v: 1, params, answers: { "a/b:12345678": 2, "a/b:87654321": 5, "x": "1" }, index: 3, deadline: 1e12 };
  assert.deepEqual(pages.sitting(JSON.stringify(kept), 4, 1e12 - 60000),
                   { params, answers: { "a/b:12345678": 2 }, index: 3, deadline: 1e12 });
  // a deadline past the whole exam's time (20 questions: 40 minutes) was not written by the exam
  assert.notEqual(pages.sitting(JSON.stringify(kept), 4, 1e12 - 40 * 60000), null);
  for (const deadline of [1e12 + 1, 1e308, Infinity, -Infinity])
    assert.equal(pages.sitting(JSON.stringify({ ...kept, deadline }), 4, 1e12 - 40 * 60000), null, deadline);
  const untimed = { ...kept, params: { ...params, timer: false }, deadline: null };
  assert.equal(pages.sitting(JSON.stringify(untimed), 4, 0).deadline, null);
  for (const odd of [null, "", "{oops", "[]", "0", JSON.stringify({ ...kept, v: 2 }),
    JSON.stringify({ ...kept, params: { ...params, n: 30 } }), JSON.stringify({ ...kept, params: { ...params, seed: "한글" } }),
    JSON.stringify({ ...kept, params: { ...params, mode: "x" } }), JSON.stringify({ ...kept, index: 20 }),
    JSON.stringify({ ...kept, index: -1 }), JSON.stringify({ ...kept, deadline: null }),
    JSON.stringify({ ...kept, answers: null }), JSON.stringify({ ...untimed, deadline: 5 })])
    assert.equal(pages.sitting(odd, 4, 1e12), null, odd);
});

test("an exam handed in, kept for the tab, is read back whole; anything else is none", () => {
  const params = { n: 10, seed: "abc123", mode: "list", timer: false };
  const ids = ["a/b:12345678", "a/b:87654321"];
  const kept = { v: 1, params, ids, answers: { "a/b:12345678": 2, "a/b:87654321": 5 }, timeUp: true };
  assert.deepEqual(pages.handedIn(JSON.stringify(kept), 4),
                   { params, ids, answers: { "a/b:12345678": 2 }, timeUp: true });
  // an exam in progress is not a result, nor a result an exam in progress
  const sitting = { v: 1, params, answers: {}, index: 0, deadline: null };
  assert.equal(pages.handedIn(JSON.stringify(sitting), 4), null);
  assert.equal(pages.sitting(JSON.stringify(kept), 4, 0), null);
  for (const odd of [null, "", "{oops", "[]", "0", "null", JSON.stringify({ ...kept, v: 2 }),
    JSON.stringify({ ...kept, params: { ...params, seed: "<b>x</b>" } }), JSON.stringify({ ...kept, params: null }),
    JSON.stringify({ ...kept, ids: [] }), JSON.stringify({ ...kept, ids: "a/b:12345678" }),
    JSON.stringify({ ...kept, ids: [ids[0], ids[0]] }), JSON.stringify({ ...kept, ids: [ids[0], 7] }),
    JSON.stringify({ ...kept, ids: Array.from({ length: 11 }, (_, i) => "a/b:" + i) }),
    JSON.stringify({ ...kept, answers: null }), JSON.stringify({ ...kept, timeUp: "no" })])
    assert.equal(pages.handedIn(odd, 4), null, odd);
});

test("scoring: right, wrong, unanswered, by section in order, misses in the exam's order", () => {
  const drawn = [
    { id: "a", section: "네트워킹", answer: 1 },
    { id: "b", section: "컴퓨팅", answer: 2 },
    { id: "c", section: "네트워킹", answer: 3 },
    { id: "d", section: "스토리지", answer: 4 },
  ];
  const result = pages.score(drawn, { a: 1, b: 3, d: 4 }, ["네트워킹", "컴퓨팅", "스토리지", "메시징"]);
  assert.deepEqual([result.total, result.right, result.answered, result.percent], [4, 2, 3, 50]);
  assert.deepEqual(result.sections.map((s) => [s.name, s.total, s.right, s.percent]),
                   [["네트워킹", 2, 1, 50], ["컴퓨팅", 1, 0, 0], ["스토리지", 1, 1, 100]]);
  assert.deepEqual(result.misses.map((m) => [m.question.id, m.choice]), [["b", 3], ["c", null]]);
  assert.equal(pages.scoreText(result), "4문제 중 2문제를 맞혔습니다(50%). 답하지 않은 문제가 1개 있습니다.");
});

// --- the timer ------------------------------------------------------------------------------------

test("two minutes a question: SAA's 65 questions in 130 minutes", () => {
  assert.equal(pages.examMinutes(65), 130);
  assert.equal(pages.examMinutes(20), 40);
});

test("the clock shows whole seconds left, rounded up", () => {
  assert.equal(pages.clock(130 * 60000), "2:10:00");
  assert.equal(pages.clock(40 * 60000), "40:00");
  assert.equal(pages.clock(59001), "01:00");
  assert.equal(pages.clock(1), "00:01");
  assert.equal(pages.clock(0), "00:00");
  assert.equal(pages.remaining(1000, 4000), 0);
  assert.equal(pages.remaining(5000, 4000), 1000);
});

test("durations in words", () => {
  assert.equal(pages.duration(130 * 60000), "2시간 10분");
  assert.equal(pages.duration(120 * 60000), "2시간");
  assert.equal(pages.duration(40 * 60000), "40분");
  assert.equal(pages.duration(30000), "30초");
  // to the second, as the timer shows it (18:51 left was "19분" while the timer said 18:51)
  assert.equal(pages.duration((18 * 60 + 51) * 1000 - 300), "18분 51초");
  assert.equal(pages.duration(3605 * 1000), "1시간 5초");
  assert.equal(pages.duration(0), "0초");
});

test("milestones are said once each, whatever the tick", () => {
  const said = [];
  let before = pages.examMinutes(20) * 60000;
  for (let now = before; now >= 0; now -= 997) {
    const m = pages.milestone(before, now);
    if (m) said.push(m);
    before = now;
  }
  assert.deepEqual(said, [30, 10, 5, 1]);
  assert.equal(pages.milestone(6 * 60000, 2 * 60000), 5); // a throttled tab skips ahead: one, not two
  assert.equal(pages.milestone(60000, 0), null);
});

// --- study/questions.json ---------------------------------------------------------------------------

const DATA = () => ({ version: 1, pages: [{ page: "a/", title: "A", section: "S" }],
                      questions: [{ id: ID("a", 1), page: "a/", answer: 1 }] });
const respond = (body, ok = true) => async () => ({ ok, status: ok ? 200 : 404, json: async () => body });

test("the questions are fetched once per tab and get their page's section and title", async () => {
  let calls = 0;
  const cache = {};
  const fetchOnce = async (...args) => { calls += 1; return respond(DATA())(...args); };
  const data = await pages.questions(fetchOnce, "study/questions.json", cache);
  await pages.questions(fetchOnce, "study/questions.json", cache);
  assert.equal(calls, 1);
  assert.deepEqual([data.questions[0].section, data.questions[0].title], ["S", "A"]);
});

test("a failed or odd questions file rejects, and is tried again next time", async () => {
  const cache = {};
  await assert.rejects(pages.questions(respond(null, false), "x", cache), /HTTP 404/);
  await assert.rejects(pages.questions(respond({ version: 2 }), "x", cache), /unexpected/);
  assert.equal((await pages.questions(respond(DATA()), "x", cache)).pages.length, 1);
});
