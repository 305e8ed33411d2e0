// Firefox: a page opens, instant navigation reaches a diagram page, and its diagrams are drawn; on a phone, a table
// wider than the screen scrolls under its first column (extra.css).
import assert from "node:assert/strict";

export default async function ({ page, base, phone }) {
  await page.goto(base + "networking/");
  await page.waitForSelector("article h1");
  await page.evaluate(() => { window.sameDocument = true; });
  await page.click('article a[href$="networking/vpc/"]');
  await page.waitForFunction(() => location.pathname.endsWith("/networking/vpc/")
    && document.querySelector("article h1").textContent.includes("VPC"));
  assert(await page.evaluate(() => window.sameDocument === true), "the click reloaded the page");
  // Material replaces each pre.mermaid by a div.mermaid holding the drawn diagram
  await page.evaluate(() => document.querySelectorAll("article pre.mermaid").forEach((pre) => pre.scrollIntoView()));
  await page.waitForFunction(() => !document.querySelector("article pre.mermaid")
    && document.querySelectorAll("article div.mermaid").length > 0);
  await page.setViewport(phone);
  await page.goto(base + "compute/elb/");
  await page.waitForSelector("article .md-typeset__scrollwrap table");
  const away = await page.evaluate(() => {
    const wrap = document.querySelector("article .md-typeset__scrollwrap");
    wrap.scrollLeft = wrap.scrollWidth;
    const left = wrap.getBoundingClientRect().left;
    return [wrap.scrollLeft, [...wrap.querySelectorAll("tr > :first-child")]
      .filter((cell) => Math.abs(cell.getBoundingClientRect().left - left) > 1).map((cell) => cell.textContent.trim())];
  });
  assert(away[0] > 100 && away[1].length === 0, `row labels scrolled away with the table: ${JSON.stringify(away)}`);
}
