// Unit tests of the extension's pure parts: the badge state (a pure function of the report), the
// icon geometry, the message protocol's validation, the page-reading helpers of extract.js, the
// packer (zip writer, Firefox manifest), the manifest's permissions against PERMISSIONS.md, and
// `web-ext lint` of the Firefox build. Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import vm from "node:vm";

import { BADGE_COLOR, LEVEL_COLORS, badgeState, hasVerdicts } from "../../extension/badge.js";
import { LEVEL_LENGTHS, glyphLines, iconShapes } from "../../extension/icon.js";
import {
  ALL_KINDS,
  LIMITS,
  ProtocolError,
  cleanUrl,
  senderRole,
  validateBlocks,
  validateContentMessage,
  validatePageMessage,
} from "../../extension/protocol.js";
import { fetchAllowed, hostIsPrivate, unsupportedReason } from "../../extension/pages.js";
import { normalizeSettings } from "../../extension/settings.js";
import { firefoxManifest, zip } from "../../extension/tools/pack.mjs";
import { crc32 } from "../../extension/tools/png.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const EXT = join(ROOT, "extension");
const PKG = join(ROOT, "pkg", "node", "policy_lens.js");
const lens = existsSync(PKG) ? createRequire(import.meta.url)(PKG) : null;

// --- strings like the background's translator: the extension's, then the view's ---------------

function messages(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}
const extStrings = messages(join(EXT, "_locales", "en", "messages.json"));
const viewStrings = existsSync(join(ROOT, "ui", "_locales", "en", "messages.json")) ? messages(join(ROOT, "ui", "_locales", "en", "messages.json")) : {};
function t(key, subs) {
  const entry = extStrings[key] ?? viewStrings[key];
  if (!entry) return key;
  const values = subs === undefined ? [] : [].concat(subs);
  return entry.message.replace(/\$([1-9])/g, (_, d) => String(values[Number(d) - 1] ?? ""));
}

function practice(verdict, level) {
  return { verdict, level, headline: `${verdict} headline`, evidence: [], details: {} };
}
function report({ isPolicy = true, tracking = ["third_party", "bad"], sale = ["no_sale", "good"], retention = ["not_mentioned", "unknown"] } = {}) {
  return {
    version: "0.1.0",
    is_policy: isPolicy,
    practices: { tracking: practice(...tracking), sale: practice(...sale), retention: practice(...retention) },
    findings: [],
  };
}

test("badge: nothing to show without a report or for a page that is not a policy", () => {
  for (const r of [null, undefined, {}, report({ isPolicy: false }), report({ tracking: ["not_analyzed", "unknown"], sale: ["not_analyzed", "unknown"], retention: ["not_analyzed", "unknown"] })]) {
    const b = badgeState(r, t);
    assert.equal(b.show, false);
    assert.equal(b.text, "");
    assert.equal(b.segments, null);
    assert.equal(b.title, extStrings.badge_title_idle.message);
  }
  assert.throws(() => badgeState(report(), null), /translator/);
});

test("badge: three segments in fixed order, the number of bad practices, the verdicts in words", () => {
  const b = badgeState(report(), t);
  assert.equal(b.show, true);
  assert.deepEqual(b.segments, [
    { practice: "tracking", verdict: "third_party", level: "bad" },
    { practice: "sale", verdict: "no_sale", level: "good" },
    { practice: "retention", verdict: "not_mentioned", level: "unknown" },
  ]);
  assert.equal(b.text, "1");
  assert.equal(b.color, BADGE_COLOR);
  const lines = b.title.split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^✗ Tracking: /);
  assert.match(lines[2], /^✓ Sale: /);
  assert.match(lines[3], /^\? Retention: .*\(Unknown\)$/);
  assert.equal(badgeState(report({ tracking: ["first_party", "caution"], sale: ["no_sale", "good"], retention: ["stated_period", "good"] }), t).text, "", "no bad practice: no text");
  assert.equal(badgeState(report({ sale: ["sells", "bad"], retention: ["indefinite", "bad"] }), t).text, "3");
  assert.match(badgeState(report(), t, { policyUrl: "https://example.com/privacy" }).title, /example\.com\/privacy/);
});

test("badge: 'not mentioned' never counts or looks like bad", () => {
  const all = report({ tracking: ["not_mentioned", "unknown"], sale: ["not_mentioned", "unknown"], retention: ["not_mentioned", "unknown"] });
  const b = badgeState(all, t);
  assert.equal(b.text, "");
  assert.ok(b.segments.every((s) => s.level === "unknown"));
  // A level the report does not know is shown as unknown, not as anything coloured.
  const odd = report({ tracking: ["third_party", "purple"] });
  assert.equal(badgeState(odd, t).segments[0].level, "unknown");
  assert.equal(hasVerdicts(report()), true);
});

test("icon: unknown is a hollow grey outline, every other level a filled bar of its own colour", () => {
  const segments = [
    { practice: "tracking", level: "bad" },
    { practice: "sale", level: "unknown" },
    { practice: "retention", level: "good" },
  ];
  for (const size of [16, 32]) {
    const bars = iconShapes(size, segments).filter((s) => s.type === "bar");
    assert.equal(bars.length, 3);
    assert.equal(bars[0].fill, LEVEL_COLORS.bad);
    assert.equal(bars[1].fill, undefined, "unknown is not filled");
    assert.equal(bars[1].stroke, LEVEL_COLORS.unknown);
    assert.equal(bars[2].fill, LEVEL_COLORS.good);
    for (const bar of bars) {
      assert.ok(bar.x >= 0 && bar.y >= 0 && bar.x + bar.w <= size && bar.y + bar.h <= size, `bar inside the ${size}px icon`);
    }
    // The bars do not overlap: three distinct rows.
    assert.ok(bars[0].y + bars[0].h <= bars[1].y && bars[1].y + bars[1].h <= bars[2].y);
  }
  assert.notEqual(LEVEL_COLORS.unknown, LEVEL_COLORS.bad);
  assert.equal(new Set(Object.values(LEVEL_COLORS)).size, 4);
});

test("icon: a bar's length is its level too (good < caution < bad), so 16 px does not rely on colour", () => {
  const segments = ["good", "caution", "bad"].map((level, i) => ({ practice: ["tracking", "sale", "retention"][i], level }));
  for (const size of [16, 32]) {
    const [good, caution, bad] = iconShapes(size, segments).filter((s) => s.type === "bar");
    assert.ok(good.w < caution.w && caution.w < bad.w, `${size}px: ${good.w} < ${caution.w} < ${bad.w}`);
    assert.ok(caution.w - good.w >= 3 && bad.w - caution.w >= 3, `${size}px: lengths at least 3 px apart`);
    for (const bar of [good, caution, bad]) assert.equal(bar.w, Math.round(bar.w), "whole pixels");
    assert.equal(bad.w, size - 2 * (size / 16), "bad fills the width");
    const unknown = iconShapes(size, [{ practice: "tracking", level: "unknown" }])[0];
    assert.ok(unknown.w > caution.w, "unknown is a full-width outline, not a short stub");
  }
  assert.ok(LEVEL_LENGTHS.good < LEVEL_LENGTHS.caution && LEVEL_LENGTHS.caution < LEVEL_LENGTHS.bad);
  // From 32 px the glyph sits inside even the shortest bar.
  const [goodBar, goodGlyph] = iconShapes(32, segments);
  assert.equal(goodGlyph.type, "glyph");
  assert.ok(goodGlyph.x >= goodBar.x && goodGlyph.x + goodGlyph.w <= goodBar.x + goodBar.w);
});

test("icon: from 32 px each known level carries its symbol (not colour alone)", () => {
  const segments = ["good", "caution", "bad"].map((level, i) => ({ practice: ["tracking", "sale", "retention"][i], level }));
  assert.equal(iconShapes(16, segments).filter((s) => s.type === "glyph").length, 0);
  const glyphs = iconShapes(32, segments).filter((s) => s.type === "glyph");
  assert.deepEqual(glyphs.map((g) => g.glyph), ["check", "bang", "cross"]);
  for (const g of glyphs) assert.ok(glyphLines(g).length > 0);
  const idle = iconShapes(16, null);
  assert.ok(idle.every((s) => s.fill), "the idle icon is all filled shapes");
  assert.equal(idle[0].w, 16, "a full-size card");
  assert.equal(idle.length, 4);
  assert.ok(idle[1].w > idle[3].w, "three lines of decreasing length");
  assert.throws(() => iconShapes(8, null), RangeError);
});

// --- protocol ----------------------------------------------------------------------------------

const ids = { extensionId: "abc", extensionOrigin: "chrome-extension://abc/" };
const contentSender = { id: "abc", url: "https://shop.example/privacy#top", frameId: 0, tab: { id: 7 } };

test("protocol: the sender decides the role; frames, other extensions and pages are dropped", () => {
  assert.equal(senderRole(contentSender, ids), "content");
  assert.equal(senderRole({ id: "abc", url: "chrome-extension://abc/popup.html" }, ids), "extension");
  assert.equal(senderRole({ ...contentSender, frameId: 3 }, ids), null, "iframes do not speak for the tab");
  assert.equal(senderRole({ ...contentSender, id: "other" }, ids), null, "another extension");
  assert.equal(senderRole({ id: "abc", url: "https://x.example/" }, ids), null, "no tab");
  assert.equal(senderRole(null, ids), null);
});

test("protocol: a content message's tab and URL come from the sender, never from the message", () => {
  const m = validateContentMessage(
    { kind: "page:text", tabId: 99, url: "https://bank.example/privacy", title: "Privacy", blocks: [{ kind: "paragraph", text: "x", extra: "dropped" }] },
    contentSender,
  );
  assert.equal(m.tabId, 7);
  assert.equal(m.url, "https://shop.example/privacy");
  assert.deepEqual(m.blocks, [{ kind: "paragraph", text: "x" }]);
  assert.equal("extra" in m.blocks[0], false);
  // A text/plain page sends its text as it is.
  const plain = validateContentMessage({ kind: "page:text", text: "Privacy Policy\n\nWe do not sell." }, contentSender);
  assert.equal(plain.text, "Privacy Policy\n\nWe do not sell.");
  assert.equal(plain.blocks, undefined);
  assert.throws(() => validateContentMessage({ kind: "page:text", text: "x".repeat(LIMITS.MAX_TOTAL_CHARS + 1) }, contentSender), /too large/);
  assert.throws(() => validateContentMessage({ kind: "page:text", text: 42 }, contentSender), /array/);
});

test("protocol: bad content messages are refused with a reason", () => {
  const bad = [
    [null, /object/],
    [{ kind: "popup:analyze", tabId: 1 }, /unknown content message kind/],
    [{ kind: "page:text", blocks: "text" }, /array/],
    [{ kind: "page:text", blocks: [{ kind: "script", text: "x" }] }, /block kind/],
    [{ kind: "page:text", blocks: [{ kind: "paragraph", text: 5 }] }, /string/],
    [{ kind: "page:text", blocks: Array.from({ length: LIMITS.MAX_BLOCKS + 1 }, () => ({ kind: "paragraph", text: "" })) }, /too many blocks/],
    [{ kind: "page:text", blocks: [{ kind: "paragraph", text: "x".repeat(LIMITS.MAX_BLOCK_CHARS + 1) }] }, /too long/],
    [{ kind: "page:text", blocks: Array.from({ length: 11 }, () => ({ kind: "paragraph", text: "x".repeat(LIMITS.MAX_BLOCK_CHARS) })) }, /too large/],
  ];
  for (const [message, reason] of bad) {
    assert.throws(() => validateContentMessage(message, contentSender), (e) => e instanceof ProtocolError && reason.test(e.message), String(reason));
  }
  assert.throws(() => validateContentMessage({ kind: "page:text", blocks: [] }, { ...contentSender, url: "file:///etc/passwd" }), /http/);
  const links = validateContentMessage({ kind: "page:links", candidates: ["javascript:alert(1)", "https://a.example/p#x", "https://a.example/p", 42, "data:text/html,x"] }, contentSender);
  assert.deepEqual(links.candidates, ["https://a.example/p"]);
});

test("protocol: requests of extension pages are checked too", () => {
  assert.deepEqual(validatePageMessage({ kind: "popup:analyze", tabId: 3, force: "yes" }), { kind: "popup:analyze", tabId: 3, force: false });
  assert.throws(() => validatePageMessage({ kind: "popup:get-state", tabId: -1 }), /tabId/);
  assert.throws(() => validatePageMessage({ kind: "popup:show-in-page", tabId: 1, evidence: { block: 1, start_utf16: 0, end_utf16: "9", quote: "q" } }), /end_utf16/);
  assert.throws(() => validatePageMessage({ kind: "page:text" }), /unknown request kind/);
  assert.equal(cleanUrl("https://a.example/x#frag"), "https://a.example/x");
  assert.equal(cleanUrl("chrome://settings"), null);
  assert.equal(cleanUrl("x".repeat(3000)), null);
  assert.throws(() => validateBlocks({ length: 1 }), /array/);
});

test("protocol: every message kind the scripts use is declared in protocol.js", () => {
  for (const file of ["content.js", "background.js", "popup.js", "options.js"]) {
    const source = readFileSync(join(EXT, file), "utf8");
    const kinds = [...source.matchAll(/"((?:page|content|popup|options|state):[a-z-]+)"/g)].map((m) => m[1]);
    for (const kind of kinds) assert.ok(ALL_KINDS.includes(kind), `${file} uses ${kind}, which protocol.js does not declare`);
  }
  assert.equal(new Set(ALL_KINDS).size, ALL_KINDS.length, "kinds are unique");
});

// --- extract.js (a classic script) -----------------------------------------------------------------

function loadExtract() {
  const sandbox = { URL, decodeURIComponent };
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(join(EXT, "extract.js"), "utf8"), sandbox);
  return sandbox.PolicyLensExtract;
}
const X = loadExtract();

test("extract: the cheap policy check reads only URL, title and headings", () => {
  const yes = [
    { url: "https://shop.example/privacy-policy" },
    { url: "https://shop.example/legal", title: "Privacy Notice | Shop" },
    { url: "https://shop.example/p/123", headings: ["Privacy Statement"] },
    { url: "https://example.de/datenschutz" },
  ];
  for (const input of yes) assert.equal(X.policyHint(input).likely, true, JSON.stringify(input));
  const no = [
    { url: "https://news.example/2025/03/sow-vegetables", title: "Five vegetables to sow", headings: ["Five vegetables"] },
    { url: "https://shop.example/cart", title: "Your cart" },
    { url: "not a url", title: "" },
  ];
  for (const input of no) assert.equal(X.policyHint(input).likely, false, JSON.stringify(input));
  assert.deepEqual([...X.policyHint({ url: "https://a.example/privacy", title: "Privacy Policy" }).reasons], ["url", "title"]);
});

test("extract: a footer 'Privacy' link beats 'Your Privacy Choices'; rel=privacy-policy beats both", () => {
  const policy = X.scoreLink({ href: "https://a.example/legal/privacy-notice", text: "Privacy", inFooter: true });
  const choices = X.scoreLink({ href: "https://a.example/privacy-choices", text: "Your Privacy Choices", inFooter: true });
  const rel = X.scoreLink({ href: "https://a.example/p/9", text: "", rel: "privacy-policy" });
  const unrelated = X.scoreLink({ href: "https://a.example/shop", text: "Shop" });
  assert.ok(policy > choices, `${policy} > ${choices}`);
  assert.ok(rel > policy, `${rel} > ${policy}`);
  assert.equal(unrelated, 0);
  assert.equal(X.scoreLink({ href: "::", text: "Privacy" }), 0);
  assert.deepEqual([...X.wellKnownPolicyUrls("https://a.example/x/y?z")], [
    "https://a.example/.well-known/privacy-policy",
    "https://a.example/privacy",
    "https://a.example/privacy-policy",
  ]);
});

test("extract: whitespace collapsing maps every kept character back to its source (show in page)", () => {
  const inputs = ["  a  b\n\tc ", "abc", "   ", "\u00a0x\u2003y  ", "x\n\n\ny", " lead", "trail  "];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 300; i++) {
    inputs.push(Array.from({ length: Math.floor(rand() * 20) }, () => " \n\tab\u00a0é😀"[Math.floor(rand() * 9)]).join(""));
  }
  for (const data of inputs) {
    for (const start of [{ space: false, empty: true }, { space: true, empty: false }, { space: false, empty: false }]) {
      const state = { ...start };
      const out = X.collapse(data, state);
      const map = X.sourceIndexes(data, { ...start });
      assert.equal(map.length, out.length, JSON.stringify({ data, start }));
      for (let k = 0; k < out.length; k++) {
        if (out[k] === " ") assert.match(data[map[k]], /\s/);
        else assert.equal(data[map[k]], out[k]);
      }
    }
  }
});

test("extract: inline styles that hide text (the static reading of a fetched policy)", () => {
  const hiding = [
    "display:none", "display: none !important", "visibility:hidden", "opacity:0", "opacity: 0.0", "font-size:0",
    "font-size: 0px", "color: transparent", "color: rgba(0, 0, 0, 0)", "clip: rect(0 0 0 0)", "clip: rect(0px, 0px, 0px, 0px)",
    "clip-path: inset(50%)", "position:absolute; width:1px; height:1px; overflow:hidden", "position:absolute; left:-9999px",
    "text-indent: -10000px",
  ];
  for (const style of hiding) assert.equal(X.styleHides(style), true, style);
  const showing = ["", "color: red", "opacity: 0.5", "font-size: 10px", "left: -5px", "width: 1px", "display: block", "margin-left: -20px"];
  for (const style of showing) assert.equal(X.styleHides(style), false, style);
});

test("pages: browser pages, files and PDFs are named before anything is tried", () => {
  assert.equal(unsupportedReason("chrome://extensions"), "internal");
  assert.equal(unsupportedReason("about:blank"), "internal");
  assert.equal(unsupportedReason(undefined), "internal");
  assert.equal(unsupportedReason("https://chromewebstore.google.com/detail/x"), "internal");
  assert.equal(unsupportedReason("file:///home/me/policy.html"), "file");
  assert.equal(unsupportedReason("https://a.example/docs/Privacy.PDF"), "pdf");
  assert.equal(unsupportedReason("https://a.example/privacy"), null);
  assert.deepEqual(normalizeSettings({ mode: "click", backgroundLinked: "yes" }), { mode: "click", backgroundLinked: false });
  assert.deepEqual(normalizeSettings(null), { mode: "auto", backgroundLinked: false });
});

test("pages: a public page cannot point the extension at a private or local address", () => {
  const shop = "https://shop.example/";
  const refused = [
    "http://127.0.0.1/admin", "http://2130706433/", "http://0x7f.1/", "http://0.0.0.0:8080/", "http://10.0.0.1/",
    "http://172.20.1.1/", "http://192.168.1.1/admin", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/",
    "http://localhost:3000/", "http://app.localhost/", "http://router/", "http://printer.local/", "http://nas.home.arpa/",
    "http://[::1]/", "http://[::ffff:192.168.0.1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://224.0.0.1/",
    "javascript:alert(1)", "file:///etc/passwd", "ftp://shop.example/privacy", "https://user:pw@shop.example/privacy", "not a url",
  ];
  for (const url of refused) assert.equal(fetchAllowed(url, shop), false, url);
  const allowed = ["https://shop.example/privacy", "https://company.example/legal/privacy", "http://93.184.216.34/privacy", "https://[2606:4700::1111]/privacy"];
  for (const url of allowed) assert.equal(fetchAllowed(url, shop), true, url);
  // A page on a local host may name its own host's policy (the test site, an intranet).
  assert.equal(fetchAllowed("http://127.0.0.1:9000/privacy", "http://127.0.0.1:9000/shop"), true);
  assert.equal(fetchAllowed("http://192.168.1.1/", "http://127.0.0.1:9000/shop"), false);
  assert.equal(hostIsPrivate("example.com"), false);
  assert.equal(hostIsPrivate("intranet"), true);
});

test("content.js caps a same-origin fetch at protocol.js's LIMITS.MAX_FETCH_BYTES", () => {
  const src = readFileSync(join(EXT, "content.js"), "utf8");
  const m = /const MAX_FETCH_BYTES = (\d+);/.exec(src);
  assert.ok(m, "content.js declares MAX_FETCH_BYTES");
  assert.equal(Number(m[1]), LIMITS.MAX_FETCH_BYTES);
});

// --- the packer --------------------------------------------------------------------------------------

/** Reads a zip's central directory and inflates every entry (a reader independent of the writer). */
function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, "end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const lname = buf.readUInt16LE(offset + 26);
    const lextra = buf.readUInt16LE(offset + 28);
    const body = buf.subarray(offset + 30 + lname + lextra, offset + 30 + lname + lextra + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    assert.equal(crc32(data), crc, `${name}: CRC`);
    files[name] = data;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

test("pack: the zip writer round-trips (stored and deflated entries, UTF-8 names)", () => {
  const entries = [
    { name: "manifest.json", data: Buffer.from('{"a":1}') },
    { name: "dir/big.txt", data: Buffer.from("policy ".repeat(5000)) },
    { name: "ui/é.txt", data: Buffer.from([0, 1, 2, 3]) },
    { name: "empty", data: Buffer.alloc(0) },
  ];
  const files = unzip(zip(entries));
  assert.deepEqual(Object.keys(files), entries.map((e) => e.name));
  for (const e of entries) assert.ok(files[e.name].equals(e.data), e.name);
  assert.equal(crc32(Buffer.from("123456789")), 0xcbf43926, "CRC-32 check value");
});

test("pack: the Firefox manifest (background scripts, gecko id, data collection, 140.0)", () => {
  const chrome = JSON.parse(readFileSync(join(EXT, "manifest.json"), "utf8"));
  const ff = firefoxManifest(chrome);
  assert.deepEqual(ff.background, { scripts: ["background.js"], type: "module" });
  assert.equal(ff.browser_specific_settings.gecko.strict_min_version, "140.0");
  assert.match(ff.browser_specific_settings.gecko.id, /@/);
  assert.deepEqual(ff.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.equal(ff.permissions.includes("offscreen"), false);
  assert.equal(chrome.background.service_worker, "background.js", "the Chrome manifest is untouched");
});

test("pack: the built zips hold the extension (after ./build.sh)", { skip: !existsSync(join(ROOT, "dist", "policy-lens-chrome.zip")) && "dist/ not built" }, () => {
  const chromeFiles = unzip(readFileSync(join(ROOT, "dist", "policy-lens-chrome.zip")));
  const ffFiles = unzip(readFileSync(join(ROOT, "dist", "policy-lens-firefox.zip")));
  for (const f of ["manifest.json", "background.js", "content.js", "extract.js", "popup.html", "pkg/policy_lens_bg.wasm", "ui/report-view.js", "_locales/en/messages.json", "icons/icon-128.png"]) {
    assert.ok(chromeFiles[f], `chrome zip has ${f}`);
    assert.ok(ffFiles[f], `firefox zip has ${f}`);
  }
  assert.ok(!Object.keys(chromeFiles).some((f) => f.startsWith("tools/")), "no build tools inside");
  assert.ok(JSON.parse(ffFiles["manifest.json"]).browser_specific_settings);
  assert.ok(!ffFiles["offscreen.html"], "no offscreen page for Firefox");
});

// --- the manifest and its documentation ---------------------------------------------------------------

test("manifest: MV3, strict CSP, no remote code, no web-accessible resources; every permission justified", () => {
  const m = JSON.parse(readFileSync(join(EXT, "manifest.json"), "utf8"));
  assert.equal(m.manifest_version, 3);
  const csp = m.content_security_policy.extension_pages;
  assert.match(csp, /^script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|https?:/);
  assert.equal(m.web_accessible_resources, undefined);
  assert.equal(m.externally_connectable, undefined);
  assert.deepEqual(m.permissions.sort(), ["activeTab", "scripting", "storage"]);
  const doc = readFileSync(join(EXT, "PERMISSIONS.md"), "utf8");
  for (const p of [...m.permissions, ...m.host_permissions]) assert.ok(doc.includes(`\`${p}\``), `PERMISSIONS.md justifies ${p}`);
  for (const file of ["background.js", "popup.js", "options.js", "content.js", "extract.js"]) {
    const source = readFileSync(join(EXT, file), "utf8");
    assert.doesNotMatch(source, /\binnerHTML\b|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, `${file} builds no markup from strings`);
    assert.doesNotMatch(source, /https?:\/\/(?!\*)/, `${file} names no remote URL`);
  }
  for (const key of Object.keys(extStrings)) assert.ok(extStrings[key].message.length > 0, key);
});

test("the wasm reads blocks as the extension sends them (offsets into the joined text)", { skip: !lens && "pkg/node not built" }, () => {
  const blocks = [
    { kind: "title", text: "Privacy Policy – Juniper" },
    { kind: "heading", text: "Privacy Policy" },
    { kind: "paragraph", text: "This privacy policy explains how we collect and use your personal information." },
    { kind: "paragraph", text: "We do not sell your personal information." },
  ];
  const r = lens.analyzeBlocks(blocks);
  assert.equal(r.practices.sale.verdict, "no_sale");
  const e = r.practices.sale.evidence[0];
  const joined = blocks.map((b) => b.text).join("\n\n");
  assert.equal(joined.slice(e.start_utf16, e.end_utf16), e.quote);
  assert.equal(e.block, 3);
});

test("web-ext lint: the Firefox build has no errors", { skip: !existsSync(join(ROOT, "dist", "firefox", "manifest.json")) && "dist/firefox not built (./build.sh)" }, () => {
  const bin = join(ROOT, "node_modules", ".bin", "web-ext");
  assert.ok(existsSync(bin), "npm web-ext is not installed (npm ci)");
  let out;
  try {
    out = execFileSync(bin, ["lint", "--source-dir", join(ROOT, "dist", "firefox"), "--self-hosted", "--output", "json", "--no-input"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = e.stdout; // web-ext exits non-zero on errors; the JSON says which
  }
  const result = JSON.parse(out);
  assert.deepEqual(result.errors.map((e) => `${e.code}: ${e.message}`), []);
  assert.equal(result.summary.errors, 0);
});
