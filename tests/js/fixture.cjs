/*
 * What the Node tests of the search share: the search (docs/javascripts/search-korean.js), the site's
 * separator read from mkdocs.yml as hooks/search_index.py joins it, and a small site of search
 * documents in Material's format (location, title, text as HTML, tags, boost).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const KoreanSearch = require(path.join(ROOT, "docs", "javascripts", "search-korean.js"));

/* The `separator` rules of mkdocs.yml (one per line, `# why`), joined with `|` as the hook joins them. */
function separator() {
  const yml = fs.readFileSync(path.join(ROOT, "mkdocs.yml"), "utf8");
  const block = yml.split("separator: |")[1].split(/\n\s*fields:/)[0];
  return block.split("\n").map(line => line.replace(/(?:^|\s)#.*$/, "").trim()).filter(Boolean).join("|");
}

const CONFIG = { lang: ["ko"], separator: separator(), pipeline: [], fields: { title: { boost: 2 }, text: { boost: 1 } } };

const page = (location, title, summary, alias, more = "", extra = {}) => ({
  location, title, tags: ["안정성"], ...extra,
  text: `<p>한 줄 요약: ${summary}</p> ${alias ? `<p>다른 이름·관련어: ${alias}</p>` : ""} ${more}`.trim(),
});
const section = (location, title, text) => ({ location, title, text, tags: ["안정성"] });

const DOCS = [
  page("", "AWS 스터디 노트", "AWS를 공부하며 정리한 노트.", "", "<ul><li>Auto Scaling, ELB, VPC 순서로 읽기</li></ul>", { boost: 0.5 }),
  page("compute/", "컴퓨팅", "EC2, ELB, Auto Scaling을 모은 카테고리.", "",
    "<p>Auto Scaling 그룹과 오토스케일링 조정 정책, Auto Scaling 단계 조정, Auto Scaling 쿨다운</p>", { boost: 0.5 }),
  page("compute/auto-scaling/", "Amazon EC2 Auto Scaling", "수요에 맞춰 EC2 인스턴스 수를 자동으로 늘리고 줄이는 서비스.",
    "Auto Scaling, 오토 스케일링, 오토스케일링, Auto Scaling 그룹, ASG, 쿨다운"),
  section("compute/auto-scaling/#scaling-policies", "조정 정책",
    "<ul><li>단계 조정(Step Scaling): 경보 크기에 따라 단계별로 조정</li><li>대상 추적 조정: 지표를 목표값에 유지</li>"
    + "<li>조정 휴지: 조정 활동 뒤 기다리는 시간</li></ul>"),
  section("compute/auto-scaling/#warm-pools", "웜 풀", "<p>미리 초기화해 둔 인스턴스</p>"),
  page("compute/elb/", "Elastic Load Balancing", "트래픽을 여러 대상에 나누는 로드 밸런서 서비스.", "ELB, 로드 밸런서, 로드밸런서",
    "<p>고정 세션(stickiness): 같은 사용자를 같은 대상으로</p>"),
  page("compute/ec2/", "Amazon EC2", "클라우드의 가상 서버.", "EC2, 인스턴스",
    "<p>요금: 온디맨드, Savings Plans, 스팟 인스턴스</p><p>VPC의 서브넷에 인스턴스를 띄운다</p>"),
  page("networking/vpc/", "Amazon VPC", "AWS 안의 격리된 가상 네트워크.", "VPC, Virtual Private Cloud, 가상 네트워크",
    "<p>VPC는 서브넷으로 나눈다</p>"),
  section("networking/vpc/#nat-gateway", "NAT 게이트웨이", "<p>프라이빗 서브넷의 인스턴스가 인터넷으로 나가는 길</p>"),
  page("networking/security-group/", "보안 그룹", "인스턴스에 붙는 stateful 가상 방화벽.", "Security Group, SG"),
  page("networking/rfc-1918/", "RFC 1918 사설 IP 주소", "사설 주소 범위 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.", "사설 IP, RFC1918"),
  page("networking/cloudfront/", "Amazon CloudFront", "엣지 로케이션에 콘텐츠를 캐시하는 CDN.", "CloudFront, 클라우드프론트"),
  page("database/elasticache/", "Amazon ElastiCache", "1밀리초 미만의 지연 시간을 내는 인메모리 캐시.", "ElastiCache, 엘라스틱캐시",
    "<p>캐시 &lt;key&gt; &amp; 값 — 지연 로딩으로 채운다</p>"),
  page("security/kms/", "AWS KMS", "암호화 키를 만들고 관리하는 서비스.", "KMS, 키 관리 서비스, 고객 마스터 키",
    "<p>고객 관리형 키는 자동 키 교체를 켤 수 있다</p>"),
  page("reference/glossary/", "용어집", "이 사이트의 약어와 용어.", "",
    "<ul><li>ASG — Auto Scaling 그룹</li><li>NAT — Network Address Translation</li><li>EC2 — Elastic Compute Cloud</li><li>스테이트 머신 — Step Functions의 워크플로</li></ul>",
    { boost: 0.5 }),
];

const SYNONYMS = [["NAT gateway", "NAT 게이트웨이"], ["step scaling", "단계 조정"], ["scaling cooldown", "조정 휴지"],
  ["쿨다운", "조정 휴지"], ["Amazon Machine Image", "AMI"]];

/* A fresh index of the small site. */
function fixture() {
  return new KoreanSearch.Index(DOCS, CONFIG, SYNONYMS);
}

/* The pages a search lists, in order ("" is the home page). */
function pages(index, query) {
  return index.search(query).items.map(group => group[0].location.split("#")[0]);
}

module.exports = { ROOT, KoreanSearch, CONFIG, DOCS, SYNONYMS, fixture, pages };
