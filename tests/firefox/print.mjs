// Firefox: Ctrl+P on a page whose diagram is far below (not yet drawn) draws it first, then opens the print
// dialog (docs/javascripts/mermaid-loader.js); here a stand-in notes what would be printed.
import assert from "node:assert/strict";

export default async function ({ page, base }) {
  await page.goto(base + "principles/well-architected/");  // its diagram is more than three screens down
  const waiting = await page.evaluate(() => document.querySelectorAll("article pre.mermaid").length);
  assert(waiting > 0, "no diagram waits to be drawn");
  await page.evaluate(() => {
    window.print = () => {
      window.printed = { waiting: document.querySelectorAll("article pre.mermaid").length,
                         drawn: document.querySelectorAll("article div.mermaid").length };
    };
  });
  await page.keyboard.down("Control");
  await page.keyboard.press("p");
  await page.keyboard.up("Control");
  await page.waitForFunction(() => window.printed);
  assert.deepEqual(await page.evaluate(() => window.printed), { waiting: 0, drawn: waiting });
}
