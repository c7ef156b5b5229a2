// The demo page (www/) end to end in headless Chromium: served from 127.0.0.1 by this test, it
// must show the native CLI's verdicts for every sample, read dropped .txt/.html files in the
// browser, show the not-a-policy / too-large / empty / other-language states, never run markup
// from a pasted policy, send nothing beyond 127.0.0.1, and keep its layout still when results
// appear. Screenshots go to target/screenshots/. Run: ./build.sh && node --test tests/e2e/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SCREENSHOTS, cliReport, cliVerdicts, launch, pageBlocks, requireStaged, serveStatic, shownVerdicts } from "./lib-demo.mjs";

const SAMPLES = join(ROOT, "tests", "fixtures", "samples");
const HTML = join(ROOT, "tests", "fixtures", "html");
const NOT_POLICY = join(ROOT, "tests", "fixtures", "not_policy");
const SHARED = process.env.POLICY_LENS_SHARED ?? join(ROOT, "..", "shared");
const CORPUS_HTML = join(SHARED, "corpus", "html");

let server;
let browser;
let page;
const problems = [];

before(async () => {
  requireStaged();
  server = await serveStatic();
  browser = await launch(server.url);
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  page = await browser.context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // A dropped page's <style> and style attributes are refused by the page's CSP while
    // DOMParser reads them (the parsed document is inert either way): expected, not a problem.
    if (m.type() === "error" && !/Content Security Policy directive 'style-src/.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** How many outcomes the test has seen (the card's data-shown counter). */
let seen = 0;

/**
 * Waits for the next outcome on the card (data-shown above the last one seen) and checks that it
 * is `state` (`report`, `not_policy`, ...) for `source`, when given: never the card of before.
 */
async function waitForSummary(state, source) {
  await page.waitForFunction(
    ([state, source, seen]) => {
      const s = document.querySelector("#summary");
      const card = s?.firstElementChild;
      return (
        Number(s?.dataset.shown ?? 0) > seen &&
        card?.dataset.state === state &&
        (source === undefined || s.dataset.source === source)
      );
    },
    [state, source, seen],
  );
  seen = Number(await page.$eval("#summary", (s) => s.dataset.shown));
}

/** Replaces the textarea's content by pasting `text` from the clipboard (Ctrl+V), as a user does. */
async function paste(text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus("#policy-input");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
}

/** Drops a file on the page the way a drag from the desktop does. */
async function dropFile(name, content, type) {
  await page.evaluate(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      const target = document.querySelector("#policy-text");
      target.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, content, type },
  );
}

test("the page opens with a sample analyzed and says nothing left the browser", async () => {
  await waitForSummary("report", "sample:mirantis");
  assert.equal(await page.getAttribute('button.sample[data-sample="mirantis"]', "aria-pressed"), "true");
  const meta = await page.textContent("#meta");
  assert.match(meta, /Analyzed 6\.7 KB \(57 sentences\) in [\d.]+ (ms|s) \(first run\)/);
  assert.match(meta, /Nothing left your browser/);
  assert.match(await page.textContent("#version"), /^\d+\.\d+\.\d+/);
  const rows = await page.$$eval("#summary .plv-row", (rs) => rs.map((r) => r.dataset.practice));
  assert.deepEqual(rows, ["tracking", "sale", "retention"], "three rows in the fixed order");
  assert.match(await page.textContent("#announce"), /^Summary ready\. Tracking: .+; Sale: .+; Retention: .+\.$/, "screen readers hear the outcome");
});

const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort();

test("every sample shows the native CLI's three verdicts, with its evidence highlighted", async () => {
  assert.equal(samples.length, 4, "the four samples of tests/fixtures/samples");
  for (const file of samples) {
    const name = file.replace(/\.txt$/, "");
    // The page ships the same files.
    assert.equal(readFileSync(join(ROOT, "www", "samples", file), "utf8"), readFileSync(join(SAMPLES, file), "utf8"), `www/samples/${file} is a copy of the fixture`);
    await page.click(`button.sample[data-sample="${name}"]`);
    await waitForSummary("report", `sample:${name}`);
    const expected = cliVerdicts(join(SAMPLES, file));
    assert.deepEqual(await shownVerdicts(page), expected, `${file}: verdicts shown vs CLI`);
    // Every quote in the card is a highlighted sentence of the text pane.
    const { quotes, marked } = await page.evaluate(() => ({
      quotes: [...document.querySelectorAll("#summary .plv-quote")].map((q) => q.textContent.slice(1, -1)),
      marked: [...document.querySelectorAll("#policy-text mark.evidence")].map((m) => m.textContent.replace(/\s+/g, " ").trim()),
    }));
    assert.ok(quotes.length > 0, `${file}: quotes shown`);
    for (const q of quotes) assert.ok(marked.includes(q), `${file}: "${q.slice(0, 50)}…" is highlighted`);
  }
});

test("opening a verdict scrolls the policy text to its evidence", async () => {
  await page.click('button.sample[data-sample="pingcap"]');
  await waitForSummary("report", "sample:pingcap");
  await page.click('#summary .plv-row[data-practice="retention"] summary');
  await page.waitForFunction(() => {
    const mark = document.querySelector("#policy-text mark.is-current");
    if (!mark || !mark.dataset.keys.split(" ").includes("retention")) return false;
    const pane = document.querySelector("#policy-text").getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    return r.top >= pane.top && r.bottom <= pane.bottom && r.top < window.innerHeight;
  });
  assert.ok(await page.$eval("#policy-text", (p) => p.scrollTop > 0), "the pane scrolled");
  // "Show in page" on another quote moves to that one.
  await page.click('#summary .plv-row[data-practice="tracking"] summary');
  await page.click('#summary .plv-row[data-practice="tracking"] .plv-quote-item:last-child button.plv-show');
  const want = await page.$eval('#summary .plv-row[data-practice="tracking"] .plv-quote-item:last-child .plv-quote', (q) => q.textContent.slice(1, -1));
  await page.waitForFunction((w) => document.querySelector("#policy-text mark.is-current")?.textContent.replace(/\s+/g, " ").trim() === w, want);
  // And back: a click on a highlighted sale sentence opens the Sale row.
  await page.click('#summary .plv-row[data-practice="tracking"] summary'); // close it again
  assert.equal(await page.$eval('#summary .plv-row[data-practice="sale"] details', (d) => d.open), false);
  await page.click('#policy-text mark.evidence[data-keys^="sale"]');
  assert.equal(await page.$eval('#summary .plv-row[data-practice="sale"] details', (d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement?.closest(".plv-row")?.dataset.practice), "sale");
});

test("the summary copies as plain text", async () => {
  await page.click("#copy");
  await page.waitForFunction(() => document.querySelector("#copy").textContent === "Copied");
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const strings = JSON.parse(readFileSync(join(ROOT, "ui", "_locales", "en", "messages.json"), "utf8"));
  const cli = cliReport(join(SAMPLES, "pingcap.txt"));
  const symbols = { good: "✓", caution: "!", bad: "✗", unknown: "?" };
  assert.ok(text.startsWith(`${cli.title}\n`), "the title first");
  for (const k of ["tracking", "sale", "retention"]) {
    const p = cli.practices[k];
    const line = `${strings[`view_practice_${k}`].message}: ${strings[`view_verdict_${k}_${p.verdict}`].message} [${symbols[p.level]} ${p.level}]`;
    assert.ok(text.includes(`${line}\n  ${p.headline}\n`), `"${line}" and its headline`);
  }
  assert.ok(text.endsWith(`policy-lens ${cli.version} · rules, not AI · not legal advice`));
});

test("pasted text that is not a privacy policy shows the not-a-policy state", async () => {
  await paste(readFileSync(join(NOT_POLICY, "terms_of_service.txt"), "utf8"));
  await waitForSummary("not_policy", "pasted");
  assert.match(await page.textContent("#summary"), /This is not a privacy policy/);
  assert.match(await page.textContent("#summary"), /Policy check: \d+% \(a privacy policy scores 50% or more\)/);
  assert.equal(await page.$$eval("#summary .plv-row", (r) => r.length), 0, "no verdict rows");
  assert.equal(await page.getAttribute('button.sample[data-sample="mirantis"]', "aria-pressed"), "false");
  // "Analyze anyway" gives forced verdicts, with a notice.
  await page.click("#summary .plv-actions button");
  await waitForSummary("report", "pasted");
  assert.match(await page.textContent("#summary .plv-notice"), /Analyzed anyway: this text does not read like a privacy policy \(policy check \d+%/);
});

test("markup in a pasted policy is shown as text and never runs", async () => {
  const payload =
    'Privacy Policy\n\nWe do not sell your personal information. <img src=x onerror="window.__pwned=1">\n\n' +
    "<script>window.__pwned=2</script> We use cookies. <b onmouseover=alert(1)>bold</b>";
  const before = server.requests.length;
  await paste(payload);
  await waitForSummary("report", "pasted");
  const seen = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll("#policy-text img, #policy-text script, #policy-text b, #summary img, #summary script").length,
    text: document.querySelector("#policy-text").textContent,
  }));
  assert.equal(seen.pwned, undefined, "no handler ran");
  assert.equal(seen.elements, 0, "no element was made from the text");
  assert.ok(seen.text.includes('<img src=x onerror="window.__pwned=1">'), "the markup is shown as characters");
  assert.ok(seen.text.includes("<script>window.__pwned=2</script>"));
  assert.deepEqual(server.requests.slice(before).filter((p) => p === "/x"), [], "the <img> was never loaded");
  // A dropped .html file is parsed, not run.
  await dropFile("evil.html", `<title>Privacy Policy</title><p>We do not sell your personal information.</p><img src=y onerror="window.__pwned=3"><script>window.__pwned=4</script>`, "text/html");
  await waitForSummary("report", "file:evil.html");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(server.requests.slice(before).filter((p) => p === "/y"), []);
});

test("a dropped .html file is read in the browser and gives the CLI's verdicts", async () => {
  const pages = readdirSync(HTML).filter((f) => f.endsWith(".html")).sort();
  assert.ok(pages.length >= 4);
  for (const file of pages) {
    const html = readFileSync(join(HTML, file), "utf8");
    const cli = cliReport(join(HTML, file));
    const read = await pageBlocks(page, html);
    assert.deepEqual({ blocks: read.blocks, bytes: read.bytes }, { blocks: cli.stats.blocks, bytes: cli.stats.bytes }, `${file}: the same blocks as the CLI's HTML reader`);
    await dropFile(file, html, "text/html");
    const expected = cliVerdicts(join(HTML, file));
    const state = Object.values(expected).every((v) => v === "not_analyzed") ? "not_policy" : "report";
    await waitForSummary(state, `file:${file}`);
    if (state === "report") assert.deepEqual(await shownVerdicts(page), expected, `${file}: verdicts shown vs CLI`);
    assert.match(await page.textContent("#source-label"), /read as a web page: \d+ blocks/);
  }
  assert.equal(await page.isHidden("#drop-overlay"), true, "the drop overlay is gone");
});

test("text a dropped page hides is left out, as the CLI leaves it out", async () => {
  const hidden = [
    '<p style="opacity:0">Decoy</p>',
    '<span style="font-size: 0px">Decoy</span>',
    '<span style="color: transparent">Decoy</span>',
    '<div style="visibility: collapse">Decoy</div>',
    '<div style="position:absolute; clip: rect(0 0 0 0)">Decoy</div>',
    '<div style="width:1px;height:1px;overflow:hidden">Decoy</div>',
    '<div style="position:absolute;left:-10000px">Decoy</div>',
    '<div style="display: none !important">Decoy</div>',
    "<div hidden>Decoy</div>",
    '<div class="note d-none">Decoy</div>',
    '<span class="sr-only">Decoy</span>',
    "<noscript>Decoy</noscript>",
    "<template>Decoy</template>",
  ];
  const visible = ['<span style="font-size:0.68rem">Kept</span>', '<div style="overflow:hidden">Kept</div>', '<div class="hidden-xs">Kept</div>'];
  const dir = mkdtempSync(join(tmpdir(), "policy-lens-hidden-"));
  try {
    for (const [i, piece] of [...hidden, ...visible].entries()) {
      const html = `<title>Privacy Policy</title><p>Shown.</p>${piece}<p>Also shown.</p>`;
      const file = join(dir, `case${i}.html`);
      writeFileSync(file, html);
      const cli = cliReport(file);
      const got = await pageBlocks(page, html);
      assert.deepEqual({ blocks: got.blocks, bytes: got.bytes }, { blocks: cli.stats.blocks, bytes: cli.stats.bytes }, `${piece}: the CLI's blocks`);
      const texts = got.texts;
      if (i < hidden.length) assert.deepEqual(texts, ["Privacy Policy", "Shown.", "Also shown."], piece);
      else assert.ok(texts.includes("Kept"), piece);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the browser's HTML reader makes the CLI's blocks of every corpus page (when ../shared is there)", async (ctx) => {
  if (!existsSync(CORPUS_HTML)) return ctx.skip(`no corpus at ${CORPUS_HTML} (set POLICY_LENS_SHARED)`);
  const pages = readdirSync(CORPUS_HTML).filter((f) => f.endsWith(".html")).sort();
  assert.ok(pages.length > 0);
  const differ = [];
  for (const file of pages) {
    const cli = cliReport(join(CORPUS_HTML, file));
    const got = await pageBlocks(page, readFileSync(join(CORPUS_HTML, file), "utf8"));
    if (got.blocks !== cli.stats.blocks || got.bytes !== cli.stats.bytes) {
      differ.push(`${file}: ${got.blocks} blocks / ${got.bytes} bytes, CLI ${cli.stats.blocks} / ${cli.stats.bytes}`);
    }
  }
  assert.deepEqual(differ, [], `${differ.length} of ${pages.length} pages differ`);
});

test("a .txt file from the file picker, an unknown file type, and an empty input", async () => {
  await page.setInputFiles("#file-input", join(NOT_POLICY, "cookie_banner.txt"));
  await waitForSummary("not_policy", "file:cookie_banner.txt");

  await page.setInputFiles("#file-input", { name: "policy.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await waitForSummary("error", "file:policy.pdf");
  assert.match(await page.textContent("#summary"), /policy\.pdf is not a \.txt or \.html file/);

  await page.fill("#policy-input", "   ");
  await page.click("#analyze");
  await waitForSummary("empty");
  assert.match(await page.textContent("#summary"), /Paste the text of a privacy policy/);
});

test("text in another language gets the unsupported-language state", async () => {
  const german =
    "Datenschutzerklärung\n\nWir verwenden Cookies, um unsere Website zu verbessern. Ihre personenbezogenen Daten " +
    "werden nicht an Dritte verkauft. Wir speichern Ihre Daten so lange, wie es für die Zwecke erforderlich ist, " +
    "für die sie erhoben wurden. Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten.";
  await paste(german);
  await waitForSummary("unsupported_language", "pasted");
  assert.match(await page.textContent("#summary"), /German/);
});

test("an enormous input is refused with the limit named; a 5 MB policy is analyzed off the main thread", async () => {
  await page.setInputFiles("#file-input", { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, "privacy ") });
  await waitForSummary("too_large", "file:huge.txt");
  assert.match(await page.textContent("#summary"), /huge\.txt is 6\.0 MB; the demo reads up to 5\.0 MB of text at once/);

  // Just under the limit: the pingcap sample repeated, ≈ 4.9 MB. The verdicts equal the CLI's.
  const one = readFileSync(join(SAMPLES, "pingcap.txt"), "utf8");
  const big = one.repeat(Math.floor((4.9 * 1024 * 1024) / Buffer.byteLength(one)));
  const dir = mkdtempSync(join(tmpdir(), "policy-lens-big-"));
  try {
    const file = join(dir, "big-policy.txt");
    writeFileSync(file, big);
    await page.setInputFiles("#file-input", file);
    await waitForSummary("report", "file:big-policy.txt");
    assert.deepEqual(await shownVerdicts(page), cliVerdicts(file));
    assert.match(await page.textContent("#meta"), /Analyzed 4\.\d MB/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the analyzer runs in a worker: the page itself never loads the wasm module", async () => {
  assert.ok(server.requests.includes("/pkg/policy_lens_bg.wasm"), "the module was served");
  const mainThread = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  assert.ok(mainThread.includes("/samples/mirantis.txt"), "the page's own requests are listed");
  // (The worker's script graph may be listed here; the module itself is fetched by the worker.)
  assert.ok(!mainThread.includes("/pkg/policy_lens_bg.wasm"), "the page fetched the wasm module itself");
});

test("a deployment without the wasm module says the analyzer could not start", async () => {
  const broken = await serveStatic(undefined, { missing: ["/pkg/policy_lens_bg.wasm"] });
  const other = await launch(broken.url);
  try {
    const p = await other.context.newPage();
    await p.goto(broken.url);
    await p.waitForFunction(() => document.querySelector("#summary [data-state=error]"));
    assert.match(await p.textContent("#summary"), /The analyzer could not start: the WebAssembly module did not load/);
    assert.ok(broken.requests.includes("/pkg/policy_lens_bg.wasm"));
    assert.deepEqual(other.outside, []);
  } finally {
    await other.close();
    await broken.close();
  }
});

test("keyboard only: Tab reaches the samples, Enter analyzes, Enter opens a row", async () => {
  await page.evaluate(() => document.activeElement?.blur());
  await page.click("body", { position: { x: 2, y: 2 } });
  let found = false;
  for (let i = 0; i < 15 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.dataset?.sample === "mirantis");
  }
  assert.ok(found, "Tab reaches the first sample button");
  await page.keyboard.press("Tab"); // InfluxData
  await page.keyboard.press("Enter");
  await waitForSummary("report", "sample:influxdata");
  await page.focus('#summary .plv-row[data-practice="sale"] summary');
  await page.keyboard.press("Enter");
  assert.equal(await page.$eval('#summary .plv-row[data-practice="sale"] details', (d) => d.open), true);
  const outline = await page.$eval('#summary .plv-row[data-practice="sale"] summary', (s) => getComputedStyle(s).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
});

test("results appear without layout shift", async () => {
  const fresh = await browser.context.newPage();
  try {
    await fresh.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await fresh.goto(server.url);
    await fresh.waitForFunction(() => document.querySelector("#summary")?.dataset.source === "sample:mirantis");
    // Let the browser deliver the entries of the last frame.
    await fresh.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await fresh.evaluate(() => window.__shift);
    assert.ok(shift < 0.02, `cumulative layout shift ${shift.toFixed(4)} (want < 0.02)`);
  } finally {
    await fresh.close();
  }
});

test("screenshots: desktop light and dark, 375 px phone (target/screenshots/)", async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await page.click('button.sample[data-sample="mirantis"]');
  await waitForSummary("report", "sample:mirantis");
  await page.click('#summary .plv-row[data-practice="retention"] summary');
  await page.waitForSelector("#policy-text mark.is-current");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SCREENSHOTS, "demo-desktop-light.png") });
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await page.screenshot({ path: join(SCREENSHOTS, "demo-desktop-dark.png") });
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow} px)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, "demo-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("no request left 127.0.0.1 and the page logged no errors", () => {
  // The accounting sees the worker's requests too: its fetch of the wasm module is listed.
  assert.ok(browser.seen.some((u) => u.endsWith("/pkg/policy_lens_bg.wasm")), "the worker's requests are watched");
  assert.deepEqual(browser.outside, [], "requests to other hosts");
  assert.deepEqual(problems, []);
});
