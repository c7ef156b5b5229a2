// The demo page for people who do not use it the default way: WCAG AA contrast of every text in
// light and dark (with every row and finding open), accessible names, keyboard-only use of the
// samples, right-to-left, 200% zoom and a phone width without horizontal scrolling.
// Screenshots: target/screenshots/demo-{rtl,zoom200}.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOTS, launch, requireStaged, serveStatic } from "./lib-demo.mjs";
import { auditInPage } from "./lib-ext.mjs";

let server;
let browser;

before(async () => {
  requireStaged();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveStatic();
  browser = await launch(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openWithSample(sample, { colorScheme = "light", width = 1280 } = {}) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url);
  await page.click(`.sample[data-sample="${sample}"]`);
  await page.waitForSelector(`#summary [data-state="report"]`);
  await page.waitForFunction((s) => document.querySelector(`.sample[data-sample="${s}"]`)?.getAttribute("aria-pressed") === "true", sample);
  return page;
}

test("contrast AA and accessible names on the demo page, light and dark, every row open", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const sample of ["mirantis", "pingcap"]) {
      const page = await openWithSample(sample, { colorScheme });
      await page.$$eval("#summary details", (ds) => ds.forEach((d) => (d.open = true)));
      const audit = await page.evaluate(auditInPage);
      assert.ok(audit.checked > 40, `${sample} ${colorScheme}: text was audited (${audit.checked})`);
      assert.deepEqual(audit.low, [], `${sample} ${colorScheme}: text below WCAG AA contrast`);
      assert.deepEqual(audit.unnamed, [], `${sample} ${colorScheme}: controls without an accessible name`);
      await page.close();
    }
  }
});

test("keyboard only: a sample is chosen with Tab and Enter, and focus is always visible", async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => !/Loading/.test(document.getElementById("meta").textContent));
  let reached = null;
  const rings = [];
  for (let i = 0; i < 8 && !reached; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return { sample: el.dataset?.sample ?? null, ring: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2, tag: el.tagName };
    });
    rings.push(info);
    if (info.sample) reached = info.sample;
  }
  assert.equal(reached, "mirantis", `the first sample is reached by Tab: ${JSON.stringify(rings)}`);
  assert.ok(rings.every((r) => r.ring), `a visible focus ring on each stop: ${JSON.stringify(rings)}`);
  await page.keyboard.press("Enter");
  await page.waitForSelector('#summary [data-state="report"]');
  await page.close();
});

test("right-to-left, 200% zoom and a 320 px phone: no horizontal scroll, nothing clipped (screenshots)", async () => {
  const rtl = await openWithSample("mirantis");
  await rtl.evaluate(() => (document.documentElement.dir = "rtl"));
  assert.equal(await rtl.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "RTL");
  // The policy keeps its own (left-to-right) direction inside a right-to-left page.
  assert.equal(await rtl.evaluate(() => getComputedStyle(document.getElementById("policy-text")).direction), "ltr");
  await rtl.screenshot({ path: join(SCREENSHOTS, "demo-rtl.png") });
  await rtl.close();

  // Browser zoom at 200% halves the CSS viewport: a 1280 × 900 window becomes 640 × 450, and the
  // page's own breakpoints apply (a CSS zoom would keep the desktop layout and is no test).
  const zoom = await openWithSample("mirantis", { width: 640 });
  await zoom.setViewportSize({ width: 640, height: 450 });
  assert.ok(await zoom.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth) <= 0, "200% zoom");
  await zoom.screenshot({ path: join(SCREENSHOTS, "demo-zoom200.png") });
  await zoom.close();

  const phone = await openWithSample("pingcap", { width: 320 });
  await phone.$$eval("#summary details", (ds) => ds.forEach((d) => (d.open = true)));
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth) <= 0, "320 px");
  await phone.close();
});
