/*
 * 서브넷 계산기 (networking/subnet-design.md, section "서브넷 계산기"): splits an IPv4 VPC CIDR
 * block into subnets of one size and shows, in Korean, how many there are, the first few with
 * the 5 addresses AWS reserves in every subnet (network, +1 VPC router, +2 Amazon DNS,
 * +3 future use, last = broadcast) and the usable count, whether the range is RFC 1918 private
 * and whether AWS accepts the sizes (/16 to /28). Sources: the page's 보충 box.
 *
 * Hand-written, no dependency: the whole job is 32-bit integer arithmetic, which a library would
 * not shorten; no build step, no CDN, works offline.
 * The subnet count is computed (2^(subnet − VPC prefix)); only the first ROWS subnets are
 * rendered, so a /28 split of a /8 (1,048,576 subnets) costs the same as a /24 split of a /16.
 *
 * Loading, and Material's instant navigation: hooks/calculator.py adds this file, as a
 * <script defer>, only to pages that contain a <form data-subnet-calculator>, and puts it inside
 * Material's [data-md-component=container]. After an instant navigation Material re-creates every
 * script in that container, so this file runs again against the new page's form; on a full load
 * it runs once the document is parsed. Other pages load nothing. (The alternative,
 * `extra_javascript` with `document$.subscribe(...)`, would put this file on every page of the
 * site for the sake of one.) Running twice on one form is harmless: a form is set up once.
 *
 * Progressive enhancement: the form starts `hidden` and the worked example table beside it is
 * visible; this script shows the form and marks the example as replaced (hidden on screen only,
 * print CSS prints the example and not the form). Bad input never throws: each field gets a Korean
 * message next to it (aria-invalid + aria-describedby), the results give way to a one-line
 * placeholder, and a visually hidden live region (role=status) tells screen reader users what
 * happened, once they pause typing.
 */
(function () {
  "use strict";

  var ROWS = 8; // subnets listed in the table
  var SUBNET_PREFIXES = { min: 8, max: 28 }; // choices in the select (AWS accepts /16–/28)
  var AWS = { min: 16, max: 28 }; // IPv4 VPC and subnet CIDR sizes AWS accepts
  var PRIVATE = [ // RFC 1918
    { base: ip(10, 0, 0, 0), prefix: 8, text: "10.0.0.0/8" },
    { base: ip(172, 16, 0, 0), prefix: 12, text: "172.16.0.0/12" },
    { base: ip(192, 168, 0, 0), prefix: 16, text: "192.168.0.0/16" }
  ];
  var LINK_LOCAL = { base: ip(169, 254, 0, 0), prefix: 16, text: "169.254.0.0/16" };
  var RESERVED = [ // offset from the subnet's first address (−1: its last address)
    { offset: 0, role: "네트워크 주소" },
    { offset: 1, role: "VPC 라우터" },
    { offset: 2, role: "Amazon 제공 DNS" },
    { offset: 3, role: "향후 사용" },
    { offset: -1, role: "브로드캐스트" }
  ];
  var ORDINAL = ["첫째", "둘째", "셋째", "넷째"];

  // --- IPv4 arithmetic (unsigned 32-bit numbers) -------------------------------------------

  function ip(a, b, c, d) {
    return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  }

  function mask(prefix) {
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  }

  function size(prefix) {
    return Math.pow(2, 32 - prefix);
  }

  function text(address) {
    return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join(".");
  }

  function inside(base, prefix, block) { // is base/prefix within block?
    return prefix >= block.prefix && ((base & mask(block.prefix)) >>> 0) === block.base;
  }

  function number(n) {
    return n.toLocaleString("ko-KR");
  }

  // The particle after a number or an address, read the Korean way (…0 영/십, 1 일, 3 삼, 6 육,
  // 7 칠, 8 팔 end in a consonant): "/16은", "/24는", "10.0.0.5는".
  function josa(word, withFinal, withoutFinal) {
    var last = String(word).slice(-1);
    return word + ("013678".indexOf(last) >= 0 ? withFinal : withoutFinal);
  }

  // --- Parsing: a value, or an error in Korean ----------------------------------------------

  var IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,3})$/;
  var IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

  function parseCidr(raw) {
    // Full-width digits, dots and slashes typed with a Korean IME become ASCII; spaces go.
    var value = String(raw || "").normalize("NFKC").replace(/\s+/g, "");
    var example = " 예: 10.0.0.0/16";
    if (!value) return { error: "VPC CIDR 블록을 입력하세요." + example };
    if (value.indexOf(":") >= 0) {
      return { error: "IPv6 주소는 이 계산기에서 다루지 않습니다. IPv4 CIDR 블록을 입력하세요." + example };
    }
    if (IPV4.test(value)) {
      return { error: "접두사 길이가 없습니다. 주소 뒤에 /16처럼 /와 숫자를 붙이세요." + example };
    }
    var m = IPV4_CIDR.exec(value);
    if (!m) {
      return { error: "IPv4 CIDR 형식이 아닙니다. 점으로 나눈 숫자 네 개와 /접두사 길이로 입력하세요." + example };
    }
    var octets = [+m[1], +m[2], +m[3], +m[4]];
    for (var i = 0; i < 4; i++) {
      if (octets[i] > 255) {
        return { error: ORDINAL[i] + " 자리 " + octets[i] + ": IPv4 주소의 각 자리는 0~255입니다." };
      }
    }
    var prefix = +m[5];
    if (prefix > 32) {
      return { error: "/" + prefix + ": IPv4 접두사 길이는 0~32입니다 (AWS VPC는 /16~/28)." };
    }
    var address = ip(octets[0], octets[1], octets[2], octets[3]);
    var base = (address & mask(prefix)) >>> 0;
    if (base !== address) {
      var network = text(base) + "/" + prefix;
      return {
        error: josa(text(address), "은", "는") + " /" + prefix + " 블록의 시작 주소가 아닙니다. 네트워크 주소는 " +
          network + "입니다.",
        fix: network
      };
    }
    return { base: base, prefix: prefix };
  }

  // --- What the reader sees ----------------------------------------------------------------

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = content;
    return node;
  }

  function privateCheck(vpc) {
    for (var i = 0; i < PRIVATE.length; i++) {
      if (inside(vpc.base, vpc.prefix, PRIVATE[i])) {
        return { ok: true, text: "예 — " + PRIVATE[i].text + " 안입니다." };
      }
    }
    for (var j = 0; j < PRIVATE.length; j++) {
      if (inside(PRIVATE[j].base, PRIVATE[j].prefix, vpc)) {
        return { ok: false, text: "일부만 — " + PRIVATE[j].text + "보다 넓어 공인 주소가 섞여 있습니다." };
      }
    }
    return { ok: false, text: "아니요 — 세 사설 범위(10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) 밖입니다. " +
      "AWS는 VPC CIDR로 사설 범위를 권장합니다." };
  }

  function vpcCheck(vpc) {
    if (vpc.prefix < AWS.min || vpc.prefix > AWS.max) {
      return { ok: false, text: "불가 — " + josa("/" + vpc.prefix, "은", "는") + " AWS가 허용하는 IPv4 VPC 크기(/16~/28) 밖입니다." +
        (vpc.prefix < AWS.min ? " 가장 큰 VPC는 /16입니다." : " 가장 작은 VPC는 /28입니다.") };
    }
    if (inside(vpc.base, vpc.prefix, LINK_LOCAL)) {
      return { ok: false, text: "불가 — 링크 로컬 범위(" + LINK_LOCAL.text + ")는 VPC에 쓸 수 없습니다." };
    }
    return { ok: true, text: "가능 — " + josa("/" + vpc.prefix, "은", "는") + " 허용 크기(/16~/28) 안입니다." };
  }

  function subnetCheck(prefix) {
    if (prefix < AWS.min || prefix > AWS.max) {
      return { ok: false, text: "불가 — /" + prefix + " 서브넷은 AWS가 허용하는 크기(/16~/28) 밖입니다." };
    }
    return { ok: true, text: "가능 — " + josa("/" + prefix, "은", "는") + " 허용 크기(/16~/28) 안입니다." };
  }

  // The results for a valid VPC and subnet size; returns the one-line summary.
  function render(calc, vpc, prefix) {
    var count = Math.pow(2, prefix - vpc.prefix); // arithmetic: never a loop over all subnets
    var each = size(prefix);
    var usable = Math.max(each - RESERVED.length, 0);
    var vpcText = text(vpc.base) + "/" + vpc.prefix;
    var summary = vpcText + " → /" + prefix + " 서브넷 " + number(count) + "개, 서브넷마다 사용 가능한 주소 " +
      number(usable) + "개";
    var out = document.createDocumentFragment();

    out.appendChild(el("p", "subnet-calc__summary", summary));

    var facts = el("dl", "subnet-calc__facts");
    [
      ["서브넷 수", number(count) + "개 = 2^(" + prefix + " − " + vpc.prefix + ")"],
      ["서브넷당 주소", number(each) + "개 = 예약 5개 + 사용 가능 " + number(usable) + "개"],
      ["VPC 전체 주소", number(size(vpc.prefix)) + "개 = 2^(32 − " + vpc.prefix + ")"]
    ].forEach(function (row) {
      facts.appendChild(el("dt", null, row[0]));
      facts.appendChild(el("dd", null, row[1]));
    });
    out.appendChild(facts);

    var checks = el("ul", "subnet-calc__checks");
    [
      ["RFC 1918 사설 범위", privateCheck(vpc)],
      ["AWS VPC CIDR", vpcCheck(vpc)],
      ["AWS 서브넷 크기", subnetCheck(prefix)]
    ].forEach(function (row) {
      var item = el("li", row[1].ok ? "subnet-calc__ok" : "subnet-calc__no");
      item.appendChild(el("strong", null, row[0] + ": "));
      item.appendChild(document.createTextNode(row[1].text));
      checks.appendChild(item);
    });
    out.appendChild(checks);

    out.appendChild(el("p", "subnet-calc__legend",
      "예약된 5개 주소(서브넷마다, 순서대로): " + RESERVED.map(function (r) {
        return (r.offset === 0 ? "" : r.offset < 0 ? "마지막 " : "+" + r.offset + " ") + r.role;
      }).join(" · ")));

    var shown = Math.min(count, ROWS);
    var table = el("table", "subnet-calc__table"); // a class: Material leaves it unwrapped
    table.appendChild(el("caption", null, count > shown
      ? "처음 " + shown + "개 서브넷 (전체 " + number(count) + "개)"
      : "서브넷 " + number(count) + "개 전체"));
    var head = table.createTHead().insertRow();
    ["서브넷", "주소 범위", "예약된 5개 주소", "사용 가능"].forEach(function (title) {
      var th = el("th", null, title);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    for (var i = 0; i < shown; i++) {
      var first = vpc.base + i * each;
      var last = first + each - 1;
      var row = body.insertRow();
      row.appendChild(el("td", "subnet-calc__cidr", text(first) + "/" + prefix));
      row.appendChild(el("td", null, text(first) + " – " + text(last)));
      var list = el("ul", "subnet-calc__reserved");
      RESERVED.forEach(function (r) {
        list.appendChild(el("li", null, text(r.offset < 0 ? last : first + r.offset)));
      });
      row.insertCell().appendChild(list);
      row.appendChild(el("td", "subnet-calc__usable", number(usable)));
    }
    var scroll = el("div", "subnet-calc__scroll");
    scroll.appendChild(table);
    out.appendChild(scroll);
    if (count > shown) {
      out.appendChild(el("p", "subnet-calc__more",
        "… 외 " + number(count - shown) + "개 더 (마지막 서브넷: " + text(vpc.base + (count - 1) * each) + "/" +
        prefix + ")"));
    }

    calc.results.replaceChildren(out);
    return summary;
  }

  // --- Wiring ------------------------------------------------------------------------------

  function setError(field, message, fix, calc) {
    var box = field.error;
    box.replaceChildren();
    field.input.removeAttribute("aria-invalid");
    if (!message) return;
    field.input.setAttribute("aria-invalid", "true");
    box.appendChild(document.createTextNode(message));
    if (fix) {
      var button = el("button", "md-button subnet-calc__fix", fix + " 사용");
      button.type = "button";
      button.addEventListener("click", function () {
        calc.cidr.input.value = fix;
        update(calc);
        calc.cidr.input.focus();
      });
      box.appendChild(document.createTextNode(" "));
      box.appendChild(button);
    }
  }

  function update(calc, typing) {
    // `change` follows `input` when a field loses focus: same values, nothing to redraw (and the
    // button the reader is moving to must stay in place).
    var key = calc.cidr.input.value + "|" + calc.prefix.input.value;
    if (key === calc.shown) return;
    calc.shown = key;
    var vpc = parseCidr(calc.cidr.input.value);
    var prefix = parseInt(calc.prefix.input.value, 10);
    setError(calc.cidr, vpc.error, vpc.fix, calc);
    var subnetError = null;
    if (!vpc.error && prefix < vpc.prefix) {
      subnetError = "서브넷(/" + prefix + ")이 VPC(/" + vpc.prefix + ")보다 큽니다. /" + vpc.prefix +
        " 이상(같거나 더 작은 서브넷)을 고르세요.";
    }
    setError(calc.prefix, subnetError, null, calc);
    var error = vpc.error || subnetError;
    var said;
    if (error) {
      calc.results.replaceChildren(el("p", "subnet-calc__empty", "입력을 고치면 결과가 여기에 나옵니다."));
      said = "입력을 확인하세요: " + error;
    } else {
      said = render(calc, vpc, prefix);
    }
    // The live region speaks once the reader pauses typing, not at every keystroke.
    clearTimeout(calc.pending);
    if (typing) {
      calc.pending = setTimeout(function () { calc.status.textContent = said; }, 600);
    } else {
      calc.status.textContent = said;
    }
  }

  function field(form, name) {
    var input = form.elements[name];
    var error = form.querySelector("[data-error-for='" + name + "']");
    if (!input || !error) return null;
    return { input: input, error: error };
  }

  function setUp(form) {
    if (form.getAttribute("data-ready") === "true") return;
    var calc = {
      cidr: field(form, "cidr"),
      prefix: field(form, "subnet-prefix"),
      status: form.querySelector("[role=status]"),
      results: form.querySelector("[data-results]")
    };
    if (!calc.cidr || !calc.prefix || !calc.status || !calc.results) return; // not our markup
    var select = calc.prefix.input;
    if (select.tagName === "SELECT" && select.options.length === 0) {
      var chosen = select.getAttribute("data-default") || "24";
      for (var p = SUBNET_PREFIXES.min; p <= SUBNET_PREFIXES.max; p++) {
        var option = new Option("/" + p + " — 주소 " + number(size(p)) + "개", String(p));
        option.selected = String(p) === chosen;
        select.add(option);
      }
    }
    form.addEventListener("input", function (event) { update(calc, event.target === calc.cidr.input); });
    form.addEventListener("change", function () { update(calc); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(calc); });
    form.hidden = false;
    form.setAttribute("data-ready", "true");
    var example = document.getElementById(form.getAttribute("data-example") || "");
    if (example) example.setAttribute("data-replaced", "true");
    update(calc);
  }

  function start() {
    var forms = document.querySelectorAll("form[data-subnet-calculator]");
    for (var i = 0; i < forms.length; i++) {
      try {
        setUp(forms[i]);
      } catch (error) { // never break the rest of the page: leave the worked example in place
        forms[i].hidden = true;
        if (window.console) console.warn("서브넷 계산기:", error);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
