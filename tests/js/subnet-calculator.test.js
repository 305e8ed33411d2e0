// The subnet calculator's arithmetic and Korean sentences (docs/javascripts/subnet-calculator.js) as
// pure functions, against answers known by heart: `node --test tests/js` (tests/test_js.py runs it).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROWS, parseCidr, calculate, sizeOptions } = require("../../docs/javascripts/subnet-calculator.js");

const PAGE = path.join(__dirname, "../../docs/networking/subnet-design.md");
const checks = (answer) => Object.fromEntries(answer.checks.map((c) => [c.label, c]));

test("a CIDR block is its first address and prefix length", () => {
  assert.deepEqual(parseCidr("10.0.0.0/16"), { base: 0x0a000000, prefix: 16 });
  assert.deepEqual(parseCidr("0.0.0.0/0"), { base: 0, prefix: 0 });
  assert.deepEqual(parseCidr("255.255.255.255/32"), { base: 0xffffffff, prefix: 32 });
  assert.deepEqual(parseCidr(" 172.16.0.0 / 12 "), { base: 0xac100000, prefix: 12 }); // spaces go
  // full-width digits, dots and slash from a Korean IME
  assert.deepEqual(parseCidr("１０．０．０．０／２０"), { base: 0x0a000000, prefix: 20 });
  assert.deepEqual(parseCidr("10。0。0。0/16"), { base: 0x0a000000, prefix: 16 }); // the ideographic full stop
  assert.deepEqual(parseCidr("\u200b10.0.0.0/16\u2060"), { base: 0x0a000000, prefix: 16 }); // copied from a web page
});

// What a reader may type, and what the message under the CIDR field must say.
const BAD = [
  ["", ["VPC CIDR 블록을 입력하십시오.", "예: 10.0.0.0/16"]],
  ["   ", ["VPC CIDR 블록을 입력하십시오."]],
  ["서브넷 주소 알려줘", ["IPv4 CIDR 형식이 아닙니다.", "예: 10.0.0.0/16"]],
  ["10.0.0/16", ["IPv4 CIDR 형식이 아닙니다."]],
  ["10.0.0.0/16/24", ["IPv4 CIDR 형식이 아닙니다."]],
  ["10.0.0.0/", ["IPv4 CIDR 형식이 아닙니다."]],
  ["-1.0.0.0/16", ["IPv4 CIDR 형식이 아닙니다."]],
  ["2001:db8::/56", ["IPv6 주소는 이 계산기에서 다루지 않습니다."]],
  ["fe80::1", ["IPv6 주소는 이 계산기에서 다루지 않습니다."]],
  ["10.0.0.0:16", ["IPv4 CIDR 형식이 아닙니다."]],  // a colon typed for the slash: not IPv6
  ["VPC CIDR: 10.0.0.0/16", ["IPv4 CIDR 형식이 아닙니다."]],  // a pasted label
  ["10.0.0.0", ["접두사 길이가 없습니다.", "/16처럼"]],
  ["300.1.1.1/16", ["첫째 숫자 300: IPv4 주소에서 점으로 나눈 각 숫자는 0~255입니다."]],
  ["10.0.0.256/16", ["넷째 숫자 256:"]],
  ["10.0.0.0/33", ["/33: IPv4 접두사 길이는 0~32이고, AWS VPC의 CIDR 블록은 /16~/28입니다."]],
  ["10.0.0.0/1000", ["/1000: IPv4 접두사 길이는 0~32이고"]],
  ["10.0.0.0/99999999999999999999999", ["/999999…: IPv4 접두사 길이는 0~32이고"]], // digits as typed, not 1e+23
  ["1000000000000000000000.0.0.0/16", ["첫째 숫자 100000…: IPv4 주소에서 점으로 나눈 각 숫자는 0~255입니다."]],
  ["10.0.0.0/32", ["/32는 가장 작은 서브넷(/28)보다 작아 나눌 수 없습니다."]], // a VPC too small to split
  ["10.0.0.0/29", ["/29는 가장 작은 서브넷(/28)보다"]],
];

for (const [typed, words] of BAD) {
  test(`bad input ${JSON.stringify(typed)} gets a Korean message for the CIDR field`, () => {
    const answer = calculate(typed, 28);
    assert.deepEqual(Object.keys(answer.errors), ["cidr"]);
    const message = answer.errors.cidr.error;
    for (const word of words) assert.ok(message.includes(word), `${message} lacks ${word}`);
    assert.equal(answer.said, "입력을 확인하십시오: " + message); // what the live region speaks
    assert.equal(answer.rows, undefined); // no stale results
    // a particle right after a bare slash ("/와") lets the line break between them
    assert.doesNotMatch(message, /\/[가-힣]/, "a particle follows a bare slash");
  });
}

test("a base address with host bits set: the message names the network address, offered as the fix", () => {
  assert.deepEqual(parseCidr("10.0.0.5/16"), {
    error: "10.0.0.5는 /16 블록의 시작 주소가 아닙니다. 네트워크 주소는 10.0.0.0/16입니다.",
    fix: "10.0.0.0/16",
  });
  assert.equal(parseCidr("100.68.0.18/18").fix, "100.68.0.0/18"); // the page's example
  assert.match(parseCidr("10.0.0.1/8").error, / 10\.0\.0\.1은 /); // 일 ends in a consonant
  assert.equal(calculate("10.0.0.5/16", 24).errors.cidr.fix, "10.0.0.0/16");
});

test("a base address with host bits set and a size AWS refuses: the size first; the block offered if it can be split", () => {
  assert.deepEqual(parseCidr("10.0.0.0/0"), {
    error: "/0은 AWS가 허용하는 VPC CIDR 블록 크기(/16~/28) 밖입니다. 10.0.0.0은 /0 블록의 시작 주소가 아닙니다. 네트워크 주소는 0.0.0.0/0입니다.",
    fix: "0.0.0.0/0",
  });
  assert.equal(parseCidr("10.1.2.3/12").fix, "10.0.0.0/12");   // computed like 10.0.0.0/8, with a 불가 for its size
  assert.match(parseCidr("10.0.0.5/30").error, /^\/30은 AWS가 허용하는 .* 네트워크 주소는 10\.0\.0\.4\/30입니다\. 예: 10\.0\.0\.0\/16$/);
  assert.equal(parseCidr("10.0.0.5/30").fix, undefined);          // smaller than the smallest subnet: cannot be split
  assert.equal(parseCidr("10.0.0.5/28").fix, "10.0.0.0/28");
});

test("a subnet larger than the VPC is the size field's fault", () => {
  const answer = calculate("10.0.0.0/16", 8);
  assert.deepEqual(answer.errors, {
    prefix: { error: "서브넷(/8)이 VPC(/16)보다 큽니다. /16 이상(같거나 더 작은 서브넷)을 고르십시오." },
  });
  assert.deepEqual(Object.keys(calculate("10.0.0.0/16", 15).errors), ["prefix"]);
  assert.equal(calculate("10.0.0.0/16", 16).errors, undefined); // the same size is one subnet
});

test("10.0.0.0/16 in /24s: 256 subnets of 251 usable addresses, the first 8 listed", () => {
  const answer = calculate("10.0.0.0/16", 24);
  assert.equal(answer.summary, "10.0.0.0/16 → /24 서브넷 256개, 서브넷마다 사용 가능한 주소 251개");
  assert.equal(answer.said, answer.summary);
  assert.deepEqual(answer.facts, [
    ["서브넷 수", "256개 = 2^(24 − 16)"],
    ["서브넷당 주소", "256개 = 예약 5개 + 사용 가능 251개"],
    ["VPC 전체 주소", "65,536개 = 2^(32 − 16)"],
  ]);
  assert.equal(ROWS, 8);
  assert.equal(answer.rows.length, ROWS);
  assert.deepEqual(answer.rows[0], {
    cidr: "10.0.0.0/24",
    range: "10.0.0.0\u00a0– 10.0.0.255",
    // network, +1 VPC router, +2 Amazon DNS, +3 future use, last: broadcast
    reserved: ["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255"],
    usable: "251",
  });
  assert.deepEqual(answer.rows.map((row) => row.cidr), [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `10.0.${i}.0/24`));
  assert.equal(answer.caption, "처음 8개 서브넷 (전체 256개)");
  assert.equal(answer.more, "… 외 248개 (마지막 서브넷: 10.0.255.0/24)");
  assert.equal(answer.legend,
    "예약된 5개 주소(서브넷마다, 순서대로): 네트워크 주소 · +1 VPC 라우터 · +2 AWS 예약(DNS 서버는 VPC 기본 주소 + 2) · +3 향후 사용 · 마지막 브로드캐스트");
});

test("the reserved addresses of a subnet that does not start at .0", () => {
  assert.deepEqual(calculate("10.0.0.0/24", 28).rows[1], {
    cidr: "10.0.0.16/28",
    range: "10.0.0.16\u00a0– 10.0.0.31",
    reserved: ["10.0.0.16", "10.0.0.17", "10.0.0.18", "10.0.0.19", "10.0.0.31"],
    usable: "11",
  });
  assert.deepEqual(calculate("172.31.0.0/16", 20).rows[7].reserved,
    ["172.31.112.0", "172.31.112.1", "172.31.112.2", "172.31.112.3", "172.31.127.255"]);
});

// cidr, subnet prefix, subnets, usable per subnet, RFC 1918 check, AWS VPC check, AWS subnet size check
const CASES = [
  ["10.0.0.0/16", 28, "4,096", "11", "예 — 10.0.0.0/8 안입니다.", "가능 — /16은 허용 크기(/16~/28) 안입니다.",
    "가능 — /28은 허용 크기(/16~/28) 안입니다."],
  ["10.0.0.0/20", 24, "16", "251", "예", "가능 — /20은", "가능 — /24는"],
  ["172.31.0.0/16", 20, "16", "4,091", "예 — 172.16.0.0/12 안입니다.", "가능", "가능 — /20은"],
  ["172.16.0.0/12", 16, "16", "65,531", "예", "불가 — /12는 AWS가 허용하는 VPC CIDR 블록 크기(/16~/28) 밖입니다. CIDR 블록 하나는 /16보다 클 수 없습니다.",
    "가능 — /16은"],
  ["172.32.0.0/16", 24, "256", "251", "아니요 — 세 사설 범위(10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) 밖입니다.",
    "가능", "가능"], // just past 172.16.0.0/12
  ["192.168.0.0/16", 25, "512", "123", "예 — 192.168.0.0/16 안입니다.", "가능", "가능 — /25는"],
  ["8.8.8.0/24", 28, "16", "11", "아니요", "가능 — /24는", "가능"],
  ["169.254.0.0/16", 24, "256", "251", "아니요", "불가 — 링크 로컬 범위(169.254.0.0/16)는 VPC에 쓸 수 없습니다.", "가능"],
  ["10.0.0.0/7", 16, "512", "65,531", "일부만 — 10.0.0.0/8을 품은 더 넓은 범위라 공인 주소가 섞여 있습니다.", "불가 — /7은", "가능"],
  ["10.0.0.0/8", 8, "1", "16,777,211", "예", "불가 — /8은", "불가 — /8 서브넷은 AWS가 허용하는 크기(/16~/28) 밖입니다."],
  ["10.0.0.0/8", 15, "128", "131,067", "예", "불가", "불가 — /15 서브넷"],
];

for (const [cidr, prefix, count, usable, rfc1918, vpc, subnet] of CASES) {
  test(`${cidr} in /${prefix}s`, () => {
    const answer = calculate(cidr, prefix);
    assert.equal(answer.summary, `${cidr} → /${prefix} 서브넷 ${count}개, 서브넷마다 사용 가능한 주소 ${usable}개`);
    const found = checks(answer);
    assert.ok(found["RFC 1918 사설 범위"].text.startsWith(rfc1918), found["RFC 1918 사설 범위"].text);
    assert.ok(found["AWS VPC CIDR"].text.startsWith(vpc), found["AWS VPC CIDR"].text);
    assert.ok(found["AWS 서브넷 크기"].text.startsWith(subnet), found["AWS 서브넷 크기"].text);
    for (const check of answer.checks) assert.equal(check.ok, /^(예|가능)/.test(check.text));
    // the live region says what AWS refuses before the arithmetic
    const refused = answer.checks.slice(1).filter((check) => !check.ok).map((check) => `${check.label}: ${check.text}`);
    assert.equal(answer.said, [...refused, answer.summary].join(" "));
    assert.equal(answer.said.startsWith("AWS"), vpc.startsWith("불가") || subnet.startsWith("불가"));
  });
}

test("edges: a /16 as one /16, a /28 as one /28", () => {
  const whole = calculate("10.0.0.0/16", 16);
  assert.equal(whole.caption, "서브넷 1개 전체");
  assert.equal(whole.more, null);
  assert.deepEqual(whole.rows.map((row) => [row.range, row.usable]), [["10.0.0.0\u00a0– 10.0.255.255", "65,531"]]);
  const smallest = calculate("10.0.0.0/28", 28);
  assert.deepEqual(smallest.rows, [{
    cidr: "10.0.0.0/28",
    range: "10.0.0.0\u00a0– 10.0.0.15",
    reserved: ["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.15"],
    usable: "11",
  }]);
  assert.ok(checks(smallest)["AWS VPC CIDR"].ok);
});

test("edges: exactly ROWS subnets are all listed, one more is not", () => {
  const eight = calculate("10.0.0.0/21", 24);
  assert.equal(eight.rows.length, 8);
  assert.equal(eight.caption, "서브넷 8개 전체");
  assert.equal(eight.more, null);
  const sixteen = calculate("10.0.0.0/20", 24);
  assert.equal(sixteen.caption, "처음 8개 서브넷 (전체 16개)");
  assert.equal(sixteen.more, "… 외 8개 (마지막 서브넷: 10.0.15.0/24)");
});

test("edges: 0.0.0.0/0 is counted, partly private, and too big for AWS", () => {
  const all = calculate("0.0.0.0/0", 28);
  assert.equal(all.summary, "0.0.0.0/0 → /28 서브넷 268,435,456개, 서브넷마다 사용 가능한 주소 11개");
  assert.equal(all.more, "… 외 268,435,448개 (마지막 서브넷: 255.255.255.240/28)");
  assert.equal(checks(all)["RFC 1918 사설 범위"].text,
    "일부만 — 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16을 품은 더 넓은 범위라 공인 주소가 섞여 있습니다.");
  assert.equal(checks(calculate("172.0.0.0/8", 24))["RFC 1918 사설 범위"].text,
    "일부만 — 172.16.0.0/12를 품은 더 넓은 범위라 공인 주소가 섞여 있습니다.");
  assert.match(checks(all)["AWS VPC CIDR"].text, /^불가 — \/0은 .* CIDR 블록 하나는 \/16보다 클 수 없습니다\.$/);
});

test("10.0.0.0/8 in /28s: 1,048,576 subnets counted, only the first rows listed", () => {
  const answer = calculate("10.0.0.0/8", 28);
  assert.equal(answer.facts[0][1], "1,048,576개 = 2^(28 − 8)");
  assert.equal(answer.rows.length, ROWS);
  assert.equal(answer.rows[ROWS - 1].cidr, "10.0.0.112/28");
  assert.equal(answer.caption, "처음 8개 서브넷 (전체 1,048,576개)");
  assert.equal(answer.more, "… 외 1,048,568개 (마지막 서브넷: 10.255.255.240/28)");
});

test("the subnet sizes offered: /8 to /28, every size AWS accepts among them", () => {
  const options = sizeOptions();
  assert.deepEqual(options.map((o) => +o.value), Array.from({ length: 21 }, (_, i) => 8 + i));
  assert.deepEqual(options.find((o) => o.value === "24"), { value: "24", label: "/24 — 주소 256개" });
  assert.equal(options.find((o) => o.value === "16").label, "/16 — 주소 65,536개");
});

test("the worked example on the page (shown without JavaScript and on paper) is what the calculator says", () => {
  const markdown = fs.readFileSync(PAGE, "utf8");
  const example = markdown.slice(markdown.indexOf('id="calculator-example"'));
  const rows = example.slice(0, example.indexOf("</div>")).split("\n")
    .filter((line) => /^\| \d/.test(line))
    .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim().replaceAll("&nbsp;", "\u00a0")));
  const answer = calculate("10.0.0.0/16", 24);
  assert.ok(rows.length >= 3, "no example rows found");
  assert.deepEqual(rows, answer.rows.slice(0, rows.length)
    .map((row) => [row.cidr, row.range, row.reserved.join(", "), row.usable]));
  assert.ok(example.includes("서브넷 256개") && example.includes("사용 가능 251개"));
});
