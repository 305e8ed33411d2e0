// Firefox: a diagram opens full screen (docs/javascripts/mermaid-dialog.mjs) by a click and by Enter, with its
// labels at 12 px or more on a 390 px screen; Esc, 닫기 and back close it, the page stays, the focus comes back.
import assert from "node:assert/strict";

// The viewer (an open shadow root on <body>) and where the focus is.
const state = () => {
  const root = document.querySelector(".mermaid-viewer")?.shadowRoot;
  const dialog = root && root.querySelector("dialog");
  const host = document.activeElement;
  const result = {
    open: !!(dialog && dialog.open), url: location.href.split("#")[0], y: Math.round(scrollY),
    focus: host && host.matches("article div.mermaid") ? [...document.querySelectorAll("article div.mermaid")].indexOf(host) : -1,
  };
  if (!result.open) return result;
  const svg = root.querySelector(".canvas svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  let font = 99;
  for (const el of svg.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own && el.tagName !== "style") font = Math.min(font, parseFloat(getComputedStyle(el).fontSize) * scale);
  }
  const r = dialog.getBoundingClientRect();
  const screen = [document.documentElement.clientWidth, document.documentElement.clientHeight];  // (no scrollbars)
  return { ...result, font, rect: [r.x, r.y, r.width, r.height], screen,
           covers: r.x <= 0 && r.y <= 0 && r.width >= screen[0] && r.height >= screen[1] };
};
// Open with its history entry the current one, or closed with the page's entry current again (`at`: its index):
// a back or a reopening before the closing's history.back() has landed would race it.
const isOpen = (at) => !!document.querySelector(".mermaid-viewer")?.shadowRoot.querySelector("dialog").open
  && navigation.currentEntry.index === at + 1;
const isClosed = (at) => !document.querySelector(".mermaid-viewer")?.shadowRoot.querySelector("dialog").open
  && navigation.currentEntry.index === at;

export default async function ({ page, base, phone }) {
  await page.setViewport(phone);
  await page.goto(base + "networking/");
  await page.goto(base + "networking/vpc/");
  await page.evaluate(() => { window.sameDocument = true; });
  // the diagram, drawn (div) or not yet (pre): near the top of a tall phone screen it may be drawn at once
  await page.evaluate(() => document.querySelector("article :is(pre, div).mermaid").scrollIntoView({ block: "center" }));
  await page.waitForSelector("article div.mermaid");
  const at = await page.evaluate(() => navigation.currentEntry.index);

  // a click opens it, Esc closes it
  await page.click("article div.mermaid");
  await page.waitForFunction(isOpen, {}, at);
  const shown = await page.evaluate(state);
  assert(shown.covers, `the dialog covers ${shown.rect}, not the ${shown.screen} screen`);
  assert(shown.font >= 12, `a label is drawn at ${shown.font} px`);
  await page.keyboard.press("Escape");
  await page.waitForFunction(isClosed, {}, at);
  let closed = await page.evaluate(state);
  assert(closed.focus === 0, "after Esc the focus is not on the diagram");

  // the focus is on the diagram's button: Enter opens it again (the drawing, its last stop, has the focus: Tab wraps
  // to the first button, Shift+Tab back), 닫기 closes it
  await page.keyboard.press("Enter");
  await page.waitForFunction(isOpen, {}, at);
  const focused = () => document.querySelector(".mermaid-viewer").shadowRoot.activeElement?.getAttribute("aria-label");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(focused), "축소", "Tab from the drawing did not reach the viewer's first button");
  await page.keyboard.down("Shift");
  await page.keyboard.press("Tab");
  await page.keyboard.up("Shift");
  assert.equal(await page.evaluate(focused), "다이어그램", "Shift+Tab from the first button did not reach the drawing");
  await page.evaluate(() => document.querySelector(".mermaid-viewer").shadowRoot.querySelector("[data-close]").click());
  await page.waitForFunction(isClosed, {}, at);

  // back closes it and the page stays where it was
  await page.keyboard.press("Enter");
  await page.waitForFunction(isOpen, {}, at);
  const before = await page.evaluate(state);
  await page.goBack();
  await page.waitForFunction(isClosed, {}, at);
  closed = await page.evaluate(state);
  assert(closed.url === before.url && closed.y === before.y, `back left or scrolled the page: ${JSON.stringify(closed)}`);
  assert(await page.evaluate(() => window.sameDocument === true), "back reloaded the page");
  assert(closed.focus === 0, "after back the focus is not on the diagram");

  // no dialog left an entry behind: one more back leaves the page (history.back(): Puppeteer's goBack may wait
  // for a load event that a page restored from Firefox's back-forward cache never fires)
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => location.pathname.endsWith("/networking/"));
}
