/*
 * 서브넷 계산기 (networking/subnet-design.md#calculator): splits an IPv4 VPC CIDR block into subnets
 * of one size and shows, in Korean, how many there are, the first ROWS with the 5 addresses AWS
 * reserves in every subnet (network, +1 VPC router, +2 reserved — the DNS server is the VPC's base + 2 —,
 * +3 future use, last = broadcast) and the usable count, whether the range is RFC 1918 private and whether
 * AWS accepts the sizes (/16 to /28). Sources: the page's 보충 box. No dependency, no build step.
 *
 * Pure part: `parseCidr` and `calculate` do the 32-bit arithmetic and write every Korean sentence;
 * Node loads them through `module.exports` (tests/js/). The subnet count is computed, never looped
 * over: a /28 split of a /8 (1,048,576 subnets) costs what a /24 split of a /16 does.
 *
 * DOM part, run only where there is a `document`: a classic script, not a module, loaded inside
 * Material's [data-md-component=container], whose scripts Material runs again after each instant
 * navigation (hence the function around it all: top-level `const`s would be declared twice); each
 * form[data-subnet-calculator] is set up once. The form starts `hidden` beside a worked example;
 * once set up it shows, and the example is hidden on screen only (print CSS prints the example, not
 * the form). Bad input never throws: a Korean message under its field (aria-invalid,
 * aria-describedby), a placeholder for the results, and a visually hidden role=status region that
 * speaks once the reader pauses typing. The input is kept for the tab (Back, reload).
 */
(() => {
  "use strict";

  const ROWS = 8; // subnets listed in the table
  const SIZES = { min: 8, max: 28 }; // subnet prefixes offered in the select (AWS accepts /16–/28)
  const AWS = { min: 16, max: 28 }; // IPv4 VPC and subnet CIDR sizes AWS accepts
  const AWS_SIZES = "AWS VPC의 CIDR 블록은 /16~/28입니다.";
  const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]; // RFC 1918
  const LINK_LOCAL = "169.254.0.0/16";
  const RESERVED = [0, 1, 2, 3, -1]; // offsets from a subnet's first address (−1: its last)
  const LEGEND = "예약된 5개 주소(서브넷마다, 순서대로): 네트워크 주소 · +1 VPC 라우터 · " +
    "+2 AWS 예약(DNS 서버는 VPC 기본 주소 + 2) · +3 향후 사용 · 마지막 브로드캐스트";
  const ORDINAL = ["첫째", "둘째", "셋째", "넷째"];
  const EXAMPLE = " 예: 10.0.0.0/16";
  const COLUMNS = ["서브넷", "주소 범위", "예약된 5개 주소", "사용 가능"];
  const WAITING = "입력을 고치면 결과가 여기에 나옵니다.";
  const PAUSE = 600; // ms without typing before the live region speaks
  // The reader's last input, kept for the tab (sessionStorage): Back, reload and instant navigation
  // draw a new form, which starts from it. Read as untrusted: anything odd is ignored.
  const KEPT = "aws-study-notes.subnet-calculator";

  // --- IPv4 arithmetic (unsigned 32-bit numbers) -------------------------------------------

  const mask = (prefix) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
  const size = (prefix) => 2 ** (32 - prefix);
  const text = (address) => [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
  const number = (n) => n.toLocaleString("ko-KR");

  function block(cidr) { // a CIDR written in this file, e.g. "10.0.0.0/8"
    const [address, prefix] = cidr.split("/");
    const base = address.split(".").reduce((n, octet) => n * 256 + +octet, 0);
    return { base, prefix: +prefix, text: cidr };
  }

  function inside(range, outer) { // is range within outer?
    return range.prefix >= outer.prefix && ((range.base & mask(outer.prefix)) >>> 0) === outer.base;
  }

  // The particle after a number or an address, read the Korean way (…0 영/십, 1 일, 3 삼, 6 육,
  // 7 칠, 8 팔 end in a consonant): "/16은", "/24는", "10.0.0.5는".
  const josa = (word, withFinal, withoutFinal) =>
    word + ("013678".includes(String(word).slice(-1)) ? withFinal : withoutFinal);
  // A VPC CIDR size outside the sizes AWS accepts for a CIDR block (/16 to /28), and one inside them.
  const outsideAws = (prefix) => `${josa("/" + prefix, "은", "는")} AWS가 허용하는 VPC CIDR 블록 크기(/16~/28) 밖입니다.`;
  const insideAws = (prefix) => ({ ok: true, text: `가능 — ${josa("/" + prefix, "은", "는")} 허용 크기(/16~/28) 안입니다.` });

  // --- Parsing: { base, prefix }, or { error } in Korean (and the network address to offer) --

  const IPV4_CIDR = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
  const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
  // Hex groups with two colons or more (2001:db8::/56, fe80::1); one colon is a typo or a pasted label (10.0.0.0:16).
  const IPV6 = /^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*(\/\d*)?$/i;

  function parseCidr(raw) {
    // Full-width digits, dots and slashes typed with a Korean IME become ASCII, and so does the ideographic full
    // stop (。); spaces and the invisible characters text copied from a web page may carry go.
    const value = String(raw ?? "").normalize("NFKC").replace(/\u3002/g, ".").replace(/[\s\u200b-\u200d\u2060]+/g, "");
    if (!value) return { error: "VPC CIDR 블록을 입력하십시오." + EXAMPLE };
    if (IPV6.test(value)) {
      return { error: "IPv6 주소는 이 계산기에서 다루지 않습니다. IPv4 CIDR 블록을 입력하십시오." + EXAMPLE };
    }
    if (IPV4.test(value)) {
      return { error: "접두사 길이가 없습니다. 주소 뒤에 /16처럼 슬래시(/)와 숫자를 붙이십시오." + EXAMPLE };
    }
    const m = IPV4_CIDR.exec(value);
    if (!m) {
      return { error: "IPv4 CIDR 형식이 아닙니다. 점으로 나눈 숫자 네 개 뒤에 슬래시(/)와 접두사 길이를 붙여 입력하십시오." + EXAMPLE };
    }
    const octets = m.slice(1, 5).map(Number);
    const wrong = octets.findIndex((octet) => octet > 255);
    // A number too big to be right is said as typed (its first digits), not as JavaScript writes it (1e+23).
    const typed = (digits) => {
      const shown = digits.replace(/^0+(?=\d)/, "");
      return shown.length > 6 ? shown.slice(0, 6) + "…" : shown;
    };
    if (wrong >= 0) return { error: `${ORDINAL[wrong]} 숫자 ${typed(m[wrong + 1])}: IPv4 주소에서 점으로 나눈 각 숫자는 0~255입니다.` };
    const prefix = +m[5];
    if (prefix > 32) return { error: `/${typed(m[5])}: IPv4 접두사 길이는 0~32이고, ${AWS_SIZES}` };
    const address = octets.reduce((n, octet) => n * 256 + octet, 0);
    const base = (address & mask(prefix)) >>> 0;
    if (base !== address) {
      const network = `${text(base)}/${prefix}`;
      const start = `${josa(text(address), "은", "는")} /${prefix} 블록의 시작 주소가 아닙니다. 네트워크 주소는 ${network}입니다.`;
      if (prefix >= AWS.min && prefix <= AWS.max) return { error: start, fix: network };
      // A size AWS refuses is said first (10.0.0.0/0); the network address is offered where the calculator
      // can split it (not below the smallest subnet, SIZES.max).
      const size = outsideAws(prefix);
      return prefix > SIZES.max ? { error: `${size} ${start}` + EXAMPLE } : { error: `${size} ${start}`, fix: network };
    }
    return { base, prefix };
  }

  // --- The answer, in Korean ---------------------------------------------------------------

  function privateCheck(vpc) {
    const within = PRIVATE.map(block).find((range) => inside(vpc, range));
    if (within) return { ok: true, text: `예 — ${within.text} 안입니다.` };
    const wider = PRIVATE.filter((range) => inside(block(range), vpc));
    if (wider.length) return { ok: false, text: `일부만 — ${josa(wider.join(", "), "을", "를")} 품은 더 넓은 범위라 공인 주소가 섞여 있습니다.` };
    return { ok: false, text: `아니요 — 세 사설 범위(${PRIVATE.join(", ")}) 밖입니다. AWS는 VPC CIDR로 사설 범위를 권장합니다.` };
  }

  function vpcCheck(vpc) {
    if (vpc.prefix < AWS.min || vpc.prefix > AWS.max) {
      const limit = vpc.prefix < AWS.min ? "CIDR 블록 하나는 /16보다 클 수 없습니다." : "CIDR 블록 하나는 /28보다 작을 수 없습니다.";
      return { ok: false, text: `불가 — ${outsideAws(vpc.prefix)} ${limit}` };
    }
    if (inside(vpc, block(LINK_LOCAL))) {
      return { ok: false, text: `불가 — 링크 로컬 범위(${LINK_LOCAL})는 VPC에 쓸 수 없습니다.` };
    }
    return insideAws(vpc.prefix);
  }

  function subnetCheck(prefix) {
    if (prefix < AWS.min || prefix > AWS.max) {
      return { ok: false, text: `불가 — /${prefix} 서브넷은 AWS가 허용하는 크기(/16~/28) 밖입니다.` };
    }
    return insideAws(prefix);
  }

  // The fields at fault, each { error, fix? }, or null.
  function fieldErrors(vpc, prefix) {
    if (vpc.error) return { cidr: vpc };
    if (vpc.prefix > SIZES.max) {
      const small = `${josa("/" + vpc.prefix, "은", "는")} 가장 작은 서브넷(/${SIZES.max})보다 작아 나눌 수 없습니다.`;
      return { cidr: { error: `${small} ${AWS_SIZES}` } };
    }
    if (prefix < vpc.prefix) {
      const larger = `서브넷(/${prefix})이 VPC(/${vpc.prefix})보다 큽니다.`;
      return { prefix: { error: `${larger} /${vpc.prefix} 이상(같거나 더 작은 서브넷)을 고르십시오.` } };
    }
    return null;
  }

  function subnet(first, prefix) {
    const last = first + size(prefix) - 1;
    return {
      cidr: `${text(first)}/${prefix}`,
      range: `${text(first)}\u00a0– ${text(last)}`, // a narrow column breaks after the dash, never before it
      reserved: RESERVED.map((offset) => text(offset < 0 ? last : first + offset)),
      usable: number(size(prefix) - RESERVED.length),
    };
  }

  // What the calculator says for the typed VPC CIDR block and the chosen subnet prefix: the fields
  // at fault ({ errors: { cidr?, prefix? } }) or the results; `said` is what the live region speaks.
  function calculate(cidr, prefix) {
    const vpc = parseCidr(cidr);
    const errors = fieldErrors(vpc, prefix);
    if (errors) return { errors, said: "입력을 확인하십시오: " + (errors.cidr || errors.prefix).error };

    const count = 2 ** (prefix - vpc.prefix); // arithmetic: never a loop over all subnets
    const each = size(prefix);
    const rows = [];
    for (let i = 0; i < Math.min(count, ROWS); i++) rows.push(subnet(vpc.base + i * each, prefix));
    const usable = rows[0].usable;
    const summary = `${text(vpc.base)}/${vpc.prefix} → /${prefix} 서브넷 ${number(count)}개, ` +
      `서브넷마다 사용 가능한 주소 ${usable}개`;
    const last = subnet(vpc.base + (count - 1) * each, prefix);
    const checks = [
      { label: "RFC 1918 사설 범위", ...privateCheck(vpc) },
      { label: "AWS VPC CIDR", ...vpcCheck(vpc) },
      { label: "AWS 서브넷 크기", ...subnetCheck(prefix) },
    ];
    // What AWS refuses is said before the arithmetic (the private-range check only advises).
    const refused = checks.slice(1).filter((check) => !check.ok).map((check) => `${check.label}: ${check.text}`);
    return {
      summary,
      said: [...refused, summary].join(" "),
      facts: [
        ["서브넷 수", `${number(count)}개 = 2^(${prefix} − ${vpc.prefix})`],
        ["서브넷당 주소", `${number(each)}개 = 예약 5개 + 사용 가능 ${usable}개`],
        ["VPC 전체 주소", `${number(size(vpc.prefix))}개 = 2^(32 − ${vpc.prefix})`],
      ],
      checks,
      legend: LEGEND,
      caption: count > ROWS ? `처음 ${ROWS}개 서브넷 (전체 ${number(count)}개)` : `서브넷 ${number(count)}개 전체`,
      rows,
      more: count > ROWS ? `… 외 ${number(count - ROWS)}개 (마지막 서브넷: ${last.cidr})` : null,
    };
  }

  // The subnet sizes offered: [{ value: "24", label: "/24 — 주소 256개" }, …].
  function sizeOptions() {
    const options = [];
    for (let p = SIZES.min; p <= SIZES.max; p++) {
      options.push({ value: String(p), label: `/${p} — 주소 ${number(size(p))}개` });
    }
    return options;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { ROWS, parseCidr, calculate, sizeOptions };
  }
  if (typeof document !== "object") return;

  // --- DOM part ----------------------------------------------------------------------------

  function el(tag, className, ...content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...content);
    return node;
  }

  function render(answer) {
    const facts = el("dl", "subnet-calc__facts");
    for (const [term, value] of answer.facts) facts.append(el("dt", null, term), el("dd", null, value));
    const checks = el("ul", "subnet-calc__checks");
    for (const check of answer.checks) {
      const mark = check.ok ? "subnet-calc__ok" : "subnet-calc__no";
      checks.append(el("li", mark, el("strong", null, check.label + ": "), check.text));
    }
    // A class: Material leaves the table unwrapped (subnet-calculator.css gives it the look of the others).
    const table = el("table", "subnet-calc__table", el("caption", null, answer.caption));
    const head = table.createTHead().insertRow();
    for (const title of COLUMNS) {
      const th = el("th", null, title);
      th.scope = "col";
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of answer.rows) {
      const reserved = row.reserved.map((address) => el("li", null, address));
      body.insertRow().append(
        el("td", null, row.cidr),
        el("td", null, row.range),
        el("td", null, el("ul", "subnet-calc__reserved", ...reserved)),
        el("td", null, row.usable),
      );
    }
    const scroll = el("div", "subnet-calc__scroll", table);
    scroll.dataset.scrollLabel = "서브넷 목록 (옆으로 스크롤)"; // its name where it scrolls (overrides/main.html)
    const out = [
      el("p", "subnet-calc__summary", answer.summary),
      facts,
      checks,
      el("p", "subnet-calc__legend", answer.legend),
      scroll,
    ];
    if (answer.more) out.push(el("p", "subnet-calc__more", answer.more));
    return out;
  }

  function showError(calc, field, problem) {
    field.error.replaceChildren();
    if (!problem) {
      field.input.removeAttribute("aria-invalid");
      return;
    }
    field.input.setAttribute("aria-invalid", "true");
    field.error.append(problem.error);
    if (problem.fix) {
      const button = el("button", "md-button", `${problem.fix} 사용`);
      button.type = "button";
      button.addEventListener("click", () => {
        calc.cidr.input.value = problem.fix;
        update(calc);
        calc.cidr.input.focus();
      });
      field.error.append(" ", button);
    }
  }

  function kept() {
    try {
      const { cidr, prefix } = JSON.parse(sessionStorage.getItem(KEPT)) || {};
      return typeof cidr === "string" && typeof prefix === "string" ? { cidr, prefix } : null;
    } catch {
      return null;
    }
  }

  function update(calc, typing) {
    // `change` follows `input` when a field loses focus: same values, nothing to redraw (and the
    // button the reader is moving to must stay in place).
    const key = calc.cidr.input.value + "|" + calc.prefix.input.value;
    if (key === calc.shown) return;
    calc.shown = key;
    try {
      sessionStorage.setItem(KEPT, JSON.stringify({ cidr: calc.cidr.input.value, prefix: calc.prefix.input.value }));
    } catch { // storage off or full: the form works; an older input must not come back on reload
      try { sessionStorage.removeItem(KEPT); } catch { /* storage off */ }
    }
    const answer = calculate(calc.cidr.input.value, parseInt(calc.prefix.input.value, 10));
    showError(calc, calc.cidr, answer.errors?.cidr);
    showError(calc, calc.prefix, answer.errors?.prefix);
    const results = answer.errors ? [el("p", "subnet-calc__empty", WAITING)] : render(answer);
    calc.results.replaceChildren(...results);
    if (window.scrollableBoxes) scrollableBoxes(); // wider than a 320 px phone: a named box the keyboard reaches
    // The live region speaks once the reader pauses typing, not at every keystroke.
    clearTimeout(calc.pending);
    const speak = () => { calc.status.textContent = answer.said; };
    if (typing) calc.pending = setTimeout(speak, PAUSE);
    else speak();
  }

  function setUp(form) {
    if (form.hasAttribute("data-ready")) return;
    const field = (name) => ({
      input: form.elements[name],
      error: form.querySelector(`[data-error-for='${name}']`),
    });
    const calc = {
      cidr: field("cidr"),
      prefix: field("subnet-prefix"),
      status: form.querySelector("[role=status]"),
      results: form.querySelector("[data-results]"),
    };
    const select = calc.prefix.input;
    const chosen = select.dataset.default || "24";
    for (const { value, label } of sizeOptions()) {
      select.add(new Option(label, value, false, value === chosen));
    }
    const last = kept();
    if (last) {
      calc.cidr.input.value = last.cidr;
      if ([...select.options].some((option) => option.value === last.prefix)) select.value = last.prefix;
    }
    form.addEventListener("input", (event) => update(calc, event.target === calc.cidr.input));
    form.addEventListener("change", () => update(calc));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      update(calc);
    });
    update(calc); // before the form shows: if this throws, the worked example stays
    form.hidden = false;
    form.setAttribute("data-ready", "true");
    document.getElementById(form.dataset.example || "")?.setAttribute("data-replaced", "true");
  }

  function start() {
    for (const form of document.querySelectorAll("form[data-subnet-calculator]")) {
      try {
        setUp(form);
      } catch (error) { // not our markup: the form stays hidden, the worked example stays
        console.warn("서브넷 계산기:", error);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
