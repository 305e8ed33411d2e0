/* The Korean search's pure logic (docs/javascripts/search-korean.js) on a small site: tests/js/fixture.cjs. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { KoreanSearch: K, CONFIG, fixture, pages } = require("./fixture.cjs");

const index = fixture();
const first = (query) => pages(index, query)[0];

test("jamo: a syllable is its initial, medial and final", () => {
  assert.equal(K.jamo("각").length, 3);
  assert.equal(K.jamo("가").length, 2);
  assert.equal(K.jamo("VPC"), "VPC");
});

test("distance on jamo: ㅐ/ㅔ, a slipped 받침, a swap are one edit; a beginning is near with prefix", () => {
  const d = (a, b, bound = 3, prefix = false) => K.distance(K.jamo(a), K.jamo(b), bound, prefix);
  assert.equal(d("로드벨런서", "로드밸런서"), 1);
  assert.equal(d("스냅삿", "스냅샷"), 1);
  assert.equal(K.distance("subent", "subnet", 2), 1);
  assert.equal(d("오토스켈", "오토스케일링", 2, true), 1);
  assert.equal(d("오토스켈", "오토스케일링", 2), Infinity);
  assert.equal(K.distance("abc", "xyz", 1), Infinity);
});

test("tolerance grows with length; short Hangul words are never corrected", () => {
  assert.equal(K.tolerance("이랑"), 0);
  assert.equal(K.tolerance("서브냇"), 1);
  assert.equal(K.tolerance("오토스켈링"), 2);
  assert.equal(K.tolerance("vpc"), 0);
  assert.equal(K.tolerance("cloudfornt"), 2);
});

test("sound: English written in Hangul sounds like the English word", () => {
  for (const [hangul, english] of [["디스트리뷰션", "distribution"], ["스텝", "step"], ["타겟", "target"],
    ["스케일링", "scaling"], ["얼라이어스", "alias"], ["세이빙스", "savings"], ["서브스크립션", "subscription"],
    ["체인지", "change"], ["글레이셔", "glacier"], ["트래킹", "tracking"], ["런치", "launch"],
    ["브랜치", "branch"], ["배치", "batch"], ["스위치", "switch"], ["아파치", "apache"], ["매칭", "matching"]])
    assert.equal(K.sound(hangul), K.sound(english), `${hangul} / ${english}`);
  assert.notEqual(K.sound("글레이셔"), K.sound("class"));
});

test("terms: the site's separator drops particles, splits Latin|Hangul and camel case, keeps CIDRs", () => {
  assert.deepEqual(index.terms("보안그룹은 VPC엔드포인트 172.16.0.0/12"), ["보안그룹", "vpc", "엔드포인트", "172.16.0.0/12"]);
  assert.deepEqual(index.terms("CloudFront", true), ["cloud", "front", "cloudfront"]);
  assert.deepEqual(index.terms("FSx IMDSv2 IPv6"), ["fsx", "imdsv2", "ipv6"]);  // as a phone types them, lower case
  assert.deepEqual(index.terms("서브넷에서 99.999999999%"), ["서브넷", "99.999999999%"]);
});

test("a query is cut to 100 characters at a space and to 12 words", () => {
  assert.ok(K.clip("가나다 ".repeat(50)).length <= 100);
  assert.equal(K.words(index, "a b c d e f g h i j k l m n o").length, 12);
  assert.deepEqual(K.words(index, "-ec2 +vpc 서브넷").map(w => w.presence), ["-", "+", ""]);
  assert.deepEqual(K.words(index, "SQS랑 은 는").map(w => w.terms), [["sqs"]]);
});

test("typos: Hangul on jamo, Latin on letters, and the corrected word is what is highlighted", () => {
  assert.equal(first("오토스켈링"), "compute/auto-scaling/");
  assert.equal(first("로드벨런서"), "compute/elb/");
  assert.equal(first("cloudfornt"), "networking/cloudfront/");
  const [article] = index.search("오토스켈링").items[0];
  assert.deepEqual(article.terms, { "오토스케일링": true }, "the correction, not the typo, is highlighted (?h=)");
});

test("compounds without spaces are split into known words", () => {
  const [variant] = K.variants(index, "고객마스터키");
  assert.deepEqual(variant.clauses.map(c => c.alternatives[0].term), ["고객", "마스터", "키"]);
  assert.equal(first("고객마스터키"), "security/kms/");
  assert.equal(first("단계조정"), "compute/auto-scaling/");
  // parts that are each somewhere but never in one section (키 of KMS, 조정 of Auto Scaling) are no compound
  assert.equal(index.compound("키조정"), null);
});

test("numbers match whole: 1밀리초 and 1 find the 1 ms page, not RFC 1918", () => {
  assert.deepEqual(index.number("1"), ["1"]);
  assert.deepEqual(pages(index, "1밀리초"), ["database/elasticache/"]);
  assert.ok(!pages(index, "1").includes("networking/rfc-1918/"));
  assert.equal(first("172.16"), "networking/rfc-1918/");
});

test("synonyms: the site's word for an English or avoided one", () => {
  assert.equal(first("NAT gateway"), "networking/vpc/");
  assert.ok(K.variants(index, "쿨다운").some(v => v.keys[0] === "조정 휴지"));
});

test("English written in Hangul: the English word of the index, the site's word of a synonym", () => {
  assert.equal(first("세이빙스 플랜"), "compute/ec2/");
  assert.equal(first("스티키"), "compute/elb/", "스티키 begins stickiness");
  assert.ok(K.variants(index, "스텝 스케일링").some(v => v.keys[0] === "단계 조정"));
  assert.equal(first("스텝 스케일링"), "compute/auto-scaling/");
  assert.deepEqual(index.english("추척"), [], "a Korean word is not taken for English");
  // heard whole before it is split into known words that are not all names (스테이트 only in a list item)
  assert.equal(first("스테이트풀"), "networking/security-group/", "스테이트풀 is stateful, not 스테이트 + 풀");
  assert.equal(first("웜풀"), "compute/auto-scaling/", "웜풀 is the named 웜 + 풀");
});

test("a query that is part of a synonym finds the site's whole word and marks only its own part", () => {
  const { DOCS, SYNONYMS } = require("./fixture.cjs");
  const group = new K.Index(DOCS, CONFIG, [...SYNONYMS, ["오토 스케일링 그룹", "Auto Scaling 그룹"]]);
  assert.ok(K.variants(group, "오토 스케일링").some(v => v.keys[0] === "auto scaling 그룹"));
  const items = group.search("오토 스케일링").items.flat();
  assert.ok(items.some(item => "auto" in item.terms), "the site's word found something");
  for (const item of items) {
    assert.ok(!("그룹" in item.terms), `${item.location}: 그룹 is marked, the query did not ask for it`);
    assert.ok(!/<mark>그룹/.test(item.title + item.text), `${item.location}: ${item.text}`);
  }
});

test("a query that is a title of the site is not taken for part of a longer synonym", () => {
  const { DOCS, SYNONYMS } = require("./fixture.cjs");
  const group = new K.Index(DOCS, CONFIG, [...SYNONYMS, ["Auto Scaling group policy", "그룹 정책"]]);
  // Route 53 is not 장애 조치 라우팅 (Route 53 failover routing policy): Amazon EC2 Auto Scaling is a title
  assert.ok(!K.variants(group, "Auto Scaling").some(v => v.keys[0] === "그룹 정책"));
  assert.ok(K.variants(group, "scaling group").some(v => v.keys[0] === "그룹 정책"), "not a title: part of it");
});

test("the site's word of a synonym finds a document only where all of it stands; the other words are not required", () => {
  const { DOCS, SYNONYMS } = require("./fixture.cjs");
  const nat = { location: "networking/vpc/#nat-ip", title: "NAT 게이트웨이의 주소", text: "<p>퍼블릭 NAT 게이트웨이에는 탄력적 IP 주소를 연결</p>" };
  const eip = new K.Index([...DOCS, nat], CONFIG, [...SYNONYMS, ["Elastic IP", "탄력적 IP 주소"]]);
  const found = eip.search("Elastic IP").items.map(group => group[0].location.split("#")[0]);
  assert.equal(found[0], "networking/vpc/", "the page with 탄력적 IP 주소, not the one titled … IP 주소");
  // the other words typed with it are not required: the page of the concept stays first without 요금
  assert.equal(first("NAT gateway 요금"), "networking/vpc/", pages(index, "NAT gateway 요금").join(" "));
});

test("란, 이란 (\"what is …\") are particles: VPC란 searches VPC, with nothing missing", () => {
  for (const [query, term, page] of [["VPC란", "vpc", "networking/vpc/"], ["EC2란", "ec2", "compute/ec2/"],
                                      ["보안 그룹이란", "그룹", "networking/security-group/"]]) {
    assert.deepEqual(K.words(index, query).flatMap(w => w.terms).slice(-1), [term], query);
    assert.equal(first(query), page, query);
  }
});

test("ranking: the page the query names first; an overview page never first unless named", () => {
  assert.equal(first("Auto Scaling"), "compute/auto-scaling/");
  assert.equal(first("쿨다운"), "compute/auto-scaling/", "the category page says it more often");
  assert.equal(first("컴퓨팅"), "compute/");
  assert.equal(first("ASG"), "compute/auto-scaling/", "the glossary has it, the service page is named by it");
  for (const query of ["쿨다운", "ASG", "Auto Scaling", "조정", "VPC"]) {
    const scores = index.search(query).items.map(group => group[0].score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `${query}: Enter opens the highest score, the first`);
  }
});

test("results: one group per page, the page's own document first with the page's best score", () => {
  const { items } = index.search("조정 휴지");
  const group = items.find(g => g[0].location === "compute/auto-scaling/");
  assert.equal(group[1].location, "compute/auto-scaling/#scaling-policies");
  assert.equal(group[0].score, group[1].score);
  for (const g of items) {
    assert.ok(!g[0].location.includes("#"), g[0].location);
    for (const item of g) {
      assert.deepEqual(Object.keys(item).sort(), ["location", "score", "tags", "terms", "text", "title"]);
      assert.equal(typeof item.score, "number");
    }
  }
});

test("-ec2 vpc 서브넷: documents with ec2 are left out, and vpc is missing only where it is", () => {
  const { items } = index.search("-ec2 vpc 서브넷");
  assert.ok(items.length > 0);
  for (const item of items.flat()) {
    assert.ok(!item.location.startsWith("compute/ec2/"), item.location);
    const text = (item.title + " " + item.text).toLowerCase();
    if (item.terms.vpc === false) assert.ok(!text.includes("vpc"), `vpc is marked missing in ${item.location}`);
    assert.ok(!("ec2" in item.terms));
  }
});

test("snippets: the block that matched, cut at spaces around the match; never the alias line", () => {
  const [article] = index.search("오토 스케일링").items[0];
  assert.ok(!article.text.includes("다른 이름·관련어"), article.text);
  const [, policies] = index.search("대상 추적").items[0];
  assert.equal(policies.text, "<p><mark>대상</mark> <mark>추적</mark> 조정: 지표를 목표값에 유지</p>");
  const long = new K.Index([{ location: "", title: "긴 글",
    text: "<p>" + "가나다라 ".repeat(60) + "<b>조정</b> 끝 " + "마바사 ".repeat(60) + "</p>" }], CONFIG);
  const { text } = long.search("조정").items[0][0];
  assert.match(text, /^<p>… (가나다라 )+<mark>조정<\/mark> 끝 (마바사 )+…<\/p>$/);
  assert.ok(text.length < 220, text.length);
  const both = new K.Index([{ location: "", title: "표", text: "<p>source-ip(소스 IP) " + "가나다라 ".repeat(60)
    + "NLB 고정 IP: 서브넷마다 탄력적 IP 주소 " + "마바사 ".repeat(60) + "</p>" }], CONFIG);
  assert.match(both.search("탄력적 IP").items[0][0].text, /<mark>탄력적<\/mark> <mark>IP<\/mark>/,
    "the snippet is where the searched words stand together, not at an early lone IP");
  const bare = new K.Index([{ location: "", title: "빈 페이지", text: "" }], CONFIG);
  assert.equal(bare.search("빈 페이지").items[0][0].text, "", "a document without text has no snippet");
});

test("escaping: the query never reaches title or text; tags are escaped text", () => {
  const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const result = index.search("캐시 " + payload, { suggest: true });
  for (const item of result.items.flat()) {
    assert.ok(!/<(img|script)|onerror=/i.test(item.title + item.text), item.text);
    for (const key of Object.keys(item.terms)) assert.ok(!/[<>&"']/.test(key), key);
  }
  assert.deepEqual(result.suggest, [], "Material writes the query into the page as HTML with a completion");
  assert.equal(K.escapeHTML(`<a href="x">&'`), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  const tagged = new K.Index([{ location: "", title: "홈", text: "<p>홈</p>", tags: ["<b>x</b>"] }], CONFIG);
  assert.deepEqual(tagged.search("홈").items[0][0].tags, ["&lt;b&gt;x&lt;/b&gt;"]);
  const [cache] = index.search("캐시 값").items.find(g => g[0].location === "database/elasticache/");
  assert.equal(cache.text, "<p><mark>캐시</mark> &lt;key&gt; &amp; <mark>값</mark> — 지연 로딩으로 채운다</p>",
    "the block with the most searched words, its text escaped");
  assert.equal(K.highlight(index, "<b>VPC</b> & 서브넷", [{ term: "vpc", exact: false }]),
    "&lt;b&gt;<mark>VPC</mark>&lt;/b&gt; &amp; 서브넷");
});

test("Korean typed in English mode: its Hangul on the 두벌식 keyboard, searched when the letters find nothing", () => {
  for (const [keys, hangul] of [["qhdks rmfnq", "보안 그룹"], ["dhxhtmzpdlffld", "오토스케일링"], ["rhksfl", "관리"],
    ["rkqt", "값"], ["dlfrdjqhkdy", "읽어봐요"], ["Rkc", "깣"], ["QHDKS", "보안"]])
    assert.equal(K.hangulOfKeys(keys), hangul, keys);
  for (const keys of ["zzzz", "vpc1", "", " ", "ㅋㅋ", "kkk"]) assert.equal(K.hangulOfKeys(keys), null, keys);  // no whole syllables
  assert.equal(first("qhdks rmfnq"), "networking/security-group/");
  assert.equal(first("dhxhtmzpdlffld"), "compute/auto-scaling/");  // 오토스케일링
  assert.equal(first("qhdks rmfnqq"), "networking/security-group/");  // 보안 + a stray key: the word that converts
  assert.deepEqual(index.search("dkssud").items.map(g => [g[0].location, g[0].score]), [["", K.NOTHING_NEAR]]);  // 안녕: nothing near
});

test("nothing found: the nearest pages, scored -1, else the home page, scored -2 (not a guess)", () => {
  const { items } = index.search("엘라스틱캐쉬쀍");
  assert.deepEqual(items.map(g => [g.length, g[0].location, g[0].score]), [[1, "database/elasticache/", K.SUGGESTED]]);
  assert.deepEqual(index.search("ㅋㅋㅋ").items.map(g => [g[0].location, g[0].score]), [["", K.NOTHING_NEAR]]);
  assert.deepEqual(index.search("zzzz").items.map(g => [g[0].location, g[0].score]), [["", K.NOTHING_NEAR]]);
  for (const odd of ["🚀☁️🔥 😀", ".*+?[( )]{ \\d | ^$", "title: +- ^~ * : text:^ -+ ~2 VPC~ S3^ -", "은 는 이 가"])
    assert.ok(index.search(odd).items.length > 0, odd);
  // two misspelt words, each near more than one term; an excluded word suggests nothing near it
  const near = index.search("vpcx ec3").items.map(g => g[0].location);
  assert.ok(near.includes("networking/vpc/") && near.includes("compute/ec2/"), near);
  assert.deepEqual(index.search("-vpc").items.map(g => g[0].location), [""]);
});

test("Material's search.suggest: the named word the last typed word begins", () => {
  assert.deepEqual(index.search("오토스", { suggest: true }).suggest, ["오토스케일링"]);
  assert.deepEqual(index.search("오토스 ", { suggest: true }).suggest, []);
  assert.equal(index.search("오토스").suggest, undefined);
  const small = new K.Index([{ location: "a/", title: "인스턴스와의 연결", text: "<p>사본을 캐시해 보냄</p>" },
    { location: "b/", title: "캐시 인스턴스", text: "" }], CONFIG, []);
  assert.deepEqual(small.search("스팟 인스턴스", { suggest: true }).suggest, [], "not 인스턴스와");
  assert.deepEqual(small.search("캐시", { suggest: true }).suggest, [], "not 캐시해");
  assert.deepEqual(small.search("캐", { suggest: true }).suggest, ["캐시"], "a word begun is completed");
  assert.deepEqual(small.search("인스", { suggest: true }).suggest, ["인스턴스"]);
});

test("a term the separator cut at a particle-like last syllable is marked whole where the site only writes it so", () => {
  // search-korean.js's PARTICLES holds the one-syllable particles of mkdocs.yml's separator
  const oneSyllable = /\(\?:\[([가-힣]+)\]\|/.exec(CONFIG.separator)[1];
  assert.ok([...oneSyllable].every(p => K.PARTICLES.has(p)), "the separator's particles changed");
  const gateway = index.search("게이트웨이").items.flat().find(d => d.location === "networking/vpc/#nat-gateway");
  assert.equal(gateway.title, "NAT <mark>게이트웨이</mark>");
  // a particle is not marked: the site also writes the word without it
  const small = new K.Index([{ location: "a/", title: "가", text: "<p>인스턴스를 띄운다</p>" },
    { location: "b/", title: "나", text: "<p>인스턴스 목록</p>" }], CONFIG, []);
  assert.match(small.search("인스턴스").items.flat().find(d => d.location === "a/").text, /<mark>인스턴스<\/mark>를/);
});

test("?h= carries only what Material's on-page highlighter keeps whole; the rest is marked in the result only", () => {
  // Material: spaces for [\s*+\-:~^], escapes, then splits on the separator's rules that take text
  const splits = (key) => [...key.replace(/[\s*+\-:~^]+/g, " ").replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&")
    .matchAll(new RegExp(CONFIG.separator, "g"))].some(m => m[0] !== "");
  for (const query of ["게이트웨이", "인터넷게이트웨이", "NAT gateway", "172.16.0.0/12", "사설 172.16.0.0/12", "오토스켈링"])
    for (const item of index.search(query).items.flat())
      for (const [key, hit] of Object.entries(item.terms))
        assert.ok(!hit || !splits(key), `${query}: ?h= gets ${key}, which Material would split`);
  const [article] = index.search("172.16.0.0/12").items[0];
  assert.match(article.text, /<mark>172\.16\.0\.0\/12<\/mark>/);
  assert.deepEqual(article.terms, {});
  assert.deepEqual(index.search("사설 172.16.0.0/12").items[0][0].terms, { "사설": true });
});
