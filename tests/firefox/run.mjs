// The Firefox checks (sitekit/firefox.py runs this file with BASE_URL, FIREFOX_PATH, WAIT_MS and PHONE): one headless Firefox
// (WebDriver BiDi) for all of them. Each check module beside this file exports a function that gets a fresh
// browser context's page, the site's address and the phone's viewport, and asserts with node:assert. An uncaught page error or an
// exception fails a check; every check runs and says "ok <file>" or why not. Waits are for conditions, never time.
import { readdirSync } from "node:fs";
import puppeteer from "puppeteer-core";

async function main() {
  const here = new URL(".", import.meta.url), wait = Number(process.env.WAIT_MS);
  const names = readdirSync(here).filter((f) => f.endsWith(".mjs") && f !== "run.mjs").sort();
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: process.env.FIREFOX_PATH, headless: true,
    protocolTimeout: 5 * wait,  // a busy machine is slow, not wrong; a protocol call may span several waits
  });
  try {
    for (const name of names) {
      const context = await browser.createBrowserContext();  // its own storage: no check sees another's
      const errors = [];
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(wait);
        page.on("pageerror", (error) => errors.push(String(error)));
        await (await import(new URL(name, here))).default({ page, base: process.env.BASE_URL, phone: JSON.parse(process.env.PHONE) });
        if (errors.length) throw new Error("page errors: " + errors.join("; "));
        console.log(`ok ${name}`);
      } catch (error) {
        console.error(`FAIL ${name}: ${error && error.stack || String(error)}`);
        process.exitCode = 1;
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
