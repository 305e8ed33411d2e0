"""The subnet calculator on the subnet design page, as a reader uses it in Chromium.

The answers are checked against Python's ``ipaddress`` (another implementation of the same
arithmetic) and against the figures a learner knows by heart (256 /24s in a /16, 251 usable …);
bad input gets a Korean message next to its field and never breaks the page; the calculator works
after Material's instant navigation, without JavaScript (worked example), on paper, with the
keyboard, and passes axe-core in both colour schemes.
"""
from __future__ import annotations

import re
from ipaddress import IPv4Network, ip_network
from itertools import islice

import pytest

from sitekit.browser import Tab
from sitekit.reader import Reader

pytestmark = pytest.mark.browser

PAGE = "networking/subnet-design/"
SCRIPT = "javascripts/subnet-calculator.js"
FORM = "form[data-subnet-calculator]"
CIDR = f"{FORM} input[name=cidr]"
PREFIX = f"{FORM} select[name=subnet-prefix]"
EXAMPLE = "#calculator-example"
ROWS = 8  # subnets the calculator lists
HANGUL = re.compile(r"[가-힣]")
RFC_1918 = [ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]
LINK_LOCAL = ip_network("169.254.0.0/16")

# What the reader sees: the summary, the checks, the table (read from the page, not the script).
READ_RESULTS = """(form) => {
  const q = (s) => form.querySelector(s);
  const text = (el) => el ? el.textContent.replace(/\\s+/g, " ").trim() : null;
  const table = q("[data-results] table");
  return {
    summary: text(q("[data-results] .subnet-calc__summary")),
    checks: [...form.querySelectorAll("[data-results] li:not(table li)")].map(text),
    caption: table && text(table.caption),
    rows: table ? [...table.tBodies[0].rows].map((tr) => ({
      cidr: text(tr.cells[0]), range: text(tr.cells[1]),
      reserved: [...tr.cells[2].querySelectorAll("li")].map(text), usable: text(tr.cells[3]),
    })) : [],
    more: text(q("[data-results] .subnet-calc__more")),
    status: text(q("[role=status]")),
  };
}"""


def open_calculator(page, base_url):
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{FORM}[data-ready]")


@pytest.fixture(scope="module")
def calculator(browser, base_url):
    """One reader's tab on the calculator, for the many questions asked of it (loads are slow)."""
    tab = Tab(browser, base_url)
    open_calculator(tab.page, base_url)
    yield tab
    tab.close()


@pytest.fixture
def calc(calculator):
    """The shared calculator page; a test using it must leave no uncaught error or console error."""
    yield calculator.page
    assert not calculator.errors, calculator.errors


def calculate(page, cidr: str, prefix: int = 24) -> dict:
    """Choose a subnet size and type a VPC CIDR block as a reader does; what the page shows."""
    page.select_option(PREFIX, str(prefix))
    page.fill(CIDR, cidr)
    return page.locator(FORM).evaluate(READ_RESULTS)


def expected_rows(cidr: str, prefix: int) -> list[dict]:
    """The first subnets by Python's ipaddress, with the 5 addresses AWS reserves in each."""
    rows = []
    for subnet in islice(ip_network(cidr).subnets(new_prefix=prefix), ROWS):
        first, last = subnet.network_address, subnet.broadcast_address
        rows.append({
            "cidr": str(subnet),
            "range": f"{first} – {last}",
            "reserved": [str(first), str(first + 1), str(first + 2), str(first + 3), str(last)],
            "usable": f"{subnet.num_addresses - 5:,}",
        })
    return rows


def check(results: dict, label: str) -> str:
    found = [c for c in results["checks"] if c.startswith(label)]
    assert len(found) == 1, f"no single 「{label}」 line in {results['checks']}"
    return found[0]


# --- answers ----------------------------------------------------------------------------------

# cidr, subnet prefix, subnets, usable per subnet, RFC 1918, AWS accepts the VPC, AWS accepts the subnet size
CASES = [
    ("10.0.0.0/16", 24, 256, 251, True, True, True),
    ("10.0.0.0/16", 28, 4096, 11, True, True, True),
    ("10.0.0.0/16", 16, 1, 65531, True, True, True),
    ("10.0.0.0/20", 24, 16, 251, True, True, True),
    ("172.16.0.0/12", 16, 16, 65531, True, False, True),
    ("172.31.0.0/16", 20, 16, 4091, True, True, True),
    ("172.32.0.0/16", 24, 256, 251, False, True, True),  # just past 172.16/12
    ("192.168.0.0/16", 24, 256, 251, True, True, True),
    ("8.8.8.0/24", 28, 16, 11, False, True, True),
    ("10.0.0.0/8", 24, 65536, 251, True, False, True),
    ("169.254.0.0/16", 24, 256, 251, False, False, True),  # link-local: never a VPC
    ("10.0.0.0/8", 8, 1, 16777211, True, False, False),
]


@pytest.mark.parametrize("cidr,prefix,count,usable,private,vpc_ok,subnet_ok", CASES,
                         ids=[f"{c[0]}→/{c[1]}" for c in CASES])
def test_a_split_gives_the_right_answers(calc, cidr, prefix, count, usable, private, vpc_ok, subnet_ok):
    network = ip_network(cidr)
    # The table above was written by hand; ipaddress agrees with it.
    assert 2 ** (prefix - network.prefixlen) == count and 2 ** (32 - prefix) - 5 == usable
    assert any(network.subnet_of(r) for r in RFC_1918) == private
    assert (16 <= network.prefixlen <= 28 and not network.subnet_of(LINK_LOCAL)) == vpc_ok

    results = calculate(calc, cidr, prefix)

    assert results["summary"] == f"{cidr} → /{prefix} 서브넷 {count:,}개, 서브넷마다 사용 가능한 주소 {usable:,}개"
    assert results["rows"] == expected_rows(cidr, prefix)
    if count > ROWS:
        assert results["caption"] == f"처음 {ROWS}개 서브넷 (전체 {count:,}개)"
        last = IPv4Network((int(network.network_address) + (count - 1) * 2 ** (32 - prefix), prefix))
        assert results["more"] == f"… 외 {count - ROWS:,}개 더 (마지막 서브넷: {last})"
    else:
        assert results["caption"] == f"서브넷 {count:,}개 전체" and results["more"] is None
    assert check(results, "RFC 1918 사설 범위:").startswith("RFC 1918 사설 범위: " + ("예" if private else "아니요"))
    assert check(results, "AWS VPC CIDR:").startswith("AWS VPC CIDR: " + ("가능" if vpc_ok else "불가"))
    assert check(results, "AWS 서브넷 크기:").startswith("AWS 서브넷 크기: " + ("가능" if subnet_ok else "불가"))


def test_a_range_wider_than_a_private_block_is_called_partly_private(calc):
    wide = ip_network("10.0.0.0/7")  # 10.0.0.0/8 and the public 11.0.0.0/8
    assert not any(wide.subnet_of(r) for r in RFC_1918) and RFC_1918[0].subnet_of(wide)
    results = calculate(calc, str(wide), 16)
    assert check(results, "RFC 1918 사설 범위:").startswith("RFC 1918 사설 범위: 일부만 — 10.0.0.0/8보다 넓어")


def test_the_first_24_of_a_16_shows_its_reserved_addresses(calc):
    """The page's own example, spelled out: what the notes teach about 10.0.0.0/24."""
    results = calculate(calc, "10.0.0.0/16", 24)
    first = results["rows"][0]
    assert first == {"cidr": "10.0.0.0/24", "range": "10.0.0.0 – 10.0.0.255",
                     "reserved": ["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255"], "usable": "251"}
    legend = calc.locator(f"{FORM} .subnet-calc__legend").inner_text()
    for role in ("네트워크 주소", "+1 VPC 라우터", "+2 Amazon 제공 DNS", "+3 향후 사용", "마지막 브로드캐스트"):
        assert role in legend


def test_the_default_is_the_recommended_design(tab, base_url):
    page = tab.page
    open_calculator(page, base_url)
    assert page.input_value(CIDR) == "10.0.0.0/16" and page.input_value(PREFIX) == "24"
    results = page.locator(FORM).evaluate(READ_RESULTS)
    assert results["summary"] == "10.0.0.0/16 → /24 서브넷 256개, 서브넷마다 사용 가능한 주소 251개"
    assert results["status"] == results["summary"]  # the live region says it too
    offered = page.eval_on_selector_all(f"{PREFIX} option", "options => options.map(o => +o.value)")
    assert set(range(16, 29)) <= set(offered)  # every size AWS accepts


@pytest.mark.parametrize("cidr,prefix", [("10.0.0.0/16", 28), ("10.0.0.0/8", 28), ("0.0.0.0/0", 28)])
def test_a_huge_split_is_counted_not_listed(calc, cidr, prefix):
    """A /28 split of a /8 is 1,048,576 subnets: counted, and only the first rows are drawn."""
    page = calc
    page.select_option(PREFIX, str(prefix))
    elapsed = page.evaluate("""(value) => {
      const input = document.querySelector("form[data-subnet-calculator] input[name=cidr]");
      input.value = value;
      const start = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      return performance.now() - start;
    }""", cidr)
    results = page.locator(FORM).evaluate(READ_RESULTS)
    count = 2 ** (prefix - ip_network(cidr).prefixlen)
    assert f"서브넷 {count:,}개" in results["summary"]
    assert len(results["rows"]) == ROWS
    assert page.locator(f"{FORM} tr").count() == ROWS + 1  # and nothing hidden beyond them
    assert elapsed < 200, f"{cidr} → /{prefix} took {elapsed:.0f} ms"


# --- bad input --------------------------------------------------------------------------------

# what the reader types, the field the message belongs to, words the message must have
BAD = [
    ("300.1.1.1/16", None, "cidr", ["300", "0~255"]),
    ("10.0.0.0/33", None, "cidr", ["/33", "0~32"]),
    ("서브넷 주소 알려줘", None, "cidr", ["IPv4 CIDR 형식이 아닙니다"]),
    ("", None, "cidr", ["입력하세요"]),
    ("2001:db8::/56", None, "cidr", ["IPv6", "다루지 않습니다"]),
    ("10.0.0.0", None, "cidr", ["접두사 길이가 없습니다"]),
    ("10.0.0.5/16", None, "cidr", ["10.0.0.5는", "10.0.0.0/16"]),
    ("10.0.0.0/16", 8, "subnet-prefix", ["/8", "/16", "큽니다"]),
]

# The field, and the elements its aria-describedby names (hint, message), where they are drawn.
FIELD_STATE = """(field) => {
  const box = field.getBoundingClientRect();
  const ids = (field.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
  return {
    invalid: field.getAttribute("aria-invalid"),
    described: ids.map((id) => document.getElementById(id)).filter(Boolean).map((el) => {
      const at = el.getBoundingClientRect();
      return { text: el.textContent.trim(), visible: el.getClientRects().length > 0,
               below: Math.round(at.top - box.bottom), left: Math.round(at.left - box.left) };
    }),
  };
}"""


def message_of(state: dict, word: str) -> dict | None:
    """The element that describes the field and says ``word``."""
    return next((d for d in state["described"] if word in d["text"]), None)


@pytest.mark.parametrize("typed,prefix,name,words", BAD, ids=[b[0] or "empty" for b in BAD])
def test_bad_input_gets_a_korean_message_next_to_its_field(calc, typed, prefix, name, words):
    page = calc
    calculate(page, typed, prefix or 24)
    field = page.locator(f"{FORM} [name={name}]")
    state = field.evaluate(FIELD_STATE)
    assert state["invalid"] == "true"
    message = message_of(state, words[0])  # aria-describedby: read out with the field
    assert message, f"no description of the field says {words[0]!r}: {state['described']}"
    assert HANGUL.search(message["text"]) and all(w in message["text"] for w in words), message
    assert message["visible"] and 0 <= message["below"] <= 40 and message["left"] == 0, (
        f"the message is not right under its field: {message}")
    results = page.locator(FORM).evaluate(READ_RESULTS)
    assert results["rows"] == [] and results["summary"] is None  # no stale answer
    page.wait_for_function("() => document.querySelector('form[data-subnet-calculator] [role=status]')"
                           ".textContent.startsWith('입력을 확인하세요')")

    # a good input brings the calculator back
    results = calculate(page, "10.0.0.0/16", 24)
    assert results["rows"] == expected_rows("10.0.0.0/16", 24)
    assert field.get_attribute("aria-invalid") is None
    assert page.locator(f"{FORM} [data-error-for={name}]").inner_text() == ""


def test_after_bad_input_the_rest_of_the_page_still_works(tab, base_url):
    page = tab.page
    open_calculator(page, base_url)
    for typed, prefix, _, _ in BAD:
        calculate(page, typed, prefix or 24)
    assert not tab.errors
    page.locator(".md-search__input").click()  # the site's search answers
    page.keyboard.type("subnet")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.get_by_role("link", name="예약된 5개 주소").first.click()  # a link within the page
    page.wait_for_url("**#reserved-addresses")
    assert calculate(page, "10.0.0.0/16", 24)["rows"] == expected_rows("10.0.0.0/16", 24)
    assert not tab.errors


def test_a_misaligned_base_offers_its_network_address(calc):
    page = calc
    calculate(page, "10.0.0.5/16")
    offer = page.get_by_role("button", name="10.0.0.0/16 사용")
    offer.click()
    assert page.input_value(CIDR) == "10.0.0.0/16"
    assert page.locator(CIDR).get_attribute("aria-invalid") is None
    results = page.locator(FORM).evaluate(READ_RESULTS)
    assert results["rows"] == expected_rows("10.0.0.0/16", 24)


def test_full_width_characters_from_a_korean_keyboard_are_understood(calc):
    results = calculate(calc, " １０．０．０．０／２０ ", 24)
    assert results["rows"] == expected_rows("10.0.0.0/20", 24)


# --- instant navigation, no JavaScript, print ---------------------------------------------------

def test_the_calculator_works_after_instant_navigation(browser, base_url):
    reader = Reader(browser, base_url)  # serves a sitemap with this server's origin
    page = reader.page
    heading = "() => document.querySelector('article h1').textContent.replace('¶', '').trim()"

    def go(action, title: str):
        """Navigate, then wait until the new page's content is in (the URL changes first)."""
        def navigate():
            action()
            page.wait_for_function(f"({heading})() === {title!r}")
        return reader.visit(navigate=navigate, scroll=False)

    try:
        start = reader.visit("networking/rfc-1918/", scroll=False)
        assert not any(url == SCRIPT for url, _ in start.responses), "a page without the calculator loaded it"
        page.evaluate("window.sameDocument = true")

        visits = [go(lambda: page.locator('article a[href$="subnet-design/#calculator"]').click(), "서브넷 설계")]
        # Material re-creates the page's scripts in the new content (their requests are not
        # reported to Playwright); the script marks the form it set up, and the form is new.
        page.wait_for_selector(f"{FORM}[data-ready]")
        assert calculate(page, "10.0.0.0/20", 24)["rows"] == expected_rows("10.0.0.0/20", 24)

        # away, and back with the browser's back button: the page's script runs again
        visits.append(go(lambda: page.locator('article a[href$="networking/vpc/"]').first.click(), "Amazon VPC"))
        assert page.locator(FORM).count() == 0
        visits.append(go(page.go_back, "서브넷 설계"))
        page.wait_for_selector(f"{FORM}[data-ready]")
        assert calculate(page, "192.168.0.0/16", 20)["rows"] == expected_rows("192.168.0.0/16", 20)
        assert page.is_hidden(EXAMPLE)

        assert page.evaluate("window.sameDocument === true"), "a click reloaded the page"
        assert [v.path for v in visits] == [PAGE, "networking/vpc/", PAGE]
        errors = [e for v in visits for e in v.errors]
        assert not errors, errors
    finally:
        reader.close()


def test_only_the_calculator_page_loads_the_script(site_dir):
    pages = {path.parent.relative_to(site_dir).as_posix() + "/"
             for path in site_dir.rglob("index.html") if SCRIPT in path.read_text(encoding="utf-8")}
    assert pages == {PAGE}


def test_without_javascript_the_worked_example_shows(new_tab):
    tab = new_tab(javascript=False)
    page = tab.page
    page.goto(tab.base_url + PAGE)
    assert page.is_hidden(FORM)
    assert page.is_visible(f"{EXAMPLE} table")
    rows = page.eval_on_selector_all(f"{EXAMPLE} tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")
    # the example is right: the first subnets of 10.0.0.0/16 in /24s, as ipaddress has them
    expected = expected_rows("10.0.0.0/16", 24)[: len(rows)]
    assert len(rows) >= 3
    assert rows == [[e["cidr"], e["range"], ", ".join(e["reserved"]), e["usable"]] for e in expected]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_paper_the_example_replaces_the_form(new_tab, base_url, scheme):
    page = new_tab(color_scheme=scheme).page
    open_calculator(page, base_url)
    assert page.is_visible(FORM) and page.is_hidden(EXAMPLE)  # on screen: the calculator
    page.emulate_media(media="print")
    assert page.is_hidden(FORM)
    assert page.is_visible(f"{EXAMPLE} table")


# --- accessibility ------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_with_an_error_showing(new_tab, base_url, scheme):
    """The page as it loads is audited in both schemes by the tour (tests/test_reading.py)."""
    tab = new_tab(color_scheme=scheme)
    page = tab.page
    open_calculator(page, base_url)
    calculate(page, "10.0.0.5/16")
    page.locator(CIDR).blur()
    assert page.locator(f"{FORM} [aria-invalid=true]").count() == 1  # the error state is what is audited
    assert tab.axe(scheme) == []


def test_the_fields_are_reachable_and_usable_with_the_keyboard(tab, base_url):
    page = tab.page
    open_calculator(page, base_url)
    cidr = page.get_by_role("textbox", name="VPC CIDR 블록", exact=True)
    size = page.get_by_role("combobox", name="서브넷 크기", exact=True)
    assert cidr.count() == 1 and size.count() == 1  # accessible names from the visible labels
    assert "IPv4만" in cidr.evaluate("el => document.getElementById(el.getAttribute('aria-describedby').split(' ')[0]).textContent")

    # Tab from the last link before the form: the text field, then the size
    page.locator("#calculator ~ .admonition a").last.focus()
    page.keyboard.press("Tab")
    assert cidr.evaluate("el => el === document.activeElement")
    page.keyboard.press("Control+A")
    page.keyboard.type("10.0.0.5/20")
    page.keyboard.press("Tab")  # to the offered network address
    assert page.evaluate("document.activeElement.textContent") == "10.0.0.0/20 사용"
    page.keyboard.press("Enter")
    assert page.input_value(CIDR) == "10.0.0.0/20"
    page.keyboard.press("Tab")
    assert size.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")  # /24 → /25
    assert page.input_value(PREFIX) == "25"
    results = page.locator(FORM).evaluate(READ_RESULTS)
    assert results["rows"] == expected_rows("10.0.0.0/20", 25)
    page.wait_for_function("() => document.querySelector('form[data-subnet-calculator] [role=status]')"
                           ".textContent.includes('서브넷 32개')")
    assert page.locator(f"{FORM} [aria-live=polite]").count() == 1
