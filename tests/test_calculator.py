"""The subnet calculator's wiring, as a reader meets it in Chromium.

Its arithmetic and Korean messages are pure functions, tested by Node (tests/js/subnet-calculator.test.js,
run by tests/test_js.py). Here: the form replaces the worked example on screen, and the example stays
without JavaScript and on paper; typing and choosing a size reach the results (one split checked end to
end against Python's ``ipaddress``); a bad input's message lands under its field, tied to it for screen
readers, and nothing throws; the live region speaks; the keyboard works; axe-core passes in both colour
schemes; the calculator works after Material's instant navigation and keeps the reader's input over Back
and reload. Waits are for conditions; WAIT_MS is
only the limit after which a test fails.
"""
from __future__ import annotations

import re
from ipaddress import ip_network

import pytest
from playwright.sync_api import expect

from sitekit.browser import WAIT_MS, Tab

PAGE = "networking/subnet-design/"
SCRIPT = "javascripts/subnet-calculator.js"
FORM = "form[data-subnet-calculator]"
CIDR = f"{FORM} input[name=cidr]"
PREFIX = f"{FORM} select[name=subnet-prefix]"
STATUS = f"{FORM} [role=status]"
EXAMPLE = "#calculator-example"
ROWS = 8  # subnets the calculator lists
HANGUL = re.compile(r"[가-힣]")


# What the reader sees in the results (read from the page, not from the script).
READ_RESULTS = """(form) => {
  const text = (el) => el ? el.textContent.replace(/\\s+/g, " ").trim() : null;
  const table = form.querySelector("[data-results] table");
  return {
    summary: text(form.querySelector("[data-results] .subnet-calc__summary")),
    caption: table && text(table.caption),
    rows: table ? [...table.tBodies[0].rows].map((tr) => [
      text(tr.cells[0]), text(tr.cells[1]), [...tr.cells[2].querySelectorAll("li")].map(text), text(tr.cells[3]),
    ]) : [],
    more: text(form.querySelector("[data-results] .subnet-calc__more")),
  };
}"""

BOXES = """(selectors) => selectors.map((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return {x: r.x, y: r.y, height: r.height};
})"""


def open_calculator(page, base_url):
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{FORM}[data-ready]")


def results(page) -> dict:
    return page.locator(FORM).evaluate(READ_RESULTS)


def expected(cidr: str, prefix: int) -> dict:
    """What the calculator must show for a split into more than ROWS subnets, by Python's ipaddress."""
    network = ip_network(cidr)
    subnets = list(network.subnets(new_prefix=prefix))
    return {
        "summary": f"{network} → /{prefix} 서브넷 {len(subnets):,}개, "
                   f"서브넷마다 사용 가능한 주소 {subnets[0].num_addresses - 5:,}개",
        "caption": f"처음 {ROWS}개 서브넷 (전체 {len(subnets):,}개)",
        # READ_RESULTS folds white space: the range's no-break space before the dash reads as a space (the Node
        # tests check the no-break space itself)
        "rows": [[str(s), f"{s.network_address} – {s.broadcast_address}",
                  [str(s.network_address + i) for i in range(4)] + [str(s.broadcast_address)],
                  f"{s.num_addresses - 5:,}"] for s in subnets[:ROWS]],
        "more": f"… 외 {len(subnets) - ROWS:,}개 (마지막 서브넷: {subnets[-1]})",
    }


@pytest.fixture(scope="module")
def calculator(browser, base_url):
    """One reader's tab on the calculator, for the tests that only type into it."""
    tab = Tab(browser, base_url)
    open_calculator(tab.page, base_url)
    yield tab
    tab.close()


@pytest.fixture
def calc(calculator):
    """The shared calculator page; a test using it must leave no uncaught error or console error."""
    yield calculator.page
    assert not calculator.errors, calculator.errors


def test_only_the_calculator_page_loads_the_script(site_dir):
    pages = {path.parent.relative_to(site_dir).as_posix() + "/"
             for path in site_dir.rglob("index.html") if SCRIPT in path.read_text(encoding="utf-8")}
    assert pages == {PAGE}


@pytest.mark.browser
def test_the_form_replaces_the_worked_example_on_screen_not_on_paper(tab, base_url):
    page = tab.page
    open_calculator(page, base_url)
    assert page.is_visible(FORM) and page.is_hidden(EXAMPLE)
    # the recommended design, drawn and said as the page opens
    assert page.input_value(CIDR) == "10.0.0.0/16" and page.input_value(PREFIX) == "24"
    assert results(page)["summary"] == "10.0.0.0/16 → /24 서브넷 256개, 서브넷마다 사용 가능한 주소 251개"
    assert page.text_content(STATUS) == results(page)["summary"]
    assert page.locator(f"{PREFIX} option").count() == 21  # /8 … /28
    page.emulate_media(media="print")
    assert page.is_hidden(FORM) and page.is_visible(f"{EXAMPLE} table")
    assert not tab.errors


@pytest.mark.browser
def test_without_javascript_the_worked_example_shows(new_tab):
    tab = new_tab(javascript=False)
    tab.goto(PAGE)
    assert tab.page.is_hidden(FORM) and tab.page.is_visible(f"{EXAMPLE} table")


@pytest.mark.browser
def test_typing_a_cidr_and_choosing_a_size_update_the_results(calc):
    page = calc
    page.select_option(PREFIX, "20")
    page.fill(CIDR, "")
    page.locator(CIDR).press_sequentially("172.31.0.0/16")  # key by key, as a reader types
    want = expected("172.31.0.0/16", 20)
    assert results(page) == want
    heads = page.locator(".subnet-calc__table th").evaluate_all("""ths => ths.map((th) => {
      const words = document.createRange(); words.selectNodeContents(th);
      return new Set([...words.getClientRects()].map((r) => Math.round(r.top))).size; })""")
    assert heads and max(heads) == 1, f"a header wrapped (lines per header): {heads}"
    # the live region says it once the typing pauses
    expect(page.locator(STATUS)).to_have_text(want["summary"], timeout=WAIT_MS)


@pytest.mark.browser
@pytest.mark.parametrize("typed,prefix,name", [("300.1.1.1/16", "24", "cidr"), ("10.0.0.0/16", "8", "subnet-prefix")])
def test_bad_input_gets_a_korean_message_under_its_field(calc, typed, prefix, name):
    page = calc
    page.select_option(PREFIX, prefix)
    page.fill(CIDR, typed)
    field_at, message_at = f"{FORM} [name={name}]", f"{FORM} [data-error-for={name}]"
    field, message = page.locator(field_at), page.locator(message_at)
    said = message.inner_text()
    assert HANGUL.search(said) and field.get_attribute("aria-invalid") == "true"
    expect(field).to_have_accessible_description(re.compile(re.escape(said)))  # read out with the field
    # both boxes in one layout: the diagram above the form may be drawn between two reads and move the form down
    box, at = page.evaluate(BOXES, [field_at, message_at])
    below = at["y"] - box["y"] - box["height"]
    assert round(at["x"]) == round(box["x"]) and 0 <= below <= 40, f"not right under its field: {at} {box}"
    assert results(page)["rows"] == []  # no stale answer
    expect(page.locator(STATUS)).to_have_text(f"입력을 확인하십시오: {said}", timeout=WAIT_MS)

    page.select_option(PREFIX, "24")
    page.fill(CIDR, "10.0.0.0/16")
    assert field.get_attribute("aria-invalid") is None
    assert message.inner_text() == "" and len(results(page)["rows"]) == ROWS


@pytest.mark.browser
def test_the_fields_are_reachable_and_usable_with_the_keyboard(tab, base_url):
    page = tab.page
    open_calculator(page, base_url)
    cidr = page.get_by_role("textbox", name="VPC CIDR 블록", exact=True)
    size = page.get_by_role("combobox", name="서브넷 크기", exact=True)
    assert cidr.count() == 1 and size.count() == 1  # accessible names from the visible labels

    # Tab from the last link before the form: the text field, then the size
    page.locator("#calculator + .admonition a").last.focus()
    page.keyboard.press("Tab")
    expect(cidr).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("10.0.0.5/20")
    page.evaluate("window.samePage = true")
    page.keyboard.press("Enter")  # submits the form: the page stays
    page.keyboard.press("Tab")  # to the offered network address
    expect(page.get_by_role("button", name="10.0.0.0/20 사용")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.input_value(CIDR) == "10.0.0.0/20"
    expect(cidr).to_be_focused()  # back in the field: the button is gone
    assert page.evaluate("window.samePage === true"), "Enter reloaded the page"
    page.keyboard.press("Tab")
    expect(size).to_be_focused()
    page.keyboard.press("ArrowDown")  # /24 → /25
    assert page.input_value(PREFIX) == "25"
    assert results(page) == expected("10.0.0.0/20", 25)
    expect(page.locator(STATUS)).to_have_text(expected("10.0.0.0/20", 25)["summary"], timeout=WAIT_MS)
    assert not tab.errors


@pytest.mark.browser
def test_axe_finds_no_serious_violation_with_an_error_showing(tab, base_url):
    """Every WCAG 2 A/AA rule in the light scheme, then the contrast in the dark one (switched in place). The page
    as it loads is audited in both schemes by tests/test_reading.py::test_every_page."""
    page = tab.page
    open_calculator(page, base_url)
    page.fill(CIDR, "10.0.0.5/16")
    page.locator(CIDR).blur()
    assert page.locator(f"{FORM} [aria-invalid=true]").count() == 1  # the error state is what is audited
    found = tab.axe("light")
    tab.scheme("slate")
    assert found + tab.axe("dark") == []


@pytest.mark.browser
def test_on_a_narrow_phone_the_keyboard_reaches_the_results_that_scroll_sideways(tab, base_url):
    """At 320 px the results table is wider than its box: the box takes the focus and is named (axe:
    scrollable-region-focusable); where the table fits, the box is no stop for the keyboard."""
    page = tab.page
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        open_calculator(page, base_url)
        page.fill(CIDR, "172.31.0.0/20")
        page.select_option(PREFIX, "28")
        box = page.get_by_role("region", name="서브넷 목록 (옆으로 스크롤)")
        expect(box).to_have_attribute("tabindex", "0")
        assert box.evaluate("(b) => b.scrollWidth > b.clientWidth")
        assert tab.axe("phone") == []
        page.set_viewport_size(tab.viewport)  # the window widens: the table fits
        expect(page.locator(f"{FORM} .subnet-calc__scroll:not([tabindex]):not([role])")).to_have_count(1)
    finally:
        page.set_viewport_size(tab.viewport)


@pytest.mark.browser
def test_the_calculator_works_after_instant_navigation(tab):
    page = tab.page
    tab.goto("networking/rfc-1918/")
    tab.click_instantly('article a[href$="subnet-design/#calculator"]', "**/subnet-design/**")
    page.wait_for_selector(f"{FORM}[data-ready]")  # Material ran the page's script again, on the new form
    page.fill(CIDR, "192.168.0.0/16")
    assert results(page)["caption"] == "처음 8개 서브넷 (전체 256개)" and page.is_hidden(EXAMPLE)

    # away, and back with the browser's back button: the script runs again, on what the reader typed
    tab.click_instantly('article a[href$="networking/vpc/"]', "**/networking/vpc/")
    expect(page.locator(FORM)).to_have_count(0, timeout=WAIT_MS)
    page.go_back()
    page.wait_for_selector(f"{FORM}[data-ready]")
    assert page.input_value(CIDR) == "192.168.0.0/16"
    page.select_option(PREFIX, "20")
    assert results(page) == expected("192.168.0.0/16", 20)
    assert page.evaluate("window.__sameDocument === true"), "going back reloaded the page"

    # a reload keeps the size too; what the tab stored is read as untrusted
    page.reload()
    page.wait_for_selector(f"{FORM}[data-ready]")
    assert (page.input_value(CIDR), page.input_value(PREFIX)) == ("192.168.0.0/16", "20")
    page.fill(CIDR, "1" * 1000)  # a paste, kept whole
    page.reload()
    page.wait_for_selector(f"{FORM}[data-ready]")
    assert page.input_value(CIDR) == "1" * 1000
    for stored, shown in (("garbage{", "10.0.0.0/16"), ('{"cidr":5,"prefix":"20"}', "10.0.0.0/16"),
                          ('{"cidr":"<b>x</b>","prefix":"99"}', "<b>x</b>")):
        page.evaluate("(v) => sessionStorage.setItem('aws-study-notes.subnet-calculator', v)", stored)
        page.reload()
        page.wait_for_selector(f"{FORM}[data-ready]")
        assert (page.input_value(CIDR), page.input_value(PREFIX)) == (shown, "24"), stored
    expect(page.locator(f"{FORM} [data-error-for=cidr]")).to_contain_text("IPv4 CIDR 형식이 아닙니다")
    assert not tab.errors
