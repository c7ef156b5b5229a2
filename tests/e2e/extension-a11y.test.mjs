// The popup for people who do not use it the default way: WCAG AA contrast of every text in
// light and dark, accessible names, keyboard-only use, right-to-left, 200% zoom and reduced
// motion, on the real extension in headless Chromium (pages served on 127.0.0.1).
// Screenshots: target/screenshots/popup-{rtl,zoom200,...}.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  SCREENSHOTS,
  auditInPage,
  openPopup,
  startHarness,
  tabIdOf,
  waitForState,
} from "./lib-ext.mjs";

let harness;
let site;
let ext;

before(async () => {
  harness = await startHarness();
  ({ site, ext } = harness);
});

after(async () => {
  await harness?.close();
});

async function visit(path) {
  const page = await ext.context.newPage();
  await page.goto(site.url(path));
  return { page, tabId: await tabIdOf(ext, page) };
}

/** Opens every disclosure so that quotes, facts and findings are audited too. */
async function openAll(popup) {
  await popup.$$eval("#card details", (ds) => ds.forEach((d) => (d.open = true)));
}

function assertAudit(audit, what) {
  assert.ok(audit.checked > 10, `${what}: text was audited (${audit.checked})`);
  assert.deepEqual(audit.low, [], `${what}: text below WCAG AA contrast`);
  assert.deepEqual(audit.unnamed, [], `${what}: controls without an accessible name`);
}

test("contrast AA and accessible names in every popup state, light and dark", async () => {
  const policy = await visit("/policy.html");
  await waitForState(ext, policy.tabId, (s) => s?.status === "report");
  const shop = await visit("/shop.html"); // linked policy: sells (bad), caution rows
  const article = await visit("/article.html"); // no policy: the not-a-policy state
  const broken = await visit("/shop-broken.html"); // the unreachable state
  for (const scheme of ["light", "dark"]) {
    for (const [name, tab] of [["policy", policy], ["linked", shop], ["no-policy", article], ["unreachable", broken]]) {
      const popup = await openPopup(ext, tab.tabId, { colorScheme: scheme });
      await openAll(popup);
      assertAudit(await popup.evaluate(auditInPage), `${name} (${scheme})`);
      await popup.close();
    }
  }
  for (const t of [policy, shop, article, broken]) await t.page.close();
});

test("every state the view draws: its own title, never the red 'bad' icon, AA contrast (gallery screenshots)", async () => {
  for (const scheme of ["light", "dark"]) {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 420, height: 640 });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=999999`);
    await page.waitForSelector("#card [data-state]");
    const states = await page.evaluate(async () => {
      const view = await import("./ui/report-view.js");
      const t = await view.loadTranslator(new URL("./ui/", location.href).href, "en");
      const gallery = document.createElement("div");
      gallery.id = "gallery";
      gallery.style.cssText = "display:grid;gap:8px";
      const out = [];
      for (const state of view.STATES) {
        const box = document.createElement("div");
        gallery.append(box);
        view.renderState(box, state, { t, message: state === "error" ? "the page did not answer" : undefined });
        const icon = box.querySelector(".plv-icon");
        out.push({
          state,
          title: box.querySelector(".plv-state-title")?.textContent ?? null,
          icon: icon?.className ?? null,
          name: icon?.getAttribute("aria-label") ?? null,
        });
      }
      document.body.replaceChildren(gallery);
      return out;
    });
    for (const s of states) {
      if (s.state === "analyzing") continue;
      assert.ok(s.title && !s.title.startsWith("view_"), `${s.state} has a translated title`);
      assert.doesNotMatch(s.icon, /plv-icon-bad/, `${s.state} does not use the 'bad' verdict's icon`);
      assert.ok(s.name, `${s.state}'s icon has a name`);
    }
    assert.match(states.find((s) => s.state === "error").icon, /plv-icon-error/);
    const titles = states.filter((s) => s.title).map((s) => s.title);
    assert.equal(new Set(titles).size, titles.length, "each state has its own title");
    const audit = await page.evaluate(auditInPage);
    assert.deepEqual(audit.low, [], `states (${scheme}): text below WCAG AA contrast`);
    await page.screenshot({ path: join(SCREENSHOTS, `popup-states-${scheme}.png`), fullPage: true });
    await page.close();
  }
});

test("small and calm: the three rows fit Chrome's 600 px popup without scrolling", async () => {
  const policy = await visit("/policy.html");
  await waitForState(ext, policy.tabId, (s) => s?.status === "report");
  const shop = await visit("/shop.html");
  for (const tab of [policy, shop]) {
    const popup = await openPopup(ext, tab.tabId);
    const bottom = await popup.evaluate(() => {
      document.body.classList.remove("pl-in-tab"); // as the toolbar popup shows it
      const rows = document.querySelectorAll("#card .plv-row");
      return { rows: rows.length, bottom: Math.ceil(rows[rows.length - 1].getBoundingClientRect().bottom), width: document.body.getBoundingClientRect().width };
    });
    assert.equal(bottom.rows, 3);
    assert.ok(bottom.bottom <= 600, `the retention row ends at ${bottom.bottom} px`);
    assert.ok(bottom.width >= 360 && bottom.width <= 400, `popup width ${bottom.width} px`);
    await popup.close();
  }
  await policy.page.close();
  await shop.page.close();
});

test("keyboard only: Tab reaches every row, Enter opens it, 'show in page' and the tools, with a visible focus ring", async () => {
  const { page, tabId } = await visit("/policy.html");
  await waitForState(ext, tabId, (s) => s?.status === "report");
  const popup = await openPopup(ext, tabId);
  const order = [];
  for (let i = 0; i < 12; i++) {
    await popup.keyboard.press("Tab");
    const info = await popup.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return {
        what: el.closest("[data-practice]")?.dataset.practice ?? el.id ?? el.tagName,
        tag: el.tagName,
        ring: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2,
      };
    });
    order.push(info);
  }
  const rows = order.filter((o) => o.tag === "SUMMARY").map((o) => o.what);
  assert.deepEqual(rows.slice(0, 3), ["tracking", "sale", "retention"], "the three rows in order");
  // (Past the last control, focus wraps through the document itself.)
  assert.ok(order.filter((o) => o.tag !== "BODY").every((o) => o.ring), `every focused control shows a focus ring: ${JSON.stringify(order)}`);
  assert.ok(order.some((o) => o.what === "copy") && order.some((o) => o.what === "options"), "the tools are reachable");
  // Enter on the focused sale row opens it; its "show in page" button follows in the Tab order.
  await popup.focus('[data-practice="sale"] summary');
  await popup.keyboard.press("Enter");
  await popup.keyboard.press("Tab");
  assert.equal(await popup.evaluate(() => document.activeElement.className), "plv-show");
  await popup.keyboard.press("Enter");
  await popup.waitForFunction(() => document.getElementById("toast").textContent.length > 0);
  assert.equal(await popup.textContent("#toast"), "Highlighted in the page.");
  await popup.close();
  await page.close();
});

test("screen readers: each level icon is an image named by its level; the card and rows have names", async () => {
  const { page, tabId } = await visit("/policy.html");
  await waitForState(ext, tabId, (s) => s?.status === "report");
  const popup = await openPopup(ext, tabId);
  const names = await popup.$$eval("#card .plv-row .plv-icon", (icons) => icons.map((i) => [i.getAttribute("role"), i.getAttribute("aria-label")]));
  assert.deepEqual(names, [["img", "Bad"], ["img", "Good"], ["img", "Good"]]);
  const snapshot = await popup.locator("#card").ariaSnapshot();
  assert.match(snapshot, /group "Privacy summary"/);
  assert.match(snapshot, /img "Bad"/);
  assert.match(snapshot, /Tracking/);
  assert.match(snapshot, /Third-party tracking/);
  await popup.close();
  await page.close();
});

test("right-to-left and 200% zoom: nothing overflows, nothing is cut off (screenshots)", async () => {
  const { page, tabId } = await visit("/policy.html");
  await waitForState(ext, tabId, (s) => s?.status === "report");
  const rtl = await openPopup(ext, tabId);
  await rtl.evaluate(() => {
    document.documentElement.dir = "rtl";
    document.querySelector('[data-practice="sale"] details').open = true;
  });
  const rtlLayout = await rtl.evaluate(() => {
    const row = document.querySelector('[data-practice="tracking"] .plv-summary');
    const icon = row.querySelector(".plv-icon").getBoundingClientRect();
    const text = row.querySelector(".plv-row-text").getBoundingClientRect();
    const quote = document.querySelector('[data-practice="sale"] .plv-quote');
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      iconRightOfText: icon.left >= text.right - 1,
      quoteBorderRight: parseFloat(getComputedStyle(quote).borderRightWidth) > 0,
    };
  });
  assert.equal(rtlLayout.overflow, 0, "no horizontal scroll in RTL");
  assert.ok(rtlLayout.iconRightOfText, "the level icon is on the start (right) side in RTL");
  assert.ok(rtlLayout.quoteBorderRight, "the quote's bar is on the start (right) side in RTL");
  await rtl.screenshot({ path: join(SCREENSHOTS, "popup-rtl-light.png"), fullPage: true });
  await rtl.close();

  // 200% zoom: Chromium gives a zoomed popup a wider window (up to 800 px); the text must wrap
  // inside it rather than be clipped.
  const zoom = await ext.context.newPage();
  await zoom.setViewportSize({ width: 800, height: 600 });
  await zoom.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await zoom.waitForSelector('#card [data-state="report"]');
  await zoom.evaluate(() => {
    document.documentElement.style.zoom = "2";
    document.querySelector('[data-practice="tracking"] details').open = true;
  });
  const clipped = await zoom.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("#card *, header *, footer *")) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible" && el.clientWidth > 0) out.push(el.className || el.tagName);
    }
    return { out, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  assert.deepEqual(clipped.out, [], "no text box clips its content at 200%");
  assert.ok(clipped.overflow <= 0, `no horizontal scroll at 200% (${clipped.overflow} px)`);
  await zoom.screenshot({ path: join(SCREENSHOTS, "popup-zoom200-light.png"), fullPage: true });
  await zoom.close();
  await page.close();
});

test("prefers-reduced-motion: the spinner does not spin and disclosures do not animate", async () => {
  const { page, tabId } = await visit("/policy.html");
  await waitForState(ext, tabId, (s) => s?.status === "report");
  const popup = await ext.context.newPage();
  await popup.emulateMedia({ reducedMotion: "reduce" });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#card [data-state="report"]');
  const motion = await popup.evaluate(async () => {
    const { renderState } = await import("./ui/report-view.js");
    const box = document.createElement("div");
    document.body.append(box);
    renderState(box, "analyzing", { t: (k) => k });
    const spinner = getComputedStyle(box.querySelector(".plv-spinner"));
    const chevron = getComputedStyle(document.querySelector(".plv-chevron"));
    return { spin: spinner.animationName, chevron: chevron.transitionDuration };
  });
  assert.doesNotMatch(motion.spin, /plv-spin/, "no spinning");
  assert.match(motion.chevron, /^0s/, "no chevron animation");
  await popup.close();
  await page.close();
});
