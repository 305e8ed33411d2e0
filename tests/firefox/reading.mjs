// Firefox: a page opens, instant navigation reaches a diagram page, and its diagrams are drawn.
import assert from "node:assert/strict";

export default async function ({ page, base }) {
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
}
