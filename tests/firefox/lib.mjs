// Helpers for the Firefox checks (sitekit/firefox.py runs each script with BASE_URL and FIREFOX_PATH).
// A check calls `check(async ({ page, base, errors }) => { … })`: a fresh headless Firefox (WebDriver
// BiDi) and page; uncaught page errors are collected in `errors` and fail the check; an exception fails it
// with its message. Waits are for conditions (waitForSelector, waitForFunction), never for time.
import puppeteer from "puppeteer-core";

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function check(body) {
  const base = process.env.BASE_URL;
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: process.env.FIREFOX_PATH, headless: true,
    protocolTimeout: 600_000,  // a busy machine is slow, not wrong
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    page.on("pageerror", (error) => errors.push(String(error)));
    await body({ page, base, errors });
    assert(errors.length === 0, "page errors: " + errors.join("; "));
    console.log("ok");
  } catch (error) {
    console.error(error && error.stack || String(error));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
