// The real extension in headless Chromium (Debian's /usr/bin/chromium via playwright-core),
// on pages served by the test itself on 127.0.0.1. Every request of the browser goes through a
// recording proxy (lib-ext.mjs). Run: ./build.sh && node --test --test-concurrency=1 tests/e2e/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  isBrowserOwnHost,
  ROOT,
  SCREENSHOTS,
  currentWorker,
  openPopup,
  proxyHost,
  sampleNames,
  startHarness,
  tabIdOf,
  tabState,
  textToHtml,
  toolbar,
  waitForState,
} from "./lib-ext.mjs";
import { readFileSync } from "node:fs";

const CLI = join(ROOT, "target", "release", "policy-lens");
const PRACTICES = ["tracking", "sale", "retention"];

let harness;
let site;
let proxy;
let ext;
/** Every request Playwright saw from pages, the popup and the service worker. */
const seenByPlaywright = [];
/** Site paths the extension itself fetched (fetch() from the worker: Sec-Fetch-Dest "empty"). */
const expectedFetches = new Set();
const timings = [];

before(async () => {
  harness = await startHarness();
  ({ site, proxy, ext } = harness);
  ext.context.on("request", (r) => seenByPlaywright.push(r.url()));
});

after(async () => {
  site?.releaseSlow();
  await harness?.close();
  if (timings.length) {
    console.log("\npage load → badge (the content script runs at document_idle):");
    for (const t of timings) console.log(`  ${t.name.padEnd(12)} ${String(t.fromLoad).padStart(5)} ms after load, ${String(t.fromStart).padStart(5)} ms after navigation start (analysis ${t.analyzeMs} ms, ${t.blocks} blocks)`);
  }
});

async function visit(path) {
  const page = await ext.context.newPage();
  await page.goto(site.url(path));
  return { page, tabId: await tabIdOf(ext, page) };
}

const isReport = (s) => s?.status === "report";

function nativeReportOfHtml(html) {
  const dir = mkdtempSync(join(tmpdir(), "policy-lens-html-"));
  try {
    const file = join(dir, "page.html");
    writeFileSync(file, html);
    return JSON.parse(execFileSync(CLI, ["analyze", "--format", "json", file], { encoding: "utf8" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function shot(page, name) {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function popupVerdicts(popup) {
  return popup.$$eval("#card [data-practice][data-verdict]", (rows) => Object.fromEntries(rows.map((r) => [r.dataset.practice, r.dataset.verdict])));
}

test("the extension loads: worker, CSP, registered detection script, no web-accessible resources", async () => {
  // runtime.onInstalled registers the detection script; wait until it has.
  let info;
  for (let i = 0; i < 100; i++) {
    info = await currentWorker(ext).evaluate(async () => ({
      manifest: chrome.runtime.getManifest(),
      scripts: await chrome.scripting.getRegisteredContentScripts(),
    }));
    if (info.scripts.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(info.manifest.manifest_version, 3);
  assert.doesNotMatch(info.manifest.content_security_policy.extension_pages, /'unsafe-eval'|'unsafe-inline'|https?:/);
  assert.match(info.manifest.content_security_policy.extension_pages, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(info.manifest.web_accessible_resources, undefined);
  assert.equal(info.manifest.externally_connectable, undefined);
  assert.deepEqual(info.scripts.map((s) => s.id), ["policy-lens-detect"]);
  assert.deepEqual(info.scripts[0].js, ["extract.js", "content.js"]);
});

test("a privacy-policy page gets its badge: three segments, bad count, verdicts in the tooltip", async () => {
  const { page, tabId } = await visit("/policy.html");
  const state = await waitForState(ext, tabId, isReport, { what: "the policy page's report" });
  assert.equal(state.source, "page");
  assert.deepEqual(
    state.badge.segments.map((s) => [s.practice, s.verdict, s.level]),
    [
      ["tracking", "third_party", "bad"],
      ["sale", "no_sale", "good"],
      ["retention", "stated_period", "good"],
    ],
  );
  const bar = await toolbar(ext, tabId);
  assert.equal(bar.text, "1", "one bad practice");
  assert.match(bar.title, /Tracking: Third-party tracking \(Bad\)/);
  assert.match(bar.title, /Sale: Does not sell \(Good\)/);
  assert.match(bar.title, /Retention: Stated period \(Good\)/);
  await page.close();
});

test("the four samples as local pages: same verdicts as the native CLI on the same HTML; time to badge", async () => {
  for (const name of sampleNames()) {
    const { page, tabId } = await visit(`/samples/${name}.html`);
    const state = await waitForState(ext, tabId, isReport, { what: `${name}'s report` });
    const html = textToHtml(`Privacy Policy – ${name}`, readFileSync(join(ROOT, "tests", "fixtures", "samples", `${name}.txt`), "utf8"));
    const native = nativeReportOfHtml(html);
    assert.deepEqual(
      state.badge.segments.map((s) => s.verdict),
      PRACTICES.map((k) => native.practices[k].verdict),
      `${name}: extension and CLI verdicts on the same page (is pkg/ older than target/release? run ./build.sh)`,
    );
    const nav = await page.evaluate(() => {
      const e = performance.getEntriesByType("navigation")[0];
      return { origin: performance.timeOrigin, load: e.loadEventEnd };
    });
    timings.push({
      name,
      fromLoad: Math.round(state.badgeAt - (nav.origin + nav.load)),
      fromStart: Math.round(state.badgeAt - nav.origin),
      analyzeMs: state.timings.analyzeMs,
      blocks: native.stats.blocks,
    });
    await page.close();
  }
});

test("a plain-text policy (text/plain): same report as the CLI on the file; show in page works", async () => {
  const file = join(ROOT, "tests", "fixtures", "samples", "percona.txt");
  const native = JSON.parse(execFileSync(CLI, ["analyze", "--format", "json", file], { encoding: "utf8" }));
  const { page, tabId } = await visit("/text/percona-privacy.txt");
  const state = await waitForState(ext, tabId, isReport, { what: "the text policy's report" });
  assert.deepEqual(state.badge.segments.map((s) => s.verdict), PRACTICES.map((k) => native.practices[k].verdict));
  const popup = await openPopup(ext, tabId);
  const quote = native.practices.tracking.evidence[0].quote;
  await popup.click('[data-practice="tracking"] summary');
  await popup.click('[data-practice="tracking"] .plv-show');
  await popup.waitForFunction(() => document.getElementById("toast").textContent.length > 0);
  const highlighted = await page.evaluate(() => [...(CSS.highlights.get("policy-lens") ?? [])].map((r) => r.toString()));
  assert.deepEqual(highlighted, [quote]);
  await popup.close();
  await page.close();
});

test("pages that are not policies get no badge (an article; a page that only repeats 'privacy')", async () => {
  const article = await visit("/article.html");
  // The content script is there and has made its cheap check (nothing to send).
  const pong = await currentWorker(ext).evaluate((id) => chrome.tabs.sendMessage(id, { kind: "content:ping" }, { frameId: 0 }), article.tabId);
  assert.deepEqual(pong, { ok: true });
  assert.equal(await tabState(ext, article.tabId), null, "no state: the article's text was never read");
  assert.equal((await toolbar(ext, article.tabId)).text, "");

  const word = await visit("/privacy-word.html");
  const state = await waitForState(ext, word.tabId, (s) => s !== null, { what: "the analysis of the 'privacy' page" });
  assert.equal(state.status, "not_policy", "the title says privacy, the analyzer says it is no policy");
  assert.equal(state.pageReport.is_policy, false);
  assert.equal((await toolbar(ext, word.tabId)).text, "");
  assert.equal(state.badge.segments, null);
  await article.page.close();
  await word.page.close();
});

test("cost on a large page that is not a policy: the cheap check vs. reading the text", async () => {
  const { page, tabId } = await visit("/big-article.html");
  // The same functions as the content script, timed in the page (extract.js is a plain script).
  await page.addScriptTag({ content: readFileSync(join(ROOT, "extension", "extract.js"), "utf8") });
  const cost = await page.evaluate(() => {
    const X = globalThis.PolicyLensExtract;
    const time = (f, n) => {
      const t0 = performance.now();
      let r;
      for (let i = 0; i < n; i++) r = f();
      return { ms: (performance.now() - t0) / n, r };
    };
    const hint = time(() => X.policyHint({ url: location.href, title: document.title, headings: X.firstHeadings(document) }), 20);
    const read = time(() => X.extractBlocks(document, { live: true }).blocks.length, 1);
    return { hintMs: hint.ms, likely: hint.r.likely, readMs: read.ms, blocks: read.r, chars: document.body.textContent.length };
  });
  assert.equal(cost.likely, false);
  assert.equal(await tabState(ext, tabId), null, "its text was not read");
  console.log(`cheap check on a ${Math.round(cost.chars / 1000)} kB page that is no policy: ${cost.hintMs.toFixed(2)} ms (reading its ${cost.blocks} blocks would take ${Math.round(cost.readMs)} ms)`);
  await page.close();
});

test("a shop page: the click finds the footer's Privacy link, fetches and analyzes that policy", async () => {
  const { page, tabId } = await visit("/shop.html");
  expectedFetches.add("/legal/privacy-notice.html");
  const popup = await openPopup(ext, tabId);
  const state = await tabState(ext, tabId);
  assert.equal(state.status, "report");
  assert.equal(state.source, "linked");
  assert.equal(state.policyUrl, site.url("/legal/privacy-notice.html"), "the Privacy link, not 'Your Privacy Choices'");
  assert.deepEqual(await popupVerdicts(popup), { tracking: "first_party", sale: "sells", retention: "as_needed" });
  const source = await popup.textContent("#source");
  assert.ok(source.includes(site.url("/legal/privacy-notice.html")), `the popup names the policy it read: ${source}`);
  assert.equal(await popup.$$eval("#card .plv-show", (b) => b.length), 0, "no 'show in page' for a policy that is not the page");
  assert.equal((await toolbar(ext, tabId)).text, "1");
  const offscreen = await currentWorker(ext).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] })).length);
  assert.equal(offscreen, 0, "the offscreen parser is closed once the policy is read");
  await shot(popup, "popup-linked-light");
  await popup.close();
  const dark = await openPopup(ext, tabId, { colorScheme: "dark" });
  await dark.click('[data-practice="sale"] summary');
  await shot(dark, "popup-linked-open-dark");
  await dark.close();
  await page.close();
});

test("while the linked policy is fetched the popup shows the analyzing state, then the result", async () => {
  const { page, tabId } = await visit("/slow/shop.html");
  expectedFetches.add("/slow/privacy.html");
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#card [data-state="analyzing"]');
  // The view shows its spinner only after 200 ms: wait for it (the policy is held back).
  await popup.waitForSelector("#card .plv-spinner", { state: "visible" });
  await shot(popup, "popup-analyzing-light");
  site.releaseSlow();
  await popup.waitForSelector('#card [data-state="report"]');
  assert.equal((await popupVerdicts(popup)).sale, "no_sale");
  await popup.close();
  await page.close();
});

test("the popup shows verdicts and evidence; 'show in page' highlights the sentence", async () => {
  const { page, tabId } = await visit("/policy.html");
  await waitForState(ext, tabId, isReport);
  for (const scheme of ["light", "dark"]) {
    const popup = await openPopup(ext, tabId, { colorScheme: scheme });
    assert.deepEqual(await popupVerdicts(popup), { tracking: "third_party", sale: "no_sale", retention: "stated_period" });
    assert.match(await popup.textContent("#site"), /^127\.0\.0\.1:\d+$/);
    assert.match(await popup.textContent("#source"), /This page is a privacy policy/);
    await shot(popup, `popup-policy-${scheme}`);
    // Open the sale row with the keyboard and show its quote in the page.
    await popup.focus('[data-practice="sale"] summary');
    await popup.keyboard.press("Enter");
    const quote = await popup.textContent('[data-practice="sale"] .plv-quote');
    assert.equal(quote, "“We do not sell your personal information to anyone.”");
    await shot(popup, `popup-policy-open-${scheme}`);
    await popup.click('[data-practice="sale"] .plv-show');
    await popup.waitForFunction(() => document.getElementById("toast").textContent.length > 0);
    assert.equal(await popup.textContent("#toast"), "Highlighted in the page.");
    const highlighted = await page.evaluate(() => {
      const h = CSS.highlights.get("policy-lens");
      return h ? [...h].map((r) => r.toString()) : null;
    });
    assert.deepEqual(highlighted, ["We do not sell your personal information to anyone."]);
    if (scheme === "light") {
      // Record what goes to the clipboard (headless Chromium cannot grant an extension origin
      // clipboard-read to check it afterwards).
      await popup.evaluate(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text) => {
          globalThis.__copied = text;
          return write(text);
        };
      });
      await popup.evaluate(() => (document.getElementById("toast").textContent = ""));
      await popup.click("#copy");
      await popup.waitForFunction(() => document.getElementById("toast").textContent.length > 0);
      assert.equal(await popup.textContent("#toast"), "Summary copied.");
      const copied = await popup.evaluate(() => globalThis.__copied);
      assert.match(copied, /Tracking: Third-party tracking \[✗ bad\]/);
      assert.match(copied, /> “We do not sell your personal information to anyone\.”/);
      assert.ok(copied.endsWith(`Policy: ${site.url("/policy.html")}`), copied.slice(-120));
    }
    await popup.close();
  }
  await page.screenshot({ path: join(SCREENSHOTS, "page-highlight.png") });
  await page.close();
});

test("hostile text (script, onerror, javascript: URLs) renders inertly in the popup", async () => {
  const { page, tabId } = await visit("/hostile.html");
  const state = await waitForState(ext, tabId, isReport);
  assert.equal(state.badge.segments[1].verdict, "no_sale");
  const popup = await openPopup(ext, tabId);
  await popup.$$eval("#card details", (ds) => ds.forEach((d) => (d.open = true)));
  const text = await popup.textContent("#card");
  assert.ok(text.includes(`<img src=x onerror="fetch('/pwned-img')">`), "the markup shows as text");
  assert.ok(text.includes("<script>fetch('/pwned-script')</script>"), "the script tag shows as text");
  const elements = await popup.$$eval("#card img, #card script, #card iframe, #card a[href^='javascript']", (els) => els.length);
  assert.equal(elements, 0, "no element came out of page text");
  await shot(popup, "popup-hostile-light");
  // Click every "show in page" and every link the card has; nothing may run.
  for (const button of await popup.$$("#card .plv-show")) await button.click();
  await popup.waitForTimeout(300);
  const pwned = site.requests.filter((r) => r.path.startsWith("/pwned"));
  assert.deepEqual(pwned, [], "no payload ran (in the popup or through the extension)");
  await popup.close();
  await page.close();
});

test("'We do not sell' hidden nine ways does not count: only visible text is read", async () => {
  const { page, tabId } = await visit("/hidden-sale.html");
  await waitForState(ext, tabId, isReport);
  const popup = await openPopup(ext, tabId);
  assert.equal((await popupVerdicts(popup)).sale, "sells");
  const report = await currentWorker(ext).evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`];
    return (await chrome.storage.local.get(`policy:${state.policyUrl}`))[`policy:${state.policyUrl}`].report;
  }, tabId);
  assert.equal(report.practices.sale.details.denial, false, "no hidden denial reached the analyzer");
  const quotes = [...PRACTICES.flatMap((k) => report.practices[k].evidence), ...report.findings.map((f) => f.evidence)].map((e) => e.quote);
  assert.equal(quotes.some((q) => /do not sell/i.test(q)), false);
  await popup.close();
  await page.close();
});

test("the same hidden 'We do not sell' in a fetched policy (read without rendering) does not count either", async () => {
  const { page, tabId } = await visit("/shop-evasive.html");
  expectedFetches.add("/hidden-sale.html");
  const popup = await openPopup(ext, tabId);
  const state = await tabState(ext, tabId);
  assert.equal(state.source, "linked");
  assert.equal(state.policyUrl, site.url("/hidden-sale.html"));
  const report = await currentWorker(ext).evaluate(async (k) => (await chrome.storage.local.get(k))[k].report, `policy:${site.url("/hidden-sale.html")}`);
  assert.equal(report.practices.sale.verdict, "sells");
  assert.equal(report.practices.sale.details.denial, false, "no hidden denial in the fetched reading");
  await popup.close();
  await page.close();
});

test("states: empty page (looks for a policy, finds none), PDF, browser-internal page", async () => {
  const empty = await visit("/empty.html");
  for (const p of ["/.well-known/privacy-policy", "/privacy", "/privacy-policy"]) expectedFetches.add(p);
  const popup = await openPopup(ext, empty.tabId);
  assert.equal(await popup.getAttribute("#card [data-state]", "data-state"), "empty");
  assert.deepEqual((await tabState(ext, empty.tabId)).tried, ["/.well-known/privacy-policy", "/privacy", "/privacy-policy"].map(site.url));
  await shot(popup, "popup-empty-light");
  await popup.close();
  await empty.page.close();

  const blank = await ext.context.newPage();
  await blank.goto("about:blank");
  // Without the "tabs" permission the extension cannot see this tab's URL: take the newest tab.
  const blankId = await currentWorker(ext).evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
  const popupBlank = await openPopup(ext, blankId, { colorScheme: "dark" });
  assert.equal(await popupBlank.getAttribute("#card [data-state]", "data-state"), "unsupported_page");
  await shot(popupBlank, "popup-internal-dark");
  await popupBlank.close();
  await blank.close();

  const pdf = await ext.context.newPage();
  await pdf.goto(site.url("/doc.pdf")).catch(() => {}); // headless may download instead of showing it
  if (pdf.url().endsWith("/doc.pdf")) {
    const pdfId = await tabIdOf(ext, pdf);
    const popupPdf = await openPopup(ext, pdfId);
    assert.equal(await popupPdf.getAttribute("#card [data-state]", "data-state"), "unsupported_page");
    assert.match(await popupPdf.textContent("#card"), /PDF/);
    await shot(popupPdf, "popup-pdf-light");
    await popupPdf.close();
  }
  await pdf.close();
});

test("a page that is not a policy and links none: 'analyze this page anyway'", async () => {
  const { page, tabId } = await visit("/article.html");
  for (const p of ["/.well-known/privacy-policy", "/privacy", "/privacy-policy"]) expectedFetches.add(p);
  const popup = await openPopup(ext, tabId);
  assert.equal(await popup.getAttribute("#card [data-state]", "data-state"), "not_policy");
  await shot(popup, "popup-no-policy-light");
  await popup.emulateMedia({ colorScheme: "dark" });
  await shot(popup, "popup-no-policy-dark");
  await popup.click("#card .plv-actions button");
  await popup.waitForSelector('#card [data-state="report"]');
  // Verdicts for a page that is no policy come with the view's notice that they were forced.
  assert.equal(await popup.$$eval("#card [data-practice][data-verdict]", (rows) => rows.length), 3);
  assert.equal(await popup.$$eval("#card .plv-notice", (n) => n.length), 1);
  assert.match(await popup.textContent("#source"), /analyzed at your request/);
  await shot(popup, "popup-forced-dark");
  await popup.close();
  await page.close();
});

test("a policy that changed since the last visit: the popup says what changed", async () => {
  site.setChanging("before");
  const { page, tabId } = await visit("/changing/privacy.html");
  const first = await waitForState(ext, tabId, isReport);
  assert.equal(first.badge.segments[1].verdict, "no_sale");
  site.setChanging("after");
  await page.reload();
  const second = await waitForState(ext, tabId, (s) => isReport(s) && s.changes.length > 0, { what: "the changed verdicts" });
  assert.deepEqual(second.changes, [{ practice: "sale", from: "no_sale", to: "sells" }]);
  const popup = await openPopup(ext, tabId);
  assert.match(await popup.textContent("#card .plv-changes"), /Sale changed: Does not sell → Sells or shares your data/);
  await shot(popup, "popup-changed-light");
  await popup.close();
  await page.close();
});

test("a page cannot talk to the extension, nor poison another tab's result or the cache", async () => {
  const a = await visit("/hostile.html");
  const b = await visit("/policy.html");
  await waitForState(ext, a.tabId, isReport);
  const before = await waitForState(ext, b.tabId, isReport);
  const reach = await a.page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage);
  assert.equal(reach, "undefined", "no externally_connectable: pages cannot message the extension");
  const cacheKey = `policy:${site.url("/policy.html")}`;
  const cacheBefore = await currentWorker(ext).evaluate((k) => chrome.storage.local.get(k), cacheKey);
  // Worse than a page: our own content script in tab A, compromised, sends forged messages
  // naming tab B and B's URL, oversized and malformed ones. Run them in A's isolated world.
  const sent = await currentWorker(ext).evaluate(async ([tabA, tabB, urlB]) => {
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tabA },
      world: "ISOLATED",
      args: [tabB, urlB],
      func: async (tabB, urlB) => {
        const forged = [
          { kind: "page:text", tabId: tabB, url: urlB, title: "Privacy Policy", blocks: [{ kind: "heading", text: "Privacy Policy" }, { kind: "paragraph", text: "This privacy policy explains how we collect and use personal information. We sell your personal information to data brokers." }] },
          { kind: "page:text", blocks: [{ kind: "paragraph", text: "x".repeat(300000) }] },
          { kind: "page:text", blocks: [{ kind: "script", text: "alert(1)" }] },
          { kind: "popup:analyze", tabId: tabB, force: true },
          { kind: "options:clear-cache" },
          { kind: "page:links", candidates: ["http://192.168.1.1/admin", "javascript:alert(1)"] },
        ];
        let answered = 0;
        for (const m of forged) {
          const reply = await chrome.runtime.sendMessage(m).catch(() => undefined);
          if (reply !== undefined) answered++;
        }
        return answered;
      },
    });
    return result;
  }, [a.tabId, b.tabId, site.url("/policy.html")]);
  assert.equal(sent, 0, "the background answers no content-script message");
  await a.page.waitForTimeout(500);
  const afterB = await tabState(ext, b.tabId);
  assert.deepEqual(afterB.badge, before.badge, "tab B's badge is untouched");
  assert.equal(afterB.analyzedAt, before.analyzedAt);
  const cacheAfter = await currentWorker(ext).evaluate((k) => chrome.storage.local.get(k), cacheKey);
  assert.deepEqual(cacheAfter, cacheBefore, "B's cached result is untouched (and the cache was not cleared)");
  // The forged text landed, if anywhere, under tab A and A's own URL.
  const afterA = await tabState(ext, a.tabId);
  assert.equal(afterA.pageUrl, site.url("/hostile.html"));
  await a.page.close();
  await b.page.close();
});

test("opt-in background analysis: with it on, a shop page's linked policy is badged without a click", async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  assert.equal(await options.isChecked("#linked"), false, "off by default");
  const off = await visit("/shop.html");
  const pong = await currentWorker(ext).evaluate((id) => chrome.tabs.sendMessage(id, { kind: "content:ping" }, { frameId: 0 }), off.tabId);
  assert.deepEqual(pong, { ok: true });
  assert.equal(await tabState(ext, off.tabId), null, "off: nothing fetched, no badge");
  await off.page.close();

  await options.check("#linked");
  await options.waitForFunction(() => document.getElementById("status").textContent.length > 0);
  const { page, tabId } = await visit("/shop.html");
  const state = await waitForState(ext, tabId, isReport, { what: "the background analysis of the linked policy" });
  assert.equal(state.source, "linked");
  assert.equal(state.policyUrl, site.url("/legal/privacy-notice.html"));
  assert.equal((await toolbar(ext, tabId)).text, "1");
  await options.uncheck("#linked");
  await page.close();
  await options.close();
});

test("the content script's same-origin fetch (click-only mode) refuses other origins", async () => {
  const { page, tabId } = await visit("/shop.html");
  expectedFetches.add("/legal/privacy-notice.html");
  const ask = (url) => currentWorker(ext).evaluate(([id, u]) => chrome.tabs.sendMessage(id, { kind: "content:fetch", url: u }, { frameId: 0 }), [tabId, url]);
  const same = await ask(site.url("/legal/privacy-notice.html"));
  assert.equal(same.ok, true);
  assert.match(same.text, /<h1>Privacy Notice<\/h1>/);
  const other = await ask(site.url("/legal/privacy-notice.html").replace("127.0.0.1", "localhost"));
  assert.deepEqual(other, { ok: false, error: "cross_origin" });
  assert.deepEqual(await ask("javascript:alert(1)"), { ok: false, error: "cross_origin" });
  await page.close();
});

test("the service worker can stop at any time: state and results survive it", async () => {
  const { page, tabId } = await visit("/policy.html");
  const before = await waitForState(ext, tabId, isReport);
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await cdp.detach();
  // The popup wakes a fresh worker, which finds the tab's state in storage.session.
  const popup = await openPopup(ext, tabId);
  assert.deepEqual(await popupVerdicts(popup), { tracking: "third_party", sale: "no_sale", retention: "stated_period" });
  const after = await tabState(ext, tabId);
  assert.equal(after.analyzedAt, before.analyzedAt, "no new analysis was needed");
  await popup.close();
  await page.close();
});

test("a page whose Privacy link is broken: 'could not be read', naming the link and the reason (not 'no policy')", async () => {
  const { page, tabId } = await visit("/shop-broken.html");
  for (const p of ["/gone/privacy.html", "/.well-known/privacy-policy", "/privacy", "/privacy-policy"]) expectedFetches.add(p);
  const popup = await openPopup(ext, tabId);
  assert.equal(await popup.getAttribute("#card [data-state]", "data-state"), "unreachable");
  const text = await popup.textContent("#card");
  assert.ok(text.includes(site.url("/gone/privacy.html")), `names the link: ${text}`);
  assert.match(text, /could not be read: the server answered HTTP 404/);
  assert.doesNotMatch(text, /names none/);
  // Not a verdict: the grey "?" icon, never the red one.
  assert.equal(await popup.$$eval("#card .plv-icon-bad", (n) => n.length), 0);
  assert.deepEqual(await popup.$$eval("#card .plv-actions button", (b) => b.map((x) => x.textContent)), ["Try again", "Analyze this page anyway"]);
  assert.equal((await toolbar(ext, tabId)).text, "");
  await shot(popup, "popup-unreachable-light");
  await popup.close();
  await page.close();
});

test("a linked policy larger than 5 MB sent without a length: refused while reading, named 'too large'", async () => {
  const { page, tabId } = await visit("/huge/shop.html");
  for (const p of ["/huge/privacy.html", "/.well-known/privacy-policy", "/privacy", "/privacy-policy"]) expectedFetches.add(p);
  const popup = await openPopup(ext, tabId);
  assert.equal(await popup.getAttribute("#card [data-state]", "data-state"), "unreachable");
  assert.match(await popup.textContent("#card"), /could not be read: it is too large/);
  await popup.close();
  await page.close();
});

test("a policy in German: 'language not supported', not 'not a privacy policy'; nothing fetched", async () => {
  const fetchedBefore = site.requests.filter((r) => r.secFetchDest === "empty").length;
  const { page, tabId } = await visit("/datenschutz.html");
  await waitForState(ext, tabId, (s) => s !== null, { what: "the automatic reading of the German page" });
  assert.equal((await toolbar(ext, tabId)).text, "", "no badge: no verdicts");
  const popup = await openPopup(ext, tabId);
  await popup.waitForSelector('#card [data-state="unsupported_language"]');
  assert.match(await popup.textContent("#card"), /This page is in German\. policy-lens reads English policies only so far/);
  assert.equal(await popup.$$eval("#card .plv-icon-bad", (n) => n.length), 0);
  assert.equal(site.requests.filter((r) => r.secFetchDest === "empty").length, fetchedBefore, "no policy was looked for");
  await shot(popup, "popup-language-light");
  await popup.close();
  await page.close();
});

test("the page's Privacy link leads to a German policy, or to a page that is no policy: the popup says which", async () => {
  const german = await visit("/shop-german-policy.html");
  for (const p of ["/datenschutz.html", "/.well-known/privacy-policy", "/privacy", "/privacy-policy"]) expectedFetches.add(p);
  const popup = await openPopup(ext, german.tabId);
  assert.equal(await popup.getAttribute("#card [data-state]", "data-state"), "unsupported_language");
  assert.match(await popup.textContent("#card"), new RegExp(`This site's privacy policy \\(${site.url("/datenschutz.html").replace(/[.]/g, "\\.")}\\) is in German`));
  await popup.close();
  await german.page.close();

  const wrong = await visit("/shop-wrong-link.html");
  expectedFetches.add("/article.html");
  const popup2 = await openPopup(ext, wrong.tabId);
  assert.equal(await popup2.getAttribute("#card [data-state]", "data-state"), "not_policy");
  assert.match(await popup2.textContent("#card"), new RegExp(`This page links to ${site.url("/article.html").replace(/[.]/g, "\\.")} as its privacy policy, but that page does not read as one`));
  await popup2.close();
  await wrong.page.close();
});

test("toolbar icons: every level, 16 and 32 px (drawn by icon.js), saved for review", async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const file = join(SCREENSHOTS, "toolbar-icons.png");
  const shapes = await page.evaluate(async () => {
    const { drawIcon } = await import(chrome.runtime.getURL("icon.js"));
    const rows = [
      null,
      ["bad", "good", "good"],
      ["caution", "bad", "caution"],
      ["good", "unknown", "unknown"],
      ["unknown", "unknown", "unknown"],
      ["bad", "bad", "bad"],
    ];
    const wrap = document.createElement("div");
    wrap.id = "icons";
    wrap.style.cssText = "display:inline-flex;gap:16px;padding:12px;background:#fff";
    for (const dark of [false, true]) {
      const col = document.createElement("div");
      col.style.cssText = `display:grid;grid-template-columns:auto auto;gap:8px;padding:8px;background:${dark ? "#202124" : "#f1f3f4"}`;
      for (const levels of rows) {
        for (const size of [16, 32]) {
          const c = document.createElement("canvas");
          c.width = size;
          c.height = size;
          c.style.cssText = "width:64px;height:64px;image-rendering:pixelated";
          drawIcon(c.getContext("2d"), size, levels && levels.map((level, i) => ({ practice: ["tracking", "sale", "retention"][i], level })));
          col.append(c);
        }
      }
      wrap.append(col);
    }
    document.body.replaceChildren(wrap);
    return rows.length;
  });
  assert.equal(shapes, 6);
  await page.locator("#icons").screenshot({ path: file });
  await page.close();
});

test("every request is accounted for: nothing left 127.0.0.1, the extension fetched only what was asked", async () => {
  const fetched = site.requests.filter((r) => r.secFetchDest === "empty").map((r) => r.path);
  assert.deepEqual([...new Set(fetched)].sort(), [...expectedFetches].sort(), "the extension's own requests");
  const pagesAndIcons = site.requests.filter((r) => r.secFetchDest !== "empty");
  for (const r of pagesAndIcons) {
    assert.ok(r.secFetchDest === "document" || r.path === "/favicon.ico" || r.path === "/pixel-missing.gif", `unexpected request ${r.path} (${r.secFetchDest})`);
  }
  for (const url of seenByPlaywright) {
    assert.ok(url.startsWith(site.origin) || url.startsWith("chrome-extension://") || url.startsWith("about:") || url.startsWith("data:") || url.startsWith("chrome://"), `a page or the worker asked for ${url}`);
  }
  const strays = proxy.outside.filter((e) => !isBrowserOwnHost(proxyHost(e)));
  assert.deepEqual(strays, [], "requests outside 127.0.0.1 other than Chromium's own service traffic");
  console.log(`requests: ${site.requests.length} to the test site (${fetched.length} by the extension), ${proxy.outside.length} of Chromium's own refused by the proxy`);
});

test("click-only mode: the detection script is unregistered; nothing is read until a click", async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.check("#mode-click");
  await options.waitForFunction(() => document.getElementById("status").textContent.length > 0);
  const result = await currentWorker(ext).evaluate(async () => ({
    scripts: await chrome.scripting.getRegisteredContentScripts(),
    settings: (await chrome.storage.local.get("settings")).settings,
    hostAccess: await chrome.permissions.contains({ origins: ["http://*/*"] }),
  }));
  assert.deepEqual(result.scripts, []);
  assert.equal(result.settings.mode, "click");
  // Background analysis needs the automatic mode: the option says so instead of promising it.
  assert.equal(await options.isDisabled("#linked"), true);
  assert.equal(await options.isVisible("#linked-needs-auto"), true);
  await shot(options, "options-light");
  console.log(`click-only mode: host access after permissions.remove: ${result.hostAccess}`);
  const { page, tabId } = await visit("/policy.html");
  await page.waitForTimeout(500);
  assert.equal(await tabState(ext, tabId), null, "no automatic analysis in click-only mode");
  await page.close();
  await options.close();
});
