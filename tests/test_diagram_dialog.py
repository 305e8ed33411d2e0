"""A diagram, full screen (docs/javascripts/mermaid-dialog.mjs), in Chromium: phone and desktop, touch, mouse and
keyboard, the back button with instant navigation, accessibility in both schemes, print.

Each test waits for the state it needs (the dialog open or closed, a zoom level, a scroll offset), never for a time.
The Firefox check of the same viewer is tests/firefox/diagram.mjs.
"""
from __future__ import annotations

import re

import pytest

from sitekit.browser import PHONE_390
from sitekit.pages import diagram_kinds, nav_files, page_html, url
from sitekit.reader import Reader
from tests.test_reading import SCROLL_BAR

pytestmark = pytest.mark.browser

ON_PHONE = {"viewport": PHONE_390, "touch": True}  # a 390×844 touch phone
READABLE_PX = 12  # the smallest label in the viewer, as drawn on a 390 px phone
WIDE = "compute/elb/"  # its first diagram (860 px) is wider than the page column
VIEWER = ".mermaid-viewer"  # the viewer's host: axe audits its shadow tree

# The viewer as it stands: open or not, its title and zoom level, the smallest label as drawn (its font size times
# the diagram's scale), where the dialog lies, what has the focus.
VIEWER_JS = """() => {
  const root = document.querySelector(".mermaid-viewer")?.shadowRoot;
  const dialog = root && root.querySelector("dialog");
  const focus = document.activeElement;
  const focused = focus && focus.shadowRoot ? focus.shadowRoot.activeElement : focus;
  const where = {
    focus: focused ? (focused.getAttribute("aria-label") || focused.className || focused.tagName) : null,
    host: focus && focus.matches && focus.matches("article div.mermaid")
      ? [...document.querySelectorAll("article div.mermaid")].indexOf(focus) : -1,
    url: location.href, y: scrollY,
  };
  if (!dialog || !dialog.open) return { open: false, ...where };
  const view = root.querySelector(".view"), svg = root.querySelector(".canvas svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  let font = 99, text = "";
  for (const el of svg.querySelectorAll("*")) {
    if (el.tagName === "style") continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    const cs = getComputedStyle(el);
    if (!own || cs.display === "none" || cs.visibility === "hidden") continue;
    const px = parseFloat(cs.fontSize) * scale;
    if (px < font) [font, text] = [px, own.slice(0, 30)];
  }
  const r = dialog.getBoundingClientRect();
  return { open: true, ...where, font: Math.round(font * 10) / 10, text, scale,
           title: root.querySelector("h2").textContent, level: root.querySelector("output").textContent,
           rect: [r.x, r.y, r.width, r.height], window: [innerWidth, innerHeight],
           scroll: [view.scrollLeft, view.scrollTop], zoomed: visualViewport.scale,
           ring: document.activeElement === root.host && root.activeElement === view ? getComputedStyle(view).outlineStyle : null };
}"""
# Open, and the history entry the viewer pushed noted (its Navigation API key: Material's instant navigation
# replaces the state of the current entry 100 ms after a scroll, so a mark in history.state may be gone).
OPEN = """() => {
  if (!document.querySelector('.mermaid-viewer')?.shadowRoot.querySelector('dialog').open) return false;
  window.__viewerEntry = navigation.currentEntry.key;
  return true;
}"""
# Closed, its close handler run (it empties the canvas) and the viewer's history entry left.
CLOSED = """() => {
  const root = document.querySelector('.mermaid-viewer').shadowRoot;
  return !root.querySelector('dialog').open && !root.querySelector('.canvas').firstChild
    && navigation.currentEntry.key !== window.__viewerEntry;
}"""


def viewer(tab) -> dict:
    return tab.page.evaluate(VIEWER_JS)


def wait_open(tab) -> dict:
    tab.page.wait_for_function(OPEN)
    return viewer(tab)


def wait_closed(tab) -> dict:
    """The dialog closed, its close event handled (`close` is a task of its own, after the popstate that closed
    the dialog) and the history entry it pushed left."""
    tab.page.wait_for_function(CLOSED)
    return viewer(tab)


def one_page_per_kind(site_dir) -> list[str]:
    """The wide page, and the first page with each kind of diagram (flowchart, sequence …)."""
    pages = {}
    for page in nav_files():
        for kind in diagram_kinds(page_html(site_dir, page)):
            pages.setdefault(kind, url(page))
    return sorted({WIDE, *pages.values()})


def test_diagrams_open_full_screen_on_a_phone_at_their_own_size_or_larger_and_close_with_esc(new_tab, site_dir):
    """Every diagram of one page per kind. The viewer's scale is the mechanism: it never shows a diagram below its
    own size, and test_reading.py::test_every_page checks every diagram's labels at that size."""
    reader = new_tab(Reader, **ON_PHONE)
    problems, opened = [], 0
    for path in one_page_per_kind(site_dir):
        visit = reader.visit(path)
        for n in range(len(visit.diagrams)):
            reader.page.locator("article div.mermaid").nth(n).tap()
            shown = wait_open(reader)
            opened += 1
            where = f"/{path} diagram {n + 1} ({shown['title']})"
            if shown["rect"] != [0, 0, *shown["window"]]:
                problems.append(f"{where}: the dialog covers {shown['rect']}, not the whole {shown['window']} screen")
            if shown["ring"] != "none":
                problems.append(f"{where}: a tap left a focus ring ({shown['ring']}) around the diagram")
            if shown["scale"] < 0.999 or shown["font"] < READABLE_PX:
                problems.append(f"{where}: shown at {shown['scale']}× its size, {shown['text']!r} at {shown['font']} px")
            reader.page.keyboard.press("Escape")
            closed = wait_closed(reader)
            if closed["host"] != n:
                problems.append(f"{where}: after Esc the focus is on {closed['focus']!r}, not the diagram")
    assert opened >= 4, f"only {opened} diagrams opened"
    assert not problems, "\n".join(problems)
    assert not reader.errors, reader.errors


# Whether the viewer shows a label with this text whole.
LABEL_IN_VIEW = """(text) => { const root = document.querySelector(".mermaid-viewer").shadowRoot;
  const view = root.querySelector(".view").getBoundingClientRect();
  return [...root.querySelectorAll(".canvas svg *")].some((el) => {
    if (el.childElementCount || el.textContent.trim() !== text) return false;
    const r = el.getBoundingClientRect();
    return r.width && r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom; }); }"""


def test_on_a_phone_a_top_down_diagram_opens_at_its_top_centre_a_left_to_right_one_at_its_left(new_tab):
    """Both wider than a phone at their own size: the VPC architecture (flowchart TB) opened on its empty left
    corner, its root (the VPC) out of sight at the top centre; the ELB paths (flowchart LR) begin at the left."""
    reader = new_tab(Reader, **ON_PHONE)
    offsets = {}
    for path in ("networking/vpc/", WIDE):
        reader.visit(path)
        reader.page.locator("article div.mermaid").first.tap()
        shown = wait_open(reader)
        offsets[path] = shown["scroll"][0], reader.page.evaluate("""() => {
          const view = document.querySelector(".mermaid-viewer").shadowRoot.querySelector(".view");
          return (view.scrollWidth - view.clientWidth) / 2; }""")
        if path == "networking/vpc/":  # what the reader missed: the VPC's own label, in view
            assert reader.page.evaluate(LABEL_IN_VIEW, "VPC 10.0.0.0/16"), "the VPC's label is out of view"
        reader.page.keyboard.press("Escape")
        wait_closed(reader)
    (vpc, vpc_centre), (elb, elb_centre) = offsets["networking/vpc/"], offsets[WIDE]
    assert vpc_centre > 0 and abs(vpc - vpc_centre) <= 1, offsets
    assert elb_centre > 0 and elb == 0, offsets


@pytest.mark.parametrize("options", [{}, ON_PHONE], ids=["desktop", "phone"])
def test_the_open_button_covers_no_part_of_the_drawing(options, new_tab):
    """compute/elb/'s diagrams are wider than the column: the button sits above the drawing, not on its labels."""
    reader = new_tab(Reader, **options)
    reader.visit("compute/elb/")
    overlaps = reader.page.evaluate("""() => [...document.querySelectorAll("article div.mermaid")].map((host) => {
      const button = host.shadowRoot.querySelector(".mermaid-open").getBoundingClientRect();
      return button.bottom - host.shadowRoot.querySelector("svg").getBoundingClientRect().top; })""")
    assert overlaps and max(overlaps) <= 0.5, overlaps


def test_a_diagram_wider_than_a_phone_has_scroll_edge_shadows_and_none_in_print(new_tab):
    """mermaid-loader.js: shadows fixed at the scroll box's edges, covers in the page's colour that move with the
    drawing (so a shadow shows only where there is more to scroll to); none in print."""
    reader = new_tab(Reader, **ON_PHONE)
    reader.visit(WIDE)
    box = """() => { const b = document.querySelector("article div.mermaid").shadowRoot.querySelector(".mermaid-scroll");
      const cs = getComputedStyle(b); return [b.scrollWidth > b.clientWidth, cs.backgroundAttachment,
      cs.backgroundImage.match(/linear-gradient/g)?.length ?? 0, cs.scrollbarColor]; }"""
    # the scroll bar, where there is one, takes the page's colours (Firefox drew a white bar on the dark page)
    assert reader.page.evaluate(box) == [True, "local, local, scroll, scroll", 4, reader.page.evaluate(SCROLL_BAR)]
    reader.page.emulate_media(media="print")
    assert reader.page.evaluate(box)[2] == 0


def arrive(reader, how: str) -> None:
    """On networking/vpc/ from networking/: opened directly, or by instant navigation; window.__sameDocument set."""
    reader.visit("networking/")
    if how == "instant":
        reader.click_instantly('article a[href$="networking/vpc/"]', "**/networking/vpc/")
        reader.page.wait_for_selector("article pre.mermaid, article div.mermaid", state="attached")  # the new content
        reader.visit(navigate=lambda: None)  # scrolled through: its diagram drawn
    else:
        reader.visit("networking/vpc/")
        reader.page.evaluate("window.__sameDocument = true")


@pytest.mark.parametrize("how", ["direct", "instant"])
def test_back_closes_the_viewer_on_the_same_page(how, new_tab):
    """Material's instant navigation must not take the back for a navigation: on the first popstate of a page opened
    directly it would fetch the page again and replace its content, after an instant navigation scroll it."""
    reader = new_tab(Reader, **ON_PHONE)
    arrive(reader, how)
    pages = []
    reader.page.on("request", lambda r: pages.append(r.url) if r.resource_type in ("document", "fetch", "xhr") else None)

    reader.page.locator("article div.mermaid").first.tap()
    shown = wait_open(reader)
    reader.page.go_back()
    closed = wait_closed(reader)
    assert (closed["url"], closed["y"]) == (shown["url"], shown["y"]), \
        "back left the page or scrolled it"
    assert reader.page.evaluate("window.__sameDocument === true"), "back reloaded the page"
    assert not pages, f"back made instant navigation fetch {pages}"
    assert closed["host"] == 0, f"the focus is on {closed['focus']!r}, not the diagram"

    # the entry is gone: the next back goes to the page before
    reader.page.go_back()
    reader.page.wait_for_url("**/networking/")
    reader.page.wait_for_function("() => !document.querySelector('article div.mermaid, article pre.mermaid')")
    assert reader.page.evaluate("window.__sameDocument === true") == (how == "instant")
    assert not reader.errors, reader.errors


def test_esc_and_the_close_button_consume_the_history_entry(new_tab):
    reader = new_tab(Reader, **ON_PHONE)
    arrive(reader, "direct")
    pages = []
    reader.page.on("request", lambda r: pages.append(r.url) if r.resource_type in ("document", "fetch", "xhr") else None)
    diagram = reader.page.locator("article div.mermaid").first
    diagram.tap()
    wait_open(reader)
    reader.page.keyboard.press("Escape")
    wait_closed(reader)
    diagram.tap()
    wait_open(reader)
    reader.page.get_by_role("button", name="닫기").tap()
    closed = wait_closed(reader)
    assert closed["host"] == 0, f"the focus is on {closed['focus']!r}, not the diagram"
    assert not pages and reader.page.evaluate("window.__sameDocument === true"), pages
    reader.page.go_back()  # one back leaves the page: neither dialog left an entry behind
    reader.page.wait_for_url("**/networking/")
    assert not reader.errors, reader.errors


def test_a_viewer_opened_again_before_the_last_close_has_left_its_entry_still_closes_on_back(new_tab):
    """Esc then Enter in quick succession: the second opening comes while the first closing's history.back() is
    still under way (here, every time: the close event opens it again). Back closes the viewer on the same page,
    and one more back leaves the page. The backs are the page's own: Playwright's go_back reads the browser's
    history, which may not have the push yet."""
    reader = new_tab(Reader, **ON_PHONE)
    arrive(reader, "direct")
    at = reader.page.evaluate("navigation.currentEntry.index")
    reader.page.locator("article div.mermaid").first.tap()
    wait_open(reader)
    reader.page.evaluate("""() => {
      const dialog = document.querySelector(".mermaid-viewer").shadowRoot.querySelector("dialog");
      const button = document.querySelector("article div.mermaid").shadowRoot.querySelector("button.mermaid-open");
      dialog.addEventListener("close", () => button.click(), { once: true });
      dialog.querySelector("[data-close]").click();
    }""")
    reader.page.wait_for_function(f"() => navigation.currentEntry.index === {at + 1}"
                                  " && document.querySelector('.mermaid-viewer').shadowRoot.querySelector('dialog').open")
    reader.page.evaluate("history.back()")
    reader.page.wait_for_function(f"() => navigation.currentEntry.index === {at}")
    assert not viewer(reader)["open"], "back left the viewer open"
    assert reader.page.evaluate("window.__sameDocument === true"), "back reloaded the page"
    reader.page.evaluate("history.back()")
    reader.page.wait_for_url("**/networking/")
    assert not reader.errors, reader.errors


def test_forward_onto_a_closed_viewers_entry_steps_back_over_it(new_tab):
    """Closing leaves the viewer's entry as a forward entry; Forward onto it goes back over it, also when Material
    replaced that entry's state meanwhile (it records the scroll offset 100 ms after a scroll)."""
    reader = new_tab(Reader, **ON_PHONE)
    arrive(reader, "direct")
    page_entry = reader.page.evaluate("navigation.currentEntry.key")
    reader.page.locator("article div.mermaid").first.tap()
    wait_open(reader)
    reader.page.evaluate("history.replaceState({}, '')")  # as Material's offset tracking does
    reader.page.keyboard.press("Escape")
    wait_closed(reader)
    reader.page.go_forward(wait_until="commit")
    reader.page.wait_for_function(f"() => navigation.currentEntry.key === {page_entry!r}")
    assert not viewer(reader)["open"] and reader.page.evaluate("window.__sameDocument === true")
    reader.page.go_back()  # and the next back leaves the page
    reader.page.wait_for_url("**/networking/")
    assert not reader.errors, reader.errors


def test_the_keyboard_alone_opens_pans_zooms_and_closes(new_tab):
    reader = new_tab(Reader, viewport={"width": 800, "height": 900})  # a window narrower than WIDE's first diagram
    reader.visit(WIDE)
    reader.page.evaluate("scrollTo(0, 0)")
    for _ in range(400):  # Tab through the page until the first diagram has the focus
        reader.page.keyboard.press("Tab")
        if viewer(reader)["host"] == 0:
            break
    else:
        pytest.fail("Tab never reached the diagram")
    name = viewer(reader)["focus"]
    assert name.startswith("다이어그램 크게 보기: 아키텍처"), name

    reader.page.keyboard.press("Enter")
    shown = wait_open(reader)
    assert shown["focus"] == "다이어그램" and shown["level"] == "100%" and shown["font"] >= READABLE_PX, shown
    assert shown["ring"] == "solid", "the keyboard user does not see where the focus is"
    reader.page.keyboard.press("Tab")  # the view, focused on opening, is the last stop: Tab wraps, not out
    assert viewer(reader)["focus"] == "축소"
    reader.page.keyboard.press("Shift+Tab")
    assert viewer(reader)["focus"] == "다이어그램"
    reader.page.keyboard.press("ArrowRight")
    reader.page.wait_for_function(f"({VIEWER_JS})().scroll[0] > 0")
    reader.page.keyboard.press("+")
    assert viewer(reader)["level"] == "125%"
    reader.page.keyboard.press("-")
    assert viewer(reader)["level"] == "100%"
    for expected in ("닫기", "원래 크기 1:1", "화면에 맞춤", "확대"):
        reader.page.keyboard.press("Shift+Tab")
        assert viewer(reader)["focus"] == expected
    reader.page.keyboard.press("Space")  # 확대
    assert viewer(reader)["level"] == "125%"
    reader.page.keyboard.press("Shift+Tab")
    assert viewer(reader)["focus"] == "축소"
    reader.page.keyboard.press("Enter")
    assert viewer(reader)["level"] == "100%"
    reader.page.keyboard.press("Enter")  # down to where the whole diagram fits the window, no further
    fits = viewer(reader)["level"]
    reader.page.keyboard.press("Enter")
    assert int(fits.rstrip("%")) < 100 and viewer(reader)["level"] == fits
    reader.page.keyboard.press("0")
    assert viewer(reader)["level"] == "100%"
    reader.page.keyboard.press("9")  # one key (or the 맞춤 button) shows the whole diagram
    assert viewer(reader)["level"] == fits
    assert reader.page.evaluate("""() => { const root = document.querySelector(".mermaid-viewer").shadowRoot;
      const svg = root.querySelector(".canvas > svg").getBoundingClientRect(), view = root.querySelector(".view").getBoundingClientRect();
      return svg.left >= view.left && svg.top >= view.top && svg.right <= view.right && svg.bottom <= view.bottom; }"""), \
        "the whole diagram is not in view at the fitting zoom"
    reader.page.keyboard.press("Escape")
    closed = wait_closed(reader)
    assert closed["host"] == 0, f"after Esc the focus is on {closed['focus']!r}"

    reader.page.keyboard.press("Space")  # the focus is back on the diagram: Space opens it again
    assert wait_open(reader)["level"] == "100%"
    reader.page.keyboard.press("n")  # Material's "next page" shortcut stays with the page behind the dialog
    reader.page.get_by_role("button", name="닫기").click()
    closed = wait_closed(reader)
    assert closed["host"] == 0 and closed["url"].split("#")[0].endswith(WIDE)
    assert not reader.errors, reader.errors


def test_two_fingers_zoom_the_diagram_not_the_page_and_one_finger_pans_it(new_tab):
    reader = new_tab(Reader, **ON_PHONE)
    reader.visit("networking/vpc/")
    reader.page.locator("article div.mermaid").first.tap()
    before = wait_open(reader)
    box = reader.page.evaluate("""() => { const r = document.querySelector(".mermaid-viewer").shadowRoot
        .querySelector(".view").getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }""")
    x, y = box
    cdp = reader.context.new_cdp_session(reader.page)

    def touch(kind, *points):
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [
            {"x": px, "y": py, "id": i} for i, (px, py) in enumerate(points)]})

    touch("touchStart", (x - 40, y), (x + 40, y))
    for spread in range(50, 141, 10):
        touch("touchMove", (x - spread, y), (x + spread, y))
    touch("touchEnd")
    reader.page.wait_for_function(f"({VIEWER_JS})().level !== {before['level']!r}")
    pinched = viewer(reader)
    assert int(pinched["level"].rstrip("%")) >= 250, pinched["level"]  # fingers 80 px apart, then 280 px
    assert pinched["zoomed"] == 1, "the page itself was zoomed"

    touch("touchStart", (x, y))
    for step in range(1, 11):
        touch("touchMove", (x - 10 * step, y - 10 * step))
    touch("touchEnd")
    reader.page.wait_for_function(
        f"({VIEWER_JS})().scroll.every((v, i) => v > {pinched['scroll']}[i])")
    cdp.detach()
    assert not reader.errors, reader.errors


@pytest.mark.parametrize("device, path, title", [("desktop", WIDE, "아키텍처 (2)"), ("phone", "security/iam/", "아키텍처"),
                                                  ("narrow phone", WIDE, "아키텍처 (2)")])
def test_the_open_viewer_has_no_serious_accessibility_violation_and_names_every_control(device, path, title, new_tab):
    """Every WCAG 2 A/AA rule in the light scheme, then the contrast in the dark one (switched in place), on the viewer:
    the page behind a modal dialog is inert (axe still measured its buttons, half covered, as too small targets), and
    test_every_page audits the page. The title is shown whole, also on a 320 px phone (its number tells a page's
    diagrams apart)."""
    reader = new_tab(Reader, **{"desktop": {}, "phone": ON_PHONE,
                                "narrow phone": {"viewport": {"width": 320, "height": 640}, "touch": True}}[device])
    visit = reader.visit(path)
    controls = reader.page.get_by_role("button", name=re.compile("^다이어그램 크게 보기: "))
    assert controls.count() == len(visit.diagrams)
    controls.last.click()
    wait_open(reader)
    assert reader.page.get_by_role("dialog", name=f"다이어그램: {title}").is_visible()
    shown, room = reader.page.evaluate("""() => { const h2 = document.querySelector(".mermaid-viewer").shadowRoot.querySelector("h2");
      return [h2.scrollWidth, h2.clientWidth]; }""")
    assert shown <= room, f"the title is cut: {shown}px of it in {room}px"
    for name in ("축소", "확대", "화면에 맞춤", "원래 크기 1:1", "닫기"):
        assert reader.page.get_by_role("button", name=name, exact=True).count() == 1, name
    said = """() => { const svg = document.querySelector(".mermaid-viewer").shadowRoot.querySelector(".canvas > svg");
      return [svg.getAttribute("aria-roledescription"), svg.getAttribute("aria-label")]; }"""
    assert reader.page.evaluate(said) == ["다이어그램", title]  # the drawing, as on the page (Mermaid: "flowchart-v2")
    found = reader.axe("light", [VIEWER])
    reader.scheme("slate")
    found += reader.axe("dark", [VIEWER])
    assert not found, found
    assert not reader.errors, reader.errors


def test_print_shows_neither_the_open_hint_nor_the_viewer(new_tab):
    reader = new_tab(Reader)
    reader.visit("networking/vpc/")
    shown = """() => {
        const hint = document.querySelector("article div.mermaid").shadowRoot.querySelector(".mermaid-open");
        const dialog = document.querySelector(".mermaid-viewer")?.shadowRoot.querySelector("dialog");
        return { hint: getComputedStyle(hint).display, dialog: dialog ? getComputedStyle(dialog).display : null };
    }"""
    assert reader.page.evaluate(shown) == {"hint": "flex", "dialog": None}
    reader.page.locator("article div.mermaid").first.click()
    wait_open(reader)
    assert reader.page.evaluate(shown) == {"hint": "flex", "dialog": "flex"}
    reader.page.emulate_media(media="print")
    assert reader.page.evaluate(shown) == {"hint": "none", "dialog": "none"}
    assert not reader.errors, reader.errors
