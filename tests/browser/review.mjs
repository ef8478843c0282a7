// Drives the orchestrator's review page in headless Chromium: a text search, a label correction, the moderation
// and duplicate views, with a screenshot of each. Started by the .NET test ReviewPageBrowserTests, which seeds the
// database, starts the orchestrator and checks the stored correction afterwards.
//
// Environment: REVIEW_URL (the orchestrator), SCREENSHOTS (a folder), CHROMIUM (default /usr/bin/chromium),
// NEW_LABEL (the label to correct to). Prints one JSON line: the correction as the page sent it.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.env.REVIEW_URL;
const shots = process.env.SCREENSHOTS;
const newLabel = process.env.NEW_LABEL ?? "corrected";
if (!base || !shots) {
  console.error("REVIEW_URL and SCREENSHOTS must be set");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  page.setDefaultTimeout(20000);

  await page.goto(`${base}/review/`);
  await page.getByText(/active model: /).waitFor();
  await page.fill("#search-text", "a photo of a cat");
  await page.click("#search-form button[type=submit]");
  await page.locator("#search-results .card img").first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll("#search-results img")]
    .every((img) => img.complete && img.naturalWidth > 0));
  const hits = await page.locator("#search-results .card").count();
  await page.screenshot({ path: join(shots, "1-search.png"), fullPage: true });

  await page.locator("#search-results .card").first().click();
  await page.locator("#detail-labels tbody tr").first().waitFor();
  await page.waitForFunction(() => document.querySelector("#correction-set").options.length > 0);
  const imageId = Number(await page.locator("#search-results .card").first().getAttribute("data-image-id"));
  const labelSet = await page.inputValue("#correction-set");
  const oldLabel = await page.textContent("#correction-old");
  await page.fill("#correction-new", newLabel);
  await page.click("#correction-save");
  await page.getByText(`→ ${newLabel}`).waitFor();
  await page.screenshot({ path: join(shots, "2-correction.png"), fullPage: true });

  await page.click("#detail-close");
  await page.click(".tab[data-view=moderation]");
  await page.waitForFunction(() => document.querySelector("#policy").options.length > 0);
  await page.click("#moderation-form button[type=submit]");
  await page.locator("#moderation-results .card").first().waitFor();
  const flagged = await page.locator("#moderation-results .card").count();
  await page.screenshot({ path: join(shots, "3-moderation.png"), fullPage: true });

  await page.click(".tab[data-view=duplicates]");
  await page.locator("#duplicate-groups .group").first().waitFor();
  const groups = await page.locator("#duplicate-groups .group").count();
  await page.screenshot({ path: join(shots, "4-duplicates.png"), fullPage: true });

  console.log(JSON.stringify({ imageId, labelSet, oldLabel, newLabel, hits, flagged, groups, failures }));
} finally {
  await browser.close();
}
process.exit(failures.length === 0 ? 0 : 1);
