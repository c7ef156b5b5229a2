// The shared report view's logic that needs no DOM (ui/report-view.js): the translator
// (chrome.i18n-style substitutions, locale fallback over HTTP), the strings every verdict and
// state needs, and the plain-text summary of real reports from the wasm package; plus the demo's
// evidence ranges (www/highlight.js) on those reports. The DOM rendering is tested in Chromium
// (tests/e2e/demo.test.mjs). Run: ./build.sh && node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import {
  LEVEL_SYMBOLS,
  PRACTICES,
  loadTranslator,
  localeCandidates,
  makeTranslator,
  reportAsText,
  verdictLabel,
} from "../../ui/report-view.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const UI = join(ROOT, "ui");
const WWW = join(ROOT, "www");
const PKG = join(ROOT, "pkg", "node", "policy_lens.js");
const SAMPLES = join(ROOT, "tests", "fixtures", "samples");

const english = JSON.parse(readFileSync(join(UI, "_locales", "en", "messages.json"), "utf8"));
const demoEnglish = JSON.parse(readFileSync(join(WWW, "_locales", "en", "messages.json"), "utf8"));
const t = makeTranslator(english);

/** The verdict vocabulary, read from the binding's TypeScript types (src/wasm.rs). */
function vocabulary() {
  const src = readFileSync(join(ROOT, "src", "wasm.rs"), "utf8");
  const out = {};
  for (const k of PRACTICES) {
    const m = src.match(new RegExp(`${k}: Practice<\\s*([^,]+),`));
    assert.ok(m, `src/wasm.rs declares the ${k} verdicts`);
    out[k] = [...m[1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]);
  }
  return out;
}

test("t() fills $1..$9, named placeholders and $$ as chrome.i18n does", () => {
  const tt = makeTranslator({
    plain: { message: "Hello" },
    two: { message: "$2 before $1" },
    named: { message: "Found $COUNT$ in $where$", placeholders: { count: { content: "$1" }, WHERE: { content: "$2" } } },
    dollars: { message: "costs $$5, $1" },
  });
  assert.equal(tt("plain"), "Hello");
  assert.equal(tt("two", ["a", "b"]), "b before a");
  assert.equal(tt("named", [3, "the policy"]), "Found 3 in the policy");
  assert.equal(tt("dollars", "really"), "costs $5, really");
  assert.equal(tt("two"), " before ", "missing substitutions are empty");
  assert.equal(tt("nope"), "nope", "a missing key shows as itself");
});

test("t() falls back key by key, and refuses what is not a messages object", () => {
  const tt = makeTranslator({ a: { message: "Ja" } }, { a: { message: "Yes" }, b: { message: "No" } });
  assert.equal(tt("a"), "Ja");
  assert.equal(tt("b"), "No");
  assert.throws(() => makeTranslator(null), /messages must be a messages.json object/);
  assert.throws(() => makeTranslator({}, []), /fallback must be a messages.json object/);
});

test("locale folders to try for a language tag", () => {
  assert.deepEqual(localeCandidates("pt-BR"), ["pt_BR", "pt"]);
  assert.deepEqual(localeCandidates("de"), ["de"]);
  assert.deepEqual(localeCandidates("zh-Hant-TW"), ["zh_Hant", "zh"]);
  assert.deepEqual(localeCandidates("en-US"), [], "English is the fallback that is always loaded");
  assert.deepEqual(localeCandidates("../../etc"), [], "not a language tag: nothing is fetched");
  assert.deepEqual(localeCandidates(undefined), []);
});

/** Serves a folder tree of {path: json} on 127.0.0.1. */
async function serveLocales(files) {
  const asked = [];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    asked.push(path);
    if (Object.hasOwn(files, path)) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(files[path]));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}/ui/`, asked, close: () => new Promise((r) => server.close(r)) };
}

test("loadTranslator fetches the locale, falls back to English, and says when English is missing", async () => {
  const s = await serveLocales({
    "/ui/_locales/en/messages.json": { view_practice_sale: { message: "Sale" }, view_practice_retention: { message: "Retention" } },
    "/ui/_locales/de/messages.json": { view_practice_sale: { message: "Verkauf" } },
  });
  try {
    const de = await loadTranslator(s.base, "de-AT");
    assert.equal(de("view_practice_sale"), "Verkauf");
    assert.equal(de("view_practice_retention"), "Retention", "a key the locale lacks comes from English");
    assert.ok(s.asked.includes("/ui/_locales/de_AT/messages.json"), "the regional folder is tried first");
    const fr = await loadTranslator(s.base.replace(/\/$/, ""), "fr");
    assert.equal(fr("view_practice_sale"), "Sale", "an untranslated locale gets English");
    await assert.rejects(loadTranslator(s.base.replace("/ui/", "/nowhere/"), "en"), /cannot load the English strings/);
  } finally {
    await s.close();
  }
});

test("every string the view needs is in ui/_locales/en, and only view_ keys are there", () => {
  for (const key of Object.keys(english)) {
    assert.match(key, /^view_[a-z0-9_]+$/, `${key}: view strings are prefixed view_`);
    assert.equal(typeof english[key].message, "string", `${key} has a message`);
  }
  const src = readFileSync(join(UI, "report-view.js"), "utf8");
  const used = [...src.matchAll(/t\("(view_[a-z0-9_]+)"/g)].map((m) => m[1]);
  assert.ok(used.length > 20);
  for (const key of used) assert.ok(Object.hasOwn(english, key), `${key} is used by report-view.js`);
  const words = vocabulary();
  for (const k of PRACTICES) {
    assert.ok(Object.hasOwn(english, `view_practice_${k}`));
    for (const v of words[k]) assert.ok(Object.hasOwn(english, `view_verdict_${k}_${v}`), `a label for ${k} ${v}`);
  }
  for (const level of Object.keys(LEVEL_SYMBOLS)) assert.ok(Object.hasOwn(english, `view_level_${level}`));
  for (const state of ["error", "empty", "too_large", "unsupported_page", "unreachable", "not_policy", "unsupported_language"]) {
    assert.ok(Object.hasOwn(english, `view_state_${state}_title`), `a title for the ${state} state`);
  }
});

test("every demo_ string the demo page uses is in www/_locales/en", () => {
  const src = ["demo.js"].map((f) => readFileSync(join(WWW, f), "utf8")).join("\n");
  const used = new Set([...src.matchAll(/"(demo_[a-z0-9_]+)"/g)].map((m) => m[1]));
  assert.ok(used.size > 10);
  for (const key of used) assert.ok(Object.hasOwn(demoEnglish, key), `${key} is used by www/demo.js`);
  for (const key of Object.keys(demoEnglish)) assert.match(key, /^demo_/);
});

test("verdict labels are words, never the raw vocabulary", () => {
  assert.equal(verdictLabel("sale", "no_sale", t), "Does not sell");
  assert.equal(verdictLabel("tracking", "third_party", t), "Third-party tracking");
  assert.equal(verdictLabel("retention", "not_mentioned", t), "Not mentioned");
  assert.equal(verdictLabel("retention", "some_new_verdict", t), "some new verdict", "an unknown verdict still reads");
  assert.throws(() => verdictLabel("sale", "sells"), /options.t must be a translator/);
});

const lens = existsSync(PKG) ? createRequire(import.meta.url)(PKG) : null;
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort();

test("reportAsText gives the three verdicts, headlines and quotes of real reports", () => {
  assert.ok(lens, `${PKG} does not exist: run ./build.sh first`);
  for (const file of samples) {
    const report = lens.analyzeText(readFileSync(join(SAMPLES, file), "utf8"));
    const text = reportAsText(report, t);
    for (const k of PRACTICES) {
      const p = report.practices[k];
      const line = `${t(`view_practice_${k}`)}: ${verdictLabel(k, p.verdict, t)} [${LEVEL_SYMBOLS[p.level]} ${t(`view_level_${p.level}`).toLowerCase()}]`;
      assert.ok(text.includes(line), `${file}: "${line}"`);
      assert.ok(text.includes(`  ${p.headline}`), `${file}: ${k} headline`);
      for (const e of p.evidence) assert.ok(text.includes(`> “${e.quote.replace(/\s+/g, " ").trim()}”`), `${file}: ${k} quote`);
    }
    assert.ok(text.endsWith(`policy-lens ${report.version} · rules, not AI · not legal advice`));
  }
  const notPolicy = lens.analyzeText("Terms of Service\n\nBy using the service you agree to these terms.");
  assert.match(reportAsText(notPolicy, t), /^Terms of Service\n\nNot analyzed: The text does not read as a privacy policy\./);
  assert.throws(() => reportAsText({ nope: 1 }, t), /not a policy-lens report/);
});

test("the demo's evidence ranges point at their quotes, sorted and never overlapping", async () => {
  assert.ok(lens, `${PKG} does not exist: run ./build.sh first`);
  assert.ok(existsSync(join(WWW, "ui", "report-view.js")), "www/ui is not staged: run ./build.sh first");
  const { evidenceRanges, chunkBounds } = await import("../../www/highlight.js");
  for (const file of samples) {
    const text = readFileSync(join(SAMPLES, file), "utf8");
    const report = lens.analyzeText(text);
    const ranges = evidenceRanges(report, text);
    const items = [
      ...PRACTICES.flatMap((k) => report.practices[k].evidence.map((e) => [k, e])),
      ...report.findings.map((f) => [`finding:${f.id}`, f.evidence]),
    ];
    assert.ok(ranges.length > 0);
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1].end <= ranges[i].start, `${file}: ranges in order`);
    for (const [key, e] of items) {
      const r = ranges.find((r) => r.ids.includes(`${e.start_utf16}:${e.end_utf16}`));
      assert.ok(r, `${file}: ${key} evidence has a range`);
      assert.ok(r.keys.includes(key));
    }
    for (const r of ranges) {
      const order = ["bad", "caution", "good", "unknown", "finding"];
      const levels = r.keys.map((k) => (k.startsWith("finding:") ? "finding" : report.practices[k].level));
      assert.equal(r.level, levels.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0], "the strongest level colours a mark");
    }
    // Small chunks: every boundary falls outside the marks, and the chunks cover the text.
    const bounds = chunkBounds(text, ranges, 500);
    assert.ok(bounds.length > 1);
    assert.equal(bounds.map(([s, e]) => text.slice(s, e)).join(""), text);
    for (const [s] of bounds) assert.ok(!ranges.some((r) => r.start < s && s < r.end), `${file}: no chunk starts inside a mark`);
  }
  // An item whose offsets do not match its quote is not highlighted.
  const forged = { practices: { tracking: { level: "bad", evidence: [{ quote: "xyz", start_utf16: 0, end_utf16: 3 }] } }, findings: [] };
  assert.deepEqual(evidenceRanges(forged, "abc"), []);
});
