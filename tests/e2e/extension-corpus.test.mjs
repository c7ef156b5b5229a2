// The extension on real privacy-policy pages: the saved HTML pages of the shared corpus
// (corpus/html/ of $POLICY_LENS_SHARED or ../shared; skipped when that folder is absent), served
// on 127.0.0.1 under a strict CSP (no page script, no remote resource). For each page, the
// verdicts on the toolbar are compared with the native CLI's reading of the same file
// (src/html.rs); the agreement and the time to the badge are printed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SCREENSHOTS, launchWithExtension, openPopup, requireStaged, startProxy, tabIdOf, waitForRegistration, waitForState } from "./lib-ext.mjs";

// The shared data folder, as test.sh finds it (POLICY_LENS_SHARED, else next to the repository).
const CORPUS = join(process.env.POLICY_LENS_SHARED ?? join(ROOT, "..", "shared"), "corpus", "html");
const CLI = join(ROOT, "target", "release", "policy-lens");
const PRACTICES = ["tracking", "sale", "retention"];
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith(".html")).sort() : [];

let server;
let origin;
let proxy;
let ext;

before(async () => {
  if (files.length === 0) return;
  requireStaged();
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname.slice(1));
    if (!files.includes(name)) return res.writeHead(404).end();
    // A strict CSP: the pages' own scripts and remote resources stay off (the extension's
    // content script is not subject to it, its wasm runs in the worker).
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    }).end(readFileSync(join(CORPUS, name)));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  proxy = await startProxy();
  ext = await launchWithExtension(proxy);
  await waitForRegistration(ext);
});

after(async () => {
  await ext?.close();
  await proxy?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

test("real policy pages of the corpus: toolbar verdicts vs. the native CLI on the same HTML", { skip: files.length === 0 && "no shared corpus/html folder" }, async () => {
  const rows = [];
  let agree = 0;
  for (const name of files) {
    const native = JSON.parse(execFileSync(CLI, ["analyze", "--format", "json", join(CORPUS, name)], { encoding: "utf8" }));
    const page = await ext.context.newPage();
    await page.goto(`${origin}/${name}`, { waitUntil: "load" });
    const tabId = await tabIdOf(ext, page);
    let state;
    try {
      state = await waitForState(ext, tabId, (s) => s !== null && s.status !== undefined, { timeout: 30000, what: name });
    } catch {
      state = null;
    }
    const got = state?.status === "report" ? state.badge.segments.map((s) => s.verdict) : [state?.status ?? "no state"];
    const want = native.is_policy ? PRACTICES.map((k) => native.practices[k].verdict) : ["not_policy"];
    const same = JSON.stringify(got) === JSON.stringify(want);
    if (same) agree++;
    let fromLoad = null;
    if (state?.badgeAt) {
      const nav = await page.evaluate(() => ({ origin: performance.timeOrigin, load: performance.getEntriesByType("navigation")[0].loadEventEnd }));
      fromLoad = Math.round(state.badgeAt - (nav.origin + nav.load));
    }
    rows.push({ name, same, got, want, fromLoad, analyzeMs: state?.timings?.analyzeMs ?? null });
    if (name === "opp115_26_nytimes-com.html") {
      const popup = await openPopup(ext, tabId);
      await popup.screenshot({ path: join(SCREENSHOTS, "popup-corpus-nytimes-light.png"), fullPage: true });
      await popup.close();
    }
    await page.close();
  }
  const lines = rows.map((r) => `  ${r.same ? "=" : "≠"} ${r.name.padEnd(58)} ${String(r.fromLoad ?? "-").padStart(5)} ms  ext ${r.got.join("/")}${r.same ? "" : `  cli ${r.want.join("/")}`}`);
  const times = rows.map((r) => r.fromLoad).filter((x) => x !== null).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)] : null;
  console.log(`\ncorpus pages: extension = CLI on ${agree}/${rows.length}; load → badge median ${median} ms, max ${times.at(-1)} ms\n${lines.join("\n")}`);
  writeFileSync(join(ROOT, "target", "extension-corpus.txt"), `${lines.join("\n")}\n`);
  // Every real policy page must get a badge (a report), whatever the exact verdicts.
  const missed = rows.filter((r) => r.want[0] !== "not_policy" && r.got.length !== 3);
  assert.deepEqual(missed.map((r) => r.name), [], "policy pages that got no badge");
});

test("a fetched policy (the wasm's HTML reader, as the background reads it) gives the CLI's verdicts on every corpus page", { skip: files.length === 0 && "no shared corpus/html folder" }, async () => {
  // The background's code path for a fetched policy: htmlToBlocks then analyzeBlocks, in the
  // extension's own wasm package, in Chromium (an extension page: a service worker cannot
  // import() a module on demand).
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.evaluate(async () => {
    const m = await import(chrome.runtime.getURL("pkg/policy_lens.js"));
    await m.default({ module_or_path: chrome.runtime.getURL("pkg/policy_lens_bg.wasm") });
    globalThis.__lens = m;
  });
  const verdicts = (r) => (r.is_policy ? PRACTICES.map((k) => r.practices[k].verdict).join("/") : "not_policy");
  const diffs = [];
  for (const name of files) {
    const html = readFileSync(join(CORPUS, name), "utf8");
    const report = await page.evaluate((h) => globalThis.__lens.analyzeBlocks(globalThis.__lens.htmlToBlocks(h)), html);
    const native = JSON.parse(execFileSync(CLI, ["analyze", "--format", "json", join(CORPUS, name)], { encoding: "utf8" }));
    const got = verdicts(report);
    if (got !== verdicts(native)) diffs.push(`${name}: extension ${got}, CLI ${verdicts(native)}`);
  }
  await page.close();
  console.log(`fetched-policy reading = CLI on ${files.length - diffs.length}/${files.length} corpus pages`);
  assert.deepEqual(diffs, []);
});
