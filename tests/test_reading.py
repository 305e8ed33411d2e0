"""Every page as a reader's browser meets it (Chromium): drawn, private, error-free, accessible, light and dark.

`test_every_page` reads each page of the nav (and the 404 page at a deep missing address) once, with one
reader per worker: a first visit on a desktop, scrolled through, diagrams drawn; axe-core in the light
scheme, again after switching to the dark one in place (as the palette toggle does), and on a 375 px phone;
the diagrams measured in each (no label Mermaid had to wrap: each breaks where its source says) and named for a
screen reader; no Korean text outside code that may break mid-word; no table wider than the desktop column;
last, each 확인 문제 answered by a click on its right choice. The readers prefer reduced motion: no transition is
half-way when colours are measured. A few tests make their own visits: instant
navigation, a reader who never scrolls, and every gate on a deliberately broken page.
"""
from __future__ import annotations

import re

import pytest

from hooks.glossary import glossary_entries
from tests.conftest import FAR_DOWN, MISSING
from sitekit.browser import PHONE, PHONE_390
from sitekit.build import link_site, writable
from sitekit.pages import diagram_kinds, nav_files, url
from sitekit.reader import LIBRARY, Reader, wait_drawn
from sitekit.server import serve

pytestmark = pytest.mark.browser

READABLE = 4.5  # WCAG AA contrast for text
VIEWER_PX = 12  # the smallest label in the diagram viewer, at the diagram's own size
SMALLEST_TEXT_PX = 7  # drawn size on a phone; wider diagrams scroll inside their box instead
SMALLEST_DESKTOP_PX = 9  # drawn size in the desktop column (the NACL sequence diagram was 7.4 px)
MERMAID_BUDGET_KIB = 280  # Mermaid's share of a page using all three diagram kinds (about 272 KiB)
NAMED = re.compile(r"다이어그램: \S")  # a drawn diagram's role description and name
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
CENTRE = """(el) => { el.scrollIntoView({block: "center"}); const r = el.getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2]; }"""
SAID = "article .quiz .quiz__status"  # each question's live region
# Elements with Korean text of their own that may break a word in the middle (Material gives links and marks
# word-break: break-word); code is left as it is.
MID_WORD = """() => [...document.querySelectorAll("article *")].filter((el) => !el.closest("pre, code, kbd, .mermaid")
  && [...el.childNodes].some((n) => n.nodeType === 3 && /[가-힣]/.test(n.textContent))
  && getComputedStyle(el).wordBreak !== "keep-all").map((el) => `<${el.localName}> ${el.textContent.trim().slice(0, 30)}`)"""

# What the keyboard reaches in a table's scrolling columns (a glossary term takes focus, or a link).
FOCUSABLE = "article .md-typeset__scrollwrap td:not(:first-child) :is([tabindex='0'], a[href])"
# The colours a sideways-scrolling box gives its scroll bar in this scheme: Material's code-block thumb on no track
# (extra.css's --scroll-bar), as the browser resolves them.
SCROLL_BAR = """() => { const probe = document.createElement("div");
  probe.style.scrollbarColor = "var(--md-default-fg-color--lighter) transparent"; document.body.append(probe);
  const colours = getComputedStyle(probe).scrollbarColor; probe.remove(); return colours; }"""
# The tables wider than the desktop column (they scroll sideways, and a mouse reader misses their last columns).
WIDE_TABLES = """() => [...document.querySelectorAll("article .md-typeset__scrollwrap")]
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => `${box.querySelector("th, td").textContent.trim().slice(0, 20)}: ${box.scrollWidth}px in ${box.clientWidth}px`)"""
# The room the page title's hidden permalink ¶ takes on its line (px): on a title that fills the line it wrapped onto
# a blank line of its own (seen with the book's "PDF로 받기" button beside the title).
TITLE_GAP = """() => { const link = document.querySelector("article h1 .headerlink");
  return link ? Math.round(link.getBoundingClientRect().width) : 0; }"""


@pytest.fixture(scope="session")
def reader(browser, base_url):
    """The reader of `test_every_page` (one per worker), cache and storage kept from page to page, as a reader's."""
    r = Reader(browser, base_url, reduced_motion="reduce")
    yield r
    r.close()


def read(reader: Reader, path: str, diagrams: int, questions: list[dict] = (), within: list[str] | None = None
         ) -> list[str]:
    """What is wrong with ``path`` as ``reader`` meets it, one line each; ``diagrams``: how many the build wrote,
    ``questions``: the page's 확인 문제 (study/questions.json), each answered last by a click on its right choice;
    ``within``: what axe-core audits (default: the whole document)."""
    visit = reader.visit(path)
    problems = [f"request to another host: {u}" for u in visit.blocked]
    problems += [f"console error: {e}" for e in visit.errors if not (path == MISSING and "status of 404" in e)]
    if visit.status != (404 if path == MISSING else 200):
        problems.append(f"HTTP status {visit.status}")
    axe = {"light": reader.axe("light", within)}
    problems += visit.undrawn()
    if len(visit.diagrams) != diagrams:
        problems.append(f"{len(visit.diagrams)} diagrams on the page, the build wrote {diagrams}")
    if diagrams and visit.library_loads != 1:
        problems.append(f"{LIBRARY} loaded {visit.library_loads} times")
    if diagrams and visit.mermaid > MERMAID_BUDGET_KIB * 1024:
        problems.append(f"{round(visit.mermaid / 1024)} KiB of Mermaid over the wire, budget {MERMAID_BUDGET_KIB}")
    if not diagrams and visit.mermaid_requests:
        problems.append(f"no diagram, but Mermaid was loaded: {visit.mermaid_requests}")
    drawn = {"light": visit.diagrams}
    reader.scheme("slate")
    try:
        axe["dark"], drawn["dark"] = reader.axe("dark", within), reader.diagrams()
    finally:
        reader.scheme("default")
    title_gap, wide = reader.page.evaluate(TITLE_GAP), reader.page.evaluate(WIDE_TABLES)
    reader.page.set_viewport_size(PHONE)
    try:  # the reader goes on to the next page: leave it as it was, whatever fails here
        reader.page.evaluate(FRAMES)
        phone, overflow = reader.diagrams(), reader.page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        axe["phone"] = reader.axe("phone", within)
    finally:
        reader.page.set_viewport_size(reader.viewport)
    problems += [f"axe-core ({scheme}): [{v['impact']}] {v['id']} ({v['count']}×) {v['help']} — {', '.join(v['targets'])}"
                 for scheme, found in axe.items() for v in found]
    for scheme, shown in drawn.items():
        problems += [f"diagram {n}: {d['worst']!r} contrast {d['contrast']}:1 in the {scheme} scheme (≥ {READABLE})"
                     for n, d in enumerate(shown, start=1) if d["drawn"] and d["contrast"] < READABLE]
    problems += [f"diagram {n}: {d['spill']['text']!r} overflows by {d['spill']['px']} px"
                 for n, d in enumerate(visit.diagrams, start=1) if d["drawn"] and d["spill"]["px"] > 1]
    problems += [f"diagram {n}: Mermaid wrapped the label {label!r} (break it with <br/> where it reads well)"
                 for n, d in enumerate(visit.diagrams, start=1) if d["drawn"] for label in d["wrapped"]]
    problems += [f"diagram {n}: text drawn at {d['font']}px in the desktop column (≥ {SMALLEST_DESKTOP_PX})"
                 for n, d in enumerate(visit.diagrams, start=1) if d["drawn"] and d["font"] < SMALLEST_DESKTOP_PX]
    problems += [f"diagram {n}: a screen reader says {d['name']!r} (not 다이어그램: its section)"
                 for n, d in enumerate(visit.diagrams, start=1) if d["drawn"] and not NAMED.match(d["name"])]
    problems += [f"Korean may break mid-word (word-break is not keep-all): {el}" for el in reader.page.evaluate(MID_WORD)[:3]]
    problems += [f"a table wider than the desktop column: {table}" for table in wide]
    if title_gap:
        problems.append(f"the title's hidden ¶ takes {title_gap}px of its line")
    if overflow > 0:
        problems.append(f"a 375 px phone scrolls the page sideways by {overflow}px")
    for n, d in enumerate(phone, start=1):
        if not d["drawn"]:
            continue
        if d["hostWidth"] > d["parentWidth"] + 0.5:
            problems.append(f"diagram {n}: {d['hostWidth']}px wide in a {d['parentWidth']}px phone column")
        if d["font"] < SMALLEST_TEXT_PX:
            problems.append(f"diagram {n}: text drawn at {d['font']}px on a phone (≥ {SMALLEST_TEXT_PX})")
        if d["unscaled"] < VIEWER_PX:  # the viewer (test_diagram_dialog.py) shows a diagram at its own size or larger
            problems.append(f"diagram {n}: labels at {d['unscaled']}px at the diagram's own size (≥ {VIEWER_PX})")
    return problems + (answer(reader, questions) if questions else [])


def answer(reader: Reader, questions: list[dict]) -> list[str]:
    """Click each question's right choice (the answer key as the page draws it), last first: an opening
    explanation moves only what comes after it. Each must say 정답 in its live region and open its explanation."""
    page, n = reader.page, len(questions)
    page.wait_for_selector("#quiz[data-quiz-ready]")
    if page.locator("article .quiz fieldset.quiz__form").count() != n:
        return [f"{page.locator('article .quiz fieldset.quiz__form').count()} questions to answer, the build wrote {n}"]
    for i in reversed(range(n)):
        choice = page.locator("article .quiz").nth(i).locator("label.quiz__choice").nth(questions[i]["answer"] - 1)
        page.mouse.click(*choice.evaluate(CENTRE))
    page.wait_for_function(f"() => [...document.querySelectorAll({SAID!r})].filter(s => s.textContent).length === {n}")
    said = page.locator(SAID).all_inner_texts()
    opened = page.locator("article .quiz > details").evaluate_all("ds => ds.map(d => d.open)")
    counted = page.locator(".quiz-summary__count").inner_text()
    problems = [f"question {i}: {text!r} for its right choice" for i, text in enumerate(said, 1) if text != "정답입니다."]
    problems += [f"question {i}: the explanation stays closed" for i, shown in enumerate(opened, 1) if not shown]
    if counted != f"이 페이지의 {n}문제 중 {n}문제를 풀었고 {n}문제를 맞혔습니다.":
        problems.append(f"the page's count says {counted!r}")
    return problems


def chrome_variants(paths: list[str]) -> set[str]:
    """The pages whose whole document axe-core audits: the first of each nav section (the header, tabs, navigation
    and footer are the same on a section's other pages but for the current link) and the 404 page. Elsewhere it
    audits what is the page's own, `PAGE_OWN`."""
    first = {}
    for path in paths:
        first.setdefault(path.split("/")[0], path)
    return set(first.values()) | {MISSING}


PAGES = [url(page) for page in nav_files()] + [MISSING]
WHOLE = chrome_variants(PAGES)
PAGE_OWN = ["article", ".md-sidebar--secondary"]  # the content and its table of contents


@pytest.mark.parametrize("path", PAGES)
def test_every_page(path, reader, site_dir, bank):
    page = site_dir / path / "index.html"
    expected = len(diagram_kinds(page.read_text(encoding="utf-8"))) if path != MISSING else 0
    problems = read(reader, path, expected, [q for q in bank["questions"] if q["page"] == path],
                    within=None if path in WHOLE else PAGE_OWN)
    assert not problems, f"/{path}:\n  " + "\n  ".join(problems)


def test_diagrams_are_drawn_after_instant_navigation(new_tab):
    reader = new_tab(Reader)
    start = reader.visit("architecture/")  # links to the architecture pages, has no diagram
    assert not start.diagrams and not start.mermaid_requests
    first = reader.visit(navigate=lambda: reader.click_instantly(
        'article a[href$="architecture/autoscaling-cloudwatch-elb/"]', "**/architecture/autoscaling-cloudwatch-elb/"))
    second = reader.visit(navigate=lambda: reader.click_instantly(
        'article a[href$="compute/auto-scaling/"]', "**/compute/auto-scaling/"))  # a state diagram too
    assert not first.undrawn() + second.undrawn(), first.undrawn() + second.undrawn()
    assert len(first.diagrams) >= 1 and len(second.diagrams) >= 2
    assert (first.library_loads, second.library_loads) == (1, 0), "Mermaid is loaded once per document"
    assert not first.blocked + second.blocked


def test_a_glossary_term_shows_its_meaning_to_the_keyboard_as_to_the_pointer(tab):
    """From the page's title, Tab reaches the first glossary term; Material's tooltip shows its meaning and
    describes the term (aria-describedby), as on hover."""
    tab.goto("networking/vpc/")
    page = tab.page
    page.locator("article h1").evaluate("h1 => { h1.tabIndex = -1; h1.focus(); }")  # the title has no permalink
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.localName") == "abbr":
            break
    term = page.evaluate("() => document.activeElement.textContent")
    assert term == page.locator("article abbr").first.text_content(), f"Tab from the title reached {term!r}"
    page.wait_for_function("""(meaning) => {
        const id = document.activeElement.getAttribute("aria-describedby"), tip = id && document.getElementById(id);
        return tip && tip.classList.contains("md-tooltip2--active") && tip.textContent.trim() === meaning; }""",
        arg=dict(glossary_entries())[term])
    size = page.evaluate("""() => parseFloat(getComputedStyle(document.getElementById(
        document.activeElement.getAttribute("aria-describedby")).firstElementChild).fontSize)""")
    assert size >= 12, f"the meaning is drawn at {size}px (Material's 0.5rem, too small for Korean)"


# Puts the term 20 px above the bottom of what the reader sees (a pinch-zoomed page shows part of its viewport).
TERM_AT_THE_BOTTOM = """(el) => scrollBy({top: el.getBoundingClientRect().bottom + 20
  - (visualViewport.offsetTop + visualViewport.height), behavior: "instant"})"""


@pytest.mark.parametrize("zoom", [1, 2], ids=["unzoomed", "pinch-zoomed"])
def test_a_glossary_term_tapped_at_the_bottom_of_a_phone_shows_its_whole_meaning(zoom, new_tab):
    """Material shows a term's meaning below the term, even at the bottom edge of the screen: the page comes up."""
    tab = new_tab(viewport=PHONE_390, touch=True)
    tab.goto("networking/vpc/")
    page, term = tab.page, tab.page.locator("article abbr").nth(5)
    tab.context.new_cdp_session(page).send("Emulation.setPageScaleFactor", {"pageScaleFactor": zoom})
    page.wait_for_function(f"() => visualViewport.scale === {zoom}")
    term.evaluate(TERM_AT_THE_BOTTOM)
    term.tap()
    page.wait_for_function("""() => { const id = document.activeElement.getAttribute("aria-describedby"),
      tip = id && document.getElementById(id);
      if (!tip || !tip.classList.contains("md-tooltip2--active")) return false;
      const r = tip.getBoundingClientRect();
      return r.height > 0 && r.bottom <= visualViewport.offsetTop + visualViewport.height; }""")


def test_a_mouse_press_on_a_glossary_term_leaves_the_page_where_it_is(tab):
    """The pointer shows a term's meaning on hover; a press on a term at the bottom of the window (a text selection
    may start there) does not move the page."""
    tab.goto("networking/vpc/")
    page, term = tab.page, tab.page.locator("article abbr").nth(5)
    term.evaluate(TERM_AT_THE_BOTTOM)
    before = page.evaluate("scrollY")
    box = term.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    try:
        assert page.evaluate("[scrollY, document.activeElement.localName]") == [before, "abbr"]
    finally:
        page.mouse.up()


def test_a_table_wider_than_a_phone_scrolls_under_its_first_column_and_prints_plain(new_tab):
    """extra.css: on Material's scrolling table wrapper, shadows fixed at its edges and covers in the page's colour
    that move with the table (as on the diagrams); the table lets them show and they stop at its bottom edge. Each
    row's first cell (its label) stays at the left edge, in the page's colour, while the rest scrolls under it, and
    what the keyboard focuses there comes out from under it; on a phone a long first header wraps, so that column
    stays narrow."""
    tab = new_tab(viewport=PHONE_390, touch=True)
    tab.goto("compute/elb/")  # its first table (ALB, NLB, GWLB, CLB side by side) is twice a phone's width
    wrap = """() => { const w = document.querySelector("article .md-typeset__scrollwrap"), t = w.querySelector("table");
      const cs = getComputedStyle(w), painted = w.getBoundingClientRect().bottom - parseFloat(cs.borderBottomWidth);
      return {scrolls: w.scrollWidth > w.clientWidth, attachment: cs.backgroundAttachment, clip: cs.backgroundClip,
        layers: cs.backgroundImage.match(/linear-gradient/g)?.length ?? 0, table: getComputedStyle(t).backgroundColor,
        shadowEnd: Math.round(painted - t.getBoundingClientRect().bottom), bar: cs.scrollbarColor}; }"""
    shown = tab.page.evaluate(wrap)
    assert shown.pop("bar") == tab.page.evaluate(SCROLL_BAR), "the scroll bar takes the page's (Firefox drew a white one)"
    assert shown == {"scrolls": True, "attachment": "local, local, scroll, scroll", "layers": 4,
                     "clip": ", ".join(["padding-box"] * 4), "table": "rgba(0, 0, 0, 0)", "shadowEnd": 0}
    # Scrolled to its end: each row's first cell is at the wrapper's left edge, on top of what scrolled under it,
    # painted in the page's colour.
    labels = """() => { const w = document.querySelector("article .md-typeset__scrollwrap");
      w.scrollLeft = w.scrollWidth; const left = w.getBoundingClientRect().left, page = getComputedStyle(document.body).backgroundColor;
      return [...w.querySelectorAll("tr > :first-child")].filter((cell) => {
        scrollBy({top: cell.getBoundingClientRect().top - 200, behavior: "instant"});
        const r = cell.getBoundingClientRect(), top = document.elementFromPoint(r.left + 4, r.top + r.height / 2)?.closest("th, td");
        return Math.abs(r.left - left) > 1 || top !== cell || getComputedStyle(cell).backgroundColor !== page;
      }).map((cell) => cell.textContent.trim()); }"""
    for scheme in ("default", "slate"):
        tab.scheme(scheme)
        assert tab.page.evaluate(labels) == [], f"row labels that scrolled away or let the table show through ({scheme})"
    # Shift+Tab back through the table from its last term, scrolled to its end: each term the keyboard reaches in
    # the scrolling columns comes out from under the stuck column (HTTP and HTTPS stayed under it).
    count = tab.page.evaluate(f"""() => {{ const w = document.querySelector("article .md-typeset__scrollwrap");
      const terms = w.querySelectorAll({FOCUSABLE!r}), last = terms[terms.length - 1];
      last.scrollIntoView({{block: "center"}}); w.scrollLeft = w.scrollWidth; last.focus(); return terms.length; }}""")
    reached = []
    for _ in range(count - 1):
        tab.page.keyboard.press("Shift+Tab")
        reached.append(tab.page.evaluate(f"""() => {{ const el = document.activeElement;
          if (!el.matches({FOCUSABLE!r})) return null;
          const cell = el.closest("tr").firstElementChild;
          return [el.textContent, Math.round(cell.getBoundingClientRect().right - el.getBoundingClientRect().left)]; }}"""))
    assert count > 5 and None not in reached, f"Shift+Tab left the table's terms: {reached}"
    assert [term for term in reached if term[1] > 0] == [], "terms focused under the stuck first column (px under it)"
    # A long first header wraps: the stuck column leaves room for the columns that scroll under it.
    tab.goto("networking/rfc-1918/")  # "VPC의 CIDR 블록이 속한 범위" over short cells (10.0.0.0/8)
    share = tab.page.evaluate("""() => Math.max(...[...document.querySelectorAll("article .md-typeset__scrollwrap")].map((w) =>
      w.querySelector("tr > :first-child").getBoundingClientRect().width / w.clientWidth))""")
    assert share < 0.4, f"a stuck first column takes {share:.0%} of its table's box on a phone"
    tab.page.emulate_media(media="print")
    assert tab.page.evaluate(wrap)["layers"] == 0
    assert tab.page.locator("article table").first.locator("td").first.evaluate(
        "(cell) => getComputedStyle(cell).position") == "static"


def test_diagrams_drawn_above_a_section_a_link_opened_leave_the_view_and_the_back_to_top_button_alone(new_tab):
    """mermaid-loader.js: a diagram drawn above the reader's view keeps its placeholder's height, so the browser does
    not scroll up to keep the reader's place and Material does not take that for the reader scrolling up (its
    back-to-top button would cover the heading); the reader's own scrolling up lets the diagram shrink."""
    tab = new_tab(viewport=PHONE_390, touch=True)
    tab.page.add_init_script("""window.__upward = 0; let y = 0;
      addEventListener("scroll", () => { if (scrollY < y) window.__upward++; y = scrollY; }, {passive: true});""")
    tab.goto("networking/subnet-design/#calculator")  # a diagram above the calculator is drawn once near
    wait_drawn(tab.page)
    tab.page.evaluate(FRAMES)
    # diagrams kept at their placeholder's height, taller than their drawing (the readers' tabs open shadow roots)
    held = """() => [...document.querySelectorAll("article div.mermaid")].filter((d) => d.style.minHeight
      && parseFloat(d.style.minHeight) > d.shadowRoot.querySelector("svg").getBoundingClientRect().height + 1).length"""
    state = tab.page.evaluate(f"""() => ({{upward: window.__upward, top: document.querySelector(".md-top").hidden,
      heading: Math.round(document.getElementById("calculator").getBoundingClientRect().top), held: ({held})()}})""")
    assert (state["upward"], state["top"]) == (0, True), state
    assert state["held"] >= 1, "no diagram above the calculator was drawn shorter than its placeholder"
    tab.page.mouse.wheel(0, -100)
    tab.page.wait_for_function("""() => ![...document.querySelectorAll("article div.mermaid")].some((d) => d.style.minHeight)""")


def test_without_scroll_anchoring_a_held_diagram_that_shrinks_leaves_the_section_where_it_was(new_tab):
    """Safari has no scroll anchoring: when the reader scrolls up and a held diagram above shrinks, mermaid-loader.js
    scrolls back by the difference, so what the reader sees moves only as far as they scrolled."""
    tab = new_tab(viewport=PHONE_390, touch=True)
    tab.page.add_init_script("""const supports = CSS.supports.bind(CSS);
      CSS.supports = (...args) => !String(args[0]).startsWith("overflow-anchor") && supports(...args);
      document.addEventListener("DOMContentLoaded", () => document.head.insertAdjacentHTML("beforeend",
        "<style>* { overflow-anchor: none !important; }</style>"));""")
    tab.goto("networking/subnet-design/#calculator")
    wait_drawn(tab.page)
    tab.page.evaluate(FRAMES)
    heading = """() => Math.round(document.getElementById("calculator").getBoundingClientRect().top)"""
    before = tab.page.evaluate(heading)
    assert tab.page.evaluate("""() => [...document.querySelectorAll("article div.mermaid")].some((d) => d.style.minHeight)""")
    tab.page.evaluate("scrollBy({top: -100, behavior: 'instant'})")
    tab.page.wait_for_function("""() => ![...document.querySelectorAll("article div.mermaid")].some((d) => d.style.minHeight)""")
    tab.page.evaluate(FRAMES)
    assert tab.page.evaluate(heading) == before + 100


def test_a_reader_who_does_not_scroll_down_loads_no_mermaid_and_sees_no_source(new_tab):
    reader = new_tab(Reader)
    before = reader.visit(FAR_DOWN, scroll=False)
    first = reader.page.evaluate("() => document.querySelector('article pre.mermaid').getBoundingClientRect().top")
    assert first > 3 * reader.viewport["height"], f"/{FAR_DOWN}: choose a page whose first diagram is further down"
    waiting = reader.page.evaluate("""() => [...document.querySelectorAll("article pre.mermaid")].map((pre) => ({
        height: pre.getBoundingClientRect().height,
        source: getComputedStyle(pre.querySelector("code")).visibility,
    }))""")
    axe = [v["id"] for v in reader.axe("light")]
    after = reader.visit(navigate=lambda: None)  # now the reader scrolls through it
    assert before.mermaid_requests == ["javascripts/mermaid-loader.js"]
    assert waiting and all(w["source"] == "hidden" and w["height"] > 50 for w in waiting), waiting
    assert not axe, f"/{FAR_DOWN} before its diagrams are drawn: {axe}"
    assert not after.undrawn() and after.library_loads == 1


def test_the_gates_catch_other_hosts_console_errors_low_contrast_spilling_or_wrapped_labels_wide_tables_and_unnamed_diagrams(
        site_dir, tmp_path, browser):
    broken = link_site(site_dir, tmp_path / "site")
    page_file = writable(broken / "index.html")
    page_file.write_text(page_file.read_text(encoding="utf-8").replace(
        's3["7. S3, CloudFront"]', 's3["7. S3와 CloudFront를 함께 읽고 버킷 정책과 오리진 액세스 제어까지 정리하기"]', 1).replace(
        "</article>",
        '<p style="color:#bbb;background:#fff">흐린 글씨</p>'
        '<img src="https://fonts.example.com/logo.png" alt="외부 그림">'
        '<table><tr><th>넓은 표</th><td style="min-width:2000px">끝 열</td></tr></table>'
        "<script>console.error('깨진 스크립트')</script></article>", 1), encoding="utf-8")
    style = writable(broken / "stylesheets" / "extra.css")  # keep-all where Mermaid does not measure
    style.write_text(style.read_text(encoding="utf-8") + "\n.md-typeset .mermaid { word-break: keep-all; letter-spacing: .3em }\n",
                     encoding="utf-8")
    viewer = writable(broken / "javascripts" / "mermaid-dialog.mjs")  # the diagrams go unnamed
    named = viewer.read_text(encoding="utf-8")
    assert 'drawing.setAttribute("aria-label", title);' in named
    viewer.write_text(named.replace('drawing.setAttribute("aria-label", title);', ""), encoding="utf-8")
    with serve(broken) as address:
        reader = Reader(browser, address, reduced_motion="reduce")
        try:
            problems = "\n".join(read(reader, "", diagrams=len(diagram_kinds(page_file.read_text(encoding="utf-8")))))
            own = [v["id"] for v in reader.axe("light", PAGE_OWN)]  # what most pages audit
        finally:
            reader.close()
    for gate in ("fonts.example.com", "깨진 스크립트", "[serious] color-contrast", "overflows by",
                 "a table wider than the desktop column: 넓은 표", "a screen reader says '다이어그램: '",
                 "Mermaid wrapped the label '7. S3와 CloudFront"):
        assert gate in problems, f"{gate!r} not reported:\n{problems}"
    assert "color-contrast" in own


def test_content_tab_labels_are_not_underlined_like_the_links_in_the_text(tab):
    """Material puts an anchor in each content tab label: a tab, not a link, so not underlined as links are."""
    tab.goto("")  # the home page's roadmap: a table and a diagram in two tabs
    page = tab.page
    page.wait_for_selector("article .tabbed-labels a")
    lines = page.evaluate("""() => [".tabbed-labels a", "p a, td a"].map((s) =>
      [...document.querySelectorAll("article " + s)].map((a) => getComputedStyle(a).textDecorationLine))""")
    assert lines[0] and set(lines[0]) == {"none"}, lines[0]
    assert lines[1] and set(lines[1]) == {"underline"}, lines[1]
