// Firefox: a topic page's question answers by click and by keyboard, says so in its live region, opens the
// explanation, and after a reload the answers are still there (localStorage); the mock exam draws, scores.
import assert from "node:assert/strict";

const READY = "#quiz[data-quiz-ready]";
const status = (i) => `document.querySelectorAll("article .quiz")[${i}].querySelector(".quiz__status").textContent`;

export default async function ({ page, base }) {
  await page.goto(base + "networking/rfc-1918/");
  await page.waitForSelector(READY);
  const answers = await page.$$eval("article .quiz", (qs) => qs.map((q) => +q.dataset.answer));
  const ids = await page.$$eval("article .quiz", (qs) => qs.map((q) => q.id));

  // question 1 by a click on its right choice
  const labels = await page.$$eval("article .quiz", (qs) => qs[0].querySelectorAll("label.quiz__choice").length);
  await page.click(`#${ids[0]} label.quiz__choice:nth-of-type(${answers[0]})`);
  await page.waitForFunction(`${status(0)} === "정답입니다."`);
  const opened = await page.evaluate(() => document.querySelector("article .quiz details").open);
  assert(opened, "the explanation did not open");

  // question 2 by the keyboard: focus its first choice, ArrowDown (moves, does not answer), Space (answers)
  await page.evaluate(() => document.querySelectorAll("article .quiz")[1].querySelector("input").focus());
  await page.keyboard.press("ArrowDown");
  assert(await page.evaluate(`${status(1)} === ""`), "an arrow key answered");
  await page.keyboard.press(" ");
  const said = answers[1] === 2 ? "정답입니다." : `오답입니다. 정답은 ${answers[1]}번입니다.`;
  await page.waitForFunction(`${status(1)} === ${JSON.stringify(said)}`);
  assert(labels === 4, "four choices");

  // reload: both answers are kept. A browser may commit a localStorage write for the site's other documents after
  // setItem returns (mdn/content#36295); a reader reloads later than that, so the reload waits until another page
  // reads both answers. A failure says what the page showed.
  const key = await page.evaluate(() => StudyCore.KEY);
  const other = await page.browserContext().newPage(), otherErrors = [];
  other.on("pageerror", (error) => otherErrors.push(String(error)));
  await other.goto(base + "404.html");
  // on an interval: polling on animation frames (the default) would depend on which tab is in front
  await other.waitForFunction((k) => Object.keys(JSON.parse(localStorage.getItem(k) || "{}").answers || {}).length === 2,
    { polling: 50 }, key).catch((error) => {
    throw new Error(`another page never read both answers; its errors: ${JSON.stringify(otherErrors)}`, { cause: error });
  });
  await other.close();
  assert.deepEqual(otherErrors, [], "page errors on the other page");
  await page.bringToFront();  // back in front: a background tab runs no animation frames
  await page.reload();
  await page.waitForSelector(READY);
  const restored = `${status(0)} === "정답입니다." && ${status(1)} === ${JSON.stringify(said)}`;
  await page.waitForFunction(restored).catch(async (error) => {
    const shown = await page.evaluate(`[${status(0)}, ${status(1)}, localStorage.getItem(${JSON.stringify(key)})]`);
    throw new Error(`after the reload: ${JSON.stringify(shown)}, expected ${JSON.stringify(["정답입니다.", said])}`, { cause: error });
  });
  const checked = await page.$$eval("article .quiz input:checked", (inputs) => inputs.map((i) => +i.value));
  assert(JSON.stringify(checked) === JSON.stringify([answers[0], 2]), "kept answers: " + checked);

  // 모의고사: a seeded list of 10, handed in, scored
  await page.goto(base + "study/exam/?n=10&seed=firefox&mode=list");
  await page.waitForSelector("form.exam-setup button[type=submit]");
  await page.click("form.exam-setup button[type=submit]");
  await page.waitForSelector(".exam__question");
  const questions = await page.$$eval(".exam__question", (qs) => qs.length);
  assert(questions === 10, `${questions} questions`);
  for (let i = 1; i <= 10; i++) await page.click(`section[aria-labelledby="exam-q${i}"] label.quiz__choice`);
  await page.click(".exam__submit button");
  await page.waitForSelector("#exam-result");
  const score = await page.$eval(".exam__score", (el) => el.textContent);
  assert(/^10문제 중 \d+문제를 맞혔습니다/.test(score), score);
  // every question answered, the first choice each: the misses are wrong answers only
  const misses = await page.$eval("#exam-misses", (el) => el.textContent);
  assert(/^틀린 문제 \d+개$/.test(misses), misses);
}
