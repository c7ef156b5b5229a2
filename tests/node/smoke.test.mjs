// Smoke test of the WebAssembly build (pkg/node, made by ./build.sh): the wasm module gives the
// same reports as the native CLI, its evidence offsets work on JavaScript strings, and bad
// arguments throw readable Errors. Run: ./build.sh && node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PKG = join(ROOT, "pkg", "node", "policy_lens.js");
const CLI = join(ROOT, "target", "release", "policy-lens");
const SAMPLES = join(ROOT, "tests", "fixtures", "samples");

/** The wasm module, or null when it has not been built. */
const lens = existsSync(PKG) ? createRequire(import.meta.url)(PKG) : null;

function requireBuilt() {
  assert.ok(lens, `${PKG} does not exist: run ./build.sh first (it builds pkg/node and the CLI)`);
}

/** The native CLI's report of a file (one JSON line, without its "file" field). */
function nativeReport(file) {
  assert.ok(existsSync(CLI), `${CLI} does not exist: run ./build.sh first`);
  const out = execFileSync(CLI, ["analyze", "--format", "json", file], { encoding: "utf8" });
  const { file: _file, ...report } = JSON.parse(out);
  return report;
}

/** Every evidence item of a report, with where it was found. */
function evidenceOf(report) {
  const p = report.practices;
  return [
    ...["tracking", "sale", "retention"].flatMap((k) => p[k].evidence.map((e) => [k, e])),
    ...report.findings.map((f) => [`finding ${f.id}`, f.evidence]),
  ];
}

function assertOffsets(text, report, label) {
  for (const [where, e] of evidenceOf(report)) {
    assert.equal(
      text.slice(e.start_utf16, e.end_utf16),
      e.quote,
      `${label}: ${where} evidence (rule ${e.rule}) at UTF-16 ${e.start_utf16}..${e.end_utf16}`,
    );
  }
}

test("the wasm package is built", () => {
  requireBuilt();
  assert.match(lens.version(), /^\d+\.\d+\.\d+/);
});

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort() : [];

test("the sample policies are there", () => {
  assert.ok(samples.length > 0, `no .txt files in ${SAMPLES}`);
});

for (const name of samples) {
  test(`${name}: wasm verdicts equal the native CLI's`, { skip: !lens && "pkg/node not built" }, () => {
    const file = join(SAMPLES, name);
    const text = readFileSync(file, "utf8");
    const wasm = lens.analyzeText(text);
    const native = nativeReport(file);
    assert.equal(wasm.version, native.version, "wasm and CLI versions differ: rerun ./build.sh");
    assert.equal(wasm.is_policy, native.is_policy, "is_policy");
    for (const practice of ["tracking", "sale", "retention"]) {
      assert.equal(wasm.practices[practice].verdict, native.practices[practice].verdict, `${practice} verdict`);
    }
    assert.ok(evidenceOf(wasm).length > 0, "a sample policy should have some evidence");
    assertOffsets(text, wasm, name);
    // The whole report too: same code, so the same JSON (a stale pkg/ shows up here).
    assert.deepEqual(wasm, native, "wasm report differs from the CLI's: is pkg/ stale? run ./build.sh");
  });
}

test("analyzeBlocks reads a heading and a paragraph", { skip: !lens && "pkg/node not built" }, () => {
  const blocks = [
    { kind: "heading", text: "Privacy Policy" },
    {
      kind: "paragraph",
      text: "This privacy policy explains how we collect and use your personal information. We do not sell your personal information.",
    },
  ];
  const report = lens.analyzeBlocks(blocks, { force: false });
  assert.equal(report.stats.blocks, 2);
  assert.equal(report.title, "Privacy Policy");
  assert.equal(report.practices.sale.verdict, "no_sale");
  // Offsets point into the blocks' texts joined by a blank line.
  assertOffsets(blocks.map((b) => b.text).join("\n\n"), report, "blocks");
});

const HTML = join(ROOT, "tests", "fixtures", "html");
const htmlPages = existsSync(HTML) ? readdirSync(HTML).filter((f) => f.endsWith(".html")).sort() : [];

for (const name of htmlPages) {
  test(`${name}: htmlToBlocks + analyzeBlocks equal the CLI's report of the page`, { skip: !lens && "pkg/node not built" }, () => {
    const file = join(HTML, name);
    const blocks = lens.htmlToBlocks(readFileSync(file, "utf8"));
    assert.ok(Array.isArray(blocks), "htmlToBlocks returns an array");
    const wasm = lens.analyzeBlocks(blocks);
    // The same reader (src/html.rs) in both: the whole report is the same.
    assert.deepEqual(wasm, nativeReport(file), "wasm report of the HTML differs from the CLI's: is pkg/ stale?");
    assertOffsets(blocks.filter((b) => b.text.trim()).map((b) => b.text.trim()).join("\n\n"), wasm, name);
  });
}

test("empty text gives a report, not a policy", { skip: !lens && "pkg/node not built" }, () => {
  const report = lens.analyzeText("");
  assert.equal(report.is_policy, false);
  assert.equal(report.practices.sale.verdict, "not_analyzed");
  assert.deepEqual(report.findings, []);
  assert.equal(lens.analyzeBlocks([]).is_policy, false);
});

test("bad arguments throw an Error with a clear message", { skip: !lens && "pkg/node not built" }, () => {
  const cases = [
    [() => lens.analyzeBlocks(42), /analyzeBlocks: blocks must be an array of \{kind, text\} objects, got number/],
    [() => lens.analyzeBlocks([{ kind: "sidebar", text: "x" }]), /blocks\[0\]: unknown variant `sidebar`/],
    [() => lens.analyzeBlocks([{ kind: "heading", text: "a" }, { kind: "paragraph" }]), /blocks\[1\]: missing field `text`/],
    [() => lens.analyzeText(42), /analyzeText: text must be a string, got number/],
    [() => lens.htmlToBlocks(null), /htmlToBlocks: html must be a string, got null/],
    [() => lens.analyzeText("x", { forse: true }), /unknown option `forse`/],
    [() => lens.analyzeText("x", { force: "yes" }), /bad options: .*expected a boolean/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof Error && message.test(e.message), `expected an Error matching ${message}`);
  }
  // The module still works after those.
  assert.equal(lens.analyzeText("Privacy Policy").version, lens.version());
});
